/* test_api.c - the helpers every family's errors use (server/api.c). */
#include "harness.h"

#include "server/api.h"

static void test_message(void)
{
    char out[32];

    api_message(out, sizeof(out), "Value for %s is invalid.", "x");
    CHECK_STR(out, "Value for x is invalid.");
    api_message(out, sizeof(out), "No hole", "x");
    CHECK_STR(out, "No hole");
    api_message(out, sizeof(out), "[%s]", NULL);
    CHECK_STR(out, "[]");
}

static void test_utf8_len(void)
{
    unsigned long cp = 0;

    CHECK_INT(api_utf8_len("a", &cp), 1);
    CHECK_INT(cp, 'a');
    CHECK_INT(api_utf8_len("\xC3\xA9", &cp), 2);
    CHECK_INT(cp, 0xE9);
    CHECK_INT(api_utf8_len("\xEF\xBF\xBD", &cp), 3);
    CHECK_INT(cp, 0xFFFD);
    CHECK_INT(api_utf8_len("\xF4\x8F\xBF\xBF", &cp), 4);
    CHECK_INT(cp, 0x10FFFF);
    CHECK_INT(api_utf8_len("\xC0\xAF", NULL), 0);         /* overlong '/' */
    CHECK_INT(api_utf8_len("\xE0\x80\xAF", NULL), 0);     /* overlong '/' */
    CHECK_INT(api_utf8_len("\xED\xA0\x80", NULL), 0);     /* surrogate U+D800 */
    CHECK_INT(api_utf8_len("\xF4\x90\x80\x80", NULL), 0); /* over U+10FFFF */
    CHECK_INT(api_utf8_len("\xC3", NULL), 0);             /* cut short by the NUL */
    CHECK_INT(api_utf8_len("\xFF", NULL), 0);
}

static void test_utf8_clean(void)
{
    char out[16];

    api_utf8_clean(out, sizeof(out), "a\xC3\xA9z");
    CHECK_STR(out, "a\xC3\xA9z");
    api_utf8_clean(out, sizeof(out),
                   "a\xFF"
                   "b\xC3");
    CHECK_STR(out, "a\xEF\xBF\xBD"
                   "b\xEF\xBF\xBD");
    /* a character that does not fit is left out whole */
    api_utf8_clean(out, 5, "ab\xC3\xA9");
    CHECK_STR(out, "ab\xC3\xA9");
    api_utf8_clean(out, 4, "ab\xC3\xA9");
    CHECK_STR(out, "ab");
}

int main(void)
{
    TEST(test_message);
    TEST(test_utf8_len);
    TEST(test_utf8_clean);
    return TEST_REPORT();
}
