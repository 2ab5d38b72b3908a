/* json_out.h - compact JSON text in one pass: of a jansson value (json_out) or written member by
 * member (struct jw) for the answers built straight from a stored row (see json_out.c). */
#ifndef CMKEMU_JSON_OUT_H
#define CMKEMU_JSON_OUT_H

#include <jansson.h>
#include <stddef.h>

/* Returns the text of v, byte for byte what json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER |
 * JSON_ENCODE_ANY) returns, malloc'd and NUL-terminated, with its length in *len (len may be
 * NULL); NULL when out of memory or v is NULL. */
char *json_out(const json_t *v, size_t *len);

/* A text being written; start from struct jw w = { 0 }. Values are separated by ',' as they
 * come: a value after jw_key is the member's, any other is the next element of the open array.
 * Out of memory is remembered and reported by jw_finish. */
struct jw {
    char *p;
    size_t len, alloc;
    int failed;
    int comma; /* the next member or element needs a ',' before it */
};

void jw_open(struct jw *w, char c);  /* '{' or '[' */
void jw_close(struct jw *w, char c); /* '}' or ']' */
void jw_key(struct jw *w, const char *k);
/* A member name given as a string literal that needs no escaping (a model's field name): its
 * quoted text is put together by the compiler and copied as it is. */
#define JW_KEY(w, lit) jw_key_text((w), "\"" lit "\":", sizeof("\"" lit "\":") - 1)
void jw_key_text(struct jw *w, const char *quoted, size_t n);
/* s as a JSON string (escaped as json_out escapes, bytes that are not UTF-8 as U+FFFD); NULL
 * writes null */
void jw_string(struct jw *w, const char *s);
void jw_bool(struct jw *w, int v);
void jw_null(struct jw *w);
void jw_int(struct jw *w, long long v);
/* a value already in compact JSON text, copied as it is */
void jw_raw(struct jw *w, const char *text, size_t n);
/* v as json_out prints it */
void jw_value(struct jw *w, const json_t *v);
/* The text written, malloc'd and NUL-terminated, its length in *len (may be NULL); NULL when
 * out of memory. w is empty again afterwards. */
char *jw_finish(struct jw *w, size_t *len);
void jw_free(struct jw *w);

#endif
