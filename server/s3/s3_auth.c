/* s3_auth.c - S3's answers to a request that fails --auth strict, with the elements real S3
 * adds to each error document.
 *
 * CHOICE: a request with neither an Authorization header nor a presigned query is anonymous and
 *   answers 403 AccessDenied "Access Denied", as S3 answers anonymous access to a private bucket.
 * CHOICE: a presigned request dated more than 15 minutes ahead answers RequestTimeTooSkewed.
 * CHOICE: the AuthorizationHeaderMalformed details for the credential scope follow S3's form
 *   ("Invalid credential date", "incorrect service") but are not recorded wordings.
 * CHOICE: Signature Version 2 (header or query) answers 400 InvalidRequest "The authorization
 *   mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.", as regions
 *   without SigV2 do. */
#include "s3_auth.h"

#include "s3.h"

#include "../auth/auth_time.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "41 57 53 34 ..." : the bytes of s in hex, as S3's *Bytes elements. */
static char *spaced_hex(const struct buf *b)
{
    static const char hexdig[] = "0123456789abcdef";
    size_t n = b->len;
    char *out = malloc(n * 3 + 1);

    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)b->data[i];

        out[3 * i] = hexdig[c >> 4];
        out[3 * i + 1] = hexdig[c & 15];
        out[3 * i + 2] = ' ';
    }
    out[n ? n * 3 - 1 : 0] = '\0';
    return out;
}

static int bad_signature(struct resp *rs, struct ctx *cx, const struct auth_aws_outcome *o)
{
    char *sts_bytes = spaced_hex(&o->string_to_sign);
    char *creq_bytes = spaced_hex(&o->canonical);
    struct kv extra[6] = {
        { "AWSAccessKeyId", o->sig.akid },
        { "StringToSign", buf_str(&o->string_to_sign) },
        { "SignatureProvided", o->sig.signature },
        { "StringToSignBytes", sts_bytes ? sts_bytes : "" },
        { "CanonicalRequest", buf_str(&o->canonical) },
        { "CanonicalRequestBytes", creq_bytes ? creq_bytes : "" },
    };
    int e = s3_fail_ex(rs, cx, S3_ERR_SIGNATURE_DOES_NOT_MATCH, NULL, extra, 6);

    free(sts_bytes);
    free(creq_bytes);
    return e;
}

static int answer(const struct req *rq, struct resp *rs, struct ctx *cx,
                  const struct auth_aws_outcome *o)
{
    char server[32], expires[32], skew[32];

    auth_time_format_iso(o->server_ms, server, sizeof(server));
    switch (o->status) {
    case AUTH_AWS_OK:
        return S3_OK;
    case AUTH_AWS_UNSIGNED:
        return s3_fail(rs, cx, S3_ERR_ACCESS_DENIED);
    case AUTH_AWS_UNSUPPORTED:
        return s3_fail(rs, cx, S3_ERR_AUTH_MECHANISM);
    case AUTH_AWS_BAD_SCHEME: {
        struct kv extra[2] = { { "ArgumentName", "Authorization" },
                               { "ArgumentValue", o->detail } };

        return s3_fail_ex(rs, cx, S3_ERR_AUTH_TYPE, NULL, extra, 2);
    }
    case AUTH_AWS_MALFORMED:
        return s3_fail_ex(rs, cx, S3_ERR_AUTH_HEADER_MALFORMED, o->detail, NULL, 0);
    case AUTH_AWS_QUERY_MALFORMED:
        return s3_fail_ex(rs, cx, S3_ERR_AUTH_QUERY_MALFORMED, o->detail, NULL, 0);
    case AUTH_AWS_NO_DATE:
        return s3_fail(rs, cx, S3_ERR_AUTH_NO_DATE);
    case AUTH_AWS_UNKNOWN_KEY: {
        struct kv extra = { "AWSAccessKeyId", o->sig.akid };

        return s3_fail_ex(rs, cx, S3_ERR_INVALID_ACCESS_KEY_ID, NULL, &extra, 1);
    }
    case AUTH_AWS_SKEWED: {
        struct kv extra[3] = { { "RequestTime", o->request_time },
                               { "ServerTime", server },
                               { "MaxAllowedSkewMilliseconds", skew } };

        snprintf(skew, sizeof(skew), "%lld", (long long)o->skew_ms);
        return s3_fail_ex(rs, cx, S3_ERR_REQUEST_TIME_TOO_SKEWED, NULL, extra, 3);
    }
    case AUTH_AWS_EXPIRED: {
        struct kv extra[3] = { { "X-Amz-Expires", o->expires },
                               { "Expires", expires },
                               { "ServerTime", server } };

        auth_time_format_iso(o->expires_ms, expires, sizeof(expires));
        return s3_fail_ex(rs, cx, S3_ERR_REQUEST_EXPIRED, NULL, extra, 3);
    }
    case AUTH_AWS_HEADERS_NOT_SIGNED: {
        struct kv extra = { "HeadersNotSigned", o->detail };

        return s3_fail_ex(rs, cx, S3_ERR_HEADERS_NOT_SIGNED, NULL, &extra, 1);
    }
    case AUTH_AWS_NO_CONTENT_SHA256:
        return s3_fail(rs, cx, S3_ERR_MISSING_CONTENT_SHA256);
    case AUTH_AWS_CONTENT_SHA256_MISMATCH: {
        struct kv extra[2] = { { "ClientComputedContentSHA256", o->content_sent },
                               { "S3ComputedContentSHA256", o->content_calc } };

        return s3_fail_ex(rs, cx, S3_ERR_CONTENT_SHA256_MISMATCH, NULL, extra, 2);
    }
    case AUTH_AWS_BAD_SIGNATURE:
        return bad_signature(rs, cx, o);
    case AUTH_AWS_INTERNAL:
        break;
    }
    (void)rq;
    return s3_fail(rs, cx, S3_ERR_INTERNAL);
}

int s3_auth_check(struct req *rq, struct ctx *cx, struct resp *rs, struct auth_aws_outcome *o)
{
    auth_aws_verify(rq, cx, "s3", o);
    if (o->status == AUTH_AWS_OK)
        rq->account = o->account;
    return answer(rq, rs, cx, o);
}
