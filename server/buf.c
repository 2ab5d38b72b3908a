/* buf.c - growable byte buffer with a hard cap. See buf.h for the contract. */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void buf_init(struct buf *b, size_t cap)
{
    b->data = NULL;
    b->len = 0;
    b->alloc = 0;
    b->cap = cap;
}

void buf_release(struct buf *b)
{
    free(b->data);
    buf_init(b, b->cap);
}

void buf_reset(struct buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static int buf_grow(struct buf *b, size_t need)
{
    size_t want;
    char *p;

    if (need > b->cap)
        return -1;
    if (need + 1 <= b->alloc)
        return 0;
    want = b->alloc ? b->alloc : 64;
    while (want < need + 1)
        want *= 2;
    if (want > b->cap + 1)
        want = b->cap + 1;
    p = realloc(b->data, want);
    if (!p)
        return -1;
    b->data = p;
    b->alloc = want;
    return 0;
}

int buf_reserve(struct buf *b, size_t n)
{
    if (n > b->cap || b->len > b->cap - n || buf_grow(b, b->len + n))
        return -1;
    if (b->data)
        b->data[b->len] = '\0';
    return 0;
}

int buf_append_grow(struct buf *b, const void *p, size_t n)
{
    if (n > b->cap || b->len > b->cap - n || buf_grow(b, b->len + n))
        return -1;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int buf_puts(struct buf *b, const char *s)
{
    return buf_append(b, s, strlen(s));
}

int buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
    va_list cp;
    int n;

    va_copy(cp, ap);
    n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0 || (size_t)n > b->cap || b->len > b->cap - (size_t)n ||
        buf_grow(b, b->len + (size_t)n))
        return -1;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return 0;
}

int buf_printf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    int rc;

    va_start(ap, fmt);
    rc = buf_vprintf(b, fmt, ap);
    va_end(ap);
    return rc;
}

char *buf_detach(struct buf *b, size_t *len)
{
    char *p = b->data;

    if (len)
        *len = b->len;
    if (!p)
        p = calloc(1, 1);
    buf_init(b, b->cap);
    return p;
}

const char *buf_str(const struct buf *b)
{
    return b->data ? b->data : "";
}
