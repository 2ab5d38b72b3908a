/* kmstest.c - see kmstest.h. */
#include "kmstest.h"

#include "server/resp.h"

#include <stdio.h>
#include <string.h>

#define KMSTEST_MAX_HEADERS 16

json_t *kmstest_call(struct apitest *t, const char *method, const char *target,
                     const char *const *extra, const char *body, struct resp *rs)
{
    const char *h[KMSTEST_MAX_HEADERS + 3];
    size_t n = 0;

    h[n++] = OCITEST_AUTH;
    h[n++] = "Host: " KMSTEST_HOST;
    for (size_t i = 0; extra && extra[i] && n < KMSTEST_MAX_HEADERS; i++)
        h[n++] = extra[i];
    h[n] = NULL;
    apitest_call(t, method, target, h, body, rs);
    return json_loads(buf_str(&rs->body), 0, NULL);
}

void kmstest_keys(json_t *obj, char *out, size_t n)
{
    const char *k;
    json_t *v;
    size_t len = 0;

    out[0] = '\0';
    json_object_foreach(obj, k, v)
    {
        (void)v;
        len += (size_t)snprintf(out + len, len < n ? n - len : 0, "%s%s", len ? "," : "", k);
    }
}

const char *kmstest_str(json_t *obj, const char *name)
{
    return json_string_value(json_object_get(obj, name));
}

/* POSTs body to target; on 200 with an id copies the id and returns the parsed body (the caller
 * decrefs it), else NULL. */
static json_t *create(struct apitest *t, const char *target, const char *body, char id[256])
{
    struct resp rs;
    json_t *j;

    resp_init(&rs);
    j = kmstest_call(t, "POST", target, NULL, body, &rs);
    if (rs.status != 200 || !kmstest_str(j, "id")) {
        json_decref(j);
        j = NULL;
    } else {
        snprintf(id, 256, "%s", kmstest_str(j, "id"));
    }
    resp_release(&rs);
    return j;
}

int kmstest_vault(struct apitest *t, const char *region, const char *name, char id[256],
                  char mgmt[256])
{
    char target[128], body[512];
    json_t *j;
    const char *m;
    int rc = -1;

    snprintf(target, sizeof(target), "/oci/%s/20180608/vaults", region);
    snprintf(body, sizeof(body),
             "{\"compartmentId\":\"" KMSTEST_COMP "\",\"displayName\":\"%s\","
             "\"vaultType\":\"DEFAULT\"}",
             name);
    j = create(t, target, body, id);
    m = kmstest_str(j, "managementEndpoint");
    if (m && !strncmp(m, "http://" KMSTEST_HOST, strlen("http://" KMSTEST_HOST))) {
        snprintf(mgmt, 256, "%s", m + strlen("http://" KMSTEST_HOST));
        rc = 0;
    }
    json_decref(j);
    return rc;
}

int kmstest_key(struct apitest *t, const char *mgmt, const char *name, char id[256])
{
    char target[300], body[512];
    json_t *j;
    int rc;

    snprintf(target, sizeof(target), "%s/20180608/keys", mgmt);
    snprintf(body, sizeof(body),
             "{\"compartmentId\":\"" KMSTEST_COMP "\",\"displayName\":\"%s\","
             "\"keyShape\":{\"algorithm\":\"AES\",\"length\":32}}",
             name);
    j = create(t, target, body, id);
    rc = j ? 0 : -1;
    json_decref(j);
    return rc;
}
