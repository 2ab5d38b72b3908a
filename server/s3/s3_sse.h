/* s3_sse.h - ServerSideEncryptionConfiguration: parse and validate a PutBucketEncryption body,
 * render GetBucketEncryption's answer. Pure: no I/O, no storage. */
#ifndef CMKEMU_S3_SSE_H
#define CMKEMU_S3_SSE_H

#include "../../storage/store_s3.h"
#include "../resp.h"

#include <stddef.h>

/* Parses body into r, which the caller has s3_sse_row_init()ed and releases afterwards (also
 * on error). Returns S3_OK, S3_ERR_MALFORMED_XML, S3_ERR_MAX_MESSAGE_LENGTH or
 * S3_ERR_KMS_KEY_NOT_APPLICABLE (s3-spec §2 #2-#14). */
int s3_sse_parse(const char *body, size_t len, struct s3_sse_row *r);

/* Answers 200 with the configuration document of r; an r without an algorithm renders the
 * AES256 default every bucket has (s3-spec §1.2, §10). */
void s3_sse_render(const struct s3_sse_row *r, struct resp *rs);

#endif
