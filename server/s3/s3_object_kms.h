/* s3_object_kms.h - the AWS KMS side of S3 encryption: a KMS key named to S3 (object headers,
 * bucket default) resolved as the bucket owner sees it in the bucket's region, the AWS managed
 * aws/s3 key created on first use, and AWS's KMS.* answers when the key cannot serve
 * (s3-spec §4.2, §4.3). */
#ifndef CMKEMU_S3_OBJECT_KMS_H
#define CMKEMU_S3_OBJECT_KMS_H

#include "../../storage/store_aws_kms.h"
#include "../api.h"

/* The outcome of a look-up: err is S3_OK (key filled) or a KMS.* s3_err whose message takes
 * a1 (and a2). */
struct s3_kms_result {
    int err;
    char a1[400];
    char a2[64];
    struct aws_kms_key_row key;
};

/* Resolves key_ref for account in region and checks that the key can encrypt and decrypt
 * S3 data: Enabled, ENCRYPT_DECRYPT, SYMMETRIC_DEFAULT. An empty key_ref, alias/aws/s3 or its
 * alias ARN name the AWS managed aws/s3 key, created on first use. Fills *r; returns r->err. */
int s3_kms_lookup(struct ctx *cx, const char *account, const char *region, const char *key_ref,
                  struct s3_kms_result *r);

/* Answers r->err (400 with the KMS.* code and AWS's message) and returns it. */
int s3_kms_fail(struct resp *rs, struct ctx *cx, const struct s3_kms_result *r);

#endif
