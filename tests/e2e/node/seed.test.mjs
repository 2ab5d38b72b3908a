// seed.test.mjs - the example seed through the OCI TypeScript SDK: a second cmkemu ($CMKEMU_BIN)
// started with --seed examples/seed.json, requests signed with the example's API key; the vaults,
// keys, buckets, volumes, backups and zone it declares; a change undone by POST /_cmkemu/reset.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import common from "oci-common";
import km from "oci-keymanagement";
import objectstorage from "oci-objectstorage";
import core from "oci-core";
import cg from "oci-cloudguard";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const TENANCY = "ocid1.tenancy.oc1..aaaaaaaaacmetenancy0000000000000000000000000000000000000000";
const USER = "ocid1.user.oc1..aaaaaaaaaciuser000000000000000000000000000000000000000000000";
const FINGERPRINT = "2a:5b:64:90:b6:73:14:cc:a6:00:1a:e6:63:55:b4:ab";
const SECURE = "ocid1.compartment.oc1..aaaaaaaaasecure0000000000000000000000000000000000000000000";
const AES_KEY = "ocid1.key.oc1.iad.acmevault0001.aaaaaaaaaaeskey00000000000000000000000000000000000000000000";
const SECURE_DB = "ocid1.volume.oc1.iad.aaaaaaaaasecuredb00000000000000000000000000000000000000000000";

let server;
let url;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cmkemu-seed-"));

before(async () => {
  const portFile = path.join(dir, "port");
  server = spawn(
    process.env.CMKEMU_BIN ?? path.join(ROOT, "build/cmkemu"),
    ["--port", "0", "--port-file", portFile, "--db", ":memory:", "--log-level", "warn",
      "--seed", path.join(ROOT, "examples/seed.json")],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  for (let i = 0; i < 200 && !fs.existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 25));
  const port = fs.readFileSync(portFile, "utf8").trim();
  url = `http://127.0.0.1:${port}`;
});

after(async () => {
  // a clean stop on SIGTERM exits 0 (under make asan, also without a sanitizer report)
  const exited = new Promise((resolve) => server.once("exit", (code, signal) => resolve({ code, signal })));
  server.kill("SIGTERM");
  assert.deepEqual(await exited, { code: 0, signal: null });
  fs.rmSync(dir, { recursive: true, force: true });
});

function client(Cls, { region = "us-ashburn-1", endpoint } = {}) {
  const key = fs.readFileSync(path.join(ROOT, "examples/oci-api-key.pem"), "utf8");
  const auth = new common.SimpleAuthenticationDetailsProvider(TENANCY, USER, FINGERPRINT, key, null);
  const c = new Cls({ authenticationDetailsProvider: auth }, { retryConfiguration: common.NoRetryConfigurationDetails });
  c.endpoint = endpoint ?? `${url}/oci/${region}`;
  return c;
}

async function mainVault() {
  const vaults = await client(km.KmsVaultClient).listVaults({ compartmentId: SECURE });
  const v = vaults.items.find((x) => x.displayName === "main-vault");
  assert.ok(v, "main-vault is listed");
  return (await client(km.KmsVaultClient).getVault({ vaultId: v.id })).vault;
}

async function keysByName(mc) {
  const keys = await mc.listKeys({ compartmentId: SECURE });
  return Object.fromEntries(keys.items.map((k) => [k.displayName, k]));
}

test("the seeded vault, its keys, versions and states", async () => {
  const vault = await mainVault();
  assert.equal(vault.id, "ocid1.vault.oc1.iad.acmevault0001.aaaaaaaaamainvault000000000000000000000000000000000000000000");
  const mc = client(km.KmsManagementClient, { endpoint: vault.managementEndpoint });
  const keys = await keysByName(mc);
  assert.deepEqual(Object.keys(keys).sort(), ["aes-key", "disabled-key", "rotated-key", "rsa-key"]);
  assert.equal(keys["aes-key"].id, AES_KEY);
  assert.equal(keys["aes-key"].lifecycleState, "ENABLED");
  assert.equal(keys["disabled-key"].lifecycleState, "DISABLED");
  assert.equal(keys["rsa-key"].algorithm, "RSA");
  const versions = await mc.listKeyVersions({ keyId: keys["rotated-key"].id });
  assert.equal(versions.items.length, 2);
  const aesVersions = await mc.listKeyVersions({ keyId: AES_KEY });
  assert.equal(aesVersions.items.length, 1);
});

test("the seeded buckets: in the zone on a Vault key, outside it on Oracle's, in two regions", async () => {
  const store = client(objectstorage.ObjectStorageClient);
  const namespaceName = (await store.getNamespace({})).value;
  const mc = client(km.KmsManagementClient, { endpoint: (await mainVault()).managementEndpoint });
  const keys = await keysByName(mc);
  const secure = await store.getBucket({ namespaceName, bucketName: "secure-data" });
  assert.equal(secure.bucket.kmsKeyId, keys["rotated-key"].id);
  const scratch = await store.getBucket({ namespaceName, bucketName: "sandbox-scratch" });
  assert.ok(!scratch.bucket.kmsKeyId);
  const phx = client(objectstorage.ObjectStorageClient, { region: "us-phoenix-1" });
  const archive = await phx.getBucket({ namespaceName, bucketName: "phx-archive" });
  assert.match(archive.bucket.kmsKeyId, /^ocid1\.key\.oc1\.phx\./);
  // the zone covers the child compartment: an Oracle-managed bucket there is refused
  const err = await store
    .createBucket({ namespaceName, createBucketDetails: { name: "no-key", compartmentId: secure.bucket.compartmentId } })
    .then(() => null, (e) => e);
  assert.equal(err?.statusCode, 403);
  assert.match(err.message, /deny buckets_without_vault_key.*secure-zone/);
});

test("the seeded volume, boot volume and backup", async () => {
  const bs = client(core.BlockstorageClient);
  const vol = (await bs.getVolume({ volumeId: SECURE_DB })).volume;
  assert.equal(vol.kmsKeyId, AES_KEY);
  assert.equal(vol.sizeInGBs, 100);
  const backups = await bs.listVolumeBackups({ compartmentId: vol.compartmentId });
  assert.equal(backups.items.length, 1);
  assert.equal(backups.items[0].displayName, "secure-db-backup");
  assert.equal(backups.items[0].kmsKeyId, AES_KEY);
  assert.equal(backups.items[0].type, "FULL");
  const boots = await bs.listBootVolumes({ compartmentId: vol.compartmentId });
  assert.deepEqual(boots.items.map((b) => [b.displayName, b.kmsKeyId]), [["secure-boot", AES_KEY]]);
  // volumes are regional: the secure compartment's volume phx-disk is listed in Phoenix only
  const iad = await bs.listVolumes({ compartmentId: SECURE });
  assert.deepEqual(iad.items.map((v) => v.displayName), []);
  const phx = await client(core.BlockstorageClient, { region: "us-phoenix-1" }).listVolumes({ compartmentId: SECURE });
  assert.deepEqual(phx.items.map((v) => v.displayName), ["phx-disk"]);
});

test("the seeded security zone", async () => {
  const guard = client(cg.CloudGuardClient);
  const zones = await guard.listSecurityZones({ compartmentId: SECURE });
  assert.equal(zones.securityZoneCollection.items.length, 1);
  const zone = zones.securityZoneCollection.items[0];
  assert.equal(zone.displayName, "secure-zone");
  const recipe = await guard.getSecurityRecipe({ securityRecipeId: zone.securityZoneRecipeId });
  assert.equal(recipe.securityRecipe.displayName, "Maximum Security Recipe");
});

test("POST /_cmkemu/reset undoes changes made through the SDK", async () => {
  const vault = await mainVault();
  const mc = client(km.KmsManagementClient, { endpoint: vault.managementEndpoint });
  await mc.disableKey({ keyId: AES_KEY });
  assert.equal((await mc.getKey({ keyId: AES_KEY })).key.lifecycleState, "DISABLED");
  const store = client(objectstorage.ObjectStorageClient);
  const namespaceName = (await store.getNamespace({})).value;
  await store.createBucket({ namespaceName, createBucketDetails: { name: "made-after-seed", compartmentId: TENANCY } });

  const res = await fetch(`${url}/_cmkemu/reset`, { method: "POST" });
  assert.equal(res.status, 200);
  assert.equal((await mc.getKey({ keyId: AES_KEY })).key.lifecycleState, "ENABLED");
  const gone = await store.getBucket({ namespaceName, bucketName: "made-after-seed" }).then(() => null, (e) => e);
  assert.equal(gone?.statusCode, 404);
  // and one family: oci-os only restores buckets, the key stays as changed
  await mc.disableKey({ keyId: AES_KEY });
  assert.equal((await fetch(`${url}/_cmkemu/reset?family=oci-os`, { method: "POST" })).status, 200);
  assert.equal((await mc.getKey({ keyId: AES_KEY })).key.lifecycleState, "DISABLED");
});
