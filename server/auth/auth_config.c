/* auth_config.c - reads and checks the --auth-config JSON file and stores its credentials. */
#include "auth_config.h"

#include "auth_oci_sig.h"

#include "../../storage/store_auth.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PEM ((size_t)64 * 1024)

struct oci_entry {
    const char *tenancy;
    const char *user;
    const char *fingerprint;
    char *pem; /* malloc'd */
};

static int twelve_digits(const char *s)
{
    if (strlen(s) != 12)
        return 0;
    for (size_t i = 0; i < 12; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

/* A non-empty string member of at most max bytes with none of the characters in bad. */
static const char *member(json_t *o, const char *name, size_t max, const char *bad,
                          const char *where, char *err, size_t errn)
{
    json_t *v = json_object_get(o, name);
    const char *s;

    if (!v) {
        snprintf(err, errn, "%s: \"%s\" is missing", where, name);
        return NULL;
    }
    s = json_string_value(v);
    if (!s || !*s || strlen(s) > max || strpbrk(s, bad)) {
        snprintf(err, errn, "%s: \"%s\" must be a non-empty string of at most %zu characters%s%s",
                 where, name, max, *bad ? " without any of " : "", bad);
        return NULL;
    }
    return s;
}

static int only_members(json_t *o, const char *const *names, size_t n, const char *where, char *err,
                        size_t errn)
{
    const char *k;
    json_t *v;

    json_object_foreach(o, k, v)
    {
        size_t i = 0;

        while (i < n && strcmp(names[i], k))
            i++;
        if (i == n) {
            snprintf(err, errn, "%s: unknown member \"%s\"", where, k);
            return -1;
        }
    }
    return 0;
}

static char *read_file(const char *path, size_t max)
{
    FILE *f = fopen(path, "rb");
    char *data;
    size_t n;

    if (!f)
        return NULL;
    data = malloc(max + 1);
    if (!data) {
        fclose(f);
        return NULL;
    }
    n = fread(data, 1, max + 1, f);
    fclose(f);
    if (n > max) {
        free(data);
        return NULL;
    }
    data[n] = '\0';
    return data;
}

/* publicKeyFile relative to the config file's folder. */
static char *read_key_file(const char *config_path, const char *file)
{
    const char *slash = strrchr(config_path, '/');
    char path[2048];

    if (file[0] == '/' || !slash)
        snprintf(path, sizeof(path), "%s", file);
    else
        snprintf(path, sizeof(path), "%.*s/%s", (int)(slash - config_path), config_path, file);
    return read_file(path, MAX_PEM);
}

static int check_aws(json_t *e, size_t i, const char *default_account,
                     struct store_aws_credential *c, char *err, size_t errn)
{
    static const char *const names[] = { "accessKeyId", "secretAccessKey", "account" };
    char where[32];
    const char *akid, *secret;
    json_t *acct;

    snprintf(where, sizeof(where), "aws[%zu]", i);
    if (!json_is_object(e)) {
        snprintf(err, errn, "%s: must be an object", where);
        return -1;
    }
    if (only_members(e, names, 3, where, err, errn))
        return -1;
    akid = member(e, "accessKeyId", STORE_AWS_KEY_ID_MAX, "/ ,=", where, err, errn);
    secret = akid ? member(e, "secretAccessKey", STORE_AWS_SECRET_MAX, "", where, err, errn) : NULL;
    if (!secret)
        return -1;
    memset(c, 0, sizeof(*c));
    snprintf(c->access_key_id, sizeof(c->access_key_id), "%s", akid);
    snprintf(c->secret, sizeof(c->secret), "%s", secret);
    acct = json_object_get(e, "account");
    if (acct) {
        if (!json_is_string(acct) || !twelve_digits(json_string_value(acct))) {
            snprintf(err, errn, "%s: \"account\" must be 12 digits", where);
            return -1;
        }
        snprintf(c->account, sizeof(c->account), "%s", json_string_value(acct));
    } else {
        snprintf(c->account, sizeof(c->account), "%s",
                 twelve_digits(akid) ? akid : default_account);
    }
    return 0;
}

static int check_oci(json_t *e, size_t i, const char *config_path, struct oci_entry *o, char *err,
                     size_t errn)
{
    static const char *const names[] = { "tenancy", "user", "fingerprint", "publicKeyPem",
                                         "publicKeyFile" };
    char where[32];
    json_t *pem = json_object_get(e, "publicKeyPem");
    json_t *file = json_object_get(e, "publicKeyFile");
    EVP_PKEY *key;

    snprintf(where, sizeof(where), "oci[%zu]", i);
    memset(o, 0, sizeof(*o));
    if (!json_is_object(e)) {
        snprintf(err, errn, "%s: must be an object", where);
        return -1;
    }
    if (only_members(e, names, 5, where, err, errn))
        return -1;
    o->tenancy = member(e, "tenancy", 255, "/ ", where, err, errn);
    o->user = o->tenancy ? member(e, "user", 255, "/ ", where, err, errn) : NULL;
    o->fingerprint = o->user ? member(e, "fingerprint", 255, "/ ", where, err, errn) : NULL;
    if (!o->fingerprint)
        return -1;
    if (!pem == !file) {
        snprintf(err, errn, "%s: give exactly one of \"publicKeyPem\" and \"publicKeyFile\"",
                 where);
        return -1;
    }
    if (pem) {
        if (!json_is_string(pem) || !(o->pem = strdup(json_string_value(pem)))) {
            snprintf(err, errn, "%s: \"publicKeyPem\" must be a string", where);
            return -1;
        }
    } else if (!json_is_string(file) ||
               !(o->pem = read_key_file(config_path, json_string_value(file)))) {
        snprintf(err, errn, "%s: cannot read \"publicKeyFile\" '%s'", where,
                 json_is_string(file) ? json_string_value(file) : "?");
        return -1;
    }
    key = oci_sig_public_key(o->pem);
    if (!key) {
        snprintf(err, errn, "%s: the public key is not an RSA public key in PEM", where);
        free(o->pem);
        o->pem = NULL;
        return -1;
    }
    EVP_PKEY_free(key);
    return 0;
}

static json_t *array_member(json_t *root, const char *name, char *err, size_t errn, int *bad)
{
    json_t *a = json_object_get(root, name);

    if (a && !json_is_array(a)) {
        snprintf(err, errn, "\"%s\" must be an array", name);
        *bad = 1;
    }
    return a;
}

static int load(json_t *root, struct store *st, const char *path, const char *default_account,
                char *err, size_t errn)
{
    static const char *const names[] = { "aws", "oci" };
    int bad = 0;
    json_t *aws, *oci, *e;
    struct store_aws_credential *creds = NULL;
    struct oci_entry *keys = NULL;
    size_t naws, noci, i, nkeys = 0;
    int rc = -1;

    if (!json_is_object(root)) {
        snprintf(err, errn, "the top level must be an object");
        return -1;
    }
    if (only_members(root, names, 2, "top level", err, errn))
        return -1;
    aws = array_member(root, "aws", err, errn, &bad);
    oci = bad ? NULL : array_member(root, "oci", err, errn, &bad);
    if (bad)
        return -1;
    naws = json_array_size(aws);
    noci = json_array_size(oci);
    creds = calloc(naws + 1, sizeof(*creds));
    keys = calloc(noci + 1, sizeof(*keys));
    if (!creds || !keys) {
        snprintf(err, errn, "out of memory");
        goto out;
    }
    json_array_foreach(aws, i, e)
    {
        if (check_aws(e, i, default_account, &creds[i], err, errn))
            goto out;
    }
    json_array_foreach(oci, i, e)
    {
        if (check_oci(e, i, path, &keys[i], err, errn))
            goto out;
        nkeys++;
    }
    for (i = 0; i < naws; i++)
        if (store_auth_aws_put(st, &creds[i]) != STORE_OK) {
            snprintf(err, errn, "cannot store aws[%zu]", i);
            goto out;
        }
    for (i = 0; i < noci; i++)
        if (store_auth_oci_put(st, keys[i].tenancy, keys[i].user, keys[i].fingerprint,
                               keys[i].pem) != STORE_OK) {
            snprintf(err, errn, "cannot store oci[%zu]", i);
            goto out;
        }
    rc = 0;
out:
    for (i = 0; i < nkeys; i++)
        free(keys[i].pem);
    free(keys);
    free(creds);
    return rc;
}

int auth_config_load(struct store *st, const char *path, const char *default_account, char *err,
                     size_t errn)
{
    json_error_t je;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
    char why[512];
    int rc;

    if (!root) {
        snprintf(err, errn, "--auth-config %s: %s (line %d)", path, je.text, je.line);
        return -1;
    }
    rc = load(root, st, path, default_account, why, sizeof(why));
    json_decref(root);
    if (rc)
        snprintf(err, errn, "--auth-config %s: %s", path, why);
    return rc;
}
