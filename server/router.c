/* router.c - family detection by path prefix (and Authorization scheme where a path could be
 * both S3 and OCI), the path-template matcher every family's route table uses, and the
 * dispatch into the family. */
#include "router.h"

#include "emu/emu.h"
#include "kms/aws_kms.h"
#include "oci/oci.h"
#include "s3/s3.h"

#include "../storage/store.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int has_prefix(const char *path, const char *prefix)
{
    size_t n = strlen(prefix);

    /* "/n" matches "/n" and "/n/..." but not "/nx" */
    return !strncmp(path, prefix, n) && (path[n] == '\0' || path[n] == '/');
}

/* An AWS-signed request: SigV4 header, SigV2 header, or a presigned query. */
static int aws_signed(const struct req *rq)
{
    const char *auth = req_header(rq, "Authorization");

    if (auth && (!strncmp(auth, "AWS4-", 5) || !strncmp(auth, "AWS ", 4)))
        return 1;
    return req_query(rq, "X-Amz-Algorithm") != NULL || req_query(rq, "AWSAccessKeyId") != NULL;
}

enum family router_family(const struct req *rq)
{
    static const struct {
        const char *prefix;
        enum family fam;
    } oci[] = {
        { "/n", FAM_OCI_OS },
        { "/20160918", FAM_OCI_CORE },
        { "/20180608", FAM_OCI_KMS },
        { "/20200131", FAM_OCI_CG },
    };
    const char *p = rq->path;

    if (has_prefix(p, "/_cmkemu") || has_prefix(p, "/moto-api"))
        return FAM_EMU;
    if (!strcmp(p, "/") && !strcmp(rq->method, "POST") && req_header(rq, "X-Amz-Target"))
        return FAM_AWS_JSON;
    /* CHOICE: a path that is both an OCI prefix and an S3 bucket (a bucket named "n") goes to
     * S3 only when the request carries an AWS signature. */
    if (has_prefix(p, "/oci"))
        return aws_signed(rq) ? FAM_S3 : oci_family_of_prefixed(p);
    for (size_t i = 0; i < sizeof(oci) / sizeof(oci[0]); i++)
        if (has_prefix(p, oci[i].prefix))
            return aws_signed(rq) ? FAM_S3 : oci[i].fam;
    return FAM_S3;
}

const char *router_family_name(enum family f)
{
    static const char *const names[] = { "s3",      "aws-json", "oci-os", "oci-core",
                                         "oci-kms", "oci-cg",   "emu" };

    return (unsigned)f < sizeof(names) / sizeof(names[0]) ? names[f] : "?";
}

int path_split(struct path_segs *ps, const char *path)
{
    char *p;

    ps->n = 0;
    ps->too_many = 0;
    ps->copy = strdup(path);
    if (!ps->copy)
        return -1;
    p = ps->copy;
    if (*p == '/')
        p++;
    if (!*p)
        return 0;
    for (;;) {
        char *slash = strchr(p, '/');

        if (ps->n == ROUTER_MAX_SEGS) {
            ps->too_many = 1;
            return 0;
        }
        ps->seg[ps->n++] = p;
        if (!slash)
            break;
        *slash = '\0';
        p = slash + 1;
    }
    return 0;
}

void path_segs_release(struct path_segs *ps)
{
    free(ps->copy);
    ps->copy = NULL;
    ps->n = 0;
}

int route_match(const char *pattern, const struct path_segs *ps, size_t from, struct req *rq)
{
    const char *p = pattern;
    size_t i = from;
    size_t np = 0;
    const char *cap[REQ_MAX_PARAMS];

    if (ps->too_many)
        return 0;
    if (*p == '/')
        p++;
    while (*p) {
        const char *end = strchr(p, '/');
        size_t len = end ? (size_t)(end - p) : strlen(p);

        if (i >= ps->n)
            return 0;
        if (p[0] == '{') {
            if (!ps->seg[i][0] || np == REQ_MAX_PARAMS)
                return 0;
            cap[np++] = ps->seg[i];
        } else if (strlen(ps->seg[i]) != len || strncmp(ps->seg[i], p, len)) {
            return 0;
        }
        i++;
        p += len;
        if (*p == '/')
            p++;
    }
    if (i != ps->n)
        return 0;
    for (size_t k = 0; k < np; k++)
        rq->param[k] = cap[k];
    rq->nparam = np;
    return 1;
}

api_handler *route_find(const struct route *tab, size_t n, struct req *rq,
                        const struct path_segs *ps, size_t from, int *path_matched)
{
    *path_matched = 0;
    for (size_t i = 0; i < n; i++) {
        if (!route_match(tab[i].pattern, ps, from, rq))
            continue;
        if (!strcmp(tab[i].method, rq->method))
            return tab[i].fn;
        *path_matched = 1;
    }
    rq->nparam = 0;
    return NULL;
}

static void dispatch(struct req *rq, struct ctx *cx, struct resp *rs)
{
    switch ((enum family)rq->family) {
    case FAM_EMU:
        emu_dispatch(rq, cx, rs);
        return;
    case FAM_OCI_OS:
    case FAM_OCI_CORE:
    case FAM_OCI_KMS:
    case FAM_OCI_CG:
        oci_dispatch(rq, cx, rs);
        return;
    case FAM_AWS_JSON:
        aws_kms_dispatch(rq, cx, rs);
        return;
    case FAM_S3:
        s3_dispatch(rq, cx, rs);
        return;
    }
}

void router_dispatch(struct req *rq, struct ctx *cx, struct resp *rs)
{
    /* A GET or HEAD reads what it needs in one read transaction instead of one per store call */
    int view = cx->store && (!strcmp(rq->method, "GET") || !strcmp(rq->method, "HEAD"));

    rq->family = (int)router_family(rq);
    if (view)
        store_view_begin(cx->store);
    dispatch(rq, cx, rs);
    if (view)
        store_view_end(cx->store);
}
