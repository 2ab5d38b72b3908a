/* json_out.c - the compact JSON text of a jansson value, for the JSON answers.
 *
 * jansson builds, parses and holds the values; this only prints them, byte for byte as
 * json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY) does: members in
 * insertion order, no spaces, strings escaped as jansson escapes them ('"', '\\', \b \f \n \r \t
 * and \u00XX in upper-case hex for the other control characters; every other byte as it is:
 * jansson only holds valid UTF-8), integers in decimal and reals by jansson itself. json_dumps
 * decodes every string's UTF-8 again and writes through a callback per piece, which made it
 * the largest cost of an OCI answer; here a string is one scan and one copy.
 * tests/unit/test_json_out.c and the fuzz target fuzz_json_out hold the two outputs equal. */
#include "json_out.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The text being written: a malloc'd array grown by doubling. Not struct buf: put() is called
 * for every piece of every string and must stay inline; through buf_append json_out took 19.6k
 * instructions per OCI GetBucket instead of 10k (callgrind). */
struct out {
    char *p;
    size_t len, alloc;
    int failed; /* out of memory: every later write is dropped */
};

static int grow(struct out *o, size_t n)
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

static inline void put(struct out *o, const char *s, size_t n)
{
    if (o->alloc - o->len < n + 1 && grow(o, n))
        return;
    memcpy(o->p + o->len, s, n);
    o->len += n;
}

/* 1 for the bytes a JSON string escapes: control characters, '"' and '\\' */
static const unsigned char needs_escape[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,         1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, ['"'] = 1, ['\\'] = 1,
};

static void put_string(struct out *o, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t i = 0;

    put(o, "\"", 1);
    while (i < n) {
        size_t from = i;
        unsigned char c;

        while (i < n && !needs_escape[(unsigned char)s[i]])
            i++;
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
        default: {
            char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };

            put(o, u, 6);
        }
        }
    }
    put(o, "\"", 1);
}

static void put_value(struct out *o, json_t *v)
{
    char num[32];

    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        int first = 1;

        put(o, "{", 1);
        for (void *it = json_object_iter(v); it; it = json_object_iter_next(v, it)) {
            if (!first)
                put(o, ",", 1);
            put_string(o, json_object_iter_key(it), json_object_iter_key_len(it));
            put(o, ":", 1);
            put_value(o, json_object_iter_value(it));
            first = 0;
        }
        put(o, "}", 1);
        return;
    }
    case JSON_ARRAY:
        put(o, "[", 1);
        for (size_t i = 0; i < json_array_size(v); i++) {
            if (i)
                put(o, ",", 1);
            put_value(o, json_array_get(v, i));
        }
        put(o, "]", 1);
        return;
    case JSON_STRING:
        put_string(o, json_string_value(v), json_string_length(v));
        return;
    case JSON_INTEGER: {
        int n = snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT, json_integer_value(v));

        put(o, num, (size_t)n);
        return;
    }
    case JSON_REAL: {
        char *t = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);

        if (t)
            put(o, t, strlen(t));
        else
            o->failed = 1;
        free(t);
        return;
    }
    case JSON_TRUE:
        put(o, "true", 4);
        return;
    case JSON_FALSE:
        put(o, "false", 5);
        return;
    case JSON_NULL:
        put(o, "null", 4);
        return;
    }
}

char *json_out(const json_t *v, size_t *len)
{
    struct out o = { NULL, 0, 0, 0 };

    if (!v)
        return NULL;
    put_value(&o, (json_t *)v);
    if (o.failed || (!o.p && grow(&o, 0))) {
        free(o.p);
        return NULL;
    }
    o.p[o.len] = '\0';
    if (len)
        *len = o.len;
    return o.p;
}
