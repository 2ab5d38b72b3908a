"""Shared helpers of the S3 boto3 suites: clients, unique bucket names, raw requests."""
import http.client
import os
import re
import secrets
import urllib.parse

import boto3
from botocore.config import Config

URL = os.environ["CMKEMU_URL"]
MX = "The XML you provided was not well-formed or did not validate against our published schema"
NS = "http://s3.amazonaws.com/doc/2006-03-01/"


def client(region="us-east-1", key=None, **s3cfg):
    """A boto3 S3 client against cmkemu; key is the access key id (a 12-digit key names an account)."""
    return boto3.client(
        "s3",
        endpoint_url=URL,
        region_name=region,
        aws_access_key_id=key or os.environ.get("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"),
        aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY", "secret"),
        config=Config(retries={"max_attempts": 1}, s3=s3cfg or None),
    )


def name(prefix="b3"):
    """A bucket name no other test uses."""
    return f"{prefix}-{secrets.token_hex(6)}"


def account():
    """A fresh 12-digit account id."""
    return "1" + "".join(secrets.choice("0123456789") for _ in range(11))


def raw(method, path, body=b"", headers=None):
    """An unsigned request (the default account); returns (status, headers dict, body str)."""
    u = urllib.parse.urlsplit(URL)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        data = r.read().decode()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, data
    finally:
        conn.close()


def element(xml, tag):
    m = re.search(f"<{tag}>(.*?)</{tag}>", xml)
    return m.group(1) if m else None
