/* s3_directory_name.c - directory bucket naming, zone ids and the directory configuration of
 * CreateBucket (s3-spec §3). Pure: no I/O, no storage. */
#include "s3_directory_name.h"

#include "s3_bucket_name.h"
#include "s3_errors.h"

#include <stdio.h>
#include <string.h>

static const char *const reserved_prefixes[] = { "xn--", "sthree-", S3_DEMO_PREFIX };

static int is_lower_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

int s3_directory_name_claimed(const char *name)
{
    size_t n = name ? strlen(name) : 0, m = strlen(S3_DIRECTORY_SUFFIX);

    return n >= m && !strcmp(name + n - m, S3_DIRECTORY_SUFFIX);
}

/* One dash-separated group of a zone id: lowercase letters and digits. */
static size_t group(const char *s)
{
    size_t n = 0;

    while (is_lower_alnum(s[n]))
        n++;
    return n;
}

int s3_zone_id_valid(const char *zone)
{
    const char *p = zone;
    size_t g, groups = 0;
    const char *last = NULL;

    if (!zone || !*zone || strlen(zone) >= 32)
        return 0;
    /* the first group is the region code: letters then digits ("use1", "apne1") */
    g = strspn(p, "abcdefghijklmnopqrstuvwxyz");
    if (!g || !strspn(p + g, "0123456789") || group(p) != g + strspn(p + g, "0123456789"))
        return 0;
    for (;;) {
        g = group(p);
        if (!g)
            return 0;
        last = p;
        groups++;
        p += g;
        if (!*p)
            break;
        if (*p != '-')
            return 0;
        p++;
    }
    /* the last group is "az<digits>"; a Local Zone has one group between ("lax1") */
    return groups >= 2 && groups <= 3 && !strncmp(last, "az", 2) && last[2] &&
           strspn(last + 2, "0123456789") == strlen(last + 2);
}

int s3_directory_name_valid(const char *name, char *zone, size_t n)
{
    size_t len, base_len, zlen;
    const char *zone_start = NULL;
    char z[32];

    if (!name || !s3_directory_name_claimed(name))
        return 0;
    len = strlen(name);
    /* 3-63 characters with the suffix; lowercase letters, digits and '-', no dots */
    if (len < 3 || len > 63 || !is_lower_alnum(name[0]))
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!is_lower_alnum(name[i]) && name[i] != '-')
            return 0;
    for (size_t i = 0; i < sizeof(reserved_prefixes) / sizeof(reserved_prefixes[0]); i++)
        if (!strncmp(name, reserved_prefixes[i], strlen(reserved_prefixes[i])))
            return 0;
    /* <base>--<zone-id>--x-s3: the zone id follows the last "--" before the suffix */
    len -= strlen(S3_DIRECTORY_SUFFIX);
    for (size_t i = 0; i + 1 < len; i++)
        if (name[i] == '-' && name[i + 1] == '-')
            zone_start = name + i + 2;
    if (!zone_start)
        return 0;
    base_len = (size_t)(zone_start - 2 - name);
    zlen = len - (size_t)(zone_start - name);
    if (!base_len || !is_lower_alnum(name[base_len - 1]) || !zlen || zlen >= sizeof(z))
        return 0;
    memcpy(z, zone_start, zlen);
    z[zlen] = '\0';
    if (!s3_zone_id_valid(z))
        return 0;
    snprintf(zone, n, "%s", z);
    return 1;
}

int s3_dir_config_check(const struct s3_dir_config *c, const char *zone)
{
    int az, lz;

    if (!c->has_location || !c->has_bucket || strcmp(c->bucket_type, "Directory"))
        return S3_ERR_MALFORMED_XML;
    az = !strcmp(c->location_type, "AvailabilityZone");
    lz = !strcmp(c->location_type, "LocalZone");
    if (!az && !lz)
        return S3_ERR_MALFORMED_XML;
    /* CHOICE: DataRedundancy must fit the location type (SingleAvailabilityZone for an
     * Availability Zone, SingleLocalZone for a Local Zone); a mismatch is MalformedXML. */
    if (strcmp(c->data_redundancy, az ? "SingleAvailabilityZone" : "SingleLocalZone"))
        return S3_ERR_MALFORMED_XML;
    /* CHOICE: a Location Name other than the zone id in the bucket name is InvalidBucketName */
    if (strcmp(c->location_name, zone))
        return S3_ERR_INVALID_BUCKET_NAME;
    return S3_OK;
}
