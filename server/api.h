/* api.h - what every handler is: a function of (request, context) -> response.
 *
 * The context holds all a handler may touch besides the request: the store, the
 * configuration, an injected clock and an injected id source, so that tests call
 * handlers without a socket and get the same bytes every run.
 */
#ifndef CMKEMU_API_H
#define CMKEMU_API_H

#include "config.h"
#include "ids.h"
#include "req.h"
#include "resp.h"

#include <stddef.h>
#include <stdint.h>

struct store;

struct ctx {
    struct store *store;
    const struct config *cfg;
    int64_t now_ms;       /* injected clock: milliseconds since the epoch */
    struct ids *ids;      /* injected id source */
    char request_id[128]; /* this request's id, set by the family before the handler runs */
    char host_id[128];    /* S3's x-amz-id-2; empty elsewhere */
};

/* A handler fills `rs` and returns 0 on success or the family's error enum it answered with. */
typedef int api_handler(const struct req *rq, struct ctx *cx, struct resp *rs);

/* One row of an error table: enum -> HTTP status, code, message. */
struct api_error {
    int status;          /* HTTP status */
    const char *code;    /* error code exactly as the cloud spells it */
    const char *message; /* message exactly as the cloud words it ("%s" where a value goes) */
};

/* 1 when s is valid UTF-8, else 0. */
int api_utf8_valid(const char *s);
/* Replaces every byte of s that is not part of a valid UTF-8 sequence with '?'. */
void api_utf8_scrub(char *s);
/* Copies an error table message into out, putting arg (or "") where the message has "%s". */
void api_message(char *out, size_t n, const char *tmpl, const char *arg);
/* Same with two values, for messages with two "%s" (the first gets a1, the second a2). */
void api_message2(char *out, size_t n, const char *tmpl, const char *a1, const char *a2);

#endif
