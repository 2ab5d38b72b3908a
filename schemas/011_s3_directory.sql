-- 011_s3_directory.sql - S3 directory buckets (<base>--<zone-id>--x-s3) and the sessions
-- CreateSession hands out.
CREATE TABLE s3_directory_bucket (
    bucket          TEXT PRIMARY KEY REFERENCES s3_bucket(name) ON DELETE CASCADE,
    location_type   TEXT NOT NULL,           -- AvailabilityZone or LocalZone
    location_name   TEXT NOT NULL,           -- the zone id, e.g. use1-az4
    data_redundancy TEXT NOT NULL,           -- SingleAvailabilityZone or SingleLocalZone
    kms_key_arn     TEXT                     -- the one customer managed key of its lifetime, once set
);

-- A session lives 5 minutes; its bucket may not exist yet (the SDKs ask for a session before
-- CreateBucket), so there is no foreign key.
CREATE TABLE s3_session (
    token         TEXT PRIMARY KEY,
    bucket        TEXT NOT NULL,
    account       TEXT NOT NULL,
    access_key_id TEXT NOT NULL,
    mode          TEXT NOT NULL,             -- ReadWrite or ReadOnly
    expires_ms    INTEGER NOT NULL
);
CREATE INDEX s3_session_expiry ON s3_session(expires_ms);
