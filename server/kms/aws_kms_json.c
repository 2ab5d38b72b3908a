/* aws_kms_json.c - JSON 1.1 request members, the 200 answer, dates and the KeyMetadata
 * rendering the key operations share. No storage. */
#include "aws_kms_handlers.h"

#include <string.h>

int aws_kms_body(const struct req *rq, struct resp *rs, json_t **out)
{
    json_t *j;

    *out = NULL;
    if (rq->body_len == 0) {
        *out = json_object();
        return *out ? 0 : aws_kms_fail(rs, AWS_KMS_ERR_INTERNAL, NULL);
    }
    j = json_loadb(rq->body, rq->body_len, JSON_REJECT_DUPLICATES, NULL);
    if (!j || !json_is_object(j)) {
        json_decref(j);
        /* CHOICE: malformed JSON or a non-object body answers SerializationException. */
        return aws_kms_fail(rs, AWS_KMS_ERR_SERIALIZATION, NULL);
    }
    *out = j;
    return 0;
}

int aws_kms_opt_string(json_t *body, const char *name, struct resp *rs, const char **out)
{
    json_t *v = json_object_get(body, name);

    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return aws_kms_fail(rs, AWS_KMS_ERR_SERIALIZATION, NULL);
    *out = json_string_value(v);
    return 0;
}

int aws_kms_req_string(json_t *body, const char *name, const char *field, struct resp *rs,
                       const char **out)
{
    int e = aws_kms_opt_string(body, name, rs, out);

    if (e)
        return e;
    if (!*out)
        return aws_kms_fail(rs, AWS_KMS_ERR_MISSING, field);
    return 0;
}

int aws_kms_opt_int(json_t *body, const char *name, struct resp *rs, json_int_t *out, int *present)
{
    json_t *v = json_object_get(body, name);

    *present = 0;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_integer(v))
        return aws_kms_fail(rs, AWS_KMS_ERR_SERIALIZATION, NULL);
    *out = json_integer_value(v);
    *present = 1;
    return 0;
}

int aws_kms_reply(struct resp *rs, json_t *body)
{
    resp_status(rs, 200);
    resp_header(rs, "Content-Type", "application/x-amz-json-1.1");
    if (body) {
        /* 13 significant digits keep the milliseconds of an epoch-seconds date */
        char *s = json_dumps(body, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(13));

        if (s)
            resp_body_take(rs, s, strlen(s));
        json_decref(body);
    }
    return 0;
}

json_t *aws_kms_date(int64_t ms)
{
    return json_real((double)ms / 1000.0);
}

static json_t *string_array(const char *const *v)
{
    json_t *a = json_array();

    for (size_t i = 0; v[i]; i++)
        json_array_append_new(a, json_string(v[i]));
    return a;
}

/* The algorithm list member and its values for the key's spec and usage, or NULL. */
static const char *algorithms(const struct aws_kms_key_row *k, const char *const **out)
{
    static const char *const sym[] = { "SYMMETRIC_DEFAULT", NULL };
    static const char *const rsa_enc[] = { "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256", NULL };
    static const char *const rsa_sig[] = { "RSASSA_PKCS1_V1_5_SHA_256",
                                           "RSASSA_PKCS1_V1_5_SHA_384",
                                           "RSASSA_PKCS1_V1_5_SHA_512",
                                           "RSASSA_PSS_SHA_256",
                                           "RSASSA_PSS_SHA_384",
                                           "RSASSA_PSS_SHA_512",
                                           NULL };
    static const char *const ec256[] = { "ECDSA_SHA_256", NULL };
    static const char *const ec384[] = { "ECDSA_SHA_384", NULL };
    static const char *const ec521[] = { "ECDSA_SHA_512", NULL };
    static const char *const ecdh[] = { "ECDH", NULL };
    static const char *const sm2_enc[] = { "SM2PKE", NULL };
    static const char *const sm2_sig[] = { "SM2DSA", NULL };
    static const char *const h224[] = { "HMAC_SHA_224", NULL };
    static const char *const h256[] = { "HMAC_SHA_256", NULL };
    static const char *const h384[] = { "HMAC_SHA_384", NULL };
    static const char *const h512[] = { "HMAC_SHA_512", NULL };
    const char *spec = k->key_spec;
    const char *use = k->key_usage;

    if (!strcmp(use, "KEY_AGREEMENT")) {
        *out = ecdh;
        return "KeyAgreementAlgorithms";
    }
    if (!strcmp(use, "GENERATE_VERIFY_MAC")) {
        *out = !strcmp(spec, "HMAC_224")   ? h224
               : !strcmp(spec, "HMAC_256") ? h256
               : !strcmp(spec, "HMAC_384") ? h384
                                           : h512;
        return "MacAlgorithms";
    }
    if (!strcmp(use, "ENCRYPT_DECRYPT")) {
        *out = !strcmp(spec, "SYMMETRIC_DEFAULT") ? sym : !strcmp(spec, "SM2") ? sm2_enc : rsa_enc;
        return "EncryptionAlgorithms";
    }
    if (!strcmp(use, "SIGN_VERIFY")) {
        if (!strncmp(spec, "RSA_", 4))
            *out = rsa_sig;
        else if (!strcmp(spec, "SM2"))
            *out = sm2_sig;
        else if (!strcmp(spec, "ECC_NIST_P384"))
            *out = ec384;
        else if (!strcmp(spec, "ECC_NIST_P521"))
            *out = ec521;
        else
            *out = ec256;
        return "SigningAlgorithms";
    }
    return NULL;
}

json_t *aws_kms_key_metadata(const struct aws_kms_key_row *k)
{
    json_t *m = json_object();
    const char *const *algs = NULL;
    const char *member = algorithms(k, &algs);

    json_object_set_new(m, "AWSAccountId", json_string(k->account));
    json_object_set_new(m, "KeyId", json_string(k->key_id));
    json_object_set_new(m, "Arn", json_string(k->arn));
    json_object_set_new(m, "CreationDate", aws_kms_date(k->created_ms));
    json_object_set_new(m, "Enabled", json_boolean(!strcmp(k->key_state, "Enabled")));
    json_object_set_new(m, "Description", json_string(k->description));
    json_object_set_new(m, "KeyUsage", json_string(k->key_usage));
    json_object_set_new(m, "KeyState", json_string(k->key_state));
    if (k->deletion_ms)
        json_object_set_new(m, "DeletionDate", aws_kms_date(k->deletion_ms));
    json_object_set_new(m, "Origin", json_string(k->origin));
    json_object_set_new(m, "KeyManager", json_string(k->key_manager));
    json_object_set_new(m, "CustomerMasterKeySpec", json_string(k->key_spec));
    json_object_set_new(m, "KeySpec", json_string(k->key_spec));
    if (member)
        json_object_set_new(m, member, string_array(algs));
    json_object_set_new(m, "MultiRegion", json_boolean(k->multi_region));
    if (k->multi_region)
        json_object_set_new(m, "MultiRegionConfiguration",
                            json_pack("{s:s, s:{s:s, s:s}, s:[]}", "MultiRegionKeyType", "PRIMARY",
                                      "PrimaryKey", "Arn", k->arn, "Region", k->region,
                                      "ReplicaKeys"));
    return m;
}
