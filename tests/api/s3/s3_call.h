/* s3_call.h - drives S3 requests through the router for the object api tests: a signed call
 * with extra headers, and the exact error document check. Header-only: each test binary
 * includes it once. */
#ifndef CMKEMU_TEST_S3_CALL_H
#define CMKEMU_TEST_S3_CALL_H

#include "harness.h"
#include "lib/apitest.h"

#include "server/s3/s3_checksum.h"

#include <openssl/evp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define S3_XMLDECL "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define S3_NS      "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\""
#define S3_AUTH(akid, region)                                                                   \
    "Authorization: AWS4-HMAC-SHA256 Credential=" akid "/20251124/" region "/s3/aws4_request, " \
    "SignedHeaders=host, Signature=00"
#define S3_MINE  S3_AUTH("AKIAIOSFODNN7EXAMPLE", "us-east-1")
#define S3_OTHER S3_AUTH("123456789012", "us-east-1")

/* Runs one request signed by auth (NULL: S3_MINE) with up to 14 extra headers (NULL-ended
 * list, may be NULL). rs is released and re-initialised first. */
static inline void s3_call(struct apitest *t, const char *method, const char *target,
                           const char *auth, const char *const *extra, const char *body,
                           struct resp *rs)
{
    const char *h[16];
    size_t n = 0;

    h[n++] = auth ? auth : S3_MINE;
    for (size_t i = 0; extra && extra[i] && n < 15; i++)
        h[n++] = extra[i];
    h[n] = NULL;
    resp_release(rs);
    resp_init(rs);
    apitest_call(t, method, target, h, body, rs);
}

/* Checks an error answer: status, and the exact document with extra elements (a string of
 * XML, "" for none) between Message and RequestId. */
static inline void s3_check_error(const struct resp *rs, int status, const char *code,
                                  const char *msg, const char *extra)
{
    const char *rid = resp_get_header(rs, "x-amz-request-id");
    const char *hid = resp_get_header(rs, "x-amz-id-2");
    char want[4096];

    CHECK_INT(rs->status, status);
    snprintf(want, sizeof(want),
             S3_XMLDECL "<Error><Code>%s</Code><Message>%s</Message>%s<RequestId>%s</RequestId>"
                        "<HostId>%s</HostId></Error>",
             code, msg, extra, rid ? rid : "", hid ? hid : "");
    CHECK_STR(buf_str(&rs->body), want);
    CHECK_STR(resp_get_header(rs, "Content-Type"), "application/xml");
}

/* Creates bucket (200 expected) as S3_MINE. */
static inline void s3_new_bucket(struct apitest *t, const char *bucket)
{
    char target[128];
    struct resp rs;

    resp_init(&rs);
    snprintf(target, sizeof(target), "/%s", bucket);
    s3_call(t, "PUT", target, NULL, NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    resp_release(&rs);
}

/* The x-amz-checksum-crc32 header of body, as the SDKs send it, into out. */
static inline void s3_crc32_header(const char *body, char *out, size_t n)
{
    uint32_t c = s3_crc32(body, strlen(body));
    unsigned char be[4] = { (unsigned char)(c >> 24), (unsigned char)(c >> 16),
                            (unsigned char)(c >> 8), (unsigned char)c };
    char b64[16];

    s3_base64_encode(be, 4, b64);
    snprintf(out, n, "x-amz-checksum-crc32: %s", b64);
}

/* PutBucketEncryption of one rule (key NULL: no KMSMasterKeyID; bke -1: no BucketKeyEnabled)
 * with the SDKs' CRC32; the answer goes into rs (released and re-initialised first). */
static inline void s3_put_default_rs(struct apitest *t, const char *bucket, const char *alg,
                                     const char *key, int bke, struct resp *rs)
{
    char target[128], body[1024], crc[64];
    const char *h[] = { crc, "x-amz-sdk-checksum-algorithm: CRC32", NULL };

    snprintf(body, sizeof(body),
             "<ServerSideEncryptionConfiguration " S3_NS "><Rule>"
             "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>%s</SSEAlgorithm>%s%s%s"
             "</ApplyServerSideEncryptionByDefault>%s</Rule></ServerSideEncryptionConfiguration>",
             alg, key ? "<KMSMasterKeyID>" : "", key ? key : "", key ? "</KMSMasterKeyID>" : "",
             bke < 0 ? ""
                     : (bke ? "<BucketKeyEnabled>true</BucketKeyEnabled>"
                            : "<BucketKeyEnabled>false</BucketKeyEnabled>"));
    s3_crc32_header(body, crc, sizeof(crc));
    snprintf(target, sizeof(target), "/%s?encryption", bucket);
    s3_call(t, "PUT", target, NULL, h, body, rs);
}

/* The same, returning only the status. */
static inline int s3_put_default(struct apitest *t, const char *bucket, const char *alg,
                                 const char *key, int bke)
{
    struct resp rs;
    int status;

    resp_init(&rs);
    s3_put_default_rs(t, bucket, alg, key, bke, &rs);
    status = rs.status;
    resp_release(&rs);
    return status;
}

/* A header of rs, or "(none)". */
static inline const char *s3_hdr(const struct resp *rs, const char *name)
{
    const char *v = resp_get_header(rs, name);

    return v ? v : "(none)";
}

#endif
