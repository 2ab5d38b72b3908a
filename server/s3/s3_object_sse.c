/* s3_object_sse.c - an object write's encryption from its SSE headers and the bucket default,
 * SSE-C key checks, and the encryption response headers (s3-spec §4.3, §5). Pure. */
#include "s3_object_sse.h"

#include "s3_checksum.h"
#include "s3_errors.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define H_SSE "x-amz-server-side-encryption"

static const char *const algorithms[] = { "AES256", "aws:kms", "aws:kms:dsse" };

void s3_sse_headers_read(const struct req *rq, int copy_source, struct s3_sse_headers *h)
{
    memset(h, 0, sizeof(*h));
    if (copy_source) {
        h->c_algorithm =
            req_header(rq, "x-amz-copy-source-server-side-encryption-customer-algorithm");
        h->c_key = req_header(rq, "x-amz-copy-source-server-side-encryption-customer-key");
        h->c_key_md5 = req_header(rq, "x-amz-copy-source-server-side-encryption-customer-key-MD5");
        return;
    }
    h->sse = req_header(rq, H_SSE);
    h->kms_key_id = req_header(rq, H_SSE "-aws-kms-key-id");
    h->bucket_key = req_header(rq, H_SSE "-bucket-key-enabled");
    h->c_algorithm = req_header(rq, H_SSE "-customer-algorithm");
    h->c_key = req_header(rq, H_SSE "-customer-key");
    h->c_key_md5 = req_header(rq, H_SSE "-customer-key-MD5");
}

static int known_algorithm(const char *s, int directory)
{
    for (size_t i = 0; i < sizeof(algorithms) / sizeof(algorithms[0]); i++)
        if (!strcmp(s, algorithms[i]))
            return !directory || strcmp(s, "aws:kms:dsse"); /* §3: AES256 and aws:kms only */
    return 0;
}

static int fail(struct s3_sse_fail *f, int err, const char *name, const char *value)
{
    f->arg_name = name;
    f->arg_value = value;
    return err;
}

/* The SSE-C headers: algorithm AES256, a 256-bit key in base64, and its MD5 in base64. On
 * success copies the algorithm and key MD5 into out. CHOICE: each error names its header in
 * ArgumentName, never echoes the key, and SSE-C is accepted over plain HTTP. */
static int sse_c_parse(const struct s3_sse_headers *h, char *alg_out, size_t alg_n, char *md5_out,
                       size_t md5_n, struct s3_sse_fail *f)
{
    unsigned char key[64], sent[32], calc[16];
    unsigned int len = 0;
    long klen;

    if (!h->c_algorithm)
        return fail(f, S3_ERR_SSE_C_ALGORITHM_MISSING, H_SSE "-customer-algorithm", NULL);
    if (strcmp(h->c_algorithm, "AES256"))
        return fail(f, S3_ERR_SSE_C_ALGORITHM_INVALID, H_SSE "-customer-algorithm", h->c_algorithm);
    if (!h->c_key)
        return fail(f, S3_ERR_SSE_C_KEY_MISSING, H_SSE "-customer-key", NULL);
    klen = s3_base64_decode(h->c_key, key, sizeof(key));
    if (klen != 32)
        return fail(f, S3_ERR_SSE_C_KEY_INVALID, H_SSE "-customer-key", NULL);
    if (!h->c_key_md5)
        return fail(f, S3_ERR_SSE_C_KEY_MD5_MISSING, H_SSE "-customer-key-MD5", NULL);
    EVP_Digest(key, (size_t)klen, calc, &len, EVP_md5(), NULL);
    if (s3_base64_decode(h->c_key_md5, sent, sizeof(sent)) != 16 || memcmp(sent, calc, 16))
        return fail(f, S3_ERR_SSE_C_KEY_MD5_MISMATCH, H_SSE "-customer-key-MD5", NULL);
    snprintf(alg_out, alg_n, "%s", "AES256");
    s3_base64_encode(calc, 16, md5_out);
    (void)md5_n;
    return S3_OK;
}

static int any_sse_c(const struct s3_sse_headers *h)
{
    return h->c_algorithm || h->c_key || h->c_key_md5;
}

/* "true" in any case is a bucket key; anything else sent is none; -1 when not sent. */
static int bucket_key_header(const char *v)
{
    if (!v)
        return -1;
    return !strcasecmp(v, "true");
}

static int blocks_sse_c(const struct s3_sse_row *def)
{
    const char *b = def->blocked_types;

    return def->algorithm[0] && b && strstr(b, "SSE-C") != NULL;
}

int s3_obj_sse_resolve(const struct s3_sse_headers *h, const struct s3_sse_row *def, int directory,
                       struct s3_obj_sse *out, struct s3_sse_fail *f)
{
    int bke = bucket_key_header(h->bucket_key);
    int def_kms = !strcmp(def->algorithm, "aws:kms");
    int err;

    memset(out, 0, sizeof(*out));
    memset(f, 0, sizeof(*f));
    out->from_request = h->sse || h->kms_key_id || h->bucket_key || any_sse_c(h);
    /* an x-amz-server-side-encryption value outside the enum (§4.3). CHOICE: ArgumentValue
     * echoes the value. */
    if (h->sse && !known_algorithm(h->sse, directory))
        return fail(f, S3_ERR_SSE_UNSUPPORTED, H_SSE, h->sse);
    if (any_sse_c(h)) {
        /* SSE-C with SSE: ArgumentName x-amz-server-side-encryption, ArgumentValue (§4.3) */
        if (h->sse)
            return fail(f, S3_ERR_SSE_C_WITH_SSE, H_SSE, h->sse);
        if (h->kms_key_id)
            return fail(f, S3_ERR_SSE_KMS_KEY_WITHOUT_KMS, H_SSE, "null");
        /* CHOICE: directory buckets have no SSE-C (§3): the method is not supported */
        if (directory)
            return fail(f, S3_ERR_SSE_UNSUPPORTED, H_SSE "-customer-algorithm", h->c_algorithm);
        err = sse_c_parse(h, out->c_algorithm, sizeof(out->c_algorithm), out->c_key_md5,
                          sizeof(out->c_key_md5), f);
        if (err)
            return err;
        /* CHOICE: a bucket whose rule blocks SSE-C refuses SSE-C writes with 403 AccessDenied */
        if (blocks_sse_c(def))
            return fail(f, S3_ERR_ACCESS_DENIED, NULL, NULL);
        return S3_OK;
    }
    /* a key id without aws:kms / aws:kms:dsse (§4.3). CHOICE: ArgumentName
     * x-amz-server-side-encryption, ArgumentValue its value or "null" when it was not sent. */
    if (h->kms_key_id && (!h->sse || !strcmp(h->sse, "AES256")))
        return fail(f, S3_ERR_SSE_KMS_KEY_WITHOUT_KMS, H_SSE, h->sse ? h->sse : "null");

    if (h->sse) {
        snprintf(out->algorithm, sizeof(out->algorithm), "%s", h->sse);
        if (h->kms_key_id)
            snprintf(out->key_ref, sizeof(out->key_ref), "%s", h->kms_key_id);
        else if (directory && !strcmp(h->sse, "aws:kms") && def_kms && def->kms_key_id)
            /* §3: aws:kms without a key takes the directory bucket's key */
            snprintf(out->key_ref, sizeof(out->key_ref), "%s", def->kms_key_id);
        else if (directory && !strcmp(h->sse, "aws:kms"))
            /* CHOICE: no key to take (the bucket default is not aws:kms) -> 400 */
            return fail(f, S3_ERR_DIR_OBJECT_KMS_KEY, H_SSE "-aws-kms-key-id", "null");
        /* CHOICE: aws:kms without a key uses aws/s3 (AWS-doc), even when the bucket default
         * names a key; the bucket rule's BucketKeyEnabled applies when the header is absent and
         * the default is aws:kms too. */
        if (bke < 0)
            bke = def_kms && def->bucket_key_enabled == 1;
    } else if (def->algorithm[0]) {
        snprintf(out->algorithm, sizeof(out->algorithm), "%s", def->algorithm);
        if (def->kms_key_id && strcmp(def->algorithm, "AES256"))
            snprintf(out->key_ref, sizeof(out->key_ref), "%s", def->kms_key_id);
        if (bke < 0)
            bke = def->bucket_key_enabled == 1;
    } else {
        snprintf(out->algorithm, sizeof(out->algorithm), "%s", "AES256"); /* implicit default */
    }
    /* bucket keys are an aws:kms matter: never for AES256 or aws:kms:dsse (§5); always on in a
     * directory bucket (§3) */
    out->bucket_key = !strcmp(out->algorithm, "aws:kms") && (bke == 1 || directory);
    return S3_OK;
}

int s3_obj_sse_c_check(const struct s3_sse_headers *h, const char *stored_md5,
                       struct s3_sse_fail *f)
{
    char alg[16], md5[32];
    int err;

    memset(f, 0, sizeof(*f));
    if (!stored_md5[0])
        return any_sse_c(h) ? S3_ERR_SSE_C_NOT_APPLICABLE : S3_OK;
    if (!any_sse_c(h))
        return S3_ERR_SSE_C_REQUIRED;
    err = sse_c_parse(h, alg, sizeof(alg), md5, sizeof(md5), f);
    if (err)
        return err;
    /* CHOICE: another customer key than the object's answers 403 AccessDenied */
    return strcmp(md5, stored_md5) ? S3_ERR_ACCESS_DENIED : S3_OK;
}

void s3_obj_sse_respond(struct resp *rs, const struct s3_object_row *o)
{
    if (o->ssec_algorithm[0]) {
        resp_header(rs, H_SSE "-customer-algorithm", o->ssec_algorithm);
        resp_header(rs, H_SSE "-customer-key-MD5", o->ssec_key_md5);
        return;
    }
    resp_header(rs, H_SSE, o->sse_algorithm[0] ? o->sse_algorithm : "AES256");
    if (!strncmp(o->sse_algorithm, "aws:kms", 7) && o->kms_key_arn[0])
        resp_header(rs, H_SSE "-aws-kms-key-id", o->kms_key_arn);
    if (!strcmp(o->sse_algorithm, "aws:kms") && o->bucket_key)
        resp_header(rs, H_SSE "-bucket-key-enabled", "true");
}
