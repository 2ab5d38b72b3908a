/* auth_sigv4.h - AWS Signature Version 4, pure: the Authorization header and presigned query
 * parse, canonical request, string to sign, signing key, signature and aws-chunked chunk
 * signatures. SHA-256 and HMAC-SHA256 are OpenSSL's. */
#ifndef CMKEMU_AUTH_SIGV4_H
#define CMKEMU_AUTH_SIGV4_H

#include "../buf.h"
#include "../req.h"

#include <stddef.h>

#define SIGV4_ALGORITHM "AWS4-HMAC-SHA256"
#define SIGV4_TERMINAL  "aws4_request"

/* What a request says about its signature. */
struct sigv4_auth {
    char akid[129];            /* access key id */
    char scope_date[16];       /* YYYYMMDD of the credential scope */
    char region[64];           /* scope region */
    char service[64];          /* scope service */
    char terminal[32];         /* "aws4_request" */
    char signed_headers[2048]; /* ';'-separated lower-case names, as sent */
    char signature[129];       /* hex, as sent */
};

/* Parses "AWS4-HMAC-SHA256 Credential=AKID/DATE/REGION/SERVICE/aws4_request,
 * SignedHeaders=a;b, Signature=hex" (parameters in any order, ", " or "," between them).
 * Returns 0, or -1 with *why naming what is wrong. */
int sigv4_parse_header(const char *authorization, struct sigv4_auth *a, const char **why);
/* Splits a credential "AKID/DATE/REGION/SERVICE/aws4_request" into *a. Returns 0 or -1. */
int sigv4_parse_credential(const char *cred, struct sigv4_auth *a);
/* "DATE/REGION/SERVICE/aws4_request" of a parsed credential into out. */
void sigv4_scope(const struct sigv4_auth *a, char *out, size_t n);

/* What the canonical request is built from. */
struct sigv4_request {
    const char *method;
    const char *raw_path;  /* as sent, percent-encoded */
    const char *raw_query; /* as sent, without '?' */
    const struct kv *header;
    size_t nheader;
    const char *signed_headers; /* ';'-separated, as in the signature */
    const char *payload_hash;   /* hex SHA-256, UNSIGNED-PAYLOAD or STREAMING-... */
    int s3;                     /* S3 encodes the path once; other services twice */
    int presigned;              /* leave X-Amz-Signature out of the canonical query */
};

/* Appends the canonical request to out. Returns 0, or -1 out of memory. */
int sigv4_canonical_request(const struct sigv4_request *r, struct buf *out);
/* Appends "AWS4-HMAC-SHA256\n<amz_date>\n<scope>\n<hex SHA-256 of canonical>" to out. */
int sigv4_string_to_sign(const char *amz_date, const char *scope, const char *canonical, size_t len,
                         struct buf *out);
/* kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
void sigv4_signing_key(const char *secret, const char *date, const char *region,
                       const char *service, unsigned char key[32]);
/* hex(HMAC(key, string_to_sign)) into hex (65 bytes). */
void sigv4_sign(const unsigned char key[32], const char *sts, size_t len, char hex[65]);
/* 1 when the two hex signatures are equal (constant time over the expected length). */
int sigv4_sig_equal(const char *expected, const char *provided);

/* Verifies the chunk signatures of an aws-chunked body signed with
 * STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]: each chunk
 * "<hex size>;chunk-signature=<sig>\r\n<data>\r\n" signs "AWS4-HMAC-SHA256-PAYLOAD\n<amz_date>\n
 * <scope>\n<previous signature>\n<hex SHA-256 of "">\n<hex SHA-256 of data>", the first chained to
 * the seed (header) signature, and the chain ends with a 0-size chunk. Trailing headers after
 * the last chunk are not verified. Returns 0, or -1 (malformed or a signature differs). */
int sigv4_verify_chunks(const char *body, size_t len, const unsigned char key[32],
                        const char *amz_date, const char *scope, const char *seed_signature);

/* Lower-case hex SHA-256 of p[0..n) into hex (65 bytes). */
void sigv4_sha256_hex(const void *p, size_t n, char hex[65]);

#endif
