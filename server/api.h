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
struct seed;

struct ctx {
    struct store *store;
    const struct config *cfg;
    int64_t now_ms;       /* injected clock: milliseconds since the epoch */
    struct ids *ids;      /* injected id source */
    char request_id[128]; /* this request's id, set by the family before the handler runs */
    char host_id[128];    /* S3's x-amz-id-2; empty elsewhere */

    /* What POST /_cmkemu/reset restores (emu/seed.h); NULL: a reset empties the state. */
    const struct seed *seed;
};

/* A handler fills `rs` and returns 0 on success or the family's error enum it answered with. */
typedef int api_handler(const struct req *rq, struct ctx *cx, struct resp *rs);

/* One row of an error table: enum -> HTTP status, code, message. */
struct api_error {
    int status;          /* HTTP status */
    const char *code;    /* error code exactly as the cloud spells it */
    const char *message; /* message exactly as the cloud words it ("%s" where a value goes) */
};

/* Copies an error table message into out, putting arg (or "") where the message has "%s".
 * The result is valid UTF-8 (api_utf8_clean). */
void api_message(char *out, size_t n, const char *tmpl, const char *arg);
/* Same with two values, for messages with two "%s" (the first gets a1, the second a2). */
void api_message2(char *out, size_t n, const char *tmpl, const char *a1, const char *a2);

/* Length (1-4) of the well-formed UTF-8 sequence at s, with its code point in *cp (may be NULL);
 * 0 for a byte that starts none (overlong forms, surrogates and code points over U+10FFFF are
 * not well-formed). */
size_t api_utf8_len(const char *s, unsigned long *cp);
/* Copies s into out (size n) as valid UTF-8: each byte that does not start a well-formed
 * sequence becomes U+FFFD. Stops before a character that would not fit. */
void api_utf8_clean(char *out, size_t n, const char *s);

#endif
