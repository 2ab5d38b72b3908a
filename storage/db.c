/* db.c - opening the SQLite database, its pragmas, the store lock, transactions and the
 * prepared-statement cache. The only file that opens or closes the connection. */
#include "db.h"
#include "migrate.h"

#include "../server/log.h"

#include <stdlib.h>
#include <string.h>

void db_log_error(struct store *st, const char *what)
{
    log_msg(LOG_ERROR, "sqlite: %s: %s", what, sqlite3_errmsg(st->db));
}

static int exec_sql(struct store *st, const char *sql)
{
    char *err = NULL;

    if (sqlite3_exec(st->db, sql, NULL, NULL, &err) != SQLITE_OK) {
        log_msg(LOG_ERROR, "sqlite: %s: %s", sql, err ? err : "?");
        sqlite3_free(err);
        return -1;
    }
    return 0;
}

int store_open(struct store **out, const char *path)
{
    struct store *st = calloc(1, sizeof(*st));
    int memory = !strcmp(path, ":memory:");

    *out = NULL;
    if (!st)
        return -1;
    {
        /* recursive: store calls made inside a transaction callback join that transaction */
        pthread_mutexattr_t ma;

        pthread_mutexattr_init(&ma);
        pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE);
        pthread_mutex_init(&st->mu, &ma);
        pthread_mutexattr_destroy(&ma);
    }
    if (sqlite3_open_v2(path, &st->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL) != SQLITE_OK) {
        log_msg(LOG_ERROR, "cannot open database '%s': %s", path,
                st->db ? sqlite3_errmsg(st->db) : "out of memory");
        store_close(st);
        return -1;
    }
    sqlite3_busy_timeout(st->db, 5000);
    /* CHOICE: WAL with synchronous=NORMAL: a committed write survives a crash of the process
     * (SIGKILL); only a power loss may drop the last commits. */
    if ((!memory && exec_sql(st, "PRAGMA journal_mode=WAL")) ||
        exec_sql(st, "PRAGMA synchronous=NORMAL") || exec_sql(st, "PRAGMA foreign_keys=ON") ||
        migrate_apply(st->db)) {
        store_close(st);
        return -1;
    }
    *out = st;
    return 0;
}

void store_close(struct store *st)
{
    if (!st)
        return;
    for (int i = 0; i < st->nstmts; i++)
        sqlite3_finalize(st->stmts[i].st);
    for (int i = 0; i < DB_TX__COUNT; i++)
        sqlite3_finalize(st->tx_stmts[i]);
    if (st->db)
        sqlite3_close(st->db);
    pthread_mutex_destroy(&st->mu);
    free(st);
}

int store_schema_version(struct store *st)
{
    int v = -1;
    sqlite3_stmt *s;

    db_read_begin(st);
    s = db_stmt(st, "PRAGMA user_version");
    if (s && sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int(s, 0);
    db_read_end(st);
    return v;
}

static void store_lock(struct store *st)
{
    pthread_mutex_lock(&st->mu);
    st->depth++;
}

/* Resets every statement handed out since the store was locked. */
static void reset_used(struct store *st)
{
    for (int i = 0; i < st->nused; i++) {
        struct db_stmt *d = &st->stmts[st->used[i]];

        sqlite3_reset(d->st);
        d->used = 0;
    }
    st->nused = 0;
}

/* Releases one level of the lock; the outermost one first resets the statements handed out. */
static void store_unlock(struct store *st)
{
    if (--st->depth == 0)
        reset_used(st);
    pthread_mutex_unlock(&st->mu);
}

/* Runs one of the transaction statements (BEGIN, COMMIT, ...), prepared once. */
static int run_tx_stmt(struct store *st, enum db_tx_sql which)
{
    static const char *const sql[DB_TX__COUNT] = { "BEGIN", "BEGIN IMMEDIATE", "COMMIT",
                                                   "ROLLBACK" };
    sqlite3_stmt *s = st->tx_stmts[which];
    int rc;

    if (!s) {
        if (sqlite3_prepare_v3(st->db, sql[which], -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) !=
            SQLITE_OK) {
            db_log_error(st, sql[which]);
            return -1;
        }
        st->tx_stmts[which] = s;
    }
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        log_msg(LOG_ERROR, "sqlite: %s: %s", sql[which], sqlite3_errmsg(st->db));
        return -1;
    }
    return 0;
}

int db_tx_begin(struct store *st)
{
    store_lock(st);
    /* called inside a read: that read's snapshot ends here, the write takes the newest */
    if (!sqlite3_get_autocommit(st->db)) {
        reset_used(st);
        (void)run_tx_stmt(st, DB_TX_COMMIT);
    }
    if (run_tx_stmt(st, DB_TX_BEGIN_IMMEDIATE)) {
        store_unlock(st);
        return -1;
    }
    return 0;
}

int db_tx_end(struct store *st, int ok)
{
    int rc = ok;

    /* Before COMMIT: the checkpoint that follows a commit can only copy the frames below the
     * oldest open read snapshot, and a statement still on a row holds this connection's. */
    reset_used(st);

    if (ok == STORE_OK) {
        if (run_tx_stmt(st, DB_TX_COMMIT)) {
            (void)run_tx_stmt(st, DB_TX_ROLLBACK);
            rc = STORE_ERROR;
        }
    } else {
        (void)run_tx_stmt(st, DB_TX_ROLLBACK);
    }
    store_unlock(st);
    return rc;
}

/* A read is one deferred transaction: its statements share one snapshot, and the file locks
 * are taken once for all of them instead of once per statement. */
void db_read_begin(struct store *st)
{
    store_lock(st);
    if (st->depth == 1)
        (void)run_tx_stmt(st, DB_TX_BEGIN);
}

void db_read_end(struct store *st)
{
    if (st->depth == 1 && !sqlite3_get_autocommit(st->db)) {
        reset_used(st);
        (void)run_tx_stmt(st, DB_TX_COMMIT);
    }
    store_unlock(st);
}

static sqlite3_stmt *hand_out(struct store *st, int i)
{
    if (!st->stmts[i].used) {
        st->stmts[i].used = 1;
        st->used[st->nused++] = i;
    }
    return st->stmts[i].st;
}

sqlite3_stmt *db_stmt(struct store *st, const char *sql)
{
    sqlite3_stmt *s = NULL;

    for (int i = 0; i < st->nstmts; i++) {
        if (st->stmts[i].sql == sql) {
            sqlite3_reset(st->stmts[i].st);
            sqlite3_clear_bindings(st->stmts[i].st);
            return hand_out(st, i);
        }
    }
    if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
        db_log_error(st, sql);
        return NULL;
    }
    if (st->nstmts == DB_MAX_STMTS) {
        log_msg(LOG_ERROR, "statement cache full");
        sqlite3_finalize(s);
        return NULL;
    }
    st->stmts[st->nstmts].sql = sql;
    st->stmts[st->nstmts].st = s;
    st->stmts[st->nstmts].used = 0;
    st->nstmts++;
    return hand_out(st, st->nstmts - 1);
}

int db_bind_text(sqlite3_stmt *s, int i, const char *v)
{
    if (!v)
        return sqlite3_bind_null(s, i);
    return sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

int db_col_text(sqlite3_stmt *s, int i, char *out, size_t n)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    size_t len;

    if (!n)
        return t == NULL;
    if (!t) {
        out[0] = '\0';
        return 1;
    }
    len = strlen((const char *)t);
    if (len >= n)
        len = n - 1;
    memcpy(out, t, len);
    out[len] = '\0';
    return 0;
}

char *db_col_dup(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);

    return t ? strdup((const char *)t) : NULL;
}

int db_exec_stmt(struct store *st, sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);

    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        db_log_error(st, sqlite3_sql(s));
        return -1;
    }
    return 0;
}
