"""S3 bucket operations with boto3: CreateBucket, HeadBucket, ListBuckets, DeleteBucket,
GetBucketLocation, accounts from the access key, regions from the signing scope, addressing."""
import hashlib
import socket
import unittest
import urllib.parse
from unittest import mock

from botocore.exceptions import ClientError

import s3e2e
from s3e2e import client, name


class CreateBucket(unittest.TestCase):
    def setUp(self):
        self.s3 = client()

    def assertError(self, cm, status, code, message, **extra):
        err = cm.exception.response["Error"]
        self.assertEqual(cm.exception.response["ResponseMetadata"]["HTTPStatusCode"], status)
        self.assertEqual(err["Code"], code)
        self.assertEqual(err["Message"], message)
        for k, v in extra.items():
            self.assertEqual(err.get(k), v)

    def test_create_us_east_1(self):
        b = name()
        r = self.s3.create_bucket(Bucket=b)
        self.assertEqual(r["ResponseMetadata"]["HTTPStatusCode"], 200)
        self.assertEqual(r["Location"], f"/{b}")
        self.assertEqual(r["BucketArn"], f"arn:aws:s3:::{b}")
        # us-east-1's legacy: re-creating your own bucket answers 200
        r = self.s3.create_bucket(Bucket=b)
        self.assertEqual(r["Location"], f"/{b}")

    def test_create_with_constraint(self):
        b = name()
        r = self.s3.create_bucket(Bucket=b, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
        self.assertEqual(r["Location"], f"http://{b}.s3.amazonaws.com/")
        self.assertEqual(self.s3.get_bucket_location(Bucket=b)["LocationConstraint"], "eu-west-1")
        with self.assertRaises(ClientError) as cm:
            self.s3.create_bucket(Bucket=b, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
        self.assertError(cm, 409, "BucketAlreadyOwnedByYou",
                         "Your previous request to create the named bucket succeeded and you already own it.",
                         BucketName=b)

    def test_regional_endpoint(self):
        eu = client("eu-west-1")
        b = name()
        eu.create_bucket(Bucket=b, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
        self.assertEqual(eu.head_bucket(Bucket=b)["BucketRegion"], "eu-west-1")
        with self.assertRaises(ClientError) as cm:
            eu.create_bucket(Bucket=name())
        self.assertError(cm, 400, "IllegalLocationConstraintException",
                         "The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.")
        with self.assertRaises(ClientError) as cm:
            eu.create_bucket(Bucket=name(), CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
        self.assertError(cm, 400, "IllegalLocationConstraintException",
                         "The eu-west-2 location constraint is incompatible for the region specific endpoint this request was sent to.")

    def test_us_east_1_constraint(self):
        for lc in ("us-east-1", "not-a-region"):
            with self.assertRaises(ClientError) as cm:
                self.s3.create_bucket(Bucket=name(), CreateBucketConfiguration={"LocationConstraint": lc})
            self.assertError(cm, 400, "InvalidLocationConstraint",
                             "The specified location-constraint is not valid", LocationConstraint=lc)

    def test_invalid_names(self):
        for bad in ("ab", "Bad_Bucket", "192.168.5.4", "xn--abc", "sthree-abc", "amzn-s3-demo-abc",
                    "abc-s3alias", "abc--ol-s3", "abc.mrap", "abc--usw2-az1--x-s3", "abc--table-s3",
                    "a..b", "-abc", "abc-", "a" * 64):
            with self.subTest(bucket=bad):
                with self.assertRaises(ClientError) as cm:
                    client(disable_s3_express_session_auth=True).create_bucket(Bucket=bad)
                self.assertError(cm, 400, "InvalidBucketName", "The specified bucket is not valid.",
                                 BucketName=bad)

    def test_malformed_configuration(self):
        st, _, body = s3e2e.raw("PUT", f"/{name()}", b"<CreateBucketConfiguration><Location")
        self.assertEqual(st, 400)
        self.assertEqual(s3e2e.element(body, "Code"), "MalformedXML")
        self.assertEqual(s3e2e.element(body, "Message"), s3e2e.MX)

    def test_request_id_matches_header(self):
        b = name()
        self.s3.create_bucket(Bucket=b)
        st, hdrs, body = s3e2e.raw("PUT", f"/{b}",
                                   f'<CreateBucketConfiguration xmlns="{s3e2e.NS}"><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>'.encode())
        self.assertEqual(st, 409)
        self.assertEqual(hdrs["content-type"], "application/xml")
        self.assertRegex(hdrs["x-amz-request-id"], r"^[A-Z0-9]{16}$")
        self.assertEqual(s3e2e.element(body, "RequestId"), hdrs["x-amz-request-id"])
        self.assertEqual(s3e2e.element(body, "HostId"), hdrs["x-amz-id-2"])
        self.assertTrue(body.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>BucketAlreadyOwnedByYou</Code>'))


class Accounts(unittest.TestCase):
    def test_other_account_sees_bucket_already_exists(self):
        mine = client()
        b = name()
        mine.create_bucket(Bucket=b)
        other = client(key=s3e2e.account())
        with self.assertRaises(ClientError) as cm:
            other.create_bucket(Bucket=b)
        err = cm.exception.response["Error"]
        self.assertEqual(cm.exception.response["ResponseMetadata"]["HTTPStatusCode"], 409)
        self.assertEqual(err["Code"], "BucketAlreadyExists")
        self.assertEqual(err["Message"], "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.")
        self.assertEqual(err["BucketName"], b)
        with self.assertRaises(ClientError) as cm:
            other.head_bucket(Bucket=b)
        self.assertEqual(cm.exception.response["Error"]["Code"], "403")

    def test_list_buckets_only_own(self):
        acct_a, acct_b = s3e2e.account(), s3e2e.account()
        a, b = client(key=acct_a), client(key=acct_b)
        names_a = sorted([name("la"), name("la")])
        for n in names_a:
            a.create_bucket(Bucket=n)
        nb = name("lb")
        b.create_bucket(Bucket=nb)
        r = a.list_buckets()
        self.assertEqual([x["Name"] for x in r["Buckets"]], names_a)
        self.assertEqual(r["Owner"]["ID"], hashlib.sha256(acct_a.encode()).hexdigest())
        self.assertNotIn("DisplayName", r["Owner"])
        for x in r["Buckets"]:
            self.assertEqual(x["BucketArn"], f"arn:aws:s3:::{x['Name']}")
            self.assertIn("CreationDate", x)
        self.assertEqual([x["Name"] for x in b.list_buckets()["Buckets"]], [nb])

    def test_expected_owner_on_bucket_ops(self):
        acct = s3e2e.account()
        s3 = client(key=acct)
        b = name()
        s3.create_bucket(Bucket=b)
        s3.head_bucket(Bucket=b, ExpectedBucketOwner=acct)
        with self.assertRaises(ClientError) as cm:
            s3.get_bucket_location(Bucket=b, ExpectedBucketOwner="000011112222")
        self.assertEqual(cm.exception.response["Error"]["Code"], "AccessDenied")
        self.assertEqual(cm.exception.response["ResponseMetadata"]["HTTPStatusCode"], 403)


class HeadListDelete(unittest.TestCase):
    def setUp(self):
        self.s3 = client()

    def test_head_bucket(self):
        b = name()
        self.s3.create_bucket(Bucket=b)
        r = self.s3.head_bucket(Bucket=b)
        h = r["ResponseMetadata"]["HTTPHeaders"]
        self.assertEqual(r["ResponseMetadata"]["HTTPStatusCode"], 200)
        self.assertEqual(h["x-amz-bucket-region"], "us-east-1")
        self.assertEqual(h["x-amz-access-point-alias"], "false")
        self.assertEqual(h["x-amz-bucket-arn"], f"arn:aws:s3:::{b}")
        self.assertEqual(h["content-type"], "application/xml")
        self.assertIn("x-amz-request-id", h)
        self.assertIn("x-amz-id-2", h)

    def test_head_missing(self):
        with self.assertRaises(ClientError) as cm:
            self.s3.head_bucket(Bucket=name())
        self.assertEqual(cm.exception.response["Error"]["Code"], "404")
        self.assertEqual(cm.exception.response["Error"]["Message"], "Not Found")
        st, _, body = s3e2e.raw("HEAD", f"/{name()}")
        self.assertEqual((st, body), (404, ""))

    def test_delete_bucket(self):
        b = name()
        self.s3.create_bucket(Bucket=b)
        r = self.s3.delete_bucket(Bucket=b)
        self.assertEqual(r["ResponseMetadata"]["HTTPStatusCode"], 204)
        with self.assertRaises(ClientError) as cm:
            self.s3.delete_bucket(Bucket=b)
        err = cm.exception.response["Error"]
        self.assertEqual((err["Code"], err["Message"], err["BucketName"]),
                         ("NoSuchBucket", "The specified bucket does not exist", b))
        self.assertEqual(cm.exception.response["ResponseMetadata"]["HTTPStatusCode"], 404)
        self.assertNotIn(b, [x["Name"] for x in self.s3.list_buckets()["Buckets"]])

    def test_get_bucket_location_us_east_1(self):
        b = name()
        self.s3.create_bucket(Bucket=b)
        self.assertIsNone(self.s3.get_bucket_location(Bucket=b)["LocationConstraint"])
        st, _, body = s3e2e.raw("GET", f"/{b}?location")
        self.assertEqual(body, f'<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="{s3e2e.NS}"/>')


class Addressing(unittest.TestCase):
    def test_virtual_hosted_boto3(self):
        """addressing_style=virtual against http://localhost:PORT: Host is <bucket>.localhost."""
        b = name()
        client().create_bucket(Bucket=b)
        port = urllib.parse.urlsplit(s3e2e.URL).port
        real = socket.getaddrinfo

        def resolve(host, *args, **kwargs):  # <bucket>.localhost -> 127.0.0.1
            if isinstance(host, str) and host.endswith(".localhost"):
                host = "127.0.0.1"
            return real(host, *args, **kwargs)

        import boto3
        from botocore.config import Config
        s3 = boto3.client("s3", endpoint_url=f"http://localhost:{port}", region_name="us-east-1",
                          config=Config(retries={"max_attempts": 1}, s3={"addressing_style": "virtual"}))
        with mock.patch("socket.getaddrinfo", resolve):
            r = s3.head_bucket(Bucket=b)
            self.assertEqual(r["ResponseMetadata"]["HTTPHeaders"]["x-amz-bucket-arn"], f"arn:aws:s3:::{b}")
            self.assertEqual(s3.get_bucket_encryption(Bucket=b)["ServerSideEncryptionConfiguration"]["Rules"][0]
                             ["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"], "AES256")

    def test_virtual_hosted_raw(self):
        b = name()
        client().create_bucket(Bucket=b, CreateBucketConfiguration={"LocationConstraint": "ap-south-1"})
        port = urllib.parse.urlsplit(s3e2e.URL).port
        st, _, body = s3e2e.raw("GET", "/?location", headers={"Host": f"{b}.s3.localhost.localstack.cloud:{port}"})
        self.assertEqual(st, 200)
        self.assertEqual(s3e2e.element(body.replace(f' xmlns="{s3e2e.NS}"', ""), "LocationConstraint"), "ap-south-1")


if __name__ == "__main__":
    unittest.main()
