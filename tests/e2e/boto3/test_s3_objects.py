"""S3 objects with boto3: PutObject, GetObject, HeadObject, DeleteObject, CopyObject,
ListObjectsV2, and how objects take the bucket default encryption or the request's, with the
KMS key checked on write and on read (KMS keys made with the boto3 kms client)."""
import hashlib
import os
import unittest

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

import s3e2e
from s3e2e import client, name

REGION = "us-east-1"
ACCOUNT = "000000000000"
ILLEGAL_COPY = ("This copy request is illegal because it is trying to copy an object to itself without "
                "changing the object's metadata, storage class, website redirect location or encryption "
                "attributes.")


def kms(region=REGION):
    return boto3.client("kms", endpoint_url=s3e2e.URL, region_name=region,
                        config=Config(retries={"max_attempts": 1}))


def rule(alg, key=None, bke=None):
    r = {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": alg}}
    if key is not None:
        r["ApplyServerSideEncryptionByDefault"]["KMSMasterKeyID"] = key
    if bke is not None:
        r["BucketKeyEnabled"] = bke
    return r


class Base(unittest.TestCase):
    def setUp(self):
        self.s3 = client()
        self.kms = kms()
        self.b = name("obj")
        self.s3.create_bucket(Bucket=self.b)

    def default(self, *rules):
        self.s3.put_bucket_encryption(Bucket=self.b, ServerSideEncryptionConfiguration={"Rules": list(rules)})

    def key(self, **kw):
        return self.kms.create_key(Description="s3 objects e2e", **kw)["KeyMetadata"]

    def assertError(self, fn, status, code, message=None, **extra):
        with self.assertRaises(ClientError) as cm:
            fn()
        r = cm.exception.response
        self.assertEqual(r["ResponseMetadata"]["HTTPStatusCode"], status)
        self.assertEqual(r["Error"]["Code"], code)
        if message is not None:
            self.assertEqual(r["Error"]["Message"], message)
        for k, v in extra.items():
            self.assertEqual(r["Error"].get(k), v, k)
        return r

    def sse(self, r):
        """The encryption fields of a Put/Get/Head/Copy answer."""
        return {k: r[k] for k in ("ServerSideEncryption", "SSEKMSKeyId", "BucketKeyEnabled") if k in r}


class Objects(Base):
    def test_put_get_head_round_trip(self):
        body = b"hello objects\n"
        md5 = hashlib.md5(body).hexdigest()
        put = self.s3.put_object(Bucket=self.b, Key="dir/a.txt", Body=body, ContentType="text/plain",
                                 Metadata={"Color": "blue", "n": "1"})
        self.assertEqual(put["ResponseMetadata"]["HTTPStatusCode"], 200)
        self.assertEqual(put["ETag"], f'"{md5}"')
        self.assertEqual(self.sse(put), {"ServerSideEncryption": "AES256"})
        got = self.s3.get_object(Bucket=self.b, Key="dir/a.txt")
        self.assertEqual(got["Body"].read(), body)
        self.assertEqual(got["ContentLength"], len(body))
        self.assertEqual(got["ContentType"], "text/plain")
        self.assertEqual(got["ETag"], f'"{md5}"')
        self.assertEqual(got["Metadata"], {"color": "blue", "n": "1"})
        self.assertEqual(self.sse(got), {"ServerSideEncryption": "AES256"})
        self.assertRegex(got["ResponseMetadata"]["HTTPHeaders"]["last-modified"],
                         r"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$")
        head = self.s3.head_object(Bucket=self.b, Key="dir/a.txt")
        self.assertEqual(head["ContentLength"], len(body))
        self.assertEqual(head["LastModified"], got["LastModified"])
        self.assertEqual(head["Metadata"], {"color": "blue", "n": "1"})
        self.assertEqual(self.sse(head), {"ServerSideEncryption": "AES256"})

    def test_default_content_type_and_empty_object(self):
        self.s3.put_object(Bucket=self.b, Key="empty", Body=b"")
        got = self.s3.get_object(Bucket=self.b, Key="empty")
        self.assertEqual(got["ContentType"], "binary/octet-stream")
        self.assertEqual(got["ContentLength"], 0)
        self.assertEqual(got["ETag"], '"d41d8cd98f00b204e9800998ecf8427e"')

    def test_binary_body_and_range(self):
        body = bytes(range(256)) * 4
        self.s3.put_object(Bucket=self.b, Key="bin", Body=body)
        self.assertEqual(self.s3.get_object(Bucket=self.b, Key="bin")["Body"].read(), body)
        r = self.s3.get_object(Bucket=self.b, Key="bin", Range="bytes=10-19")
        self.assertEqual(r["ResponseMetadata"]["HTTPStatusCode"], 206)
        self.assertEqual(r["ContentRange"], "bytes 10-19/1024")
        self.assertEqual(r["Body"].read(), body[10:20])
        self.assertError(lambda: self.s3.get_object(Bucket=self.b, Key="bin", Range="bytes=5000-"), 416,
                         "InvalidRange", "The requested range is not satisfiable",
                         RangeRequested="bytes=5000-", ActualObjectSize="1024")

    def test_no_such_key(self):
        r = self.assertError(lambda: self.s3.get_object(Bucket=self.b, Key="missing/key"), 404, "NoSuchKey",
                             "The specified key does not exist.", Key="missing/key")
        self.assertRegex(r["ResponseMetadata"]["RequestId"], r"^[A-Z0-9]{16}$")
        self.assertError(lambda: self.s3.head_object(Bucket=self.b, Key="missing/key"), 404, "404", "Not Found")
        self.assertError(lambda: self.s3.get_object(Bucket=name("nobucket"), Key="k"), 404, "NoSuchBucket",
                         "The specified bucket does not exist")

    def test_delete_idempotent_and_bucket_not_empty(self):
        self.s3.put_object(Bucket=self.b, Key="k", Body=b"x")
        self.assertError(lambda: self.s3.delete_bucket(Bucket=self.b), 409, "BucketNotEmpty",
                         "The bucket you tried to delete is not empty", BucketName=self.b)
        for _ in range(2):
            r = self.s3.delete_object(Bucket=self.b, Key="k")
            self.assertEqual(r["ResponseMetadata"]["HTTPStatusCode"], 204)
        self.assertError(lambda: self.s3.head_object(Bucket=self.b, Key="k"), 404, "404")
        self.assertEqual(self.s3.delete_bucket(Bucket=self.b)["ResponseMetadata"]["HTTPStatusCode"], 204)

    def test_overwrite(self):
        self.s3.put_object(Bucket=self.b, Key="k", Body=b"one")
        self.s3.put_object(Bucket=self.b, Key="k", Body=b"second")
        self.assertEqual(self.s3.get_object(Bucket=self.b, Key="k")["Body"].read(), b"second")

    def test_entity_too_large(self):
        big = b"x" * (8 * 1024 * 1024 + 1)
        self.assertError(lambda: self.s3.put_object(Bucket=self.b, Key="big", Body=big), 400, "EntityTooLarge",
                         "Your proposed upload exceeds the maximum allowed size",
                         ProposedSize=str(len(big)), MaxSizeAllowed=str(8 * 1024 * 1024))

    def test_metadata_too_large_and_key_too_long(self):
        self.assertError(lambda: self.s3.put_object(Bucket=self.b, Key="m", Body=b"", Metadata={"a": "x" * 2048}),
                         400, "MetadataTooLarge", "Your metadata headers exceed the maximum allowed metadata size",
                         Size="2049", MaxSizeAllowed="2048")
        self.assertError(lambda: self.s3.put_object(Bucket=self.b, Key="k" * 1025, Body=b""), 400,
                         "KeyTooLongError", "Your key is too long", Size="1025", MaxSizeAllowed="1024")

    def test_content_md5_checked(self):
        self.assertError(lambda: self.s3.put_object(Bucket=self.b, Key="k", Body=b"abc",
                                                    ContentMD5="1B2M2Y8AsgTpgAmY7PhCfg=="), 400, "BadDigest",
                         "The Content-MD5 you specified did not match what we received.")

    def test_checksum_round_trip(self):
        put = self.s3.put_object(Bucket=self.b, Key="c", Body=b"abc", ChecksumAlgorithm="SHA256")
        self.assertEqual(put["ChecksumSHA256"], "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
        got = self.s3.get_object(Bucket=self.b, Key="c", ChecksumMode="ENABLED")
        self.assertEqual(got["ChecksumSHA256"], "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
        self.assertEqual(got["Body"].read(), b"abc")


class Listing(Base):
    def setUp(self):
        super().setUp()
        for k in ("a/1", "a/2", "a/b/3", "b/1", "c", "d e+f"):
            self.s3.put_object(Bucket=self.b, Key=k, Body=k.encode())

    def keys(self, r):
        return [c["Key"] for c in r.get("Contents", [])]

    def test_all(self):
        r = self.s3.list_objects_v2(Bucket=self.b)
        self.assertEqual(self.keys(r), ["a/1", "a/2", "a/b/3", "b/1", "c", "d e+f"])
        self.assertEqual(r["KeyCount"], 6)
        self.assertEqual(r["MaxKeys"], 1000)
        self.assertFalse(r["IsTruncated"])
        self.assertEqual(r["Name"], self.b)
        c = r["Contents"][0]
        self.assertEqual(c["Size"], 3)
        self.assertEqual(c["StorageClass"], "STANDARD")
        self.assertEqual(c["ETag"], '"%s"' % hashlib.md5(b"a/1").hexdigest())

    def test_prefix_delimiter(self):
        r = self.s3.list_objects_v2(Bucket=self.b, Delimiter="/")
        self.assertEqual(self.keys(r), ["c", "d e+f"])
        self.assertEqual([p["Prefix"] for p in r["CommonPrefixes"]], ["a/", "b/"])
        self.assertEqual(r["KeyCount"], 4)
        r = self.s3.list_objects_v2(Bucket=self.b, Prefix="a/", Delimiter="/")
        self.assertEqual(self.keys(r), ["a/1", "a/2"])
        self.assertEqual([p["Prefix"] for p in r["CommonPrefixes"]], ["a/b/"])
        self.assertEqual(r["Prefix"], "a/")

    def test_paging(self):
        seen = []
        token = None
        pages = 0
        while True:
            kw = {"ContinuationToken": token} if token else {}
            r = self.s3.list_objects_v2(Bucket=self.b, MaxKeys=2, Delimiter="/", **kw)
            pages += 1
            seen += self.keys(r) + [p["Prefix"] for p in r.get("CommonPrefixes", [])]
            self.assertLessEqual(r["KeyCount"], 2)
            if not r["IsTruncated"]:
                self.assertNotIn("NextContinuationToken", r)
                break
            token = r["NextContinuationToken"]
        self.assertEqual(sorted(seen), ["a/", "b/", "c", "d e+f"])
        self.assertEqual(pages, 2)
        paged = [k for p in self.s3.get_paginator("list_objects_v2").paginate(Bucket=self.b, PaginationConfig={"PageSize": 4})
                 for k in self.keys(p)]
        self.assertEqual(paged, ["a/1", "a/2", "a/b/3", "b/1", "c", "d e+f"])

    def test_start_after_and_errors(self):
        r = self.s3.list_objects_v2(Bucket=self.b, StartAfter="b/1")
        self.assertEqual(self.keys(r), ["c", "d e+f"])
        self.assertEqual(r["StartAfter"], "b/1")
        self.assertError(lambda: self.s3.list_objects_v2(Bucket=self.b, ContinuationToken="zz"), 400,
                         "InvalidArgument", "The continuation token provided is incorrect",
                         ArgumentName="continuation-token")


class DefaultEncryption(Base):
    def test_kms_default_key_id_answered_as_arn(self):
        k = self.key()
        self.default(rule("aws:kms", k["KeyId"], True))
        put = self.s3.put_object(Bucket=self.b, Key="k", Body=b"secret")
        want = {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": k["Arn"], "BucketKeyEnabled": True}
        self.assertEqual(self.sse(put), want)
        self.assertNotEqual(put["ETag"], '"%s"' % hashlib.md5(b"secret").hexdigest())
        self.assertEqual(self.sse(self.s3.head_object(Bucket=self.b, Key="k")), want)
        got = self.s3.get_object(Bucket=self.b, Key="k")
        self.assertEqual(self.sse(got), want)
        self.assertEqual(got["ETag"], put["ETag"])
        self.assertEqual(got["Body"].read(), b"secret")

    def test_kms_without_key_uses_aws_s3(self):
        self.default(rule("aws:kms"))
        put = self.s3.put_object(Bucket=self.b, Key="k", Body=b"x")
        managed = self.kms.describe_key(KeyId="alias/aws/s3")["KeyMetadata"]
        self.assertEqual(managed["KeyManager"], "AWS")
        self.assertEqual(self.sse(put), {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": managed["Arn"]})

    def test_alias_resolves_to_key_arn(self):
        k = self.key()
        alias = f"alias/{name('objalias')}"
        self.kms.create_alias(AliasName=alias, TargetKeyId=k["KeyId"])
        self.default(rule("aws:kms", alias, False))
        put = self.s3.put_object(Bucket=self.b, Key="k", Body=b"x")
        self.assertEqual(self.sse(put), {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": k["Arn"]})

    def test_dsse_answers_key_without_bucket_key(self):
        k = self.key()
        self.default(rule("aws:kms:dsse", k["Arn"], True))
        put = self.s3.put_object(Bucket=self.b, Key="k", Body=b"x")
        self.assertEqual(self.sse(put), {"ServerSideEncryption": "aws:kms:dsse", "SSEKMSKeyId": k["Arn"]})
        self.assertNotIn("x-amz-server-side-encryption-bucket-key-enabled", put["ResponseMetadata"]["HTTPHeaders"])

    def test_aes256_default_never_bucket_key(self):
        self.default(rule("AES256", None, True))
        put = self.s3.put_object(Bucket=self.b, Key="k", Body=b"x")
        self.assertEqual(self.sse(put), {"ServerSideEncryption": "AES256"})

    def test_existing_objects_keep_their_encryption(self):
        self.s3.put_object(Bucket=self.b, Key="before", Body=b"x")
        k = self.key()
        self.default(rule("aws:kms", k["KeyId"], True))
        self.s3.put_object(Bucket=self.b, Key="after", Body=b"x")
        self.assertEqual(self.sse(self.s3.head_object(Bucket=self.b, Key="before")), {"ServerSideEncryption": "AES256"})
        self.s3.delete_bucket_encryption(Bucket=self.b)
        self.assertEqual(self.sse(self.s3.head_object(Bucket=self.b, Key="after"))["SSEKMSKeyId"], k["Arn"])

    def test_request_headers_override_default(self):
        k = self.key()
        self.default(rule("aws:kms", k["KeyId"], True))
        put = self.s3.put_object(Bucket=self.b, Key="aes", Body=b"x", ServerSideEncryption="AES256")
        self.assertEqual(self.sse(put), {"ServerSideEncryption": "AES256"})
        other = self.key()
        put = self.s3.put_object(Bucket=self.b, Key="other", Body=b"x", ServerSideEncryption="aws:kms",
                                 SSEKMSKeyId=other["Arn"], BucketKeyEnabled=False)
        self.assertEqual(self.sse(put), {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": other["Arn"]})

    def test_invalid_header_combinations(self):
        self.assertError(lambda: self.s3.put_object(Bucket=self.b, Key="k", Body=b"", ServerSideEncryption="BOGUS"),
                         400, "InvalidArgument", "The encryption method specified is not supported",
                         ArgumentName="x-amz-server-side-encryption")
        self.assertError(lambda: self.s3.put_object(Bucket=self.b, Key="k", Body=b"", SSEKMSKeyId="abc"), 400,
                         "InvalidArgument", "Server Side Encryption with AWS KMS managed key requires HTTP header "
                         "x-amz-server-side-encryption : aws:kms")
        self.assertError(lambda: self.s3.put_object(Bucket=self.b, Key="k", Body=b"", ServerSideEncryption="AES256",
                                                    SSECustomerAlgorithm="AES256", SSECustomerKey="k" * 32), 400,
                         "InvalidArgument", "Server Side Encryption with Customer provided key is incompatible with "
                         "the encryption method specified", ArgumentName="x-amz-server-side-encryption",
                         ArgumentValue="AES256")

    def test_sse_c_round_trip(self):
        key = "0123456789abcdef0123456789abcdef"
        put = self.s3.put_object(Bucket=self.b, Key="c", Body=b"x", SSECustomerAlgorithm="AES256", SSECustomerKey=key)
        self.assertEqual(put["SSECustomerAlgorithm"], "AES256")
        self.assertNotIn("ServerSideEncryption", put)
        self.assertError(lambda: self.s3.get_object(Bucket=self.b, Key="c"), 400, "InvalidRequest",
                         "The object was stored using a form of Server Side Encryption. The correct parameters must "
                         "be provided to retrieve the object.")
        got = self.s3.get_object(Bucket=self.b, Key="c", SSECustomerAlgorithm="AES256", SSECustomerKey=key)
        self.assertEqual(got["Body"].read(), b"x")
        self.assertEqual(got["SSECustomerKeyMD5"], put["SSECustomerKeyMD5"])


class KmsChecks(Base):
    def setUp(self):
        super().setUp()
        self.put = lambda key_id, k="k": self.s3.put_object(Bucket=self.b, Key=k, Body=b"x",
                                                             ServerSideEncryption="aws:kms", SSEKMSKeyId=key_id)

    def test_not_found_forms(self):
        self.assertError(lambda: self.put("fake-key-id"), 400, "KMS.NotFoundException", "Invalid keyId 'fake-key-id'")
        uid = "1234abcd-12ab-34cd-56ef-1234567890ab"
        arn = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/{uid}"
        self.assertError(lambda: self.put(uid), 400, "KMS.NotFoundException", f"Key '{arn}' does not exist")
        self.assertError(lambda: self.put(arn), 400, "KMS.NotFoundException", f"Key '{arn}' does not exist")
        other = kms("us-west-2").create_key()["KeyMetadata"]
        self.assertError(lambda: self.put(other["Arn"]), 400, "KMS.NotFoundException", "Invalid arn us-west-2")
        self.assertError(lambda: self.put(other["KeyId"]), 400, "KMS.NotFoundException",
                         f"Key 'arn:aws:kms:{REGION}:{ACCOUNT}:key/{other['KeyId']}' does not exist")
        self.assertError(lambda: self.put("alias/no-such-alias-x1"), 400, "KMS.NotFoundException",
                         f"Alias arn:aws:kms:{REGION}:{ACCOUNT}:alias/no-such-alias-x1 is not found.")

    def test_bucket_default_validated_on_write_only(self):
        uid = "0000abcd-12ab-34cd-56ef-1234567890ab"
        self.default(rule("aws:kms", uid, True))  # accepted: never validated here
        self.assertError(lambda: self.s3.put_object(Bucket=self.b, Key="k", Body=b"x"), 400, "KMS.NotFoundException",
                         f"Key 'arn:aws:kms:{REGION}:{ACCOUNT}:key/{uid}' does not exist")
        self.default(rule("aws:kms", "aws/s3"))
        self.assertError(lambda: self.s3.put_object(Bucket=self.b, Key="k", Body=b"x"), 400, "KMS.NotFoundException",
                         "Invalid keyId 'aws/s3'")

    def test_disabled_key_on_write_and_read(self):
        k = self.key()
        self.put(k["KeyId"])
        self.kms.disable_key(KeyId=k["KeyId"])
        msg = f"{k['Arn']} is disabled."
        self.assertError(lambda: self.put(k["KeyId"], "k2"), 400, "KMS.DisabledException", msg)
        self.assertError(lambda: self.s3.get_object(Bucket=self.b, Key="k"), 400, "KMS.DisabledException", msg)
        self.assertError(lambda: self.s3.head_object(Bucket=self.b, Key="k"), 400, "400", "Bad Request")
        self.kms.enable_key(KeyId=k["KeyId"])
        self.assertEqual(self.s3.get_object(Bucket=self.b, Key="k")["Body"].read(), b"x")

    def test_pending_deletion_on_read(self):
        k = self.key()
        self.put(k["Arn"])
        self.kms.schedule_key_deletion(KeyId=k["KeyId"], PendingWindowInDays=7)
        msg = f"{k['Arn']} is pending deletion."
        self.assertError(lambda: self.s3.get_object(Bucket=self.b, Key="k"), 400, "KMS.KMSInvalidStateException", msg)
        self.assertError(lambda: self.put(k["Arn"], "k2"), 400, "KMS.KMSInvalidStateException", msg)

    def test_asymmetric_key_refused(self):
        k = self.key(KeySpec="RSA_2048", KeyUsage="SIGN_VERIFY")
        self.assertError(lambda: self.put(k["KeyId"]), 400, "KMS.InvalidKeyUsageException",
                         f"{k['Arn']} key usage is SIGN_VERIFY which is not valid for GenerateDataKey.")
        k = self.key(KeySpec="RSA_2048", KeyUsage="ENCRYPT_DECRYPT")
        self.assertError(lambda: self.put(k["KeyId"]), 400, "KMS.InvalidKeyUsageException",
                         "Algorithm SYMMETRIC_DEFAULT is incompatible with key spec RSA_2048.")


class Copy(Base):
    def test_copy_result_and_destination_default(self):
        k = self.key()
        self.s3.put_object(Bucket=self.b, Key="src", Body=b"copy me", ServerSideEncryption="aws:kms",
                           SSEKMSKeyId=k["KeyId"], Metadata={"m": "1"})
        dst = name("objdst")
        self.s3.create_bucket(Bucket=dst)
        r = self.s3.copy_object(Bucket=dst, Key="dst", CopySource={"Bucket": self.b, "Key": "src"})
        self.assertEqual(r["CopyObjectResult"]["ETag"], '"%s"' % hashlib.md5(b"copy me").hexdigest())
        self.assertIn("LastModified", r["CopyObjectResult"])
        self.assertEqual(self.sse(r), {"ServerSideEncryption": "AES256"})  # never the source's
        got = self.s3.get_object(Bucket=dst, Key="dst")
        self.assertEqual(got["Body"].read(), b"copy me")
        self.assertEqual(got["Metadata"], {"m": "1"})
        r = self.s3.copy_object(Bucket=dst, Key="dst2", CopySource=f"{self.b}/src", ServerSideEncryption="aws:kms",
                                SSEKMSKeyId=k["Arn"], BucketKeyEnabled=True)
        self.assertEqual(self.sse(r), {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": k["Arn"],
                                       "BucketKeyEnabled": True})

    def test_copy_in_place_rules(self):
        self.s3.put_object(Bucket=self.b, Key="k", Body=b"x")
        self.assertError(lambda: self.s3.copy_object(Bucket=self.b, Key="k", CopySource=f"{self.b}/k"), 400,
                         "InvalidRequest", ILLEGAL_COPY)
        r = self.s3.copy_object(Bucket=self.b, Key="k", CopySource=f"{self.b}/k", MetadataDirective="REPLACE",
                                Metadata={"new": "yes"})
        self.assertEqual(self.s3.head_object(Bucket=self.b, Key="k")["Metadata"], {"new": "yes"})
        self.default(rule("AES256", None, False))
        r = self.s3.copy_object(Bucket=self.b, Key="k", CopySource=f"{self.b}/k")
        self.assertEqual(self.sse(r), {"ServerSideEncryption": "AES256"})

    def test_kms_object_copied_in_place_becomes_aes256(self):
        k = self.key()
        self.s3.put_object(Bucket=self.b, Key="k", Body=b"x", ServerSideEncryption="aws:kms", SSEKMSKeyId=k["KeyId"])
        r = self.s3.copy_object(Bucket=self.b, Key="k", CopySource=f"{self.b}/k")
        self.assertEqual(self.sse(r), {"ServerSideEncryption": "AES256"})

    def test_copy_errors(self):
        self.assertError(lambda: self.s3.copy_object(Bucket=self.b, Key="d", CopySource=f"{self.b}/missing"), 404,
                         "NoSuchKey", "The specified key does not exist.", Key="missing")
        nob = name("nobucket")
        self.assertError(lambda: self.s3.copy_object(Bucket=self.b, Key="d", CopySource=f"{nob}/k"), 404,
                         "NoSuchBucket", "The specified bucket does not exist", BucketName=nob)
        k = self.key()
        self.s3.put_object(Bucket=self.b, Key="src", Body=b"x", ServerSideEncryption="aws:kms", SSEKMSKeyId=k["KeyId"])
        self.kms.disable_key(KeyId=k["KeyId"])
        self.assertError(lambda: self.s3.copy_object(Bucket=self.b, Key="d", CopySource=f"{self.b}/src"), 400,
                         "KMS.DisabledException", f"{k['Arn']} is disabled.")


if __name__ == "__main__":
    unittest.main()
