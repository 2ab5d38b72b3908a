-- 009_s3_objects.sql - S3 objects: single-part content kept in the row, capped by the server's
-- --max-body, with the encryption each object was written with (never changed afterwards).
CREATE TABLE s3_object (
    bucket           TEXT NOT NULL REFERENCES s3_bucket(name) ON DELETE CASCADE,
    key              TEXT NOT NULL,          -- UTF-8, compared bytewise (S3's listing order)
    size             INTEGER NOT NULL,
    etag             TEXT NOT NULL,          -- with its double quotes
    last_modified_ms INTEGER NOT NULL,       -- whole seconds, as S3 reports them
    headers          TEXT NOT NULL,          -- JSON object: Content-Type, Cache-Control, ..., x-amz-meta-*
    storage_class    TEXT NOT NULL,          -- STANDARD, EXPRESS_ONEZONE, ...
    sse_algorithm    TEXT NOT NULL,          -- AES256, aws:kms, aws:kms:dsse; '' for SSE-C
    kms_key_arn      TEXT,                   -- aws:kms and aws:kms:dsse: the key's ARN
    bucket_key       INTEGER NOT NULL DEFAULT 0,
    ssec_algorithm   TEXT,                   -- SSE-C: AES256
    ssec_key_md5     TEXT,                   -- SSE-C: base64 MD5 of the customer key
    checksum_alg     TEXT,                   -- CRC32, CRC32C, CRC64NVME, SHA1, SHA256 when sent
    checksum_value   TEXT,
    body             BLOB NOT NULL,
    PRIMARY KEY (bucket, key)
);
