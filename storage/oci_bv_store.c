/* oci_bv_store.c - Block Volume rows in SQLite: volumes, backups, replicas, backup policies and
 * assignments. No rules live here: callers check them inside store_bv_tx. */
#include "store_bv.h"

#include "db.h"

#include <stdlib.h>
#include <string.h>

#define VOL_COLS                                                                                \
    "id, is_boot, tenancy, region, compartment_id, availability_domain, display_name, "         \
    "lifecycle_state, size_in_gbs, vpus_per_gb, kms_key_id, source_type, source_id, image_id, " \
    "time_created_ms, etag, freeform_tags, defined_tags"
#define BACKUP_COLS                                                                       \
    "id, is_boot, tenancy, region, compartment_id, display_name, lifecycle_state, type, " \
    "source_type, volume_id, source_backup_id, kms_key_id, image_id, size_in_gbs, "       \
    "time_created_ms, etag, freeform_tags, defined_tags"
#define REPLICA_COLS                                                                    \
    "id, is_boot, tenancy, region, compartment_id, availability_domain, display_name, " \
    "lifecycle_state, volume_id, kms_key_id, size_in_gbs, image_id, time_created_ms, etag"
#define POLICY_COLS                                                                      \
    "id, tenancy, region, compartment_id, display_name, destination_region, schedules, " \
    "time_created_ms, etag, freeform_tags, defined_tags"
#define ASSIGN_COLS \
    "id, tenancy, region, asset_id, policy_id, xrc_kms_key_id, time_created_ms, etag"

/* Filters shared by the list queries: ?1 tenancy, ?2 region, ?3 is_boot, ?4 after_seq,
 * ?5 limit + 1, then optional filters (NULL = any); ?12 fresh_after_ms. STATE is the state the
 * row reads in (an AVAILABLE row created after ?12 reads transitional); without a lifecycleState
 * filter TERMINATED rows are left out. */
#define LIST_WHERE(STATE)                                                            \
    " WHERE tenancy = ?1 AND region = ?2 AND is_boot = ?3 AND seq > ?4"              \
    " AND (?6 IS NULL OR compartment_id = ?6) AND (?8 IS NULL OR display_name = ?8)" \
    " AND ((?9 IS NULL AND lifecycle_state <> 'TERMINATED') OR " STATE " = ?9)"
#define FRESH     " lifecycle_state = 'AVAILABLE' AND time_created_ms > ?12 "
#define VOL_STATE "(CASE WHEN" FRESH "THEN 'PROVISIONING' ELSE lifecycle_state END)"
#define BACKUP_STATE                                                          \
    "(CASE WHEN" FRESH "THEN (CASE WHEN COALESCE(source_backup_id, '') = '' " \
    "THEN 'REQUEST_RECEIVED' ELSE 'CREATING' END) ELSE lifecycle_state END)"

static const char SQL_VOL_GET[] =
    "SELECT " VOL_COLS ", seq FROM bv_volume WHERE id = ?1 AND tenancy = ?2 AND region = ?3 "
    "AND is_boot = ?4";
static const char SQL_VOL_PUT[] =
    "INSERT INTO bv_volume (" VOL_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
    "?12, ?13, ?14, ?15, ?16, ?17, ?18) ON CONFLICT(id) DO UPDATE SET "
    "compartment_id = excluded.compartment_id, availability_domain = excluded.availability_domain, "
    "display_name = excluded.display_name, lifecycle_state = excluded.lifecycle_state, "
    "size_in_gbs = excluded.size_in_gbs, vpus_per_gb = excluded.vpus_per_gb, "
    "kms_key_id = excluded.kms_key_id, source_type = excluded.source_type, "
    "source_id = excluded.source_id, image_id = excluded.image_id, etag = excluded.etag, "
    "freeform_tags = excluded.freeform_tags, defined_tags = excluded.defined_tags";
static const char SQL_VOL_LIST[] = "SELECT " VOL_COLS ", seq FROM bv_volume" LIST_WHERE(
    VOL_STATE) " AND (?7 IS NULL OR availability_domain = ?7)"
               " AND ?10 IS NULL AND ?11 IS NULL ORDER BY seq LIMIT ?5";

static const char SQL_BACKUP_GET[] =
    "SELECT " BACKUP_COLS ", seq FROM bv_backup WHERE id = ?1 AND tenancy = ?2 AND region = ?3 "
    "AND is_boot = ?4";
static const char SQL_BACKUP_PUT[] =
    "INSERT INTO bv_backup (" BACKUP_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
    "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18) ON CONFLICT(id) DO UPDATE SET "
    "display_name = excluded.display_name, lifecycle_state = excluded.lifecycle_state, "
    "kms_key_id = excluded.kms_key_id, etag = excluded.etag, "
    "freeform_tags = excluded.freeform_tags, defined_tags = excluded.defined_tags";
static const char SQL_BACKUP_LIST[] = "SELECT " BACKUP_COLS ", seq FROM bv_backup" LIST_WHERE(
    BACKUP_STATE) " AND ?7 IS NULL AND (?10 IS NULL OR volume_id = ?10)"
                  " AND (?11 IS NULL OR source_backup_id = ?11)"
                  " ORDER BY seq LIMIT ?5";

static const char SQL_REPLICA_GET[] =
    "SELECT " REPLICA_COLS ", seq FROM bv_replica WHERE id = ?1 AND tenancy = ?2 AND region = ?3 "
    "AND is_boot = ?4";
static const char SQL_REPLICA_PUT[] =
    "INSERT INTO bv_replica (" REPLICA_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
    "?11, ?12, ?13, ?14) ON CONFLICT(id) DO UPDATE SET "
    "display_name = excluded.display_name, lifecycle_state = excluded.lifecycle_state, "
    "kms_key_id = excluded.kms_key_id, size_in_gbs = excluded.size_in_gbs, etag = excluded.etag";
static const char SQL_REPLICA_LIST[] = "SELECT " REPLICA_COLS ", seq FROM bv_replica" LIST_WHERE(
    VOL_STATE) " AND (?7 IS NULL OR availability_domain = ?7)"
               " AND (?10 IS NULL OR volume_id = ?10) AND ?11 IS NULL"
               " ORDER BY seq LIMIT ?5";
static const char SQL_REPLICAS_OF[] =
    "SELECT " REPLICA_COLS ", seq FROM bv_replica WHERE volume_id = ?1 ORDER BY seq";
static const char SQL_REPLICA_DELETE_OF[] = "DELETE FROM bv_replica WHERE volume_id = ?1";

static const char SQL_POLICY_GET[] = "SELECT " POLICY_COLS " FROM bv_backup_policy "
                                     "WHERE id = ?1 AND tenancy = ?2 AND region = ?3";
static const char SQL_POLICY_PUT[] =
    "INSERT INTO bv_backup_policy (" POLICY_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
    "?10, ?11) ON CONFLICT(id) DO UPDATE SET display_name = excluded.display_name, "
    "destination_region = excluded.destination_region, schedules = excluded.schedules, "
    "etag = excluded.etag, freeform_tags = excluded.freeform_tags, "
    "defined_tags = excluded.defined_tags";

static const char SQL_ASSIGN_GET[] = "SELECT " ASSIGN_COLS ", seq FROM bv_policy_assignment "
                                     "WHERE id = ?1 AND tenancy = ?2 AND region = ?3";
static const char SQL_ASSIGN_PUT[] =
    "INSERT INTO bv_policy_assignment (" ASSIGN_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
    "ON CONFLICT(id) DO UPDATE SET policy_id = excluded.policy_id, "
    "xrc_kms_key_id = excluded.xrc_kms_key_id, etag = excluded.etag";
static const char SQL_ASSIGN_DELETE[] = "DELETE FROM bv_policy_assignment WHERE id = ?1";
static const char SQL_ASSIGN_LIST[] =
    "SELECT " ASSIGN_COLS ", seq FROM bv_policy_assignment WHERE tenancy = ?1 AND region = ?2 "
    "AND asset_id = ?3 AND seq > ?4 ORDER BY seq LIMIT ?5";

int store_bv_tx(struct store *st, store_bv_tx_fn *fn, void *arg)
{
    int rc;

    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = fn(st, arg);
    return db_tx_end(st, rc);
}

/* Row tables, in the order of the *_COLS lists: "" is stored as NULL (DB_TEXT_OPT) where the
 * wire field is null. */
/* clang-format off */
#define V(kind, f) DB_COL(struct bv_volume, kind, f)
static const struct db_col VOL_COL[] = {
    V(DB_TEXT, id), V(DB_FLAG, is_boot), V(DB_TEXT, tenancy), V(DB_TEXT, region),
    V(DB_TEXT, compartment_id), V(DB_TEXT, availability_domain), V(DB_TEXT, display_name),
    V(DB_TEXT, lifecycle_state), V(DB_INT, size_in_gbs), V(DB_INT, vpus_per_gb),
    V(DB_TEXT_OPT, kms_key_id), V(DB_TEXT_OPT, source_type), V(DB_TEXT_OPT, source_id),
    V(DB_TEXT_OPT, image_id), V(DB_INT, time_created_ms), V(DB_TEXT, etag),
    V(DB_TEXT_OPT, freeform_tags), V(DB_TEXT_OPT, defined_tags) };
#undef V
#define B(kind, f) DB_COL(struct bv_backup, kind, f)
static const struct db_col BACKUP_COL[] = {
    B(DB_TEXT, id), B(DB_FLAG, is_boot), B(DB_TEXT, tenancy), B(DB_TEXT, region),
    B(DB_TEXT, compartment_id), B(DB_TEXT, display_name), B(DB_TEXT, lifecycle_state),
    B(DB_TEXT, type), B(DB_TEXT, source_type), B(DB_TEXT_OPT, volume_id),
    B(DB_TEXT_OPT, source_backup_id), B(DB_TEXT_OPT, kms_key_id), B(DB_TEXT_OPT, image_id),
    B(DB_INT, size_in_gbs), B(DB_INT, time_created_ms), B(DB_TEXT, etag),
    B(DB_TEXT_OPT, freeform_tags), B(DB_TEXT_OPT, defined_tags) };
#undef B
#define R(kind, f) DB_COL(struct bv_replica, kind, f)
static const struct db_col REPLICA_COL[] = {
    R(DB_TEXT, id), R(DB_FLAG, is_boot), R(DB_TEXT, tenancy), R(DB_TEXT, region),
    R(DB_TEXT, compartment_id), R(DB_TEXT, availability_domain), R(DB_TEXT, display_name),
    R(DB_TEXT, lifecycle_state), R(DB_TEXT, volume_id), R(DB_TEXT_OPT, kms_key_id),
    R(DB_INT, size_in_gbs), R(DB_TEXT_OPT, image_id), R(DB_INT, time_created_ms),
    R(DB_TEXT, etag) };
#undef R
#define P(kind, f) DB_COL(struct bv_policy, kind, f)
static const struct db_col POLICY_COL[] = {
    P(DB_TEXT, id), P(DB_TEXT, tenancy), P(DB_TEXT, region), P(DB_TEXT, compartment_id),
    P(DB_TEXT, display_name), P(DB_TEXT_OPT, destination_region), P(DB_TEXT, schedules),
    P(DB_INT, time_created_ms), P(DB_TEXT, etag), P(DB_TEXT_OPT, freeform_tags),
    P(DB_TEXT_OPT, defined_tags) };
#undef P
#define A(kind, f) DB_COL(struct bv_assignment, kind, f)
static const struct db_col ASSIGN_COL[] = {
    A(DB_TEXT, id), A(DB_TEXT, tenancy), A(DB_TEXT, region), A(DB_TEXT, asset_id),
    A(DB_TEXT, policy_id), A(DB_TEXT_OPT, xrc_kms_key_id), A(DB_INT, time_created_ms),
    A(DB_TEXT, etag) };
#undef A
/* clang-format on */

static const struct db_row VOLUME = DB_ROW(struct bv_volume, VOL_COL);
static const struct db_row BACKUP = DB_ROW(struct bv_backup, BACKUP_COL);
static const struct db_row REPLICA = DB_ROW(struct bv_replica, REPLICA_COL);
static const struct db_row POLICY = DB_ROW(struct bv_policy, POLICY_COL);
static const struct db_row ASSIGNMENT = DB_ROW(struct bv_assignment, ASSIGN_COL);

/* A get by (id, tenancy, region[, is_boot when not -1]) into out through its row table. */
static int get(struct store *st, const char *sql, const struct db_row *t, const char *tenancy,
               const char *region, int is_boot, const char *id, void *out)
{
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    db_read_begin(st);
    s = db_stmt(st, sql);
    if (s) {
        db_bind_text(s, 1, id);
        db_bind_text(s, 2, tenancy);
        db_bind_text(s, 3, region);
        if (is_boot >= 0)
            sqlite3_bind_int(s, 4, is_boot);
        rc = STORE_NOT_FOUND;
        if (sqlite3_step(s) == SQLITE_ROW) {
            memset(out, 0, t->size);
            db_row_read(s, t, out);
            rc = STORE_OK;
        }
    }
    db_read_end(st);
    return rc;
}

int store_bv_volume_get(struct store *st, const char *tenancy, const char *region, int is_boot,
                        const char *id, struct bv_volume *out)
{
    return get(st, SQL_VOL_GET, &VOLUME, tenancy, region, is_boot ? 1 : 0, id, out);
}

int store_bv_backup_get(struct store *st, const char *tenancy, const char *region, int is_boot,
                        const char *id, struct bv_backup *out)
{
    return get(st, SQL_BACKUP_GET, &BACKUP, tenancy, region, is_boot ? 1 : 0, id, out);
}

int store_bv_replica_get(struct store *st, const char *tenancy, const char *region, int is_boot,
                         const char *id, struct bv_replica *out)
{
    return get(st, SQL_REPLICA_GET, &REPLICA, tenancy, region, is_boot ? 1 : 0, id, out);
}

int store_bv_policy_get(struct store *st, const char *tenancy, const char *region, const char *id,
                        struct bv_policy *out)
{
    return get(st, SQL_POLICY_GET, &POLICY, tenancy, region, -1, id, out);
}

int store_bv_assignment_get(struct store *st, const char *tenancy, const char *region,
                            const char *id, struct bv_assignment *out)
{
    return get(st, SQL_ASSIGN_GET, &ASSIGNMENT, tenancy, region, -1, id, out);
}

/* Runs a write in a write section (joining the calling thread's transaction when it has one):
 * the row bound through t, or with t NULL one id. */
static int write_row(struct store *st, const char *sql, const struct db_row *t, const void *row)
{
    int rc;

    if (db_write_begin(st))
        return STORE_ERROR;
    rc = t ? db_row_write(st, sql, t, row) : db_exec_text(st, sql, 1, (const char *)row);
    return db_write_end(st, rc);
}

int store_bv_volume_put(struct store *st, const struct bv_volume *v)
{
    return write_row(st, SQL_VOL_PUT, &VOLUME, v);
}

int store_bv_backup_put(struct store *st, const struct bv_backup *b)
{
    return write_row(st, SQL_BACKUP_PUT, &BACKUP, b);
}

int store_bv_replica_put(struct store *st, const struct bv_replica *r)
{
    return write_row(st, SQL_REPLICA_PUT, &REPLICA, r);
}

int store_bv_policy_put(struct store *st, const struct bv_policy *p)
{
    return write_row(st, SQL_POLICY_PUT, &POLICY, p);
}

int store_bv_assignment_put(struct store *st, const struct bv_assignment *a)
{
    return write_row(st, SQL_ASSIGN_PUT, &ASSIGNMENT, a);
}

int store_bv_replica_delete_of(struct store *st, const char *volume_id)
{
    return write_row(st, SQL_REPLICA_DELETE_OF, NULL, volume_id);
}

int store_bv_assignment_delete(struct store *st, const char *id)
{
    return write_row(st, SQL_ASSIGN_DELETE, NULL, id);
}

/* Binds the shared list parameters (LIST_WHERE). */
static void bind_filter(sqlite3_stmt *s, const struct bv_filter *f)
{
    db_bind_text(s, 1, f->tenancy);
    db_bind_text(s, 2, f->region);
    sqlite3_bind_int(s, 3, f->is_boot ? 1 : 0);
    sqlite3_bind_int64(s, 4, f->after_seq);
    sqlite3_bind_int64(s, 5, f->limit > 0 ? (int64_t)f->limit + 1 : -1);
    db_bind_text(s, 6, f->compartment_id);
    db_bind_text(s, 7, f->availability_domain);
    db_bind_text(s, 8, f->display_name);
    db_bind_text(s, 9, f->lifecycle_state);
    db_bind_text(s, 10, f->volume_id);
    db_bind_text(s, 11, f->source_backup_id);
    sqlite3_bind_int64(s, 12, f->fresh_after_ms);
}

/* A row table and the typed callback it is handed to, so one walker serves every list. */
struct walk {
    const struct db_row *t;
    int (*call)(const void *row, void *cb, void *arg);
    void *cb;
    void *arg;
};

/* Steps s: calls the callback for up to limit rows and sets *next when one more row exists. The
 * seq column follows the row's columns. */
static int walk_rows(struct store *st, sqlite3_stmt *s, int limit, const struct walk *w,
                     int64_t *next)
{
    void *row = malloc(w->t->size); /* one row at a time (a volume is about 10 KiB) */
    int n = 0;
    int rc = row ? STORE_OK : STORE_ERROR;
    int64_t last = 0;

    if (next)
        *next = 0;
    while (row) {
        int step = sqlite3_step(s);

        if (step == SQLITE_DONE)
            break;
        if (step != SQLITE_ROW) {
            db_log_error(st, "bv list");
            rc = STORE_ERROR;
            break;
        }
        if (limit > 0 && n == limit) {
            if (next)
                *next = last;
            break;
        }
        last = sqlite3_column_int64(s, (int)w->t->ncol);
        memset(row, 0, w->t->size);
        db_row_read(s, w->t, row);
        rc = w->call(row, w->cb, w->arg);
        if (rc)
            break;
        n++;
    }
    free(row);
    return rc;
}

static int call_volume(const void *row, void *cb, void *arg)
{
    return ((bv_volume_cb *)cb)(row, arg);
}

static int call_backup(const void *row, void *cb, void *arg)
{
    return ((bv_backup_cb *)cb)(row, arg);
}

static int call_replica(const void *row, void *cb, void *arg)
{
    return ((bv_replica_cb *)cb)(row, arg);
}

static int call_assignment(const void *row, void *cb, void *arg)
{
    return ((bv_assignment_cb *)cb)(row, arg);
}

/* Runs a filtered list query: the statement stays private to this walk because callbacks may
 * call other store functions (other statements) while it is open. */
static int list_with(struct store *st, const char *sql, const struct bv_filter *f,
                     const struct walk *w, int64_t *next)
{
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    db_read_begin(st);
    s = db_stmt(st, sql);
    if (s) {
        bind_filter(s, f);
        rc = walk_rows(st, s, f->limit, w, next);
        sqlite3_reset(s);
    }
    db_read_end(st);
    return rc;
}

int store_bv_volume_list(struct store *st, const struct bv_filter *f, bv_volume_cb *cb, void *arg,
                         int64_t *next)
{
    struct walk w = { &VOLUME, call_volume, (void *)cb, arg };

    return list_with(st, SQL_VOL_LIST, f, &w, next);
}

int store_bv_backup_list(struct store *st, const struct bv_filter *f, bv_backup_cb *cb, void *arg,
                         int64_t *next)
{
    struct walk w = { &BACKUP, call_backup, (void *)cb, arg };

    return list_with(st, SQL_BACKUP_LIST, f, &w, next);
}

int store_bv_replica_list(struct store *st, const struct bv_filter *f, bv_replica_cb *cb, void *arg,
                          int64_t *next)
{
    struct walk w = { &REPLICA, call_replica, (void *)cb, arg };

    return list_with(st, SQL_REPLICA_LIST, f, &w, next);
}

int store_bv_replicas_of(struct store *st, const char *volume_id, bv_replica_cb *cb, void *arg)
{
    struct walk w = { &REPLICA, call_replica, (void *)cb, arg };
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    db_read_begin(st);
    s = db_stmt(st, SQL_REPLICAS_OF);
    if (s) {
        db_bind_text(s, 1, volume_id);
        rc = walk_rows(st, s, 0, &w, NULL);
        sqlite3_reset(s);
    }
    db_read_end(st);
    return rc;
}

int store_bv_assignment_list(struct store *st, const struct bv_filter *f, bv_assignment_cb *cb,
                             void *arg, int64_t *next)
{
    struct walk w = { &ASSIGNMENT, call_assignment, (void *)cb, arg };
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    db_read_begin(st);
    s = db_stmt(st, SQL_ASSIGN_LIST);
    if (s) {
        db_bind_text(s, 1, f->tenancy);
        db_bind_text(s, 2, f->region);
        db_bind_text(s, 3, f->volume_id);
        sqlite3_bind_int64(s, 4, f->after_seq);
        sqlite3_bind_int64(s, 5, f->limit > 0 ? (int64_t)f->limit + 1 : -1);
        rc = walk_rows(st, s, f->limit, &w, next);
        sqlite3_reset(s);
    }
    db_read_end(st);
    return rc;
}
