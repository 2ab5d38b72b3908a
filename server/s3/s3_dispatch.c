/* s3_dispatch.c - the S3 surface in one table, and what every S3 request goes through first:
 * request ids, path-style or virtual-hosted addressing, the caller's account and region from
 * the SigV4 credential scope, the signature check in --auth strict, and the body cap. */
#include "s3.h"
#include "s3_auth.h"
#include "s3_directory_name.h"
#include "s3_handlers.h"
#include "s3_session.h"

#include "../aws_caller.h"

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
    { "GET",    S3_BUCKET,  "session",    s3_create_session },
    { "PUT",    S3_BUCKET,  NULL,         s3_create_bucket },
    { "HEAD",   S3_BUCKET,  NULL,         s3_head_bucket },
    { "DELETE", S3_BUCKET,  NULL,         s3_delete_bucket },
    { "GET",    S3_BUCKET,  "list-type",  s3_list_objects_v2 },
    { "PUT",    S3_OBJECT,  NULL,         s3_put_object },
    { "GET",    S3_OBJECT,  NULL,         s3_get_object },
    { "HEAD",   S3_OBJECT,  NULL,         s3_head_object },
    { "DELETE", S3_OBJECT,  NULL,         s3_delete_object },
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
    "metadataTable",
    "uploadId",
    "attributes",
    "retention",
    "legal-hold",
    "restore",
    "select",
    "torrent",
    "renameObject",
};
/* clang-format on */

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

/* A body over the server's cap (--max-body): an object upload answers EntityTooLarge with
 * the declared size and the cap (CHOICE: the cap is --max-body, default 8 MiB); any other
 * request MaxMessageLengthExceeded. */
static void body_too_large(const struct req *rq, struct ctx *cx, struct resp *rs,
                           enum s3_shape shape)
{
    const char *proposed = req_header(rq, "x-amz-decoded-content-length");
    char max[32];
    struct kv extra[2];
    size_t n = 0;

    if (shape != S3_OBJECT || strcmp(rq->method, "PUT")) {
        s3_fail(rs, cx, S3_ERR_MAX_MESSAGE_LENGTH);
        return;
    }
    if (!proposed)
        proposed = req_header(rq, "Content-Length");
    snprintf(max, sizeof(max), "%zu", cx->cfg->max_body);
    if (proposed)
        extra[n++] = (struct kv){ "ProposedSize", proposed };
    extra[n++] = (struct kv){ "MaxSizeAllowed", max };
    s3_fail_ex(rs, cx, S3_ERR_ENTITY_TOO_LARGE, NULL, extra, n);
}

void s3_dispatch(struct req *rq, struct ctx *cx, struct resp *rs)
{
    char vbucket[256];
    char bucketbuf[1100];
    char session_account[16];
    struct aws_caller caller;
    struct auth_aws_outcome auth; /* rq->account points into it in --auth strict */
    const char *path = rq->path;
    const char *key = "";
    enum s3_shape shape;
    int method_seen = 0;

    s3_set_ids(cx);
    resp_header(rs, "x-amz-request-id", cx->request_id);
    resp_header(rs, "x-amz-id-2", cx->host_id);
    resp_header(rs, "Server", "AmazonS3");

    aws_caller_read(rq, &caller);
    aws_caller_apply(rq, &caller, cx->cfg->default_account, cx->cfg->region);
    if (cx->cfg->auth == AUTH_STRICT) {
        int denied = s3_auth_check(rq, cx, rs, &auth);

        auth_aws_release(&auth);
        if (denied)
            return;
    }

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
        /* CHOICE: the AWS SDK for JavaScript v3 addresses a directory bucket at a custom
         * endpoint as "/<bucket>/" followed by the operation's own path, so every request
         * reads "/<bucket>//<key>" (CreateSession "/<bucket>//?session"). Under a --x-s3 name
         * the extra slash is dropped: a directory bucket's key never begins with "/" here. */
        if (*key == '/' && s3_directory_name_claimed(bucketbuf))
            key++;
    }
    rq->param[1] = key;
    rq->nparam = 2;
    shape = !rq->param[0][0] ? S3_SERVICE : (key[0] ? S3_OBJECT : S3_BUCKET);

    if (rq->body_over_cap) {
        body_too_large(rq, cx, rs, shape);
        return;
    }
    /* signed with a CreateSession session: the session names the account (s3_session.c) */
    if (req_header(rq, "x-amz-s3session-token")) {
        if (s3_session_authorize(rq, cx, rs, session_account))
            return;
        rq->account = session_account;
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
