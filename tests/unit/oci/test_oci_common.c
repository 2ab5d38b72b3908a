/* test_oci_common.c - OCI's JSON error answers and body parsing (server/oci/oci_common.c). */
#include "harness.h"

#include "server/oci/oci_common.h"
#include "server/router.h"

#include <string.h>

/* A body jansson cannot parse may put its bytes, not UTF-8, into the error text: the answer is
 * still a JSON error with those bytes as U+FFFD. */
static void test_parse_error_not_utf8(void)
{
    static const char body[] = "\"\\\xDE\xA3\x8A\xCF"
                               "000\"";
    struct req rq;
    struct ctx cx;
    struct resp rs;
    json_t *j = NULL;
    json_t *doc;

    memset(&rq, 0, sizeof(rq));
    memset(&cx, 0, sizeof(cx));
    rq.body = body;
    rq.body_len = strlen(body);
    rq.family = FAM_OCI_KMS;
    resp_init(&rs);
    CHECK_INT(oci_body_object(&rq, &cx, &rs, &j), OCI_ERR_CANNOT_PARSE);
    CHECK(j == NULL);
    CHECK_INT(rs.status, 400);
    doc = json_loadb(buf_str(&rs.body), rs.body.len, 0, NULL);
    CHECK(doc != NULL);
    CHECK_STR(json_string_value(json_object_get(doc, "code")), "CannotParseRequest");
    CHECK_CONTAINS(json_string_value(json_object_get(doc, "message")), "\xEF\xBF\xBD");
    json_decref(doc);
    resp_release(&rs);
}

static void test_fail_arg_not_utf8(void)
{
    struct ctx cx;
    struct resp rs;

    memset(&cx, 0, sizeof(cx));
    resp_init(&rs);
    CHECK_INT(oci_fail(&rs, &cx, OCI_ERR_INVALID_PARAMETER, "bad \xFF value"),
              OCI_ERR_INVALID_PARAMETER);
    CHECK_STR(buf_str(&rs.body),
              "{\"code\":\"InvalidParameter\",\"message\":\"bad \xEF\xBF\xBD value\"}");
    resp_release(&rs);
}

int main(void)
{
    TEST(test_parse_error_not_utf8);
    TEST(test_fail_arg_not_utf8);
    return TEST_REPORT();
}
