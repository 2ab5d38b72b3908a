-- 007_oci_bv.sql - OCI Block Volume: volumes and boot volumes, their backups and replicas,
-- backup policies and policy assignments. kms_key_id NULL = Oracle-managed key.
CREATE TABLE bv_volume (
    seq                 INTEGER PRIMARY KEY AUTOINCREMENT, -- list order and page token
    id                  TEXT NOT NULL UNIQUE,
    is_boot             INTEGER NOT NULL,                  -- 0 block volume, 1 boot volume
    tenancy             TEXT NOT NULL,
    region              TEXT NOT NULL,                     -- long name
    compartment_id      TEXT NOT NULL,
    availability_domain TEXT NOT NULL,
    display_name        TEXT NOT NULL,
    lifecycle_state     TEXT NOT NULL,
    size_in_gbs         INTEGER NOT NULL,
    vpus_per_gb         INTEGER NOT NULL,
    kms_key_id          TEXT,
    source_type         TEXT,                              -- sourceDetails.type, NULL when none
    source_id           TEXT,
    image_id            TEXT,
    time_created_ms     INTEGER NOT NULL,
    etag                TEXT NOT NULL,
    freeform_tags       TEXT,                              -- JSON object, NULL = {}
    defined_tags        TEXT
);
CREATE INDEX bv_volume_list ON bv_volume(tenancy, region, is_boot, seq);

CREATE TABLE bv_backup (
    seq                 INTEGER PRIMARY KEY AUTOINCREMENT,
    id                  TEXT NOT NULL UNIQUE,
    is_boot             INTEGER NOT NULL,
    tenancy             TEXT NOT NULL,
    region              TEXT NOT NULL,
    compartment_id      TEXT NOT NULL,
    display_name        TEXT NOT NULL,
    lifecycle_state     TEXT NOT NULL,
    type                TEXT NOT NULL,                     -- FULL or INCREMENTAL
    source_type         TEXT NOT NULL,                     -- MANUAL or SCHEDULED
    volume_id           TEXT,                              -- volumeId / bootVolumeId
    source_backup_id    TEXT,                              -- set on cross-region copies
    kms_key_id          TEXT,
    image_id            TEXT,
    size_in_gbs         INTEGER NOT NULL,
    time_created_ms     INTEGER NOT NULL,
    etag                TEXT NOT NULL,
    freeform_tags       TEXT,
    defined_tags        TEXT
);
CREATE INDEX bv_backup_list ON bv_backup(tenancy, region, is_boot, seq);

CREATE TABLE bv_replica (
    seq                 INTEGER PRIMARY KEY AUTOINCREMENT,
    id                  TEXT NOT NULL UNIQUE,
    is_boot             INTEGER NOT NULL,
    tenancy             TEXT NOT NULL,
    region              TEXT NOT NULL,                     -- the region of its availability domain
    compartment_id      TEXT NOT NULL,
    availability_domain TEXT NOT NULL,
    display_name        TEXT NOT NULL,
    lifecycle_state     TEXT NOT NULL,
    volume_id           TEXT NOT NULL,                     -- blockVolumeId / bootVolumeId
    kms_key_id          TEXT,                              -- from xrrKmsKeyId
    size_in_gbs         INTEGER NOT NULL,
    image_id            TEXT,
    time_created_ms     INTEGER NOT NULL,
    etag                TEXT NOT NULL
);
CREATE INDEX bv_replica_list ON bv_replica(tenancy, region, is_boot, seq);
CREATE INDEX bv_replica_volume ON bv_replica(volume_id);

CREATE TABLE bv_backup_policy (
    seq                 INTEGER PRIMARY KEY AUTOINCREMENT,
    id                  TEXT NOT NULL UNIQUE,
    tenancy             TEXT NOT NULL,
    region              TEXT NOT NULL,
    compartment_id      TEXT NOT NULL,
    display_name        TEXT NOT NULL,
    destination_region  TEXT,
    schedules           TEXT NOT NULL,                     -- JSON array as sent
    time_created_ms     INTEGER NOT NULL,
    etag                TEXT NOT NULL,
    freeform_tags       TEXT,
    defined_tags        TEXT
);

CREATE TABLE bv_policy_assignment (
    seq                 INTEGER PRIMARY KEY AUTOINCREMENT,
    id                  TEXT NOT NULL UNIQUE,
    tenancy             TEXT NOT NULL,
    region              TEXT NOT NULL,
    asset_id            TEXT NOT NULL UNIQUE,              -- one policy per volume
    policy_id           TEXT NOT NULL,
    xrc_kms_key_id      TEXT,
    time_created_ms     INTEGER NOT NULL,
    etag                TEXT NOT NULL
);
