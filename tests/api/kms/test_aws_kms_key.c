/* test_aws_kms_key.c - AWS KMS key operations through the router (server/kms/aws_kms_key.c):
 * CreateKey shapes, lookups and their NotFoundException forms, state changes, ListKeys paging,
 * account and region isolation. */
#include "harness.h"
#include "kms_call.h"

static struct apitest t;

#define AUTH_OTHER_ACCOUNT                                                           \
    "AWS4-HMAC-SHA256 Credential=111122223333/20251124/us-east-1/kms/aws4_request, " \
    "SignedHeaders=host, Signature=0"
#define AUTH_OTHER_REGION                                                                    \
    "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20251124/eu-west-1/kms/aws4_request, " \
    "SignedHeaders=host, Signature=0"

/* Creates a key from body and copies its KeyId into id (size 64). */
static void create(const char *body, char *id)
{
    struct kms_answer a;

    kms_call(&t, "CreateKey", body, &a);
    CHECK_INT(a.status, 200);
    snprintf(id, 64, "%s",
             json_string_value(json_object_get(json_object_get(a.body, "KeyMetadata"), "KeyId")));
    json_decref(a.body);
}

static void expect_error(const char *op, const char *body, int status, const char *type,
                         const char *message)
{
    struct kms_answer a;

    kms_call(&t, op, body, &a);
    CHECK_INT(a.status, status);
    CHECK_STR(a.type, type);
    CHECK_STR(a.message, message);
    json_decref(a.body);
}

static void test_create_key_default(void)
{
    struct kms_answer a;
    json_t *m;
    char arn[200];

    kms_call(&t, "CreateKey", "{\"Description\":\"first\"}", &a);
    CHECK_INT(a.status, 200);
    m = json_object_get(a.body, "KeyMetadata");
    CHECK_STR(json_string_value(json_object_get(m, "AWSAccountId")), "000000000000");
    CHECK_INT(strlen(json_string_value(json_object_get(m, "KeyId"))), 36);
    snprintf(arn, sizeof(arn), "arn:aws:kms:us-east-1:000000000000:key/%s",
             json_string_value(json_object_get(m, "KeyId")));
    CHECK_STR(json_string_value(json_object_get(m, "Arn")), arn);
    CHECK(json_real_value(json_object_get(m, "CreationDate")) == 1764000000.0);
    CHECK(json_is_true(json_object_get(m, "Enabled")));
    CHECK_STR(json_string_value(json_object_get(m, "Description")), "first");
    CHECK_STR(json_string_value(json_object_get(m, "KeyUsage")), "ENCRYPT_DECRYPT");
    CHECK_STR(json_string_value(json_object_get(m, "KeyState")), "Enabled");
    CHECK_STR(json_string_value(json_object_get(m, "Origin")), "AWS_KMS");
    CHECK_STR(json_string_value(json_object_get(m, "KeyManager")), "CUSTOMER");
    CHECK_STR(json_string_value(json_object_get(m, "CustomerMasterKeySpec")), "SYMMETRIC_DEFAULT");
    CHECK_STR(json_string_value(json_object_get(m, "KeySpec")), "SYMMETRIC_DEFAULT");
    CHECK_STR(json_string_value(json_array_get(json_object_get(m, "EncryptionAlgorithms"), 0)),
              "SYMMETRIC_DEFAULT");
    CHECK(json_is_false(json_object_get(m, "MultiRegion")));
    CHECK(json_object_get(m, "MultiRegionConfiguration") == NULL);
    CHECK(json_object_get(m, "DeletionDate") == NULL);
    json_decref(a.body);

    kms_call(&t, "CreateKey", NULL, &a); /* no Description -> "" (AWS-rec replicate_key) */
    CHECK_STR(
        json_string_value(json_object_get(json_object_get(a.body, "KeyMetadata"), "Description")),
        "");
    json_decref(a.body);
}

static void test_create_key_specs(void)
{
    struct kms_answer a;
    json_t *m;

    kms_call(&t, "CreateKey", "{\"KeySpec\":\"RSA_2048\",\"KeyUsage\":\"SIGN_VERIFY\"}", &a);
    m = json_object_get(a.body, "KeyMetadata");
    CHECK_INT(json_array_size(json_object_get(m, "SigningAlgorithms")), 6);
    CHECK(json_object_get(m, "EncryptionAlgorithms") == NULL);
    json_decref(a.body);
    kms_call(&t, "CreateKey", "{\"KeySpec\":\"RSA_4096\",\"KeyUsage\":\"ENCRYPT_DECRYPT\"}", &a);
    m = json_object_get(a.body, "KeyMetadata");
    CHECK_STR(json_string_value(json_array_get(json_object_get(m, "EncryptionAlgorithms"), 1)),
              "RSAES_OAEP_SHA_256");
    json_decref(a.body);
    kms_call(&t, "CreateKey", "{\"KeySpec\":\"ECC_NIST_P384\",\"KeyUsage\":\"SIGN_VERIFY\"}", &a);
    m = json_object_get(a.body, "KeyMetadata");
    CHECK_STR(json_string_value(json_array_get(json_object_get(m, "SigningAlgorithms"), 0)),
              "ECDSA_SHA_384");
    json_decref(a.body);
    kms_call(
        &t, "CreateKey",
        "{\"KeySpec\":\"HMAC_256\",\"KeyUsage\":\"GENERATE_VERIFY_MAC\",\"Description\":\"h\"}",
        &a);
    m = json_object_get(a.body, "KeyMetadata");
    CHECK_STR(json_string_value(json_array_get(json_object_get(m, "MacAlgorithms"), 0)),
              "HMAC_SHA_256");
    CHECK_STR(json_string_value(json_object_get(m, "CustomerMasterKeySpec")), "HMAC_256");
    json_decref(a.body);
    kms_call(&t, "CreateKey",
             "{\"CustomerMasterKeySpec\":\"ECC_SECG_P256K1\",\"KeyUsage\":\"SIGN_VERIFY\"}", &a);
    m = json_object_get(a.body, "KeyMetadata");
    CHECK_STR(json_string_value(json_object_get(m, "KeySpec")), "ECC_SECG_P256K1");
    json_decref(a.body);
}

static void test_create_key_multi_region(void)
{
    struct kms_answer a;
    const char *id;
    json_t *m, *mr;

    kms_call(&t, "CreateKey", "{\"MultiRegion\":true}", &a);
    m = json_object_get(a.body, "KeyMetadata");
    id = json_string_value(json_object_get(m, "KeyId"));
    CHECK(id && !strncmp(id, "mrk-", 4) && strlen(id) == 36 && !strchr(id + 4, '-'));
    CHECK(json_is_true(json_object_get(m, "MultiRegion")));
    mr = json_object_get(m, "MultiRegionConfiguration");
    CHECK_STR(json_string_value(json_object_get(mr, "MultiRegionKeyType")), "PRIMARY");
    CHECK_STR(json_string_value(json_object_get(json_object_get(mr, "PrimaryKey"), "Region")),
              "us-east-1");
    CHECK_INT(json_array_size(json_object_get(mr, "ReplicaKeys")), 0);
    json_decref(a.body);
}

static void test_create_key_errors(void)
{
    expect_error(
        "CreateKey", "{\"KeySpec\":\"HMAC_random\"}", 400, "ValidationException",
        "1 validation error detected: Value 'HMAC_random' at 'keySpec' failed to satisfy constraint: Member must satisfy enum value set: [RSA_2048, ECC_NIST_P384, ECC_NIST_P256, ECC_NIST_P521, HMAC_384, RSA_3072, ECC_SECG_P256K1, RSA_4096, SYMMETRIC_DEFAULT, HMAC_256, HMAC_224, HMAC_512]");
    expect_error(
        "CreateKey", "{\"KeySpec\":\"HMAC_256\",\"KeyUsage\":\"RANDOM\"}", 400,
        "ValidationException",
        "1 validation error detected: Value 'RANDOM' at 'keyUsage' failed to satisfy constraint: Member must satisfy enum value set: [ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC]");
    expect_error(
        "CreateKey", "{\"KeySpec\":\"HMAC_256\"}", 400, "ValidationException",
        "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.");
    expect_error("CreateKey", "{\"KeySpec\":\"ECC_NIST_P256\",\"KeyUsage\":\"ENCRYPT_DECRYPT\"}",
                 400, "ValidationException",
                 "KeyUsage ENCRYPT_DECRYPT is not compatible with KeySpec ECC_NIST_P256");
    expect_error("CreateKey", "{\"Tags\":[{\"TagKey\":\"aws:x\",\"TagValue\":\"v\"}]}", 400,
                 "TagException", "Tags beginning with aws: are reserved");
    expect_error("CreateKey", "{", 400, "SerializationException", "");
}

static void test_describe_forms(void)
{
    char id[64], arn[200], ref[300];
    struct kms_answer a;

    create("{\"Description\":\"forms\"}", id);
    snprintf(arn, sizeof(arn), "arn:aws:kms:us-east-1:000000000000:key/%s", id);
    snprintf(ref, sizeof(ref), "{\"KeyId\":\"%s\"}", arn);
    kms_call(&t, "DescribeKey", ref, &a);
    CHECK_INT(a.status, 200);
    CHECK_STR(json_string_value(json_object_get(json_object_get(a.body, "KeyMetadata"), "KeyId")),
              id);
    json_decref(a.body);

    /* the three NotFoundException forms (s3-bucket-encryption.md §4.3, AWS-rec) */
    expect_error("DescribeKey", "{\"KeyId\":\"fake-key-id\"}", 400, "NotFoundException",
                 "Invalid keyId 'fake-key-id'");
    expect_error("DescribeKey", "{\"KeyId\":\"mrk-fake-key-id\"}", 400, "NotFoundException",
                 "Invalid keyId 'mrk-fake-key-id'");
    expect_error(
        "DescribeKey", "{\"KeyId\":\"00000000-0000-4000-8000-000000000000\"}", 400,
        "NotFoundException",
        "Key 'arn:aws:kms:us-east-1:000000000000:key/00000000-0000-4000-8000-000000000000' does not exist");
    expect_error(
        "DescribeKey", "{\"KeyId\":\"mrk-d3b95762d3b95762d3b95762d3b95762\"}", 400,
        "NotFoundException",
        "Key 'arn:aws:kms:us-east-1:000000000000:key/mrk-d3b95762d3b95762d3b95762d3b95762' does not exist");
    snprintf(ref, sizeof(ref), "{\"KeyId\":\"arn:aws:kms:ap-southeast-1:000000000000:key/%s\"}",
             id);
    expect_error("DescribeKey", ref, 400, "NotFoundException", "Invalid arn ap-southeast-1");
    expect_error("DescribeKey", "{\"KeyId\":\"alias/nope\"}", 400, "NotFoundException",
                 "Alias arn:aws:kms:us-east-1:000000000000:alias/nope is not found.");
    expect_error(
        "DescribeKey", "{}", 400, "ValidationException",
        "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null");
}

static void test_isolation(void)
{
    char id[64], body[200], msg[400];
    struct kms_answer a;

    create(NULL, id);
    snprintf(body, sizeof(body), "{\"KeyId\":\"%s\"}", id);
    /* the same id seen from another region: "does not exist" in that region (AWS-rec) */
    kms_call_as(&t, AUTH_OTHER_REGION, "DescribeKey", body, &a);
    snprintf(msg, sizeof(msg), "Key 'arn:aws:kms:eu-west-1:000000000000:key/%s' does not exist",
             id);
    CHECK_STR(a.type, "NotFoundException");
    CHECK_STR(a.message, msg);
    json_decref(a.body);
    /* another account (a 12-digit access key names it) */
    kms_call_as(&t, AUTH_OTHER_ACCOUNT, "DescribeKey", body, &a);
    snprintf(msg, sizeof(msg), "Key 'arn:aws:kms:us-east-1:111122223333:key/%s' does not exist",
             id);
    CHECK_STR(a.message, msg);
    json_decref(a.body);
    kms_call_as(&t, AUTH_OTHER_ACCOUNT, "CreateKey", NULL, &a);
    CHECK_STR(
        json_string_value(json_object_get(json_object_get(a.body, "KeyMetadata"), "AWSAccountId")),
        "111122223333");
    json_decref(a.body);
    kms_call_as(&t, AUTH_OTHER_REGION, "CreateKey", NULL, &a);
    CHECK_CONTAINS(
        json_string_value(json_object_get(json_object_get(a.body, "KeyMetadata"), "Arn")),
        "arn:aws:kms:eu-west-1:000000000000:key/");
    json_decref(a.body);
}

static void test_state_changes(void)
{
    char id[64], body[300], arn[200], msg[400];
    struct kms_answer a;
    json_t *m;

    create(NULL, id);
    snprintf(body, sizeof(body), "{\"KeyId\":\"%s\"}", id);
    snprintf(arn, sizeof(arn), "arn:aws:kms:us-east-1:000000000000:key/%s", id);
    kms_call(&t, "DisableKey", body, &a);
    CHECK_INT(a.status, 200);
    CHECK(a.body == NULL);
    kms_call(&t, "DescribeKey", body, &a);
    m = json_object_get(a.body, "KeyMetadata");
    CHECK_STR(json_string_value(json_object_get(m, "KeyState")), "Disabled");
    CHECK(json_is_false(json_object_get(m, "Enabled")));
    json_decref(a.body);
    kms_call(&t, "EnableKey", body, &a);
    CHECK_INT(a.status, 200);

    snprintf(body, sizeof(body), "{\"KeyId\":\"%s\",\"PendingWindowInDays\":5}", id);
    expect_error("ScheduleKeyDeletion", body, 400, "ValidationException",
                 "PendingWindowInDays should be between 7 and 30, but it is 5");
    snprintf(body, sizeof(body), "{\"KeyId\":\"%s\"}", arn);
    kms_call(&t, "ScheduleKeyDeletion", body, &a);
    CHECK_INT(a.status, 200);
    CHECK_STR(json_string_value(json_object_get(a.body, "KeyId")), arn);
    CHECK_STR(json_string_value(json_object_get(a.body, "KeyState")), "PendingDeletion");
    CHECK_INT(json_integer_value(json_object_get(a.body, "PendingWindowInDays")), 30);
    CHECK(json_real_value(json_object_get(a.body, "DeletionDate")) == 1764000000.0 + 30 * 86400);
    json_decref(a.body);
    kms_call(&t, "DescribeKey", body, &a);
    CHECK(json_object_get(json_object_get(a.body, "KeyMetadata"), "DeletionDate") != NULL);
    json_decref(a.body);

    snprintf(msg, sizeof(msg), "%s is pending deletion.", arn);
    expect_error("EnableKey", body, 400, "KMSInvalidStateException", msg);
    expect_error("DisableKey", body, 400, "KMSInvalidStateException", msg);
    expect_error("ScheduleKeyDeletion", body, 400, "KMSInvalidStateException", msg);

    kms_call(&t, "CancelKeyDeletion", body, &a);
    CHECK_INT(a.status, 200);
    CHECK_STR(json_string_value(json_object_get(a.body, "KeyId")), arn);
    json_decref(a.body);
    kms_call(&t, "DescribeKey", body, &a);
    m = json_object_get(a.body, "KeyMetadata");
    CHECK_STR(json_string_value(json_object_get(m, "KeyState")), "Disabled");
    CHECK(json_object_get(m, "DeletionDate") == NULL);
    json_decref(a.body);
    snprintf(msg, sizeof(msg), "%s is not pending deletion.", arn);
    expect_error("CancelKeyDeletion", body, 400, "KMSInvalidStateException", msg);
    expect_error("EnableKey", "{\"KeyId\":\"alias/x\"}", 400, "NotFoundException",
                 "Invalid keyId 'alias/x'");
}

static void test_list_keys_paging(void)
{
    struct kms_answer a;
    char body[200];
    size_t total = 0;
    int pages = 0;

    snprintf(body, sizeof(body), "{\"Limit\":2}");
    for (;;) {
        json_t *keys;

        kms_call(&t, "ListKeys", body, &a);
        CHECK_INT(a.status, 200);
        keys = json_object_get(a.body, "Keys");
        CHECK(json_array_size(keys) <= 2);
        CHECK(json_string_value(json_object_get(json_array_get(keys, 0), "KeyArn")) != NULL);
        total += json_array_size(keys);
        pages++;
        if (!json_is_true(json_object_get(a.body, "Truncated"))) {
            CHECK(json_object_get(a.body, "NextMarker") == NULL);
            json_decref(a.body);
            break;
        }
        snprintf(body, sizeof(body), "{\"Limit\":2,\"Marker\":\"%s\"}",
                 json_string_value(json_object_get(a.body, "NextMarker")));
        json_decref(a.body);
    }
    kms_call(&t, "ListKeys", NULL, &a);
    CHECK_INT(json_array_size(json_object_get(a.body, "Keys")), total);
    CHECK(pages > 1);
    json_decref(a.body);
    expect_error(
        "ListKeys", "{\"Limit\":1001}", 400, "ValidationException",
        "1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000");
    expect_error("ListKeys", "{\"Marker\":\"garbage\"}", 400, "InvalidMarkerException", "");
}

static void test_unknown_operation(void)
{
    struct kms_answer a;

    kms_call(&t, "Encryptify", NULL, &a);
    CHECK_INT(a.status, 400);
    CHECK_STR(a.type, "UnknownOperationException");
    json_decref(a.body);
}

int main(void)
{
    if (apitest_open(&t))
        return 1;
    TEST(test_create_key_default);
    TEST(test_create_key_specs);
    TEST(test_create_key_multi_region);
    TEST(test_create_key_errors);
    TEST(test_describe_forms);
    TEST(test_isolation);
    TEST(test_state_changes);
    TEST(test_list_keys_paging);
    TEST(test_unknown_operation);
    apitest_close(&t);
    return TEST_REPORT();
}
