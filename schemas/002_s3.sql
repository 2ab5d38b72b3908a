-- 002_s3.sql - S3 buckets and their default encryption configuration.
CREATE TABLE s3_bucket (
    name       TEXT PRIMARY KEY,
    account    TEXT NOT NULL,
    region     TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    kind       TEXT NOT NULL DEFAULT 'general'  -- 'general' or 'directory'
);
CREATE INDEX s3_bucket_account ON s3_bucket(account, name);

-- A row exists only while a configuration is explicitly set (PutBucketEncryption);
-- DeleteBucketEncryption removes it and the bucket answers the AES256 default again.
CREATE TABLE s3_bucket_encryption (
    bucket             TEXT PRIMARY KEY REFERENCES s3_bucket(name) ON DELETE CASCADE,
    sse_algorithm      TEXT NOT NULL,
    kms_master_key_id  TEXT,             -- exactly as sent, NULL when absent
    bucket_key_enabled INTEGER,          -- NULL when the element was absent, else 0/1
    blocked_types      TEXT              -- comma-separated BlockedEncryptionTypes, NULL when absent
);
