/* auth_aws.c - the SigV4 check of an S3 or AWS KMS request in --auth strict. */
#include "auth_aws.h"

#include "auth_creds.h"
#include "auth_time.h"

#include <openssl/crypto.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MINUTE_MS      ((int64_t)60 * 1000)
#define MAX_EXPIRES_S  604800 /* a week */
#define MAX_CANONICAL  ((size_t)1 << 20)
#define STREAMING_HMAC "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"

static int is_hex64(const char *s)
{
    if (strlen(s) != 64)
        return 0;
    for (size_t i = 0; i < 64; i++)
        if (!strchr("0123456789abcdefABCDEF", s[i]))
            return 0;
    return 1;
}

static int fail(struct auth_aws_outcome *o, enum auth_aws_status st, const char *detail)
{
    o->status = st;
    if (detail)
        snprintf(o->detail, sizeof(o->detail), "%s", detail);
    return -1;
}

/* The Authorization scheme: 1 SigV4 header, 2 presigned query; otherwise fails o. */
static int which_form(const struct req *rq, struct auth_aws_outcome *o)
{
    const char *auth = req_header(rq, "Authorization");

    if (auth) {
        if (!strncmp(auth, SIGV4_ALGORITHM " ", strlen(SIGV4_ALGORITHM) + 1))
            return 1;
        if (!strncmp(auth, "AWS ", 4) || !strncmp(auth, "AWS4-", 5))
            return fail(o, AUTH_AWS_UNSUPPORTED, NULL);
        return fail(o, AUTH_AWS_BAD_SCHEME, auth);
    }
    if (req_query(rq, "X-Amz-Algorithm"))
        return 2;
    if (req_query(rq, "AWSAccessKeyId") || req_query(rq, "Signature"))
        return fail(o, AUTH_AWS_UNSUPPORTED, NULL);
    return fail(o, AUTH_AWS_UNSIGNED, NULL);
}

static int parse_header_form(const struct req *rq, struct auth_aws_outcome *o)
{
    const char *why = NULL;
    const char *xd = req_header(rq, "x-amz-date");
    const char *d = req_header(rq, "Date");

    if (sigv4_parse_header(req_header(rq, "Authorization"), &o->sig, &why))
        return fail(o, AUTH_AWS_MALFORMED, why);
    if (xd) {
        snprintf(o->request_time, sizeof(o->request_time), "%s", xd);
        if (auth_time_iso_basic(xd, &o->request_ms))
            return fail(o, AUTH_AWS_NO_DATE, NULL);
    } else if (d) {
        snprintf(o->request_time, sizeof(o->request_time), "%s", d);
        if (auth_time_http(d, &o->request_ms) && auth_time_iso_basic(d, &o->request_ms))
            return fail(o, AUTH_AWS_NO_DATE, NULL);
    } else {
        return fail(o, AUTH_AWS_NO_DATE, NULL);
    }
    return 0;
}

static int parse_query_form(const struct req *rq, struct auth_aws_outcome *o)
{
    static const char *const need[] = { "X-Amz-Algorithm", "X-Amz-Credential",    "X-Amz-Signature",
                                        "X-Amz-Date",      "X-Amz-SignedHeaders", "X-Amz-Expires" };
    const char *cred = req_query(rq, "X-Amz-Credential");
    const char *sh = req_query(rq, "X-Amz-SignedHeaders");
    const char *sig = req_query(rq, "X-Amz-Signature");
    const char *date = req_query(rq, "X-Amz-Date");
    const char *exp = req_query(rq, "X-Amz-Expires");
    char *end = NULL;
    long secs;

    o->presigned = 1;
    for (size_t i = 0; i < sizeof(need) / sizeof(need[0]); i++)
        if (!req_query(rq, need[i]))
            return fail(o, AUTH_AWS_QUERY_MALFORMED,
                        "Query-string authentication version 4 requires the X-Amz-Algorithm, "
                        "X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and "
                        "X-Amz-Expires parameters.");
    if (strcmp(req_query(rq, "X-Amz-Algorithm"), SIGV4_ALGORITHM))
        return fail(o, AUTH_AWS_QUERY_MALFORMED,
                    "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");
    memset(&o->sig, 0, sizeof(o->sig));
    if (sigv4_parse_credential(cred, &o->sig))
        return fail(o, AUTH_AWS_QUERY_MALFORMED,
                    "Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; "
                    "expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
    if (!*sh || strlen(sh) >= sizeof(o->sig.signed_headers) || !*sig ||
        strlen(sig) >= sizeof(o->sig.signature))
        return fail(o, AUTH_AWS_QUERY_MALFORMED,
                    "X-Amz-SignedHeaders and X-Amz-Signature must not be empty.");
    snprintf(o->sig.signed_headers, sizeof(o->sig.signed_headers), "%s", sh);
    snprintf(o->sig.signature, sizeof(o->sig.signature), "%s", sig);
    snprintf(o->request_time, sizeof(o->request_time), "%s", date);
    if (auth_time_iso_basic(date, &o->request_ms))
        return fail(o, AUTH_AWS_QUERY_MALFORMED,
                    "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
    snprintf(o->expires, sizeof(o->expires), "%s", exp);
    secs = strtol(exp, &end, 10);
    if (!*exp || *end || secs < 0)
        return fail(o, AUTH_AWS_QUERY_MALFORMED, "X-Amz-Expires should be a number");
    if (secs > MAX_EXPIRES_S)
        return fail(o, AUTH_AWS_QUERY_MALFORMED,
                    "X-Amz-Expires must be less than a week (in seconds) that is 604800");
    o->expires_ms = o->request_ms + (int64_t)secs * 1000;
    return 0;
}

/* The credential scope must name the request's date, the service and aws4_request. */
static int check_scope(struct auth_aws_outcome *o, const char *service)
{
    enum auth_aws_status st = o->presigned ? AUTH_AWS_QUERY_MALFORMED : AUTH_AWS_MALFORMED;
    char basic[20];
    char why[256];

    auth_time_format_basic(o->request_ms, basic, sizeof(basic));
    if (strncmp(o->sig.scope_date, basic, 8) || strlen(o->sig.scope_date) != 8) {
        snprintf(why, sizeof(why),
                 "Invalid credential date \"%s\". This date is not the same as X-Amz-Date: "
                 "\"%.8s\".",
                 o->sig.scope_date, basic);
        return fail(o, st, why);
    }
    if (strcmp(o->sig.service, service)) {
        snprintf(why, sizeof(why), "incorrect service \"%s\". This endpoint belongs to \"%s\".",
                 o->sig.service, service);
        return fail(o, st, why);
    }
    if (strcmp(o->sig.terminal, SIGV4_TERMINAL)) {
        snprintf(why, sizeof(why), "incorrect terminal \"%s\". This endpoint uses \"%s\".",
                 o->sig.terminal, SIGV4_TERMINAL);
        return fail(o, st, why);
    }
    return 0;
}

static int check_time(struct auth_aws_outcome *o)
{
    int64_t d = o->server_ms - o->request_ms;

    if (o->presigned && o->server_ms > o->expires_ms)
        return fail(o, AUTH_AWS_EXPIRED, NULL);
    if ((!o->presigned && d > o->skew_ms) || -d > o->skew_ms)
        return fail(o, AUTH_AWS_SKEWED, NULL);
    return 0;
}

static int lists(const char *signed_headers, const char *name)
{
    size_t nl = strlen(name);

    for (const char *p = signed_headers; *p;) {
        size_t n = strcspn(p, ";");

        if (n == nl && !strncasecmp(p, name, n))
            return 1;
        p += n + (p[n] == ';');
    }
    return 0;
}

/* S3: host and every x-amz-* header must be signed. */
static int check_signed_headers(const struct req *rq, struct auth_aws_outcome *o)
{
    size_t used = 0;

    o->detail[0] = '\0';
    for (size_t i = 0; i < rq->nheader; i++) {
        const char *n = rq->header[i].name;

        if ((strcasecmp(n, "host") && strncasecmp(n, "x-amz-", 6)) ||
            lists(o->sig.signed_headers, n) || (o->detail[0] && strcasestr(o->detail, n)))
            continue;
        used += (size_t)snprintf(o->detail + used, sizeof(o->detail) - used, "%s%s",
                                 used ? "," : "", n);
        if (used >= sizeof(o->detail))
            break;
    }
    if (!o->detail[0])
        return 0;
    for (char *c = o->detail; *c; c++)
        *c = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
    o->status = AUTH_AWS_HEADERS_NOT_SIGNED;
    return -1;
}

static const char *payload_hash(const struct req *rq, const struct auth_aws_outcome *o, int s3,
                                char body_hash[65])
{
    const char *sent = req_header(rq, "x-amz-content-sha256");

    if (!s3) {
        sigv4_sha256_hex(rq->body, rq->body_len, body_hash);
        return body_hash;
    }
    if (o->presigned)
        return sent ? sent : "UNSIGNED-PAYLOAD";
    return sent;
}

static int check_signature(const struct req *rq, struct auth_aws_outcome *o, int s3,
                           const char *payload, const unsigned char key[32])
{
    struct sigv4_request r = { rq->method, rq->raw_path, rq->raw_query,
                               rq->header, rq->nheader,  NULL,
                               payload,    s3,           o->presigned };
    char scope[256];
    char basic[20];
    char want[65];

    r.signed_headers = o->sig.signed_headers;
    sigv4_scope(&o->sig, scope, sizeof(scope));
    /* the timestamp signed is the request's, in the ISO 8601 basic format */
    if (strlen(o->request_time) == 16 && o->request_time[8] == 'T')
        snprintf(basic, sizeof(basic), "%s", o->request_time);
    else
        auth_time_format_basic(o->request_ms, basic, sizeof(basic));
    if (sigv4_canonical_request(&r, &o->canonical) ||
        sigv4_string_to_sign(basic, scope, buf_str(&o->canonical), o->canonical.len,
                             &o->string_to_sign))
        return fail(o, AUTH_AWS_INTERNAL, NULL);
    sigv4_sign(key, buf_str(&o->string_to_sign), o->string_to_sign.len, want);
    if (!sigv4_sig_equal(want, o->sig.signature))
        return fail(o, AUTH_AWS_BAD_SIGNATURE, NULL);
    /* aws-chunked with signed chunks: each chunk's signature chains from this one */
    if (s3 && !rq->body_over_cap && payload && !strncmp(payload, STREAMING_HMAC, 34) &&
        (!payload[34] || !strcmp(payload + 34, "-TRAILER")) &&
        sigv4_verify_chunks(rq->body, rq->body_len, key, basic, scope, o->sig.signature))
        return fail(o, AUTH_AWS_BAD_SIGNATURE, "chunk");
    return 0;
}

/* S3: a hex x-amz-content-sha256 must be the body's; anything else must be a keyword. */
static int check_content_sha256(const struct req *rq, struct auth_aws_outcome *o, const char *sent)
{
    static const char *const keywords[] = { "UNSIGNED-PAYLOAD",
                                            "STREAMING-UNSIGNED-PAYLOAD-TRAILER", STREAMING_HMAC,
                                            STREAMING_HMAC "-TRAILER" };

    if (!sent || rq->body_over_cap)
        return 0;
    for (size_t i = 0; i < sizeof(keywords) / sizeof(keywords[0]); i++)
        if (!strcmp(sent, keywords[i]))
            return 0;
    sigv4_sha256_hex(rq->body, rq->body_len, o->content_calc);
    if (is_hex64(sent) && !strcasecmp(sent, o->content_calc))
        return 0;
    snprintf(o->content_sent, sizeof(o->content_sent), "%s", sent);
    return fail(o, AUTH_AWS_CONTENT_SHA256_MISMATCH, NULL);
}

static int verify(const struct req *rq, const struct ctx *cx, const char *service,
                  struct auth_aws_outcome *o)
{
    int s3 = !strcmp(service, "s3");
    int form = which_form(rq, o);
    struct auth_aws_key cred;
    unsigned char key[32];
    char body_hash[65];
    const char *payload;
    int rc;

    if (form < 0)
        return -1;
    if ((form == 1 ? parse_header_form(rq, o) : parse_query_form(rq, o)) || check_scope(o, service))
        return -1;
    rc = auth_creds_aws(cx->store, o->sig.akid, &cred);
    if (rc)
        return fail(o, rc > 0 ? AUTH_AWS_UNKNOWN_KEY : AUTH_AWS_INTERNAL, NULL);
    snprintf(o->account, sizeof(o->account), "%s", cred.account);
    if (check_time(o)) {
        OPENSSL_cleanse(&cred, sizeof(cred));
        return -1;
    }
    if (s3 && check_signed_headers(rq, o)) {
        OPENSSL_cleanse(&cred, sizeof(cred));
        return -1;
    }
    payload = payload_hash(rq, o, s3, body_hash);
    if (!payload) {
        OPENSSL_cleanse(&cred, sizeof(cred));
        return fail(o, AUTH_AWS_NO_CONTENT_SHA256, NULL);
    }
    sigv4_signing_key(cred.secret, o->sig.scope_date, o->sig.region, o->sig.service, key);
    OPENSSL_cleanse(&cred, sizeof(cred));
    rc = check_signature(rq, o, s3, payload, key);
    OPENSSL_cleanse(key, sizeof(key));
    if (rc)
        return -1;
    if (s3 && check_content_sha256(rq, o, req_header(rq, "x-amz-content-sha256")))
        return -1;
    return 0;
}

void auth_aws_verify(const struct req *rq, const struct ctx *cx, const char *service,
                     struct auth_aws_outcome *o)
{
    memset(o, 0, sizeof(*o));
    buf_init(&o->canonical, MAX_CANONICAL);
    buf_init(&o->string_to_sign, MAX_CANONICAL);
    o->server_ms = cx->now_ms;
    o->skew_ms = (strcmp(service, "s3") ? 5 : 15) * MINUTE_MS;
    o->status = AUTH_AWS_OK;
    (void)verify(rq, cx, service, o);
}

void auth_aws_release(struct auth_aws_outcome *o)
{
    buf_release(&o->canonical);
    buf_release(&o->string_to_sign);
}
