/* s3_checksum.h - Content-MD5, x-amz-content-sha256 and x-amz-checksum-* verification of a
 * request body, and the checksum functions behind them. Pure: no I/O, no storage. */
#ifndef CMKEMU_S3_CHECKSUM_H
#define CMKEMU_S3_CHECKSUM_H

#include "../req.h"

#include <stddef.h>
#include <stdint.h>

/* What a failed verification needs for its error document besides the error row. */
struct s3_checksum_fail {
    char arg[32];            /* the message's "%s": algorithm name, lowercase or uppercase */
    const char *content_md5; /* InvalidDigest: the header as sent (borrowed from the request) */
    char expected[129];      /* BadDigest (MD5): hex of the sent MD5; SHA256 mismatch: as sent */
    char calculated[129];    /* BadDigest (MD5): base64 of the body's MD5; SHA256: hex of body */
};

/* Verifies the request's integrity headers against its body in AWS's order (s3-spec §2
 * #15-#24). required: the operation needs Content-MD5 or a checksum (requestChecksumRequired).
 * Returns S3_OK, or an s3_err with *f filled for its error document. */
int s3_checksum_verify(const struct req *rq, int required, struct s3_checksum_fail *f);

uint32_t s3_crc32(const void *p, size_t n);
uint32_t s3_crc32c(const void *p, size_t n);
uint64_t s3_crc64nvme(const void *p, size_t n);

/* Strict base64 (with padding) into out; returns the decoded length, or -1 when s is not
 * base64 or decodes to more than cap bytes. */
long s3_base64_decode(const char *s, unsigned char *out, size_t cap);
/* base64 of p[0..n) into out (holds 4 * ((n + 2) / 3) + 1). */
void s3_base64_encode(const unsigned char *p, size_t n, char *out);

#endif
