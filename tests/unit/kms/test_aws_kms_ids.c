/* test_aws_kms_ids.c - AWS KMS key id, key ARN, alias name and alias ARN parsing
 * (server/kms/aws_kms_ids.c), and the error table (server/kms/aws_kms_errors.c). */
#include "harness.h"

#include "server/kms/aws_kms_errors.h"
#include "server/kms/aws_kms_ids.h"

struct ref_row {
    const char *in;
    enum aws_kms_ref_kind kind;
    const char *region;
    const char *account;
    const char *key_id;
    const char *alias;
};

static void test_ref_parse(void)
{
    /* clang-format off */
    static const struct ref_row rows[] = {
        { "1234abcd-12ab-34cd-56ef-1234567890ab", AWS_KMS_REF_KEY_ID, "", "", "1234abcd-12ab-34cd-56ef-1234567890ab", "" },
        { "fake-key-id", AWS_KMS_REF_KEY_ID, "", "", "fake-key-id", "" },
        { "aws/s3", AWS_KMS_REF_KEY_ID, "", "", "aws/s3", "" },
        { "arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", AWS_KMS_REF_KEY_ARN, "us-east-2", "111122223333", "1234abcd-12ab-34cd-56ef-1234567890ab", "" },
        { "arn:aws-cn:kms:cn-north-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab", AWS_KMS_REF_KEY_ARN, "cn-north-1", "111122223333", "mrk-1234abcd12ab34cd56ef1234567890ab", "" },
        { "arn:aws:kms:us-east-2:111122223333:key/fake", AWS_KMS_REF_KEY_ARN, "us-east-2", "111122223333", "fake", "" },
        { "alias/ExampleAlias", AWS_KMS_REF_ALIAS_NAME, "", "", "", "alias/ExampleAlias" },
        { "alias/aws/s3", AWS_KMS_REF_ALIAS_NAME, "", "", "", "alias/aws/s3" },
        { "arn:aws:kms:us-east-2:111122223333:alias/ExampleAlias", AWS_KMS_REF_ALIAS_ARN, "us-east-2", "111122223333", "", "alias/ExampleAlias" },
        { "arn:aws:s3:::bucket", AWS_KMS_REF_BAD_ARN, "", "", "arn:aws:s3:::bucket", "" },
        { "arn:aws:kms:us-east-2:111122223333:grant/x", AWS_KMS_REF_BAD_ARN, "", "", "arn:aws:kms:us-east-2:111122223333:grant/x", "" },
        { "arn:aws:kms", AWS_KMS_REF_BAD_ARN, "", "", "arn:aws:kms", "" },
    };
    /* clang-format on */

    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        struct aws_kms_ref r;

        aws_kms_ref_parse(rows[i].in, &r);
        CHECK_INT(r.kind, rows[i].kind);
        CHECK_STR(r.region, rows[i].region);
        CHECK_STR(r.account, rows[i].account);
        CHECK_STR(r.key_id, rows[i].key_id);
        CHECK_STR(r.alias, rows[i].alias);
    }
}

static void test_key_id_valid(void)
{
    static const struct {
        const char *id;
        int ok;
    } rows[] = {
        { "1234abcd-12ab-34cd-56ef-1234567890ab", 1 },
        { "1234ABCD-12AB-34CD-56EF-1234567890AB", 1 },
        { "mrk-1234abcd12ab34cd56ef1234567890ab", 1 },
        { "mrk-d3b95762d3b95762d3b95762d3b95762", 1 },
        { "mrk-fake-key-id", 0 },
        { "mrk-1234abcd-12ab-34cd-56ef-1234567890ab", 0 }, /* moto's form, not AWS's */
        { "134f2428cec14b25a1ae9048164dba47", 0 },         /* AWS-rec: invalid */
        { "1234abcd-12ab-34cd-56ef-1234567890a", 0 },
        { "1234abcd-12ab-34cd-56ef-1234567890abc", 0 },
        { "1234abcd-12ab-34cd-56ef_1234567890ab", 0 },
        { "g234abcd-12ab-34cd-56ef-1234567890ab", 0 },
        { "fake-key-id", 0 },
        { "", 0 },
    };

    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
        CHECK_INT(aws_kms_key_id_valid(rows[i].id), rows[i].ok);
}

static void test_alias_names(void)
{
    char big[300];

    CHECK_INT(aws_kms_alias_name_valid("alias/my-key_1/x:y"), 1);
    CHECK_INT(aws_kms_alias_name_valid("alias/with space"), 0);
    CHECK_INT(aws_kms_alias_name_valid("alias/ümlaut"), 0);
    CHECK_INT(aws_kms_alias_name_valid(""), 0);
    memset(big, 'a', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    CHECK_INT(aws_kms_alias_name_valid(big), 0);
    big[256] = '\0';
    CHECK_INT(aws_kms_alias_name_valid(big), 1);
    CHECK_INT(aws_kms_alias_prefixed("alias/x"), 1);
    CHECK_INT(aws_kms_alias_prefixed("aliasx"), 0);
    CHECK_INT(aws_kms_alias_reserved("alias/aws/s3"), 1);
    CHECK_INT(aws_kms_alias_reserved("alias/awsx"), 0);
}

static void test_arns(void)
{
    char out[AWS_KMS_ARN_MAX];

    aws_kms_key_arn(out, sizeof(out), "us-east-1", "111122223333", "k");
    CHECK_STR(out, "arn:aws:kms:us-east-1:111122223333:key/k");
    aws_kms_key_arn(out, sizeof(out), "cn-north-1", "111122223333", "k");
    CHECK_STR(out, "arn:aws-cn:kms:cn-north-1:111122223333:key/k");
    aws_kms_alias_arn(out, sizeof(out), "us-gov-west-1", "111122223333", "alias/a");
    CHECK_STR(out, "arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/a");
}

static void test_error_table(void)
{
    for (int e = AWS_KMS_OK + 1; e < AWS_KMS_ERR__COUNT; e++) {
        const struct api_error *row = aws_kms_error_row(e);

        CHECK(row->status >= 400 && row->status < 600);
        CHECK(row->code && row->code[0]);
        CHECK(row->message != NULL);
    }
    CHECK_STR(aws_kms_error_row(0)->code, "KMSInternalException");
    CHECK_STR(aws_kms_error_row(AWS_KMS_ERR__COUNT)->code, "KMSInternalException");
}

int main(void)
{
    TEST(test_ref_parse);
    TEST(test_key_id_valid);
    TEST(test_alias_names);
    TEST(test_arns);
    TEST(test_error_table);
    return TEST_REPORT();
}
