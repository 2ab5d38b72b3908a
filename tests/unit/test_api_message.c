/* test_api_message.c - error messages built from request values are valid UTF-8 (server/api.c). */
#include "harness.h"

#include "server/api.h"

static void test_clean(void)
{
    char out[64];

    api_utf8_clean(out, sizeof(out), "ok \xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\x91");
    CHECK_STR(out, "ok \xc3\xa9 \xe2\x82\xac \xf0\x9f\x94\x91"); /* valid: unchanged */
    api_utf8_clean(out, sizeof(out),
                   "a\xff\xfe"
                   "b");
    CHECK_STR(out, "a\xef\xbf\xbd\xef\xbf\xbd"
                   "b");
    /* overlong, surrogate, past U+10FFFF: each byte that starts no character is replaced */
    api_utf8_clean(out, sizeof(out), "\xc0\xaf \xed\xa0\x80");
    CHECK_STR(out, "\xef\xbf\xbd\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    api_utf8_clean(out, sizeof(out), "cut \xe2\x82");
    CHECK_STR(out, "cut \xef\xbf\xbd\xef\xbf\xbd");
}

static void test_message_with_bad_value(void)
{
    char msg[64];

    api_message(msg, sizeof(msg), "The bucket '%s' does not exist.", "b\xff");
    CHECK_STR(msg, "The bucket 'b\xef\xbf\xbd' does not exist.");
    /* cut inside a character by the buffer's size */
    api_message(msg, 7, "%s", "abcde\xc3\xa9");
    CHECK_STR(msg, "abcde"); /* a character that does not fit is left out whole */
}

int main(void)
{
    TEST(test_clean);
    TEST(test_message_with_bad_value);
    return TEST_REPORT();
}
