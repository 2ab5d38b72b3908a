/* auth_sigv4.c - AWS Signature Version 4 computed from a request's raw parts. Pure. */
#include "auth_sigv4.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_QUERY_PARAMS 256

static const char hexdig[] = "0123456789abcdef";

static void hex_of(const unsigned char *d, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = hexdig[d[i] >> 4];
        out[2 * i + 1] = hexdig[d[i] & 15];
    }
    out[2 * n] = '\0';
}

void sigv4_sha256_hex(const void *p, size_t n, char hex[65])
{
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int dl = 0;

    EVP_Digest(p, n, d, &dl, EVP_sha256(), NULL);
    hex_of(d, 32, hex);
}

static void hmac(const void *key, size_t kl, const void *msg, size_t ml, unsigned char out[32])
{
    unsigned int ol = 32;

    HMAC(EVP_sha256(), key, (int)kl, msg, ml, out, &ol);
}

/* Copies the n bytes at p into out (size cap) with a NUL. Returns 0, or -1 when too long. */
static int copyn(char *out, size_t cap, const char *p, size_t n)
{
    if (n >= cap)
        return -1;
    memcpy(out, p, n);
    out[n] = '\0';
    return 0;
}

int sigv4_parse_credential(const char *cred, struct sigv4_auth *a)
{
    char *fields[5] = { a->akid, a->scope_date, a->region, a->service, a->terminal };
    const size_t caps[5] = { sizeof(a->akid), sizeof(a->scope_date), sizeof(a->region),
                             sizeof(a->service), sizeof(a->terminal) };
    const char *p = cred;

    for (int i = 0; i < 5; i++) {
        size_t n = strcspn(p, "/");

        if (!n || copyn(fields[i], caps[i], p, n))
            return -1;
        p += n;
        if (i < 4) {
            if (*p != '/')
                return -1;
            p++;
        }
    }
    return *p ? -1 : 0;
}

void sigv4_scope(const struct sigv4_auth *a, char *out, size_t n)
{
    snprintf(out, n, "%s/%s/%s/%s", a->scope_date, a->region, a->service, a->terminal);
}

int sigv4_parse_header(const char *auth, struct sigv4_auth *a, const char **why)
{
    const char *p;
    int have_cred = 0, have_sh = 0, have_sig = 0;

    memset(a, 0, sizeof(*a));
    *why = "the authorization header is not AWS4-HMAC-SHA256";
    if (!auth || strncmp(auth, SIGV4_ALGORITHM " ", strlen(SIGV4_ALGORITHM) + 1))
        return -1;
    p = auth + strlen(SIGV4_ALGORITHM) + 1;
    while (*p) {
        const char *eq;
        size_t n;

        while (*p == ' ' || *p == ',')
            p++;
        if (!*p)
            break;
        eq = strchr(p, '=');
        n = strcspn(p, ", ");
        if (!eq || (size_t)(eq - p) > n) {
            *why = "a parameter is not name=value";
            return -1;
        }
        n = strcspn(eq + 1, ", ");
        if (!strncmp(p, "Credential=", 11)) {
            char cred[512];

            *why = "the Credential is mal-formed; expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/"
                   "aws4_request\"";
            if (copyn(cred, sizeof(cred), eq + 1, n) || sigv4_parse_credential(cred, a))
                return -1;
            have_cred = 1;
        } else if (!strncmp(p, "SignedHeaders=", 14)) {
            *why = "the SignedHeaders parameter is too long";
            if (!n || copyn(a->signed_headers, sizeof(a->signed_headers), eq + 1, n))
                return -1;
            have_sh = 1;
        } else if (!strncmp(p, "Signature=", 10)) {
            *why = "the Signature parameter is too long";
            if (!n || copyn(a->signature, sizeof(a->signature), eq + 1, n))
                return -1;
            have_sig = 1;
        }
        p = eq + 1 + n;
    }
    if (!have_cred) {
        *why = "the Credential parameter is missing";
        return -1;
    }
    if (!have_sh) {
        *why = "the SignedHeaders parameter is missing";
        return -1;
    }
    if (!have_sig) {
        *why = "the Signature parameter is missing";
        return -1;
    }
    return 0;
}

static int unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Percent-decodes p[0..n) into a malloc'd string (a '%' without two hex digits stays). */
static char *pct_decode(const char *p, size_t n, size_t *outlen)
{
    char *out = malloc(n + 1);
    size_t o = 0;

    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        int hi = i + 2 < n ? hexval((unsigned char)p[i + 1]) : -1;
        int lo = i + 2 < n ? hexval((unsigned char)p[i + 2]) : -1;

        if (p[i] == '%' && hi >= 0 && lo >= 0) {
            out[o++] = (char)(hi * 16 + lo);
            i += 2;
        } else {
            out[o++] = p[i];
        }
    }
    out[o] = '\0';
    *outlen = o;
    return out;
}

/* AWS's UriEncode: every byte but A-Z a-z 0-9 - . _ ~ as %XY (upper-case hex); '/' kept when
 * keep_slash. */
static int uri_encode(struct buf *out, const char *p, size_t n, int keep_slash)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        int rc;

        if (unreserved(c) || (keep_slash && c == '/'))
            rc = buf_append(out, &p[i], 1);
        else
            rc = buf_printf(out, "%%%02X", c);
        if (rc)
            return -1;
    }
    return 0;
}

static int canonical_uri(const struct sigv4_request *r, struct buf *out)
{
    const char *path = r->raw_path && *r->raw_path ? r->raw_path : "/";
    size_t len = strlen(path);
    char *dec;
    size_t dl;
    int rc;

    if (!r->s3) /* the path as sent (encoded once) is encoded again */
        return uri_encode(out, path, len, 1);
    dec = pct_decode(path, len, &dl); /* S3: the key itself, encoded once */
    if (!dec)
        return -1;
    rc = uri_encode(out, dec, dl, 1);
    free(dec);
    return rc;
}

struct qparam {
    char *name; /* encoded */
    char *value;
};

static int qparam_cmp(const void *x, const void *y)
{
    const struct qparam *a = x, *b = y;
    int c = strcmp(a->name, b->name);

    return c ? c : strcmp(a->value, b->value);
}

/* Decodes then re-encodes p[0..n) into a malloc'd string. */
static char *requote(const char *p, size_t n)
{
    struct buf b;
    size_t dl;
    char *dec = pct_decode(p, n, &dl);

    if (!dec)
        return NULL;
    buf_init(&b, 3 * n + 1);
    if (uri_encode(&b, dec, dl, 0)) {
        free(dec);
        buf_release(&b);
        return NULL;
    }
    free(dec);
    return buf_detach(&b, &dl);
}

static int canonical_query(const struct sigv4_request *r, struct buf *out)
{
    struct qparam *ps = calloc(MAX_QUERY_PARAMS, sizeof(*ps));
    const char *p = r->raw_query ? r->raw_query : "";
    size_t np = 0;
    int rc = 0;

    if (!ps)
        return -1;
    while (*p && np < MAX_QUERY_PARAMS) {
        size_t n = strcspn(p, "&");
        const char *eq = memchr(p, '=', n);
        size_t nl = eq ? (size_t)(eq - p) : n;

        if (n && !(r->presigned && nl == 15 && !strncmp(p, "X-Amz-Signature", 15))) {
            ps[np].name = requote(p, nl);
            ps[np].value = eq ? requote(eq + 1, n - nl - 1) : strdup("");
            if (!ps[np].name || !ps[np].value) {
                free(ps[np].name);
                free(ps[np].value);
                rc = -1;
                break;
            }
            np++;
        }
        p += n;
        if (*p == '&')
            p++;
    }
    if (!rc) {
        qsort(ps, np, sizeof(*ps), qparam_cmp);
        for (size_t i = 0; i < np && !rc; i++)
            rc = buf_printf(out, "%s%s=%s", i ? "&" : "", ps[i].name, ps[i].value);
    }
    for (size_t i = 0; i < np; i++) {
        free(ps[i].name);
        free(ps[i].value);
    }
    free(ps);
    return rc;
}

/* Appends a header value trimmed, with runs of spaces and tabs inside it made one space. */
static int trimmed_value(struct buf *out, const char *v)
{
    const char *end = v + strlen(v);
    int space = 0;

    while (*v == ' ' || *v == '\t')
        v++;
    while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    for (; v < end; v++) {
        if (*v == ' ' || *v == '\t') {
            space = 1;
            continue;
        }
        if ((space && buf_append(out, " ", 1)) || buf_append(out, v, 1))
            return -1;
        space = 0;
    }
    return 0;
}

static int canonical_headers(const struct sigv4_request *r, struct buf *out)
{
    const char *p = r->signed_headers ? r->signed_headers : "";

    while (*p) {
        size_t n = strcspn(p, ";");
        int seen = 0;

        if (buf_printf(out, "%.*s:", (int)n, p))
            return -1;
        for (size_t i = 0; i < r->nheader; i++) {
            const char *name = r->header[i].name;

            if (strlen(name) != n || strncasecmp(name, p, n))
                continue;
            if ((seen++ && buf_append(out, ",", 1)) || trimmed_value(out, r->header[i].value))
                return -1;
        }
        if (buf_append(out, "\n", 1))
            return -1;
        p += n;
        if (*p == ';')
            p++;
    }
    return 0;
}

int sigv4_canonical_request(const struct sigv4_request *r, struct buf *out)
{
    if (buf_printf(out, "%s\n", r->method) || canonical_uri(r, out) || buf_append(out, "\n", 1) ||
        canonical_query(r, out) || buf_append(out, "\n", 1) || canonical_headers(r, out) ||
        buf_printf(out, "\n%s\n%s", r->signed_headers ? r->signed_headers : "",
                   r->payload_hash ? r->payload_hash : ""))
        return -1;
    return 0;
}

int sigv4_string_to_sign(const char *amz_date, const char *scope, const char *canonical, size_t len,
                         struct buf *out)
{
    char h[65];

    sigv4_sha256_hex(canonical, len, h);
    return buf_printf(out, SIGV4_ALGORITHM "\n%s\n%s\n%s", amz_date, scope, h);
}

void sigv4_signing_key(const char *secret, const char *date, const char *region,
                       const char *service, unsigned char key[32])
{
    size_t sl = strlen(secret);
    char *k = malloc(sl + 5);
    unsigned char a[32], b[32];

    if (!k) {
        memset(key, 0, 32);
        return;
    }
    snprintf(k, sl + 5, "AWS4%s", secret);
    hmac(k, sl + 4, date, strlen(date), a);
    OPENSSL_cleanse(k, sl + 4);
    free(k);
    hmac(a, 32, region, strlen(region), b);
    hmac(b, 32, service, strlen(service), a);
    hmac(a, 32, SIGV4_TERMINAL, strlen(SIGV4_TERMINAL), key);
    OPENSSL_cleanse(a, sizeof(a));
    OPENSSL_cleanse(b, sizeof(b));
}

void sigv4_sign(const unsigned char key[32], const char *sts, size_t len, char hex[65])
{
    unsigned char d[32];

    hmac(key, 32, sts, len, d);
    hex_of(d, 32, hex);
}

int sigv4_sig_equal(const char *expected, const char *provided)
{
    size_t n = strlen(expected);

    if (strlen(provided) != n)
        return 0;
    return CRYPTO_memcmp(expected, provided, n) == 0;
}

int sigv4_verify_chunks(const char *body, size_t len, const unsigned char key[32],
                        const char *amz_date, const char *scope, const char *seed_signature)
{
    static const char empty_hash[] =
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    char prev[65];
    size_t pos = 0;

    if (strlen(seed_signature) != 64)
        return -1;
    memcpy(prev, seed_signature, 65);
    for (;;) {
        const char *line = body + pos;
        const char *crlf = memmem(line, len - pos, "\r\n", 2);
        char sig[65], want[65], data_hash[65];
        unsigned long size;
        char *end = NULL;
        const char *sp;
        struct buf sts;
        int ok;

        if (!crlf)
            return -1;
        size = strtoul(line, &end, 16);
        if (end == line || end > crlf || strncmp(end, ";chunk-signature=", 17))
            return -1;
        sp = end + 17;
        if (crlf - sp != 64)
            return -1;
        memcpy(sig, sp, 64);
        sig[64] = '\0';
        pos = (size_t)(crlf - body) + 2;
        if (size > len - pos)
            return -1;
        sigv4_sha256_hex(body + pos, size, data_hash);
        buf_init(&sts, 4096);
        if (buf_printf(&sts, "AWS4-HMAC-SHA256-PAYLOAD\n%s\n%s\n%s\n%s\n%s", amz_date, scope, prev,
                       empty_hash, data_hash)) {
            buf_release(&sts);
            return -1;
        }
        sigv4_sign(key, sts.data, sts.len, want);
        buf_release(&sts);
        ok = sigv4_sig_equal(want, sig);
        if (!ok)
            return -1;
        memcpy(prev, sig, 65);
        pos += size;
        if (!size)
            return 0; /* the final chunk; trailing headers (if any) follow */
        if (len - pos < 2 || memcmp(body + pos, "\r\n", 2))
            return -1;
        pos += 2;
    }
}
