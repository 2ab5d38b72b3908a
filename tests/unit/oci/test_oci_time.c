/* test_oci_time.c - RFC 3339 times as OCI writes and reads them (oci_time, oci_time_parse in
 * server/oci/oci_common.c). */
#include "harness.h"

#include "server/oci/oci_common.h"

static void test_render(void)
{
    char out[64];

    oci_time(1764000000000LL, out, sizeof(out));
    CHECK_STR(out, "2025-11-24T16:00:00.000Z");
    oci_time(1764000000374LL, out, sizeof(out));
    CHECK_STR(out, "2025-11-24T16:00:00.374Z");
    oci_time(0, out, sizeof(out));
    CHECK_STR(out, "1970-01-01T00:00:00.000Z");
    /* before 1970 the millisecond part still counts up from the start of its second */
    oci_time(-1500, out, sizeof(out));
    CHECK_STR(out, "1969-12-31T23:59:58.500Z");
    oci_time(-1, out, sizeof(out));
    CHECK_STR(out, "1969-12-31T23:59:59.999Z");
}

static void test_parse(void)
{
    int64_t ms = 0;

    CHECK_INT(oci_time_parse("2025-11-24T16:00:00.374Z", &ms), 0);
    CHECK_INT(ms, 1764000000374LL);
    CHECK_INT(oci_time_parse("2025-11-24T16:00:00Z", &ms), 0);
    CHECK_INT(ms, 1764000000000LL);
    CHECK_INT(oci_time_parse("2025-11-24T21:30:00.5+05:30", &ms), 0);
    CHECK_INT(ms, 1764000000500LL);
    CHECK_INT(oci_time_parse("2025-11-24T08:00:00-08:00", &ms), 0);
    CHECK_INT(ms, 1764000000000LL);
    CHECK_INT(oci_time_parse("1969-12-31T23:59:58.5Z", &ms), 0);
    CHECK_INT(ms, -1500);
    CHECK(oci_time_parse("2025-11-24T16:00:00", &ms) != 0);
    CHECK(oci_time_parse("2025-11-24T16:00:00.Z", &ms) != 0);
    CHECK(oci_time_parse("2025-11-24", &ms) != 0);
    CHECK(oci_time_parse(NULL, &ms) != 0);
    /* an offset is +hh:mm or -hh:mm in digits, hh 00-23, mm 00-59 */
    CHECK(oci_time_parse("2026-11-25T08:32:37+ab:cd", &ms) != 0);
    CHECK(oci_time_parse("2026-11-25T08:32:37+0:300", &ms) != 0);
    CHECK(oci_time_parse("2026-11-25T08:32:37+24:00", &ms) != 0);
    CHECK(oci_time_parse("2026-11-25T08:32:37-05:60", &ms) != 0);
    CHECK_INT(oci_time_parse("2026-11-25T08:32:37+23:59", &ms), 0);
    /* fields beyond the calendar are refused, not carried over */
    CHECK(oci_time_parse("2026-02-29T00:00:00Z", &ms) != 0);
    CHECK_INT(oci_time_parse("2028-02-29T00:00:00Z", &ms), 0);
    CHECK(oci_time_parse("2026-04-31T00:00:00Z", &ms) != 0);
    CHECK(oci_time_parse("2026-11-25T23:59:60Z", &ms) != 0);
    CHECK(oci_time_parse("9999-12-31T23:59:60.999Z", &ms) != 0);
    /* and so are instants the offset moves out of four-digit years */
    CHECK(oci_time_parse("9999-12-31T23:59:59-00:01", &ms) != 0);
    CHECK(oci_time_parse("0000-01-01T00:00:00+00:01", &ms) != 0);
    CHECK_INT(oci_time_parse("0000-01-01T00:00:00Z", &ms), 0);
    CHECK_INT(oci_time_parse("9999-12-31T23:59:59.999Z", &ms), 0);
    CHECK_INT(ms, 253402300799999LL);
    /* the second before the epoch is a time like any other */
    CHECK_INT(oci_time_parse("1969-12-31T23:59:59Z", &ms), 0);
    CHECK_INT(ms, -1000);
}

int main(void)
{
    TEST(test_render);
    TEST(test_parse);
    return TEST_REPORT();
}
