/* buf.h - growable byte buffer with a hard cap (curl's dynbuf, git's strbuf).
 *
 * Invariants: `data` is NULL until the first append, and always NUL-terminated after it.
 * Every append fails with -1 once the content would exceed `cap`; the buffer then keeps what
 * it had. buf_init() allocates nothing and cannot fail; buf_release() frees the contents.
 */
#ifndef CMKEMU_BUF_H
#define CMKEMU_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct buf {
    char *data; /* NUL-terminated content, or NULL when empty and never grown */
    size_t len; /* bytes used, excluding the terminator */
    size_t alloc;
    size_t cap; /* most bytes the buffer may hold */
};

void buf_init(struct buf *b, size_t cap);
void buf_release(struct buf *b);
void buf_reset(struct buf *b);
/* Makes room for n more bytes without a later reallocation; 0, or -1 as buf_append. */
int buf_reserve(struct buf *b, size_t n);
/* buf_append when the content must grow first; use buf_append */
int buf_append_grow(struct buf *b, const void *p, size_t n);
/* Returns 0, or -1 when over the cap or out of memory. Inline while the bytes fit: the XML
 * answers append a piece per tag. alloc never exceeds cap + 1, so fitting is within the cap. */
static inline int buf_append(struct buf *b, const void *p, size_t n)
{
    if (n >= b->alloc - b->len) /* also when nothing is allocated yet */
        return buf_append_grow(b, p, n);
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}
int buf_puts(struct buf *b, const char *s);
int buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int buf_vprintf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Gives the content to the caller, who frees it; the buffer is empty afterwards. Never NULL. */
char *buf_detach(struct buf *b, size_t *len);
/* Returns the content, or "" when empty. */
const char *buf_str(const struct buf *b);

#endif
