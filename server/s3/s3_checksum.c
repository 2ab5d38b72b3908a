/* s3_checksum.c - verifies Content-MD5, x-amz-content-sha256 and x-amz-checksum-* against a
 * request body, with table-driven CRC32, CRC32C and CRC64NVME and OpenSSL's MD5/SHA-1/SHA-256.
 * Pure: no I/O, no storage. */
#include "s3_checksum.h"

#include "s3_errors.h"

#include <openssl/evp.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define CHECKSUM_PREFIX "x-amz-checksum-"
#define MAX_DIGEST      32

/* The x-amz-checksum-<name> algorithms S3 verifies; len is the decoded digest size. */
static const struct checksum_alg {
    const char *lower; /* as in the header name */
    const char *upper; /* as in x-amz-sdk-checksum-algorithm and BadDigest messages */
    size_t len;
} algs[] = {
    { "crc32", "CRC32", 4 }, { "crc32c", "CRC32C", 4 },  { "crc64nvme", "CRC64NVME", 8 },
    { "sha1", "SHA1", 20 },  { "sha256", "SHA256", 32 },
};

static uint32_t crc32_table[256];
static uint32_t crc32c_table[256];
static uint64_t crc64nvme_table[256];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

/* Reflected tables: CRC-32 (zlib, 0xEDB88320), CRC-32C (Castagnoli, 0x82F63B78) and
 * CRC-64/NVME (0x9A6C9329AC4BC9B5). */
static void tables_init(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t a = i, c = i;
        uint64_t v = i;

        for (int k = 0; k < 8; k++) {
            a = (a >> 1) ^ ((a & 1) ? 0xEDB88320u : 0);
            c = (c >> 1) ^ ((c & 1) ? 0x82F63B78u : 0);
            v = (v >> 1) ^ ((v & 1) ? 0x9A6C9329AC4BC9B5ull : 0);
        }
        crc32_table[i] = a;
        crc32c_table[i] = c;
        crc64nvme_table[i] = v;
    }
}

uint32_t s3_crc32(const void *p, size_t n)
{
    const unsigned char *b = p;
    uint32_t c = 0xFFFFFFFFu;

    pthread_once(&tables_once, tables_init);
    for (size_t i = 0; i < n; i++)
        c = crc32_table[(c ^ b[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

uint32_t s3_crc32c(const void *p, size_t n)
{
    const unsigned char *b = p;
    uint32_t c = 0xFFFFFFFFu;

    pthread_once(&tables_once, tables_init);
    for (size_t i = 0; i < n; i++)
        c = crc32c_table[(c ^ b[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

uint64_t s3_crc64nvme(const void *p, size_t n)
{
    const unsigned char *b = p;
    uint64_t c = ~0ull;

    pthread_once(&tables_once, tables_init);
    for (size_t i = 0; i < n; i++)
        c = crc64nvme_table[(c ^ b[i]) & 0xFF] ^ (c >> 8);
    return ~c;
}

static int b64_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

long s3_base64_decode(const char *s, unsigned char *out, size_t cap)
{
    size_t n = strlen(s);
    size_t len = 0;

    if (n % 4)
        return -1;
    for (size_t i = 0; i < n; i += 4) {
        int v[4];
        int pad = 0;

        for (int k = 0; k < 4; k++) {
            unsigned char c = (unsigned char)s[i + k];

            if (c == '=' && i + 4 == n && k >= 2) {
                v[k] = 0;
                pad++;
                continue;
            }
            if (pad) /* data after '=' */
                return -1;
            v[k] = b64_value(c);
            if (v[k] < 0)
                return -1;
        }
        {
            unsigned long triple = ((unsigned long)v[0] << 18) | ((unsigned long)v[1] << 12) |
                                   ((unsigned long)v[2] << 6) | (unsigned long)v[3];
            size_t take = 3 - (size_t)pad;

            if (len + take > cap)
                return -1;
            out[len++] = (unsigned char)(triple >> 16);
            if (take > 1)
                out[len++] = (unsigned char)(triple >> 8);
            if (take > 2)
                out[len++] = (unsigned char)triple;
        }
    }
    return (long)len;
}

void s3_base64_encode(const unsigned char *p, size_t n, char *out)
{
    EVP_EncodeBlock((unsigned char *)out, p, (int)n);
}

static void hex_encode(const unsigned char *p, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        sprintf(out + 2 * i, "%02x", p[i]);
    out[2 * n] = '\0';
}

static void digest(const EVP_MD *md, const void *p, size_t n, unsigned char *out)
{
    unsigned int len = 0;

    EVP_Digest(p, n, out, &len, md, NULL);
}

static void put_be(unsigned char *out, uint64_t v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        out[i] = (unsigned char)(v >> (8 * (n - 1 - i)));
}

/* The digest of body under algs[a], big-endian for the CRCs, as S3 base64-encodes them. */
static void alg_compute(size_t a, const void *p, size_t n, unsigned char *out)
{
    switch (a) {
    case 0:
        put_be(out, s3_crc32(p, n), 4);
        break;
    case 1:
        put_be(out, s3_crc32c(p, n), 4);
        break;
    case 2:
        put_be(out, s3_crc64nvme(p, n), 8);
        break;
    case 3:
        digest(EVP_sha1(), p, n, out);
        break;
    default:
        digest(EVP_sha256(), p, n, out);
        break;
    }
}

/* Index into algs of a name (any case, length n), or -1. */
static int alg_find(const char *name, size_t n)
{
    for (size_t i = 0; i < sizeof(algs) / sizeof(algs[0]); i++)
        if (strlen(algs[i].lower) == n && !strncasecmp(name, algs[i].lower, n))
            return (int)i;
    return -1;
}

/* x-amz-checksum-<alg> value headers; -type, -algorithm and -mode are other headers. */
static int is_checksum_header(const char *name)
{
    const char *alg;

    if (strncasecmp(name, CHECKSUM_PREFIX, strlen(CHECKSUM_PREFIX)))
        return 0;
    alg = name + strlen(CHECKSUM_PREFIX);
    return strcasecmp(alg, "type") && strcasecmp(alg, "algorithm") && strcasecmp(alg, "mode");
}

/* Counts the comma-separated names in x-amz-trailer and finds the algorithm of the first. */
static size_t trailer_names(const char *t, int *alg)
{
    size_t count = 0;

    *alg = -1;
    while (t && *t) {
        size_t n;

        t += strspn(t, " \t,");
        n = strcspn(t, " \t,");
        if (!n)
            break;
        if (!count && n > strlen(CHECKSUM_PREFIX) &&
            !strncasecmp(t, CHECKSUM_PREFIX, strlen(CHECKSUM_PREFIX)))
            *alg = alg_find(t + strlen(CHECKSUM_PREFIX), n - strlen(CHECKSUM_PREFIX));
        count++;
        t += n;
    }
    return count;
}

/* x-amz-content-sha256 (s3-spec §2 #24): a hex SHA-256 of the body must match it; the
 * UNSIGNED-PAYLOAD and STREAMING-* keywords are exact, any other value is a mismatch. */
static int verify_content_sha256(const struct req *rq, struct s3_checksum_fail *f)
{
    const char *sent = req_header(rq, "x-amz-content-sha256");
    unsigned char d[MAX_DIGEST];
    char hex[2 * MAX_DIGEST + 1];

    if (!sent || !strcmp(sent, "UNSIGNED-PAYLOAD") || !strncmp(sent, "STREAMING-", 10))
        return S3_OK;
    digest(EVP_sha256(), rq->body, rq->body_len, d);
    hex_encode(d, 32, hex);
    if (!strcasecmp(sent, hex))
        return S3_OK;
    snprintf(f->expected, sizeof(f->expected), "%s", sent);
    snprintf(f->calculated, sizeof(f->calculated), "%s", hex);
    return S3_ERR_CONTENT_SHA256_MISMATCH;
}

int s3_checksum_verify(const struct req *rq, int required, struct s3_checksum_fail *f)
{
    const char *md5 = req_header(rq, "Content-MD5");
    const char *sdk = req_header(rq, "x-amz-sdk-checksum-algorithm");
    const char *sha = req_header(rq, "x-amz-content-sha256");
    const char *hdr_name = NULL, *hdr_value = NULL;
    unsigned char sent[MAX_DIGEST], calc[MAX_DIGEST];
    size_t nhdr = 0, ntrl;
    int hdr_alg = -1, trl_alg, sdk_alg = -1;
    int err;

    memset(f, 0, sizeof(*f));
    /* Content-MD5 not base64 of 16 bytes -> InvalidDigest, before anything else (§2 #15) */
    if (md5 && s3_base64_decode(md5, sent, sizeof(sent)) != 16) {
        f->content_md5 = md5;
        return S3_ERR_INVALID_DIGEST;
    }
    /* a wrong x-amz-content-sha256 trumps every checksum error (§2 #24, AWS-3p) */
    err = verify_content_sha256(rq, f);
    if (err)
        return err;

    for (size_t i = 0; i < rq->nheader; i++) {
        if (!is_checksum_header(rq->header[i].name))
            continue;
        if (!nhdr++) {
            hdr_name = rq->header[i].name + strlen(CHECKSUM_PREFIX);
            hdr_value = rq->header[i].value;
        }
    }
    ntrl = trailer_names(req_header(rq, "x-amz-trailer"), &trl_alg);
    if (nhdr > 1 || ntrl > 1)
        return S3_ERR_CHECKSUM_MULTIPLE; /* §2 #21: repeats trump an algorithm mismatch */
    if (nhdr && ntrl)
        return S3_ERR_CHECKSUM_HEADER_AND_TRAILER;
    if (nhdr && (hdr_alg = alg_find(hdr_name, strlen(hdr_name))) < 0)
        return S3_ERR_CHECKSUM_TYPE_INVALID; /* §2 #22 */
    if (ntrl && trl_alg < 0)
        return S3_ERR_CHECKSUM_TYPE_INVALID;
    if (sdk) {
        sdk_alg = alg_find(sdk, strlen(sdk));
        if (sdk_alg < 0)
            return S3_ERR_CHECKSUM_ALG_INVALID;
        if (!nhdr && !ntrl)
            return S3_ERR_CHECKSUM_ALG_NO_HEADER; /* §2 #17 */
        if (sdk_alg != (nhdr ? hdr_alg : trl_alg))
            return S3_ERR_CHECKSUM_ALG_INVALID; /* §2 #18 */
    }
    /* a trailer needs an aws-chunked body (AWS-3p: MalformedTrailerError) */
    if (ntrl && (!sha || strncmp(sha, "STREAMING-", 10)))
        return S3_ERR_MALFORMED_TRAILER;
    if (nhdr && s3_base64_decode(hdr_value, sent, sizeof(sent)) != (long)algs[hdr_alg].len) {
        snprintf(f->arg, sizeof(f->arg), "%s", algs[hdr_alg].lower); /* §2 #19 */
        return S3_ERR_CHECKSUM_VALUE_INVALID;
    }
    /* CHOICE: AWS unverified for ?encryption; the text S3 gives DeleteObjects (§2 #23) */
    if (required && !md5 && !nhdr && !ntrl)
        return S3_ERR_CHECKSUM_REQUIRED;

    /* CHOICE: with both wrong, the Content-MD5 mismatch is answered before the checksum's. */
    if (md5) {
        unsigned char md5_sent[16];

        s3_base64_decode(md5, md5_sent, sizeof(md5_sent));
        digest(EVP_md5(), rq->body, rq->body_len, calc);
        if (memcmp(md5_sent, calc, 16)) {
            /* §2 #16: ExpectedDigest in hex, CalculatedDigest in base64 (AWS-rec PutObject).
             * CHOICE: hex as PutObject; swift's captures of DeleteObjects and
             * CompleteMultipartUpload show base64 there. */
            hex_encode(md5_sent, 16, f->expected);
            s3_base64_encode(calc, 16, f->calculated);
            return S3_ERR_BAD_DIGEST_MD5;
        }
    }
    if (nhdr) {
        s3_base64_decode(hdr_value, sent, sizeof(sent));
        alg_compute((size_t)hdr_alg, rq->body, rq->body_len, calc);
        if (memcmp(sent, calc, algs[hdr_alg].len)) {
            snprintf(f->arg, sizeof(f->arg), "%s", algs[hdr_alg].upper); /* §2 #20 */
            return S3_ERR_BAD_DIGEST_CHECKSUM;
        }
    }
    return S3_OK;
}
