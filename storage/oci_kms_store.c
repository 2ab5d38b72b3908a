/* oci_kms_store.c - Vault vaults, keys and key versions in SQLite. */
#include "store_oci.h"

#include "db.h"

#include <string.h>

static const char SQL_KEY_REF[] =
    "SELECT k.id, k.vault_id, k.compartment_id, k.region, k.algorithm, k.lifecycle_state, "
    "(SELECT COUNT(*) FROM kms_key_version v WHERE v.key_id = k.id AND v.lifecycle_state NOT IN "
    "('DELETED', 'PENDING_DELETION', 'SCHEDULING_DELETION', 'DELETING')) "
    "FROM kms_key k WHERE k.id = ?1";

int store_kms_key_ref(struct store *st, const char *key_id, struct kms_key_ref *out)
{
    sqlite3_stmt *s;
    int rc = STORE_NOT_FOUND;

    memset(out, 0, sizeof(*out));
    db_read_begin(st);
    s = db_stmt(st, SQL_KEY_REF);
    if (!s) {
        rc = STORE_ERROR;
    } else {
        db_bind_text(s, 1, key_id);
        if (sqlite3_step(s) == SQLITE_ROW) {
            db_col_text(s, 0, out->id, sizeof(out->id));
            db_col_text(s, 1, out->vault_id, sizeof(out->vault_id));
            db_col_text(s, 2, out->compartment_id, sizeof(out->compartment_id));
            db_col_text(s, 3, out->region, sizeof(out->region));
            db_col_text(s, 4, out->algorithm, sizeof(out->algorithm));
            db_col_text(s, 5, out->lifecycle_state, sizeof(out->lifecycle_state));
            out->versions = sqlite3_column_int(s, 6);
            rc = STORE_OK;
        }
    }
    db_read_end(st);
    return rc;
}
