/* s3_errors.c - the S3 error table, built from the S3_ERRORS list in s3_errors.h.
 *
 * CHOICE rows (AWS documents the rule but not the answer, or no recording was found):
 * S3_ERR_KMS_PENDING_IMPORT, S3_ERR_KMS_KEY_USAGE, S3_ERR_KMS_KEY_SPEC (KMS's wording for keys S3
 * cannot use), S3_ERR_DIR_* (directory bucket rules of s3-spec §3), S3_ERR_EXPIRED_TOKEN and
 * S3_ERR_INVALID_TOKEN (as 403), S3_ERR_INCOMPLETE_BODY for a malformed aws-chunked body. */
#include "s3_errors.h"

#define S3_ERR_ROW(id, st, cd, msg) [id] = { st, cd, msg },
static const struct api_error s3_errors[S3_ERR__COUNT] = { S3_ERRORS(S3_ERR_ROW) };
#undef S3_ERR_ROW

const struct api_error *s3_error_row(int e)
{
    if (e <= S3_OK || e >= S3_ERR__COUNT)
        return &s3_errors[S3_ERR_INTERNAL];
    return &s3_errors[e];
}
