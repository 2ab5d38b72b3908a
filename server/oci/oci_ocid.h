/* oci_ocid.h - OCIDs and regions: generating and parsing ocid1.<type>.<realm>.<region>.<unique>,
 * the vault-prefix form of key OCIDs, and the region table (short code <-> long name). Pure. */
#ifndef CMKEMU_OCI_OCID_H
#define CMKEMU_OCI_OCID_H

#include "../ids.h"

#include <stddef.h>

#define OCID_MAX 256

struct oci_region {
    const char *code;  /* "iad" */
    const char *name;  /* "us-ashburn-1" */
    const char *realm; /* "oc1" */
};

/* Looks a region up by long name or short code, any case, tolerating a trailing "-ad-N".
 * Returns NULL when unknown. */
const struct oci_region *oci_region_find(const char *name_or_code);
/* Same for the first n characters of s. */
const struct oci_region *oci_region_findn(const char *s, size_t n);

/* A parsed OCID; every field points into `buf`. */
struct ocid {
    char buf[OCID_MAX];
    const char *type;   /* "key", "bucket", ... */
    const char *realm;  /* "oc1" */
    const char *region; /* region slot as written ("" for tenancy, compartment, user) */
    const char *extra;  /* future-use / vault-prefix segment(s) before the unique part, or "" */
    const char *unique; /* the last segment */
};

/* Parses the general syntax (the OCI SDKs' relaxed pattern: "ocid1" then at least four more
 * '.'-separated segments of [0-9a-zA-Z_-], the last non-empty). Returns 0 or -1. */
int ocid_parse(const char *s, struct ocid *out);
/* A well-formed key OCID: ocid1.key.<realm>.<region>.<vaultprefix>.<unique>, known region.
 * Returns 0 or -1. On success *region is the key's region, if region is not NULL. */
int ocid_parse_key(const char *s, const struct oci_region **region);
/* Region of a regional OCID (known region in the region slot), or NULL. */
const struct oci_region *ocid_region(const char *s);

/* Writes a new OCID: ocid1.<type>.<realm>.<region>.<unique>; region "" for non-regional types.
 * vault_prefix (may be NULL) becomes an extra segment before the unique part (keys, key
 * versions). The unique part is 60 characters of [a-z2-7] starting "aaaaaaaa". */
void ocid_new(struct ids *ids, const char *type, const char *realm, const char *region,
              const char *vault_prefix, char *out, size_t n);

#endif
