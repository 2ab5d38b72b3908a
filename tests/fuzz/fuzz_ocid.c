/* fuzz_ocid.c - OCIDs, regions and RFC 3339 times as OCI requests carry them: ocid_parse,
 * ocid_parse_key, ocid_region, oci_region_find and oci_time_parse. A parsed OCID's fields are
 * the input's segments, and a parsed time renders and parses back to the same instant. */
#include "fuzz_lib.h"

#include "server/oci/oci_common.h"
#include "server/oci/oci_ocid.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void check_ocid(const char *s)
{
    struct ocid o;
    const struct oci_region *r = NULL;
    char joined[2 * OCID_MAX];
    const char *rest;
    int parsed = !ocid_parse(s, &o);

    if (parsed) {
        /* every field points into buf and is one of the input's segments */
        FUZZ_CHECK(o.type >= o.buf && o.unique < o.buf + sizeof(o.buf));
        FUZZ_CHECK(*o.type && *o.realm && *o.unique);
        FUZZ_CHECK(!strchr(o.type, '.') && !strchr(o.realm, '.') && !strchr(o.region, '.') &&
                   !strchr(o.unique, '.'));
        /* "ocid1.<type>.<realm>.<region>." then [<extra>.]<unique>; an empty extra segment
         * reads as no extra */
        snprintf(joined, sizeof(joined), "ocid1.%s.%s.%s.", o.type, o.realm, o.region);
        if (strncmp(s, joined, strlen(joined)))
            fuzz_fail("ocid fields do not rebuild the input: %s vs %s", joined, s);
        rest = s + strlen(joined);
        if (*o.extra)
            snprintf(joined, sizeof(joined), "%s.%s", o.extra, o.unique);
        else
            snprintf(joined, sizeof(joined), "%s%s", *rest == '.' ? "." : "", o.unique);
        if (strcmp(rest, joined))
            fuzz_fail("ocid fields do not rebuild the input: ...%s vs %s", joined, s);
    }
    if (!ocid_parse_key(s, &r)) {
        FUZZ_CHECK(parsed && !strcmp(o.type, "key") && *o.extra && r);
        FUZZ_CHECK(r == oci_region_find(o.region));
    }
    r = ocid_region(s);
    FUZZ_CHECK(!r || (parsed && r == oci_region_find(o.region)));
}

static void check_region(const char *s)
{
    const struct oci_region *r = oci_region_find(s);
    char upper[64];
    size_t n = strlen(s);

    if (!r)
        return;
    FUZZ_CHECK(r->code && r->name && r->realm);
    FUZZ_CHECK(oci_region_find(r->code) == r && oci_region_find(r->name) == r);
    /* names compare in any case */
    FUZZ_CHECK(n < sizeof(upper));
    for (size_t i = 0; i <= n; i++)
        upper[i] = (char)toupper((unsigned char)s[i]);
    FUZZ_CHECK(oci_region_find(upper) == r);
    FUZZ_CHECK(oci_region_findn(s, n) == r);
}

/* RFC 3339's time-offset: "Z" or +hh:mm / -hh:mm with hh <= 23 and mm <= 59. */
static int offset_ok(const char *s)
{
    size_t n = strlen(s);
    const char *o;

    if (n && (s[n - 1] == 'Z' || s[n - 1] == 'z'))
        return 1;
    if (n < 6)
        return 0;
    o = s + n - 6;
    return (o[0] == '+' || o[0] == '-') && isdigit((unsigned char)o[1]) &&
           isdigit((unsigned char)o[2]) && o[3] == ':' && isdigit((unsigned char)o[4]) &&
           isdigit((unsigned char)o[5]) && (o[1] - '0') * 10 + (o[2] - '0') <= 23 &&
           (o[4] - '0') * 10 + (o[5] - '0') <= 59;
}

static void check_time(const char *s)
{
    int64_t ms, again;
    char out[64];

    if (oci_time_parse(s, &ms))
        return;
    if (!offset_ok(s))
        fuzz_fail("time with a bad offset accepted: %s", s);
    oci_time(ms, out, sizeof(out));
    if (oci_time_parse(out, &again) || again != ms)
        fuzz_fail("time %s -> %lld renders as %s", s, (long long)ms, out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);

    if (!s)
        return 0;
    if (size)
        memcpy(s, data, size);
    s[size] = '\0';
    check_ocid(s);
    check_region(s);
    check_time(s);
    free(s);
    return 0;
}
