/* seed_oci.c - the "oci" member of a seed: tenancies, their users' API signing keys,
 * compartments (with parents), security recipes and zones, vaults and keys (versions, states).
 * Buckets, volumes and backups are in seed_oci_res.c. */
#include "seed_oci.h"

#include "../oci/oci_common.h"
#include "../oci/oci_ocid.h"
#include "storage/store_auth.h"
#include "storage/store_cg.h"
#include "storage/store_emu.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEED_MAX_DEPTH 64 /* compartment nesting */

int seed_oci_call(struct seed_loader *ld, const struct seed_tenancy *t, const char *path,
                  const char *what, const char *idkey, const char *region, const char *vault_prefix,
                  const char *method, const char *api_path, json_t *body, json_t **out, int defer)
{
    char auth[3 * SEED_ID_MAX];
    char target[4 * SEED_ID_MAX];
    const char *headers[] = { auth, "Content-Type: application/json", NULL };
    char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
    int rc;

    json_decref(body);
    if (body && !text)
        return seed_fail(ld, path, "out of memory");
    snprintf(
        auth, sizeof(auth),
        "Authorization: Signature version=\"1\",keyId=\"%s/%s/00:00:00:00:00:00:00:00:00:00:00:"
        "00:00:00:00:00\",algorithm=\"rsa-sha256\",headers=\"date (request-target) host\","
        "signature=\"c2VlZA==\"",
        t->id, t->user);
    if (vault_prefix)
        snprintf(target, sizeof(target), "/oci/%s/kms/%s-management%s", region, vault_prefix,
                 api_path);
    else
        snprintf(target, sizeof(target), "/oci/%s%s", region, api_path);
    rc = defer ? seed_defer(ld, path, what, idkey, method, target, headers, text)
               : seed_call(ld, path, what, idkey, method, target, headers, text, out);
    free(text);
    return rc;
}

int seed_oci_region(struct seed_loader *ld, const json_t *obj, const char *path,
                    const struct seed_tenancy *t, char *out)
{
    const char *name = t ? t->home : ld->cfg.oci_region;
    const struct oci_region *r;
    char sub[SEED_PATH_MAX];

    if (seed_str(ld, obj, path, t ? "region" : "homeRegion", 0, &name))
        return -1;
    r = oci_region_find(name);
    seed_path_member(sub, sizeof(sub), path, t ? "region" : "homeRegion");
    if (!r)
        return seed_fail(ld, sub, "unknown OCI region \"%s\"", name);
    snprintf(out, 32, "%s", r->name);
    return 0;
}

/* A compartment reference: a compartment name of the tenancy, the tenancy's own name, or an
 * OCID. path is the reference's own path. */
static int resolve_compartment(struct seed_loader *ld, const char *ref, const char *path,
                               const struct seed_tenancy *t, char *out)
{
    json_t *c = seed_name_get(ld, "compartment", t->name, ref);
    struct ocid o;

    if (c)
        snprintf(out, SEED_ID_MAX, "%s", seed_info(c, "id"));
    else if (!strcmp(ref, t->name))
        snprintf(out, SEED_ID_MAX, "%s", t->id);
    else if (!ocid_parse(ref, &o))
        snprintf(out, SEED_ID_MAX, "%s", ref);
    else
        return seed_fail(ld, path,
                         "unknown compartment \"%s\": not a compartment of tenancy \"%s\", the "
                         "tenancy's name or an OCID",
                         ref, t->name);
    return 0;
}

int seed_oci_compartment(struct seed_loader *ld, const json_t *obj, const char *path,
                         const struct seed_tenancy *t, const char *name, const char *dflt,
                         char *out)
{
    const char *ref = NULL;
    char sub[SEED_PATH_MAX];

    if (seed_str(ld, obj, path, name, dflt == NULL, &ref))
        return -1;
    if (!ref) {
        snprintf(out, SEED_ID_MAX, "%s", dflt ? dflt : "");
        return 0;
    }
    seed_path_member(sub, sizeof(sub), path, name);
    return resolve_compartment(ld, ref, sub, t, out);
}

int seed_oci_key(struct seed_loader *ld, const json_t *obj, const char *path,
                 const struct seed_tenancy *t, char *out, int *found)
{
    const char *ref = NULL;
    json_t *k;
    char sub[SEED_PATH_MAX];

    *found = 0;
    if (seed_str(ld, obj, path, "kmsKey", 0, &ref))
        return -1;
    if (!ref)
        return 0;
    *found = 1;
    k = seed_name_get(ld, "key", t->name, ref);
    if (k) {
        snprintf(out, SEED_ID_MAX, "%s", seed_info(k, "id"));
        return 0;
    }
    if (!strncmp(ref, "ocid1.", 6)) {
        snprintf(out, SEED_ID_MAX, "%s", ref);
        return 0;
    }
    seed_path_member(sub, sizeof(sub), path, "kmsKey");
    return seed_fail(ld, sub, "unknown key \"%s\": no key of that name in tenancy \"%s\"", ref,
                     t->name);
}

int seed_oci_id(struct seed_loader *ld, const json_t *obj, const char *path, const char *type,
                const char *region, const char **out)
{
    const struct oci_region *r = region ? oci_region_find(region) : NULL;
    struct ocid o;
    char sub[SEED_PATH_MAX];

    *out = NULL;
    if (seed_str(ld, obj, path, "id", 0, out) || !*out)
        return *out ? -1 : 0;
    seed_path_member(sub, sizeof(sub), path, "id");
    if (ocid_parse(*out, &o) || (type && strcmp(o.type, type)))
        return seed_fail(ld, sub, "\"%s\" is not an OCID of type %s (ocid1.%s.oc1.%s...)", *out,
                         type ? type : "any", type ? type : "<type>", r ? r->code : "");
    if (r && (!oci_region_find(o.region) || strcmp(oci_region_find(o.region)->name, r->name)))
        return seed_fail(ld, sub, "\"%s\" does not name the region %s (%s) in its region slot",
                         *out, r->name, r->code);
    return 0;
}

void seed_oci_new_ocid(const char *key, const char *type, const char *region, char *out, size_t n)
{
    const struct oci_region *r = region ? oci_region_find(region) : NULL;
    struct ids ids;

    seed_ids(&ids, key);
    ocid_new(&ids, type, r ? r->realm : "oc1", r ? r->code : "", NULL, out, n);
}

/* The OCI fingerprint of a PEM public key: MD5 of its DER, as colon-separated hex. */
static int key_fingerprint(const char *pem, char out[48])
{
    BIO *bio = BIO_new_mem_buf(pem, -1);
    EVP_PKEY *key = bio ? PEM_read_bio_PUBKEY(bio, NULL, NULL, NULL) : NULL;
    unsigned char *der = NULL;
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned mdlen = 0;
    int len = key ? i2d_PUBKEY(key, &der) : -1;
    int rc = -1;

    if (len > 0 && EVP_Digest(der, (size_t)len, md, &mdlen, EVP_md5(), NULL) && mdlen == 16) {
        for (unsigned i = 0; i < mdlen; i++)
            snprintf(out + (size_t)3 * i, 4, "%02x%s", md[i], i + 1 < mdlen ? ":" : "");
        rc = 0;
    }
    OPENSSL_free(der);
    EVP_PKEY_free(key);
    BIO_free(bio);
    return rc;
}

static int load_api_key(struct seed_loader *ld, const json_t *k, const char *path,
                        const struct seed_tenancy *t, const char *user)
{
    static const char *const members[] = { "fingerprint", "publicKeyPem", NULL };
    const char *given = NULL;
    json_t *pem = json_object_get(k, "publicKeyPem");
    char fp[48];
    char *stored = NULL;
    char sub[SEED_PATH_MAX];

    if (seed_object(ld, k, path, members) || seed_str(ld, k, path, "fingerprint", 0, &given))
        return -1;
    seed_path_member(sub, sizeof(sub), path, "publicKeyPem");
    if (!json_is_string(pem))
        return seed_fail(ld, json_is_null(pem) || !pem ? path : sub,
                         "\"publicKeyPem\" must be a PEM public key (-----BEGIN PUBLIC KEY-----)");
    if (key_fingerprint(json_string_value(pem), fp))
        return seed_fail(ld, sub, "not a PEM public key (-----BEGIN PUBLIC KEY-----)");
    seed_path_member(sub, sizeof(sub), path, "fingerprint");
    if (given && strcmp(given, fp))
        return seed_fail(ld, sub, "\"%s\" is not the key's fingerprint (%s)", given, fp);
    if (store_auth_oci_get(ld->st, t->id, user, fp, &stored) == STORE_OK) {
        free(stored);
        return seed_fail(ld, path, "the API key %s of this user is declared twice", fp);
    }
    if (store_auth_oci_put(ld->st, t->id, user, fp, json_string_value(pem)) != STORE_OK)
        return seed_fail(ld, path, "cannot store the API key");
    return 0;
}

static int load_user(struct seed_loader *ld, const json_t *u, const char *path,
                     struct seed_tenancy *t, size_t index)
{
    static const char *const members[] = { "name", "id", "apiKeys", NULL };
    const char *name = NULL;
    const char *id = NULL;
    json_t *keys = NULL;
    json_t *k;
    char uid[SEED_ID_MAX];
    char key[3 * SEED_ID_MAX];
    char apath[SEED_PATH_MAX];
    char sub[SEED_PATH_MAX];
    size_t i;

    if (seed_object(ld, u, path, members) || seed_str(ld, u, path, "name", 1, &name) ||
        seed_oci_id(ld, u, path, "user", NULL, &id) || seed_array(ld, u, path, "apiKeys", &keys))
        return -1;
    snprintf(key, sizeof(key), "oci/%s/user/%s", t->name, name);
    if (id)
        snprintf(uid, sizeof(uid), "%s", id);
    else
        seed_oci_new_ocid(key, "user", NULL, uid, sizeof(uid));
    if (seed_name_put(ld, path, "user", t->name, name, json_pack("{s:s}", "id", uid)))
        return -1;
    if (index == 0) /* the first user makes the loader's requests */
        snprintf(t->user, sizeof(t->user), "%s", uid);
    seed_path_member(apath, sizeof(apath), path, "apiKeys");
    json_array_foreach(keys, i, k)
    {
        seed_path_index(sub, sizeof(sub), apath, i);
        if (load_api_key(ld, k, sub, t, uid))
            return -1;
    }
    return 0;
}

/* Compartments in two passes: every name gets its id, then every parent is declared (a parent
 * may come later in the list). */
static int load_compartments(struct seed_loader *ld, const json_t *list, const char *path,
                             const struct seed_tenancy *t)
{
    static const char *const members[] = { "name", "id", "parent", NULL };
    json_t *c;
    size_t i;
    char sub[SEED_PATH_MAX];

    json_array_foreach(list, i, c)
    {
        const char *name = NULL;
        const char *id = NULL;
        const char *parent = NULL;
        char cid[SEED_ID_MAX];
        char key[3 * SEED_ID_MAX];

        seed_path_index(sub, sizeof(sub), path, i);
        if (seed_object(ld, c, sub, members) || seed_str(ld, c, sub, "name", 1, &name) ||
            seed_oci_id(ld, c, sub, "compartment", NULL, &id) ||
            seed_str(ld, c, sub, "parent", 0, &parent))
            return -1;
        if (!strcmp(name, t->name))
            return seed_fail(ld, sub, "a compartment cannot have the tenancy's name \"%s\"", name);
        snprintf(key, sizeof(key), "oci/%s/compartment/%s", t->name, name);
        if (id)
            snprintf(cid, sizeof(cid), "%s", id);
        else
            seed_oci_new_ocid(key, "compartment", NULL, cid, sizeof(cid));
        if (seed_name_put(ld, sub, "compartment", t->name, name,
                          json_pack("{s:s, s:s?}", "id", cid, "parent", parent)))
            return -1;
    }
    json_array_foreach(list, i, c)
    {
        const char *name = json_string_value(json_object_get(c, "name"));
        const char *up = name;
        char parent[SEED_ID_MAX];
        char api[2 * SEED_ID_MAX];
        char key[3 * SEED_ID_MAX];
        json_t *body;
        char *text;
        int rc;

        seed_path_index(sub, sizeof(sub), path, i);
        if (seed_oci_compartment(ld, c, sub, t, "parent", t->id, parent))
            return -1;
        /* the chain of parents declared in the seed must end (at the tenancy or an OCID) */
        for (size_t steps = 0; up; steps++) {
            const char *p = seed_info(seed_name_get(ld, "compartment", t->name, up), "parent");

            if (steps > json_array_size(list)) {
                char psub[SEED_PATH_MAX];

                seed_path_member(psub, sizeof(psub), sub, "parent");
                return seed_fail(ld, psub, "the parents of compartment \"%s\" form a cycle", name);
            }
            up = *p && seed_name_get(ld, "compartment", t->name, p) ? p : NULL;
        }
        snprintf(api, sizeof(api), "/_cmkemu/oci/compartments/%s",
                 seed_info(seed_name_get(ld, "compartment", t->name, name), "id"));
        snprintf(key, sizeof(key), "oci/%s/compartment/%s/parent", t->name, name);
        body = json_pack("{s:s, s:s}", "parentId", parent, "tenancyId", t->id);
        text = json_dumps(body, JSON_COMPACT);
        rc = text ? seed_call(ld, sub, "PutCompartment", key, "PUT", api, NULL, text, NULL)
                  : seed_fail(ld, sub, "out of memory");
        free(text);
        json_decref(body);
        if (rc)
            return -1;
    }
    return 0;
}

/* Built-in policy friendly names (or policy OCIDs) -> a JSON array of policy OCIDs. */
static int policy_ids(struct seed_loader *ld, const json_t *names, const char *path, json_t **out)
{
    struct cg_policy *pol = NULL;
    size_t npol = 0;
    json_t *v;
    size_t i;
    int rc = 0;

    *out = json_array();
    if (!names || !json_array_size(names))
        return seed_fail(ld, path, "a recipe needs at least one policy");
    if (store_cg_policy_list(ld->st, &pol, &npol) != STORE_OK)
        return seed_fail(ld, path, "cannot list the security zone policies");
    json_array_foreach(names, i, v)
    {
        const char *name = json_string_value(v);
        char sub[SEED_PATH_MAX];
        char known[1024] = "";
        size_t j, o = 0;

        for (j = 0; name && j < npol; j++)
            if (!strcmp(pol[j].friendly_name, name) || !strcmp(pol[j].id, name))
                break;
        if (name && j < npol) {
            json_array_append_new(*out, json_string(pol[j].id));
            continue;
        }
        for (j = 0; j < npol && o < sizeof(known); j++)
            o += (size_t)snprintf(known + o, sizeof(known) - o, "%s\"%s\"", j ? ", " : "",
                                  pol[j].friendly_name);
        seed_path_index(sub, sizeof(sub), path, i);
        rc = seed_fail(ld, sub, "unknown security zone policy %s%s%s (known: %s)", name ? "\"" : "",
                       name ? name : "(not a string)", name ? "\"" : "", known);
        break;
    }
    free(pol);
    return rc;
}

static int rename_answer(struct seed_loader *ld, const char *path, int rc, const char *id)
{
    char sub[SEED_PATH_MAX];

    seed_path_member(sub, sizeof(sub), path, "id");
    if (rc == STORE_EXISTS)
        return seed_fail(ld, sub, "the id \"%s\" is used twice", id);
    if (rc)
        return seed_fail(ld, sub, "cannot give the id \"%s\"", id);
    return 0;
}

static int load_recipe(struct seed_loader *ld, const json_t *r, const char *path,
                       const struct seed_tenancy *t)
{
    static const char *const members[] = { "name",        "id",       "compartment",
                                           "description", "policies", NULL };
    const char *name = NULL, *id = NULL, *desc = NULL;
    json_t *names = NULL, *ids = NULL, *reply = NULL;
    char comp[SEED_ID_MAX];
    char rid[SEED_ID_MAX];
    char key[3 * SEED_ID_MAX];
    char sub[SEED_PATH_MAX];

    if (seed_object(ld, r, path, members) || seed_str(ld, r, path, "name", 1, &name) ||
        seed_oci_id(ld, r, path, "securityzonessecurityrecipe", NULL, &id) ||
        seed_str_max(ld, r, path, "description", 0, SEED_TEXT_MAX, &desc) ||
        seed_oci_compartment(ld, r, path, t, "compartment", t->id, comp) ||
        seed_array(ld, r, path, "policies", &names))
        return -1;
    seed_path_member(sub, sizeof(sub), path, "policies");
    if (policy_ids(ld, names, names ? sub : path, &ids)) {
        json_decref(ids);
        return -1;
    }
    snprintf(key, sizeof(key), "oci/%s/recipe/%s", t->name, name);
    if (seed_oci_call(ld, t, path, "CreateSecurityRecipe", key, t->home, NULL, "POST",
                      "/20200131/securityRecipes",
                      json_pack("{s:s, s:s, s:s?, s:o}", "compartmentId", comp, "displayName", name,
                                "description", desc, "securityPolicies", ids),
                      &reply, 0))
        return -1;
    snprintf(rid, sizeof(rid), "%s", seed_info(reply, "id"));
    json_decref(reply);
    if (id) {
        if (rename_answer(ld, path, store_emu_rename(ld->st, EMU_RENAME_CG_RECIPE, rid, id), id))
            return -1;
        snprintf(rid, sizeof(rid), "%s", id);
    }
    return seed_name_put(ld, path, "recipe", t->name, name, json_pack("{s:s}", "id", rid));
}

/* A zone's recipe: a recipe of the seed, an Oracle-managed recipe by name ("Maximum Security
 * Recipe"), or a recipe OCID. */
static int resolve_recipe(struct seed_loader *ld, const char *ref, const char *path,
                          const struct seed_tenancy *t, char *out)
{
    json_t *named = seed_name_get(ld, "recipe", t->name, ref);
    struct cg_recipe *list = NULL;
    size_t n = 0;
    int found = 0;

    if (named) {
        snprintf(out, SEED_ID_MAX, "%s", seed_info(named, "id"));
        return 0;
    }
    if (!strncmp(ref, "ocid1.", 6)) {
        snprintf(out, SEED_ID_MAX, "%s", ref);
        return 0;
    }
    if (store_cg_recipe_list(ld->st, t->id, t->id, 1000, &list, &n) != STORE_OK)
        return seed_fail(ld, path, "cannot list the security recipes");
    for (size_t i = 0; i < n && !found; i++) {
        if (!strcmp(list[i].owner, "ORACLE") && !strcmp(list[i].display_name, ref)) {
            snprintf(out, SEED_ID_MAX, "%s", list[i].id);
            found = 1;
        }
    }
    cg_recipe_list_free(list, n);
    if (found)
        return 0;
    return seed_fail(ld, path,
                     "unknown recipe \"%s\": not a recipe of the seed, an Oracle-managed recipe "
                     "(\"Maximum Security Recipe\") or an OCID",
                     ref);
}

static int load_zone(struct seed_loader *ld, const json_t *z, const char *path,
                     const struct seed_tenancy *t)
{
    static const char *const members[] = { "name",        "id",           "compartment", "recipe",
                                           "description", "compartments", NULL };
    const char *name = NULL, *id = NULL, *desc = NULL, *recipe = NULL;
    json_t *extra = NULL, *reply = NULL, *c;
    char comp[SEED_ID_MAX];
    char rid[SEED_ID_MAX];
    char zid[SEED_ID_MAX];
    char key[3 * SEED_ID_MAX];
    char sub[SEED_PATH_MAX];
    char apath[SEED_PATH_MAX];
    size_t i;

    if (seed_object(ld, z, path, members) || seed_str(ld, z, path, "name", 1, &name) ||
        seed_oci_id(ld, z, path, "securityzonessecurityzone", NULL, &id) ||
        seed_str_max(ld, z, path, "description", 0, SEED_TEXT_MAX, &desc) ||
        seed_oci_compartment(ld, z, path, t, "compartment", NULL, comp) ||
        seed_str(ld, z, path, "recipe", 1, &recipe) ||
        seed_array(ld, z, path, "compartments", &extra))
        return -1;
    seed_path_member(sub, sizeof(sub), path, "recipe");
    if (resolve_recipe(ld, recipe, sub, t, rid))
        return -1;
    snprintf(key, sizeof(key), "oci/%s/zone/%s", t->name, name);
    if (seed_oci_call(ld, t, path, "CreateSecurityZone", key, t->home, NULL, "POST",
                      "/20200131/securityZones",
                      json_pack("{s:s, s:s, s:s, s:s?}", "displayName", name, "compartmentId", comp,
                                "securityZoneRecipeId", rid, "description", desc),
                      &reply, 0))
        return -1;
    snprintf(zid, sizeof(zid), "%s", seed_info(reply, "id"));
    json_decref(reply);
    if (id) {
        if (rename_answer(ld, path, store_emu_rename(ld->st, EMU_RENAME_CG_ZONE, zid, id), id))
            return -1;
        snprintf(zid, sizeof(zid), "%s", id);
    }
    seed_path_member(apath, sizeof(apath), path, "compartments");
    json_array_foreach(extra, i, c)
    {
        char cid[SEED_ID_MAX];
        char api[2 * SEED_ID_MAX];
        char akey[4 * SEED_ID_MAX];

        seed_path_index(sub, sizeof(sub), apath, i);
        if (!json_is_string(c))
            return seed_fail(ld, sub, "must be a compartment name or OCID");
        if (resolve_compartment(ld, json_string_value(c), sub, t, cid))
            return -1;
        snprintf(api, sizeof(api), "/20200131/securityZones/%s/actions/addCompartment", zid);
        snprintf(akey, sizeof(akey), "%s/add/%s", key, json_string_value(c));
        if (seed_oci_call(ld, t, sub, "AddCompartment", akey, t->home, NULL, "POST", api,
                          json_pack("{s:s}", "compartmentId", cid), NULL, 0))
            return -1;
    }
    return seed_name_put(ld, path, "zone", t->name, name, json_pack("{s:s}", "id", zid));
}

static int load_key(struct seed_loader *ld, const json_t *k, const char *path,
                    const struct seed_tenancy *t, const json_t *vault)
{
    static const char *const members[] = { "name",      "id",     "displayName", "compartment",
                                           "algorithm", "length", "curveId",     "protectionMode",
                                           "versions",  "state",  NULL };
    static const char *const algorithms[] = { "AES", "RSA", "ECDSA", NULL };
    static const char *const modes[] = { "HSM", "SOFTWARE", NULL };
    static const char *const states[] = { "ENABLED", "DISABLED", "PENDING_DELETION", NULL };
    const char *name = NULL, *id = NULL, *display = NULL, *alg = "AES", *curve = NULL;
    const char *mode = NULL, *state = "ENABLED";
    const char *region = seed_info(vault, "region");
    const char *prefix = seed_info(vault, "prefix");
    json_int_t length = 0, versions = 1;
    json_t *shape, *reply = NULL;
    char comp[SEED_ID_MAX];
    char kid[SEED_ID_MAX];
    char key[3 * SEED_ID_MAX];
    char api[2 * SEED_ID_MAX];
    char sub[SEED_PATH_MAX];

    if (seed_object(ld, k, path, members) || seed_str(ld, k, path, "name", 1, &name) ||
        seed_oci_id(ld, k, path, "key", region, &id) ||
        seed_str(ld, k, path, "displayName", 0, &display) ||
        seed_oci_compartment(ld, k, path, t, "compartment", seed_info(vault, "compartment"),
                             comp) ||
        seed_enum(ld, k, path, "algorithm", algorithms, &alg) ||
        seed_int(ld, k, path, "length", 1, 4096, &length) ||
        seed_str(ld, k, path, "curveId", 0, &curve) ||
        seed_enum(ld, k, path, "protectionMode", modes, &mode) ||
        seed_int(ld, k, path, "versions", 1, 100, &versions) ||
        seed_enum(ld, k, path, "state", states, &state))
        return -1;
    if (id) {
        struct ocid o;

        seed_path_member(sub, sizeof(sub), path, "id");
        if (ocid_parse(id, &o) || strcmp(o.extra, prefix))
            return seed_fail(ld, sub,
                             "\"%s\" must carry its vault's endpoint prefix \"%s\" "
                             "(ocid1.key.oc1.<region>.%s.<unique>)",
                             id, prefix, prefix);
    }
    if (!length) /* AES-256, RSA-2048, ECDSA P-256 */
        length = !strcmp(alg, "AES") ? 32 : !strcmp(alg, "RSA") ? 256 : 32;
    shape = json_pack("{s:s, s:I}", "algorithm", alg, "length", length);
    if (curve)
        json_object_set_new(shape, "curveId", json_string(curve));
    snprintf(key, sizeof(key), "oci/%s/key/%s", t->name, name);
    if (seed_oci_call(ld, t, path, "CreateKey", key, region, prefix, "POST", "/20180608/keys",
                      json_pack("{s:s, s:s, s:o, s:s?}", "compartmentId", comp, "displayName",
                                display ? display : name, "keyShape", shape, "protectionMode",
                                mode),
                      &reply, 0))
        return -1;
    snprintf(kid, sizeof(kid), "%s", seed_info(reply, "id"));
    json_decref(reply);
    if (id) {
        if (rename_answer(ld, path, store_emu_rename(ld->st, EMU_RENAME_KMS_KEY, kid, id), id))
            return -1;
        snprintf(kid, sizeof(kid), "%s", id);
    }
    if (seed_name_put(ld, path, "key", t->name, name,
                      json_pack("{s:s, s:s, s:s}", "id", kid, "region", region, "vault",
                                seed_info(vault, "id"))))
        return -1;
    for (json_int_t v = 2; v <= versions; v++) {
        char vkey[4 * SEED_ID_MAX];

        snprintf(api, sizeof(api), "/20180608/keys/%s/keyVersions", kid);
        snprintf(vkey, sizeof(vkey), "%s/version/%lld", key, (long long)v);
        if (seed_oci_call(ld, t, path, "CreateKeyVersion", vkey, region, prefix, "POST", api, NULL,
                          NULL, 0))
            return -1;
    }
    if (!strcmp(state, "ENABLED"))
        return 0;
    snprintf(api, sizeof(api), "/20180608/keys/%s/actions/%s", kid,
             !strcmp(state, "DISABLED") ? "disable" : "scheduleDeletion");
    return seed_oci_call(ld, t, path,
                         !strcmp(state, "DISABLED") ? "DisableKey" : "ScheduleKeyDeletion", key,
                         region, prefix, "POST", api, NULL, NULL, 1);
}

static int load_vault(struct seed_loader *ld, const json_t *v, const char *path,
                      const struct seed_tenancy *t)
{
    static const char *const members[] = { "name", "id",   "region", "compartment",
                                           "type", "keys", NULL };
    static const char *const types[] = { "DEFAULT", "VIRTUAL_PRIVATE", NULL };
    const char *name = NULL, *id = NULL, *type = "DEFAULT";
    json_t *keys = NULL, *reply = NULL, *info, *k;
    char region[32];
    char comp[SEED_ID_MAX];
    char vid[SEED_ID_MAX];
    char key[3 * SEED_ID_MAX];
    char kpath[SEED_PATH_MAX];
    char sub[SEED_PATH_MAX];
    struct ocid o;
    struct ocid given;
    size_t i;

    if (seed_object(ld, v, path, members) || seed_str(ld, v, path, "name", 1, &name) ||
        seed_oci_region(ld, v, path, t, region) || seed_oci_id(ld, v, path, "vault", region, &id) ||
        seed_oci_compartment(ld, v, path, t, "compartment", t->id, comp) ||
        seed_enum(ld, v, path, "type", types, &type) || seed_array(ld, v, path, "keys", &keys))
        return -1;
    seed_path_member(sub, sizeof(sub), path, "id");
    if (id && (ocid_parse(id, &given) || !given.extra[0] ||
               strspn(given.extra, "abcdefghijklmnopqrstuvwxyz0123456789") != strlen(given.extra)))
        return seed_fail(ld, sub,
                         "\"%s\" needs an endpoint prefix of lowercase letters and digits "
                         "(ocid1.vault.oc1.<region>.<prefix>.<unique>)",
                         id);
    snprintf(key, sizeof(key), "oci/%s/vault/%s", t->name, name);
    if (seed_oci_call(ld, t, path, "CreateVault", key, region, NULL, "POST", "/20180608/vaults",
                      json_pack("{s:s, s:s, s:s}", "compartmentId", comp, "displayName", name,
                                "vaultType", type),
                      &reply, 0))
        return -1;
    snprintf(vid, sizeof(vid), "%s", seed_info(reply, "id"));
    json_decref(reply);
    if (id) {
        if (rename_answer(ld, path, store_emu_rename_vault(ld->st, vid, id, given.extra), id))
            return -1;
        snprintf(vid, sizeof(vid), "%s", id);
    }
    if (ocid_parse(vid, &o))
        return seed_fail(ld, path, "the vault got a malformed id \"%s\"", vid);
    info = json_pack("{s:s, s:s, s:s, s:s}", "id", vid, "region", region, "prefix", o.extra,
                     "compartment", comp);
    if (seed_name_put(ld, path, "vault", t->name, name, info))
        return -1;
    seed_path_member(kpath, sizeof(kpath), path, "keys");
    json_array_foreach(keys, i, k)
    {
        seed_path_index(sub, sizeof(sub), kpath, i);
        if (load_key(ld, k, sub, t, info))
            return -1;
    }
    return 0;
}

/* Calls fn for every element of the optional array member `name`. */
static int each(struct seed_loader *ld, const json_t *obj, const char *path, const char *name,
                struct seed_tenancy *t,
                int (*fn)(struct seed_loader *, const json_t *, const char *,
                          const struct seed_tenancy *))
{
    json_t *arr = NULL;
    json_t *v;
    char apath[SEED_PATH_MAX];
    char sub[SEED_PATH_MAX];
    size_t i;

    if (seed_array(ld, obj, path, name, &arr))
        return -1;
    seed_path_member(apath, sizeof(apath), path, name);
    json_array_foreach(arr, i, v)
    {
        seed_path_index(sub, sizeof(sub), apath, i);
        if (fn(ld, v, sub, t))
            return -1;
    }
    return 0;
}

static int load_tenancy(struct seed_loader *ld, const json_t *tn, const char *path)
{
    static const char *const members[] = {
        "name",
        "id",
        "homeRegion",
        "users",
        "compartments",
        "securityRecipes",
        "securityZones",
        "vaults",
        "buckets",
        "volumes",
        "bootVolumes",
        "backups",
        NULL,
    };
    struct seed_tenancy t;
    const char *id = NULL;
    json_t *list = NULL, *u;
    char key[2 * SEED_ID_MAX];
    char apath[SEED_PATH_MAX];
    char sub[SEED_PATH_MAX];
    size_t i;

    memset(&t, 0, sizeof(t));
    if (seed_object(ld, tn, path, members) || seed_str(ld, tn, path, "name", 1, &t.name) ||
        seed_oci_id(ld, tn, path, "tenancy", NULL, &id) ||
        seed_oci_region(ld, tn, path, NULL, t.home))
        return -1;
    snprintf(key, sizeof(key), "oci/%s/tenancy", t.name);
    if (id)
        snprintf(t.id, sizeof(t.id), "%s", id);
    else
        seed_oci_new_ocid(key, "tenancy", NULL, t.id, sizeof(t.id));
    oci_namespace_of(t.id, t.ns);
    snprintf(key, sizeof(key), "oci/%s/user", t.name);
    seed_oci_new_ocid(key, "user", NULL, t.user, sizeof(t.user));
    if (seed_name_put(ld, path, "tenancy", "", t.name, json_pack("{s:s}", "id", t.id)))
        return -1;
    if (seed_array(ld, tn, path, "users", &list))
        return -1;
    seed_path_member(apath, sizeof(apath), path, "users");
    json_array_foreach(list, i, u)
    {
        seed_path_index(sub, sizeof(sub), apath, i);
        if (load_user(ld, u, sub, &t, i))
            return -1;
    }
    if (seed_array(ld, tn, path, "compartments", &list))
        return -1;
    seed_path_member(apath, sizeof(apath), path, "compartments");
    if (list && load_compartments(ld, list, apath, &t))
        return -1;
    if (each(ld, tn, path, "securityRecipes", &t, load_recipe) ||
        each(ld, tn, path, "securityZones", &t, load_zone) ||
        each(ld, tn, path, "vaults", &t, load_vault))
        return -1;
    return seed_oci_load_resources(ld, tn, path, &t);
}

int seed_oci_load(struct seed_loader *ld, const json_t *oci, const char *path)
{
    static const char *const members[] = { "tenancies", NULL };
    json_t *list = NULL;
    json_t *tn;
    char apath[SEED_PATH_MAX];
    char sub[SEED_PATH_MAX];
    size_t i;

    if (seed_object(ld, oci, path, members) || seed_array(ld, oci, path, "tenancies", &list))
        return -1;
    seed_path_member(apath, sizeof(apath), path, "tenancies");
    json_array_foreach(list, i, tn)
    {
        seed_path_index(sub, sizeof(sub), apath, i);
        if (load_tenancy(ld, tn, sub))
            return -1;
    }
    return 0;
}
