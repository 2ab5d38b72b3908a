/* auth_config.h - the --auth-config file: AWS access keys and OCI API keys, as JSON
 * {"aws": [{"accessKeyId","secretAccessKey","account"?}],
 *  "oci": [{"tenancy","user","fingerprint","publicKeyPem" or "publicKeyFile"}]},
 * checked whole and then written into the store's credential tables. */
#ifndef CMKEMU_AUTH_CONFIG_H
#define CMKEMU_AUTH_CONFIG_H

#include <stddef.h>

struct store;

/* Loads path into st. An AWS key without "account" belongs to its 12-digit access key id's
 * account, else to default_account. A relative publicKeyFile is read from the config file's
 * folder. Returns 0, or -1 with a one-line reason in err (nothing is written when the file is bad).
 */
int auth_config_load(struct store *st, const char *path, const char *default_account, char *err,
                     size_t errn);

#endif
