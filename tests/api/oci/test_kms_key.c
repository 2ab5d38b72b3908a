/* test_kms_key.c - the KmsManagement plane (server/oci/kms/kms_key.c, kms_key_version.c): keys
 * and key versions through a vault's management endpoint, key shapes, states, etags, if-match,
 * retry tokens, and what store_kms_key_ref sees of it all. */
#include "kms_test.h"

#include "server/oci/oci_common.h"
#include "storage/store_oci.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

static char vault[256], mgmt[256];

/* A call on this test's vault: path is appended to the management endpoint path. */
static json_t *call(const char *method, const char *path, const char *const *h, const char *body,
                    struct resp *rs)
{
    char target[1024];

    snprintf(target, sizeof(target), "%s%s", mgmt, path);
    resp_init(rs);
    return kmstest_call(&t, method, target, h, body, rs);
}

/* A call on this test's vault that must answer the error (call_error). */
static void key_error(const char *method, const char *path, const char *const *h, const char *body,
                      int status, const char *code, const char *message)
{
    char target[1024];

    snprintf(target, sizeof(target), "%s%s", mgmt, path);
    call_error(method, target, h, body, status, code, message);
}

/* POST a key action and return the status (the body is checked by the callers that care). */
static int key_post(const char *key, const char *what, const char *const *h, const char *body,
                    char etag_out[41])
{
    char path[512];
    struct resp rs;
    int status;

    snprintf(path, sizeof(path), "/20180608/keys/%s%s", key, what);
    json_decref(call("POST", path, h, body, &rs));
    status = rs.status;
    if (etag_out)
        snprintf(etag_out, 41, "%s",
                 resp_get_header(&rs, "etag") ? resp_get_header(&rs, "etag") : "");
    resp_release(&rs);
    return status;
}

static void test_create_key_shape(void)
{
    struct resp rs;
    json_t *j;
    struct kms_key_ref ref;
    char keys[1024], want[128];
    const char *id;

    j = call(
        "POST", "/20180608/keys", NULL,
        "{\"compartmentId\":\"" KMSTEST_COMP "\",\"displayName\":\"k1\","
        "\"keyShape\":{\"algorithm\":\"AES\",\"length\":32},\"freeformTags\":{\"team\":\"a\"}}",
        &rs);
    CHECK_INT(rs.status, 200);
    CHECK_INT(strlen(resp_get_header(&rs, "etag")), 40);
    kmstest_keys(j, keys, sizeof(keys));
    CHECK_STR(keys, "compartmentId,currentKeyVersion,definedTags,displayName,freeformTags,id,"
                    "keyShape,protectionMode,lifecycleState,timeCreated,vaultId,isPrimary,"
                    "isAutoRotationEnabled");
    kmstest_keys(json_object_get(j, "keyShape"), keys, sizeof(keys));
    CHECK_STR(keys, "algorithm,length");
    CHECK_INT(json_integer_value(json_object_get(json_object_get(j, "keyShape"), "length")), 32);
    /* ocid1.key.oc1.iad.<vault prefix>.<unique> */
    snprintf(want, sizeof(want), "ocid1.key.oc1.iad.%.13s.", vault + 20);
    id = kmstest_str(j, "id");
    CHECK(id && !strncmp(id, want, strlen(want)));
    snprintf(want, sizeof(want), "ocid1.keyversion.oc1.iad.%.13s.", vault + 20);
    CHECK(!strncmp(kmstest_str(j, "currentKeyVersion"), want, strlen(want)));
    CHECK_STR(kmstest_str(j, "vaultId"), vault);
    CHECK_STR(kmstest_str(j, "protectionMode"), "HSM");
    CHECK_STR(kmstest_str(j, "lifecycleState"), "ENABLED");
    CHECK_STR(kmstest_str(json_object_get(j, "freeformTags"), "team"), "a");
    CHECK_INT(store_kms_key_ref(t.st, id, &ref), STORE_OK);
    CHECK_INT(ref.versions, 1);
    CHECK_STR(ref.region, "us-ashburn-1");
    CHECK_STR(ref.algorithm, "AES");
    CHECK_STR(ref.vault_id, vault);
    json_decref(j);
    resp_release(&rs);
}

static void test_key_shapes(void)
{
    static const struct {
        const char *shape;
        int status;
        const char *message; /* error message, or the curveId expected */
    } rows[] = {
        { "{\"algorithm\":\"AES\",\"length\":256}", 400,
          "Invalid key length 256 for algorithm AES: supported lengths are 16, 24 and 32 bytes." },
        { "{\"algorithm\":\"AES\",\"length\":16}", 200, NULL },
        { "{\"algorithm\":\"AES\",\"length\":24}", 200, NULL },
        { "{\"algorithm\":\"RSA\",\"length\":256}", 200, NULL },
        { "{\"algorithm\":\"RSA\",\"length\":2048}", 400,
          "Invalid key length 2048 for algorithm RSA: supported lengths are 256, 384 and 512 bytes." },
        { "{\"algorithm\":\"ECDSA\",\"length\":48}", 200, "NIST_P384" },
        { "{\"algorithm\":\"ECDSA\",\"length\":66,\"curveId\":\"NIST_P521\"}", 200, "NIST_P521" },
        { "{\"algorithm\":\"ECDSA\",\"length\":32,\"curveId\":\"NIST_P384\"}", 400,
          "Invalid keyShape: curveId NIST_P384 does not match an ECDSA key of length 32 (expected "
          "NIST_P256)." },
        { "{\"algorithm\":\"AES\",\"length\":32,\"curveId\":\"NIST_P256\"}", 400,
          "Invalid keyShape: curveId applies to ECDSA keys only." },
        { "{\"algorithm\":\"DES\",\"length\":8}", 400,
          "Invalid value for parameter keyShape.algorithm: 'DES' (supported: AES, RSA, ECDSA)." },
        { "{\"length\":32}", 400, "Missing required parameter: keyShape.algorithm" },
        { "{\"algorithm\":\"AES\"}", 400, "Missing required parameter: keyShape.length" },
        { "{\"algorithm\":\"AES\",\"length\":\"32\"}", 400,
          "Invalid value for parameter keyShape.length: wrong type" },
        { "\"AES\"", 400, "Invalid value for parameter keyShape: wrong type" },
    };

    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        char body[512];
        struct resp rs;
        json_t *j;

        snprintf(body, sizeof(body),
                 "{\"compartmentId\":\"" KMSTEST_COMP
                 "\",\"displayName\":\"s%zu\",\"keyShape\":%s}",
                 i, rows[i].shape);
        j = call("POST", "/20180608/keys", NULL, body, &rs);
        if (rows[i].status != 200) {
            check_error(&rs, j, rows[i].status,
                        strncmp(rows[i].message, "Missing", 7) ? "InvalidParameter"
                                                               : "MissingParameter",
                        rows[i].message);
        } else {
            json_t *shape = json_object_get(j, "keyShape");

            CHECK_INT(rs.status, 200);
            if (rows[i].message)
                CHECK_STR(kmstest_str(shape, "curveId"), rows[i].message);
            else
                CHECK(json_object_get(shape, "curveId") == NULL);
        }
        if (harness_failed_asserts)
            printf("  row %zu\n", i);
        json_decref(j);
        resp_release(&rs);
    }
}

static void test_create_key_errors(void)
{
    static const struct {
        const char *body;
        const char *code;
        const char *message;
    } rows[] = {
        { "{\"displayName\":\"x\",\"keyShape\":{\"algorithm\":\"AES\",\"length\":32}}",
          "MissingParameter", "Missing required parameter: compartmentId" },
        { "{\"compartmentId\":\"" KMSTEST_COMP
          "\",\"keyShape\":{\"algorithm\":\"AES\",\"length\":32}}",
          "MissingParameter", "Missing required parameter: displayName" },
        { "{\"compartmentId\":\"" KMSTEST_COMP "\",\"displayName\":\"x\"}", "MissingParameter",
          "Missing required parameter: keyShape" },
        { "{\"compartmentId\":\"" KMSTEST_COMP
          "\",\"displayName\":\"x\",\"keyShape\":{\"algorithm\":"
          "\"AES\",\"length\":32},\"protectionMode\":\"EXTERNAL\"}",
          "InvalidParameter",
          "Invalid value for parameter protectionMode: 'EXTERNAL' (supported: HSM, SOFTWARE)." },
        { "{\"compartmentId\":\"" KMSTEST_COMP
          "\",\"displayName\":\"x\",\"keyShape\":{\"algorithm\":"
          "\"AES\",\"length\":32},\"protectionMode\":1}",
          "InvalidParameter", "Invalid value for parameter protectionMode: wrong type" },
        { "{\"compartmentId\":\"" KMSTEST_COMP
          "\",\"displayName\":\"\",\"keyShape\":{\"algorithm\":"
          "\"AES\",\"length\":32}}",
          "InvalidParameter",
          "Invalid value for parameter displayName: must be 1 to 255 characters." },
    };

    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        struct resp rs;
        json_t *j = call("POST", "/20180608/keys", NULL, rows[i].body, &rs);

        check_error(&rs, j, 400, rows[i].code, rows[i].message);
        json_decref(j);
        resp_release(&rs);
    }
}

static void test_software_key(void)
{
    struct resp rs;
    json_t *j =
        call("POST", "/20180608/keys", NULL,
             "{\"compartmentId\":\"" KMSTEST_COMP "\",\"displayName\":\"soft\",\"keyShape\":"
             "{\"algorithm\":\"AES\",\"length\":32},\"protectionMode\":\"SOFTWARE\"}",
             &rs);

    CHECK_INT(rs.status, 200);
    CHECK_STR(kmstest_str(j, "protectionMode"), "SOFTWARE");
    json_decref(j);
    resp_release(&rs);
}

static void test_key_needs_vault_endpoint(void)
{
    char key[256], other_vault[256], other_mgmt[256], target[1024];

    CHECK_INT(kmstest_key(&t, mgmt, "scoped", key), 0);
    /* the generic endpoint, without a vault */
    snprintf(target, sizeof(target), "/oci/us-ashburn-1/20180608/keys/%s", key);
    call_error("GET", target, NULL, NULL, 404, "NotAuthorizedOrNotFound", NOT_FOUND_MSG);
    call_error("POST", "/oci/us-ashburn-1/20180608/keys", NULL, "{}", 404,
               "NotAuthorizedOrNotFound", NOT_FOUND_MSG);
    /* an unknown vault prefix */
    snprintf(target, sizeof(target),
             "/oci/us-ashburn-1/kms/zzzzzzzzzzzzz-management/20180608/keys/%s", key);
    call_error("GET", target, NULL, NULL, 404, "NotAuthorizedOrNotFound", NOT_FOUND_MSG);
    /* the vault's prefix in another region */
    snprintf(target, sizeof(target), "/oci/us-phoenix-1%s/20180608/keys/%s",
             mgmt + strlen("/oci/us-ashburn-1"), key);
    call_error("GET", target, NULL, NULL, 404, "NotAuthorizedOrNotFound", NOT_FOUND_MSG);
    /* another vault's endpoint does not see this vault's key */
    CHECK_INT(kmstest_vault(&t, "us-ashburn-1", "other", other_vault, other_mgmt), 0);
    snprintf(target, sizeof(target), "%s/20180608/keys/%s", other_mgmt, key);
    call_error("GET", target, NULL, NULL, 404, "NotAuthorizedOrNotFound", NOT_FOUND_MSG);
    /* a key that does not exist */
    key_error("GET", "/20180608/keys/ocid1.key.oc1.iad.nope.aaaa", NULL, NULL, 404,
              "NotAuthorizedOrNotFound", NOT_FOUND_MSG);
}

static void test_get_key_matches_create(void)
{
    struct resp a, b;
    json_t *ja, *jb;
    char path[512];

    ja = call("POST", "/20180608/keys", NULL,
              "{\"compartmentId\":\"" KMSTEST_COMP "\",\"displayName\":\"get\",\"keyShape\":"
              "{\"algorithm\":\"RSA\",\"length\":512}}",
              &a);
    snprintf(path, sizeof(path), "/20180608/keys/%s", kmstest_str(ja, "id"));
    jb = call("GET", path, NULL, NULL, &b);
    CHECK_INT(b.status, 200);
    CHECK_STR(buf_str(&b.body), buf_str(&a.body));
    CHECK_STR(resp_get_header(&b, "etag"), resp_get_header(&a, "etag"));
    json_decref(ja);
    json_decref(jb);
    resp_release(&a);
    resp_release(&b);
}

static void test_list_keys(void)
{
    const char *comp = "ocid1.compartment.oc1..aaaaaaaalistkeys";
    const char *shapes[] = { "{\"algorithm\":\"AES\",\"length\":16}",
                             "{\"algorithm\":\"RSA\",\"length\":256}",
                             "{\"algorithm\":\"AES\",\"length\":32}" };
    struct resp rs;
    json_t *j;
    char body[512], keys[512];

    for (int i = 0; i < 3; i++) {
        snprintf(body, sizeof(body),
                 "{\"compartmentId\":\"%s\",\"displayName\":\"list-%d\",\"keyShape\":%s}", comp, i,
                 shapes[i]);
        t.now_ms += 1000;
        json_decref(call("POST", "/20180608/keys", NULL, body, &rs));
        CHECK_INT(rs.status, 200);
        resp_release(&rs);
    }
    j = call("GET", "/20180608/keys?compartmentId=ocid1.compartment.oc1..aaaaaaaalistkeys&limit=1",
             NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_INT(json_array_size(j), 1);
    CHECK_STR(kmstest_str(json_array_get(j, 0), "displayName"), "list-2");
    CHECK_STR(resp_get_header(&rs, "opc-next-page"), "1");
    kmstest_keys(json_array_get(j, 0), keys, sizeof(keys));
    CHECK_STR(keys, "compartmentId,definedTags,displayName,freeformTags,id,lifecycleState,"
                    "timeCreated,vaultId,protectionMode,algorithm,isAutoRotationEnabled");
    json_decref(j);
    resp_release(&rs);
    j = call("GET",
             "/20180608/keys?compartmentId=ocid1.compartment.oc1..aaaaaaaalistkeys&limit=1&page=2",
             NULL, NULL, &rs);
    CHECK_INT(json_array_size(j), 1);
    CHECK_STR(kmstest_str(json_array_get(j, 0), "displayName"), "list-0");
    CHECK(resp_get_header(&rs, "opc-next-page") == NULL);
    json_decref(j);
    resp_release(&rs);
    j = call("GET",
             "/20180608/keys?compartmentId=ocid1.compartment.oc1..aaaaaaaalistkeys&algorithm=AES&"
             "sortBy=DISPLAYNAME",
             NULL, NULL, &rs);
    CHECK_INT(json_array_size(j), 2);
    CHECK_STR(kmstest_str(json_array_get(j, 0), "displayName"), "list-0");
    CHECK_STR(kmstest_str(json_array_get(j, 1), "displayName"), "list-2");
    json_decref(j);
    resp_release(&rs);
    j = call("GET",
             "/20180608/keys?compartmentId=ocid1.compartment.oc1..aaaaaaaalistkeys&length=16", NULL,
             NULL, &rs);
    CHECK_INT(json_array_size(j), 1);
    json_decref(j);
    resp_release(&rs);
    key_error("GET", "/20180608/keys", NULL, NULL, 400, "MissingParameter",
              "Missing required parameter: compartmentId");
    key_error("GET", "/20180608/keys?compartmentId=x&algorithm=DES", NULL, NULL, 400,
              "InvalidParameter", "Invalid value for parameter algorithm: 'DES'.");
}

static void test_update_key(void)
{
    char key[256], path[512], ifm[80], etag[41];
    struct resp rs;
    json_t *j;

    CHECK_INT(kmstest_key(&t, mgmt, "upd", key), 0);
    snprintf(path, sizeof(path), "/20180608/keys/%s", key);
    j = call("GET", path, NULL, NULL, &rs);
    snprintf(etag, sizeof(etag), "%s", resp_get_header(&rs, "etag"));
    json_decref(j);
    resp_release(&rs);

    key_error("PUT", path, (const char *const[]){ "if-match: wrong", NULL },
              "{\"displayName\":\"renamed\"}", 412, "NoEtagMatch",
              "The etag given in the if-match header does not match the resource's current etag.");

    snprintf(ifm, sizeof(ifm), "if-match: %s", etag);
    j = call("PUT", path, (const char *const[]){ ifm, NULL },
             "{\"displayName\":\"renamed\",\"definedTags\":{\"ns\":{\"k\":\"v\"}}}", &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(kmstest_str(j, "displayName"), "renamed");
    CHECK_STR(kmstest_str(json_object_get(json_object_get(j, "definedTags"), "ns"), "k"), "v");
    CHECK(strcmp(resp_get_header(&rs, "etag"), etag) != 0);
    json_decref(j);
    resp_release(&rs);

    /* the old etag no longer matches */
    j = call("PUT", path, (const char *const[]){ ifm, NULL }, "{\"displayName\":\"again\"}", &rs);
    CHECK_INT(rs.status, 412);
    json_decref(j);
    resp_release(&rs);

    key_error("PUT", path, NULL, "{\"displayName\":7}", 400, "InvalidParameter",
              "Invalid value for parameter displayName: wrong type");

    /* a disabled key cannot be updated */
    CHECK_INT(key_post(key, "/actions/disable", NULL, NULL, NULL), 200);
    key_error("PUT", path, NULL, "{\"displayName\":\"x\"}", 409, "Conflict",
              "The key must be in an ENABLED or CREATING state to be updated; the key is "
              "DISABLED.");
}

struct race {
    const char *path;
    const char *ifm;
    int status;
};

static void *race_update(void *arg)
{
    struct race *r = arg;
    const char *h[] = { OCITEST_AUTH, "Host: " KMSTEST_HOST, r->ifm, NULL };
    struct resp rs;

    resp_init(&rs);
    apitest_call(&t, "PUT", r->path, h, "{\"displayName\":\"race\"}", &rs);
    r->status = rs.status;
    resp_release(&rs);
    return NULL;
}

static void test_concurrent_if_match(void)
{
    char key[256], path[1024], ifm[80];
    struct race r[8];
    pthread_t th[8];
    struct resp rs;
    int ok = 0, lost = 0;

    CHECK_INT(kmstest_key(&t, mgmt, "race", key), 0);
    snprintf(path, sizeof(path), "%s/20180608/keys/%s", mgmt, key);
    resp_init(&rs);
    json_decref(kmstest_call(&t, "GET", path, NULL, NULL, &rs));
    snprintf(ifm, sizeof(ifm), "if-match: %s", resp_get_header(&rs, "etag"));
    resp_release(&rs);
    for (int i = 0; i < 8; i++) {
        r[i].path = path;
        r[i].ifm = ifm;
        r[i].status = 0;
        pthread_create(&th[i], NULL, race_update, &r[i]);
    }
    for (int i = 0; i < 8; i++) {
        pthread_join(th[i], NULL);
        ok += r[i].status == 200;
        lost += r[i].status == 412;
    }
    CHECK_INT(ok, 1);
    CHECK_INT(lost, 7);
}

static void test_rotation_and_versions(void)
{
    char key[256], path[512], etag[41], first_version[256], kv_path[1024];
    struct kms_key_ref ref;
    struct resp rs;
    json_t *j;
    char keys[512];

    CHECK_INT(kmstest_key(&t, mgmt, "rotate", key), 0);
    snprintf(path, sizeof(path), "/20180608/keys/%s", key);
    j = call("GET", path, NULL, NULL, &rs);
    snprintf(etag, sizeof(etag), "%s", resp_get_header(&rs, "etag"));
    snprintf(first_version, sizeof(first_version), "%s", kmstest_str(j, "currentKeyVersion"));
    json_decref(j);
    resp_release(&rs);

    t.now_ms += 1000;
    snprintf(path, sizeof(path), "/20180608/keys/%s/keyVersions", key);
    j = call("POST", path, NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_INT(strlen(resp_get_header(&rs, "etag")), 40);
    kmstest_keys(j, keys, sizeof(keys));
    CHECK_STR(keys, "compartmentId,id,keyId,lifecycleState,origin,timeCreated,vaultId,isPrimary,"
                    "isAutoRotated");
    CHECK_STR(kmstest_str(j, "keyId"), key);
    CHECK_STR(kmstest_str(j, "compartmentId"), KMSTEST_COMP);
    CHECK_STR(kmstest_str(j, "origin"), "INTERNAL");
    CHECK_STR(kmstest_str(j, "lifecycleState"), "ENABLED");
    {
        char when[64];

        oci_time(t.now_ms, when, sizeof(when));
        CHECK_STR(kmstest_str(j, "timeCreated"), when);
    }
    snprintf(kv_path, sizeof(kv_path), "/20180608/keys/%s/keyVersions/%s", key,
             kmstest_str(j, "id"));
    {
        struct resp g;
        json_t *jg = call("GET", kv_path, NULL, NULL, &g);

        CHECK_INT(g.status, 200);
        CHECK_STR(buf_str(&g.body), buf_str(&rs.body));
        CHECK_STR(resp_get_header(&g, "etag"), resp_get_header(&rs, "etag"));
        json_decref(jg);
        resp_release(&g);
    }
    {
        struct resp g;
        json_t *jg;

        snprintf(path, sizeof(path), "/20180608/keys/%s", key);
        jg = call("GET", path, NULL, NULL, &g);
        CHECK_STR(kmstest_str(jg, "currentKeyVersion"), kmstest_str(j, "id"));
        CHECK(strcmp(resp_get_header(&g, "etag"), etag) != 0);
        json_decref(jg);
        resp_release(&g);
    }
    json_decref(j);
    resp_release(&rs);
    CHECK_INT(store_kms_key_ref(t.st, key, &ref), STORE_OK);
    CHECK_INT(ref.versions, 2);

    snprintf(path, sizeof(path), "/20180608/keys/%s/keyVersions?limit=1", key);
    j = call("GET", path, NULL, NULL, &rs);
    CHECK_INT(json_array_size(j), 1);
    CHECK_STR(resp_get_header(&rs, "opc-next-page"), "1");
    kmstest_keys(json_array_get(j, 0), keys, sizeof(keys));
    CHECK_STR(keys, "compartmentId,id,keyId,lifecycleState,origin,timeCreated,vaultId,"
                    "isAutoRotated");
    json_decref(j);
    resp_release(&rs);
    snprintf(path, sizeof(path), "/20180608/keys/%s/keyVersions?limit=1&page=1", key);
    j = call("GET", path, NULL, NULL, &rs);
    CHECK_INT(json_array_size(j), 1);
    CHECK_STR(kmstest_str(json_array_get(j, 0), "id"), first_version);
    CHECK(resp_get_header(&rs, "opc-next-page") == NULL);
    json_decref(j);
    resp_release(&rs);

    /* unknown versions and keys */
    snprintf(path, sizeof(path), "/20180608/keys/%s/keyVersions/ocid1.keyversion.oc1.iad.x.y", key);
    key_error("GET", path, NULL, NULL, 404, "NotAuthorizedOrNotFound", NOT_FOUND_MSG);
    key_error("GET", "/20180608/keys/ocid1.key.oc1.iad.x.y/keyVersions", NULL, NULL, 404,
              "NotAuthorizedOrNotFound", NOT_FOUND_MSG);
    key_error("POST", "/20180608/keys/ocid1.key.oc1.iad.x.y/keyVersions", NULL, NULL, 404,
              "NotAuthorizedOrNotFound", NOT_FOUND_MSG);
}

static void test_disable_enable(void)
{
    char key[256], etag[41], etag2[41], ifm[80], path[512];
    struct kms_key_ref ref;
    struct resp rs;
    json_t *j;

    CHECK_INT(kmstest_key(&t, mgmt, "toggle", key), 0);
    CHECK_INT(key_post(key, "/actions/disable", (const char *const[]){ "if-match: bad", NULL },
                       NULL, NULL),
              412);
    snprintf(path, sizeof(path), "/20180608/keys/%s", key);
    j = call("GET", path, NULL, NULL, &rs);
    snprintf(ifm, sizeof(ifm), "if-match: %s", resp_get_header(&rs, "etag"));
    json_decref(j);
    resp_release(&rs);
    CHECK_INT(key_post(key, "/actions/disable", (const char *const[]){ ifm, NULL }, NULL, etag),
              200);
    CHECK_INT(store_kms_key_ref(t.st, key, &ref), STORE_OK);
    CHECK_STR(ref.lifecycle_state, "DISABLED");

    snprintf(path, sizeof(path), "/20180608/keys/%s/actions/disable", key);
    key_error("POST", path, NULL, NULL, 409, "Conflict",
              "Only an ENABLED key can be disabled; the key is DISABLED.");
    snprintf(path, sizeof(path), "/20180608/keys/%s/keyVersions", key);
    key_error("POST", path, NULL, NULL, 409, "Conflict",
              "The key must be in an ENABLED state to be rotated; the key is DISABLED.");

    CHECK_INT(key_post(key, "/actions/enable", NULL, NULL, etag2), 200);
    CHECK(strcmp(etag, etag2) != 0);
    CHECK_INT(store_kms_key_ref(t.st, key, &ref), STORE_OK);
    CHECK_STR(ref.lifecycle_state, "ENABLED");
    snprintf(path, sizeof(path), "/20180608/keys/%s/actions/enable", key);
    key_error("POST", path, NULL, NULL, 409, "Conflict",
              "Only a DISABLED key can be enabled; the key is ENABLED.");
}

static void test_schedule_cancel_deletion(void)
{
    char key[256], path[512];
    struct kms_key_ref ref;
    struct resp rs;
    json_t *j;
    int64_t when = 0;

    CHECK_INT(kmstest_key(&t, mgmt, "doomed", key), 0);
    snprintf(path, sizeof(path), "/20180608/keys/%s/actions/scheduleDeletion", key);
    {
        static const char *const bad[] = {
            "{\"timeOfDeletion\":\"2025-11-30T16:00:00.000Z\"}", /* 6 days */
            "{\"timeOfDeletion\":\"2026-01-24T16:00:00.000Z\"}", /* 61 days */
        };

        for (size_t i = 0; i < 2; i++) {
            key_error("POST", path, NULL, bad[i], 400, "InvalidParameter",
                      "timeOfDeletion must be between 7 and 30 days from the time of the "
                      "request.");
        }
    }
    key_error("POST", path, NULL, "{\"timeOfDeletion\":\"soon\"}", 400, "InvalidParameter",
              "Invalid value for parameter timeOfDeletion: not an RFC 3339 date-time.");

    /* a disabled key can be scheduled, and cancelling brings it back DISABLED */
    CHECK_INT(key_post(key, "/actions/disable", NULL, NULL, NULL), 200);
    j = call("POST", path, NULL, "{\"timeOfDeletion\":\"2025-12-04T16:00:00.000Z\"}", &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(kmstest_str(j, "lifecycleState"), "PENDING_DELETION");
    CHECK_STR(kmstest_str(j, "timeOfDeletion"), "2025-12-04T16:00:00.000Z");
    json_decref(j);
    resp_release(&rs);
    CHECK_INT(store_kms_key_ref(t.st, key, &ref), STORE_OK);
    CHECK_STR(ref.lifecycle_state, "PENDING_DELETION");
    CHECK_INT(ref.versions, 1);

    key_error("POST", path, NULL, NULL, 409, "Conflict",
              "Only an ENABLED or DISABLED key can be scheduled for deletion; the key is "
              "PENDING_DELETION.");
    CHECK_INT(key_post(key, "/actions/enable", NULL, NULL, NULL), 409);

    snprintf(path, sizeof(path), "/20180608/keys/%s/actions/cancelDeletion", key);
    j = call("POST", path, NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(kmstest_str(j, "lifecycleState"), "DISABLED");
    CHECK(json_object_get(j, "timeOfDeletion") == NULL);
    json_decref(j);
    resp_release(&rs);
    key_error("POST", path, NULL, NULL, 409, "Conflict",
              "Only a key in PENDING_DELETION can have its deletion cancelled; the key is "
              "DISABLED.");

    /* default: 30 days from now */
    CHECK_INT(key_post(key, "/actions/enable", NULL, NULL, NULL), 200);
    snprintf(path, sizeof(path), "/20180608/keys/%s/actions/scheduleDeletion", key);
    j = call("POST", path, NULL, NULL, &rs);
    CHECK_INT(rs.status, 200);
    CHECK_INT(oci_time_parse(kmstest_str(j, "timeOfDeletion"), &when), 0);
    CHECK_INT(when, t.now_ms + 30LL * 24 * 3600 * 1000);
    json_decref(j);
    resp_release(&rs);
}

static void test_action_retry_token(void)
{
    const char *h[] = { "opc-retry-token: disable-1", NULL };
    char key[256], path[512];
    struct resp a, b, c;
    json_t *ja, *jb, *jc;

    CHECK_INT(kmstest_key(&t, mgmt, "retry", key), 0);
    snprintf(path, sizeof(path), "/20180608/keys/%s/actions/disable", key);
    ja = call("POST", path, h, NULL, &a);
    /* the replay answers the first result although the key is DISABLED now */
    jb = call("POST", path, h, NULL, &b);
    CHECK_INT(a.status, 200);
    CHECK_INT(b.status, 200);
    CHECK_STR(buf_str(&b.body), buf_str(&a.body));
    CHECK_STR(resp_get_header(&b, "etag"), resp_get_header(&a, "etag"));
    jc = call("POST", path, h, "{\"x\":1}", &c);
    check_error(&c, jc, 409, "InvalidatedRetryToken",
                "The retry token was already used for a different request.");
    json_decref(ja);
    json_decref(jb);
    json_decref(jc);
    resp_release(&a);
    resp_release(&b);
    resp_release(&c);

    /* CreateKey replay: one key, the same body */
    ja = call("POST", "/20180608/keys", (const char *const[]){ "opc-retry-token: ck-1", NULL },
              "{\"compartmentId\":\"ocid1.compartment.oc1..aaaaaaaaretrykey\",\"displayName\":"
              "\"r\",\"keyShape\":{\"algorithm\":\"AES\",\"length\":32}}",
              &a);
    jb = call("POST", "/20180608/keys", (const char *const[]){ "opc-retry-token: ck-1", NULL },
              "{\"compartmentId\":\"ocid1.compartment.oc1..aaaaaaaaretrykey\",\"displayName\":"
              "\"r\",\"keyShape\":{\"algorithm\":\"AES\",\"length\":32}}",
              &b);
    CHECK_STR(buf_str(&b.body), buf_str(&a.body));
    jc = call("GET", "/20180608/keys?compartmentId=ocid1.compartment.oc1..aaaaaaaaretrykey", NULL,
              NULL, &c);
    CHECK_INT(json_array_size(jc), 1);
    json_decref(ja);
    json_decref(jb);
    json_decref(jc);
    resp_release(&a);
    resp_release(&b);
    resp_release(&c);
}

int main(void)
{
    if (apitest_open(&t))
        return 1;
    if (kmstest_vault(&t, "us-ashburn-1", "keys", vault, mgmt)) {
        printf("could not create the test vault\n");
        return 1;
    }
    TEST(test_create_key_shape);
    TEST(test_key_shapes);
    TEST(test_create_key_errors);
    TEST(test_software_key);
    TEST(test_key_needs_vault_endpoint);
    TEST(test_get_key_matches_create);
    TEST(test_list_keys);
    TEST(test_update_key);
    TEST(test_concurrent_if_match);
    TEST(test_rotation_and_versions);
    TEST(test_disable_enable);
    TEST(test_schedule_cancel_deletion);
    TEST(test_action_retry_token);
    apitest_close(&t);
    return TEST_REPORT();
}
