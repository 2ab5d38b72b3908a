/* fuzz_sig.c - Authorization headers of both clouds (SigV4/SigV2 credential scopes, OCI
 * draft-cavage keyId) and the X-Amz-Credential query through router_dispatch on fixed paths. */
#include "fuzz_lib.h"

#include "server/router.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The input's first byte picks the request; then lines: Authorization value, Host value,
 * X-Amz-Credential value (each optional). */
static const struct {
    const char *method;
    const char *path;
    const char *host;
} targets[] = {
    { "GET", "/", NULL },                                    /* S3 ListBuckets */
    { "GET", "/amzn-s3-demo-bucket?encryption", NULL },      /* S3 GetBucketEncryption */
    { "HEAD", "/", "amzn-s3-demo-bucket.s3.amazonaws.com" }, /* S3 virtual-hosted */
    { "GET", "/n/ns", NULL },                                /* OCI OS, or S3 when AWS-signed */
    { "GET", "/n", "objectstorage.us-phoenix-1.oraclecloud.com" },
    { "GET", "/oci/us-ashburn-1/20180608/vaults", NULL },
    { "GET", "/oci/iad/kms/bbpc-management/20180608/keys", NULL },
    { "POST", "/20160918/volumes", "iaas.eu-frankfurt-1.oraclecloud.com" },
    { "GET", "/20200131/securityZones", NULL },
    { "POST", "/", NULL }, /* AWS JSON with X-Amz-Target */
};
#define NTARGETS (sizeof(targets) / sizeof(targets[0]))

static char *line(char **p, char *end)
{
    char *s = *p;
    char *nl;

    if (s >= end)
        return NULL;
    nl = memchr(s, '\n', (size_t)(end - s));
    if (nl) {
        *nl = '\0';
        *p = nl + 1;
    } else {
        *p = end;
    }
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fuzz_env *env = fuzz_env_begin();
    struct fuzz_req fr;
    struct resp rs;
    unsigned t;
    char *copy, *p, *end, *auth, *host, *cred;
    int family;

    if (!size)
        return 0;
    t = data[0] % NTARGETS;
    copy = malloc(size);
    if (!copy)
        return 0;
    memcpy(copy, data + 1, size - 1);
    copy[size - 1] = '\0';
    p = copy;
    end = copy + size - 1;
    auth = line(&p, end);
    host = line(&p, end);
    cred = line(&p, end);
    /* libmicrohttpd ends a header line at a bare CR too; a query value may hold one (%0D) */
    if (auth)
        auth[strcspn(auth, "\r")] = '\0';
    if (host)
        host[strcspn(host, "\r")] = '\0';

    if (fuzz_req_make(&fr, targets[t].method, targets[t].path, NULL, 0, NULL, 0)) {
        free(copy);
        return 0;
    }
    if (auth)
        fuzz_req_add_header(&fr, "Authorization", auth);
    if (host && *host)
        fuzz_req_add_header(&fr, "Host", host);
    else if (targets[t].host)
        fuzz_req_add_header(&fr, "Host", targets[t].host);
    if (cred && fr.nquery < FUZZ_MAX_KV) {
        fr.query[fr.nquery].name = "X-Amz-Credential";
        fr.query[fr.nquery].value = cred;
        fr.nquery++;
    }
    if (!strcmp(targets[t].method, "POST") && !strcmp(targets[t].path, "/"))
        fuzz_req_add_header(&fr, "X-Amz-Target", "TrentService.ListKeys");

    family = fuzz_dispatch(env, &fr, &rs);
    /* ListBuckets answers every caller, whatever its credential says (a Host may name a
     * bucket, which makes it another operation) */
    if (t == 0 && !(host && *host))
        FUZZ_CHECK(family == FAM_S3 && rs.status == 200);
    /* an OCI request without a draft-cavage keyId is refused before any route */
    if (family != FAM_S3 && family != FAM_AWS_JSON &&
        (!auth || strncasecmp(auth, "Signature ", 10) || !strstr(auth, "keyId=\"")))
        FUZZ_CHECK(rs.status == 401 || rs.status == 404);
    resp_release(&rs);
    fuzz_req_release(&fr);
    free(copy);
    return 0;
}
