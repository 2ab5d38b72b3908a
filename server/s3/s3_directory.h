/* s3_directory.h - directory buckets (s3-spec §3): CreateBucket's directory branch, the rules of
 * their default encryption, and what their bucket operations answer differently. */
#ifndef CMKEMU_S3_DIRECTORY_H
#define CMKEMU_S3_DIRECTORY_H

#include "../../storage/store_s3.h"
#include "../api.h"
#include "s3_directory_name.h"

/* 1 when b is a directory bucket. */
int s3_is_directory(const struct s3_bucket_row *b);

/* CreateBucket of a directory bucket: rq->param[0] is a --x-s3 name (zone: its zone id) or, with
 * zone NULL, a general-purpose name sent with a directory configuration c. */
int s3_directory_create(const struct req *rq, struct ctx *cx, struct resp *rs,
                        const struct s3_dir_config *c, const char *zone);

/* PutBucketEncryption on a directory bucket b once sse is parsed: AES256 or aws:kms with a key id
 * or key ARN of a customer managed key, validated against KMS, one key per bucket lifetime,
 * bucket keys always on. Answers and returns. */
int s3_directory_put_encryption(const struct req *rq, struct ctx *cx, struct resp *rs,
                                const struct s3_bucket_row *b, struct s3_sse_row *sse);

/* The extra HeadBucket headers of a directory bucket (location type and name). */
void s3_directory_head(struct ctx *cx, const struct s3_bucket_row *b, struct resp *rs);

/* The x-amz-bucket-arn of b: arn:aws:s3:::<name>, or for a directory bucket
 * arn:aws:s3express:<region>:<account>:bucket/<name>. */
void s3_bucket_arn(const struct s3_bucket_row *b, char *out, size_t n);

#endif
