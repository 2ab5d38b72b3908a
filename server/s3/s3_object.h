/* s3_object.h - what the object operations (s3_object.c, s3_copy.c) share: the headers an
 * object keeps, its ETag, the encryption of a write with its KMS checks, the checks before a
 * stored object is read, and the response headers of an object. */
#ifndef CMKEMU_S3_OBJECT_H
#define CMKEMU_S3_OBJECT_H

#include "../../storage/store_s3.h"
#include "../api.h"
#include "s3_object_sse.h"

#define S3_METADATA_MAX 2048 /* bytes of user metadata (names after x-amz-meta- plus values) */

/* The headers a write stores as a JSON object: Content-Type (binary/octet-stream when not
 * sent), Cache-Control, Content-Disposition, Content-Encoding (without aws-chunked),
 * Content-Language, Expires, x-amz-website-redirect-location and every x-amz-meta-* (names in
 * lowercase). malloc'd, NULL when out of memory; *meta_bytes gets the user metadata size. */
char *s3_object_headers_json(const struct req *rq, size_t *meta_bytes);

/* Sets o->etag for content whose MD5 is md5 under o's encryption. SSE-S3: the MD5 in hex.
 * CHOICE: SSE-KMS and SSE-C ETags are not the MD5 (s3-spec §5) but the hex MD5 of the
 * content's MD5 hex followed by the key ARN (SSE-KMS) or the customer key MD5 (SSE-C). */
void s3_object_etag(struct s3_object_row *o, const unsigned char md5[16]);

/* The storage class of a write to bucket b from x-amz-storage-class, into o; answers
 * InvalidStorageClass. */
int s3_object_storage_class(const struct req *rq, struct ctx *cx, struct resp *rs,
                            const struct s3_bucket_row *b, struct s3_object_row *o);

/* The encryption of a write to bucket b: request headers over the bucket default, then the KMS
 * key checked (created when it is aws/s3). Fills o's encryption fields and *sse; answers the
 * error and returns it. *explicit_default is set when the bucket has an explicit default. */
int s3_object_write_sse(const struct req *rq, struct ctx *cx, struct resp *rs,
                        const struct s3_bucket_row *b, struct s3_object_row *o,
                        struct s3_obj_sse *sse, int *explicit_default);

/* What must hold before the stored object o of bucket b is read: the SSE-C key of the request
 * (the copy-source headers when copy_source) and a usable KMS key. Answers the error. */
int s3_object_read_check(const struct req *rq, struct ctx *cx, struct resp *rs,
                         const struct s3_bucket_row *b, const struct s3_object_row *o,
                         int copy_source);

/* Answers an error of s3_obj_sse_resolve / s3_obj_sse_c_check with its ArgumentName and
 * ArgumentValue. */
int s3_object_sse_fail(struct resp *rs, struct ctx *cx, int err, const struct s3_sse_fail *f);

/* The headers of a stored object on GetObject/HeadObject: Last-Modified, ETag, the stored
 * headers and metadata, x-amz-storage-class (not for STANDARD), the encryption headers, and
 * with_checksum the stored x-amz-checksum-* with x-amz-checksum-type. */
void s3_object_respond(struct resp *rs, const struct s3_object_row *o, int with_checksum);

/* Last-Modified as HTTP wants it: "Mon, 24 Nov 2025 16:00:00 GMT" (out holds 32 bytes). */
void s3_http_date(int64_t ms, char *out, size_t n);

#endif
