/* oci_common.c - JSON bodies and errors, etags, paging, times, namespaces and retry tokens for
 * the OCI families. */
#include "oci_common.h"

#include "../json_out.h"
#include "../router.h"
#include "storage/store_oci.h"

#include <ctype.h>
#include <errno.h>
#include <openssl/sha.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* body (stolen; NULL: nothing) written into a new text */
static struct jw text_of(json_t *body)
{
    struct jw w = { 0 };

    if (body) {
        jw_value(&w, body);
        json_decref(body);
    }
    return w;
}

void oci_json(struct resp *rs, int status, json_t *body)
{
    struct jw w = text_of(body);

    oci_json_jw(rs, status, &w);
}

void oci_json_jw(struct resp *rs, int status, struct jw *w)
{
    size_t n = 0;
    char *s = w->len ? jw_finish(w, &n) : NULL; /* nothing written: no body */

    jw_free(w);
    resp_status(rs, status);
    resp_header(rs, "Content-Type", "application/json");
    if (s)
        resp_body_take(rs, s, n);
}

void oci_answer(const struct req *rq, struct resp *rs, json_t *body, const char *etag)
{
    struct jw w = text_of(body);

    oci_answer_jw(rq, rs, &w, etag);
}

void oci_answer_jw(const struct req *rq, struct resp *rs, struct jw *w, const char *etag)
{
    oci_json_jw(rs, 200, w);
    if (etag)
        oci_set_etag(rq, rs, etag);
}

void oci_no_content(struct resp *rs)
{
    resp_status(rs, 204);
    rs->no_body = 1;
}

int oci_fail_message(struct resp *rs, int e, const char *message)
{
    const struct api_error *row = oci_error_row(e);
    char utf8[3 * 1024];

    /* jansson refuses strings that are not UTF-8, and a request's bytes need not be */
    api_utf8_clean(utf8, sizeof(utf8), message);
    resp_del_header(rs, "ETag");
    resp_del_header(rs, "etag");
    oci_json(rs, row->status, json_pack("{s:s, s:s}", "code", row->code, "message", utf8));
    return e ? e : OCI_ERR_INTERNAL;
}

int oci_fail(struct resp *rs, struct ctx *cx, int e, const char *arg)
{
    char msg[1024];

    (void)cx;
    api_message(msg, sizeof(msg), oci_error_row(e)->message, arg);
    return oci_fail_message(rs, e, msg);
}

int oci_store_fail(struct resp *rs, struct ctx *cx, int rc, int not_found)
{
    if (rc == STORE_NOT_FOUND)
        return oci_fail(rs, cx, not_found, NULL);
    if (rc == STORE_ETAG_MISMATCH)
        return oci_fail(rs, cx, OCI_ERR_NO_ETAG_MATCH, NULL);
    return oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
}

int oci_body_object(const struct req *rq, struct ctx *cx, struct resp *rs, json_t **out)
{
    int os = rq->family == FAM_OCI_OS;
    json_error_t err;
    json_t *j;

    *out = NULL;
    if (rq->body_len == 0) {
        *out = json_object();
        return *out ? 0 : oci_fail(rs, cx, OCI_ERR_INTERNAL, NULL);
    }
    j = json_loadb(rq->body, rq->body_len, JSON_REJECT_DUPLICATES, &err);
    if (!j || !json_is_object(j)) {
        char what[256];

        if (j)
            snprintf(what, sizeof(what), "%s", "the body must be a JSON object");
        else
            snprintf(what, sizeof(what), "%s at line %d, column %d", err.text, err.line,
                     err.column);
        json_decref(j);
        /* CHOICE: Object Storage words it "Could not parse the request body as JSON: ..." */
        if (os) {
            char msg[320];

            snprintf(msg, sizeof(msg), "Could not parse the request body as JSON: %s", what);
            return oci_fail(rs, cx, OCI_ERR_OS_INVALID_JSON, msg);
        }
        return oci_fail(rs, cx, OCI_ERR_CANNOT_PARSE, what);
    }
    *out = j;
    return 0;
}

json_t *oci_json_string_or_null(const char *s)
{
    return s && *s ? json_string(s) : json_null();
}

json_t *oci_json_object_text(const char *text)
{
    json_t *j = text ? json_loads(text, 0, NULL) : NULL;

    if (!json_is_object(j)) {
        json_decref(j);
        j = json_object();
    }
    return j;
}

void oci_jw_object_text(struct jw *w, const char *text)
{
    size_t n = text ? strlen(text) : 0;

    if (n >= 2 && text[0] == '{' && text[n - 1] == '}')
        jw_raw(w, text, n);
    else
        jw_raw(w, "{}", 2);
}

json_t *oci_json_text(const char *text, const char *dflt)
{
    json_t *j = text && *text ? json_loads(text, 0, NULL) : NULL;

    return j ? j : json_loads(dflt, 0, NULL);
}

void oci_set_etag(const struct req *rq, struct resp *rs, const char *etag)
{
    resp_header(rs, rq->family == FAM_OCI_OS ? "ETag" : "etag", etag);
}

int oci_if_match_ok(const struct req *rq, const char *etag)
{
    const char *im = req_header(rq, "if-match");

    return !im || !strcmp(im, etag);
}

void oci_new_etag(const struct req *rq, struct ctx *cx, char out[41])
{
    if (rq->family == FAM_OCI_OS)
        ids_uuid(cx->ids, out);
    else
        ids_hex(cx->ids, out, 20);
}

int oci_page_params(const struct req *rq, struct ctx *cx, struct resp *rs, int dflt, int max,
                    int *limit, const char **page)
{
    const char *l = req_query(rq, "limit");
    const char *p = req_query(rq, "page");
    char *end = NULL;
    long v;

    *limit = dflt;
    *page = p && *p ? p : NULL;
    if (!l)
        return 0;
    v = strtol(l, &end, 10);
    if (!*l || *end || v < 1 || v > max) {
        char msg[128];

        snprintf(msg, sizeof(msg), "Invalid limit '%.40s': must be between 1 and %d", l, max);
        return oci_fail(rs, cx, OCI_ERR_INVALID_PARAMETER, msg);
    }
    *limit = (int)v;
    return 0;
}

int oci_page_number(const struct req *rq, struct ctx *cx, struct resp *rs,
                    const struct oci_paging *p, int *limit, int64_t *number)
{
    const char *page;
    char *end = NULL;
    long long v;
    int e = oci_page_params(rq, cx, rs, p->dflt, p->max, limit, &page);

    *number = 0;
    if (e || !page)
        return e;
    errno = 0;
    v = strtoll(page, &end, 10);
    if (*end || errno || v < p->first || v > p->last)
        return oci_fail(rs, cx, p->bad_page, page);
    *number = v;
    return 0;
}

void oci_answer_list(struct resp *rs, json_t *body, int64_t next)
{
    oci_json(rs, 200, body);
    if (next)
        resp_headerf(rs, "opc-next-page", "%lld", (long long)next);
}

/* n digits of v, zero-padded, at p */
static void put_digits(char *p, unsigned v, int n)
{
    while (n--) {
        p[n] = (char)('0' + v % 10);
        v /= 10;
    }
}

void oci_time(int64_t ms, char *out, size_t n)
{
    int64_t frac = ms % 1000;
    int64_t secs, days, sod, z, era, doe, yoe, y, doy, mp, d, m;
    char t[25];

    if (frac < 0) /* before 1970 the second starts below ms: floor, not truncate */
        frac += 1000;
    secs = (ms - frac) / 1000;
    days = secs / 86400;
    sod = secs % 86400;
    if (sod < 0) {
        sod += 86400;
        days--;
    }
    /* the civil date of a day count (H. Hinnant's days_from_civil, inverted): no gmtime_r,
     * whose time-zone lock every answer with a time took */
    z = days + 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    if (y < 0 || y > 9999) { /* not a time the stores hold (oci_time_parse's range) */
        snprintf(out, n, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%03lldZ", (long long)y,
                 (long long)m, (long long)d, (long long)(sod / 3600), (long long)(sod / 60 % 60),
                 (long long)(sod % 60), (long long)frac);
        return;
    }
    memcpy(t, "0000-00-00T00:00:00.000Z", sizeof(t));
    put_digits(t, (unsigned)y, 4);
    put_digits(t + 5, (unsigned)m, 2);
    put_digits(t + 8, (unsigned)d, 2);
    put_digits(t + 11, (unsigned)(sod / 3600), 2);
    put_digits(t + 14, (unsigned)(sod / 60 % 60), 2);
    put_digits(t + 17, (unsigned)(sod % 60), 2);
    put_digits(t + 20, (unsigned)frac, 3);
    if (n) { /* as snprintf would: cut to fit, always terminated */
        size_t k = n - 1 < sizeof(t) - 1 ? n - 1 : sizeof(t) - 1;

        memcpy(out, t, k);
        out[k] = '\0';
    }
}

json_t *oci_time_json(int64_t ms)
{
    char buf[64];

    oci_time(ms, buf, sizeof(buf));
    return json_string(buf);
}

#define OCI_TIME_MIN_MS (-62167219200000LL) /* 0000-01-01T00:00:00.000Z */
#define OCI_TIME_MAX_MS 253402300799999LL   /* 9999-12-31T23:59:59.999Z */

void oci_jw_time(struct jw *w, int64_t ms)
{
    char buf[64];

    oci_time(ms, buf, sizeof(buf));
    jw_string(w, buf);
}

int oci_time_parse(const char *s, int64_t *ms)
{
    struct tm tm, fields;
    int64_t v;
    const char *p;
    int frac_ms = 0;
    int off = 0;
    time_t t;

    memset(&tm, 0, sizeof(tm));
    if (!s)
        return -1;
    p = strptime(s, "%Y-%m-%dT%H:%M:%S", &tm);
    if (!p)
        return -1;
    if (*p == '.') {
        int digits = 0;

        for (p++; *p >= '0' && *p <= '9'; p++, digits++)
            if (digits < 3)
                frac_ms = frac_ms * 10 + (*p - '0');
        if (!digits)
            return -1;
        for (; digits < 3; digits++)
            frac_ms *= 10;
    }
    if (*p == 'Z' || *p == 'z') {
        p++;
    } else if ((*p == '+' || *p == '-') && strlen(p) == 6 && isdigit((unsigned char)p[1]) &&
               isdigit((unsigned char)p[2]) && p[3] == ':' && isdigit((unsigned char)p[4]) &&
               isdigit((unsigned char)p[5])) {
        int hh = (p[1] - '0') * 10 + (p[2] - '0');
        int mm = (p[4] - '0') * 10 + (p[5] - '0');

        if (hh > 23 || mm > 59)
            return -1;
        off = (hh * 60 + mm) * 60;
        if (*p == '-')
            off = -off;
        p += 6;
    } else {
        return -1;
    }
    if (*p)
        return -1;
    fields = tm;
    t = timegm(&tm);
    /* CHOICE: a field beyond its calendar range (February 30, a leap second :60) is refused,
     * not carried into the next field as timegm would; -1 is 1969-12-31T23:59:59Z, valid. */
    if (tm.tm_year != fields.tm_year || tm.tm_mon != fields.tm_mon ||
        tm.tm_mday != fields.tm_mday || tm.tm_hour != fields.tm_hour ||
        tm.tm_min != fields.tm_min || tm.tm_sec != fields.tm_sec)
        return -1;
    v = ((int64_t)t - off) * 1000 + frac_ms;
    /* the offset may not move the instant out of four-digit years, which oci_time writes */
    if (v < OCI_TIME_MIN_MS || v > OCI_TIME_MAX_MS)
        return -1;
    *ms = v;
    return 0;
}

void oci_namespace_of(const char *tenancy, char out[13])
{
    static const char alpha[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    /* every Object Storage request derives its tenancy's namespace, and SHA256() fetches the
     * digest anew each call (OpenSSL 3): the last tenancy's namespace is kept per thread */
    static __thread char last_tenancy[256];
    static __thread char last_ns[13];
    unsigned char md[SHA256_DIGEST_LENGTH];
    size_t n = strlen(tenancy);

    if (last_ns[0] && !strcmp(tenancy, last_tenancy)) {
        memcpy(out, last_ns, 13);
        return;
    }
    SHA256((const unsigned char *)tenancy, n, md);
    /* real namespaces are 12 lower-case letters and digits, starting with a letter */
    out[0] = alpha[md[0] % 26];
    for (int i = 1; i < 12; i++)
        out[i] = alpha[md[i] % 36];
    out[12] = '\0';
    if (n < sizeof(last_tenancy)) {
        memcpy(last_tenancy, tenancy, n + 1);
        memcpy(last_ns, out, 13);
    }
}

static void body_digest(const struct req *rq, char out[65])
{
    static const char hex[] = "0123456789abcdef";
    unsigned char md[SHA256_DIGEST_LENGTH];

    SHA256((const unsigned char *)rq->body, rq->body_len, md);
    for (size_t i = 0; i < SHA256_DIGEST_LENGTH; i++) {
        out[2 * i] = hex[md[i] >> 4];
        out[2 * i + 1] = hex[md[i] & 15];
    }
    out[64] = '\0';
}

int oci_retry_replay(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    const char *token = req_header(rq, "opc-retry-token");
    struct oci_retry_row row;
    char digest[65];

    if (!token || !*token)
        return 0;
    if (store_oci_retry_get(cx->store, rq->account, token, rq->method, rq->path, &row) != STORE_OK)
        return 0;
    body_digest(rq, digest);
    if (strcmp(digest, row.body_sha256)) {
        oci_retry_row_release(&row);
        oci_fail(rs, cx, OCI_ERR_INVALIDATED_RETRY_TOKEN, NULL);
        return 1;
    }
    resp_status(rs, row.status);
    resp_header(rs, "Content-Type", "application/json");
    if (row.etag)
        oci_set_etag(rq, rs, row.etag);
    if (row.response) {
        resp_body_take(rs, row.response, strlen(row.response));
        row.response = NULL;
    }
    oci_retry_row_release(&row);
    return 1;
}

void oci_retry_record(const struct req *rq, struct ctx *cx, const struct resp *rs)
{
    const char *token = req_header(rq, "opc-retry-token");
    struct oci_retry_row row;
    const char *etag = resp_get_header(rs, rq->family == FAM_OCI_OS ? "ETag" : "etag");

    if (!token || !*token || rs->status >= 300)
        return;
    memset(&row, 0, sizeof(row));
    body_digest(rq, row.body_sha256);
    row.status = rs->status;
    row.response = (char *)buf_str(&rs->body);
    row.etag = (char *)etag;
    (void)store_oci_retry_put(cx->store, rq->account, token, rq->method, rq->path, &row,
                              cx->now_ms);
}
