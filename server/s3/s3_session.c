/* s3_session.c - CreateSession (GET /{bucket}?session) for directory buckets, and the check of
 * requests signed with a session's credentials (x-amz-s3session-token) (s3-spec §3). */
#include "s3_session.h"

#include "s3.h"
#include "s3_access.h"
#include "s3_directory.h"
#include "s3_handlers.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

int s3_session_authorize(const struct req *rq, struct ctx *cx, struct resp *rs, char account[16])
{
    const char *token = req_header(rq, "x-amz-s3session-token");
    struct s3_session_row s;
    int rc;

    rc = token ? store_s3_session_get(cx->store, token, &s) : STORE_NOT_FOUND;
    /* CHOICE: 403 InvalidToken for a token cmkemu never issued, 403 ExpiredToken after its 5
     * minutes, 403 AccessDenied for another bucket or a write under a ReadOnly session */
    if (rc == STORE_NOT_FOUND)
        return s3_fail(rs, cx, S3_ERR_INVALID_TOKEN);
    if (rc != STORE_OK)
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    if (s.expires_ms <= cx->now_ms)
        return s3_fail(rs, cx, S3_ERR_EXPIRED_TOKEN);
    if (strcmp(s.bucket, rq->param[0]) ||
        (!strcmp(s.mode, "ReadOnly") && strcmp(rq->method, "GET") && strcmp(rq->method, "HEAD")))
        return s3_fail(rs, cx, S3_ERR_ACCESS_DENIED);
    snprintf(account, 16, "%s", s.account);
    return S3_OK;
}

/* The encryption headers of a session: the directory bucket's default (AES256 when none). */
static void session_sse(struct ctx *cx, const char *bucket, struct resp *rs)
{
    struct s3_sse_row def;
    struct s3_directory_row d;

    s3_sse_row_init(&def);
    if (store_s3_encryption_get(cx->store, bucket, &def) == STORE_OK &&
        !strcmp(def.algorithm, "aws:kms") &&
        store_s3_directory_get(cx->store, bucket, &d) == STORE_OK && d.kms_key_arn[0]) {
        resp_header(rs, "x-amz-server-side-encryption", "aws:kms");
        resp_header(rs, "x-amz-server-side-encryption-aws-kms-key-id", d.kms_key_arn);
        resp_header(rs, "x-amz-server-side-encryption-bucket-key-enabled", "true");
    } else {
        resp_header(rs, "x-amz-server-side-encryption", "AES256");
    }
    s3_sse_row_release(&def);
}

/* CreateSession: GET /{bucket}?session. */
int s3_create_session(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    const char *bucket = rq->param[0];
    const char *mode = req_header(rq, "x-amz-create-session-mode");
    struct s3_bucket_row b;
    struct s3_session_row s;
    struct s3_xml x;
    char key[24], secret[41], when[32], zone[32];
    int err, rc;

    rc = store_s3_bucket_get(cx->store, bucket, &b);
    if (rc == STORE_OK) {
        err = s3_bucket_access(rq, cx, rs, &b);
        if (err)
            return err;
        /* CHOICE: a general-purpose bucket has no session (zonal endpoints know directory
         * buckets only): NoSuchBucket */
        if (!s3_is_directory(&b))
            return s3_fail_bucket(rs, cx, S3_ERR_NO_SUCH_BUCKET, bucket);
    } else if (rc == STORE_NOT_FOUND) {
        /* CHOICE: the SDKs ask for a session before every operation on a --x-s3 bucket, even
         * CreateBucket (which AWS serves on its Regional endpoint without one), so a valid
         * directory bucket name that does not exist yet still gets a session. */
        if (!s3_directory_name_valid(bucket, zone, sizeof(zone)))
            return s3_fail_bucket(rs, cx, S3_ERR_NO_SUCH_BUCKET, bucket);
    } else {
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    }
    memset(&s, 0, sizeof(s));
    snprintf(key, sizeof(key), "%s", "ASIA");
    ids_upper_alnum(cx->ids, key + 4, 16);
    ids_base64(cx->ids, secret, 30);
    ids_base64(cx->ids, s.token, 96);
    snprintf(s.bucket, sizeof(s.bucket), "%s", bucket);
    snprintf(s.account, sizeof(s.account), "%s", rq->account);
    snprintf(s.access_key_id, sizeof(s.access_key_id), "%s", key);
    /* CHOICE: any mode other than ReadOnly is ReadWrite (the default) */
    snprintf(s.mode, sizeof(s.mode), "%s",
             mode && !strcmp(mode, "ReadOnly") ? "ReadOnly" : "ReadWrite");
    s.expires_ms = cx->now_ms + S3_SESSION_MS;
    if (store_s3_session_create(cx->store, &s, cx->now_ms) != STORE_OK ||
        s3_xml_start(&x, "CreateSessionResult", 1))
        return s3_fail(rs, cx, S3_ERR_INTERNAL);
    s3_iso8601(s.expires_ms, when, sizeof(when));
    s3_xml_open(&x, "Credentials");
    s3_xml_elem(&x, "SessionToken", s.token);
    s3_xml_elem(&x, "SecretAccessKey", secret);
    s3_xml_elem(&x, "AccessKeyId", key);
    s3_xml_elem(&x, "Expiration", when);
    s3_xml_close(&x);
    session_sse(cx, bucket, rs);
    s3_xml_finish(&x, rs, 200);
    return S3_OK;
}
