/* test_s3_bucket_name.c - bucket naming and location-constraint rules (server/s3/s3_bucket_name.c).
 */
#include "harness.h"

#include "server/s3/s3_bucket_name.h"
#include "server/s3/s3_errors.h"

static const struct {
    const char *name;
    int valid;
    int demo;
} names[] = {
    { "abc", 1, 0 },
    { "my-bucket.example-1", 1, 0 },
    { "a.b.c", 1, 0 },
    { "0bucket9", 1, 0 },
    { "ab", 0, 0 },                                                               /* too short */
    { "a23456789012345678901234567890123456789012345678901234567890123", 1, 0 },  /* 63 */
    { "a234567890123456789012345678901234567890123456789012345678901234", 0, 0 }, /* 64 */
    { "Bad_Bucket", 0, 0 },
    { "UPPER", 0, 0 },
    { "under_score", 0, 0 },
    { "-leading", 0, 0 },
    { "trailing-", 0, 0 },
    { ".leading", 0, 0 },
    { "trailing.", 0, 0 },
    { "double..dot", 0, 0 },
    { "dash-.dot", 0, 0 },
    { "dot.-dash", 0, 0 },
    { "sp ace", 0, 0 },
    { "192.168.5.4", 0, 0 }, /* IPv4 form */
    { "192.168.5", 1, 0 },
    { "1.2.3.4.5", 1, 0 },
    { "xn--bucket", 0, 0 }, /* reserved prefixes */
    { "sthree-bucket", 0, 0 },
    { "sthree-configurator", 0, 0 },
    { "amzn-s3-demo-bucket", 0, 1 },
    { "amzn-s3-demo-bucket1", 0, 1 },
    { "amzn-s3-demo-", 0, 0 },  /* ends with '-' */
    { "bucket-s3alias", 0, 0 }, /* reserved suffixes */
    { "bucket--ol-s3", 0, 0 },
    { "bucket.mrap", 0, 0 },
    { "bucket--use1-az4--x-s3", 0, 0 },
    { "bucket--table-s3", 0, 0 },
    { "amzn-s3-demo-x--x-s3", 0, 0 },
    { "s3alias-bucket", 1, 0 },
    { "xn-bucket", 1, 0 },
};

static void test_names(void)
{
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (s3_bucket_name_valid(names[i].name) != names[i].valid)
            printf("  valid(%s) != %d\n", names[i].name, names[i].valid);
        CHECK_INT(s3_bucket_name_valid(names[i].name), names[i].valid);
        if (s3_bucket_name_is_demo(names[i].name) != names[i].demo)
            printf("  demo(%s) != %d\n", names[i].name, names[i].demo);
        CHECK_INT(s3_bucket_name_is_demo(names[i].name), names[i].demo);
    }
    CHECK_INT(s3_bucket_name_valid(NULL), 0);
}

static const struct {
    const char *endpoint;
    const char *constraint; /* NULL: none sent */
    int err;
    const char *region;
} locations[] = {
    { "us-east-1", NULL, S3_OK, "us-east-1" },
    { "us-east-1", "eu-west-1", S3_OK, "eu-west-1" }, /* us-east-1 takes any region */
    { "us-east-1", "ap-southeast-2", S3_OK, "ap-southeast-2" },
    { "us-east-1", "us-east-1", S3_ERR_INVALID_LOCATION, NULL },
    { "us-east-1", "junk", S3_ERR_INVALID_LOCATION, NULL },
    { "us-east-1", "EU", S3_ERR_INVALID_LOCATION, NULL },
    { "eu-west-1", NULL, S3_ERR_LOCATION_UNSPECIFIED, NULL },
    { "eu-west-1", "eu-west-1", S3_OK, "eu-west-1" },
    { "eu-west-1", "eu-west-2", S3_ERR_LOCATION_INCOMPATIBLE, NULL },
    { "eu-west-1", "EU", S3_ERR_LOCATION_INCOMPATIBLE, NULL },
    { "eu-west-1", "aws-global", S3_ERR_LOCATION_INCOMPATIBLE, NULL },
    { "eu-west-1", "us-east-1", S3_ERR_LOCATION_INCOMPATIBLE, NULL },
    { "local-1", "local-1", S3_OK, "local-1" }, /* the endpoint's own region always fits */
};

static void test_locations(void)
{
    for (size_t i = 0; i < sizeof(locations) / sizeof(locations[0]); i++) {
        char region[32] = "";
        int err = s3_location_resolve(locations[i].endpoint, locations[i].constraint, region,
                                      sizeof(region));

        CHECK_INT(err, locations[i].err);
        if (locations[i].region)
            CHECK_STR(region, locations[i].region);
    }
}

static void test_regions(void)
{
    CHECK_INT(s3_region_known("us-west-2"), 1);
    CHECK_INT(s3_region_known("eu-central-2"), 1);
    CHECK_INT(s3_region_known("cn-north-1"), 0); /* another partition */
    CHECK_INT(s3_region_known("us-east-1 "), 0);
    CHECK_INT(s3_region_known(""), 0);
}

int main(void)
{
    TEST(test_names);
    TEST(test_locations);
    TEST(test_regions);
    return TEST_REPORT();
}
