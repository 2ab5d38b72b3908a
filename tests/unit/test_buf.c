/* test_buf.c - the capped growable buffer (server/buf.c). */
#include "harness.h"

#include "server/buf.h"

#include <stdlib.h>
#include <string.h>

static void test_append_and_cap(void)
{
    struct buf b;

    buf_init(&b, 8);
    CHECK_STR(buf_str(&b), "");
    CHECK_INT(buf_puts(&b, "abcd"), 0);
    CHECK_INT(buf_printf(&b, "%d", 123), 0);
    CHECK_STR(buf_str(&b), "abcd123");
    CHECK_INT(buf_puts(&b, "xy"), -1); /* 9 > cap 8: refused, content kept */
    CHECK_STR(buf_str(&b), "abcd123");
    CHECK_INT(buf_puts(&b, "z"), 0);
    CHECK_INT(b.len, 8);
    buf_release(&b);
}

static void test_detach(void)
{
    struct buf b;
    size_t n = 99;
    char *p;

    buf_init(&b, 100);
    p = buf_detach(&b, &n);
    CHECK_STR(p, "");
    CHECK_INT(n, 0);
    free(p);
    buf_puts(&b, "hello");
    p = buf_detach(&b, &n);
    CHECK_STR(p, "hello");
    CHECK_INT(n, 5);
    CHECK(b.data == NULL);
    free(p);
}

static void test_reserve(void)
{
    struct buf b;

    buf_init(&b, 100);
    CHECK_INT(buf_reserve(&b, 80), 0);
    CHECK(b.alloc >= 81);
    CHECK_INT(b.len, 0);
    CHECK_STR(buf_str(&b), "");
    CHECK_INT(buf_reserve(&b, 101), -1); /* over the cap */
    CHECK_INT(buf_puts(&b, "abc"), 0);
    CHECK_INT(buf_reserve(&b, 98), -1);
    CHECK_INT(buf_reserve(&b, 97), 0);
    CHECK_STR(buf_str(&b), "abc");
    buf_release(&b);
}

/* the inline path (bytes that fit) and the growing path meet at the cap exactly */
static void test_append_fits_up_to_cap(void)
{
    struct buf b;

    buf_init(&b, 100);
    CHECK_INT(buf_reserve(&b, 100), 0); /* alloc 101: the inline path holds all 100 */
    for (int i = 0; i < 100; i++)
        CHECK_INT(buf_append(&b, "x", 1), 0);
    CHECK_INT(b.len, 100);
    CHECK_INT(buf_append(&b, "y", 1), -1);
    CHECK_INT(buf_append(&b, "", 0), 0);
    CHECK_INT(b.len, 100);
    CHECK_INT(b.data[100], '\0');
    buf_release(&b);

    buf_init(&b, 1000);
    for (int i = 0; i < 300; i++) /* grows from nothing through several sizes */
        CHECK_INT(buf_append(&b, "abc", 3), 0);
    CHECK_INT(b.len, 900);
    CHECK_INT(strlen(buf_str(&b)), 900);
    CHECK_INT(buf_append(&b, "0123456789", 10), 0);
    {
        char more[91];

        memset(more, 'z', sizeof(more));
        CHECK_INT(buf_append(&b, more, sizeof(more)), -1); /* 1001 > cap */
        CHECK_INT(buf_append(&b, more, sizeof(more) - 1), 0);
        CHECK_INT(b.len, 1000);
        CHECK_INT(buf_append(&b, "", 0), 0);
        CHECK_INT(buf_append(&b, "z", 1), -1);
    }
    buf_release(&b);
}

int main(void)
{
    TEST(test_append_and_cap);
    TEST(test_detach);
    TEST(test_reserve);
    TEST(test_append_fits_up_to_cap);
    return TEST_REPORT();
}
