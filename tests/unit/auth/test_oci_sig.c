/* test_oci_sig.c - OCI request signatures: a fresh RSA key made with OpenSSL signs the signing
 * string of a request as the OCI SDKs build it; the verifier accepts it and refuses it once any
 * part (method, path, query, a header, the signature, the key) changes. */
#include "harness.h"

#include "server/auth/auth_oci_sig.h"

#include <openssl/encoder.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <stdlib.h>

static EVP_PKEY *key;
static char *pem_spki;
static char *pem_pkcs1;

static char *public_pem(EVP_PKEY *k, const char *structure)
{
    OSSL_ENCODER_CTX *ec =
        OSSL_ENCODER_CTX_new_for_pkey(k, EVP_PKEY_PUBLIC_KEY, "PEM", structure, NULL);
    unsigned char *data = NULL;
    size_t len = 0;
    char *out;

    if (!ec || !OSSL_ENCODER_to_data(ec, &data, &len)) {
        OSSL_ENCODER_CTX_free(ec);
        return NULL;
    }
    OSSL_ENCODER_CTX_free(ec);
    out = strndup((const char *)data, len);
    OPENSSL_free(data);
    return out;
}

/* base64 RSA-SHA256 signature of s by k into out. */
static void sign_b64(EVP_PKEY *k, const char *s, char *out, size_t n)
{
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    unsigned char sig[512];
    size_t sl = sizeof(sig);

    EVP_DigestSignInit(md, NULL, EVP_sha256(), NULL, k);
    EVP_DigestSign(md, sig, &sl, (const unsigned char *)s, strlen(s));
    EVP_MD_CTX_free(md);
    CHECK(4 * ((sl + 2) / 3) < n);
    EVP_EncodeBlock((unsigned char *)out, sig, (int)sl);
}

#define TENANCY "ocid1.tenancy.oc1..aaaaaaaatenancy"
#define USER    "ocid1.user.oc1..aaaaaaaauser"
#define FP      "e6:23:a4:0c:d8:f9:65:f7:3a:3c:a8:f1:d7:20:f7:3e"
#define BODY    "{\"kmsKeyId\":\"ocid1.key.oc1.phx.aaaakey.abcd\"}"
#define SIGNED  "x-date (request-target) host Content-Type Content-Length x-content-sha256"

static struct kv hdr[] = {
    { "host", "127.0.0.1:18555" },
    { "Content-Type", "application/json" },
    { "if-match", "etag-0" },
    { "x-date", "Sun, 22 Nov 2026 09:32:14 GMT" },
    { "x-content-sha256", "E/6BMxL994o9UMZBZKFqJDRs/w5tN+MWY/+z6nO6By4=" },
    { "content-length", "45" },
};

/* The signing string of the UpdateBucket request captured in the reference (§10.1). */
static void signing_string(const char *method, const char *path, const char *query, struct buf *out)
{
    const char *missing = NULL;
    size_t ml = 0;

    buf_reset(out);
    CHECK_INT(oci_sig_signing_string(SIGNED, method, path, query, hdr, 6, out, &missing, &ml), 0);
}

static void test_signing_string_and_body_hash(void)
{
    struct buf b;
    char h[45];

    buf_init(&b, 1 << 16);
    signing_string("POST", "/n/ns/b/MyBucket", "", &b);
    CHECK_STR(b.data, "x-date: Sun, 22 Nov 2026 09:32:14 GMT\n"
                      "(request-target): post /n/ns/b/MyBucket\n"
                      "host: 127.0.0.1:18555\n"
                      "content-type: application/json\n"
                      "content-length: 45\n"
                      "x-content-sha256: E/6BMxL994o9UMZBZKFqJDRs/w5tN+MWY/+z6nO6By4=");
    signing_string("GET", "/n/ns/b/MyBucket", "fields=approximateCount&fields=autoTiering", &b);
    CHECK_CONTAINS(b.data, "(request-target): get /n/ns/b/MyBucket?fields=approximateCount&"
                           "fields=autoTiering\n");
    buf_release(&b);
    /* the captured bodies and their x-content-sha256 (§10.1) */
    oci_sig_body_sha256(BODY, strlen(BODY), h);
    CHECK_STR(h, "E/6BMxL994o9UMZBZKFqJDRs/w5tN+MWY/+z6nO6By4=");
    oci_sig_body_sha256("{\"kmsKeyId\":\"\"}", 15, h);
    CHECK_STR(h, "8oPZJGtHSHZscrldZeCx/hnItxWkOmfVPWn+TOOznkQ=");
    oci_sig_body_sha256("", 0, h);
    CHECK_STR(h, "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
}

static void test_parse(void)
{
    struct oci_sig s;

    CHECK_INT(oci_sig_parse("Signature version=\"1\",keyId=\"" TENANCY "/" USER "/" FP
                            "\",algorithm=\"rsa-sha256\",headers=\"" SIGNED "\",signature=\"QUJD\"",
                            &s),
              0);
    CHECK_STR(s.version, "1");
    CHECK_STR(s.tenancy, TENANCY);
    CHECK_STR(s.user, USER);
    CHECK_STR(s.fingerprint, FP);
    CHECK_STR(s.algorithm, "rsa-sha256");
    CHECK_STR(s.headers, SIGNED);
    CHECK_STR(s.signature, "QUJD");
    CHECK(oci_sig_lists(s.headers, "content-type"));
    CHECK(oci_sig_lists(s.headers, "(request-target)"));
    CHECK(!oci_sig_lists(s.headers, "date"));
    /* version last, as Oracle's NoSQL SDK puts it; headers absent -> "date" */
    CHECK_INT(oci_sig_parse("Signature keyId=\"t/u/f\",signature=\"QUJD\",algorithm=\"rsa-sha256\","
                            "version=\"1\"",
                            &s),
              0);
    CHECK_STR(s.headers, "date");
    CHECK_STR(s.version, "1");
    CHECK_INT(oci_sig_parse("Bearer abc", &s), -1);
    CHECK_INT(oci_sig_parse("Signature keyId=\"t/u\",signature=\"QUJD\"", &s), -1);
    CHECK_INT(oci_sig_parse("Signature keyId=\"t/u/f\"", &s), -1);
    CHECK_INT(oci_sig_parse("Signature keyId=t/u/f,signature=\"QUJD\"", &s), -1);
    CHECK_INT(oci_sig_parse("Signature keyId=\"t/u/f,signature=\"QUJD", &s), -1);
}

static void test_verify_and_tamper(void)
{
    struct buf b;
    char sig[1024];
    EVP_PKEY *pub = oci_sig_public_key(pem_spki);
    EVP_PKEY *pub1 = oci_sig_public_key(pem_pkcs1);
    EVP_PKEY *other = EVP_RSA_gen(2048);
    const char *missing = NULL;
    size_t ml = 0;

    CHECK(pub != NULL);
    CHECK(pub1 != NULL);
    buf_init(&b, 1 << 16);
    signing_string("POST", "/n/ns/b/MyBucket", "", &b);
    sign_b64(key, b.data, sig, sizeof(sig));
    CHECK(oci_sig_verify(pub, b.data, b.len, sig));
    CHECK(oci_sig_verify(pub1, b.data, b.len, sig)); /* the same key as PKCS#1 PEM */

    signing_string("PUT", "/n/ns/b/MyBucket", "", &b); /* another method */
    CHECK(!oci_sig_verify(pub, b.data, b.len, sig));
    signing_string("POST", "/n/ns/b/OtherBucket", "", &b); /* another path */
    CHECK(!oci_sig_verify(pub, b.data, b.len, sig));
    signing_string("POST", "/n/ns/b/MyBucket", "x=1", &b); /* a query */
    CHECK(!oci_sig_verify(pub, b.data, b.len, sig));
    for (size_t i = 0; i < 6; i++) { /* each signed header changed */
        const char *was = hdr[i].value;

        hdr[i].value = "tampered";
        signing_string("POST", "/n/ns/b/MyBucket", "", &b);
        CHECK(!oci_sig_verify(pub, b.data, b.len, sig) || !strcmp(hdr[i].name, "if-match"));
        hdr[i].value = was;
    }
    signing_string("POST", "/n/ns/b/MyBucket", "", &b);
    CHECK(oci_sig_verify(pub, b.data, b.len, sig)); /* if-match is not signed */
    sig[10] = sig[10] == 'A' ? 'B' : 'A';           /* the signature itself */
    CHECK(!oci_sig_verify(pub, b.data, b.len, sig));
    sig[10] = sig[10] == 'A' ? 'B' : 'A';
    CHECK(!oci_sig_verify(other, b.data, b.len, sig)); /* another key */
    CHECK(!oci_sig_verify(pub, b.data, b.len, "not base64!"));
    CHECK(!oci_sig_verify(pub, b.data, b.len, ""));

    /* a listed header the request does not carry */
    buf_reset(&b);
    CHECK_INT(oci_sig_signing_string("date (request-target) host", "GET", "/", "", hdr, 6, &b,
                                     &missing, &ml),
              1);
    CHECK_INT(ml, 4);
    CHECK(!strncmp(missing, "date", 4));

    buf_release(&b);
    EVP_PKEY_free(pub);
    EVP_PKEY_free(pub1);
    EVP_PKEY_free(other);
}

static void test_public_key_pem(void)
{
    EVP_PKEY *k;

    CHECK(oci_sig_public_key("") == NULL);
    CHECK(oci_sig_public_key("-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----\n") ==
          NULL);
    k = oci_sig_public_key(pem_spki);
    CHECK(k != NULL);
    EVP_PKEY_free(k);
}

int main(void)
{
    int rc;

    key = EVP_RSA_gen(2048);
    pem_spki = key ? public_pem(key, "SubjectPublicKeyInfo") : NULL;
    pem_pkcs1 = key ? public_pem(key, "type-specific") : NULL;
    if (!pem_spki || !pem_pkcs1) {
        printf("cannot make a test key\n");
        return 1;
    }
    TEST(test_signing_string_and_body_hash);
    TEST(test_parse);
    TEST(test_verify_and_tamper);
    TEST(test_public_key_pem);
    rc = TEST_REPORT();
    EVP_PKEY_free(key);
    free(pem_spki);
    free(pem_pkcs1);
    return rc;
}
