/* test_api_message.c - error messages built from request values are valid UTF-8 (server/api.c). */
#include "harness.h"

#include "server/api.h"

static void test_scrub(void)
{
    char s1[] = "ok \xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\x91";
    char s2[] = "a\xff\xfe"
                "b";
    char s3[] = "\xc0\xaf \xed\xa0\x80 \xf4\x90\x80\x80";
    char s4[] = "cut \xe2\x82";

    api_utf8_scrub(s1);
    CHECK_STR(s1, "ok \xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\x91"); /* valid: unchanged */
    api_utf8_scrub(s2);
    CHECK_STR(s2, "a??b");
    api_utf8_scrub(s3); /* overlong, surrogate, past U+10FFFF */
    CHECK_STR(s3, "?? ??? ????");
    api_utf8_scrub(s4);
    CHECK_STR(s4, "cut ??");
}

static void test_valid(void)
{
    CHECK_INT(api_utf8_valid("plain \xc3\xa9"), 1);
    CHECK_INT(api_utf8_valid(""), 1);
    CHECK_INT(api_utf8_valid("\xff"), 0);
    CHECK_INT(api_utf8_valid("\xc3"), 0);
    CHECK_INT(api_utf8_valid("\xed\xa0\x80"), 0);
}

static void test_message_with_bad_value(void)
{
    char msg[64];

    api_message(msg, sizeof(msg), "The bucket '%s' does not exist.", "b\xff");
    CHECK_STR(msg, "The bucket 'b?' does not exist.");
    /* cut inside a character by the buffer's size */
    api_message(msg, 7, "%s", "abcde\xc3\xa9");
    CHECK_STR(msg, "abcde?");
}

int main(void)
{
    TEST(test_scrub);
    TEST(test_valid);
    TEST(test_message_with_bad_value);
    return TEST_REPORT();
}
