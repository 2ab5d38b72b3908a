/* emu_state_store.c - the snapshot behind GET /_cmkemu/state: read-only SELECTs over every
 * family's tables under one read lock. Each table is one prepared statement and a list of the
 * JSON names and types of its columns; ?1 is the region filter (NULL: every region). */
#include "store_state.h"

#include "db.h"

#include <string.h>

#define REGION_IS(col) " (?1 IS NULL OR " col " = ?1) "

static const char SQL_S3_BUCKET[] =
    "SELECT b.name, b.account, b.region, b.created_ms, b.kind, e.sse_algorithm, "
    "e.kms_master_key_id, e.bucket_key_enabled, e.blocked_types "
    "FROM s3_bucket b LEFT JOIN s3_bucket_encryption e ON e.bucket = b.name "
    "WHERE" REGION_IS("b.region") "ORDER BY b.account, b.region, b.name";
static const struct state_column COLS_S3_BUCKET[] = {
    { "name", STATE_TEXT },           { "account", STATE_TEXT },
    { "region", STATE_TEXT },         { "createdAt", STATE_TIME },
    { "kind", STATE_TEXT },           { "sseAlgorithm", STATE_TEXT },
    { "kmsMasterKeyId", STATE_TEXT }, { "bucketKeyEnabled", STATE_BOOL },
    { "blockedTypes", STATE_TEXT },
};

static const char SQL_AWS_KEY[] =
    "SELECT account, region, key_id, arn, description, key_usage, key_spec, origin, key_manager, "
    "key_state, multi_region, created_ms, deletion_ms, pending_days FROM aws_kms_key "
    "WHERE" REGION_IS("region") "ORDER BY account, region, created_ms, key_id";
static const struct state_column COLS_AWS_KEY[] = {
    { "account", STATE_TEXT },      { "region", STATE_TEXT },
    { "keyId", STATE_TEXT },        { "arn", STATE_TEXT },
    { "description", STATE_TEXT },  { "keyUsage", STATE_TEXT },
    { "keySpec", STATE_TEXT },      { "origin", STATE_TEXT },
    { "keyManager", STATE_TEXT },   { "keyState", STATE_TEXT },
    { "multiRegion", STATE_BOOL },  { "createdAt", STATE_TIME },
    { "deletionDate", STATE_TIME }, { "pendingWindowInDays", STATE_INT },
};

static const char SQL_AWS_ALIAS[] =
    "SELECT account, region, alias_name, key_id, created_ms, updated_ms FROM aws_kms_alias "
    "WHERE" REGION_IS("region") "ORDER BY account, region, alias_name";
static const struct state_column COLS_AWS_ALIAS[] = {
    { "account", STATE_TEXT },     { "region", STATE_TEXT },    { "aliasName", STATE_TEXT },
    { "targetKeyId", STATE_TEXT }, { "createdAt", STATE_TIME }, { "updatedAt", STATE_TIME },
};

static const char SQL_OCI_VAULT[] =
    "SELECT id, tenancy, compartment_id, region, display_name, vault_type, lifecycle_state, "
    "time_created_ms, time_of_deletion_ms FROM kms_vault "
    "WHERE" REGION_IS("region") "ORDER BY tenancy, region, time_created_ms, id";
static const struct state_column COLS_OCI_VAULT[] = {
    { "id", STATE_TEXT },
    { "tenancy", STATE_TEXT },
    { "compartmentId", STATE_TEXT },
    { "region", STATE_TEXT },
    { "displayName", STATE_TEXT },
    { "vaultType", STATE_TEXT },
    { "lifecycleState", STATE_TEXT },
    { "timeCreated", STATE_TIME },
    { "timeOfDeletion", STATE_TIME },
};

static const char SQL_OCI_KEY[] =
    "SELECT id, vault_id, tenancy, compartment_id, region, display_name, algorithm, length, "
    "curve_id, protection_mode, lifecycle_state, current_key_version, time_created_ms, "
    "time_of_deletion_ms, is_auto_rotation_enabled FROM kms_key "
    "WHERE" REGION_IS("region") "ORDER BY tenancy, region, time_created_ms, id";
static const struct state_column COLS_OCI_KEY[] = {
    { "id", STATE_TEXT },
    { "vaultId", STATE_TEXT },
    { "tenancy", STATE_TEXT },
    { "compartmentId", STATE_TEXT },
    { "region", STATE_TEXT },
    { "displayName", STATE_TEXT },
    { "algorithm", STATE_TEXT },
    { "length", STATE_INT },
    { "curveId", STATE_TEXT },
    { "protectionMode", STATE_TEXT },
    { "lifecycleState", STATE_TEXT },
    { "currentKeyVersion", STATE_TEXT },
    { "timeCreated", STATE_TIME },
    { "timeOfDeletion", STATE_TIME },
    { "isAutoRotationEnabled", STATE_BOOL },
};

static const char SQL_OCI_KEY_VERSION[] =
    "SELECT v.key_id, v.id, v.lifecycle_state, v.origin, v.time_created_ms, "
    "v.time_of_deletion_ms FROM kms_key_version v JOIN kms_key k ON k.id = v.key_id "
    "WHERE" REGION_IS("k.region") "ORDER BY v.key_id, v.time_created_ms, v.rowid";
static const struct state_column COLS_OCI_KEY_VERSION[] = {
    { "keyId", STATE_TEXT },  { "id", STATE_TEXT },          { "lifecycleState", STATE_TEXT },
    { "origin", STATE_TEXT }, { "timeCreated", STATE_TIME }, { "timeOfDeletion", STATE_TIME },
};

static const char SQL_OS_BUCKET[] =
    "SELECT id, namespace, region, name, compartment_id, created_by, time_created_ms, "
    "public_access_type, storage_tier, versioning, NULLIF(kms_key_id, '') FROM os_bucket "
    "WHERE" REGION_IS("region") "ORDER BY namespace, region, name";
static const struct state_column COLS_OS_BUCKET[] = {
    { "id", STATE_TEXT },
    { "namespace", STATE_TEXT },
    { "region", STATE_TEXT },
    { "name", STATE_TEXT },
    { "compartmentId", STATE_TEXT },
    { "createdBy", STATE_TEXT },
    { "timeCreated", STATE_TIME },
    { "publicAccessType", STATE_TEXT },
    { "storageTier", STATE_TEXT },
    { "versioning", STATE_TEXT },
    { "kmsKeyId", STATE_TEXT },
};

static const char SQL_BV_VOLUME[] =
    "SELECT is_boot, id, tenancy, region, compartment_id, availability_domain, display_name, "
    "lifecycle_state, size_in_gbs, vpus_per_gb, NULLIF(kms_key_id, ''), source_type, source_id, "
    "time_created_ms FROM bv_volume WHERE" REGION_IS("region") "ORDER BY tenancy, region, seq";
static const struct state_column COLS_BV_VOLUME[] = {
    { "isBoot", STATE_BOOL },        { "id", STATE_TEXT },
    { "tenancy", STATE_TEXT },       { "region", STATE_TEXT },
    { "compartmentId", STATE_TEXT }, { "availabilityDomain", STATE_TEXT },
    { "displayName", STATE_TEXT },   { "lifecycleState", STATE_TEXT },
    { "sizeInGBs", STATE_INT },      { "vpusPerGB", STATE_INT },
    { "kmsKeyId", STATE_TEXT },      { "sourceType", STATE_TEXT },
    { "sourceId", STATE_TEXT },      { "timeCreated", STATE_TIME },
};

static const char SQL_BV_BACKUP[] =
    "SELECT is_boot, id, tenancy, region, compartment_id, display_name, lifecycle_state, type, "
    "source_type, volume_id, source_backup_id, NULLIF(kms_key_id, ''), size_in_gbs, "
    "time_created_ms FROM bv_backup WHERE" REGION_IS("region") "ORDER BY tenancy, region, seq";
static const struct state_column COLS_BV_BACKUP[] = {
    { "isBoot", STATE_BOOL },         { "id", STATE_TEXT },
    { "tenancy", STATE_TEXT },        { "region", STATE_TEXT },
    { "compartmentId", STATE_TEXT },  { "displayName", STATE_TEXT },
    { "lifecycleState", STATE_TEXT }, { "type", STATE_TEXT },
    { "sourceType", STATE_TEXT },     { "volumeId", STATE_TEXT },
    { "sourceBackupId", STATE_TEXT }, { "kmsKeyId", STATE_TEXT },
    { "sizeInGBs", STATE_INT },       { "timeCreated", STATE_TIME },
};

static const char SQL_BV_REPLICA[] =
    "SELECT is_boot, id, tenancy, region, compartment_id, availability_domain, display_name, "
    "lifecycle_state, volume_id, NULLIF(kms_key_id, ''), size_in_gbs, time_created_ms "
    "FROM bv_replica WHERE" REGION_IS("region") "ORDER BY tenancy, region, seq";
static const struct state_column COLS_BV_REPLICA[] = {
    { "isBoot", STATE_BOOL },        { "id", STATE_TEXT },
    { "tenancy", STATE_TEXT },       { "region", STATE_TEXT },
    { "compartmentId", STATE_TEXT }, { "availabilityDomain", STATE_TEXT },
    { "displayName", STATE_TEXT },   { "lifecycleState", STATE_TEXT },
    { "volumeId", STATE_TEXT },      { "kmsKeyId", STATE_TEXT },
    { "sizeInGBs", STATE_INT },      { "timeCreated", STATE_TIME },
};

static const char SQL_BV_POLICY[] =
    "SELECT id, tenancy, region, compartment_id, display_name, destination_region, "
    "time_created_ms FROM bv_backup_policy WHERE" REGION_IS(
        "region") "ORDER BY tenancy, region, seq";
static const struct state_column COLS_BV_POLICY[] = {
    { "id", STATE_TEXT },          { "tenancy", STATE_TEXT },
    { "region", STATE_TEXT },      { "compartmentId", STATE_TEXT },
    { "displayName", STATE_TEXT }, { "destinationRegion", STATE_TEXT },
    { "timeCreated", STATE_TIME },
};

static const char SQL_BV_ASSIGNMENT[] =
    "SELECT id, tenancy, region, asset_id, policy_id, NULLIF(xrc_kms_key_id, ''), "
    "time_created_ms FROM bv_policy_assignment WHERE" REGION_IS(
        "region") "ORDER BY tenancy, region, seq";
static const struct state_column COLS_BV_ASSIGNMENT[] = {
    { "id", STATE_TEXT },          { "tenancy", STATE_TEXT },  { "region", STATE_TEXT },
    { "assetId", STATE_TEXT },     { "policyId", STATE_TEXT }, { "xrcKmsKeyId", STATE_TEXT },
    { "timeCreated", STATE_TIME },
};

static const char SQL_CG_ZONE[] =
    "SELECT z.id, z.tenancy, z.compartment_id, z.display_name, z.lifecycle_state, z.recipe_id, "
    "r.display_name, z.time_created_ms FROM cg_security_zone z "
    "LEFT JOIN cg_security_recipe r ON r.id = z.recipe_id ORDER BY z.tenancy, z.time_created_ms, z.id";
static const struct state_column COLS_CG_ZONE[] = {
    { "id", STATE_TEXT },
    { "tenancy", STATE_TEXT },
    { "compartmentId", STATE_TEXT },
    { "displayName", STATE_TEXT },
    { "lifecycleState", STATE_TEXT },
    { "recipeId", STATE_TEXT },
    { "recipeName", STATE_TEXT },
    { "timeCreated", STATE_TIME },
};

static const char SQL_CG_ZONE_COMP[] =
    "SELECT compartment_id, zone_id FROM cg_zone_compartment ORDER BY zone_id, compartment_id";
static const struct state_column COLS_CG_ZONE_COMP[] = {
    { "compartmentId", STATE_TEXT },
    { "zoneId", STATE_TEXT },
};

static const char SQL_CG_ZONE_POLICY[] =
    "SELECT z.id, p.friendly_name FROM cg_security_zone z "
    "JOIN cg_recipe_policy rp ON rp.recipe_id = z.recipe_id "
    "JOIN cg_security_policy p ON p.id = rp.policy_id ORDER BY z.id, p.friendly_name";
static const struct state_column COLS_CG_ZONE_POLICY[] = {
    { "zoneId", STATE_TEXT },
    { "policy", STATE_TEXT },
};

static const char SQL_OCI_COMPARTMENT[] =
    "SELECT id, parent_id, tenancy FROM oci_compartment ORDER BY tenancy, id";
static const struct state_column COLS_OCI_COMPARTMENT[] = {
    { "id", STATE_TEXT },
    { "parentId", STATE_TEXT },
    { "tenancy", STATE_TEXT },
};

static const char SQL_OCI_TENANCY[] =
    "SELECT tenancy FROM kms_vault UNION SELECT tenancy FROM kms_key "
    "UNION SELECT tenancy FROM bv_volume UNION SELECT tenancy FROM bv_backup "
    "UNION SELECT tenancy FROM bv_replica UNION SELECT tenancy FROM bv_backup_policy "
    "UNION SELECT tenancy FROM cg_security_zone "
    "UNION SELECT tenancy FROM oci_compartment WHERE tenancy IS NOT NULL "
    "UNION SELECT compartment_id FROM os_bucket WHERE compartment_id LIKE 'ocid1.tenancy.%' "
    "ORDER BY 1";
static const struct state_column COLS_OCI_TENANCY[] = {
    { "tenancy", STATE_TEXT },
};

struct state_table_def {
    const char *sql;
    const struct state_column *cols;
    size_t ncols;
    int regional;
};

#define DEF(name, regional)                                                                   \
    [STATE_##name] = { SQL_##name, COLS_##name, sizeof(COLS_##name) / sizeof(COLS_##name[0]), \
                       regional }

static const struct state_table_def state_tables[STATE_TABLE_COUNT] = {
    DEF(S3_BUCKET, 1),   DEF(AWS_KEY, 1),         DEF(AWS_ALIAS, 1),      DEF(OCI_VAULT, 1),
    DEF(OCI_KEY, 1),     DEF(OCI_KEY_VERSION, 1), DEF(OS_BUCKET, 1),      DEF(BV_VOLUME, 1),
    DEF(BV_BACKUP, 1),   DEF(BV_REPLICA, 1),      DEF(BV_POLICY, 1),      DEF(BV_ASSIGNMENT, 1),
    DEF(CG_ZONE, 0),     DEF(CG_ZONE_COMP, 0),    DEF(CG_ZONE_POLICY, 0), DEF(OCI_COMPARTMENT, 0),
    DEF(OCI_TENANCY, 0),
};

#define STATE_MAX_COLS 16

static int read_table(struct store *st, enum state_table t, const char *region, state_row_fn *fn,
                      void *arg)
{
    const struct state_table_def *d = &state_tables[t];
    struct state_cell cells[STATE_MAX_COLS];
    sqlite3_stmt *s = db_stmt(st, d->sql);
    int rc;

    if (!s || d->ncols > STATE_MAX_COLS)
        return STORE_ERROR;
    if (d->regional)
        db_bind_text(s, 1, region);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        for (size_t i = 0; i < d->ncols; i++) {
            const unsigned char *text = NULL;

            cells[i].is_null = sqlite3_column_type(s, (int)i) == SQLITE_NULL;
            cells[i].num = 0;
            if (d->cols[i].type == STATE_TEXT)
                text = sqlite3_column_text(s, (int)i);
            else
                cells[i].num = sqlite3_column_int64(s, (int)i);
            cells[i].text = text ? (const char *)text : "";
        }
        if (fn(arg, t, d->cols, cells, d->ncols)) {
            sqlite3_reset(s);
            return STORE_ERROR;
        }
    }
    if (rc != SQLITE_DONE) {
        db_log_error(st, d->sql);
        sqlite3_reset(s);
        return STORE_ERROR;
    }
    sqlite3_reset(s);
    return STORE_OK;
}

int store_state_read(struct store *st, const struct state_query *q, state_row_fn *fn, void *arg)
{
    int rc = STORE_OK;

    db_read_begin(st);
    for (int t = 0; t < STATE_TABLE_COUNT && rc == STORE_OK; t++) {
        if (!(q->tables & STATE_BIT(t)))
            continue;
        rc = read_table(st, (enum state_table)t, (q->filtered & STATE_BIT(t)) ? q->region : NULL,
                        fn, arg);
    }
    db_read_end(st);
    return rc;
}
