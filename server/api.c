/* api.c - helpers shared by every family's error table. */
#include "api.h"

#include <stdio.h>
#include <string.h>

void api_message(char *out, size_t n, const char *tmpl, const char *arg)
{
    const char *hole = strstr(tmpl, "%s");

    if (!hole) {
        snprintf(out, n, "%s", tmpl);
        return;
    }
    snprintf(out, n, "%.*s%s%s", (int)(hole - tmpl), tmpl, arg ? arg : "", hole + 2);
}
