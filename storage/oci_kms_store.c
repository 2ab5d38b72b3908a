/* oci_kms_store.c - Vault vaults, keys and key versions in SQLite. State and if-match checks of
 * a write run inside its transaction, so two writers with the same etag cannot both win. */
#include "store_kms.h"
#include "store_oci.h"

#include "db.h"

#include <stdlib.h>
#include <string.h>

static const char SQL_KEY_REF[] =
    "SELECT k.id, k.vault_id, k.compartment_id, k.region, k.algorithm, k.lifecycle_state, "
    "(SELECT COUNT(*) FROM kms_key_version v WHERE v.key_id = k.id AND v.lifecycle_state NOT IN "
    "('DELETED', 'PENDING_DELETION', 'SCHEDULING_DELETION', 'DELETING')) "
    "FROM kms_key k WHERE k.id = ?1";

/* clang-format off */
#define R(kind, f) DB_COL(struct kms_key_ref, kind, f)
static const struct db_col KEY_REF_COL[] = {
    R(DB_TEXT, id), R(DB_TEXT, vault_id), R(DB_TEXT, compartment_id), R(DB_TEXT, region),
    R(DB_TEXT, algorithm), R(DB_TEXT, lifecycle_state), R(DB_INT, versions) };
#undef R
/* clang-format on */
static const struct db_row KEY_REF = DB_ROW(struct kms_key_ref, KEY_REF_COL);

int store_kms_key_ref(struct store *st, const char *key_id, struct kms_key_ref *out)
{
    int rc;

    memset(out, 0, sizeof(*out));
    db_read_begin(st);
    rc = db_row_get(st, SQL_KEY_REF, &KEY_REF, out, 1, key_id);
    db_read_end(st);
    return rc;
}

/* ---- rows ---------------------------------------------------------------------------------- */

#define VAULT_COLS                                                                                  \
    "id, tenancy, compartment_id, region, endpoint_prefix, display_name, vault_type, "              \
    "lifecycle_state, time_created_ms, time_of_deletion_ms, wrapping_key_id, etag, freeform_tags, " \
    "defined_tags"
#define KEY_COLS                                                                                  \
    "id, vault_id, tenancy, compartment_id, region, display_name, algorithm, length, curve_id, "  \
    "protection_mode, lifecycle_state, current_key_version, time_created_ms, "                    \
    "time_of_deletion_ms, state_before_deletion, is_auto_rotation_enabled, etag, freeform_tags, " \
    "defined_tags"
#define KV_COLS                                                                        \
    "id, key_id, vault_id, compartment_id, lifecycle_state, origin, time_created_ms, " \
    "time_of_deletion_ms, etag"

#define ORDER_TIME_DESC "time_created_ms DESC, rowid DESC"
#define ORDER_TIME_ASC  "time_created_ms ASC, rowid ASC"
#define ORDER_NAME_ASC  "display_name ASC, rowid ASC"
#define ORDER_NAME_DESC "display_name DESC, rowid DESC"

void kms_vault_release(struct kms_vault *v)
{
    free(v->freeform_tags);
    free(v->defined_tags);
    v->freeform_tags = NULL;
    v->defined_tags = NULL;
}

void kms_key_release(struct kms_key *k)
{
    free(k->freeform_tags);
    free(k->defined_tags);
    k->freeform_tags = NULL;
    k->defined_tags = NULL;
}

void kms_vault_list_release(struct kms_vault_list *l)
{
    for (size_t i = 0; l->v && i < l->n; i++)
        kms_vault_release(&l->v[i]);
    free(l->v);
    memset(l, 0, sizeof(*l));
}

void kms_key_list_release(struct kms_key_list *l)
{
    for (size_t i = 0; l->k && i < l->n; i++)
        kms_key_release(&l->k[i]);
    free(l->k);
    memset(l, 0, sizeof(*l));
}

void kms_key_version_list_release(struct kms_key_version_list *l)
{
    free(l->kv);
    memset(l, 0, sizeof(*l));
}

/* Row tables, in the order of the *_COLS lists. */
/* clang-format off */
#define V(kind, f) DB_COL(struct kms_vault, kind, f)
static const struct db_col VAULT_COL[] = {
    V(DB_TEXT, id), V(DB_TEXT, tenancy), V(DB_TEXT, compartment_id), V(DB_TEXT, region),
    V(DB_TEXT, endpoint_prefix), V(DB_TEXT, display_name), V(DB_TEXT, vault_type),
    V(DB_TEXT, lifecycle_state), V(DB_INT, time_created_ms), V(DB_INT_OPT, time_of_deletion_ms),
    V(DB_TEXT_OPT, wrapping_key_id), V(DB_TEXT, etag), V(DB_DUP, freeform_tags),
    V(DB_DUP, defined_tags) };
#undef V
#define K(kind, f) DB_COL(struct kms_key, kind, f)
static const struct db_col KEY_COL[] = {
    K(DB_TEXT, id), K(DB_TEXT, vault_id), K(DB_TEXT, tenancy), K(DB_TEXT, compartment_id),
    K(DB_TEXT, region), K(DB_TEXT, display_name), K(DB_TEXT, algorithm), K(DB_INT, length),
    K(DB_TEXT_OPT, curve_id), K(DB_TEXT, protection_mode), K(DB_TEXT, lifecycle_state),
    K(DB_TEXT, current_key_version), K(DB_INT, time_created_ms),
    K(DB_INT_OPT, time_of_deletion_ms), K(DB_TEXT_OPT, state_before_deletion),
    K(DB_INT, is_auto_rotation_enabled), K(DB_TEXT, etag), K(DB_DUP, freeform_tags),
    K(DB_DUP, defined_tags) };
#undef K
#define KV(kind, f) DB_COL(struct kms_key_version, kind, f)
static const struct db_col KV_COL[] = {
    KV(DB_TEXT, id), KV(DB_TEXT, key_id), KV(DB_TEXT, vault_id), KV(DB_TEXT, compartment_id),
    KV(DB_TEXT, lifecycle_state), KV(DB_TEXT, origin), KV(DB_INT, time_created_ms),
    KV(DB_INT_OPT, time_of_deletion_ms), KV(DB_TEXT, etag) };
#undef KV
/* clang-format on */

static const struct db_row VAULT = DB_ROW(struct kms_vault, VAULT_COL);
static const struct db_row KEY = DB_ROW(struct kms_key, KEY_COL);
static const struct db_row KEY_VERSION = DB_ROW(struct kms_key_version, KV_COL);

/* ---- vaults -------------------------------------------------------------------------------- */

static const char SQL_VAULT_TAKEN[] =
    "SELECT 1 FROM kms_vault WHERE id = ?1 OR endpoint_prefix = ?2";
static const char SQL_VAULT_INSERT[] =
    "INSERT INTO kms_vault (" VAULT_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
    "?12, ?13, ?14)";
static const char SQL_VAULT_GET[] = "SELECT " VAULT_COLS " FROM kms_vault "
                                    "WHERE id = ?1 AND tenancy = ?2 AND region = ?3";
static const char SQL_VAULT_BY_PREFIX[] =
    "SELECT " VAULT_COLS " FROM kms_vault "
    "WHERE endpoint_prefix = ?1 AND tenancy = ?2 AND region = ?3";
#define VAULT_LIST(order)                                                          \
    "SELECT " VAULT_COLS " FROM kms_vault WHERE tenancy = ?1 AND region = ?2 AND " \
    "compartment_id = ?3 ORDER BY " order " LIMIT ?4 OFFSET ?5"
static const char *const SQL_VAULT_LIST[] = {
    VAULT_LIST(ORDER_TIME_DESC),
    VAULT_LIST(ORDER_TIME_ASC),
    VAULT_LIST(ORDER_NAME_ASC),
    VAULT_LIST(ORDER_NAME_DESC),
};
static const char SQL_VAULT_SET_STATE[] =
    "UPDATE kms_vault SET lifecycle_state = ?2, time_of_deletion_ms = ?3, etag = ?4 WHERE id = ?1";
static const char SQL_VAULT_KEY_LATER[] =
    "SELECT 1 FROM kms_key WHERE vault_id = ?1 AND lifecycle_state = 'PENDING_DELETION' AND "
    "time_of_deletion_ms > ?2";
static const char SQL_VAULT_KEYS_SCHEDULE[] =
    "UPDATE kms_key SET state_before_deletion = lifecycle_state, "
    "lifecycle_state = 'PENDING_DELETION', time_of_deletion_ms = ?2, deleted_with_vault = 1, "
    "etag = lower(hex(randomblob(20))) WHERE vault_id = ?1 AND lifecycle_state <> "
    "'PENDING_DELETION'";
static const char SQL_VAULT_KEYS_CANCEL[] =
    "UPDATE kms_key SET lifecycle_state = COALESCE(state_before_deletion, 'ENABLED'), "
    "time_of_deletion_ms = NULL, state_before_deletion = NULL, deleted_with_vault = 0, "
    "etag = lower(hex(randomblob(20))) WHERE vault_id = ?1 AND deleted_with_vault = 1";

int store_kms_vault_create(struct store *st, const struct kms_vault *v)
{
    int rc;

    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = db_row_get(st, SQL_VAULT_TAKEN, NULL, NULL, 2, v->id, v->endpoint_prefix);
    if (rc == STORE_OK)
        rc = STORE_EXISTS;
    else if (rc == STORE_NOT_FOUND)
        rc = db_row_write(st, SQL_VAULT_INSERT, &VAULT, v);
    return db_tx_end(st, rc);
}

/* With the store locked: the vault by one of the single-row queries. */
static int vault_get_locked(struct store *st, const char *sql, const char *a, const char *tenancy,
                            const char *region, struct kms_vault *out)
{
    memset(out, 0, sizeof(*out));
    return db_row_get(st, sql, &VAULT, out, 3, a, tenancy, region);
}

int store_kms_vault_get(struct store *st, const char *tenancy, const char *region, const char *id,
                        struct kms_vault *out)
{
    int rc;

    db_read_begin(st);
    rc = vault_get_locked(st, SQL_VAULT_GET, id, tenancy, region, out);
    db_read_end(st);
    return rc;
}

int store_kms_vault_by_prefix(struct store *st, const char *tenancy, const char *region,
                              const char *prefix, struct kms_vault *out)
{
    int rc;

    db_read_begin(st);
    rc = vault_get_locked(st, SQL_VAULT_BY_PREFIX, prefix, tenancy, region, out);
    db_read_end(st);
    return rc;
}

int store_kms_vault_list(struct store *st, const char *tenancy, const char *region,
                         const char *compartment_id, enum kms_sort sort, int64_t offset, int limit,
                         struct kms_vault_list *out)
{
    void *rows = NULL;
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    memset(out, 0, sizeof(*out));
    db_read_begin(st);
    s = db_stmt(st, SQL_VAULT_LIST[sort]);
    if (s) {
        db_bind_text(s, 1, tenancy);
        db_bind_text(s, 2, region);
        db_bind_text(s, 3, compartment_id);
        sqlite3_bind_int(s, 4, limit + 1);
        sqlite3_bind_int64(s, 5, offset);
        rc = db_row_list(st, s, &VAULT, limit, &rows, &out->n, &out->more);
        sqlite3_reset(s);
    }
    db_read_end(st);
    out->v = rows;
    if (rc)
        kms_vault_list_release(out);
    return rc;
}

/* Sets the vault's state, time of deletion (0 = none) and etag, and re-reads it into out. */
static int vault_set_state_locked(struct store *st, struct kms_vault *out, const char *state,
                                  int64_t time_ms, const char *etag)
{
    sqlite3_stmt *s = db_stmt(st, SQL_VAULT_SET_STATE);

    if (!s)
        return STORE_ERROR;
    db_bind_text(s, 1, out->id);
    db_bind_text(s, 2, state);
    if (time_ms)
        sqlite3_bind_int64(s, 3, time_ms);
    db_bind_text(s, 4, etag);
    if (db_exec_stmt(st, s))
        return STORE_ERROR;
    return db_row_get(st, SQL_VAULT_GET, &VAULT, out, 3, out->id, out->tenancy, out->region)
               ? STORE_ERROR
               : STORE_OK;
}

/* Runs a one-parameter write statement keyed by vault id (and time_ms when not 0). */
static int vault_keys_exec(struct store *st, const char *sql, const char *vault_id, int64_t time_ms)
{
    sqlite3_stmt *s = db_stmt(st, sql);

    if (!s)
        return STORE_ERROR;
    db_bind_text(s, 1, vault_id);
    if (time_ms)
        sqlite3_bind_int64(s, 2, time_ms);
    return db_exec_stmt(st, s) ? STORE_ERROR : STORE_OK;
}

/* The vault for a write: STORE_NOT_FOUND, STORE_ETAG_MISMATCH, STORE_CONFLICT (not in state;
 * out holds the vault) or STORE_OK. */
static int vault_for_write(struct store *st, const char *tenancy, const char *region,
                           const char *id, const char *if_match, const char *state,
                           struct kms_vault *out)
{
    int rc = vault_get_locked(st, SQL_VAULT_GET, id, tenancy, region, out);

    rc = db_if_match(rc, if_match, out->etag);
    if (!rc && strcmp(out->lifecycle_state, state))
        rc = STORE_CONFLICT;
    return rc;
}

int store_kms_vault_schedule_deletion(struct store *st, const char *tenancy, const char *region,
                                      const char *id, const char *if_match, int64_t time_ms,
                                      const char *new_etag, struct kms_vault *out)
{
    sqlite3_stmt *s;
    int rc;

    memset(out, 0, sizeof(*out));
    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = vault_for_write(st, tenancy, region, id, if_match, "ACTIVE", out);
    if (!rc) {
        /* a key already scheduled after time_ms keeps the vault */
        s = db_stmt(st, SQL_VAULT_KEY_LATER);
        rc = STORE_ERROR;
        if (s) {
            db_bind_text(s, 1, id);
            sqlite3_bind_int64(s, 2, time_ms);
            rc = sqlite3_step(s) == SQLITE_ROW ? STORE_CONFLICT : STORE_OK;
            sqlite3_reset(s);
        }
    }
    if (!rc)
        rc = vault_keys_exec(st, SQL_VAULT_KEYS_SCHEDULE, id, time_ms);
    if (!rc)
        rc = vault_set_state_locked(st, out, "PENDING_DELETION", time_ms, new_etag);
    return db_tx_end(st, rc);
}

int store_kms_vault_cancel_deletion(struct store *st, const char *tenancy, const char *region,
                                    const char *id, const char *if_match, const char *new_etag,
                                    struct kms_vault *out)
{
    int rc;

    memset(out, 0, sizeof(*out));
    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = vault_for_write(st, tenancy, region, id, if_match, "PENDING_DELETION", out);
    if (!rc)
        rc = vault_keys_exec(st, SQL_VAULT_KEYS_CANCEL, id, 0);
    if (!rc)
        rc = vault_set_state_locked(st, out, "ACTIVE", 0, new_etag);
    return db_tx_end(st, rc);
}

/* ---- keys ---------------------------------------------------------------------------------- */

static const char SQL_VAULT_STATE[] = "SELECT lifecycle_state FROM kms_vault WHERE id = ?1";
static const char SQL_KEY_INSERT[] =
    "INSERT INTO kms_key (" KEY_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
    "?13, ?14, ?15, ?16, ?17, ?18, ?19)";
static const char SQL_KV_INSERT[] = "INSERT INTO kms_key_version (" KV_COLS ") VALUES (?1, ?2, ?3, "
                                    "?4, ?5, ?6, ?7, ?8, ?9)";
static const char SQL_KEY_GET[] =
    "SELECT " KEY_COLS " FROM kms_key WHERE id = ?1 AND vault_id = ?2";
#define KEY_LIST(order)                                                                      \
    "SELECT " KEY_COLS " FROM kms_key WHERE vault_id = ?1 AND compartment_id = ?2 AND "      \
    "(?3 IS NULL OR protection_mode = ?3) AND (?4 IS NULL OR algorithm = ?4) AND "           \
    "(?5 = 0 OR length = ?5) AND (?6 IS NULL OR curve_id = ?6) ORDER BY " order " LIMIT ?7 " \
    "OFFSET ?8"
static const char *const SQL_KEY_LIST[] = {
    KEY_LIST(ORDER_TIME_DESC),
    KEY_LIST(ORDER_TIME_ASC),
    KEY_LIST(ORDER_NAME_ASC),
    KEY_LIST(ORDER_NAME_DESC),
};
static const char SQL_KEY_UPDATE[] =
    "UPDATE kms_key SET display_name = COALESCE(?2, display_name), "
    "freeform_tags = COALESCE(?3, freeform_tags), defined_tags = COALESCE(?4, defined_tags), "
    "etag = COALESCE(?5, etag) WHERE id = ?1";
static const char SQL_KEY_SET_STATE[] =
    "UPDATE kms_key SET lifecycle_state = ?2, time_of_deletion_ms = ?3, "
    "state_before_deletion = ?4, deleted_with_vault = 0, etag = ?5 WHERE id = ?1";
static const char SQL_KEY_ROTATE[] =
    "UPDATE kms_key SET current_key_version = ?2, etag = ?3 WHERE id = ?1";

int store_kms_key_create(struct store *st, const struct kms_key *k,
                         const struct kms_key_version *first)
{
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    if (db_tx_begin(st))
        return STORE_ERROR;
    s = db_stmt(st, SQL_VAULT_STATE);
    if (!s)
        goto out;
    db_bind_text(s, 1, k->vault_id);
    if (sqlite3_step(s) != SQLITE_ROW) {
        rc = STORE_NOT_FOUND;
    } else if (strcmp((const char *)sqlite3_column_text(s, 0), "ACTIVE")) {
        rc = STORE_CONFLICT;
    }
    sqlite3_reset(s);
    if (rc != STORE_ERROR)
        goto out;
    rc = db_row_write(st, SQL_KEY_INSERT, &KEY, k);
    if (!rc)
        rc = db_row_write(st, SQL_KV_INSERT, &KEY_VERSION, first);
out:
    return db_tx_end(st, rc);
}

static int key_get_locked(struct store *st, const char *vault_id, const char *key_id,
                          struct kms_key *out)
{
    memset(out, 0, sizeof(*out));
    return db_row_get(st, SQL_KEY_GET, &KEY, out, 2, key_id, vault_id);
}

/* Re-reads the key into out after a write. */
static int key_reread_locked(struct store *st, struct kms_key *out)
{
    return db_row_get(st, SQL_KEY_GET, &KEY, out, 2, out->id, out->vault_id) ? STORE_ERROR
                                                                             : STORE_OK;
}

int store_kms_key_get(struct store *st, const char *vault_id, const char *key_id,
                      struct kms_key *out)
{
    int rc;

    db_read_begin(st);
    rc = key_get_locked(st, vault_id, key_id, out);
    db_read_end(st);
    return rc;
}

int store_kms_key_list(struct store *st, const char *vault_id, const char *compartment_id,
                       const struct kms_key_filter *f, enum kms_sort sort, int64_t offset,
                       int limit, struct kms_key_list *out)
{
    void *rows = NULL;
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    memset(out, 0, sizeof(*out));
    db_read_begin(st);
    s = db_stmt(st, SQL_KEY_LIST[sort]);
    if (s) {
        db_bind_text(s, 1, vault_id);
        db_bind_text(s, 2, compartment_id);
        db_bind_text(s, 3, f->protection_mode);
        db_bind_text(s, 4, f->algorithm);
        sqlite3_bind_int(s, 5, f->length);
        db_bind_text(s, 6, f->curve_id);
        sqlite3_bind_int(s, 7, limit + 1);
        sqlite3_bind_int64(s, 8, offset);
        rc = db_row_list(st, s, &KEY, limit, &rows, &out->n, &out->more);
        sqlite3_reset(s);
    }
    db_read_end(st);
    out->k = rows;
    if (rc)
        kms_key_list_release(out);
    return rc;
}

int store_kms_key_update(struct store *st, const char *vault_id, const char *key_id,
                         const char *if_match, const struct kms_key_update *u, const char *new_etag,
                         struct kms_key *out)
{
    int rc;

    memset(out, 0, sizeof(*out));
    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = key_get_locked(st, vault_id, key_id, out);
    rc = db_if_match(rc, if_match, out->etag);
    if (!rc && strcmp(out->lifecycle_state, "ENABLED") && strcmp(out->lifecycle_state, "CREATING"))
        rc = STORE_CONFLICT;
    if (!rc)
        rc = db_exec_text(st, SQL_KEY_UPDATE, 5, key_id, u->display_name, u->freeform_tags,
                          u->defined_tags, new_etag);
    if (!rc)
        rc = key_reread_locked(st, out);
    return db_tx_end(st, rc);
}

int store_kms_key_action(struct store *st, const char *vault_id, const char *key_id,
                         const char *if_match, enum kms_key_action action, int64_t time_ms,
                         const char *new_etag, struct kms_key *out)
{
    const char *state = out->lifecycle_state;
    const char *to = NULL;
    const char *before = NULL;
    int64_t when = 0;
    sqlite3_stmt *s;
    int rc;

    memset(out, 0, sizeof(*out));
    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = key_get_locked(st, vault_id, key_id, out);
    rc = db_if_match(rc, if_match, out->etag);
    if (rc)
        goto out;
    switch (action) {
    case KMS_KEY_DISABLE:
        if (!strcmp(state, "ENABLED"))
            to = "DISABLED";
        break;
    case KMS_KEY_ENABLE:
        if (!strcmp(state, "DISABLED"))
            to = "ENABLED";
        break;
    case KMS_KEY_SCHEDULE_DELETION:
        if (!strcmp(state, "ENABLED") || !strcmp(state, "DISABLED")) {
            to = "PENDING_DELETION";
            before = state;
            when = time_ms;
        }
        break;
    case KMS_KEY_CANCEL_DELETION:
        if (!strcmp(state, "PENDING_DELETION"))
            to = out->state_before_deletion[0] ? out->state_before_deletion : "ENABLED";
        break;
    }
    if (!to) {
        rc = STORE_CONFLICT;
        goto out;
    }
    rc = STORE_ERROR;
    s = db_stmt(st, SQL_KEY_SET_STATE);
    if (s) {
        db_bind_text(s, 1, key_id);
        db_bind_text(s, 2, to);
        if (when)
            sqlite3_bind_int64(s, 3, when);
        db_bind_text(s, 4, before);
        db_bind_text(s, 5, new_etag);
        if (!db_exec_stmt(st, s))
            rc = key_reread_locked(st, out);
    }
out:
    return db_tx_end(st, rc);
}

/* ---- key versions -------------------------------------------------------------------------- */

static const char SQL_KV_GET[] =
    "SELECT " KV_COLS " FROM kms_key_version WHERE id = ?1 AND key_id = ?2 AND vault_id = ?3";
#define KV_LIST(order)                                                                            \
    "SELECT " KV_COLS " FROM kms_key_version WHERE key_id = ?1 AND vault_id = ?2 ORDER BY " order \
    " LIMIT ?3 OFFSET ?4"
static const char *const SQL_KV_LIST[] = {
    KV_LIST(ORDER_TIME_DESC),
    KV_LIST(ORDER_TIME_ASC),
    KV_LIST(ORDER_TIME_ASC),
    KV_LIST(ORDER_TIME_DESC),
};

int store_kms_key_version_create(struct store *st, const struct kms_key_version *v,
                                 const char *key_etag, struct kms_key *key_out)
{
    struct kms_key_version row = *v;
    int rc;

    memset(key_out, 0, sizeof(*key_out));
    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = key_get_locked(st, v->vault_id, v->key_id, key_out);
    if (!rc && strcmp(key_out->lifecycle_state, "ENABLED"))
        rc = STORE_CONFLICT;
    if (!rc) {
        memcpy(row.compartment_id, key_out->compartment_id, sizeof(row.compartment_id));
        rc = db_row_write(st, SQL_KV_INSERT, &KEY_VERSION, &row);
    }
    if (!rc)
        rc = db_exec_text(st, SQL_KEY_ROTATE, 3, v->key_id, v->id, key_etag);
    if (!rc)
        rc = key_reread_locked(st, key_out);
    return db_tx_end(st, rc);
}

int store_kms_key_version_get(struct store *st, const char *vault_id, const char *key_id,
                              const char *version_id, struct kms_key_version *out)
{
    int rc;

    memset(out, 0, sizeof(*out));
    db_read_begin(st);
    rc = db_row_get(st, SQL_KV_GET, &KEY_VERSION, out, 3, version_id, key_id, vault_id);
    db_read_end(st);
    return rc;
}

int store_kms_key_version_list(struct store *st, const char *vault_id, const char *key_id,
                               enum kms_sort sort, int64_t offset, int limit,
                               struct kms_key_version_list *out)
{
    struct kms_key key;
    void *rows = NULL;
    sqlite3_stmt *s;
    int rc;

    memset(out, 0, sizeof(*out));
    db_read_begin(st);
    rc = key_get_locked(st, vault_id, key_id, &key);
    kms_key_release(&key);
    if (!rc) {
        s = db_stmt(st, SQL_KV_LIST[sort]);
        rc = STORE_ERROR;
        if (s) {
            db_bind_text(s, 1, key_id);
            db_bind_text(s, 2, vault_id);
            sqlite3_bind_int(s, 3, limit + 1);
            sqlite3_bind_int64(s, 4, offset);
            rc = db_row_list(st, s, &KEY_VERSION, limit, &rows, &out->n, &out->more);
            sqlite3_reset(s);
        }
    }
    db_read_end(st);
    out->kv = rows;
    if (rc)
        kms_key_version_list_release(out);
    return rc;
}
