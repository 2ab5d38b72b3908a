/* test_resp.c - the response builder (server/resp.c): headers set, replaced (any case) and
 * deleted, inside the resp's own text and past it. */
#include "harness.h"

#include "server/resp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void test_set_replace_delete(void)
{
    struct resp rs;

    resp_init(&rs);
    resp_header(&rs, "Content-Type", "application/json");
    resp_header(&rs, "ETag", "a");
    resp_headerf(&rs, "x-n", "%d-%s", 7, "z");
    resp_header(&rs, "content-type", "application/xml"); /* replaced in place, any case */
    resp_header(&rs, "x-null", NULL);
    CHECK_INT(rs.nheader, 4);
    CHECK_STR(rs.header[0].name, "Content-Type");
    CHECK_STR(resp_get_header(&rs, "CONTENT-TYPE"), "application/xml");
    CHECK_STR(resp_get_header(&rs, "x-n"), "7-z");
    CHECK_STR(resp_get_header(&rs, "x-null"), "");
    resp_del_header(&rs, "etag");
    CHECK(resp_get_header(&rs, "ETag") == NULL);
    CHECK_INT(rs.nheader, 3);
    CHECK_STR(rs.header[1].name, "x-n"); /* order kept */
    resp_release(&rs);
    CHECK_INT(rs.nheader, 0);
}

static void test_past_the_inline_text(void)
{
    struct resp rs;
    char *big = malloc(RESP_TEXT * 2);
    char name[32];

    CHECK(big != NULL);
    memset(big, 'v', RESP_TEXT * 2 - 1);
    big[RESP_TEXT * 2 - 1] = '\0';
    resp_init(&rs);
    resp_header(&rs, "x-big", big); /* larger than the whole text: malloc'd */
    CHECK_INT(rs.header[0].own_value, 1);
    CHECK_STR(resp_get_header(&rs, "x-big"), big);
    for (int i = 0; i < 100; i++) { /* fills the text, then the rest are malloc'd */
        snprintf(name, sizeof(name), "x-h%d", i);
        resp_header(&rs, name, "0123456789012345678901234567890123456789");
    }
    CHECK_INT(rs.nheader, 101);
    CHECK(rs.header[100].own_name || rs.header[100].own_value);
    CHECK_STR(resp_get_header(&rs, "x-h99"), "0123456789012345678901234567890123456789");
    CHECK_STR(resp_get_header(&rs, "x-h0"), "0123456789012345678901234567890123456789");
    resp_header(&rs, "x-big", "small"); /* a malloc'd value replaced (and freed) */
    CHECK_STR(resp_get_header(&rs, "x-big"), "small");
    resp_header(&rs, "x-h0", big); /* an inline value replaced by a malloc'd one */
    CHECK_STR(resp_get_header(&rs, "x-h0"), big);
    resp_del_header(&rs, "x-h0");
    resp_del_header(&rs, "x-h99");
    CHECK_INT(rs.nheader, 99);
    for (int i = 100; i < 200; i++) { /* up to RESP_MAX_HEADERS, then dropped */
        snprintf(name, sizeof(name), "x-h%d", i);
        resp_header(&rs, name, "v");
    }
    CHECK_INT(rs.nheader, RESP_MAX_HEADERS);
    resp_release(&rs); /* LSan: every malloc'd string freed */
    free(big);
}

int main(void)
{
    TEST(test_set_replace_delete);
    TEST(test_past_the_inline_text);
    return TEST_REPORT();
}
