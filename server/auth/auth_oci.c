/* auth_oci.c - the OCI signature check of --auth strict (reference oci-key-assignment.md §7).
 *
 * GET, HEAD and DELETE must sign date or x-date, (request-target) and host; PUT and POST also
 * content-length, content-type and x-content-sha256, which must be base64(SHA-256(body)). The
 * signed date must be within 5 minutes of the server's clock. */
#include "auth_oci.h"

#include "auth_creds.h"
#include "auth_oci_sig.h"
#include "auth_time.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define SKEW_MS ((int64_t)5 * 60 * 1000)

static int refuse(char *msg, size_t n, const char *text, const char *arg)
{
    api_message(msg, n, text, arg);
    return -1;
}

static int has_body(const char *method)
{
    return !strcmp(method, "PUT") || !strcmp(method, "POST");
}

static int required_headers(const struct req *rq, const struct oci_sig *s, char *msg, size_t n)
{
    static const char *const always[] = { "(request-target)", "host" };
    static const char *const body[] = { "content-length", "content-type", "x-content-sha256" };

    if (!oci_sig_lists(s->headers, "date") && !oci_sig_lists(s->headers, "x-date"))
        return refuse(msg, n, "The signature must cover the date or x-date header.", NULL);
    for (size_t i = 0; i < 2; i++)
        if (!oci_sig_lists(s->headers, always[i]))
            return refuse(msg, n, "The signature must cover %s.", always[i]);
    for (size_t i = 0; has_body(rq->method) && i < 3; i++)
        if (!oci_sig_lists(s->headers, body[i]))
            return refuse(msg, n, "The signature of a PUT or POST request must cover %s.", body[i]);
    return 0;
}

static int check_date(const struct req *rq, const struct ctx *cx, const struct oci_sig *s,
                      char *msg, size_t n)
{
    const char *name = oci_sig_lists(s->headers, "x-date") ? "x-date" : "date";
    const char *v = req_header(rq, name);
    int64_t t;

    if (!v || auth_time_http(v, &t))
        return refuse(msg, n,
                      "The %s header is not an HTTP date such as 'Sun, 22 Nov 2026 "
                      "09:32:14 GMT'.",
                      name);
    if (t - cx->now_ms > SKEW_MS || cx->now_ms - t > SKEW_MS)
        return refuse(msg, n,
                      "The request date '%s' is more than 5 minutes away from the server's clock.",
                      v);
    return 0;
}

static int check_body(const struct req *rq, const struct oci_sig *s, char *msg, size_t n)
{
    const char *sent = req_header(rq, "x-content-sha256");
    char h[45];

    if (rq->body_over_cap || !oci_sig_lists(s->headers, "x-content-sha256"))
        return 0;
    oci_sig_body_sha256(rq->body, rq->body_len, h);
    if (!sent || strcmp(sent, h))
        return refuse(msg, n, "The x-content-sha256 header does not match the request body.", NULL);
    return 0;
}

static int check_signature(const struct req *rq, const struct ctx *cx, const struct oci_sig *s,
                           char *msg, size_t n)
{
    struct buf str;
    EVP_PKEY *key = NULL;
    const char *missing = NULL;
    size_t ml = 0;
    int rc = auth_creds_oci(cx->store, s->tenancy, s->user, s->fingerprint, &key);
    int ok;

    if (rc < 0)
        return refuse(msg, n, "The API key could not be looked up.", NULL);
    if (rc)
        return refuse(msg, n, "The API key '%s' is not registered.", s->key_id);
    buf_init(&str, (size_t)1 << 20);
    rc = oci_sig_signing_string(s->headers, rq->method, rq->raw_path, rq->raw_query, rq->header,
                                rq->nheader, &str, &missing, &ml);
    if (rc) {
        char name[128];

        snprintf(name, sizeof(name), "%.*s", (int)(ml < 100 ? ml : 100), missing ? missing : "");
        buf_release(&str);
        EVP_PKEY_free(key);
        return refuse(msg, n,
                      rc > 0 ? "The signed header '%s' is not in the request."
                             : "The signing string could not be built.",
                      name);
    }
    ok = oci_sig_verify(key, buf_str(&str), str.len, s->signature);
    buf_release(&str);
    EVP_PKEY_free(key);
    if (!ok)
        return refuse(msg, n, "The signature does not verify with the API key '%s'.", s->key_id);
    return 0;
}

int auth_oci_verify(const struct req *rq, const struct ctx *cx, char *msg, size_t n)
{
    struct oci_sig s;

    if (oci_sig_parse(req_header(rq, "Authorization"), &s))
        return refuse(msg, n,
                      "The required information to complete authentication was not provided or "
                      "was incorrect.",
                      NULL);
    if (strcasecmp(s.algorithm, "rsa-sha256"))
        return refuse(msg, n, "The signature algorithm '%s' is not supported; use rsa-sha256.",
                      s.algorithm);
    if (s.version[0] && strcmp(s.version, "1"))
        return refuse(msg, n, "The signature version '%s' is not supported; use 1.", s.version);
    if (required_headers(rq, &s, msg, n) || check_signature(rq, cx, &s, msg, n) ||
        check_body(rq, &s, msg, n) || check_date(rq, cx, &s, msg, n))
        return -1;
    return 0;
}
