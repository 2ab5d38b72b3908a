/* db.h - storage internals shared by the storage/ files: the lock, transactions, statement cache.
 * Not for server/: handlers go through store.h. */
#ifndef CMKEMU_DB_H
#define CMKEMU_DB_H

#include "store.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#define DB_MAX_STMTS 256

struct db_stmt {
    const char *sql; /* static string; the cache is keyed by its address */
    sqlite3_stmt *st;
    int used; /* handed out since the connection's outermost section began */
};

enum db_tx_sql { DB_TX_BEGIN, DB_TX_BEGIN_IMMEDIATE, DB_TX_COMMIT, DB_TX_ROLLBACK, DB_TX__COUNT };

/* One SQLite connection with its statement cache. */
struct db_conn {
    sqlite3 *db;
    int depth; /* nesting of the read/write sections open on it */
    struct db_stmt stmts[DB_MAX_STMTS];
    int nstmts;
    int used[DB_MAX_STMTS]; /* indexes of the statements handed out in the open section */
    int nused;
    sqlite3_stmt *tx_stmts[DB_TX__COUNT]; /* BEGIN, COMMIT, ... prepared once */
    pthread_t owner;                      /* readers: the one thread that uses it */
    struct db_conn *next;                 /* readers: the store's list */
};

struct store {
    sqlite3 *db;        /* the writer connection (w.db) */
    pthread_mutex_t mu; /* the writer's lock, recursive */
    struct db_conn w;   /* every write, reads inside a write, every read of :memory: */
    uint64_t id;        /* unique per store opened in this process */
    char *path;         /* file of the database; NULL for :memory: (no readers) */
    pthread_mutex_t readers_mu;
    struct db_conn *readers; /* one read-only connection per thread that read, lazily */
    /* The WAL checkpointer: a thread with its own connection copies the WAL into the database
     * off the request path (the writer's automatic checkpoint is off). File databases only. */
    sqlite3 *ckpt_db; /* the checkpointer's connection */
    pthread_t ckpt_thread;
    int ckpt_running;
    pthread_mutex_t ckpt_mu;
    pthread_cond_t ckpt_cv;
    int ckpt_stop;         /* under ckpt_mu: store_close asks the thread to end */
    int ckpt_urgent;       /* under ckpt_mu: the WAL passed its size, checkpoint now */
    uint64_t ckpt_commits; /* commits seen by the writer's WAL hook (atomic) */
    int ckpt_next_pages;   /* under mu: WAL size (pages) at which the hook wakes the thread */
    int ckpt_last_pages;   /* under mu: WAL size after the last commit */
};

/* Writes go through the writer connection under the store's lock. A read outside a write goes
 * through the calling thread's own connection, in one deferred transaction (WAL: it sees every
 * committed write and never waits for the writer); a read inside a write (store_bv_tx) joins
 * the write on the writer connection. */
/* The store's lock is recursive, so a read call made while the same thread holds a transaction
 * (store_bv_tx) sees and joins that transaction. db_tx_begin itself does not nest. */
/* Locks the store and begins an immediate transaction. Returns 0, or -1 (unlocked again). */
int db_tx_begin(struct store *st);
/* Commits when ok is 0, otherwise rolls back; unlocks. Returns ok, or STORE_ERROR when the
 * commit itself failed. */
int db_tx_end(struct store *st, int ok);
/* A write section that joins the write transaction of the calling thread when it has one,
 * else is one of its own (BEGIN IMMEDIATE ... COMMIT when ok is STORE_OK, else ROLLBACK).
 * db_write_begin returns 0, or -1 (nothing to end); db_write_end returns ok, or STORE_ERROR
 * when the commit failed. */
int db_write_begin(struct store *st);
int db_write_end(struct store *st, int ok);
/* Opens a read section: one deferred transaction (one snapshot for all its statements). When
 * the outermost section of a connection ends (db_read_end, db_tx_end), every statement handed
 * out in it is reset: a statement left on a row would hold its read snapshot open, and the WAL
 * could never start over. */
void db_read_begin(struct store *st);
void db_read_end(struct store *st);
/* Returns a cached prepared statement for a static SQL string, reset and unbound, or NULL
 * (logged), on the connection of the calling thread's open section. */
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

/* oci_rows.c - row tables. A row table maps a struct onto the columns of a query, one entry per
 * column in SELECT order; the same entries bind INSERT parameters ?1, ?2, ... The kind says how a
 * field is stored. The calls below need the store locked. */
enum db_kind {
    DB_TEXT,     /* char[]: as it is */
    DB_TEXT_OPT, /* char[]: "" is stored as NULL */
    DB_DUP,      /* char * (malloc'd, NULL = SQL NULL); a read frees what the field held */
    DB_DUP_OBJ,  /* the same for a JSON object text: NULL is stored as '{}' */
    DB_DUP_READ, /* the same for a computed column: read, never bound */
    DB_INT,      /* int or int64_t, by the field's size */
    DB_INT_OPT,  /* the same: 0 is stored as NULL */
    DB_FLAG      /* int: stored as 0 or 1 */
};
struct db_col {
    enum db_kind kind;
    size_t off;
    size_t size;
};
struct db_row {
    const struct db_col *col;
    size_t ncol;
    size_t size; /* of the struct */
};
/* clang-format off */
#define DB_COL(type, kind, field) { kind, offsetof(type, field), sizeof(((type *)0)->field) }
#define DB_ROW(type, cols)        { cols, sizeof(cols) / sizeof(cols[0]), sizeof(type) }
/* clang-format on */
/* Reads the current row of s into the struct at row. */
void db_row_read(sqlite3_stmt *s, const struct db_row *t, void *row);
/* Binds the struct at row to the parameters ?1 .. ?ncol. */
void db_row_bind(sqlite3_stmt *s, const struct db_row *t, const void *row);
/* Runs the single-row query sql with n text parameters (?1 .. ?n, const char *) and reads its row
 * into out through t (t NULL: only whether there is a row); fields the table does not name are
 * left as they are. STORE_OK, STORE_NOT_FOUND or STORE_ERROR. */
int db_row_get(struct store *st, const char *sql, const struct db_row *t, void *out, int n, ...);
/* Runs the write sql with the struct at row bound through t. STORE_OK or STORE_ERROR. */
int db_row_write(struct store *st, const char *sql, const struct db_row *t, const void *row);
/* Runs the write sql with n text parameters (?1 .. ?n). STORE_OK or STORE_ERROR. */
int db_exec_text(struct store *st, const char *sql, int n, ...);
/* rc, or STORE_ETAG_MISMATCH when rc is STORE_OK and if_match (NULL: none) is not etag. */
int db_if_match(int rc, const char *if_match, const char *etag);
/* Steps s and reads up to limit rows (limit < 0: all), each zeroed then read, into the growing
 * array *rows (the caller frees it and what its rows own, also on error). *more is set, and s
 * left on that row, when another row follows. STORE_OK or STORE_ERROR (logged). */
int db_row_list(struct store *st, sqlite3_stmt *s, const struct db_row *t, int limit, void **rows,
                size_t *n, int *more);

#endif
