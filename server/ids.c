/* ids.c - random and deterministic id sources (OpenSSL for randomness and digests). */
#include "ids.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <string.h>
#include <time.h>

void ids_init_random(struct ids *ids)
{
    ids->deterministic = 0;
    ids->seed = 0;
    ids->counter = 0;
}

void ids_init_deterministic(struct ids *ids, uint64_t seed)
{
    ids->deterministic = 1;
    ids->seed = seed;
    ids->counter = 0;
}

/* Random bytes are drawn from OpenSSL a block at a time per thread: a request takes several ids
 * (request id, host id, etag, ...) and every RAND_bytes call costs a DRBG round and a fork
 * check (getpid). Each byte is handed out once. cmkemu does not fork. */
#define IDS_POOL 4096

static __thread unsigned char ids_pool[IDS_POOL];
static __thread size_t ids_pool_left;

static int random_bytes(unsigned char *out, size_t n)
{
    if (n > IDS_POOL / 4)
        return RAND_bytes(out, (int)n) == 1 ? 0 : -1;
    if (n > ids_pool_left) {
        if (RAND_bytes(ids_pool, IDS_POOL) != 1)
            return -1;
        ids_pool_left = IDS_POOL;
    }
    memcpy(out, ids_pool + IDS_POOL - ids_pool_left, n);
    ids_pool_left -= n;
    return 0;
}

void ids_bytes(struct ids *ids, unsigned char *out, size_t n)
{
    if (!ids->deterministic && random_bytes(out, n) == 0)
        return;
    while (n) {
        unsigned char md[SHA256_DIGEST_LENGTH];
        uint64_t in[2];
        size_t take = n < sizeof(md) ? n : sizeof(md);

        in[0] = ids->seed;
        in[1] = __atomic_fetch_add(&ids->counter, 1, __ATOMIC_RELAXED);
        SHA256((const unsigned char *)in, sizeof(in), md);
        memcpy(out, md, take);
        out += take;
        n -= take;
    }
}

static void ids_alphabet(struct ids *ids, char *out, size_t n, const char *alpha)
{
    unsigned char raw[256];

    for (size_t done = 0; done < n; done += sizeof(raw)) {
        size_t take = n - done < sizeof(raw) ? n - done : sizeof(raw);

        ids_bytes(ids, raw, take);
        /* cppcheck-suppress knownConditionTrueFalse ; take is at least 1 here */
        for (size_t i = 0; i < take; i++)
            out[done + i] = alpha[raw[i] % 36];
    }
    out[n] = '\0';
}

void ids_upper_alnum(struct ids *ids, char *out, size_t n)
{
    ids_alphabet(ids, out, n, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
}

void ids_lower_alnum(struct ids *ids, char *out, size_t n)
{
    ids_alphabet(ids, out, n, "0123456789abcdefghijklmnopqrstuvwxyz");
}

void ids_hex(struct ids *ids, char *out, size_t nbytes)
{
    static const char hex[] = "0123456789abcdef";
    unsigned char raw[64];

    for (size_t done = 0; done < nbytes; done += sizeof(raw)) {
        size_t take = nbytes - done < sizeof(raw) ? nbytes - done : sizeof(raw);

        ids_bytes(ids, raw, take);
        /* cppcheck-suppress knownConditionTrueFalse ; take is at least 1 here */
        for (size_t i = 0; i < take; i++) {
            out[2 * (done + i)] = hex[raw[i] >> 4];
            out[2 * (done + i) + 1] = hex[raw[i] & 15];
        }
    }
    out[2 * nbytes] = '\0';
}

void ids_uuid(struct ids *ids, char out[37])
{
    static const char hex[] = "0123456789abcdef";
    unsigned char u[16];
    char *p = out;

    ids_bytes(ids, u, sizeof(u));
    u[6] = (unsigned char)((u[6] & 0x0f) | 0x40);
    u[8] = (unsigned char)((u[8] & 0x3f) | 0x80);
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *p++ = '-';
        *p++ = hex[u[i] >> 4];
        *p++ = hex[u[i] & 15];
    }
    *p = '\0';
}

void ids_base64(struct ids *ids, char *out, size_t nbytes)
{
    unsigned char raw[96];

    if (nbytes > sizeof(raw))
        nbytes = sizeof(raw);
    ids_bytes(ids, raw, nbytes);
    EVP_EncodeBlock((unsigned char *)out, raw, (int)nbytes);
}

int64_t ids_now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
