/* auth_creds.h - where --auth strict finds credentials: the secret and account of an AWS access
 * key id, the public key of an OCI API key. Backed by the store's credential tables, which the
 * --auth-config file (auth_config.h) and seed data fill. */
#ifndef CMKEMU_AUTH_CREDS_H
#define CMKEMU_AUTH_CREDS_H

#include <openssl/evp.h>

struct store;

struct auth_aws_key {
    char secret[257];
    char account[16];
};

/* 0 with *out, 1 when the access key id is unknown, -1 on a store error. */
int auth_creds_aws(struct store *st, const char *access_key_id, struct auth_aws_key *out);
/* 0 with *key (the caller EVP_PKEY_free()s it), 1 when no such API key is registered (or its PEM
 * is not an RSA public key), -1 on a store error. */
int auth_creds_oci(struct store *st, const char *tenancy, const char *user, const char *fingerprint,
                   EVP_PKEY **key);

#endif
