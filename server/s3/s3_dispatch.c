/* s3_dispatch.c - the S3 surface in one table, and what every S3 request goes through first:
 * request ids, path-style or virtual-hosted addressing, the caller's account and region from
 * the SigV4 credential scope, and the body cap. */
#include "s3.h"
#include "s3_handlers.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

enum s3_shape { S3_SERVICE, S3_BUCKET, S3_OBJECT };

struct s3_route {
    const char *method;
    enum s3_shape shape;
    const char *sub; /* query sub-resource that selects the row, NULL for none */
    api_handler *fn;
};

/* Rows with a sub-resource come before the plain row of the same method and shape. */
/* clang-format off */
static const struct s3_route s3_routes[] = {
    { "GET",    S3_SERVICE, NULL,         s3_list_buckets },
    { "PUT",    S3_BUCKET,  "encryption", s3_put_bucket_encryption },
    { "GET",    S3_BUCKET,  "encryption", s3_get_bucket_encryption },
    { "DELETE", S3_BUCKET,  "encryption", s3_delete_bucket_encryption },
    { "GET",    S3_BUCKET,  "location",   s3_get_bucket_location },
    { "PUT",    S3_BUCKET,  NULL,         s3_create_bucket },
    { "HEAD",   S3_BUCKET,  NULL,         s3_head_bucket },
    { "DELETE", S3_BUCKET,  NULL,         s3_delete_bucket },
};
/* clang-format on */

/* Bucket-level sub-resources S3 has and cmkemu does not serve: answered 501, never routed to
 * the plain bucket operation. */
/* clang-format off */
static const char *const s3_unserved_subs[] = {
    "accelerate",
    "acl",
    "analytics",
    "cors",
    "intelligent-tiering",
    "inventory",
    "lifecycle",
    "logging",
    "metrics",
    "notification",
    "object-lock",
    "ownershipControls",
    "policy",
    "policyStatus",
    "publicAccessBlock",
    "replication",
    "requestPayment",
    "tagging",
    "versioning",
    "versions",
    "website",
    "uploads",
    "delete",
    "session",
    "metadataTable",
};
/* clang-format on */

/* Copies the credential's access key and region out of a SigV4 Authorization header
 * ("AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request, ...") or the presigned
 * X-Amz-Credential query value. */
static void credential_scope(const struct req *rq, char *akid, size_t akn, char *region, size_t rn)
{
    const char *auth = req_header(rq, "Authorization");
    const char *cred = NULL;
    const char *p;
    size_t n;

    akid[0] = region[0] = '\0';
    if (auth && (p = strstr(auth, "Credential=")) != NULL)
        cred = p + strlen("Credential=");
    else if (auth && !strncmp(auth, "AWS ", 4))
        cred = auth + 4; /* SigV2: "AWS AKID:signature" */
    else
        cred = req_query(rq, "X-Amz-Credential");
    if (!cred)
        return;
    n = strcspn(cred, "/:, ");
    if (n < akn) {
        memcpy(akid, cred, n);
        akid[n] = '\0';
    }
    if (cred[n] != '/')
        return;
    p = cred + n + 1;   /* date */
    p = strchr(p, '/'); /* region follows */
    if (!p)
        return;
    p++;
    n = strcspn(p, "/, ");
    /* a region is [a-z0-9-]; anything else (it becomes a bucket's region and a header value)
     * leaves the configured region */
    if (n && n < rn && strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789-") >= n) {
        memcpy(region, p, n);
        region[n] = '\0';
    }
}

static int all_digits(const char *s, size_t n)
{
    if (strlen(s) != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

/* The bucket named by a virtual-hosted Host header, or 0: "<bucket>.s3.<domain>[:port]",
 * "<bucket>.s3-<region>.<domain>" and "<bucket>.localhost[:port]". */
static int virtual_host_bucket(const char *host, char *out, size_t n)
{
    size_t hl;
    const char *cut = NULL;
    const char *p;

    if (!host)
        return 0;
    hl = strcspn(host, ":");
    if (hl > 9 && !strncasecmp(host + hl - 10, ".localhost", 10))
        cut = host + hl - 10;
    for (p = host; p + 4 <= host + hl; p++)
        if (!strncasecmp(p, ".s3.", 4) || !strncasecmp(p, ".s3-", 4))
            cut = p; /* the last ".s3." wins: bucket names may hold dots */
    if (!cut || cut == host || (size_t)(cut - host) >= n)
        return 0;
    memcpy(out, host, (size_t)(cut - host));
    out[cut - host] = '\0';
    for (char *c = out; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    return 1;
}

static void s3_set_ids(struct ctx *cx)
{
    ids_upper_alnum(cx->ids, cx->request_id, 16);
    ids_base64(cx->ids, cx->host_id, 57); /* 76 base64 characters, as AWS's */
}

void s3_dispatch(struct req *rq, struct ctx *cx, struct resp *rs)
{
    char vbucket[256];
    char bucketbuf[1100];
    char akid[128] = "";
    char region[64] = "";
    const char *path = rq->path;
    const char *key = "";
    enum s3_shape shape;
    int method_seen = 0;

    s3_set_ids(cx);
    resp_header(rs, "x-amz-request-id", cx->request_id);
    resp_header(rs, "x-amz-id-2", cx->host_id);
    resp_header(rs, "Server", "AmazonS3");

    credential_scope(rq, akid, sizeof(akid), region, sizeof(region));
    rq->account = all_digits(akid, 12) ? akid : cx->cfg->default_account;
    rq->region = region[0] ? region : cx->cfg->region;

    if (*path == '/')
        path++;
    if (virtual_host_bucket(req_header(rq, "Host"), vbucket, sizeof(vbucket))) {
        rq->param[0] = vbucket;
        key = path;
    } else {
        size_t bl = strcspn(path, "/");

        if (bl >= sizeof(bucketbuf)) {
            s3_fail_bucket(rs, cx, S3_ERR_INVALID_BUCKET_NAME, "");
            return;
        }
        memcpy(bucketbuf, path, bl);
        bucketbuf[bl] = '\0';
        rq->param[0] = bucketbuf;
        key = path[bl] == '/' ? path + bl + 1 : "";
    }
    rq->param[1] = key;
    rq->nparam = 2;
    shape = !rq->param[0][0] ? S3_SERVICE : (key[0] ? S3_OBJECT : S3_BUCKET);

    if (rq->body_over_cap) {
        s3_fail(rs, cx, S3_ERR_MAX_MESSAGE_LENGTH);
        return;
    }
    for (size_t i = 0; i < sizeof(s3_routes) / sizeof(s3_routes[0]); i++) {
        const struct s3_route *r = &s3_routes[i];

        if (r->shape != shape || (r->sub && !req_query(rq, r->sub)))
            continue;
        if (!r->sub) {
            int unserved = 0;

            for (size_t u = 0; u < sizeof(s3_unserved_subs) / sizeof(s3_unserved_subs[0]); u++)
                if (req_query(rq, s3_unserved_subs[u]))
                    unserved = 1;
            if (unserved) {
                s3_fail(rs, cx, S3_ERR_NOT_IMPLEMENTED);
                return;
            }
        }
        if (strcmp(r->method, rq->method)) {
            method_seen = 1;
            continue;
        }
        r->fn(rq, cx, rs);
        return;
    }
    /* CHOICE: an operation cmkemu does not serve answers 501 NotImplemented; a method S3 has
     * no operation for on that resource answers 405 MethodNotAllowed. */
    if (method_seen && strcmp(rq->method, "GET") && strcmp(rq->method, "PUT") &&
        strcmp(rq->method, "HEAD") && strcmp(rq->method, "DELETE") && strcmp(rq->method, "POST"))
        s3_fail(rs, cx, S3_ERR_METHOD_NOT_ALLOWED);
    else
        s3_fail(rs, cx, S3_ERR_NOT_IMPLEMENTED);
}
