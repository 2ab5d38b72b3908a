/* oci_bv_store.c - Block Volume rows in SQLite: volumes, backups, replicas, backup policies and
 * assignments. No rules live here: callers check them inside store_bv_tx. */
#include "store_bv.h"

#include "db.h"

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
 * ?5 limit + 1, then optional filters (NULL = any). */
#define LIST_WHERE                                                                   \
    " WHERE tenancy = ?1 AND region = ?2 AND is_boot = ?3 AND seq > ?4"              \
    " AND (?6 IS NULL OR compartment_id = ?6) AND (?8 IS NULL OR display_name = ?8)" \
    " AND (?9 IS NULL OR lifecycle_state = ?9)"

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
static const char SQL_VOL_LIST[] = "SELECT " VOL_COLS ", seq FROM bv_volume" LIST_WHERE
                                   " AND (?7 IS NULL OR availability_domain = ?7)"
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
static const char SQL_BACKUP_LIST[] = "SELECT " BACKUP_COLS ", seq FROM bv_backup" LIST_WHERE
                                      " AND ?7 IS NULL AND (?10 IS NULL OR volume_id = ?10)"
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
static const char SQL_REPLICA_LIST[] = "SELECT " REPLICA_COLS ", seq FROM bv_replica" LIST_WHERE
                                       " AND (?7 IS NULL OR availability_domain = ?7)"
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

/* Binds "" as SQL NULL: the structs spell null as "". */
static void bind_opt(sqlite3_stmt *s, int i, const char *v)
{
    db_bind_text(s, i, v && *v ? v : NULL);
}

static void read_volume(sqlite3_stmt *s, struct bv_volume *v)
{
    memset(v, 0, sizeof(*v));
    db_col_text(s, 0, v->id, sizeof(v->id));
    v->is_boot = sqlite3_column_int(s, 1);
    db_col_text(s, 2, v->tenancy, sizeof(v->tenancy));
    db_col_text(s, 3, v->region, sizeof(v->region));
    db_col_text(s, 4, v->compartment_id, sizeof(v->compartment_id));
    db_col_text(s, 5, v->availability_domain, sizeof(v->availability_domain));
    db_col_text(s, 6, v->display_name, sizeof(v->display_name));
    db_col_text(s, 7, v->lifecycle_state, sizeof(v->lifecycle_state));
    v->size_in_gbs = sqlite3_column_int64(s, 8);
    v->vpus_per_gb = sqlite3_column_int(s, 9);
    db_col_text(s, 10, v->kms_key_id, sizeof(v->kms_key_id));
    db_col_text(s, 11, v->source_type, sizeof(v->source_type));
    db_col_text(s, 12, v->source_id, sizeof(v->source_id));
    db_col_text(s, 13, v->image_id, sizeof(v->image_id));
    v->time_created_ms = sqlite3_column_int64(s, 14);
    db_col_text(s, 15, v->etag, sizeof(v->etag));
    db_col_text(s, 16, v->freeform_tags, sizeof(v->freeform_tags));
    db_col_text(s, 17, v->defined_tags, sizeof(v->defined_tags));
}

static void read_backup(sqlite3_stmt *s, struct bv_backup *b)
{
    memset(b, 0, sizeof(*b));
    db_col_text(s, 0, b->id, sizeof(b->id));
    b->is_boot = sqlite3_column_int(s, 1);
    db_col_text(s, 2, b->tenancy, sizeof(b->tenancy));
    db_col_text(s, 3, b->region, sizeof(b->region));
    db_col_text(s, 4, b->compartment_id, sizeof(b->compartment_id));
    db_col_text(s, 5, b->display_name, sizeof(b->display_name));
    db_col_text(s, 6, b->lifecycle_state, sizeof(b->lifecycle_state));
    db_col_text(s, 7, b->type, sizeof(b->type));
    db_col_text(s, 8, b->source_type, sizeof(b->source_type));
    db_col_text(s, 9, b->volume_id, sizeof(b->volume_id));
    db_col_text(s, 10, b->source_backup_id, sizeof(b->source_backup_id));
    db_col_text(s, 11, b->kms_key_id, sizeof(b->kms_key_id));
    db_col_text(s, 12, b->image_id, sizeof(b->image_id));
    b->size_in_gbs = sqlite3_column_int64(s, 13);
    b->time_created_ms = sqlite3_column_int64(s, 14);
    db_col_text(s, 15, b->etag, sizeof(b->etag));
    db_col_text(s, 16, b->freeform_tags, sizeof(b->freeform_tags));
    db_col_text(s, 17, b->defined_tags, sizeof(b->defined_tags));
}

static void read_replica(sqlite3_stmt *s, struct bv_replica *r)
{
    memset(r, 0, sizeof(*r));
    db_col_text(s, 0, r->id, sizeof(r->id));
    r->is_boot = sqlite3_column_int(s, 1);
    db_col_text(s, 2, r->tenancy, sizeof(r->tenancy));
    db_col_text(s, 3, r->region, sizeof(r->region));
    db_col_text(s, 4, r->compartment_id, sizeof(r->compartment_id));
    db_col_text(s, 5, r->availability_domain, sizeof(r->availability_domain));
    db_col_text(s, 6, r->display_name, sizeof(r->display_name));
    db_col_text(s, 7, r->lifecycle_state, sizeof(r->lifecycle_state));
    db_col_text(s, 8, r->volume_id, sizeof(r->volume_id));
    db_col_text(s, 9, r->kms_key_id, sizeof(r->kms_key_id));
    r->size_in_gbs = sqlite3_column_int64(s, 10);
    db_col_text(s, 11, r->image_id, sizeof(r->image_id));
    r->time_created_ms = sqlite3_column_int64(s, 12);
    db_col_text(s, 13, r->etag, sizeof(r->etag));
}

static void read_policy(sqlite3_stmt *s, struct bv_policy *p)
{
    memset(p, 0, sizeof(*p));
    db_col_text(s, 0, p->id, sizeof(p->id));
    db_col_text(s, 1, p->tenancy, sizeof(p->tenancy));
    db_col_text(s, 2, p->region, sizeof(p->region));
    db_col_text(s, 3, p->compartment_id, sizeof(p->compartment_id));
    db_col_text(s, 4, p->display_name, sizeof(p->display_name));
    db_col_text(s, 5, p->destination_region, sizeof(p->destination_region));
    db_col_text(s, 6, p->schedules, sizeof(p->schedules));
    p->time_created_ms = sqlite3_column_int64(s, 7);
    db_col_text(s, 8, p->etag, sizeof(p->etag));
    db_col_text(s, 9, p->freeform_tags, sizeof(p->freeform_tags));
    db_col_text(s, 10, p->defined_tags, sizeof(p->defined_tags));
}

static void read_assignment(sqlite3_stmt *s, struct bv_assignment *a)
{
    memset(a, 0, sizeof(*a));
    db_col_text(s, 0, a->id, sizeof(a->id));
    db_col_text(s, 1, a->tenancy, sizeof(a->tenancy));
    db_col_text(s, 2, a->region, sizeof(a->region));
    db_col_text(s, 3, a->asset_id, sizeof(a->asset_id));
    db_col_text(s, 4, a->policy_id, sizeof(a->policy_id));
    db_col_text(s, 5, a->xrc_kms_key_id, sizeof(a->xrc_kms_key_id));
    a->time_created_ms = sqlite3_column_int64(s, 6);
    db_col_text(s, 7, a->etag, sizeof(a->etag));
}

/* Prepares a get by (id, tenancy, region[, is_boot]) and steps it once. Returns the statement
 * positioned on the row, or NULL with *rc set. The store stays locked; the caller unlocks. */
static sqlite3_stmt *get_row(struct store *st, const char *sql, const char *tenancy,
                             const char *region, int is_boot, const char *id, int *rc)
{
    sqlite3_stmt *s = db_stmt(st, sql);

    if (!s) {
        *rc = STORE_ERROR;
        return NULL;
    }
    db_bind_text(s, 1, id);
    db_bind_text(s, 2, tenancy);
    db_bind_text(s, 3, region);
    if (is_boot >= 0)
        sqlite3_bind_int(s, 4, is_boot);
    if (sqlite3_step(s) != SQLITE_ROW) {
        *rc = STORE_NOT_FOUND;
        return NULL;
    }
    *rc = STORE_OK;
    return s;
}

int store_bv_volume_get(struct store *st, const char *tenancy, const char *region, int is_boot,
                        const char *id, struct bv_volume *out)
{
    sqlite3_stmt *s;
    int rc;

    db_read_begin(st);
    s = get_row(st, SQL_VOL_GET, tenancy, region, is_boot ? 1 : 0, id, &rc);
    if (s)
        read_volume(s, out);
    db_read_end(st);
    return rc;
}

int store_bv_backup_get(struct store *st, const char *tenancy, const char *region, int is_boot,
                        const char *id, struct bv_backup *out)
{
    sqlite3_stmt *s;
    int rc;

    db_read_begin(st);
    s = get_row(st, SQL_BACKUP_GET, tenancy, region, is_boot ? 1 : 0, id, &rc);
    if (s)
        read_backup(s, out);
    db_read_end(st);
    return rc;
}

int store_bv_replica_get(struct store *st, const char *tenancy, const char *region, int is_boot,
                         const char *id, struct bv_replica *out)
{
    sqlite3_stmt *s;
    int rc;

    db_read_begin(st);
    s = get_row(st, SQL_REPLICA_GET, tenancy, region, is_boot ? 1 : 0, id, &rc);
    if (s)
        read_replica(s, out);
    db_read_end(st);
    return rc;
}

int store_bv_policy_get(struct store *st, const char *tenancy, const char *region, const char *id,
                        struct bv_policy *out)
{
    sqlite3_stmt *s;
    int rc;

    db_read_begin(st);
    s = get_row(st, SQL_POLICY_GET, tenancy, region, -1, id, &rc);
    if (s)
        read_policy(s, out);
    db_read_end(st);
    return rc;
}

int store_bv_assignment_get(struct store *st, const char *tenancy, const char *region,
                            const char *id, struct bv_assignment *out)
{
    sqlite3_stmt *s;
    int rc;

    db_read_begin(st);
    s = get_row(st, SQL_ASSIGN_GET, tenancy, region, -1, id, &rc);
    if (s)
        read_assignment(s, out);
    db_read_end(st);
    return rc;
}

/* Steps a prepared write under the lock. */
static int run_write(struct store *st, sqlite3_stmt *s)
{
    return s && !db_exec_stmt(st, s) ? STORE_OK : STORE_ERROR;
}

int store_bv_volume_put(struct store *st, const struct bv_volume *v)
{
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    if (db_write_begin(st))
        return STORE_ERROR;
    s = db_stmt(st, SQL_VOL_PUT);
    if (s) {
        db_bind_text(s, 1, v->id);
        sqlite3_bind_int(s, 2, v->is_boot ? 1 : 0);
        db_bind_text(s, 3, v->tenancy);
        db_bind_text(s, 4, v->region);
        db_bind_text(s, 5, v->compartment_id);
        db_bind_text(s, 6, v->availability_domain);
        db_bind_text(s, 7, v->display_name);
        db_bind_text(s, 8, v->lifecycle_state);
        sqlite3_bind_int64(s, 9, v->size_in_gbs);
        sqlite3_bind_int(s, 10, v->vpus_per_gb);
        bind_opt(s, 11, v->kms_key_id);
        bind_opt(s, 12, v->source_type);
        bind_opt(s, 13, v->source_id);
        bind_opt(s, 14, v->image_id);
        sqlite3_bind_int64(s, 15, v->time_created_ms);
        db_bind_text(s, 16, v->etag);
        bind_opt(s, 17, v->freeform_tags);
        bind_opt(s, 18, v->defined_tags);
        rc = run_write(st, s);
    }
    return db_write_end(st, rc);
}

int store_bv_backup_put(struct store *st, const struct bv_backup *b)
{
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    if (db_write_begin(st))
        return STORE_ERROR;
    s = db_stmt(st, SQL_BACKUP_PUT);
    if (s) {
        db_bind_text(s, 1, b->id);
        sqlite3_bind_int(s, 2, b->is_boot ? 1 : 0);
        db_bind_text(s, 3, b->tenancy);
        db_bind_text(s, 4, b->region);
        db_bind_text(s, 5, b->compartment_id);
        db_bind_text(s, 6, b->display_name);
        db_bind_text(s, 7, b->lifecycle_state);
        db_bind_text(s, 8, b->type);
        db_bind_text(s, 9, b->source_type);
        bind_opt(s, 10, b->volume_id);
        bind_opt(s, 11, b->source_backup_id);
        bind_opt(s, 12, b->kms_key_id);
        bind_opt(s, 13, b->image_id);
        sqlite3_bind_int64(s, 14, b->size_in_gbs);
        sqlite3_bind_int64(s, 15, b->time_created_ms);
        db_bind_text(s, 16, b->etag);
        bind_opt(s, 17, b->freeform_tags);
        bind_opt(s, 18, b->defined_tags);
        rc = run_write(st, s);
    }
    return db_write_end(st, rc);
}

int store_bv_replica_put(struct store *st, const struct bv_replica *r)
{
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    if (db_write_begin(st))
        return STORE_ERROR;
    s = db_stmt(st, SQL_REPLICA_PUT);
    if (s) {
        db_bind_text(s, 1, r->id);
        sqlite3_bind_int(s, 2, r->is_boot ? 1 : 0);
        db_bind_text(s, 3, r->tenancy);
        db_bind_text(s, 4, r->region);
        db_bind_text(s, 5, r->compartment_id);
        db_bind_text(s, 6, r->availability_domain);
        db_bind_text(s, 7, r->display_name);
        db_bind_text(s, 8, r->lifecycle_state);
        db_bind_text(s, 9, r->volume_id);
        bind_opt(s, 10, r->kms_key_id);
        sqlite3_bind_int64(s, 11, r->size_in_gbs);
        bind_opt(s, 12, r->image_id);
        sqlite3_bind_int64(s, 13, r->time_created_ms);
        db_bind_text(s, 14, r->etag);
        rc = run_write(st, s);
    }
    return db_write_end(st, rc);
}

int store_bv_policy_put(struct store *st, const struct bv_policy *p)
{
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    if (db_write_begin(st))
        return STORE_ERROR;
    s = db_stmt(st, SQL_POLICY_PUT);
    if (s) {
        db_bind_text(s, 1, p->id);
        db_bind_text(s, 2, p->tenancy);
        db_bind_text(s, 3, p->region);
        db_bind_text(s, 4, p->compartment_id);
        db_bind_text(s, 5, p->display_name);
        bind_opt(s, 6, p->destination_region);
        db_bind_text(s, 7, p->schedules);
        sqlite3_bind_int64(s, 8, p->time_created_ms);
        db_bind_text(s, 9, p->etag);
        bind_opt(s, 10, p->freeform_tags);
        bind_opt(s, 11, p->defined_tags);
        rc = run_write(st, s);
    }
    return db_write_end(st, rc);
}

int store_bv_assignment_put(struct store *st, const struct bv_assignment *a)
{
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    if (db_write_begin(st))
        return STORE_ERROR;
    s = db_stmt(st, SQL_ASSIGN_PUT);
    if (s) {
        db_bind_text(s, 1, a->id);
        db_bind_text(s, 2, a->tenancy);
        db_bind_text(s, 3, a->region);
        db_bind_text(s, 4, a->asset_id);
        db_bind_text(s, 5, a->policy_id);
        bind_opt(s, 6, a->xrc_kms_key_id);
        sqlite3_bind_int64(s, 7, a->time_created_ms);
        db_bind_text(s, 8, a->etag);
        rc = run_write(st, s);
    }
    return db_write_end(st, rc);
}

static int delete_by(struct store *st, const char *sql, const char *id)
{
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    if (db_write_begin(st))
        return STORE_ERROR;
    s = db_stmt(st, sql);
    if (s) {
        db_bind_text(s, 1, id);
        rc = run_write(st, s);
    }
    return db_write_end(st, rc);
}

int store_bv_replica_delete_of(struct store *st, const char *volume_id)
{
    return delete_by(st, SQL_REPLICA_DELETE_OF, volume_id);
}

int store_bv_assignment_delete(struct store *st, const char *id)
{
    return delete_by(st, SQL_ASSIGN_DELETE, id);
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
}

/* One row reader + callback pair, so one walker serves every list. */
struct walk {
    int (*each)(sqlite3_stmt *s, void *cb, void *arg);
    void *cb;
    void *arg;
};

/* Steps s: calls the callback for up to limit rows and sets *next when one more row exists.
 * seq_col is the column holding seq. */
static int walk_rows(struct store *st, sqlite3_stmt *s, int limit, int seq_col,
                     const struct walk *w, int64_t *next)
{
    int n = 0;
    int rc = STORE_OK;
    int64_t last = 0;

    if (next)
        *next = 0;
    for (;;) {
        int step = sqlite3_step(s);

        if (step == SQLITE_DONE)
            break;
        if (step != SQLITE_ROW) {
            db_log_error(st, "bv list");
            return STORE_ERROR;
        }
        if (limit > 0 && n == limit) {
            if (next)
                *next = last;
            break;
        }
        last = sqlite3_column_int64(s, seq_col);
        rc = w->each(s, w->cb, w->arg);
        if (rc)
            break;
        n++;
    }
    return rc;
}

static int each_volume(sqlite3_stmt *s, void *cb, void *arg)
{
    struct bv_volume v;

    read_volume(s, &v);
    return ((bv_volume_cb *)cb)(&v, arg);
}

static int each_backup(sqlite3_stmt *s, void *cb, void *arg)
{
    struct bv_backup b;

    read_backup(s, &b);
    return ((bv_backup_cb *)cb)(&b, arg);
}

static int each_replica(sqlite3_stmt *s, void *cb, void *arg)
{
    struct bv_replica r;

    read_replica(s, &r);
    return ((bv_replica_cb *)cb)(&r, arg);
}

static int each_assignment(sqlite3_stmt *s, void *cb, void *arg)
{
    struct bv_assignment a;

    read_assignment(s, &a);
    return ((bv_assignment_cb *)cb)(&a, arg);
}

/* Runs a filtered list query: the statement stays private to this walk because callbacks may
 * call other store functions (other statements) while it is open. */
static int list_with(struct store *st, const char *sql, const struct bv_filter *f, int seq_col,
                     const struct walk *w, int64_t *next)
{
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    db_read_begin(st);
    s = db_stmt(st, sql);
    if (s) {
        bind_filter(s, f);
        rc = walk_rows(st, s, f->limit, seq_col, w, next);
        sqlite3_reset(s);
    }
    db_read_end(st);
    return rc;
}

int store_bv_volume_list(struct store *st, const struct bv_filter *f, bv_volume_cb *cb, void *arg,
                         int64_t *next)
{
    struct walk w = { each_volume, (void *)cb, arg };

    return list_with(st, SQL_VOL_LIST, f, 18, &w, next);
}

int store_bv_backup_list(struct store *st, const struct bv_filter *f, bv_backup_cb *cb, void *arg,
                         int64_t *next)
{
    struct walk w = { each_backup, (void *)cb, arg };

    return list_with(st, SQL_BACKUP_LIST, f, 18, &w, next);
}

int store_bv_replica_list(struct store *st, const struct bv_filter *f, bv_replica_cb *cb, void *arg,
                          int64_t *next)
{
    struct walk w = { each_replica, (void *)cb, arg };

    return list_with(st, SQL_REPLICA_LIST, f, 14, &w, next);
}

int store_bv_replicas_of(struct store *st, const char *volume_id, bv_replica_cb *cb, void *arg)
{
    struct walk w = { each_replica, (void *)cb, arg };
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    db_read_begin(st);
    s = db_stmt(st, SQL_REPLICAS_OF);
    if (s) {
        db_bind_text(s, 1, volume_id);
        rc = walk_rows(st, s, 0, 14, &w, NULL);
        sqlite3_reset(s);
    }
    db_read_end(st);
    return rc;
}

int store_bv_assignment_list(struct store *st, const struct bv_filter *f, bv_assignment_cb *cb,
                             void *arg, int64_t *next)
{
    struct walk w = { each_assignment, (void *)cb, arg };
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
        rc = walk_rows(st, s, f->limit, 8, &w, next);
        sqlite3_reset(s);
    }
    db_read_end(st);
    return rc;
}
