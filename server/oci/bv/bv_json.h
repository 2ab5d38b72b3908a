/* bv_json.h - the Block Volume response models (reference §2.3) as jansson objects. Pure. The
 * caller owns (json_decref) what these return. */
#ifndef CMKEMU_BV_JSON_H
#define CMKEMU_BV_JSON_H

#include "bv.h"

json_t *bv_json_volume(const struct bv_kind *k, const struct bv_volume *v,
                       const struct bv_replica *reps, size_t nreps);
json_t *bv_json_kms_key(const char *kms_key_id);
json_t *bv_json_backup(const struct bv_kind *k, const struct bv_backup *b);
json_t *bv_json_replica(const struct bv_kind *k, const struct bv_replica *r);
json_t *bv_json_policy(const struct bv_policy *p);
json_t *bv_json_assignment(const struct bv_assignment *a);

#endif
