/* api.c - helpers shared by every family's error table. */
#include "api.h"

#include <stdio.h>
#include <string.h>

void api_message2(char *out, size_t n, const char *tmpl, const char *a1, const char *a2)
{
    const char *args[2] = { a1 ? a1 : "", a2 ? a2 : "" };
    const char *p = tmpl;
    char raw[16384];
    size_t used = 0;
    int k = 0;

    if (!n)
        return;
    raw[0] = '\0';
    for (const char *hole; (hole = strstr(p, "%s")) != NULL && used < sizeof(raw); p = hole + 2) {
        int w = snprintf(raw + used, sizeof(raw) - used, "%.*s%s", (int)(hole - p), p,
                         k < 2 ? args[k] : "");

        k++;
        if (w < 0)
            break;
        used += (size_t)w;
    }
    if (used < sizeof(raw))
        snprintf(raw + used, sizeof(raw) - used, "%s", p);
    /* a value from the request may hold invalid UTF-8: JSON and XML bodies carry only valid
     * UTF-8, so each bad byte becomes U+FFFD, and a character never is cut by out's size */
    api_utf8_clean(out, n, raw);
}

void api_message(char *out, size_t n, const char *tmpl, const char *arg)
{
    api_message2(out, n, tmpl, arg, NULL);
}

size_t api_utf8_len(const char *s, unsigned long *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned long c;
    size_t n;

    if (p[0] < 0x80) {
        n = 1;
        c = p[0];
    } else if (p[0] >= 0xC2 && p[0] <= 0xDF) {
        n = 2;
        c = p[0] & 0x1Fu;
    } else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
        n = 3;
        c = p[0] & 0x0Fu;
    } else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
        n = 4;
        c = p[0] & 0x07u;
    } else {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) /* also stops at the terminating NUL */
            return 0;
        c = (c << 6) | (p[i] & 0x3Fu);
    }
    if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
        (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    if (cp)
        *cp = c;
    return n;
}

void api_utf8_clean(char *out, size_t n, const char *s)
{
    size_t w = 0;

    if (!n)
        return;
    while (*s) {
        size_t k = api_utf8_len(s, NULL);
        const char *from = k ? s : "\xEF\xBF\xBD";
        size_t len = k ? k : 3;

        if (w + len >= n)
            break;
        memcpy(out + w, from, len);
        w += len;
        s += k ? k : 1;
    }
    out[w] = '\0';
}
