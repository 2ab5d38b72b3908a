// dashboard.test.mjs - the /_cmkemu/ui dashboard in headless Chromium (Debian's chromium driven by
// playwright-core). CHOICE: the test starts its own cmkemu (an empty :memory: store), so that the
// page shows only what the test made while the other suites run in parallel. It creates keys,
// buckets and volumes through the AWS and OCI SDKs, checks that the page shows them, then changes
// the state through the APIs (assigns keys, disables and schedules the deletion of keys, creates
// a security zone) and waits for the page to follow without a reload. It saves a screenshot to
// tests/artifacts/dashboard.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { S3Client, CreateBucketCommand, PutBucketEncryptionCommand } from "@aws-sdk/client-s3";
import { KMSClient, CreateKeyCommand, CreateAliasCommand, ScheduleKeyDeletionCommand } from "@aws-sdk/client-kms";
import km from "oci-keymanagement";
import os from "oci-objectstorage";
import core from "oci-core";
import cg from "oci-cloudguard";
import { client, uniq, TENANCY } from "./oci_client.mjs";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const ARTIFACTS = join(ROOT, "tests", "artifacts");
const CHROMIUM = "/usr/bin/chromium";
const ACCOUNT = "111122223333";
const IAD = "us-ashburn-1";
const PHX = "us-phoenix-1";
const COMP = `ocid1.compartment.oc1..${uniq("dashboard")}`;
const XSS = '<img src=x onerror="window.__pwned=1">';
const WAIT = { timeout: 15000 };

let server; // { url, proc, log() }
let browser;
let page;
const pageErrors = [];

async function startServer() {
  const bin = process.env.CMKEMU_BIN ?? join(ROOT, "build", "cmkemu");
  const dir = mkdtempSync(join(tmpdir(), "cmkemu-dashboard-"));
  const portFile = join(dir, "port");
  const proc = spawn(bin, ["--port", "0", "--port-file", portFile, "--db", ":memory:", "--log-level", "warn"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  proc.stderr.on("data", (d) => (log += d));
  for (let i = 0; i < 200 && !(existsSync(portFile) && readFileSync(portFile, "utf8").trim()); i++) {
    await new Promise((r) => setTimeout(r, 25));
  }
  const port = readFileSync(portFile, "utf8").trim();
  rmSync(dir, { recursive: true, force: true });
  return { url: `http://127.0.0.1:${port}`, proc, log: () => log };
}

async function stopServer(s) {
  const exited = new Promise((r) => s.proc.once("exit", (code, signal) => r({ code, signal })));
  s.proc.kill("SIGTERM");
  return exited;
}

const oci = (Cls, region = IAD) => client(Cls, { endpoint: `${server.url}/oci/${region}` });
const aws = (Cls) =>
  new Cls({
    endpoint: server.url,
    forcePathStyle: true,
    region: "us-east-1",
    credentials: { accessKeyId: ACCOUNT, secretAccessKey: "secret" },
    maxAttempts: 1,
  });

// In the page: the card of one key, and the rows of what it encrypts.
const keyCard = (id) => page.locator(`.card[data-key="${id}"]`);
const defaults = (cloud, owner, region) => page.locator(`.card[data-defaults="${cloud} ${owner} ${region}"]`);

async function state() {
  const r = await fetch(`${server.url}/_cmkemu/state`);
  assert.equal(r.status, 200);
  return r.json();
}

before(async () => {
  server = await startServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(m.text());
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
});

after(async () => {
  await browser?.close();
  if (server) {
    const { code, signal } = await stopServer(server);
    assert.equal(signal, null, server.log());
    assert.equal(code, 0, server.log());
    assert.doesNotMatch(server.log(), /ERROR|runtime error|Sanitizer/);
  }
});

test("the dashboard shows keys, what they encrypt, and follows the APIs without a reload", async () => {
  // ---- AWS: a customer key with an alias, a bucket on it, a bucket on the S3 default ----------
  const kms = aws(KMSClient);
  const s3 = aws(S3Client);
  const awsKey = (await kms.send(new CreateKeyCommand({ Description: XSS }))).KeyMetadata;
  await kms.send(new CreateAliasCommand({ AliasName: "alias/dashboard-app", TargetKeyId: awsKey.KeyId }));
  const dataBucket = uniq("dash-data");
  const logBucket = uniq("dash-logs");
  await s3.send(new CreateBucketCommand({ Bucket: dataBucket }));
  await s3.send(new CreateBucketCommand({ Bucket: logBucket }));
  await s3.send(
    new PutBucketEncryptionCommand({
      Bucket: dataBucket,
      ServerSideEncryptionConfiguration: {
        Rules: [
          {
            ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: "alias/dashboard-app" },
            BucketKeyEnabled: true,
          },
        ],
      },
    }),
  );

  // ---- OCI: a vault key with two versions, and what it encrypts ------------------------------
  const vault = (
    await oci(km.KmsVaultClient).createVault({
      createVaultDetails: { compartmentId: COMP, displayName: "dashboard-vault", vaultType: "DEFAULT" },
    })
  ).vault;
  const mc = client(km.KmsManagementClient, { endpoint: vault.managementEndpoint });
  const key = (
    await mc.createKey({
      createKeyDetails: { compartmentId: COMP, displayName: "dashboard-key", keyShape: { algorithm: "AES", length: 32 } },
    })
  ).key;
  // Block Volume takes keys with one version only: the buckets' key is the rotated one
  const rotated = (
    await mc.createKey({
      createKeyDetails: { compartmentId: COMP, displayName: "dashboard-rotated", keyShape: { algorithm: "AES", length: 32 } },
    })
  ).key;
  const v2 = (await mc.createKeyVersion({ keyId: rotated.id })).keyVersion;

  const store = oci(os.ObjectStorageClient);
  const ns = (await store.getNamespace({})).value;
  const keyedBucket = uniq("dash-keyed");
  const plainBucket = uniq("dash-plain");
  const keyed = (
    await store.createBucket({ namespaceName: ns, createBucketDetails: { name: keyedBucket, compartmentId: COMP, kmsKeyId: rotated.id } })
  ).bucket;
  const plain = (await store.createBucket({ namespaceName: ns, createBucketDetails: { name: plainBucket, compartmentId: COMP } })).bucket;

  const bs = oci(core.BlockstorageClient);
  const vol = (
    await bs.createVolume({
      createVolumeDetails: { compartmentId: COMP, availabilityDomain: "Uocm:IAD-AD-1", displayName: "dash-vol", kmsKeyId: key.id },
    })
  ).volume;
  const later = (
    await bs.createVolume({
      createVolumeDetails: {
        compartmentId: COMP,
        availabilityDomain: "Uocm:IAD-AD-1",
        displayName: "dash-vol-later",
        blockVolumeReplicas: [{ availabilityDomain: "Uocm:PHX-AD-1", displayName: "dash-replica" }],
      },
    })
  ).volume;
  const boot = (
    await bs.createBootVolume({
      createBootVolumeDetails: {
        compartmentId: COMP,
        availabilityDomain: "Uocm:IAD-AD-1",
        displayName: "dash-boot",
        kmsKeyId: key.id,
        sourceDetails: { type: "image", id: "ocid1.image.oc1.iad.aaaaaaaadashboardimage" },
      },
    })
  ).bootVolume;
  const backup = (
    await bs.createVolumeBackup({ createVolumeBackupDetails: { volumeId: vol.id, displayName: "dash-backup" } })
  ).volumeBackup;

  // ---- the page shows them ------------------------------------------------------------------
  await page.goto(`${server.url}/_cmkemu/ui`);
  assert.equal(await page.title(), "cmkemu · keys and what they encrypt");
  await page.locator("#status.live").waitFor(WAIT);
  let loads = 0;
  page.on("load", () => loads++);
  await page.evaluate(() => {
    window.__sameDocument = true;
  });

  const awsCard = keyCard(awsKey.Arn);
  await awsCard.getByText("alias/dashboard-app").waitFor(WAIT);
  await awsCard.locator(`tr[data-resource="${dataBucket}"]`).waitFor(WAIT);
  await awsCard.getByText(XSS).waitFor(WAIT); // the description, as text
  await defaults("AWS", ACCOUNT, "us-east-1").locator(`tr[data-resource="${logBucket}"]`).waitFor(WAIT);
  assert.match(await defaults("AWS", ACCOUNT, "us-east-1").innerText(), /Amazon S3 managed key \(SSE-S3\)/);

  const ociCard = keyCard(key.id);
  await ociCard.getByText("dashboard-key").waitFor(WAIT);
  for (const id of [vol.id, boot.id, backup.id]) await ociCard.locator(`tr[data-resource="${id}"]`).waitFor(WAIT);
  const ociText = await ociCard.innerText();
  assert.match(ociText, /1 version:/);
  assert.match(ociText, /dashboard-vault/);
  assert.match(ociText, /AES-256/);
  const rotatedCard = keyCard(rotated.id);
  await rotatedCard.locator(`tr[data-resource="${keyed.id}"]`).waitFor(WAIT);
  assert.match(await rotatedCard.innerText(), /2 versions/);
  await rotatedCard.locator(".chip.current").getByText(`…${v2.id.slice(-8)}`).waitFor(WAIT);
  const iadDefaults = defaults("OCI", TENANCY, IAD);
  await iadDefaults.locator(`tr[data-resource="${plain.id}"]`).waitFor(WAIT);
  await iadDefaults.locator(`tr[data-resource="${later.id}"]`).waitFor(WAIT);
  assert.match(await iadDefaults.innerText(), /Oracle-managed key/);
  await defaults("OCI", TENANCY, PHX).getByText("dash-replica").waitFor(WAIT);
  await page.locator('[data-alert="none"]').waitFor(WAIT);

  // ---- changes through the APIs; the page follows --------------------------------------------
  // assign keys: the S3 log bucket and the keyless volume move under their keys
  await s3.send(
    new PutBucketEncryptionCommand({
      Bucket: logBucket,
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: awsKey.Arn } }],
      },
    }),
  );
  await bs.updateVolumeKmsKey({ volumeId: later.id, updateVolumeKmsKeyDetails: { kmsKeyId: key.id } });
  await awsCard.locator(`tr[data-resource="${logBucket}"]`).waitFor(WAIT);
  await ociCard.locator(`tr[data-resource="${later.id}"]`).waitFor(WAIT);
  await iadDefaults.locator(`tr[data-resource="${later.id}"]`).waitFor({ state: "detached", ...WAIT });

  // disable the Vault key and schedule the AWS key's deletion: both are findings
  await mc.disableKey({ keyId: key.id });
  await kms.send(new ScheduleKeyDeletionCommand({ KeyId: awsKey.KeyId, PendingWindowInDays: 7 }));
  const inactive = page.locator('[data-alert="inactive-key"]');
  await inactive.locator(`li[data-key="${key.id}"]`).getByText(/is DISABLED and still encrypts 4 resources/).waitFor(WAIT);
  await inactive.locator(`li[data-key="${awsKey.Arn}"]`).getByText(/is PendingDeletion and still encrypts 2 resources/).waitFor(WAIT);
  await ociCard.locator(".card-head .badge", { hasText: "DISABLED" }).waitFor(WAIT);

  // a security zone over the compartment: the keyless bucket is now a finding
  const guard = oci(cg.CloudGuardClient);
  const policies = (await guard.listSecurityPolicies({ compartmentId: TENANCY })).securityPolicyCollection.items;
  const recipe = (
    await guard.createSecurityRecipe({
      createSecurityRecipeDetails: {
        compartmentId: COMP,
        displayName: "dashboard-recipe",
        securityPolicies: policies.filter((p) => p.friendlyName.endsWith("_without_vault_key")).map((p) => p.id),
      },
    })
  ).securityRecipe;
  const zone = (
    await guard.createSecurityZone({
      createSecurityZoneDetails: { compartmentId: COMP, displayName: "dashboard-zone", securityZoneRecipeId: recipe.id },
    })
  ).securityZone;
  const zoneAlert = page.locator('[data-alert="zone"]');
  await zoneAlert.getByText(new RegExp(`Bucket ${plainBucket} .* in security zone dashboard-zone`)).waitFor(WAIT);
  await page.locator(`tr[data-zone="${zone.id}"]`).getByText("deny buckets_without_vault_key").waitFor(WAIT);
  await iadDefaults.locator(`tr.violation[data-resource="${plain.id}"]`).waitFor(WAIT);

  // no reload happened, nothing ran from the data, no script or CSP error
  assert.equal(loads, 0);
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator("main img").count(), 0);
  assert.deepEqual(pageErrors, []);

  // the state API says the same
  const s = await state();
  const plainState = s.oci.buckets.find((b) => b.id === plain.id);
  assert.equal(plainState.violatesZonePolicy, true);
  assert.equal(plainState.securityZone.displayName, "dashboard-zone");
  assert.equal(plainState.tenancy, TENANCY);
  assert.equal(s.oci.buckets.find((b) => b.name === keyedBucket).keyState, "ENABLED");
  assert.equal(s.oci.volumes.find((v) => v.id === later.id).keyState, "DISABLED");

  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, "dashboard.png"), fullPage: true });

  // one region: the other groups go, the choice is kept in the URL
  await page.selectOption("#region", PHX);
  await page.locator(`section[data-group="OCI ${TENANCY} ${PHX}"]`).waitFor(WAIT);
  assert.equal(await page.locator(`section[data-group="AWS ${ACCOUNT} us-east-1"]`).count(), 0);
  assert.equal(await page.locator(`section[data-group="OCI ${TENANCY} ${IAD}"]`).count(), 0);
  assert.equal(new URL(page.url()).hash, `#region=${PHX}`);
  await page.selectOption("#region", "");
  await page.locator(`section[data-group="AWS ${ACCOUNT} us-east-1"]`).waitFor(WAIT);
  assert.equal(loads, 0);
});

test("the dashboard's files and their headers", async () => {
  const page1 = await fetch(`${server.url}/_cmkemu/ui`);
  assert.equal(page1.status, 200);
  assert.equal(page1.headers.get("content-type"), "text/html; charset=utf-8");
  assert.match(page1.headers.get("content-security-policy"), /script-src 'self'/);
  const html = await page1.text();
  assert.match(html, /<script src="\/_cmkemu\/ui\/app\.js" defer><\/script>/);
  const js = await fetch(`${server.url}/_cmkemu/ui/app.js`);
  assert.equal(js.headers.get("content-type"), "text/javascript; charset=utf-8");
  assert.doesNotMatch(await js.text(), /innerHTML|insertAdjacentHTML|outerHTML|document\.write/);
  const css = await fetch(`${server.url}/_cmkemu/ui/app.css`);
  assert.equal(css.headers.get("content-type"), "text/css; charset=utf-8");
  const missing = await fetch(`${server.url}/_cmkemu/ui/nothing.js`);
  assert.equal(missing.status, 404);
});
