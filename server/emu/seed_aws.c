/* seed_aws.c - the "aws" member of a seed: accounts with their access keys, KMS keys (aliases,
 * states) and S3 buckets (default encryption), created through the KMS and S3 handlers. */
#include "seed_int.h"

#include "storage/store_auth.h"
#include "storage/store_emu.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The headers of a request signed (in form only) by account for service in region. */
struct aws_headers {
    char auth[256];
    char target[96];
    char md5[96];
    const char *list[5];
};

static void aws_headers(struct aws_headers *h, const char *account, const char *region,
                        const char *service, const char *target, const char *body_md5)
{
    size_t n = 0;

    memset(h, 0, sizeof(*h));
    snprintf(h->auth, sizeof(h->auth),
             "Authorization: AWS4-HMAC-SHA256 Credential=%s/20250101/%s/%s/aws4_request, "
             "SignedHeaders=host, Signature=00",
             account, region, service);
    h->list[n++] = h->auth;
    if (target) {
        snprintf(h->target, sizeof(h->target), "X-Amz-Target: TrentService.%s", target);
        h->list[n++] = h->target;
        h->list[n++] = "Content-Type: application/x-amz-json-1.1";
    }
    if (body_md5) {
        snprintf(h->md5, sizeof(h->md5), "Content-MD5: %s", body_md5);
        h->list[n++] = h->md5;
    }
    h->list[n] = NULL;
}

static int all_of(const char *s, const char *set, size_t min, size_t max)
{
    size_t n = strlen(s);

    return n >= min && n <= max && strspn(s, set) == n;
}

static int is_key_id(const char *s)
{
    static const char hex[] = "0123456789abcdef";

    if (!strncmp(s, "mrk-", 4))
        return all_of(s + 4, hex, 32, 32);
    if (strlen(s) != 36)
        return 0;
    for (size_t i = 0; i < 36; i++) {
        int dash = i == 8 || i == 13 || i == 18 || i == 23;

        if (dash ? s[i] != '-' : !strchr(hex, s[i]) || !s[i])
            return 0;
    }
    return 1;
}

/* Runs a KMS operation as account in region; *out gets the JSON answer (may be NULL). */
static int kms_call(struct seed_loader *ld, const char *path, const char *op, const char *idkey,
                    const char *account, const char *region, json_t *body, json_t **out, int defer)
{
    struct aws_headers h;
    char *text = json_dumps(body, JSON_COMPACT);
    int rc;

    json_decref(body);
    if (!text)
        return seed_fail(ld, path, "out of memory");
    aws_headers(&h, account, region, "kms", op, NULL);
    rc = defer ? seed_defer(ld, path, op, idkey, "POST", "/", h.list, text)
               : seed_call(ld, path, op, idkey, "POST", "/", h.list, text, out);
    free(text);
    return rc;
}

static int load_access_key(struct seed_loader *ld, const json_t *k, const char *path,
                           const char *account)
{
    static const char *const members[] = { "accessKeyId", "secretAccessKey", NULL };
    const char *id = NULL;
    const char *secret = NULL;
    char sub[SEED_PATH_MAX];
    struct store_aws_credential cred;

    if (seed_object(ld, k, path, members) || seed_str(ld, k, path, "accessKeyId", 1, &id) ||
        seed_str(ld, k, path, "secretAccessKey", 1, &secret))
        return -1;
    seed_path_member(sub, sizeof(sub), path, "accessKeyId");
    if (!all_of(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 16, 128))
        return seed_fail(ld, sub, "\"%s\" is not an access key id (16 to 128 of A-Z, 0-9)", id);
    if (store_auth_aws_get(ld->st, id, &cred) == STORE_OK)
        return seed_fail(ld, sub, "the access key id \"%s\" is declared twice", id);
    if (strlen(secret) > STORE_AWS_SECRET_MAX)
        return seed_fail(ld, path, "the secret access key is longer than %d characters",
                         STORE_AWS_SECRET_MAX);
    snprintf(cred.access_key_id, sizeof(cred.access_key_id), "%s", id);
    snprintf(cred.secret, sizeof(cred.secret), "%s", secret);
    snprintf(cred.account, sizeof(cred.account), "%s", account);
    if (store_auth_aws_put(ld->st, &cred) != STORE_OK)
        return seed_fail(ld, sub, "cannot store the access key");
    return 0;
}

static int load_kms_key(struct seed_loader *ld, const json_t *k, const char *path,
                        const char *account, size_t index)
{
    static const char *const members[] = { "name",    "id",       "region",      "description",
                                           "keySpec", "keyUsage", "multiRegion", "aliases",
                                           "state",   "tags",     NULL };
    static const char *const states[] = { "Enabled", "Disabled", "PendingDeletion", NULL };
    const char *name = NULL, *id = NULL, *desc = NULL, *spec = NULL, *usage = NULL;
    const char *state = "Enabled";
    const char *region = ld->cfg.region;
    int multi = 0;
    json_t *aliases = NULL, *tags, *body, *reply = NULL, *alias;
    char idkey[3 * SEED_ID_MAX];
    char key_id[SEED_ID_MAX];
    char arn[2 * SEED_ID_MAX];
    char sub[SEED_PATH_MAX];
    size_t i;

    if (seed_object(ld, k, path, members) || seed_str(ld, k, path, "name", 0, &name) ||
        seed_str(ld, k, path, "id", 0, &id) || seed_str(ld, k, path, "region", 0, &region) ||
        seed_str_max(ld, k, path, "description", 0, SEED_TEXT_MAX, &desc) ||
        seed_str(ld, k, path, "keySpec", 0, &spec) ||
        seed_str(ld, k, path, "keyUsage", 0, &usage) ||
        seed_bool(ld, k, path, "multiRegion", &multi) ||
        seed_array(ld, k, path, "aliases", &aliases) ||
        seed_enum(ld, k, path, "state", states, &state))
        return -1;
    tags = json_object_get(k, "tags");
    seed_path_member(sub, sizeof(sub), path, "tags");
    if (tags && !json_is_object(tags))
        return seed_fail(ld, sub, "must be an object of tag keys and values");
    seed_path_member(sub, sizeof(sub), path, "id");
    if (id && (!is_key_id(id) || (multi != !strncmp(id, "mrk-", 4))))
        return seed_fail(ld, sub, "\"%s\" is not a %s key id", id,
                         multi ? "multi-Region (mrk- and 32 hex digits)" : "lowercase uuid");
    if (name)
        snprintf(idkey, sizeof(idkey), "aws/%s/kms/%s", account, name);
    else if (id)
        snprintf(idkey, sizeof(idkey), "aws/%s/kms/id/%s", account, id);
    else
        snprintf(idkey, sizeof(idkey), "aws/%s/kms/%zu", account, index);

    body = json_object();
    if (desc)
        json_object_set_new(body, "Description", json_string(desc));
    if (spec)
        json_object_set_new(body, "KeySpec", json_string(spec));
    if (usage)
        json_object_set_new(body, "KeyUsage", json_string(usage));
    if (multi)
        json_object_set_new(body, "MultiRegion", json_true());
    if (tags) {
        json_t *list = json_array();
        const char *tk;
        json_t *tv;

        json_object_foreach(tags, tk, tv)
        {
            if (!json_is_string(tv)) {
                json_decref(list);
                json_decref(body);
                return seed_fail(ld, sub, "tag values must be strings");
            }
            json_array_append_new(list, json_pack("{s:s, s:O}", "TagKey", tk, "TagValue", tv));
        }
        json_object_set_new(body, "Tags", list);
    }
    if (kms_call(ld, path, "CreateKey", idkey, account, region, body, &reply, 0))
        return -1;
    snprintf(key_id, sizeof(key_id), "%s",
             json_string_value(json_object_get(json_object_get(reply, "KeyMetadata"), "KeyId")));
    json_decref(reply);
    if (id) {
        int rc = store_emu_rename(ld->st, EMU_RENAME_AWS_KMS_KEY, key_id, id);

        seed_path_member(sub, sizeof(sub), path, "id");
        if (rc == STORE_EXISTS)
            return seed_fail(ld, sub, "the key id \"%s\" is used twice", id);
        if (rc)
            return seed_fail(ld, sub, "cannot give the key the id \"%s\"", id);
        snprintf(key_id, sizeof(key_id), "%s", id);
    }
    snprintf(arn, sizeof(arn), "arn:aws:kms:%s:%s:key/%s", region, account, key_id);
    if (name &&
        seed_name_put(ld, path, "aws-kms-key", account, name,
                      json_pack("{s:s, s:s, s:s}", "id", key_id, "arn", arn, "region", region)))
        return -1;
    json_array_foreach(aliases, i, alias)
    {
        char apath[SEED_PATH_MAX];
        char aname[SEED_ID_MAX + 8];
        char akey[5 * SEED_ID_MAX];

        seed_path_member(sub, sizeof(sub), path, "aliases");
        seed_path_index(apath, sizeof(apath), sub, i);
        if (!json_is_string(alias) || !json_string_length(alias) ||
            json_string_length(alias) >= SEED_ID_MAX)
            return seed_fail(ld, apath, "an alias must be a string such as \"alias/my-key\"");
        /* "app" and "alias/app" name the same alias */
        snprintf(aname, sizeof(aname), "%s%s",
                 strncmp(json_string_value(alias), "alias/", 6) ? "alias/" : "",
                 json_string_value(alias));
        snprintf(akey, sizeof(akey), "%s/%s", idkey, aname);
        if (kms_call(ld, apath, "CreateAlias", akey, account, region,
                     json_pack("{s:s, s:s}", "AliasName", aname, "TargetKeyId", key_id), NULL, 0))
            return -1;
    }
    if (!strcmp(state, "Disabled"))
        return kms_call(ld, path, "DisableKey", idkey, account, region,
                        json_pack("{s:s}", "KeyId", key_id), NULL, 1);
    if (!strcmp(state, "PendingDeletion"))
        return kms_call(ld, path, "ScheduleKeyDeletion", idkey, account, region,
                        json_pack("{s:s, s:i}", "KeyId", key_id, "PendingWindowInDays", 30), NULL,
                        1);
    return 0;
}

/* A bucket's kmsKey: a key name of the account (its ARN), else an alias, ARN or key id as is. */
static int resolve_kms_key(struct seed_loader *ld, const char *path, const char *account,
                           const char *ref, char *out, size_t n)
{
    json_t *named = seed_name_get(ld, "aws-kms-key", account, ref);

    if (named)
        snprintf(out, n, "%s", seed_info(named, "arn"));
    else if (!strncmp(ref, "alias/", 6) || !strncmp(ref, "arn:", 4) || is_key_id(ref))
        snprintf(out, n, "%s", ref);
    else
        return seed_fail(ld, path,
                         "unknown KMS key \"%s\": no key of that name in account %s (use a key "
                         "name, alias/..., a key ARN or a key id)",
                         ref, account);
    return 0;
}

static void xml_escape(const char *in, char *out, size_t n)
{
    size_t o = 0;

    for (; *in && o + 7 < n; in++) {
        const char *e = *in == '&' ? "&amp;" : *in == '<' ? "&lt;" : *in == '>' ? "&gt;" : NULL;

        if (e)
            o += (size_t)snprintf(out + o, n - o, "%s", e);
        else
            out[o++] = *in;
    }
    out[o] = '\0';
}

static int put_encryption(struct seed_loader *ld, const json_t *enc, const char *path,
                          const char *account, const char *bucket, const char *region,
                          const char *idkey)
{
    static const char *const members[] = { "algorithm", "kmsKey", "bucketKeyEnabled", NULL };
    static const char *const algorithms[] = { "AES256", "aws:kms", "aws:kms:dsse", NULL };
    const char *alg = NULL, *key = NULL;
    int bke = -1;
    char keyref[2 * SEED_ID_MAX];
    char esc[4 * SEED_ID_MAX];
    char keyxml[5 * SEED_ID_MAX] = "";
    char body[8 * SEED_ID_MAX];
    char target[SEED_ID_MAX + 16];
    char sub[SEED_PATH_MAX];
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned mdlen = 0;
    char md5[64];
    struct aws_headers h;

    if (seed_object(ld, enc, path, members) || seed_str(ld, enc, path, "algorithm", 1, &alg) ||
        seed_enum(ld, enc, path, "algorithm", algorithms, &alg) ||
        seed_str(ld, enc, path, "kmsKey", 0, &key) ||
        seed_bool(ld, enc, path, "bucketKeyEnabled", &bke))
        return -1;
    if (key) {
        seed_path_member(sub, sizeof(sub), path, "kmsKey");
        if (resolve_kms_key(ld, sub, account, key, keyref, sizeof(keyref)))
            return -1;
        xml_escape(keyref, esc, sizeof(esc));
        snprintf(keyxml, sizeof(keyxml), "<KMSMasterKeyID>%s</KMSMasterKeyID>", esc);
    }
    snprintf(body, sizeof(body),
             "<ServerSideEncryptionConfiguration "
             "xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule>"
             "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>%s</SSEAlgorithm>%s"
             "</ApplyServerSideEncryptionByDefault>%s</Rule></ServerSideEncryptionConfiguration>",
             alg, keyxml,
             bke < 0 ? ""
             : bke   ? "<BucketKeyEnabled>true</BucketKeyEnabled>"
                     : "<BucketKeyEnabled>false</BucketKeyEnabled>");
    EVP_Digest(body, strlen(body), md, &mdlen, EVP_md5(), NULL);
    EVP_EncodeBlock((unsigned char *)md5, md, (int)mdlen);
    aws_headers(&h, account, region, "s3", NULL, md5);
    snprintf(target, sizeof(target), "/%s?encryption", bucket);
    return seed_call(ld, path, "PutBucketEncryption", idkey, "PUT", target, h.list, body, NULL);
}

static int load_bucket(struct seed_loader *ld, const json_t *b, const char *path,
                       const char *account)
{
    static const char *const members[] = { "name", "region", "encryption", NULL };
    const char *name = NULL;
    const char *region = ld->cfg.region;
    const json_t *enc;
    char body[256] = "";
    char target[SEED_ID_MAX + 2];
    char idkey[2 * SEED_ID_MAX];
    char sub[SEED_PATH_MAX];
    struct aws_headers h;

    if (seed_object(ld, b, path, members) || seed_str(ld, b, path, "name", 1, &name) ||
        seed_str(ld, b, path, "region", 0, &region))
        return -1;
    if (strcmp(region, "us-east-1"))
        snprintf(body, sizeof(body),
                 "<CreateBucketConfiguration><LocationConstraint>%.64s</LocationConstraint>"
                 "</CreateBucketConfiguration>",
                 region);
    aws_headers(&h, account, region, "s3", NULL, NULL);
    snprintf(target, sizeof(target), "/%s", name);
    snprintf(idkey, sizeof(idkey), "aws/s3/%s", name);
    if (seed_call(ld, path, "CreateBucket", idkey, "PUT", target, h.list, body[0] ? body : NULL,
                  NULL))
        return -1;
    enc = json_object_get(b, "encryption");
    seed_path_member(sub, sizeof(sub), path, "encryption");
    return enc && !json_is_null(enc) ? put_encryption(ld, enc, sub, account, name, region, idkey)
                                     : 0;
}

/* Walks an optional array member, calling fn for each element with its path. */
static int each(struct seed_loader *ld, const json_t *obj, const char *path, const char *name,
                const char *account,
                int (*fn)(struct seed_loader *, const json_t *, const char *, const char *, size_t))
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
        if (fn(ld, v, sub, account, i))
            return -1;
    }
    return 0;
}

static int access_key_fn(struct seed_loader *ld, const json_t *v, const char *path,
                         const char *account, size_t i)
{
    (void)i;
    return load_access_key(ld, v, path, account);
}

static int bucket_fn(struct seed_loader *ld, const json_t *v, const char *path, const char *account,
                     size_t i)
{
    (void)i;
    return load_bucket(ld, v, path, account);
}

static int load_account(struct seed_loader *ld, const json_t *a, const char *path)
{
    static const char *const members[] = { "id", "name", "accessKeys", "kmsKeys", "buckets", NULL };
    const char *id = NULL;
    const char *name = NULL;
    char sub[SEED_PATH_MAX];

    if (seed_object(ld, a, path, members) || seed_str(ld, a, path, "id", 1, &id) ||
        seed_str(ld, a, path, "name", 0, &name))
        return -1;
    seed_path_member(sub, sizeof(sub), path, "id");
    if (!all_of(id, "0123456789", 12, 12))
        return seed_fail(ld, sub, "\"%s\" is not an AWS account id (12 digits)", id);
    if (seed_name_put(ld, sub, "aws-account", "", id, json_pack("{s:s?}", "name", name)))
        return -1;
    return each(ld, a, path, "accessKeys", id, access_key_fn) ||
                   each(ld, a, path, "kmsKeys", id, load_kms_key) ||
                   each(ld, a, path, "buckets", id, bucket_fn)
               ? -1
               : 0;
}

int seed_aws_load(struct seed_loader *ld, const json_t *aws, const char *path)
{
    static const char *const members[] = { "accounts", NULL };
    json_t *accounts = NULL;
    json_t *a;
    char apath[SEED_PATH_MAX];
    char sub[SEED_PATH_MAX];
    size_t i;

    if (seed_object(ld, aws, path, members) || seed_array(ld, aws, path, "accounts", &accounts))
        return -1;
    seed_path_member(apath, sizeof(apath), path, "accounts");
    json_array_foreach(accounts, i, a)
    {
        seed_path_index(sub, sizeof(sub), apath, i);
        if (load_account(ld, a, sub))
            return -1;
    }
    return 0;
}
