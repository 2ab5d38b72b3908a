/* test_s3_object_copy.c - CopyObject through the router: the CopyObjectResult document, the
 * destination's encryption (never the source's), the copy-in-place rules and the errors
 * (server/s3/s3_copy.c; s3-spec §5). */
#include "s3_call.h"

#define SSE "x-amz-server-side-encryption"
#define ILLEGAL                                                                               \
    "This copy request is illegal because it is trying to copy an object to itself without "  \
    "changing the object's metadata, storage class, website redirect location or encryption " \
    "attributes."
#define RESULT(etag)                                                                         \
    S3_XMLDECL "<CopyObjectResult " S3_NS "><ETag>&quot;" etag "&quot;</ETag><LastModified>" \
               "2025-11-24T16:00:00.000Z</LastModified></CopyObjectResult>"
#define HELLO "5d41402abc4b2a76b9719d911017c592"

static struct apitest t;

static void test_copy_result(void)
{
    const char *meta[] = { "x-amz-meta-a: 1", "Content-Type: text/plain", NULL };
    const char *src[] = { "x-amz-copy-source: /copy-src/dir/a%20b", NULL };
    const char *replace[] = { "x-amz-copy-source: copy-src/dir/a%20b",
                              "x-amz-metadata-directive: REPLACE", "x-amz-meta-b: 2", NULL };
    struct resp rs;

    resp_init(&rs);
    s3_new_bucket(&t, "copy-src");
    s3_new_bucket(&t, "copy-dst");
    s3_call(&t, "PUT", "/copy-src/dir/a b", NULL, meta, "hello", &rs);
    s3_call(&t, "PUT", "/copy-dst/c", NULL, src, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(buf_str(&rs.body), RESULT(HELLO));
    CHECK_STR(s3_hdr(&rs, "Content-Type"), "application/xml");
    CHECK_STR(s3_hdr(&rs, SSE), "AES256");
    s3_call(&t, "GET", "/copy-dst/c", NULL, NULL, NULL, &rs);
    CHECK_STR(buf_str(&rs.body), "hello");
    CHECK_STR(s3_hdr(&rs, "x-amz-meta-a"), "1"); /* COPY: the source's metadata */
    CHECK_STR(s3_hdr(&rs, "Content-Type"), "text/plain");
    s3_call(&t, "PUT", "/copy-dst/d", NULL, replace, NULL, &rs);
    CHECK_INT(rs.status, 200);
    s3_call(&t, "HEAD", "/copy-dst/d", NULL, NULL, NULL, &rs);
    CHECK_STR(s3_hdr(&rs, "x-amz-meta-a"), "(none)"); /* REPLACE: the request's */
    CHECK_STR(s3_hdr(&rs, "x-amz-meta-b"), "2");
    CHECK_STR(s3_hdr(&rs, "Content-Type"), "binary/octet-stream");
    resp_release(&rs);
}

static void test_destination_encryption(void)
{
    const char *kms[] = { SSE ": aws:kms", SSE "-bucket-key-enabled: true", NULL };
    const char *copy[] = { "x-amz-copy-source: copy-enc/k", NULL };
    const char *copy_kms[] = { "x-amz-copy-source: copy-enc/k", SSE ": aws:kms",
                               SSE "-bucket-key-enabled: true", NULL };
    char arn[400];
    struct resp rs;

    resp_init(&rs);
    s3_new_bucket(&t, "copy-enc");
    s3_call(&t, "PUT", "/copy-enc/k", NULL, kms, "hello", &rs);
    CHECK_STR(s3_hdr(&rs, SSE), "aws:kms");
    snprintf(arn, sizeof(arn), "%s", s3_hdr(&rs, SSE "-aws-kms-key-id"));
    /* the copy takes the destination default (implicit AES256), not the source's KMS */
    s3_call(&t, "PUT", "/copy-enc/plain", NULL, copy, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(s3_hdr(&rs, SSE), "AES256");
    CHECK_STR(buf_str(&rs.body), RESULT(HELLO));
    s3_call(&t, "PUT", "/copy-enc/kms", NULL, copy_kms, NULL, &rs);
    CHECK_STR(s3_hdr(&rs, SSE), "aws:kms");
    CHECK_STR(s3_hdr(&rs, SSE "-aws-kms-key-id"), arn);
    CHECK_STR(s3_hdr(&rs, SSE "-bucket-key-enabled"), "true");
    /* copying a KMS object onto itself with nothing said rewrites it as AES256 (AWS-rec) */
    s3_call(&t, "PUT", "/copy-enc/k", NULL, copy, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(s3_hdr(&rs, SSE), "AES256");
    resp_release(&rs);
}

static void test_copy_in_place(void)
{
    const char *self[] = { "x-amz-copy-source: copy-self/k", NULL };
    const char *self_sc[] = { "x-amz-copy-source: copy-self/k", "x-amz-storage-class: STANDARD_IA",
                              NULL };
    const char *self_sse[] = { "x-amz-copy-source: copy-self/k", SSE ": AES256", NULL };
    struct resp rs;

    resp_init(&rs);
    s3_new_bucket(&t, "copy-self");
    s3_call(&t, "PUT", "/copy-self/k", NULL, NULL, "hello", &rs);
    s3_call(&t, "PUT", "/copy-self/k", NULL, self, NULL, &rs);
    s3_check_error(&rs, 400, "InvalidRequest", ILLEGAL, "");
    s3_call(&t, "PUT", "/copy-self/k", NULL, self_sc, NULL, &rs);
    CHECK_INT(rs.status, 200);
    s3_call(&t, "PUT", "/copy-self/k", NULL, self_sse, NULL, &rs);
    CHECK_INT(rs.status, 200);
    /* allowed once the bucket has an explicit default, even AES256 without a bucket key */
    CHECK_INT(s3_put_default(&t, "copy-self", "AES256", NULL, 0), 200);
    s3_call(&t, "PUT", "/copy-self/k", NULL, self, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(s3_hdr(&rs, SSE), "AES256");
    resp_release(&rs);
}

static void test_copy_errors(void)
{
    const char *no_key[] = { "x-amz-copy-source: copy-err", NULL };
    const char *missing[] = { "x-amz-copy-source: copy-err/missing", NULL };
    const char *no_bucket[] = { "x-amz-copy-source: copy-err-none/k", NULL };
    const char *directive[] = { "x-amz-copy-source: copy-err/k", "x-amz-metadata-directive: MOVE",
                                NULL };
    struct resp rs;

    resp_init(&rs);
    s3_new_bucket(&t, "copy-err");
    s3_call(&t, "PUT", "/copy-err/d", NULL, no_key, NULL, &rs);
    s3_check_error(&rs, 400, "InvalidArgument",
                   "Copy Source must mention the source bucket and key: sourcebucket/sourcekey",
                   "<ArgumentName>x-amz-copy-source</ArgumentName>"
                   "<ArgumentValue>copy-err</ArgumentValue>");
    s3_call(&t, "PUT", "/copy-err/d", NULL, missing, NULL, &rs);
    s3_check_error(&rs, 404, "NoSuchKey", "The specified key does not exist.",
                   "<Key>missing</Key>");
    s3_call(&t, "PUT", "/copy-err/d", NULL, no_bucket, NULL, &rs);
    s3_check_error(&rs, 404, "NoSuchBucket", "The specified bucket does not exist",
                   "<BucketName>copy-err-none</BucketName>");
    s3_call(&t, "PUT", "/copy-err/d", NULL, directive, NULL, &rs);
    s3_check_error(&rs, 400, "InvalidArgument", "Unknown metadata directive.",
                   "<ArgumentName>x-amz-metadata-directive</ArgumentName>"
                   "<ArgumentValue>MOVE</ArgumentValue>");
    /* another account's source bucket */
    s3_call(&t, "PUT", "/copy-err/k", NULL, NULL, "x", &rs);
    s3_call(&t, "PUT", "/copy-other", S3_OTHER, NULL, NULL, &rs);
    s3_call(&t, "PUT", "/copy-other/d", S3_OTHER, missing, NULL, &rs);
    s3_check_error(&rs, 403, "AccessDenied", "Access Denied", "");
    resp_release(&rs);
}

int main(void)
{
    if (apitest_open(&t))
        return 1;
    TEST(test_copy_result);
    TEST(test_destination_encryption);
    TEST(test_copy_in_place);
    TEST(test_copy_errors);
    apitest_close(&t);
    return TEST_REPORT();
}
