/* test_oci_dispatch.c - what every OCI request goes through (server/oci/oci_dispatch.c):
 * authentication, request ids, region resolution, unknown routes. */
#include "harness.h"
#include "lib/ocitest.h"

#include "server/router.h"

static struct apitest t;

static void test_unsigned_is_401(void)
{
    struct resp rs;

    resp_init(&rs);
    apitest_call(&t, "GET", "/n", NULL, NULL, &rs);
    CHECK_INT(rs.status, 401);
    CHECK_STR(
        buf_str(&rs.body),
        "{\"code\":\"NotAuthenticated\",\"message\":\"The required information to complete authentication was not provided or was incorrect.\"}");
    CHECK_STR(resp_get_header(&rs, "Content-Type"), "application/json");
    CHECK(resp_get_header(&rs, "opc-request-id") != NULL);
    resp_release(&rs);
}

static void test_request_id_echoed(void)
{
    const char *h[] = { OCITEST_AUTH, "opc-request-id: MY-REQ-1", NULL };
    struct resp rs;

    resp_init(&rs);
    apitest_call(&t, "GET", "/20160918/noSuchThing", h, NULL, &rs);
    CHECK_INT(rs.status, 404);
    CHECK_STR(resp_get_header(&rs, "opc-request-id"), "MY-REQ-1");
    CHECK_STR(buf_str(&rs.body), "{\"code\":\"NotFound\",\"message\":\"Not Found\"}");
    resp_release(&rs);
}

static void test_unknown_prefix_region(void)
{
    const char *h[] = { OCITEST_AUTH, NULL };
    struct resp rs;

    resp_init(&rs);
    apitest_call(&t, "GET", "/oci/mars-1/n", h, NULL, &rs);
    CHECK_INT(rs.status, 404);
    CHECK_CONTAINS(buf_str(&rs.body), "\"code\":\"NotFound\"");
    resp_release(&rs);
}

static void test_malformed_key_id_is_401(void)
{
    const char *h[] = { "Authorization: Signature version=\"1\",keyId=\"only-one-part\"", NULL };
    struct resp rs;

    resp_init(&rs);
    apitest_call(&t, "GET", "/20180608/vaults", h, NULL, &rs);
    CHECK_INT(rs.status, 401);
    resp_release(&rs);
}

int main(void)
{
    if (apitest_open(&t))
        return 1;
    TEST(test_unsigned_is_401);
    TEST(test_request_id_echoed);
    TEST(test_unknown_prefix_region);
    TEST(test_malformed_key_id_is_401);
    apitest_close(&t);
    return TEST_REPORT();
}
