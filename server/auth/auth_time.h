/* auth_time.h - the request times signatures carry: ISO 8601 basic (20130524T000000Z, SigV4)
 * and RFC 1123 (Fri, 24 May 2013 00:00:00 GMT, the HTTP Date header). Pure. */
#ifndef CMKEMU_AUTH_TIME_H
#define CMKEMU_AUTH_TIME_H

#include <stddef.h>
#include <stdint.h>

/* Parses "YYYYMMDDTHHMMSSZ" into ms since the epoch. Returns 0 or -1. */
int auth_time_iso_basic(const char *s, int64_t *ms);
/* Parses "Www, DD Mon YYYY HH:MM:SS GMT" into ms since the epoch. Returns 0 or -1. */
int auth_time_http(const char *s, int64_t *ms);
/* Formats ms as "YYYYMMDDTHHMMSSZ" (out: 17 bytes). */
void auth_time_format_basic(int64_t ms, char *out, size_t n);
/* Formats ms as "YYYY-MM-DDTHH:MM:SSZ" (out: 21 bytes), as S3's ServerTime. */
void auth_time_format_iso(int64_t ms, char *out, size_t n);

#endif
