/* oci_ocid.c - OCID syntax and the OCI region table (from oci-common's region.js). */
#include "oci_ocid.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* clang-format off */
static const struct oci_region regions[] = {
    { "yny", "ap-chuncheon-1", "oc1" },  { "bom", "ap-mumbai-1", "oc1" },     { "hyd", "ap-hyderabad-1", "oc1" },
    { "icn", "ap-seoul-1", "oc1" },      { "syd", "ap-sydney-1", "oc1" },     { "mel", "ap-melbourne-1", "oc1" },
    { "kix", "ap-osaka-1", "oc1" },      { "nrt", "ap-tokyo-1", "oc1" },      { "yul", "ca-montreal-1", "oc1" },
    { "yyz", "ca-toronto-1", "oc1" },    { "fra", "eu-frankfurt-1", "oc1" },  { "zrh", "eu-zurich-1", "oc1" },
    { "gru", "sa-saopaulo-1", "oc1" },   { "cwl", "uk-cardiff-1", "oc1" },    { "lhr", "uk-london-1", "oc1" },
    { "iad", "us-ashburn-1", "oc1" },    { "phx", "us-phoenix-1", "oc1" },    { "ams", "eu-amsterdam-1", "oc1" },
    { "jed", "me-jeddah-1", "oc1" },     { "sjc", "us-sanjose-1", "oc1" },    { "dxb", "me-dubai-1", "oc1" },
    { "scl", "sa-santiago-1", "oc1" },   { "vcp", "sa-vinhedo-1", "oc1" },    { "mtz", "il-jerusalem-1", "oc1" },
    { "mrs", "eu-marseille-1", "oc1" },  { "sin", "ap-singapore-1", "oc1" },  { "auh", "me-abudhabi-1", "oc1" },
    { "lin", "eu-milan-1", "oc1" },      { "arn", "eu-stockholm-1", "oc1" },  { "jnb", "af-johannesburg-1", "oc1" },
    { "cdg", "eu-paris-1", "oc1" },      { "qro", "mx-queretaro-1", "oc1" },  { "mad", "eu-madrid-1", "oc1" },
    { "ord", "us-chicago-1", "oc1" },    { "mty", "mx-monterrey-1", "oc1" },  { "aga", "us-saltlake-2", "oc1" },
    { "bog", "sa-bogota-1", "oc1" },     { "vap", "sa-valparaiso-1", "oc1" }, { "xsp", "ap-singapore-2", "oc1" },
    { "ruh", "me-riyadh-1", "oc1" },     { "onm", "ap-delhi-1", "oc1" },      { "hsg", "ap-batam-1", "oc1" },
    { "orf", "eu-madrid-3", "oc1" },     { "nrq", "eu-turin-1", "oc1" },      { "jbp", "ap-kulai-2", "oc1" },
    { "lej", "af-casablanca-1", "oc1" },
    { "lfi", "us-langley-1", "oc2" },    { "luf", "us-luke-1", "oc2" },
    { "ric", "us-gov-ashburn-1", "oc3" }, { "pia", "us-gov-chicago-1", "oc3" }, { "tus", "us-gov-phoenix-1", "oc3" },
    { "ltn", "uk-gov-london-1", "oc4" }, { "brs", "uk-gov-cardiff-1", "oc4" },
};
/* clang-format on */

const struct oci_region *oci_region_findn(const char *s, size_t n)
{
    char tmp[64];
    char *ad;

    if (!n || n >= sizeof(tmp))
        return NULL;
    for (size_t i = 0; i < n; i++)
        tmp[i] = (char)tolower((unsigned char)s[i]);
    tmp[n] = '\0';
    /* "iad-ad-1" and "us-ashburn-1-ad-1" name an availability domain of the region */
    ad = strstr(tmp, "-ad-");
    if (ad && ad != tmp)
        *ad = '\0';
    for (size_t i = 0; i < sizeof(regions) / sizeof(regions[0]); i++)
        if (!strcmp(tmp, regions[i].code) || !strcmp(tmp, regions[i].name))
            return &regions[i];
    return NULL;
}

const struct oci_region *oci_region_find(const char *name_or_code)
{
    return name_or_code ? oci_region_findn(name_or_code, strlen(name_or_code)) : NULL;
}

static int seg_ok(const char *s)
{
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_')
            return 0;
    return 1;
}

int ocid_parse(const char *s, struct ocid *out)
{
    char *seg[16];
    size_t n = 0;
    char *p;
    size_t len;

    if (!s)
        return -1;
    len = strlen(s);
    if (len == 0 || len >= sizeof(out->buf))
        return -1;
    memcpy(out->buf, s, len + 1);
    p = out->buf;
    for (;;) {
        char *dot = strchr(p, '.');

        if (n == sizeof(seg) / sizeof(seg[0]))
            return -1;
        seg[n++] = p;
        if (!dot)
            break;
        *dot = '\0';
        p = dot + 1;
    }
    if (n < 5 || strcmp(seg[0], "ocid1") || !seg[1][0] || !seg[2][0] || !seg[n - 1][0])
        return -1;
    for (size_t i = 0; i < n; i++)
        if (!seg_ok(seg[i]))
            return -1;
    out->type = seg[1];
    out->realm = seg[2];
    out->region = seg[3];
    out->unique = seg[n - 1];
    /* join the segments between region and unique back with dots */
    if (n > 5) {
        for (size_t i = 4; i + 2 < n; i++)
            seg[i][strlen(seg[i])] = '.';
        out->extra = seg[4];
    } else {
        out->extra = "";
    }
    return 0;
}

int ocid_parse_key(const char *s, const struct oci_region **region)
{
    struct ocid o;
    const struct oci_region *r;

    if (ocid_parse(s, &o) || strcmp(o.type, "key") || !o.extra[0])
        return -1;
    r = oci_region_find(o.region);
    if (!r)
        return -1;
    if (region)
        *region = r;
    return 0;
}

const struct oci_region *ocid_region(const char *s)
{
    struct ocid o;

    if (ocid_parse(s, &o))
        return NULL;
    return oci_region_find(o.region);
}

void ocid_new(struct ids *ids, const char *type, const char *realm, const char *region,
              const char *vault_prefix, char *out, size_t n)
{
    static const char b32[] = "abcdefghijklmnopqrstuvwxyz234567";
    unsigned char raw[52];
    char uniq[61];

    ids_bytes(ids, raw, sizeof(raw));
    memcpy(uniq, "aaaaaaaa", 8);
    for (size_t i = 0; i < sizeof(raw); i++)
        uniq[8 + i] = b32[raw[i] & 31];
    uniq[60] = '\0';
    if (vault_prefix && *vault_prefix)
        snprintf(out, n, "ocid1.%s.%s.%s.%s.%s", type, realm, region, vault_prefix, uniq);
    else
        snprintf(out, n, "ocid1.%s.%s.%s.%s", type, realm, region, uniq);
}
