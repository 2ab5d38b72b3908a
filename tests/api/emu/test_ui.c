/* test_ui.c - GET /_cmkemu/ui and its files (server/emu/emu_ui.c): the page, script and style
 * sheet embedded at build time, their types and headers, and 404 for anything else. */
#include "harness.h"
#include "lib/apitest.h"

#include "server/emu/emu_ui.h"

#include <string.h>

static struct apitest t;

static void get(const char *method, const char *target, struct resp *rs)
{
    resp_release(rs);
    resp_init(rs);
    apitest_call(&t, method, target, NULL, NULL, rs);
}

static void test_page(void)
{
    struct resp rs;

    resp_init(&rs);
    get("GET", "/_cmkemu/ui", &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(resp_get_header(&rs, "Content-Type"), "text/html; charset=utf-8");
    CHECK_STR(resp_get_header(&rs, "Cache-Control"), "no-cache");
    CHECK_STR(resp_get_header(&rs, "X-Content-Type-Options"), "nosniff");
    CHECK_CONTAINS(resp_get_header(&rs, "Content-Security-Policy"), "default-src 'none'");
    CHECK_CONTAINS(resp_get_header(&rs, "Content-Security-Policy"), "script-src 'self';");
    CHECK_CONTAINS(resp_get_header(&rs, "Content-Security-Policy"), "connect-src 'self';");
    CHECK(!strncmp(buf_str(&rs.body), "<!doctype html>", 15));
    CHECK_CONTAINS(buf_str(&rs.body), "<script src=\"/_cmkemu/ui/app.js\" defer></script>");
    CHECK_CONTAINS(buf_str(&rs.body), "href=\"/_cmkemu/ui/app.css\"");
    get("HEAD", "/_cmkemu/ui", &rs);
    CHECK_INT(rs.status, 200);
    get("POST", "/_cmkemu/ui", &rs);
    CHECK_INT(rs.status, 405);
    resp_release(&rs);
}

static void test_files(void)
{
    struct resp rs;

    resp_init(&rs);
    get("GET", "/_cmkemu/ui/app.js", &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(resp_get_header(&rs, "Content-Type"), "text/javascript; charset=utf-8");
    CHECK_CONTAINS(buf_str(&rs.body), "/_cmkemu/state");
    /* data reaches the page as text only */
    CHECK(!strstr(buf_str(&rs.body), "innerHTML"));
    CHECK(!strstr(buf_str(&rs.body), "insertAdjacentHTML"));
    get("GET", "/_cmkemu/ui/app.css", &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(resp_get_header(&rs, "Content-Type"), "text/css; charset=utf-8");
    get("GET", "/_cmkemu/ui/index.html", &rs);
    CHECK_INT(rs.status, 200);
    get("GET", "/_cmkemu/ui/missing.js", &rs);
    CHECK_INT(rs.status, 404);
    CHECK_STR(resp_get_header(&rs, "Content-Type"), "application/json");
    get("GET", "/_cmkemu/ui/app.js/x", &rs);
    CHECK_INT(rs.status, 404);
    resp_release(&rs);
}

/* Every embedded file is whole: its size and a NUL after it. */
static void test_embedded(void)
{
    size_t total = 0;

    CHECK_INT(emu_ui_files_count, 3);
    for (size_t i = 0; i < emu_ui_files_count; i++) {
        CHECK(emu_ui_files[i].len > 100);
        CHECK_INT(emu_ui_files[i].data[emu_ui_files[i].len], 0);
        CHECK_INT(strlen((const char *)emu_ui_files[i].data), emu_ui_files[i].len);
        total += emu_ui_files[i].len;
    }
    CHECK(total > 0);
}

int main(void)
{
    if (apitest_open(&t))
        return 1;
    TEST(test_page);
    TEST(test_files);
    TEST(test_embedded);
    apitest_close(&t);
    return TEST_REPORT();
}
