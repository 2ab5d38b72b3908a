// auth_strict.test.mjs - --auth strict for OCI: a second cmkemu started here with an RSA key pair
// generated for the test, its public key registered through --auth-config. The OCI TypeScript
// SDK signing with the private key passes for Object Storage, Vault and Block Volume; requests
// signed by another key, replayed with another body, dated 10 minutes off or not signed at all
// get 401 NotAuthenticated (crafted with node's crypto and fetch).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import objectstorage from "oci-objectstorage";
import core from "oci-core";
import km from "oci-keymanagement";
import { client, common, ociError, uniq } from "./oci_client.mjs";

const TENANCY = "ocid1.tenancy.oc1..aaaaaaaastrictauthtenancyaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const USER = "ocid1.user.oc1..aaaaaaaastrictauthuseraaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const COMPARTMENT = "ocid1.compartment.oc1..aaaaaaaastrictauthcompartmentaaaaaaaaaaaaaaaaaaaaaaaaa";

function keyPair() {
  return crypto.generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
}

// OCI's API key fingerprint: MD5 of the DER public key, colon-separated hex.
function fingerprint(publicKeyPem) {
  const der = crypto.createPublicKey(publicKeyPem).export({ type: "spki", format: "der" });
  return crypto.createHash("md5").update(der).digest("hex").match(/../g).join(":");
}

const registered = keyPair();
const FINGERPRINT = fingerprint(registered.publicKey);
let server;
let base;

before(async () => {
  const dir = fs.mkdtempSync(path.join(process.env.CMKEMU_TMP ?? os.tmpdir(), "oci-strict-"));
  fs.writeFileSync(path.join(dir, "api_key_public.pem"), registered.publicKey);
  fs.writeFileSync(
    path.join(dir, "auth.json"),
    JSON.stringify({
      oci: [{ tenancy: TENANCY, user: USER, fingerprint: FINGERPRINT, publicKeyFile: "api_key_public.pem" }],
    }),
  );
  const portFile = path.join(dir, "port");
  server = spawn(
    process.env.CMKEMU_BIN,
    ["--port", "0", "--port-file", portFile, "--db", ":memory:", "--auth", "strict",
     "--auth-config", path.join(dir, "auth.json"), "--log-level", "warn"],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  for (let i = 0; i < 200 && !(fs.existsSync(portFile) && fs.readFileSync(portFile, "utf8").trim()); i++)
    await new Promise((r) => setTimeout(r, 25));
  base = `http://127.0.0.1:${fs.readFileSync(portFile, "utf8").trim()}`;
});

after(() => server?.kill("SIGTERM"));

const auth = () =>
  new common.SimpleAuthenticationDetailsProvider(TENANCY, USER, FINGERPRINT, registered.privateKey, null);
const sdk = (Cls, opts = {}) => client(Cls, { endpoint: `${base}/oci/us-ashburn-1`, auth: auth(), ...opts });

test("Object Storage, Vault and Block Volume through the SDK with the registered key", async () => {
  const osc = sdk(objectstorage.ObjectStorageClient);
  const ns = (await osc.getNamespace({})).value;
  const name = uniq("strict");
  const created = await osc.createBucket({
    namespaceName: ns,
    createBucketDetails: { name, compartmentId: COMPARTMENT },
  });
  assert.equal(created.bucket.name, name);
  assert.equal((await osc.getBucket({ namespaceName: ns, bucketName: name })).bucket.name, name);

  const vault = (
    await sdk(km.KmsVaultClient).createVault({
      createVaultDetails: { compartmentId: COMPARTMENT, displayName: uniq("v"), vaultType: "DEFAULT" },
    })
  ).vault;
  const mc = client(km.KmsManagementClient, { endpoint: vault.managementEndpoint, auth: auth() });
  const key = (
    await mc.createKey({
      createKeyDetails: { compartmentId: COMPARTMENT, displayName: uniq("k"), keyShape: { algorithm: "AES", length: 32 } },
    })
  ).key;
  assert.equal(key.lifecycleState, "ENABLED");

  const updated = await osc.updateBucket({
    namespaceName: ns,
    bucketName: name,
    updateBucketDetails: { kmsKeyId: key.id },
  });
  assert.equal(updated.bucket.kmsKeyId, key.id);

  const bs = sdk(core.BlockstorageClient);
  const vol = (
    await bs.createVolume({
      createVolumeDetails: { compartmentId: COMPARTMENT, availabilityDomain: "Uocm:IAD-AD-1", kmsKeyId: key.id },
    })
  ).volume;
  assert.equal(vol.kmsKeyId, key.id);
  assert.equal((await bs.getVolumeKmsKey({ volumeId: vol.id })).volumeKmsKey.kmsKeyId, key.id);
});

test("the SDK signing with an unregistered key gets 401 NotAuthenticated", async () => {
  const other = keyPair();
  const p = new common.SimpleAuthenticationDetailsProvider(TENANCY, USER, FINGERPRINT, other.privateKey, null);
  const e = await ociError(() => client(objectstorage.ObjectStorageClient, { endpoint: base, auth: p }).getNamespace({}));
  assert.equal(e.statusCode, 401);
  assert.equal(e.serviceCode, "NotAuthenticated");
});

// A request signed as the OCI SDKs sign (reference §7), sent with fetch.
function signedRequest(method, target, { body, privateKey = registered.privateKey, date = new Date() } = {}) {
  const host = new URL(base).host;
  const headers = { "x-date": date.toUTCString(), host };
  const names = ["x-date", "(request-target)", "host"];
  if (body !== undefined) {
    headers["content-type"] = "application/json";
    headers["content-length"] = String(Buffer.byteLength(body));
    headers["x-content-sha256"] = crypto.createHash("sha256").update(body).digest("base64");
    names.push("content-type", "content-length", "x-content-sha256");
  }
  const signing = names
    .map((n) => (n === "(request-target)" ? `${n}: ${method.toLowerCase()} ${target}` : `${n}: ${headers[n]}`))
    .join("\n");
  const signature = crypto.sign("sha256", Buffer.from(signing), privateKey).toString("base64");
  headers.authorization =
    `Signature version="1",keyId="${TENANCY}/${USER}/${FINGERPRINT}",algorithm="rsa-sha256",` +
    `headers="${names.join(" ")}",signature="${signature}"`;
  delete headers.host; // fetch sends the same Host and Content-Length itself
  delete headers["content-length"];
  return headers;
}

async function send(method, target, headers, body) {
  const r = await fetch(base + target, { method, headers, body });
  return { status: r.status, body: await r.json().catch(() => null) };
}

test("crafted requests: signed right passes; another key, another body, a skewed date, no signature: 401", async () => {
  const target = "/n/" + "ns/b?compartmentId=" + COMPARTMENT;
  // getNamespace with the registered key, crafted here: passes
  let r = await send("GET", "/n", signedRequest("GET", "/n"));
  assert.equal(r.status, 200);
  const ns = r.body;
  assert.equal(typeof ns, "string");

  // a bucket created with a hand-signed POST
  const bucketsPath = `/n/${ns}/b`;
  const body = JSON.stringify({ name: uniq("signed"), compartmentId: COMPARTMENT });
  const h = signedRequest("POST", bucketsPath, { body });
  r = await send("POST", bucketsPath, h, body);
  assert.equal(r.status, 200);

  // the same headers replayed with another body
  const other = JSON.stringify({ name: uniq("replay"), compartmentId: COMPARTMENT });
  r = await send("POST", bucketsPath, h, other);
  assert.equal(r.status, 401);
  assert.equal(r.body.code, "NotAuthenticated");
  // ... and with x-content-sha256 made to fit it, the signature no longer verifies
  r = await send(
    "POST",
    bucketsPath,
    { ...h, "x-content-sha256": crypto.createHash("sha256").update(other).digest("base64") },
    other,
  );
  assert.equal(r.status, 401);

  // signed by another key under the registered keyId
  r = await send("GET", "/n", signedRequest("GET", "/n", { privateKey: keyPair().privateKey }));
  assert.equal(r.status, 401);
  assert.equal(r.body.code, "NotAuthenticated");

  // a date 10 minutes off, signed correctly
  for (const off of [-10, 10]) {
    r = await send("GET", "/n", signedRequest("GET", "/n", { date: new Date(Date.now() + off * 60000) }));
    assert.equal(r.status, 401);
    assert.equal(r.body.code, "NotAuthenticated");
  }

  // a signature over another path, or another query
  r = await send("GET", bucketsPath + "?compartmentId=" + COMPARTMENT, signedRequest("GET", bucketsPath));
  assert.equal(r.status, 401);
  r = await send("GET", target, signedRequest("GET", target));
  assert.notEqual(r.status, 401); // the raw target as sent is what is signed

  // no signature at all
  r = await send("GET", "/n", {});
  assert.equal(r.status, 401);
  assert.deepEqual(Object.keys(r.body).sort(), ["code", "message"]);
  assert.equal(r.body.code, "NotAuthenticated");
});
