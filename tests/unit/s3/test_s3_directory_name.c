/* test_s3_directory_name.c - directory bucket names, zone ids and the directory configuration
 * of CreateBucket (server/s3/s3_directory_name.c; s3-spec §3). */
#include "harness.h"

#include "server/s3/s3_directory_name.h"
#include "server/s3/s3_errors.h"

static const struct {
    const char *name;
    int valid;
    const char *zone;
} names[] = {
    { "bucket--use1-az4--x-s3", 1, "use1-az4" },
    { "my-bucket-1--usw2-az1--x-s3", 1, "usw2-az1" },
    { "b--apne1-az11--x-s3", 1, "apne1-az11" },
    { "b--usw2-lax1-az1--x-s3", 1, "usw2-lax1-az1" }, /* a Local Zone */
    { "a--b--use1-az4--x-s3", 1, "use1-az4" },        /* the zone follows the last "--" */
    { "a2345678901234567890123456789012345678901234567--use1-az4--x-s3", 1, "use1-az4" }, /* 63 */
    { "a23456789012345678901234567890123456789012345678--use1-az4--x-s3", 0, NULL },      /* 64 */
    { "Bucket--use1-az4--x-s3", 0, NULL },    /* uppercase */
    { "my.bucket--use1-az4--x-s3", 0, NULL }, /* no dots */
    { "my_bucket--use1-az4--x-s3", 0, NULL },
    { "-bucket--use1-az4--x-s3", 0, NULL }, /* starts with '-' */
    { "bucket---use1-az4--x-s3", 0, NULL }, /* base ends with '-' */
    { "--use1-az4--x-s3", 0, NULL },        /* no base */
    { "bucket--x-s3", 0, NULL },            /* no zone */
    { "bucket----x-s3", 0, NULL },
    { "bucket--use1--x-s3", 0, NULL }, /* not a zone id */
    { "bucket--use1-az--x-s3", 0, NULL },
    { "bucket--az4--x-s3", 0, NULL },
    { "bucket--1use-az4--x-s3", 0, NULL },
    { "bucket--use1-az4x--x-s3", 0, NULL },
    { "bucket--use1-a-b-az4--x-s3", 0, NULL }, /* too many groups */
    { "bucket--use1-az4", 0, NULL },           /* no suffix */
    { "bucket--use1-az4--x-s3x", 0, NULL },
    { "xn--b--use1-az4--x-s3", 0, NULL }, /* reserved prefixes */
    { "sthree-b--use1-az4--x-s3", 0, NULL },
    { "amzn-s3-demo-b--use1-az4--x-s3", 0, NULL },
};

static void test_names(void)
{
    char zone[32];

    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        int v = s3_directory_name_valid(names[i].name, zone, sizeof(zone));

        if (v != names[i].valid)
            printf("  valid(%s) != %d\n", names[i].name, names[i].valid);
        CHECK_INT(v, names[i].valid);
        if (v && names[i].zone)
            CHECK_STR(zone, names[i].zone);
        CHECK_INT(s3_directory_name_claimed(names[i].name),
                  strlen(names[i].name) >= 6 &&
                      !strcmp(names[i].name + strlen(names[i].name) - 6, "--x-s3"));
    }
    CHECK_INT(s3_directory_name_valid(NULL, zone, sizeof(zone)), 0);
    CHECK_INT(s3_directory_name_claimed("plain-bucket"), 0);
}

static void test_zone_ids(void)
{
    CHECK_INT(s3_zone_id_valid("use1-az4"), 1);
    CHECK_INT(s3_zone_id_valid("euw1-az1"), 1);
    CHECK_INT(s3_zone_id_valid("usw2-lax1-az1"), 1);
    CHECK_INT(s3_zone_id_valid(""), 0);
    CHECK_INT(s3_zone_id_valid("use1"), 0);
    CHECK_INT(s3_zone_id_valid("USE1-az4"), 0);
    CHECK_INT(s3_zone_id_valid("use1-az4-"), 0);
    CHECK_INT(s3_zone_id_valid("use1--az4"), 0);
}

static void test_config(void)
{
    static const struct {
        struct s3_dir_config c;
        int err;
    } rows[] = {
        { { 1, 1, "AvailabilityZone", "use1-az4", "Directory", "SingleAvailabilityZone" }, S3_OK },
        { { 1, 1, "LocalZone", "use1-az4", "Directory", "SingleLocalZone" }, S3_OK },
        { { 1, 1, "AvailabilityZone", "use1-az6", "Directory", "SingleAvailabilityZone" },
          S3_ERR_INVALID_BUCKET_NAME },
        { { 1, 1, "AvailabilityZone", "use1-az4", "Directory", "SingleLocalZone" },
          S3_ERR_MALFORMED_XML },
        { { 1, 1, "LocalZone", "use1-az4", "Directory", "SingleAvailabilityZone" },
          S3_ERR_MALFORMED_XML },
        { { 1, 1, "Region", "use1-az4", "Directory", "SingleAvailabilityZone" },
          S3_ERR_MALFORMED_XML },
        { { 1, 1, "AvailabilityZone", "use1-az4", "General", "SingleAvailabilityZone" },
          S3_ERR_MALFORMED_XML },
        { { 0, 1, "", "", "Directory", "SingleAvailabilityZone" }, S3_ERR_MALFORMED_XML },
        { { 1, 0, "AvailabilityZone", "use1-az4", "", "" }, S3_ERR_MALFORMED_XML },
    };

    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
        CHECK_INT(s3_dir_config_check(&rows[i].c, "use1-az4"), rows[i].err);
}

int main(void)
{
    TEST(test_names);
    TEST(test_zone_ids);
    TEST(test_config);
    return TEST_REPORT();
}
