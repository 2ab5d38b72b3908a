/* emu_store.c - the emulator's own rows (seeded credentials), renames of just-created rows, and
 * replacing whole API families with another store's rows (see store_emu.h).
 *
 * Every table of every family is listed in fam_tables below: a table added to a family by a
 * later schema must be added there too, or resets leave it alone. */
#include "db.h"
#include "store_emu.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fam_table {
    unsigned fam;
    const char *table;
    const char *where; /* rows of the family; NULL: all of them */
};

#define CUSTOMER_RECIPE "owner = 'CUSTOMER'"

/* Parents before children: inserts walk down the list, deletes up it. */
/* clang-format off */
static const struct fam_table fam_tables[] = {
    { EMU_FAM_S3,      "s3_bucket",            NULL },
    { EMU_FAM_S3,      "s3_bucket_encryption", NULL },
    { EMU_FAM_S3,      "s3_directory_bucket",  NULL },
    { EMU_FAM_S3,      "s3_object",            NULL },
    { EMU_FAM_S3,      "s3_session",           NULL },
    { EMU_FAM_AWS_KMS, "aws_kms_key",          NULL },
    { EMU_FAM_AWS_KMS, "aws_kms_alias",        NULL },
    { EMU_FAM_OCI_KMS, "kms_vault",            NULL },
    { EMU_FAM_OCI_KMS, "kms_key",              NULL },
    { EMU_FAM_OCI_KMS, "kms_key_version",      NULL },
    { EMU_FAM_OCI_OS,  "os_bucket",            NULL },
    { EMU_FAM_OCI_BV,  "bv_volume",            NULL },
    { EMU_FAM_OCI_BV,  "bv_backup",            NULL },
    { EMU_FAM_OCI_BV,  "bv_replica",           NULL },
    { EMU_FAM_OCI_BV,  "bv_backup_policy",     NULL },
    { EMU_FAM_OCI_BV,  "bv_policy_assignment", NULL },
    { EMU_FAM_OCI_CG,  "oci_compartment",      NULL },
    { EMU_FAM_OCI_CG,  "cg_security_recipe",   CUSTOMER_RECIPE },
    { EMU_FAM_OCI_CG,  "cg_recipe_policy",
      "recipe_id IN (SELECT id FROM cg_security_recipe WHERE " CUSTOMER_RECIPE ")" },
    { EMU_FAM_OCI_CG,  "cg_security_zone",     NULL },
    { EMU_FAM_OCI_CG,  "cg_zone_compartment",  NULL },
    { EMU_FAM_CORE,    "oci_retry_token",      NULL },
    { EMU_FAM_CORE,    "emu_aws_credential",   NULL },
    { EMU_FAM_CORE,    "emu_oci_api_key",      NULL },
};
/* clang-format on */
#define NTABLES (sizeof(fam_tables) / sizeof(fam_tables[0]))

/* Prepares, binds up to three texts (NULL: not bound), steps once. Returns the first step's
 * sqlite code, or -1 when the statement could not be prepared (logged). *count gets column 0 of
 * a returned row, when count is not NULL. */
static int run(struct store *st, const char *sql, const char *a1, const char *a2, const char *a3,
               long *count)
{
    sqlite3_stmt *s = NULL;
    const char *args[3] = { a1, a2, a3 };
    int rc;

    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
        db_log_error(st, sql);
        sqlite3_finalize(s);
        return -1;
    }
    for (int i = 0; i < 3; i++)
        if (args[i])
            db_bind_text(s, i + 1, args[i]);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW && count)
        *count = (long)sqlite3_column_int64(s, 0);
    else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        db_log_error(st, sql);
    sqlite3_finalize(s);
    return rc;
}

static int exists(struct store *st, const char *sql, const char *id)
{
    long n = 0;

    return run(st, sql, id, NULL, NULL, &n) == SQLITE_ROW && n > 0;
}

/* Begins a write transaction whose foreign keys are checked at COMMIT. */
static int tx_begin_deferred(struct store *st)
{
    if (db_tx_begin(st))
        return -1;
    if (sqlite3_exec(st->db, "PRAGMA defer_foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK) {
        db_tx_end(st, STORE_ERROR);
        return -1;
    }
    return 0;
}

/* A rename: how to tell whether an id is taken, and every update (?1 old id, ?2 new id). */
struct rename_rule {
    const char *taken; /* SELECT count(*) ... WHERE <id> = ?1 */
    const char *const *updates;
};

static const char *const ren_aws_key[] = {
    "UPDATE aws_kms_key SET key_id = ?2, arn = replace(arn, ?1, ?2) WHERE key_id = ?1",
    "UPDATE aws_kms_alias SET key_id = ?2 WHERE key_id = ?1",
    NULL,
};
static const char *const ren_kms_key[] = {
    "UPDATE kms_key SET id = ?2 WHERE id = ?1",
    "UPDATE kms_key_version SET key_id = ?2 WHERE key_id = ?1",
    "UPDATE os_bucket SET kms_key_id = ?2 WHERE kms_key_id = ?1",
    "UPDATE bv_volume SET kms_key_id = ?2 WHERE kms_key_id = ?1",
    "UPDATE bv_backup SET kms_key_id = ?2 WHERE kms_key_id = ?1",
    "UPDATE bv_replica SET kms_key_id = ?2 WHERE kms_key_id = ?1",
    "UPDATE bv_policy_assignment SET xrc_kms_key_id = ?2 WHERE xrc_kms_key_id = ?1",
    NULL,
};
static const char *const ren_os_bucket[] = {
    "UPDATE os_bucket SET id = ?2 WHERE id = ?1",
    NULL,
};
static const char *const ren_bv_volume[] = {
    "UPDATE bv_volume SET id = ?2 WHERE id = ?1",
    "UPDATE bv_volume SET source_id = ?2 WHERE source_id = ?1",
    "UPDATE bv_backup SET volume_id = ?2 WHERE volume_id = ?1",
    "UPDATE bv_replica SET volume_id = ?2 WHERE volume_id = ?1",
    "UPDATE bv_policy_assignment SET asset_id = ?2 WHERE asset_id = ?1",
    NULL,
};
static const char *const ren_bv_backup[] = {
    "UPDATE bv_backup SET id = ?2 WHERE id = ?1",
    "UPDATE bv_backup SET source_backup_id = ?2 WHERE source_backup_id = ?1",
    "UPDATE bv_volume SET source_id = ?2 WHERE source_id = ?1",
    NULL,
};
static const char *const ren_cg_recipe[] = {
    "UPDATE cg_security_recipe SET id = ?2 WHERE id = ?1",
    "UPDATE cg_recipe_policy SET recipe_id = ?2 WHERE recipe_id = ?1",
    "UPDATE cg_security_zone SET recipe_id = ?2 WHERE recipe_id = ?1",
    NULL,
};
static const char *const ren_cg_zone[] = {
    "UPDATE cg_security_zone SET id = ?2 WHERE id = ?1",
    "UPDATE cg_zone_compartment SET zone_id = ?2 WHERE zone_id = ?1",
    NULL,
};

/* Indexed by enum emu_rename. */
static const struct rename_rule rename_rules[] = {
    { "SELECT count(*) FROM aws_kms_key WHERE key_id = ?1", ren_aws_key },
    { "SELECT count(*) FROM kms_key WHERE id = ?1", ren_kms_key },
    { "SELECT count(*) FROM os_bucket WHERE id = ?1", ren_os_bucket },
    { "SELECT count(*) FROM bv_volume WHERE id = ?1", ren_bv_volume },
    { "SELECT count(*) FROM bv_backup WHERE id = ?1", ren_bv_backup },
    { "SELECT count(*) FROM cg_security_recipe WHERE id = ?1", ren_cg_recipe },
    { "SELECT count(*) FROM cg_security_zone WHERE id = ?1", ren_cg_zone },
};

static int rename_rows(struct store *st, const char *taken, const char *const *updates,
                       const char *old_id, const char *new_id, const char *extra)
{
    int rc = STORE_OK;

    if (tx_begin_deferred(st))
        return STORE_ERROR;
    if (!exists(st, taken, old_id))
        rc = STORE_NOT_FOUND;
    else if (strcmp(old_id, new_id) && exists(st, taken, new_id))
        rc = STORE_EXISTS;
    for (size_t i = 0; rc == STORE_OK && updates[i]; i++)
        if (run(st, updates[i], old_id, new_id, extra, NULL) != SQLITE_DONE)
            rc = STORE_ERROR;
    return db_tx_end(st, rc);
}

int store_emu_rename(struct store *st, enum emu_rename kind, const char *old_id, const char *new_id)
{
    const struct rename_rule *r;

    if ((size_t)kind >= sizeof(rename_rules) / sizeof(rename_rules[0]))
        return STORE_ERROR;
    r = &rename_rules[kind];
    return rename_rows(st, r->taken, r->updates, old_id, new_id, NULL);
}

int store_emu_rename_vault(struct store *st, const char *old_id, const char *new_id,
                           const char *new_prefix)
{
    static const char *const updates[] = {
        "UPDATE kms_vault SET id = ?2, endpoint_prefix = ?3, wrapping_key_id = "
        "replace(wrapping_key_id, '.' || endpoint_prefix || '.', '.' || ?3 || '.') WHERE id = ?1",
        "UPDATE kms_key SET vault_id = ?2 WHERE vault_id = ?1",
        "UPDATE kms_key_version SET vault_id = ?2 WHERE vault_id = ?1",
        NULL,
    };
    long n = 0;
    int rc;

    /* the endpoint prefix is unique too */
    db_read_begin(st);
    rc = run(st, "SELECT count(*) FROM kms_vault WHERE endpoint_prefix = ?1 AND id <> ?2",
             new_prefix, old_id, NULL, &n);
    db_read_end(st);
    if (rc != SQLITE_ROW)
        return STORE_ERROR;
    if (n > 0)
        return STORE_EXISTS;
    return rename_rows(st, "SELECT count(*) FROM kms_vault WHERE id = ?1", updates, old_id, new_id,
                       new_prefix);
}

/* "SELECT * FROM t [WHERE ...]" or "DELETE FROM t ..." into out. */
static void table_sql(char *out, size_t n, const char *verb, const struct fam_table *t)
{
    snprintf(out, n, "%s FROM %s%s%s", verb, t->table, t->where ? " WHERE " : "",
             t->where ? t->where : "");
}

/* Copies the family rows of table t from src (locked) into dst (in a transaction). */
static int copy_table(struct store *dst, struct store *src, const struct fam_table *t)
{
    char sql[512];
    char ins[4096];
    sqlite3_stmt *sel = NULL;
    sqlite3_stmt *put = NULL;
    int ncol, rc = STORE_ERROR;
    size_t len;

    table_sql(sql, sizeof(sql), "SELECT *", t);
    if (sqlite3_prepare_v2(src->db, sql, -1, &sel, NULL) != SQLITE_OK) {
        db_log_error(src, sql);
        goto out;
    }
    ncol = sqlite3_column_count(sel);
    len = (size_t)snprintf(ins, sizeof(ins), "INSERT INTO %s VALUES (", t->table);
    for (int i = 0; i < ncol && len + 8 < sizeof(ins); i++)
        len += (size_t)snprintf(ins + len, sizeof(ins) - len, "%s?", i ? ", " : "");
    snprintf(ins + len, sizeof(ins) - len, ")");
    if (sqlite3_prepare_v2(dst->db, ins, -1, &put, NULL) != SQLITE_OK) {
        db_log_error(dst, ins);
        goto out;
    }
    for (;;) {
        int step = sqlite3_step(sel);

        if (step == SQLITE_DONE)
            break;
        if (step != SQLITE_ROW) {
            db_log_error(src, sql);
            goto out;
        }
        sqlite3_reset(put);
        for (int i = 0; i < ncol; i++)
            sqlite3_bind_value(put, i + 1, sqlite3_column_value(sel, i));
        if (sqlite3_step(put) != SQLITE_DONE) {
            db_log_error(dst, ins);
            goto out;
        }
    }
    rc = STORE_OK;
out:
    sqlite3_finalize(sel);
    sqlite3_finalize(put);
    return rc;
}

int store_emu_replace(struct store *dst, struct store *src, unsigned families)
{
    char sql[512];
    int rc = STORE_OK;

    if (tx_begin_deferred(dst))
        return STORE_ERROR;
    for (size_t i = NTABLES; i-- > 0 && rc == STORE_OK;) {
        if (!(fam_tables[i].fam & families))
            continue;
        table_sql(sql, sizeof(sql), "DELETE", &fam_tables[i]);
        if (run(dst, sql, NULL, NULL, NULL, NULL) != SQLITE_DONE)
            rc = STORE_ERROR;
    }
    if (src && rc == STORE_OK) {
        db_read_begin(src);
        for (size_t i = 0; i < NTABLES && rc == STORE_OK; i++)
            if (fam_tables[i].fam & families)
                rc = copy_table(dst, src, &fam_tables[i]);
        db_read_end(src);
    }
    return db_tx_end(dst, rc);
}

long store_emu_count(struct store *st, unsigned families)
{
    char sql[512];
    long total = 0;

    db_read_begin(st);
    for (size_t i = 0; i < NTABLES && total >= 0; i++) {
        long n = 0;

        if (!(fam_tables[i].fam & families))
            continue;
        table_sql(sql, sizeof(sql), "SELECT count(*)", &fam_tables[i]);
        if (run(st, sql, NULL, NULL, NULL, &n) != SQLITE_ROW)
            total = -1;
        else
            total += n;
    }
    db_read_end(st);
    return total;
}
