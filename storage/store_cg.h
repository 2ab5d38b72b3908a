/* store_cg.h - storage calls of Cloud Guard security zones: built-in policies, recipes, zones
 * and the compartments they cover. store_cg_policy_applies (store_oci.h) answers which zone
 * governs a compartment. */
#ifndef CMKEMU_STORE_CG_H
#define CMKEMU_STORE_CG_H

#include "store.h"

#include <stddef.h>
#include <stdint.h>

/* store_cg_policy_applies for a storage change callback: the store is already locked. */
int store_cg_policy_applies_tx(struct store *st, const char *compartment_id,
                               const char *friendly_name, char *zone_name, size_t n);

#endif
