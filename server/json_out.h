/* json_out.h - the compact JSON text of a jansson value, in one pass (see json_out.c). */
#ifndef CMKEMU_JSON_OUT_H
#define CMKEMU_JSON_OUT_H

#include <jansson.h>
#include <stddef.h>

/* Returns the text of v, byte for byte what json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER |
 * JSON_ENCODE_ANY) returns, malloc'd and NUL-terminated, with its length in *len (len may be
 * NULL); NULL when out of memory or v is NULL. */
char *json_out(const json_t *v, size_t *len);

#endif
