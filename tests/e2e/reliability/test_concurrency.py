"""Concurrency: 64 requests released at once against one resource. Conditional updates carrying
the same etag: exactly one wins, the others answer 412, the final state is the winner's. Creates
of one name: exactly one 200, the others 409."""
import http.client
import json
import socket
import threading
import unittest

import rel

N = 64
ROUNDS = 5 if rel.LONG else 1


def burst(srv, make):
    """Opens N connections, then sends N requests at once (make(i) -> method, path, body,
    headers). Returns [(i, status, headers, body)]."""
    conns = []
    for _ in range(N):
        c = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=60)
        c.connect()
        c.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        conns.append(c)
    gate = threading.Barrier(N)
    out = [None] * N

    def one(i):
        meth, path, body, headers = make(i)
        gate.wait()
        try:
            conns[i].request(meth, path, body=body, headers=headers)
            r = conns[i].getresponse()
            data = r.read()
            out[i] = (i, r.status, {k.lower(): v for k, v in r.getheaders()}, data)
        except Exception as e:  # noqa: BLE001 - recorded, asserted by the caller
            out[i] = (i, None, {}, repr(e).encode())
        finally:
            conns[i].close()
    threads = [threading.Thread(target=one, args=(i,)) for i in range(N)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(90)
    return out


class Concurrency(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = rel.Server().start()
        cls.fx = rel.OciFixtures(cls.srv, nkeys=8, nbuckets=1, nvolumes=1)

    @classmethod
    def tearDownClass(cls):
        rc = cls.srv.stop()
        reports = cls.srv.sanitizer_reports()
        if rc != 0 or reports:
            raise AssertionError("server exit %s, sanitizer: %s" % (rc, reports[:20]))

    def split(self, results, ok=200):
        self.assertTrue(all(r[1] is not None for r in results), [r for r in results if r[1] is None][:3])
        wins = [r for r in results if r[1] == ok]
        rest = [r for r in results if r[1] != ok]
        return wins, rest

    def test_update_bucket_same_if_match(self):
        ns, b = self.fx.ns, self.fx.buckets[0]
        for _ in range(ROUNDS):
            st, hd, doc = self.srv.oci("GET", "/n/%s/b/%s" % (ns, b))
            self.assertEqual(st, 200)
            etag = hd["etag"]

            def make(i):
                return ("POST", "/oci/us-ashburn-1/n/%s/b/%s" % (ns, b),
                        json.dumps({"kmsKeyId": self.fx.keys[i % len(self.fx.keys)],
                                    "freeformTags": {"writer": str(i)}}),
                        {"Authorization": rel.OCI_AUTH, "Content-Type": "application/json",
                         "if-match": etag})
            wins, rest = self.split(burst(self.srv, make))
            self.assertEqual(len(wins), 1, [(r[1], r[3][:100]) for r in wins[:3] + rest[:3]])
            for r in rest:
                self.assertEqual(r[1], 412, r[3][:300])
                self.assertEqual(json.loads(r[3])["code"], "IfMatchFailed")
            i = wins[0][0]
            st, hd, doc = self.srv.oci("GET", "/n/%s/b/%s" % (ns, b))
            self.assertEqual(doc["freeformTags"], {"writer": str(i)})
            self.assertEqual(doc["kmsKeyId"], self.fx.keys[i % len(self.fx.keys)])
            self.assertEqual(hd["etag"], wins[0][2]["etag"])
            self.assertNotEqual(hd["etag"], etag)

    def test_update_volume_kms_key_same_if_match(self):
        vol = self.fx.volumes[0]
        for _ in range(ROUNDS):
            st, hd, doc = self.srv.oci("GET", "/20160918/volumes/%s" % vol)
            self.assertEqual(st, 200)
            etag = hd["etag"]

            def make(i):
                return ("PUT", "/oci/us-ashburn-1/20160918/volumes/%s/kmsKey" % vol,
                        json.dumps({"kmsKeyId": self.fx.keys[i % len(self.fx.keys)]}),
                        {"Authorization": rel.OCI_AUTH, "Content-Type": "application/json",
                         "if-match": etag})
            wins, rest = self.split(burst(self.srv, make))
            self.assertEqual(len(wins), 1, [(r[1], r[3][:100]) for r in wins[:3] + rest[:3]])
            for r in rest:
                self.assertEqual(r[1], 412, r[3][:300])
                self.assertEqual(json.loads(r[3])["code"], "NoEtagMatch")
            i = wins[0][0]
            st, hd, doc = self.srv.oci("GET", "/20160918/volumes/%s" % vol)
            self.assertEqual(doc["kmsKeyId"], self.fx.keys[i % len(self.fx.keys)])
            self.assertEqual(hd["etag"], wins[0][2]["etag"])
            self.assertNotEqual(hd["etag"], etag)

    def test_read_after_write_on_other_connections(self):
        """A write answered 200 is seen by the next read, whichever connection (and so whichever
        server thread) reads it: 8 writers on resources of their own, each reading back on a
        second connection while the others write."""
        fx = self.fx
        errors = []
        h = {"Authorization": rel.OCI_AUTH, "Content-Type": "application/json"}
        own = []
        for w in range(8):
            if w % 2:
                st, _, v = self.srv.oci("POST", "/20160918/volumes", {
                    "compartmentId": rel.COMPARTMENT, "availabilityDomain": rel.AD,
                    "displayName": rel.unique("raw")})
                self.assertEqual(st, 200, v)
                own.append(("/oci/us-ashburn-1/20160918/volumes/" + v["id"]))
            else:
                name = rel.unique("raw")
                st, _, b = self.srv.oci("POST", "/n/%s/b" % fx.ns, {"name": name, "compartmentId": rel.COMPARTMENT})
                self.assertEqual(st, 200, b)
                own.append("/oci/us-ashburn-1/n/%s/b/%s" % (fx.ns, name))

        def worker(w):
            path = own[w]
            wc = http.client.HTTPConnection("127.0.0.1", self.srv.port, timeout=30)
            rc = http.client.HTTPConnection("127.0.0.1", self.srv.port, timeout=30)
            try:
                for i in range(300 if rel.LONG else 50):
                    key = fx.keys[(w + i) % len(fx.keys)]
                    if w % 2:
                        wc.request("PUT", path + "/kmsKey", body=json.dumps({"kmsKeyId": key}), headers=h)
                    else:
                        wc.request("POST", path, body=json.dumps({"kmsKeyId": key, "freeformTags": {"i": str(i)}}),
                                   headers=h)
                    r = wc.getresponse()
                    r.read()
                    etag = r.getheader("etag")
                    if r.status != 200 or not etag:
                        errors.append("write %d/%d -> %d" % (w, i, r.status))
                        return
                    rc.request("GET", path, headers=h)
                    r = rc.getresponse()
                    doc = json.loads(r.read())
                    seen = (r.getheader("etag"), doc.get("kmsKeyId"), doc.get("freeformTags", {}).get("i", str(i)))
                    if seen != (etag, key, str(i)):
                        errors.append("read after write %d/%d: wrote %s, read %s" % (w, i, (etag, key), seen))
                        return
            finally:
                wc.close()
                rc.close()
        threads = [threading.Thread(target=worker, args=(w,)) for w in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        self.assertEqual(errors, [])

    def test_s3_create_bucket_one_name(self):
        # CHOICE: outside us-east-1 a second create by the owner is 409 BucketAlreadyOwnedByYou
        body = (b"<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint>"
                b"</CreateBucketConfiguration>")
        for _ in range(ROUNDS):
            name = rel.unique("rel-race")

            def make(i):
                return ("PUT", "/" + name, body, {"Authorization": rel.aws_auth("eu-west-1"),
                                                  "x-amz-date": "20260101T000000Z"})
            wins, rest = self.split(burst(self.srv, make))
            self.assertEqual(len(wins), 1, [(r[1], r[3][:200]) for r in wins[:3] + rest[:3]])
            for r in rest:
                self.assertEqual(r[1], 409, r[3][:300])
                self.assertIn(b"<Code>BucketAlreadyOwnedByYou</Code>", r[3])
            st, _, data = self.srv.s3("GET", "/%s?location" % name, region="eu-west-1")
            self.assertEqual(st, 200, data)
            self.assertIn(b"eu-west-1", data)
            st, _, data = self.srv.s3("GET", "/")
            self.assertEqual(data.count(("<Name>%s</Name>" % name).encode()), 1)

    def test_oci_create_bucket_one_name(self):
        ns = self.fx.ns
        for _ in range(ROUNDS):
            name = rel.unique("rel-race")

            def make(i):
                return ("POST", "/oci/us-ashburn-1/n/%s/b" % ns,
                        json.dumps({"name": name, "compartmentId": rel.COMPARTMENT,
                                    "freeformTags": {"writer": str(i)}}),
                        {"Authorization": rel.OCI_AUTH, "Content-Type": "application/json"})
            wins, rest = self.split(burst(self.srv, make))
            self.assertEqual(len(wins), 1, [(r[1], r[3][:200]) for r in wins[:3] + rest[:3]])
            for r in rest:
                self.assertEqual(r[1], 409, r[3][:300])
                self.assertEqual(json.loads(r[3])["code"], "BucketAlreadyExists")
            st, _, doc = self.srv.oci("GET", "/n/%s/b/%s" % (ns, name))
            self.assertEqual(doc["freeformTags"], {"writer": str(wins[0][0])})
            st, _, items = self.srv.oci("GET", "/n/%s/b?compartmentId=%s&limit=1000" % (ns, rel.COMPARTMENT))
            self.assertEqual([x["name"] for x in items].count(name), 1)


if __name__ == "__main__":
    unittest.main()
