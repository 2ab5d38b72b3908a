/* oci_cg_store.c - Cloud Guard security zones, recipes and policies in SQLite. */
#include "store_cg.h"
#include "store_oci.h"

#include "db.h"

#include <stdlib.h>
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

static int policy_applies_locked(struct store *st, const char *compartment_id,
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
    rc = policy_applies_locked(st, compartment_id, friendly_name, zone_name, n);
    db_read_end(st);
    return rc;
}

/* ---- policies ---------------------------------------------------------------------------- */

static const char SQL_POLICY_LIST[] =
    "SELECT id, friendly_name, display_name, description, category, services "
    "FROM cg_security_policy ORDER BY friendly_name";
static const char SQL_POLICY_GET[] =
    "SELECT id, friendly_name, display_name, description, category, services "
    "FROM cg_security_policy WHERE id = ?1";

/* clang-format off */
#define P(kind, f) DB_COL(struct cg_policy, kind, f)
static const struct db_col POLICY_COL[] = {
    P(DB_TEXT, id), P(DB_TEXT, friendly_name), P(DB_TEXT, display_name), P(DB_TEXT, description),
    P(DB_TEXT, category), P(DB_TEXT, services) };
#undef P
/* clang-format on */
static const struct db_row POLICY = DB_ROW(struct cg_policy, POLICY_COL);

/* Reads up to limit rows (-1: all) of a list query through t into *out; tenancy and
 * compartment_id, when not NULL, are its ?1 and ?2. */
static int list_rows(struct store *st, const char *sql, const struct db_row *t, int limit,
                     const char *tenancy, const char *compartment_id, void **out, size_t *n)
{
    sqlite3_stmt *s;
    int more;
    int rc = STORE_ERROR;

    *out = NULL;
    *n = 0;
    db_read_begin(st);
    s = db_stmt(st, sql);
    if (s) {
        if (tenancy) {
            db_bind_text(s, 1, tenancy);
            db_bind_text(s, 2, compartment_id);
        }
        rc = db_row_list(st, s, t, limit, out, n, &more);
        sqlite3_reset(s);
    }
    db_read_end(st);
    return rc;
}

int store_cg_policy_list(struct store *st, struct cg_policy **out, size_t *n)
{
    void *rows;
    int rc = list_rows(st, SQL_POLICY_LIST, &POLICY, -1, NULL, NULL, &rows, n);

    *out = rows;
    return rc;
}

int store_cg_policy_get(struct store *st, const char *id, struct cg_policy *out)
{
    int rc;

    memset(out, 0, sizeof(*out));
    db_read_begin(st);
    rc = db_row_get(st, SQL_POLICY_GET, &POLICY, out, 1, id);
    db_read_end(st);
    return rc;
}

/* ---- recipes ----------------------------------------------------------------------------- */

void cg_recipe_release(struct cg_recipe *r)
{
    free(r->description);
    free(r->policies);
    free(r->freeform_tags);
    free(r->defined_tags);
    r->description = r->policies = r->freeform_tags = r->defined_tags = NULL;
}

void cg_zone_release(struct cg_zone *z)
{
    free(z->description);
    free(z->inherited);
    free(z->freeform_tags);
    free(z->defined_tags);
    z->description = z->inherited = z->freeform_tags = z->defined_tags = NULL;
}

int cg_set_text(char **slot, const char *text)
{
    char *copy = NULL;

    if (text && !(copy = strdup(text)))
        return -1;
    free(*slot);
    *slot = copy;
    return 0;
}

#define RECIPE_COLS                                                                      \
    "r.id, r.tenancy, r.compartment_id, r.display_name, r.description, r.owner, "        \
    "r.lifecycle_state, r.time_created_ms, r.time_updated_ms, r.etag, r.freeform_tags, " \
    "r.defined_tags, (SELECT json_group_array(policy_id) FROM (SELECT policy_id FROM "   \
    "cg_recipe_policy WHERE recipe_id = r.id ORDER BY rowid))"

static const char SQL_RECIPE_GET[] = "SELECT " RECIPE_COLS " FROM cg_security_recipe r "
                                     "WHERE r.id = ?1 AND (r.tenancy = ?2 OR r.owner = 'ORACLE')";
static const char SQL_RECIPE_LIST[] =
    "SELECT " RECIPE_COLS " FROM cg_security_recipe r "
    "WHERE (r.tenancy = ?1 AND r.compartment_id = ?2) OR r.owner = 'ORACLE' "
    "ORDER BY r.owner <> 'ORACLE', r.time_created_ms, r.id";
static const char SQL_RECIPE_INSERT[] =
    "INSERT INTO cg_security_recipe (id, tenancy, compartment_id, display_name, description, "
    "owner, lifecycle_state, time_created_ms, time_updated_ms, etag, freeform_tags, "
    "defined_tags) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
/* Parameters are numbered by column, so the recipe binds through its row table. */
static const char SQL_RECIPE_UPDATE[] =
    "UPDATE cg_security_recipe SET display_name = ?4, description = ?5, time_updated_ms = ?9, "
    "etag = ?10, freeform_tags = ?11, defined_tags = ?12 WHERE id = ?1";
static const char SQL_RECIPE_POLICIES_DEL[] = "DELETE FROM cg_recipe_policy WHERE recipe_id = ?1";
static const char SQL_RECIPE_POLICIES_ADD[] =
    "INSERT OR IGNORE INTO cg_recipe_policy (recipe_id, policy_id) "
    "SELECT ?1, value FROM json_each(?2)";

/* clang-format off */
#define R(kind, f) DB_COL(struct cg_recipe, kind, f)
static const struct db_col RECIPE_COL[] = {
    R(DB_TEXT, id), R(DB_TEXT_OPT, tenancy), R(DB_TEXT, compartment_id), R(DB_TEXT, display_name),
    R(DB_DUP, description), R(DB_TEXT, owner), R(DB_TEXT, lifecycle_state),
    R(DB_INT, time_created_ms), R(DB_INT, time_updated_ms), R(DB_TEXT, etag),
    R(DB_DUP_OBJ, freeform_tags), R(DB_DUP_OBJ, defined_tags), R(DB_DUP_READ, policies) };
#undef R
/* clang-format on */
static const struct db_row RECIPE = DB_ROW(struct cg_recipe, RECIPE_COL);

static int recipe_get_locked(struct store *st, const char *tenancy, const char *id,
                             struct cg_recipe *out)
{
    return db_row_get(st, SQL_RECIPE_GET, &RECIPE, out, 2, id, tenancy);
}

static int recipe_set_policies(struct store *st, const char *id, const char *policies)
{
    int rc = db_exec_text(st, SQL_RECIPE_POLICIES_DEL, 1, id);

    return rc ? rc : db_exec_text(st, SQL_RECIPE_POLICIES_ADD, 2, id, policies ? policies : "[]");
}

int store_cg_recipe_create(struct store *st, const struct cg_recipe *r)
{
    int rc;

    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = db_row_write(st, SQL_RECIPE_INSERT, &RECIPE, r);
    if (rc == STORE_OK)
        rc = recipe_set_policies(st, r->id, r->policies);
    return db_tx_end(st, rc);
}

int store_cg_recipe_get(struct store *st, const char *tenancy, const char *id,
                        struct cg_recipe *out)
{
    int rc;

    db_read_begin(st);
    rc = recipe_get_locked(st, tenancy, id, out);
    db_read_end(st);
    return rc;
}

int store_cg_recipe_update(struct store *st, const char *tenancy, const char *id,
                           const char *if_match, store_cg_change_fn *change, void *arg,
                           struct cg_recipe *out)
{
    int rc;

    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = recipe_get_locked(st, tenancy, id, out);
    rc = db_if_match(rc, if_match, out->etag);
    if (rc == STORE_OK && (!strcmp(out->owner, "ORACLE") || change(arg, out)))
        rc = STORE_CONFLICT;
    if (rc == STORE_OK)
        rc = db_row_write(st, SQL_RECIPE_UPDATE, &RECIPE, out);
    if (rc == STORE_OK)
        rc = recipe_set_policies(st, out->id, out->policies);
    if (rc == STORE_OK)
        rc = recipe_get_locked(st, tenancy, id, out);
    return db_tx_end(st, rc);
}

void cg_recipe_list_free(struct cg_recipe *list, size_t n)
{
    for (size_t i = 0; list && i < n; i++)
        cg_recipe_release(&list[i]);
    free(list);
}

int store_cg_recipe_list(struct store *st, const char *tenancy, const char *compartment_id,
                         int limit, struct cg_recipe **out, size_t *n)
{
    void *rows;
    int rc = list_rows(st, SQL_RECIPE_LIST, &RECIPE, limit, tenancy, compartment_id, &rows, n);

    *out = rows;
    return rc;
}

/* ---- zones ------------------------------------------------------------------------------- */

/* inheritedByCompartments: declared descendants of the zone's compartments, not descending into
 * a compartment attached to a zone (that one governs its own subtree). */
#define ZONE_COLS                                                                     \
    "z.id, z.tenancy, z.compartment_id, z.display_name, z.description, z.recipe_id, " \
    "z.target_id, z.lifecycle_state, z.is_inheritance_after_delete_enabled, "         \
    "z.time_created_ms, z.time_updated_ms, z.etag, z.freeform_tags, z.defined_tags, " \
    "(WITH RECURSIVE sub(id) AS ("                                                    \
    "   SELECT c.id FROM oci_compartment c JOIN cg_zone_compartment zc "              \
    "     ON c.parent_id = zc.compartment_id WHERE zc.zone_id = z.id "                \
    "     AND c.id NOT IN (SELECT compartment_id FROM cg_zone_compartment) "          \
    "   UNION SELECT c.id FROM oci_compartment c JOIN sub ON c.parent_id = sub.id "   \
    "     WHERE c.id NOT IN (SELECT compartment_id FROM cg_zone_compartment)) "       \
    " SELECT json_group_array(id) FROM (SELECT id FROM sub ORDER BY id))"

static const char SQL_ZONE_GET[] = "SELECT " ZONE_COLS " FROM cg_security_zone z "
                                   "WHERE z.id = ?1 AND z.tenancy = ?2";
static const char SQL_ZONE_LIST[] = "SELECT " ZONE_COLS " FROM cg_security_zone z "
                                    "WHERE z.tenancy = ?1 AND z.compartment_id = ?2 "
                                    "ORDER BY z.time_created_ms, z.id";
static const char SQL_ZONE_INSERT[] =
    "INSERT INTO cg_security_zone (id, tenancy, compartment_id, display_name, description, "
    "recipe_id, target_id, lifecycle_state, is_inheritance_after_delete_enabled, "
    "time_created_ms, time_updated_ms, etag, freeform_tags, defined_tags) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
/* Parameters are numbered by column, so the zone binds through its row table. */
static const char SQL_ZONE_UPDATE[] =
    "UPDATE cg_security_zone SET display_name = ?4, description = ?5, recipe_id = ?6, "
    "is_inheritance_after_delete_enabled = ?9, time_updated_ms = ?11, etag = ?12, "
    "freeform_tags = ?13, defined_tags = ?14 WHERE id = ?1";
static const char SQL_ZONE_TOUCH[] =
    "UPDATE cg_security_zone SET time_updated_ms = ?2, etag = ?3 WHERE id = ?1";
static const char SQL_ZONE_DELETE[] = "DELETE FROM cg_security_zone WHERE id = ?1";
static const char SQL_ZC_OF[] = "SELECT zone_id FROM cg_zone_compartment WHERE compartment_id = ?1";
static const char SQL_ZC_ADD[] =
    "INSERT INTO cg_zone_compartment (compartment_id, zone_id) VALUES (?1, ?2)";
static const char SQL_ZC_DEL[] = "DELETE FROM cg_zone_compartment WHERE compartment_id = ?1";
static const char SQL_ZC_DEL_ZONE[] = "DELETE FROM cg_zone_compartment WHERE zone_id = ?1";

/* clang-format off */
#define Z(kind, f) DB_COL(struct cg_zone, kind, f)
static const struct db_col ZONE_COL[] = {
    Z(DB_TEXT, id), Z(DB_TEXT, tenancy), Z(DB_TEXT, compartment_id), Z(DB_TEXT, display_name),
    Z(DB_DUP, description), Z(DB_TEXT, recipe_id), Z(DB_TEXT, target_id),
    Z(DB_TEXT, lifecycle_state), Z(DB_INT, inheritance_after_delete), Z(DB_INT, time_created_ms),
    Z(DB_INT, time_updated_ms), Z(DB_TEXT, etag), Z(DB_DUP_OBJ, freeform_tags),
    Z(DB_DUP_OBJ, defined_tags), Z(DB_DUP_READ, inherited) };
#undef Z
/* clang-format on */
static const struct db_row ZONE = DB_ROW(struct cg_zone, ZONE_COL);

static int zone_get_locked(struct store *st, const char *tenancy, const char *id,
                           struct cg_zone *out)
{
    return db_row_get(st, SQL_ZONE_GET, &ZONE, out, 2, id, tenancy);
}

/* The zone a compartment is attached to, into zone (size n): STORE_OK or STORE_NOT_FOUND. */
static int attached_zone(struct store *st, const char *compartment_id, char *zone, size_t n)
{
    sqlite3_stmt *s = db_stmt(st, SQL_ZC_OF);

    if (!s)
        return STORE_ERROR;
    db_bind_text(s, 1, compartment_id);
    if (sqlite3_step(s) != SQLITE_ROW)
        return STORE_NOT_FOUND;
    db_col_text(s, 0, zone, n);
    return STORE_OK;
}

int store_cg_zone_create(struct store *st, const struct cg_zone *z)
{
    char other[256];
    int rc;

    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = attached_zone(st, z->compartment_id, other, sizeof(other));
    if (rc == STORE_OK) {
        rc = STORE_EXISTS;
    } else if (rc == STORE_NOT_FOUND) {
        rc = db_row_write(st, SQL_ZONE_INSERT, &ZONE, z);
        if (rc == STORE_OK)
            rc = db_exec_text(st, SQL_ZC_ADD, 2, z->compartment_id, z->id);
    }
    return db_tx_end(st, rc);
}

int store_cg_zone_get(struct store *st, const char *tenancy, const char *id, struct cg_zone *out)
{
    int rc;

    db_read_begin(st);
    rc = zone_get_locked(st, tenancy, id, out);
    db_read_end(st);
    return rc;
}

int store_cg_zone_update(struct store *st, const char *tenancy, const char *id,
                         const char *if_match, store_cg_change_fn *change, void *arg,
                         struct cg_zone *out)
{
    int rc;

    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = zone_get_locked(st, tenancy, id, out);
    rc = db_if_match(rc, if_match, out->etag);
    if (rc == STORE_OK && change(arg, out))
        rc = STORE_CONFLICT;
    if (rc == STORE_OK)
        rc = db_row_write(st, SQL_ZONE_UPDATE, &ZONE, out);
    return db_tx_end(st, rc);
}

static int zone_touch(struct store *st, const char *id, const char *etag, int64_t now_ms)
{
    sqlite3_stmt *s = db_stmt(st, SQL_ZONE_TOUCH);

    if (!s)
        return STORE_ERROR;
    db_bind_text(s, 1, id);
    sqlite3_bind_int64(s, 2, now_ms);
    db_bind_text(s, 3, etag);
    return db_exec_stmt(st, s) ? STORE_ERROR : STORE_OK;
}

int store_cg_zone_add_compartment(struct store *st, const char *tenancy, const char *id,
                                  const char *if_match, const char *compartment_id,
                                  const char *etag, int64_t now_ms, struct cg_zone *out)
{
    char other[256];
    int rc;

    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = zone_get_locked(st, tenancy, id, out);
    rc = db_if_match(rc, if_match, out->etag);
    if (rc == STORE_OK) {
        rc = attached_zone(st, compartment_id, other, sizeof(other));
        if (rc == STORE_OK)
            rc = STORE_EXISTS;
        else if (rc == STORE_NOT_FOUND)
            rc = db_exec_text(st, SQL_ZC_ADD, 2, compartment_id, id);
    }
    if (rc == STORE_OK)
        rc = zone_touch(st, id, etag, now_ms);
    if (rc == STORE_OK)
        rc = zone_get_locked(st, tenancy, id, out);
    return db_tx_end(st, rc);
}

int store_cg_zone_remove_compartment(struct store *st, const char *tenancy, const char *id,
                                     const char *if_match, const char *compartment_id,
                                     const char *etag, int64_t now_ms, struct cg_zone *out)
{
    char other[256] = "";
    int rc;

    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = zone_get_locked(st, tenancy, id, out);
    rc = db_if_match(rc, if_match, out->etag);
    if (rc == STORE_OK && !strcmp(compartment_id, out->compartment_id))
        rc = STORE_CONFLICT;
    if (rc == STORE_OK) {
        int a = attached_zone(st, compartment_id, other, sizeof(other));

        if (a == STORE_ERROR)
            rc = STORE_ERROR;
        else if (a == STORE_NOT_FOUND || strcmp(other, id))
            rc = STORE_CONFLICT;
        else
            rc = db_exec_text(st, SQL_ZC_DEL, 1, compartment_id);
    }
    if (rc == STORE_OK)
        rc = zone_touch(st, id, etag, now_ms);
    if (rc == STORE_OK)
        rc = zone_get_locked(st, tenancy, id, out);
    return db_tx_end(st, rc);
}

int store_cg_zone_delete(struct store *st, const char *tenancy, const char *id,
                         const char *if_match)
{
    struct cg_zone z;
    int rc;

    memset(&z, 0, sizeof(z));
    if (db_tx_begin(st))
        return STORE_ERROR;
    rc = zone_get_locked(st, tenancy, id, &z);
    rc = db_if_match(rc, if_match, z.etag);
    if (rc == STORE_OK)
        rc = db_exec_text(st, SQL_ZC_DEL_ZONE, 1, id);
    if (rc == STORE_OK)
        rc = db_exec_text(st, SQL_ZONE_DELETE, 1, id);
    cg_zone_release(&z);
    return db_tx_end(st, rc);
}

void cg_zone_list_free(struct cg_zone *list, size_t n)
{
    for (size_t i = 0; list && i < n; i++)
        cg_zone_release(&list[i]);
    free(list);
}

int store_cg_zone_list(struct store *st, const char *tenancy, const char *compartment_id, int limit,
                       struct cg_zone **out, size_t *n)
{
    void *rows;
    int rc = list_rows(st, SQL_ZONE_LIST, &ZONE, limit, tenancy, compartment_id, &rows, n);

    *out = rows;
    return rc;
}
