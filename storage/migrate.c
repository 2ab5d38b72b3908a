/* migrate.c - brings a database up to the newest embedded schema (PRAGMA user_version). */
#include "migrate.h"

#include "../server/log.h"

#include <stdio.h>

static int user_version(sqlite3 *db)
{
    sqlite3_stmt *s = NULL;
    int v = -1;

    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return v;
}

/* CHOICE: every pending migration in one transaction (one commit, one sync on a new
 * database instead of one per migration); user_version is read inside it, so two processes
 * opening one new file apply the migrations once. */
int migrate_apply(sqlite3 *db)
{
    int have = user_version(db);
    int last = have;
    char *err = NULL;
    const char *failed = "BEGIN";

    if (have < 0)
        return -1;
    if (schema_migrations_count == 0 ||
        schema_migrations[schema_migrations_count - 1].number <= have)
        return 0; /* up to date: no write transaction */
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, &err) != SQLITE_OK)
        goto fail;
    have = user_version(db);
    if (have < 0)
        goto fail;
    for (size_t i = 0; i < schema_migrations_count; i++) {
        const struct schema_migration *m = &schema_migrations[i];

        if (m->number <= have)
            continue;
        failed = m->name;
        if (sqlite3_exec(db, m->sql, NULL, NULL, &err) != SQLITE_OK)
            goto fail;
        last = m->number;
        log_msg(LOG_DEBUG, "applying migration %s", m->name);
    }
    if (last > have) {
        char setv[64];

        failed = "user_version";
        snprintf(setv, sizeof(setv), "PRAGMA user_version=%d", last);
        if (sqlite3_exec(db, setv, NULL, NULL, &err) != SQLITE_OK)
            goto fail;
    }
    failed = "COMMIT";
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, &err) != SQLITE_OK)
        goto fail;
    return 0;
fail:
    log_msg(LOG_ERROR, "migration %s failed: %s", failed, err ? err : sqlite3_errmsg(db));
    sqlite3_free(err);
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
}
