/* bv_json.c - renders Volume, BootVolume, VolumeKmsKey, VolumeBackup, BootVolumeBackup,
 * BlockVolumeReplica, BootVolumeReplica, VolumeBackupPolicy and VolumeBackupPolicyAssignment
 * (reference §2.3; field names from oci-core's lib/model). */
#include "bv_json.h"

static json_t *replica_info(const struct bv_kind *k, const struct bv_replica *r)
{
    json_t *o = json_object();

    json_object_set_new(o, "displayName", json_string(r->display_name));
    json_object_set_new(o, k->replica_id_field, json_string(r->id));
    json_object_set_new(o, "availabilityDomain", json_string(r->availability_domain));
    json_object_set_new(o, "kmsKeyId", oci_json_string_or_null(r->kms_key_id));
    return o;
}

json_t *bv_json_volume(const struct bv_kind *k, const struct bv_volume *v,
                       const struct bv_replica *reps, size_t nreps)
{
    json_t *o = json_object();

    json_object_set_new(o, "availabilityDomain", json_string(v->availability_domain));
    json_object_set_new(o, "compartmentId", json_string(v->compartment_id));
    json_object_set_new(o, "definedTags", oci_json_text(v->defined_tags, "{}"));
    json_object_set_new(o, "displayName", json_string(v->display_name));
    json_object_set_new(o, "freeformTags", oci_json_text(v->freeform_tags, "{}"));
    json_object_set_new(o, "systemTags", json_object());
    json_object_set_new(o, "id", json_string(v->id));
    if (k->is_boot)
        json_object_set_new(o, "imageId", oci_json_string_or_null(v->image_id));
    json_object_set_new(o, "isHydrated", json_true());
    json_object_set_new(o, "kmsKeyId", oci_json_string_or_null(v->kms_key_id));
    json_object_set_new(o, "lifecycleState", json_string(v->lifecycle_state));
    json_object_set_new(o, "vpusPerGB", json_integer(v->vpus_per_gb));
    json_object_set_new(o, "sizeInGBs", json_integer(v->size_in_gbs));
    json_object_set_new(o, "sizeInMBs", json_integer(v->size_in_gbs * 1024));
    if (v->source_type[0])
        json_object_set_new(o, "sourceDetails",
                            json_pack("{s:s, s:s}", "type", v->source_type, "id", v->source_id));
    else
        json_object_set_new(o, "sourceDetails", json_null());
    json_object_set_new(o, "timeCreated", oci_time_json(v->time_created_ms));
    json_object_set_new(o, "volumeGroupId", json_null());
    json_object_set_new(o, "isAutoTuneEnabled", json_false());
    json_object_set_new(o, "autoTunedVpusPerGB", json_null());
    if (nreps) {
        json_t *a = json_array();

        for (size_t i = 0; i < nreps; i++)
            json_array_append_new(a, replica_info(k, &reps[i]));
        json_object_set_new(o, k->replicas_field, a);
    } else {
        json_object_set_new(o, k->replicas_field, json_null());
    }
    json_object_set_new(o, "autotunePolicies", json_array());
    return o;
}

json_t *bv_json_kms_key(const char *kms_key_id)
{
    json_t *o = json_object();

    /* "If the volume is not using Vault service, then the kmsKeyId will be a null string" */
    json_object_set_new(o, "kmsKeyId", oci_json_string_or_null(kms_key_id));
    return o;
}

json_t *bv_json_backup(const struct bv_kind *k, const struct bv_backup *b)
{
    json_t *o = json_object();

    if (k->is_boot)
        json_object_set_new(o, "bootVolumeId", oci_json_string_or_null(b->volume_id));
    json_object_set_new(o, "compartmentId", json_string(b->compartment_id));
    json_object_set_new(o, "definedTags", oci_json_text(b->defined_tags, "{}"));
    json_object_set_new(o, "systemTags", json_object());
    json_object_set_new(o, "displayName", json_string(b->display_name));
    json_object_set_new(o, "expirationTime", json_null());
    json_object_set_new(o, "freeformTags", oci_json_text(b->freeform_tags, "{}"));
    json_object_set_new(o, "id", json_string(b->id));
    if (k->is_boot)
        json_object_set_new(o, "imageId", oci_json_string_or_null(b->image_id));
    json_object_set_new(o, "kmsKeyId", oci_json_string_or_null(b->kms_key_id));
    json_object_set_new(o, "lifecycleState", json_string(b->lifecycle_state));
    json_object_set_new(o, "sizeInGBs", json_integer(b->size_in_gbs));
    if (!k->is_boot)
        json_object_set_new(o, "sizeInMBs", json_integer(b->size_in_gbs * 1024));
    json_object_set_new(o, k->source_backup_field, oci_json_string_or_null(b->source_backup_id));
    json_object_set_new(o, "sourceType", json_string(b->source_type));
    json_object_set_new(o, "timeCreated", oci_time_json(b->time_created_ms));
    json_object_set_new(o, "timeRequestReceived", oci_time_json(b->time_created_ms));
    json_object_set_new(o, "type", json_string(b->type));
    json_object_set_new(o, "uniqueSizeInGBs", json_integer(b->size_in_gbs));
    if (!k->is_boot) {
        json_object_set_new(o, "uniqueSizeInMbs", json_integer(b->size_in_gbs * 1024));
        json_object_set_new(o, "volumeId", oci_json_string_or_null(b->volume_id));
    }
    json_object_set_new(o, "isPreventDeletionEnabled", json_false());
    json_object_set_new(o, "isRetentionLockEnabled", json_false());
    json_object_set_new(o, "isIndefiniteRetentionEnabled", json_false());
    json_object_set_new(o, "volumeGroupBackupId", json_null());
    return o;
}

json_t *bv_json_replica(const struct bv_kind *k, const struct bv_replica *r)
{
    json_t *o = json_object();

    json_object_set_new(o, "availabilityDomain", json_string(r->availability_domain));
    json_object_set_new(o, "compartmentId", json_string(r->compartment_id));
    json_object_set_new(o, "definedTags", json_object());
    json_object_set_new(o, "displayName", json_string(r->display_name));
    json_object_set_new(o, "freeformTags", json_object());
    json_object_set_new(o, "id", json_string(r->id));
    json_object_set_new(o, "lifecycleState", json_string(r->lifecycle_state));
    json_object_set_new(o, "sizeInGBs", json_integer(r->size_in_gbs));
    json_object_set_new(o, "timeCreated", oci_time_json(r->time_created_ms));
    json_object_set_new(o, "timeLastSynced", oci_time_json(r->time_created_ms));
    json_object_set_new(o, k->replica_volume_field, json_string(r->volume_id));
    if (k->is_boot)
        json_object_set_new(o, "imageId", oci_json_string_or_null(r->image_id));
    json_object_set_new(o, "totalDataTransferredInGBs", json_integer(0));
    json_object_set_new(o, "volumeGroupReplicaId", json_null());
    json_object_set_new(o, "kmsKeyId", oci_json_string_or_null(r->kms_key_id));
    return o;
}

json_t *bv_json_policy(const struct bv_policy *p)
{
    json_t *o = json_object();

    json_object_set_new(o, "displayName", json_string(p->display_name));
    json_object_set_new(o, "id", json_string(p->id));
    json_object_set_new(o, "schedules", oci_json_text(p->schedules, "[]"));
    json_object_set_new(o, "destinationRegion", oci_json_string_or_null(p->destination_region));
    json_object_set_new(o, "timeCreated", oci_time_json(p->time_created_ms));
    json_object_set_new(o, "compartmentId", json_string(p->compartment_id));
    json_object_set_new(o, "definedTags", oci_json_text(p->defined_tags, "{}"));
    json_object_set_new(o, "freeformTags", oci_json_text(p->freeform_tags, "{}"));
    return o;
}

json_t *bv_json_assignment(const struct bv_assignment *a)
{
    json_t *o = json_object();

    json_object_set_new(o, "assetId", json_string(a->asset_id));
    json_object_set_new(o, "id", json_string(a->id));
    json_object_set_new(o, "policyId", json_string(a->policy_id));
    json_object_set_new(o, "timeCreated", oci_time_json(a->time_created_ms));
    json_object_set_new(o, "xrcKmsKeyId", oci_json_string_or_null(a->xrc_kms_key_id));
    return o;
}
