/* db.c - opening the SQLite database, its pragmas, the store lock, transactions, the
 * prepared-statement cache and row tables. The only file that opens or closes the connection. */
#include "db.h"
#include "migrate.h"

#include "../server/log.h"

#include <stdarg.h>
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

int db_tx_begin(struct store *st)
{
    pthread_mutex_lock(&st->mu);
    if (exec_sql(st, "BEGIN IMMEDIATE")) {
        pthread_mutex_unlock(&st->mu);
        return -1;
    }
    return 0;
}

int db_tx_end(struct store *st, int ok)
{
    int rc = ok;

    if (ok == STORE_OK) {
        if (exec_sql(st, "COMMIT")) {
            (void)exec_sql(st, "ROLLBACK");
            rc = STORE_ERROR;
        }
    } else {
        (void)exec_sql(st, "ROLLBACK");
    }
    pthread_mutex_unlock(&st->mu);
    return rc;
}

void db_read_begin(struct store *st)
{
    pthread_mutex_lock(&st->mu);
}

void db_read_end(struct store *st)
{
    pthread_mutex_unlock(&st->mu);
}

sqlite3_stmt *db_stmt(struct store *st, const char *sql)
{
    sqlite3_stmt *s = NULL;

    for (int i = 0; i < st->nstmts; i++) {
        if (st->stmts[i].sql == sql) {
            sqlite3_reset(st->stmts[i].st);
            sqlite3_clear_bindings(st->stmts[i].st);
            return st->stmts[i].st;
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
    st->nstmts++;
    return s;
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

void db_row_read(sqlite3_stmt *s, const struct db_row *t, void *row)
{
    for (size_t i = 0; i < t->ncol; i++) {
        const struct db_col *c = &t->col[i];
        char *f = (char *)row + c->off;
        int col = (int)i;

        switch (c->kind) {
        case DB_TEXT:
        case DB_TEXT_OPT:
            db_col_text(s, col, f, c->size);
            break;
        case DB_DUP:
        case DB_DUP_OBJ:
        case DB_DUP_READ:
            free(*(char **)f);
            *(char **)f = db_col_dup(s, col);
            break;
        case DB_INT:
        case DB_INT_OPT:
        case DB_FLAG:
            if (c->size == sizeof(int64_t))
                *(int64_t *)f = sqlite3_column_int64(s, col);
            else
                *(int *)f = sqlite3_column_int(s, col);
            break;
        }
    }
}

void db_row_bind(sqlite3_stmt *s, const struct db_row *t, const void *row)
{
    for (size_t i = 0; i < t->ncol; i++) {
        const struct db_col *c = &t->col[i];
        const char *f = (const char *)row + c->off;
        int p = (int)i + 1;
        int64_t v;

        switch (c->kind) {
        case DB_TEXT:
            db_bind_text(s, p, f);
            break;
        case DB_TEXT_OPT:
            db_bind_text(s, p, *f ? f : NULL);
            break;
        case DB_DUP:
            db_bind_text(s, p, *(char *const *)f);
            break;
        case DB_DUP_OBJ:
            db_bind_text(s, p, *(char *const *)f ? *(char *const *)f : "{}");
            break;
        case DB_DUP_READ:
            break;
        case DB_INT:
        case DB_INT_OPT:
        case DB_FLAG:
            v = c->size == sizeof(int64_t) ? *(const int64_t *)f : *(const int *)f;
            if (c->kind == DB_FLAG)
                sqlite3_bind_int(s, p, v ? 1 : 0);
            else if (c->kind == DB_INT_OPT && !v)
                sqlite3_bind_null(s, p);
            else
                sqlite3_bind_int64(s, p, v);
            break;
        }
    }
}

int db_row_get(struct store *st, const char *sql, const struct db_row *t, void *out, int n, ...)
{
    sqlite3_stmt *s = db_stmt(st, sql);
    int rc = STORE_NOT_FOUND;
    va_list ap;

    if (!s)
        return STORE_ERROR;
    va_start(ap, n);
    for (int i = 1; i <= n; i++)
        db_bind_text(s, i, va_arg(ap, const char *));
    va_end(ap);
    if (sqlite3_step(s) == SQLITE_ROW) {
        db_row_read(s, t, out);
        rc = STORE_OK;
    }
    sqlite3_reset(s);
    return rc;
}

int db_row_list(struct store *st, sqlite3_stmt *s, const struct db_row *t, int limit, void **rows,
                size_t *n, int *more)
{
    size_t cap = 0;
    int step;

    *rows = NULL;
    *n = 0;
    *more = 0;
    while ((step = sqlite3_step(s)) == SQLITE_ROW) {
        char *row;

        if (limit >= 0 && *n == (size_t)limit) {
            *more = 1;
            return STORE_OK;
        }
        if (*n == cap) {
            size_t grown = cap ? cap * 2 : 16;
            void *p = realloc(*rows, grown * t->size);

            if (!p)
                return STORE_ERROR;
            *rows = p;
            cap = grown;
        }
        row = (char *)*rows + *n * t->size;
        memset(row, 0, t->size);
        db_row_read(s, t, row);
        (*n)++;
    }
    if (step != SQLITE_DONE) {
        db_log_error(st, sqlite3_sql(s));
        return STORE_ERROR;
    }
    return STORE_OK;
}
