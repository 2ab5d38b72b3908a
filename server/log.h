/* log.h - leveled logging to stderr and the one-line-per-request access log. */
#ifndef CMKEMU_LOG_H
#define CMKEMU_LOG_H

#include "config.h"

void log_set_level(enum log_level lv);
enum log_level log_get_level(void);
void log_msg(enum log_level lv, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* method path status milliseconds request-id, at LOG_INFO. */
void log_access(const char *method, const char *path, int status, double ms, const char *req_id);

#endif
