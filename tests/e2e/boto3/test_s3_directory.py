"""S3 directory buckets (<base>--<zone-id>--x-s3) with boto3: botocore's automatic CreateSession
before every operation on such a bucket (CreateBucket and PutBucketEncryption included), naming
and configuration rules, the directory default-encryption rules (validated against KMS, one
customer managed key per lifetime, bucket keys always on) and objects taking the bucket's key.

Clients with Config(s3={"disable_s3_express_session_auth": True}) are used only where a request
must reach CreateBucket for a name CreateSession refuses (an invalid name answers NoSuchBucket
from CreateSession first, so the CreateBucket error could not be seen otherwise)."""
import http.client
import secrets
import unittest
import urllib.parse

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

import s3e2e
from s3e2e import client

ZONE = "use1-az4"
CONFIG = {"Location": {"Type": "AvailabilityZone", "Name": ZONE},
          "Bucket": {"Type": "Directory", "DataRedundancy": "SingleAvailabilityZone"}}


def dname(zone=ZONE):
    return f"d{secrets.token_hex(5)}--{zone}--x-s3"


def kms():
    return boto3.client("kms", endpoint_url=s3e2e.URL, region_name="us-east-1",
                        config=Config(retries={"max_attempts": 1}))


def kms_rule(key, bke=None):
    r = {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key}}
    if bke is not None:
        r["BucketKeyEnabled"] = bke
    return r


class Base(unittest.TestCase):
    def setUp(self):
        self.s3 = client()
        self.plain = client(disable_s3_express_session_auth=True)
        self.kms = kms()

    def assertError(self, fn, status, code, message=None, **extra):
        with self.assertRaises(ClientError) as cm:
            fn()
        r = cm.exception.response
        self.assertEqual(r["ResponseMetadata"]["HTTPStatusCode"], status, r)
        self.assertEqual(r["Error"]["Code"], code)
        if message is not None:
            self.assertEqual(r["Error"]["Message"], message)
        for k, v in extra.items():
            self.assertEqual(r["Error"].get(k), v, k)
        return r

    def new_bucket(self):
        b = dname()
        self.s3.create_bucket(Bucket=b, CreateBucketConfiguration=CONFIG)
        return b

    def put_default(self, b, *rules):
        return self.s3.put_bucket_encryption(Bucket=b, ServerSideEncryptionConfiguration={"Rules": list(rules)})


class Flow(Base):
    def test_create_use_delete_with_automatic_sessions(self):
        b = dname()
        seen = []
        self.s3.meta.events.register("before-send.s3", lambda request, **kw: seen.append(
            (request.method, request.url.split("?")[-1] if "?" in request.url else "",
             "x-amz-s3session-token" in request.headers)))
        r = self.s3.create_bucket(Bucket=b, CreateBucketConfiguration=CONFIG)
        self.assertEqual(r["Location"], f"/{b}")
        self.assertEqual(r["BucketArn"], f"arn:aws:s3express:us-east-1:000000000000:bucket/{b}")
        # CreateSession first, then CreateBucket signed with the session's token
        self.assertEqual(seen[0][:2], ("GET", "session"))
        self.assertEqual(seen[1], ("PUT", "", True))
        head = self.s3.head_bucket(Bucket=b)
        h = head["ResponseMetadata"]["HTTPHeaders"]
        self.assertEqual(h["x-amz-bucket-location-type"], "AvailabilityZone")
        self.assertEqual(h["x-amz-bucket-location-name"], ZONE)
        self.assertEqual(head["BucketRegion"], "us-east-1")
        put = self.s3.put_object(Bucket=b, Key="dir/a.txt", Body=b"express")
        self.assertEqual(put["ServerSideEncryption"], "AES256")
        got = self.s3.get_object(Bucket=b, Key="dir/a.txt")
        self.assertEqual(got["Body"].read(), b"express")
        self.assertEqual(got["StorageClass"], "EXPRESS_ONEZONE")
        lst = self.s3.list_objects_v2(Bucket=b, Prefix="dir/")
        self.assertEqual([c["Key"] for c in lst["Contents"]], ["dir/a.txt"])
        self.assertEqual(lst["Contents"][0]["StorageClass"], "EXPRESS_ONEZONE")
        self.assertNotIn(b, [x["Name"] for x in self.s3.list_buckets()["Buckets"]])
        self.assertError(lambda: self.s3.delete_bucket(Bucket=b), 409, "BucketNotEmpty")
        self.assertEqual(self.s3.delete_object(Bucket=b, Key="dir/a.txt")["ResponseMetadata"]["HTTPStatusCode"], 204)
        self.assertEqual(self.s3.delete_bucket(Bucket=b)["ResponseMetadata"]["HTTPStatusCode"], 204)
        self.assertError(lambda: self.s3.head_bucket(Bucket=b), 404, "404")

    def test_create_session(self):
        b = self.new_bucket()
        r = self.s3.create_session(Bucket=b)
        c = r["Credentials"]
        self.assertRegex(c["AccessKeyId"], r"^ASIA[A-Z0-9]{16}$")
        self.assertEqual(len(c["SecretAccessKey"]), 40)
        self.assertTrue(c["SessionToken"])
        self.assertIn("Expiration", c)
        self.assertEqual(r["ServerSideEncryption"], "AES256")
        # a token cmkemu never issued
        u = urllib.parse.urlsplit(s3e2e.URL)
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
        conn.request("GET", f"/{b}?list-type=2", headers={"x-amz-s3session-token": "bogus"})
        resp = conn.getresponse()
        body = resp.read().decode()
        conn.close()
        self.assertEqual(resp.status, 403)
        self.assertEqual(s3e2e.element(body, "Code"), "InvalidToken")
        # a ReadOnly session reads but does not write
        ro = self.s3.create_session(Bucket=b, SessionMode="ReadOnly")["Credentials"]["SessionToken"]
        st, _, body = s3e2e.raw("PUT", f"/{b}/k", b"x", {"x-amz-s3session-token": ro})
        self.assertEqual((st, s3e2e.element(body, "Code")), (403, "AccessDenied"))
        st, _, _ = s3e2e.raw("GET", f"/{b}?list-type=2", b"", {"x-amz-s3session-token": ro})
        self.assertEqual(st, 200)
        # a session is for its own bucket only
        other = self.new_bucket()
        st, _, body = s3e2e.raw("GET", f"/{other}?list-type=2", b"", {"x-amz-s3session-token": ro})
        self.assertEqual((st, s3e2e.element(body, "Code")), (403, "AccessDenied"))

    def test_create_session_general_purpose_bucket(self):
        g = s3e2e.name("gp")
        self.s3.create_bucket(Bucket=g)
        self.assertError(lambda: self.s3.create_session(Bucket=g), 404, "NoSuchBucket")


class Naming(Base):
    def test_names(self):
        bad = [f"UPPER--{ZONE}--x-s3", f"dots.x--{ZONE}--x-s3", f"b--{ZONE}x--x-s3", "b--nozone--x-s3",
               f"{'a' * 50}--{ZONE}--x-s3", f"xn--b--{ZONE}--x-s3", f"-b--{ZONE}--x-s3"]
        for n in bad:
            with self.subTest(name=n):
                cfg = dict(CONFIG)
                self.assertError(lambda: self.plain.create_bucket(Bucket=n, CreateBucketConfiguration=cfg), 400,
                                 "InvalidBucketName", "The specified bucket is not valid.", BucketName=n)
        ok = f"b{secrets.token_hex(3)}--usw2-lax1-az1--x-s3"
        self.s3.create_bucket(Bucket=ok, CreateBucketConfiguration={
            "Location": {"Type": "LocalZone", "Name": "usw2-lax1-az1"},
            "Bucket": {"Type": "Directory", "DataRedundancy": "SingleLocalZone"}})

    def test_configuration_must_match_the_name(self):
        n = dname()
        # a --x-s3 name without the directory configuration
        self.assertError(lambda: self.s3.create_bucket(Bucket=n), 400, "InvalidBucketName", BucketName=n)
        # a plain name with it
        g = s3e2e.name("gp")
        self.assertError(lambda: self.s3.create_bucket(Bucket=g, CreateBucketConfiguration=CONFIG), 400,
                         "InvalidBucketName", BucketName=g)
        # a zone other than the name's
        other = {"Location": {"Type": "AvailabilityZone", "Name": "use1-az6"}, "Bucket": CONFIG["Bucket"]}
        self.assertError(lambda: self.s3.create_bucket(Bucket=n, CreateBucketConfiguration=other), 400,
                         "InvalidBucketName", BucketName=n)
        # redundancy that does not fit the location type
        mixed = {"Location": CONFIG["Location"], "Bucket": {"Type": "Directory", "DataRedundancy": "SingleLocalZone"}}
        self.assertError(lambda: self.s3.create_bucket(Bucket=n, CreateBucketConfiguration=mixed), 400,
                         "MalformedXML")

    def test_already_owned(self):
        b = self.new_bucket()
        self.assertError(lambda: self.s3.create_bucket(Bucket=b, CreateBucketConfiguration=CONFIG), 409,
                         "BucketAlreadyOwnedByYou", BucketName=b)


class DefaultEncryption(Base):
    def test_kms_default_validated_and_bucket_key_always_on(self):
        b = self.new_bucket()
        k = self.kms.create_key()["KeyMetadata"]
        self.put_default(b, kms_rule(k["KeyId"], False))
        rules = self.s3.get_bucket_encryption(Bucket=b)["ServerSideEncryptionConfiguration"]["Rules"]
        self.assertEqual(rules, [kms_rule(k["KeyId"], True)])
        # the objects take the bucket's key, with a bucket key
        put = self.s3.put_object(Bucket=b, Key="k", Body=b"x")
        self.assertEqual((put["ServerSideEncryption"], put["SSEKMSKeyId"], put["BucketKeyEnabled"]),
                         ("aws:kms", k["Arn"], True))
        put = self.s3.put_object(Bucket=b, Key="k2", Body=b"x", ServerSideEncryption="aws:kms")
        self.assertEqual(put["SSEKMSKeyId"], k["Arn"])
        head = self.s3.head_object(Bucket=b, Key="k")
        self.assertEqual(head["SSEKMSKeyId"], k["Arn"])
        # CreateSession answers the bucket default
        sess = self.s3.create_session(Bucket=b)
        self.assertEqual((sess["ServerSideEncryption"], sess["SSEKMSKeyId"], sess["BucketKeyEnabled"]),
                         ("aws:kms", k["Arn"], True))
        # another key on an object: 400
        other = self.kms.create_key()["KeyMetadata"]
        self.assertError(lambda: self.s3.put_object(Bucket=b, Key="k3", Body=b"x", ServerSideEncryption="aws:kms",
                                                    SSEKMSKeyId=other["Arn"]), 400, "InvalidArgument")
        # one customer managed key per lifetime; the same key again (as its ARN) is fine
        self.put_default(b, kms_rule(k["Arn"]))
        self.assertError(lambda: self.put_default(b, kms_rule(other["KeyId"])), 400, "InvalidArgument",
                         "Your SSE-KMS configuration can only support 1 customer managed key per directory "
                         "bucket's lifetime")
        self.s3.delete_bucket_encryption(Bucket=b)
        self.assertError(lambda: self.put_default(b, kms_rule(other["KeyId"])), 400, "InvalidArgument")
        # a disabled key: writes and reads fail as on general-purpose buckets
        self.put_default(b, kms_rule(k["KeyId"]))
        self.kms.disable_key(KeyId=k["KeyId"])
        self.assertError(lambda: self.s3.get_object(Bucket=b, Key="k"), 400, "KMS.DisabledException",
                         f"{k['Arn']} is disabled.")

    def test_rejected_configurations(self):
        b = self.new_bucket()
        self.assertError(lambda: self.put_default(b, {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms:dsse"}}),
                         400, "InvalidArgument", "The SSE algorithm aws:kms:dsse is not supported for directory buckets")
        self.assertError(lambda: self.put_default(b, {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}),
                         400, "InvalidArgument",
                         "A KMSMasterKeyID is required when the default sse algorithm is aws:kms for directory buckets")
        k = self.kms.create_key()["KeyMetadata"]
        alias = f"alias/dir-{secrets.token_hex(4)}"
        self.kms.create_alias(AliasName=alias, TargetKeyId=k["KeyId"])
        self.assertError(lambda: self.put_default(b, kms_rule(alias)), 400, "InvalidArgument",
                         "The key alias format of the KMS key isn't supported for directory buckets")
        managed = self.kms.describe_key(KeyId="alias/aws/s3")["KeyMetadata"]
        self.assertError(lambda: self.put_default(b, kms_rule(managed["Arn"])), 400, "InvalidArgument",
                         "The AWS managed key (aws/s3) isn't supported for directory buckets")
        uid = "1234abcd-12ab-34cd-56ef-1234567890ab"
        self.assertError(lambda: self.put_default(b, kms_rule(uid)), 400, "KMS.NotFoundException",
                         f"Key 'arn:aws:kms:us-east-1:000000000000:key/{uid}' does not exist")
        # AES256 is fine
        self.put_default(b, {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}})

    def test_content_md5_and_expected_owner(self):
        b = self.new_bucket()
        self.assertError(lambda: self.s3.put_object(Bucket=b, Key="k", Body=b"abc",
                                                    ContentMD5="kAFQmDzST7DWlj99KOF/cg=="), 400, "InvalidRequest",
                         "Content-MD5 is not supported for directory buckets")
        r = self.assertError(lambda: self.s3.get_bucket_encryption(Bucket=b, ExpectedBucketOwner="000000000000"),
                             501, "NotImplemented", "A header you provided implies functionality that is not implemented")
        self.assertEqual(r["Error"].get("Header"), "x-amz-expected-bucket-owner")
        self.assertError(lambda: self.s3.put_object(Bucket=b, Key="k", Body=b"x", ExpectedBucketOwner="000000000000"),
                         501, "NotImplemented")


if __name__ == "__main__":
    unittest.main()
