-- 009_emu_seed.sql - credentials a seed file declares, kept for the strict authentication mode:
-- AWS access keys (the secret that signs, the account they belong to) and OCI API signing keys.
CREATE TABLE emu_aws_credential (
    access_key_id TEXT PRIMARY KEY,
    secret        TEXT NOT NULL,
    account       TEXT NOT NULL
);

CREATE TABLE emu_oci_api_key (
    tenancy        TEXT NOT NULL,
    user           TEXT NOT NULL,
    fingerprint    TEXT NOT NULL,   -- aa:bb:...: MD5 of the key's DER, as OCI shows it
    public_key_pem TEXT NOT NULL,
    PRIMARY KEY (tenancy, user, fingerprint)
);
