// restart.test.mjs - state survives a restart: a second cmkemu on a file database gets S3 bucket
// encryption, a Vault key, an Object Storage bucket and a volume on that key, is stopped (SIGTERM,
// then SIGKILL), started again on the same file, and answers the same state through the SDKs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import km from "oci-keymanagement";
import osx from "oci-objectstorage";
import core from "oci-core";
import { S3Client, CreateBucketCommand, PutBucketEncryptionCommand, GetBucketEncryptionCommand } from "@aws-sdk/client-s3";
import { client, uniq } from "./oci_client.mjs";

const COMPARTMENT = "ocid1.compartment.oc1..aaaaaaaarestartaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

async function start(db) {
  const portFile = path.join(path.dirname(db), `port-${Date.now()}-${Math.random()}`);
  const proc = spawn(process.env.CMKEMU_BIN, ["--port", "0", "--port-file", portFile, "--db", db, "--log-level", "error"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 200 && !fs.existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 25));
  const port = fs.readFileSync(portFile, "utf8").trim();
  return { proc, url: `http://127.0.0.1:${port}` };
}

function stop(srv, signal) {
  return new Promise((resolve) => {
    srv.proc.on("exit", (code, sig) => resolve({ code, sig }));
    srv.proc.kill(signal);
  });
}

function s3(url) {
  return new S3Client({
    endpoint: url, forcePathStyle: true, region: "us-east-1", maxAttempts: 1,
    credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "secret" },
  });
}

function oci(Cls, url, region = "us-ashburn-1") {
  return client(Cls, { endpoint: `${url}/oci/${region}` });
}

test("state survives SIGTERM and SIGKILL restarts on the same database", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cmkemu-restart-"));
  const db = path.join(dir, "state.db");
  let srv = await start(db);
  try {

    const bucket = uniq("restart");
    const keyArn = "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    await s3(srv.url).send(new CreateBucketCommand({ Bucket: bucket }));
    await s3(srv.url).send(new PutBucketEncryptionCommand({
      Bucket: bucket,
      ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: keyArn }, BucketKeyEnabled: true }] },
    }));

    const vault = (await oci(km.KmsVaultClient, srv.url).createVault({
      createVaultDetails: { compartmentId: COMPARTMENT, displayName: uniq("v"), vaultType: "DEFAULT" },
    })).vault;
    const mgmt = (url) => client(km.KmsManagementClient, { endpoint: vault.managementEndpoint.replace(/^http:\/\/[^/]+/, url) });
    const key = (await mgmt(srv.url).createKey({
      createKeyDetails: { compartmentId: COMPARTMENT, displayName: uniq("k"), keyShape: { algorithm: "AES", length: 32 } },
    })).key;
    const osc = oci(osx.ObjectStorageClient, srv.url);
    const ns = (await osc.getNamespace({})).value;
    const bname = uniq("b");
    await osc.createBucket({ namespaceName: ns, createBucketDetails: { name: bname, compartmentId: COMPARTMENT, kmsKeyId: key.id } });
    const before = (await osc.getBucket({ namespaceName: ns, bucketName: bname })).bucket;
    const bs = oci(core.BlockstorageClient, srv.url);
    const vol = (await bs.createVolume({
      createVolumeDetails: { compartmentId: COMPARTMENT, availabilityDomain: "Uocm:US-ASHBURN-AD-1", displayName: uniq("vol"), kmsKeyId: key.id },
    })).volume;

    const term = await stop(srv, "SIGTERM");
    assert.equal(term.code, 0, "a clean stop exits 0");
    srv = await start(db);

    const enc = await s3(srv.url).send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    assert.deepEqual(enc.ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault, { SSEAlgorithm: "aws:kms", KMSMasterKeyID: keyArn });
    assert.equal(enc.ServerSideEncryptionConfiguration.Rules[0].BucketKeyEnabled, true);
    const gotKey = (await mgmt(srv.url).getKey({ keyId: key.id })).key;
    assert.equal(gotKey.lifecycleState, "ENABLED");
    assert.equal(gotKey.currentKeyVersion, key.currentKeyVersion);
    const after = await oci(osx.ObjectStorageClient, srv.url).getBucket({ namespaceName: ns, bucketName: bname });
    assert.equal(after.bucket.kmsKeyId, key.id);
    assert.equal(after.bucket.etag, before.etag);
    assert.equal(after.eTag, before.etag);
    const volKey = await oci(core.BlockstorageClient, srv.url).getVolumeKmsKey({ volumeId: vol.id });
    assert.equal(volKey.volumeKmsKey.kmsKeyId, key.id);

    // An acknowledged write, then SIGKILL: the write is still there after the restart.
    const upd = await oci(osx.ObjectStorageClient, srv.url).updateBucket({
      namespaceName: ns, bucketName: bname, updateBucketDetails: { kmsKeyId: "" },
    });
    assert.equal(upd.bucket.kmsKeyId, null);
    const killed = await stop(srv, "SIGKILL");
    assert.equal(killed.sig, "SIGKILL");
    srv = await start(db);
    const afterKill = await oci(osx.ObjectStorageClient, srv.url).getBucket({ namespaceName: ns, bucketName: bname });
    assert.equal(afterKill.bucket.kmsKeyId, null);
    assert.equal(afterKill.eTag, upd.eTag);
  } finally {
    if (srv.proc.exitCode === null && srv.proc.signalCode === null) await stop(srv, "SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
