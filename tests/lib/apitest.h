/* apitest.h - drives handlers without a socket: a :memory: store, a pinned clock and
 * deterministic ids, and a request built from plain strings. */
#ifndef CMKEMU_APITEST_H
#define CMKEMU_APITEST_H

#include "server/api.h"
#include "server/config.h"
#include "server/ids.h"
#include "server/resp.h"

#include <stdint.h>

struct apitest {
    struct store *st;
    struct config cfg;
    struct ids ids;
    int64_t now_ms;
    const struct seed *seed; /* what POST /_cmkemu/reset restores; NULL by default */
};

/* Opens a fresh :memory: store with default config. Returns 0 or -1. */
int apitest_open(struct apitest *t);
void apitest_close(struct apitest *t);

/* Runs one request through the router. target is "/path?query" (query decoded, '&'-separated,
 * "name" or "name=value"; the same text is the request's raw path and raw query); headers is a
 * NULL-terminated list of "Name: value" or NULL; body may be NULL. out must be resp_init()ed by the
 * caller and released after. */
void apitest_call(struct apitest *t, const char *method, const char *target,
                  const char *const *headers, const char *body, struct resp *out);

#endif
