/* store_auth.h - storage calls for the credentials --auth strict verifies signatures with: AWS
 * access keys (emu_aws_credential) and OCI API keys (emu_oci_api_key). */
#ifndef CMKEMU_STORE_AUTH_H
#define CMKEMU_STORE_AUTH_H

#include "store.h"

#define STORE_AWS_KEY_ID_MAX 128
#define STORE_AWS_SECRET_MAX 256

struct store_aws_credential {
    char access_key_id[STORE_AWS_KEY_ID_MAX + 1];
    char secret[STORE_AWS_SECRET_MAX + 1];
    char account[16];
};

/* Adds or replaces the row of that access key id. STORE_OK or STORE_ERROR. */
int store_auth_aws_put(struct store *st, const struct store_aws_credential *c);
/* STORE_OK with *out, STORE_NOT_FOUND or STORE_ERROR. */
int store_auth_aws_get(struct store *st, const char *access_key_id,
                       struct store_aws_credential *out);

/* Adds or replaces the row of (tenancy, user, fingerprint). STORE_OK or STORE_ERROR. */
int store_auth_oci_put(struct store *st, const char *tenancy, const char *user,
                       const char *fingerprint, const char *public_key_pem);
/* STORE_OK with *pem a malloc'd PEM the caller frees, STORE_NOT_FOUND or STORE_ERROR. */
int store_auth_oci_get(struct store *st, const char *tenancy, const char *user,
                       const char *fingerprint, char **pem);

#endif
