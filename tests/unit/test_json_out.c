/* test_json_out.c - the JSON answers' printer (server/json_out.c): exact texts, and the same
 * bytes as json_dumps(JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY) for every kind of
 * value and every character class of a string. */
#include "harness.h"

#include "server/json_out.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* json_out's text of v equals want and jansson's text; consumes v */
static void check_text(json_t *v, const char *want)
{
    size_t n = 0;
    char *got = json_out(v, &n);
    char *ref = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);

    CHECK(got != NULL);
    CHECK_STR(got ? got : "(null)", want);
    CHECK_STR(ref ? ref : "(null)", want);
    CHECK_INT(n, strlen(want));
    free(got);
    free(ref);
    json_decref(v);
}

static void test_exact_texts(void)
{
    json_t *o = json_object();

    json_object_set_new(o, "namespace", json_string("ns"));
    json_object_set_new(o, "kmsKeyId", json_null());
    json_object_set_new(o, "approximateCount", json_integer(0));
    json_object_set_new(o, "isReadOnly", json_false());
    json_object_set_new(o, "replicationEnabled", json_true());
    json_object_set_new(o, "metadata", json_object());
    json_object_set_new(o, "items",
                        json_pack("[i,I,[],{s:s}]", -7, (json_int_t)9007199254740993LL, "k", "v"));
    /* insertion order, not key order */
    check_text(o, "{\"namespace\":\"ns\",\"kmsKeyId\":null,\"approximateCount\":0,"
                  "\"isReadOnly\":false,\"replicationEnabled\":true,\"metadata\":{},"
                  "\"items\":[-7,9007199254740993,[],{\"k\":\"v\"}]}");
    check_text(json_array(), "[]");
    check_text(json_string(""), "\"\"");
    check_text(json_integer(-9223372036854775807LL - 1), "-9223372036854775808");
    check_text(json_real(0.5), "0.5");
    check_text(json_real(3), "3.0");
}

static void test_string_escapes(void)
{
    /* quote, backslash, the short escapes, other control characters in upper-case hex, the
     * slash and non-ASCII UTF-8 as they are */
    check_text(
        json_string("a\"b\\c\bd\fe\nf\rg\th\x01i\x1fj/k\x7f\xc3\xa9\xe2\x80\xa8\xf0\x9f\x94\x91"),
        "\"a\\\"b\\\\c\\bd\\fe\\nf\\rg\\th\\u0001i\\u001Fj/k\x7f\xc3\xa9\xe2\x80\xa8"
        "\xf0\x9f\x94\x91\"");
    check_text(json_stringn("a\0b", 3), "\"a\\u0000b\"");
    {
        json_t *o = json_object();

        json_object_setn_new(o, "k\"\n\0z", 5, json_string("v"));
        check_text(o, "{\"k\\\"\\n\\u0000z\":\"v\"}");
    }
}

static void test_every_byte_matches_jansson(void)
{
    /* each control and ASCII character alone, then a parsed document with nesting */
    for (int c = 1; c < 0x80; c++) {
        char s[2] = { (char)c, 0 };
        json_t *v = json_string(s);
        char *got = json_out(v, NULL);
        char *ref = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);

        CHECK_STR(got, ref);
        free(got);
        free(ref);
        json_decref(v);
    }
    {
        const char *doc = "{\"z\":[1,2.25,{\"a\":null,\"b\":[true,false,\"\\u00e9\\n\"]}],"
                          "\"a\":{\"\":{\"x\":-0.0}},\"m\":1e300}";
        json_t *v = json_loads(doc, 0, NULL);
        char *got = json_out(v, NULL);
        char *ref = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);

        CHECK(v != NULL);
        CHECK_STR(got, ref);
        free(got);
        free(ref);
        json_decref(v);
    }
    CHECK(json_out(NULL, NULL) == NULL);
}

int main(void)
{
    TEST(test_exact_texts);
    TEST(test_string_escapes);
    TEST(test_every_byte_matches_jansson);
    return TEST_REPORT();
}
