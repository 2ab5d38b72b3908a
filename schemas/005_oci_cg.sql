-- 005_oci_cg.sql - Cloud Guard security zones: built-in policies, recipes, zones.
CREATE TABLE cg_security_policy (
    id            TEXT PRIMARY KEY,
    friendly_name TEXT NOT NULL UNIQUE,  -- "deny buckets_without_vault_key"
    display_name  TEXT NOT NULL,
    description   TEXT NOT NULL,
    category      TEXT NOT NULL,
    services      TEXT NOT NULL          -- JSON array
);

CREATE TABLE cg_security_recipe (
    id              TEXT PRIMARY KEY,
    tenancy         TEXT,                -- NULL for Oracle-managed recipes
    compartment_id  TEXT NOT NULL,
    display_name    TEXT NOT NULL,
    description     TEXT,
    owner           TEXT NOT NULL,       -- ORACLE or CUSTOMER
    lifecycle_state TEXT NOT NULL,
    time_created_ms INTEGER NOT NULL,
    time_updated_ms INTEGER,
    etag            TEXT NOT NULL,
    freeform_tags   TEXT NOT NULL DEFAULT '{}',
    defined_tags    TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE cg_recipe_policy (
    recipe_id TEXT NOT NULL REFERENCES cg_security_recipe(id) ON DELETE CASCADE,
    policy_id TEXT NOT NULL REFERENCES cg_security_policy(id),
    PRIMARY KEY (recipe_id, policy_id)
);

CREATE TABLE cg_security_zone (
    id                                  TEXT PRIMARY KEY,
    tenancy                             TEXT NOT NULL,
    compartment_id                      TEXT NOT NULL,
    display_name                        TEXT NOT NULL,
    description                         TEXT,
    recipe_id                           TEXT NOT NULL REFERENCES cg_security_recipe(id),
    target_id                           TEXT,
    lifecycle_state                     TEXT NOT NULL,
    is_inheritance_after_delete_enabled INTEGER NOT NULL DEFAULT 0,
    time_created_ms                     INTEGER NOT NULL,
    time_updated_ms                     INTEGER,
    etag                                TEXT NOT NULL,
    freeform_tags                       TEXT NOT NULL DEFAULT '{}',
    defined_tags                        TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX cg_security_zone_compartment ON cg_security_zone(tenancy, compartment_id);

-- Every compartment a zone is attached to: its own compartment and any added with
-- addCompartment. A compartment is in at most one zone.
CREATE TABLE cg_zone_compartment (
    compartment_id TEXT PRIMARY KEY,
    zone_id        TEXT NOT NULL REFERENCES cg_security_zone(id) ON DELETE CASCADE
);

-- Built-in policies (Oracle-managed). OCIDs of the commercial realm as published with Oracle's
-- CIS landing zone; friendly names, categories and texts from the security zone policy docs.
INSERT INTO cg_security_policy (id, friendly_name, display_name, description, category, services)
VALUES
 ('ocid1.securityzonessecuritypolicy.oc1..aaaaaaaa5ocyo7jqjzgjenvccch46buhpaaofplzxlp3xbxfcdwwk2tyrwqa',
  'deny public_buckets', 'Deny public buckets',
  'Object Storage buckets in a security zone can''t be public.',
  'Deny public access', '["objectstorage"]'),
 ('ocid1.securityzonessecuritypolicy.oc1..aaaaaaaauoi2xnbusvfd4yffdjaaazk64gndp4flumaw3r7vedwndqd6vmrq',
  'deny db_instance_public_access', 'Deny database instance public access',
  'Databases in a security zone can''t be assigned to public subnets.',
  'Deny public access', '["database"]'),
 ('ocid1.securityzonessecuritypolicy.oc1..aaaaaaaa7pgtjyod3pze6wuylgmts6ensywmeplabsxqq2bk4ighps4fqq4a',
  'deny block_volume_without_vault_key', 'Deny block volumes without a Vault key',
  'Block volumes in a security zone must use a customer-managed master encryption key in the Vault service. They can''t use the default encryption key managed by Oracle.',
  'Require encryption', '["blockstorage"]'),
 ('ocid1.securityzonessecuritypolicy.oc1..aaaaaaaaxxs63ulmtcnxqmcvy6eaozh5jdtiaa2bk7wll5bbdsbnmmoczp5a',
  'deny boot_volume_without_vault_key', 'Deny boot volumes without a Vault key',
  'Boot volumes in a security zone must use a customer-managed master encryption key in the Vault service. They can''t use the default encryption key managed by Oracle.',
  'Require encryption', '["blockstorage"]'),
 ('ocid1.securityzonessecuritypolicy.oc1..aaaaaaaaqmq4jqcxqbjj5cjzb7t5ira66dctyypq2m2o4psxmx6atp45lyda',
  'deny buckets_without_vault_key', 'Deny buckets without a Vault key',
  'Object Storage buckets in a security zone must use a customer-managed master encryption key in the Vault service. They can''t use the default encryption key managed by Oracle.',
  'Require encryption', '["objectstorage"]'),
 ('ocid1.securityzonessecuritypolicy.oc1..aaaaaaaaff6n52aojbgdg46jpm3kn7nizmh6iwvr7myez7svtfxsfs7irigq',
  'deny file_system_without_vault_key', 'Deny file systems without a Vault key',
  'File systems in a security zone must use a customer-managed master encryption key in the Vault service. They can''t use the default encryption key managed by Oracle.',
  'Require encryption', '["filestorage"]');

-- The Oracle-managed Maximum Security Recipe holds every built-in policy.
INSERT INTO cg_security_recipe (id, tenancy, compartment_id, display_name, description, owner,
                                lifecycle_state, time_created_ms, time_updated_ms, etag)
VALUES ('ocid1.securityzonessecurityrecipe.oc1..aaaaaaaamaximumsecurityrecipeaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        NULL, '', 'Maximum Security Recipe',
        'Oracle-managed recipe with every security zone policy.', 'ORACLE', 'ACTIVE',
        1577836800000, 1577836800000, '0000000000000000000000000000000000000000');
INSERT INTO cg_recipe_policy (recipe_id, policy_id)
SELECT 'ocid1.securityzonessecurityrecipe.oc1..aaaaaaaamaximumsecurityrecipeaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', id
FROM cg_security_policy;
