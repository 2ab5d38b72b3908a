/* test_s3_directory.c - directory buckets through the router: CreateBucket with the directory
 * configuration, CreateSession and session-signed requests, the directory default-encryption
 * rules and their error documents (server/s3/s3_directory.c, s3_session.c; s3-spec §3). */
#include "../kms/kms_call.h"
#include "s3_call.h"

#define DIRB "dirb--use1-az4--x-s3"
#define CFG(type, zone, red)                                                                   \
    "<CreateBucketConfiguration " S3_NS "><Location><Type>" type "</Type><Name>" zone          \
    "</Name></Location><Bucket><Type>Directory</Type><DataRedundancy>" red "</DataRedundancy>" \
    "</Bucket></CreateBucketConfiguration>"
#define AZ_CFG CFG("AvailabilityZone", "use1-az4", "SingleAvailabilityZone")
#define SSE    "x-amz-server-side-encryption"

static struct apitest t;

static void create_dir(const char *name)
{
    char target[128];
    struct resp rs;

    resp_init(&rs);
    snprintf(target, sizeof(target), "/%s", name);
    s3_call(&t, "PUT", target, NULL, NULL, AZ_CFG, &rs);
    CHECK_INT(rs.status, 200);
    resp_release(&rs);
}

/* The text of the first <tag> of body into out. */
static void element(const char *body, const char *tag, char *out, size_t n)
{
    char open[64];
    const char *p, *e;

    snprintf(open, sizeof(open), "<%s>", tag);
    out[0] = '\0';
    p = strstr(body, open);
    if (!p)
        return;
    p += strlen(open);
    e = strchr(p, '<');
    if (e)
        snprintf(out, n, "%.*s", (int)(e - p), p);
}

static void test_create(void)
{
    struct resp rs;

    resp_init(&rs);
    s3_call(&t, "PUT", "/" DIRB, NULL, NULL, AZ_CFG, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(s3_hdr(&rs, "Location"), "/" DIRB);
    CHECK_STR(s3_hdr(&rs, "x-amz-bucket-arn"),
              "arn:aws:s3express:us-east-1:000000000000:bucket/" DIRB);
    CHECK_INT(rs.body.len, 0);
    s3_call(&t, "PUT", "/" DIRB, NULL, NULL, AZ_CFG, &rs);
    s3_check_error(&rs, 409, "BucketAlreadyOwnedByYou",
                   "Your previous request to create the named bucket succeeded and you already own "
                   "it.",
                   "<BucketName>" DIRB "</BucketName>");
    s3_call(&t, "HEAD", "/" DIRB, NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(s3_hdr(&rs, "x-amz-bucket-location-type"), "AvailabilityZone");
    CHECK_STR(s3_hdr(&rs, "x-amz-bucket-location-name"), "use1-az4");
    CHECK_STR(s3_hdr(&rs, "x-amz-bucket-region"), "us-east-1");
    CHECK_STR(s3_hdr(&rs, "x-amz-access-point-alias"), "(none)");
    s3_call(&t, "GET", "/", NULL, NULL, NULL, &rs); /* ListBuckets: general-purpose only */
    CHECK(strstr(buf_str(&rs.body), DIRB) == NULL);
    /* a Local Zone */
    s3_call(&t, "PUT", "/lz--usw2-lax1-az1--x-s3", NULL, NULL,
            CFG("LocalZone", "usw2-lax1-az1", "SingleLocalZone"), &rs);
    CHECK_INT(rs.status, 200);
    resp_release(&rs);
}

static void test_create_errors(void)
{
    struct resp rs;

    resp_init(&rs);
    /* CHOICE: a --x-s3 name without the configuration, a plain name with it, a zone other than
     * the name's: InvalidBucketName */
    s3_call(&t, "PUT", "/nocfg--use1-az4--x-s3", NULL, NULL, NULL, &rs);
    s3_check_error(&rs, 400, "InvalidBucketName", "The specified bucket is not valid.",
                   "<BucketName>nocfg--use1-az4--x-s3</BucketName>");
    s3_call(&t, "PUT", "/plain-name", NULL, NULL, AZ_CFG, &rs);
    s3_check_error(&rs, 400, "InvalidBucketName", "The specified bucket is not valid.",
                   "<BucketName>plain-name</BucketName>");
    s3_call(&t, "PUT", "/zone--use1-az4--x-s3", NULL, NULL,
            CFG("AvailabilityZone", "use1-az6", "SingleAvailabilityZone"), &rs);
    s3_check_error(&rs, 400, "InvalidBucketName", "The specified bucket is not valid.",
                   "<BucketName>zone--use1-az4--x-s3</BucketName>");
    s3_call(&t, "PUT", "/Bad--use1-az4--x-s3", NULL, NULL, AZ_CFG, &rs);
    s3_check_error(&rs, 400, "InvalidBucketName", "The specified bucket is not valid.",
                   "<BucketName>Bad--use1-az4--x-s3</BucketName>");
    s3_call(&t, "PUT", "/red--use1-az4--x-s3", NULL, NULL,
            CFG("AvailabilityZone", "use1-az4", "SingleLocalZone"), &rs);
    s3_check_error(&rs, 400, "MalformedXML",
                   "The XML you provided was not well-formed or did not validate against our "
                   "published schema",
                   "");
    s3_call(&t, "PUT", "/red--use1-az4--x-s3", NULL, NULL,
            "<CreateBucketConfiguration><Location><Type>AvailabilityZone</Type><Type>x</Type>"
            "</Location></CreateBucketConfiguration>",
            &rs);
    CHECK_INT(rs.status, 400);
    resp_release(&rs);
}

static void test_sessions(void)
{
    char token[256], key[64], exp[64], auth_hdr[512];
    const char *with_token[] = { auth_hdr, NULL };
    const char *ro_mode[] = { "x-amz-create-session-mode: ReadOnly", NULL };
    struct resp rs;

    resp_init(&rs);
    create_dir("sess--use1-az4--x-s3");
    s3_call(&t, "GET", "/sess--use1-az4--x-s3?session", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(s3_hdr(&rs, SSE), "AES256");
    CHECK_STR(s3_hdr(&rs, "Content-Type"), "application/xml");
    CHECK(!strncmp(
        buf_str(&rs.body), S3_XMLDECL "<CreateSessionResult " S3_NS "><Credentials><SessionToken>",
        strlen(S3_XMLDECL "<CreateSessionResult " S3_NS "><Credentials><SessionToken>")));
    CHECK_CONTAINS(buf_str(&rs.body), "</SessionToken><SecretAccessKey>");
    CHECK_CONTAINS(buf_str(&rs.body), "</SecretAccessKey><AccessKeyId>ASIA");
    CHECK_CONTAINS(buf_str(&rs.body), "</Credentials></CreateSessionResult>");
    element(buf_str(&rs.body), "SessionToken", token, sizeof(token));
    element(buf_str(&rs.body), "AccessKeyId", key, sizeof(key));
    element(buf_str(&rs.body), "Expiration", exp, sizeof(exp));
    CHECK_INT(strlen(token), 128);
    CHECK_INT(strlen(key), 20);
    CHECK_STR(exp, "2025-11-24T16:05:00.000Z"); /* 5 minutes */

    /* requests signed with the session's key act as the session's account */
    snprintf(auth_hdr, sizeof(auth_hdr), "x-amz-s3session-token: %s", token);
    s3_call(&t, "PUT", "/sess--use1-az4--x-s3/k", S3_AUTH("ASIAXXXXXXXXXXXXXXXX", "us-east-1"),
            with_token, "x", &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(s3_hdr(&rs, "x-amz-storage-class"), "(none)");
    s3_call(&t, "HEAD", "/sess--use1-az4--x-s3/k", S3_OTHER, with_token, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(s3_hdr(&rs, "x-amz-storage-class"), "EXPRESS_ONEZONE");
    /* ... for its own bucket only */
    create_dir("sess2--use1-az4--x-s3");
    s3_call(&t, "GET", "/sess2--use1-az4--x-s3?list-type=2", NULL, with_token, NULL, &rs);
    s3_check_error(&rs, 403, "AccessDenied", "Access Denied", "");
    {
        const char *bogus[] = { "x-amz-s3session-token: bogus", NULL };

        s3_call(&t, "GET", "/sess--use1-az4--x-s3?list-type=2", NULL, bogus, NULL, &rs);
        s3_check_error(&rs, 403, "InvalidToken",
                       "The provided token is malformed or otherwise invalid.", "");
    }
    /* CHOICE: after 5 minutes, 403 ExpiredToken */
    t.now_ms += 5 * 60 * 1000;
    s3_call(&t, "GET", "/sess--use1-az4--x-s3?list-type=2", NULL, with_token, NULL, &rs);
    s3_check_error(&rs, 403, "ExpiredToken", "The provided token has expired.", "");
    t.now_ms -= 5 * 60 * 1000;

    /* a ReadOnly session reads and does not write */
    s3_call(&t, "GET", "/sess--use1-az4--x-s3?session", NULL, ro_mode, NULL, &rs);
    element(buf_str(&rs.body), "SessionToken", token, sizeof(token));
    snprintf(auth_hdr, sizeof(auth_hdr), "x-amz-s3session-token: %s", token);
    s3_call(&t, "GET", "/sess--use1-az4--x-s3/k", NULL, with_token, NULL, &rs);
    CHECK_INT(rs.status, 200);
    s3_call(&t, "DELETE", "/sess--use1-az4--x-s3/k", NULL, with_token, NULL, &rs);
    s3_check_error(&rs, 403, "AccessDenied", "Access Denied", "");

    /* CHOICE: a valid directory name not created yet gets a session (the SDKs ask for one
     * before CreateBucket); CreateBucket then works under it */
    s3_call(&t, "GET", "/later--use1-az4--x-s3?session", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    element(buf_str(&rs.body), "SessionToken", token, sizeof(token));
    snprintf(auth_hdr, sizeof(auth_hdr), "x-amz-s3session-token: %s", token);
    s3_call(&t, "PUT", "/later--use1-az4--x-s3", NULL, with_token, AZ_CFG, &rs);
    CHECK_INT(rs.status, 200);
    /* no session for an invalid name, nor for a general-purpose bucket */
    s3_call(&t, "GET", "/Bad--use1-az4--x-s3?session", NULL, NULL, NULL, &rs);
    s3_check_error(&rs, 404, "NoSuchBucket", "The specified bucket does not exist",
                   "<BucketName>Bad--use1-az4--x-s3</BucketName>");
    s3_new_bucket(&t, "general-sess");
    s3_call(&t, "GET", "/general-sess?session", NULL, NULL, NULL, &rs);
    s3_check_error(&rs, 404, "NoSuchBucket", "The specified bucket does not exist",
                   "<BucketName>general-sess</BucketName>");
    s3_call(&t, "GET", "/sess--use1-az4--x-s3?session", S3_OTHER, NULL, NULL, &rs);
    s3_check_error(&rs, 403, "AccessDenied", "Access Denied", "");
    resp_release(&rs);
}

static void new_key(char id[64], char arn[160])
{
    struct kms_answer a;
    json_t *m;

    kms_call(&t, "CreateKey", NULL, &a);
    m = json_object_get(a.body, "KeyMetadata");
    snprintf(id, 64, "%s", json_string_value(json_object_get(m, "KeyId")));
    snprintf(arn, 160, "%s", json_string_value(json_object_get(m, "Arn")));
    json_decref(a.body);
}

static void test_encryption_rules(void)
{
    char id[64], arn[160], id2[64], arn2[160], want[512];
    struct resp rs;

    resp_init(&rs);
    create_dir("enc--use1-az4--x-s3");
    new_key(id, arn);
    new_key(id2, arn2);
    CHECK_INT(s3_put_default(&t, "enc--use1-az4--x-s3", "aws:kms", NULL, -1), 400);
    s3_call(&t, "GET", "/enc--use1-az4--x-s3?encryption", NULL, NULL, NULL, &rs);
    CHECK_CONTAINS(buf_str(&rs.body), "<SSEAlgorithm>AES256</SSEAlgorithm>");

    /* aws:kms with a key id: validated, bucket key forced on (CHOICE: false accepted) */
    CHECK_INT(s3_put_default(&t, "enc--use1-az4--x-s3", "aws:kms", id, 0), 200);
    s3_call(&t, "GET", "/enc--use1-az4--x-s3?encryption", NULL, NULL, NULL, &rs);
    snprintf(want, sizeof(want),
             "<KMSMasterKeyID>%s</KMSMasterKeyID></ApplyServerSideEncryptionByDefault>"
             "<BucketKeyEnabled>true</BucketKeyEnabled>",
             id);
    CHECK_CONTAINS(buf_str(&rs.body), want);
    s3_call(&t, "PUT", "/enc--use1-az4--x-s3/k", NULL, NULL, "x", &rs);
    CHECK_STR(s3_hdr(&rs, SSE), "aws:kms");
    CHECK_STR(s3_hdr(&rs, SSE "-aws-kms-key-id"), arn);
    CHECK_STR(s3_hdr(&rs, SSE "-bucket-key-enabled"), "true");
    s3_call(&t, "GET", "/enc--use1-az4--x-s3?session", NULL, NULL, NULL, &rs);
    CHECK_STR(s3_hdr(&rs, SSE), "aws:kms");
    CHECK_STR(s3_hdr(&rs, SSE "-aws-kms-key-id"), arn);
    CHECK_STR(s3_hdr(&rs, SSE "-bucket-key-enabled"), "true");
    {
        char h_key[256];
        const char *other[] = { SSE ": aws:kms", h_key, NULL };

        snprintf(h_key, sizeof(h_key), SSE "-aws-kms-key-id: %s", arn2);
        s3_call(&t, "PUT", "/enc--use1-az4--x-s3/k2", NULL, other, "x", &rs);
        snprintf(want, sizeof(want),
                 "<ArgumentName>x-amz-server-side-encryption-aws-kms-key-id</ArgumentName>"
                 "<ArgumentValue>%s</ArgumentValue>",
                 arn2);
        s3_check_error(&rs, 400, "InvalidArgument",
                       "The KMS key must match the directory bucket's default customer managed key",
                       want);
        snprintf(h_key, sizeof(h_key), SSE "-aws-kms-key-id: %s", arn); /* the bucket's own */
        s3_call(&t, "PUT", "/enc--use1-az4--x-s3/k2", NULL, other, "x", &rs);
        CHECK_INT(rs.status, 200);
    }

    /* one customer managed key per lifetime, also after DeleteBucketEncryption */
    CHECK_INT(s3_put_default(&t, "enc--use1-az4--x-s3", "aws:kms", arn, 1), 200);
    s3_call(&t, "DELETE", "/enc--use1-az4--x-s3?encryption", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 204);
    CHECK_INT(s3_put_default(&t, "enc--use1-az4--x-s3", "aws:kms", id2, 1), 400);
    resp_release(&rs);
}

/* The exact error documents of the directory rules (CHOICE rows of s3_errors.h). */
static void test_encryption_errors(void)
{
    static const char body[] = "<ServerSideEncryptionConfiguration><Rule>"
                               "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256"
                               "</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule>"
                               "</ServerSideEncryptionConfiguration>";
    const char *owner[] = { "x-amz-expected-bucket-owner: 000000000000", NULL };
    const char *md5[] = { "Content-MD5: aaaaaaaaaaaaaaaaaaaaaa==", NULL };
    char id[64], arn[160], managed[160], want[512];
    struct kms_answer a;
    struct resp rs;

    resp_init(&rs);
    create_dir("err--use1-az4--x-s3");
    /* Content-MD5: CHOICE 400 InvalidRequest, on PutBucketEncryption and PutObject */
    s3_call(&t, "PUT", "/err--use1-az4--x-s3?encryption", NULL, md5, body, &rs);
    s3_check_error(&rs, 400, "InvalidRequest", "Content-MD5 is not supported for directory buckets",
                   "");
    s3_call(&t, "PUT", "/err--use1-az4--x-s3/k", NULL, md5, "x", &rs);
    s3_check_error(&rs, 400, "InvalidRequest", "Content-MD5 is not supported for directory buckets",
                   "");
    /* x-amz-expected-bucket-owner: 501 (§3) */
    s3_call(&t, "GET", "/err--use1-az4--x-s3?encryption", NULL, owner, NULL, &rs);
    s3_check_error(&rs, 501, "NotImplemented",
                   "A header you provided implies functionality that is not implemented",
                   "<Header>x-amz-expected-bucket-owner</Header>");
    s3_call(&t, "GET", "/err--use1-az4--x-s3/k", NULL, owner, NULL, &rs);
    CHECK_INT(rs.status, 501);

    s3_put_default_rs(&t, "err--use1-az4--x-s3", "aws:kms:dsse", NULL, -1, &rs);
    s3_check_error(&rs, 400, "InvalidArgument",
                   "The SSE algorithm aws:kms:dsse is not supported for directory buckets",
                   "<ArgumentName>ApplyServerSideEncryptionByDefault</ArgumentName>");
    s3_put_default_rs(&t, "err--use1-az4--x-s3", "aws:kms", NULL, -1, &rs);
    s3_check_error(&rs, 400, "InvalidArgument",
                   "A KMSMasterKeyID is required when the default sse algorithm is aws:kms for "
                   "directory buckets",
                   "<ArgumentName>ApplyServerSideEncryptionByDefault</ArgumentName>");
    s3_put_default_rs(&t, "err--use1-az4--x-s3", "aws:kms", "alias/aws/s3", -1, &rs);
    s3_check_error(&rs, 400, "InvalidArgument",
                   "The key alias format of the KMS key isn't supported for directory buckets",
                   "<ArgumentName>ApplyServerSideEncryptionByDefault</ArgumentName>"
                   "<ArgumentValue>alias/aws/s3</ArgumentValue>");
    kms_call(&t, "DescribeKey", "{\"KeyId\":\"alias/aws/s3\"}", &a); /* creates aws/s3 */
    CHECK_INT(a.status, 200);
    snprintf(managed, sizeof(managed), "%s",
             json_string_value(json_object_get(json_object_get(a.body, "KeyMetadata"), "Arn")));
    json_decref(a.body);
    s3_put_default_rs(&t, "err--use1-az4--x-s3", "aws:kms", managed, -1, &rs);
    snprintf(want, sizeof(want),
             "<ArgumentName>ApplyServerSideEncryptionByDefault</ArgumentName>"
             "<ArgumentValue>%s</ArgumentValue>",
             managed);
    s3_check_error(&rs, 400, "InvalidArgument",
                   "The AWS managed key (aws/s3) isn't supported for directory buckets", want);
    /* validated against KMS, unlike general-purpose buckets */
    s3_put_default_rs(&t, "err--use1-az4--x-s3", "aws:kms", "fake-key-id", -1, &rs);
    s3_check_error(&rs, 400, "KMS.NotFoundException", "Invalid keyId 'fake-key-id'", "");
    s3_put_default_rs(&t, "err--use1-az4--x-s3", "aws:kms", "1234abcd-12ab-34cd-56ef-1234567890ab",
                      -1, &rs);
    s3_check_error(&rs, 400, "KMS.NotFoundException",
                   "Key 'arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-"
                   "1234567890ab' does not exist",
                   "");
    new_key(id, arn);
    CHECK_INT(s3_put_default(&t, "err--use1-az4--x-s3", "aws:kms", id, -1), 200);
    new_key(id, arn);
    s3_put_default_rs(&t, "err--use1-az4--x-s3", "aws:kms", arn, -1, &rs);
    snprintf(want, sizeof(want),
             "<ArgumentName>ApplyServerSideEncryptionByDefault</ArgumentName>"
             "<ArgumentValue>%s</ArgumentValue>",
             arn);
    s3_check_error(&rs, 400, "InvalidArgument",
                   "Your SSE-KMS configuration can only support 1 customer managed key per "
                   "directory bucket's lifetime",
                   want);
    resp_release(&rs);
}

/* Objects in a directory bucket: EXPRESS_ONEZONE, no SSE-C, no dsse. */
static void test_objects(void)
{
    const char *ia[] = { "x-amz-storage-class: STANDARD", NULL };
    const char *dsse[] = { SSE ": aws:kms:dsse", NULL };
    const char *kms[] = { SSE ": aws:kms", NULL };
    struct resp rs;

    resp_init(&rs);
    create_dir("obj--use1-az4--x-s3");
    s3_call(&t, "PUT", "/obj--use1-az4--x-s3/a", NULL, NULL, "x", &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(s3_hdr(&rs, SSE), "AES256");
    s3_call(&t, "GET", "/obj--use1-az4--x-s3?list-type=2", NULL, NULL, NULL, &rs);
    CHECK_CONTAINS(buf_str(&rs.body), "<StorageClass>EXPRESS_ONEZONE</StorageClass>");
    s3_call(&t, "PUT", "/obj--use1-az4--x-s3/b", NULL, ia, "x", &rs);
    s3_check_error(&rs, 400, "InvalidStorageClass", "The storage class you specified is not valid",
                   "");
    s3_call(&t, "PUT", "/obj--use1-az4--x-s3/b", NULL, dsse, "x", &rs);
    s3_check_error(&rs, 400, "InvalidArgument", "The encryption method specified is not supported",
                   "<ArgumentName>x-amz-server-side-encryption</ArgumentName>"
                   "<ArgumentValue>aws:kms:dsse</ArgumentValue>");
    /* CHOICE: aws:kms with no key where the bucket has none to give */
    s3_call(&t, "PUT", "/obj--use1-az4--x-s3/b", NULL, kms, "x", &rs);
    s3_check_error(&rs, 400, "InvalidArgument",
                   "The KMS key must match the directory bucket's default customer managed key",
                   "<ArgumentName>x-amz-server-side-encryption-aws-kms-key-id</ArgumentName>"
                   "<ArgumentValue>null</ArgumentValue>");
    s3_call(&t, "DELETE", "/obj--use1-az4--x-s3", NULL, NULL, NULL, &rs);
    s3_check_error(&rs, 409, "BucketNotEmpty", "The bucket you tried to delete is not empty",
                   "<BucketName>obj--use1-az4--x-s3</BucketName>");
    s3_call(&t, "DELETE", "/obj--use1-az4--x-s3/a", NULL, NULL, NULL, &rs);
    s3_call(&t, "DELETE", "/obj--use1-az4--x-s3", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 204);
    resp_release(&rs);
}

/* CHOICE: the AWS SDK for JavaScript v3 addresses a directory bucket at a custom endpoint as
 * "/<bucket>/" plus the operation's path: "/<bucket>//<key>", "/<bucket>//?session". */
static void test_js_sdk_paths(void)
{
    struct resp rs;

    resp_init(&rs);
    s3_call(&t, "GET", "/js--use1-az4--x-s3//?session", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_CONTAINS(buf_str(&rs.body), "<CreateSessionResult ");
    s3_call(&t, "PUT", "/js--use1-az4--x-s3//", NULL, NULL, AZ_CFG, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(s3_hdr(&rs, "Location"), "/js--use1-az4--x-s3");
    s3_call(&t, "PUT", "/js--use1-az4--x-s3//dir/a?x-id=PutObject", NULL, NULL, "js", &rs);
    CHECK_INT(rs.status, 200);
    s3_call(&t, "GET", "/js--use1-az4--x-s3/dir/a", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(buf_str(&rs.body), "js");
    s3_call(&t, "GET", "/js--use1-az4--x-s3//?list-type=2", NULL, NULL, NULL, &rs);
    CHECK_CONTAINS(buf_str(&rs.body), "<Key>dir/a</Key>");
    s3_call(&t, "DELETE", "/js--use1-az4--x-s3//dir/a?x-id=DeleteObject", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 204);
    s3_call(&t, "DELETE", "/js--use1-az4--x-s3//", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 204);
    /* a general-purpose bucket keeps "/" as the first character of a key */
    s3_new_bucket(&t, "general-slash");
    s3_call(&t, "PUT", "/general-slash//a", NULL, NULL, "s", &rs);
    CHECK_INT(rs.status, 200);
    s3_call(&t, "GET", "/general-slash/a", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 404);
    s3_call(&t, "GET", "/general-slash//a", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    resp_release(&rs);
}

int main(void)
{
    if (apitest_open(&t))
        return 1;
    TEST(test_create);
    TEST(test_create_errors);
    TEST(test_sessions);
    TEST(test_encryption_rules);
    TEST(test_encryption_errors);
    TEST(test_objects);
    TEST(test_js_sdk_paths);
    apitest_close(&t);
    return TEST_REPORT();
}
