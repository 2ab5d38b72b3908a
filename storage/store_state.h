/* store_state.h - a read-only snapshot of every family's rows for GET /_cmkemu/state: one read
 * lock over all the SELECTs, so the snapshot is consistent. Rows come back as named, typed cells;
 * the server shapes them into JSON. */
#ifndef CMKEMU_STORE_STATE_H
#define CMKEMU_STORE_STATE_H

#include "store.h"

#include <stddef.h>
#include <stdint.h>

/* The tables of the snapshot. Those marked "region" hold one region per row and can be filtered
 * on it; the others are global. */
enum state_table {
    STATE_S3_BUCKET,       /* region: s3_bucket + its default encryption */
    STATE_AWS_KEY,         /* region */
    STATE_AWS_ALIAS,       /* region */
    STATE_OCI_VAULT,       /* region */
    STATE_OCI_KEY,         /* region */
    STATE_OCI_KEY_VERSION, /* region (the key's) */
    STATE_OS_BUCKET,       /* region */
    STATE_BV_VOLUME,       /* region; volumes and boot volumes */
    STATE_BV_BACKUP,       /* region */
    STATE_BV_REPLICA,      /* region */
    STATE_BV_POLICY,       /* region */
    STATE_BV_ASSIGNMENT,   /* region */
    STATE_CG_ZONE,         /* zones with their recipe's name */
    STATE_CG_ZONE_COMP,    /* compartment -> zone attachments */
    STATE_CG_ZONE_POLICY,  /* zone -> friendly names of its recipe's policies */
    STATE_OCI_COMPARTMENT, /* declared compartments and their parents */
    STATE_OCI_TENANCY,     /* every tenancy OCID the OCI tables name */
    STATE_TABLE_COUNT
};

#define STATE_BIT(t) (1u << (t))

enum state_type {
    STATE_TEXT,
    STATE_INT,
    STATE_BOOL,
    STATE_TIME /* milliseconds since the epoch */
};

struct state_column {
    const char *name; /* the JSON member name */
    enum state_type type;
};

/* One cell of a row: is_null, else text (STATE_TEXT) or num (the other types). */
struct state_cell {
    int is_null;
    const char *text; /* borrowed: valid during the callback only */
    int64_t num;
};

/* Receives one row; a non-zero return stops the read with STORE_ERROR. */
typedef int state_row_fn(void *arg, enum state_table t, const struct state_column *cols,
                         const struct state_cell *cells, size_t n);

struct state_query {
    unsigned tables;    /* STATE_BIT()s of the tables to read */
    unsigned filtered;  /* of those, the ones to restrict to region (ignored by global tables) */
    const char *region; /* NULL: every region */
};

/* Reads the tables of q in enum order, each in a stable order, calling fn for every row.
 * STORE_OK or STORE_ERROR. */
int store_state_read(struct store *st, const struct state_query *q, state_row_fn *fn, void *arg);

#endif
