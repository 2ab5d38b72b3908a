/* ids.h - the id source: request ids, etags, uuids and other random tokens.
 *
 * In random mode bytes come from OpenSSL's RAND_bytes; in deterministic mode (tests) from
 * SHA-256 over a seed and a counter, so a test sees the same ids on every run.
 * Safe to call from several threads.
 */
#ifndef CMKEMU_IDS_H
#define CMKEMU_IDS_H

#include <stddef.h>
#include <stdint.h>

struct ids {
    int deterministic;
    uint64_t seed;
    uint64_t counter; /* atomically incremented */
};

void ids_init_random(struct ids *ids);
void ids_init_deterministic(struct ids *ids, uint64_t seed);
void ids_bytes(struct ids *ids, unsigned char *out, size_t n);
/* n characters from [A-Z0-9], NUL-terminated (out holds n + 1). */
void ids_upper_alnum(struct ids *ids, char *out, size_t n);
/* n characters from [a-z0-9], NUL-terminated (out holds n + 1). */
void ids_lower_alnum(struct ids *ids, char *out, size_t n);
/* 2 * nbytes lowercase hex digits, NUL-terminated. */
void ids_hex(struct ids *ids, char *out, size_t nbytes);
/* A version-4 uuid in lowercase, 36 characters + NUL. */
void ids_uuid(struct ids *ids, char out[37]);
/* base64 of nbytes random bytes, NUL-terminated (out holds 4 * ((nbytes + 2) / 3) + 1). */
void ids_base64(struct ids *ids, char *out, size_t nbytes);

/* Wall clock in milliseconds since the epoch. */
int64_t ids_now_ms(void);

#endif
