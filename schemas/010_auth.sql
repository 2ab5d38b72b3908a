-- 010_auth.sql - credentials that --auth strict verifies signatures with: AWS access keys
-- (SigV4) and OCI API keys (RSA public keys). Loaded from --auth-config at start; seed data
-- may write rows too.
CREATE TABLE emu_aws_credential (
    access_key_id TEXT NOT NULL PRIMARY KEY,
    secret        TEXT NOT NULL,              -- the secret access key SigV4 signs with
    account       TEXT NOT NULL               -- 12-digit AWS account the key belongs to
);

CREATE TABLE emu_oci_api_key (
    tenancy        TEXT NOT NULL,             -- tenancy OCID of the signature's keyId
    user           TEXT NOT NULL,             -- user OCID of the keyId
    fingerprint    TEXT NOT NULL,             -- fingerprint of the keyId, as the client sends it
    public_key_pem TEXT NOT NULL,             -- PEM public key (SubjectPublicKeyInfo or PKCS#1)
    PRIMARY KEY (tenancy, user, fingerprint)
);
