/* api.c - helpers shared by every family's error table. */
#include "api.h"

#include <stdio.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at p (1 to 4), or 0 when p does not start one: no
 * overlong forms, no surrogates, nothing past U+10FFFF. */
static size_t utf8_seq(const unsigned char *p)
{
    size_t n;
    unsigned cp;

    if (p[0] < 0x80)
        return 1;
    if (p[0] >= 0xC2 && p[0] <= 0xDF) {
        n = 2;
        cp = p[0] & 0x1Fu;
    } else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
        n = 3;
        cp = p[0] & 0x0Fu;
    } else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
        n = 4;
        cp = p[0] & 0x07u;
    } else {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3Fu);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return n;
}

int api_utf8_valid(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;

    while (*p) {
        size_t n = utf8_seq(p);

        if (!n)
            return 0;
        p += n;
    }
    return 1;
}

void api_utf8_scrub(char *s)
{
    unsigned char *p = (unsigned char *)s;

    while (*p) {
        size_t n = utf8_seq(p);

        if (!n) {
            *p++ = '?';
            continue;
        }
        p += n;
    }
}

void api_message2(char *out, size_t n, const char *tmpl, const char *a1, const char *a2)
{
    const char *args[2] = { a1 ? a1 : "", a2 ? a2 : "" };
    const char *p = tmpl;
    size_t used = 0;
    int k = 0;

    if (!n)
        return;
    out[0] = '\0';
    for (const char *hole; (hole = strstr(p, "%s")) != NULL && used < n; p = hole + 2) {
        int w = snprintf(out + used, n - used, "%.*s%s", (int)(hole - p), p, k < 2 ? args[k] : "");

        k++;
        if (w < 0)
            return;
        used += (size_t)w;
    }
    if (used < n)
        snprintf(out + used, n - used, "%s", p);
    /* a value from the request may hold invalid UTF-8, or be cut inside a character: JSON and
     * XML bodies carry only valid UTF-8 */
    api_utf8_scrub(out);
}

void api_message(char *out, size_t n, const char *tmpl, const char *arg)
{
    api_message2(out, n, tmpl, arg, NULL);
}
