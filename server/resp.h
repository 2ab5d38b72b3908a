/* resp.h - the response a handler fills: status, headers, body. http.c turns it into bytes.
 *
 * A resp owns copies of everything put into it. resp_init() allocates nothing;
 * resp_release() frees the contents. Header setters replace an existing header of the
 * same name (any case), so the last writer wins.
 */
#ifndef CMKEMU_RESP_H
#define CMKEMU_RESP_H

#include "buf.h"

#include <stddef.h>

#define RESP_MAX_HEADERS 128
#define RESP_MAX_BODY    ((size_t)64 * 1024 * 1024)
#define RESP_TEXT        2048 /* bytes of header names and values kept in the resp itself */

struct resp_header {
    char *name;
    char *value;
    unsigned char own_name, own_value; /* malloc'd: did not fit in text[] */
};

struct resp {
    int status;
    int no_body; /* failed HEAD or 204/304: send headers only */
    struct resp_header header[RESP_MAX_HEADERS];
    size_t nheader;
    struct buf body;
    /* The headers' strings, one after the other, so an answer's few headers cost no allocation;
     * a string that does not fit is malloc'd. A replaced value's bytes stay unused. */
    char text[RESP_TEXT];
    size_t text_used;
};

void resp_init(struct resp *rs);
void resp_release(struct resp *rs);
void resp_status(struct resp *rs, int status);
void resp_header(struct resp *rs, const char *name, const char *value);
void resp_headerf(struct resp *rs, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
const char *resp_get_header(const struct resp *rs, const char *name);
void resp_del_header(struct resp *rs, const char *name);
/* Replaces the body with a copy of p[0..n). */
void resp_body(struct resp *rs, const void *p, size_t n);
/* Replaces the body with a buffer the response now owns (from buf_detach or malloc). */
void resp_body_take(struct resp *rs, char *p, size_t n);

#endif
