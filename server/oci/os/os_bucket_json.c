/* os_bucket_json.c - Bucket and BucketSummary in the SDK model's field order (§1.4). */
#include "os_bucket_json.h"

#include "../oci_common.h"

#include <string.h>

json_t *os_bucket_json(const struct os_bucket *b, unsigned fields)
{
    json_t *j = json_object();

    json_object_set_new(j, "namespace", json_string(b->ns));
    json_object_set_new(j, "name", json_string(b->name));
    json_object_set_new(j, "compartmentId", json_string(b->compartment_id));
    json_object_set_new(j, "metadata", oci_json_object_text(b->metadata));
    json_object_set_new(j, "createdBy", json_string(b->created_by));
    json_object_set_new(j, "timeCreated", oci_time_json(b->time_created_ms));
    json_object_set_new(j, "etag", json_string(b->etag));
    json_object_set_new(j, "publicAccessType", json_string(b->public_access_type));
    json_object_set_new(j, "storageTier", json_string(b->storage_tier));
    json_object_set_new(j, "objectEventsEnabled", json_boolean(b->object_events_enabled));
    json_object_set_new(j, "freeformTags", oci_json_object_text(b->freeform_tags));
    json_object_set_new(j, "definedTags", oci_json_object_text(b->defined_tags));
    /* Oracle-managed key: null, never "" (§1.3) */
    json_object_set_new(j, "kmsKeyId", oci_json_string_or_null(b->kms_key_id));
    json_object_set_new(j, "isBucketKeyEnabled", json_boolean(b->is_bucket_key_enabled));
    json_object_set_new(j, "objectLifecyclePolicyEtag", json_null());
    /* without fields=approximateCount/Size they are null; buckets hold no objects here */
    json_object_set_new(j, "approximateCount",
                        fields & OS_FIELD_APPROX_COUNT ? json_integer(0) : json_null());
    json_object_set_new(j, "approximateSize",
                        fields & OS_FIELD_APPROX_SIZE ? json_integer(0) : json_null());
    json_object_set_new(j, "replicationEnabled", json_false());
    json_object_set_new(j, "isReadOnly", json_false());
    json_object_set_new(j, "id", json_string(b->id));
    json_object_set_new(j, "versioning", json_string(b->versioning));
    /* CHOICE: autoTiering is null (as in OCI's outputs for untiered buckets) unless asked with
     * fields=autoTiering or the bucket tiers (InfrequentAccess) */
    json_object_set_new(j, "autoTiering",
                        (fields & OS_FIELD_AUTO_TIERING) || strcmp(b->auto_tiering, "Disabled")
                            ? json_string(b->auto_tiering)
                            : json_null());
    return j;
}

json_t *os_bucket_summary_json(const struct os_bucket *b, int tags)
{
    json_t *j = json_object();

    json_object_set_new(j, "namespace", json_string(b->ns));
    json_object_set_new(j, "name", json_string(b->name));
    json_object_set_new(j, "compartmentId", json_string(b->compartment_id));
    json_object_set_new(j, "createdBy", json_string(b->created_by));
    json_object_set_new(j, "timeCreated", oci_time_json(b->time_created_ms));
    json_object_set_new(j, "etag", json_string(b->etag));
    /* freeformTags and definedTags only with fields=tags (§1.1) */
    if (tags) {
        json_object_set_new(j, "freeformTags", oci_json_object_text(b->freeform_tags));
        json_object_set_new(j, "definedTags", oci_json_object_text(b->defined_tags));
    }
    return j;
}
