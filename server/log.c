/* log.c - leveled logging to stderr, one write(2)-sized line per call so threads don't interleave.
 * Text lines ("<ts> <level> <msg>") or JSON lines ({"ts","level","msg"[, access fields]}). */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static enum log_level current = LOG_INFO;
static enum log_format format = LOG_FORMAT_TEXT;

static const char *const level_names[] = { "error", "warn", "info", "debug" };

void log_set_level(enum log_level lv)
{
    current = lv;
}

enum log_level log_get_level(void)
{
    return current;
}

void log_set_format(enum log_format f)
{
    format = f;
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

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when it is not one. */
static size_t utf8_len(const unsigned char *s)
{
    size_t n;

    if (s[0] >= 0xc2 && s[0] <= 0xdf)
        n = 2;
    else if (s[0] >= 0xe0 && s[0] <= 0xef)
        n = 3;
    else if (s[0] >= 0xf0 && s[0] <= 0xf4)
        n = 4;
    else
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    return n;
}

size_t log_json_escape(char *out, size_t n, const char *in)
{
    const unsigned char *s = (const unsigned char *)(in ? in : "");
    size_t o = 0;

    if (!n)
        return 0;
    while (*s && o + 7 < n) {
        if (*s == '"' || *s == '\\') {
            out[o++] = '\\';
            out[o++] = (char)*s++;
        } else if (*s == '\n' || *s == '\r' || *s == '\t') {
            out[o++] = '\\';
            out[o++] = "nrt"[*s == '\n' ? 0 : *s == '\r' ? 1 : 2];
            s++;
        } else if (*s < 0x20 || *s == 0x7f) {
            o += (size_t)snprintf(out + o, n - o, "\\u%04x", *s++);
        } else if (*s < 0x80) {
            out[o++] = (char)*s++;
        } else {
            size_t len = utf8_len(s);

            if (!len) { /* not UTF-8: U+FFFD */
                o += (size_t)snprintf(out + o, n - o, "\\ufffd");
                s++;
            } else {
                memcpy(out + o, s, len);
                o += len;
                s += len;
            }
        }
    }
    out[o] = '\0';
    return o;
}

void log_msg(enum log_level lv, const char *fmt, ...)
{
    char msg[1024];
    char esc[2048];
    char ts[96];
    va_list ap;

    if (lv > current)
        return;
    stamp(ts, sizeof(ts));
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (format == LOG_FORMAT_JSON) {
        log_json_escape(esc, sizeof(esc), msg);
        fprintf(stderr, "{\"ts\":\"%s\",\"level\":\"%s\",\"msg\":\"%s\"}\n", ts, level_names[lv],
                esc);
    } else {
        fprintf(stderr, "%s %s %s\n", ts, level_names[lv], msg);
    }
}

void log_access(const char *method, const char *path, int status, double ms, const char *req_id)
{
    char ts[96];
    const char *rid = req_id && *req_id ? req_id : "-";

    if (current < LOG_INFO)
        return;
    stamp(ts, sizeof(ts));
    if (format == LOG_FORMAT_JSON) {
        char m[64];
        char p[4096];
        char r[512];

        log_json_escape(m, sizeof(m), method);
        log_json_escape(p, sizeof(p), path);
        log_json_escape(r, sizeof(r), req_id && *req_id ? req_id : "");
        fprintf(stderr,
                "{\"ts\":\"%s\",\"level\":\"info\",\"msg\":\"access\",\"method\":\"%s\","
                "\"path\":\"%s\",\"status\":%d,\"ms\":%.3f,\"request_id\":\"%s\"}\n",
                ts, m, p, status, ms, r);
    } else {
        fprintf(stderr, "%s access %s %s %d %.3fms %s\n", ts, method, path, status, ms, rid);
    }
}
