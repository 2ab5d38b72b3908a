/* s3_encryption.c - PutBucketEncryption, GetBucketEncryption, DeleteBucketEncryption. */
#include "s3.h"
#include "s3_handlers.h"

int s3_put_bucket_encryption(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    (void)rq;
    return s3_fail(rs, cx, S3_ERR_NOT_IMPLEMENTED);
}

int s3_get_bucket_encryption(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    (void)rq;
    return s3_fail(rs, cx, S3_ERR_NOT_IMPLEMENTED);
}

int s3_delete_bucket_encryption(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    (void)rq;
    return s3_fail(rs, cx, S3_ERR_NOT_IMPLEMENTED);
}
