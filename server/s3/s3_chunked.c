/* s3_chunked.c - aws-chunked decoding: "<hex size>[;chunk-signature=...]\r\n<data>\r\n" until a
 * zero-size chunk, then optional trailer lines and a blank line. Pure. */
#include "s3_chunked.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CHECKSUM_PREFIX "x-amz-checksum-"

int s3_chunked_is(const struct req *rq)
{
    const char *enc = req_header(rq, "Content-Encoding");
    const char *sha = req_header(rq, "x-amz-content-sha256");

    return (enc && strstr(enc, "aws-chunked")) || (sha && !strncmp(sha, "STREAMING-", 10));
}

/* The end of the line starting at p (the '\r' of its "\r\n"), or NULL. */
static const char *line_end(const char *p, const char *end)
{
    for (; p + 1 < end; p++)
        if (p[0] == '\r' && p[1] == '\n')
            return p;
    return NULL;
}

static void trailer(const char *p, const char *eol, char name[16], char value[96])
{
    const char *colon = memchr(p, ':', (size_t)(eol - p));
    size_t pl = strlen(CHECKSUM_PREFIX), n;

    if (!colon || (size_t)(colon - p) <= pl || strncasecmp(p, CHECKSUM_PREFIX, pl))
        return;
    n = (size_t)(colon - p) - pl;
    if (n >= 16)
        return;
    for (size_t i = 0; i < n; i++)
        name[i] = (char)tolower((unsigned char)p[pl + i]);
    name[n] = '\0';
    colon++;
    while (colon < eol && *colon == ' ')
        colon++;
    snprintf(value, 96, "%.*s", (int)(eol - colon), colon);
}

int s3_chunked_decode(const char *body, size_t len, char **out, size_t *out_len,
                      char trailer_name[16], char trailer_value[96])
{
    const char *p = body, *end = body + len;
    char *o = malloc(len + 1);
    size_t used = 0;

    trailer_name[0] = trailer_value[0] = '\0';
    if (!o)
        return -1;
    for (;;) {
        const char *eol = line_end(p, end);
        size_t size = 0;
        const char *q = p;

        if (!eol || q == eol || !isxdigit((unsigned char)*q))
            goto bad;
        for (; q < eol && isxdigit((unsigned char)*q); q++) {
            if (size > (len >> 4))
                goto bad;
            size = size * 16 +
                   (size_t)(isdigit((unsigned char)*q) ? *q - '0' : (tolower(*q) - 'a' + 10));
        }
        if (q < eol && *q != ';')
            goto bad;
        p = eol + 2;
        if (!size)
            break;
        if ((size_t)(end - p) < size + 2 || p[size] != '\r' || p[size + 1] != '\n')
            goto bad;
        memcpy(o + used, p, size);
        used += size;
        p += size + 2;
    }
    /* trailer lines up to the blank line (or the end of the body) */
    while (p < end) {
        const char *eol = line_end(p, end);

        if (!eol)
            eol = end;
        if (eol == p)
            break;
        trailer(p, eol, trailer_name, trailer_value);
        p = eol + (eol < end ? 2 : 0);
    }
    o[used] = '\0';
    *out = o;
    *out_len = used;
    return 0;
bad:
    free(o);
    return -1;
}
