/* s3_errors.c - the S3 error table, built from the S3_ERRORS list in s3_errors.h. */
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
