"""S3 bucket default encryption with boto3: PutBucketEncryption, GetBucketEncryption,
DeleteBucketEncryption, their check order, integrity headers and error documents."""
import base64
import hashlib
import unittest
import zlib

from botocore.exceptions import ClientError

import s3e2e
from s3e2e import client, name

DEFAULT = {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}, "BucketKeyEnabled": False}
KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
AES = f'<ServerSideEncryptionConfiguration xmlns="{s3e2e.NS}"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>'.encode()


def _crc(data, poly, bits):
    """Reflected CRC with all-ones init and final xor (CRC-32C, CRC-64/NVME), big-endian base64."""
    mask = (1 << bits) - 1
    c = mask
    for x in data:
        c ^= x
        for _ in range(8):
            c = (c >> 1) ^ (poly if c & 1 else 0)
    return base64.b64encode((c ^ mask).to_bytes(bits // 8, "big")).decode()


def rule(alg, key=None, bke=None, blocked=None):
    r = {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": alg}}
    if key is not None:
        r["ApplyServerSideEncryptionByDefault"]["KMSMasterKeyID"] = key
    if bke is not None:
        r["BucketKeyEnabled"] = bke
    if blocked is not None:
        r["BlockedEncryptionTypes"] = {"EncryptionType": blocked}
    return r


class Base(unittest.TestCase):
    def setUp(self):
        self.s3 = client()
        self.b = name("enc")
        self.s3.create_bucket(Bucket=self.b)

    def put(self, *rules, **kw):
        return self.s3.put_bucket_encryption(Bucket=self.b, ServerSideEncryptionConfiguration={"Rules": list(rules)}, **kw)

    def rules(self, **kw):
        return self.s3.get_bucket_encryption(Bucket=self.b, **kw)["ServerSideEncryptionConfiguration"]["Rules"]

    def assertError(self, fn, status, code, message, **extra):
        with self.assertRaises(ClientError) as cm:
            fn()
        r = cm.exception.response
        self.assertEqual(r["ResponseMetadata"]["HTTPStatusCode"], status)
        self.assertEqual(r["Error"]["Code"], code)
        self.assertEqual(r["Error"]["Message"], message)
        for k, v in extra.items():
            self.assertEqual(r["Error"].get(k), v, k)
        return r


class RoundTrip(Base):
    def test_default(self):
        r = self.s3.get_bucket_encryption(Bucket=self.b)
        self.assertEqual(r["ResponseMetadata"]["HTTPStatusCode"], 200)
        self.assertEqual(r["ServerSideEncryptionConfiguration"]["Rules"], [DEFAULT])
        self.assertEqual(r["ResponseMetadata"]["HTTPHeaders"]["content-type"], "application/xml")

    def test_kms_round_trip(self):
        r = self.put(rule("aws:kms", KEY, True))
        self.assertEqual(r["ResponseMetadata"]["HTTPStatusCode"], 200)
        self.assertEqual(r["ResponseMetadata"]["HTTPHeaders"]["content-length"], "0")
        self.assertEqual(self.rules(), [rule("aws:kms", KEY, True)])

    def test_key_echoed_as_sent(self):
        for key in ("1234abcd-12ab-34cd-56ef-1234567890ab", "alias/aws/s3", "aws/s3", "no-such-key"):
            with self.subTest(key=key):
                self.put(rule("aws:kms", key))
                self.assertEqual(self.rules(), [rule("aws:kms", key, False)])

    def test_kms_without_key(self):
        self.put(rule("aws:kms", bke=False))
        self.assertEqual(self.rules(), [rule("aws:kms", bke=False)])

    def test_dsse_with_key(self):
        self.put(rule("aws:kms:dsse", "k-1", True))
        self.assertEqual(self.rules(), [rule("aws:kms:dsse", "k-1", True)])

    def test_aes256_bucket_key(self):
        self.put(rule("AES256", bke=True))
        self.assertEqual(self.rules(), [rule("AES256", bke=True)])

    def test_blocked_encryption_types(self):
        self.put(rule("AES256", blocked=["SSE-C"]))
        self.assertEqual(self.rules(), [rule("AES256", bke=False, blocked=["SSE-C"])])
        self.put(rule("aws:kms", KEY, True, ["NONE"]))
        self.assertEqual(self.rules(), [rule("aws:kms", KEY, True, ["NONE"])])

    def test_delete_is_idempotent(self):
        self.put(rule("aws:kms", KEY, True))
        for _ in range(2):
            r = self.s3.delete_bucket_encryption(Bucket=self.b)
            self.assertEqual(r["ResponseMetadata"]["HTTPStatusCode"], 204)
        self.assertEqual(self.rules(), [DEFAULT])

    def test_sdk_checksum_algorithms(self):
        self.put(rule("aws:kms"), ChecksumAlgorithm="SHA256")
        self.put(rule("AES256"), ChecksumAlgorithm="SHA1")
        self.put(rule("aws:kms", "k"), ChecksumAlgorithm="CRC32")
        self.assertEqual(self.rules(), [rule("aws:kms", "k", False)])


class Validation(Base):
    def test_no_such_bucket_before_body(self):
        missing = name("missing")
        self.assertError(lambda: self.s3.put_bucket_encryption(Bucket=missing, ServerSideEncryptionConfiguration={"Rules": []}),
                         404, "NoSuchBucket", "The specified bucket does not exist", BucketName=missing)
        self.assertError(lambda: self.s3.get_bucket_encryption(Bucket=missing),
                         404, "NoSuchBucket", "The specified bucket does not exist", BucketName=missing)
        self.assertError(lambda: self.s3.delete_bucket_encryption(Bucket=missing),
                         404, "NoSuchBucket", "The specified bucket does not exist", BucketName=missing)

    def test_malformed(self):
        for rules in ([], [rule("AES256"), rule("AES256")], [{"BucketKeyEnabled": True}],
                      [rule("FOO")], [rule("aws:fsx")], [rule("")]):
            with self.subTest(rules=rules):
                self.assertError(lambda: self.put(*rules), 400, "MalformedXML", s3e2e.MX)

    def test_aes256_with_key(self):
        r = self.assertError(lambda: self.put(rule("AES256", "k")), 400, "InvalidArgument",
                             "a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse",
                             ArgumentName="ApplyServerSideEncryptionByDefault")
        self.assertNotIn("ArgumentValue", r["Error"])

    def test_expected_owner(self):
        acct = s3e2e.account()
        s3 = client(key=acct)
        b = name("own")
        s3.create_bucket(Bucket=b)
        cfg = {"Rules": [rule("AES256")]}
        s3.put_bucket_encryption(Bucket=b, ServerSideEncryptionConfiguration=cfg, ExpectedBucketOwner=acct)
        for call in (lambda o: s3.put_bucket_encryption(Bucket=b, ServerSideEncryptionConfiguration=cfg, ExpectedBucketOwner=o),
                     lambda o: s3.get_bucket_encryption(Bucket=b, ExpectedBucketOwner=o),
                     lambda o: s3.delete_bucket_encryption(Bucket=b, ExpectedBucketOwner=o)):
            self.assertError(lambda: call("999988887777"), 403, "AccessDenied", "Access Denied")
            self.assertError(lambda: call("not-an-id"), 400, "InvalidBucketOwnerAWSAccountID",
                             "The value of the expected bucket owner parameter must be an AWS Account ID... [not-an-id]")

    def test_other_account(self):
        other = client(key=s3e2e.account())
        self.assertError(lambda: other.get_bucket_encryption(Bucket=self.b), 403, "AccessDenied", "Access Denied")


class IntegrityHeaders(Base):
    """Raw requests (unsigned: the default account) to send the headers an SDK never would."""

    def raw_put(self, body=AES, **headers):
        return s3e2e.raw("PUT", f"/{self.b}?encryption", body, headers)

    def assertRawError(self, resp, status, code, message, extra=""):
        st, hdrs, body = resp
        self.assertEqual(st, status)
        self.assertEqual(hdrs["content-type"], "application/xml")
        rid = hdrs["x-amz-request-id"]
        self.assertEqual(body, '<?xml version="1.0" encoding="UTF-8"?>\n'
                               f"<Error><Code>{code}</Code><Message>{message}</Message>{extra}"
                               f"<RequestId>{rid}</RequestId><HostId>{hdrs['x-amz-id-2']}</HostId></Error>")

    def test_missing_checksum(self):
        self.assertRawError(self.raw_put(), 400, "InvalidRequest",
                            "Missing required header for this request: Content-MD5 OR x-amz-checksum-*")

    def test_content_md5(self):
        md5 = base64.b64encode(hashlib.md5(AES).digest()).decode()
        self.assertEqual(self.raw_put(**{"Content-MD5": md5})[0], 200)
        self.assertRawError(self.raw_put(**{"Content-MD5": "abc"}), 400, "InvalidDigest",
                            "The Content-MD5 you specified was invalid.", "<Content-MD5>abc</Content-MD5>")
        wrong = hashlib.md5(b"other").digest()
        self.assertRawError(self.raw_put(**{"Content-MD5": base64.b64encode(wrong).decode()}), 400, "BadDigest",
                            "The Content-MD5 you specified did not match what we received.",
                            f"<ExpectedDigest>{wrong.hex()}</ExpectedDigest><CalculatedDigest>{md5}</CalculatedDigest>")

    def test_checksums(self):
        crc = base64.b64encode(zlib.crc32(AES).to_bytes(4, "big")).decode()
        self.assertEqual(self.raw_put(**{"x-amz-checksum-crc32": crc, "x-amz-sdk-checksum-algorithm": "CRC32"})[0], 200)
        self.assertRawError(self.raw_put(**{"x-amz-checksum-crc32": "AAAAAA=="}), 400, "BadDigest",
                            "The CRC32 you specified did not match the calculated checksum.")
        self.assertRawError(self.raw_put(**{"x-amz-checksum-crc64nvme": "AAAAAA=="}), 400, "InvalidRequest",
                            "Value for x-amz-checksum-crc64nvme header is invalid.")
        self.assertRawError(self.raw_put(**{"x-amz-checksum-crc32": crc, "x-amz-sdk-checksum-algorithm": "SHA256"}),
                            400, "InvalidRequest", "Value for x-amz-sdk-checksum-algorithm header is invalid.")
        self.assertRawError(self.raw_put(**{"x-amz-sdk-checksum-algorithm": "CRC32"}), 400, "InvalidRequest",
                            "x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.")
        self.assertRawError(self.raw_put(**{"x-amz-checksum-crc32": crc, "x-amz-checksum-sha1": "AAAA"}), 400,
                            "InvalidRequest", "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.")
        self.assertRawError(self.raw_put(**{"x-amz-checksum-foo": crc}), 400, "InvalidRequest",
                            "The algorithm type you specified in x-amz-checksum- header is invalid.")

    def test_computed_checksums(self):
        for hdr, value in (("crc32c", _crc(AES, 0x82F63B78, 32)),
                           ("crc64nvme", _crc(AES, 0x9A6C9329AC4BC9B5, 64)),
                           ("sha1", base64.b64encode(hashlib.sha1(AES).digest()).decode()),
                           ("sha256", base64.b64encode(hashlib.sha256(AES).digest()).decode())):
            with self.subTest(alg=hdr):
                self.assertEqual(self.raw_put(**{f"x-amz-checksum-{hdr}": value})[0], 200)
                wrong = base64.b64encode(bytes(len(base64.b64decode(value)))).decode()
                self.assertRawError(self.raw_put(**{f"x-amz-checksum-{hdr}": wrong}), 400, "BadDigest",
                                    f"The {hdr.upper()} you specified did not match the calculated checksum.")

    def test_content_sha256(self):
        sha = hashlib.sha256(AES).hexdigest()
        self.assertRawError(self.raw_put(**{"x-amz-content-sha256": "0" * 64, "Content-MD5": "abcd"}), 400,
                            "InvalidDigest", "The Content-MD5 you specified was invalid.", "<Content-MD5>abcd</Content-MD5>")
        self.assertRawError(self.raw_put(**{"x-amz-content-sha256": "0" * 64, "x-amz-checksum-crc32": "AAAAAA=="}), 400,
                            "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.",
                            f"<ClientComputedContentSHA256>{'0' * 64}</ClientComputedContentSHA256><S3ComputedContentSHA256>{sha}</S3ComputedContentSHA256>")

    def test_not_well_formed(self):
        crc = base64.b64encode(zlib.crc32(b"<x").to_bytes(4, "big")).decode()
        self.assertRawError(self.raw_put(b"<x", **{"x-amz-checksum-crc32": crc}), 400, "MalformedXML", s3e2e.MX)
        doc = b'<!DOCTYPE x [<!ENTITY a "AES256">]>' + AES.replace(b"AES256", b"&a;")
        crc = base64.b64encode(zlib.crc32(doc).to_bytes(4, "big")).decode()
        self.assertRawError(self.raw_put(doc, **{"x-amz-checksum-crc32": crc}), 400, "MalformedXML", s3e2e.MX)

    def test_get_document_bytes(self):
        st, hdrs, body = s3e2e.raw("GET", f"/{self.b}?encryption")
        self.assertEqual(st, 200)
        self.assertEqual(body, '<?xml version="1.0" encoding="UTF-8"?>\n'
                               f'<ServerSideEncryptionConfiguration xmlns="{s3e2e.NS}"><Rule><ApplyServerSideEncryptionByDefault>'
                               "<SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault>"
                               "<BucketKeyEnabled>false</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>")


if __name__ == "__main__":
    unittest.main()
