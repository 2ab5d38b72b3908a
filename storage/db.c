/* db.c - opening the SQLite database, its pragmas, the store lock, transactions, the
 * prepared-statement cache and the WAL checkpointer thread. The only file that opens or closes
 * connections. */
#include "db.h"
#include "migrate.h"

#include "../server/log.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* CHOICE: the database file belongs to one process while it runs. SQLite's "unix-excl" VFS
 * locks the file for this process at its first read and keeps the WAL index in this process's
 * memory, so this process's connections share their WAL locks without a system call; another
 * process (a second cmkemu, the sqlite3 shell) cannot open the database until this one ends. */
#define DB_VFS "unix-excl"

/* The checkpointer's pace (see ckpt_main): a passive checkpoint every CKPT_INTERVAL_MS when
 * something was committed since the last one, or as soon as the WAL has grown by CKPT_PAGES. */
#define CKPT_INTERVAL_MS 50
#define CKPT_PAGES       1000

/* The sections this thread has open: the id of the store whose writer lock it holds, and its
 * reader connection (with the id of the store it belongs to). Ids, not pointers, are compared:
 * a closed store's memory may be reused by the next one. */
static __thread uint64_t tl_writer_store;
static __thread uint64_t tl_reader_store;
static __thread struct db_conn *tl_reader;

static uint64_t next_store_id;

/* The connection the calling thread's statements go to. */
static struct db_conn *current(struct store *st)
{
    if (tl_writer_store == st->id)
        return &st->w;
    if (tl_reader_store == st->id && tl_reader && tl_reader->depth > 0)
        return tl_reader;
    return &st->w;
}

void db_log_error(struct store *st, const char *what)
{
    log_msg(LOG_ERROR, "sqlite: %s: %s", what, sqlite3_errmsg(current(st)->db));
}

static void conn_close(struct db_conn *c)
{
    for (int i = 0; i < c->nstmts; i++)
        sqlite3_finalize(c->stmts[i].st);
    for (int i = 0; i < DB_TX__COUNT; i++)
        sqlite3_finalize(c->tx_stmts[i]);
    if (c->db)
        sqlite3_close(c->db);
}

/* The reason a statement of store_open failed, as a lowercase phrase: the system's when the
 * file could not be opened ("is a directory", "permission denied"), else SQLite's. */
static void open_reason(struct store *st, char *why, size_t n)
{
    int sys = st->db ? sqlite3_system_errno(st->db) : 0;
    int code = st->db ? sqlite3_errcode(st->db) : SQLITE_NOMEM;

    if (code == SQLITE_BUSY)
        snprintf(why, n, "is in use by another process");
    else if (sys && (code == SQLITE_CANTOPEN || code == SQLITE_IOERR || code == SQLITE_READONLY))
        snprintf(why, n, "%s", strerror(sys));
    else
        snprintf(why, n, "%s", st->db ? sqlite3_errmsg(st->db) : "out of memory");
    if (why[0] >= 'A' && why[0] <= 'Z' && !(why[1] >= 'A' && why[1] <= 'Z'))
        why[0] = (char)(why[0] - 'A' + 'a');
}

/* Called by SQLite after every commit on the writer connection, under the store's lock, with
 * the WAL's size in pages. Counts the commit; wakes the checkpointer when the WAL grew by
 * CKPT_PAGES since the last wake-up. */
static int wal_hook(void *arg, sqlite3 *db, const char *name, int pages)
{
    struct store *st = arg;

    (void)db;
    (void)name;
    __atomic_add_fetch(&st->ckpt_commits, 1, __ATOMIC_RELEASE);
    if (pages < st->ckpt_last_pages) /* the WAL started over */
        st->ckpt_next_pages = CKPT_PAGES;
    st->ckpt_last_pages = pages;
    if (pages >= st->ckpt_next_pages) {
        st->ckpt_next_pages = pages + CKPT_PAGES;
        pthread_mutex_lock(&st->ckpt_mu);
        st->ckpt_urgent = 1;
        pthread_cond_signal(&st->ckpt_cv);
        pthread_mutex_unlock(&st->ckpt_mu);
    }
    return SQLITE_OK;
}

/* One checkpoint by the checkpointer's connection; fills *frames with the WAL's size in pages. */
static int ckpt_run(sqlite3 *db, int mode, int *frames)
{
    int copied = 0;

    *frames = 0;
    return sqlite3_wal_checkpoint_v2(db, NULL, mode, frames, &copied);
}

/* The checkpointer: copies the WAL into the database file away from the requests, so that no
 * write waits for a checkpoint's copying and fsyncs.
 * - Every CKPT_INTERVAL_MS when something was committed, or at once when the writer's WAL hook
 *   says the WAL passed CKPT_PAGES: a PASSIVE checkpoint. It takes no lock a request waits for.
 * - When the WAL is over CKPT_PAGES after it: the frames committed while it ran are copied with
 *   the store's writer lock held (a short second PASSIVE checkpoint), so the WAL is all copied
 *   when the next write begins, and SQLite starts the WAL over at that write. Without this a
 *   steady stream of writes never leaves the WAL all copied and it grows without bound.
 * - When no write came for an interval: one TRUNCATE checkpoint empties the WAL file, with the
 *   writer lock held so that a request waits on the lock rather than in SQLite's busy handler. */
static void *ckpt_main(void *arg)
{
    struct store *st = arg;
    sqlite3 *db = st->ckpt_db;
    uint64_t done = 0;
    int truncated = 0;

    pthread_mutex_lock(&st->ckpt_mu);
    while (!st->ckpt_stop) {
        uint64_t commits;
        int frames;

        if (!st->ckpt_urgent) {
            struct timespec ts;

            clock_gettime(CLOCK_MONOTONIC, &ts);
            ts.tv_nsec += CKPT_INTERVAL_MS * 1000000L;
            if (ts.tv_nsec >= 1000000000L) {
                ts.tv_sec++;
                ts.tv_nsec -= 1000000000L;
            }
            while (!st->ckpt_stop && !st->ckpt_urgent &&
                   pthread_cond_timedwait(&st->ckpt_cv, &st->ckpt_mu, &ts) != ETIMEDOUT)
                ;
        }
        if (st->ckpt_stop)
            break;
        st->ckpt_urgent = 0;
        pthread_mutex_unlock(&st->ckpt_mu);
        commits = __atomic_load_n(&st->ckpt_commits, __ATOMIC_ACQUIRE);
        if (commits != done) {
            done = commits;
            truncated = 0;
            if (ckpt_run(db, SQLITE_CHECKPOINT_PASSIVE, &frames) == SQLITE_OK &&
                frames >= CKPT_PAGES) {
                pthread_mutex_lock(&st->mu);
                (void)ckpt_run(db, SQLITE_CHECKPOINT_PASSIVE, &frames);
                pthread_mutex_unlock(&st->mu);
            }
        } else if (!truncated) {
            pthread_mutex_lock(&st->mu);
            truncated = ckpt_run(db, SQLITE_CHECKPOINT_TRUNCATE, &frames) == SQLITE_OK;
            pthread_mutex_unlock(&st->mu);
        }
        pthread_mutex_lock(&st->ckpt_mu);
    }
    pthread_mutex_unlock(&st->ckpt_mu);
    return NULL;
}

/* Turns the writer's automatic checkpoint off and starts the checkpointer. When the thread
 * cannot start, the automatic checkpoint stays on. */
static void ckpt_start(struct store *st)
{
    pthread_condattr_t ca;

    /* No busy handler: a checkpoint that would wait for the writer or a reader gives up and is
     * tried again at the next turn, so it never holds up a request. */
    if (sqlite3_open_v2(st->path, &st->ckpt_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        DB_VFS) != SQLITE_OK ||
        sqlite3_exec(st->ckpt_db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL) != SQLITE_OK) {
        log_msg(LOG_WARN,
                "cannot open the checkpointer's connection (%s): checkpoints stay on "
                "the writer",
                st->ckpt_db ? sqlite3_errmsg(st->ckpt_db) : "out of memory");
        sqlite3_close(st->ckpt_db);
        st->ckpt_db = NULL;
        return;
    }

    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&st->ckpt_cv, &ca);
    pthread_condattr_destroy(&ca);
    pthread_mutex_init(&st->ckpt_mu, NULL);
    st->ckpt_next_pages = CKPT_PAGES;
    if (pthread_create(&st->ckpt_thread, NULL, ckpt_main, st)) {
        log_msg(LOG_WARN, "cannot start the checkpointer: checkpoints stay on the writer");
        pthread_cond_destroy(&st->ckpt_cv);
        pthread_mutex_destroy(&st->ckpt_mu);
        sqlite3_close(st->ckpt_db);
        st->ckpt_db = NULL;
        return;
    }
    st->ckpt_running = 1;
    sqlite3_wal_hook(st->db, wal_hook, st); /* replaces the automatic checkpoint */
}

static void ckpt_stop(struct store *st)
{
    if (!st->ckpt_running)
        return;
    pthread_mutex_lock(&st->ckpt_mu);
    st->ckpt_stop = 1;
    pthread_cond_signal(&st->ckpt_cv);
    pthread_mutex_unlock(&st->ckpt_mu);
    pthread_join(st->ckpt_thread, NULL);
    sqlite3_wal_hook(st->db, NULL, NULL);
    pthread_cond_destroy(&st->ckpt_cv);
    pthread_mutex_destroy(&st->ckpt_mu);
    sqlite3_close(st->ckpt_db);
    st->ckpt_db = NULL;
    st->ckpt_running = 0;
}

/* SQLite's process-wide settings, before its first use. */
static void sqlite_configure(void)
{
    /* no allocation statistics: they cost a process-wide mutex on every allocation */
    (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int store_open_why(struct store **out, const char *path, char *why, size_t n)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    struct store *st = calloc(1, sizeof(*st));
    int memory = !strcmp(path, ":memory:");

    pthread_once(&once, sqlite_configure);
    *out = NULL;
    if (n)
        why[0] = '\0';
    if (!st) {
        snprintf(why, n, "out of memory");
        return -1;
    }
    st->id = __atomic_add_fetch(&next_store_id, 1, __ATOMIC_RELAXED);
    {
        /* recursive: store calls made inside a transaction callback join that transaction */
        pthread_mutexattr_t ma;

        pthread_mutexattr_init(&ma);
        pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE);
        pthread_mutex_init(&st->mu, &ma);
        pthread_mutexattr_destroy(&ma);
    }
    pthread_mutex_init(&st->readers_mu, NULL);
    if (!memory && !(st->path = strdup(path))) {
        store_close(st);
        return -1;
    }
    if (sqlite3_open_v2(path, &st->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        DB_VFS) != SQLITE_OK) {
        open_reason(st, why, n);
        st->w.db = st->db;
        store_close(st);
        return -1;
    }
    st->w.db = st->db;
    /* No wait while opening: a database another process holds (DB_VFS) is refused at once */
    sqlite3_busy_timeout(st->db, 0);
    /* CHOICE: WAL with synchronous=NORMAL: a committed write survives a crash of the process
     * (SIGKILL); only a power loss may drop the last commits. */
    if ((!memory &&
         sqlite3_exec(st->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL) != SQLITE_OK) ||
        sqlite3_exec(st->db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(st->db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL) != SQLITE_OK) {
        open_reason(st, why, n);
        store_close(st);
        return -1;
    }
    if (migrate_apply(st->db)) {
        snprintf(why, n, "the schema migrations failed");
        store_close(st);
        return -1;
    }
    sqlite3_busy_timeout(st->db, 5000);
    if (!memory)
        ckpt_start(st);
    *out = st;
    return 0;
}

int store_open(struct store **out, const char *path)
{
    char why[256];
    int rc = store_open_why(out, path, why, sizeof(why));

    if (rc)
        log_msg(LOG_ERROR, "cannot open database '%s': %s", path, why);
    return rc;
}

void store_close(struct store *st)
{
    if (!st)
        return;
    ckpt_stop(st);
    while (st->readers) {
        struct db_conn *r = st->readers;

        st->readers = r->next;
        conn_close(r);
        free(r);
    }
    conn_close(&st->w);
    pthread_mutex_destroy(&st->readers_mu);
    pthread_mutex_destroy(&st->mu);
    free(st->path);
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

/* Resets every statement handed out in the connection's open section. */
static void reset_used(struct db_conn *c)
{
    for (int i = 0; i < c->nused; i++) {
        struct db_stmt *d = &c->stmts[c->used[i]];

        sqlite3_reset(d->st);
        d->used = 0;
    }
    c->nused = 0;
}

/* Runs one of the transaction statements (BEGIN, COMMIT, ...), prepared once. */
static int run_tx_stmt(struct db_conn *c, enum db_tx_sql which)
{
    static const char *const sql[DB_TX__COUNT] = { "BEGIN", "BEGIN IMMEDIATE", "COMMIT",
                                                   "ROLLBACK" };
    sqlite3_stmt *s = c->tx_stmts[which];
    int rc;

    if (!s) {
        if (sqlite3_prepare_v3(c->db, sql[which], -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) !=
            SQLITE_OK) {
            log_msg(LOG_ERROR, "sqlite: %s: %s", sql[which], sqlite3_errmsg(c->db));
            return -1;
        }
        c->tx_stmts[which] = s;
    }
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        log_msg(LOG_ERROR, "sqlite: %s: %s", sql[which], sqlite3_errmsg(c->db));
        return -1;
    }
    return 0;
}

static void writer_lock(struct store *st)
{
    pthread_mutex_lock(&st->mu);
    st->w.depth++;
    tl_writer_store = st->id;
}

/* Releases one level of the writer's lock; the outermost one first resets the statements. */
static void writer_unlock(struct store *st)
{
    if (--st->w.depth == 0) {
        reset_used(&st->w);
        tl_writer_store = 0;
    }
    pthread_mutex_unlock(&st->mu);
}

/* The calling thread's read-only connection to st, opened on first use; NULL when st has none
 * (:memory:) or it cannot be opened (the reads then go to the writer). */
static struct db_conn *reader_of(struct store *st)
{
    struct db_conn *r;
    pthread_t self = pthread_self();

    if (tl_reader_store == st->id && tl_reader)
        return tl_reader;
    if (!st->path)
        return NULL;
    pthread_mutex_lock(&st->readers_mu);
    for (r = st->readers; r && !pthread_equal(r->owner, self); r = r->next)
        ;
    pthread_mutex_unlock(&st->readers_mu);
    if (!r) {
        r = calloc(1, sizeof(*r));
        if (!r)
            return NULL;
        if (sqlite3_open_v2(st->path, &r->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                            DB_VFS) != SQLITE_OK ||
            sqlite3_busy_timeout(r->db, 5000) != SQLITE_OK ||
            sqlite3_exec(r->db, "PRAGMA query_only=1", NULL, NULL, NULL) != SQLITE_OK) {
            log_msg(LOG_ERROR, "cannot open a reader on '%s': %s", st->path,
                    r->db ? sqlite3_errmsg(r->db) : "out of memory");
            conn_close(r);
            free(r);
            return NULL;
        }
        r->owner = self;
        pthread_mutex_lock(&st->readers_mu);
        r->next = st->readers;
        st->readers = r;
        pthread_mutex_unlock(&st->readers_mu);
    }
    tl_reader_store = st->id;
    tl_reader = r;
    return r;
}

int db_tx_begin(struct store *st)
{
    writer_lock(st);
    /* called inside a read on the writer: that read's snapshot ends here */
    if (!sqlite3_get_autocommit(st->db)) {
        reset_used(&st->w);
        (void)run_tx_stmt(&st->w, DB_TX_COMMIT);
    }
    if (run_tx_stmt(&st->w, DB_TX_BEGIN_IMMEDIATE)) {
        writer_unlock(st);
        return -1;
    }
    return 0;
}

int db_tx_end(struct store *st, int ok)
{
    int rc = ok;

    /* Before COMMIT: the checkpoint that follows a commit can only copy the frames below the
     * oldest open read snapshot, and a statement still on a row holds this connection's. */
    reset_used(&st->w);
    if (ok == STORE_OK) {
        if (run_tx_stmt(&st->w, DB_TX_COMMIT)) {
            (void)run_tx_stmt(&st->w, DB_TX_ROLLBACK);
            rc = STORE_ERROR;
        }
    } else {
        (void)run_tx_stmt(&st->w, DB_TX_ROLLBACK);
    }
    writer_unlock(st);
    /* a write made inside this thread's read section: the read goes on with a snapshot that
     * holds the write */
    if (tl_reader_store == st->id && tl_reader && tl_reader->depth > 0 &&
        tl_writer_store != st->id) {
        reset_used(tl_reader);
        (void)run_tx_stmt(tl_reader, DB_TX_COMMIT);
        (void)run_tx_stmt(tl_reader, DB_TX_BEGIN);
    }
    return rc;
}

int db_write_begin(struct store *st)
{
    if (tl_writer_store == st->id) {
        writer_lock(st); /* joins the open write */
        return 0;
    }
    return db_tx_begin(st);
}

int db_write_end(struct store *st, int ok)
{
    if (st->w.depth > 1) {
        writer_unlock(st);
        return ok;
    }
    return db_tx_end(st, ok);
}

/* A read is one deferred transaction: its statements share one snapshot, and the file locks
 * are taken once for all of them instead of once per statement. */
void db_read_begin(struct store *st)
{
    struct db_conn *r;

    if (tl_writer_store == st->id || !(r = reader_of(st))) {
        writer_lock(st);
        if (st->w.depth == 1)
            (void)run_tx_stmt(&st->w, DB_TX_BEGIN);
        return;
    }
    if (r->depth++ == 0)
        (void)run_tx_stmt(r, DB_TX_BEGIN);
}

void db_read_end(struct store *st)
{
    struct db_conn *c = current(st);

    if (c == &st->w) {
        if (st->w.depth == 1 && !sqlite3_get_autocommit(st->db)) {
            reset_used(&st->w);
            (void)run_tx_stmt(&st->w, DB_TX_COMMIT);
        }
        writer_unlock(st);
        return;
    }
    if (--c->depth == 0) {
        reset_used(c);
        (void)run_tx_stmt(c, DB_TX_COMMIT);
    }
}

void store_view_begin(struct store *st)
{
    db_read_begin(st);
}

void store_view_end(struct store *st)
{
    db_read_end(st);
}

static sqlite3_stmt *hand_out(struct db_conn *c, int i)
{
    if (!c->stmts[i].used) {
        c->stmts[i].used = 1;
        c->used[c->nused++] = i;
    }
    return c->stmts[i].st;
}

sqlite3_stmt *db_stmt(struct store *st, const char *sql)
{
    struct db_conn *c = current(st);
    sqlite3_stmt *s = NULL;

    for (int i = 0; i < c->nstmts; i++) {
        if (c->stmts[i].sql == sql) {
            sqlite3_reset(c->stmts[i].st);
            sqlite3_clear_bindings(c->stmts[i].st);
            return hand_out(c, i);
        }
    }
    if (sqlite3_prepare_v3(c->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
        db_log_error(st, sql);
        return NULL;
    }
    if (c->nstmts == DB_MAX_STMTS) {
        log_msg(LOG_ERROR, "statement cache full");
        sqlite3_finalize(s);
        return NULL;
    }
    c->stmts[c->nstmts].sql = sql;
    c->stmts[c->nstmts].st = s;
    c->stmts[c->nstmts].used = 0;
    c->nstmts++;
    return hand_out(c, c->nstmts - 1);
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
