/* fuzz_json_out.c - the JSON answers' printer (server/json_out.c) against jansson's: any JSON
 * text jansson parses (NUL in strings allowed, any value at the top) prints to the same bytes
 * through json_out as through json_dumps(JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY).
 * And any bytes written with jw_string (up to the first NUL) read back through jansson as one
 * string: the bytes themselves with U+FFFD for each byte that is not UTF-8. */
#include "fuzz_lib.h"

#include "server/api.h"
#include "server/json_out.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static void check_string(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    char *clean = malloc(3 * size + 1);
    struct jw w = { 0 };
    json_t *back;
    char *text;
    size_t n = 0;

    FUZZ_CHECK(s && clean);
    memcpy(s, data, size);
    s[size] = '\0';
    api_utf8_clean(clean, 3 * size + 1, s);
    jw_string(&w, s);
    text = jw_finish(&w, &n);
    FUZZ_CHECK(text);
    back = json_loadb(text, n, JSON_DECODE_ANY, NULL);
    FUZZ_CHECK(json_is_string(back) && !strcmp(json_string_value(back), clean));
    json_decref(back);
    free(text);
    free(clean);
    free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    json_t *v = json_loadb((const char *)data, size, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
    char *got, *ref;
    size_t n = 0;

    check_string(data, size);
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
