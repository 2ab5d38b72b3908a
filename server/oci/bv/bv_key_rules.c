/* bv_key_rules.c - the key rules of Block Volume in one place (reference §6, §9), in the order
 * they are checked: syntax, region, existence, state, algorithm, versions. */
#include "bv_key_rules.h"

#include "../oci_errors.h"
#include "../oci_ocid.h"

#include <string.h>

int bv_key_rules_check(const char *key_id, const struct kms_key_ref *ref, const char *region,
                       enum bv_key_scope scope)
{
    const struct oci_region *kr = NULL;
    const struct oci_region *want = oci_region_find(region);

    /* not a key OCID (ocid1.key.<realm>.<region>.<vault>.<unique>) -> 400 InvalidParameter */
    if (!key_id || ocid_parse_key(key_id, &kr))
        return OCI_ERR_BV_KEY_INVALID;
    /* the key's region is the region slot of its OCID (§4); same region, or for cross-region
     * operations the destination region (§6 "exists in the destination region") */
    if (!want || kr != want)
        return scope == BV_KEY_DESTINATION ? OCI_ERR_BV_KEY_DEST_REGION : OCI_ERR_BV_KEY_REGION;
    /* CHOICE (§9): an unknown key is 400 RelatedResourceNotAuthorizedOrNotFound */
    if (!ref || !strcmp(ref->lifecycle_state, "DELETED"))
        return OCI_ERR_BV_KEY_NOT_FOUND;
    if (ref->region[0] && strcmp(ref->region, want->name))
        return scope == BV_KEY_DESTINATION ? OCI_ERR_BV_KEY_DEST_REGION : OCI_ERR_BV_KEY_REGION;
    /* DISABLED, PENDING_DELETION, ... -> 409 Conflict (§9) */
    if (strcmp(ref->lifecycle_state, "ENABLED"))
        return OCI_ERR_BV_KEY_NOT_ENABLED;
    /* AES only, for block and boot volumes (§6) */
    if (strcmp(ref->algorithm, "AES"))
        return OCI_ERR_BV_KEY_NOT_AES;
    /* single-version keys only (§6): a rotated key is refused */
    if (ref->versions > 1)
        return OCI_ERR_BV_KEY_VERSIONS;
    return OCI_OK;
}
