"""Crash safety: a stream of acknowledged writes from several threads, SIGKILL at a random moment,
a restart on the same database file. Every write answered 2xx before the kill is there (each
resource holds its last acknowledged write, or the one in flight when the kill came), every row
reads whole, and PRAGMA integrity_check says ok. N trials (5; LONG=1: 50)."""
import http.client
import json
import os
import random
import shutil
import sqlite3
import tempfile
import threading
import time
import unittest

import rel

TRIALS = 50 if rel.LONG else 5
S3_BUCKETS = 3
OCI_BUCKETS = 3
VOLUMES = 3


def s3_key(n):
    return "arn:aws:kms:us-east-1:000000000000:key/%08x-0000-4000-8000-%012d" % (n >> 32, n & 0xFFFFFFFF)


class Writer(threading.Thread):
    """Writes one resource again and again on one keep-alive connection. Records the last write
    answered 2xx and the one in flight when the connection broke."""

    def __init__(self, srv, kind, target, keys, seq0, stop):
        super().__init__(daemon=True)
        self.srv, self.kind, self.target, self.keys = srv, kind, target, keys
        self.seq = seq0
        self.stop = stop
        self.acked = None     # (seq, value, etag)
        self.inflight = None  # (seq, value)
        self.count = 0
        self.error = None

    def request(self, seq):
        if self.kind == "s3":
            value = s3_key(seq)
            body = rel.sse_kms_xml(value)
            return value, "PUT", "/%s?encryption" % self.target, body, {
                "Authorization": rel.aws_auth(), "x-amz-date": "20260101T000000Z",
                "Content-MD5": rel.content_md5(body)}
        key = self.keys[seq % len(self.keys)]
        h = {"Authorization": rel.OCI_AUTH, "Content-Type": "application/json"}
        if self.kind == "os":
            value = (key, str(seq))
            body = json.dumps({"kmsKeyId": key, "freeformTags": {"seq": str(seq)}})
            return value, "POST", "/oci/us-ashburn-1/n/%s/b/%s" % self.target, body, h
        body = json.dumps({"kmsKeyId": key})
        return key, "PUT", "/oci/us-ashburn-1/20160918/volumes/%s/kmsKey" % self.target, body, h

    def run(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.srv.port, timeout=10)
        try:
            while not self.stop.is_set():
                self.seq += 1
                value, meth, path, body, headers = self.request(self.seq)
                self.inflight = (self.seq, value)
                try:
                    conn.request(meth, path, body=body, headers=headers)
                    r = conn.getresponse()
                    data = r.read()
                except (OSError, http.client.HTTPException):
                    return  # killed: this write is in flight, unacknowledged
                if r.status // 100 != 2:
                    self.error = "%s %s -> %d %s" % (meth, path, r.status, data[:300])
                    return
                self.acked = (self.seq, value, r.getheader("ETag") or r.getheader("etag"))
                self.inflight = None
                self.count += 1
        finally:
            conn.close()


class CrashSafety(unittest.TestCase):
    """One server for the class; each test_trial_NN is one kill and restart on its database."""

    @classmethod
    def setUpClass(cls):
        cls.srv = rel.Server().start()
        cls.rng = random.Random()
        cls.fx = rel.OciFixtures(cls.srv, nkeys=5, nbuckets=OCI_BUCKETS, nvolumes=VOLUMES)
        cls.s3b = [rel.unique("rel-crash") for _ in range(S3_BUCKETS)]
        for b in cls.s3b:
            st, _, body = cls.srv.s3("PUT", "/" + b)
            assert st == 200, body
        cls.last = {}  # resource -> (value, etag) observed after the last restart
        cls.total = 0

    @classmethod
    def tearDownClass(cls):
        cls.srv.stop()

    def trial(self, n):
        srv, fx = self.srv, self.fx
        self.assertTrue(srv.alive(), "server not running at the start of the trial")
        stop = threading.Event()
        writers = []
        for b in self.s3b:
            writers.append(Writer(srv, "s3", b, None, n * 10**7, stop))
        for b in fx.buckets:
            writers.append(Writer(srv, "os", (fx.ns, b), fx.keys, n * 10**7, stop))
        for v in fx.volumes:
            writers.append(Writer(srv, "bv", v, fx.keys, n * 10**7, stop))
        for w in writers:
            w.start()
        time.sleep(self.rng.uniform(0.2, 1.2))
        srv.kill()
        for w in writers:
            w.join(15)
            self.assertFalse(w.is_alive(), "a writer hung after the kill")
            self.assertIsNone(w.error, w.error)
        count = sum(w.count for w in writers)
        CrashSafety.total += count
        reports = srv.sanitizer_reports()
        self.assertFalse(reports, reports[:20])
        # the files as the kill left them, checked on a copy: the server, started again on
        # the originals, recovers them itself and holds them while it runs
        self.check_integrity_of_copy(srv)
        srv.start()  # same database file
        self.check_state(srv, writers, self.last)
        self.assertGreater(count, 10, "too few writes before the kill")

    def test_zz_clean_stop(self):
        """After the trials: SIGTERM stops the server cleanly, with no sanitizer report."""
        self.assertEqual(self.srv.stop(), 0, self.srv.log_text()[-2000:])
        reports = self.srv.sanitizer_reports()
        self.assertFalse(reports, reports[:20])
        self.check_integrity(self.srv)
        print("%d trials, %d acknowledged writes checked" % (TRIALS, CrashSafety.total))

    def observe(self, srv, w):
        """The resource's state after the restart: (value, etag)."""
        if w.kind == "s3":
            st, _, body = srv.s3("GET", "/%s?encryption" % w.target)
            if st == 404:
                self.assertIn(b"ServerSideEncryptionConfigurationNotFoundError", body)
                return None, None
            self.assertEqual(st, 200, body)
            return body.decode().split("<KMSMasterKeyID>")[1].split("</KMSMasterKeyID>")[0], None
        if w.kind == "os":
            st, hd, doc = srv.oci("GET", "/n/%s/b/%s" % w.target)
            self.assertEqual(st, 200, doc)
            value = (doc["kmsKeyId"], doc["freeformTags"].get("seq"))
            return (value if value != (None, None) else None), hd["etag"]
        st, hd, doc = srv.oci("GET", "/20160918/volumes/%s" % w.target)
        self.assertEqual(st, 200, doc)
        st, khd, kd = srv.oci("GET", "/20160918/volumes/%s/kmsKey" % w.target)
        self.assertEqual(st, 200, kd)
        self.assertEqual(kd.get("kmsKeyId"), doc.get("kmsKeyId"), "volume and its kmsKey disagree")
        self.assertEqual(khd["etag"], hd["etag"])
        return doc.get("kmsKeyId"), hd["etag"]

    def check_state(self, srv, writers, last):
        """last: resource -> (value, etag) observed after the previous restart."""
        for w in writers:
            res = (w.kind, w.target)
            base = (w.acked[1], w.acked[2]) if w.acked else last.get(res, (None, None))
            got, etag = self.observe(srv, w)
            if w.inflight and got == w.inflight[1]:
                pass  # the write in flight at the kill was committed: allowed
            else:
                self.assertEqual(got, base[0], "%s %s: lost write (acknowledged %s, in flight %s)"
                                 % (w.kind, w.target, w.acked, w.inflight))
                if base[1] is not None:
                    self.assertEqual(etag, base[1], "%s %s: etag of the acknowledged write"
                                     % (w.kind, w.target))
            last[res] = (got, etag)

    def check_integrity_of_copy(self, srv):
        d = tempfile.mkdtemp(prefix="cmkemu-crashcopy-", dir=os.environ.get("CMKEMU_TMP"))
        try:
            for ext in ("", "-wal", "-shm"):
                if os.path.exists(srv.db + ext):
                    shutil.copy(srv.db + ext, os.path.join(d, "copy.db" + ext))
            self.check_integrity_at(os.path.join(d, "copy.db"))
        finally:
            shutil.rmtree(d, ignore_errors=True)

    def check_integrity(self, srv):
        self.check_integrity_at(srv.db)

    def check_integrity_at(self, db):
        con = sqlite3.connect(db, timeout=10)
        try:
            self.assertEqual(con.execute("PRAGMA integrity_check").fetchall(), [("ok",)])
            self.assertEqual(con.execute("PRAGMA journal_mode").fetchone()[0], "wal")
        finally:
            con.close()


class WalBounded(unittest.TestCase):
    def test_wal_stays_bounded_under_writes(self):
        """The WAL is checkpointed and starts over: a stream of writes does not grow it."""
        srv = rel.Server().start()
        try:
            fx = rel.OciFixtures(srv, nkeys=2, nbuckets=1, nvolumes=1)
            conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10)
            h = {"Authorization": rel.OCI_AUTH, "Content-Type": "application/json"}
            for i in range(4000):
                conn.request("PUT", "/oci/us-ashburn-1/20160918/volumes/%s/kmsKey" % fx.volumes[0],
                             body=json.dumps({"kmsKeyId": fx.keys[i % 2]}), headers=h)
                r = conn.getresponse()
                r.read()
                self.assertEqual(r.status, 200)
            conn.close()
            size = os.path.getsize(srv.db + "-wal")
            # the checkpointer copies the WAL at 1000 pages (4 MiB) and it starts over
            self.assertLess(size, 8 << 20, "WAL grew to %d bytes after 4000 writes" % size)
        finally:
            srv.stop()

    def test_wal_stays_bounded_under_concurrent_writes_and_reads(self):
        """8 writers and 4 readers at once: the WAL never stays copied by itself, so the
        checkpointer copies its tail with the writers held and it still starts over."""
        srv = rel.Server().start()
        try:
            fx = rel.OciFixtures(srv, nkeys=2, nbuckets=1, nvolumes=1)
            h = {"Authorization": rel.OCI_AUTH, "Content-Type": "application/json"}
            vol = "/oci/us-ashburn-1/20160918/volumes/%s" % fx.volumes[0]
            stop = threading.Event()
            statuses = []

            def writer(n):
                conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10)
                for i in range(n):
                    conn.request("PUT", vol + "/kmsKey",
                                 body=json.dumps({"kmsKeyId": fx.keys[i % 2]}), headers=h)
                    r = conn.getresponse()
                    r.read()
                    statuses.append(r.status)
                conn.close()

            def reader():
                conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=10)
                while not stop.is_set():
                    conn.request("GET", vol, headers=h)
                    r = conn.getresponse()
                    r.read()
                    statuses.append(r.status)
                conn.close()

            readers = [threading.Thread(target=reader) for _ in range(4)]
            writers = [threading.Thread(target=writer, args=(750,)) for _ in range(8)]
            for t in readers + writers:
                t.start()
            for t in writers:
                t.join()
            stop.set()
            for t in readers:
                t.join()
            self.assertEqual(set(statuses), {200})
            size = os.path.getsize(srv.db + "-wal")
            self.assertLess(size, 8 << 20, "WAL grew to %d bytes after 6000 writes" % size)
        finally:
            srv.stop()


def _trial_test(n):
    def test(self):
        self.trial(n)
    test.__doc__ = "trial %d: writes, SIGKILL, restart, every acknowledged write present" % n
    return test


for _n in range(1, TRIALS + 1):
    setattr(CrashSafety, "test_trial_%02d" % _n, _trial_test(_n))


if __name__ == "__main__":
    unittest.main()
