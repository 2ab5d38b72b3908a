/* test_oci_ocid.c - OCID syntax and the region table (server/oci/oci_ocid.c). */
#include "harness.h"

#include "server/oci/oci_ocid.h"

static void test_region_find(void)
{
    CHECK_STR(oci_region_find("iad")->name, "us-ashburn-1");
    CHECK_STR(oci_region_find("us-ashburn-1")->code, "iad");
    CHECK_STR(oci_region_find("IAD")->name, "us-ashburn-1");
    CHECK_STR(oci_region_find("iad-ad-1")->name, "us-ashburn-1");
    CHECK_STR(oci_region_find("us-phoenix-1-ad-3")->code, "phx");
    CHECK_STR(oci_region_find("eu-frankfurt-1")->realm, "oc1");
    CHECK_STR(oci_region_find("us-gov-ashburn-1")->realm, "oc3");
    CHECK(oci_region_find("us-east-1") == NULL);
    CHECK(oci_region_find("") == NULL);
    CHECK(oci_region_find(NULL) == NULL);
}

static void test_parse(void)
{
    struct ocid o;
    const struct oci_region *r = NULL;

    CHECK_INT(ocid_parse("ocid1.tenancy.oc1..aaaaaaaabc", &o), 0);
    CHECK_STR(o.type, "tenancy");
    CHECK_STR(o.region, "");
    CHECK_STR(o.unique, "aaaaaaaabc");
    CHECK_INT(ocid_parse("ocid1.keyversion.oc1.ap-seoul-1.cnqtaqh2aagiu.dcqsme3rnhyaa.abuwg", &o),
              0);
    CHECK_STR(o.extra, "cnqtaqh2aagiu.dcqsme3rnhyaa");
    CHECK_INT(ocid_parse("ocid1.key.oc1.iad.annnb3f4aacuu.abuwcljsj6vlw", &o), 0);
    CHECK_STR(o.extra, "annnb3f4aacuu");
    CHECK_INT(ocid_parse("ocid2.key.oc1.iad.x.y", &o), -1);
    CHECK_INT(ocid_parse("ocid1.key.oc1.iad", &o), -1);
    CHECK_INT(ocid_parse("ocid1.key.oc1.iad.x.", &o), -1);
    CHECK_INT(ocid_parse("ocid1.key.oc1.iad.x y.z", &o), -1);
    CHECK_INT(ocid_parse("", &o), -1);
    CHECK_INT(ocid_parse_key("ocid1.key.oc1.iad.annnb3f4aacuu.abuwcljsj6vlw", &r), 0);
    CHECK_STR(r->name, "us-ashburn-1");
    CHECK_INT(ocid_parse_key("ocid1.key.oc1.iad-ad-1.annnb3f4aacuu.abuw", &r), 0);
    CHECK_STR(r->code, "iad");
    CHECK_INT(ocid_parse_key("ocid1.key.oc1.mars-1.annnb3f4aacuu.abuw", &r), -1);
    CHECK_INT(ocid_parse_key("ocid1.key.oc1.iad.abuwcljsj6vlw", &r), -1); /* no vault prefix */
    CHECK_INT(ocid_parse_key("ocid1.vault.oc1.iad.annnb3f4aacuu.abuw", &r), -1);
}

static void test_new(void)
{
    struct ids ids;
    char a[OCID_MAX], b[OCID_MAX];
    struct ocid o;

    ids_init_deterministic(&ids, 7);
    ocid_new(&ids, "key", "oc1", "iad", "vprefix", a, sizeof(a));
    ocid_new(&ids, "compartment", "oc1", "", NULL, b, sizeof(b));
    CHECK_INT(ocid_parse_key(a, NULL), 0);
    CHECK_INT(ocid_parse(b, &o), 0);
    CHECK_STR(o.region, "");
    CHECK_INT(strlen(o.unique), 60);
    CHECK(!strncmp(o.unique, "aaaaaaaa", 8));
}

int main(void)
{
    TEST(test_region_find);
    TEST(test_parse);
    TEST(test_new);
    return TEST_REPORT();
}
