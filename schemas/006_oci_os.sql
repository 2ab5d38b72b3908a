-- 006_oci_os.sql - Object Storage buckets. A bucket name is unique per namespace and region.
CREATE TABLE os_bucket (
    id                    TEXT PRIMARY KEY,          -- ocid1.bucket.oc1.<region>.<unique>
    namespace             TEXT NOT NULL,
    region                TEXT NOT NULL,             -- long name, e.g. us-ashburn-1
    name                  TEXT NOT NULL,
    compartment_id        TEXT NOT NULL,
    created_by            TEXT NOT NULL,
    time_created_ms       INTEGER NOT NULL,
    etag                  TEXT NOT NULL,
    metadata              TEXT NOT NULL,             -- JSON object of strings
    public_access_type    TEXT NOT NULL,
    storage_tier          TEXT NOT NULL,
    object_events_enabled INTEGER NOT NULL,
    freeform_tags         TEXT NOT NULL,             -- JSON object
    defined_tags          TEXT NOT NULL,             -- JSON object
    kms_key_id            TEXT,                      -- NULL: Oracle-managed key
    is_bucket_key_enabled INTEGER NOT NULL,
    versioning            TEXT NOT NULL,
    auto_tiering          TEXT NOT NULL,
    UNIQUE (namespace, region, name)
);
CREATE INDEX os_bucket_compartment ON os_bucket(namespace, region, compartment_id, name);
