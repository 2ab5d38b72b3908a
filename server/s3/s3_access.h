/* s3_access.h - what every bucket-level operation checks first: that the bucket exists, the
 * x-amz-expected-bucket-owner header, and that the caller's account owns it. */
#ifndef CMKEMU_S3_ACCESS_H
#define CMKEMU_S3_ACCESS_H

#include "../../storage/store_s3.h"
#include "../api.h"

/* Looks up rq->param[0] and answers NoSuchBucket (with BucketName), InvalidBucketOwnerAWSAccountID
 * or AccessDenied into rs. Returns S3_OK with *out filled, or the s3_err answered. */
int s3_bucket_access(const struct req *rq, struct ctx *cx, struct resp *rs,
                     struct s3_bucket_row *out);

/* The same, reading the bucket's default-encryption configuration into *sse (s3_sse_row_init'ed
 * by the caller, who releases it) with the bucket in one statement; a documentation bucket
 * created here has none. */
int s3_bucket_access_sse(const struct req *rq, struct ctx *cx, struct resp *rs,
                         struct s3_bucket_row *out, struct s3_sse_row *sse);

/* 1 when value is an AWS account id (12 digits). */
int s3_account_id_valid(const char *value);

#endif
