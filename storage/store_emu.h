/* store_emu.h - storage calls of the emulator itself: the credentials a seed declares (for the
 * strict authentication mode), giving a just-created row the id a seed names, and replacing the
 * whole state of API families with another store's (seed snapshots and resets). */
#ifndef CMKEMU_STORE_EMU_H
#define CMKEMU_STORE_EMU_H

#include "store.h"

#include <stddef.h>

/* API families, as bits. Each owns its tables (emu_store.c lists them). */
#define EMU_FAM_S3      0x01u /* S3 buckets and their default encryption */
#define EMU_FAM_AWS_KMS 0x02u /* AWS KMS keys and aliases */
#define EMU_FAM_OCI_KMS 0x04u /* OCI Vault: vaults, keys, key versions */
#define EMU_FAM_OCI_OS  0x08u /* OCI Object Storage buckets */
#define EMU_FAM_OCI_BV  0x10u /* OCI Block Volume: volumes, backups, replicas, policies */
#define EMU_FAM_OCI_CG  0x20u /* Cloud Guard: customer recipes, zones, compartment parents */
#define EMU_FAM_CORE    0x40u /* credentials, OCI API keys, OCI retry tokens */
#define EMU_FAM_ALL     0x7fu

/* What store_emu_rename renames: the row and every column that names it. */
enum emu_rename {
    EMU_RENAME_AWS_KMS_KEY, /* key id (and the key ARN that holds it) */
    EMU_RENAME_KMS_KEY,
    EMU_RENAME_OS_BUCKET,
    EMU_RENAME_BV_VOLUME, /* volumes and boot volumes */
    EMU_RENAME_BV_BACKUP, /* volume and boot volume backups */
    EMU_RENAME_CG_RECIPE,
    EMU_RENAME_CG_ZONE
};

/* Gives the row old_id the id new_id. STORE_OK, STORE_NOT_FOUND (no row old_id), STORE_EXISTS
 * (new_id is taken), STORE_ERROR. One transaction. */
int store_emu_rename(struct store *st, enum emu_rename kind, const char *old_id,
                     const char *new_id);
/* A vault: its id and endpoint prefix (the prefix its wrapping key's OCID holds too). */
int store_emu_rename_vault(struct store *st, const char *old_id, const char *new_id,
                           const char *new_prefix);

/* Replaces the rows of the families in `families` in dst with src's (src NULL: deletes them), in
 * one transaction on dst; built-in rows (Cloud Guard policies, Oracle-managed recipes) stay.
 * STORE_OK or STORE_ERROR (dst unchanged). dst and src are different stores. */
int store_emu_replace(struct store *dst, struct store *src, unsigned families);
/* Rows the families hold (built-in rows not counted); -1 on error. */
long store_emu_count(struct store *st, unsigned families);

#endif
