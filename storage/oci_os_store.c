/* oci_os_store.c - Object Storage buckets in SQLite. Every write is one transaction that also
 * runs the caller's change callback, so the if-match check and the rules see what is written. */
#include "store_os.h"

#include "db.h"

#include <stdlib.h>
#include <string.h>

#define BUCKET_COLS                                                                      \
    "id, namespace, region, name, compartment_id, created_by, time_created_ms, etag, "   \
    "metadata, public_access_type, storage_tier, object_events_enabled, freeform_tags, " \
    "defined_tags, kms_key_id, is_bucket_key_enabled, versioning, auto_tiering"

static const char SQL_GET[] = "SELECT " BUCKET_COLS " FROM os_bucket "
                              "WHERE namespace = ?1 AND region = ?2 AND name = ?3";
static const char SQL_TAKEN[] = "SELECT 1 FROM os_bucket "
                                "WHERE namespace = ?1 AND region = ?2 AND name = ?3 AND id <> ?4";
static const char SQL_INSERT[] = "INSERT INTO os_bucket (" BUCKET_COLS ") VALUES (?1, ?2, ?3, ?4, "
                                 "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)";
static const char SQL_UPDATE[] =
    "UPDATE os_bucket SET namespace = ?2, region = ?3, name = ?4, compartment_id = ?5, "
    "created_by = ?6, time_created_ms = ?7, etag = ?8, metadata = ?9, public_access_type = ?10, "
    "storage_tier = ?11, object_events_enabled = ?12, freeform_tags = ?13, defined_tags = ?14, "
    "kms_key_id = ?15, is_bucket_key_enabled = ?16, versioning = ?17, auto_tiering = ?18 "
    "WHERE id = ?1";
static const char SQL_DELETE[] = "DELETE FROM os_bucket WHERE id = ?1";
static const char SQL_LIST[] = "SELECT " BUCKET_COLS " FROM os_bucket "
                               "WHERE namespace = ?1 AND region = ?2 AND compartment_id = ?3 "
                               "AND name >= ?4 ORDER BY name LIMIT ?5";

void os_bucket_init(struct os_bucket *b)
{
    memset(b, 0, sizeof(*b));
}

void os_bucket_release(struct os_bucket *b)
{
    free(b->metadata);
    free(b->freeform_tags);
    free(b->defined_tags);
    b->metadata = NULL;
    b->freeform_tags = NULL;
    b->defined_tags = NULL;
}

int os_bucket_set_text(char **slot, const char *text)
{
    char *copy = strdup(text ? text : "{}");

    if (!copy)
        return -1;
    free(*slot);
    *slot = copy;
    return 0;
}

/* The row table, in the order of BUCKET_COLS. */
/* clang-format off */
#define B(kind, f) DB_COL(struct os_bucket, kind, f)
static const struct db_col BUCKET_COL[] = {
    B(DB_TEXT, id), B(DB_TEXT, ns), B(DB_TEXT, region), B(DB_TEXT, name),
    B(DB_TEXT, compartment_id), B(DB_TEXT, created_by), B(DB_INT, time_created_ms),
    B(DB_TEXT, etag), B(DB_DUP_OBJ, metadata), B(DB_TEXT, public_access_type),
    B(DB_TEXT, storage_tier), B(DB_INT, object_events_enabled), B(DB_DUP_OBJ, freeform_tags),
    B(DB_DUP_OBJ, defined_tags), B(DB_TEXT_OPT, kms_key_id), B(DB_INT, is_bucket_key_enabled),
    B(DB_TEXT, versioning), B(DB_TEXT, auto_tiering) };
#undef B
/* clang-format on */
static const struct db_row BUCKET = DB_ROW(struct os_bucket, BUCKET_COL);

/* Loads a bucket with the store locked. */
static int get_locked(struct store *st, const char *ns, const char *region, const char *name,
                      struct os_bucket *out)
{
    return db_row_get(st, SQL_GET, &BUCKET, out, 3, ns, region, name);
}

/* STORE_EXISTS when another bucket than b's id holds its name in the namespace and region,
 * STORE_OK when none does, or STORE_ERROR. */
static int name_free(struct store *st, const struct os_bucket *b)
{
    int rc = db_row_get(st, SQL_TAKEN, NULL, NULL, 4, b->ns, b->region, b->name, b->id);

    return rc == STORE_OK ? STORE_EXISTS : rc == STORE_NOT_FOUND ? STORE_OK : rc;
}

int store_os_bucket_create(struct store *st, struct os_bucket *b, store_os_change_fn *check,
                           void *arg)
{
    int rc;

    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = name_free(st, b);
    if (rc == STORE_OK && check && check(st, arg, b))
        rc = STORE_CONFLICT;
    if (rc == STORE_OK)
        rc = db_row_write(st, SQL_INSERT, &BUCKET, b);
    return db_tx_end(st, rc);
}

int store_os_bucket_get(struct store *st, const char *ns, const char *region, const char *name,
                        struct os_bucket *out)
{
    int rc;

    db_read_begin(st);
    rc = get_locked(st, ns, region, name, out);
    db_read_end(st);
    return rc;
}

int store_os_bucket_update(struct store *st, const char *ns, const char *region, const char *name,
                           const char *if_match, store_os_change_fn *change, void *arg,
                           struct os_bucket *out)
{
    int rc;

    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = get_locked(st, ns, region, name, out);
    rc = db_if_match(rc, if_match, out->etag);
    if (rc == STORE_OK && change && change(st, arg, out))
        rc = STORE_CONFLICT;
    if (rc == STORE_OK)
        rc = name_free(st, out);
    if (rc == STORE_OK)
        rc = db_row_write(st, SQL_UPDATE, &BUCKET, out);
    /* a refused change leaves the stored bucket as it was: reload what the caller sees */
    if (rc == STORE_CONFLICT || rc == STORE_EXISTS)
        (void)get_locked(st, ns, region, name, out);
    return db_tx_end(st, rc);
}

int store_os_bucket_delete(struct store *st, const char *ns, const char *region, const char *name,
                           const char *if_match)
{
    struct os_bucket b;
    int rc;

    os_bucket_init(&b);
    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = get_locked(st, ns, region, name, &b);
    rc = db_if_match(rc, if_match, b.etag);
    if (rc == STORE_OK)
        rc = db_exec_text(st, SQL_DELETE, 1, b.id);
    os_bucket_release(&b);
    return db_tx_end(st, rc);
}

int store_os_bucket_list(struct store *st, const char *ns, const char *region,
                         const char *compartment_id, const char *from, int limit,
                         struct os_bucket **out, size_t *n, char *next, size_t nn)
{
    void *rows = NULL;
    sqlite3_stmt *s;
    int more = 0;
    int rc = STORE_ERROR;

    *n = 0;
    if (nn)
        next[0] = '\0';
    db_read_begin(st);
    s = db_stmt(st, SQL_LIST);
    if (s) {
        db_bind_text(s, 1, ns);
        db_bind_text(s, 2, region);
        db_bind_text(s, 3, compartment_id);
        db_bind_text(s, 4, from ? from : "");
        sqlite3_bind_int(s, 5, limit + 1);
        rc = db_row_list(st, s, &BUCKET, limit, &rows, n, &more);
        /* the page token is the name of the row after the page */
        if (more)
            db_col_text(s, 3, next, nn);
        sqlite3_reset(s);
    }
    db_read_end(st);
    *out = rows;
    return rc;
}

void os_bucket_list_free(struct os_bucket *list, size_t n)
{
    for (size_t i = 0; list && i < n; i++)
        os_bucket_release(&list[i]);
    free(list);
}
