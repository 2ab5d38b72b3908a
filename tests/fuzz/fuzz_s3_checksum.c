/* fuzz_s3_checksum.c - integrity headers (Content-MD5, x-amz-checksum-*, x-amz-sdk-checksum-
 * algorithm, x-amz-trailer, x-amz-content-sha256) in any combination against a body: verified
 * directly, checked against OpenSSL's digests, then sent as a PutBucketEncryption request. */
#include "fuzz_lib.h"

#include "server/s3/s3_checksum.h"
#include "server/s3/s3_errors.h"

#include <openssl/evp.h>
#include <string.h>
#include <strings.h>

/* Input: a flags byte (bit 0: the operation requires a checksum), then lines "<s><value>" where
 * <s> picks the header name, up to an empty line; the rest is the body. */
static const char *const names[] = {
    "Content-MD5",
    "x-amz-checksum-crc32",
    "x-amz-checksum-crc32c",
    "x-amz-checksum-crc64nvme",
    "x-amz-checksum-sha1",
    "x-amz-checksum-sha256",
    "x-amz-checksum-sha512",
    "x-amz-checksum-type",
    "x-amz-checksum-algorithm",
    "x-amz-checksum-mode",
    "x-amz-sdk-checksum-algorithm",
    "x-amz-trailer",
    "x-amz-content-sha256",
    "X-Amz-Checksum-CRC32",
    "x-amz-checksum-",
    "x-amz-expected-bucket-owner",
};
#define NNAMES (sizeof(names) / sizeof(names[0]))

static int terminated(const char *s, size_t n)
{
    return memchr(s, '\0', n) != NULL;
}

/* When verification passed, the digests the headers named do match the body. */
static void check_ok(const struct req *rq)
{
    const char *md5 = req_header(rq, "Content-MD5");
    const char *sha = req_header(rq, "x-amz-checksum-sha256");
    const char *content = req_header(rq, "x-amz-content-sha256");
    unsigned char d[EVP_MAX_MD_SIZE], sent[64];
    unsigned int dl = 0;

    if (md5) {
        EVP_Digest(rq->body, rq->body_len, d, &dl, EVP_md5(), NULL);
        FUZZ_CHECK(s3_base64_decode(md5, sent, sizeof(sent)) == 16 && !memcmp(sent, d, 16));
    }
    if (sha && req_header_count(rq, "x-amz-checksum-sha256") == 1) {
        EVP_Digest(rq->body, rq->body_len, d, &dl, EVP_sha256(), NULL);
        FUZZ_CHECK(s3_base64_decode(sha, sent, sizeof(sent)) == 32 && !memcmp(sent, d, 32));
    }
    if (content && strcmp(content, "UNSIGNED-PAYLOAD") && strncmp(content, "STREAMING-", 10)) {
        char hex[65];

        EVP_Digest(rq->body, rq->body_len, d, &dl, EVP_sha256(), NULL);
        for (int i = 0; i < 32; i++) {
            hex[2 * i] = "0123456789abcdef"[d[i] >> 4];
            hex[2 * i + 1] = "0123456789abcdef"[d[i] & 15];
        }
        hex[64] = '\0';
        FUZZ_CHECK(!strcasecmp(content, hex));
    }
}

/* A value that decodes re-encodes to something that decodes to the same bytes. */
static void check_base64(const char *v)
{
    unsigned char a[64], b[64];
    char enc[4 * ((sizeof(a) + 2) / 3) + 1];
    long n = s3_base64_decode(v, a, sizeof(a));

    if (n < 0)
        return;
    FUZZ_CHECK(n <= (long)sizeof(a));
    s3_base64_encode(a, (size_t)n, enc);
    FUZZ_CHECK(s3_base64_decode(enc, b, sizeof(b)) == n && !memcmp(a, b, (size_t)n));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_env *env = fuzz_env_begin();
    struct fuzz_req fr;
    struct s3_checksum_fail f;
    struct req rq;
    struct resp rs;
    int required, err;
    char *p, *end;

    if (!size)
        return 0;
    required = data[0] & 1;
    if (fuzz_req_make(&fr, "PUT", "/amzn-s3-demo-bucket?encryption", NULL, 0, data + 1, size - 1))
        return 0;
    /* carve header lines out of the body copy */
    p = (char *)fr.body;
    end = p + fr.body_len;
    for (;;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));

        if (!nl || nl == p) {
            if (nl)
                p = nl + 1;
            break;
        }
        *nl = '\0';
        fuzz_req_add_header(&fr, names[(unsigned char)*p % NNAMES], p + 1);
        check_base64(p + 1);
        p = nl + 1;
    }
    fr.body_len = (size_t)(end - p);
    fr.body = p;

    memset(&rq, 0, sizeof(rq));
    rq.method = fr.method;
    rq.path = fr.path;
    rq.header = fr.header;
    rq.nheader = fr.nheader;
    rq.body = fr.body;
    rq.body_len = fr.body_len;
    err = s3_checksum_verify(&rq, required, &f);
    FUZZ_CHECK(err >= S3_OK && err < S3_ERR__COUNT);
    FUZZ_CHECK(terminated(f.arg, sizeof(f.arg)) && terminated(f.expected, sizeof(f.expected)) &&
               terminated(f.calculated, sizeof(f.calculated)));
    if (err == S3_OK) {
        check_ok(&rq);
        if (required)
            FUZZ_CHECK(req_header(&rq, "Content-MD5") || req_header(&rq, "x-amz-trailer") ||
                       req_header(&rq, "x-amz-checksum-crc32") ||
                       req_header(&rq, "x-amz-checksum-crc32c") ||
                       req_header(&rq, "x-amz-checksum-crc64nvme") ||
                       req_header(&rq, "x-amz-checksum-sha1") ||
                       req_header(&rq, "x-amz-checksum-sha256"));
    }
    if (err == S3_ERR_INVALID_DIGEST)
        FUZZ_CHECK(f.content_md5 && f.content_md5 == req_header(&rq, "Content-MD5"));

    /* the same through PutBucketEncryption, which answers the error document */
    fuzz_dispatch(env, &fr, &rs);
    resp_release(&rs);
    fuzz_req_release(&fr);
    return 0;
}
