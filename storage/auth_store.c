/* auth_store.c - the credential tables of --auth strict in SQLite. */
#include "store_auth.h"

#include "db.h"

#include <string.h>

static const char SQL_AWS_PUT[] =
    "INSERT OR REPLACE INTO emu_aws_credential (access_key_id, secret, account) "
    "VALUES (?1, ?2, ?3)";
static const char SQL_AWS_GET[] =
    "SELECT access_key_id, secret, account FROM emu_aws_credential WHERE access_key_id = ?1";
static const char SQL_OCI_PUT[] =
    "INSERT OR REPLACE INTO emu_oci_api_key (tenancy, user, fingerprint, public_key_pem) "
    "VALUES (?1, ?2, ?3, ?4)";
static const char SQL_OCI_GET[] = "SELECT public_key_pem FROM emu_oci_api_key WHERE tenancy = ?1 "
                                  "AND user = ?2 AND fingerprint = ?3";

int store_auth_aws_put(struct store *st, const struct store_aws_credential *c)
{
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    if (db_tx_begin(st))
        return STORE_ERROR;
    s = db_stmt(st, SQL_AWS_PUT);
    if (s) {
        db_bind_text(s, 1, c->access_key_id);
        db_bind_text(s, 2, c->secret);
        db_bind_text(s, 3, c->account);
        rc = db_exec_stmt(st, s) ? STORE_ERROR : STORE_OK;
    }
    return db_tx_end(st, rc);
}

int store_auth_aws_get(struct store *st, const char *access_key_id,
                       struct store_aws_credential *out)
{
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    memset(out, 0, sizeof(*out));
    db_read_begin(st);
    s = db_stmt(st, SQL_AWS_GET);
    if (s) {
        int step;

        db_bind_text(s, 1, access_key_id);
        step = sqlite3_step(s);
        if (step == SQLITE_ROW) {
            db_col_text(s, 0, out->access_key_id, sizeof(out->access_key_id));
            db_col_text(s, 1, out->secret, sizeof(out->secret));
            db_col_text(s, 2, out->account, sizeof(out->account));
            rc = STORE_OK;
        } else if (step == SQLITE_DONE) {
            rc = STORE_NOT_FOUND;
        } else {
            db_log_error(st, SQL_AWS_GET);
        }
    }
    db_read_end(st);
    return rc;
}

int store_auth_oci_put(struct store *st, const char *tenancy, const char *user,
                       const char *fingerprint, const char *public_key_pem)
{
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    if (db_tx_begin(st))
        return STORE_ERROR;
    s = db_stmt(st, SQL_OCI_PUT);
    if (s) {
        db_bind_text(s, 1, tenancy);
        db_bind_text(s, 2, user);
        db_bind_text(s, 3, fingerprint);
        db_bind_text(s, 4, public_key_pem);
        rc = db_exec_stmt(st, s) ? STORE_ERROR : STORE_OK;
    }
    return db_tx_end(st, rc);
}

int store_auth_oci_get(struct store *st, const char *tenancy, const char *user,
                       const char *fingerprint, char **pem)
{
    sqlite3_stmt *s;
    int rc = STORE_ERROR;

    *pem = NULL;
    db_read_begin(st);
    s = db_stmt(st, SQL_OCI_GET);
    if (s) {
        int step;

        db_bind_text(s, 1, tenancy);
        db_bind_text(s, 2, user);
        db_bind_text(s, 3, fingerprint);
        step = sqlite3_step(s);
        if (step == SQLITE_ROW) {
            *pem = db_col_dup(s, 0);
            rc = *pem ? STORE_OK : STORE_ERROR;
        } else if (step == SQLITE_DONE) {
            rc = STORE_NOT_FOUND;
        } else {
            db_log_error(st, SQL_OCI_GET);
        }
    }
    db_read_end(st);
    return rc;
}
