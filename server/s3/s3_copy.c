/* s3_copy.c - CopyObject: PUT /{bucket}/{key} with x-amz-copy-source. The copy takes the
 * request's encryption or the destination bucket's default, never the source's (s3-spec §5),
 * and copying an object onto itself must change something. */
#include "s3.h"
#include "s3_access.h"
#include "s3_handlers.h"
#include "s3_object.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* x-amz-copy-source: "[/]bucket/key[?versionId=...]", percent-encoded. Splits it into bucket
 * and key (out holds both, NUL-separated). Returns 0, or -1 when either part is missing. */
static int parse_source(const char *v, char *out, size_t n, const char **bucket, const char **key)
{
    size_t used = 0;
    char *slash;

    if (*v == '/')
        v++;
    for (; *v && *v != '?' && used + 1 < n; v++) {
        if (*v == '%' && hexval(v[1]) >= 0 && hexval(v[2]) >= 0) {
            out[used++] = (char)(hexval(v[1]) * 16 + hexval(v[2]));
            v += 2;
        } else {
            out[used++] = *v;
        }
    }
    out[used] = '\0';
    if (strlen(out) != used)
        return -1; /* an encoded NUL */
    slash = strchr(out, '/');
    if (!slash || slash == out || !slash[1])
        return -1;
    *slash = '\0';
    *bucket = out;
    *key = slash + 1;
    return 0;
}

/* The source bucket as the caller may read it: NoSuchBucket or AccessDenied otherwise. */
static int source_bucket(const struct req *rq, struct ctx *cx, struct resp *rs, const char *name,
                         struct s3_bucket_row *out)
{
    int rc = store_s3_bucket_get(cx->store, name, out);

    if (rc == STORE_NOT_FOUND)
        return s3_fail_bucket(rs, cx, S3_ERR_NO_SUCH_BUCKET, name);
    if (rc != STORE_OK)
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    if (strcmp(out->account, rq->account))
        return s3_fail(rs, cx, S3_ERR_ACCESS_DENIED);
    return S3_OK;
}

/* §5 (AWS-rec): a copy onto itself that changes neither metadata, storage class, website
 * redirect nor encryption is illegal, unless the bucket has an explicit default encryption.
 * A source that is not SSE-S3 changes encryption by being rewritten with the default. */
static int copy_changes_nothing(const struct req *rq, int replace, const struct s3_obj_sse *sse,
                                int explicit_default, const struct s3_object_row *src)
{
    return !replace && !req_header(rq, "x-amz-storage-class") &&
           !req_header(rq, "x-amz-website-redirect-location") && !sse->from_request &&
           !explicit_default && !strcmp(src->sse_algorithm, "AES256") && !src->ssec_algorithm[0];
}

int s3_copy_object(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    const char *key = rq->param[1];
    const char *csrc = req_header(rq, "x-amz-copy-source");
    const char *directive = req_header(rq, "x-amz-metadata-directive");
    const char *sbucket = NULL, *skey = NULL;
    struct s3_bucket_row b, sb;
    struct s3_object_row src, o;
    struct s3_obj_sse sse;
    struct s3_xml x;
    char srcbuf[2200], when[32];
    unsigned char md5[16];
    unsigned int mdlen = 0;
    size_t meta = 0;
    int replace, explicit_default = 0, err, rc;

    err = s3_bucket_access(rq, cx, rs, &b);
    if (err)
        return err;
    if (strlen(key) > S3_KEY_MAX) {
        char s[32], m[32];
        struct kv extra[2] = { { "Size", s }, { "MaxSizeAllowed", m } };

        snprintf(s, sizeof(s), "%zu", strlen(key));
        snprintf(m, sizeof(m), "%d", S3_KEY_MAX);
        return s3_fail_ex(rs, cx, S3_ERR_KEY_TOO_LONG, NULL, extra, 2);
    }
    if (parse_source(csrc, srcbuf, sizeof(srcbuf), &sbucket, &skey)) {
        struct kv extra[2] = { { "ArgumentName", "x-amz-copy-source" }, { "ArgumentValue", csrc } };

        return s3_fail_ex(rs, cx, S3_ERR_COPY_SOURCE_INVALID, NULL, extra, 2);
    }
    if (directive && strcmp(directive, "COPY") && strcmp(directive, "REPLACE")) {
        struct kv extra[2] = { { "ArgumentName", "x-amz-metadata-directive" },
                               { "ArgumentValue", directive } };

        return s3_fail_ex(rs, cx, S3_ERR_METADATA_DIRECTIVE_INVALID, NULL, extra, 2);
    }
    replace = directive && !strcmp(directive, "REPLACE");
    err = source_bucket(rq, cx, rs, sbucket, &sb);
    if (err)
        return err;
    s3_object_row_init(&src);
    s3_object_row_init(&o);
    rc = store_s3_object_get(cx->store, sb.name, skey, 1, &src);
    if (rc == STORE_NOT_FOUND) {
        struct kv extra = { "Key", skey };

        return s3_fail_ex(rs, cx, S3_ERR_NO_SUCH_KEY, NULL, &extra, 1);
    }
    if (rc != STORE_OK)
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    /* the source must be readable: its SSE-C key, its KMS key (s3-spec §4.2) */
    err = s3_object_read_check(rq, cx, rs, &sb, &src, 1);
    if (err)
        goto out;
    snprintf(o.key, sizeof(o.key), "%s", key);
    o.headers = replace ? s3_object_headers_json(rq, &meta) : strdup(src.headers);
    if (!o.headers) {
        err = s3_fail(rs, cx, S3_ERR_INTERNAL);
        goto out;
    }
    if (meta > S3_METADATA_MAX) {
        char s[32], m[32];
        struct kv extra[2] = { { "Size", s }, { "MaxSizeAllowed", m } };

        snprintf(s, sizeof(s), "%zu", meta);
        snprintf(m, sizeof(m), "%d", S3_METADATA_MAX);
        err = s3_fail_ex(rs, cx, S3_ERR_METADATA_TOO_LARGE, NULL, extra, 2);
        goto out;
    }
    err = s3_object_storage_class(rq, cx, rs, &b, &o);
    if (!err)
        err = s3_object_write_sse(rq, cx, rs, &b, &o, &sse, &explicit_default);
    if (err)
        goto out;
    if (!strcmp(sb.name, b.name) && !strcmp(skey, key) &&
        copy_changes_nothing(rq, replace, &sse, explicit_default, &src)) {
        err = s3_fail(rs, cx, S3_ERR_COPY_TO_ITSELF);
        goto out;
    }
    EVP_Digest(src.body, src.body_len, md5, &mdlen, EVP_md5(), NULL);
    s3_object_etag(&o, md5);
    o.size = src.size;
    o.last_modified_ms = cx->now_ms / 1000 * 1000;
    snprintf(o.checksum_alg, sizeof(o.checksum_alg), "%s", src.checksum_alg);
    snprintf(o.checksum_value, sizeof(o.checksum_value), "%s", src.checksum_value);
    rc = store_s3_object_put(cx->store, b.name, &o, src.body, src.body_len);
    if (rc != STORE_OK) {
        err = rc == STORE_NOT_FOUND ? s3_fail_bucket(rs, cx, S3_ERR_NO_SUCH_BUCKET, b.name)
                                    : s3_fail(rs, cx, S3_ERR_INTERNAL);
        goto out;
    }
    if (s3_xml_start(&x, "CopyObjectResult", 1)) {
        err = s3_fail(rs, cx, S3_ERR_INTERNAL);
        goto out;
    }
    s3_iso8601(o.last_modified_ms, when, sizeof(when));
    s3_xml_elem(&x, "ETag", o.etag);
    s3_xml_elem(&x, "LastModified", when);
    s3_obj_sse_respond(rs, &o);
    s3_xml_finish(&x, rs, 200);
out:
    s3_object_row_release(&src);
    s3_object_row_release(&o);
    return err;
}
