/* s3_bucket_name.c - bucket naming rules and the location-constraint rules of CreateBucket.
 * Pure: no I/O, no storage. */
#include "s3_bucket_name.h"

#include "s3_errors.h"

#include <stdio.h>
#include <string.h>

static const char *const reserved_prefixes[] = { "xn--", "sthree-", S3_DEMO_PREFIX };
static const char *const reserved_suffixes[] = { "-s3alias", "--ol-s3", ".mrap", "--x-s3",
                                                 "--table-s3" };

/* Regions of the aws partition; the us-east-1 endpoint accepts any of them as a constraint. */
static const char *const aws_regions[] = {
    "af-south-1",     "ap-east-1",      "ap-east-2",      "ap-northeast-1", "ap-northeast-2",
    "ap-northeast-3", "ap-south-1",     "ap-south-2",     "ap-southeast-1", "ap-southeast-2",
    "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
    "ca-central-1",   "ca-west-1",      "eu-central-1",   "eu-central-2",   "eu-north-1",
    "eu-south-1",     "eu-south-2",     "eu-west-1",      "eu-west-2",      "eu-west-3",
    "il-central-1",   "me-central-1",   "me-south-1",     "mx-central-1",   "sa-east-1",
    "us-east-1",      "us-east-2",      "us-west-1",      "us-west-2",
};

static int has_prefix(const char *s, const char *p)
{
    return !strncmp(s, p, strlen(p));
}

static int has_suffix(const char *s, const char *x)
{
    size_t n = strlen(s), m = strlen(x);

    return n >= m && !strcmp(s + n - m, x);
}

static int is_lower_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* "192.168.5.4": four dot-separated groups of one to three digits. */
static int is_ipv4_form(const char *s)
{
    int groups = 0;

    while (*s) {
        size_t digits = strspn(s, "0123456789");

        if (digits < 1 || digits > 3)
            return 0;
        s += digits;
        groups++;
        if (*s == '.')
            s++;
        else if (*s)
            return 0;
    }
    return groups == 4;
}

/* Length, alphabet, labels that begin and end with a letter or digit, no "..", not an IPv4
 * address (s3-spec §6; the label rule as LocalStack's AWS-validated regex has it). */
static int name_shape_valid(const char *name)
{
    size_t n = strlen(name);

    if (n < 3 || n > 63)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];

        if (!is_lower_alnum(c) && c != '-' && c != '.')
            return 0;
        if (c == '.' || c == '-') {
            /* a label may not start or end with '-', and labels are never empty */
            if (i == 0 || i == n - 1)
                return 0;
            if (c == '.' && (!is_lower_alnum(name[i - 1]) || !is_lower_alnum(name[i + 1])))
                return 0;
        }
    }
    return !is_ipv4_form(name);
}

int s3_bucket_name_valid(const char *name)
{
    if (!name || !name_shape_valid(name))
        return 0;
    for (size_t i = 0; i < sizeof(reserved_prefixes) / sizeof(reserved_prefixes[0]); i++)
        if (has_prefix(name, reserved_prefixes[i]))
            return 0;
    for (size_t i = 0; i < sizeof(reserved_suffixes) / sizeof(reserved_suffixes[0]); i++)
        if (has_suffix(name, reserved_suffixes[i]))
            return 0;
    return 1;
}

int s3_bucket_name_is_demo(const char *name)
{
    if (!name || !has_prefix(name, S3_DEMO_PREFIX) || !name_shape_valid(name))
        return 0;
    for (size_t i = 0; i < sizeof(reserved_suffixes) / sizeof(reserved_suffixes[0]); i++)
        if (has_suffix(name, reserved_suffixes[i]))
            return 0;
    return 1;
}

int s3_region_known(const char *region)
{
    for (size_t i = 0; i < sizeof(aws_regions) / sizeof(aws_regions[0]); i++)
        if (!strcmp(region, aws_regions[i]))
            return 1;
    return 0;
}

int s3_location_resolve(const char *endpoint, const char *constraint, char *out, size_t n)
{
    const char *region;

    if (!strcmp(endpoint, "us-east-1")) {
        /* us-east-1 + LocationConstraint=us-east-1 -> InvalidLocationConstraint (s3-spec §6,
         * AWS-rec). CHOICE: a constraint that names no aws-partition region (junk, EU,
         * aws-global) gets the same answer at the us-east-1 endpoint. */
        if (constraint && (!strcmp(constraint, "us-east-1") || !s3_region_known(constraint)))
            return S3_ERR_INVALID_LOCATION;
        region = constraint ? constraint : "us-east-1";
    } else if (!constraint) {
        return S3_ERR_LOCATION_UNSPECIFIED; /* s3-spec §6, AWS-rec */
    } else if (strcmp(constraint, endpoint)) {
        return S3_ERR_LOCATION_INCOMPATIBLE; /* s3-spec §6, AWS-rec; message names constraint */
    } else {
        region = constraint;
    }
    snprintf(out, n, "%s", region);
    return S3_OK;
}
