/* s3_object_sse.h - the encryption an object write gets: explicit request headers over the
 * bucket default (s3-spec §4.3, §5), and the encryption headers an object answers with. Pure:
 * no I/O, no storage; the KMS key named here is checked by s3_object_kms.c. */
#ifndef CMKEMU_S3_OBJECT_SSE_H
#define CMKEMU_S3_OBJECT_SSE_H

#include "../../storage/store_s3.h"
#include "../req.h"
#include "../resp.h"

#define S3_SSE_KEY_REF_MAX 400

/* The SSE request headers of a write, borrowed from the request; NULL when absent. */
struct s3_sse_headers {
    const char *sse;         /* x-amz-server-side-encryption */
    const char *kms_key_id;  /* x-amz-server-side-encryption-aws-kms-key-id */
    const char *bucket_key;  /* x-amz-server-side-encryption-bucket-key-enabled */
    const char *c_algorithm; /* x-amz-server-side-encryption-customer-algorithm */
    const char *c_key;       /* x-amz-server-side-encryption-customer-key */
    const char *c_key_md5;   /* x-amz-server-side-encryption-customer-key-MD5 */
};

/* The encryption an object is to be written with. */
struct s3_obj_sse {
    char algorithm[32];               /* AES256, aws:kms, aws:kms:dsse; "" for SSE-C */
    char key_ref[S3_SSE_KEY_REF_MAX]; /* KMS key as named; "" = the AWS managed aws/s3 key */
    int bucket_key;                   /* 1 only for aws:kms with an S3 Bucket Key */
    int from_request;                 /* some SSE header was sent (copy-in-place rule, §5) */
    char c_algorithm[16];             /* SSE-C: AES256 */
    char c_key_md5[32];               /* SSE-C: base64 MD5 of the customer key */
};

/* What an error answer needs besides its row: ArgumentName / ArgumentValue (NULL: omitted). */
struct s3_sse_fail {
    const char *arg_name;
    const char *arg_value;
};

/* Reads the write headers of rq. copy_source: the x-amz-copy-source-server-side-encryption-
 * customer-* headers instead (only the SSE-C members are set then). */
void s3_sse_headers_read(const struct req *rq, int copy_source, struct s3_sse_headers *h);

/* The encryption of a write to a bucket with default configuration def (algorithm "" when none
 * is set; blocked_types may block SSE-C). directory: the bucket is a directory bucket (only
 * AES256 and aws:kms; aws:kms takes the bucket's key; bucket keys always on). Returns S3_OK with
 * *out, or an s3_err (InvalidArgument forms of §4.3, the SSE-C errors, AccessDenied for blocked
 * SSE-C) with *f filled. */
int s3_obj_sse_resolve(const struct s3_sse_headers *h, const struct s3_sse_row *def, int directory,
                       struct s3_obj_sse *out, struct s3_sse_fail *f);

/* Checks the SSE-C headers h (read with s3_sse_headers_read) against an object stored with
 * SSE-C key MD5 stored_md5 ("" when the object is not SSE-C). S3_OK, S3_ERR_SSE_C_REQUIRED,
 * S3_ERR_SSE_C_NOT_APPLICABLE, S3_ERR_ACCESS_DENIED (another key) or a header error. */
int s3_obj_sse_c_check(const struct s3_sse_headers *h, const char *stored_md5,
                       struct s3_sse_fail *f);

/* Sets the encryption response headers of an object (s3-spec §5): SSE-C answers its algorithm
 * and key MD5; otherwise x-amz-server-side-encryption always, the key ARN for aws:kms and
 * aws:kms:dsse, and bucket-key-enabled: true only for aws:kms with a bucket key. */
void s3_obj_sse_respond(struct resp *rs, const struct s3_object_row *o);

#endif
