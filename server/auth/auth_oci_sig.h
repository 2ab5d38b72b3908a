/* auth_oci_sig.h - OCI request signatures (draft-cavage-http-signatures, "Signature Version 1",
 * rsa-sha256), pure: the Authorization parse, the signing string, and the check against a given
 * RSA public key with OpenSSL (PKCS#1 v1.5, SHA-256). */
#ifndef CMKEMU_AUTH_OCI_SIG_H
#define CMKEMU_AUTH_OCI_SIG_H

#include "../buf.h"
#include "../req.h"

#include <openssl/evp.h>
#include <stddef.h>

struct oci_sig {
    char version[16];  /* "" when absent */
    char key_id[800];  /* tenancy/user/fingerprint */
    char tenancy[256]; /* the three parts of key_id */
    char user[256];
    char fingerprint[256];
    char algorithm[32];   /* "rsa-sha256" */
    char headers[1024];   /* space-separated names, as sent; "date" when absent */
    char signature[1024]; /* base64 */
};

/* Parses `Signature version="1",keyId="...",algorithm="...",headers="...",signature="..."` with
 * the parameters in any order. Returns 0, or -1 when the scheme is not Signature, a parameter
 * is malformed, or keyId or signature is missing or keyId is not three '/'-separated parts. */
int oci_sig_parse(const char *authorization, struct oci_sig *s);
/* 1 when the space-separated list holds name (any case). */
int oci_sig_lists(const char *headers, const char *name);
/* Appends the signing string for the header list: "name: value" lines (lower-case names), with
 * (request-target) = lower(method) + " " + raw_path + ("?" + raw_query when not empty). Returns
 * 0, -1 out of memory, or 1 when a listed header is absent from the request (*missing names
 * it, pointing into headers; its length in *missing_len). */
int oci_sig_signing_string(const char *headers, const char *method, const char *raw_path,
                           const char *raw_query, const struct kv *hdr, size_t nhdr,
                           struct buf *out, const char **missing, size_t *missing_len);
/* The RSA public key of a PEM (SubjectPublicKeyInfo "PUBLIC KEY" or PKCS#1 "RSA PUBLIC KEY"),
 * or NULL. The caller EVP_PKEY_free()s it. */
EVP_PKEY *oci_sig_public_key(const char *pem);
/* 1 when sig_b64 is the RSA-SHA256 (PKCS#1 v1.5) signature of data by key, else 0. */
int oci_sig_verify(EVP_PKEY *key, const char *data, size_t len, const char *sig_b64);
/* base64(SHA-256(p[0..n))) into out (45 bytes), as x-content-sha256. */
void oci_sig_body_sha256(const void *p, size_t n, char out[45]);

#endif
