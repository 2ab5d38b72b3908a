/* test_kms_vault.c - the KmsVault plane (server/oci/kms/kms_vault.c): CreateVault, GetVault,
 * ListVaults, Schedule/CancelVaultDeletion, etags, if-match, retry tokens, regions. */
#include "kms_test.h"

#include "server/oci/oci_common.h"
#include "storage/store_oci.h"

#include <stdio.h>
#include <string.h>

#define VAULTS "/oci/us-ashburn-1/20180608/vaults"
#define VAULT_BODY(name)                                              \
    "{\"compartmentId\":\"" KMSTEST_COMP "\",\"displayName\":\"" name \
    "\",\"vaultType\":\"DEFAULT\"}"

static int is_hex40(const char *s)
{
    if (!s || strlen(s) != 40)
        return 0;
    for (; *s; s++)
        if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
            return 0;
    return 1;
}

static void test_create_vault_shape(void)
{
    struct resp rs;
    json_t *j;
    char keys[1024], want[512];
    const char *id, *prefix;

    resp_init(&rs);
    j = kmstest_call(&t, "POST", VAULTS, NULL, VAULT_BODY("shape"), &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(resp_get_header(&rs, "Content-Type"), "application/json");
    CHECK(is_hex40(resp_get_header(&rs, "etag")));
    kmstest_keys(j, keys, sizeof(keys));
    CHECK_STR(keys, "compartmentId,cryptoEndpoint,definedTags,displayName,freeformTags,id,"
                    "lifecycleState,managementEndpoint,timeCreated,vaultType,wrappingkeyId,"
                    "isPrimary,isVaultReplicable");
    id = kmstest_str(j, "id");
    CHECK(id && !strncmp(id, "ocid1.vault.oc1.iad.", 20));
    prefix = id ? id + 20 : "";
    CHECK(strlen(prefix) > 14 && prefix[13] == '.');
    snprintf(want, sizeof(want), "http://" KMSTEST_HOST "/oci/us-ashburn-1/kms/%.13s-management",
             prefix);
    CHECK_STR(kmstest_str(j, "managementEndpoint"), want);
    snprintf(want, sizeof(want), "http://" KMSTEST_HOST "/oci/us-ashburn-1/kms/%.13s-crypto",
             prefix);
    CHECK_STR(kmstest_str(j, "cryptoEndpoint"), want);
    CHECK_STR(kmstest_str(j, "lifecycleState"), "ACTIVE");
    CHECK_STR(kmstest_str(j, "vaultType"), "DEFAULT");
    CHECK_STR(kmstest_str(j, "displayName"), "shape");
    CHECK_STR(kmstest_str(j, "compartmentId"), KMSTEST_COMP);
    CHECK_STR(kmstest_str(j, "timeCreated"), "2025-11-24T16:00:00.000Z");
    CHECK(!strncmp(kmstest_str(j, "wrappingkeyId"), "ocid1.key.oc1.iad.", 18));
    CHECK(json_is_true(json_object_get(j, "isPrimary")));
    CHECK(json_is_false(json_object_get(j, "isVaultReplicable")));
    CHECK_INT(json_object_size(json_object_get(j, "freeformTags")), 0);
    json_decref(j);
    resp_release(&rs);
}

static void test_create_vault_errors(void)
{
    static const struct {
        const char *body;
        int status;
        const char *code;
        const char *message;
    } rows[] = {
        { "{\"displayName\":\"x\",\"vaultType\":\"DEFAULT\"}", 400, "MissingParameter",
          "Missing required parameter: compartmentId" },
        { "{\"compartmentId\":\"" KMSTEST_COMP "\",\"vaultType\":\"DEFAULT\"}", 400,
          "MissingParameter", "Missing required parameter: displayName" },
        { "{\"compartmentId\":\"" KMSTEST_COMP "\",\"displayName\":\"x\"}", 400, "MissingParameter",
          "Missing required parameter: vaultType" },
        { "{\"compartmentId\":\"" KMSTEST_COMP "\",\"displayName\":5,\"vaultType\":\"DEFAULT\"}",
          400, "InvalidParameter", "Invalid value for parameter displayName: wrong type" },
        { "{\"compartmentId\":\"" KMSTEST_COMP
          "\",\"displayName\":\"x\",\"vaultType\":\"EXTERNAL\"}",
          400, "InvalidParameter",
          "Invalid value for parameter vaultType: 'EXTERNAL' (supported: DEFAULT, VIRTUAL_PRIVATE)." },
        { "{\"compartmentId\":\"nope\",\"displayName\":\"x\",\"vaultType\":\"DEFAULT\"}", 400,
          "InvalidParameter", "Invalid compartmentId 'nope': not an OCID." },
        { "{\"compartmentId\":\"" KMSTEST_COMP "\",\"displayName\":\"x\",\"vaultType\":\"DEFAULT\","
          "\"freeformTags\":{\"a\":1}}",
          400, "InvalidParameter", "Invalid value for parameter freeformTags: wrong type" },
    };

    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
        call_error("POST", VAULTS, NULL, rows[i].body, rows[i].status, rows[i].code,
                   rows[i].message);
}

static void test_malformed_json(void)
{
    struct resp rs;
    json_t *j;

    resp_init(&rs);
    j = kmstest_call(&t, "POST", VAULTS, NULL, "{\"compartmentId\":", &rs);
    CHECK_INT(rs.status, 400);
    CHECK_STR(kmstest_str(j, "code"), "CannotParseRequest");
    json_decref(j);
    resp_release(&rs);
}

static void test_get_vault(void)
{
    struct resp rs, rs2;
    json_t *j, *g;
    char target[512];

    resp_init(&rs);
    resp_init(&rs2);
    j = kmstest_call(&t, "POST", VAULTS, NULL, VAULT_BODY("get"), &rs);
    snprintf(target, sizeof(target), VAULTS "/%s", kmstest_str(j, "id"));
    g = kmstest_call(&t, "GET", target, NULL, NULL, &rs2);
    CHECK_INT(rs2.status, 200);
    CHECK_STR(buf_str(&rs2.body), buf_str(&rs.body));
    CHECK_STR(resp_get_header(&rs2, "etag"), resp_get_header(&rs, "etag"));
    json_decref(g);
    resp_release(&rs2);

    /* another region does not see it */
    resp_init(&rs2);
    snprintf(target, sizeof(target), "/oci/us-phoenix-1/20180608/vaults/%s", kmstest_str(j, "id"));
    g = kmstest_call(&t, "GET", target, NULL, NULL, &rs2);
    check_error(&rs2, g, 404, "NotAuthorizedOrNotFound", NOT_FOUND_MSG);
    json_decref(g);
    resp_release(&rs2);

    /* unknown id */
    call_error("GET", VAULTS "/ocid1.vault.oc1.iad.nope.aaaa", NULL, NULL, 404,
               "NotAuthorizedOrNotFound", NOT_FOUND_MSG);
    json_decref(j);
    resp_release(&rs);
}

static void test_other_tenancy_sees_nothing(void)
{
    const char *h[] = {
        "Authorization: Signature version=\"1\",keyId=\"ocid1.tenancy.oc1..other/ocid1.user.oc1..u/"
        "11:22\",algorithm=\"rsa-sha256\",signature=\"x\"",
        NULL
    };
    struct resp rs, rs2;
    json_t *j;
    char target[512];

    resp_init(&rs);
    resp_init(&rs2);
    j = kmstest_call(&t, "POST", VAULTS, NULL, VAULT_BODY("tenancy"), &rs);
    snprintf(target, sizeof(target), VAULTS "/%s", kmstest_str(j, "id"));
    apitest_call(&t, "GET", target, h, NULL, &rs2);
    CHECK_INT(rs2.status, 404);
    json_decref(j);
    resp_release(&rs);
    resp_release(&rs2);
}

static void test_list_vaults_paging(void)
{
    const char *comp = "ocid1.compartment.oc1..aaaaaaaalistvaults";
    const char *names[] = { "b-vault", "a-vault", "c-vault" };
    struct resp rs;
    json_t *j;
    char body[512], keys[512];
    const char *next;

    for (size_t i = 0; i < 3; i++) {
        snprintf(body, sizeof(body),
                 "{\"compartmentId\":\"%s\",\"displayName\":\"%s\",\"vaultType\":\"DEFAULT\"}",
                 comp, names[i]);
        resp_init(&rs);
        t.now_ms += 1000;
        json_decref(kmstest_call(&t, "POST", VAULTS, NULL, body, &rs));
        CHECK_INT(rs.status, 200);
        resp_release(&rs);
    }
    /* default order: newest first */
    resp_init(&rs);
    j = kmstest_call(&t, "GET",
                     VAULTS "?compartmentId=ocid1.compartment.oc1..aaaaaaaalistvaults&limit=2",
                     NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_INT(json_array_size(j), 2);
    CHECK_STR(kmstest_str(json_array_get(j, 0), "displayName"), "c-vault");
    CHECK_STR(kmstest_str(json_array_get(j, 1), "displayName"), "a-vault");
    kmstest_keys(json_array_get(j, 0), keys, sizeof(keys));
    CHECK_STR(keys, "compartmentId,cryptoEndpoint,definedTags,displayName,freeformTags,id,"
                    "lifecycleState,managementEndpoint,timeCreated,vaultType");
    next = resp_get_header(&rs, "opc-next-page");
    CHECK_STR(next, "2");
    CHECK(resp_get_header(&rs, "etag") == NULL);
    json_decref(j);
    resp_release(&rs);

    resp_init(&rs);
    j = kmstest_call(
        &t, "GET", VAULTS "?compartmentId=ocid1.compartment.oc1..aaaaaaaalistvaults&limit=2&page=2",
        NULL, NULL, &rs);
    CHECK_INT(json_array_size(j), 1);
    CHECK_STR(kmstest_str(json_array_get(j, 0), "displayName"), "b-vault");
    CHECK(resp_get_header(&rs, "opc-next-page") == NULL);
    json_decref(j);
    resp_release(&rs);

    resp_init(&rs);
    j = kmstest_call(&t, "GET",
                     VAULTS
                     "?compartmentId=ocid1.compartment.oc1..aaaaaaaalistvaults&sortBy=DISPLAYNAME",
                     NULL, NULL, &rs);
    CHECK_INT(json_array_size(j), 3);
    CHECK_STR(kmstest_str(json_array_get(j, 0), "displayName"), "a-vault");
    CHECK_STR(kmstest_str(json_array_get(j, 2), "displayName"), "c-vault");
    json_decref(j);
    resp_release(&rs);

    /* the other region's list is empty */
    resp_init(&rs);
    j = kmstest_call(
        &t, "GET",
        "/oci/us-phoenix-1/20180608/vaults?compartmentId=ocid1.compartment.oc1..aaaaaaaalistvaults",
        NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_INT(json_array_size(j), 0);
    CHECK_STR(buf_str(&rs.body), "[]");
    json_decref(j);
    resp_release(&rs);
}

static void test_list_vaults_errors(void)
{
    struct resp rs;
    json_t *j;

    call_error("GET", VAULTS, NULL, NULL, 400, "MissingParameter",
               "Missing required parameter: compartmentId");

    resp_init(&rs);
    j = kmstest_call(&t, "GET", VAULTS "?compartmentId=" KMSTEST_COMP "&limit=0", NULL, NULL, &rs);
    CHECK_INT(rs.status, 400);
    CHECK_STR(kmstest_str(j, "code"), "InvalidParameter");
    json_decref(j);
    resp_release(&rs);

    call_error("GET", VAULTS "?compartmentId=" KMSTEST_COMP "&page=xyz", NULL, NULL, 400,
               "InvalidParameter", "Invalid page token 'xyz'.");

    resp_init(&rs);
    j = kmstest_call(&t, "GET", VAULTS "?compartmentId=" KMSTEST_COMP "&sortBy=NAME", NULL, NULL,
                     &rs);
    check_error(&rs, j, 400, "InvalidParameter",
                "Invalid sortBy 'NAME': must be TIMECREATED or DISPLAYNAME.");
    json_decref(j);
    resp_release(&rs);
}

static void test_retry_token(void)
{
    const char *h[] = { "opc-retry-token: vault-token-1", NULL };
    struct resp a, b, c, l;
    json_t *ja, *jb, *jc, *jl;

    resp_init(&a);
    resp_init(&b);
    resp_init(&c);
    resp_init(&l);
    ja = kmstest_call(&t, "POST", VAULTS, h,
                      "{\"compartmentId\":\"ocid1.compartment.oc1..aaaaaaaaretry\",\"displayName\":"
                      "\"r\",\"vaultType\":\"DEFAULT\"}",
                      &a);
    jb = kmstest_call(&t, "POST", VAULTS, h,
                      "{\"compartmentId\":\"ocid1.compartment.oc1..aaaaaaaaretry\",\"displayName\":"
                      "\"r\",\"vaultType\":\"DEFAULT\"}",
                      &b);
    CHECK_INT(a.status, 200);
    CHECK_INT(b.status, 200);
    CHECK_STR(buf_str(&b.body), buf_str(&a.body));
    CHECK_STR(resp_get_header(&b, "etag"), resp_get_header(&a, "etag"));
    jc = kmstest_call(&t, "POST", VAULTS, h,
                      "{\"compartmentId\":\"ocid1.compartment.oc1..aaaaaaaaretry\",\"displayName\":"
                      "\"other\",\"vaultType\":\"DEFAULT\"}",
                      &c);
    check_error(&c, jc, 409, "InvalidatedRetryToken",
                "The retry token was already used for a different request.");
    jl = kmstest_call(&t, "GET", VAULTS "?compartmentId=ocid1.compartment.oc1..aaaaaaaaretry", NULL,
                      NULL, &l);
    CHECK_INT(json_array_size(jl), 1);
    json_decref(ja);
    json_decref(jb);
    json_decref(jc);
    json_decref(jl);
    resp_release(&a);
    resp_release(&b);
    resp_release(&c);
    resp_release(&l);
}

static void test_vault_deletion(void)
{
    char vault[256], mgmt[256], key[256], target[1024], path[512], ifm[80];
    struct resp rs;
    json_t *j;
    char etag[41];
    struct kms_key_ref ref;

    CHECK_INT(kmstest_vault(&t, "us-ashburn-1", "to-delete", vault, mgmt), 0);
    CHECK_INT(kmstest_key(&t, mgmt, "k-in-deleted-vault", key), 0);
    snprintf(target, sizeof(target), VAULTS "/%s/actions/scheduleDeletion", vault);

    /* out of the 7..30 day window */
    resp_init(&rs);
    j = kmstest_call(&t, "POST", target, NULL, "{\"timeOfDeletion\":\"2025-11-27T16:00:00.000Z\"}",
                     &rs);
    check_error(&rs, j, 400, "InvalidParameter",
                "timeOfDeletion must be between 7 and 30 days from the time of the request.");
    json_decref(j);
    resp_release(&rs);

    resp_init(&rs);
    j = kmstest_call(&t, "POST", target, (const char *const[]){ "if-match: nope", NULL }, NULL,
                     &rs);
    check_error(
        &rs, j, 412, "NoEtagMatch",
        "The etag given in the if-match header does not match the resource's current etag.");
    json_decref(j);
    resp_release(&rs);

    resp_init(&rs);
    j = kmstest_call(&t, "POST", target, NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(kmstest_str(j, "lifecycleState"), "PENDING_DELETION");
    snprintf(etag, sizeof(etag), "%s", resp_get_header(&rs, "etag"));
    {
        int64_t when = 0;

        CHECK_INT(oci_time_parse(kmstest_str(j, "timeOfDeletion"), &when), 0);
        CHECK_INT(when, t.now_ms + 30LL * 24 * 3600 * 1000);
    }
    json_decref(j);
    resp_release(&rs);
    CHECK_INT(store_kms_key_ref(t.st, key, &ref), STORE_OK);
    CHECK_STR(ref.lifecycle_state, "PENDING_DELETION");

    /* no new keys in a vault pending deletion; no second schedule */
    resp_init(&rs);
    snprintf(path, sizeof(path), "%s/20180608/keys", mgmt);
    j = kmstest_call(&t, "POST", path, NULL,
                     "{\"compartmentId\":\"" KMSTEST_COMP "\",\"displayName\":\"late\","
                     "\"keyShape\":{\"algorithm\":\"AES\",\"length\":16}}",
                     &rs);
    check_error(&rs, j, 409, "Conflict",
                "The vault must be ACTIVE to create keys in it; the vault is PENDING_DELETION.");
    json_decref(j);
    resp_release(&rs);
    call_error(
        "POST", target, NULL, NULL, 409, "Conflict",
        "Only an ACTIVE vault can be scheduled for deletion; the vault is PENDING_DELETION.");

    snprintf(target, sizeof(target), VAULTS "/%s/actions/cancelDeletion", vault);
    snprintf(ifm, sizeof(ifm), "if-match: %s", etag);
    resp_init(&rs);
    j = kmstest_call(&t, "POST", target, (const char *const[]){ ifm, NULL }, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(kmstest_str(j, "lifecycleState"), "ACTIVE");
    CHECK(json_object_get(j, "timeOfDeletion") == NULL);
    CHECK(strcmp(resp_get_header(&rs, "etag"), etag) != 0);
    json_decref(j);
    resp_release(&rs);
    CHECK_INT(store_kms_key_ref(t.st, key, &ref), STORE_OK);
    CHECK_STR(ref.lifecycle_state, "ENABLED");

    call_error("POST", target, NULL, NULL, 409, "Conflict",
               "Only a vault in PENDING_DELETION can have its deletion cancelled; the vault is "
               "ACTIVE.");
}

static void test_vault_deletion_before_key(void)
{
    char vault[256], mgmt[256], key[256], target[1024];
    struct resp rs;
    json_t *j;

    CHECK_INT(kmstest_vault(&t, "us-ashburn-1", "key-later", vault, mgmt), 0);
    CHECK_INT(kmstest_key(&t, mgmt, "k-30-days", key), 0);
    snprintf(target, sizeof(target), "%s/20180608/keys/%s/actions/scheduleDeletion", mgmt, key);
    resp_init(&rs);
    json_decref(kmstest_call(&t, "POST", target, NULL, NULL, &rs));
    CHECK_INT(rs.status, 200);
    resp_release(&rs);
    snprintf(target, sizeof(target), VAULTS "/%s/actions/scheduleDeletion", vault);
    resp_init(&rs);
    j = kmstest_call(&t, "POST", target, NULL, "{\"timeOfDeletion\":\"2025-12-04T16:00:00.000Z\"}",
                     &rs);
    check_error(&rs, j, 409, "Conflict",
                "A key in the vault is scheduled for deletion after 2025-12-04T16:00:00.000Z, the "
                "requested time of deletion of the vault.");
    json_decref(j);
    resp_release(&rs);
}

int main(void)
{
    if (apitest_open(&t))
        return 1;
    TEST(test_create_vault_shape);
    TEST(test_create_vault_errors);
    TEST(test_malformed_json);
    TEST(test_get_vault);
    TEST(test_other_tenancy_sees_nothing);
    TEST(test_list_vaults_paging);
    TEST(test_list_vaults_errors);
    TEST(test_retry_token);
    TEST(test_vault_deletion);
    TEST(test_vault_deletion_before_key);
    apitest_close(&t);
    return TEST_REPORT();
}
