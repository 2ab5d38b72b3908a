/* aws_kms_auth.c - AWS KMS's answers to a request that fails --auth strict (all 400, JSON).
 *
 * CHOICE: an unsigned request answers MissingAuthenticationTokenException "Missing
 *   Authentication Token"; Signature Version 2, another scheme, a malformed header or no date
 *   answer IncompleteSignatureException with a message naming what is missing.
 * CHOICE: the time window is 5 minutes, with AWS's "Signature expired: <request time> is now
 *   earlier than <server time - 5 min> (<server time> - 5 min.)" wording (and "Signature not yet
 *   current ... is still later than ... + 5 min." ahead of time); a scope naming another service
 *   answers "Credential should be scoped to correct service: 'kms'. ". */
#include "aws_kms_auth.h"

#include "aws_kms_errors.h"

#include "../auth/auth_time.h"

#include <stdio.h>
#include <string.h>

static int skewed(struct resp *rs, const struct auth_aws_outcome *o)
{
    char req[20], bound[20], now[20], msg[256];
    int late = o->request_ms < o->server_ms;

    auth_time_format_basic(o->request_ms, req, sizeof(req));
    auth_time_format_basic(o->server_ms + (late ? -o->skew_ms : o->skew_ms), bound, sizeof(bound));
    auth_time_format_basic(o->server_ms, now, sizeof(now));
    if (late)
        snprintf(msg, sizeof(msg), "Signature expired: %s is now earlier than %s (%s - 5 min.)",
                 req, bound, now);
    else
        snprintf(msg, sizeof(msg),
                 "Signature not yet current: %s is still later than %s (%s + 5 min.)", req, bound,
                 now);
    return aws_kms_fail(rs, AWS_KMS_ERR_SIGNATURE_DETAIL, msg);
}

static int answer(struct resp *rs, const struct auth_aws_outcome *o)
{
    switch (o->status) {
    case AUTH_AWS_OK:
        return AWS_KMS_OK;
    case AUTH_AWS_UNSIGNED:
        return aws_kms_fail(rs, AWS_KMS_ERR_MISSING_AUTH, NULL);
    case AUTH_AWS_UNSUPPORTED:
    case AUTH_AWS_BAD_SCHEME:
        return aws_kms_fail(rs, AWS_KMS_ERR_INCOMPLETE_SIGNATURE,
                            "Only AWS4-HMAC-SHA256 (Signature Version 4) requests are accepted.");
    case AUTH_AWS_MALFORMED:
    case AUTH_AWS_QUERY_MALFORMED:
        if (strcmp(o->sig.service, "kms") && o->sig.service[0])
            return aws_kms_fail(rs, AWS_KMS_ERR_SIGNATURE_DETAIL,
                                "Credential should be scoped to correct service: 'kms'. ");
        return aws_kms_fail(rs, AWS_KMS_ERR_INCOMPLETE_SIGNATURE, o->detail);
    case AUTH_AWS_NO_DATE:
        return aws_kms_fail(rs, AWS_KMS_ERR_INCOMPLETE_SIGNATURE,
                            "Authorization header requires existence of either a 'X-Amz-Date' or "
                            "a 'Date' header.");
    case AUTH_AWS_UNKNOWN_KEY:
        return aws_kms_fail(rs, AWS_KMS_ERR_UNRECOGNIZED_CLIENT, NULL);
    case AUTH_AWS_SKEWED:
    case AUTH_AWS_EXPIRED:
        return skewed(rs, o);
    case AUTH_AWS_HEADERS_NOT_SIGNED:
    case AUTH_AWS_NO_CONTENT_SHA256:
    case AUTH_AWS_CONTENT_SHA256_MISMATCH:
    case AUTH_AWS_BAD_SIGNATURE:
        return aws_kms_fail(rs, AWS_KMS_ERR_INVALID_SIGNATURE, NULL);
    case AUTH_AWS_INTERNAL:
        break;
    }
    return aws_kms_fail(rs, AWS_KMS_ERR_INTERNAL, NULL);
}

int aws_kms_auth_check(struct req *rq, struct ctx *cx, struct resp *rs, struct auth_aws_outcome *o)
{
    auth_aws_verify(rq, cx, "kms", o);
    if (o->status == AUTH_AWS_OK)
        rq->account = o->account;
    return answer(rs, o);
}
