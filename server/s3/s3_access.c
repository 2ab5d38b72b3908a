/* s3_access.c - bucket lookup, expected-bucket-owner and ownership checks shared by the
 * bucket-level operations, and the implicit documentation buckets (amzn-s3-demo-*). */
#include "s3_access.h"

#include "s3.h"
#include "s3_bucket_name.h"

#include <stdio.h>
#include <string.h>

int s3_account_id_valid(const char *value)
{
    return strlen(value) == 12 && strspn(value, "0123456789") == 12;
}

/* CHOICE: AWS's documentation placeholders (amzn-s3-demo-*) cannot be created (CreateBucket
 * answers InvalidBucketName, as AWS does), so that the examples of AWS's documentation run
 * verbatim they exist implicitly: the first bucket-level request naming a missing one creates
 * it for the caller's account in the request's region. */
static int demo_bucket(const struct req *rq, struct ctx *cx, const char *name,
                       struct s3_bucket_row *out)
{
    struct s3_bucket_row b;
    int rc;

    if (!s3_bucket_name_is_demo(name))
        return STORE_NOT_FOUND;
    memset(&b, 0, sizeof(b));
    snprintf(b.name, sizeof(b.name), "%s", name);
    snprintf(b.account, sizeof(b.account), "%s", rq->account);
    snprintf(b.region, sizeof(b.region), "%s", rq->region);
    snprintf(b.kind, sizeof(b.kind), "general");
    b.created_ms = cx->now_ms;
    rc = store_s3_bucket_create(cx->store, &b, out);
    if (rc == STORE_OK)
        *out = b;
    return rc == STORE_EXISTS ? STORE_OK : rc;
}

int s3_bucket_access(const struct req *rq, struct ctx *cx, struct resp *rs,
                     struct s3_bucket_row *out)
{
    return s3_bucket_access_sse(rq, cx, rs, out, NULL);
}

int s3_bucket_access_sse(const struct req *rq, struct ctx *cx, struct resp *rs,
                         struct s3_bucket_row *out, struct s3_sse_row *sse)
{
    const char *bucket = rq->param[0];
    const char *expected = req_header(rq, "x-amz-expected-bucket-owner");
    int rc = sse ? store_s3_bucket_get_sse(cx->store, bucket, out, sse)
                 : store_s3_bucket_get(cx->store, bucket, out);

    if (rc == STORE_NOT_FOUND)
        rc = demo_bucket(rq, cx, bucket, out);
    if (rc == STORE_NOT_FOUND) /* NoSuchBucket before anything else (s3-spec §2 #1) */
        return s3_fail_bucket(rs, cx, S3_ERR_NO_SUCH_BUCKET, bucket);
    if (rc != STORE_OK)
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    /* §3: directory buckets do not support the header: 501 NotImplemented */
    if (expected && !strcmp(out->kind, "directory")) {
        struct kv extra = { "Header", "x-amz-expected-bucket-owner" };

        return s3_fail_ex(rs, cx, S3_ERR_NOT_IMPLEMENTED, NULL, &extra, 1);
    }
    if (expected) {
        /* not 12 digits -> 400; another owner -> 403 (s3-spec §2 #25, #26) */
        if (!s3_account_id_valid(expected))
            return s3_fail_ex(rs, cx, S3_ERR_INVALID_BUCKET_OWNER, expected, NULL, 0);
        if (strcmp(expected, out->account))
            return s3_fail(rs, cx, S3_ERR_ACCESS_DENIED);
    }
    /* CHOICE: another account's bucket answers 403 AccessDenied, as AWS does without a grant. */
    if (strcmp(rq->account, out->account))
        return s3_fail(rs, cx, S3_ERR_ACCESS_DENIED);
    return S3_OK;
}
