/* http.c - libmicrohttpd glue: collects the capped body per connection, turns the MHD
 * connection into a struct req, runs the router, and turns the struct resp into an MHD
 * response. Nothing else in cmkemu includes <microhttpd.h>. */
#include "http.h"

#include "api.h"
#include "log.h"
#include "router.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>

#define HTTP_MAX_HEADERS 512
#define HTTP_MAX_QUERY   256

struct http_server {
    struct MHD_Daemon *d;
    const struct config *cfg;
    struct store *st;
    struct ids *ids;
    const struct seed *seed;
    int port;
};

/* Per-request state, created by uri_cb() before the headers are read, owned by MHD's *req_cls
 * and freed in completed_cb(). */
struct conn {
    struct buf body;
    int started;      /* access_cb has seen the request once */
    int over_cap;     /* the body outgrew the cap: the rest is read and dropped */
    int answered;     /* the answer is queued: nothing more to do for this request */
    size_t discarded; /* bytes dropped after the cap */
    struct timespec start;
    char *raw_path;  /* the request target as sent, before MHD decodes it: path ... */
    char *raw_query; /* ... and query (without '?', "" when none), for signature checks */
};

/* After the cap, a body sent without a declared length (chunked) is read and dropped until it
 * ends, then answered: libmicrohttpd queues no answer while a body is still arriving. A body
 * that goes on past this many more bytes is cut off by closing the connection. */
#define HTTP_MAX_DISCARD ((size_t)256 << 20)

struct kv_list {
    struct kv *v;
    size_t n;
    size_t cap;
    int overflow;
};

static enum MHD_Result collect_kv(void *cls, enum MHD_ValueKind kind, const char *key,
                                  const char *value)
{
    struct kv_list *l = cls;

    (void)kind;
    if (l->n == l->cap) {
        l->overflow = 1;
        return MHD_NO;
    }
    l->v[l->n].name = key;
    l->v[l->n].value = value ? value : "";
    l->n++;
    return MHD_YES;
}

static int hex_value(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

/* Percent-decoding of the path and the query, as libmicrohttpd's own, except that %00 is left
 * as it is: a C string cannot carry a NUL, and decoding one cut "bucket%00x" to "bucket", so a
 * request named a resource it did not name. */
static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
    char *w = s;
    const char *r = s;

    (void)cls;
    (void)c;
    while (*r) {
        int hi = r[0] == '%' ? hex_value(r[1]) : -1;
        int lo = hi >= 0 ? hex_value(r[2]) : -1;

        if (lo >= 0 && (hi | lo)) {
            *w++ = (char)(hi * 16 + lo);
            r += 3;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
    return (size_t)(w - s);
}

static double elapsed_ms(const struct timespec *start)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) * 1e3 +
           (double)(now.tv_nsec - start->tv_nsec) / 1e6;
}

static enum MHD_Result send_resp(struct MHD_Connection *c, struct resp *rs)
{
    size_t len = 0;
    char *body = buf_detach(&rs->body, &len);
    struct MHD_Response *r;
    enum MHD_Result ret;

    if (!body)
        return MHD_NO;
    if (rs->no_body) {
        free(body);
        body = calloc(1, 1);
        len = 0;
        if (!body)
            return MHD_NO;
    }
    r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(body);
        return MHD_NO;
    }
    for (size_t i = 0; i < rs->nheader; i++)
        MHD_add_response_header(r, rs->header[i].name, rs->header[i].value);
    ret = MHD_queue_response(c, (unsigned)rs->status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result handle(struct http_server *srv, struct MHD_Connection *c, struct conn *cn,
                              const char *url, const char *method)
{
    struct kv hdrs[HTTP_MAX_HEADERS];
    struct kv qs[HTTP_MAX_QUERY];
    struct kv_list hl = { hdrs, 0, HTTP_MAX_HEADERS, 0 };
    struct kv_list ql = { qs, 0, HTTP_MAX_QUERY, 0 };
    struct req rq;
    struct ctx cx;
    struct resp rs;
    enum MHD_Result ret;

    MHD_get_connection_values(c, MHD_HEADER_KIND, collect_kv, &hl);
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_kv, &ql);
    memset(&rq, 0, sizeof(rq));
    rq.method = method;
    rq.path = url;
    rq.raw_path = cn->raw_path ? cn->raw_path : url;
    rq.raw_query = cn->raw_query ? cn->raw_query : "";
    rq.header = hdrs;
    rq.nheader = hl.n;
    rq.query = qs;
    rq.nquery = ql.n;
    rq.body = cn->over_cap ? "" : buf_str(&cn->body);
    rq.body_len = cn->over_cap ? 0 : cn->body.len;
    rq.body_over_cap = cn->over_cap;

    memset(&cx, 0, sizeof(cx));
    cx.store = srv->st;
    cx.cfg = srv->cfg;
    cx.now_ms = ids_now_ms();
    cx.ids = srv->ids;
    cx.seed = srv->seed;

    resp_init(&rs);
    router_dispatch(&rq, &cx, &rs);
    if (cn->over_cap) /* the rest of what the client sent is not read as a next request */
        resp_header(&rs, "Connection", "close");
    /* A successful HEAD keeps its body: MHD answers its Content-Length (HeadObject's object
     * size) and never sends it. Failed HEADs and 204/304 go out without one. */
    if ((!strcmp(method, "HEAD") && rs.status >= 300) || rs.status == 204 || rs.status == 304)
        rs.no_body = 1;
    log_access(method, url, rs.status, elapsed_ms(&cn->start), cx.request_id);
    ret = send_resp(c, &rs);
    resp_release(&rs);
    return ret;
}

/* A request refused from its headers alone, with no body and the connection closed:
 * - more headers or query parameters than a request may carry, or a request line and headers
 *   over --max-header: 431 (414 for the query). None is dropped silently: a header past the
 *   limit may be the one that authenticates it;
 * - a Transfer-Encoding other than chunked: 501. libmicrohttpd would otherwise wait for a body
 *   it cannot frame until the idle timeout, and close without an answer. */
static enum MHD_Result refuse(struct MHD_Connection *c, struct conn *cn, const char *url,
                              const char *method, int status)
{
    struct resp rs;
    enum MHD_Result ret;

    resp_init(&rs);
    resp_status(&rs, status);
    resp_header(&rs, "Connection", "close");
    rs.no_body = 1;
    log_access(method, url, status, elapsed_ms(&cn->start), "-");
    ret = send_resp(c, &rs);
    resp_release(&rs);
    return ret;
}

/* Counts the request's headers and the bytes they take on the wire ("Name: value\r\n"). */
struct hdr_size {
    unsigned count;
    size_t bytes;
};

static enum MHD_Result add_hdr_size(void *cls, enum MHD_ValueKind kind, const char *key,
                                    const char *value)
{
    struct hdr_size *h = cls;

    (void)kind;
    h->count++;
    h->bytes += strlen(key) + (value ? strlen(value) : 0) + 4;
    return MHD_YES;
}

static enum MHD_Result access_cb(void *cls, struct MHD_Connection *c, const char *url,
                                 const char *method, const char *version, const char *upload_data,
                                 size_t *upload_data_size, void **req_cls)
{
    struct http_server *srv = cls;
    struct conn *cn = *req_cls;

    (void)version;
    if (!cn)
        return MHD_NO; /* uri_cb could not allocate */
    if (!cn->started) {
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
        const char *te = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Transfer-Encoding");

        struct hdr_size hs = { 0, 0 };
        size_t line = strlen(method) + strlen(cn->raw_path ? cn->raw_path : url) +
                      (cn->raw_query ? strlen(cn->raw_query) + 1 : 0) + sizeof(" HTTP/1.1\r\n") - 1;

        cn->started = 1;
        buf_init(&cn->body, srv->cfg->max_body);
        (void)MHD_get_connection_values(c, MHD_HEADER_KIND, add_hdr_size, &hs);
        /* --max-header bounds the request line and the headers together (libmicrohttpd's own
         * bound is its memory pool, which holds the body's read buffer too): a request line
         * over it alone is 414, else 431 */
        if (hs.count > HTTP_MAX_HEADERS ||
            (line <= srv->cfg->max_header && line + hs.bytes > srv->cfg->max_header)) {
            cn->answered = 1;
            return refuse(c, cn, url, method, 431);
        }
        if (line > srv->cfg->max_header ||
            MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, NULL, NULL) > HTTP_MAX_QUERY) {
            cn->answered = 1;
            return refuse(c, cn, url, method, 414);
        }
        if (te && strcasecmp(te, "chunked")) {
            cn->answered = 1;
            return refuse(c, cn, url, method, 501);
        }
        /* A declared length over the cap is answered before the body is read. */
        if (cl && strtoull(cl, NULL, 10) > srv->cfg->max_body) {
            cn->over_cap = 1;
            cn->answered = 1;
            return handle(srv, c, cn, url, method);
        }
        return MHD_YES;
    }
    if (*upload_data_size) {
        if (!cn->over_cap && buf_append(&cn->body, upload_data, *upload_data_size)) {
            cn->over_cap = 1;
            buf_release(&cn->body);
        } else if (cn->over_cap) {
            cn->discarded += *upload_data_size;
            if (cn->discarded > HTTP_MAX_DISCARD)
                return MHD_NO;
        }
        *upload_data_size = 0;
        return MHD_YES;
    }
    if (cn->answered)
        return MHD_YES;
    cn->answered = 1;
    return handle(srv, c, cn, url, method);
}

/* Called with the request target before MHD decodes it: keeps the raw path and query that
 * SigV4 canonical requests and the OCI (request-target) are computed over. */
static void *uri_cb(void *cls, const char *uri, struct MHD_Connection *c)
{
    struct conn *cn = calloc(1, sizeof(*cn));
    size_t pl;

    (void)cls;
    (void)c;
    if (!cn)
        return NULL;
    clock_gettime(CLOCK_MONOTONIC, &cn->start);
    uri = uri ? uri : "";
    pl = strcspn(uri, "?");
    cn->raw_path = strndup(uri, pl);
    cn->raw_query = strdup(uri[pl] == '?' ? uri + pl + 1 : "");
    if (!cn->raw_path || !cn->raw_query) {
        free(cn->raw_path);
        free(cn->raw_query);
        free(cn);
        return NULL;
    }
    return cn;
}

static void completed_cb(void *cls, struct MHD_Connection *c, void **req_cls,
                         enum MHD_RequestTerminationCode toe)
{
    struct conn *cn = *req_cls;

    (void)cls;
    (void)c;
    (void)toe;
    if (!cn)
        return;
    buf_release(&cn->body);
    free(cn->raw_path);
    free(cn->raw_query);
    free(cn);
    *req_cls = NULL;
}

__attribute__((format(printf, 2, 0))) static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    char line[512];

    (void)cls;
    vsnprintf(line, sizeof(line), fmt, ap);
    line[strcspn(line, "\n")] = '\0';
    log_msg(LOG_DEBUG, "mhd: %s", line);
}

/* How many connections libmicrohttpd may hold. Its default is FD_SETSIZE - 4 (1020) even with
 * epoll; past it the workers stop accepting and a new client waits in the listen backlog behind
 * idle ones until they time out. The limit follows the process's descriptor limit, first raised
 * to its hard limit, less room for the database files and the readers' connections. */
static unsigned connection_limit(void)
{
    const rlim_t most = 65536;
    struct rlimit rl;

    if (getrlimit(RLIMIT_NOFILE, &rl))
        return 1020;
    if (rl.rlim_cur < rl.rlim_max && rl.rlim_cur < most) {
        rl.rlim_cur = rl.rlim_max < most ? rl.rlim_max : most;
        if (setrlimit(RLIMIT_NOFILE, &rl))
            (void)getrlimit(RLIMIT_NOFILE, &rl);
    }
    if (rl.rlim_cur > most)
        rl.rlim_cur = most;
    return rl.rlim_cur > 256 ? (unsigned)(rl.rlim_cur - 128) : 128u;
}

struct http_server *http_start(const struct config *cfg, struct store *st, struct ids *ids,
                               const struct seed *seed)
{
    struct http_server *srv = calloc(1, sizeof(*srv));
    struct addrinfo hints, *ai = NULL;
    char port[16];
    const union MHD_DaemonInfo *info;
    unsigned flags =
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_USE_ERROR_LOG | MHD_USE_ITC;
    int rc;

    if (!srv)
        return NULL;
    srv->cfg = cfg;
    srv->st = st;
    srv->ids = ids;
    srv->seed = seed;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    snprintf(port, sizeof(port), "%d", cfg->port);
    rc = getaddrinfo(cfg->host, port, &hints, &ai);
    if (rc || !ai) {
        fprintf(stderr, "cmkemu: cannot resolve --host '%s': %s\n", cfg->host, gai_strerror(rc));
        free(srv);
        return NULL;
    }
    if (ai->ai_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    /* CHOICE: --max-header defaults to 16 KiB (S3 refuses a header section over 8 KiB).
     * libmicrohttpd clears a connection's whole memory pool (the cap plus 16 KiB for reading
     * the body) before each request, so a larger default costs every request. */
    srv->d = MHD_start_daemon(
        flags, (uint16_t)cfg->port, NULL, NULL, access_cb, srv, MHD_OPTION_SOCK_ADDR, ai->ai_addr,
        MHD_OPTION_NOTIFY_COMPLETED, completed_cb, srv, MHD_OPTION_URI_LOG_CALLBACK, uri_cb, srv,
        MHD_OPTION_CONNECTION_TIMEOUT, cfg->idle_timeout, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        cfg->max_header + 16384, MHD_OPTION_CONNECTION_LIMIT, connection_limit(),
        MHD_OPTION_THREAD_POOL_SIZE, cfg->threads ? cfg->threads : 1u, MHD_OPTION_EXTERNAL_LOGGER,
        mhd_log, NULL, MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL, MHD_OPTION_END);
    if (!srv->d) {
        int err = errno;

        fprintf(stderr, "cmkemu: cannot listen on %s:%d: %s\n", cfg->host, cfg->port,
                err == EADDRINUSE ? "address already in use" : (err ? strerror(err) : "failed"));
        freeaddrinfo(ai);
        free(srv);
        return NULL;
    }
    freeaddrinfo(ai);
    info = MHD_get_daemon_info(srv->d, MHD_DAEMON_INFO_BIND_PORT);
    srv->port = info ? info->port : cfg->port;
    return srv;
}

int http_port(const struct http_server *srv)
{
    return srv->port;
}

void http_stop(struct http_server *srv)
{
    MHD_socket s;

    if (!srv)
        return;
    s = MHD_quiesce_daemon(srv->d);
    (void)s;
    MHD_stop_daemon(srv->d);
    free(srv);
}
