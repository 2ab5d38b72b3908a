// bv.test.mjs - Block Volume through the OCI TypeScript SDK (oci-core BlockstorageClient):
// volumes and their keys, backups and cross-region copies, clones, restores, replicas, policy
// assignments, and the exact errors. Key-success cases need the Vault API; they skip when the
// server has none (GET /20180608/vaults answers 404 NotFound).
import test from "node:test";
import assert from "node:assert/strict";
import core from "oci-core";
import km from "oci-keymanagement";
import cg from "oci-cloudguard";
import { client, ociError, uniq, provider, TENANCY } from "./oci_client.mjs";

const IAD = "us-ashburn-1";
const PHX = "us-phoenix-1";
const bs = client(core.BlockstorageClient, { region: IAD });
const bsPhx = client(core.BlockstorageClient, { region: PHX });
const NOT_FOUND = "Authorization failed or requested resource not found.";

function compartment() {
  return `ocid1.compartment.oc1..${uniq("bve2e")}`;
}

async function volume(comp, extra = {}) {
  const r = await bs.createVolume({
    createVolumeDetails: { compartmentId: comp, availabilityDomain: "Uocm:IAD-AD-1", ...extra },
  });
  return r.volume;
}

// Whether the Vault API answers on this server.
async function vaultAvailable() {
  const res = await fetch(`${process.env.CMKEMU_URL}/oci/${IAD}/20180608/vaults?compartmentId=x`, {
    headers: { authorization: 'Signature version="1",keyId="t/u/f",signature="x"' },
  });
  if (res.status !== 404) return true;
  const body = await res.json().catch(() => ({}));
  return body.code !== "NotFound";
}

// An ENABLED key of shape (AES-256 by default) in region, made through the Vault API: its id
// and the management client of its vault (the vault's managementEndpoint).
async function vaultKeyWith(region, comp, keyShape = { algorithm: "AES", length: 32 }) {
  const vc = client(km.KmsVaultClient, { region });
  const vault = (
    await vc.createVault({ createVaultDetails: { compartmentId: comp, displayName: uniq("v"), vaultType: "DEFAULT" } })
  ).vault;
  const mc = new km.KmsManagementClient({ authenticationDetailsProvider: provider() }, {
    retryConfiguration: (await import("oci-common")).default.NoRetryConfigurationDetails,
  });
  mc.endpoint = vault.managementEndpoint;
  const key = (
    await mc.createKey({ createKeyDetails: { compartmentId: comp, displayName: uniq("k"), keyShape } })
  ).key;
  return { id: key.id, mc };
}

// An ENABLED AES key in region, made through the Vault API.
async function vaultKey(region, comp) {
  return (await vaultKeyWith(region, comp)).id;
}

test("create a volume, read and unassign its key", async () => {
  const comp = compartment();
  const v = await volume(comp, { displayName: uniq("vol"), sizeInGBs: 50 });
  assert.match(v.id, /^ocid1\.volume\.oc1\.iad\./);
  assert.equal(v.lifecycleState, "AVAILABLE");
  assert.equal(v.sizeInGBs, 50);
  assert.equal(v.kmsKeyId, null);
  const k = await bs.getVolumeKmsKey({ volumeId: v.id });
  assert.equal(k.volumeKmsKey.kmsKeyId, null);
  assert.equal(k.etag.length, 40);
  await bs.deleteVolumeKmsKey({ volumeId: v.id });
  const got = await bs.getVolume({ volumeId: v.id });
  assert.equal(got.volume.kmsKeyId, null);
  assert.notEqual(got.etag, k.etag);
  const upd = await bs.updateVolume({ volumeId: v.id, updateVolumeDetails: { sizeInGBs: 60 }, ifMatch: got.etag });
  assert.equal(upd.volume.sizeInGBs, 60);
  await bs.deleteVolume({ volumeId: v.id });
  const gone = await ociError(() => bs.getVolume({ volumeId: v.id }));
  assert.equal(gone.statusCode, 404);
  assert.equal(gone.serviceCode, "NotAuthorizedOrNotFound");
});

test("key rules reject malformed, foreign and unknown keys", async () => {
  const comp = compartment();
  const v = await volume(comp);
  let e = await ociError(() => bs.updateVolumeKmsKey({ volumeId: v.id, updateVolumeKmsKeyDetails: { kmsKeyId: "not-a-key" } }));
  assert.equal(e.statusCode, 400);
  assert.equal(e.serviceCode, "InvalidParameter");
  assert.equal(e.message, "'not-a-key' is not a valid Vault key OCID.");
  const phxKey = "ocid1.key.oc1.phx.vaultx.aaaaaaaae2ekey";
  e = await ociError(() => bs.updateVolumeKmsKey({ volumeId: v.id, updateVolumeKmsKeyDetails: { kmsKeyId: phxKey } }));
  assert.equal(e.statusCode, 400);
  assert.equal(e.serviceCode, "InvalidParameter");
  assert.equal(e.message, `The key '${phxKey}' is not in the region of the request; Block Volume needs a key in the same region.`);
  const unknown = "ocid1.key.oc1.iad.vaultx.aaaaaaaanosuchkey";
  e = await ociError(() => volume(comp, { kmsKeyId: unknown }));
  assert.equal(e.statusCode, 400);
  assert.equal(e.serviceCode, "RelatedResourceNotAuthorizedOrNotFound");
  assert.equal(e.message, `The key '${unknown}' does not exist or you are not authorized to access it.`);
  e = await ociError(() => bs.getVolumeKmsKey({ volumeId: v.id, ifMatch: "stale" }));
  assert.equal(e.statusCode, 412);
  assert.equal(e.serviceCode, "NoEtagMatch");
  e = await ociError(() => bs.getVolumeKmsKey({ volumeId: "ocid1.volume.oc1.iad.nosuch" }));
  assert.equal(e.statusCode, 404);
  assert.equal(e.serviceCode, "NotAuthorizedOrNotFound");
  assert.equal(e.message, NOT_FOUND);
  e = await ociError(() => bs.createVolume({ createVolumeDetails: { availabilityDomain: "Uocm:IAD-AD-1" } }));
  assert.equal(e.statusCode, 400);
  assert.equal(e.serviceCode, "MissingParameter");
  assert.equal(e.message, "Missing required parameter 'compartmentId'.");
});

test("backup, Oracle-managed update, copy to another region, clone and restore", async () => {
  const comp = compartment();
  const v = await volume(comp, { sizeInGBs: 80 });
  const b = (await bs.createVolumeBackup({ createVolumeBackupDetails: { volumeId: v.id, type: "FULL" } })).volumeBackup;
  assert.equal(b.type, "FULL");
  assert.equal(b.kmsKeyId, null);
  const u = await bs.updateVolumeBackup({ volumeBackupId: b.id, updateVolumeBackupDetails: { kmsKeyId: "" } });
  assert.equal(u.volumeBackup.kmsKeyId, null);
  assert.equal(u.etag.length, 40);
  const c = await bs.copyVolumeBackup({
    volumeBackupId: b.id,
    copyVolumeBackupDetails: { destinationRegion: PHX, displayName: "copy" },
  });
  assert.match(c.volumeBackup.id, /^ocid1\.volumebackup\.oc1\.phx\./);
  assert.equal(c.volumeBackup.sourceVolumeBackupId, b.id);
  assert.equal(c.volumeBackup.kmsKeyId, null);
  assert.match(c.opcWorkRequestId, /^ocid1\.coreservicesworkrequest\./);
  assert.ok(c.location.endsWith(`/oci/${PHX}/20160918/volumeBackups/${c.volumeBackup.id}`));
  const there = await bsPhx.listVolumeBackups({ compartmentId: comp, sourceVolumeBackupId: b.id });
  assert.deepEqual(there.items.map((x) => x.id), [c.volumeBackup.id]);
  const here = await bs.listVolumeBackups({ compartmentId: comp, sourceVolumeBackupId: b.id });
  assert.equal(here.items.length, 0);
  let e = await ociError(() => bs.getVolumeBackup({ volumeBackupId: c.volumeBackup.id }));
  assert.equal(e.statusCode, 404);
  e = await ociError(() =>
    bs.copyVolumeBackup({ volumeBackupId: b.id, copyVolumeBackupDetails: { destinationRegion: "mars-1" } }),
  );
  assert.equal(e.statusCode, 400);
  assert.equal(e.serviceCode, "InvalidParameter");
  assert.equal(e.message, "Unknown destinationRegion 'mars-1'.");
  const iadKey = "ocid1.key.oc1.iad.vaultx.aaaaaaaae2ekey";
  e = await ociError(() =>
    bs.copyVolumeBackup({ volumeBackupId: b.id, copyVolumeBackupDetails: { destinationRegion: PHX, kmsKeyId: iadKey } }),
  );
  assert.equal(e.statusCode, 400);
  assert.equal(e.message, `The key '${iadKey}' must exist in the destination region of the cross-region operation.`);
  const clone = await volume(comp, { sourceDetails: { type: "volume", id: v.id } });
  assert.equal(clone.sourceDetails.type, "volume");
  assert.equal(clone.sourceDetails.id, v.id);
  assert.equal(clone.sizeInGBs, 80);
  const restored = await volume(comp, { sourceDetails: { type: "volumeBackup", id: b.id } });
  assert.equal(restored.sourceDetails.type, "volumeBackup");
  assert.equal(restored.kmsKeyId, null);
});

test("a replica is visible in the region of its availability domain", async () => {
  const comp = compartment();
  const v = await volume(comp, { blockVolumeReplicas: [{ availabilityDomain: "Uocm:PHX-AD-1", displayName: "rep" }] });
  assert.equal(v.blockVolumeReplicas.length, 1);
  const rid = v.blockVolumeReplicas[0].blockVolumeReplicaId;
  const rep = await bsPhx.getBlockVolumeReplica({ blockVolumeReplicaId: rid });
  assert.equal(rep.blockVolumeReplica.blockVolumeId, v.id);
  assert.equal(rep.blockVolumeReplica.kmsKeyId, null);
  const e = await ociError(() => bs.getBlockVolumeReplica({ blockVolumeReplicaId: rid }));
  assert.equal(e.statusCode, 404);
  const list = await bsPhx.listBlockVolumeReplicas({ compartmentId: comp });
  assert.deepEqual(list.items.map((x) => x.id), [rid]);
});

test("backup policy assignment", async () => {
  const comp = compartment();
  const v = await volume(comp);
  const p = (
    await bs.createVolumeBackupPolicy({
      createVolumeBackupPolicyDetails: { compartmentId: comp, displayName: uniq("pol"), destinationRegion: PHX },
    })
  ).volumeBackupPolicy;
  assert.equal(p.destinationRegion, PHX);
  const a = (
    await bs.createVolumeBackupPolicyAssignment({
      createVolumeBackupPolicyAssignmentDetails: { assetId: v.id, policyId: p.id },
    })
  ).volumeBackupPolicyAssignment;
  assert.equal(a.assetId, v.id);
  const got = await bs.getVolumeBackupPolicyAssetAssignment({ assetId: v.id });
  assert.deepEqual(got.items.map((x) => x.id), [a.id]);
  const e = await ociError(() =>
    bs.createVolumeBackupPolicyAssignment({
      createVolumeBackupPolicyAssignmentDetails: { assetId: v.id, policyId: p.id, xrcKmsKeyId: "ocid1.key.oc1.iad.vaultx.aaaa" },
    }),
  );
  assert.equal(e.statusCode, 400);
  assert.equal(e.message, "The key 'ocid1.key.oc1.iad.vaultx.aaaa' must exist in the destination region of the cross-region operation.");
  await bs.deleteVolumeBackupPolicyAssignment({ policyAssignmentId: a.id });
  assert.equal((await bs.getVolumeBackupPolicyAssetAssignment({ assetId: v.id })).items.length, 0);
});

test("boot volume from an image, with a key update", async () => {
  const comp = compartment();
  const bv = (
    await bs.createBootVolume({
      createBootVolumeDetails: {
        compartmentId: comp,
        availabilityDomain: "Uocm:IAD-AD-1",
        sourceDetails: { type: "image", id: "ocid1.image.oc1.iad.aaaaaaaae2eimage" },
      },
    })
  ).bootVolume;
  assert.match(bv.id, /^ocid1\.bootvolume\.oc1\.iad\./);
  assert.equal(bv.imageId, "ocid1.image.oc1.iad.aaaaaaaae2eimage");
  const k = await bs.getBootVolumeKmsKey({ bootVolumeId: bv.id });
  assert.equal(k.bootVolumeKmsKey.kmsKeyId, null);
  const e = await ociError(() =>
    bs.updateBootVolumeKmsKey({ bootVolumeId: bv.id, updateBootVolumeKmsKeyDetails: { kmsKeyId: "bad" } }),
  );
  assert.equal(e.statusCode, 400);
  assert.equal(e.message, "'bad' is not a valid Vault key OCID.");
});

test("keys from the Vault API: assign, regenerate, backups keep theirs, copy with a destination key", async (t) => {
  if (!(await vaultAvailable())) {
    t.skip("the Vault API is not on this server");
    return;
  }
  const comp = compartment();
  const k1 = await vaultKey(IAD, comp);
  const k2 = await vaultKey(IAD, comp);
  const kp = await vaultKey(PHX, comp);
  const v = await volume(comp, { kmsKeyId: k1 });
  assert.equal(v.kmsKeyId, k1);
  const b = (await bs.createVolumeBackup({ createVolumeBackupDetails: { volumeId: v.id } })).volumeBackup;
  assert.equal(b.kmsKeyId, k1);
  const same = await bs.updateVolumeKmsKey({ volumeId: v.id, updateVolumeKmsKeyDetails: { kmsKeyId: k1 } });
  assert.equal(same.volumeKmsKey.kmsKeyId, k1);
  const other = await bs.updateVolumeKmsKey({ volumeId: v.id, updateVolumeKmsKeyDetails: { kmsKeyId: k2 }, ifMatch: same.etag });
  assert.equal(other.volumeKmsKey.kmsKeyId, k2);
  assert.equal((await bs.getVolumeBackup({ volumeBackupId: b.id })).volumeBackup.kmsKeyId, k1);
  const c = await bs.copyVolumeBackup({ volumeBackupId: b.id, copyVolumeBackupDetails: { destinationRegion: PHX, kmsKeyId: kp } });
  assert.equal(c.volumeBackup.kmsKeyId, kp);
  const u = await bs.updateVolumeBackup({ volumeBackupId: b.id, updateVolumeBackupDetails: { kmsKeyId: k2 } });
  assert.equal(u.volumeBackup.kmsKeyId, k2);
});

test("a new key on restore, on clone and on replica activation; restore and clone default to Oracle-managed", async (t) => {
  if (!(await vaultAvailable())) {
    t.skip("the Vault API is not on this server");
    return;
  }
  const comp = compartment();
  const k1 = await vaultKey(IAD, comp);
  const k2 = await vaultKey(IAD, comp);
  const kp = await vaultKey(PHX, comp);
  const kp2 = await vaultKey(PHX, comp);
  const v = await volume(comp, { kmsKeyId: k1 });
  const b = (await bs.createVolumeBackup({ createVolumeBackupDetails: { volumeId: v.id } })).volumeBackup;
  assert.equal(b.kmsKeyId, k1);
  const restored = await volume(comp, { kmsKeyId: k2, sourceDetails: { type: "volumeBackup", id: b.id } });
  assert.equal(restored.kmsKeyId, k2);
  assert.equal((await bs.getVolumeKmsKey({ volumeId: restored.id })).volumeKmsKey.kmsKeyId, k2);
  const restoredPlain = await volume(comp, { sourceDetails: { type: "volumeBackup", id: b.id } });
  assert.equal(restoredPlain.kmsKeyId, null);
  const clone = await volume(comp, { kmsKeyId: k2, sourceDetails: { type: "volume", id: v.id } });
  assert.equal(clone.kmsKeyId, k2);
  const clonePlain = await volume(comp, { sourceDetails: { type: "volume", id: v.id } });
  assert.equal(clonePlain.kmsKeyId, null);
  // enable replication with a destination key: the replica in Phoenix carries it
  const upd = await bs.updateVolume({
    volumeId: v.id,
    updateVolumeDetails: { blockVolumeReplicas: [{ availabilityDomain: "Uocm:PHX-AD-1", xrrKmsKeyId: kp }] },
  });
  assert.equal(upd.volume.kmsKeyId, k1);
  assert.equal(upd.volume.blockVolumeReplicas.length, 1);
  assert.equal(upd.volume.blockVolumeReplicas[0].kmsKeyId, kp);
  const rid = upd.volume.blockVolumeReplicas[0].blockVolumeReplicaId;
  assert.match(rid, /^ocid1\.blockvolumereplica\.oc1\.phx\./);
  const rep = (await bsPhx.getBlockVolumeReplica({ blockVolumeReplicaId: rid })).blockVolumeReplica;
  assert.equal(rep.kmsKeyId, kp);
  assert.equal(rep.blockVolumeId, v.id);
  // activation: a volume in Phoenix from the replica, with a key of its own
  const act = (
    await bsPhx.createVolume({
      createVolumeDetails: { compartmentId: comp, kmsKeyId: kp2, sourceDetails: { type: "blockVolumeReplica", id: rid } },
    })
  ).volume;
  assert.match(act.id, /^ocid1\.volume\.oc1\.phx\./);
  assert.equal(act.kmsKeyId, kp2);
  assert.equal(act.availabilityDomain, "Uocm:PHX-AD-1");
  assert.equal(act.sourceDetails.type, "blockVolumeReplica");
});

test("change a volume's key, a backup's key and back to Oracle-managed", async (t) => {
  if (!(await vaultAvailable())) {
    t.skip("the Vault API is not on this server");
    return;
  }
  const comp = compartment();
  const k1 = await vaultKey(IAD, comp);
  const k2 = await vaultKey(IAD, comp);
  const v = await volume(comp);
  assert.equal(v.kmsKeyId, null);
  const set = await bs.updateVolumeKmsKey({ volumeId: v.id, updateVolumeKmsKeyDetails: { kmsKeyId: k1 } });
  assert.equal(set.volumeKmsKey.kmsKeyId, k1);
  const b = (await bs.createVolumeBackup({ createVolumeBackupDetails: { volumeId: v.id } })).volumeBackup;
  assert.equal(b.kmsKeyId, k1);
  const changed = await bs.updateVolumeKmsKey({ volumeId: v.id, updateVolumeKmsKeyDetails: { kmsKeyId: k2 } });
  assert.equal(changed.volumeKmsKey.kmsKeyId, k2);
  assert.equal((await bs.getVolume({ volumeId: v.id })).volume.kmsKeyId, k2);
  const bk2 = await bs.updateVolumeBackup({ volumeBackupId: b.id, updateVolumeBackupDetails: { kmsKeyId: k2 } });
  assert.equal(bk2.volumeBackup.kmsKeyId, k2);
  const oracle = await bs.updateVolumeBackup({ volumeBackupId: b.id, updateVolumeBackupDetails: { kmsKeyId: "" } });
  assert.equal(oracle.volumeBackup.kmsKeyId, null);
  assert.notEqual(oracle.etag, bk2.etag);
  assert.equal((await bs.getVolumeBackup({ volumeBackupId: b.id })).volumeBackup.kmsKeyId, null);
  await bs.deleteVolumeKmsKey({ volumeId: v.id });
  assert.equal((await bs.getVolumeKmsKey({ volumeId: v.id })).volumeKmsKey.kmsKeyId, null);
});

test("cross-region backup copy with and without a destination key; policy assignment with xrcKmsKeyId", async (t) => {
  if (!(await vaultAvailable())) {
    t.skip("the Vault API is not on this server");
    return;
  }
  const comp = compartment();
  const k1 = await vaultKey(IAD, comp);
  const kp = await vaultKey(PHX, comp);
  const v = await volume(comp, { kmsKeyId: k1 });
  const b = (await bs.createVolumeBackup({ createVolumeBackupDetails: { volumeId: v.id } })).volumeBackup;
  const plain = (await bs.copyVolumeBackup({ volumeBackupId: b.id, copyVolumeBackupDetails: { destinationRegion: PHX } }))
    .volumeBackup;
  assert.equal(plain.kmsKeyId, null);
  const keyed = (
    await bs.copyVolumeBackup({ volumeBackupId: b.id, copyVolumeBackupDetails: { destinationRegion: PHX, kmsKeyId: kp } })
  ).volumeBackup;
  assert.equal(keyed.kmsKeyId, kp);
  const there = await bsPhx.listVolumeBackups({ compartmentId: comp, sourceVolumeBackupId: b.id });
  assert.deepEqual(
    there.items.map((x) => [x.id, x.kmsKeyId]),
    [[plain.id, null], [keyed.id, kp]],
  );
  const p = (
    await bs.createVolumeBackupPolicy({
      createVolumeBackupPolicyDetails: { compartmentId: comp, displayName: uniq("pol"), destinationRegion: PHX },
    })
  ).volumeBackupPolicy;
  const a = (
    await bs.createVolumeBackupPolicyAssignment({
      createVolumeBackupPolicyAssignmentDetails: { assetId: v.id, policyId: p.id, xrcKmsKeyId: kp },
    })
  ).volumeBackupPolicyAssignment;
  assert.equal(a.xrcKmsKeyId, kp);
  const got = await bs.getVolumeBackupPolicyAssignment({ policyAssignmentId: a.id });
  assert.equal(got.volumeBackupPolicyAssignment.xrcKmsKeyId, kp);
});

test("key rejections: RSA, rotated, disabled, other region, source region on a copy, unknown region", async (t) => {
  if (!(await vaultAvailable())) {
    t.skip("the Vault API is not on this server");
    return;
  }
  const comp = compartment();
  const k1 = await vaultKey(IAD, comp);
  const kp = await vaultKey(PHX, comp);
  const rsa = await vaultKeyWith(IAD, comp, { algorithm: "RSA", length: 256 });
  const rotated = await vaultKeyWith(IAD, comp);
  await rotated.mc.createKeyVersion({ keyId: rotated.id });
  const disabled = await vaultKeyWith(IAD, comp);
  await disabled.mc.disableKey({ keyId: disabled.id });
  const v = await volume(comp, { kmsKeyId: k1 });
  const setKey = (kmsKeyId) =>
    ociError(() => bs.updateVolumeKmsKey({ volumeId: v.id, updateVolumeKmsKeyDetails: { kmsKeyId } }));

  let e = await setKey(rsa.id);
  assert.equal(e.statusCode, 400);
  assert.equal(e.serviceCode, "InvalidParameter");
  assert.equal(e.message, `Block Volume supports only AES keys; the key '${rsa.id}' is not an AES key.`);
  e = await setKey(rotated.id);
  assert.equal(e.statusCode, 400);
  assert.equal(e.serviceCode, "InvalidParameter");
  assert.equal(
    e.message,
    `Block Volume supports keys with a single key version only; the key '${rotated.id}' has more than one.`,
  );
  e = await setKey(disabled.id);
  assert.equal(e.statusCode, 409);
  assert.equal(e.serviceCode, "Conflict");
  assert.equal(e.message, `The key '${disabled.id}' is not in the ENABLED state.`);
  e = await ociError(() => volume(comp, { kmsKeyId: kp }));
  assert.equal(e.statusCode, 400);
  assert.equal(e.serviceCode, "InvalidParameter");
  assert.equal(e.message, `The key '${kp}' is not in the region of the request; Block Volume needs a key in the same region.`);
  // the volume kept its key through every refusal
  assert.equal((await bs.getVolumeKmsKey({ volumeId: v.id })).volumeKmsKey.kmsKeyId, k1);

  const b = (await bs.createVolumeBackup({ createVolumeBackupDetails: { volumeId: v.id } })).volumeBackup;
  e = await ociError(() =>
    bs.copyVolumeBackup({ volumeBackupId: b.id, copyVolumeBackupDetails: { destinationRegion: PHX, kmsKeyId: k1 } }),
  );
  assert.equal(e.statusCode, 400);
  assert.equal(e.serviceCode, "InvalidParameter");
  assert.equal(e.message, `The key '${k1}' must exist in the destination region of the cross-region operation.`);
  e = await ociError(() =>
    bs.copyVolumeBackup({ volumeBackupId: b.id, copyVolumeBackupDetails: { destinationRegion: "us-nowhere-9", kmsKeyId: kp } }),
  );
  assert.equal(e.statusCode, 400);
  assert.equal(e.serviceCode, "InvalidParameter");
  assert.equal(e.message, "Unknown destinationRegion 'us-nowhere-9'.");
  e = await ociError(() =>
    bs.updateVolume({
      volumeId: v.id,
      updateVolumeDetails: { blockVolumeReplicas: [{ availabilityDomain: "Uocm:PHX-AD-1", xrrKmsKeyId: k1 }] },
    }),
  );
  assert.equal(e.statusCode, 400);
  assert.equal(e.message, `The key '${k1}' must exist in the destination region of the cross-region operation.`);
});

test("a security zone denies Oracle-managed volumes and allows Vault keys", async (t) => {
  if (!(await vaultAvailable())) {
    t.skip("the Vault API is not on this server");
    return;
  }
  const guard = client(cg.CloudGuardClient, { region: IAD });
  const parent = compartment();
  const child = compartment();
  const r = await fetch(`${process.env.CMKEMU_URL}/_cmkemu/oci/compartments/${child}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ parentId: parent, tenancyId: TENANCY }),
  });
  assert.equal(r.status, 200);
  const recipes = await guard.listSecurityRecipes({ compartmentId: parent });
  const max = recipes.securityRecipeCollection.items.find((x) => x.displayName === "Maximum Security Recipe");
  assert.ok(max, "the Maximum Security Recipe");
  const zoneName = uniq("bvzone");
  await guard.createSecurityZone({
    createSecurityZoneDetails: { displayName: zoneName, compartmentId: parent, securityZoneRecipeId: max.id },
  });
  const zoneMsg = `The request violates the security zone policy 'deny block_volume_without_vault_key' of security zone '${zoneName}'.`;
  for (const comp of [parent, child]) {
    const e = await ociError(() => volume(comp));
    assert.equal(e.statusCode, 403);
    assert.equal(e.serviceCode, "NotAuthorized");
    assert.equal(e.message, zoneMsg);
  }
  const k = await vaultKey(IAD, parent);
  const v = await volume(child, { kmsKeyId: k });
  assert.equal(v.kmsKeyId, k);
  let e = await ociError(() => bs.deleteVolumeKmsKey({ volumeId: v.id }));
  assert.equal(e.statusCode, 403);
  assert.equal(e.message, zoneMsg);
  const b = (await bs.createVolumeBackup({ createVolumeBackupDetails: { volumeId: v.id } })).volumeBackup;
  e = await ociError(() => bs.updateVolumeBackup({ volumeBackupId: b.id, updateVolumeBackupDetails: { kmsKeyId: "" } }));
  assert.equal(e.statusCode, 403);
  assert.equal(e.message, zoneMsg);
  e = await ociError(() =>
    bs.createBootVolume({
      createBootVolumeDetails: {
        compartmentId: child,
        availabilityDomain: "Uocm:IAD-AD-1",
        sourceDetails: { type: "image", id: "ocid1.image.oc1.iad.aaaaaaaae2eimage" },
      },
    }),
  );
  assert.equal(e.statusCode, 403);
  assert.equal(
    e.message,
    `The request violates the security zone policy 'deny boot_volume_without_vault_key' of security zone '${zoneName}'.`,
  );
});
