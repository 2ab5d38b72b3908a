/* store_cg.h - storage calls of Cloud Guard security zones: built-in policies, recipes, zones
 * and the compartments they are attached to. store_cg_policy_applies (store_oci.h) answers which
 * zone governs a compartment. Recipes and zones belong to a tenancy; Oracle-managed recipes and
 * the policies to every tenancy. Policies and recipes are never deleted. */
#ifndef CMKEMU_STORE_CG_H
#define CMKEMU_STORE_CG_H

#include "store.h"

#include <stddef.h>
#include <stdint.h>

struct cg_policy {
    char id[128];
    char friendly_name[96];
    char display_name[128];
    char description[512];
    char category[64];
    char services[256]; /* JSON array text */
};

/* All built-in policies, by friendly name: *out malloc'd (free()), *n of them. */
int store_cg_policy_list(struct store *st, struct cg_policy **out, size_t *n);
/* STORE_OK or STORE_NOT_FOUND. */
int store_cg_policy_get(struct store *st, const char *id, struct cg_policy *out);

/* A recipe; the texts are malloc'd and owned (cg_recipe_release). */
struct cg_recipe {
    char id[256];
    char tenancy[256]; /* "" for Oracle-managed */
    char compartment_id[256];
    char display_name[256];
    char owner[16]; /* ORACLE or CUSTOMER */
    char lifecycle_state[16];
    int64_t time_created_ms;
    int64_t time_updated_ms;
    char etag[41];
    char *description;   /* NULL when none */
    char *policies;      /* JSON array text of policy OCIDs */
    char *freeform_tags; /* JSON object text */
    char *defined_tags;  /* JSON object text */
};

/* A zone; the texts are malloc'd and owned (cg_zone_release). */
struct cg_zone {
    char id[256];
    char tenancy[256];
    char compartment_id[256];
    char display_name[256];
    char recipe_id[256];
    char target_id[256];
    char lifecycle_state[16];
    int inheritance_after_delete;
    int64_t time_created_ms;
    int64_t time_updated_ms;
    char etag[41];
    char *description;   /* NULL when none */
    char *inherited;     /* JSON array text: declared descendants the zone covers (read only) */
    char *freeform_tags; /* JSON object text */
    char *defined_tags;  /* JSON object text */
};

void cg_recipe_release(struct cg_recipe *r);
void cg_zone_release(struct cg_zone *z);
/* Replaces *slot with a malloc'd copy of text (NULL: NULL). 0 or -1. */
int cg_set_text(char **slot, const char *text);

/* Changes a loaded recipe or zone in place inside the write's transaction. 0 to write. */
typedef int store_cg_change_fn(void *arg, void *row);

/* Recipes. A recipe is visible to its tenancy; Oracle-managed ones to every tenancy. */
int store_cg_recipe_create(struct store *st, const struct cg_recipe *r);
int store_cg_recipe_get(struct store *st, const char *tenancy, const char *id,
                        struct cg_recipe *out);
/* STORE_OK, STORE_NOT_FOUND, STORE_ETAG_MISMATCH, STORE_CONFLICT (Oracle-managed: read only). */
int store_cg_recipe_update(struct store *st, const char *tenancy, const char *id,
                           const char *if_match, store_cg_change_fn *change, void *arg,
                           struct cg_recipe *out);
/* The tenancy's recipes in compartment_id and the Oracle-managed ones, oldest first, at most
 * limit of them. *out malloc'd array (cg_recipe_list_free). */
int store_cg_recipe_list(struct store *st, const char *tenancy, const char *compartment_id,
                         int limit, struct cg_recipe **out, size_t *n);
void cg_recipe_list_free(struct cg_recipe *list, size_t n);

/* Zones. create: STORE_OK or STORE_EXISTS (the compartment is already attached to a zone). */
int store_cg_zone_create(struct store *st, const struct cg_zone *z);
int store_cg_zone_get(struct store *st, const char *tenancy, const char *id, struct cg_zone *out);
/* STORE_OK, STORE_NOT_FOUND, STORE_ETAG_MISMATCH. */
int store_cg_zone_update(struct store *st, const char *tenancy, const char *id,
                         const char *if_match, store_cg_change_fn *change, void *arg,
                         struct cg_zone *out);
/* Attaches compartment_id to the zone (new etag, time_updated): STORE_OK, STORE_NOT_FOUND,
 * STORE_ETAG_MISMATCH, STORE_EXISTS (already attached to a zone). out: the zone after. */
int store_cg_zone_add_compartment(struct store *st, const char *tenancy, const char *id,
                                  const char *if_match, const char *compartment_id,
                                  const char *etag, int64_t now_ms, struct cg_zone *out);
/* Detaches it: STORE_OK, STORE_NOT_FOUND, STORE_ETAG_MISMATCH, STORE_CONFLICT (it is the zone's
 * own compartment, or not attached to this zone; out tells which). */
int store_cg_zone_remove_compartment(struct store *st, const char *tenancy, const char *id,
                                     const char *if_match, const char *compartment_id,
                                     const char *etag, int64_t now_ms, struct cg_zone *out);
/* STORE_OK, STORE_NOT_FOUND, STORE_ETAG_MISMATCH. Detaches every compartment. */
int store_cg_zone_delete(struct store *st, const char *tenancy, const char *id,
                         const char *if_match);
/* The tenancy's zones in compartment_id, oldest first, at most limit of them. */
int store_cg_zone_list(struct store *st, const char *tenancy, const char *compartment_id, int limit,
                       struct cg_zone **out, size_t *n);
void cg_zone_list_free(struct cg_zone *list, size_t n);

#endif
