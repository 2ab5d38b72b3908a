/* test_s3_encryption.c - PutBucketEncryption, GetBucketEncryption, DeleteBucketEncryption
 * through the router, without a socket (server/s3/s3_encryption.c; s3-spec §1, §2, §10). */
#include "harness.h"
#include "lib/apitest.h"

#include "server/s3/s3_checksum.h"

#include <stdio.h>
#include <stdlib.h>

#define XMLDECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define NS      "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\""
#define AUTH(akid)                                                                             \
    "Authorization: AWS4-HMAC-SHA256 Credential=" akid "/20251124/us-east-1/s3/aws4_request, " \
    "SignedHeaders=host, Signature=00"
#define MINE  AUTH("AKIAIOSFODNN7EXAMPLE")
#define OTHER AUTH("123456789012")
#define CONF(inner)                                          \
    "<ServerSideEncryptionConfiguration " NS "><Rule>" inner \
    "</Rule></ServerSideEncryptionConfiguration>"
#define AES256                                                                     \
    CONF("<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>" \
         "</ApplyServerSideEncryptionByDefault>")
#define KMS_BKE                                                                     \
    CONF("<ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm>" \
         "<KMSMasterKeyID>1234abcd-12ab-34cd-56ef-1234567890ab</KMSMasterKeyID>"    \
         "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled>")
#define MX_MSG \
    "The XML you provided was not well-formed or did not validate against our published schema"
#define DEFAULT_RULE                                                          \
    "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>" \
    "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false</BucketKeyEnabled>"
#define DEFAULT_DOC \
    XMLDECL "<ServerSideEncryptionConfiguration " NS "><Rule>" DEFAULT_RULE "</Rule>" SSE_END
#define SSE_END "</ServerSideEncryptionConfiguration>"

static struct apitest t;

/* Runs one request; extra is one more header or NULL; with_crc adds the body's CRC32 as the
 * SDKs do (x-amz-sdk-checksum-algorithm + x-amz-checksum-crc32). */
static void call(const char *method, const char *target, const char *auth, const char *extra,
                 const char *body, int with_crc, struct resp *rs)
{
    char crc[64], alg[64], b64[16];
    const char *h[6];
    size_t n = 0;
    unsigned char be[4];
    uint32_t c;

    if (auth)
        h[n++] = auth;
    if (extra)
        h[n++] = extra;
    if (with_crc) {
        c = s3_crc32(body ? body : "", body ? strlen(body) : 0);
        be[0] = (unsigned char)(c >> 24);
        be[1] = (unsigned char)(c >> 16);
        be[2] = (unsigned char)(c >> 8);
        be[3] = (unsigned char)c;
        s3_base64_encode(be, 4, b64);
        snprintf(crc, sizeof(crc), "x-amz-checksum-crc32: %s", b64);
        snprintf(alg, sizeof(alg), "x-amz-sdk-checksum-algorithm: CRC32");
        h[n++] = crc;
        h[n++] = alg;
    }
    h[n] = NULL;
    resp_release(rs);
    resp_init(rs);
    apitest_call(&t, method, target, h, body, rs);
}

static void check_error(const struct resp *rs, int status, const char *code, const char *msg,
                        const char *extra)
{
    const char *rid = resp_get_header(rs, "x-amz-request-id");
    const char *hid = resp_get_header(rs, "x-amz-id-2");
    char want[4096];

    CHECK_INT(rs->status, status);
    snprintf(want, sizeof(want),
             XMLDECL "<Error><Code>%s</Code><Message>%s</Message>%s<RequestId>%s</RequestId>"
                     "<HostId>%s</HostId></Error>",
             code, msg, extra, rid ? rid : "", hid ? hid : "");
    CHECK_STR(buf_str(&rs->body), want);
    CHECK_STR(resp_get_header(rs, "Content-Type"), "application/xml");
}

static void test_no_such_bucket_first(void)
{
    struct resp rs;

    resp_init(&rs);
    /* §2 #1: NoSuchBucket before the body and before the missing checksum */
    call("PUT", "/missing-bucket?encryption", MINE, NULL,
         "<ServerSideEncryptionConfiguration " NS " />", 0, &rs);
    check_error(&rs, 404, "NoSuchBucket", "The specified bucket does not exist",
                "<BucketName>missing-bucket</BucketName>");
    call("GET", "/missing-bucket?encryption", MINE, NULL, NULL, 0, &rs);
    check_error(&rs, 404, "NoSuchBucket", "The specified bucket does not exist",
                "<BucketName>missing-bucket</BucketName>");
    call("DELETE", "/missing-bucket?encryption", MINE, "x-amz-expected-bucket-owner: bad", NULL, 0,
         &rs);
    check_error(&rs, 404, "NoSuchBucket", "The specified bucket does not exist",
                "<BucketName>missing-bucket</BucketName>");
    resp_release(&rs);
}

static void test_default_and_round_trip(void)
{
    struct resp rs;

    resp_init(&rs);
    call("PUT", "/enc-bucket", MINE, NULL, NULL, 0, &rs);
    CHECK_INT(rs.status, 200);
    /* §1.2, §10: an unconfigured bucket answers the AES256 default */
    call("GET", "/enc-bucket?encryption", MINE, NULL, NULL, 0, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(buf_str(&rs.body), DEFAULT_DOC);
    CHECK_STR(resp_get_header(&rs, "Content-Type"), "application/xml");

    call("PUT", "/enc-bucket?encryption", MINE, NULL, KMS_BKE, 1, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_INT(rs.body.len, 0);
    CHECK(resp_get_header(&rs, "x-amz-request-id") != NULL);
    call("GET", "/enc-bucket?encryption", MINE, NULL, NULL, 0, &rs);
    CHECK_STR(buf_str(&rs.body),
              XMLDECL "<ServerSideEncryptionConfiguration " NS "><Rule>"
                      "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm>"
                      "<KMSMasterKeyID>1234abcd-12ab-34cd-56ef-1234567890ab</KMSMasterKeyID>"
                      "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true"
                      "</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>");

    /* §1.3: DELETE is an idempotent 204, and GET answers the default again */
    call("DELETE", "/enc-bucket?encryption", MINE, NULL, NULL, 0, &rs);
    CHECK_INT(rs.status, 204);
    call("DELETE", "/enc-bucket?encryption", MINE, NULL, NULL, 0, &rs);
    CHECK_INT(rs.status, 204);
    call("GET", "/enc-bucket?encryption", MINE, NULL, NULL, 0, &rs);
    CHECK_STR(buf_str(&rs.body), DEFAULT_DOC);
    resp_release(&rs);
}

static void test_put_variants(void)
{
    static const struct {
        const char *body;
        const char *get; /* the Rule GET answers afterwards */
    } rows[] = {
        { AES256,
          "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
          "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false</BucketKeyEnabled>" },
        { CONF(
              "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms:dsse</SSEAlgorithm>"
              "<KMSMasterKeyID>alias/aws/s3</KMSMasterKeyID></ApplyServerSideEncryptionByDefault>"),
          "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms:dsse</SSEAlgorithm>"
          "<KMSMasterKeyID>alias/aws/s3</KMSMasterKeyID></ApplyServerSideEncryptionByDefault>"
          "<BucketKeyEnabled>false</BucketKeyEnabled>" },
        { "<ServerSideEncryptionConfiguration><Rule><BlockedEncryptionTypes><EncryptionType>SSE-C"
          "</EncryptionType></BlockedEncryptionTypes><BucketKeyEnabled>true</BucketKeyEnabled>"
          "<ApplyServerSideEncryptionByDefault><KMSMasterKeyID>not-a-key</KMSMasterKeyID>"
          "<SSEAlgorithm>aws:kms</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule>"
          "</ServerSideEncryptionConfiguration>",
          "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm>"
          "<KMSMasterKeyID>not-a-key</KMSMasterKeyID></ApplyServerSideEncryptionByDefault>"
          "<BucketKeyEnabled>true</BucketKeyEnabled><BlockedEncryptionTypes><EncryptionType>SSE-C"
          "</EncryptionType></BlockedEncryptionTypes>" },
    };
    struct resp rs;
    char want[2048];

    resp_init(&rs);
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        call("PUT", "/enc-bucket?encryption", MINE, NULL, rows[i].body, 1, &rs);
        CHECK_INT(rs.status, 200);
        call("GET", "/enc-bucket?encryption", MINE, NULL, NULL, 0, &rs);
        snprintf(want, sizeof(want),
                 XMLDECL "<ServerSideEncryptionConfiguration " NS "><Rule>%s</Rule>"
                         "</ServerSideEncryptionConfiguration>",
                 rows[i].get);
        CHECK_STR(buf_str(&rs.body), want);
    }
    resp_release(&rs);
}

static void test_schema_errors(void)
{
    static const char *const bodies[] = {
        "<ServerSideEncryptionConfiguration " NS " />",
        CONF("<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
             "</ApplyServerSideEncryptionByDefault></Rule><Rule>"
             "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
             "</ApplyServerSideEncryptionByDefault>"),
        CONF("<BucketKeyEnabled>true</BucketKeyEnabled>"),
        CONF("<ApplyServerSideEncryptionByDefault></ApplyServerSideEncryptionByDefault>"),
        CONF("<ApplyServerSideEncryptionByDefault><SSEAlgorithm>FOO</SSEAlgorithm>"
             "</ApplyServerSideEncryptionByDefault>"),
        CONF("<ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:fsx</SSEAlgorithm>"
             "</ApplyServerSideEncryptionByDefault>"),
        CONF("<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
             "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>maybe</BucketKeyEnabled>"),
        "<ServerSideEncryptionConfiguration><Rule>",
        "",
    };
    struct resp rs;

    resp_init(&rs);
    for (size_t i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
        call("PUT", "/enc-bucket?encryption", MINE, NULL, bodies[i], 1, &rs);
        check_error(&rs, 400, "MalformedXML", MX_MSG, "");
    }
    /* §2 #8 */
    call("PUT", "/enc-bucket?encryption", MINE, NULL,
         CONF("<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
              "<KMSMasterKeyID>k</KMSMasterKeyID></ApplyServerSideEncryptionByDefault>"),
         1, &rs);
    check_error(&rs, 400, "InvalidArgument",
                "a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms "
                "or aws:kms:dsse",
                "<ArgumentName>ApplyServerSideEncryptionByDefault</ArgumentName>");
    resp_release(&rs);
}

static void test_integrity_errors(void)
{
    struct resp rs;

    resp_init(&rs);
    call("PUT", "/enc-bucket?encryption", MINE, NULL, AES256, 0, &rs);
    check_error(&rs, 400, "InvalidRequest",
                "Missing required header for this request: Content-MD5 OR x-amz-checksum-*", "");
    call("PUT", "/enc-bucket?encryption", MINE, "Content-MD5: nope", AES256, 0, &rs);
    check_error(&rs, 400, "InvalidDigest", "The Content-MD5 you specified was invalid.",
                "<Content-MD5>nope</Content-MD5>");
    call("PUT", "/enc-bucket?encryption", MINE, "Content-MD5: 1B2M2Y8AsgTpgAmY7PhCfg==", AES256, 0,
         &rs);
    CHECK_INT(rs.status, 400);
    CHECK_CONTAINS(buf_str(&rs.body),
                   "<Code>BadDigest</Code><Message>The Content-MD5 you specified did not match "
                   "what we received.</Message><ExpectedDigest>d41d8cd98f00b204e9800998ecf8427e"
                   "</ExpectedDigest><CalculatedDigest>");
    call("PUT", "/enc-bucket?encryption", MINE, "x-amz-checksum-crc32: AAAAAA==", AES256, 0, &rs);
    check_error(&rs, 400, "BadDigest",
                "The CRC32 you specified did not match the calculated checksum.", "");
    call("PUT", "/enc-bucket?encryption", MINE, "x-amz-checksum-sha256: AAAAAA==", AES256, 0, &rs);
    check_error(&rs, 400, "InvalidRequest", "Value for x-amz-checksum-sha256 header is invalid.",
                "");
    call("PUT", "/enc-bucket?encryption", MINE, "x-amz-sdk-checksum-algorithm: CRC32C", AES256, 0,
         &rs);
    check_error(&rs, 400, "InvalidRequest",
                "x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or "
                "x-amz-trailer headers were found.",
                "");
    call("PUT", "/enc-bucket?encryption", MINE, "x-amz-checksum-md4: AAAAAA==", AES256, 0, &rs);
    check_error(&rs, 400, "InvalidRequest",
                "The algorithm type you specified in x-amz-checksum- header is invalid.", "");
    call("PUT", "/enc-bucket?encryption", MINE, "x-amz-content-sha256: abc", AES256, 1, &rs);
    check_error(&rs, 400, "XAmzContentSHA256Mismatch",
                "The provided 'x-amz-content-sha256' header does not match what was computed.",
                "<ClientComputedContentSHA256>abc</ClientComputedContentSHA256>"
                "<S3ComputedContentSHA256>"
                "df4e3e6cf7a0b4af67ba58f41eaa596d54579eea2ed2f993da09600f59413711"
                "</S3ComputedContentSHA256>");
    /* a wrong body answers none of the schema errors before the integrity ones */
    call("PUT", "/enc-bucket?encryption", MINE, "Content-MD5: nope", "junk", 0, &rs);
    CHECK_INT(rs.status, 400);
    CHECK_CONTAINS(buf_str(&rs.body), "<Code>InvalidDigest</Code>");
    resp_release(&rs);
}

static void test_expected_owner(void)
{
    static const char *const ops[][2] = { { "PUT", AES256 }, { "GET", NULL }, { "DELETE", NULL } };
    struct resp rs;

    resp_init(&rs);
    for (size_t i = 0; i < 3; i++) {
        call(ops[i][0], "/enc-bucket?encryption", MINE, "x-amz-expected-bucket-owner: 111122223333",
             ops[i][1], 1, &rs);
        check_error(&rs, 403, "AccessDenied", "Access Denied", "");
        call(ops[i][0], "/enc-bucket?encryption", MINE, "x-amz-expected-bucket-owner: 12345",
             ops[i][1], 1, &rs);
        check_error(&rs, 400, "InvalidBucketOwnerAWSAccountID",
                    "The value of the expected bucket owner parameter must be an AWS Account "
                    "ID... [12345]",
                    "");
        call(ops[i][0], "/enc-bucket?encryption", MINE, "x-amz-expected-bucket-owner: 000000000000",
             ops[i][1], 1, &rs);
        CHECK_INT(rs.status, ops[i][0][0] == 'D' ? 204 : 200);
    }
    /* another account's bucket, whatever the header says */
    call("GET", "/enc-bucket?encryption", OTHER, NULL, NULL, 0, &rs);
    check_error(&rs, 403, "AccessDenied", "Access Denied", "");
    call("PUT", "/enc-bucket?encryption", OTHER, "x-amz-expected-bucket-owner: 000000000000",
         AES256, 1, &rs);
    check_error(&rs, 403, "AccessDenied", "Access Denied", "");
    resp_release(&rs);
}

/* Deleting the bucket removes its configuration: a new bucket of that name starts at the default.
 */
static void test_delete_bucket_cascades(void)
{
    struct resp rs;

    resp_init(&rs);
    call("PUT", "/enc-cascade", MINE, NULL, NULL, 0, &rs);
    call("PUT", "/enc-cascade?encryption", MINE, NULL, KMS_BKE, 1, &rs);
    CHECK_INT(rs.status, 200);
    call("DELETE", "/enc-cascade", MINE, NULL, NULL, 0, &rs);
    CHECK_INT(rs.status, 204);
    call("PUT", "/enc-cascade", MINE, NULL, NULL, 0, &rs);
    call("GET", "/enc-cascade?encryption", MINE, NULL, NULL, 0, &rs);
    CHECK_STR(buf_str(&rs.body), DEFAULT_DOC);
    resp_release(&rs);
}

/* The seed command of the docs: the amzn-s3-demo-bucket placeholder exists implicitly. */
static void test_demo_bucket(void)
{
    struct resp rs;

    resp_init(&rs);
    call("PUT", "/amzn-s3-demo-bucket?encryption", MINE, NULL, AES256, 1, &rs);
    CHECK_INT(rs.status, 200);
    call("GET", "/amzn-s3-demo-bucket?encryption", MINE, NULL, NULL, 0, &rs);
    CHECK_STR(buf_str(&rs.body), DEFAULT_DOC);
    /* a GetBucketEncryption first: the bucket is made by that read, with no configuration */
    call("GET", "/amzn-s3-demo-bucket-2?encryption", MINE, NULL, NULL, 0, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(buf_str(&rs.body), DEFAULT_DOC);
    call("HEAD", "/amzn-s3-demo-bucket-2", MINE, NULL, NULL, 0, &rs);
    CHECK_INT(rs.status, 200);
    resp_release(&rs);
}

int main(void)
{
    if (apitest_open(&t)) {
        printf("cannot open the store\n");
        return 1;
    }
    TEST(test_no_such_bucket_first);
    TEST(test_default_and_round_trip);
    TEST(test_put_variants);
    TEST(test_schema_errors);
    TEST(test_integrity_errors);
    TEST(test_expected_owner);
    TEST(test_delete_bucket_cascades);
    TEST(test_demo_bucket);
    apitest_close(&t);
    return TEST_REPORT();
}
