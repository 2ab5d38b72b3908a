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

#include "buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The escape of byte c, which needs one, into esc; returns its length. */
static size_t escape(unsigned char c, char esc[6])
{
    static const char hex[] = "0123456789ABCDEF";

    esc[0] = '\\';
    switch (c) {
    case '"':
    case '\\':
        esc[1] = (char)c;
        return 2;
    case '\b':
        esc[1] = 'b';
        return 2;
    case '\f':
        esc[1] = 'f';
        return 2;
    case '\n':
        esc[1] = 'n';
        return 2;
    case '\r':
        esc[1] = 'r';
        return 2;
    case '\t':
        esc[1] = 't';
        return 2;
    default:
        memcpy(esc + 1, "u00", 3);
        esc[4] = hex[c >> 4];
        esc[5] = hex[c & 15];
        return 6;
    }
}

static int put_string(struct buf *b, const char *s, size_t n)
{
    size_t from = 0;

    if (buf_append(b, "\"", 1))
        return -1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[6];

        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        if (buf_append(b, s + from, i - from) || buf_append(b, esc, escape(c, esc)))
            return -1;
        from = i + 1;
    }
    return buf_append(b, s + from, n - from) || buf_append(b, "\"", 1) ? -1 : 0;
}

static int put_value(struct buf *b, json_t *v)
{
    char num[32];

    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        int first = 1;

        if (buf_append(b, "{", 1))
            return -1;
        for (void *it = json_object_iter(v); it; it = json_object_iter_next(v, it)) {
            if ((!first && buf_append(b, ",", 1)) ||
                put_string(b, json_object_iter_key(it), json_object_iter_key_len(it)) ||
                buf_append(b, ":", 1) || put_value(b, json_object_iter_value(it)))
                return -1;
            first = 0;
        }
        return buf_append(b, "}", 1);
    }
    case JSON_ARRAY:
        if (buf_append(b, "[", 1))
            return -1;
        for (size_t i = 0; i < json_array_size(v); i++)
            if ((i && buf_append(b, ",", 1)) || put_value(b, json_array_get(v, i)))
                return -1;
        return buf_append(b, "]", 1);
    case JSON_STRING:
        return put_string(b, json_string_value(v), json_string_length(v));
    case JSON_INTEGER:
        snprintf(num, sizeof(num), "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return buf_puts(b, num);
    case JSON_REAL: {
        char *t = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
        int rc = t ? buf_puts(b, t) : -1;

        free(t);
        return rc;
    }
    case JSON_TRUE:
        return buf_append(b, "true", 4);
    case JSON_FALSE:
        return buf_append(b, "false", 5);
    case JSON_NULL:
        return buf_append(b, "null", 4);
    }
    return -1;
}

char *json_out(const json_t *v, size_t *len)
{
    struct buf b;

    if (!v)
        return NULL;
    buf_init(&b, SIZE_MAX / 2);
    /* an OCI resource's text is one to a few KiB: grown from there, not from 64 bytes */
    if (buf_reserve(&b, 2048) || put_value(&b, (json_t *)v)) {
        buf_release(&b);
        return NULL;
    }
    return buf_detach(&b, len);
}
