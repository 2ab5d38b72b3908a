/* fuzz_lib.c - see fuzz_lib.h. */
#include "fuzz_lib.h"

#include "server/log.h"
#include "server/router.h"
#include "storage/db.h"

#include <jansson.h>
#include <libxml/parser.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fuzz_fail(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    fputs("FUZZ CHECK FAILED: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

static struct fuzz_env env;
static int env_open;
static sqlite3_int64 seen_changes; /* the store's change counter when it was last pristine */

/* Each table's rows right after store_open() live in an attached in-memory database; putting
 * them back is DELETE + INSERT ... SELECT per table, statements prepared once, so the schema
 * never changes and the store's cached statements stay valid. */
#define FUZZ_MAX_TABLES 64
static sqlite3_stmt *restore[2 * FUZZ_MAX_TABLES];
static int nrestore;

static void exec(const char *sql)
{
    char *err = NULL;

    if (sqlite3_exec(env.st->db, sql, NULL, NULL, &err) != SQLITE_OK)
        fuzz_fail("%s: %s", sql, err ? err : "?");
}

static void snapshot(void)
{
    sqlite3_stmt *q;
    char sql[256];

    exec("ATTACH DATABASE ':memory:' AS pristine");
    if (sqlite3_prepare_v2(env.st->db,
                           "SELECT name FROM main.sqlite_master WHERE type = 'table' "
                           "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                           -1, &q, NULL) != SQLITE_OK)
        fuzz_fail("cannot list the tables");
    while (sqlite3_step(q) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(q, 0);

        if (nrestore == 2 * FUZZ_MAX_TABLES)
            fuzz_fail("more than %d tables", FUZZ_MAX_TABLES);
        snprintf(sql, sizeof(sql), "CREATE TABLE pristine.\"%s\" AS SELECT * FROM main.\"%s\"", t,
                 t);
        exec(sql);
        snprintf(sql, sizeof(sql), "DELETE FROM main.\"%s\"", t);
        if (sqlite3_prepare_v2(env.st->db, sql, -1, &restore[nrestore++], NULL) != SQLITE_OK)
            fuzz_fail("%s", sql);
        snprintf(sql, sizeof(sql), "INSERT INTO main.\"%s\" SELECT * FROM pristine.\"%s\"", t, t);
        if (sqlite3_prepare_v2(env.st->db, sql, -1, &restore[nrestore++], NULL) != SQLITE_OK)
            fuzz_fail("%s", sql);
    }
    sqlite3_finalize(q);
}

static void put_back(void)
{
    /* a cached statement left mid-step would keep its read open */
    for (int i = 0; i < env.st->w.nstmts; i++)
        sqlite3_reset(env.st->w.stmts[i].st);
    exec("PRAGMA foreign_keys = OFF");
    exec("BEGIN");
    for (int i = 0; i < nrestore; i++) {
        if (sqlite3_step(restore[i]) != SQLITE_DONE)
            fuzz_fail("cannot restore the store: %s", sqlite3_errmsg(env.st->db));
        sqlite3_reset(restore[i]);
    }
    exec("COMMIT");
    exec("PRAGMA foreign_keys = ON");
}

struct fuzz_env *fuzz_env_begin(void)
{
    if (!env_open) {
        log_set_level(LOG_ERROR);
        config_defaults(&env.cfg);
        /* small enough that the fuzzer reaches the body-cap answers */
        env.cfg.max_body = 16384;
        env.now_ms = 1764000000000LL; /* 2025-11-24T16:00:00Z */
        if (store_open(&env.st, ":memory:"))
            fuzz_fail("cannot open the :memory: store");
        snapshot();
        seen_changes = sqlite3_total_changes64(env.st->db);
        env_open = 1;
    } else if (sqlite3_total_changes64(env.st->db) != seen_changes) {
        put_back();
        seen_changes = sqlite3_total_changes64(env.st->db);
    }
    ids_init_deterministic(&env.ids, 42);
    return &env;
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* In-place %XX decoding as MHD_http_unescape does it: a '%' without two hex digits stays. */
static void unescape(char *s, int plus)
{
    char *w = s;

    for (char *r = s; *r; r++) {
        if (*r == '%' && hexval(r[1]) >= 0 && hexval(r[2]) >= 0) {
            *w++ = (char)(hexval(r[1]) * 16 + hexval(r[2]));
            r += 2;
        } else {
            *w++ = plus && *r == '+' ? ' ' : *r;
        }
    }
    *w = '\0';
}

/* Splits "path?a=b&c" in place into fr->path and fr->query. */
static void split_target(struct fuzz_req *fr, char *target)
{
    char *q = strchr(target, '?');

    if (q) {
        char *save = NULL;

        *q++ = '\0';
        for (char *tok = strtok_r(q, "&", &save); tok && fr->nquery < FUZZ_MAX_KV;
             tok = strtok_r(NULL, "&", &save)) {
            char *eq = strchr(tok, '=');

            if (eq)
                *eq++ = '\0';
            unescape(tok, 1);
            if (eq)
                unescape(eq, 1);
            fr->query[fr->nquery].name = tok;
            fr->query[fr->nquery].value = eq ? eq : "";
            fr->nquery++;
        }
    }
    unescape(target, 0);
    fr->path = target;
}

/* The next line of [*p, end), NUL-terminated in place; NULL when no line end is left. As
 * libmicrohttpd 0.9.75 reads headers, "\r\n", "\n" and a bare "\r" each end a line, so no
 * header value ever holds CR or LF. */
static char *next_line(char **p, char *end)
{
    char *s = *p;
    char *e = s;

    while (e < end && *e != '\r' && *e != '\n')
        e++;
    if (e == end)
        return NULL;
    *p = e + 1 + (e[0] == '\r' && e + 1 < end && e[1] == '\n');
    *e = '\0';
    return s;
}

int fuzz_req_parse(struct fuzz_req *fr, const uint8_t *data, size_t size)
{
    char *p, *end, *line, *sp;

    memset(fr, 0, sizeof(*fr));
    fr->mem = malloc(size + 1);
    if (!fr->mem)
        return -1;
    if (size)
        memcpy(fr->mem, data, size);
    fr->mem[size] = '\0';
    p = fr->mem;
    end = fr->mem + size;
    line = next_line(&p, end);
    if (!line) { /* a request line alone, no headers, no body */
        line = p;
        p = end;
    }
    sp = strchr(line, ' ');
    if (sp) {
        *sp++ = '\0';
        sp[strcspn(sp, " ")] = '\0';
    }
    fr->method = *line ? line : "GET";
    if (!sp || !*sp) {
        memcpy(fr->root, "/", 2);
        sp = fr->root;
    }
    split_target(fr, sp);
    while (p < end && (line = next_line(&p, end)) != NULL && *line) {
        char *colon = strchr(line, ':');
        char *v;
        size_t n;

        if (!colon || colon == line || fr->nheader == FUZZ_MAX_KV)
            continue;
        *colon = '\0';
        v = colon + 1;
        v += strspn(v, " \t");
        n = strlen(v);
        while (n && (v[n - 1] == ' ' || v[n - 1] == '\t'))
            v[--n] = '\0';
        fr->header[fr->nheader].name = line;
        fr->header[fr->nheader].value = v;
        fr->nheader++;
    }
    fr->body = p < end ? p : "";
    fr->body_len = p < end ? (size_t)(end - p) : 0;
    return 0;
}

int fuzz_req_make(struct fuzz_req *fr, const char *method, const char *target,
                  const struct kv *headers, size_t nheaders, const uint8_t *body, size_t len)
{
    size_t tl = strlen(target);

    memset(fr, 0, sizeof(*fr));
    fr->mem = malloc(tl + 1 + len + 1);
    if (!fr->mem)
        return -1;
    memcpy(fr->mem, target, tl + 1);
    if (len)
        memcpy(fr->mem + tl + 1, body, len);
    fr->mem[tl + 1 + len] = '\0';
    fr->method = method;
    split_target(fr, fr->mem);
    for (size_t i = 0; i < nheaders; i++)
        fuzz_req_add_header(fr, headers[i].name, headers[i].value);
    fr->body = fr->mem + tl + 1;
    fr->body_len = len;
    return 0;
}

void fuzz_req_add_header(struct fuzz_req *fr, const char *name, const char *value)
{
    if (fr->nheader == FUZZ_MAX_KV)
        return;
    fr->header[fr->nheader].name = name;
    fr->header[fr->nheader].value = value;
    fr->nheader++;
}

void fuzz_req_release(struct fuzz_req *fr)
{
    free(fr->mem);
    fr->mem = NULL;
}

/* Set by fuzz_dispatch while it checks a successful GetObject answer. */
static int fuzz_object_body;

int fuzz_dispatch(struct fuzz_env *e, const struct fuzz_req *fr, struct resp *rs)
{
    struct req rq;
    struct ctx cx;

    memset(&rq, 0, sizeof(rq));
    rq.method = fr->method;
    rq.path = fr->path;
    rq.query = fr->query;
    rq.nquery = fr->nquery;
    rq.header = fr->header;
    rq.nheader = fr->nheader;
    rq.body_over_cap = fr->body_len > e->cfg.max_body;
    rq.body = rq.body_over_cap ? "" : fr->body;
    rq.body_len = rq.body_over_cap ? 0 : fr->body_len;
    memset(&cx, 0, sizeof(cx));
    cx.store = e->st;
    cx.cfg = &e->cfg;
    cx.now_ms = e->now_ms;
    cx.ids = &e->ids;
    resp_init(rs);
    router_dispatch(&rq, &cx, rs);
    /* as http.c: HEAD, 204 and 304 answers go out without a body */
    if (!strcmp(rq.method, "HEAD") || rs->status == 204 || rs->status == 304)
        rs->no_body = 1;
    /* a successful GetObject answers the object's own bytes, which need not be XML */
    fuzz_object_body = rq.family == FAM_S3 && !strcmp(rq.method, "GET") && rq.nparam > 1 &&
                       rq.param[1] && rq.param[1][0] && rs->status < 300;
    fuzz_check_resp(rq.family, rs);
    fuzz_object_body = 0;
    return rq.family;
}

int fuzz_xml_ok(const char *p, size_t n, char **root)
{
    xmlDocPtr doc;
    xmlNodePtr r;

    if (root)
        *root = NULL;
    if (n > (size_t)0x7fffffff)
        return 0;
    doc = xmlReadMemory(p, (int)n, "response.xml", NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc)
        return 0;
    r = xmlDocGetRootElement(doc);
    if (r && root)
        *root = strdup((const char *)r->name);
    xmlFreeDoc(doc);
    return r != NULL;
}

static void check_json(const struct resp *rs, int error)
{
    json_error_t err;
    json_t *j = json_loadb(rs->body.data ? rs->body.data : "", rs->body.len, JSON_DECODE_ANY, &err);

    if (!j)
        fuzz_fail("status %d: body is not JSON (%s): %.*s", rs->status, err.text, (int)rs->body.len,
                  buf_str(&rs->body));
    if (error && (!json_is_object(j) || !json_is_string(json_object_get(j, "code")) ||
                  !json_is_string(json_object_get(j, "message"))))
        fuzz_fail("status %d: error body lacks code and message: %s", rs->status,
                  buf_str(&rs->body));
    json_decref(j);
}

void fuzz_check_resp(int family, const struct resp *rs)
{
    const char *body = buf_str(&rs->body);

    if (rs->status < 100 || rs->status > 599)
        fuzz_fail("status %d out of range", rs->status);
    for (size_t i = 0; i < rs->nheader; i++) {
        const char *n = rs->header[i].name;
        const char *v = rs->header[i].value;

        if (!n || !*n || !v || strpbrk(n, "\r\n: ") || strpbrk(v, "\r\n"))
            fuzz_fail("bad response header %s", n ? n : "(null)");
    }
    switch ((enum family)family) {
    case FAM_S3:
        if (rs->body.len && !fuzz_object_body) {
            char *root = NULL;
            const char *ct = resp_get_header(rs, "Content-Type");

            if (!fuzz_xml_ok(body, rs->body.len, &root))
                fuzz_fail("status %d: S3 body is not well-formed XML: %s", rs->status, body);
            if (rs->status >= 300 && strcmp(root, "Error"))
                fuzz_fail("status %d: S3 error body has root %s", rs->status, root);
            free(root);
            if (!ct || strcmp(ct, "application/xml"))
                fuzz_fail("S3 XML body with Content-Type %s", ct ? ct : "(none)");
        }
        break;
    case FAM_OCI_OS:
    case FAM_OCI_CORE:
    case FAM_OCI_KMS:
    case FAM_OCI_CG:
        if (rs->no_body)
            break; /* a HEAD error is the status alone, as OCI answers it */
        if (rs->status >= 400)
            check_json(rs, 1);
        else if (rs->body.len)
            check_json(rs, 0);
        break;
    case FAM_AWS_JSON:
    case FAM_EMU:
        if (rs->body.len)
            check_json(rs, 0);
        break;
    }
}
