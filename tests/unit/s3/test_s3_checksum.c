/* test_s3_checksum.c - CRCs, base64 and the integrity-header checks (server/s3/s3_checksum.c). */
#include "harness.h"

#include "server/s3/s3_checksum.h"
#include "server/s3/s3_errors.h"

#include <stdint.h>

#define BODY "<ServerSideEncryptionConfiguration/>"

static void test_crc_vectors(void)
{
    CHECK(s3_crc32("123456789", 9) == 0xCBF43926u);
    CHECK(s3_crc32c("123456789", 9) == 0xE3069283u);
    CHECK(s3_crc64nvme("123456789", 9) == 0xAE8B14860A799888ull);
    CHECK(s3_crc32("", 0) == 0);
    CHECK(s3_crc32c("", 0) == 0);
    CHECK(s3_crc64nvme("", 0) == 0);
    CHECK(s3_crc32("a", 1) == 0xE8B7BE43u);
}

static void test_base64(void)
{
    static const struct {
        const char *in;
        long len; /* -1: refused */
    } rows[] = {
        { "", 0 },         { "Zg==", 1 }, { "Zm8=", 2 },   { "Zm9v", 3 },
        { "Zm9vYg==", 4 }, { "Zg=", -1 }, { "Z===", -1 },  { "Zg==Zg==", -1 },
        { "Zm9*", -1 },    { "bad", -1 }, { "Zm 9v", -1 }, { "1B2M2Y8AsgTpgAmY7PhCfg==", 16 },
    };
    unsigned char out[32];
    char enc[64];

    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
        CHECK_INT(s3_base64_decode(rows[i].in, out, sizeof(out)), rows[i].len);
    CHECK_INT(s3_base64_decode("Zm9vYg==", out, 3), -1); /* over the cap */
    s3_base64_encode((const unsigned char *)"foob", 4, enc);
    CHECK_STR(enc, "Zm9vYg==");
}

/* One verification row: headers as name/value pairs (NULL-terminated), the body, whether a
 * checksum is required, and the expected error and message argument. */
struct row {
    const char *h[8];
    const char *body;
    int required;
    int err;
    const char *arg;
};

static const struct row rows[] = {
    /* no integrity header at all (§2 #23) */
    { { NULL }, BODY, 1, S3_ERR_CHECKSUM_REQUIRED, "" },
    { { NULL }, BODY, 0, S3_OK, "" },
    /* every algorithm, right and wrong (§2 #20) */
    { { "x-amz-checksum-crc32", "gUX9QQ==" }, BODY, 1, S3_OK, "" },
    { { "x-amz-checksum-crc32", "AAAAAA==" }, BODY, 1, S3_ERR_BAD_DIGEST_CHECKSUM, "CRC32" },
    { { "x-amz-checksum-crc32c", "8wiZcQ==" }, BODY, 1, S3_OK, "" },
    { { "x-amz-checksum-crc32c", "gUX9QQ==" }, BODY, 1, S3_ERR_BAD_DIGEST_CHECKSUM, "CRC32C" },
    { { "x-amz-checksum-crc64nvme", "dbCVbKvr7Xg=" }, BODY, 1, S3_OK, "" },
    { { "x-amz-checksum-crc64nvme", "AAAAAAAAAAA=" },
      BODY,
      1,
      S3_ERR_BAD_DIGEST_CHECKSUM,
      "CRC64NVME" },
    { { "x-amz-checksum-sha1", "kcPz4kWJzpCa0pbkJGqljv86tek=" }, BODY, 1, S3_OK, "" },
    { { "x-amz-checksum-sha1", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=" },
      BODY,
      1,
      S3_ERR_BAD_DIGEST_CHECKSUM,
      "SHA1" },
    { { "x-amz-checksum-sha256", "1Nx22S//2BGP7Kl0KVK71kcjhCA7krvyPgf5BagRF7Y=" },
      BODY,
      1,
      S3_OK,
      "" },
    { { "X-Amz-Checksum-SHA256", "1Nx22S//2BGP7Kl0KVK71kcjhCA7krvyPgf5BagRF7Y=" },
      BODY,
      1,
      S3_OK,
      "" },
    { { "x-amz-checksum-sha256", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" },
      BODY,
      1,
      S3_ERR_BAD_DIGEST_CHECKSUM,
      "SHA256" },
    /* value not base64 of the algorithm's size (§2 #19) */
    { { "x-amz-checksum-crc32", "bad" }, BODY, 1, S3_ERR_CHECKSUM_VALUE_INVALID, "crc32" },
    { { "x-amz-checksum-crc32", "AAAAAAAAAAA=" }, BODY, 1, S3_ERR_CHECKSUM_VALUE_INVALID, "crc32" },
    { { "x-amz-checksum-sha1", "gUX9QQ==" }, BODY, 1, S3_ERR_CHECKSUM_VALUE_INVALID, "sha1" },
    /* sdk algorithm header (§2 #17, #18) */
    { { "x-amz-sdk-checksum-algorithm", "CRC32", "x-amz-checksum-crc32", "gUX9QQ==" },
      BODY,
      1,
      S3_OK,
      "" },
    { { "x-amz-sdk-checksum-algorithm", "crc32", "x-amz-checksum-crc32", "gUX9QQ==" },
      BODY,
      1,
      S3_OK,
      "" },
    { { "x-amz-sdk-checksum-algorithm", "CRC32" }, BODY, 1, S3_ERR_CHECKSUM_ALG_NO_HEADER, "" },
    { { "x-amz-sdk-checksum-algorithm", "CRC32C", "x-amz-checksum-crc32", "gUX9QQ==" },
      BODY,
      1,
      S3_ERR_CHECKSUM_ALG_INVALID,
      "" },
    { { "x-amz-sdk-checksum-algorithm", "FOO", "x-amz-checksum-crc32", "gUX9QQ==" },
      BODY,
      1,
      S3_ERR_CHECKSUM_ALG_INVALID,
      "" },
    /* several or unknown checksum headers (§2 #21, #22) */
    { { "x-amz-checksum-crc32", "gUX9QQ==", "x-amz-checksum-crc32c", "8wiZcQ==" },
      BODY,
      1,
      S3_ERR_CHECKSUM_MULTIPLE,
      "" },
    { { "x-amz-sdk-checksum-algorithm", "sha256", "x-amz-checksum-crc32",
        "gUX9QQ==", "x-amz-checksum-crc32c", "8wiZcQ==" },
      BODY,
      1,
      S3_ERR_CHECKSUM_MULTIPLE,
      "" },
    { { "x-amz-checksum-bad", "gUX9QQ==" }, BODY, 1, S3_ERR_CHECKSUM_TYPE_INVALID, "" },
    { { "x-amz-checksum-type", "FULL_OBJECT" }, BODY, 1, S3_ERR_CHECKSUM_REQUIRED, "" },
    /* x-amz-trailer announces a checksum; it needs an aws-chunked body */
    { { "x-amz-trailer", "x-amz-checksum-crc32", "x-amz-content-sha256",
        "STREAMING-UNSIGNED-PAYLOAD-TRAILER" },
      BODY,
      1,
      S3_OK,
      "" },
    { { "x-amz-trailer", "x-amz-checksum-crc32" }, BODY, 1, S3_ERR_MALFORMED_TRAILER, "" },
    { { "x-amz-trailer", "x-amz-checksum-crc32, x-amz-checksum-crc32c" },
      BODY,
      1,
      S3_ERR_CHECKSUM_MULTIPLE,
      "" },
    { { "x-amz-trailer", "x-amz-checksum-crc32c", "x-amz-checksum-crc32", "gUX9QQ==" },
      BODY,
      1,
      S3_ERR_CHECKSUM_HEADER_AND_TRAILER,
      "" },
    /* Content-MD5 (§2 #15, #16) */
    { { "Content-MD5", "55EEQYXCUxxkVd/vt7MZsQ==" }, BODY, 1, S3_OK, "" },
    { { "Content-MD5", "invalid" }, BODY, 1, S3_ERR_INVALID_DIGEST, "" },
    { { "Content-MD5", "Zm9v" }, BODY, 1, S3_ERR_INVALID_DIGEST, "" },
    { { "Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==" }, BODY, 1, S3_ERR_BAD_DIGEST_MD5, "" },
    { { "Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==", "x-amz-checksum-crc32", "AAAAAA==" },
      BODY,
      1,
      S3_ERR_BAD_DIGEST_MD5,
      "" },
    { { "Content-MD5", "55EEQYXCUxxkVd/vt7MZsQ==", "x-amz-checksum-crc32", "AAAAAA==" },
      BODY,
      1,
      S3_ERR_BAD_DIGEST_CHECKSUM,
      "CRC32" },
    /* x-amz-content-sha256 trumps the rest, but not an invalid Content-MD5 (§2 #24) */
    { { "x-amz-content-sha256", "d4dc76d92fffd8118feca9742952bbd6472384203b92bbf23e07f905a81117b6",
        "x-amz-checksum-crc32", "gUX9QQ==" },
      BODY,
      1,
      S3_OK,
      "" },
    { { "x-amz-content-sha256", "D4DC76D92FFFD8118FECA9742952BBD6472384203B92BBF23E07F905A81117B6",
        "x-amz-checksum-crc32", "gUX9QQ==" },
      BODY,
      1,
      S3_OK,
      "" },
    { { "x-amz-content-sha256", "UNSIGNED-PAYLOAD", "x-amz-checksum-crc32", "gUX9QQ==" },
      BODY,
      1,
      S3_OK,
      "" },
    { { "x-amz-content-sha256", "unsigned-payload", "x-amz-checksum-crc32", "gUX9QQ==" },
      BODY,
      1,
      S3_ERR_CONTENT_SHA256_MISMATCH,
      "" },
    { { "x-amz-content-sha256", "invalid", "x-amz-checksum-crc32", "AAAAAA==" },
      BODY,
      1,
      S3_ERR_CONTENT_SHA256_MISMATCH,
      "" },
    { { "x-amz-content-sha256", "invalid" }, BODY, 1, S3_ERR_CONTENT_SHA256_MISMATCH, "" },
    { { "x-amz-content-sha256", "invalid", "Content-MD5", "invalid" },
      BODY,
      1,
      S3_ERR_INVALID_DIGEST,
      "" },
};

static void test_verify_rows(void)
{
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        struct kv hs[4];
        struct req rq;
        struct s3_checksum_fail f;
        size_t nh = 0;
        int err;

        for (size_t k = 0; k + 1 < 8 && rows[i].h[k]; k += 2) {
            hs[nh].name = rows[i].h[k];
            hs[nh].value = rows[i].h[k + 1];
            nh++;
        }
        memset(&rq, 0, sizeof(rq));
        rq.method = "PUT";
        rq.path = "/b";
        rq.header = hs;
        rq.nheader = nh;
        rq.body = rows[i].body;
        rq.body_len = strlen(rows[i].body);
        err = s3_checksum_verify(&rq, rows[i].required, &f);
        if (err != rows[i].err)
            printf("  row %zu: err %d, want %d\n", i, err, rows[i].err);
        CHECK_INT(err, rows[i].err);
        CHECK_STR(f.arg, rows[i].arg);
        if (err == S3_ERR_INVALID_DIGEST)
            CHECK_STR(f.content_md5, rows[i].h[1]);
    }
}

/* What the error documents carry: BadDigest's ExpectedDigest (hex of the sent MD5) and
 * CalculatedDigest (base64), XAmzContentSHA256Mismatch's client and S3 values. */
static void test_fail_details(void)
{
    struct kv md5 = { "Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==" };
    struct kv sha = { "x-amz-content-sha256", "unsigned-payload" };
    struct req rq;
    struct s3_checksum_fail f;

    memset(&rq, 0, sizeof(rq));
    rq.body = BODY;
    rq.body_len = strlen(BODY);
    rq.header = &md5;
    rq.nheader = 1;
    CHECK_INT(s3_checksum_verify(&rq, 1, &f), S3_ERR_BAD_DIGEST_MD5);
    CHECK_STR(f.expected, "d41d8cd98f00b204e9800998ecf8427e");
    CHECK_STR(f.calculated, "55EEQYXCUxxkVd/vt7MZsQ==");
    rq.header = &sha;
    CHECK_INT(s3_checksum_verify(&rq, 1, &f), S3_ERR_CONTENT_SHA256_MISMATCH);
    CHECK_STR(f.expected, "unsigned-payload");
    CHECK_STR(f.calculated, "d4dc76d92fffd8118feca9742952bbd6472384203b92bbf23e07f905a81117b6");
}

int main(void)
{
    TEST(test_crc_vectors);
    TEST(test_base64);
    TEST(test_verify_rows);
    TEST(test_fail_details);
    return TEST_REPORT();
}
