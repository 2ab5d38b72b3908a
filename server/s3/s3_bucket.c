/* s3_bucket.c - CreateBucket, HeadBucket, ListBuckets, DeleteBucket, GetBucketLocation. */
#include "s3.h"
#include "s3_handlers.h"

int s3_list_buckets(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    (void)rq;
    return s3_fail(rs, cx, S3_ERR_NOT_IMPLEMENTED);
}

int s3_create_bucket(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    (void)rq;
    return s3_fail(rs, cx, S3_ERR_NOT_IMPLEMENTED);
}

int s3_head_bucket(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    (void)rq;
    return s3_fail(rs, cx, S3_ERR_NOT_IMPLEMENTED);
}

int s3_delete_bucket(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    (void)rq;
    return s3_fail(rs, cx, S3_ERR_NOT_IMPLEMENTED);
}

int s3_get_bucket_location(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    (void)rq;
    return s3_fail(rs, cx, S3_ERR_NOT_IMPLEMENTED);
}
