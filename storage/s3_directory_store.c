/* s3_directory_store.c - directory buckets' own rows (zone, redundancy, the customer managed key
 * of their lifetime) and CreateSession sessions. */
#include "s3_store_locked.h"

#include <string.h>

static const char SQL_BUCKET_GET[] =
    "SELECT name, account, region, created_ms, kind FROM s3_bucket WHERE name = ?1";
static const char SQL_BUCKET_INSERT[] =
    "INSERT INTO s3_bucket (name, account, region, created_ms, kind) "
    "VALUES (?1, ?2, ?3, ?4, 'directory')";
static const char SQL_DIR_INSERT[] =
    "INSERT INTO s3_directory_bucket (bucket, location_type, location_name, data_redundancy) "
    "VALUES (?1, ?2, ?3, ?4)";
static const char SQL_DIR_GET[] =
    "SELECT location_type, location_name, data_redundancy, kms_key_arn "
    "FROM s3_directory_bucket WHERE bucket = ?1";
static const char SQL_DIR_SET_KEY[] =
    "UPDATE s3_directory_bucket SET kms_key_arn = ?2 WHERE bucket = ?1";
static const char SQL_SESSION_PURGE[] = "DELETE FROM s3_session WHERE expires_ms < ?1";
static const char SQL_SESSION_INSERT[] =
    "INSERT INTO s3_session (token, bucket, account, access_key_id, mode, expires_ms) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char SQL_SESSION_GET[] =
    "SELECT token, bucket, account, access_key_id, mode, expires_ms FROM s3_session "
    "WHERE token = ?1";

/* The store is locked. */
static int bucket_get_locked(struct store *st, const char *name, struct s3_bucket_row *out)
{
    sqlite3_stmt *s = db_stmt(st, SQL_BUCKET_GET);
    int rc;

    if (!s)
        return STORE_ERROR;
    db_bind_text(s, 1, name);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW && out) {
        db_col_text(s, 0, out->name, sizeof(out->name));
        db_col_text(s, 1, out->account, sizeof(out->account));
        db_col_text(s, 2, out->region, sizeof(out->region));
        out->created_ms = sqlite3_column_int64(s, 3);
        db_col_text(s, 4, out->kind, sizeof(out->kind));
    }
    sqlite3_reset(s);
    if (rc == SQLITE_ROW)
        return STORE_OK;
    if (rc == SQLITE_DONE)
        return STORE_NOT_FOUND;
    db_log_error(st, "s3 directory bucket get");
    return STORE_ERROR;
}

int store_s3_directory_bucket_create(struct store *st, const struct s3_bucket_row *b,
                                     const struct s3_directory_row *d,
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
    rc = db_exec_stmt(st, s) ? STORE_ERROR : STORE_OK;
    sqlite3_reset(s);
    if (rc != STORE_OK)
        goto out;
    s = db_stmt(st, SQL_DIR_INSERT);
    if (!s) {
        rc = STORE_ERROR;
        goto out;
    }
    db_bind_text(s, 1, b->name);
    db_bind_text(s, 2, d->location_type);
    db_bind_text(s, 3, d->location_name);
    db_bind_text(s, 4, d->data_redundancy);
    rc = db_exec_stmt(st, s) ? STORE_ERROR : STORE_OK;
    sqlite3_reset(s);
out:
    return db_tx_end(st, rc);
}

/* The store is locked. */
static int directory_get_locked(struct store *st, const char *bucket, struct s3_directory_row *out)
{
    sqlite3_stmt *s = db_stmt(st, SQL_DIR_GET);
    int rc;

    if (!s)
        return STORE_ERROR;
    memset(out, 0, sizeof(*out));
    db_bind_text(s, 1, bucket);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        db_col_text(s, 0, out->location_type, sizeof(out->location_type));
        db_col_text(s, 1, out->location_name, sizeof(out->location_name));
        db_col_text(s, 2, out->data_redundancy, sizeof(out->data_redundancy));
        db_col_text(s, 3, out->kms_key_arn, sizeof(out->kms_key_arn));
    }
    sqlite3_reset(s);
    if (rc == SQLITE_ROW)
        return STORE_OK;
    if (rc == SQLITE_DONE)
        return STORE_NOT_FOUND;
    db_log_error(st, "s3 directory get");
    return STORE_ERROR;
}

int store_s3_directory_get(struct store *st, const char *bucket, struct s3_directory_row *out)
{
    int rc;

    db_read_begin(st);
    rc = directory_get_locked(st, bucket, out);
    db_read_end(st);
    return rc;
}

int store_s3_directory_encryption_put(struct store *st, const char *bucket,
                                      const struct s3_sse_row *r, const char *key_arn)
{
    struct s3_directory_row d;
    sqlite3_stmt *s;
    int rc;

    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = directory_get_locked(st, bucket, &d);
    if (rc != STORE_OK)
        goto out;
    /* one customer managed key per directory bucket's lifetime (s3-spec §3) */
    if (key_arn && d.kms_key_arn[0] && strcmp(d.kms_key_arn, key_arn)) {
        rc = STORE_CONFLICT;
        goto out;
    }
    rc = s3_encryption_put_locked(st, bucket, r);
    if (rc != STORE_OK || !key_arn || d.kms_key_arn[0])
        goto out;
    s = db_stmt(st, SQL_DIR_SET_KEY);
    if (!s) {
        rc = STORE_ERROR;
        goto out;
    }
    db_bind_text(s, 1, bucket);
    db_bind_text(s, 2, key_arn);
    rc = db_exec_stmt(st, s) ? STORE_ERROR : STORE_OK;
    sqlite3_reset(s);
out:
    return db_tx_end(st, rc);
}

int store_s3_session_create(struct store *st, const struct s3_session_row *r, int64_t now_ms)
{
    sqlite3_stmt *s;
    int rc;

    if (db_tx_begin(st))
        return STORE_ERROR;
    s = db_stmt(st, SQL_SESSION_PURGE);
    if (!s)
        return db_tx_end(st, STORE_ERROR);
    sqlite3_bind_int64(s, 1, now_ms);
    rc = db_exec_stmt(st, s) ? STORE_ERROR : STORE_OK;
    sqlite3_reset(s);
    if (rc != STORE_OK)
        return db_tx_end(st, rc);
    s = db_stmt(st, SQL_SESSION_INSERT);
    if (!s)
        return db_tx_end(st, STORE_ERROR);
    db_bind_text(s, 1, r->token);
    db_bind_text(s, 2, r->bucket);
    db_bind_text(s, 3, r->account);
    db_bind_text(s, 4, r->access_key_id);
    db_bind_text(s, 5, r->mode);
    sqlite3_bind_int64(s, 6, r->expires_ms);
    rc = db_exec_stmt(st, s) ? STORE_ERROR : STORE_OK;
    sqlite3_reset(s);
    return db_tx_end(st, rc);
}

int store_s3_session_get(struct store *st, const char *token, struct s3_session_row *out)
{
    sqlite3_stmt *s;
    int rc;

    db_read_begin(st);
    s = db_stmt(st, SQL_SESSION_GET);
    if (!s) {
        db_read_end(st);
        return STORE_ERROR;
    }
    memset(out, 0, sizeof(*out));
    db_bind_text(s, 1, token);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        db_col_text(s, 0, out->token, sizeof(out->token));
        db_col_text(s, 1, out->bucket, sizeof(out->bucket));
        db_col_text(s, 2, out->account, sizeof(out->account));
        db_col_text(s, 3, out->access_key_id, sizeof(out->access_key_id));
        db_col_text(s, 4, out->mode, sizeof(out->mode));
        out->expires_ms = sqlite3_column_int64(s, 5);
    }
    sqlite3_reset(s);
    db_read_end(st);
    if (rc == SQLITE_ROW)
        return STORE_OK;
    if (rc == SQLITE_DONE)
        return STORE_NOT_FOUND;
    return STORE_ERROR;
}
