/* bvtest.h - helpers for the Block Volume api tests: signed calls addressed to a region, JSON
 * bodies, and volumes/backups made in one line. */
#ifndef CMKEMU_BVTEST_H
#define CMKEMU_BVTEST_H

#include "apitest.h"

#include <jansson.h>
#include <stddef.h>

#define BVT_COMP    "ocid1.compartment.oc1..aaaaaaaabvtestcompartment"
#define BVT_IAD     "us-ashburn-1"
#define BVT_PHX     "us-phoenix-1"
#define BVT_KEY_IAD "ocid1.key.oc1.iad.testvault.aaaaaaaakeyiad1"
#define BVT_KEY_PHX "ocid1.key.oc1.phx.testvault.aaaaaaaakeyphx1"

struct bvt {
    struct resp rs;
    json_t *json; /* the parsed body, or NULL */
    int status;
};

/* METHOD /oci/<region><path> with the test signature, an optional if-match and body. The
 * previous response in r is released first. Returns the status. */
int bvt_call(struct apitest *t, struct bvt *r, const char *method, const char *region,
             const char *path, const char *body, const char *if_match);
void bvt_init(struct bvt *r);
void bvt_release(struct bvt *r);
/* A string member of the parsed body, or NULL (also for JSON null). */
const char *bvt_str(const struct bvt *r, const char *name);
/* The code and message of an error body, "" when absent. */
const char *bvt_code(const struct bvt *r);
const char *bvt_msg(const struct bvt *r);
const char *bvt_etag(const struct bvt *r);

/* POST /volumes in region with {"compartmentId","availabilityDomain"<extra>} where extra is
 * more members (starting with ',') or ""; a compartmentId in extra replaces the default one.
 * Copies the new id into id (size BVT_ID). 0 on 200. */
#define BVT_ID 256
int bvt_volume(struct apitest *t, const char *region, const char *extra, char *id);
/* POST /volumeBackups for volume with extra members. */
int bvt_backup(struct apitest *t, const char *region, const char *volume, const char *extra,
               char *id);

#endif
