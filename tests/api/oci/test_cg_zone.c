/* test_cg_zone.c - Cloud Guard security policies, recipes and zones (server/oci/cg/), and the
 * zone a bucket's compartment falls in, end to end through Object Storage (§5). */
#include "os_test.h"

#define CG "/oci/us-ashburn-1/20200131"
#define MAX_RECIPE \
    "ocid1.securityzonessecurityrecipe.oc1..aaaaaaaamaximumsecurityrecipeaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define POL_BUCKETS \
    "ocid1.securityzonessecuritypolicy.oc1..aaaaaaaaqmq4jqcxqbjj5cjzb7t5ira66dctyypq2m2o4psxmx6atp45lyda"
#define POL_PUBLIC \
    "ocid1.securityzonessecuritypolicy.oc1..aaaaaaaa5ocyo7jqjzgjenvccch46buhpaaofplzxlp3xbxfcdwwk2tyrwqa"
#define POL_BLOCK \
    "ocid1.securityzonessecuritypolicy.oc1..aaaaaaaa7pgtjyod3pze6wuylgmts6ensywmeplabsxqq2bk4ighps4fqq4a"
#define ZCOMP       "ocid1.compartment.oc1..aaaaaaaacgzoneaaaa"
#define ZCHILD      "ocid1.compartment.oc1..aaaaaaaacgzonechild"
#define ZGRANDCHILD "ocid1.compartment.oc1..aaaaaaaacgzonegrandchild"
#define OTHER       "ocid1.compartment.oc1..aaaaaaaacgother"

static char recipe_id[256];
static char zone_id[256];

static void test_policies(void)
{
    struct call c;
    json_t *items;
    int found_buckets = 0, found_public = 0, found_block = 0, found_boot = 0;

    callf(&c, "GET", NULL, NULL, CG "/securityPolicies?compartmentId=%s", OCITEST_TENANCY);
    CHECK_INT(c.rs.status, 200);
    items = json_object_get(c.j, "items");
    CHECK_INT(json_array_size(items), 6);
    for (size_t i = 0; i < json_array_size(items); i++) {
        const char *fn =
            json_string_value(json_object_get(json_array_get(items, i), "friendlyName"));
        const char *id = json_string_value(json_object_get(json_array_get(items, i), "id"));

        if (!strcmp(fn, "deny buckets_without_vault_key")) {
            found_buckets = 1;
            CHECK_STR(id, POL_BUCKETS);
        }
        found_public |= !strcmp(fn, "deny public_buckets");
        found_block |= !strcmp(fn, "deny block_volume_without_vault_key");
        found_boot |= !strcmp(fn, "deny boot_volume_without_vault_key");
    }
    CHECK(found_buckets && found_public && found_block && found_boot);
    call_release(&c);

    callf(&c, "GET", NULL, NULL, CG "/securityPolicies/%s", POL_BUCKETS);
    CHECK_INT(c.rs.status, 200);
    CHECK_STR(jstr(&c, "friendlyName"), "deny buckets_without_vault_key");
    CHECK_STR(jstr(&c, "owner"), "ORACLE");
    CHECK_STR(jstr(&c, "category"), "Require encryption");
    CHECK_STR(jstr(&c, "compartmentId"), OCITEST_TENANCY);
    CHECK_STR(jstr(&c, "lifecycleState"), "ACTIVE");
    CHECK_STR(json_string_value(json_array_get(json_object_get(c.j, "services"), 0)),
              "objectstorage");
    call_release(&c);

    CHECK_CALL_ERR(404, "NotAuthorizedOrNotFound",
                   "Authorization failed or requested resource not found.", "GET", NULL, NULL,
                   CG "/securityPolicies/ocid1.securityzonessecuritypolicy.oc1..x");
    CHECK_CALL_ERR(400, "InvalidParameter", "The query parameter 'compartmentId' is required.",
                   "GET", NULL, NULL, CG "/securityPolicies");

    /* paging: limit=2 walks 6 policies in 3 pages */
    callf(&c, "GET", NULL, NULL, CG "/securityPolicies?compartmentId=%s&limit=2", OCITEST_TENANCY);
    CHECK_INT(json_array_size(json_object_get(c.j, "items")), 2);
    CHECK_STR(resp_get_header(&c.rs, "opc-next-page"), "2");
    call_release(&c);
    callf(&c, "GET", NULL, NULL, CG "/securityPolicies?compartmentId=%s&limit=2&page=4",
          OCITEST_TENANCY);
    CHECK_INT(json_array_size(json_object_get(c.j, "items")), 2);
    CHECK(resp_get_header(&c.rs, "opc-next-page") == NULL);
    call_release(&c);
    CHECK_CALL_ERR(400, "InvalidParameter", "The page token 'zz' is not valid.", "GET", NULL, NULL,
                   CG "/securityPolicies?compartmentId=%s&page=zz", OCITEST_TENANCY);
}

static void test_recipes(void)
{
    struct call c;
    char hdr[128];
    json_t *items;

    /* the Oracle-managed Maximum Security Recipe holds every built-in policy */
    callf(&c, "GET", NULL, NULL, CG "/securityRecipes/%s", MAX_RECIPE);
    CHECK_INT(c.rs.status, 200);
    CHECK_STR(jstr(&c, "displayName"), "Maximum Security Recipe");
    CHECK_STR(jstr(&c, "owner"), "ORACLE");
    CHECK_INT(json_array_size(json_object_get(c.j, "securityPolicies")), 6);
    call_release(&c);
    CHECK_CALL_ERR(400, "InvalidParameter",
                   "The security recipe '" MAX_RECIPE
                   "' is managed by Oracle and cannot be changed.",
                   "PUT", NULL, "{\"displayName\":\"mine\"}", CG "/securityRecipes/%s", MAX_RECIPE);

    callf(&c, "POST", NULL,
          "{\"compartmentId\":\"" ZCOMP
          "\",\"displayName\":\"r1\",\"securityPolicies\":[\"" POL_BUCKETS "\",\"" POL_PUBLIC
          "\"]}",
          CG "/securityRecipes");
    CHECK_INT(c.rs.status, 200);
    CHECK(!strncmp(jstr(&c, "id"), "ocid1.securityzonessecurityrecipe.oc1..", 39));
    CHECK_STR(jstr(&c, "owner"), "CUSTOMER");
    CHECK_STR(jstr(&c, "compartmentId"), ZCOMP);
    CHECK_STR(jstr(&c, "lifecycleState"), "ACTIVE");
    CHECK_INT(json_array_size(json_object_get(c.j, "securityPolicies")), 2);
    CHECK_STR(json_string_value(json_array_get(json_object_get(c.j, "securityPolicies"), 0)),
              POL_BUCKETS);
    CHECK_INT(strlen(resp_get_header(&c.rs, "etag")), 40);
    snprintf(recipe_id, sizeof(recipe_id), "%s", jstr(&c, "id"));
    call_release(&c);

    CHECK_CALL_ERR(
        400, "RelatedResourceNotAuthorizedOrNotFound",
        "The security policy 'ocid1.securityzonessecuritypolicy.oc1..nope' does not exist "
        "or you are not authorized to use it.",
        "POST", NULL,
        "{\"compartmentId\":\"" ZCOMP "\",\"displayName\":\"bad\",\"securityPolicies\":"
        "[\"ocid1.securityzonessecuritypolicy.oc1..nope\"]}",
        CG "/securityRecipes");
    CHECK_CALL_ERR(400, "InvalidParameter",
                   "The request body is missing the required field 'securityPolicies'.", "POST",
                   NULL, "{\"compartmentId\":\"" ZCOMP "\",\"displayName\":\"bad\"}",
                   CG "/securityRecipes");

    /* list: the Oracle recipe first, then the compartment's */
    callf(&c, "GET", NULL, NULL, CG "/securityRecipes?compartmentId=%s", ZCOMP);
    items = json_object_get(c.j, "items");
    CHECK_INT(json_array_size(items), 2);
    CHECK_STR(json_string_value(json_object_get(json_array_get(items, 0), "id")), MAX_RECIPE);
    CHECK_STR(json_string_value(json_object_get(json_array_get(items, 1), "id")), recipe_id);
    call_release(&c);

    /* update: policies replaced, new etag; a stale if-match is 412 NoEtagMatch */
    CHECK_CALL_CODE(412, "NoEtagMatch", "PUT", "if-match: stale", "{\"displayName\":\"r1b\"}",
                    CG "/securityRecipes/%s", recipe_id);
    callf(&c, "GET", NULL, NULL, CG "/securityRecipes/%s", recipe_id);
    snprintf(hdr, sizeof(hdr), "if-match: %s", resp_get_header(&c.rs, "etag"));
    call_release(&c);
    callf(&c, "PUT", hdr,
          "{\"displayName\":\"r1b\",\"securityPolicies\":[\"" POL_BUCKETS "\",\"" POL_PUBLIC
          "\",\"" POL_BLOCK "\"]}",
          CG "/securityRecipes/%s", recipe_id);
    CHECK_INT(c.rs.status, 200);
    CHECK_STR(jstr(&c, "displayName"), "r1b");
    CHECK_INT(json_array_size(json_object_get(c.j, "securityPolicies")), 3);
    CHECK(strcmp(hdr + 10, resp_get_header(&c.rs, "etag")) != 0);
    call_release(&c);
}

static void test_zones(void)
{
    struct call c;
    char body[1024];
    json_t *inh;

    CHECK_INT(store_oci_compartment_put(t.st, ZCHILD, ZCOMP, OCITEST_TENANCY), 0);
    CHECK_INT(store_oci_compartment_put(t.st, ZGRANDCHILD, ZCHILD, OCITEST_TENANCY), 0);

    snprintf(body, sizeof(body),
             "{\"displayName\":\"zone1\",\"compartmentId\":\"" ZCOMP
             "\",\"securityZoneRecipeId\":\"%s\",\"description\":\"d\"}",
             recipe_id);
    callf(&c, "POST", NULL, body, CG "/securityZones");
    CHECK_INT(c.rs.status, 200);
    CHECK(!strncmp(jstr(&c, "id"), "ocid1.securityzonessecurityzone.oc1..", 37));
    CHECK_STR(jstr(&c, "displayName"), "zone1");
    CHECK_STR(jstr(&c, "description"), "d");
    CHECK_STR(jstr(&c, "compartmentId"), ZCOMP);
    CHECK_STR(jstr(&c, "securityZoneRecipeId"), recipe_id);
    CHECK(
        !strncmp(jstr(&c, "securityZoneTargetId"), "ocid1.cloudguardtarget.oc1.us-ashburn-1.", 40));
    CHECK_STR(jstr(&c, "lifecycleState"), "ACTIVE");
    inh = json_object_get(c.j, "inheritedByCompartments");
    CHECK_INT(json_array_size(inh), 2);
    CHECK_STR(json_string_value(json_array_get(inh, 0)), ZCHILD);
    CHECK_STR(json_string_value(json_array_get(inh, 1)), ZGRANDCHILD);
    CHECK_STR(jstr(&c, "timeCreated"), "2025-11-24T16:00:00.000Z");
    snprintf(zone_id, sizeof(zone_id), "%s", jstr(&c, "id"));
    call_release(&c);

    /* the compartment is already in a zone -> 409 */
    CHECK_CALL_ERR(409, "Conflict", "The compartment '" ZCOMP "' is already in a security zone.",
                   "POST", NULL, body, CG "/securityZones");
    snprintf(body, sizeof(body),
             "{\"displayName\":\"z\",\"compartmentId\":\"" OTHER
             "\",\"securityZoneRecipeId\":\"ocid1.securityzonessecurityrecipe.oc1..nope\"}");
    CHECK_CALL_CODE(400, "RelatedResourceNotAuthorizedOrNotFound", "POST", NULL, body,
                    CG "/securityZones");
    CHECK_CALL_ERR(400, "InvalidParameter",
                   "The request body is missing the required field 'displayName'.", "POST", NULL,
                   "{\"compartmentId\":\"" OTHER "\"}", CG "/securityZones");

    callf(&c, "GET", NULL, NULL, CG "/securityZones/%s", zone_id);
    CHECK_INT(c.rs.status, 200);
    CHECK_STR(jstr(&c, "displayName"), "zone1");
    call_release(&c);
    CHECK_CALL_STATUS(404, "GET", NULL, NULL,
                      CG "/securityZones/ocid1.securityzonessecurityzone.oc1..nope");
    callf(&c, "GET", NULL, NULL, CG "/securityZones?compartmentId=%s", ZCOMP);
    CHECK_INT(json_array_size(json_object_get(c.j, "items")), 1);
    CHECK(json_object_get(json_array_get(json_object_get(c.j, "items"), 0),
                          "inheritedByCompartments") == NULL);
    call_release(&c);

    callf(&c, "PUT", NULL, "{\"displayName\":\"zone1b\"}", CG "/securityZones/%s", zone_id);
    CHECK_INT(c.rs.status, 200);
    CHECK_STR(jstr(&c, "displayName"), "zone1b");
    CHECK_STR(jstr(&c, "description"), "d");
    call_release(&c);
}

static void test_zone_governs_buckets(void)
{
    CHECK_CALL_ERR(
        403, "NotAuthorized",
        "The request violates the security zone policy 'deny buckets_without_vault_key' of "
        "security zone 'zone1b'",
        "POST", NULL, "{\"name\":\"cgz-b\",\"compartmentId\":\"" ZGRANDCHILD "\"}", IAD "/n/%s/b",
        ns);
    CHECK_INT(make_bucket(IAD, "cgz-out", OTHER, NULL), 0);

    /* addCompartment puts OTHER in the zone; removeCompartment takes it out again */
    CHECK_CALL_STATUS(200, "POST", NULL, "{\"compartmentId\":\"" OTHER "\"}",
                      CG "/securityZones/%s/actions/addCompartment", zone_id);
    CHECK_CALL_STATUS(409, "POST", NULL, "{\"compartmentId\":\"" OTHER "\"}",
                      CG "/securityZones/%s/actions/addCompartment", zone_id);
    CHECK_CALL_STATUS(403, "POST", NULL, "{\"kmsKeyId\":\"\"}", IAD "/n/%s/b/cgz-out", ns);
    CHECK_CALL_STATUS(200, "POST", NULL, "{\"compartmentId\":\"" OTHER "\"}",
                      CG "/securityZones/%s/actions/removeCompartment", zone_id);
    CHECK_CALL_ERR(400, "InvalidParameter",
                   "The compartment '" OTHER "' is not attached to this security zone.", "POST",
                   NULL, "{\"compartmentId\":\"" OTHER "\"}",
                   CG "/securityZones/%s/actions/removeCompartment", zone_id);
    CHECK_CALL_ERR(400, "InvalidParameter",
                   "The compartment '" ZCOMP "' is the security zone's own compartment; delete the "
                   "security zone instead.",
                   "POST", NULL, "{\"compartmentId\":\"" ZCOMP "\"}",
                   CG "/securityZones/%s/actions/removeCompartment", zone_id);
    CHECK_CALL_STATUS(200, "POST", NULL, "{\"kmsKeyId\":\"\"}", IAD "/n/%s/b/cgz-out", ns);

    /* deleting the zone frees its compartments */
    CHECK_CALL_STATUS(412, "DELETE", "if-match: stale", NULL, CG "/securityZones/%s", zone_id);
    CHECK_CALL_STATUS(204, "DELETE", NULL, NULL, CG "/securityZones/%s", zone_id);
    CHECK_CALL_STATUS(404, "GET", NULL, NULL, CG "/securityZones/%s", zone_id);
    CHECK_INT(make_bucket(IAD, "cgz-b", ZGRANDCHILD, NULL), 0);
}

static void test_emulator_compartments(void)
{
    const char *h[] = { NULL };
    struct resp rs;

    resp_init(&rs);
    apitest_call(
        &t, "PUT", "/_cmkemu/oci/compartments/ocid1.compartment.oc1..aaaaaaaaemuc", h,
        "{\"parentId\":\"ocid1.compartment.oc1..aaaaaaaaemup\",\"tenancyId\":\"" OCITEST_TENANCY
        "\"}",
        &rs);
    CHECK_INT(rs.status, 200);
    CHECK_STR(buf_str(&rs.body),
              "{\"id\":\"ocid1.compartment.oc1..aaaaaaaaemuc\",\"parentId\":\"ocid1.compartment."
              "oc1..aaaaaaaaemup\",\"tenancyId\":\"" OCITEST_TENANCY "\"}");
    resp_release(&rs);
    resp_init(&rs);
    apitest_call(&t, "PUT", "/_cmkemu/oci/compartments/notanocid", h, "{}", &rs);
    CHECK_INT(rs.status, 400);
    resp_release(&rs);
    resp_init(&rs);
    apitest_call(&t, "PUT", "/_cmkemu/oci/compartments/ocid1.compartment.oc1..aaaaaaaaemuc", h,
                 "{\"parentId\":\"ocid1.compartment.oc1..aaaaaaaaemuc\"}", &rs);
    CHECK_INT(rs.status, 400);
    resp_release(&rs);
}

int main(void)
{
    if (os_test_open())
        return 1;
    TEST(test_policies);
    TEST(test_recipes);
    TEST(test_zones);
    TEST(test_zone_governs_buckets);
    TEST(test_emulator_compartments);
    apitest_close(&t);
    return TEST_REPORT();
}
