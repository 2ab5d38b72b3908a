/* auth_aws.h - --auth strict for S3 and AWS KMS: checks a request's SigV4 signature (the
 * Authorization header or a presigned query) with the registered access key's secret, its time
 * and (S3) its x-amz-content-sha256. The family turns the outcome into its own error answer. */
#ifndef CMKEMU_AUTH_AWS_H
#define CMKEMU_AUTH_AWS_H

#include "auth_sigv4.h"

#include "../api.h"

#include <stdint.h>

enum auth_aws_status {
    AUTH_AWS_OK = 0,
    AUTH_AWS_UNSIGNED,                /* no Authorization header and no presigned query */
    AUTH_AWS_UNSUPPORTED,             /* Signature Version 2, header or query, or SigV4a */
    AUTH_AWS_BAD_SCHEME,              /* an Authorization header of another scheme */
    AUTH_AWS_MALFORMED,               /* the Authorization header or its scope (detail) */
    AUTH_AWS_QUERY_MALFORMED,         /* the presigned query parameters (detail) */
    AUTH_AWS_NO_DATE,                 /* no usable x-amz-date or Date header */
    AUTH_AWS_UNKNOWN_KEY,             /* the access key id is not registered */
    AUTH_AWS_SKEWED,                  /* the request time is too far from the server's */
    AUTH_AWS_EXPIRED,                 /* a presigned request past X-Amz-Expires */
    AUTH_AWS_HEADERS_NOT_SIGNED,      /* S3: host or x-amz-* headers outside SignedHeaders */
    AUTH_AWS_NO_CONTENT_SHA256,       /* S3 header form without x-amz-content-sha256 */
    AUTH_AWS_CONTENT_SHA256_MISMATCH, /* S3: the body is not what x-amz-content-sha256 says */
    AUTH_AWS_BAD_SIGNATURE,           /* the signature (or a chunk signature) differs */
    AUTH_AWS_INTERNAL                 /* out of memory or a store error */
};

struct auth_aws_outcome {
    enum auth_aws_status status;
    int presigned;
    struct sigv4_auth sig; /* what the request says: access key id, scope, signature */
    char account[16];      /* AUTH_AWS_OK: the account of the access key */
    char detail[512];      /* MALFORMED, QUERY_MALFORMED: what is wrong; HEADERS_NOT_SIGNED:
                            * the names, comma-separated; BAD_SCHEME: the header */
    char request_time[64]; /* the request time as sent (x-amz-date, Date or X-Amz-Date) */
    int64_t request_ms;
    int64_t server_ms;
    int64_t skew_ms;        /* the allowed difference */
    char expires[32];       /* presigned: X-Amz-Expires as sent */
    int64_t expires_ms;     /* presigned: when the request expired */
    char content_sent[129]; /* CONTENT_SHA256_MISMATCH: the header as sent */
    char content_calc[65];  /* ... and the body's SHA-256 */
    struct buf canonical;   /* BAD_SIGNATURE: the canonical request computed here */
    struct buf string_to_sign;
};

/* Checks rq for service "s3" (15 minutes of skew, the path encoded once, x-amz-content-sha256)
 * or "kms" (5 minutes, the payload hash of the body). Always fills o; release it after. */
void auth_aws_verify(const struct req *rq, const struct ctx *cx, const char *service,
                     struct auth_aws_outcome *o);
void auth_aws_release(struct auth_aws_outcome *o);

#endif
