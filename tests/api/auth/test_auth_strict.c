/* test_auth_strict.c - --auth strict through the router with a pinned clock: S3's and AWS KMS's
 * error documents for a skewed, expired, unknown, unsigned or header-incomplete request, and a
 * valid signature passing. Requests are signed with auth_sigv4 (checked against AWS's examples
 * in test_sigv4). */
#include "harness.h"
#include "lib/apitest.h"

#include "server/auth/auth_sigv4.h"
#include "server/auth/auth_time.h"
#include "storage/store_auth.h"

#include <stdio.h>
#include <string.h>

#define AKID   "AKIAAPITESTSTRICT001"
#define SECRET "api/test+secret"
#define EMPTY  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

static struct apitest t;

/* Authorization for GET path at ms over host, x-amz-content-sha256 and x-amz-date. */
static void sign_get(const char *service, const char *method, const char *path, int64_t ms,
                     const char *body, char *date, char *auth, size_t an)
{
    char hash[65], sig[65], scope[128];
    unsigned char key[32];
    struct kv h[3] = { { "Host", "127.0.0.1" },
                       { "x-amz-content-sha256", hash },
                       { "x-amz-date", date } };
    struct sigv4_request r = { method, path,
                               "",     h,
                               3,      "host;x-amz-content-sha256;x-amz-date",
                               hash,   !strcmp(service, "s3"),
                               0 };
    struct buf c, s;

    sigv4_sha256_hex(body, strlen(body), hash);
    auth_time_format_basic(ms, date, 17);
    snprintf(scope, sizeof(scope), "%.8s/us-east-1/%s/aws4_request", date, service);
    buf_init(&c, 1 << 16);
    buf_init(&s, 1 << 16);
    sigv4_canonical_request(&r, &c);
    sigv4_string_to_sign(date, scope, c.data, c.len, &s);
    snprintf(auth, 9, "%.8s", date);
    sigv4_signing_key(SECRET, auth, "us-east-1", service, key);
    sigv4_sign(key, s.data, s.len, sig);
    snprintf(auth, an,
             "Authorization: AWS4-HMAC-SHA256 Credential=" AKID "/%s, "
             "SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=%s",
             scope, sig);
    buf_release(&c);
    buf_release(&s);
}

static void call_signed(int64_t ms, const char *extra, struct resp *rs)
{
    char date[17], auth[512], xd[64];
    const char *h[] = { "Host: 127.0.0.1", "x-amz-content-sha256: " EMPTY, xd, auth, extra, NULL };

    sign_get("s3", "GET", "/", ms, "", date, auth, sizeof(auth));
    snprintf(xd, sizeof(xd), "x-amz-date: %s", date);
    resp_init(rs);
    apitest_call(&t, "GET", "/", h, NULL, rs);
}

static void test_s3_valid_and_skewed(void)
{
    struct resp rs;

    call_signed(t.now_ms, NULL, &rs);
    CHECK_INT(rs.status, 200);
    resp_release(&rs);
    call_signed(t.now_ms - 16 * 60 * 1000, NULL, &rs);
    CHECK_INT(rs.status, 403);
    CHECK_CONTAINS(buf_str(&rs.body),
                   "<Code>RequestTimeTooSkewed</Code><Message>The difference between the request "
                   "time and the current time is too large.</Message><RequestTime>20251124T154400Z"
                   "</RequestTime><ServerTime>2025-11-24T16:00:00Z</ServerTime>"
                   "<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>");
    resp_release(&rs);
    call_signed(t.now_ms, "x-amz-meta-note: unsigned", &rs);
    CHECK_INT(rs.status, 403);
    CHECK_CONTAINS(buf_str(&rs.body), "<Message>There were headers present in the request which "
                                      "were not signed</Message><HeadersNotSigned>x-amz-meta-note"
                                      "</HeadersNotSigned>");
    resp_release(&rs);
}

static void test_s3_refusals(void)
{
    const char *unknown[] = {
        "Host: 127.0.0.1", "x-amz-date: 20251124T160000Z", "x-amz-content-sha256: " EMPTY,
        "Authorization: AWS4-HMAC-SHA256 Credential=AKIANOPE/20251124/us-east-"
        "1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=00",
        NULL
    };
    const char *no_sha[] = { "Host: 127.0.0.1", "x-amz-date: 20251124T160000Z",
                             "Authorization: AWS4-HMAC-SHA256 Credential=" AKID "/20251124/us-east-"
                             "1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=00",
                             NULL };
    struct resp rs;

    resp_init(&rs);
    apitest_call(&t, "GET", "/", unknown, NULL, &rs);
    CHECK_INT(rs.status, 403);
    CHECK_CONTAINS(buf_str(&rs.body), "<Code>InvalidAccessKeyId</Code><Message>The AWS Access Key "
                                      "Id you provided does not exist in our records.</Message>"
                                      "<AWSAccessKeyId>AKIANOPE</AWSAccessKeyId><RequestId>");
    resp_release(&rs);
    resp_init(&rs);
    apitest_call(&t, "GET", "/", no_sha, NULL, &rs);
    CHECK_INT(rs.status, 400);
    CHECK_CONTAINS(buf_str(&rs.body),
                   "<Message>Missing required header for this request: x-amz-content-sha256");
    resp_release(&rs);
    resp_init(&rs);
    apitest_call(&t, "GET", "/", NULL, NULL, &rs);
    CHECK_INT(rs.status, 403);
    CHECK_CONTAINS(buf_str(&rs.body), "<Code>AccessDenied</Code><Message>Access Denied</Message>");
    resp_release(&rs);
}

static void test_s3_presigned_expired(void)
{
    const char *h[] = { "Host: 127.0.0.1", NULL };
    struct resp rs;

    resp_init(&rs);
    apitest_call(&t, "GET",
                 "/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" AKID
                 "/20251124/us-east-1/s3/aws4_request&X-Amz-Date=20251124T150000Z&X-Amz-Expires="
                 "60&X-Amz-SignedHeaders=host&X-Amz-Signature=00",
                 h, NULL, &rs);
    CHECK_INT(rs.status, 403);
    CHECK_CONTAINS(buf_str(&rs.body), "<Code>AccessDenied</Code><Message>Request has expired"
                                      "</Message><X-Amz-Expires>60</X-Amz-Expires><Expires>2025-11-"
                                      "24T15:01:00Z</Expires><ServerTime>2025-11-24T16:00:00Z"
                                      "</ServerTime>");
    resp_release(&rs);
}

static void kms_call(int64_t ms, const char *body, struct resp *rs)
{
    char date[17], auth[512], xd[64], sha[100], hash[65];
    const char *h[] = {
        "Host: 127.0.0.1", "X-Amz-Target: TrentService.ListKeys", xd, auth, sha, NULL
    };
    char sent_body[64];

    sigv4_sha256_hex(body, strlen(body), hash);
    snprintf(sha, sizeof(sha), "x-amz-content-sha256: %s", hash);

    sign_get("kms", "POST", "/", ms, body, date, auth, sizeof(auth));
    snprintf(xd, sizeof(xd), "x-amz-date: %s", date);
    snprintf(sent_body, sizeof(sent_body), "%s", body);
    resp_init(rs);
    apitest_call(&t, "POST", "/", h, sent_body, rs);
}

static void test_kms(void)
{
    struct resp rs;

    kms_call(t.now_ms, "{}", &rs);
    CHECK_INT(rs.status, 200);
    resp_release(&rs);
    kms_call(t.now_ms - 20 * 60 * 1000, "{}", &rs);
    CHECK_INT(rs.status, 400);
    CHECK_STR(buf_str(&rs.body),
              "{\"__type\":\"InvalidSignatureException\",\"message\":\"Signature "
              "expired: 20251124T154000Z is now earlier than 20251124T155500Z "
              "(20251124T160000Z - 5 min.)\"}");
    resp_release(&rs);
}

int main(void)
{
    struct store_aws_credential c = { AKID, SECRET, "123456789012" };

    if (apitest_open(&t) || store_auth_aws_put(t.st, &c))
        return 1;
    t.cfg.auth = AUTH_STRICT;
    TEST(test_s3_valid_and_skewed);
    TEST(test_s3_refusals);
    TEST(test_s3_presigned_expired);
    TEST(test_kms);
    apitest_close(&t);
    return TEST_REPORT();
}
