-- 008_aws_kms.sql - AWS KMS keys and aliases, per account and region.
CREATE TABLE aws_kms_key (
    account        TEXT NOT NULL,
    region         TEXT NOT NULL,
    key_id         TEXT NOT NULL,              -- lowercase uuid, or mrk- + 32 hex
    arn            TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    key_usage      TEXT NOT NULL,              -- ENCRYPT_DECRYPT, SIGN_VERIFY, ...
    key_spec       TEXT NOT NULL,              -- SYMMETRIC_DEFAULT, RSA_2048, ...
    origin         TEXT NOT NULL,              -- AWS_KMS, EXTERNAL
    key_manager    TEXT NOT NULL,              -- CUSTOMER, AWS
    key_state      TEXT NOT NULL,              -- Enabled, Disabled, PendingDeletion, PendingImport
    multi_region   INTEGER NOT NULL DEFAULT 0,
    created_ms     INTEGER NOT NULL,
    deletion_ms    INTEGER,                    -- DeletionDate while PendingDeletion
    pending_days   INTEGER,                    -- PendingWindowInDays while PendingDeletion
    tags           TEXT,                       -- JSON array of {TagKey, TagValue}, NULL when none
    PRIMARY KEY (account, region, key_id)
);

CREATE TABLE aws_kms_alias (
    account    TEXT NOT NULL,
    region     TEXT NOT NULL,
    alias_name TEXT NOT NULL,                  -- alias/<name>
    key_id     TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    PRIMARY KEY (account, region, alias_name),
    FOREIGN KEY (account, region, key_id) REFERENCES aws_kms_key(account, region, key_id)
);
CREATE INDEX aws_kms_alias_key ON aws_kms_alias(account, region, key_id);
