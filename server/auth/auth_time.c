/* auth_time.c - parsing and formatting the times of signed requests. */
#include "auth_time.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

int auth_time_iso_basic(const char *s, int64_t *ms)
{
    struct tm tm;
    const char *end;

    if (!s || strlen(s) != 16 || s[8] != 'T' || s[15] != 'Z')
        return -1;
    for (int i = 0; i < 15; i++)
        if (i != 8 && !isdigit((unsigned char)s[i]))
            return -1;
    memset(&tm, 0, sizeof(tm));
    end = strptime(s, "%Y%m%dT%H%M%SZ", &tm);
    if (!end || *end)
        return -1;
    *ms = (int64_t)timegm(&tm) * 1000;
    return 0;
}

int auth_time_http(const char *s, int64_t *ms)
{
    struct tm tm;
    const char *end;

    if (!s)
        return -1;
    memset(&tm, 0, sizeof(tm));
    end = strptime(s, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    if (!end || *end)
        return -1;
    *ms = (int64_t)timegm(&tm) * 1000;
    return 0;
}

static void utc(int64_t ms, struct tm *tm)
{
    time_t t = (time_t)(ms / 1000);

    gmtime_r(&t, tm);
}

void auth_time_format_basic(int64_t ms, char *out, size_t n)
{
    struct tm tm;

    utc(ms, &tm);
    snprintf(out, n, "%04d%02d%02dT%02d%02d%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
             tm.tm_hour, tm.tm_min, tm.tm_sec);
}

void auth_time_format_iso(int64_t ms, char *out, size_t n)
{
    struct tm tm;

    utc(ms, &tm);
    snprintf(out, n, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
             tm.tm_hour, tm.tm_min, tm.tm_sec);
}
