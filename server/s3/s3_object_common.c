/* s3_object_common.c - what the object operations share: stored headers and metadata, ETags,
 * storage classes, the encryption of a write with its KMS checks (s3-spec §4.2, §5), the checks
 * before a stored object is read, and an object's response headers. */
#include "s3.h"
#include "s3_object.h"
#include "s3_object_kms.h"

#include <ctype.h>
#include <jansson.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define META_PREFIX "x-amz-meta-"

/* Headers a write keeps besides Content-Type and the metadata, as S3 answers them. */
static const char *const kept_headers[] = { "Cache-Control",    "Content-Disposition",
                                            "Content-Encoding", "Content-Language",
                                            "Expires",          "x-amz-website-redirect-location" };

static const char *const storage_classes[] = {
    "STANDARD",        "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING",
    "GLACIER",         "DEEP_ARCHIVE",       "OUTPOSTS",    "GLACIER_IR", "SNOW",
    "EXPRESS_ONEZONE", "FSX_OPENZFS",        "FSX_ONTAP",
};

/* Content-Encoding without the aws-chunked transport coding; "" when nothing else is left. */
static void content_encoding(const char *v, char *out, size_t n)
{
    size_t used = 0;

    out[0] = '\0';
    while (*v) {
        size_t len;

        v += strspn(v, " ,");
        len = strcspn(v, ",");
        while (len && v[len - 1] == ' ')
            len--;
        if (len && !(len == 11 && !strncasecmp(v, "aws-chunked", 11)) && used + len + 2 < n) {
            if (used)
                out[used++] = ',';
            memcpy(out + used, v, len);
            used += len;
            out[used] = '\0';
        }
        v += strcspn(v, ",");
    }
}

char *s3_object_headers_json(const struct req *rq, size_t *meta_bytes)
{
    json_t *o = json_object();
    const char *ct = req_header(rq, "Content-Type");
    char *out;

    *meta_bytes = 0;
    if (!o)
        return NULL;
    json_object_set_new(o, "Content-Type", json_string(ct ? ct : "binary/octet-stream"));
    for (size_t i = 0; i < sizeof(kept_headers) / sizeof(kept_headers[0]); i++) {
        const char *v = req_header(rq, kept_headers[i]);
        char enc[256];

        if (v && !strcmp(kept_headers[i], "Content-Encoding")) {
            content_encoding(v, enc, sizeof(enc));
            v = enc[0] ? enc : NULL;
        }
        if (v)
            json_object_set_new(o, kept_headers[i], json_string(v));
    }
    for (size_t i = 0; i < rq->nheader; i++) {
        const char *name = rq->header[i].name;
        char lower[256];
        size_t n = strlen(name);

        if (n <= strlen(META_PREFIX) || n >= sizeof(lower) ||
            strncasecmp(name, META_PREFIX, strlen(META_PREFIX)))
            continue;
        for (size_t k = 0; k <= n; k++)
            lower[k] = (char)tolower((unsigned char)name[k]);
        /* CHOICE: the metadata size counts each name after x-amz-meta- and each value */
        *meta_bytes += n - strlen(META_PREFIX) + strlen(rq->header[i].value);
        json_object_set_new(o, lower, json_string(rq->header[i].value));
    }
    out = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    return out;
}

static void hex(const unsigned char *d, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

void s3_object_etag(struct s3_object_row *o, const unsigned char md5[16])
{
    char h[33], buf[512];
    unsigned char d[16];
    unsigned int len = 0;

    hex(md5, 16, h);
    if (o->ssec_algorithm[0] || !strncmp(o->sse_algorithm, "aws:kms", 7)) {
        snprintf(buf, sizeof(buf), "%s%s", h,
                 o->ssec_algorithm[0] ? o->ssec_key_md5 : o->kms_key_arn);
        EVP_Digest(buf, strlen(buf), d, &len, EVP_md5(), NULL);
        hex(d, 16, h);
    }
    snprintf(o->etag, sizeof(o->etag), "\"%s\"", h);
}

int s3_object_storage_class(const struct req *rq, struct ctx *cx, struct resp *rs,
                            const struct s3_bucket_row *b, struct s3_object_row *o)
{
    const char *sc = req_header(rq, "x-amz-storage-class");
    int directory = !strcmp(b->kind, "directory");
    int known = 0;

    if (!sc) {
        snprintf(o->storage_class, sizeof(o->storage_class), "%s",
                 directory ? "EXPRESS_ONEZONE" : "STANDARD");
        return S3_OK;
    }
    for (size_t i = 0; i < sizeof(storage_classes) / sizeof(storage_classes[0]); i++)
        if (!strcmp(sc, storage_classes[i]))
            known = 1;
    /* CHOICE: a directory bucket holds EXPRESS_ONEZONE objects only, a general-purpose bucket
     * any other class; the rest is InvalidStorageClass */
    if (!known || directory != !strcmp(sc, "EXPRESS_ONEZONE"))
        return s3_fail(rs, cx, S3_ERR_INVALID_STORAGE_CLASS);
    snprintf(o->storage_class, sizeof(o->storage_class), "%s", sc);
    return S3_OK;
}

int s3_object_sse_fail(struct resp *rs, struct ctx *cx, int err, const struct s3_sse_fail *f)
{
    struct kv extra[2];
    size_t n = 0;

    if (f->arg_name)
        extra[n++] = (struct kv){ "ArgumentName", f->arg_name };
    if (f->arg_name && f->arg_value)
        extra[n++] = (struct kv){ "ArgumentValue", f->arg_value };
    return s3_fail_ex(rs, cx, err, NULL, extra, n);
}

static int alias_form(const char *ref)
{
    return !strncmp(ref, "alias/", 6) || strstr(ref, ":alias/") != NULL;
}

/* A directory bucket takes one customer managed key (s3-spec §3): a key named by an object
 * write must be the bucket default's, by key id or ARN (not an alias). */
static int directory_key_matches(struct ctx *cx, const struct s3_bucket_row *b,
                                 const struct s3_sse_row *def, const struct s3_kms_result *named)
{
    struct s3_kms_result *d = malloc(sizeof(*d));
    int ok;

    if (!d)
        return 0;
    ok = !strcmp(def->algorithm, "aws:kms") && def->kms_key_id &&
         s3_kms_lookup(cx, b->account, b->region, def->kms_key_id, d) == S3_OK &&
         !strcmp(d->key.arn, named->key.arn);
    free(d);
    return ok;
}

int s3_object_write_sse(const struct req *rq, struct ctx *cx, struct resp *rs,
                        const struct s3_bucket_row *b, struct s3_object_row *o,
                        struct s3_obj_sse *sse, int *explicit_default)
{
    int directory = !strcmp(b->kind, "directory");
    struct s3_sse_headers h;
    struct s3_sse_row def;
    struct s3_sse_fail f;
    struct s3_kms_result *kr;
    int err, rc;

    s3_sse_row_init(&def);
    rc = store_s3_encryption_get(cx->store, b->name, &def);
    if (rc == STORE_NOT_FOUND)
        return s3_fail_bucket(rs, cx, S3_ERR_NO_SUCH_BUCKET, b->name);
    if (rc != STORE_OK)
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    *explicit_default = def.algorithm[0] != '\0';
    s3_sse_headers_read(rq, 0, &h);
    err = s3_obj_sse_resolve(&h, &def, directory, sse, &f);
    if (err) {
        s3_sse_row_release(&def);
        return s3_object_sse_fail(rs, cx, err, &f);
    }
    snprintf(o->sse_algorithm, sizeof(o->sse_algorithm), "%s", sse->algorithm);
    snprintf(o->ssec_algorithm, sizeof(o->ssec_algorithm), "%s", sse->c_algorithm);
    snprintf(o->ssec_key_md5, sizeof(o->ssec_key_md5), "%s", sse->c_key_md5);
    o->bucket_key = sse->bucket_key;
    o->kms_key_arn[0] = '\0';
    if (strncmp(sse->algorithm, "aws:kms", 7)) {
        s3_sse_row_release(&def);
        return S3_OK;
    }
    kr = malloc(sizeof(*kr));
    if (!kr) {
        s3_sse_row_release(&def);
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    }
    /* the effective key is checked on every write (s3-spec §4.2): KMS.* errors of §4.3 */
    err = s3_kms_lookup(cx, b->account, b->region, sse->key_ref, kr);
    if (err) {
        s3_kms_fail(rs, cx, kr);
    } else if (directory && h.kms_key_id &&
               (alias_form(h.kms_key_id) || !directory_key_matches(cx, b, &def, kr))) {
        struct s3_sse_fail df = { "x-amz-server-side-encryption-aws-kms-key-id", h.kms_key_id };

        err = s3_object_sse_fail(rs, cx, S3_ERR_DIR_OBJECT_KMS_KEY, &df);
    } else {
        snprintf(o->kms_key_arn, sizeof(o->kms_key_arn), "%s", kr->key.arn);
    }
    free(kr);
    s3_sse_row_release(&def);
    return err;
}

int s3_object_read_check(const struct req *rq, struct ctx *cx, struct resp *rs,
                         const struct s3_bucket_row *b, const struct s3_object_row *o,
                         int copy_source)
{
    struct s3_sse_headers h;
    struct s3_sse_fail f;
    struct s3_kms_result *kr;
    int err;

    s3_sse_headers_read(rq, copy_source, &h);
    err = s3_obj_sse_c_check(&h, o->ssec_key_md5, &f);
    if (err)
        return s3_object_sse_fail(rs, cx, err, &f);
    if (strncmp(o->sse_algorithm, "aws:kms", 7))
        return S3_OK;
    /* a KMS object is readable only while its key is (s3-spec §4.2, AWS-rec) */
    kr = malloc(sizeof(*kr));
    if (!kr)
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    err = s3_kms_lookup(cx, b->account, b->region, o->kms_key_arn, kr);
    if (err)
        s3_kms_fail(rs, cx, kr);
    free(kr);
    return err;
}

void s3_http_date(int64_t ms, char *out, size_t n)
{
    static const char *const days[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
    static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    time_t t = (time_t)(ms / 1000);
    struct tm tm;

    gmtime_r(&t, &tm);
    snprintf(out, n, "%s, %02d %s %04d %02d:%02d:%02d GMT", days[tm.tm_wday], tm.tm_mday,
             months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

void s3_object_respond(struct resp *rs, const struct s3_object_row *o, int with_checksum)
{
    json_t *h = json_loads(o->headers ? o->headers : "{}", 0, NULL);
    const char *name;
    json_t *v;
    char date[40];

    s3_http_date(o->last_modified_ms, date, sizeof(date));
    resp_header(rs, "Accept-Ranges", "bytes");
    resp_header(rs, "Last-Modified", date);
    resp_header(rs, "ETag", o->etag);
    json_object_foreach(h, name, v)
    {
        if (json_is_string(v))
            resp_header(rs, name, json_string_value(v));
    }
    json_decref(h);
    if (strcmp(o->storage_class, "STANDARD"))
        resp_header(rs, "x-amz-storage-class", o->storage_class);
    s3_obj_sse_respond(rs, o);
    if (with_checksum && o->checksum_alg[0]) {
        char hn[64];
        size_t i;

        snprintf(hn, sizeof(hn), "x-amz-checksum-%s", o->checksum_alg);
        for (i = strlen("x-amz-checksum-"); hn[i]; i++)
            hn[i] = (char)tolower((unsigned char)hn[i]);
        resp_header(rs, hn, o->checksum_value);
        resp_header(rs, "x-amz-checksum-type", "FULL_OBJECT");
    }
}
