/* seed_oci.h - what seed_oci.c (tenancies, compartments, zones, vaults, keys) and seed_oci_res.c
 * (buckets, volumes, boot volumes, backups) share. */
#ifndef CMKEMU_SEED_OCI_H
#define CMKEMU_SEED_OCI_H

#include "seed_int.h"

/* One tenancy being loaded. */
struct seed_tenancy {
    const char *name;
    char id[SEED_ID_MAX];
    char user[SEED_ID_MAX]; /* the user the loader's requests come from */
    char home[32];          /* home region, long name: default of every "region" */
    char ns[16];            /* Object Storage namespace */
};

/* Runs an OCI request as the tenancy in region ("/oci/<region>" prefix; through the management
 * endpoint of vault_prefix when not NULL). body may be NULL; it is released. defer: run it after
 * every other step. */
int seed_oci_call(struct seed_loader *ld, const struct seed_tenancy *t, const char *path,
                  const char *what, const char *idkey, const char *region, const char *vault_prefix,
                  const char *method, const char *api_path, json_t *body, json_t **out, int defer);
/* The member "region" (default: the tenancy's home region) as a long name, into out[32]. */
int seed_oci_region(struct seed_loader *ld, const json_t *obj, const char *path,
                    const struct seed_tenancy *t, char *out);
/* The compartment named by member `name`: a compartment name of the tenancy, the tenancy's own
 * name, or an OCID. Absent: dflt (NULL: required). out holds SEED_ID_MAX. */
int seed_oci_compartment(struct seed_loader *ld, const json_t *obj, const char *path,
                         const struct seed_tenancy *t, const char *name, const char *dflt,
                         char *out);
/* The key named by member "kmsKey": a key name of the tenancy, or an OCID. *found 0 when absent.
 */
int seed_oci_key(struct seed_loader *ld, const json_t *obj, const char *path,
                 const struct seed_tenancy *t, char *out, int *found);
/* The optional member "id": an OCID of type `type` (NULL: any), regional (in region) or not. */
int seed_oci_id(struct seed_loader *ld, const json_t *obj, const char *path, const char *type,
                const char *region, const char **out);
/* A deterministic new OCID for the step key. */
void seed_oci_new_ocid(const char *key, const char *type, const char *region, char *out, size_t n);

/* seed_oci_res.c */
int seed_oci_load_resources(struct seed_loader *ld, const json_t *tn, const char *path,
                            const struct seed_tenancy *t);

#endif
