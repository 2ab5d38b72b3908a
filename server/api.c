/* api.c - helpers shared by every family's error table. */
#include "api.h"

#include <stdio.h>
#include <string.h>

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
}

void api_message(char *out, size_t n, const char *tmpl, const char *arg)
{
    api_message2(out, n, tmpl, arg, NULL);
}
