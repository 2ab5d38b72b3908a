"""AWS KMS keys and aliases through boto3: every operation, AWS's error codes and messages,
a second region, and a 12-digit access key as another account."""
import os
import unittest
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

URL = os.environ["CMKEMU_URL"]
ACCOUNT = "000000000000"


def kms(region="us-east-1", access_key=None):
    kw = {}
    if access_key:
        kw = {"aws_access_key_id": access_key, "aws_secret_access_key": "secret"}
    return boto3.client("kms", endpoint_url=URL, region_name=region,
                        config=Config(retries={"max_attempts": 1}), **kw)


def uniq(prefix):
    return f"alias/{prefix}-{uuid.uuid4().hex[:12]}"


class KmsTest(unittest.TestCase):
    def setUp(self):
        self.c = kms()

    def err(self, fn, **kw):
        with self.assertRaises(ClientError) as cm:
            fn(**kw)
        r = cm.exception.response
        return r["Error"]["Code"], r["Error"]["Message"], r["ResponseMetadata"]["HTTPStatusCode"]

    def key(self, **kw):
        return self.c.create_key(Description=f"test-{uuid.uuid4().hex[:8]}", **kw)["KeyMetadata"]

    def test_create_key_shape(self):
        r = self.c.create_key(Description="shape", Tags=[{"TagKey": "t", "TagValue": "v"}])
        self.assertEqual(r["ResponseMetadata"]["HTTPStatusCode"], 200)
        self.assertTrue(r["ResponseMetadata"]["RequestId"])
        m = r["KeyMetadata"]
        self.assertEqual(m["AWSAccountId"], ACCOUNT)
        self.assertEqual(m["Arn"], f"arn:aws:kms:us-east-1:{ACCOUNT}:key/{m['KeyId']}")
        self.assertEqual(len(m["KeyId"]), 36)
        self.assertEqual(m["KeyState"], "Enabled")
        self.assertTrue(m["Enabled"])
        self.assertEqual(m["KeyManager"], "CUSTOMER")
        self.assertEqual(m["Origin"], "AWS_KMS")
        self.assertEqual(m["KeySpec"], "SYMMETRIC_DEFAULT")
        self.assertEqual(m["CustomerMasterKeySpec"], "SYMMETRIC_DEFAULT")
        self.assertEqual(m["EncryptionAlgorithms"], ["SYMMETRIC_DEFAULT"])
        self.assertEqual(m["KeyUsage"], "ENCRYPT_DECRYPT")
        self.assertFalse(m["MultiRegion"])
        self.assertEqual(m["CreationDate"].year >= 2024, True)

    def test_create_key_specs(self):
        m = self.key(KeySpec="RSA_3072", KeyUsage="SIGN_VERIFY")
        self.assertIn("RSASSA_PSS_SHA_512", m["SigningAlgorithms"])
        m = self.key(KeySpec="ECC_NIST_P521", KeyUsage="SIGN_VERIFY")
        self.assertEqual(m["SigningAlgorithms"], ["ECDSA_SHA_512"])
        m = self.key(KeySpec="HMAC_512", KeyUsage="GENERATE_VERIFY_MAC")
        self.assertEqual(m["MacAlgorithms"], ["HMAC_SHA_512"])
        m = self.key(MultiRegion=True)
        self.assertRegex(m["KeyId"], r"^mrk-[0-9a-f]{32}$")
        self.assertEqual(m["MultiRegionConfiguration"]["MultiRegionKeyType"], "PRIMARY")
        self.assertEqual(m["MultiRegionConfiguration"]["PrimaryKey"],
                         {"Arn": m["Arn"], "Region": "us-east-1"})

    def test_create_key_errors(self):
        self.assertEqual(self.err(self.c.create_key, KeySpec="HMAC_256"),
                         ("ValidationException", "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.", 400))
        code, msg, st = self.err(self.c.create_key, KeySpec="HMAC_256", KeyUsage="SIGN_VERIFY")
        self.assertEqual((code, msg), ("ValidationException", "KeyUsage SIGN_VERIFY is not compatible with KeySpec HMAC_256"))

    def test_describe_not_found_forms(self):
        m = self.key()
        self.assertEqual(self.c.describe_key(KeyId=m["Arn"])["KeyMetadata"]["KeyId"], m["KeyId"])
        self.assertEqual(self.err(self.c.describe_key, KeyId="fake-key-id"),
                         ("NotFoundException", "Invalid keyId 'fake-key-id'", 400))
        missing = str(uuid.uuid4())
        self.assertEqual(self.err(self.c.describe_key, KeyId=missing),
                         ("NotFoundException", f"Key 'arn:aws:kms:us-east-1:{ACCOUNT}:key/{missing}' does not exist", 400))
        self.assertEqual(self.err(self.c.describe_key, KeyId=m["Arn"].replace("us-east-1", "eu-west-1")),
                         ("NotFoundException", "Invalid arn eu-west-1", 400))
        name = uniq("missing")
        self.assertEqual(self.err(self.c.describe_key, KeyId=name),
                         ("NotFoundException", f"Alias arn:aws:kms:us-east-1:{ACCOUNT}:{name} is not found.", 400))

    def test_second_region(self):
        m = self.key()
        other = kms("eu-west-1")
        self.assertEqual(self.err(other.describe_key, KeyId=m["KeyId"]),
                         ("NotFoundException", f"Key 'arn:aws:kms:eu-west-1:{ACCOUNT}:key/{m['KeyId']}' does not exist", 400))
        m2 = other.create_key()["KeyMetadata"]
        self.assertTrue(m2["Arn"].startswith(f"arn:aws:kms:eu-west-1:{ACCOUNT}:key/"))
        ids = [k["KeyId"] for k in self.c.get_paginator("list_keys").paginate().build_full_result()["Keys"]]
        self.assertNotIn(m2["KeyId"], ids)

    def test_other_account(self):
        other = kms(access_key="111122223333")
        m = other.create_key()["KeyMetadata"]
        self.assertEqual(m["AWSAccountId"], "111122223333")
        self.assertEqual(self.err(self.c.describe_key, KeyId=m["KeyId"]),
                         ("NotFoundException", f"Key 'arn:aws:kms:us-east-1:{ACCOUNT}:key/{m['KeyId']}' does not exist", 400))

    def test_list_keys_paging(self):
        for _ in range(3):
            self.key()
        first = self.c.list_keys(Limit=2)
        self.assertEqual(len(first["Keys"]), 2)
        self.assertTrue(first["Truncated"])
        second = self.c.list_keys(Limit=2, Marker=first["NextMarker"])
        self.assertNotEqual(first["Keys"][0]["KeyId"], second["Keys"][0]["KeyId"])
        all_keys = self.c.get_paginator("list_keys").paginate(PaginationConfig={"PageSize": 2}).build_full_result()["Keys"]
        self.assertEqual(len(all_keys), len({k["KeyId"] for k in all_keys}))
        self.assertEqual(self.err(self.c.list_keys, Marker="bogus")[0], "InvalidMarkerException")

    def test_enable_disable(self):
        m = self.key()
        self.c.disable_key(KeyId=m["KeyId"])
        d = self.c.describe_key(KeyId=m["KeyId"])["KeyMetadata"]
        self.assertEqual((d["KeyState"], d["Enabled"]), ("Disabled", False))
        self.c.enable_key(KeyId=m["Arn"])
        d = self.c.describe_key(KeyId=m["KeyId"])["KeyMetadata"]
        self.assertEqual((d["KeyState"], d["Enabled"]), ("Enabled", True))

    def test_schedule_cancel_deletion(self):
        m = self.key()
        self.assertEqual(self.err(self.c.schedule_key_deletion, KeyId=m["KeyId"], PendingWindowInDays=31),
                         ("ValidationException", "PendingWindowInDays should be between 7 and 30, but it is 31", 400))
        r = self.c.schedule_key_deletion(KeyId=m["KeyId"], PendingWindowInDays=7)
        self.assertEqual(r["KeyId"], m["Arn"])
        self.assertEqual(r["KeyState"], "PendingDeletion")
        self.assertEqual(r["PendingWindowInDays"], 7)
        self.assertEqual((r["DeletionDate"] - m["CreationDate"]).days, 7)
        d = self.c.describe_key(KeyId=m["KeyId"])["KeyMetadata"]
        self.assertEqual(d["KeyState"], "PendingDeletion")
        self.assertIn("DeletionDate", d)
        msg = f"{m['Arn']} is pending deletion."
        self.assertEqual(self.err(self.c.enable_key, KeyId=m["KeyId"]), ("KMSInvalidStateException", msg, 400))
        self.assertEqual(self.err(self.c.disable_key, KeyId=m["KeyId"]), ("KMSInvalidStateException", msg, 400))
        self.assertEqual(self.err(self.c.create_alias, AliasName=uniq("doomed"), TargetKeyId=m["KeyId"]),
                         ("KMSInvalidStateException", msg, 400))
        self.assertEqual(self.c.cancel_key_deletion(KeyId=m["KeyId"])["KeyId"], m["Arn"])
        d = self.c.describe_key(KeyId=m["KeyId"])["KeyMetadata"]
        self.assertEqual(d["KeyState"], "Disabled")
        self.assertNotIn("DeletionDate", d)
        self.assertEqual(self.err(self.c.cancel_key_deletion, KeyId=m["KeyId"]),
                         ("KMSInvalidStateException", f"{m['Arn']} is not pending deletion.", 400))

    def test_aliases(self):
        m1, m2 = self.key(), self.key()
        name = uniq("app")
        self.c.create_alias(AliasName=name, TargetKeyId=m1["KeyId"])
        self.assertEqual(self.c.describe_key(KeyId=name)["KeyMetadata"]["KeyId"], m1["KeyId"])
        arn = f"arn:aws:kms:us-east-1:{ACCOUNT}:{name}"
        self.assertEqual(self.c.describe_key(KeyId=arn)["KeyMetadata"]["KeyId"], m1["KeyId"])
        self.assertEqual(self.err(self.c.create_alias, AliasName=name, TargetKeyId=m2["KeyId"]),
                         ("AlreadyExistsException", f"An alias with the name {arn} already exists", 400))
        listed = self.c.list_aliases(KeyId=m1["KeyId"])["Aliases"]
        self.assertEqual([(a["AliasName"], a["AliasArn"], a["TargetKeyId"]) for a in listed], [(name, arn, m1["KeyId"])])
        self.c.update_alias(AliasName=name, TargetKeyId=m2["Arn"])
        self.assertEqual(self.c.describe_key(KeyId=name)["KeyMetadata"]["KeyId"], m2["KeyId"])
        self.assertEqual(self.c.list_aliases(KeyId=m1["KeyId"])["Aliases"], [])
        self.c.delete_alias(AliasName=name)
        self.assertEqual(self.err(self.c.delete_alias, AliasName=name),
                         ("NotFoundException", f"Alias {arn} is not found.", 400))
        self.assertEqual(self.err(self.c.update_alias, AliasName=name, TargetKeyId=m2["KeyId"]),
                         ("NotFoundException", f"Alias {arn} is not found.", 400))

    def test_alias_errors(self):
        m = self.key()
        self.assertEqual(self.err(self.c.create_alias, AliasName="noprefix", TargetKeyId=m["KeyId"]),
                         ("ValidationException", 'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html', 400))
        self.assertEqual(self.err(self.c.create_alias, AliasName="alias/aws/mine", TargetKeyId=m["KeyId"])[0],
                         "NotAuthorizedException")
        self.assertEqual(self.err(self.c.create_alias, AliasName=uniq("x"), TargetKeyId="not-a-key"),
                         ("NotFoundException", "Invalid keyId 'not-a-key'", 400))

    def test_managed_s3_key(self):
        c = kms("ap-northeast-1")
        d1 = c.describe_key(KeyId="alias/aws/s3")["KeyMetadata"]
        self.assertEqual(d1["KeyManager"], "AWS")
        self.assertEqual(d1["Description"], "Default key that protects my S3 objects when no other key is defined")
        d2 = c.describe_key(KeyId="alias/aws/s3")["KeyMetadata"]
        self.assertEqual(d1["KeyId"], d2["KeyId"])
        s3 = [a for a in c.get_paginator("list_aliases").paginate().build_full_result()["Aliases"]
              if a["AliasName"] == "alias/aws/s3"]
        self.assertEqual(len(s3), 1)
        self.assertEqual(s3[0]["TargetKeyId"], d1["KeyId"])

    def test_unknown_operation(self):
        # An operation cmkemu does not serve answers UnknownOperationException.
        self.assertEqual(self.err(self.c.get_key_policy, KeyId=str(uuid.uuid4()), PolicyName="default")[0],
                         "UnknownOperationException")


if __name__ == "__main__":
    unittest.main()
