// bv_lifecycle.test.mjs - Block Volume lifecycle with --bv-provisioning-ms: a cmkemu of its own
// (:memory:, 1500 ms) where a new volume reads PROVISIONING, refuses a key change with 409
// IncorrectState, and the SDK's BlockstorageWaiter sees it become AVAILABLE.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import core from "oci-core";
import { client, common, ociError, uniq } from "./oci_client.mjs";

const DELAY_MS = 1500;

async function start() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cmkemu-bvlife-"));
  const portFile = path.join(dir, "port");
  const proc = spawn(
    process.env.CMKEMU_BIN,
    ["--port", "0", "--port-file", portFile, "--db", ":memory:", "--log-level", "error",
      "--bv-provisioning-ms", String(DELAY_MS)],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  for (let i = 0; i < 200 && !fs.existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 25));
  const port = fs.readFileSync(portFile, "utf8").trim();
  return { proc, dir, url: `http://127.0.0.1:${port}` };
}

function stop(srv) {
  return new Promise((resolve) => {
    srv.proc.on("exit", () => resolve());
    srv.proc.kill("SIGTERM");
  });
}

test("a volume reads PROVISIONING, refuses changes with 409, and the waiter sees AVAILABLE", async () => {
  const srv = await start();
  try {
    const bs = client(core.BlockstorageClient, { endpoint: `${srv.url}/oci/us-ashburn-1` });
    const comp = `ocid1.compartment.oc1..${uniq("bvlife")}`;
    const t0 = Date.now();
    const v = (
      await bs.createVolume({ createVolumeDetails: { compartmentId: comp, availabilityDomain: "Uocm:IAD-AD-1" } })
    ).volume;
    assert.equal(v.lifecycleState, core.models.Volume.LifecycleState.Provisioning);
    assert.equal((await bs.getVolume({ volumeId: v.id })).volume.lifecycleState, "PROVISIONING");
    const e = await ociError(() =>
      bs.updateVolumeKmsKey({
        volumeId: v.id,
        updateVolumeKmsKeyDetails: { kmsKeyId: "ocid1.key.oc1.iad.vaultx.aaaaaaaalifecyclekey" },
      }),
    );
    assert.equal(e.statusCode, 409);
    assert.equal(e.serviceCode, "IncorrectState");
    assert.equal(e.message, `Volume '${v.id}' is in the PROVISIONING state; the operation needs it AVAILABLE.`);
    const b = await ociError(() => bs.createVolumeBackup({ createVolumeBackupDetails: { volumeId: v.id } }));
    assert.equal(b.statusCode, 409);
    assert.equal(b.serviceCode, "IncorrectState");

    const waiters = bs.createWaiters(undefined, {
      terminationStrategy: new common.MaxTimeTerminationStrategy(10),
      delayStrategy: new common.FixedTimeDelayStrategy(0.2),
    });
    const done = await waiters.forVolume({ volumeId: v.id }, core.models.Volume.LifecycleState.Available);
    assert.equal(done.volume.lifecycleState, "AVAILABLE");
    assert.ok(Date.now() - t0 >= DELAY_MS - 100, "the waiter waited for the delay");
    // now the backup is accepted, and reads REQUEST_RECEIVED until its own delay passes
    const bk = (await bs.createVolumeBackup({ createVolumeBackupDetails: { volumeId: v.id } })).volumeBackup;
    assert.equal(bk.lifecycleState, "REQUEST_RECEIVED");
    const ready = await waiters.forVolumeBackup(
      { volumeBackupId: bk.id },
      core.models.VolumeBackup.LifecycleState.Available,
    );
    assert.equal(ready.volumeBackup.lifecycleState, "AVAILABLE");
    // a TERMINATED volume answers 404 (this SDK's waiter for TERMINATED does not catch the 404:
    // genericTerminalConditionWaiter returns the waiter's promise without awaiting it)
    await bs.deleteVolume({ volumeId: v.id });
    const nf = await ociError(() => bs.getVolume({ volumeId: v.id }));
    assert.equal(nf.statusCode, 404);
    assert.equal(nf.serviceCode, "NotAuthorizedOrNotFound");
  } finally {
    await stop(srv);
    fs.rmSync(srv.dir, { recursive: true, force: true });
  }
});
