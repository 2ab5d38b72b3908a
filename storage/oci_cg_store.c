/* oci_cg_store.c - Cloud Guard security zones, recipes and policies in SQLite. */
#include "store_cg.h"
#include "store_oci.h"

#include "db.h"

#include <string.h>

/* Zones never nest deeper than OCI's compartment depth limit (six levels). */
#define CG_MAX_DEPTH 16

static const char SQL_ZONE_OF[] =
    "SELECT z.display_name, z.lifecycle_state, "
    "EXISTS (SELECT 1 FROM cg_recipe_policy rp JOIN cg_security_policy p ON p.id = rp.policy_id "
    "        WHERE rp.recipe_id = z.recipe_id AND p.friendly_name = ?2) "
    "FROM cg_zone_compartment zc JOIN cg_security_zone z ON z.id = zc.zone_id "
    "WHERE zc.compartment_id = ?1";
static const char SQL_PARENT[] = "SELECT parent_id FROM oci_compartment WHERE id = ?1";

int store_cg_policy_applies_tx(struct store *st, const char *compartment_id,
                               const char *friendly_name, char *zone_name, size_t n)
{
    char cur[256];
    int rc = STORE_NOT_FOUND;

    if (!compartment_id || strlen(compartment_id) >= sizeof(cur))
        return STORE_NOT_FOUND;
    memcpy(cur, compartment_id, strlen(compartment_id) + 1);
    for (int depth = 0; depth < CG_MAX_DEPTH; depth++) {
        sqlite3_stmt *s = db_stmt(st, SQL_ZONE_OF);
        int found = 0;

        if (!s) {
            rc = STORE_ERROR;
            break;
        }
        db_bind_text(s, 1, cur);
        db_bind_text(s, 2, friendly_name);
        if (sqlite3_step(s) == SQLITE_ROW) {
            char state[32];

            found = 1;
            db_col_text(s, 1, state, sizeof(state));
            if (!strcmp(state, "ACTIVE") && sqlite3_column_int(s, 2)) {
                db_col_text(s, 0, zone_name, n);
                rc = STORE_OK;
            }
        }
        if (found)
            break; /* the nearest zone governs, whatever its recipe */
        s = db_stmt(st, SQL_PARENT);
        if (!s) {
            rc = STORE_ERROR;
            break;
        }
        db_bind_text(s, 1, cur);
        if (sqlite3_step(s) != SQLITE_ROW || sqlite3_column_type(s, 0) == SQLITE_NULL)
            break;
        db_col_text(s, 0, cur, sizeof(cur));
    }
    return rc;
}

int store_cg_policy_applies(struct store *st, const char *compartment_id, const char *friendly_name,
                            char *zone_name, size_t n)
{
    int rc;

    db_read_begin(st);
    rc = store_cg_policy_applies_tx(st, compartment_id, friendly_name, zone_name, n);
    db_read_end(st);
    return rc;
}
