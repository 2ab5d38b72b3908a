/* store_oci.h - storage calls shared by the OCI families: retry tokens, compartments, and the
 * read-only view of a Vault key that Object Storage and Block Volume check on assignment. */
#ifndef CMKEMU_STORE_OCI_H
#define CMKEMU_STORE_OCI_H

#include "store.h"

#include <stddef.h>
#include <stdint.h>

struct oci_retry_row {
    char body_sha256[65];
    int status;
    char *response; /* malloc'd response body, or NULL */
    char *etag;     /* malloc'd, or NULL */
};

/* oci_store.c */
void oci_retry_row_release(struct oci_retry_row *r);
/* STORE_OK with *out filled, or STORE_NOT_FOUND. */
int store_oci_retry_get(struct store *st, const char *tenancy, const char *token,
                        const char *method, const char *path, struct oci_retry_row *out);
/* Records (or keeps the first) response for the token. Borrowed strings. */
int store_oci_retry_put(struct store *st, const char *tenancy, const char *token,
                        const char *method, const char *path, const struct oci_retry_row *r,
                        int64_t now_ms);

/* Compartments: parents are declared by the emulator (seed data / emulator endpoint).
 * A compartment never declared is its own root. */
int store_oci_compartment_put(struct store *st, const char *id, const char *parent_id,
                              const char *tenancy);
/* Fills parent (size n) with the parent's OCID; STORE_NOT_FOUND when none is declared. */
int store_oci_compartment_parent(struct store *st, const char *id, char *parent, size_t n);

/* What assignment rules need to know about a Vault key. */
struct kms_key_ref {
    char id[256];
    char vault_id[256];
    char compartment_id[256];
    char region[32];          /* long region name */
    char algorithm[16];       /* AES, RSA, ECDSA */
    char lifecycle_state[32]; /* ENABLED, DISABLED, PENDING_DELETION, DELETED, ... */
    int versions;             /* key versions not DELETED / PENDING_DELETION */
};

/* oci_kms_store.c. STORE_OK or STORE_NOT_FOUND. */
int store_kms_key_ref(struct store *st, const char *key_id, struct kms_key_ref *out);

/* oci_cg_store.c. Security zones: the zone that governs a compartment is the one attached to
 * the compartment itself or, failing that, to its nearest declared ancestor (zones cover child
 * compartments). Returns STORE_OK and fills zone_name (size n) when that zone is ACTIVE and its
 * recipe holds the policy named by friendly_name ("deny buckets_without_vault_key");
 * STORE_NOT_FOUND otherwise. */
int store_cg_policy_applies(struct store *st, const char *compartment_id, const char *friendly_name,
                            char *zone_name, size_t n);

#endif
