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

int migrate_apply(sqlite3 *db)
{
    int have = user_version(db);

    if (have < 0)
        return -1;
    for (size_t i = 0; i < schema_migrations_count; i++) {
        const struct schema_migration *m = &schema_migrations[i];
        char setv[64];
        char *err = NULL;

        if (m->number <= have)
            continue;
        snprintf(setv, sizeof(setv), "PRAGMA user_version=%d", m->number);
        if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, &err) != SQLITE_OK ||
            sqlite3_exec(db, m->sql, NULL, NULL, &err) != SQLITE_OK ||
            sqlite3_exec(db, setv, NULL, NULL, &err) != SQLITE_OK ||
            sqlite3_exec(db, "COMMIT", NULL, NULL, &err) != SQLITE_OK) {
            log_msg(LOG_ERROR, "migration %s failed: %s", m->name, err ? err : "?");
            sqlite3_free(err);
            sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
            return -1;
        }
        log_msg(LOG_DEBUG, "applied migration %s", m->name);
    }
    return 0;
}
