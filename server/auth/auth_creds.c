/* auth_creds.c - credential look-ups for --auth strict, from the store. */
#include "auth_creds.h"

#include "auth_oci_sig.h"

#include "../../storage/store_auth.h"
#include "../log.h"

#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>

int auth_creds_aws(struct store *st, const char *access_key_id, struct auth_aws_key *out)
{
    struct store_aws_credential c;
    int rc = store_auth_aws_get(st, access_key_id, &c);

    memset(out, 0, sizeof(*out));
    if (rc == STORE_NOT_FOUND)
        return 1;
    if (rc != STORE_OK)
        return -1;
    memcpy(out->secret, c.secret, sizeof(out->secret) - 1);
    memcpy(out->account, c.account, sizeof(out->account) - 1);
    OPENSSL_cleanse(c.secret, sizeof(c.secret));
    return 0;
}

int auth_creds_oci(struct store *st, const char *tenancy, const char *user, const char *fingerprint,
                   EVP_PKEY **key)
{
    char *pem = NULL;
    int rc = store_auth_oci_get(st, tenancy, user, fingerprint, &pem);

    *key = NULL;
    if (rc == STORE_NOT_FOUND)
        return 1;
    if (rc != STORE_OK)
        return -1;
    *key = oci_sig_public_key(pem);
    free(pem);
    if (!*key) {
        log_msg(LOG_WARN, "auth: the public key of %s/%s/%s is not an RSA PEM", tenancy, user,
                fingerprint);
        return 1;
    }
    return 0;
}
