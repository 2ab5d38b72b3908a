-- 004_oci_kms.sql - OCI Vault: vaults, keys and key versions.
CREATE TABLE kms_vault (
    id                  TEXT PRIMARY KEY,
    tenancy             TEXT NOT NULL,
    compartment_id      TEXT NOT NULL,
    region              TEXT NOT NULL,          -- long name, e.g. us-ashburn-1
    endpoint_prefix     TEXT NOT NULL UNIQUE,   -- the vault OCID's 5th segment
    display_name        TEXT NOT NULL,
    vault_type          TEXT NOT NULL,          -- DEFAULT, VIRTUAL_PRIVATE, EXTERNAL
    lifecycle_state     TEXT NOT NULL,
    time_created_ms     INTEGER NOT NULL,
    time_of_deletion_ms INTEGER,
    wrapping_key_id     TEXT,
    etag                TEXT NOT NULL,
    freeform_tags       TEXT,                   -- JSON object, NULL when never set
    defined_tags        TEXT
);
CREATE INDEX kms_vault_compartment ON kms_vault(compartment_id, region, time_created_ms);

CREATE TABLE kms_key (
    id                       TEXT PRIMARY KEY,
    vault_id                 TEXT NOT NULL REFERENCES kms_vault(id),
    tenancy                  TEXT NOT NULL,
    compartment_id           TEXT NOT NULL,
    region                   TEXT NOT NULL,
    display_name             TEXT NOT NULL,
    algorithm                TEXT NOT NULL,    -- AES, RSA, ECDSA
    length                   INTEGER NOT NULL, -- bytes
    curve_id                 TEXT,
    protection_mode          TEXT NOT NULL,    -- HSM, SOFTWARE, EXTERNAL
    lifecycle_state          TEXT NOT NULL,
    current_key_version      TEXT,
    time_created_ms          INTEGER NOT NULL,
    time_of_deletion_ms      INTEGER,
    state_before_deletion    TEXT,             -- restored by CancelKeyDeletion
    deleted_with_vault       INTEGER NOT NULL DEFAULT 0, -- scheduled by ScheduleVaultDeletion
    is_auto_rotation_enabled INTEGER NOT NULL DEFAULT 0,
    etag                     TEXT NOT NULL,
    freeform_tags            TEXT,
    defined_tags             TEXT
);
CREATE INDEX kms_key_compartment ON kms_key(compartment_id, region, time_created_ms);
CREATE INDEX kms_key_vault ON kms_key(vault_id);

CREATE TABLE kms_key_version (
    id                  TEXT PRIMARY KEY,
    key_id              TEXT NOT NULL REFERENCES kms_key(id),
    vault_id            TEXT NOT NULL,
    compartment_id      TEXT NOT NULL,
    lifecycle_state     TEXT NOT NULL,
    origin              TEXT NOT NULL DEFAULT 'INTERNAL',
    time_created_ms     INTEGER NOT NULL,
    time_of_deletion_ms INTEGER,
    etag                TEXT NOT NULL
);
CREATE INDEX kms_key_version_key ON kms_key_version(key_id, time_created_ms);
