/* oci_store.c - retry tokens and compartment parents, shared by the OCI families. */
#include "store_oci.h"

#include "db.h"

#include <stdlib.h>
#include <string.h>

void oci_retry_row_release(struct oci_retry_row *r)
{
    free(r->response);
    free(r->etag);
    r->response = NULL;
    r->etag = NULL;
}

static const char SQL_RETRY_GET[] =
    "SELECT body_sha256, status, response, etag FROM oci_retry_token "
    "WHERE tenancy = ?1 AND token = ?2 AND method = ?3 AND path = ?4";
static const char SQL_RETRY_PUT[] =
    "INSERT OR IGNORE INTO oci_retry_token (tenancy, token, method, path, body_sha256, status, "
    "response, etag, created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
static const char SQL_COMP_PUT[] =
    "INSERT INTO oci_compartment (id, parent_id, tenancy) VALUES (?1, ?2, ?3) "
    "ON CONFLICT(id) DO UPDATE SET parent_id = excluded.parent_id, tenancy = excluded.tenancy";
static const char SQL_COMP_PARENT[] = "SELECT parent_id FROM oci_compartment WHERE id = ?1";

/* clang-format off */
#define R(kind, f) DB_COL(struct oci_retry_row, kind, f)
static const struct db_col RETRY_COL[] = {
    R(DB_TEXT, body_sha256), R(DB_INT, status), R(DB_DUP, response), R(DB_DUP, etag) };
#undef R
/* clang-format on */
static const struct db_row RETRY = DB_ROW(struct oci_retry_row, RETRY_COL);

int store_oci_retry_get(struct store *st, const char *tenancy, const char *token,
                        const char *method, const char *path, struct oci_retry_row *out)
{
    int rc;

    memset(out, 0, sizeof(*out));
    db_read_begin(st);
    rc = db_row_get(st, SQL_RETRY_GET, &RETRY, out, 4, tenancy, token, method, path);
    db_read_end(st);
    return rc;
}

int store_oci_retry_put(struct store *st, const char *tenancy, const char *token,
                        const char *method, const char *path, const struct oci_retry_row *r,
                        int64_t now_ms)
{
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    if (db_tx_begin(st))
        return STORE_ERROR;
    s = db_stmt(st, SQL_RETRY_PUT);
    if (s) {
        db_bind_text(s, 1, tenancy);
        db_bind_text(s, 2, token);
        db_bind_text(s, 3, method);
        db_bind_text(s, 4, path);
        db_bind_text(s, 5, r->body_sha256);
        sqlite3_bind_int(s, 6, r->status);
        db_bind_text(s, 7, r->response);
        db_bind_text(s, 8, r->etag);
        sqlite3_bind_int64(s, 9, now_ms);
        if (!db_exec_stmt(st, s))
            rc = STORE_OK;
    }
    return db_tx_end(st, rc);
}

int store_oci_compartment_put(struct store *st, const char *id, const char *parent_id,
                              const char *tenancy)
{
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    if (db_tx_begin(st))
        return STORE_ERROR;
    s = db_stmt(st, SQL_COMP_PUT);
    if (s) {
        db_bind_text(s, 1, id);
        db_bind_text(s, 2, parent_id);
        db_bind_text(s, 3, tenancy);
        if (!db_exec_stmt(st, s))
            rc = STORE_OK;
    }
    return db_tx_end(st, rc);
}

int store_oci_compartment_parent(struct store *st, const char *id, char *parent, size_t n)
{
    sqlite3_stmt *s;
    int rc = STORE_NOT_FOUND;

    db_read_begin(st);
    s = db_stmt(st, SQL_COMP_PARENT);
    if (!s) {
        rc = STORE_ERROR;
    } else {
        db_bind_text(s, 1, id);
        if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL) {
            db_col_text(s, 0, parent, n);
            rc = STORE_OK;
        }
    }
    db_read_end(st);
    return rc;
}
