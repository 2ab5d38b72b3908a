// bv.test.mjs - Block Volume through the OCI TypeScript SDK (oci-core BlockstorageClient):
// volumes and their keys, backups and cross-region copies, clones, restores, replicas, policy
// assignments, and the exact errors. Key-success cases need the Vault API; they skip when the
// server has none (GET /20180608/vaults answers 404 NotFound).
import test from "node:test";
import assert from "node:assert/strict";
import core from "oci-core";
import km from "oci-keymanagement";
import { client, ociError, uniq, provider } from "./oci_client.mjs";

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

// An ENABLED AES key in region, made through the Vault API.
async function vaultKey(region, comp) {
  const vc = client(km.KmsVaultClient, { region });
  const vault = (
    await vc.createVault({ createVaultDetails: { compartmentId: comp, displayName: uniq("v"), vaultType: "DEFAULT" } })
  ).vault;
  const mc = new km.KmsManagementClient({ authenticationDetailsProvider: provider() }, {
    retryConfiguration: (await import("oci-common")).default.NoRetryConfigurationDetails,
  });
  mc.endpoint = vault.managementEndpoint;
  const key = (
    await mc.createKey({
      createKeyDetails: { compartmentId: comp, displayName: uniq("k"), keyShape: { algorithm: "AES", length: 32 } },
    })
  ).key;
  return key.id;
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
