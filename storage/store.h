/* store.h - the storage API handlers may call. Handlers never see SQL or a sqlite3 handle.
 *
 * One struct store per process, safe to share between threads: every call takes the
 * store's lock, and every write is one BEGIN IMMEDIATE ... COMMIT. Per-family calls are
 * declared in store_<family>.h.
 */
#ifndef CMKEMU_STORE_H
#define CMKEMU_STORE_H

#include <stddef.h>

enum store_rc {
    STORE_OK = 0,
    STORE_NOT_FOUND,     /* the named row does not exist */
    STORE_EXISTS,        /* a create hit an existing row */
    STORE_CONFLICT,      /* the row's state forbids the change */
    STORE_ETAG_MISMATCH, /* if-match did not match the current etag */
    STORE_ERROR          /* SQLite failed; already logged */
};

struct store;

/* Opens (creating when absent) the database at path (":memory:" allowed), applies the
 * embedded migrations and returns 0, or logs and returns -1. */
int store_open(struct store **out, const char *path);
/* Same without logging: on failure why (size n) says why, as a lowercase phrase ("is a
 * directory", "permission denied", "file is not a database"). */
int store_open_why(struct store **out, const char *path, char *why, size_t n);
void store_close(struct store *st);
/* A read view spanning several calls: the store calls this thread makes between
 * store_view_begin and store_view_end read in one read transaction (one snapshot, the file
 * locks taken once). A write made inside the view commits as usual and the view then sees it.
 * Views nest. */
void store_view_begin(struct store *st);
void store_view_end(struct store *st);
/* PRAGMA user_version after migration: the number of the last applied schema. */
int store_schema_version(struct store *st);

#endif
