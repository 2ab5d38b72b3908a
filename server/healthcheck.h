/* healthcheck.h - `cmkemu --health-check`: probes a running cmkemu's /_cmkemu/health, for a
 * container HEALTHCHECK that needs no curl. */
#ifndef CMKEMU_HEALTHCHECK_H
#define CMKEMU_HEALTHCHECK_H

#include "config.h"

#include <stddef.h>

/* http://<host>:<port>/_cmkemu/health of cfg; a wildcard host (0.0.0.0, ::, "") probes the
 * loopback address. */
void health_default_url(const struct config *cfg, char *out, size_t n);
/* GETs url (http://host[:port][/path]); returns 0 when it answers 200, else 1 with a one-line
 * message on stderr. */
int health_check(const char *url);

#endif
