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
    etag            TEXT NOT NULL
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
    etag                                TEXT NOT NULL
);

-- Every compartment a zone is attached to: its own compartment and any added with
-- addCompartment. A compartment is in at most one zone.
CREATE TABLE cg_zone_compartment (
    compartment_id TEXT PRIMARY KEY,
    zone_id        TEXT NOT NULL REFERENCES cg_security_zone(id) ON DELETE CASCADE
);
