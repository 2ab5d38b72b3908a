-- 003_oci_common.sql - what every OCI family shares: retry tokens and compartment parents.
CREATE TABLE oci_retry_token (
    tenancy     TEXT NOT NULL,
    token       TEXT NOT NULL,
    method      TEXT NOT NULL,
    path        TEXT NOT NULL,
    body_sha256 TEXT NOT NULL,
    status      INTEGER NOT NULL,
    response    TEXT,
    etag        TEXT,
    created_ms  INTEGER NOT NULL,
    PRIMARY KEY (tenancy, token, method, path)
);

-- Compartment tree as declared to the emulator; security zones cover child compartments.
CREATE TABLE oci_compartment (
    id        TEXT PRIMARY KEY,
    parent_id TEXT,
    tenancy   TEXT
);
