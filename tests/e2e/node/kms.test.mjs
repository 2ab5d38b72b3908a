// kms.test.mjs - OCI Vault through the oci-keymanagement SDK: vaults on the KmsVault plane, keys
// and key versions on the KmsManagement plane reached through a vault's managementEndpoint.
import { test } from "node:test";
import assert from "node:assert/strict";
import km from "oci-keymanagement";
import { client, ociError, uniq } from "./oci_client.mjs";

const COMPARTMENT = "ocid1.compartment.oc1..aaaaaaaae2ekmscompartmentaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const NOT_FOUND = "Key or Vault does not exist or you are not authorized to access them.";
const DAY = 24 * 60 * 60 * 1000;

async function newVault(region = "us-ashburn-1", compartmentId = COMPARTMENT) {
  const vc = client(km.KmsVaultClient, { region });
  const r = await vc.createVault({
    createVaultDetails: { compartmentId, displayName: uniq("vault"), vaultType: "DEFAULT" },
  });
  return r.vault;
}

function management(vault) {
  return client(km.KmsManagementClient, { endpoint: vault.managementEndpoint });
}

async function newKey(mc, compartmentId = COMPARTMENT, keyShape = { algorithm: "AES", length: 32 }) {
  const r = await mc.createKey({
    createKeyDetails: { compartmentId, displayName: uniq("key"), keyShape },
  });
  return r.key;
}

test("seed scenario: vault, key, rotation, disable/enable, deletion", async () => {
  const comp = `${COMPARTMENT}seed${Date.now()}`;
  const vc = client(km.KmsVaultClient, { region: "us-ashburn-1" });
  const name = uniq("seed-vault");
  const created = await vc.createVault({
    createVaultDetails: { compartmentId: comp, displayName: name, vaultType: "DEFAULT" },
  });
  assert.equal(created.vault.lifecycleState, "ACTIVE");
  assert.equal(created.vault.displayName, name);
  assert.match(created.vault.id, /^ocid1\.vault\.oc1\.iad\.[a-z0-9]{13}\.[a-z2-7]{60}$/);
  assert.match(created.etag, /^[0-9a-f]{40}$/);
  assert.match(created.vault.managementEndpoint, /\/oci\/us-ashburn-1\/kms\/[a-z0-9]{13}-management$/);
  assert.match(created.vault.cryptoEndpoint, /\/oci\/us-ashburn-1\/kms\/[a-z0-9]{13}-crypto$/);

  const got = await vc.getVault({ vaultId: created.vault.id });
  assert.deepEqual(got.vault, created.vault);
  assert.equal(got.etag, created.etag);

  const mc = management(got.vault);
  const prefix = got.vault.id.split(".")[4];
  const k = await mc.createKey({
    createKeyDetails: {
      compartmentId: comp,
      displayName: uniq("seed-key"),
      keyShape: { algorithm: "AES", length: 32 },
    },
  });
  assert.equal(k.key.lifecycleState, "ENABLED");
  assert.equal(k.key.vaultId, got.vault.id);
  assert.equal(k.key.protectionMode, "HSM");
  assert.deepEqual(k.key.keyShape, { algorithm: "AES", length: 32 });
  assert.ok(k.key.id.startsWith(`ocid1.key.oc1.iad.${prefix}.`));
  assert.ok(k.key.currentKeyVersion.startsWith(`ocid1.keyversion.oc1.iad.${prefix}.`));

  const gk = await mc.getKey({ keyId: k.key.id });
  assert.deepEqual(gk.key, k.key);
  assert.equal(gk.etag, k.etag);

  const k2 = await newKey(mc, comp);
  const page1 = await mc.listKeys({ compartmentId: comp, limit: 1 });
  assert.equal(page1.items.length, 1);
  assert.ok(page1.opcNextPage);
  const page2 = await mc.listKeys({ compartmentId: comp, limit: 1, page: page1.opcNextPage });
  assert.equal(page2.items.length, 1);
  assert.equal(page2.opcNextPage, undefined);
  assert.deepEqual(
    [page1.items[0].id, page2.items[0].id].sort(),
    [k.key.id, k2.id].sort(),
  );
  assert.equal(page1.items[0].algorithm, "AES");

  const kv = await mc.createKeyVersion({ keyId: k.key.id });
  assert.equal(kv.keyVersion.keyId, k.key.id);
  assert.equal(kv.keyVersion.origin, "INTERNAL");
  assert.match(kv.etag, /^[0-9a-f]{40}$/);
  const rotated = await mc.getKey({ keyId: k.key.id });
  assert.equal(rotated.key.currentKeyVersion, kv.keyVersion.id);
  assert.notEqual(rotated.etag, gk.etag);

  const versions = await mc.listKeyVersions({ keyId: k.key.id });
  assert.equal(versions.items.length, 2);
  assert.deepEqual(
    versions.items.map((v) => v.id).sort(),
    [k.key.currentKeyVersion, kv.keyVersion.id].sort(),
  );
  const gv = await mc.getKeyVersion({ keyId: k.key.id, keyVersionId: kv.keyVersion.id });
  assert.deepEqual(gv.keyVersion, kv.keyVersion);

  const disabled = await mc.disableKey({ keyId: k.key.id, ifMatch: rotated.etag });
  assert.equal(disabled.key.lifecycleState, "DISABLED");
  const stale = await ociError(() => mc.enableKey({ keyId: k.key.id, ifMatch: rotated.etag }));
  assert.equal(stale.statusCode, 412);
  assert.equal(stale.serviceCode, "NoEtagMatch");
  const enabled = await mc.enableKey({ keyId: k.key.id, ifMatch: disabled.etag });
  assert.equal(enabled.key.lifecycleState, "ENABLED");

  const scheduled = await mc.scheduleKeyDeletion({
    keyId: k.key.id,
    scheduleKeyDeletionDetails: {},
    ifMatch: enabled.etag,
  });
  assert.equal(scheduled.key.lifecycleState, "PENDING_DELETION");
  const when = Date.parse(scheduled.key.timeOfDeletion);
  assert.ok(Math.abs(when - (Date.now() + 30 * DAY)) < 60 * 1000);
  const cancelled = await mc.cancelKeyDeletion({ keyId: k.key.id, ifMatch: scheduled.etag });
  assert.equal(cancelled.key.lifecycleState, "ENABLED");
  assert.equal(cancelled.key.timeOfDeletion, undefined);
});

test("schedule key deletion at an explicit time, and outside the window", async () => {
  const mc = management(await newVault());
  const key = await newKey(mc);
  const tooSoon = await ociError(() =>
    mc.scheduleKeyDeletion({
      keyId: key.id,
      scheduleKeyDeletionDetails: { timeOfDeletion: new Date(Date.now() + 2 * DAY) },
    }),
  );
  assert.equal(tooSoon.statusCode, 400);
  assert.equal(tooSoon.serviceCode, "InvalidParameter");
  assert.equal(tooSoon.message, "timeOfDeletion must be between 7 and 30 days from the time of the request.");
  const at = new Date(Date.now() + 10 * DAY);
  at.setMilliseconds(0);
  const r = await mc.scheduleKeyDeletion({
    keyId: key.id,
    scheduleKeyDeletionDetails: { timeOfDeletion: at },
  });
  assert.equal(r.key.timeOfDeletion, at.toISOString());
  const again = await ociError(() =>
    mc.scheduleKeyDeletion({ keyId: key.id, scheduleKeyDeletionDetails: {} }),
  );
  assert.equal(again.statusCode, 409);
  assert.equal(again.serviceCode, "Conflict");
  assert.equal(
    again.message,
    "Only an ENABLED or DISABLED key can be scheduled for deletion; the key is PENDING_DELETION.",
  );
});

test("AES length 256 (bits) is rejected: lengths are bytes", async () => {
  const mc = management(await newVault());
  const e = await ociError(() => newKey(mc, COMPARTMENT, { algorithm: "AES", length: 256 }));
  assert.equal(e.statusCode, 400);
  assert.equal(e.serviceCode, "InvalidParameter");
  assert.equal(e.message, "Invalid key length 256 for algorithm AES: supported lengths are 16, 24 and 32 bytes.");
  const rsa = await newKey(mc, COMPARTMENT, { algorithm: "RSA", length: 256 });
  assert.equal(rsa.keyShape.length, 256);
  const ec = await newKey(mc, COMPARTMENT, { algorithm: "ECDSA", length: 48 });
  assert.equal(ec.keyShape.curveId, "NIST_P384");
});

test("errors: missing parameters, unknown keys, keys outside a vault endpoint", async () => {
  const vc = client(km.KmsVaultClient);
  const missing = await ociError(() =>
    vc.createVault({ createVaultDetails: { compartmentId: COMPARTMENT, vaultType: "DEFAULT" } }),
  );
  assert.equal(missing.statusCode, 400);
  assert.equal(missing.serviceCode, "MissingParameter");
  assert.equal(missing.message, "Missing required parameter: displayName");
  assert.ok(missing.opcRequestId);

  const noComp = await ociError(() => vc.listVaults({}));
  assert.equal(noComp.statusCode, 400);
  assert.equal(noComp.serviceCode, "MissingParameter");
  assert.equal(noComp.message, "Missing required parameter: compartmentId");

  const noVault = await ociError(() => vc.getVault({ vaultId: "ocid1.vault.oc1.iad.nope.aaaa" }));
  assert.equal(noVault.statusCode, 404);
  assert.equal(noVault.serviceCode, "NotAuthorizedOrNotFound");
  assert.equal(noVault.message, NOT_FOUND);

  const vault = await newVault();
  const mc = management(vault);
  const key = await newKey(mc);
  const unknown = await ociError(() => mc.getKey({ keyId: "ocid1.key.oc1.iad.nope.aaaa" }));
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.serviceCode, "NotAuthorizedOrNotFound");
  assert.equal(unknown.message, NOT_FOUND);

  // the KmsVault endpoint is not a vault's management endpoint
  const generic = client(km.KmsManagementClient);
  const e = await ociError(() => generic.getKey({ keyId: key.id }));
  assert.equal(e.statusCode, 404);
  assert.equal(e.serviceCode, "NotAuthorizedOrNotFound");
  assert.equal(e.message, NOT_FOUND);

  // another vault does not see the key
  const other = management(await newVault());
  const e2 = await ociError(() => other.getKey({ keyId: key.id }));
  assert.equal(e2.statusCode, 404);

  const disabled = await mc.disableKey({ keyId: key.id });
  const rot = await ociError(() => mc.createKeyVersion({ keyId: key.id }));
  assert.equal(rot.statusCode, 409);
  assert.equal(rot.serviceCode, "Conflict");
  assert.equal(rot.message, "The key must be in an ENABLED state to be rotated; the key is DISABLED.");
  const twice = await ociError(() => mc.disableKey({ keyId: key.id, ifMatch: disabled.etag }));
  assert.equal(twice.statusCode, 409);
  assert.equal(twice.message, "Only an ENABLED key can be disabled; the key is DISABLED.");
});

test("update key with if-match", async () => {
  const mc = management(await newVault());
  const key = await newKey(mc);
  const got = await mc.getKey({ keyId: key.id });
  const name = uniq("renamed");
  const upd = await mc.updateKey({
    keyId: key.id,
    updateKeyDetails: { displayName: name, freeformTags: { team: "e2e" } },
    ifMatch: got.etag,
  });
  assert.equal(upd.key.displayName, name);
  assert.deepEqual(upd.key.freeformTags, { team: "e2e" });
  assert.notEqual(upd.etag, got.etag);
  const e = await ociError(() =>
    mc.updateKey({ keyId: key.id, updateKeyDetails: { displayName: "x" }, ifMatch: got.etag }),
  );
  assert.equal(e.statusCode, 412);
  assert.equal(e.serviceCode, "NoEtagMatch");
});

test("two regions side by side: a vault in us-ashburn-1 is not listed in us-phoenix-1", async () => {
  const comp = `${COMPARTMENT}regions${Date.now()}`;
  const iad = await newVault("us-ashburn-1", comp);
  const phx = await newVault("us-phoenix-1", comp);
  assert.ok(phx.id.startsWith("ocid1.vault.oc1.phx."));
  assert.match(phx.managementEndpoint, /\/oci\/us-phoenix-1\/kms\//);
  const ashburn = await client(km.KmsVaultClient, { region: "us-ashburn-1" }).listVaults({
    compartmentId: comp,
  });
  const phoenix = await client(km.KmsVaultClient, { region: "us-phoenix-1" }).listVaults({
    compartmentId: comp,
  });
  assert.deepEqual(ashburn.items.map((v) => v.id), [iad.id]);
  assert.deepEqual(phoenix.items.map((v) => v.id), [phx.id]);
  const e = await ociError(() =>
    client(km.KmsVaultClient, { region: "us-phoenix-1" }).getVault({ vaultId: iad.id }),
  );
  assert.equal(e.statusCode, 404);
  assert.equal(e.serviceCode, "NotAuthorizedOrNotFound");

  // keys of each region's vault live in that region
  const key = await newKey(management(phx), comp);
  assert.ok(key.id.startsWith(`ocid1.key.oc1.phx.${phx.id.split(".")[4]}.`));
});

test("vault deletion schedules its keys and cancelling restores them", async () => {
  const vc = client(km.KmsVaultClient);
  const vault = await newVault();
  const mc = management(vault);
  const key = await newKey(mc);
  const got = await vc.getVault({ vaultId: vault.id });
  const s = await vc.scheduleVaultDeletion({
    vaultId: vault.id,
    scheduleVaultDeletionDetails: {},
    ifMatch: got.etag,
  });
  assert.equal(s.vault.lifecycleState, "PENDING_DELETION");
  assert.equal((await mc.getKey({ keyId: key.id })).key.lifecycleState, "PENDING_DELETION");
  const c = await vc.cancelVaultDeletion({ vaultId: vault.id, ifMatch: s.etag });
  assert.equal(c.vault.lifecycleState, "ACTIVE");
  assert.equal((await mc.getKey({ keyId: key.id })).key.lifecycleState, "ENABLED");
});
