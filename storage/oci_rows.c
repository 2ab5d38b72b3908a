/* oci_rows.c - row tables (db.h): one description per struct of which column holds which field,
 * serving the single-row reads, list reads and row writes of the OCI stores. */
#include "db.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

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

/* The statement for sql with n text parameters from ap bound to ?1 .. ?n, or NULL. */
static sqlite3_stmt *bind_texts(struct store *st, const char *sql, int n, va_list ap)
{
    sqlite3_stmt *s = db_stmt(st, sql);

    for (int i = 1; s && i <= n; i++)
        db_bind_text(s, i, va_arg(ap, const char *));
    return s;
}

int db_row_get(struct store *st, const char *sql, const struct db_row *t, void *out, int n, ...)
{
    sqlite3_stmt *s;
    int rc = STORE_NOT_FOUND;
    va_list ap;

    va_start(ap, n);
    s = bind_texts(st, sql, n, ap);
    va_end(ap);
    if (!s)
        return STORE_ERROR;
    if (sqlite3_step(s) == SQLITE_ROW) {
        if (t)
            db_row_read(s, t, out);
        rc = STORE_OK;
    }
    sqlite3_reset(s);
    return rc;
}

int db_row_write(struct store *st, const char *sql, const struct db_row *t, const void *row)
{
    sqlite3_stmt *s = db_stmt(st, sql);

    if (!s)
        return STORE_ERROR;
    db_row_bind(s, t, row);
    return db_exec_stmt(st, s) ? STORE_ERROR : STORE_OK;
}

int db_exec_text(struct store *st, const char *sql, int n, ...)
{
    sqlite3_stmt *s;
    va_list ap;

    va_start(ap, n);
    s = bind_texts(st, sql, n, ap);
    va_end(ap);
    return s && !db_exec_stmt(st, s) ? STORE_OK : STORE_ERROR;
}

int db_if_match(int rc, const char *if_match, const char *etag)
{
    if (rc == STORE_OK && if_match && strcmp(if_match, etag))
        return STORE_ETAG_MISMATCH;
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
