/* fuzz_json_out.c - the JSON answers' printer (server/json_out.c) against jansson's: any JSON
 * text jansson parses (NUL in strings allowed, any value at the top) prints to the same bytes
 * through json_out as through json_dumps(JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY). */
#include "fuzz_lib.h"

#include "server/json_out.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    json_t *v = json_loadb((const char *)data, size, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
    char *got, *ref;
    size_t n = 0;

    if (!v)
        return 0;
    got = json_out(v, &n);
    ref = json_dumps(v, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
    FUZZ_CHECK(got && ref);
    FUZZ_CHECK(n == strlen(ref) && !memcmp(got, ref, n));
    free(got);
    free(ref);
    json_decref(v);
    return 0;
}
