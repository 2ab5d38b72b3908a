/* test_router.c - family detection and path-template matching (server/router.c). */
#include "harness.h"

#include "server/router.h"

static struct req mkreq(const char *method, const char *path, const struct kv *h, size_t nh)
{
    struct req rq;

    memset(&rq, 0, sizeof(rq));
    rq.method = method;
    rq.path = path;
    rq.header = h;
    rq.nheader = nh;
    return rq;
}

static void test_family_by_prefix(void)
{
    struct req rq = mkreq("GET", "/n/ns/b/bucket", NULL, 0);

    CHECK_INT(router_family(&rq), FAM_OCI_OS);
    rq.path = "/n";
    CHECK_INT(router_family(&rq), FAM_OCI_OS);
    rq.path = "/nx/key";
    CHECK_INT(router_family(&rq), FAM_S3);
    rq.path = "/20160918/volumes";
    CHECK_INT(router_family(&rq), FAM_OCI_CORE);
    rq.path = "/20180608/keys";
    CHECK_INT(router_family(&rq), FAM_OCI_KMS);
    rq.path = "/20200131/securityZones";
    CHECK_INT(router_family(&rq), FAM_OCI_CG);
    rq.path = "/_cmkemu/health";
    CHECK_INT(router_family(&rq), FAM_EMU);
    rq.path = "/my-bucket";
    CHECK_INT(router_family(&rq), FAM_S3);
    rq.path = "/";
    CHECK_INT(router_family(&rq), FAM_S3);
}

static void test_aws_signature_claims_n(void)
{
    struct kv h[] = { { "authorization",
                        "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/s3/aws4_request" } };
    struct kv o[] = { { "Authorization", "Signature version=\"1\",keyId=\"t/u/f\"" } };
    struct req rq = mkreq("PUT", "/n", h, 1);

    CHECK_INT(router_family(&rq), FAM_S3);
    rq = mkreq("PUT", "/n", o, 1);
    CHECK_INT(router_family(&rq), FAM_OCI_OS);
}

static void test_route_match_params(void)
{
    struct path_segs ps;
    struct req rq = mkreq("GET", "/n/ns1/b/bkt", NULL, 0);

    CHECK_INT(path_split(&ps, rq.path), 0);
    CHECK_INT(ps.n, 4);
    CHECK_INT(route_match("/n/{namespaceName}/b/{bucketName}", &ps, 0, &rq), 1);
    CHECK_INT(rq.nparam, 2);
    CHECK_STR(rq.param[0], "ns1");
    CHECK_STR(rq.param[1], "bkt");
    CHECK_INT(route_match("/n/{namespaceName}/b", &ps, 0, &rq), 0);
    CHECK_INT(route_match("/n/{namespaceName}/b/{bucketName}/o", &ps, 0, &rq), 0);
    CHECK_INT(route_match("/b/{bucketName}", &ps, 2, &rq), 1);
    CHECK_STR(rq.param[0], "bkt");
    path_segs_release(&ps);
}

static int dummy(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    (void)rq;
    (void)cx;
    (void)rs;
    return 0;
}

static void test_route_find_method_mismatch(void)
{
    static const struct route tab[] = { { "GET", "/a/{x}", dummy } };
    struct path_segs ps;
    struct req rq = mkreq("POST", "/a/1", NULL, 0);
    int matched = 0;

    CHECK_INT(path_split(&ps, rq.path), 0);
    CHECK(route_find(tab, 1, &rq, &ps, 0, &matched) == NULL);
    CHECK_INT(matched, 1);
    rq.method = "GET";
    CHECK(route_find(tab, 1, &rq, &ps, 0, &matched) == dummy);
    path_segs_release(&ps);
    CHECK_INT(path_split(&ps, "/b/1"), 0);
    CHECK(route_find(tab, 1, &rq, &ps, 0, &matched) == NULL);
    CHECK_INT(matched, 0);
    path_segs_release(&ps);
}

static void test_empty_segment_does_not_capture(void)
{
    struct path_segs ps;
    struct req rq = mkreq("GET", "/n//b/x", NULL, 0);

    CHECK_INT(path_split(&ps, rq.path), 0);
    CHECK_INT(route_match("/n/{ns}/b/{b}", &ps, 0, &rq), 0);
    path_segs_release(&ps);
}

int main(void)
{
    TEST(test_family_by_prefix);
    TEST(test_aws_signature_claims_n);
    TEST(test_route_match_params);
    TEST(test_route_find_method_mismatch);
    TEST(test_empty_segment_does_not_capture);
    return TEST_REPORT();
}
