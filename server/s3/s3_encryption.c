/* s3_encryption.c - PutBucketEncryption, GetBucketEncryption, DeleteBucketEncryption (s3-spec
 * §1, §2, §10); directory buckets' own rules are in s3_directory.c (§3). */
#include "s3.h"
#include "s3_access.h"
#include "s3_checksum.h"
#include "s3_directory.h"
#include "s3_handlers.h"
#include "s3_sse.h"

/* Answers a failed integrity check with the extra elements its error document carries. */
static int checksum_fail(struct resp *rs, struct ctx *cx, int err, const struct s3_checksum_fail *f)
{
    struct kv extra[2];
    size_t n = 0;

    switch (err) {
    case S3_ERR_INVALID_DIGEST:
        extra[n++] = (struct kv){ "Content-MD5", f->content_md5 };
        break;
    case S3_ERR_BAD_DIGEST_MD5:
        extra[n++] = (struct kv){ "ExpectedDigest", f->expected };
        extra[n++] = (struct kv){ "CalculatedDigest", f->calculated };
        break;
    case S3_ERR_CONTENT_SHA256_MISMATCH:
        extra[n++] = (struct kv){ "ClientComputedContentSHA256", f->expected };
        extra[n++] = (struct kv){ "S3ComputedContentSHA256", f->calculated };
        break;
    default:
        break;
    }
    return s3_fail_ex(rs, cx, err, f->arg, extra, n);
}

/* PutBucketEncryption: PUT /{bucket}?encryption. Order (s3-spec §2): bucket, expected owner,
 * integrity headers, schema (MalformedXML), semantics (InvalidArgument). */
int s3_put_bucket_encryption(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct s3_bucket_row b;
    struct s3_checksum_fail f;
    struct s3_sse_row sse;
    int err, rc;

    err = s3_bucket_access(rq, cx, rs, &b);
    if (err)
        return err;
    /* §3: Content-MD5 is not supported for directory buckets. CHOICE: 400 InvalidRequest. */
    if (s3_is_directory(&b) && req_header(rq, "Content-MD5"))
        return s3_fail(rs, cx, S3_ERR_DIR_CONTENT_MD5);
    err = s3_checksum_verify(rq, 1, &f); /* §2 #15-#24 */
    if (err)
        return checksum_fail(rs, cx, err, &f);
    s3_sse_row_init(&sse);
    err = s3_sse_parse(rq->body, rq->body_len, &sse); /* §2 #2-#14 */
    if (!err && s3_is_directory(&b)) {
        err = s3_directory_put_encryption(rq, cx, rs, &b, &sse);
        s3_sse_row_release(&sse);
        return err;
    }
    if (!err) {
        rc = store_s3_encryption_put(cx->store, b.name, &sse);
        err = rc == STORE_OK ? S3_OK
                             : (rc == STORE_NOT_FOUND ? S3_ERR_NO_SUCH_BUCKET : S3_ERR_INTERNAL);
    }
    s3_sse_row_release(&sse);
    if (err == S3_ERR_KMS_KEY_NOT_APPLICABLE) {
        /* §2 #8: ArgumentName, no ArgumentValue (AWS-rec) */
        struct kv arg = { "ArgumentName", "ApplyServerSideEncryptionByDefault" };

        return s3_fail_ex(rs, cx, err, NULL, &arg, 1);
    }
    if (err == S3_ERR_NO_SUCH_BUCKET)
        return s3_fail_bucket(rs, cx, err, b.name);
    if (err)
        return s3_fail(rs, cx, err);
    resp_status(rs, 200);
    return S3_OK;
}

/* GetBucketEncryption: GET /{bucket}?encryption. A bucket without an explicit configuration
 * answers the AES256 default, not an error (s3-spec §1.2, §10). CHOICE:
 * x-amz-expected-bucket-owner is checked here too. */
int s3_get_bucket_encryption(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct s3_bucket_row b;
    struct s3_sse_row sse;
    int err;

    s3_sse_row_init(&sse);
    err = s3_bucket_access_sse(rq, cx, rs, &b, &sse);
    if (!err)
        s3_sse_render(&sse, rs);
    s3_sse_row_release(&sse);
    return err;
}

/* DeleteBucketEncryption: DELETE /{bucket}?encryption. Idempotent 204 (s3-spec §1.3, AWS-rec).
 * CHOICE: x-amz-expected-bucket-owner is checked here too. */
int s3_delete_bucket_encryption(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct s3_bucket_row b;
    int err, rc;

    err = s3_bucket_access(rq, cx, rs, &b);
    if (err)
        return err;
    rc = store_s3_encryption_delete(cx->store, b.name);
    if (rc == STORE_NOT_FOUND)
        return s3_fail_bucket(rs, cx, S3_ERR_NO_SUCH_BUCKET, b.name);
    if (rc != STORE_OK)
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    resp_status(rs, 204);
    return S3_OK;
}
