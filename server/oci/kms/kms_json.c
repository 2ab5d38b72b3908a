/* kms_json.c - Vault, Key and KeyVersion models (and their summaries) as JSON, with the field
 * names and order of the oci-keymanagement SDK models. Rendering only: no storage, no I/O. */
#include "kms.h"

#include "../oci_common.h"

#include <stdio.h>
#include <string.h>

void kms_vault_endpoint(const struct kms_vault *v, const char *base, const char *plane, char *out,
                        size_t n)
{
    snprintf(out, n, "%s/oci/%s/kms/%s-%s", base, v->region, v->endpoint_prefix, plane);
}

json_t *kms_vault_json(const struct kms_vault *v, const char *base, int summary)
{
    char mgmt[768], crypto[768];
    json_t *j = json_object();

    kms_vault_endpoint(v, base, "management", mgmt, sizeof(mgmt));
    kms_vault_endpoint(v, base, "crypto", crypto, sizeof(crypto));
    json_object_set_new(j, "compartmentId", json_string(v->compartment_id));
    json_object_set_new(j, "cryptoEndpoint", json_string(crypto));
    json_object_set_new(j, "definedTags", oci_json_object_text(v->defined_tags));
    json_object_set_new(j, "displayName", json_string(v->display_name));
    json_object_set_new(j, "freeformTags", oci_json_object_text(v->freeform_tags));
    json_object_set_new(j, "id", json_string(v->id));
    json_object_set_new(j, "lifecycleState", json_string(v->lifecycle_state));
    json_object_set_new(j, "managementEndpoint", json_string(mgmt));
    json_object_set_new(j, "timeCreated", oci_time_json(v->time_created_ms));
    if (!summary && v->time_of_deletion_ms)
        json_object_set_new(j, "timeOfDeletion", oci_time_json(v->time_of_deletion_ms));
    json_object_set_new(j, "vaultType", json_string(v->vault_type));
    if (summary)
        return j;
    json_object_set_new(j, "wrappingkeyId", oci_json_string_or_null(v->wrapping_key_id));
    json_object_set_new(j, "isPrimary", json_true());
    /* CHOICE: only VIRTUAL_PRIVATE vaults can be replicated, as in OCI's documentation. */
    json_object_set_new(j, "isVaultReplicable",
                        json_boolean(!strcmp(v->vault_type, "VIRTUAL_PRIVATE")));
    return j;
}

static json_t *key_shape(const struct kms_key *k)
{
    json_t *j = json_object();

    json_object_set_new(j, "algorithm", json_string(k->algorithm));
    json_object_set_new(j, "length", json_integer(k->length));
    if (k->curve_id[0])
        json_object_set_new(j, "curveId", json_string(k->curve_id));
    return j;
}

json_t *kms_key_json(const struct kms_key *k)
{
    json_t *j = json_object();

    json_object_set_new(j, "compartmentId", json_string(k->compartment_id));
    json_object_set_new(j, "currentKeyVersion", json_string(k->current_key_version));
    json_object_set_new(j, "definedTags", oci_json_object_text(k->defined_tags));
    json_object_set_new(j, "displayName", json_string(k->display_name));
    json_object_set_new(j, "freeformTags", oci_json_object_text(k->freeform_tags));
    json_object_set_new(j, "id", json_string(k->id));
    json_object_set_new(j, "keyShape", key_shape(k));
    json_object_set_new(j, "protectionMode", json_string(k->protection_mode));
    json_object_set_new(j, "lifecycleState", json_string(k->lifecycle_state));
    json_object_set_new(j, "timeCreated", oci_time_json(k->time_created_ms));
    if (k->time_of_deletion_ms)
        json_object_set_new(j, "timeOfDeletion", oci_time_json(k->time_of_deletion_ms));
    json_object_set_new(j, "vaultId", json_string(k->vault_id));
    json_object_set_new(j, "isPrimary", json_true());
    json_object_set_new(j, "isAutoRotationEnabled", json_boolean(k->is_auto_rotation_enabled));
    return j;
}

json_t *kms_key_summary_json(const struct kms_key *k)
{
    json_t *j = json_object();

    json_object_set_new(j, "compartmentId", json_string(k->compartment_id));
    json_object_set_new(j, "definedTags", oci_json_object_text(k->defined_tags));
    json_object_set_new(j, "displayName", json_string(k->display_name));
    json_object_set_new(j, "freeformTags", oci_json_object_text(k->freeform_tags));
    json_object_set_new(j, "id", json_string(k->id));
    json_object_set_new(j, "lifecycleState", json_string(k->lifecycle_state));
    json_object_set_new(j, "timeCreated", oci_time_json(k->time_created_ms));
    json_object_set_new(j, "vaultId", json_string(k->vault_id));
    json_object_set_new(j, "protectionMode", json_string(k->protection_mode));
    json_object_set_new(j, "algorithm", json_string(k->algorithm));
    json_object_set_new(j, "isAutoRotationEnabled", json_boolean(k->is_auto_rotation_enabled));
    return j;
}

json_t *kms_key_version_json(const struct kms_key_version *v, int summary)
{
    json_t *j = json_object();

    json_object_set_new(j, "compartmentId", json_string(v->compartment_id));
    json_object_set_new(j, "id", json_string(v->id));
    json_object_set_new(j, "keyId", json_string(v->key_id));
    json_object_set_new(j, "lifecycleState", json_string(v->lifecycle_state));
    json_object_set_new(j, "origin", json_string(v->origin));
    json_object_set_new(j, "timeCreated", oci_time_json(v->time_created_ms));
    if (v->time_of_deletion_ms)
        json_object_set_new(j, "timeOfDeletion", oci_time_json(v->time_of_deletion_ms));
    json_object_set_new(j, "vaultId", json_string(v->vault_id));
    if (!summary)
        json_object_set_new(j, "isPrimary", json_true());
    json_object_set_new(j, "isAutoRotated", json_false());
    return j;
}
