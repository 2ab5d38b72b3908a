/* test_os_bucket_keys.c - Vault keys on buckets (server/oci/os/os_bucket_rules.c): assign,
 * change, remove, and every rejection, which leaves the bucket and its etag untouched (§1.3, §9).
 */
#include "os_test.h"

#include <pthread.h>

/* Sends UpdateBucket {"kmsKeyId": key} and checks the refusal leaves the etag as it was. */
static void check_update_refused(const char *bucket, const char *body, int status, const char *code,
                                 const char *msg)
{
    char before[41], after[41];

    bucket_etag(IAD, bucket, before);
    CHECK_CALL_ERR(status, code, msg, "POST", NULL, body, IAD "/n/%s/b/%s", ns, bucket);
    bucket_etag(IAD, bucket, after);
    CHECK_STR(after, before);
}

static void test_assign_change_remove(void)
{
    struct call c;
    char e0[41], e1[41], e2[41];

    CHECK_INT(ocitest_put_key(&t, KEY_IAD("k1"), "us-ashburn-1", "AES", "ENABLED", 1), 0);
    CHECK_INT(ocitest_put_key(&t, KEY_IAD("k2"), "us-ashburn-1", "AES", "ENABLED", 1), 0);
    CHECK_INT(make_bucket(IAD, "seed-b", COMP, NULL), 0);
    bucket_etag(IAD, "seed-b", e0);

    callf(&c, "POST", NULL, "{\"kmsKeyId\":\"" KEY_IAD("k1") "\"}", IAD "/n/%s/b/seed-b", ns);
    CHECK_INT(c.rs.status, 200);
    CHECK_STR(jstr(&c, "kmsKeyId"), KEY_IAD("k1"));
    CHECK(strcmp(jstr(&c, "etag"), e0) != 0);
    CHECK_STR(resp_get_header(&c.rs, "ETag"), jstr(&c, "etag"));
    snprintf(e1, sizeof(e1), "%s", jstr(&c, "etag"));
    call_release(&c);

    callf(&c, "GET", NULL, NULL, IAD "/n/%s/b/seed-b", ns);
    CHECK_STR(jstr(&c, "kmsKeyId"), KEY_IAD("k1"));
    CHECK_STR(jstr(&c, "etag"), e1);
    call_release(&c);

    /* absent or null kmsKeyId leaves the key */
    callf(&c, "POST", NULL, "{\"kmsKeyId\":null,\"metadata\":{\"a\":null}}", IAD "/n/%s/b/seed-b",
          ns);
    CHECK_INT(c.rs.status, 200);
    CHECK_STR(jstr(&c, "kmsKeyId"), KEY_IAD("k1"));
    call_release(&c);
    callf(&c, "POST", NULL, "{\"freeformTags\":{}}", IAD "/n/%s/b/seed-b", ns);
    CHECK_STR(jstr(&c, "kmsKeyId"), KEY_IAD("k1"));
    call_release(&c);

    callf(&c, "POST", NULL, "{\"kmsKeyId\":\"" KEY_IAD("k2") "\"}", IAD "/n/%s/b/seed-b", ns);
    CHECK_INT(c.rs.status, 200);
    CHECK_STR(jstr(&c, "kmsKeyId"), KEY_IAD("k2"));
    CHECK(strcmp(jstr(&c, "etag"), e1) != 0);
    snprintf(e2, sizeof(e2), "%s", jstr(&c, "etag"));
    call_release(&c);

    /* "" removes the key: stored and shown as null, new etag (§1.3) */
    callf(&c, "POST", NULL, "{\"kmsKeyId\":\"\"}", IAD "/n/%s/b/seed-b", ns);
    CHECK_INT(c.rs.status, 200);
    CHECK(jnull(&c, "kmsKeyId"));
    CHECK(strcmp(jstr(&c, "etag"), e2) != 0);
    call_release(&c);
    callf(&c, "GET", NULL, NULL, IAD "/n/%s/b/seed-b", ns);
    CHECK(jnull(&c, "kmsKeyId"));
    call_release(&c);

    /* a key on create */
    callf(&c, "POST", NULL,
          "{\"name\":\"keyed-b\",\"compartmentId\":\"" COMP
          "\",\"kmsKeyId\":\"" KEY_IAD("k1") "\"}",
          IAD "/n/%s/b", ns);
    CHECK_INT(c.rs.status, 200);
    CHECK_STR(jstr(&c, "kmsKeyId"), KEY_IAD("k1"));
    call_release(&c);
}

static void test_key_rejections(void)
{
    struct call c;

    CHECK_INT(ocitest_put_key(&t, KEY_IAD("dis"), "us-ashburn-1", "AES", "DISABLED", 1), 0);
    CHECK_INT(ocitest_put_key(&t, KEY_IAD("pend"), "us-ashburn-1", "AES", "PENDING_DELETION", 1),
              0);
    CHECK_INT(ocitest_put_key(&t, KEY_IAD("gone"), "us-ashburn-1", "AES", "DELETED", 1), 0);
    CHECK_INT(ocitest_put_key(&t, KEY_IAD("crt"), "us-ashburn-1", "AES", "CREATING", 0), 0);
    CHECK_INT(ocitest_put_key(&t, KEY_PHX("phx"), "us-phoenix-1", "AES", "ENABLED", 1), 0);
    CHECK_INT(ocitest_put_key(&t, KEY_IAD("ok"), "us-ashburn-1", "AES", "ENABLED", 1), 0);
    CHECK_INT(make_bucket(IAD, "rej-b", COMP, "\"kmsKeyId\":\"" KEY_IAD("ok") "\""), 0);

    check_update_refused("rej-b", "{\"kmsKeyId\":\"not-a-key\"}", 400, "InvalidKmsKeyId",
                         "The kmsKeyId 'not-a-key' is not a valid Vault key OCID.");
    check_update_refused("rej-b", "{\"kmsKeyId\":\"ocid1.vault.oc1.iad.testvault.aaaaaaaaxx\"}",
                         400, "InvalidKmsKeyId",
                         "The kmsKeyId 'ocid1.vault.oc1.iad.testvault.aaaaaaaaxx' is not a valid "
                         "Vault key OCID.");
    check_update_refused(
        "rej-b", "{\"kmsKeyId\":\"" KEY_IAD("unknown") "\"}", 404, "NotAuthorizedOrFoundKmsKey",
        "Either the Vault key '" KEY_IAD("unknown") "' does not exist or Object "
                                                    "Storage is not authorized to use it.");
    check_update_refused(
        "rej-b", "{\"kmsKeyId\":\"" KEY_IAD("gone") "\"}", 404, "NotAuthorizedOrFoundKmsKey",
        "Either the Vault key '" KEY_IAD("gone") "' does not exist or Object "
                                                 "Storage is not authorized to use it.");
    check_update_refused("rej-b", "{\"kmsKeyId\":\"" KEY_IAD("dis") "\"}", 409, "KmsKeyDisabled",
                         "The Vault key '" KEY_IAD("dis") "' cannot be used: its state is "
                                                          "DISABLED, not ENABLED.");
    check_update_refused("rej-b", "{\"kmsKeyId\":\"" KEY_IAD("pend") "\"}", 409, "KmsKeyDisabled",
                         "The Vault key '" KEY_IAD("pend") "' cannot be used: its state is "
                                                           "PENDING_DELETION, not ENABLED.");
    check_update_refused("rej-b", "{\"kmsKeyId\":\"" KEY_IAD("crt") "\"}", 409, "KmsKeyDisabled",
                         "The Vault key '" KEY_IAD("crt") "' cannot be used: its state is "
                                                          "CREATING, not ENABLED.");
    /* CHOICE: another region's key -> 400 InvalidKmsKeyId naming its region */
    check_update_refused(
        "rej-b", "{\"kmsKeyId\":\"" KEY_PHX("phx") "\"}", 400, "InvalidKmsKeyId",
        "The Vault key '" KEY_PHX("phx") "' is in region 'us-phoenix-1'; a "
                                         "bucket can only use a key from its own region.");

    callf(&c, "GET", NULL, NULL, IAD "/n/%s/b/rej-b", ns);
    CHECK_STR(jstr(&c, "kmsKeyId"), KEY_IAD("ok"));
    call_release(&c);

    /* the same rules on create, and nothing is created */
    CHECK_CALL_CODE(409, "KmsKeyDisabled", "POST", NULL,
                    "{\"name\":\"rej-c\",\"compartmentId\":\"" COMP
                    "\",\"kmsKeyId\":\"" KEY_IAD("dis") "\"}",
                    IAD "/n/%s/b", ns);
    CHECK_CALL_CODE(404, "NotAuthorizedOrFoundKmsKey", "POST", NULL,
                    "{\"name\":\"rej-c\",\"compartmentId\":\"" COMP
                    "\",\"kmsKeyId\":\"" KEY_IAD("nokey") "\"}",
                    IAD "/n/%s/b", ns);
    CHECK_CALL_CODE(400, "InvalidKmsKeyId", "POST", NULL,
                    "{\"name\":\"rej-c\",\"compartmentId\":\"" COMP "\",\"kmsKeyId\":\"bad\"}",
                    IAD "/n/%s/b", ns);
    CHECK_CALL_CODE(400, "InvalidKmsKeyId", "POST", NULL,
                    "{\"name\":\"rej-c\",\"compartmentId\":\"" COMP
                    "\",\"kmsKeyId\":\"" KEY_IAD("ok") "\"}",
                    PHX "/n/%s/b", ns);
    CHECK_CALL_STATUS(404, "GET", NULL, NULL, IAD "/n/%s/b/rej-c", ns);

    /* a key OCID with the short region code and the long one are the same region */
    CHECK_INT(ocitest_put_key(&t, "ocid1.key.oc1.us-ashburn-1.testvault.aaaaaaaalong",
                              "us-ashburn-1", "AES", "ENABLED", 1),
              0);
    CHECK_CALL_STATUS(200, "POST", NULL,
                      "{\"kmsKeyId\":\"ocid1.key.oc1.us-ashburn-1.testvault.aaaaaaaalong\"}",
                      IAD "/n/%s/b/rej-b", ns);
}

/* 64 concurrent updates carrying one etag: exactly one wins, the rest get 412. */
struct racer {
    char hdr[128];
    int status;
};

static void *race(void *arg)
{
    struct racer *r = arg;
    struct call c;

    callf(&c, "POST", r->hdr, "{\"metadata\":{\"race\":\"x\"}}", IAD "/n/%s/b/race-b", ns);
    r->status = c.rs.status;
    call_release(&c);
    return NULL;
}

static void test_concurrent_if_match(void)
{
    enum { N = 64 };
    static struct racer r[N];
    pthread_t th[N];
    char etag[41];
    int won = 0, lost = 0;

    CHECK_INT(make_bucket(IAD, "race-b", COMP, NULL), 0);
    bucket_etag(IAD, "race-b", etag);
    for (int i = 0; i < N; i++) {
        snprintf(r[i].hdr, sizeof(r[i].hdr), "if-match: %s", etag);
        pthread_create(&th[i], NULL, race, &r[i]);
    }
    for (int i = 0; i < N; i++) {
        pthread_join(th[i], NULL);
        won += r[i].status == 200;
        lost += r[i].status == 412;
    }
    CHECK_INT(won, 1);
    CHECK_INT(lost, N - 1);
}

int main(void)
{
    if (os_test_open())
        return 1;
    TEST(test_assign_change_remove);
    TEST(test_key_rejections);
    TEST(test_concurrent_if_match);
    apitest_close(&t);
    return TEST_REPORT();
}
