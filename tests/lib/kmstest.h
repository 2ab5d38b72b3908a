/* kmstest.h - helpers for Vault api tests: signed calls with a Host header, JSON bodies, and
 * vaults and keys created through the API itself. */
#ifndef CMKEMU_KMSTEST_H
#define CMKEMU_KMSTEST_H

#include "ocitest.h"

#include <jansson.h>
#include <stddef.h>

#define KMSTEST_HOST "localhost:4566"
#define KMSTEST_COMP "ocid1.compartment.oc1..aaaaaaaakmstestcompartment"

/* A signed call (Authorization + Host, then extra headers, NULL-terminated, may be NULL). rs
 * must be resp_init()ed; the caller releases it. Returns the parsed body (caller decrefs) or
 * NULL when the body is not JSON. */
json_t *kmstest_call(struct apitest *t, const char *method, const char *target,
                     const char *const *extra, const char *body, struct resp *rs);

/* The field names of a JSON object in order, comma-separated, into out. */
void kmstest_keys(json_t *obj, char *out, size_t n);

/* Creates a vault in region (long name) and fills id and mgmt, the path of its management
 * endpoint ("/oci/<region>/kms/<prefix>-management"). 0 or -1. */
int kmstest_vault(struct apitest *t, const char *region, const char *name, char id[256],
                  char mgmt[256]);

/* Creates an AES-32 key through the management path; fills id. 0 or -1. */
int kmstest_key(struct apitest *t, const char *mgmt, const char *name, char id[256]);

/* json_string_value of a member, or NULL. */
const char *kmstest_str(json_t *obj, const char *name);

#endif
