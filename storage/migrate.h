/* migrate.h - applies the numbered migrations in schemas/, embedded at build time. */
#ifndef CMKEMU_MIGRATE_H
#define CMKEMU_MIGRATE_H

#include <sqlite3.h>
#include <stddef.h>

struct schema_migration {
    int number;       /* NNN of NNN_name.sql */
    const char *name; /* file name */
    const char *sql;  /* file content */
};

/* Generated into build/schemas.gen.c by schemas/embed.sh, ordered by number. */
extern const struct schema_migration schema_migrations[];
extern const size_t schema_migrations_count;

/* Applies every migration above PRAGMA user_version in one transaction that also sets
 * user_version. Returns 0, or -1 (logged; a failure leaves nothing). */
int migrate_apply(sqlite3 *db);

#endif
