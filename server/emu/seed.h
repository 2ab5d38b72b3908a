/* seed.h - seed files: a JSON description of a world (AWS accounts, KMS keys, S3 buckets; OCI
 * tenancies, compartments, zones, vaults, keys, buckets, volumes, backups) that cmkemu loads at
 * start and restores on POST /_cmkemu/reset. The format is schemas/seed.schema.json.
 *
 * A seed is loaded into a fresh in-memory store (the snapshot) by running the same handlers the
 * APIs run, so every rule applies; ids are deterministic functions of the names in the file, so
 * they are the same on every load. seed_apply copies the snapshot's rows into the live store in
 * one transaction. A load that fails leaves nothing behind. */
#ifndef CMKEMU_SEED_H
#define CMKEMU_SEED_H

#include "../config.h"

#include <stddef.h>
#include <stdint.h>

struct seed;
struct store;

/* Loads the seed text (len bytes; source names it in messages). Returns 0 with *out set, or -1
 * with a one-line message in err: "seed <source>:<line>[:<column>]: [<json path>: ]<what>". */
int seed_load(const char *text, size_t len, const char *source, const struct config *cfg,
              int64_t now_ms, struct seed **out, char *err, size_t errn);
/* Same for a file. */
int seed_load_file(const char *path, const struct config *cfg, int64_t now_ms, struct seed **out,
                   char *err, size_t errn);
void seed_free(struct seed *s);
/* The file the seed came from. */
const char *seed_source(const struct seed *s);
/* The snapshot store (read it, don't write it). */
struct store *seed_store(const struct seed *s);

/* Family names of /_cmkemu/reset?family=: s3, aws-kms, oci-kms, oci-os, oci-bv, oci-cg. Returns
 * the family's EMU_FAM_* bit, or 0 when the name is unknown. */
unsigned seed_family_bit(const char *name);
/* "s3, aws-kms, ..." for messages. */
const char *seed_family_names(void);

/* Replaces the families' state in st with the seed's (s NULL: empties them). One transaction.
 * 0 or -1 (st unchanged). */
int seed_apply(struct store *st, const struct seed *s, unsigned families);

#endif
