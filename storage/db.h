/* db.h - storage internals shared by the storage/ files: the lock, transactions, statement cache.
 * Not for server/: handlers go through store.h. */
#ifndef CMKEMU_DB_H
#define CMKEMU_DB_H

#include "store.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdint.h>

#define DB_MAX_STMTS 256

struct db_stmt {
    const char *sql; /* static string; the cache is keyed by its address */
    sqlite3_stmt *st;
    int used; /* handed out since the store was locked */
};

enum db_tx_sql { DB_TX_BEGIN, DB_TX_BEGIN_IMMEDIATE, DB_TX_COMMIT, DB_TX_ROLLBACK, DB_TX__COUNT };

struct store {
    sqlite3 *db;
    pthread_mutex_t mu;
    int depth; /* lock depth of the thread holding mu */
    struct db_stmt stmts[DB_MAX_STMTS];
    int nstmts;
    int used[DB_MAX_STMTS]; /* indexes of the statements handed out under the lock */
    int nused;
    sqlite3_stmt *tx_stmts[DB_TX__COUNT]; /* BEGIN, COMMIT, ... prepared once */
};

/* The store's lock is recursive, so a read call made while the same thread holds a transaction
 * (store_bv_tx) sees and joins that transaction. db_tx_begin itself does not nest. */
/* Locks the store and begins an immediate transaction. Returns 0, or -1 (unlocked again). */
int db_tx_begin(struct store *st);
/* Commits when ok is 0, otherwise rolls back; unlocks. Returns ok, or STORE_ERROR when the
 * commit itself failed. */
int db_tx_end(struct store *st, int ok);
/* Locks the store for a read, in one deferred transaction (one snapshot for all its statements).
 * When the outermost lock is released (db_read_end, db_tx_end), every statement handed out under it
 * is reset: a statement left on a row would hold its read snapshot open, and the WAL could never
 * start over. */
void db_read_begin(struct store *st);
void db_read_end(struct store *st);
/* Returns a cached prepared statement for a static SQL string, reset and unbound, or NULL
 * (logged). The store must be locked. */
sqlite3_stmt *db_stmt(struct store *st, const char *sql);
/* Binds helpers: NULL text binds SQL NULL. */
int db_bind_text(sqlite3_stmt *s, int i, const char *v);
/* Copies column text into out (size n); NULL column -> "". Returns 1 when the column was NULL. */
int db_col_text(sqlite3_stmt *s, int i, char *out, size_t n);
/* Returns a malloc'd copy of column text, or NULL for SQL NULL. */
char *db_col_dup(sqlite3_stmt *s, int i);
/* Steps a write statement to completion: 0 on SQLITE_DONE, else logs and returns -1. */
int db_exec_stmt(struct store *st, sqlite3_stmt *s);
/* Logs the last error with context. */
void db_log_error(struct store *st, const char *what);

#endif
