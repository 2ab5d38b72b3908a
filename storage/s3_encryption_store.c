/* s3_encryption_store.c - a bucket's explicit default-encryption configuration
 * (PutBucketEncryption / GetBucketEncryption / DeleteBucketEncryption). A missing row means
 * the bucket answers the AES256 default. */
#include "s3_store_locked.h"

#include <stdlib.h>
#include <string.h>

static const char SQL_BUCKET_EXISTS[] = "SELECT 1 FROM s3_bucket WHERE name = ?1";
/* the bucket and its configuration in one statement: no row, no bucket; a NULL algorithm, no
 * configuration (sse_algorithm is NOT NULL in a stored one) */
static const char SQL_ENC_GET[] =
    "SELECT e.sse_algorithm, e.kms_master_key_id, e.bucket_key_enabled, e.blocked_types "
    "FROM s3_bucket b LEFT JOIN s3_bucket_encryption e ON e.bucket = b.name WHERE b.name = ?1";
static const char SQL_BUCKET_ENC_GET[] =
    "SELECT b.name, b.account, b.region, b.created_ms, b.kind, e.sse_algorithm, "
    "e.kms_master_key_id, e.bucket_key_enabled, e.blocked_types "
    "FROM s3_bucket b LEFT JOIN s3_bucket_encryption e ON e.bucket = b.name WHERE b.name = ?1";
static const char SQL_ENC_PUT[] =
    "INSERT INTO s3_bucket_encryption (bucket, sse_algorithm, kms_master_key_id, "
    "bucket_key_enabled, blocked_types) VALUES (?1, ?2, ?3, ?4, ?5) "
    "ON CONFLICT (bucket) DO UPDATE SET sse_algorithm = excluded.sse_algorithm, "
    "kms_master_key_id = excluded.kms_master_key_id, "
    "bucket_key_enabled = excluded.bucket_key_enabled, blocked_types = excluded.blocked_types";
static const char SQL_ENC_DELETE[] = "DELETE FROM s3_bucket_encryption WHERE bucket = ?1";

void s3_sse_row_init(struct s3_sse_row *r)
{
    memset(r, 0, sizeof(*r));
    r->bucket_key_enabled = -1;
}

void s3_sse_row_release(struct s3_sse_row *r)
{
    free(r->kms_key_id);
    free(r->blocked_types);
    s3_sse_row_init(r);
}

int s3_bucket_exists_locked(struct store *st, const char *bucket)
{
    sqlite3_stmt *s = db_stmt(st, SQL_BUCKET_EXISTS);
    int rc;

    if (!s)
        return STORE_ERROR;
    db_bind_text(s, 1, bucket);
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc == SQLITE_ROW)
        return STORE_OK;
    if (rc == SQLITE_DONE)
        return STORE_NOT_FOUND;
    db_log_error(st, "s3 bucket exists");
    return STORE_ERROR;
}

/* The configuration in columns from..from+3 of the current row (NULLs: none). */
static void sse_from_row(sqlite3_stmt *s, int from, struct s3_sse_row *out)
{
    db_col_text(s, from, out->algorithm, sizeof(out->algorithm));
    out->kms_key_id = db_col_dup(s, from + 1);
    out->bucket_key_enabled =
        sqlite3_column_type(s, from + 2) == SQLITE_NULL ? -1 : sqlite3_column_int(s, from + 2) != 0;
    out->blocked_types = db_col_dup(s, from + 3);
}

/* One row of sql (?1 = bucket): the bucket's columns first when b is not NULL, then the
 * configuration's. */
static int read_one(struct store *st, const char *sql, const char *bucket, struct s3_bucket_row *b,
                    struct s3_sse_row *out)
{
    sqlite3_stmt *s;
    int rc = STORE_OK;
    int step;

    s3_sse_row_release(out);
    db_read_begin(st);
    s = db_stmt(st, sql);
    if (!s) {
        rc = STORE_ERROR;
        goto out;
    }
    db_bind_text(s, 1, bucket);
    step = sqlite3_step(s);
    if (step == SQLITE_ROW) {
        if (b)
            s3_bucket_from_row(s, b);
        sse_from_row(s, b ? 5 : 0, out);
    } else if (step == SQLITE_DONE) {
        rc = STORE_NOT_FOUND;
    } else {
        db_log_error(st, "s3 encryption get");
        rc = STORE_ERROR;
    }
    sqlite3_reset(s);
out:
    db_read_end(st);
    if (rc != STORE_OK)
        s3_sse_row_release(out);
    return rc;
}

int store_s3_encryption_get(struct store *st, const char *bucket, struct s3_sse_row *out)
{
    return read_one(st, SQL_ENC_GET, bucket, NULL, out);
}

int store_s3_bucket_get_sse(struct store *st, const char *name, struct s3_bucket_row *b,
                            struct s3_sse_row *out)
{
    return read_one(st, SQL_BUCKET_ENC_GET, name, b, out);
}

int s3_encryption_put_locked(struct store *st, const char *bucket, const struct s3_sse_row *r)
{
    sqlite3_stmt *s = db_stmt(st, SQL_ENC_PUT);
    int rc;

    if (!s)
        return STORE_ERROR;
    db_bind_text(s, 1, bucket);
    db_bind_text(s, 2, r->algorithm);
    db_bind_text(s, 3, r->kms_key_id);
    if (r->bucket_key_enabled < 0)
        sqlite3_bind_null(s, 4);
    else
        sqlite3_bind_int(s, 4, r->bucket_key_enabled != 0);
    db_bind_text(s, 5, r->blocked_types);
    rc = db_exec_stmt(st, s) ? STORE_ERROR : STORE_OK;
    sqlite3_reset(s);
    return rc;
}

int store_s3_encryption_put(struct store *st, const char *bucket, const struct s3_sse_row *r)
{
    int rc;

    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = s3_bucket_exists_locked(st, bucket);
    if (rc == STORE_OK)
        rc = s3_encryption_put_locked(st, bucket, r);
    return db_tx_end(st, rc);
}

int store_s3_encryption_delete(struct store *st, const char *bucket)
{
    sqlite3_stmt *s;
    int rc;

    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = s3_bucket_exists_locked(st, bucket);
    if (rc != STORE_OK)
        goto out;
    s = db_stmt(st, SQL_ENC_DELETE);
    if (!s) {
        rc = STORE_ERROR;
        goto out;
    }
    db_bind_text(s, 1, bucket);
    rc = db_exec_stmt(st, s) ? STORE_ERROR : STORE_OK;
    sqlite3_reset(s);
out:
    return db_tx_end(st, rc);
}
