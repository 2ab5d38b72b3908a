/* test_aws_kms_alias.c - AWS KMS alias operations through the router
 * (server/kms/aws_kms_alias.c): create, update, delete, list, and their errors. */
#include "harness.h"
#include "kms_call.h"

static struct apitest t;

static void create(char *id)
{
    struct kms_answer a;

    kms_call(&t, "CreateKey", NULL, &a);
    snprintf(id, 64, "%s",
             json_string_value(json_object_get(json_object_get(a.body, "KeyMetadata"), "KeyId")));
    json_decref(a.body);
}

static void expect(const char *op, const char *body, int status, const char *type,
                   const char *message)
{
    struct kms_answer a;

    kms_call(&t, op, body, &a);
    CHECK_INT(a.status, status);
    CHECK_STR(a.type, type);
    CHECK_STR(a.message, message);
    json_decref(a.body);
}

static void test_create_and_resolve(void)
{
    char id[64], body[300];
    struct kms_answer a;

    create(id);
    snprintf(body, sizeof(body), "{\"AliasName\":\"alias/app-one\",\"TargetKeyId\":\"%s\"}", id);
    kms_call(&t, "CreateAlias", body, &a);
    CHECK_INT(a.status, 200);
    CHECK(a.body == NULL);
    kms_call(&t, "DescribeKey", "{\"KeyId\":\"alias/app-one\"}", &a);
    CHECK_STR(json_string_value(json_object_get(json_object_get(a.body, "KeyMetadata"), "KeyId")),
              id);
    json_decref(a.body);
    kms_call(&t, "DescribeKey", "{\"KeyId\":\"arn:aws:kms:us-east-1:000000000000:alias/app-one\"}",
             &a);
    CHECK_INT(a.status, 200);
    json_decref(a.body);
    expect("DescribeKey", "{\"KeyId\":\"arn:aws:kms:us-west-2:000000000000:alias/app-one\"}", 400,
           "NotFoundException", "Invalid arn us-west-2");
    expect(
        "CreateAlias", body, 400, "AlreadyExistsException",
        "An alias with the name arn:aws:kms:us-east-1:000000000000:alias/app-one already exists");
}

static void test_create_errors(void)
{
    char id[64], body[400];

    create(id);
    snprintf(body, sizeof(body), "{\"AliasName\":\"app\",\"TargetKeyId\":\"%s\"}", id);
    expect(
        "CreateAlias", body, 400, "ValidationException",
        "Alias must start with the prefix \"alias/\". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html");
    snprintf(body, sizeof(body), "{\"AliasName\":\"alias/aws/mine\",\"TargetKeyId\":\"%s\"}", id);
    expect("CreateAlias", body, 400, "NotAuthorizedException", "");
    snprintf(body, sizeof(body), "{\"AliasName\":\"alias/bad name\",\"TargetKeyId\":\"%s\"}", id);
    expect(
        "CreateAlias", body, 400, "ValidationException",
        "1 validation error detected: Value 'alias/bad name' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$");
    expect("CreateAlias", "{\"AliasName\":\"alias/x1\",\"TargetKeyId\":\"alias/app-one\"}", 400,
           "ValidationException", "Aliases must refer to keys. Not aliases");
    expect("CreateAlias", "{\"AliasName\":\"alias/x1\",\"TargetKeyId\":\"nope\"}", 400,
           "NotFoundException", "Invalid keyId 'nope'");
    expect(
        "CreateAlias",
        "{\"AliasName\":\"alias/x1\",\"TargetKeyId\":\"11111111-2222-4333-8444-555555555555\"}",
        400, "NotFoundException",
        "Key 'arn:aws:kms:us-east-1:000000000000:key/11111111-2222-4333-8444-555555555555' does not exist");
    expect(
        "CreateAlias", "{\"AliasName\":\"alias/x1\"}", 400, "ValidationException",
        "1 validation error detected: Value null at 'targetKeyId' failed to satisfy constraint: Member must not be null");
}

static void test_pending_deletion_target(void)
{
    char id[64], body[300], msg[300];

    create(id);
    snprintf(body, sizeof(body), "{\"KeyId\":\"%s\",\"PendingWindowInDays\":7}", id);
    expect("ScheduleKeyDeletion", body, 200, "", "");
    snprintf(body, sizeof(body), "{\"AliasName\":\"alias/doomed\",\"TargetKeyId\":\"%s\"}", id);
    snprintf(msg, sizeof(msg), "arn:aws:kms:us-east-1:000000000000:key/%s is pending deletion.",
             id);
    expect("CreateAlias", body, 400, "KMSInvalidStateException", msg);
}

static void test_update_delete(void)
{
    char id1[64], id2[64], body[300];
    struct kms_answer a;

    create(id1);
    create(id2);
    snprintf(body, sizeof(body), "{\"AliasName\":\"alias/moving\",\"TargetKeyId\":\"%s\"}", id1);
    expect("CreateAlias", body, 200, "", "");
    t.now_ms += 5000;
    snprintf(body, sizeof(body), "{\"AliasName\":\"alias/moving\",\"TargetKeyId\":\"%s\"}", id2);
    expect("UpdateAlias", body, 200, "", "");
    snprintf(body, sizeof(body), "{\"KeyId\":\"%s\"}", id2);
    kms_call(&t, "ListAliases", body, &a);
    CHECK_INT(json_array_size(json_object_get(a.body, "Aliases")), 1);
    {
        json_t *e = json_array_get(json_object_get(a.body, "Aliases"), 0);

        CHECK_STR(json_string_value(json_object_get(e, "AliasName")), "alias/moving");
        CHECK_STR(json_string_value(json_object_get(e, "AliasArn")),
                  "arn:aws:kms:us-east-1:000000000000:alias/moving");
        CHECK_STR(json_string_value(json_object_get(e, "TargetKeyId")), id2);
        CHECK(json_real_value(json_object_get(e, "LastUpdatedDate")) >
              json_real_value(json_object_get(e, "CreationDate")));
    }
    json_decref(a.body);
    snprintf(body, sizeof(body), "{\"KeyId\":\"%s\"}", id1);
    kms_call(&t, "ListAliases", body, &a);
    CHECK_INT(json_array_size(json_object_get(a.body, "Aliases")), 0);
    json_decref(a.body);
    snprintf(body, sizeof(body), "{\"AliasName\":\"alias/never\",\"TargetKeyId\":\"%s\"}", id2);
    expect("UpdateAlias", body, 400, "NotFoundException",
           "Alias arn:aws:kms:us-east-1:000000000000:alias/never is not found.");
    expect("DeleteAlias", "{\"AliasName\":\"alias/moving\"}", 200, "", "");
    expect("DeleteAlias", "{\"AliasName\":\"alias/moving\"}", 400, "NotFoundException",
           "Alias arn:aws:kms:us-east-1:000000000000:alias/moving is not found.");
    expect("DeleteAlias", "{\"AliasName\":\"alias/aws/s3\"}", 400, "NotAuthorizedException", "");
}

static void test_list_all_paging(void)
{
    struct kms_answer a;
    char body[300];
    int seen_s3 = 0, total = 0;

    snprintf(body, sizeof(body), "{\"Limit\":4}");
    for (;;) {
        json_t *list, *e;
        size_t i;

        kms_call(&t, "ListAliases", body, &a);
        CHECK_INT(a.status, 200);
        list = json_object_get(a.body, "Aliases");
        json_array_foreach(list, i, e)
        {
            if (!strcmp(json_string_value(json_object_get(e, "AliasName")), "alias/aws/s3")) {
                seen_s3 = 1;
                CHECK(json_object_get(e, "TargetKeyId") == NULL); /* not created yet */
            }
            total++;
        }
        if (!json_is_true(json_object_get(a.body, "Truncated"))) {
            json_decref(a.body);
            break;
        }
        snprintf(body, sizeof(body), "{\"Limit\":4,\"Marker\":\"%s\"}",
                 json_string_value(json_object_get(a.body, "NextMarker")));
        json_decref(a.body);
    }
    CHECK(seen_s3);
    kms_call(&t, "ListAliases", NULL, &a);
    CHECK_INT(json_array_size(json_object_get(a.body, "Aliases")), total);
    json_decref(a.body);
}

int main(void)
{
    if (apitest_open(&t))
        return 1;
    TEST(test_create_and_resolve);
    TEST(test_create_errors);
    TEST(test_pending_deletion_target);
    TEST(test_update_delete);
    TEST(test_list_all_paging);
    apitest_close(&t);
    return TEST_REPORT();
}
