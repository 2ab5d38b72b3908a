/* fuzz_router.c - whole requests through router_dispatch: each input holds up to four HTTP/1.1-
 * shaped requests (method, target with query, headers, body) separated by FUZZ_SEP, run in order
 * on a fresh :memory: store; every answer must pass fuzz_check_resp. */
#include "fuzz_lib.h"

#include <string.h>

#define FUZZ_SEP      "\n@@next@@\n"
#define FUZZ_MAX_REQS 4

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_env *env = fuzz_env_begin();
    const size_t seplen = strlen(FUZZ_SEP);

    for (int i = 0; i < FUZZ_MAX_REQS; i++) {
        const uint8_t *sep = memmem(data, size, FUZZ_SEP, seplen);
        size_t len = sep && i + 1 < FUZZ_MAX_REQS ? (size_t)(sep - data) : size;
        struct fuzz_req fr;
        struct resp rs;

        if (fuzz_req_parse(&fr, data, len))
            return 0;
        fuzz_dispatch(env, &fr, &rs);
        resp_release(&rs);
        fuzz_req_release(&fr);
        if (len == size)
            break;
        data += len + seplen;
        size -= len + seplen;
    }
    return 0;
}
