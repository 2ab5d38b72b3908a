/* s3_chunked.h - the aws-chunked content encoding of streamed uploads (SigV4 streaming and
 * unsigned-payload trailers): decodes the chunks and reads a trailing x-amz-checksum-*. Pure. */
#ifndef CMKEMU_S3_CHUNKED_H
#define CMKEMU_S3_CHUNKED_H

#include "../req.h"

#include <stddef.h>

/* 1 when rq's body is aws-chunked (Content-Encoding aws-chunked or a STREAMING-* payload hash). */
int s3_chunked_is(const struct req *rq);

/* Decodes body[0..len) into a malloc'd *out (NUL-terminated, *out_len bytes). A trailer
 * "x-amz-checksum-<alg>:<value>" is copied into trailer_name (lowercase, without the prefix) and
 * trailer_value; both stay "" without one. Returns 0, or -1 when the encoding is malformed (or
 * out of memory). */
int s3_chunked_decode(const char *body, size_t len, char **out, size_t *out_len,
                      char trailer_name[16], char trailer_value[96]);

#endif
