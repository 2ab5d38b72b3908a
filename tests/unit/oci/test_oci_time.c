/* test_oci_time.c - RFC 3339 times as OCI writes and reads them (oci_time, oci_time_parse in
 * server/oci/oci_common.c). */
#include "harness.h"

#include "server/oci/oci_common.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

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

/* one day in 13 of 0000-9999 and every day around 1970, 2000 and 2100, at a few times of the
 * day, against gmtime_r */
static int render_days(int64_t first, int64_t last, int64_t step)
{
    int bad = 0;

    for (int64_t day = first; day <= last && bad < 5; day += step) {
        int64_t at[] = { 0, 1, 3599, 43210, 86399 };

        for (size_t i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
            time_t t = (time_t)(day + at[i]);
            struct tm tm;
            char want[64], got[64];
            int64_t ms = (day + at[i]) * 1000 + (int64_t)(i * 211 % 1000);

            gmtime_r(&t, &tm);
            snprintf(want, sizeof(want), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                     tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                     (int)(i * 211 % 1000));
            oci_time(ms, got, sizeof(got));
            if (strcmp(got, want)) {
                CHECK_STR(got, want);
                bad++;
            }
        }
    }
    return bad;
}

static void test_render_matches_gmtime(void)
{
    CHECK_INT(render_days(-62167219200LL, 253402214400LL, 13 * 86400), 0); /* 0000 to 9999 */
    CHECK_INT(render_days(-63158400LL, 126230400LL, 86400), 0);            /* 1968 to 1974 */
    CHECK_INT(render_days(915148800LL, 1009843200LL, 86400), 0);           /* 1999 to 2002 */
    CHECK_INT(render_days(4070908800LL, 4165603200LL, 86400), 0);          /* 2099 to 2102 */
    {
        char small[11];

        oci_time(1764000000374LL, small, sizeof(small)); /* cut like snprintf */
        CHECK_STR(small, "2025-11-24");
    }
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
    TEST(test_render_matches_gmtime);
    TEST(test_parse);
    return TEST_REPORT();
}
