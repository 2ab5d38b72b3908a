/* os_bucket_json.c - Bucket and BucketSummary in the SDK model's field order (§1.4), written
 * straight from the stored row. */
#include "os_bucket_json.h"

#include "../oci_common.h"

#include <string.h>

/* The members Bucket and BucketSummary share, in the order both have them. */
static void put_where(struct jw *w, const struct os_bucket *b)
{
    JW_KEY(w, "namespace");
    jw_string(w, b->ns);
    JW_KEY(w, "name");
    jw_string(w, b->name);
    JW_KEY(w, "compartmentId");
    jw_string(w, b->compartment_id);
}

static void put_created(struct jw *w, const struct os_bucket *b)
{
    JW_KEY(w, "createdBy");
    jw_string(w, b->created_by);
    JW_KEY(w, "timeCreated");
    oci_jw_time(w, b->time_created_ms);
    JW_KEY(w, "etag");
    jw_string(w, b->etag);
}

static void put_tags(struct jw *w, const struct os_bucket *b)
{
    JW_KEY(w, "freeformTags");
    oci_jw_object_text(w, b->freeform_tags);
    JW_KEY(w, "definedTags");
    oci_jw_object_text(w, b->defined_tags);
}

void os_bucket_json(struct jw *w, const struct os_bucket *b, unsigned fields)
{
    jw_open(w, '{');
    put_where(w, b);
    JW_KEY(w, "metadata");
    oci_jw_object_text(w, b->metadata);
    put_created(w, b);
    JW_KEY(w, "publicAccessType");
    jw_string(w, b->public_access_type);
    JW_KEY(w, "storageTier");
    jw_string(w, b->storage_tier);
    JW_KEY(w, "objectEventsEnabled");
    jw_bool(w, b->object_events_enabled);
    put_tags(w, b);
    /* Oracle-managed key: null, never "" (§1.3) */
    JW_KEY(w, "kmsKeyId");
    jw_string(w, b->kms_key_id[0] ? b->kms_key_id : NULL);
    JW_KEY(w, "isBucketKeyEnabled");
    jw_bool(w, b->is_bucket_key_enabled);
    JW_KEY(w, "objectLifecyclePolicyEtag");
    jw_null(w);
    /* without fields=approximateCount/Size they are null; buckets hold no objects here */
    JW_KEY(w, "approximateCount");
    if (fields & OS_FIELD_APPROX_COUNT)
        jw_int(w, 0);
    else
        jw_null(w);
    JW_KEY(w, "approximateSize");
    if (fields & OS_FIELD_APPROX_SIZE)
        jw_int(w, 0);
    else
        jw_null(w);
    JW_KEY(w, "replicationEnabled");
    jw_bool(w, 0);
    JW_KEY(w, "isReadOnly");
    jw_bool(w, 0);
    JW_KEY(w, "id");
    jw_string(w, b->id);
    JW_KEY(w, "versioning");
    jw_string(w, b->versioning);
    /* CHOICE: autoTiering is null (as in OCI's outputs for untiered buckets) unless asked with
     * fields=autoTiering or the bucket tiers (InfrequentAccess) */
    JW_KEY(w, "autoTiering");
    jw_string(w, (fields & OS_FIELD_AUTO_TIERING) || strcmp(b->auto_tiering, "Disabled")
                     ? b->auto_tiering
                     : NULL);
    jw_close(w, '}');
}

void os_bucket_summary_json(struct jw *w, const struct os_bucket *b, int tags)
{
    jw_open(w, '{');
    put_where(w, b);
    put_created(w, b);
    /* freeformTags and definedTags only with fields=tags (§1.1) */
    if (tags)
        put_tags(w, b);
    jw_close(w, '}');
}
