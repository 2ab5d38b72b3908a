/* test_sigv4.c - SigV4 against AWS's published examples: the S3 API Reference's "Signature
 * Calculations for the Authorization Header" (GET Object, PUT Object, GET Bucket lifecycle, GET
 * Bucket), "Authenticating Requests: Using Query Parameters" (presigned GET), "Transferring
 * Payload in Multiple Chunks" (seed and chunk signatures), and the SigV4 test suite's
 * get-vanilla, get-vanilla-query-order-key-case and post-vanilla. */
#include "harness.h"

#include "server/auth/auth_sigv4.h"

#include <stdlib.h>

#define S3_AKID    "AKIAIOSFODNN7EXAMPLE"
#define S3_SECRET  "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
#define S3_DATE    "20130524T000000Z"
#define S3_HOST    "examplebucket.s3.amazonaws.com"
#define EMPTY_HASH "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

/* Signs r at amz_date with the credential scope DATE/region/service and returns the hex
 * signature in sig; the canonical request's hash in creq_hash when not NULL. */
static void sign(const struct sigv4_request *r, const char *secret, const char *amz_date,
                 const char *region, const char *service, char sig[65], char *creq_hash)
{
    struct buf creq, sts;
    unsigned char key[32];
    char date[9];
    char scope[128];

    memcpy(date, amz_date, 8);
    date[8] = '\0';
    snprintf(scope, sizeof(scope), "%s/%s/%s/aws4_request", date, region, service);
    buf_init(&creq, 1 << 20);
    buf_init(&sts, 1 << 20);
    CHECK_INT(sigv4_canonical_request(r, &creq), 0);
    if (creq_hash)
        sigv4_sha256_hex(creq.data, creq.len, creq_hash);
    CHECK_INT(sigv4_string_to_sign(amz_date, scope, creq.data, creq.len, &sts), 0);
    sigv4_signing_key(secret, date, region, service, key);
    sigv4_sign(key, sts.data, sts.len, sig);
    buf_release(&creq);
    buf_release(&sts);
}

static void test_s3_get_object(void)
{
    const struct kv h[] = { { "Host", S3_HOST },
                            { "Range", "bytes=0-9" },
                            { "x-amz-content-sha256", EMPTY_HASH },
                            { "x-amz-date", S3_DATE } };
    struct sigv4_request r = {
        "GET", "/test.txt", "", h, 4, "host;range;x-amz-content-sha256;x-amz-date", EMPTY_HASH, 1, 0
    };
    char sig[65], hash[65];

    sign(&r, S3_SECRET, S3_DATE, "us-east-1", "s3", sig, hash);
    CHECK_STR(hash, "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
    CHECK_STR(sig, "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
}

static void test_s3_put_object(void)
{
    char body_hash[65];
    struct kv h[] = { { "Date", "Fri, 24 May 2013 00:00:00 GMT" },
                      { "Host", S3_HOST },
                      { "x-amz-date", S3_DATE },
                      { "x-amz-storage-class", "REDUCED_REDUNDANCY" },
                      { "x-amz-content-sha256", NULL } };
    struct sigv4_request r = {
        "PUT", "/test%24file.text",
        "",    h,
        5,     "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class",
        NULL,  1,
        0
    };
    char sig[65];

    sigv4_sha256_hex("Welcome to Amazon S3.", 21, body_hash);
    CHECK_STR(body_hash, "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    h[4].value = body_hash;
    r.payload_hash = body_hash;
    sign(&r, S3_SECRET, S3_DATE, "us-east-1", "s3", sig, NULL);
    CHECK_STR(sig, "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    /* S3 encodes the key once: a '$' sent as is canonicalizes the same */
    r.raw_path = "/test$file.text";
    sign(&r, S3_SECRET, S3_DATE, "us-east-1", "s3", sig, NULL);
    CHECK_STR(sig, "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
}

static void test_s3_get_bucket(void)
{
    const struct kv h[] = { { "Host", S3_HOST },
                            { "x-amz-content-sha256", EMPTY_HASH },
                            { "x-amz-date", S3_DATE } };
    struct sigv4_request r = { "GET",      "/", "lifecycle",
                               h,          3,   "host;x-amz-content-sha256;x-amz-date",
                               EMPTY_HASH, 1,   0 };
    char sig[65];

    sign(&r, S3_SECRET, S3_DATE, "us-east-1", "s3", sig, NULL);
    CHECK_STR(sig, "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
    /* GET Bucket (list objects); the query arrives out of order */
    r.raw_query = "prefix=J&max-keys=2";
    sign(&r, S3_SECRET, S3_DATE, "us-east-1", "s3", sig, NULL);
    CHECK_STR(sig, "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
}

static void test_s3_presigned(void)
{
    const struct kv h[] = { { "Host", S3_HOST } };
    struct sigv4_request r = {
        "GET",
        "/test.txt",
        "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-"
        "east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-"
        "SignedHeaders=host&X-Amz-Signature="
        "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404",
        h,
        1,
        "host",
        "UNSIGNED-PAYLOAD",
        1,
        1
    };
    char sig[65];

    sign(&r, S3_SECRET, S3_DATE, "us-east-1", "s3", sig, NULL);
    CHECK_STR(sig, "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
}

static const char seed_sig[] = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";

static void test_s3_streaming_seed(void)
{
    const struct kv h[] = { { "Host", "s3.amazonaws.com" },
                            { "x-amz-date", S3_DATE },
                            { "x-amz-storage-class", "REDUCED_REDUNDANCY" },
                            { "Authorization", "ignored" },
                            { "x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" },
                            { "Content-Encoding", "aws-chunked" },
                            { "x-amz-decoded-content-length", "66560" },
                            { "Content-Length", "66824" } };
    struct sigv4_request r = { "PUT",
                               "/examplebucket/chunkObject.txt",
                               "",
                               h,
                               8,
                               "content-encoding;content-length;host;x-amz-content-sha256;x-amz-"
                               "date;x-amz-decoded-content-length;x-amz-storage-class",
                               "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
                               1,
                               0 };
    char sig[65];

    sign(&r, S3_SECRET, S3_DATE, "us-east-1", "s3", sig, NULL);
    CHECK_STR(sig, seed_sig);
}

/* The documented body: 65536 then 1024 bytes of 'a', then the final chunk. */
static char *chunked_body(size_t *len)
{
    struct buf b;
    char *a = malloc(65536);

    memset(a, 'a', 65536);
    buf_init(&b, 1 << 20);
    buf_puts(&b, "10000;chunk-signature="
                 "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648\r\n");
    buf_append(&b, a, 65536);
    buf_puts(&b, "\r\n400;chunk-signature="
                 "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497\r\n");
    buf_append(&b, a, 1024);
    buf_puts(&b, "\r\n0;chunk-signature="
                 "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9\r\n\r\n");
    free(a);
    return buf_detach(&b, len);
}

static void test_s3_streaming_chunks(void)
{
    unsigned char key[32];
    const char *scope = "20130524/us-east-1/s3/aws4_request";
    size_t len;
    char *body = chunked_body(&len);

    CHECK_INT(len, 66824); /* the example's Content-Length */
    sigv4_signing_key(S3_SECRET, "20130524", "us-east-1", "s3", key);
    CHECK_INT(sigv4_verify_chunks(body, len, key, S3_DATE, scope, seed_sig), 0);
    /* another byte in the first chunk, a changed seed, a truncated body: refused */
    body[200] = 'b';
    CHECK_INT(sigv4_verify_chunks(body, len, key, S3_DATE, scope, seed_sig), -1);
    body[200] = 'a';
    CHECK_INT(
        sigv4_verify_chunks(body, len, key, S3_DATE, scope,
                            "0f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9"),
        -1);
    CHECK_INT(sigv4_verify_chunks(body, len - 90, key, S3_DATE, scope, seed_sig), -1);
    free(body);
}

static void test_suite_vanilla(void)
{
    const struct kv h[] = { { "Host", "example.amazonaws.com" },
                            { "X-Amz-Date", "20150830T123600Z" } };
    struct sigv4_request r = { "GET", "/", "", h, 2, "host;x-amz-date", EMPTY_HASH, 0, 0 };
    const char *secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    char sig[65];

    sign(&r, secret, "20150830T123600Z", "us-east-1", "service", sig, NULL);
    CHECK_STR(sig, "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    r.raw_query = "Param2=value2&Param1=value1";
    sign(&r, secret, "20150830T123600Z", "us-east-1", "service", sig, NULL);
    CHECK_STR(sig, "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
    r.method = "POST";
    r.raw_query = "";
    sign(&r, secret, "20150830T123600Z", "us-east-1", "service", sig, NULL);
    CHECK_STR(sig, "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b");
}

static void test_canonical_forms(void)
{
    const struct kv h[] = { { "Host", "h" }, { "X-Multi", "  a   b  " }, { "x-multi", "c" } };
    struct sigv4_request r = { "GET", "/a%20b/c~d",   "b=2&a=x%2Fy&a=1&flag", h,
                               3,     "host;x-multi", "UNSIGNED-PAYLOAD",     1,
                               0 };
    struct buf b;

    buf_init(&b, 4096);
    CHECK_INT(sigv4_canonical_request(&r, &b), 0);
    CHECK_STR(b.data, "GET\n/a%20b/c~d\na=1&a=x%2Fy&b=2&flag=\nhost:h\nx-multi:a b,c\n\nhost;"
                      "x-multi\nUNSIGNED-PAYLOAD");
    buf_reset(&b);
    r.s3 = 0; /* other services encode the path as sent once more */
    CHECK_INT(sigv4_canonical_request(&r, &b), 0);
    CHECK_CONTAINS(b.data, "GET\n/a%2520b/c~d\n");
    buf_release(&b);
}

static void test_parse_header(void)
{
    struct sigv4_auth a;
    const char *why = NULL;
    char scope[128];

    CHECK_INT(sigv4_parse_header(
                  "AWS4-HMAC-SHA256 Credential=" S3_AKID "/20130524/us-east-1/s3/"
                  "aws4_request, SignedHeaders=host;range;x-amz-date, "
                  "Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024",
                  &a, &why),
              0);
    CHECK_STR(a.akid, S3_AKID);
    CHECK_STR(a.region, "us-east-1");
    CHECK_STR(a.service, "s3");
    CHECK_STR(a.signed_headers, "host;range;x-amz-date");
    CHECK_STR(a.signature, "fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024");
    sigv4_scope(&a, scope, sizeof(scope));
    CHECK_STR(scope, "20130524/us-east-1/s3/aws4_request");
    /* any order, no spaces */
    CHECK_INT(sigv4_parse_header("AWS4-HMAC-SHA256 Signature=ab,SignedHeaders=host,"
                                 "Credential=K/20130524/eu-west-1/kms/aws4_request",
                                 &a, &why),
              0);
    CHECK_STR(a.service, "kms");
    CHECK_INT(sigv4_parse_header("AWS4-HMAC-SHA256 Credential=K/20130524/us-east-1/s3, "
                                 "SignedHeaders=host, Signature=ab",
                                 &a, &why),
              -1);
    CHECK_CONTAINS(why, "Credential is mal-formed");
    CHECK_INT(
        sigv4_parse_header("AWS4-HMAC-SHA256 Credential=K/20130524/us-east-1/s3/aws4_request, "
                           "Signature=ab",
                           &a, &why),
        -1);
    CHECK_CONTAINS(why, "SignedHeaders");
    CHECK_INT(sigv4_parse_header("AWS K:sig", &a, &why), -1);
    CHECK(sigv4_sig_equal("abcd", "abcd"));
    CHECK(!sigv4_sig_equal("abcd", "abce"));
    CHECK(!sigv4_sig_equal("abcd", "abc"));
}

int main(void)
{
    TEST(test_s3_get_object);
    TEST(test_s3_put_object);
    TEST(test_s3_get_bucket);
    TEST(test_s3_presigned);
    TEST(test_s3_streaming_seed);
    TEST(test_s3_streaming_chunks);
    TEST(test_suite_vanilla);
    TEST(test_canonical_forms);
    TEST(test_parse_header);
    return TEST_REPORT();
}
