/* s3_bucket_store.c - S3 bucket rows: create, look up, delete (refused while objects remain),
 * list by account.
 * Default encryption lives in s3_encryption_store.c. */
#include "s3_store_locked.h"

#include <string.h>

static const char SQL_BUCKET_GET[] =
    "SELECT name, account, region, created_ms, kind FROM s3_bucket WHERE name = ?1";
static const char SQL_BUCKET_INSERT[] =
    "INSERT INTO s3_bucket (name, account, region, created_ms, kind) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_BUCKET_DELETE[] = "DELETE FROM s3_bucket WHERE name = ?1";
static const char SQL_BUCKET_HAS_OBJECTS[] = "SELECT 1 FROM s3_object WHERE bucket = ?1 LIMIT 1";
static const char SQL_BUCKET_LIST[] =
    "SELECT name, account, region, created_ms, kind FROM s3_bucket WHERE account = ?1 "
    "ORDER BY name";

void s3_bucket_from_row(sqlite3_stmt *s, struct s3_bucket_row *out)
{
    db_col_text(s, 0, out->name, sizeof(out->name));
    db_col_text(s, 1, out->account, sizeof(out->account));
    db_col_text(s, 2, out->region, sizeof(out->region));
    out->created_ms = sqlite3_column_int64(s, 3);
    db_col_text(s, 4, out->kind, sizeof(out->kind));
}

/* Looks a bucket up; the store must be locked. */
static int bucket_get_locked(struct store *st, const char *name, struct s3_bucket_row *out)
{
    sqlite3_stmt *s = db_stmt(st, SQL_BUCKET_GET);
    int rc;

    if (!s)
        return STORE_ERROR;
    db_bind_text(s, 1, name);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        if (out)
            s3_bucket_from_row(s, out);
        sqlite3_reset(s);
        return STORE_OK;
    }
    sqlite3_reset(s);
    if (rc == SQLITE_DONE)
        return STORE_NOT_FOUND;
    db_log_error(st, "s3 bucket get");
    return STORE_ERROR;
}

int store_s3_bucket_get(struct store *st, const char *name, struct s3_bucket_row *out)
{
    int rc;

    db_read_begin(st);
    rc = bucket_get_locked(st, name, out);
    db_read_end(st);
    return rc;
}

int store_s3_bucket_create(struct store *st, const struct s3_bucket_row *b,
                           struct s3_bucket_row *existing)
{
    sqlite3_stmt *s;
    int rc;

    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = bucket_get_locked(st, b->name, existing);
    if (rc == STORE_OK) {
        rc = STORE_EXISTS;
        goto out;
    }
    if (rc != STORE_NOT_FOUND)
        goto out;
    s = db_stmt(st, SQL_BUCKET_INSERT);
    if (!s) {
        rc = STORE_ERROR;
        goto out;
    }
    db_bind_text(s, 1, b->name);
    db_bind_text(s, 2, b->account);
    db_bind_text(s, 3, b->region);
    sqlite3_bind_int64(s, 4, b->created_ms);
    db_bind_text(s, 5, b->kind[0] ? b->kind : "general");
    rc = db_exec_stmt(st, s) ? STORE_ERROR : STORE_OK;
    sqlite3_reset(s);
out:
    return db_tx_end(st, rc);
}

int store_s3_bucket_delete(struct store *st, const char *name)
{
    sqlite3_stmt *s;
    int rc;

    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = bucket_get_locked(st, name, NULL);
    if (rc != STORE_OK)
        goto out;
    /* a bucket that still holds an object is not deleted: BucketNotEmpty */
    s = db_stmt(st, SQL_BUCKET_HAS_OBJECTS);
    if (!s) {
        rc = STORE_ERROR;
        goto out;
    }
    db_bind_text(s, 1, name);
    switch (sqlite3_step(s)) {
    case SQLITE_ROW:
        rc = STORE_CONFLICT;
        break;
    case SQLITE_DONE:
        break;
    default:
        db_log_error(st, "s3 bucket has objects");
        rc = STORE_ERROR;
        break;
    }
    sqlite3_reset(s);
    if (rc != STORE_OK)
        goto out;
    s = db_stmt(st, SQL_BUCKET_DELETE);
    if (!s) {
        rc = STORE_ERROR;
        goto out;
    }
    db_bind_text(s, 1, name);
    rc = db_exec_stmt(st, s) ? STORE_ERROR : STORE_OK;
    sqlite3_reset(s);
out:
    return db_tx_end(st, rc);
}

int store_s3_bucket_list(struct store *st, const char *account,
                         int (*cb)(void *arg, const struct s3_bucket_row *b), void *arg)
{
    sqlite3_stmt *s;
    struct s3_bucket_row row;
    int rc = STORE_OK;
    int step;

    db_read_begin(st);
    s = db_stmt(st, SQL_BUCKET_LIST);
    if (!s) {
        db_read_end(st);
        return STORE_ERROR;
    }
    db_bind_text(s, 1, account);
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        memset(&row, 0, sizeof(row));
        s3_bucket_from_row(s, &row);
        if (cb(arg, &row))
            break;
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE) {
        db_log_error(st, "s3 bucket list");
        rc = STORE_ERROR;
    }
    sqlite3_reset(s);
    db_read_end(st);
    return rc;
}
