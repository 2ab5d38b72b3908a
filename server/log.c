/* log.c - leveled logging to stderr, one write(2)-sized line per call so threads don't interleave.
 */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <time.h>

static enum log_level current = LOG_INFO;

void log_set_level(enum log_level lv)
{
    current = lv;
}

enum log_level log_get_level(void)
{
    return current;
}

static void stamp(char *out, size_t n)
{
    struct timespec ts;
    struct tm tm;

    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    snprintf(out, n, "%04d-%02d-%02dT%02d:%02d:%02d.%03ldZ", tm.tm_year + 1900, tm.tm_mon + 1,
             tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ts.tv_nsec / 1000000);
}

void log_msg(enum log_level lv, const char *fmt, ...)
{
    static const char *const names[] = { "error", "warn", "info", "debug" };
    char line[1024];
    char ts[96];
    va_list ap;
    int n;

    if (lv > current)
        return;
    stamp(ts, sizeof(ts));
    n = snprintf(line, sizeof(line), "%s %s ", ts, names[lv]);
    va_start(ap, fmt);
    if (n > 0 && (size_t)n < sizeof(line))
        vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
    va_end(ap);
    fprintf(stderr, "%s\n", line);
}

void log_access(const char *method, const char *path, int status, double ms, const char *req_id)
{
    char ts[96];

    if (current < LOG_INFO)
        return;
    stamp(ts, sizeof(ts));
    fprintf(stderr, "%s access %s %s %d %.3fms %s\n", ts, method, path, status, ms,
            req_id && *req_id ? req_id : "-");
}
