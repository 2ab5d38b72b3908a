/* test_s3_object.c - PutObject, GetObject, HeadObject, DeleteObject through the router, without
 * a socket: exact statuses, headers, bodies and error documents (server/s3/s3_object.c). */
#include "s3_call.h"

#define ETAG_HELLO "\"5d41402abc4b2a76b9719d911017c592\""
#define DATE       "Mon, 24 Nov 2025 16:00:00 GMT"
#define SSE        "x-amz-server-side-encryption"

static struct apitest t;

static void setup_bucket(const char *name)
{
    struct resp rs;
    char target[128];

    resp_init(&rs);
    snprintf(target, sizeof(target), "/%s", name);
    s3_call(&t, "PUT", target, NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    resp_release(&rs);
}

static void test_round_trip(void)
{
    const char *put_h[] = { "Content-Type: text/plain", "x-amz-meta-Color: blue",
                            "Cache-Control: no-cache", NULL };
    struct resp rs;

    resp_init(&rs);
    setup_bucket("obj-rt");
    s3_call(&t, "PUT", "/obj-rt/dir/a.txt", NULL, put_h, "hello", &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(s3_hdr(&rs, "ETag"), ETAG_HELLO);
    CHECK_STR(s3_hdr(&rs, SSE), "AES256");
    CHECK_STR(s3_hdr(&rs, SSE "-aws-kms-key-id"), "(none)");
    CHECK_INT(rs.body.len, 0);

    s3_call(&t, "GET", "/obj-rt/dir/a.txt", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(buf_str(&rs.body), "hello");
    CHECK_STR(s3_hdr(&rs, "ETag"), ETAG_HELLO);
    CHECK_STR(s3_hdr(&rs, "Last-Modified"), DATE);
    CHECK_STR(s3_hdr(&rs, "Content-Type"), "text/plain");
    CHECK_STR(s3_hdr(&rs, "Cache-Control"), "no-cache");
    CHECK_STR(s3_hdr(&rs, "x-amz-meta-color"), "blue");
    CHECK_STR(s3_hdr(&rs, "Accept-Ranges"), "bytes");
    CHECK_STR(s3_hdr(&rs, SSE), "AES256");
    CHECK_STR(s3_hdr(&rs, "x-amz-storage-class"), "(none)"); /* STANDARD is not answered */

    /* HEAD: the same headers; the body only sizes Content-Length (never sent) */
    s3_call(&t, "HEAD", "/obj-rt/dir/a.txt", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_INT(rs.body.len, 5);
    CHECK_STR(s3_hdr(&rs, "ETag"), ETAG_HELLO);
    CHECK_STR(s3_hdr(&rs, "x-amz-meta-color"), "blue");
    CHECK_STR(s3_hdr(&rs, SSE), "AES256");

    /* the default Content-Type */
    s3_call(&t, "PUT", "/obj-rt/plain", NULL, NULL, "x", &rs);
    s3_call(&t, "GET", "/obj-rt/plain", NULL, NULL, NULL, &rs);
    CHECK_STR(s3_hdr(&rs, "Content-Type"), "binary/octet-stream");
    resp_release(&rs);
}

static void test_ranges(void)
{
    const char *r1[] = { "Range: bytes=1-3", NULL };
    const char *r2[] = { "Range: bytes=-2", NULL };
    const char *r3[] = { "Range: bytes=3-", NULL };
    const char *bad[] = { "Range: bytes=9-", NULL };
    const char *multi[] = { "Range: bytes=0-1,3-4", NULL };
    struct resp rs;

    resp_init(&rs);
    setup_bucket("obj-range");
    s3_call(&t, "PUT", "/obj-range/k", NULL, NULL, "hello", &rs);
    s3_call(&t, "GET", "/obj-range/k", NULL, r1, NULL, &rs);
    CHECK_INT(rs.status, 206);
    CHECK_STR(buf_str(&rs.body), "ell");
    CHECK_STR(s3_hdr(&rs, "Content-Range"), "bytes 1-3/5");
    s3_call(&t, "GET", "/obj-range/k", NULL, r2, NULL, &rs);
    CHECK_STR(buf_str(&rs.body), "lo");
    s3_call(&t, "GET", "/obj-range/k", NULL, r3, NULL, &rs);
    CHECK_STR(buf_str(&rs.body), "lo");
    s3_call(&t, "GET", "/obj-range/k", NULL, multi, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(buf_str(&rs.body), "hello");
    s3_call(&t, "GET", "/obj-range/k", NULL, bad, NULL, &rs);
    s3_check_error(
        &rs, 416, "InvalidRange", "The requested range is not satisfiable",
        "<RangeRequested>bytes=9-</RangeRequested><ActualObjectSize>5</ActualObjectSize>");
    resp_release(&rs);
}

static void test_missing(void)
{
    struct resp rs;

    resp_init(&rs);
    setup_bucket("obj-missing");
    s3_call(&t, "GET", "/obj-missing/no/such/key", NULL, NULL, NULL, &rs);
    s3_check_error(&rs, 404, "NoSuchKey", "The specified key does not exist.",
                   "<Key>no/such/key</Key>");
    s3_call(&t, "HEAD", "/obj-missing/no/such/key", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 404);
    s3_call(&t, "GET", "/obj-none-bucket/k", NULL, NULL, NULL, &rs);
    s3_check_error(&rs, 404, "NoSuchBucket", "The specified bucket does not exist",
                   "<BucketName>obj-none-bucket</BucketName>");
    s3_call(&t, "PUT", "/obj-none-bucket/k", NULL, NULL, "x", &rs);
    s3_check_error(&rs, 404, "NoSuchBucket", "The specified bucket does not exist",
                   "<BucketName>obj-none-bucket</BucketName>");
    /* another account's bucket */
    s3_call(&t, "GET", "/obj-missing/k", S3_OTHER, NULL, NULL, &rs);
    s3_check_error(&rs, 403, "AccessDenied", "Access Denied", "");
    resp_release(&rs);
}

static void test_delete(void)
{
    struct resp rs;

    resp_init(&rs);
    setup_bucket("obj-del");
    s3_call(&t, "PUT", "/obj-del/k", NULL, NULL, "x", &rs);
    s3_call(&t, "DELETE", "/obj-del", NULL, NULL, NULL, &rs);
    s3_check_error(&rs, 409, "BucketNotEmpty", "The bucket you tried to delete is not empty",
                   "<BucketName>obj-del</BucketName>");
    s3_call(&t, "DELETE", "/obj-del/k", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 204);
    CHECK_INT(rs.body.len, 0);
    s3_call(&t, "DELETE", "/obj-del/k", NULL, NULL, NULL, &rs); /* idempotent */
    CHECK_INT(rs.status, 204);
    s3_call(&t, "GET", "/obj-del/k", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 404);
    s3_call(&t, "DELETE", "/obj-del", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 204);
    resp_release(&rs);
}

static void test_limits(void)
{
    char key[1200], target[1300], meta[2200];
    const char *meta_h[] = { meta, NULL };
    const char *cl[] = { "Content-Length: 11", NULL };
    struct resp rs;

    resp_init(&rs);
    setup_bucket("obj-limits");
    memset(key, 'k', 1025);
    key[1025] = '\0';
    snprintf(target, sizeof(target), "/obj-limits/%s", key);
    s3_call(&t, "PUT", target, NULL, NULL, "x", &rs);
    s3_check_error(&rs, 400, "KeyTooLongError", "Your key is too long",
                   "<Size>1025</Size><MaxSizeAllowed>1024</MaxSizeAllowed>");
    key[1024] = '\0'; /* 1024 bytes is allowed */
    snprintf(target, sizeof(target), "/obj-limits/%s", key);
    s3_call(&t, "PUT", target, NULL, NULL, "x", &rs);
    CHECK_INT(rs.status, 200);

    snprintf(meta, sizeof(meta), "x-amz-meta-a: ");
    memset(meta + strlen(meta), 'v', 2048);
    meta[14 + 2048] = '\0';
    s3_call(&t, "PUT", "/obj-limits/m", NULL, meta_h, "x", &rs);
    s3_check_error(&rs, 400, "MetadataTooLarge",
                   "Your metadata headers exceed the maximum allowed metadata size",
                   "<Size>2049</Size><MaxSizeAllowed>2048</MaxSizeAllowed>");

    /* CHOICE: the object size cap is --max-body */
    t.cfg.max_body = 10;
    s3_call(&t, "PUT", "/obj-limits/big", NULL, cl, "hello world", &rs);
    s3_check_error(&rs, 400, "EntityTooLarge",
                   "Your proposed upload exceeds the maximum allowed size",
                   "<ProposedSize>11</ProposedSize><MaxSizeAllowed>10</MaxSizeAllowed>");
    t.cfg.max_body = 8 * 1024 * 1024;
    resp_release(&rs);
}

static void test_sse_headers(void)
{
    const char *bogus[] = { SSE ": BOGUS", NULL };
    const char *key_only[] = { SSE "-aws-kms-key-id: k", NULL };
    const char *aes_key[] = { SSE ": AES256", SSE "-aws-kms-key-id: k", NULL };
    const char *c_and_sse[] = { SSE ": AES256", SSE "-customer-algorithm: AES256",
                                SSE "-customer-key: MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                                SSE "-customer-key-MD5: hRasmdxgYDKV3nvbahU1MA==", NULL };
    const char *ssec[] = { SSE "-customer-algorithm: AES256",
                           SSE "-customer-key: MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                           SSE "-customer-key-MD5: hRasmdxgYDKV3nvbahU1MA==", NULL };
    struct resp rs;

    resp_init(&rs);
    setup_bucket("obj-sse");
    s3_call(&t, "PUT", "/obj-sse/k", NULL, bogus, "x", &rs);
    s3_check_error(&rs, 400, "InvalidArgument", "The encryption method specified is not supported",
                   "<ArgumentName>x-amz-server-side-encryption</ArgumentName>"
                   "<ArgumentValue>BOGUS</ArgumentValue>");
    s3_call(&t, "PUT", "/obj-sse/k", NULL, key_only, "x", &rs);
    s3_check_error(&rs, 400, "InvalidArgument",
                   "Server Side Encryption with AWS KMS managed key requires HTTP header "
                   "x-amz-server-side-encryption : aws:kms",
                   "<ArgumentName>x-amz-server-side-encryption</ArgumentName>"
                   "<ArgumentValue>null</ArgumentValue>");
    s3_call(&t, "PUT", "/obj-sse/k", NULL, aes_key, "x", &rs);
    s3_check_error(&rs, 400, "InvalidArgument",
                   "Server Side Encryption with AWS KMS managed key requires HTTP header "
                   "x-amz-server-side-encryption : aws:kms",
                   "<ArgumentName>x-amz-server-side-encryption</ArgumentName>"
                   "<ArgumentValue>AES256</ArgumentValue>");
    s3_call(&t, "PUT", "/obj-sse/k", NULL, c_and_sse, "x", &rs);
    s3_check_error(&rs, 400, "InvalidArgument",
                   "Server Side Encryption with Customer provided key is incompatible with the "
                   "encryption method specified",
                   "<ArgumentName>x-amz-server-side-encryption</ArgumentName>"
                   "<ArgumentValue>AES256</ArgumentValue>");

    /* SSE-C: the key MD5 answered, no x-amz-server-side-encryption; reads need the key */
    s3_call(&t, "PUT", "/obj-sse/c", NULL, ssec, "secret", &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(s3_hdr(&rs, SSE), "(none)");
    CHECK_STR(s3_hdr(&rs, SSE "-customer-algorithm"), "AES256");
    CHECK_STR(s3_hdr(&rs, SSE "-customer-key-MD5"), "hRasmdxgYDKV3nvbahU1MA==");
    CHECK(strcmp(s3_hdr(&rs, "ETag"), "\"5ebe2294ecd0e0f08eab7690d2a6ee69\"") != 0);
    s3_call(&t, "GET", "/obj-sse/c", NULL, NULL, NULL, &rs);
    s3_check_error(&rs, 400, "InvalidRequest",
                   "The object was stored using a form of Server Side Encryption. The correct "
                   "parameters must be provided to retrieve the object.",
                   "");
    s3_call(&t, "GET", "/obj-sse/c", NULL, ssec, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(buf_str(&rs.body), "secret");
    s3_call(&t, "PUT", "/obj-sse/plain", NULL, NULL, "x", &rs);
    s3_call(&t, "GET", "/obj-sse/plain", NULL, ssec, NULL, &rs);
    s3_check_error(&rs, 400, "InvalidRequest",
                   "The encryption parameters are not applicable to this object.", "");
    resp_release(&rs);
}

static void test_checksums(void)
{
    const char *bad_md5[] = { "Content-MD5: 1B2M2Y8AsgTpgAmY7PhCfg==", NULL };
    const char *crc[] = { "x-amz-checksum-crc32: NhCmhg==", "x-amz-sdk-checksum-algorithm: CRC32",
                          NULL };
    const char *mode[] = { "x-amz-checksum-mode: ENABLED", NULL };
    struct resp rs;

    resp_init(&rs);
    setup_bucket("obj-sum");
    s3_call(&t, "PUT", "/obj-sum/k", NULL, bad_md5, "hello", &rs);
    s3_check_error(&rs, 400, "BadDigest",
                   "The Content-MD5 you specified did not match what we received.",
                   "<ExpectedDigest>d41d8cd98f00b204e9800998ecf8427e</ExpectedDigest>"
                   "<CalculatedDigest>XUFAKrxLKna5cZ2REBfFkg==</CalculatedDigest>");
    s3_call(&t, "PUT", "/obj-sum/k", NULL, crc, "hello", &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(s3_hdr(&rs, "x-amz-checksum-crc32"), "NhCmhg==");
    CHECK_STR(s3_hdr(&rs, "x-amz-checksum-type"), "FULL_OBJECT");
    s3_call(&t, "GET", "/obj-sum/k", NULL, NULL, NULL, &rs);
    CHECK_STR(s3_hdr(&rs, "x-amz-checksum-crc32"), "(none)");
    s3_call(&t, "GET", "/obj-sum/k", NULL, mode, NULL, &rs);
    CHECK_STR(s3_hdr(&rs, "x-amz-checksum-crc32"), "NhCmhg==");
    resp_release(&rs);
}

/* aws-chunked uploads (streaming SigV4 and unsigned trailers) are decoded. */
static void test_aws_chunked(void)
{
    const char *h[] = { "x-amz-content-sha256: STREAMING-UNSIGNED-PAYLOAD-TRAILER",
                        "Content-Encoding: aws-chunked", "x-amz-trailer: x-amz-checksum-crc32",
                        "x-amz-decoded-content-length: 5", NULL };
    struct resp rs;

    resp_init(&rs);
    setup_bucket("obj-chunked");
    s3_call(&t, "PUT", "/obj-chunked/k", NULL, h,
            "3\r\nhel\r\n2\r\nlo\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n", &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(s3_hdr(&rs, "ETag"), ETAG_HELLO);
    s3_call(&t, "GET", "/obj-chunked/k", NULL, NULL, NULL, &rs);
    CHECK_STR(buf_str(&rs.body), "hello");
    CHECK_STR(s3_hdr(&rs, "Content-Encoding"), "(none)");
    s3_call(&t, "PUT", "/obj-chunked/k", NULL, h, "zz\r\nbad", &rs);
    s3_check_error(&rs, 400, "IncompleteBody",
                   "You did not provide the number of bytes specified by the Content-Length HTTP "
                   "header.",
                   "");
    resp_release(&rs);
}

static void test_storage_class(void)
{
    const char *ia[] = { "x-amz-storage-class: STANDARD_IA", NULL };
    const char *bad[] = { "x-amz-storage-class: CHEAP", NULL };
    struct resp rs;

    resp_init(&rs);
    setup_bucket("obj-class");
    s3_call(&t, "PUT", "/obj-class/k", NULL, ia, "x", &rs);
    CHECK_INT(rs.status, 200);
    s3_call(&t, "HEAD", "/obj-class/k", NULL, NULL, NULL, &rs);
    CHECK_STR(s3_hdr(&rs, "x-amz-storage-class"), "STANDARD_IA");
    s3_call(&t, "PUT", "/obj-class/k", NULL, bad, "x", &rs);
    s3_check_error(&rs, 400, "InvalidStorageClass", "The storage class you specified is not valid",
                   "");
    resp_release(&rs);
}

static void test_unserved_object_subresources(void)
{
    struct resp rs;

    resp_init(&rs);
    setup_bucket("obj-subs");
    s3_call(&t, "GET", "/obj-subs/k?tagging", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 501);
    s3_call(&t, "POST", "/obj-subs/k?uploads", NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 501);
    resp_release(&rs);
}

int main(void)
{
    if (apitest_open(&t))
        return 1;
    TEST(test_round_trip);
    TEST(test_ranges);
    TEST(test_missing);
    TEST(test_delete);
    TEST(test_limits);
    TEST(test_sse_headers);
    TEST(test_checksums);
    TEST(test_aws_chunked);
    TEST(test_storage_class);
    TEST(test_unserved_object_subresources);
    apitest_close(&t);
    return TEST_REPORT();
}
