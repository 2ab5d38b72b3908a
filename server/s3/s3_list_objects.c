/* s3_list_objects.c - ListObjectsV2: GET /{bucket}?list-type=2 with prefix, delimiter and
 * CommonPrefixes, max-keys, continuation-token, start-after and encoding-type=url. */
#include "s3.h"
#include "s3_access.h"
#include "s3_handlers.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIST_MAX_KEYS 1000

struct list_item {
    char *key; /* the key, or the common prefix */
    int is_prefix;
    int64_t size;
    int64_t last_modified_ms;
    char etag[40];
    char storage_class[32];
};

struct list_walk {
    const char *prefix;
    const char *delimiter; /* NULL: none */
    long max;
    struct list_item *items;
    long n;
    int truncated;
    int oom;
    char *collapsing; /* the common prefix whose keys are being folded into it */
};

static int walk_one(void *arg, const struct s3_object_row *o)
{
    struct list_walk *w = arg;
    const char *rest = o->key + strlen(w->prefix);
    const char *d = w->delimiter ? strstr(rest, w->delimiter) : NULL;
    struct list_item *it;

    if (w->collapsing && !strncmp(o->key, w->collapsing, strlen(w->collapsing)))
        return 0;
    if (w->n == w->max) {
        w->truncated = 1;
        return 1;
    }
    it = &w->items[w->n];
    memset(it, 0, sizeof(*it));
    if (d) {
        size_t len = (size_t)(d - o->key) + strlen(w->delimiter);

        it->key = strndup(o->key, len);
        it->is_prefix = 1;
        w->collapsing = it->key;
    } else {
        it->key = strdup(o->key);
        it->size = o->size;
        it->last_modified_ms = o->last_modified_ms;
        snprintf(it->etag, sizeof(it->etag), "%s", o->etag);
        snprintf(it->storage_class, sizeof(it->storage_class), "%s", o->storage_class);
    }
    if (!it->key) {
        w->oom = 1;
        return 1;
    }
    w->n++;
    return 0;
}

/* CHOICE: a continuation token is the hex of "K<key>" (resume after a key) or "P<prefix>"
 * (resume after every key under a common prefix). */
static char *token_encode(const struct list_item *it)
{
    size_t n = strlen(it->key);
    char *t = malloc(2 * (n + 1) + 1);

    if (!t)
        return NULL;
    snprintf(t, 3, "%02x", it->is_prefix ? 'P' : 'K');
    for (size_t i = 0; i < n; i++)
        snprintf(t + 2 + 2 * i, 3, "%02x", (unsigned char)it->key[i]);
    return t;
}

static int token_decode(const char *t, char *out, size_t n, int *is_prefix)
{
    size_t len = strlen(t);

    if (len < 2 || len % 2 || len / 2 > n)
        return -1;
    for (size_t i = 0; i < len / 2; i++) {
        unsigned v;

        if (sscanf(t + 2 * i, "%2x", &v) != 1 || !strchr("0123456789abcdef", t[2 * i]) ||
            !strchr("0123456789abcdef", t[2 * i + 1]) || v == 0)
            return -1;
        out[i] = (char)v;
    }
    out[len / 2] = '\0';
    if (out[0] != 'K' && out[0] != 'P')
        return -1;
    *is_prefix = out[0] == 'P';
    memmove(out, out + 1, len / 2);
    return 0;
}

/* encoding-type=url: every byte but unreserved characters and '/' as %XX, space as '+'. */
static char *url_encode(const char *s)
{
    char *o = malloc(3 * strlen(s) + 1);
    size_t used = 0;

    if (!o)
        return NULL;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;

        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            strchr("-_.~/", c))
            o[used++] = (char)c;
        else if (c == ' ')
            o[used++] = '+';
        else
            used += (size_t)snprintf(o + used, 4, "%%%02X", c);
    }
    o[used] = '\0';
    return o;
}

static void elem_enc(struct s3_xml *x, const char *name, const char *v, int url)
{
    char *e = url ? url_encode(v) : NULL;

    s3_xml_elem(x, name, e ? e : v);
    free(e);
}

static int arg_fail(struct resp *rs, struct ctx *cx, int err, const char *name, const char *value)
{
    struct kv extra[2] = { { "ArgumentName", name }, { "ArgumentValue", value } };

    return s3_fail_ex(rs, cx, err, NULL, extra, value ? 2 : 1);
}

/* max-keys: a non-negative integer; CHOICE: above 1000 it is echoed but 1000 are returned. */
static int parse_max_keys(const char *v, long *out)
{
    char *end;
    long n;

    *out = LIST_MAX_KEYS;
    if (!v)
        return 0;
    errno = 0;
    n = strtol(v, &end, 10);
    if (!*v || *end || errno || n < 0 || n > 2147483647L)
        return -1;
    *out = n;
    return 0;
}

static void render(struct s3_xml *x, const struct list_walk *w, int url)
{
    char when[32], size[32];

    for (long i = 0; i < w->n; i++) {
        const struct list_item *it = &w->items[i];

        if (it->is_prefix)
            continue;
        s3_iso8601(it->last_modified_ms, when, sizeof(when));
        snprintf(size, sizeof(size), "%" PRId64, it->size);
        s3_xml_open(x, "Contents");
        elem_enc(x, "Key", it->key, url);
        s3_xml_elem(x, "LastModified", when);
        s3_xml_elem(x, "ETag", it->etag);
        s3_xml_elem(x, "Size", size);
        s3_xml_elem(x, "StorageClass", it->storage_class);
        s3_xml_close(x);
    }
    for (long i = 0; i < w->n; i++) {
        if (!w->items[i].is_prefix)
            continue;
        s3_xml_open(x, "CommonPrefixes");
        elem_enc(x, "Prefix", w->items[i].key, url);
        s3_xml_close(x);
    }
}

/* ListObjectsV2: GET /{bucket}?list-type=2 */
int s3_list_objects_v2(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    const char *prefix = req_query(rq, "prefix");
    const char *delimiter = req_query(rq, "delimiter");
    const char *token = req_query(rq, "continuation-token");
    const char *start_after = req_query(rq, "start-after");
    const char *encoding = req_query(rq, "encoding-type");
    const char *max_keys = req_query(rq, "max-keys");
    struct s3_bucket_row b;
    struct list_walk w;
    struct s3_xml x;
    char after[S3_KEY_MAX + 2] = "";
    char num[32];
    char *next = NULL;
    long max;
    int url, token_prefix = 0, err;

    if (strcmp(req_query(rq, "list-type"), "2")) /* ListObjects (version 1) is not served */
        return s3_fail(rs, cx, S3_ERR_NOT_IMPLEMENTED);
    err = s3_bucket_access(rq, cx, rs, &b);
    if (err)
        return err;
    if (parse_max_keys(max_keys, &max))
        return arg_fail(rs, cx, S3_ERR_MAX_KEYS_INVALID, "max-keys", max_keys);
    if (encoding && strcmp(encoding, "url"))
        return arg_fail(rs, cx, S3_ERR_ENCODING_TYPE_INVALID, "encoding-type", encoding);
    url = encoding != NULL;
    if (token && token_decode(token, after, sizeof(after) - 1, &token_prefix))
        return arg_fail(rs, cx, S3_ERR_CONTINUATION_TOKEN_INVALID, "continuation-token", NULL);
    /* the token wins over start-after, as S3 documents */
    if (!token && start_after)
        snprintf(after, sizeof(after), "%s", start_after);
    if (!prefix)
        prefix = "";
    if (delimiter && !*delimiter)
        delimiter = NULL;

    memset(&w, 0, sizeof(w));
    w.prefix = prefix;
    w.delimiter = delimiter;
    w.max = max > LIST_MAX_KEYS ? LIST_MAX_KEYS : max;
    w.items = calloc((size_t)w.max + 1, sizeof(*w.items));
    w.collapsing = token_prefix ? after : NULL;
    if (!w.items)
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    if (w.max && store_s3_object_list(cx->store, b.name, prefix, after, walk_one, &w) != STORE_OK)
        w.oom = 1;
    if (!w.oom && w.truncated && w.n && !(next = token_encode(&w.items[w.n - 1])))
        w.oom = 1;
    if (w.oom || s3_xml_start(&x, "ListBucketResult", 1)) {
        err = s3_fail(rs, cx, S3_ERR_INTERNAL);
        goto out;
    }
    s3_xml_elem(&x, "Name", b.name);
    elem_enc(&x, "Prefix", prefix, url);
    if (start_after)
        elem_enc(&x, "StartAfter", start_after, url);
    if (token)
        s3_xml_elem(&x, "ContinuationToken", token);
    if (next)
        s3_xml_elem(&x, "NextContinuationToken", next);
    snprintf(num, sizeof(num), "%ld", w.n);
    s3_xml_elem(&x, "KeyCount", num);
    snprintf(num, sizeof(num), "%ld", max);
    s3_xml_elem(&x, "MaxKeys", num);
    if (delimiter)
        elem_enc(&x, "Delimiter", delimiter, url);
    if (url)
        s3_xml_elem(&x, "EncodingType", "url");
    s3_xml_elem(&x, "IsTruncated", w.truncated ? "true" : "false");
    render(&x, &w, url);
    s3_xml_finish(&x, rs, 200);
out:
    for (long i = 0; i < w.n; i++)
        free(w.items[i].key);
    free(w.items);
    free(next);
    return err;
}
