/* harness.h - a tiny test harness (after redis's testhelp.h): TEST() cases, CHECK_* asserts,
 * and a closing "N tests, N passed, N failed" line. A test binary exits 1 on any failure. */
#ifndef CMKEMU_HARNESS_H
#define CMKEMU_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_failed_asserts;
static int harness_passed;
static int harness_failed;

#define CHECK(cond)                                                           \
    do {                                                                      \
        if (!(cond)) {                                                        \
            printf("  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
            harness_failed_asserts++;                                         \
        }                                                                     \
    } while (0)

#define CHECK_INT(a, b)                                                                       \
    do {                                                                                      \
        long long ha_ = (long long)(a), hb_ = (long long)(b);                                 \
        if (ha_ != hb_) {                                                                     \
            printf("  %s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, ha_, hb_); \
            harness_failed_asserts++;                                                         \
        }                                                                                     \
    } while (0)

#define CHECK_STR(a, b)                                                                \
    do {                                                                               \
        const char *ha_ = (a), *hb_ = (b);                                             \
        if (!ha_ || !hb_ || strcmp(ha_, hb_)) {                                        \
            printf("  %s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a, \
                   ha_ ? ha_ : "(null)", hb_ ? hb_ : "(null)");                        \
            harness_failed_asserts++;                                                  \
        }                                                                              \
    } while (0)

#define CHECK_CONTAINS(hay, needle)                                                                \
    do {                                                                                           \
        const char *ha_ = (hay), *hb_ = (needle);                                                  \
        if (!ha_ || !strstr(ha_, hb_)) {                                                           \
            printf("  %s:%d: %s does not contain \"%s\": \"%s\"\n", __FILE__, __LINE__, #hay, hb_, \
                   ha_ ? ha_ : "(null)");                                                          \
            harness_failed_asserts++;                                                              \
        }                                                                                          \
    } while (0)

/* Runs fn and counts it as one test. */
#define TEST(fn)                                 \
    do {                                         \
        int before_ = harness_failed_asserts;    \
        fn();                                    \
        if (harness_failed_asserts == before_) { \
            harness_passed++;                    \
        } else {                                 \
            harness_failed++;                    \
            printf("FAIL %s\n", #fn);            \
        }                                        \
    } while (0)

#define TEST_REPORT()                                                                            \
    (printf("%d tests, %d passed, %d failed\n", harness_passed + harness_failed, harness_passed, \
            harness_failed),                                                                     \
     harness_failed ? 1 : 0)

#endif
