/* aws_kms_errors.c - the AWS KMS error table and the JSON 1.1 error answer.
 *
 * Evidence per row (everything not listed is AWS-recorded or AWS-documented wording):
 * CHOICE: KMSInternalException, UnknownOperationException, SerializationException,
 *   NotAuthorizedException and InvalidMarkerException carry an empty message.
 * CHOICE: a reserved alias/aws/... name and state changes of an AWS managed key answer
 *   NotAuthorizedException (moto's answer for reserved aliases; AWS unrecorded).
 * CHOICE: "%s contains invalid characters for an alias" and "Aliases must refer to keys. Not
 *   aliases" follow moto; "is not pending deletion." follows the "is pending deletion." form.
 * CHOICE: KeyUsage/KeySpec mismatch, both specs, origin, tag and PendingWindowInDays wordings
 *   follow LocalStack or AWS's generic "1 validation error detected" form; unrecorded. */
#include "aws_kms_errors.h"

#include "../buf.h"

#include <jansson.h>
#include <string.h>

#define AWS_KMS_ERR_ROW(id, st, cd, msg) [id] = { st, cd, msg },
static const struct api_error aws_kms_errors[AWS_KMS_ERR__COUNT] = { AWS_KMS_ERRORS(
    AWS_KMS_ERR_ROW) };
#undef AWS_KMS_ERR_ROW

const struct api_error *aws_kms_error_row(int e)
{
    if (e <= AWS_KMS_OK || e >= AWS_KMS_ERR__COUNT)
        return &aws_kms_errors[AWS_KMS_ERR_INTERNAL];
    return &aws_kms_errors[e];
}

int aws_kms_fail2(struct resp *rs, int e, const char *a1, const char *a2)
{
    const struct api_error *row = aws_kms_error_row(e);
    char msg[16384];
    json_t *body;
    char *s;

    api_message2(msg, sizeof(msg), row->message, a1, a2);
    body = json_pack("{s:s, s:s}", "__type", row->code, "message", msg);
    resp_status(rs, row->status);
    resp_header(rs, "Content-Type", "application/x-amz-json-1.1");
    s = body ? json_dumps(body, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
    json_decref(body);
    if (s)
        resp_body_take(rs, s, strlen(s));
    return e > AWS_KMS_OK && e < AWS_KMS_ERR__COUNT ? e : AWS_KMS_ERR_INTERNAL;
}

int aws_kms_fail(struct resp *rs, int e, const char *arg)
{
    return aws_kms_fail2(rs, e, arg, NULL);
}
