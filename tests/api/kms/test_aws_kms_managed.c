/* test_aws_kms_managed.c - the AWS managed aws/s3 key (storage/aws_kms_store.c,
 * s3-bucket-encryption.md §5): created once per account and region, by the storage call the
 * S3 family uses or by DescribeKey on alias/aws/s3, and reused; resolution result codes. */
#include "harness.h"
#include "kms_call.h"

#include "storage/store_aws_kms.h"

static struct apitest t;

static void test_created_once(void)
{
    struct aws_kms_key_row k1, k2;

    CHECK_INT(
        store_aws_kms_managed_s3_key(t.st, "000000000000", "us-east-1", t.now_ms, &t.ids, &k1),
        STORE_OK);
    CHECK_STR(k1.description,
              "Default key that protects my S3 objects when no other key is defined");
    CHECK_STR(k1.key_manager, "AWS");
    CHECK_STR(k1.key_state, "Enabled");
    CHECK_INT(strlen(k1.key_id), 36);
    CHECK_INT(
        store_aws_kms_managed_s3_key(t.st, "000000000000", "us-east-1", t.now_ms, &t.ids, &k2),
        STORE_OK);
    CHECK_STR(k2.key_id, k1.key_id);
    CHECK_STR(k2.arn, k1.arn);
    /* another region and another account get their own */
    CHECK_INT(
        store_aws_kms_managed_s3_key(t.st, "000000000000", "eu-west-1", t.now_ms, &t.ids, &k2),
        STORE_OK);
    CHECK(strcmp(k2.key_id, k1.key_id) != 0);
    CHECK_CONTAINS(k2.arn, "arn:aws:kms:eu-west-1:000000000000:key/");
    CHECK_INT(
        store_aws_kms_managed_s3_key(t.st, "111122223333", "us-east-1", t.now_ms, &t.ids, &k2),
        STORE_OK);
    CHECK(strcmp(k2.key_id, k1.key_id) != 0);
}

static void test_describe_uses_it(void)
{
    struct aws_kms_key_row k;
    struct kms_answer a;
    json_t *m;
    size_t i;
    json_t *e;
    int found = 0;

    store_aws_kms_managed_s3_key(t.st, "000000000000", "us-east-1", t.now_ms, &t.ids, &k);
    kms_call(&t, "DescribeKey", "{\"KeyId\":\"alias/aws/s3\"}", &a);
    CHECK_INT(a.status, 200);
    m = json_object_get(a.body, "KeyMetadata");
    CHECK_STR(json_string_value(json_object_get(m, "KeyId")), k.key_id);
    CHECK_STR(json_string_value(json_object_get(m, "KeyManager")), "AWS");
    json_decref(a.body);
    kms_call(&t, "ListAliases", NULL, &a);
    json_array_foreach(json_object_get(a.body, "Aliases"), i, e)
    {
        if (!strcmp(json_string_value(json_object_get(e, "AliasName")), "alias/aws/s3")) {
            CHECK_STR(json_string_value(json_object_get(e, "TargetKeyId")), k.key_id);
            found++;
        }
    }
    CHECK_INT(found, 1);
    json_decref(a.body);
}

static void test_describe_creates_it(void)
{
    struct aws_kms_key_row k;
    struct kms_answer a;
    const char *auth =
        "AWS4-HMAC-SHA256 Credential=222233334444/20251124/ap-south-1/kms/aws4_request, "
        "SignedHeaders=host, Signature=0";

    kms_call_as(&t, auth, "DescribeKey",
                "{\"KeyId\":\"arn:aws:kms:ap-south-1:222233334444:alias/aws/s3\"}", &a);
    CHECK_INT(a.status, 200);
    CHECK_INT(
        store_aws_kms_managed_s3_key(t.st, "222233334444", "ap-south-1", t.now_ms, &t.ids, &k),
        STORE_OK);
    CHECK_STR(json_string_value(json_object_get(json_object_get(a.body, "KeyMetadata"), "KeyId")),
              k.key_id);
    json_decref(a.body);
    /* a managed key's state is not the caller's (CHOICE) */
    {
        char body[500];

        snprintf(body, sizeof(body), "{\"KeyId\":\"%s\"}", k.key_id);
        kms_call_as(&t, auth, "DisableKey", body, &a);
        CHECK_INT(a.status, 400);
        CHECK_STR(a.type, "NotAuthorizedException");
        json_decref(a.body);
    }
}

static void test_resolve_codes(void)
{
    struct aws_kms_key_row k;

    CHECK_INT(store_aws_kms_resolve(t.st, "333344445555", "us-east-1", "alias/aws/s3", &k),
              AWS_KMS_RESOLVE_ALIAS_NOT_FOUND);
    CHECK_STR(k.arn, "arn:aws:kms:us-east-1:333344445555:alias/aws/s3");
    CHECK_INT(store_aws_kms_resolve(t.st, "333344445555", "us-east-1", "fake-key-id", &k),
              AWS_KMS_RESOLVE_INVALID_ID);
    CHECK_STR(k.key_id, "fake-key-id");
    CHECK_INT(store_aws_kms_resolve(t.st, "333344445555", "us-east-1",
                                    "arn:aws:kms:us-east-1:333344445555:key/fake", &k),
              AWS_KMS_RESOLVE_INVALID_ID);
    CHECK_STR(k.key_id, "fake");
    CHECK_INT(store_aws_kms_resolve(t.st, "333344445555", "us-east-1",
                                    "11111111-2222-4333-8444-555555555555", &k),
              AWS_KMS_RESOLVE_KEY_NOT_FOUND);
    CHECK_STR(k.arn, "arn:aws:kms:us-east-1:333344445555:key/11111111-2222-4333-8444-555555555555");
    CHECK_INT(store_aws_kms_resolve(
                  t.st, "333344445555", "us-east-1",
                  "arn:aws:kms:eu-central-1:333344445555:key/11111111-2222-4333-8444-555555555555",
                  &k),
              AWS_KMS_RESOLVE_OTHER_REGION);
    CHECK_STR(k.region, "eu-central-1");
    store_aws_kms_managed_s3_key(t.st, "333344445555", "us-east-1", t.now_ms, &t.ids, &k);
    {
        struct aws_kms_key_row r;

        CHECK_INT(store_aws_kms_resolve(t.st, "333344445555", "us-east-1", "alias/aws/s3", &r),
                  AWS_KMS_RESOLVE_OK);
        CHECK_STR(r.key_id, k.key_id);
        CHECK_INT(store_aws_kms_resolve(t.st, "333344445555", "us-east-1", k.arn, &r),
                  AWS_KMS_RESOLVE_OK);
        CHECK_STR(r.key_manager, "AWS");
    }
}

int main(void)
{
    if (apitest_open(&t))
        return 1;
    TEST(test_created_once);
    TEST(test_describe_uses_it);
    TEST(test_describe_creates_it);
    TEST(test_resolve_codes);
    apitest_close(&t);
    return TEST_REPORT();
}
