/* s3_object.c - PutObject, GetObject, HeadObject, DeleteObject: single-part objects stored with
 * the encryption they were written with (s3-spec §4, §5). CopyObject is in s3_copy.c. */
#include "s3_object.h"
#include "s3.h"
#include "s3_access.h"
#include "s3_checksum.h"
#include "s3_chunked.h"
#include "s3_directory.h"
#include "s3_handlers.h"

#include <ctype.h>
#include <inttypes.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define CHECKSUM_PREFIX "x-amz-checksum-"

/* Answers a failed integrity check with the extra elements its error document carries. */
static int checksum_fail(struct resp *rs, struct ctx *cx, int err, const struct s3_checksum_fail *f)
{
    struct kv extra[2];
    size_t n = 0;

    switch (err) {
    case S3_ERR_INVALID_DIGEST:
        extra[n++] = (struct kv){ "Content-MD5", f->content_md5 };
        break;
    case S3_ERR_BAD_DIGEST_MD5:
        extra[n++] = (struct kv){ "ExpectedDigest", f->expected };
        extra[n++] = (struct kv){ "CalculatedDigest", f->calculated };
        break;
    case S3_ERR_CONTENT_SHA256_MISMATCH:
        extra[n++] = (struct kv){ "ClientComputedContentSHA256", f->expected };
        extra[n++] = (struct kv){ "S3ComputedContentSHA256", f->calculated };
        break;
    default:
        break;
    }
    return s3_fail_ex(rs, cx, err, f->arg, extra, n);
}

static int size_fail(struct resp *rs, struct ctx *cx, int err, size_t size, size_t max)
{
    char s[32], m[32];
    struct kv extra[2] = { { "Size", s }, { "MaxSizeAllowed", m } };

    snprintf(s, sizeof(s), "%zu", size);
    snprintf(m, sizeof(m), "%zu", max);
    return s3_fail_ex(rs, cx, err, NULL, extra, 2);
}

/* The x-amz-checksum-<alg> header (or aws-chunked trailer) the write carried, into o: algorithm
 * in uppercase as S3 names it, value as sent. */
static void keep_checksum(const struct req *rq, const char *trailer_name, const char *trailer_value,
                          struct s3_object_row *o)
{
    const char *name = NULL, *value = NULL;

    for (size_t i = 0; i < rq->nheader && !name; i++) {
        const char *h = rq->header[i].name;
        const char *alg = h + strlen(CHECKSUM_PREFIX);

        if (strncasecmp(h, CHECKSUM_PREFIX, strlen(CHECKSUM_PREFIX)) || !strcasecmp(alg, "type") ||
            !strcasecmp(alg, "algorithm") || !strcasecmp(alg, "mode"))
            continue;
        name = alg;
        value = rq->header[i].value;
    }
    if (!name && trailer_name[0]) {
        name = trailer_name;
        value = trailer_value;
    }
    if (!name || strlen(name) >= sizeof(o->checksum_alg))
        return;
    for (size_t i = 0; name[i]; i++)
        o->checksum_alg[i] = (char)toupper((unsigned char)name[i]);
    o->checksum_alg[strlen(name)] = '\0';
    snprintf(o->checksum_value, sizeof(o->checksum_value), "%s", value);
}

/* The body of a write: the request body, or its aws-chunked decoding (*owned, to free). */
static int write_body(const struct req *rq, const char **body, size_t *len, char **owned,
                      char trailer_name[16], char trailer_value[96])
{
    *owned = NULL;
    trailer_name[0] = trailer_value[0] = '\0';
    *body = rq->body;
    *len = rq->body_len;
    if (!s3_chunked_is(rq))
        return S3_OK;
    /* CHOICE: a malformed aws-chunked body answers IncompleteBody */
    if (s3_chunked_decode(rq->body, rq->body_len, owned, len, trailer_name, trailer_value))
        return S3_ERR_INCOMPLETE_BODY;
    *body = *owned;
    return S3_OK;
}

/* PutObject: PUT /{bucket}/{key}. Order: bucket and owner, key length, metadata, storage
 * class, encryption headers and the KMS key (s3-spec §4.2), integrity headers, store. */
int s3_put_object(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    const char *key = rq->param[1];
    struct s3_bucket_row b;
    struct s3_object_row o;
    struct s3_obj_sse sse;
    struct s3_checksum_fail cf;
    struct req decoded;
    char tname[16], tvalue[96];
    unsigned char md5[16];
    unsigned int mdlen = 0;
    const char *body;
    char *owned = NULL;
    size_t len, meta = 0;
    int explicit_default, err, rc;

    if (req_header(rq, "x-amz-copy-source"))
        return s3_copy_object(rq, cx, rs);
    err = s3_bucket_access(rq, cx, rs, &b);
    if (err)
        return err;
    if (strlen(key) > S3_KEY_MAX)
        return size_fail(rs, cx, S3_ERR_KEY_TOO_LONG, strlen(key), S3_KEY_MAX);
    /* §3: Content-MD5 is not supported for directory buckets. CHOICE: 400 InvalidRequest. */
    if (s3_is_directory(&b) && req_header(rq, "Content-MD5"))
        return s3_fail(rs, cx, S3_ERR_DIR_CONTENT_MD5);
    s3_object_row_init(&o);
    snprintf(o.key, sizeof(o.key), "%s", key);
    o.headers = s3_object_headers_json(rq, &meta);
    if (!o.headers)
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    if (meta > S3_METADATA_MAX) {
        err = size_fail(rs, cx, S3_ERR_METADATA_TOO_LARGE, meta, S3_METADATA_MAX);
        goto out;
    }
    err = s3_object_storage_class(rq, cx, rs, &b, &o);
    if (!err)
        err = s3_object_write_sse(rq, cx, rs, &b, &o, &sse, &explicit_default);
    if (err)
        goto out;
    err = write_body(rq, &body, &len, &owned, tname, tvalue);
    if (err) {
        s3_fail(rs, cx, err);
        goto out;
    }
    decoded = *rq;
    decoded.body = body;
    decoded.body_len = len;
    err = s3_checksum_verify(&decoded, 0, &cf);
    if (err) {
        checksum_fail(rs, cx, err, &cf);
        goto out;
    }
    keep_checksum(rq, tname, tvalue, &o);
    EVP_Digest(body, len, md5, &mdlen, EVP_md5(), NULL);
    s3_object_etag(&o, md5);
    o.size = (int64_t)len;
    o.last_modified_ms = cx->now_ms / 1000 * 1000; /* S3 keeps whole seconds */
    rc = store_s3_object_put(cx->store, b.name, &o, body, len);
    if (rc != STORE_OK) {
        err = rc == STORE_NOT_FOUND ? s3_fail_bucket(rs, cx, S3_ERR_NO_SUCH_BUCKET, b.name)
                                    : s3_fail(rs, cx, S3_ERR_INTERNAL);
        goto out;
    }
    resp_status(rs, 200);
    resp_header(rs, "ETag", o.etag);
    s3_obj_sse_respond(rs, &o);
    if (o.checksum_alg[0]) {
        char hn[64];

        snprintf(hn, sizeof(hn), CHECKSUM_PREFIX "%s", o.checksum_alg);
        for (size_t i = strlen(CHECKSUM_PREFIX); hn[i]; i++)
            hn[i] = (char)tolower((unsigned char)hn[i]);
        resp_header(rs, hn, o.checksum_value);
        resp_header(rs, "x-amz-checksum-type", "FULL_OBJECT");
    }
out:
    free(owned);
    s3_object_row_release(&o);
    return err;
}

/* A single byte range "bytes=a-b", "bytes=a-" or "bytes=-n" of an object of size n. Returns 1
 * with [*first, *last] for a satisfiable range, -1 for an unsatisfiable one, 0 when there is no
 * usable range (none, malformed, or several: S3 then answers the whole object). */
static int parse_range(const char *h, int64_t size, int64_t *first, int64_t *last)
{
    char *end;
    long long a = -1, b = -1;

    if (!h || strncmp(h, "bytes=", 6) || strchr(h, ','))
        return 0;
    h += 6;
    if (*h == '-') {
        if (!isdigit((unsigned char)h[1]))
            return 0;
        b = strtoll(h + 1, &end, 10);
        if (*end)
            return 0;
        if (b == 0 || size == 0)
            return -1;
        *first = b >= size ? 0 : size - b;
        *last = size - 1;
        return 1;
    }
    if (!isdigit((unsigned char)*h))
        return 0;
    a = strtoll(h, &end, 10);
    if (*end != '-')
        return 0;
    if (end[1]) {
        if (!isdigit((unsigned char)end[1]))
            return 0;
        b = strtoll(end + 1, &end, 10);
        if (*end || b < a)
            return 0;
    }
    if (a >= size)
        return -1;
    *first = a;
    *last = b < 0 || b >= size ? size - 1 : b;
    return 1;
}

/* The response-* query parameters of GetObject override the stored headers. */
static void response_overrides(const struct req *rq, struct resp *rs)
{
    static const struct {
        const char *param, *header;
    } o[] = {
        { "response-content-type", "Content-Type" },
        { "response-content-language", "Content-Language" },
        { "response-expires", "Expires" },
        { "response-cache-control", "Cache-Control" },
        { "response-content-disposition", "Content-Disposition" },
        { "response-content-encoding", "Content-Encoding" },
    };

    for (size_t i = 0; i < sizeof(o) / sizeof(o[0]); i++) {
        const char *v = req_query(rq, o[i].param);

        if (v)
            resp_header(rs, o[i].header, v);
    }
}

/* GetObject and HeadObject: the same checks and headers; HEAD keeps the body only for its
 * Content-Length (http.c never sends it) and fails without a body. */
static int read_object(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    const char *key = rq->param[1];
    const char *mode = req_header(rq, "x-amz-checksum-mode");
    const char *range = req_header(rq, "Range");
    struct s3_bucket_row b;
    struct s3_object_row o;
    int64_t first = 0, last = 0;
    int err, rc, ranged;

    err = s3_bucket_access(rq, cx, rs, &b);
    if (err)
        return err;
    s3_object_row_init(&o);
    rc = store_s3_object_get(cx->store, b.name, key, 1, &o);
    if (rc == STORE_NOT_FOUND) {
        struct kv extra = { "Key", key };

        return s3_fail_ex(rs, cx, S3_ERR_NO_SUCH_KEY, NULL, &extra, 1);
    }
    if (rc != STORE_OK)
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    err = s3_object_read_check(rq, cx, rs, &b, &o, 0);
    if (err)
        goto out;
    ranged = parse_range(range, o.size, &first, &last);
    if (ranged < 0) {
        char size[32];
        struct kv extra[2] = { { "RangeRequested", range }, { "ActualObjectSize", size } };

        snprintf(size, sizeof(size), "%" PRId64, o.size);
        err = s3_fail_ex(rs, cx, S3_ERR_INVALID_RANGE, NULL, extra, 2);
        goto out;
    }
    s3_object_respond(rs, &o, mode && !strcasecmp(mode, "ENABLED") && !ranged);
    response_overrides(rq, rs);
    if (ranged) {
        resp_status(rs, 206);
        resp_headerf(rs, "Content-Range", "bytes %" PRId64 "-%" PRId64 "/%" PRId64, first, last,
                     o.size);
        resp_body(rs, o.body + first, (size_t)(last - first + 1));
    } else {
        resp_status(rs, 200);
        resp_body_take(rs, o.body, o.body_len);
        o.body = NULL;
    }
out:
    s3_object_row_release(&o);
    return err;
}

/* GetObject: GET /{bucket}/{key} */
int s3_get_object(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    return read_object(rq, cx, rs);
}

/* HeadObject: HEAD /{bucket}/{key} */
int s3_head_object(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    return read_object(rq, cx, rs);
}

/* DeleteObject: DELETE /{bucket}/{key}; 204 whether or not the key existed. */
int s3_delete_object(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    struct s3_bucket_row b;
    int err = s3_bucket_access(rq, cx, rs, &b);

    if (err)
        return err;
    if (store_s3_object_delete(cx->store, b.name, rq->param[1]) != STORE_OK)
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    resp_status(rs, 204);
    return S3_OK;
}
