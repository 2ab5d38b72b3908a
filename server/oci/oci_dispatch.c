/* oci_dispatch.c - entry point of every OCI request: the region it is addressed to (Host header
 * or /oci/<region> path prefix, else --oci-region), the caller from the signature's keyId (whose
 * signature --auth strict verifies), the opc-request-id, the body cap, then the family's route
 * table. */
#include "oci.h"

#include "oci_common.h"
#include "oci_ocid.h"

#include "../auth/auth_oci.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Splits "/oci/<region>[/kms/<endpoint>]/rest": returns the number of segments taken (2 or 4),
 * or 0 when the path has no prefix. */
static size_t prefix_segments(const struct path_segs *ps)
{
    if (ps->n < 2 || strcmp(ps->seg[0], "oci"))
        return 0;
    if (ps->n >= 4 && !strcmp(ps->seg[2], "kms"))
        return 4;
    return 2;
}

enum family oci_family_of_prefixed(const char *path)
{
    struct path_segs ps;
    enum family f = FAM_S3;
    size_t from;

    if (path_split(&ps, path))
        return FAM_S3;
    from = prefix_segments(&ps);
    if (from && ps.n > from) {
        const char *s = ps.seg[from];

        if (!strcmp(s, "n"))
            f = FAM_OCI_OS;
        else if (!strcmp(s, "20160918"))
            f = FAM_OCI_CORE;
        else if (!strcmp(s, "20180608"))
            f = FAM_OCI_KMS;
        else if (!strcmp(s, "20200131"))
            f = FAM_OCI_CG;
    } else if (from) {
        f = FAM_OCI_OS; /* "/oci/<region>" alone: answered 404 by Object Storage */
    }
    path_segs_release(&ps);
    return f;
}

/* Region and KMS endpoint named by a Host header such as
 * objectstorage.us-ashburn-1.oraclecloud.com, iaas.iad.oraclecloud.com or
 * <prefix>-management.kms.us-ashburn-1.oraclecloud.com. */
static const struct oci_region *host_region(const char *host, char *vault, size_t vn)
{
    static const char *const services[] = { "objectstorage.", "iaas.", "kms.",
                                            "cloudguard-cp-api." };
    vault[0] = '\0';
    if (!host)
        return NULL;
    for (size_t i = 0; i < sizeof(services) / sizeof(services[0]); i++) {
        const struct oci_region *r;
        const char *p = strstr(host, services[i]);
        size_t n;

        if (!p || (p != host && p[-1] != '.'))
            continue;
        if (!strcmp(services[i], "kms.") && p != host) {
            size_t pl = (size_t)(p - 1 - host);

            if (pl < vn) {
                memcpy(vault, host, pl);
                vault[pl] = '\0';
            }
        }
        p += strlen(services[i]);
        n = strcspn(p, ".:");
        r = oci_region_findn(p, n);
        if (r)
            return r;
    }
    return NULL;
}

/* Copies the keyId="tenancy/user/fingerprint" parameter of a draft-cavage Signature header.
 * Parameters are order-independent. Returns 0, or -1 when absent or malformed. */
static int signature_key_id(const char *auth, char *tenancy, size_t tn, char *user, size_t un)
{
    const char *p;
    const char *end;
    const char *s1;
    const char *s2;

    if (!auth || strncasecmp(auth, "Signature ", 10))
        return -1;
    p = strstr(auth, "keyId=\"");
    if (!p)
        return -1;
    p += 7;
    end = strchr(p, '"');
    if (!end)
        return -1;
    s1 = memchr(p, '/', (size_t)(end - p));
    s2 = s1 ? memchr(s1 + 1, '/', (size_t)(end - s1 - 1)) : NULL;
    if (!s1 || !s2 || s1 == p || s2 == s1 + 1 || s2 + 1 == end || (size_t)(s1 - p) >= tn ||
        (size_t)(s2 - s1 - 1) >= un)
        return -1;
    memcpy(tenancy, p, (size_t)(s1 - p));
    tenancy[s1 - p] = '\0';
    memcpy(user, s1 + 1, (size_t)(s2 - s1 - 1));
    user[s2 - s1 - 1] = '\0';
    return 0;
}

/* a b c (c may be NULL) into out, cut to fit as snprintf would: the two strings every request
 * builds, without snprintf's cost */
static void join3(char *out, size_t n, const char *a, const char *b, const char *c)
{
    const char *part[3] = { a, b, c ? c : "" };
    size_t w = 0;

    for (int i = 0; i < 3; i++) {
        size_t k = strlen(part[i]);

        if (k > n - 1 - w)
            k = n - 1 - w;
        memcpy(out + w, part[i], k);
        w += k;
    }
    out[w] = '\0';
}

/* opc-request-id: the client's when it sent one, else one in the family's format. */
static void request_id(const struct req *rq, struct ctx *cx, const struct oci_region *r)
{
    const char *given = req_header(rq, "opc-request-id");

    if (given && *given && strlen(given) < sizeof(cx->request_id)) {
        snprintf(cx->request_id, sizeof(cx->request_id), "%s", given);
    } else if (rq->family == FAM_OCI_OS) {
        char opaque[49];

        ids_upper_alnum(cx->ids, opaque, 48);
        join3(cx->request_id, sizeof(cx->request_id), r ? r->code : "iad", "-1:", opaque);
    } else {
        char a[33], b[33], c[33];

        ids_hex(cx->ids, a, 16);
        ids_hex(cx->ids, b, 16);
        ids_hex(cx->ids, c, 16);
        for (char *q = b; *q; q++)
            *q = (char)toupper((unsigned char)*q);
        for (char *q = c; *q; q++)
            *q = (char)toupper((unsigned char)*q);
        snprintf(cx->request_id, sizeof(cx->request_id), "%s/%s/%s", a, b, c);
    }
}

static void family_table(int fam, const struct route **tab, size_t *n)
{
    switch (fam) {
    case FAM_OCI_OS:
        *tab = oci_os_routes;
        *n = oci_os_nroutes;
        return;
    case FAM_OCI_CORE:
        *tab = oci_core_routes;
        *n = oci_core_nroutes;
        return;
    case FAM_OCI_KMS:
        *tab = oci_kms_routes;
        *n = oci_kms_nroutes;
        return;
    default:
        *tab = oci_cg_routes;
        *n = oci_cg_nroutes;
        return;
    }
}

void oci_dispatch(struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct path_segs ps;
    const struct oci_region *r = NULL;
    char vault[128] = "";
    char tenancy[256];
    char user[256];
    char endpoint[512];
    const char *host = req_header(rq, "Host");
    const struct route *tab;
    size_t ntab;
    size_t from;
    int path_matched = 0;
    api_handler *fn;

    if (path_split(&ps, rq->path)) {
        oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
        return;
    }
    from = prefix_segments(&ps);
    if (from) {
        r = oci_region_find(ps.seg[1]);
        if (from == 4) {
            /* "<prefix>-management" or "<prefix>-crypto" */
            size_t n = strcspn(ps.seg[3], "-");

            if (n < sizeof(vault)) {
                memcpy(vault, ps.seg[3], n);
                vault[n] = '\0';
            }
        }
        snprintf(endpoint, sizeof(endpoint), "http://%s/oci/%s", host ? host : "127.0.0.1",
                 r ? r->name : ps.seg[1]);
    } else {
        r = host_region(host, vault, sizeof(vault));
        join3(endpoint, sizeof(endpoint), "http://", host ? host : "127.0.0.1", NULL);
    }
    if (!r && !from)
        r = oci_region_find(cx->cfg->oci_region);
    request_id(rq, cx, r);
    resp_header(rs, "opc-request-id", cx->request_id);
    if (rq->family == FAM_OCI_OS) {
        const char *crid = req_header(rq, "opc-client-request-id");

        if (crid)
            resp_header(rs, "opc-client-request-id", crid);
    }
    rq->region = r ? r->name : NULL;
    rq->vault = vault[0] ? vault : NULL;
    rq->endpoint = endpoint;
    rq->seg_from = from;

    if (!r) {
        /* CHOICE: an unknown region in the /oci/<region> prefix is an unknown endpoint. */
        oci_fail(rs, cx, OCI_ERR_ROUTE_NOT_FOUND, NULL);
        goto out;
    }
    if (signature_key_id(req_header(rq, "Authorization"), tenancy, sizeof(tenancy), user,
                         sizeof(user))) {
        oci_fail(rs, cx, OCI_ERR_NOT_AUTHENTICATED, NULL);
        goto out;
    }
    if (cx->cfg->auth == AUTH_STRICT) {
        char why[512];

        if (auth_oci_verify(rq, cx, why, sizeof(why))) {
            oci_fail(rs, cx, OCI_ERR_AUTH_FAILED, why);
            goto out;
        }
    }
    rq->account = tenancy;
    rq->user = user;
    if (rq->body_over_cap) {
        char cap[32];

        snprintf(cap, sizeof(cap), "%zu", cx->cfg->max_body);
        oci_fail(rs, cx,
                 rq->family == FAM_OCI_OS ? OCI_ERR_OS_PAYLOAD_TOO_LARGE
                                          : OCI_ERR_PAYLOAD_TOO_LARGE,
                 cap);
        goto out;
    }
    family_table(rq->family, &tab, &ntab);
    fn = route_find(tab, ntab, rq, &ps, from, &path_matched);
    if (fn)
        fn(rq, cx, rs);
    else
        oci_fail(rs, cx, path_matched ? OCI_ERR_METHOD_NOT_ALLOWED : OCI_ERR_ROUTE_NOT_FOUND, NULL);
out:
    path_segs_release(&ps);
}
