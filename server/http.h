/* http.h - the HTTP server: the only part of cmkemu that knows libmicrohttpd. */
#ifndef CMKEMU_HTTP_H
#define CMKEMU_HTTP_H

#include "config.h"
#include "ids.h"

struct store;
struct seed;
struct http_server;

/* Starts listening. seed (may be NULL) is what POST /_cmkemu/reset restores. Returns NULL
 * (message printed) when the address cannot be bound. */
struct http_server *http_start(const struct config *cfg, struct store *st, struct ids *ids,
                               const struct seed *seed);
/* The port actually bound (useful with --port 0). */
int http_port(const struct http_server *srv);
/* Stops accepting, lets in-flight requests finish, frees the server. */
void http_stop(struct http_server *srv);

#endif
