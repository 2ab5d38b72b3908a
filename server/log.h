/* log.h - leveled logging to stderr and the one-line-per-request access log, as text or JSON
 * lines. */
#ifndef CMKEMU_LOG_H
#define CMKEMU_LOG_H

#include "config.h"

void log_set_level(enum log_level lv);
enum log_level log_get_level(void);
/* Text lines (default) or JSON lines. */
void log_set_format(enum log_format f);
void log_msg(enum log_level lv, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* method path status milliseconds request-id, at LOG_INFO. */
void log_access(const char *method, const char *path, int status, double ms, const char *req_id);
/* Writes in as the inside of a JSON string (quotes, backslashes and control characters escaped,
 * bytes that are not UTF-8 as U+FFFD), cut to fit out (size n). Returns the length written. */
size_t log_json_escape(char *out, size_t n, const char *in);

#endif
