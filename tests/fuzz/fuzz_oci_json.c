/* fuzz_oci_json.c - OCI JSON bodies: oci_body_object for each family, then the body sent to an
 * OCI route (Object Storage, Block Volume, Vault, Cloud Guard) picked by the first byte. */
#include "fuzz_lib.h"

#include "server/oci/oci_common.h"
#include "server/router.h"

#include <string.h>

#define TENANCY "ocid1.tenancy.oc1..aaaaaaaatenancy"
#define KEY     "ocid1.key.oc1.iad.bbpcqsysaaeug.abuwcljrkeyaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define VAULT   "ocid1.vault.oc1.iad.bbpcqsysaaeug.abuwcljrvaultaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define VOLUME  "ocid1.volume.oc1.iad.abuwcljrvolumeaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define BACKUP  "ocid1.volumebackup.oc1.iad.abuwcljrbackupaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define ZONE    "ocid1.securityzone.oc1.iad.abuwcljrzoneaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

/* The OCI operations that take or answer a body (oci-key-assignment.md §1-§5). */
static const struct {
    const char *method;
    const char *target;
} routes[] = {
    { "GET", "/n" },
    { "GET", "/n/ns" },
    { "POST", "/n/ns/b" },
    { "GET", "/n/ns/b?compartmentId=" TENANCY "&limit=2" },
    { "GET", "/n/ns/b/MyBucket" },
    { "HEAD", "/n/ns/b/MyBucket" },
    { "POST", "/n/ns/b/MyBucket" },
    { "DELETE", "/n/ns/b/MyBucket" },
    { "POST", "/n/ns/b/MyBucket/actions/reencrypt" },
    { "POST", "/20160918/volumes" },
    { "GET", "/20160918/volumes?compartmentId=" TENANCY },
    { "PUT", "/20160918/volumes/" VOLUME },
    { "GET", "/20160918/volumes/" VOLUME "/kmsKey" },
    { "PUT", "/20160918/volumes/" VOLUME "/kmsKey" },
    { "DELETE", "/20160918/volumes/" VOLUME "/kmsKey" },
    { "POST", "/20160918/volumeBackups" },
    { "PUT", "/20160918/volumeBackups/" BACKUP },
    { "POST", "/20160918/volumeBackups/" BACKUP "/actions/copy" },
    { "POST", "/20160918/bootVolumes" },
    { "PUT", "/20160918/bootVolumes/" VOLUME "/kmsKey" },
    { "POST", "/20160918/volumeGroups" },
    { "POST", "/20160918/volumeBackupPolicyAssignments" },
    { "POST", "/20180608/vaults" },
    { "GET", "/20180608/vaults?compartmentId=" TENANCY "&limit=1" },
    { "GET", "/20180608/vaults/" VAULT },
    { "POST", "/20180608/vaults/" VAULT "/actions/scheduleDeletion" },
    { "POST", "/20180608/vaults/" VAULT "/actions/cancelDeletion" },
    { "POST", "/20180608/keys" },
    { "GET", "/20180608/keys?compartmentId=" TENANCY },
    { "GET", "/20180608/keys/" KEY },
    { "PUT", "/20180608/keys/" KEY },
    { "POST", "/20180608/keys/" KEY "/actions/disable" },
    { "POST", "/20180608/keys/" KEY "/actions/enable" },
    { "POST", "/20180608/keys/" KEY "/actions/scheduleDeletion" },
    { "POST", "/20180608/keys/" KEY "/actions/cancelDeletion" },
    { "POST", "/20180608/keys/" KEY "/keyVersions" },
    { "GET", "/20180608/keys/" KEY "/keyVersions" },
    { "POST", "/20180608/encrypt" },
    { "POST", "/20180608/generateDataEncryptionKey" },
    { "POST", "/20200131/securityZones" },
    { "PUT", "/20200131/securityZones/" ZONE },
    { "POST", "/20200131/securityZones/" ZONE "/actions/addCompartment" },
    { "POST", "/20200131/securityRecipes" },
};
#define NROUTES (sizeof(routes) / sizeof(routes[0]))

/* oci_body_object on its own: an object, or a 400 JSON error and no object. */
static void body_object(struct fuzz_env *env, int family, const uint8_t *body, size_t len)
{
    struct fuzz_req fr;
    struct req rq;
    struct ctx cx;
    struct resp rs;
    json_t *j = NULL;
    int err;

    if (fuzz_req_make(&fr, "POST", "/", NULL, 0, body, len))
        return;
    memset(&rq, 0, sizeof(rq));
    rq.method = fr.method;
    rq.path = fr.path;
    rq.body = fr.body;
    rq.body_len = fr.body_len;
    rq.family = family;
    memset(&cx, 0, sizeof(cx));
    cx.store = env->st;
    cx.cfg = &env->cfg;
    cx.ids = &env->ids;
    resp_init(&rs);
    err = oci_body_object(&rq, &cx, &rs, &j);
    if (err) {
        FUZZ_CHECK(!j && rs.status == 400);
        fuzz_check_resp(family, &rs);
    } else {
        FUZZ_CHECK(json_is_object(j) && rs.body.len == 0);
    }
    json_decref(j);
    resp_release(&rs);
    fuzz_req_release(&fr);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct kv common[] = {
        { "Authorization", "Signature version=\"1\",keyId=\"" TENANCY
                           "/ocid1.user.oc1..aaaaaaaauser/e6:23\",algorithm=\"rsa-sha256\","
                           "headers=\"x-date (request-target) host\",signature=\"AA==\"" },
        { "Content-Type", "application/json" },
    };
    struct fuzz_env *env = fuzz_env_begin();
    struct fuzz_req fr;
    struct resp rs;
    char target[512];
    unsigned route, flags;

    if (size < 2)
        return 0;
    route = data[0] % NROUTES;
    flags = data[1];
    data += 2;
    size -= 2;
    body_object(env, FAM_OCI_OS, data, size);
    body_object(env, FAM_OCI_KMS, data, size);

    /* bit 0: the /oci/<region> prefix instead of a Host naming the region */
    snprintf(target, sizeof(target), "%s%s", flags & 1 ? "/oci/us-ashburn-1" : "",
             routes[route].target);
    if (fuzz_req_make(&fr, routes[route].method, target, common, 2, data, size))
        return 0;
    if (!(flags & 1))
        fuzz_req_add_header(&fr, "Host",
                            routes[route].target[1] == 'n'
                                ? "objectstorage.us-ashburn-1.oraclecloud.com"
                                : "iaas.us-ashburn-1.oraclecloud.com");
    if (flags & 2)
        fuzz_req_add_header(&fr, "opc-retry-token", "fuzz-token");
    if (flags & 4)
        fuzz_req_add_header(&fr, "if-match", "etag-0");
    if (flags & 8)
        fuzz_req_add_header(&fr, "opc-client-request-id", "client-1");
    fuzz_dispatch(env, &fr, &rs);
    /* the same request again, as a client's retry sends it */
    if (flags & 2) {
        struct resp again;

        fuzz_dispatch(env, &fr, &again);
        resp_release(&again);
    }
    resp_release(&rs);
    fuzz_req_release(&fr);
    return 0;
}
