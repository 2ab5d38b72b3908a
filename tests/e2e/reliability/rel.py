"""Helpers of the reliability suites: start and stop a cmkemu instance of their own, raw HTTP on
loopback, the OCI and S3 fixtures the suites need, and RSS sampling. Python stdlib only."""
import hashlib
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import tempfile
import time
import uuid

BIN = os.environ.get("CMKEMU_BIN") or os.path.join(
    os.path.dirname(__file__), "..", "..", "..", "build", "cmkemu")
LONG = os.environ.get("LONG", "") not in ("", "0")
# A sanitizer build is slower and its allocator keeps freed memory in quarantine.
SANITIZED = "asan" in os.path.basename(os.path.dirname(os.path.abspath(BIN)))

TENANCY = "ocid1.tenancy.oc1..aaaaaaaarelsuite"
USER = "ocid1.user.oc1..aaaaaaaarelsuite"
COMPARTMENT = "ocid1.compartment.oc1..aaaaaaaarelsuite"
OCI_AUTH = ('Signature version="1",keyId="%s/%s/11:22:33",algorithm="rsa-sha256",'
            'headers="date (request-target) host",signature="c2ln"' % (TENANCY, USER))
AD = "Uocm:US-ASHBURN-AD-1"


def aws_auth(region="us-east-1", service="s3"):
    return ("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/%s/%s/aws4_request, "
            "SignedHeaders=host;x-amz-date, Signature=%s" % (region, service, "0" * 64))


SANITIZER_RE = re.compile(r"runtime error|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer")


class Server:
    """One cmkemu process on a free loopback port. db is a path (default: a file in a fresh
    temporary folder) or ':memory:'."""

    def __init__(self, db=None, args=(), tmpdir=None):
        self.tmp = tmpdir or tempfile.mkdtemp(prefix="cmkemu-rel-", dir=os.environ.get("CMKEMU_TMP"))
        self.db = db or os.path.join(self.tmp, "rel.db")
        self.args = list(args)
        self.proc = None
        self.port = None
        self.log_path = os.path.join(self.tmp, "server-%d.log" % id(self))
        self.logs = []
        self.start_ms = None

    def start(self):
        port_file = os.path.join(self.tmp, "port")
        if os.path.exists(port_file):
            os.unlink(port_file)
        log_path = "%s.%d" % (self.log_path, len(self.logs))
        self.logs.append(log_path)
        t0 = time.monotonic()
        with open(log_path, "wb") as log:
            self.proc = subprocess.Popen(
                [BIN, "--port", "0", "--port-file", port_file, "--db", self.db,
                 "--log-level", "warn"] + self.args,
                stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with open(port_file) as f:
                    text = f.read().strip()
                if text:
                    self.port = int(text)
                    break
            except (FileNotFoundError, ValueError):
                pass
            if self.proc.poll() is not None:
                raise RuntimeError("cmkemu exited at start: " + self.log_text())
            time.sleep(0.01)
        else:
            raise RuntimeError("cmkemu did not start")
        self.start_ms = (time.monotonic() - t0) * 1000
        return self

    def kill(self):
        """SIGKILL: no clean shutdown, as a crash."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
        if self.proc:
            self.proc.wait()

    def stop(self):
        """SIGTERM, then waits; returns the exit code."""
        if not self.proc:
            return 0
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                return -9
        return self.proc.returncode

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def log_text(self):
        out = []
        for p in self.logs:
            try:
                with open(p, errors="replace") as f:
                    out.append(f.read())
            except FileNotFoundError:
                pass
        return "".join(out)

    def sanitizer_reports(self):
        return [ln for ln in self.log_text().splitlines() if SANITIZER_RE.search(ln)]

    def rss_kb(self):
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    # --- HTTP ---------------------------------------------------------------------------
    def request(self, method, path, body=None, headers=None, timeout=30):
        """One request on a fresh connection: (status, headers dict lower-cased, body bytes)."""
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            if isinstance(body, str):
                body = body.encode()
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            data = r.read()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, data
        finally:
            c.close()

    def health(self, timeout=5):
        try:
            st, _, body = self.request("GET", "/_cmkemu/health", timeout=timeout)
            return st == 200 and b'"ok"' in body
        except OSError:
            return False

    def oci(self, method, path, doc=None, headers=None, base="/oci/us-ashburn-1"):
        h = {"Authorization": OCI_AUTH, "Content-Type": "application/json"}
        h.update(headers or {})
        body = json.dumps(doc) if doc is not None else None
        st, hd, data = self.request(method, base + path, body=body, headers=h)
        try:
            js = json.loads(data) if data else None
        except ValueError:
            js = None
        return st, hd, js

    def s3(self, method, path, body=None, headers=None, region="us-east-1"):
        h = {"Authorization": aws_auth(region), "x-amz-date": "20260101T000000Z"}
        h.update(headers or {})
        return self.request(method, path, body=body, headers=h)

    def raw(self, data, read_timeout=10, shut=False):
        """Sends raw bytes on a new socket, reads until the server closes or read_timeout passes.
        Returns the bytes received."""
        s = socket.create_connection(("127.0.0.1", self.port), timeout=read_timeout)
        try:
            try:
                s.sendall(data)
            except OSError:
                pass
            if shut:
                try:
                    s.shutdown(socket.SHUT_WR)
                except OSError:
                    pass
            return recv_all(s, read_timeout)
        finally:
            s.close()


def recv_all(s, timeout):
    out = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        s.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            chunk = s.recv(65536)
        except socket.timeout:
            break
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        if response_complete(out):
            break
    return out


def response_complete(data):
    """True when data holds a whole HTTP response with a Content-Length body."""
    head, sep, body = data.partition(b"\r\n\r\n")
    if not sep:
        return False
    m = re.search(rb"(?im)^content-length:\s*(\d+)", head)
    return bool(m) and len(body) >= int(m.group(1))


def status_of(raw):
    m = re.match(rb"HTTP/1\.[01] (\d{3})", raw)
    return int(m.group(1)) if m else None


def body_of(raw):
    return raw.partition(b"\r\n\r\n")[2]


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:10])


def content_md5(body):
    import base64
    return base64.b64encode(hashlib.md5(body).digest()).decode()


def sse_kms_xml(key_id):
    return ('<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
            "<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm>"
            "<KMSMasterKeyID>%s</KMSMasterKeyID></ApplyServerSideEncryptionByDefault>"
            "</Rule></ServerSideEncryptionConfiguration>" % key_id).encode()


class OciFixtures:
    """A vault with AES keys, a bucket and volumes, created through the APIs."""

    def __init__(self, srv, nkeys=4, nbuckets=1, nvolumes=1):
        self.srv = srv
        st, _, ns = srv.oci("GET", "/n")
        assert st == 200, st
        self.ns = ns
        st, _, v = srv.oci("POST", "/20180608/vaults", {
            "compartmentId": COMPARTMENT, "displayName": unique("rel"), "vaultType": "DEFAULT"})
        assert st == 200, (st, v)
        self.vault = v
        mgmt = v["managementEndpoint"]
        self.mgmt_base = mgmt[mgmt.index("/oci/"):]
        self.keys = []
        for i in range(nkeys):
            st, _, k = srv.oci("POST", "/20180608/keys", {
                "compartmentId": COMPARTMENT, "displayName": "rel-key-%d" % i,
                "keyShape": {"algorithm": "AES", "length": 32}}, base=self.mgmt_base)
            assert st == 200, (st, k)
            self.keys.append(k["id"])
        self.buckets = []
        for _ in range(nbuckets):
            name = unique("rel")
            st, _, b = srv.oci("POST", "/n/%s/b" % ns, {"name": name, "compartmentId": COMPARTMENT})
            assert st == 200, (st, b)
            self.buckets.append(name)
        self.volumes = []
        for _ in range(nvolumes):
            st, _, vol = srv.oci("POST", "/20160918/volumes", {
                "compartmentId": COMPARTMENT, "availabilityDomain": AD,
                "displayName": unique("rel"), "sizeInGBs": 50})
            assert st == 200, (st, vol)
            self.volumes.append(vol["id"])
        self.wait_keys_enabled()

    def wait_keys_enabled(self):
        deadline = time.monotonic() + 10
        for k in self.keys:
            while True:
                st, _, doc = self.srv.oci("GET", "/20180608/keys/" + k, base=self.mgmt_base)
                if st == 200 and doc.get("lifecycleState") == "ENABLED":
                    break
                if time.monotonic() > deadline:
                    raise AssertionError("key %s not ENABLED: %s" % (k, doc))
                time.sleep(0.05)
