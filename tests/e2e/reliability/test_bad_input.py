"""Bad input: every malformed, oversized, slow or hostile request gets the API's own error
promptly, the server keeps serving others, memory stays flat and the tables stay intact."""
import json
import socket
import sqlite3
import threading
import time
import unittest
import urllib.parse
from xml.etree import ElementTree

import rel

CAP = 1048576  # this instance's --max-body
IDLE = 2     # this instance's --idle-timeout, seconds
PROMPT = 10 if rel.SANITIZED else 5  # seconds an answer may take


def chunked(body, n=16384):
    out = bytearray()
    for i in range(0, len(body), n):
        c = body[i:i + n]
        out += b"%x\r\n" % len(c) + c + b"\r\n"
    return bytes(out + b"0\r\n\r\n")


def head(method, path, auth, extra=b""):
    return (method.encode() + b" " + path.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Authorization: " + auth.encode() + b"\r\nx-amz-date: 20260101T000000Z\r\n" + extra)


S3_PUT = ("PUT", "/rel-bad-bucket?encryption", rel.aws_auth())
OCI_POST = ("POST", "/oci/us-ashburn-1/n/{ns}/b/{bucket}", rel.OCI_AUTH)


def exchange(srv, data, timeout=PROMPT):
    """Sends data from one thread while reading on another, as a client that streams its body
    and reads the answer as soon as it comes. Returns (raw answer, seconds)."""
    s = socket.create_connection(("127.0.0.1", srv.port), timeout=timeout)
    t0 = time.monotonic()

    def send():
        try:
            s.sendall(data)
        except OSError:
            pass
    th = threading.Thread(target=send, daemon=True)
    th.start()
    try:
        out = rel.recv_all(s, timeout)
    finally:
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        s.close()
        th.join(timeout)
    return out, time.monotonic() - t0


class BadInput(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = rel.Server(args=["--max-body", str(CAP), "--idle-timeout", str(IDLE)]).start()
        cls.fx = rel.OciFixtures(cls.srv, nkeys=1, nbuckets=1, nvolumes=1)
        st, _, _ = cls.srv.s3("PUT", "/rel-bad-bucket")
        assert st == 200, st
        cls.oci_path = OCI_POST[1].format(ns=cls.fx.ns, bucket=cls.fx.buckets[0])

    @classmethod
    def tearDownClass(cls):
        rc = cls.srv.stop()
        reports = cls.srv.sanitizer_reports()
        if rc != 0 or reports:
            raise AssertionError("server exit %s, sanitizer: %s" % (rc, reports[:20]))

    def setUp(self):
        self.assertTrue(self.srv.health(), "server not healthy before the case")

    def tearDown(self):
        self.assertTrue(self.srv.alive(), "server died")
        self.assertTrue(self.srv.health(), "server not healthy after the case")

    # --- helpers ---------------------------------------------------------------------------
    def assert_s3_error(self, raw, status, code):
        self.assertEqual(rel.status_of(raw), status, raw[:400])
        self.assertIn(b"<Code>%s</Code>" % code.encode(), rel.body_of(raw), raw[:600])

    def assert_oci_error(self, raw, status, code):
        self.assertEqual(rel.status_of(raw), status, raw[:400])
        doc = json.loads(rel.body_of(raw))
        self.assertEqual(doc.get("code"), code, raw[:600])

    # --- bodies over the cap ---------------------------------------------------------------
    BIG = b"<a>" + b"x" * (8 * 1024 * 1024) + b"</a>"

    def test_s3_over_cap_content_length(self):
        raw, secs = exchange(self.srv, head(*S3_PUT, b"Content-Length: %d\r\n\r\n" % len(self.BIG)) + self.BIG)
        self.assert_s3_error(raw, 400, "MaxMessageLengthExceeded")
        self.assertLess(secs, PROMPT)

    def test_s3_over_cap_chunked(self):
        raw, secs = exchange(self.srv, head(*S3_PUT, b"Transfer-Encoding: chunked\r\n\r\n") + chunked(self.BIG))
        self.assert_s3_error(raw, 400, "MaxMessageLengthExceeded")
        self.assertLess(secs, PROMPT)

    def test_oci_over_cap_content_length(self):
        raw, secs = exchange(self.srv, head("POST", self.oci_path, rel.OCI_AUTH,
                                            b"Content-Length: %d\r\n\r\n" % len(self.BIG)) + self.BIG)
        self.assert_oci_error(raw, 413, "PayloadTooLarge")
        self.assertLess(secs, PROMPT)

    def test_oci_over_cap_chunked(self):
        raw, secs = exchange(self.srv, head("POST", self.oci_path, rel.OCI_AUTH,
                                            b"Transfer-Encoding: chunked\r\n\r\n") + chunked(self.BIG))
        self.assert_oci_error(raw, 413, "PayloadTooLarge")
        self.assertLess(secs, PROMPT)

    def test_over_cap_content_length_huge_declared(self):
        # a declared length far beyond anything sent: answered from the headers alone
        raw, secs = exchange(self.srv, head("POST", self.oci_path, rel.OCI_AUTH,
                                            b"Content-Length: 99999999999999\r\n\r\n{"))
        self.assert_oci_error(raw, 413, "PayloadTooLarge")
        raw, secs = exchange(self.srv, head(*S3_PUT, b"Content-Length: 99999999999999\r\n\r\n<"))
        self.assert_s3_error(raw, 400, "MaxMessageLengthExceeded")

    def test_over_cap_expect_100_continue(self):
        # a client that waits for 100 Continue gets the refusal instead, before sending the body
        for meth, path, auth, check in (
                ("PUT", "/rel-bad-bucket?encryption", rel.aws_auth(),
                 lambda raw: self.assert_s3_error(raw, 400, "MaxMessageLengthExceeded")),
                ("POST", self.oci_path, rel.OCI_AUTH,
                 lambda raw: self.assert_oci_error(raw, 413, "PayloadTooLarge"))):
            s = socket.create_connection(("127.0.0.1", self.srv.port), timeout=PROMPT)
            s.sendall(head(meth, path, auth, b"Expect: 100-continue\r\nContent-Length: %d\r\n\r\n"
                           % (CAP * 10)))
            raw = rel.recv_all(s, PROMPT)
            s.close()
            self.assertNotIn(b"100 Continue", raw)
            check(raw)

    def test_over_cap_chunked_then_next_request_served(self):
        # after an over-cap answer the connection is closed or still in sync: never mis-framed
        data = head(*S3_PUT, b"Transfer-Encoding: chunked\r\n\r\n") + chunked(b"y" * (CAP * 3))
        data += b"GET /_cmkemu/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        raw, _ = exchange(self.srv, data)
        self.assert_s3_error(raw, 400, "MaxMessageLengthExceeded")

    def test_kms_over_cap(self):
        big = b"{\"a\":\"" + b"x" * (CAP * 4) + b"\"}"
        raw, _ = exchange(self.srv, b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: TrentService.ListKeys\r\n"
                          b"Content-Type: application/x-amz-json-1.1\r\nAuthorization: "
                          + rel.aws_auth(service="kms").encode()
                          + b"\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(big))
        self.assertEqual(rel.status_of(raw), 400, raw[:300])
        self.assertEqual(json.loads(rel.body_of(raw))["__type"], "SerializationException")

    def test_unsupported_transfer_encoding(self):
        # answered at once, not after the idle timeout with nothing
        for te in (b"gzip", b"gzip, chunked", b"identity", b"chunked, gzip"):
            raw, secs = exchange(self.srv, head(*S3_PUT, b"Transfer-Encoding: " + te +
                                                b"\r\n\r\n5\r\nabcde\r\n0\r\n\r\n"), timeout=IDLE * 3)
            self.assertEqual(rel.status_of(raw), 501, (te, raw[:200]))
            self.assertLess(secs, IDLE / 2, te)

    # --- truncated bodies --------------------------------------------------------------------
    def test_truncated_bodies(self):
        for meth, path, auth in (S3_PUT, ("POST", self.oci_path, rel.OCI_AUTH)):
            for shut in (False, True):
                s = socket.create_connection(("127.0.0.1", self.srv.port), timeout=PROMPT)
                s.sendall(head(meth, path, auth, b"Content-Length: 5000\r\n\r\n") + b"<Serv")
                if shut:
                    s.shutdown(socket.SHUT_WR)
                    rel.recv_all(s, 2)  # the server closes; nothing half-applied
                s.close()
        # truncated chunked body
        s = socket.create_connection(("127.0.0.1", self.srv.port), timeout=PROMPT)
        s.sendall(head(*S3_PUT, b"Transfer-Encoding: chunked\r\n\r\n") + b"ff\r\nabc")
        s.close()
        time.sleep(0.2)
        st, _, body = self.srv.s3("GET", "/rel-bad-bucket?encryption")
        self.assertIn(st, (200, 404), body)
        st, _, doc = self.srv.oci("GET", "/n/%s/b/%s" % (self.fx.ns, self.fx.buckets[0]))
        self.assertEqual(st, 200, doc)

    # --- slow clients ---------------------------------------------------------------------------
    def test_slow_client_byte_at_a_time_is_served(self):
        req = b"GET /_cmkemu/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        s = socket.create_connection(("127.0.0.1", self.srv.port), timeout=PROMPT)
        served = 0
        for i, b in enumerate(req):
            s.send(bytes([b]))
            time.sleep(0.01)
            if i % 10 == 0:
                self.assertTrue(self.srv.health(timeout=2), "others not served during a slow client")
                served += 1
        raw = rel.recv_all(s, PROMPT)
        s.close()
        self.assertEqual(rel.status_of(raw), 200, raw[:200])
        self.assertGreater(served, 3)

    def test_stalled_client_closed_after_idle_timeout(self):
        s = socket.create_connection(("127.0.0.1", self.srv.port), timeout=IDLE * 6)
        s.sendall(b"PUT /rel-bad-bucket?encryption HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le")
        t0 = time.monotonic()
        self.assertTrue(self.srv.health(), "others not served during a stalled client")
        s.settimeout(IDLE * 6)
        try:
            data = s.recv(4096)
        except ConnectionResetError:
            data = b""
        elapsed = time.monotonic() - t0
        s.close()
        self.assertEqual(data[:1], b"", data[:200])  # closed, nothing sent
        self.assertLess(elapsed, IDLE * 4, "idle connection kept %.1fs" % elapsed)

    def test_many_slow_clients_do_not_starve_others(self):
        socks = []
        try:
            for _ in range(100):
                s = socket.create_connection(("127.0.0.1", self.srv.port), timeout=PROMPT)
                s.sendall(b"GET /_cmkemu/health HTTP/1.1\r\nHo")
                socks.append(s)
            t0 = time.monotonic()
            for _ in range(20):
                self.assertTrue(self.srv.health(timeout=2))
            self.assertLess(time.monotonic() - t0, PROMPT)
        finally:
            for s in socks:
                s.close()

    def test_many_idle_connections_do_not_lock_others_out(self):
        # more idle connections than libmicrohttpd's default limit (1020): others still served
        import resource
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        n = 1500
        if hard != resource.RLIM_INFINITY and hard < n + 200:
            self.skipTest("descriptor limit %d" % hard)
        if soft != resource.RLIM_INFINITY and soft < n + 200:
            resource.setrlimit(resource.RLIMIT_NOFILE, (n + 200, hard))
        socks = []
        try:
            for _ in range(n):
                socks.append(socket.create_connection(("127.0.0.1", self.srv.port), timeout=PROMPT))
            time.sleep(0.2)
            for _ in range(5):
                self.assertTrue(self.srv.health(timeout=IDLE / 2), "a new client waited behind idle ones")
        finally:
            for s in socks:
                s.close()

    # --- headers ----------------------------------------------------------------------------------
    def test_thousands_of_headers(self):
        for n, size in ((5000, 10), (2000, 1), (600, 1), (513, 1), (200, 400)):
            extra = b"".join(b"X-Rel-%d: %s\r\n" % (i, b"v" * size) for i in range(n))
            for meth, path, auth in (("GET", "/rel-bad-bucket?encryption", rel.aws_auth()),
                                     ("GET", "/oci/us-ashburn-1/n/%s/b/%s" % (self.fx.ns, self.fx.buckets[0]),
                                      rel.OCI_AUTH)):
                raw, secs = exchange(self.srv, head(meth, path, auth, extra + b"\r\n"))
                self.assertIn(rel.status_of(raw), (431, 400), (n, size, raw[:300]))
                self.assertLess(secs, PROMPT)

    def test_header_cap_default(self):
        # --max-header defaults to 16 KiB: 12 KiB of headers are served, 20 KiB answer 431
        path = "/oci/us-ashburn-1/n/%s/b/%s" % (self.fx.ns, self.fx.buckets[0])
        for size, want in ((12 * 1024, 200), (20 * 1024, 431)):
            extra = b"Connection: close\r\nX-Rel-Big: " + b"v" * size + b"\r\n"
            raw, secs = exchange(self.srv, head("GET", path, rel.OCI_AUTH, extra + b"\r\n"))
            self.assertEqual(rel.status_of(raw), want, (size, raw[:300]))
            self.assertLess(secs, PROMPT)
        # a request line over the cap by itself: 414
        raw, _ = exchange(self.srv, head("GET", path + "?fields=" + "x" * (17 * 1024), rel.OCI_AUTH,
                                         b"Connection: close\r\n\r\n"))
        self.assertEqual(rel.status_of(raw), 414, raw[:300])

    def test_headers_up_to_the_cap_served(self):
        # a header section just under --max-header, in one header or spread over 40 and over
        # 100, is read whole and answered (the connection's memory is the cap plus 16 KiB)
        path = "/oci/us-ashburn-1/n/%s/b/%s" % (self.fx.ns, self.fx.buckets[0])
        base = len(head("GET", path, rel.OCI_AUTH, b"Connection: close\r\n\r\n"))
        room = 16 * 1024 - base - 64
        for n in (1, 40, 100):
            each = room // n - len(b"X-Rel-000: \r\n")
            extra = b"".join(b"X-Rel-%03d: %s\r\n" % (i, b"v" * each) for i in range(n))
            req = head("GET", path, rel.OCI_AUTH, b"Connection: close\r\n" + extra + b"\r\n")
            self.assertLess(len(req), 16 * 1024)
            raw, secs = exchange(self.srv, req)
            self.assertEqual(rel.status_of(raw), 200, (n, raw[:300]))
            self.assertIn(b'"name":"%s"' % self.fx.buckets[0].encode(), raw)
            self.assertLess(secs, PROMPT)

    def test_auth_after_many_headers_not_lost(self):
        # headers past any internal table limit must not be dropped silently
        extra = b"".join(b"X-Rel-%d: v\r\n" % i for i in range(520))
        req = (b"GET /oci/us-ashburn-1/n/%s/b/%s HTTP/1.1\r\nHost: 127.0.0.1\r\n" %
               (self.fx.ns.encode(), self.fx.buckets[0].encode()) + extra +
               b"Authorization: " + rel.OCI_AUTH.encode() + b"\r\n\r\n")
        raw, _ = exchange(self.srv, req)
        self.assertEqual(rel.status_of(raw), 431, raw[:300])

    def test_too_many_query_parameters(self):
        q = "&".join("p%d=v" % i for i in range(300))
        raw, _ = exchange(self.srv, head("GET", "/rel-bad-bucket?encryption&" + q, rel.aws_auth(), b"\r\n"))
        self.assertEqual(rel.status_of(raw), 414, raw[:300])

    def test_huge_header_line(self):
        raw, _ = exchange(self.srv, head("GET", "/rel-bad-bucket?encryption", rel.aws_auth(),
                                         b"X-Big: " + b"a" * 200000 + b"\r\n\r\n"))
        self.assertIn(rel.status_of(raw), (431, 400), raw[:300])
        raw, _ = exchange(self.srv, b"GET /" + b"a" * 200000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
        self.assertIn(rel.status_of(raw), (414, 431, 400), raw[:300])

    def test_garbage_request_lines(self):
        for data in (b"\x00\x01\x02\x03\r\n\r\n", b"GET\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n",
                     b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
                     b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
                     b"PUT /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n\r\n",
                     b"GET / HTTP/1.1\r\n" + b"Bad Header No Colon\r\n\r\n"):
            raw, _ = exchange(self.srv, data, timeout=3)
            st = rel.status_of(raw)
            self.assertTrue(st is None or 400 <= st < 600, (data, raw[:200]))

    # --- invalid UTF-8 ------------------------------------------------------------------------------
    def test_invalid_utf8_s3_bucket_name(self):
        for name in ("%FF%FE", "a%C3%28b", "abc%ED%A0%80", "%C0%AF"):
            st, _, body = self.srv.s3("PUT", "/" + name)
            self.assertEqual(st, 400, body)
            self.assertIn(b"<Code>InvalidBucketName</Code>", body)
            st, _, body = self.srv.s3("GET", "/" + name + "?encryption")
            self.assertIn(st, (400, 404), body)
            body.decode("utf-8")  # the error document is valid UTF-8
            ElementTree.fromstring(body)
        raw, _ = exchange(self.srv, head("PUT", "/ab\xff\xfe".encode("latin-1").decode("latin-1"),
                                         rel.aws_auth(), b"Content-Length: 0\r\n\r\n"))
        self.assertEqual(rel.status_of(raw), 400, raw[:300])

    def test_invalid_utf8_json(self):
        ns = self.fx.ns
        for body in (b'{"name":"\xff\xfe","compartmentId":"%s"}' % rel.COMPARTMENT.encode(),
                     b'{"name":"ok-\xc3\x28","compartmentId":"x"}', b"\xef\xbb\xbf{}", b"\xff"):
            st, _, data = self.srv.request("POST", "/oci/us-ashburn-1/n/%s/b" % ns, body=body,
                                           headers={"Authorization": rel.OCI_AUTH,
                                                    "Content-Type": "application/json"})
            self.assertEqual(st, 400, data)
            self.assertIn("code", json.loads(data))
            st, _, data = self.srv.request(
                "PUT", "/oci/us-ashburn-1/20160918/volumes/%s/kmsKey" % self.fx.volumes[0],
                body=body, headers={"Authorization": rel.OCI_AUTH, "Content-Type": "application/json"})
            self.assertEqual(st, 400, data)
            st, _, data = self.srv.request("POST", "/", body=body, headers={
                "X-Amz-Target": "TrentService.CreateKey", "Authorization": rel.aws_auth(service="kms"),
                "Content-Type": "application/x-amz-json-1.1"})
            self.assertEqual(st, 400, data)
        # invalid UTF-8 in an OCI path parameter
        for p in ("/n/%s/b/%%FF%%FE" % ns, "/20160918/volumes/%FF/kmsKey", "/n/%C3%28/b"):
            st, _, doc = self.srv.oci("GET", p)
            self.assertIn(st, (400, 404), doc)
            self.assertIn("code", doc)

    # --- SQL metacharacters -------------------------------------------------------------------------
    SQLI = ("' OR 1=1 --", '"; DROP TABLE s3_buckets; --', "%27", "'); DELETE FROM oci_os_buckets; --",
            "a' UNION SELECT * FROM sqlite_master --", "\\", "%", "_")

    def test_sql_metacharacters_in_path_parameters(self):
        before = self.table_counts()
        q = urllib.parse.quote
        ns, b, vol = self.fx.ns, self.fx.buckets[0], self.fx.volumes[0]
        for v in self.SQLI:
            e = q(v, safe="")
            for meth, path in (("GET", "/%s?encryption" % e), ("PUT", "/%s?encryption" % e),
                               ("DELETE", "/%s?encryption" % e), ("HEAD", "/%s" % e),
                               ("GET", "/%s" % e), ("DELETE", "/%s" % e)):
                st, _, body = self.srv.s3(meth, path, body=b"<x/>" if meth == "PUT" else None)
                self.assertIn(st, (400, 403, 404, 405, 501), (meth, path, body))
            for meth, path in (("GET", "/n/%s/b/%s" % (ns, e)), ("POST", "/n/%s/b/%s" % (ns, e)),
                               ("DELETE", "/n/%s/b/%s" % (ns, e)), ("GET", "/n/%s/b/%s" % (e, b)),
                               ("GET", "/n/%s/b?compartmentId=%s" % (ns, e)),
                               ("GET", "/20160918/volumes/%s" % e),
                               ("PUT", "/20160918/volumes/%s/kmsKey" % e),
                               ("GET", "/20160918/volumes?compartmentId=%s" % e),
                               ("GET", "/20180608/vaults/%s" % e),
                               ("GET", "/20200131/securityZones/%s" % e)):
                doc = {"kmsKeyId": v} if meth in ("PUT", "POST") else None
                st, _, js = self.srv.oci(meth, path, doc)
                self.assertIn(st, (200, 400, 404, 409), (meth, path, js))
                if st == 200:  # only the list queries: nothing matched
                    self.assertFalse(js.get("items", js) if isinstance(js, dict) else js, (path, js))
            st, _, js = self.srv.oci("GET", "/20180608/keys/%s" % e, base=self.fx.mgmt_base)
            self.assertIn(st, (400, 404), js)
            # a value that is stored: a bucket update with metacharacters in a string field
            st, _, js = self.srv.oci("POST", "/n/%s/b/%s" % (ns, b), {"freeformTags": {"k": v}})
            self.assertEqual(st, 200, js)
            self.assertEqual(js["freeformTags"], {"k": v})
            st, _, js = self.srv.oci("PUT", "/20160918/volumes/%s/kmsKey" % vol, {"kmsKeyId": v})
            self.assertIn(st, (400, 404), js)
        self.assertEqual(self.table_counts(), before)
        st, _, js = self.srv.oci("GET", "/n/%s/b/%s" % (ns, b))
        self.assertEqual(st, 200, js)

    def test_nul_in_path_parameters(self):
        # %00 cannot cut a name short and so name another resource
        ns, b, vol = self.fx.ns, self.fx.buckets[0], self.fx.volumes[0]
        st, _, js = self.srv.oci("GET", "/n/%s/b/%s%%00junk" % (ns, b))
        self.assertEqual((st, js["code"]), (404, "BucketNotFound"), js)
        st, _, js = self.srv.oci("POST", "/n/%s/b/%s%%00" % (ns, b), {"freeformTags": {"k": "v"}})
        self.assertEqual(st, 404, js)
        st, _, js = self.srv.oci("GET", "/20160918/volumes/%s%%00x" % vol)
        self.assertEqual(st, 404, js)
        st, _, body = self.srv.s3("GET", "/rel-bad-bucket%00x?encryption")
        self.assertIn(st, (400, 404), body)
        st, _, body = self.srv.s3("PUT", "/rel-nul%00bucket")
        self.assertEqual(st, 400, body)
        self.assertIn(b"<Code>InvalidBucketName</Code>", body)
        st, _, body = self.srv.s3("HEAD", "/rel-nul")
        self.assertEqual(st, 404)
        st, _, js = self.srv.oci("GET", "/n/%s/b?compartmentId=%s%%00x" % (ns, rel.COMPARTMENT))
        self.assertEqual((st, js), (200, []))

    def table_counts(self):
        """Row counts of every table. The running server holds its database file for itself,
        so it is stopped for the count and started again on the same file."""
        self.assertEqual(self.srv.stop(), 0)
        con = sqlite3.connect("file:%s?mode=ro" % self.srv.db, uri=True, timeout=10)
        try:
            names = [r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
            counts = {n: con.execute('SELECT count(*) FROM "%s"' % n).fetchone()[0] for n in names}
            self.assertEqual(con.execute("PRAGMA integrity_check").fetchone()[0], "ok")
            return counts
        finally:
            con.close()
            self.srv.start()

    # --- nesting and entities ----------------------------------------------------------------------
    def test_deeply_nested_json(self):
        for body in (b"[" * 100000, b"{\"a\":" * 50000, b"[" * 100000 + b"]" * 100000):
            st, _, data = self.srv.request("POST", "/oci/us-ashburn-1/n/%s/b" % self.fx.ns, body=body,
                                           headers={"Authorization": rel.OCI_AUTH})
            self.assertEqual(st, 400, data[:300])
            self.assertIn("code", json.loads(data))
            st, _, data = self.srv.request("POST", "/", body=body, headers={
                "X-Amz-Target": "TrentService.CreateKey", "Authorization": rel.aws_auth(service="kms"),
                "Content-Type": "application/x-amz-json-1.1"})
            self.assertEqual(st, 400, data[:300])

    def put_sse(self, body):
        return self.srv.s3("PUT", "/rel-bad-bucket?encryption", body=body,
                           headers={"Content-MD5": rel.content_md5(body)})

    def test_deeply_nested_xml(self):
        for body in (b"<a>" * 20000 + b"</a>" * 20000, b"<a>" * 20000,
                     b"<ServerSideEncryptionConfiguration>" + b"<Rule>" * 10000):
            t0 = time.monotonic()
            st, _, data = self.put_sse(body)
            self.assertEqual(st, 400, data[:300])
            self.assertIn(b"<Code>MalformedXML</Code>", data)
            self.assertLess(time.monotonic() - t0, PROMPT)

    def test_xml_entities(self):
        lol = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
               + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                          for i in range(1, 10))
               + b']><ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault>'
               b"<SSEAlgorithm>&lol9;</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule>"
               b"</ServerSideEncryptionConfiguration>")
        xxe = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
               b"<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault>"
               b"<SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>&xxe;</KMSMasterKeyID>"
               b"</ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>")
        net = (b'<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://127.0.0.2:9/x.dtd">'
               b"<ServerSideEncryptionConfiguration/>")
        pe = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>'
              b"<ServerSideEncryptionConfiguration/>")
        lower = b'<!doctype r [<!ENTITY x "y">]><ServerSideEncryptionConfiguration/>'
        undeclared = (b"<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault>"
                      b"<SSEAlgorithm>&xxe;</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule>"
                      b"</ServerSideEncryptionConfiguration>")
        for body in (lol, xxe, net, pe, lower, undeclared):
            t0 = time.monotonic()
            st, _, data = self.put_sse(body)
            self.assertEqual(st, 400, (body[:60], data[:300]))
            self.assertIn(b"<Code>MalformedXML</Code>", data, body[:60])
            self.assertNotIn(b"root:", data)
            self.assertNotIn(b"lollollol", data)
            self.assertLess(time.monotonic() - t0, PROMPT)
        st, _, data = self.srv.s3("GET", "/rel-bad-bucket?encryption")
        self.assertNotIn(b"root:", data)
        self.assertNotIn(b"lollol", data)

    # --- memory ----------------------------------------------------------------------------------------
    def test_zz_memory_stays_flat(self):
        """Runs the hostile cases again and again: RSS grows by a bounded amount only."""
        cases = [self.test_s3_over_cap_content_length, self.test_s3_over_cap_chunked,
                 self.test_oci_over_cap_content_length, self.test_oci_over_cap_chunked,
                 self.test_truncated_bodies, self.test_thousands_of_headers,
                 self.test_invalid_utf8_json, self.test_deeply_nested_json,
                 self.test_deeply_nested_xml, self.test_xml_entities, self.test_huge_header_line]
        for c in cases:  # warm-up: pools and caches reach their working size
            c()
        before = self.srv.rss_kb()
        rounds = 6 if rel.LONG else 3
        for _ in range(rounds):
            for c in cases:
                c()
        after = self.srv.rss_kb()
        bound = 65536 if rel.SANITIZED else 8192
        self.assertLess(after - before, bound, "RSS %d -> %d KiB" % (before, after))
        print("RSS %d -> %d KiB over %d rounds" % (before, after, rounds))


if __name__ == "__main__":
    unittest.main()
