/* test_s3_object_sse.c - an object write's encryption from the bucket default and the request
 * headers, and the response headers it answers with (server/s3/s3_object_sse.c; s3-spec §4.3,
 * §5). */
#include "harness.h"

#include "server/s3/s3_errors.h"
#include "server/s3/s3_object_sse.h"

#include <stdlib.h>

#define ARN      "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab"
#define C_KEY    "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=" /* 32 bytes, base64 */
#define C_MD5    "hRasmdxgYDKV3nvbahU1MA=="                     /* its MD5 */
#define NO_BKE   -1
#define GENERAL  0
#define DIR      1
#define NOHDR    NULL
#define H_SSE    "x-amz-server-side-encryption"
#define H_ARG_NO NULL

static const struct {
    /* bucket default: algorithm ("" none), key, BucketKeyEnabled (-1 absent), blocked types */
    const char *def_alg, *def_key;
    int def_bke;
    const char *blocked;
    int directory;
    /* request headers */
    const char *sse, *key_id, *bke, *c_alg, *c_key, *c_md5;
    /* result */
    int err;
    const char *alg, *key_ref;
    int bucket_key, from_request;
    const char *arg_name, *arg_value;
} rows[] = {
    /* no default, no headers: AES256 (§5 "none configured") */
    { "", NULL, NO_BKE, NULL, GENERAL, NOHDR, NOHDR, NOHDR, NOHDR, NOHDR, NOHDR, S3_OK, "AES256",
      "", 0, 0, H_ARG_NO, NULL },
    /* AES256 + BucketKeyEnabled: no bucket key */
    { "AES256", NULL, 1, NULL, GENERAL, NOHDR, NOHDR, NOHDR, NOHDR, NOHDR, NOHDR, S3_OK, "AES256",
      "", 0, 0, H_ARG_NO, NULL },
    /* aws:kms + key id + BKE true; key as given (the ARN comes from KMS) */
    { "aws:kms", "1234abcd-12ab-34cd-56ef-1234567890ab", 1, NULL, GENERAL, NOHDR, NOHDR, NOHDR,
      NOHDR, NOHDR, NOHDR, S3_OK, "aws:kms", "1234abcd-12ab-34cd-56ef-1234567890ab", 1, 0, H_ARG_NO,
      NULL },
    /* aws:kms + key, BKE false or absent: no bucket key */
    { "aws:kms", "alias/x", 0, NULL, GENERAL, NOHDR, NOHDR, NOHDR, NOHDR, NOHDR, NOHDR, S3_OK,
      "aws:kms", "alias/x", 0, 0, H_ARG_NO, NULL },
    { "aws:kms", "alias/x", NO_BKE, NULL, GENERAL, NOHDR, NOHDR, NOHDR, NOHDR, NOHDR, NOHDR, S3_OK,
      "aws:kms", "alias/x", 0, 0, H_ARG_NO, NULL },
    /* aws:kms without a key: the aws/s3 key ("") */
    { "aws:kms", NULL, 1, NULL, GENERAL, NOHDR, NOHDR, NOHDR, NOHDR, NOHDR, NOHDR, S3_OK, "aws:kms",
      "", 1, 0, H_ARG_NO, NULL },
    /* dsse: key kept, never a bucket key */
    { "aws:kms:dsse", ARN, 1, NULL, GENERAL, NOHDR, NOHDR, NOHDR, NOHDR, NOHDR, NOHDR, S3_OK,
      "aws:kms:dsse", ARN, 0, 0, H_ARG_NO, NULL },
    /* explicit headers override the default */
    { "aws:kms", ARN, 1, NULL, GENERAL, "AES256", NOHDR, NOHDR, NOHDR, NOHDR, NOHDR, S3_OK,
      "AES256", "", 0, 1, H_ARG_NO, NULL },
    { "", NULL, NO_BKE, NULL, GENERAL, "aws:kms", "k2", "true", NOHDR, NOHDR, NOHDR, S3_OK,
      "aws:kms", "k2", 1, 1, H_ARG_NO, NULL },
    /* aws:kms header without a key: aws/s3, not the default's key; the rule's BKE applies */
    { "aws:kms", ARN, 1, NULL, GENERAL, "aws:kms", NOHDR, NOHDR, NOHDR, NOHDR, NOHDR, S3_OK,
      "aws:kms", "", 1, 1, H_ARG_NO, NULL },
    /* the request's bucket-key header wins over the rule */
    { "aws:kms", ARN, 1, NULL, GENERAL, NOHDR, NOHDR, "false", NOHDR, NOHDR, NOHDR, S3_OK,
      "aws:kms", ARN, 0, 1, H_ARG_NO, NULL },
    { "aws:kms", ARN, 0, NULL, GENERAL, NOHDR, NOHDR, "TRUE", NOHDR, NOHDR, NOHDR, S3_OK, "aws:kms",
      ARN, 1, 1, H_ARG_NO, NULL },
    /* an AES256 default's BKE does not carry over to an aws:kms header */
    { "AES256", NULL, 1, NULL, GENERAL, "aws:kms", NOHDR, NOHDR, NOHDR, NOHDR, NOHDR, S3_OK,
      "aws:kms", "", 0, 1, H_ARG_NO, NULL },
    { "", NULL, NO_BKE, NULL, GENERAL, "aws:kms:dsse", "k3", "true", NOHDR, NOHDR, NOHDR, S3_OK,
      "aws:kms:dsse", "k3", 0, 1, H_ARG_NO, NULL },
    /* §4.3 InvalidArgument forms */
    { "", NULL, NO_BKE, NULL, GENERAL, "BOGUS", NOHDR, NOHDR, NOHDR, NOHDR, NOHDR,
      S3_ERR_SSE_UNSUPPORTED, NULL, NULL, 0, 1, H_SSE, "BOGUS" },
    { "", NULL, NO_BKE, NULL, GENERAL, "aes256", NOHDR, NOHDR, NOHDR, NOHDR, NOHDR,
      S3_ERR_SSE_UNSUPPORTED, NULL, NULL, 0, 1, H_SSE, "aes256" },
    { "aws:kms", ARN, 1, NULL, GENERAL, NOHDR, "k", NOHDR, NOHDR, NOHDR, NOHDR,
      S3_ERR_SSE_KMS_KEY_WITHOUT_KMS, NULL, NULL, 0, 1, H_SSE, "null" },
    { "", NULL, NO_BKE, NULL, GENERAL, "AES256", "k", NOHDR, NOHDR, NOHDR, NOHDR,
      S3_ERR_SSE_KMS_KEY_WITHOUT_KMS, NULL, NULL, 0, 1, H_SSE, "AES256" },
    { "", NULL, NO_BKE, NULL, GENERAL, "AES256", NOHDR, NOHDR, "AES256", C_KEY, C_MD5,
      S3_ERR_SSE_C_WITH_SSE, NULL, NULL, 0, 1, H_SSE, "AES256" },
    /* SSE-C */
    { "aws:kms", ARN, 1, NULL, GENERAL, NOHDR, NOHDR, NOHDR, "AES256", C_KEY, C_MD5, S3_OK, "", "",
      0, 1, H_ARG_NO, NULL },
    { "aws:kms", ARN, 1, "SSE-C", GENERAL, NOHDR, NOHDR, NOHDR, "AES256", C_KEY, C_MD5,
      S3_ERR_ACCESS_DENIED, NULL, NULL, 0, 1, H_ARG_NO, NULL },
    { "", NULL, NO_BKE, NULL, GENERAL, NOHDR, NOHDR, NOHDR, NOHDR, C_KEY, C_MD5,
      S3_ERR_SSE_C_ALGORITHM_MISSING, NULL, NULL, 0, 1, H_SSE "-customer-algorithm", NULL },
    { "", NULL, NO_BKE, NULL, GENERAL, NOHDR, NOHDR, NOHDR, "AES128", C_KEY, C_MD5,
      S3_ERR_SSE_C_ALGORITHM_INVALID, NULL, NULL, 0, 1, H_SSE "-customer-algorithm", "AES128" },
    { "", NULL, NO_BKE, NULL, GENERAL, NOHDR, NOHDR, NOHDR, "AES256", NOHDR, C_MD5,
      S3_ERR_SSE_C_KEY_MISSING, NULL, NULL, 0, 1, H_SSE "-customer-key", NULL },
    { "", NULL, NO_BKE, NULL, GENERAL, NOHDR, NOHDR, NOHDR, "AES256", "c2hvcnQ=", C_MD5,
      S3_ERR_SSE_C_KEY_INVALID, NULL, NULL, 0, 1, H_SSE "-customer-key", NULL },
    { "", NULL, NO_BKE, NULL, GENERAL, NOHDR, NOHDR, NOHDR, "AES256", C_KEY, NOHDR,
      S3_ERR_SSE_C_KEY_MD5_MISSING, NULL, NULL, 0, 1, H_SSE "-customer-key-MD5", NULL },
    { "", NULL, NO_BKE, NULL, GENERAL, NOHDR, NOHDR, NOHDR, "AES256", C_KEY,
      "1B2M2Y8AsgTpgAmY7PhCfg==", S3_ERR_SSE_C_KEY_MD5_MISMATCH, NULL, NULL, 0, 1,
      H_SSE "-customer-key-MD5", NULL },
    /* directory buckets (§3): AES256 and aws:kms only, the bucket's key, bucket keys always on */
    { "aws:kms", ARN, 0, NULL, DIR, NOHDR, NOHDR, NOHDR, NOHDR, NOHDR, NOHDR, S3_OK, "aws:kms", ARN,
      1, 0, H_ARG_NO, NULL },
    { "aws:kms", ARN, NO_BKE, NULL, DIR, "aws:kms", NOHDR, "false", NOHDR, NOHDR, NOHDR, S3_OK,
      "aws:kms", ARN, 1, 1, H_ARG_NO, NULL },
    { "aws:kms", ARN, NO_BKE, NULL, DIR, "AES256", NOHDR, NOHDR, NOHDR, NOHDR, NOHDR, S3_OK,
      "AES256", "", 0, 1, H_ARG_NO, NULL },
    { "", NULL, NO_BKE, NULL, DIR, "aws:kms", NOHDR, NOHDR, NOHDR, NOHDR, NOHDR,
      S3_ERR_DIR_OBJECT_KMS_KEY, NULL, NULL, 0, 1, H_SSE "-aws-kms-key-id", "null" },
    { "", NULL, NO_BKE, NULL, DIR, "aws:kms:dsse", NOHDR, NOHDR, NOHDR, NOHDR, NOHDR,
      S3_ERR_SSE_UNSUPPORTED, NULL, NULL, 0, 1, H_SSE, "aws:kms:dsse" },
    { "", NULL, NO_BKE, NULL, DIR, NOHDR, NOHDR, NOHDR, "AES256", C_KEY, C_MD5,
      S3_ERR_SSE_UNSUPPORTED, NULL, NULL, 0, 1, H_SSE "-customer-algorithm", "AES256" },
};

static const char *str_or(const char *s)
{
    return s ? s : "(null)";
}

static void test_resolve_rows(void)
{
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        struct s3_sse_headers h = { rows[i].sse,   rows[i].key_id, rows[i].bke,
                                    rows[i].c_alg, rows[i].c_key,  rows[i].c_md5 };
        struct s3_sse_row def;
        struct s3_obj_sse out;
        struct s3_sse_fail f;
        int err;
        int before = harness_failed_asserts;

        s3_sse_row_init(&def);
        snprintf(def.algorithm, sizeof(def.algorithm), "%s", rows[i].def_alg);
        def.kms_key_id = rows[i].def_key ? strdup(rows[i].def_key) : NULL;
        def.bucket_key_enabled = rows[i].def_bke;
        def.blocked_types = rows[i].blocked ? strdup(rows[i].blocked) : NULL;
        err = s3_obj_sse_resolve(&h, &def, rows[i].directory, &out, &f);
        CHECK_INT(err, rows[i].err);
        CHECK_INT(out.from_request, rows[i].from_request);
        if (!err) {
            CHECK_STR(out.algorithm, rows[i].alg);
            CHECK_STR(out.key_ref, rows[i].key_ref);
            CHECK_INT(out.bucket_key, rows[i].bucket_key);
            if (rows[i].c_alg) {
                CHECK_STR(out.c_algorithm, "AES256");
                CHECK_STR(out.c_key_md5, C_MD5);
            }
        } else {
            CHECK_STR(str_or(f.arg_name), str_or(rows[i].arg_name));
            CHECK_STR(str_or(f.arg_value), str_or(rows[i].arg_value));
        }
        if (harness_failed_asserts != before)
            printf("  row %zu\n", i);
        s3_sse_row_release(&def);
    }
}

/* The response headers an object answers with (§5). */
static void test_respond(void)
{
    static const struct {
        const char *alg, *arn;
        int bucket_key;
        const char *c_alg;
        const char *want_sse, *want_key, *want_bke, *want_c_alg;
    } r[] = {
        { "AES256", "", 0, "", "AES256", NULL, NULL, NULL },
        { "AES256", "", 1, "", "AES256", NULL, NULL, NULL },
        { "", "", 0, "", "AES256", NULL, NULL, NULL },
        { "aws:kms", ARN, 1, "", "aws:kms", ARN, "true", NULL },
        { "aws:kms", ARN, 0, "", "aws:kms", ARN, NULL, NULL },
        { "aws:kms:dsse", ARN, 1, "", "aws:kms:dsse", ARN, NULL, NULL },
        { "", "", 0, "AES256", NULL, NULL, NULL, "AES256" },
    };

    for (size_t i = 0; i < sizeof(r) / sizeof(r[0]); i++) {
        struct s3_object_row o;
        struct resp rs;

        s3_object_row_init(&o);
        snprintf(o.sse_algorithm, sizeof(o.sse_algorithm), "%s", r[i].alg);
        snprintf(o.kms_key_arn, sizeof(o.kms_key_arn), "%s", r[i].arn);
        o.bucket_key = r[i].bucket_key;
        snprintf(o.ssec_algorithm, sizeof(o.ssec_algorithm), "%s", r[i].c_alg);
        snprintf(o.ssec_key_md5, sizeof(o.ssec_key_md5), "%s", C_MD5);
        resp_init(&rs);
        s3_obj_sse_respond(&rs, &o);
        CHECK_STR(str_or(resp_get_header(&rs, H_SSE)), str_or(r[i].want_sse));
        CHECK_STR(str_or(resp_get_header(&rs, H_SSE "-aws-kms-key-id")), str_or(r[i].want_key));
        CHECK_STR(str_or(resp_get_header(&rs, H_SSE "-bucket-key-enabled")), str_or(r[i].want_bke));
        CHECK_STR(str_or(resp_get_header(&rs, H_SSE "-customer-algorithm")),
                  str_or(r[i].want_c_alg));
        if (r[i].c_alg[0])
            CHECK_STR(resp_get_header(&rs, H_SSE "-customer-key-MD5"), C_MD5);
        resp_release(&rs);
    }
}

/* SSE-C on read: the object's key must be sent, only to an SSE-C object, and be the same. */
static void test_sse_c_check(void)
{
    struct s3_sse_headers none = { 0 };
    struct s3_sse_headers good = { NULL, NULL, NULL, "AES256", C_KEY, C_MD5 };
    struct s3_sse_headers other = { NULL,
                                    NULL,
                                    NULL,
                                    "AES256",
                                    "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY=",
                                    "nud5zSq83khSRIVXLGziog==" };
    struct s3_sse_fail f;

    CHECK_INT(s3_obj_sse_c_check(&none, "", &f), S3_OK);
    CHECK_INT(s3_obj_sse_c_check(&good, "", &f), S3_ERR_SSE_C_NOT_APPLICABLE);
    CHECK_INT(s3_obj_sse_c_check(&none, C_MD5, &f), S3_ERR_SSE_C_REQUIRED);
    CHECK_INT(s3_obj_sse_c_check(&good, C_MD5, &f), S3_OK);
    CHECK_INT(s3_obj_sse_c_check(&other, C_MD5, &f), S3_ERR_ACCESS_DENIED);
}

int main(void)
{
    TEST(test_resolve_rows);
    TEST(test_respond);
    TEST(test_sse_c_check);
    return TEST_REPORT();
}
