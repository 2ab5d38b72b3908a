/* ocitest.h - fixtures for OCI api tests: signed-request headers, and Vault keys written
 * straight into the store (so Object Storage and Block Volume tests need no Vault calls). */
#ifndef CMKEMU_OCITEST_H
#define CMKEMU_OCITEST_H

#include "apitest.h"

#define OCITEST_TENANCY \
    "ocid1.tenancy.oc1..aaaaaaaatenancyaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define OCITEST_USER "ocid1.user.oc1..aaaaaaaauseraaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define OCITEST_AUTH                                                                   \
    "Authorization: Signature version=\"1\",keyId=\"" OCITEST_TENANCY "/" OCITEST_USER \
    "/11:22:33:44:55:66:77:88:99:00:aa:bb:cc:dd:ee:ff\",algorithm=\"rsa-sha256\","     \
    "headers=\"x-date (request-target) host\",signature=\"c2ln\""

/* Inserts a vault (if absent) and a key with `versions` ENABLED key versions. region is a long
 * name; algorithm AES/RSA/ECDSA; state e.g. ENABLED. Returns 0 or -1. */
int ocitest_put_key(struct apitest *t, const char *key_id, const char *region,
                    const char *algorithm, const char *state, int versions);

/* Puts compartment in an ACTIVE security zone whose recipe holds the given built-in policies
 * (friendly names, NULL-terminated), declaring parent as its parent when not NULL. */
int ocitest_put_zone(struct apitest *t, const char *compartment, const char *parent,
                     const char *zone_name, const char *const *policies);

#endif
