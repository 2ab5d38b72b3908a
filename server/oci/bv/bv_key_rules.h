/* bv_key_rules.h - which Vault keys Block Volume accepts for an assignment (reference §6, §9).
 * Pure: the caller looks the key up and passes what it found. */
#ifndef CMKEMU_BV_KEY_RULES_H
#define CMKEMU_BV_KEY_RULES_H

#include "storage/store_oci.h"

/* Where the key must live relative to the region it is checked against. */
enum bv_key_scope {
    BV_KEY_SAME_REGION, /* volumes, boot volumes, backups, clones, restores, key updates */
    BV_KEY_DESTINATION  /* copies, replicas (xrrKmsKeyId), policy assignments (xrcKmsKeyId) */
};

/* Checks key_id for use in region (a long name): OCID syntax, the region in the OCID, then the
 * stored key (ref NULL when no such key): exists, ENABLED, AES, exactly one live version.
 * Returns OCI_OK or the oci_err row to answer; the row's "%s" takes key_id. */
int bv_key_rules_check(const char *key_id, const struct kms_key_ref *ref, const char *region,
                       enum bv_key_scope scope);

#endif
