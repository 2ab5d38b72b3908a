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

/* the writer's text: w's text equals want; w is empty afterwards */
static void check_jw(struct jw *w, const char *want)
{
    size_t n = 0;
    char *got = jw_finish(w, &n);

    CHECK(got != NULL);
    CHECK_STR(got ? got : "(null)", want);
    CHECK_INT(n, strlen(want));
    CHECK(w->p == NULL && w->len == 0 && w->comma == 0);
    free(got);
}

/* each byte that needs a look, at every position of strings of 1 to 24 bytes: the 8-byte steps
 * find it wherever it is */
static void test_special_at_every_position(void)
{
    const char *specials[] = { "\x01", "\x1f", "\"", "\\", "\n", "\xc3\xa9", "\xe2\x80\xa8" };
    int bad = 0;

    for (size_t k = 0; k < sizeof(specials) / sizeof(specials[0]); k++) {
        for (size_t len = 1; len <= 24; len++) {
            for (size_t at = 0; at + strlen(specials[k]) <= len; at++) {
                char s[32];
                json_t *v;
                char *got, *ref;

                memset(s, ' ' + (int)(len % 90), len); /* a printable byte, from ' ' up */
                memcpy(s + at, specials[k], strlen(specials[k]));
                s[len] = '\0';
                v = json_string(s);
                got = json_out(v, NULL);
                ref = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
                if (!got || !ref || strcmp(got, ref)) {
                    CHECK_STR(got ? got : "(null)", ref ? ref : "(null)");
                    bad++;
                }
                free(got);
                free(ref);
                json_decref(v);
            }
        }
    }
    CHECK_INT(bad, 0);
}

static void test_writer_separators(void)
{
    struct jw w = { 0 };
    json_t *v = json_pack("{s:[i,s],s:{}}", "a", 1, "c", "b");

    /* members and elements get a ',' between them, never before the first or after a key */
    jw_open(&w, '{');
    jw_key(&w, "s");
    jw_string(&w, "x");
    jw_key(&w, "n");
    jw_string(&w, NULL);
    jw_key(&w, "list");
    jw_open(&w, '[');
    jw_int(&w, -12);
    jw_bool(&w, 1);
    jw_bool(&w, 0);
    jw_null(&w);
    jw_open(&w, '{');
    jw_close(&w, '}');
    jw_open(&w, '[');
    jw_close(&w, ']');
    jw_raw(&w, "{\"k\":[1]}", 9);
    jw_close(&w, ']');
    jw_key(&w, "tree");
    jw_value(&w, v);
    jw_key(&w, "last");
    jw_int(&w, 9223372036854775807LL);
    jw_close(&w, '}');
    check_jw(&w, "{\"s\":\"x\",\"n\":null,\"list\":[-12,true,false,null,{},[],{\"k\":[1]}],"
                 "\"tree\":{\"a\":[1,\"c\"],\"b\":{}},\"last\":9223372036854775807}");
    json_decref(v);

    /* a top-level array of objects, as a list answer */
    jw_open(&w, '[');
    for (int i = 0; i < 3; i++) {
        jw_open(&w, '{');
        jw_key(&w, "i");
        jw_int(&w, i);
        jw_close(&w, '}');
    }
    jw_close(&w, ']');
    check_jw(&w, "[{\"i\":0},{\"i\":1},{\"i\":2}]");

    /* nothing written: an empty text, not NULL */
    check_jw(&w, "");
}

static void test_writer_strings(void)
{
    struct jw w = { 0 };

    /* escapes as json_out's, valid UTF-8 as it is (2, 3 and 4 bytes), and every byte that is not
     * UTF-8 (a lone continuation, a truncated sequence, an overlong form, 0xFF) as U+FFFD */
    jw_open(&w, '[');
    jw_string(&w, "q\"b\\n\n\x01/\xc3\xa9\xe2\x82\xac\xf0\x9f\x94\x91");
    jw_string(&w, "a\x80"
                  "b");
    jw_string(&w, "c\xe2\x82");
    jw_string(&w, "\xc0\xaf");
    jw_string(&w, "\xff");
    jw_close(&w, ']');
    check_jw(&w, "[\"q\\\"b\\\\n\\n\\u0001/\xc3\xa9\xe2\x82\xac\xf0\x9f\x94\x91\","
                 "\"a\xef\xbf\xbd"
                 "b\",\"c\xef\xbf\xbd\xef\xbf\xbd\","
                 "\"\xef\xbf\xbd\xef\xbf\xbd\",\"\xef\xbf\xbd\"]");

    /* a literal member name through JW_KEY: the same text as jw_key */
    jw_open(&w, '{');
    JW_KEY(&w, "namespace");
    jw_string(&w, "ns");
    JW_KEY(&w, "kmsKeyId");
    jw_null(&w);
    jw_key(&w, "after");
    jw_int(&w, 1);
    jw_close(&w, '}');
    check_jw(&w, "{\"namespace\":\"ns\",\"kmsKeyId\":null,\"after\":1}");

    /* a key is escaped like a string */
    jw_open(&w, '{');
    jw_key(&w, "k\"\t");
    jw_int(&w, 0);
    jw_close(&w, '}');
    check_jw(&w, "{\"k\\\"\\t\":0}");

    /* long ASCII runs around an escape, past any word-sized step */
    {
        char s[200];
        char want[220];

        memset(s, 'a', sizeof(s) - 1);
        s[sizeof(s) - 1] = '\0';
        s[101] = '"';
        snprintf(want, sizeof(want), "\"%.*s\\\"%s\"", 101, s, s + 102);
        jw_string(&w, s);
        check_jw(&w, want);
    }
}

int main(void)
{
    TEST(test_exact_texts);
    TEST(test_string_escapes);
    TEST(test_every_byte_matches_jansson);
    TEST(test_special_at_every_position);
    TEST(test_writer_separators);
    TEST(test_writer_strings);
    return TEST_REPORT();
}
