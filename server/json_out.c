/* json_out.c - compact JSON text for the JSON answers: of a jansson value, or written member by
 * member (struct jw) when an answer is built straight from a stored row.
 *
 * jansson builds, parses and holds the values; this only prints them, byte for byte as
 * json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY) does: members in
 * insertion order, no spaces, strings escaped as jansson escapes them ('"', '\\', \b \f \n \r \t
 * and \u00XX in upper-case hex for the other control characters; every other byte as it is:
 * jansson only holds valid UTF-8), integers in decimal and reals by jansson itself. json_dumps
 * decodes every string's UTF-8 again and writes through a callback per piece, which made it
 * the largest cost of an OCI answer; here a string is one scan and one copy.
 * tests/unit/test_json_out.c and the fuzz target fuzz_json_out hold the two outputs equal.
 * Writing a row's fields with jw_* skips building a jansson tree only to print it (an OCI
 * GetBucket spent a third of its instructions on that tree); the strings written then are C
 * strings from the store, so jw_string replaces bytes that are not UTF-8 with U+FFFD where
 * jansson would have refused the string. */
#include "json_out.h"

#include "api.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int grow(struct jw *o, size_t n)
{
    size_t want = o->alloc ? o->alloc : 2048; /* an OCI resource: one to a few KiB */
    char *p;

    if (o->failed)
        return -1;
    while (want - o->len < n + 1) {
        if (want > SIZE_MAX / 4) {
            o->failed = 1;
            return -1;
        }
        want *= 2;
    }
    if (!(p = realloc(o->p, want))) {
        o->failed = 1;
        return -1;
    }
    o->p = p;
    o->alloc = want;
    return 0;
}

/* put() is called for every piece of every string and must stay inline: through struct buf's
 * buf_append json_out took 19.6k instructions per OCI GetBucket instead of 10k (callgrind). */
static inline void put(struct jw *o, const char *s, size_t n)
{
    if (o->alloc - o->len < n + 1 && grow(o, n))
        return;
    memcpy(o->p + o->len, s, n);
    o->len += n;
}

/* the ',' before a member or an element that is not the first of its container */
static inline void sep(struct jw *w)
{
    if (w->comma)
        put(w, ",", 1);
    w->comma = 1;
}

/* 1 for the ASCII bytes a JSON string escapes: control characters, '"' and '\\'. The bytes
 * from 0x80 are checked as UTF-8 and kept when they are. */
static const unsigned char needs_escape[128] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,         1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ['"'] = 1, ['\\'] = 1,
};

/* 1 when none of the 8 bytes at p needs a look: all ASCII from 0x20, none '"' or '\\'. Each
 * subtraction sets a byte's top bit where that byte is below the bound (a borrow can only add
 * more where one is already found), and no byte has its top bit of its own. */
static inline int plain8(const char *p)
{
    const uint64_t ones = 0x0101010101010101ULL;
    const uint64_t top = 0x8080808080808080ULL;
    uint64_t x;

    memcpy(&x, p, 8);
    if (x & top)
        return 0;
    return !(((x - ones * 0x20) | ((x ^ (ones * '"')) - ones) | ((x ^ (ones * '\\')) - ones)) &
             top);
}

static void put_string(struct jw *o, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t i = 0;

    put(o, "\"", 1);
    while (i < n) {
        size_t from = i;
        unsigned char c;

        while (i < n) {
            unsigned char b;
            size_t k;

            if (n - i >= 8 && plain8(s + i)) {
                i += 8;
                continue;
            }
            b = (unsigned char)s[i];
            if (b < 0x80 && !needs_escape[b])
                i++;
            else if (b >= 0x80 && (k = api_utf8_len(s + i, NULL)) && k <= n - i)
                i += k;
            else
                break;
        }
        put(o, s + from, i - from);
        if (i == n)
            break;
        c = (unsigned char)s[i++];
        switch (c) {
        case '"':
            put(o, "\\\"", 2);
            break;
        case '\\':
            put(o, "\\\\", 2);
            break;
        case '\b':
            put(o, "\\b", 2);
            break;
        case '\f':
            put(o, "\\f", 2);
            break;
        case '\n':
            put(o, "\\n", 2);
            break;
        case '\r':
            put(o, "\\r", 2);
            break;
        case '\t':
            put(o, "\\t", 2);
            break;
        default:
            if (c >= 0x80) { /* not UTF-8: only jw_string's bytes, never jansson's */
                put(o, "\xEF\xBF\xBD", 3);
            } else {
                char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };

                put(o, u, 6);
            }
        }
    }
    put(o, "\"", 1);
}

static void key(struct jw *w, const char *k, size_t n)
{
    sep(w);
    put_string(w, k, n);
    put(w, ":", 1);
    w->comma = 0;
}

void jw_key(struct jw *w, const char *k)
{
    key(w, k, strlen(k));
}

void jw_key_text(struct jw *w, const char *quoted, size_t n)
{
    sep(w);
    put(w, quoted, n);
    w->comma = 0;
}

void jw_open(struct jw *w, char c)
{
    sep(w);
    put(w, &c, 1);
    w->comma = 0;
}

void jw_close(struct jw *w, char c)
{
    put(w, &c, 1);
    w->comma = 1;
}

void jw_string(struct jw *w, const char *s)
{
    if (!s) {
        jw_null(w);
        return;
    }
    sep(w);
    put_string(w, s, strlen(s));
}

void jw_bool(struct jw *w, int v)
{
    sep(w);
    if (v)
        put(w, "true", 4);
    else
        put(w, "false", 5);
}

void jw_null(struct jw *w)
{
    sep(w);
    put(w, "null", 4);
}

void jw_int(struct jw *w, long long v)
{
    char num[32];
    int n = snprintf(num, sizeof(num), "%lld", v);

    sep(w);
    put(w, num, (size_t)n);
}

void jw_raw(struct jw *w, const char *text, size_t n)
{
    sep(w);
    put(w, text, n);
}

void jw_value(struct jw *w, const json_t *cv)
{
    json_t *v = (json_t *)cv; /* jansson's iterators take no const */

    switch (json_typeof(v)) {
    case JSON_OBJECT:
        jw_open(w, '{');
        for (void *it = json_object_iter(v); it; it = json_object_iter_next(v, it)) {
            key(w, json_object_iter_key(it), json_object_iter_key_len(it));
            jw_value(w, json_object_iter_value(it));
        }
        jw_close(w, '}');
        return;
    case JSON_ARRAY:
        jw_open(w, '[');
        for (size_t i = 0; i < json_array_size(v); i++)
            jw_value(w, json_array_get(v, i));
        jw_close(w, ']');
        return;
    case JSON_STRING:
        sep(w);
        put_string(w, json_string_value(v), json_string_length(v));
        return;
    case JSON_INTEGER:
        jw_int(w, (long long)json_integer_value(v));
        return;
    case JSON_REAL: {
        char *t = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);

        if (t)
            jw_raw(w, t, strlen(t));
        else
            w->failed = 1;
        free(t);
        return;
    }
    case JSON_TRUE:
        jw_bool(w, 1);
        return;
    case JSON_FALSE:
        jw_bool(w, 0);
        return;
    case JSON_NULL:
        jw_null(w);
        return;
    }
}

char *jw_finish(struct jw *w, size_t *len)
{
    char *p;

    if (w->failed || (!w->p && grow(w, 0))) {
        jw_free(w);
        return NULL;
    }
    w->p[w->len] = '\0';
    if (len)
        *len = w->len;
    p = w->p;
    *w = (struct jw){ 0 };
    return p;
}

void jw_free(struct jw *w)
{
    free(w->p);
    *w = (struct jw){ 0 };
}

char *json_out(const json_t *v, size_t *len)
{
    struct jw w = { 0 };

    if (!v)
        return NULL;
    jw_value(&w, v);
    return jw_finish(&w, len);
}
