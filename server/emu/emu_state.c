/* emu_state.c - GET /_cmkemu/state: every resource of every family as one JSON document, with
 * what a reader would otherwise have to work out: the key each S3 bucket's configuration names,
 * the state of the Vault key each OCI resource names, and the security zone that governs it.
 *
 *   ?family=s3|aws-kms|oci-kms|oci-os|oci-bv|oci-cg  (repeatable or comma-joined; default all)
 *   ?region=<AWS region or OCI region name or code>   (default every region)
 *
 * The rows come from one snapshot (store_state_read, one read lock). A family's own tables are
 * filtered on region; the tables it only looks things up in (keys for a bucket, zones for a
 * volume) are read whole. */
#include "emu.h"

#include "../kms/aws_kms_ids.h"
#include "../oci/oci_common.h"
#include "../oci/oci_ocid.h"
#include "storage/store_state.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    FAMILY_S3 = 1u << 0,
    FAMILY_AWS_KMS = 1u << 1,
    FAMILY_OCI_KMS = 1u << 2,
    FAMILY_OCI_OS = 1u << 3,
    FAMILY_OCI_BV = 1u << 4,
    FAMILY_OCI_CG = 1u << 5
};

#define T(x) STATE_BIT(STATE_##x)
#define ZONE_TABLES \
    (T(CG_ZONE) | T(CG_ZONE_COMP) | T(CG_ZONE_POLICY) | T(OCI_COMPARTMENT) | T(OCI_KEY))

/* Each family: its name, the tables it shows (filtered on region) and the ones it looks in. */
static const struct state_family {
    const char *name;
    unsigned bit;
    unsigned shows;
    unsigned looks_in;
} state_families[] = {
    { "s3", FAMILY_S3, T(S3_BUCKET), T(AWS_KEY) | T(AWS_ALIAS) },
    { "aws-kms", FAMILY_AWS_KMS, T(AWS_KEY) | T(AWS_ALIAS), 0 },
    { "oci-kms", FAMILY_OCI_KMS, T(OCI_VAULT) | T(OCI_KEY) | T(OCI_KEY_VERSION), 0 },
    { "oci-os", FAMILY_OCI_OS, T(OS_BUCKET), ZONE_TABLES | T(OCI_TENANCY) },
    { "oci-bv", FAMILY_OCI_BV,
      T(BV_VOLUME) | T(BV_BACKUP) | T(BV_REPLICA) | T(BV_POLICY) | T(BV_ASSIGNMENT), ZONE_TABLES },
    { "oci-cg", FAMILY_OCI_CG,
      T(CG_ZONE) | T(CG_ZONE_COMP) | T(CG_ZONE_POLICY) | T(OCI_COMPARTMENT), 0 },
};
#define NFAMILIES (sizeof(state_families) / sizeof(state_families[0]))

/* Zones never nest deeper than OCI's compartment depth; the walk is bounded against cycles. */
#define ZONE_MAX_DEPTH 16

/* The snapshot's rows and the indexes built over them. Index values are borrowed rows. */
struct snap {
    json_t *rows[STATE_TABLE_COUNT]; /* one array of row objects per table */
    json_t *aws_keys;                /* "account|region|keyId" -> key */
    json_t *aws_aliases;             /* "account|region|alias/name" -> alias */
    json_t *oci_keys;                /* key OCID -> key */
    json_t *zones;                   /* zone OCID -> zone */
    json_t *zone_of;                 /* compartment -> the zone attached to it (string) */
    json_t *parent_of;               /* compartment -> declared parent (string) */
    json_t *tenancy_of_comp;         /* compartment -> declared tenancy (string) */
    json_t *tenancy_of_ns;           /* Object Storage namespace -> tenancy (string) */
};

/* ---- rows ------------------------------------------------------------------------------------ */

/* A JSON string of text; bytes that are not UTF-8 become '?' (names are stored as sent). */
static json_t *state_string(const char *text)
{
    json_t *j = json_string(text);
    char *copy;

    if (j)
        return j;
    copy = strdup(text);
    if (!copy)
        return NULL;
    for (char *p = copy; *p; p++)
        if ((unsigned char)*p >= 0x80)
            *p = '?';
    j = json_string(copy);
    free(copy);
    return j;
}

static json_t *cell_json(const struct state_column *col, const struct state_cell *c)
{
    if (c->is_null)
        return json_null();
    switch (col->type) {
    case STATE_TEXT:
        return state_string(c->text);
    case STATE_INT:
        return json_integer(c->num);
    case STATE_BOOL:
        return json_boolean(c->num != 0);
    case STATE_TIME:
        return oci_time_json(c->num);
    }
    return json_null();
}

static int on_row(void *arg, enum state_table t, const struct state_column *cols,
                  const struct state_cell *cells, size_t n)
{
    struct snap *s = arg;
    json_t *row = json_object();

    if (!row)
        return -1;
    for (size_t i = 0; i < n; i++) {
        json_t *v = cell_json(&cols[i], &cells[i]);

        if (!v || json_object_set_new(row, cols[i].name, v)) {
            json_decref(row);
            return -1;
        }
    }
    return json_array_append_new(s->rows[t], row);
}

static const char *str(const json_t *o, const char *name)
{
    return json_string_value(json_object_get(o, name));
}

/* The index key "a|b|c" of an AWS key or alias: account ids, regions, key ids and alias names
 * (AliasNameType) hold no '|'. */
static void key3(char *out, size_t n, const char *a, const char *b, const char *c)
{
    snprintf(out, n, "%s|%s|%s", a ? a : "", b ? b : "", c ? c : "");
}

static int index_set(json_t *index, const char *key, json_t *value)
{
    return json_object_set_nocheck(index, key, value);
}

static void snap_release(struct snap *s)
{
    for (int t = 0; t < STATE_TABLE_COUNT; t++)
        json_decref(s->rows[t]);
    json_decref(s->aws_keys);
    json_decref(s->aws_aliases);
    json_decref(s->oci_keys);
    json_decref(s->zones);
    json_decref(s->zone_of);
    json_decref(s->parent_of);
    json_decref(s->tenancy_of_comp);
    json_decref(s->tenancy_of_ns);
}

static int snap_init(struct snap *s)
{
    memset(s, 0, sizeof(*s));
    for (int t = 0; t < STATE_TABLE_COUNT; t++)
        if (!(s->rows[t] = json_array()))
            return -1;
    s->aws_keys = json_object();
    s->aws_aliases = json_object();
    s->oci_keys = json_object();
    s->zones = json_object();
    s->zone_of = json_object();
    s->parent_of = json_object();
    s->tenancy_of_comp = json_object();
    s->tenancy_of_ns = json_object();
    return s->aws_keys && s->aws_aliases && s->oci_keys && s->zones && s->zone_of && s->parent_of &&
                   s->tenancy_of_comp && s->tenancy_of_ns
               ? 0
               : -1;
}

/* Builds the indexes, and nests what belongs to a row: alias names in AWS keys, versions in
 * Vault keys, policies and compartments in zones. */
static int snap_index(struct snap *s)
{
    char k[1200];
    size_t i;
    json_t *row;
    int err = 0;

    json_array_foreach(s->rows[STATE_AWS_KEY], i, row)
    {
        key3(k, sizeof(k), str(row, "account"), str(row, "region"), str(row, "keyId"));
        err |= index_set(s->aws_keys, k, row);
        err |= json_object_set_new(row, "aliases", json_array());
    }
    json_array_foreach(s->rows[STATE_AWS_ALIAS], i, row)
    {
        json_t *key;
        char arn[AWS_KMS_ARN_MAX];

        aws_kms_alias_arn(arn, sizeof(arn), str(row, "region"), str(row, "account"),
                          str(row, "aliasName"));
        err |= json_object_set_new(row, "aliasArn", state_string(arn));
        key3(k, sizeof(k), str(row, "account"), str(row, "region"), str(row, "aliasName"));
        err |= index_set(s->aws_aliases, k, row);
        key3(k, sizeof(k), str(row, "account"), str(row, "region"), str(row, "targetKeyId"));
        key = json_object_get(s->aws_keys, k);
        if (key)
            err |= json_array_append(json_object_get(key, "aliases"),
                                     json_object_get(row, "aliasName"));
    }
    json_array_foreach(s->rows[STATE_OCI_KEY], i, row)
    {
        err |= index_set(s->oci_keys, str(row, "id"), row);
        err |= json_object_set_new(row, "versions", json_array());
    }
    json_array_foreach(s->rows[STATE_OCI_KEY_VERSION], i, row)
    {
        json_t *key = json_object_get(s->oci_keys, str(row, "keyId"));

        if (key) {
            err |= json_array_append(json_object_get(key, "versions"), row);
            json_object_del(row, "keyId");
        }
    }
    json_array_foreach(s->rows[STATE_CG_ZONE], i, row)
    {
        err |= index_set(s->zones, str(row, "id"), row);
        err |= json_object_set_new(row, "policies", json_array());
        err |= json_object_set_new(row, "compartments", json_array());
    }
    json_array_foreach(s->rows[STATE_CG_ZONE_POLICY], i, row)
    {
        json_t *zone = json_object_get(s->zones, str(row, "zoneId"));

        if (zone)
            err |= json_array_append(json_object_get(zone, "policies"),
                                     json_object_get(row, "policy"));
    }
    json_array_foreach(s->rows[STATE_CG_ZONE_COMP], i, row)
    {
        json_t *zone = json_object_get(s->zones, str(row, "zoneId"));

        err |= index_set(s->zone_of, str(row, "compartmentId"), json_object_get(row, "zoneId"));
        if (zone)
            err |= json_array_append(json_object_get(zone, "compartments"),
                                     json_object_get(row, "compartmentId"));
    }
    json_array_foreach(s->rows[STATE_OCI_COMPARTMENT], i, row)
    {
        if (str(row, "parentId"))
            err |= index_set(s->parent_of, str(row, "id"), json_object_get(row, "parentId"));
        if (str(row, "tenancy"))
            err |= index_set(s->tenancy_of_comp, str(row, "id"), json_object_get(row, "tenancy"));
    }
    json_array_foreach(s->rows[STATE_OCI_TENANCY], i, row)
    {
        char ns[13];

        oci_namespace_of(str(row, "tenancy"), ns);
        err |= index_set(s->tenancy_of_ns, ns, json_object_get(row, "tenancy"));
    }
    return err ? -1 : 0;
}

/* ---- what the rows imply --------------------------------------------------------------------- */

/* The zone that governs a compartment: the one attached to it or to its nearest declared
 * ancestor (the rule of store_cg_policy_applies). NULL when none. */
static json_t *governing_zone(const struct snap *s, const char *compartment)
{
    const char *cur = compartment;

    for (int depth = 0; cur && depth < ZONE_MAX_DEPTH; depth++) {
        const char *zone = json_string_value(json_object_get(s->zone_of, cur));

        if (zone)
            return json_object_get(s->zones, zone);
        cur = json_string_value(json_object_get(s->parent_of, cur));
    }
    return NULL;
}

static int zone_holds(const json_t *zone, const char *policy)
{
    size_t i;
    json_t *p;

    json_array_foreach(json_object_get(zone, "policies"), i, p)
    {
        if (!strcmp(json_string_value(p), policy))
            return 1;
    }
    return 0;
}

static int gone(const char *state)
{
    return state && (!strcmp(state, "TERMINATED") || !strcmp(state, "TERMINATING"));
}

/* A shallow copy of an OCI resource row with keyState, securityZone and violatesZonePolicy:
 * true when it is on an Oracle-managed key (no kmsKeyId) in a compartment governed by an ACTIVE
 * zone whose recipe holds policy ("deny ..._without_vault_key"). */
static json_t *oci_resource(const struct snap *s, json_t *row, const char *policy)
{
    json_t *o = json_copy(row);
    const char *key_id = str(row, "kmsKeyId");
    json_t *key = key_id ? json_object_get(s->oci_keys, key_id) : NULL;
    json_t *zone = governing_zone(s, str(row, "compartmentId"));
    int violates = 0;

    if (!o)
        return NULL;
    json_object_del(o, "isBoot");
    json_object_set(o, "keyState", key ? json_object_get(key, "lifecycleState") : json_null());
    if (zone) {
        const char *zstate = str(zone, "lifecycleState");

        json_object_set_new(o, "securityZone",
                            json_pack("{s:O, s:O, s:O}", "id", json_object_get(zone, "id"),
                                      "displayName", json_object_get(zone, "displayName"),
                                      "lifecycleState", json_object_get(zone, "lifecycleState")));
        violates = !key_id && zstate && !strcmp(zstate, "ACTIVE") && zone_holds(zone, policy) &&
                   !gone(str(row, "lifecycleState"));
    } else {
        json_object_set_new(o, "securityZone", json_null());
    }
    json_object_set_new(o, "violatesZonePolicy", json_boolean(violates));
    return o;
}

/* CHOICE: backups and replicas answer to the policy of their volume's kind, as backups do when
 * they are made or re-keyed. */
static const char *bv_policy(const json_t *row)
{
    return json_is_true(json_object_get(row, "isBoot")) ? "deny boot_volume_without_vault_key"
                                                        : "deny block_volume_without_vault_key";
}

/* The AWS KMS key an S3 configuration names: {ref, keyId, arn, keyManager, keyState}, the last
 * four null when the reference names no stored key. */
static json_t *s3_kms_key(const struct snap *s, const char *account, const char *region,
                          const char *ref)
{
    struct aws_kms_ref r;
    json_t *key = NULL;
    char k[1200];

    aws_kms_ref_parse(ref, &r);
    switch (r.kind) {
    case AWS_KMS_REF_KEY_ID:
        key3(k, sizeof(k), account, region, r.key_id);
        key = json_object_get(s->aws_keys, k);
        break;
    case AWS_KMS_REF_KEY_ARN:
        key3(k, sizeof(k), r.account, r.region, r.key_id);
        key = json_object_get(s->aws_keys, k);
        break;
    case AWS_KMS_REF_ALIAS_NAME:
    case AWS_KMS_REF_ALIAS_ARN: {
        const char *a = r.kind == AWS_KMS_REF_ALIAS_NAME ? account : r.account;
        const char *g = r.kind == AWS_KMS_REF_ALIAS_NAME ? region : r.region;
        json_t *alias;

        key3(k, sizeof(k), a, g, r.alias);
        alias = json_object_get(s->aws_aliases, k);
        if (alias) {
            key3(k, sizeof(k), a, g, str(alias, "targetKeyId"));
            key = json_object_get(s->aws_keys, k);
        }
        break;
    }
    case AWS_KMS_REF_BAD_ARN:
        break;
    }
    if (!key)
        return json_pack("{s:o, s:n, s:n, s:n, s:n}", "ref", state_string(ref), "keyId", "arn",
                         "keyManager", "keyState");
    return json_pack("{s:o, s:O, s:O, s:O, s:O}", "ref", state_string(ref), "keyId",
                     json_object_get(key, "keyId"), "arn", json_object_get(key, "arn"),
                     "keyManager", json_object_get(key, "keyManager"), "keyState",
                     json_object_get(key, "keyState"));
}

static json_t *csv_array(const char *csv)
{
    json_t *a = json_array();
    const char *p = csv;

    while (a && *p) {
        size_t n = strcspn(p, ",");

        json_array_append_new(a, json_stringn(p, n));
        p += n;
        if (*p == ',')
            p++;
    }
    return a;
}

static json_t *s3_bucket(const struct snap *s, json_t *row)
{
    static const char *const copied[] = { "name", "account", "region", "createdAt", "kind" };
    const char *alg = str(row, "sseAlgorithm");
    const char *key_ref = str(row, "kmsMasterKeyId");
    const char *blocked = str(row, "blockedTypes");
    json_t *b = json_object();

    if (!b)
        return NULL;
    for (size_t i = 0; i < sizeof(copied) / sizeof(copied[0]); i++)
        json_object_set(b, copied[i], json_object_get(row, copied[i]));
    if (!alg) {
        json_object_set_new(b, "encryption", json_null());
    } else {
        json_object_set_new(
            b, "encryption",
            json_pack("{s:O, s:O, s:O, s:o}", "sseAlgorithm", json_object_get(row, "sseAlgorithm"),
                      "kmsMasterKeyId", json_object_get(row, "kmsMasterKeyId"), "bucketKeyEnabled",
                      json_object_get(row, "bucketKeyEnabled"), "blockedEncryptionTypes",
                      blocked ? csv_array(blocked) : json_null()));
    }
    /* SSE-KMS without a key id uses the account's AWS managed key, alias/aws/s3 */
    if (alg && !strncmp(alg, "aws:kms", 7))
        json_object_set_new(b, "kmsKey",
                            s3_kms_key(s, str(row, "account"), str(row, "region"),
                                       key_ref ? key_ref : "alias/aws/s3"));
    else
        json_object_set_new(b, "kmsKey", json_null());
    return b;
}

static json_t *os_bucket(const struct snap *s, json_t *row)
{
    json_t *o = oci_resource(s, row, "deny buckets_without_vault_key");
    const char *comp = str(row, "compartmentId");
    json_t *tenancy = json_object_get(s->tenancy_of_ns, str(row, "namespace"));

    if (!o)
        return NULL;
    if (!tenancy && comp)
        tenancy = json_object_get(s->tenancy_of_comp, comp);
    if (!tenancy && comp && !strncmp(comp, "ocid1.tenancy.", 14))
        tenancy = json_object_get(row, "compartmentId");
    json_object_set(o, "tenancy", tenancy ? tenancy : json_null());
    return o;
}

/* ---- the document ---------------------------------------------------------------------------- */

static int append(json_t *array, json_t *item)
{
    return item ? json_array_append_new(array, item) : -1;
}

static json_t *oci_section(const struct snap *s, unsigned families)
{
    json_t *oci = json_object();
    size_t i;
    json_t *row;
    int err = 0;

    if (!oci)
        return NULL;
    if (families & FAMILY_OCI_KMS) {
        json_object_set(oci, "vaults", s->rows[STATE_OCI_VAULT]);
        json_object_set(oci, "keys", s->rows[STATE_OCI_KEY]);
    }
    if (families & FAMILY_OCI_OS) {
        json_t *buckets = json_array();

        json_array_foreach(s->rows[STATE_OS_BUCKET], i, row) err |=
            append(buckets, os_bucket(s, row));
        json_object_set_new(oci, "buckets", buckets);
    }
    if (families & FAMILY_OCI_BV) {
        json_t *volumes = json_array(), *boot = json_array(), *backups = json_array(),
               *replicas = json_array();

        json_array_foreach(s->rows[STATE_BV_VOLUME], i, row)
        {
            json_t *v = oci_resource(s, row, bv_policy(row));

            err |= append(json_is_true(json_object_get(row, "isBoot")) ? boot : volumes, v);
        }
        json_array_foreach(s->rows[STATE_BV_BACKUP], i, row)
        {
            json_t *b = oci_resource(s, row, bv_policy(row));

            if (b)
                json_object_set(b, "isBoot", json_object_get(row, "isBoot"));
            err |= append(backups, b);
        }
        json_array_foreach(s->rows[STATE_BV_REPLICA], i, row)
        {
            json_t *r = oci_resource(s, row, bv_policy(row));

            if (r)
                json_object_set(r, "isBoot", json_object_get(row, "isBoot"));
            err |= append(replicas, r);
        }
        json_object_set_new(oci, "volumes", volumes);
        json_object_set_new(oci, "bootVolumes", boot);
        json_object_set_new(oci, "backups", backups);
        json_object_set_new(oci, "replicas", replicas);
        json_object_set(oci, "backupPolicies", s->rows[STATE_BV_POLICY]);
        json_object_set(oci, "policyAssignments", s->rows[STATE_BV_ASSIGNMENT]);
    }
    if (families & FAMILY_OCI_CG) {
        json_array_foreach(s->rows[STATE_OCI_COMPARTMENT], i, row)
        {
            json_t *zone = governing_zone(s, str(row, "id"));

            json_object_set(row, "securityZoneId",
                            zone ? json_object_get(zone, "id") : json_null());
        }
        json_object_set(oci, "securityZones", s->rows[STATE_CG_ZONE]);
        json_object_set(oci, "compartments", s->rows[STATE_OCI_COMPARTMENT]);
    }
    if (err) {
        json_decref(oci);
        return NULL;
    }
    return oci;
}

static json_t *state_document(const struct snap *s, unsigned families, const char *region,
                              int64_t now_ms)
{
    json_t *doc = json_object();
    json_t *names = json_array();
    size_t i;
    json_t *row;
    int err = !doc || !names;

    for (size_t f = 0; names && f < NFAMILIES; f++)
        if (families & state_families[f].bit)
            json_array_append_new(names, json_string(state_families[f].name));
    if (doc) {
        json_object_set_new(doc, "generatedAt", oci_time_json(now_ms));
        json_object_set_new(doc, "region", region ? json_string(region) : json_null());
        json_object_set_new(doc, "families", names);
        names = NULL;
    }
    if (!err && (families & FAMILY_S3)) {
        json_t *buckets = json_array();

        json_array_foreach(s->rows[STATE_S3_BUCKET], i, row) err |=
            append(buckets, s3_bucket(s, row));
        err |= json_object_set_new(doc, "s3", json_pack("{s:o}", "buckets", buckets));
    }
    if (!err && (families & FAMILY_AWS_KMS))
        err |= json_object_set_new(doc, "awsKms",
                                   json_pack("{s:O, s:O}", "keys", s->rows[STATE_AWS_KEY],
                                             "aliases", s->rows[STATE_AWS_ALIAS]));
    if (!err && (families & (FAMILY_OCI_KMS | FAMILY_OCI_OS | FAMILY_OCI_BV | FAMILY_OCI_CG)))
        err |= json_object_set_new(doc, "oci", oci_section(s, families));
    json_decref(names);
    if (err) {
        json_decref(doc);
        return NULL;
    }
    return doc;
}

/* ---- the request ----------------------------------------------------------------------------- */

static int answer(struct resp *rs, int status, json_t *body)
{
    char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;

    json_decref(body);
    if (!text) {
        status = 500;
        text = strdup("{\"code\":\"InternalServerError\",\"message\":\"Internal Server Error\"}");
    }
    resp_status(rs, status);
    resp_header(rs, "Content-Type", "application/json");
    resp_header(rs, "Cache-Control", "no-store");
    if (text)
        resp_body_take(rs, text, strlen(text));
    return status >= 400;
}

static int bad(struct resp *rs, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int bad(struct resp *rs, const char *fmt, ...)
{
    char msg[512];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return answer(
        rs, 400, json_pack("{s:s, s:o}", "code", "InvalidParameter", "message", state_string(msg)));
}

/* An AWS region name: two letters, then dash-separated words, the last a number (us-east-1,
 * us-gov-west-1, ap-southeast-5). */
static int aws_region_name(const char *s)
{
    size_t n = strlen(s);
    const char *last = strrchr(s, '-');

    if (n < 6 || n > 32 || s[0] < 'a' || s[0] > 'z' || s[1] < 'a' || s[1] > 'z' || s[2] != '-' ||
        !last || !last[1] || last == s + 2)
        return 0;
    for (const char *p = last + 1; *p; p++)
        if (*p < '0' || *p > '9')
            return 0;
    for (const char *p = s + 3; p < last; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p == '-' && p[1] != '-' && p[-1] != '-')))
            return 0;
    return 1;
}

static int add_families(const char *value, unsigned *families, const char **bad_name)
{
    const char *p = value;

    for (;;) {
        size_t n = strcspn(p, ",");
        size_t f = 0;

        while (f < NFAMILIES &&
               (strlen(state_families[f].name) != n || strncmp(state_families[f].name, p, n)))
            f++;
        if (f == NFAMILIES) {
            *bad_name = p;
            return -1;
        }
        *families |= state_families[f].bit;
        if (!p[n])
            return 0;
        p += n + 1;
    }
}

/* GET /_cmkemu/state */
int emu_state_get(const struct req *rq, struct ctx *cx, struct resp *rs)
{
    unsigned families = 0;
    const char *region = NULL;
    struct state_query q = { 0, 0, NULL };
    struct snap s;
    json_t *doc;

    for (size_t i = 0; i < rq->nquery; i++) {
        const struct kv *a = &rq->query[i];

        if (!strcmp(a->name, "family")) {
            const char *wrong = NULL;

            if (add_families(a->value, &families, &wrong)) {
                char name[64];

                snprintf(name, sizeof(name), "%.*s", (int)strcspn(wrong, ","), wrong);
                return bad(rs,
                           "Unknown family '%s': expected s3, aws-kms, oci-kms, oci-os, oci-bv or "
                           "oci-cg, repeated or comma-separated.",
                           name);
            }
        } else if (!strcmp(a->name, "region")) {
            const struct oci_region *oci = oci_region_find(a->value);

            if (region)
                return bad(rs, "The region parameter may be given once.");
            if (oci)
                region = oci->name;
            else if (aws_region_name(a->value))
                region = a->value;
            else
                return bad(rs,
                           "Unknown region '%s': expected an AWS region (us-east-1) or an OCI "
                           "region name or code (us-ashburn-1, iad).",
                           a->value);
        } else {
            /* CHOICE: any other parameter is refused, so a misspelt filter is not ignored */
            return bad(rs, "Unknown parameter '%s': GET /_cmkemu/state takes family and region.",
                       a->name);
        }
    }
    if (!families)
        for (size_t f = 0; f < NFAMILIES; f++)
            families |= state_families[f].bit;
    for (size_t f = 0; f < NFAMILIES; f++) {
        if (families & state_families[f].bit) {
            q.tables |= state_families[f].shows | state_families[f].looks_in;
            q.filtered |= state_families[f].shows;
        }
    }
    q.region = region;
    if (snap_init(&s) || store_state_read(cx->store, &q, on_row, &s) != STORE_OK ||
        snap_index(&s)) {
        snap_release(&s);
        return answer(rs, 500, NULL);
    }
    doc = state_document(&s, families, region, cx->now_ms);
    snap_release(&s);
    return answer(rs, doc ? 200 : 500, doc);
}
