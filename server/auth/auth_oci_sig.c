/* auth_oci_sig.c - draft-cavage "Signature Version 1" (rsa-sha256) as OCI signs requests. */
#include "auth_oci_sig.h"

#include <ctype.h>
#include <openssl/decoder.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Copies p[0..n) into out (size cap). Returns 0, or -1 when too long. */
static int copyn(char *out, size_t cap, const char *p, size_t n)
{
    if (n >= cap)
        return -1;
    memcpy(out, p, n);
    out[n] = '\0';
    return 0;
}

static int split_key_id(struct oci_sig *s)
{
    const char *p = s->key_id;
    const char *s1 = strchr(p, '/');
    const char *s2 = s1 ? strchr(s1 + 1, '/') : NULL;

    if (!s1 || !s2 || s1 == p || s2 == s1 + 1 || !s2[1] || strchr(s2 + 1, '/'))
        return -1;
    if (copyn(s->tenancy, sizeof(s->tenancy), p, (size_t)(s1 - p)) ||
        copyn(s->user, sizeof(s->user), s1 + 1, (size_t)(s2 - s1 - 1)) ||
        copyn(s->fingerprint, sizeof(s->fingerprint), s2 + 1, strlen(s2 + 1)))
        return -1;
    return 0;
}

int oci_sig_parse(const char *auth, struct oci_sig *s)
{
    const char *p;

    memset(s, 0, sizeof(*s));
    if (!auth || strncasecmp(auth, "Signature ", 10))
        return -1;
    p = auth + 10;
    while (*p) {
        const char *eq, *end;
        char *field = NULL;
        size_t cap = 0, nl;

        while (*p == ' ' || *p == ',')
            p++;
        if (!*p)
            break;
        eq = strchr(p, '=');
        if (!eq || eq[1] != '"')
            return -1;
        end = strchr(eq + 2, '"');
        if (!end)
            return -1;
        nl = (size_t)(eq - p);
        if (nl == 7 && !strncmp(p, "version", 7)) {
            field = s->version;
            cap = sizeof(s->version);
        } else if (nl == 5 && !strncmp(p, "keyId", 5)) {
            field = s->key_id;
            cap = sizeof(s->key_id);
        } else if (nl == 9 && !strncmp(p, "algorithm", 9)) {
            field = s->algorithm;
            cap = sizeof(s->algorithm);
        } else if (nl == 7 && !strncmp(p, "headers", 7)) {
            field = s->headers;
            cap = sizeof(s->headers);
        } else if (nl == 9 && !strncmp(p, "signature", 9)) {
            field = s->signature;
            cap = sizeof(s->signature);
        }
        if (field && copyn(field, cap, eq + 2, (size_t)(end - eq - 2)))
            return -1;
        p = end + 1;
    }
    if (!s->key_id[0] || !s->signature[0] || split_key_id(s))
        return -1;
    if (!s->headers[0])
        snprintf(s->headers, sizeof(s->headers), "date"); /* draft-cavage: the default list */
    return 0;
}

int oci_sig_lists(const char *headers, const char *name)
{
    size_t nl = strlen(name);

    for (const char *p = headers; *p;) {
        size_t n = strcspn(p, " ");

        if (n == nl && !strncasecmp(p, name, n))
            return 1;
        p += n;
        while (*p == ' ')
            p++;
    }
    return 0;
}

/* Appends every value of header name[0..n), trimmed, joined with ", ". 0, 1 absent, -1. */
static int header_values(struct buf *out, const struct kv *hdr, size_t nhdr, const char *name,
                         size_t n)
{
    int seen = 0;

    for (size_t i = 0; i < nhdr; i++) {
        const char *v = hdr[i].value;
        size_t vl;

        if (strlen(hdr[i].name) != n || strncasecmp(hdr[i].name, name, n))
            continue;
        while (*v == ' ' || *v == '\t')
            v++;
        vl = strlen(v);
        while (vl && (v[vl - 1] == ' ' || v[vl - 1] == '\t'))
            vl--;
        if ((seen++ && buf_puts(out, ", ")) || buf_append(out, v, vl))
            return -1;
    }
    return seen ? 0 : 1;
}

int oci_sig_signing_string(const char *headers, const char *method, const char *raw_path,
                           const char *raw_query, const struct kv *hdr, size_t nhdr,
                           struct buf *out, const char **missing, size_t *missing_len)
{
    int first = 1;

    for (const char *p = headers; *p;) {
        size_t n = strcspn(p, " ");

        if (!first && buf_append(out, "\n", 1))
            return -1;
        first = 0;
        for (size_t i = 0; i < n; i++) {
            char c = (char)tolower((unsigned char)p[i]);

            if (buf_append(out, &c, 1))
                return -1;
        }
        if (buf_puts(out, ": "))
            return -1;
        if (n == 16 && !strncasecmp(p, "(request-target)", 16)) {
            for (const char *m = method; *m; m++) {
                char c = (char)tolower((unsigned char)*m);

                if (buf_append(out, &c, 1))
                    return -1;
            }
            if (buf_printf(out, " %s%s%s", raw_path, raw_query && *raw_query ? "?" : "",
                           raw_query ? raw_query : ""))
                return -1;
        } else {
            int rc = header_values(out, hdr, nhdr, p, n);

            if (rc < 0)
                return -1;
            if (rc) {
                *missing = p;
                *missing_len = n;
                return 1;
            }
        }
        p += n;
        while (*p == ' ')
            p++;
    }
    return 0;
}

EVP_PKEY *oci_sig_public_key(const char *pem)
{
    EVP_PKEY *key = NULL;
    OSSL_DECODER_CTX *dc;
    const unsigned char *data = (const unsigned char *)pem;
    size_t len = pem ? strlen(pem) : 0;

    if (!len)
        return NULL;
    dc = OSSL_DECODER_CTX_new_for_pkey(&key, "PEM", NULL, "RSA", EVP_PKEY_PUBLIC_KEY, NULL, NULL);
    if (!dc)
        return NULL;
    if (!OSSL_DECODER_from_data(dc, &data, &len)) {
        EVP_PKEY_free(key);
        key = NULL;
    }
    OSSL_DECODER_CTX_free(dc);
    if (key && !EVP_PKEY_is_a(key, "RSA")) {
        EVP_PKEY_free(key);
        key = NULL;
    }
    return key;
}

/* Strict base64 (with padding) into out; returns the decoded length or -1. */
static long b64_decode(const char *s, unsigned char *out, size_t cap)
{
    size_t n = strlen(s);
    EVP_ENCODE_CTX *ctx;
    int l1 = 0, l2 = 0;

    if (!n || n % 4 || n / 4 * 3 > cap)
        return -1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];

        if (!isalnum(c) && c != '+' && c != '/' && !(c == '=' && i + 2 >= n))
            return -1;
    }
    ctx = EVP_ENCODE_CTX_new();
    if (!ctx)
        return -1;
    EVP_DecodeInit(ctx);
    if (EVP_DecodeUpdate(ctx, out, &l1, (const unsigned char *)s, (int)n) < 0 ||
        EVP_DecodeFinal(ctx, out + l1, &l2) < 0) {
        EVP_ENCODE_CTX_free(ctx);
        return -1;
    }
    EVP_ENCODE_CTX_free(ctx);
    return (long)l1 + l2;
}

int oci_sig_verify(EVP_PKEY *key, const char *data, size_t len, const char *sig_b64)
{
    unsigned char sig[1024];
    long sl = b64_decode(sig_b64, sig, sizeof(sig));
    EVP_MD_CTX *md;
    int ok;

    if (sl <= 0 || !key)
        return 0;
    md = EVP_MD_CTX_new();
    if (!md)
        return 0;
    ok = EVP_DigestVerifyInit(md, NULL, EVP_sha256(), NULL, key) == 1 &&
         EVP_DigestVerify(md, sig, (size_t)sl, (const unsigned char *)data, len) == 1;
    EVP_MD_CTX_free(md);
    return ok;
}

void oci_sig_body_sha256(const void *p, size_t n, char out[45])
{
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int dl = 0;

    EVP_Digest(p, n, d, &dl, EVP_sha256(), NULL);
    EVP_EncodeBlock((unsigned char *)out, d, 32);
}
