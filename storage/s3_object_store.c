/* s3_object_store.c - S3 object rows: write (create or replace), read, delete and the ordered
 * walk ListObjectsV2 pages through. Content lives in the row (single-part objects). */
#include "db.h"
#include "store_s3.h"

#include <stdlib.h>
#include <string.h>

static const char SQL_BUCKET_EXISTS[] = "SELECT 1 FROM s3_bucket WHERE name = ?1";
static const char SQL_OBJECT_PUT[] =
    "INSERT INTO s3_object (bucket, key, size, etag, last_modified_ms, headers, storage_class, "
    "sse_algorithm, kms_key_arn, bucket_key, ssec_algorithm, ssec_key_md5, checksum_alg, "
    "checksum_value, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
    "?15) ON CONFLICT (bucket, key) DO UPDATE SET size = excluded.size, etag = excluded.etag, "
    "last_modified_ms = excluded.last_modified_ms, headers = excluded.headers, "
    "storage_class = excluded.storage_class, sse_algorithm = excluded.sse_algorithm, "
    "kms_key_arn = excluded.kms_key_arn, bucket_key = excluded.bucket_key, "
    "ssec_algorithm = excluded.ssec_algorithm, ssec_key_md5 = excluded.ssec_key_md5, "
    "checksum_alg = excluded.checksum_alg, checksum_value = excluded.checksum_value, "
    "body = excluded.body";
static const char SQL_OBJECT_GET[] =
    "SELECT key, size, etag, last_modified_ms, headers, storage_class, sse_algorithm, "
    "kms_key_arn, bucket_key, ssec_algorithm, ssec_key_md5, checksum_alg, checksum_value "
    "FROM s3_object WHERE bucket = ?1 AND key = ?2";
static const char SQL_OBJECT_BODY[] = "SELECT body FROM s3_object WHERE bucket = ?1 AND key = ?2";
static const char SQL_OBJECT_DELETE[] = "DELETE FROM s3_object WHERE bucket = ?1 AND key = ?2";
static const char SQL_OBJECT_LIST[] =
    "SELECT key, size, etag, last_modified_ms, storage_class FROM s3_object "
    "WHERE bucket = ?1 AND key >= ?2 AND key > ?3 ORDER BY key";

void s3_object_row_init(struct s3_object_row *o)
{
    memset(o, 0, sizeof(*o));
}

void s3_object_row_release(struct s3_object_row *o)
{
    free(o->headers);
    free(o->body);
    s3_object_row_init(o);
}

/* STORE_OK when the bucket exists, STORE_NOT_FOUND, or STORE_ERROR; the store is locked. */
static int bucket_exists_locked(struct store *st, const char *bucket)
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
    db_log_error(st, "s3 object bucket exists");
    return STORE_ERROR;
}

static const char *or_null(const char *s)
{
    return s && *s ? s : NULL;
}

int store_s3_object_put(struct store *st, const char *bucket, const struct s3_object_row *o,
                        const void *body, size_t body_len)
{
    sqlite3_stmt *s;
    int rc;

    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = bucket_exists_locked(st, bucket);
    if (rc != STORE_OK)
        goto out;
    s = db_stmt(st, SQL_OBJECT_PUT);
    if (!s) {
        rc = STORE_ERROR;
        goto out;
    }
    db_bind_text(s, 1, bucket);
    db_bind_text(s, 2, o->key);
    sqlite3_bind_int64(s, 3, o->size);
    db_bind_text(s, 4, o->etag);
    sqlite3_bind_int64(s, 5, o->last_modified_ms);
    db_bind_text(s, 6, o->headers ? o->headers : "{}");
    db_bind_text(s, 7, o->storage_class);
    db_bind_text(s, 8, o->sse_algorithm);
    db_bind_text(s, 9, or_null(o->kms_key_arn));
    sqlite3_bind_int(s, 10, o->bucket_key ? 1 : 0);
    db_bind_text(s, 11, or_null(o->ssec_algorithm));
    db_bind_text(s, 12, or_null(o->ssec_key_md5));
    db_bind_text(s, 13, or_null(o->checksum_alg));
    db_bind_text(s, 14, or_null(o->checksum_value));
    sqlite3_bind_blob64(s, 15, body_len ? body : "", (sqlite3_uint64)body_len, SQLITE_STATIC);
    rc = db_exec_stmt(st, s) ? STORE_ERROR : STORE_OK;
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
out:
    return db_tx_end(st, rc);
}

/* Loads the content of the object into out; the store is locked. */
static int body_locked(struct store *st, const char *bucket, const char *key,
                       struct s3_object_row *out)
{
    sqlite3_stmt *s = db_stmt(st, SQL_OBJECT_BODY);
    int rc = STORE_OK;

    if (!s)
        return STORE_ERROR;
    db_bind_text(s, 1, bucket);
    db_bind_text(s, 2, key);
    if (sqlite3_step(s) == SQLITE_ROW) {
        const void *p = sqlite3_column_blob(s, 0);
        size_t n = (size_t)sqlite3_column_bytes(s, 0);

        out->body = malloc(n + 1);
        if (!out->body) {
            rc = STORE_ERROR;
        } else {
            if (n)
                memcpy(out->body, p, n);
            out->body[n] = '\0';
            out->body_len = n;
        }
    } else {
        rc = STORE_NOT_FOUND;
    }
    sqlite3_reset(s);
    return rc;
}

int store_s3_object_get(struct store *st, const char *bucket, const char *key, int with_body,
                        struct s3_object_row *out)
{
    sqlite3_stmt *s;
    int rc = STORE_NOT_FOUND;
    int step;

    s3_object_row_release(out);
    db_read_begin(st);
    s = db_stmt(st, SQL_OBJECT_GET);
    if (!s) {
        db_read_end(st);
        return STORE_ERROR;
    }
    db_bind_text(s, 1, bucket);
    db_bind_text(s, 2, key);
    step = sqlite3_step(s);
    if (step == SQLITE_ROW) {
        db_col_text(s, 0, out->key, sizeof(out->key));
        out->size = sqlite3_column_int64(s, 1);
        db_col_text(s, 2, out->etag, sizeof(out->etag));
        out->last_modified_ms = sqlite3_column_int64(s, 3);
        out->headers = db_col_dup(s, 4);
        db_col_text(s, 5, out->storage_class, sizeof(out->storage_class));
        db_col_text(s, 6, out->sse_algorithm, sizeof(out->sse_algorithm));
        db_col_text(s, 7, out->kms_key_arn, sizeof(out->kms_key_arn));
        out->bucket_key = sqlite3_column_int(s, 8) != 0;
        db_col_text(s, 9, out->ssec_algorithm, sizeof(out->ssec_algorithm));
        db_col_text(s, 10, out->ssec_key_md5, sizeof(out->ssec_key_md5));
        db_col_text(s, 11, out->checksum_alg, sizeof(out->checksum_alg));
        db_col_text(s, 12, out->checksum_value, sizeof(out->checksum_value));
        rc = out->headers ? STORE_OK : STORE_ERROR;
    } else if (step != SQLITE_DONE) {
        db_log_error(st, "s3 object get");
        rc = STORE_ERROR;
    }
    sqlite3_reset(s);
    if (rc == STORE_OK && with_body)
        rc = body_locked(st, bucket, key, out);
    db_read_end(st);
    if (rc != STORE_OK)
        s3_object_row_release(out);
    return rc;
}

int store_s3_object_delete(struct store *st, const char *bucket, const char *key)
{
    sqlite3_stmt *s;
    int rc;

    if (db_tx_begin(st))
        return STORE_ERROR;
    s = db_stmt(st, SQL_OBJECT_DELETE);
    if (!s)
        return db_tx_end(st, STORE_ERROR);
    db_bind_text(s, 1, bucket);
    db_bind_text(s, 2, key);
    rc = db_exec_stmt(st, s) ? STORE_ERROR : STORE_OK;
    sqlite3_reset(s);
    return db_tx_end(st, rc);
}

int store_s3_object_list(struct store *st, const char *bucket, const char *prefix,
                         const char *after, int (*cb)(void *arg, const struct s3_object_row *o),
                         void *arg)
{
    struct s3_object_row *row;
    size_t plen = strlen(prefix);
    sqlite3_stmt *s;
    int rc = STORE_OK;
    int step;

    row = malloc(sizeof(*row));
    if (!row)
        return STORE_ERROR;
    db_read_begin(st);
    s = db_stmt(st, SQL_OBJECT_LIST);
    if (!s) {
        db_read_end(st);
        free(row);
        return STORE_ERROR;
    }
    db_bind_text(s, 1, bucket);
    db_bind_text(s, 2, prefix);
    db_bind_text(s, 3, after);
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(s, 0);

        /* keys are ordered bytewise, so the first key without the prefix ends the range */
        if (!key || strncmp(key, prefix, plen))
            break;
        s3_object_row_init(row);
        db_col_text(s, 0, row->key, sizeof(row->key));
        row->size = sqlite3_column_int64(s, 1);
        db_col_text(s, 2, row->etag, sizeof(row->etag));
        row->last_modified_ms = sqlite3_column_int64(s, 3);
        db_col_text(s, 4, row->storage_class, sizeof(row->storage_class));
        if (cb(arg, row))
            break;
    }
    if (step != SQLITE_ROW && step != SQLITE_DONE) {
        db_log_error(st, "s3 object list");
        rc = STORE_ERROR;
    }
    sqlite3_reset(s);
    db_read_end(st);
    free(row);
    return rc;
}
