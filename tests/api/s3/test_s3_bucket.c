/* test_s3_bucket.c - CreateBucket, HeadBucket, ListBuckets, DeleteBucket, GetBucketLocation,
 * accounts, regions and addressing through the router, without a socket (server/s3/s3_bucket.c). */
#include "harness.h"
#include "lib/apitest.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>

#define XMLDECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define NS      "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\""
#define AUTH(akid, region)                                                 \
    "Authorization: AWS4-HMAC-SHA256 Credential=" akid "/20251124/" region \
    "/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=00"
#define US_EAST AUTH("AKIAIOSFODNN7EXAMPLE", "us-east-1")
#define EU_WEST AUTH("AKIAIOSFODNN7EXAMPLE", "eu-west-1")
#define OTHER   AUTH("123456789012", "us-east-1")
#define CONFIG(lc)                                              \
    "<CreateBucketConfiguration " NS "><LocationConstraint>" lc \
    "</LocationConstraint></CreateBucketConfiguration>"

static struct apitest t;

static void call(const char *method, const char *target, const char *auth, const char *body,
                 struct resp *rs)
{
    const char *h[] = { auth, NULL };

    resp_release(rs);
    resp_init(rs);
    apitest_call(&t, method, target, auth ? h : NULL, body, rs);
}

/* The full error document, with the ids this response carries in its headers. */
static void check_error(const struct resp *rs, int status, const char *code, const char *msg,
                        const char *extra)
{
    const char *rid = resp_get_header(rs, "x-amz-request-id");
    const char *hid = resp_get_header(rs, "x-amz-id-2");
    char want[4096];

    CHECK_INT(rs->status, status);
    CHECK(rid && strlen(rid) == 16 && strspn(rid, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == 16);
    CHECK(hid && strlen(hid) == 76);
    snprintf(want, sizeof(want),
             XMLDECL "<Error><Code>%s</Code><Message>%s</Message>%s<RequestId>%s</RequestId>"
                     "<HostId>%s</HostId></Error>",
             code, msg, extra, rid ? rid : "", hid ? hid : "");
    CHECK_STR(buf_str(&rs->body), want);
    CHECK_STR(resp_get_header(rs, "Content-Type"), "application/xml");
}

static void check_created(const struct resp *rs, const char *location, const char *arn)
{
    CHECK_INT(rs->status, 200);
    CHECK_STR(resp_get_header(rs, "Location"), location);
    CHECK_STR(resp_get_header(rs, "x-amz-bucket-arn"), arn);
    CHECK_STR(resp_get_header(rs, "Server"), "AmazonS3");
    CHECK_INT(rs->body.len, 0);
}

static void test_create_us_east_1(void)
{
    struct resp rs;

    resp_init(&rs);
    call("PUT", "/bucket-one", US_EAST, NULL, &rs);
    check_created(&rs, "/bucket-one", "arn:aws:s3:::bucket-one");
    /* us-east-1's legacy: re-creating your own bucket there answers 200 (s3-spec §6) */
    call("PUT", "/bucket-one", US_EAST, NULL, &rs);
    check_created(&rs, "/bucket-one", "arn:aws:s3:::bucket-one");
    /* an unsigned request is the default account in --region us-east-1 */
    call("PUT", "/bucket-one", NULL, NULL, &rs);
    check_created(&rs, "/bucket-one", "arn:aws:s3:::bucket-one");
    resp_release(&rs);
}

static void test_create_elsewhere(void)
{
    struct resp rs;

    resp_init(&rs);
    /* the us-east-1 endpoint takes any region as constraint */
    call("PUT", "/bucket-eu", US_EAST, CONFIG("eu-west-1"), &rs);
    check_created(&rs, "http://bucket-eu.s3.amazonaws.com/", "arn:aws:s3:::bucket-eu");
    call("PUT", "/bucket-eu", US_EAST, CONFIG("eu-west-1"), &rs);
    check_error(&rs, 409, "BucketAlreadyOwnedByYou",
                "Your previous request to create the named bucket succeeded and you already own "
                "it.",
                "<BucketName>bucket-eu</BucketName>");
    call("PUT", "/bucket-eu", US_EAST, NULL, &rs);
    CHECK_INT(rs.status, 409);
    /* a regional endpoint with its own region */
    call("PUT", "/bucket-eu2", EU_WEST, CONFIG("eu-west-1"), &rs);
    check_created(&rs, "http://bucket-eu2.s3.amazonaws.com/", "arn:aws:s3:::bucket-eu2");
    call("PUT", "/bucket-eu2", EU_WEST, CONFIG("eu-west-1"), &rs);
    CHECK_INT(rs.status, 409);
    call("GET", "/bucket-eu2?location", EU_WEST, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(buf_str(&rs.body),
              XMLDECL "<LocationConstraint " NS ">eu-west-1</LocationConstraint>");
    resp_release(&rs);
}

static void test_location_errors(void)
{
    struct resp rs;

    resp_init(&rs);
    call("PUT", "/bucket-lc", US_EAST, CONFIG("us-east-1"), &rs);
    check_error(&rs, 400, "InvalidLocationConstraint",
                "The specified location-constraint is not valid",
                "<LocationConstraint>us-east-1</LocationConstraint>");
    call("PUT", "/bucket-lc", US_EAST, CONFIG("mars-1"), &rs);
    check_error(&rs, 400, "InvalidLocationConstraint",
                "The specified location-constraint is not valid",
                "<LocationConstraint>mars-1</LocationConstraint>");
    call("PUT", "/bucket-lc", EU_WEST, NULL, &rs);
    check_error(&rs, 400, "IllegalLocationConstraintException",
                "The unspecified location constraint is incompatible for the region specific "
                "endpoint this request was sent to.",
                "");
    call("PUT", "/bucket-lc", EU_WEST, CONFIG("eu-west-2"), &rs);
    check_error(&rs, 400, "IllegalLocationConstraintException",
                "The eu-west-2 location constraint is incompatible for the region specific "
                "endpoint this request was sent to.",
                "");
    call("PUT", "/bucket-lc", EU_WEST, CONFIG("EU"), &rs);
    check_error(&rs, 400, "IllegalLocationConstraintException",
                "The EU location constraint is incompatible for the region specific endpoint "
                "this request was sent to.",
                "");
    call("HEAD", "/bucket-lc", US_EAST, NULL, &rs);
    CHECK_INT(rs.status, 404); /* nothing was created */
    resp_release(&rs);
}

static void test_create_malformed(void)
{
    static const char *const bodies[] = {
        "<CreateBucketConfiguration",
        "<CreateBucketConfiguration " NS "/>",
        "<CreateBucketConfiguration " NS "><LocationConstraint/></CreateBucketConfiguration>",
        "<CreateBucketConfiguration " NS "><Foo>eu-west-1</Foo></CreateBucketConfiguration>",
        "<Other><LocationConstraint>eu-west-1</LocationConstraint></Other>",
        "<!DOCTYPE x>" CONFIG("eu-west-1"),
    };
    struct resp rs;

    resp_init(&rs);
    for (size_t i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
        call("PUT", "/bucket-mx", US_EAST, bodies[i], &rs);
        check_error(&rs, 400, "MalformedXML",
                    "The XML you provided was not well-formed or did not validate against our "
                    "published schema",
                    "");
    }
    call("PUT", "/bucket-mx", US_EAST, " \n", &rs); /* a blank body is no configuration */
    CHECK_INT(rs.status, 200);
    resp_release(&rs);
}

static void test_invalid_names(void)
{
    static const char *const names[] = {
        "ab",         "Bad_Bucket",          "192.168.5.4",   "xn--abc",
        "sthree-abc", "amzn-s3-demo-abc",    "abc-s3alias",   "abc--ol-s3",
        "abc.mrap",   "abc--use1-az4--x-s3", "abc--table-s3", "a..b",
    };
    struct resp rs;
    char target[128], extra[160];

    resp_init(&rs);
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        snprintf(target, sizeof(target), "/%s", names[i]);
        snprintf(extra, sizeof(extra), "<BucketName>%s</BucketName>", names[i]);
        call("PUT", target, US_EAST, NULL, &rs);
        check_error(&rs, 400, "InvalidBucketName", "The specified bucket is not valid.", extra);
    }
    resp_release(&rs);
}

static void test_accounts(void)
{
    struct resp rs;

    resp_init(&rs);
    call("PUT", "/bucket-acct", US_EAST, NULL, &rs);
    CHECK_INT(rs.status, 200);
    /* a 12-digit access key id names its account (SigV4, SigV2, presigned) */
    call("PUT", "/bucket-acct", OTHER, NULL, &rs);
    check_error(&rs, 409, "BucketAlreadyExists",
                "The requested bucket name is not available. The bucket namespace is shared by "
                "all users of the system. Please select a different name and try again.",
                "<BucketName>bucket-acct</BucketName>");
    call("PUT", "/bucket-acct", "Authorization: AWS 123456789012:c2ln", NULL, &rs);
    CHECK_INT(rs.status, 409);
    call("HEAD", "/bucket-acct", OTHER, NULL, &rs);
    CHECK_INT(rs.status, 403);
    call("GET", "/bucket-acct?location", OTHER, NULL, &rs);
    check_error(&rs, 403, "AccessDenied", "Access Denied", "");
    call("DELETE", "/bucket-acct", OTHER, NULL, &rs);
    CHECK_INT(rs.status, 403);
    call("PUT", "/bucket-other", OTHER, NULL, &rs);
    CHECK_INT(rs.status, 200);
    call("HEAD",
         "/bucket-other?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=123456789012/20251124/"
         "us-east-1/s3/aws4_request",
         NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    call("HEAD", "/bucket-other", NULL, NULL, &rs); /* unsigned: the default account */
    CHECK_INT(rs.status, 403);
    resp_release(&rs);
}

static void sha256_hex(const char *s, char out[65])
{
    unsigned char d[32];
    unsigned int n = 0;

    EVP_Digest(s, strlen(s), d, &n, EVP_sha256(), NULL);
    for (int i = 0; i < 32; i++)
        sprintf(out + 2 * i, "%02x", d[i]);
}

static void test_list_buckets(void)
{
    struct resp rs;
    char owner[65], want[2048];

    resp_init(&rs);
    t.now_ms = 1771633021000LL; /* 2026-02-21T00:17:01.000Z */
    call("PUT", "/list-b", OTHER, NULL, &rs);
    t.now_ms += 1500;
    call("PUT", "/list-a", OTHER, CONFIG("ap-south-1"), &rs);
    call("GET", "/", OTHER, NULL, &rs);
    sha256_hex("123456789012", owner);
    snprintf(want, sizeof(want),
             XMLDECL "<ListAllMyBucketsResult " NS "><Owner><ID>%s</ID></Owner><Buckets>"
                     "<Bucket><Name>bucket-other</Name><CreationDate>2025-11-24T16:00:00.000Z"
                     "</CreationDate><BucketArn>arn:aws:s3:::bucket-other</BucketArn></Bucket>"
                     "<Bucket><Name>list-a</Name><CreationDate>2026-02-21T00:17:02.500Z"
                     "</CreationDate><BucketArn>arn:aws:s3:::list-a</BucketArn></Bucket>"
                     "<Bucket><Name>list-b</Name><CreationDate>2026-02-21T00:17:01.000Z"
                     "</CreationDate><BucketArn>arn:aws:s3:::list-b</BucketArn></Bucket>"
                     "</Buckets></ListAllMyBucketsResult>",
             owner);
    CHECK_INT(rs.status, 200);
    CHECK_STR(buf_str(&rs.body), want);
    CHECK_STR(resp_get_header(&rs, "Content-Type"), "application/xml");
    CHECK_INT(strlen(owner), 64);
    /* an account without buckets */
    call("GET", "/", AUTH("999999999999", "us-east-1"), NULL, &rs);
    sha256_hex("999999999999", owner);
    snprintf(want, sizeof(want),
             XMLDECL "<ListAllMyBucketsResult " NS "><Owner><ID>%s</ID></Owner><Buckets/>"
                     "</ListAllMyBucketsResult>",
             owner);
    CHECK_STR(buf_str(&rs.body), want);
    resp_release(&rs);
}

static void test_head_bucket(void)
{
    struct resp rs;

    resp_init(&rs);
    call("HEAD", "/bucket-eu", US_EAST, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(resp_get_header(&rs, "x-amz-bucket-region"), "eu-west-1");
    CHECK_STR(resp_get_header(&rs, "x-amz-access-point-alias"), "false");
    CHECK_STR(resp_get_header(&rs, "x-amz-bucket-arn"), "arn:aws:s3:::bucket-eu");
    CHECK_STR(resp_get_header(&rs, "Content-Type"), "application/xml");
    CHECK(resp_get_header(&rs, "x-amz-request-id") != NULL);
    CHECK(resp_get_header(&rs, "x-amz-id-2") != NULL);
    call("HEAD", "/no-such-bucket", US_EAST, NULL, &rs);
    CHECK_INT(rs.status, 404); /* http.c sends HEAD answers without a body */
    call("HEAD", "/bucket-eu", "x-amz-expected-bucket-owner: 111122223333", NULL, &rs);
    CHECK_INT(rs.status, 403);
    resp_release(&rs);
}

static void test_delete_bucket(void)
{
    struct resp rs;

    resp_init(&rs);
    call("PUT", "/bucket-del", US_EAST, NULL, &rs);
    call("DELETE", "/bucket-del", US_EAST, NULL, &rs);
    CHECK_INT(rs.status, 204);
    CHECK_INT(rs.body.len, 0);
    call("DELETE", "/bucket-del", US_EAST, NULL, &rs);
    check_error(&rs, 404, "NoSuchBucket", "The specified bucket does not exist",
                "<BucketName>bucket-del</BucketName>");
    call("HEAD", "/bucket-del", US_EAST, NULL, &rs);
    CHECK_INT(rs.status, 404);
    call("PUT", "/bucket-del", EU_WEST, CONFIG("eu-west-1"), &rs); /* the name is free again */
    CHECK_INT(rs.status, 200);
    resp_release(&rs);
}

static void test_get_location(void)
{
    struct resp rs;

    resp_init(&rs);
    call("GET", "/bucket-one?location", US_EAST, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(buf_str(&rs.body), XMLDECL "<LocationConstraint " NS "/>");
    call("GET", "/bucket-eu?location", US_EAST, NULL, &rs);
    CHECK_STR(buf_str(&rs.body),
              XMLDECL "<LocationConstraint " NS ">eu-west-1</LocationConstraint>");
    call("GET", "/nope-bucket?location", US_EAST, NULL, &rs);
    check_error(&rs, 404, "NoSuchBucket", "The specified bucket does not exist",
                "<BucketName>nope-bucket</BucketName>");
    resp_release(&rs);
}

/* CHOICE: documentation placeholders exist implicitly for the caller (s3_access.c). */
static void test_demo_buckets(void)
{
    struct resp rs;

    resp_init(&rs);
    call("PUT", "/amzn-s3-demo-bucket", US_EAST, NULL, &rs);
    CHECK_INT(rs.status, 400);
    call("HEAD", "/amzn-s3-demo-bucket", EU_WEST, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(resp_get_header(&rs, "x-amz-bucket-region"), "eu-west-1");
    call("HEAD", "/amzn-s3-demo-bucket", OTHER, NULL, &rs);
    CHECK_INT(rs.status, 403);
    call("HEAD", "/amzn-s3-demo-Bad", US_EAST, NULL, &rs);
    CHECK_INT(rs.status, 404);
    /* a credential scope whose region is not [a-z0-9-] leaves the configured region */
    call("HEAD", "/amzn-s3-demo-other", AUTH("AKIAIOSFODNN7EXAMPLE", "eu-west-1\r\x01"), NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(resp_get_header(&rs, "x-amz-bucket-region"), "us-east-1");
    resp_release(&rs);
}

static void test_virtual_host(void)
{
    const char *h[] = { "Host: bucket-one.s3.localhost.localstack.cloud:4566", US_EAST, NULL };
    const char *h2[] = { "Host: bucket-eu.localhost:4566", NULL };
    struct resp rs;

    resp_init(&rs);
    apitest_call(&t, "HEAD", "/", h, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(resp_get_header(&rs, "x-amz-bucket-region"), "us-east-1");
    resp_release(&rs);
    resp_init(&rs);
    apitest_call(&t, "GET", "/?location", h2, NULL, &rs);
    CHECK_STR(buf_str(&rs.body),
              XMLDECL "<LocationConstraint " NS ">eu-west-1</LocationConstraint>");
    resp_release(&rs);
}

#define FFFD "\xEF\xBF\xBD" /* U+FFFD in UTF-8 */

/* Echoed request values that XML cannot carry (control characters, invalid UTF-8) come back
 * as U+FFFD, so the error document stays well-formed. */
static void test_echo_not_xml(void)
{
    const char *h[] = { "x-amz-expected-bucket-owner: 1\x01\xff<", NULL };
    struct resp rs;

    resp_init(&rs);
    call("PUT", "/\001a\300\257b\r&", US_EAST, NULL, &rs); /* \300\257: overlong '/' */
    check_error(&rs, 400, "InvalidBucketName", "The specified bucket is not valid.",
                "<BucketName>" FFFD "a" FFFD FFFD "b&#13;&amp;</BucketName>");
    resp_release(&rs);
    resp_init(&rs);
    apitest_call(&t, "GET", "/amzn-s3-demo-bucket?encryption", h, NULL, &rs);
    check_error(&rs, 400, "InvalidBucketOwnerAWSAccountID",
                "The value of the expected bucket owner parameter must be an AWS Account ID... "
                "[1" FFFD FFFD "&lt;]",
                "");
    resp_release(&rs);
}

int main(void)
{
    if (apitest_open(&t)) {
        printf("cannot open the store\n");
        return 1;
    }
    TEST(test_create_us_east_1);
    TEST(test_create_elsewhere);
    TEST(test_location_errors);
    TEST(test_create_malformed);
    TEST(test_invalid_names);
    TEST(test_accounts);
    TEST(test_list_buckets);
    TEST(test_head_bucket);
    TEST(test_delete_bucket);
    TEST(test_get_location);
    TEST(test_demo_buckets);
    TEST(test_virtual_host);
    TEST(test_echo_not_xml);
    apitest_close(&t);
    return TEST_REPORT();
}
