/* test_s3_object_kms.c - objects under default encryption with AWS KMS keys: key ids answered
 * as ARNs, the aws/s3 key, aliases, and the KMS.* errors on write and on read
 * (server/s3/s3_object_kms.c, s3_object_common.c; s3-spec §4.3, §5). */
#include "../kms/kms_call.h"
#include "s3_call.h"

#define SSE     "x-amz-server-side-encryption"
#define ACCOUNT "000000000000"
#define ARN0    "arn:aws:kms:us-east-1:" ACCOUNT ":key/"
#define UUID    "1234abcd-12ab-34cd-56ef-1234567890ab"

static struct apitest t;

/* Creates a KMS key (body: CreateKey JSON or NULL) and copies its id and ARN. */
static void new_key(const char *body, char id[64], char arn[160])
{
    struct kms_answer a;
    json_t *m;

    kms_call(&t, "CreateKey", body, &a);
    CHECK_INT(a.status, 200);
    m = json_object_get(a.body, "KeyMetadata");
    snprintf(id, 64, "%s", json_string_value(json_object_get(m, "KeyId")));
    snprintf(arn, 160, "%s", json_string_value(json_object_get(m, "Arn")));
    json_decref(a.body);
}

/* Runs a KMS operation on a key id (ScheduleKeyDeletion with a 7-day window). */
static void key_op(const char *op, const char *key_id)
{
    char body[256];
    struct kms_answer a;

    snprintf(body, sizeof(body), "{\"KeyId\":\"%s\"%s}", key_id,
             strcmp(op, "ScheduleKeyDeletion") ? "" : ",\"PendingWindowInDays\":7");
    kms_call(&t, op, body, &a);
    CHECK_INT(a.status, 200);
    json_decref(a.body);
}

static void check_kms(const struct resp *rs, const char *alg, const char *arn, const char *bke)
{
    CHECK_STR(s3_hdr(rs, SSE), alg);
    CHECK_STR(s3_hdr(rs, SSE "-aws-kms-key-id"), arn);
    CHECK_STR(s3_hdr(rs, SSE "-bucket-key-enabled"), bke);
}

static void test_default_key_id_as_arn(void)
{
    char id[64], arn[160];
    struct resp rs;

    resp_init(&rs);
    new_key(NULL, id, arn);
    s3_new_bucket(&t, "kms-default");
    CHECK_INT(s3_put_default(&t, "kms-default", "aws:kms", id, 1), 200);
    s3_call(&t, "PUT", "/kms-default/k", NULL, NULL, "hello", &rs);
    CHECK_INT(rs.status, 200);
    check_kms(&rs, "aws:kms", arn, "true");
    /* CHOICE: an SSE-KMS ETag is not the MD5 of the content */
    CHECK(strcmp(s3_hdr(&rs, "ETag"), "\"5d41402abc4b2a76b9719d911017c592\"") != 0);
    CHECK_INT(strlen(s3_hdr(&rs, "ETag")), 34);
    s3_call(&t, "GET", "/kms-default/k", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    check_kms(&rs, "aws:kms", arn, "true");
    CHECK_STR(buf_str(&rs.body), "hello");
    s3_call(&t, "HEAD", "/kms-default/k", NULL, NULL, NULL, &rs);
    check_kms(&rs, "aws:kms", arn, "true");

    /* the default changes; the object keeps what it was written with */
    CHECK_INT(s3_put_default(&t, "kms-default", "AES256", NULL, -1), 200);
    s3_call(&t, "HEAD", "/kms-default/k", NULL, NULL, NULL, &rs);
    check_kms(&rs, "aws:kms", arn, "true");
    s3_call(&t, "PUT", "/kms-default/k2", NULL, NULL, "x", &rs);
    check_kms(&rs, "AES256", "(none)", "(none)");
    resp_release(&rs);
}

static void test_managed_key(void)
{
    struct kms_answer a;
    char arn[160];
    struct resp rs;

    resp_init(&rs);
    s3_new_bucket(&t, "kms-managed");
    CHECK_INT(s3_put_default(&t, "kms-managed", "aws:kms", NULL, -1), 200);
    s3_call(&t, "PUT", "/kms-managed/k", NULL, NULL, "x", &rs);
    CHECK_INT(rs.status, 200);
    kms_call(&t, "DescribeKey", "{\"KeyId\":\"alias/aws/s3\"}", &a);
    snprintf(arn, sizeof(arn), "%s",
             json_string_value(json_object_get(json_object_get(a.body, "KeyMetadata"), "Arn")));
    json_decref(a.body);
    check_kms(&rs, "aws:kms", arn, "(none)");
    /* alias/aws/s3 named explicitly is the same key */
    {
        const char *h[] = { SSE ": aws:kms", SSE "-aws-kms-key-id: alias/aws/s3", NULL };

        s3_call(&t, "PUT", "/kms-managed/k2", NULL, h, "x", &rs);
        check_kms(&rs, "aws:kms", arn, "(none)");
    }
    resp_release(&rs);
}

static void test_alias_and_dsse(void)
{
    char id[64], arn[160], body[256];
    const char *dsse[] = { SSE ": aws:kms:dsse", SSE "-bucket-key-enabled: true", NULL };
    struct kms_answer a;
    struct resp rs;

    resp_init(&rs);
    new_key(NULL, id, arn);
    snprintf(body, sizeof(body), "{\"AliasName\":\"alias/objects\",\"TargetKeyId\":\"%s\"}", id);
    kms_call(&t, "CreateAlias", body, &a);
    CHECK_INT(a.status, 200);
    json_decref(a.body);
    s3_new_bucket(&t, "kms-alias");
    CHECK_INT(s3_put_default(&t, "kms-alias", "aws:kms", "alias/objects", 0), 200);
    s3_call(&t, "PUT", "/kms-alias/k", NULL, NULL, "x", &rs);
    check_kms(&rs, "aws:kms", arn, "(none)");
    /* dsse: the key ARN, never the bucket-key header */
    CHECK_INT(s3_put_default(&t, "kms-alias", "aws:kms:dsse", id, 1), 200);
    s3_call(&t, "PUT", "/kms-alias/d", NULL, NULL, "x", &rs);
    check_kms(&rs, "aws:kms:dsse", arn, "(none)");
    s3_call(&t, "PUT", "/kms-alias/d2", NULL, dsse, "x", &rs);
    CHECK_STR(s3_hdr(&rs, SSE), "aws:kms:dsse");
    CHECK_STR(s3_hdr(&rs, SSE "-bucket-key-enabled"), "(none)");
    resp_release(&rs);
}

/* §4.3: the three not-found forms and the alias form, on the request header and on the bucket
 * default (accepted by PutBucketEncryption, refused on the write). */
static void test_not_found_forms(void)
{
    char other_id[64], other_arn[160];
    char h_key[256];
    const char *h[] = { SSE ": aws:kms", h_key, NULL };
    struct kms_answer a;
    struct resp rs;
    json_t *m;

    resp_init(&rs);
    s3_new_bucket(&t, "kms-notfound");
    snprintf(h_key, sizeof(h_key), SSE "-aws-kms-key-id: fake-key-id");
    s3_call(&t, "PUT", "/kms-notfound/k", NULL, h, "x", &rs);
    s3_check_error(&rs, 400, "KMS.NotFoundException", "Invalid keyId 'fake-key-id'", "");
    snprintf(h_key, sizeof(h_key), SSE "-aws-kms-key-id: " UUID);
    s3_call(&t, "PUT", "/kms-notfound/k", NULL, h, "x", &rs);
    s3_check_error(&rs, 400, "KMS.NotFoundException", "Key '" ARN0 UUID "' does not exist", "");
    snprintf(h_key, sizeof(h_key), SSE "-aws-kms-key-id: alias/missing");
    s3_call(&t, "PUT", "/kms-notfound/k", NULL, h, "x", &rs);
    s3_check_error(&rs, 400, "KMS.NotFoundException",
                   "Alias arn:aws:kms:us-east-1:" ACCOUNT ":alias/missing is not found.", "");
    /* a key of another region: its ARN -> "Invalid arn <region>", its id -> does not exist */
    kms_call_as(&t,
                "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20251124/eu-west-1/kms/"
                "aws4_request, SignedHeaders=host, Signature=0",
                "CreateKey", NULL, &a);
    m = json_object_get(a.body, "KeyMetadata");
    snprintf(other_id, sizeof(other_id), "%s", json_string_value(json_object_get(m, "KeyId")));
    snprintf(other_arn, sizeof(other_arn), "%s", json_string_value(json_object_get(m, "Arn")));
    json_decref(a.body);
    snprintf(h_key, sizeof(h_key), SSE "-aws-kms-key-id: %s", other_arn);
    s3_call(&t, "PUT", "/kms-notfound/k", NULL, h, "x", &rs);
    s3_check_error(&rs, 400, "KMS.NotFoundException", "Invalid arn eu-west-1", "");
    snprintf(h_key, sizeof(h_key), SSE "-aws-kms-key-id: %s", other_id);
    s3_call(&t, "PUT", "/kms-notfound/k", NULL, h, "x", &rs);
    {
        char msg[256];

        snprintf(msg, sizeof(msg), "Key '" ARN0 "%s' does not exist", other_id);
        s3_check_error(&rs, 400, "KMS.NotFoundException", msg, "");
    }
    /* the bucket default is never validated by PutBucketEncryption, only on writes */
    CHECK_INT(s3_put_default(&t, "kms-notfound", "aws:kms", UUID, 1), 200);
    s3_call(&t, "PUT", "/kms-notfound/k", NULL, NULL, "x", &rs);
    s3_check_error(&rs, 400, "KMS.NotFoundException", "Key '" ARN0 UUID "' does not exist", "");
    CHECK_INT(s3_put_default(&t, "kms-notfound", "aws:kms", "aws/s3", -1), 200);
    s3_call(&t, "PUT", "/kms-notfound/k", NULL, NULL, "x", &rs);
    s3_check_error(&rs, 400, "KMS.NotFoundException", "Invalid keyId 'aws/s3'", "");
    s3_call(&t, "GET", "/kms-notfound/k", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 404); /* nothing was written */
    resp_release(&rs);
}

static void test_key_states(void)
{
    char id[64], arn[160], msg[256], h_key[256];
    const char *h[] = { SSE ": aws:kms", h_key, NULL };
    struct resp rs;

    resp_init(&rs);
    new_key(NULL, id, arn);
    s3_new_bucket(&t, "kms-states");
    snprintf(h_key, sizeof(h_key), SSE "-aws-kms-key-id: %s", id);
    s3_call(&t, "PUT", "/kms-states/k", NULL, h, "x", &rs);
    CHECK_INT(rs.status, 200);

    key_op("DisableKey", id);
    snprintf(msg, sizeof(msg), "%s is disabled.", arn);
    s3_call(&t, "PUT", "/kms-states/k2", NULL, h, "x", &rs);
    s3_check_error(&rs, 400, "KMS.DisabledException", msg, "");
    s3_call(&t, "GET", "/kms-states/k", NULL, NULL, NULL, &rs);
    s3_check_error(&rs, 400, "KMS.DisabledException", msg, "");
    s3_call(&t, "HEAD", "/kms-states/k", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 400);
    key_op("EnableKey", id);
    s3_call(&t, "GET", "/kms-states/k", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);

    key_op("ScheduleKeyDeletion", id);
    snprintf(msg, sizeof(msg), "%s is pending deletion.", arn);
    s3_call(&t, "GET", "/kms-states/k", NULL, NULL, NULL, &rs);
    s3_check_error(&rs, 400, "KMS.KMSInvalidStateException", msg, "");
    s3_call(&t, "PUT", "/kms-states/k3", NULL, h, "x", &rs);
    s3_check_error(&rs, 400, "KMS.KMSInvalidStateException", msg, "");
    /* deleting the object needs no key */
    s3_call(&t, "DELETE", "/kms-states/k", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 204);
    resp_release(&rs);
}

/* CHOICE: keys that cannot encrypt S3 data answer KMS.InvalidKeyUsageException. */
static void test_asymmetric(void)
{
    char id[64], arn[160], msg[256], h_key[256];
    const char *h[] = { SSE ": aws:kms", h_key, NULL };
    struct resp rs;

    resp_init(&rs);
    s3_new_bucket(&t, "kms-asym");
    new_key("{\"KeySpec\":\"RSA_2048\",\"KeyUsage\":\"SIGN_VERIFY\"}", id, arn);
    snprintf(h_key, sizeof(h_key), SSE "-aws-kms-key-id: %s", arn);
    s3_call(&t, "PUT", "/kms-asym/k", NULL, h, "x", &rs);
    snprintf(msg, sizeof(msg),
             "%s key usage is SIGN_VERIFY which is not valid for GenerateDataKey.", arn);
    s3_check_error(&rs, 400, "KMS.InvalidKeyUsageException", msg, "");
    new_key("{\"KeySpec\":\"RSA_3072\",\"KeyUsage\":\"ENCRYPT_DECRYPT\"}", id, arn);
    snprintf(h_key, sizeof(h_key), SSE "-aws-kms-key-id: %s", id);
    s3_call(&t, "PUT", "/kms-asym/k", NULL, h, "x", &rs);
    s3_check_error(&rs, 400, "KMS.InvalidKeyUsageException",
                   "Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_3072.", "");
    resp_release(&rs);
}

/* Explicit headers over the default; the bucket rule's BucketKeyEnabled when not sent. */
static void test_headers_override(void)
{
    char id[64], arn[160], id2[64], arn2[160], h_key[256];
    const char *aes[] = { SSE ": AES256", NULL };
    const char *kms_no_key[] = { SSE ": aws:kms", NULL };
    const char *kms2[] = { SSE ": aws:kms", h_key, SSE "-bucket-key-enabled: false", NULL };
    struct resp rs;

    resp_init(&rs);
    new_key(NULL, id, arn);
    new_key(NULL, id2, arn2);
    s3_new_bucket(&t, "kms-override");
    CHECK_INT(s3_put_default(&t, "kms-override", "aws:kms", arn, 1), 200);
    s3_call(&t, "PUT", "/kms-override/a", NULL, aes, "x", &rs);
    check_kms(&rs, "AES256", "(none)", "(none)");
    snprintf(h_key, sizeof(h_key), SSE "-aws-kms-key-id: %s", id2);
    s3_call(&t, "PUT", "/kms-override/b", NULL, kms2, "x", &rs);
    check_kms(&rs, "aws:kms", arn2, "(none)");
    s3_call(&t, "PUT", "/kms-override/c", NULL, kms_no_key, "x", &rs);
    CHECK_STR(s3_hdr(&rs, SSE "-bucket-key-enabled"), "true");
    CHECK(strcmp(s3_hdr(&rs, SSE "-aws-kms-key-id"), arn) != 0); /* aws/s3, not the default */
    resp_release(&rs);
}

int main(void)
{
    if (apitest_open(&t))
        return 1;
    TEST(test_default_key_id_as_arn);
    TEST(test_managed_key);
    TEST(test_alias_and_dsse);
    TEST(test_not_found_forms);
    TEST(test_key_states);
    TEST(test_asymmetric);
    TEST(test_headers_override);
    apitest_close(&t);
    return TEST_REPORT();
}
