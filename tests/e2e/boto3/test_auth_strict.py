"""--auth strict: a second cmkemu started here with an --auth-config. boto3 and the aws CLI with
the registered key pass (S3 bucket encryption, KMS, a presigned GET); a wrong secret, an unknown
key, a replay with another body, a skewed clock and an unsigned request are refused."""
import base64
import datetime
import hashlib
import hmac
import http.client
import json
import os
import re
import subprocess
import tempfile
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

AKID = "AKIASTRICTE2E000001"
SECRET = "strict/E2E+secret0000000000000000000000"
ACCOUNT = "210987654321"
ENC = {"Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]}
ENC_XML = ('<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
           "<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
           "</ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>")


def read(path):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return ""


class StrictServer:
    """cmkemu --auth strict on a free port with a throwaway database."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(dir=os.environ.get("CMKEMU_TMP"))
        cfg = os.path.join(self.dir, "auth.json")
        with open(cfg, "w") as f:
            json.dump({"aws": [{"accessKeyId": AKID, "secretAccessKey": SECRET, "account": ACCOUNT}]}, f)
        port_file = os.path.join(self.dir, "port")
        self.log = open(os.path.join(self.dir, "server.log"), "w")
        self.proc = subprocess.Popen(
            [os.environ["CMKEMU_BIN"], "--port", "0", "--port-file", port_file, "--db", ":memory:",
             "--auth", "strict", "--auth-config", cfg, "--log-level", "warn"],
            stderr=self.log)
        for _ in range(200):
            if read(port_file):
                break
            time.sleep(0.025)
        self.port = int(read(port_file))
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self):
        self.proc.terminate()
        self.proc.wait(10)
        self.log.close()


SERVER = None


def setUpModule():
    global SERVER
    SERVER = StrictServer()


def tearDownModule():
    SERVER.stop()


def client(service, akid=AKID, secret=SECRET, **cfg):
    return boto3.client(service, endpoint_url=SERVER.url, region_name="us-east-1",
                        aws_access_key_id=akid, aws_secret_access_key=secret,
                        config=Config(retries={"max_attempts": 1}, **cfg))


def send(method, path, headers, body=b""):
    """Sends a request as given; returns (status, body text)."""
    c = http.client.HTTPConnection("127.0.0.1", SERVER.port, timeout=10)
    c.request(method, path, body=body, headers=headers)
    r = c.getresponse()
    out = r.status, r.read().decode()
    c.close()
    return out


def signed(method, path, body=b"", service="s3", headers=None):
    """Headers of a request signed now by botocore's SigV4 signer with the registered key."""
    req = AWSRequest(method=method, url=SERVER.url + path, data=body, headers=headers or {})
    req.headers["x-amz-content-sha256"] = hashlib.sha256(body).hexdigest()
    SigV4Auth(Credentials(AKID, SECRET), service, "us-east-1").add_auth(req)
    return dict(req.headers.items())


def sign_at(method, path, when, body=b""):
    """An S3 request signed (by hand, per the SigV4 spec) as if sent at `when`."""
    amz = when.strftime("%Y%m%dT%H%M%SZ")
    payload = hashlib.sha256(body).hexdigest()
    host = f"127.0.0.1:{SERVER.port}"
    creq = "\n".join([method, path, "", f"host:{host}", f"x-amz-content-sha256:{payload}",
                      f"x-amz-date:{amz}", "", "host;x-amz-content-sha256;x-amz-date", payload])
    scope = f"{amz[:8]}/us-east-1/s3/aws4_request"
    sts = "\n".join(["AWS4-HMAC-SHA256", amz, scope, hashlib.sha256(creq.encode()).hexdigest()])
    key = ("AWS4" + SECRET).encode()
    for part in (amz[:8], "us-east-1", "s3", "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    sig = hmac.new(key, sts.encode(), hashlib.sha256).hexdigest()
    return {"Host": host, "x-amz-date": amz, "x-amz-content-sha256": payload,
            "Authorization": f"AWS4-HMAC-SHA256 Credential={AKID}/{scope}, "
                             f"SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature={sig}"}


def code_of(body):
    m = re.search(r"<Code>([^<]*)</Code>", body)
    return m.group(1) if m else body


class StrictBoto3(unittest.TestCase):
    def test_s3_bucket_encryption_with_the_registered_key(self):
        s3 = client("s3")
        s3.create_bucket(Bucket="strict-enc")
        s3.put_bucket_encryption(Bucket="strict-enc", ServerSideEncryptionConfiguration=ENC)
        got = s3.get_bucket_encryption(Bucket="strict-enc")["ServerSideEncryptionConfiguration"]
        self.assertEqual(got["Rules"][0]["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"], "AES256")
        s3.delete_bucket_encryption(Bucket="strict-enc")
        self.assertIn("strict-enc", [b["Name"] for b in s3.list_buckets()["Buckets"]])

    def test_kms_with_the_registered_key_in_its_account(self):
        kms = client("kms")
        arn = kms.create_key(Description="strict")["KeyMetadata"]["Arn"]
        self.assertTrue(arn.startswith(f"arn:aws:kms:us-east-1:{ACCOUNT}:key/"), arn)
        self.assertIn(arn, [k["KeyArn"] for k in kms.list_keys()["Keys"]])

    def test_presigned_get(self):
        s3 = client("s3", signature_version="s3v4")
        s3.create_bucket(Bucket="strict-presign")
        s3.put_bucket_encryption(Bucket="strict-presign", ServerSideEncryptionConfiguration=ENC)
        url = s3.generate_presigned_url("get_bucket_encryption", Params={"Bucket": "strict-presign"},
                                        ExpiresIn=300)
        self.assertIn("X-Amz-Signature=", url)
        with urllib.request.urlopen(url) as r:
            self.assertEqual(r.status, 200)
            self.assertIn("<SSEAlgorithm>AES256</SSEAlgorithm>", r.read().decode())
        # the same signature on another bucket, or a changed query, is refused
        for forged in (url.replace("strict-presign", "strict-other"), url.replace("X-Amz-Expires=300", "X-Amz-Expires=600")):
            with self.assertRaises(urllib.error.HTTPError) as e:
                urllib.request.urlopen(forged)
            self.assertEqual(e.exception.code, 403)
            self.assertEqual(code_of(e.exception.read().decode()), "SignatureDoesNotMatch")

    def test_expired_presigned_url(self):
        when = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=10)
        amz = when.strftime("%Y%m%dT%H%M%SZ")
        s3 = client("s3", signature_version="s3v4")
        url = s3.generate_presigned_url("list_buckets", ExpiresIn=60)
        url = re.sub(r"X-Amz-Date=[0-9TZ]+", f"X-Amz-Date={amz}", url)
        url = re.sub(r"%2F[0-9]{8}%2F", f"%2F{amz[:8]}%2F", url)
        with self.assertRaises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(url)
        body = e.exception.read().decode()
        self.assertEqual(e.exception.code, 403)
        self.assertIn("<Code>AccessDenied</Code><Message>Request has expired</Message>"
                      "<X-Amz-Expires>60</X-Amz-Expires><Expires>", body)
        self.assertIn("<ServerTime>", body)

    def test_wrong_secret(self):
        with self.assertRaises(ClientError) as e:
            client("s3", secret="not-the-secret").list_buckets()
        err = e.exception.response["Error"]
        self.assertEqual(err["Code"], "SignatureDoesNotMatch")
        self.assertEqual(err["Message"], "The request signature we calculated does not match the "
                                         "signature you provided. Check your key and signing method.")
        self.assertEqual(err["AWSAccessKeyId"], AKID)
        self.assertTrue(err["StringToSign"].startswith("AWS4-HMAC-SHA256\n"))
        self.assertTrue(err["StringToSignBytes"].startswith("41 57 53 34 2d"))
        self.assertTrue(err["CanonicalRequest"].startswith("GET\n/\n"))
        self.assertEqual(e.exception.response["ResponseMetadata"]["HTTPStatusCode"], 403)
        with self.assertRaises(ClientError) as e:
            client("kms", secret="not-the-secret").list_keys()
        self.assertEqual(e.exception.response["Error"]["Code"], "InvalidSignatureException")
        self.assertEqual(e.exception.response["ResponseMetadata"]["HTTPStatusCode"], 400)

    def test_unknown_key(self):
        with self.assertRaises(ClientError) as e:
            client("s3", akid="AKIANOTREGISTERED001").list_buckets()
        err = e.exception.response["Error"]
        self.assertEqual(err["Code"], "InvalidAccessKeyId")
        self.assertEqual(err["Message"], "The AWS Access Key Id you provided does not exist in our records.")
        self.assertEqual(err["AWSAccessKeyId"], "AKIANOTREGISTERED001")
        with self.assertRaises(ClientError) as e:
            client("kms", akid="AKIANOTREGISTERED001").list_keys()
        self.assertEqual(e.exception.response["Error"]["Code"], "UnrecognizedClientException")
        self.assertEqual(e.exception.response["Error"]["Message"],
                         "The security token included in the request is invalid.")

    def test_replay_with_another_body(self):
        client("s3").create_bucket(Bucket="strict-replay")
        path = "/strict-replay?encryption"
        body = ENC_XML.encode()
        md5 = base64.b64encode(hashlib.md5(body).digest()).decode()
        h = signed("PUT", path, body, headers={"Content-MD5": md5})
        self.assertEqual(send("PUT", path, h, body)[0], 200)
        other = body.replace(b"AES256", b"aws:kms")
        # the same headers with another body: the body is not what was signed
        status, text = send("PUT", path, h, other)
        self.assertEqual((status, code_of(text)), (400, "XAmzContentSHA256Mismatch"))
        # and with x-amz-content-sha256 made to fit the new body, the signature breaks
        h2 = dict(h, **{"x-amz-content-sha256": hashlib.sha256(other).hexdigest()})
        status, text = send("PUT", path, h2, other)
        self.assertEqual((status, code_of(text)), (403, "SignatureDoesNotMatch"))
        # KMS: the body is in the signature
        kh = signed("POST", "/", b'{"Description":"a"}', service="kms",
                    headers={"X-Amz-Target": "TrentService.CreateKey",
                             "Content-Type": "application/x-amz-json-1.1"})
        status, text = send("POST", "/", kh, b'{"Description":"b"}')
        self.assertEqual(status, 400)
        self.assertEqual(json.loads(text)["__type"], "InvalidSignatureException")

    def test_skewed_clock(self):
        now = datetime.datetime.now(datetime.timezone.utc)
        self.assertEqual(send("GET", "/", sign_at("GET", "/", now))[0], 200)
        for delta in (-16, 16):
            h = sign_at("GET", "/", now + datetime.timedelta(minutes=delta))
            status, text = send("GET", "/", h)
            self.assertEqual((status, code_of(text)), (403, "RequestTimeTooSkewed"))
            self.assertIn("<Message>The difference between the request time and the current time is "
                          f"too large.</Message><RequestTime>{h['x-amz-date']}</RequestTime><ServerTime>", text)
            self.assertIn("<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>", text)

    def test_unsigned(self):
        status, text = send("GET", "/", {})
        self.assertEqual((status, code_of(text)), (403, "AccessDenied"))
        self.assertIn("<Message>Access Denied</Message>", text)
        status, text = send("POST", "/", {"X-Amz-Target": "TrentService.ListKeys",
                                          "Content-Type": "application/x-amz-json-1.1"}, b"{}")
        self.assertEqual(status, 400)
        self.assertEqual(json.loads(text)["__type"], "MissingAuthenticationTokenException")
        # the health endpoint stays open
        self.assertEqual(send("GET", "/_cmkemu/health", {})[0], 200)


class StrictAwsCli(unittest.TestCase):
    def aws(self, *args, akid=AKID, secret=SECRET):
        env = dict(os.environ, AWS_ACCESS_KEY_ID=akid, AWS_SECRET_ACCESS_KEY=secret,
                   AWS_DEFAULT_REGION="us-east-1", AWS_CONFIG_FILE="/dev/null",
                   AWS_SHARED_CREDENTIALS_FILE="/dev/null")
        return subprocess.run(["aws", "--endpoint-url", SERVER.url, *args], env=env,
                              capture_output=True, text=True, timeout=60)

    def test_cli_with_the_registered_key(self):
        self.assertEqual(self.aws("s3api", "create-bucket", "--bucket", "strict-cli").returncode, 0)
        r = self.aws("s3api", "put-bucket-encryption", "--bucket", "strict-cli",
                     "--server-side-encryption-configuration", json.dumps(ENC))
        self.assertEqual(r.returncode, 0, r.stderr)
        r = self.aws("s3api", "get-bucket-encryption", "--bucket", "strict-cli")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("AES256", r.stdout)
        r = self.aws("kms", "create-key", "--description", "cli")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn(f":{ACCOUNT}:key/", r.stdout)

    def test_cli_refused(self):
        r = self.aws("s3api", "list-buckets", secret="wrong")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("SignatureDoesNotMatch", r.stderr)
        r = self.aws("kms", "list-keys", akid="AKIANOTREGISTERED002")
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("UnrecognizedClientException", r.stderr)


if __name__ == "__main__":
    unittest.main()
