// quickstart.test.mjs - the new user's path, from README.md as written: a cmkemu of its own started
// the way the Quickstarts section says (with --seed examples/seed.json; --port 0 and a database in
// a temporary directory added), then the section's code blocks, taken from README.md by their
// label and language so that this test breaks when the README drifts, run against it with the
// port put in: the aws CLI block (sh), the boto3 block (python3), the AWS SDK for JavaScript and
// OCI TypeScript SDK blocks (node, from files written next to this one so that node_modules
// resolve). The OCI CLI and Terraform blocks cannot run here: they are only checked to be there,
// and the README to say they are not run. Then the dashboard in headless Chromium: the seeded
// world on the page, changes through the APIs shown without a reload, POST /_cmkemu/reset and
// the seed shown again. It saves screenshots to tests/artifacts: dashboard-seed-changed.png (the
// changes and their findings) and dashboard-seed.png (the seed again, after the reset).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { S3Client, PutBucketEncryptionCommand } from "@aws-sdk/client-s3";
import common from "oci-common";
import km from "oci-keymanagement";
import objectstorage from "oci-objectstorage";
import cg from "oci-cloudguard";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const HERE = fileURLToPath(new URL("./", import.meta.url));
const ARTIFACTS = join(ROOT, "tests", "artifacts");
const CHROMIUM = "/usr/bin/chromium";
const README_URL = "http://127.0.0.1:4566";
const WAIT = { timeout: 15000 };
const APP_KEY = "11111111-2222-4333-8444-555555555555";
const TENANCY = "ocid1.tenancy.oc1..aaaaaaaaacmetenancy0000000000000000000000000000000000000000";
const USER = "ocid1.user.oc1..aaaaaaaaaciuser000000000000000000000000000000000000000000000";
const FINGERPRINT = "2a:5b:64:90:b6:73:14:cc:a6:00:1a:e6:63:55:b4:ab";
const SECURE = "ocid1.compartment.oc1..aaaaaaaaasecure0000000000000000000000000000000000000000000";
const AES_KEY = "ocid1.key.oc1.iad.acmevault0001.aaaaaaaaaaeskey00000000000000000000000000000000000000000000";
const SECURE_DB = "ocid1.volume.oc1.iad.aaaaaaaaasecuredb00000000000000000000000000000000000000000000";

// ---- README.md's Quickstarts section, as blocks ---------------------------------------------------
// Each fenced block with its language and the bold label (**aws CLI**) of the paragraph above it
// ("" before the first label).
function quickstartBlocks() {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const m = readme.match(/^## Quickstarts\n([\s\S]*?)(?=^## )/m);
  assert.ok(m, "README.md has a Quickstarts section");
  const blocks = [];
  let label = "";
  let prose = "";
  const lines = m[1].split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i].match(/^```(\w*)\s*$/);
    if (!open) {
      const l = lines[i].match(/^\*\*(.+?)\*\*/);
      if (l) {
        label = l[1];
        prose = "";
      }
      prose += `${lines[i]}\n`;
      continue;
    }
    const body = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    blocks.push({ label, lang: open[1], code: `${body.join("\n")}\n`, prose });
  }
  return blocks;
}

function block(label, lang) {
  const found = quickstartBlocks().filter((b) => b.label === label && b.lang === lang);
  assert.equal(found.length, 1, `README.md's Quickstarts has one ${lang} block under **${label}**`);
  return found[0];
}

// ---- the server and the tools ---------------------------------------------------------------------
let server; // { url, proc, log() }
let browser;
const dir = mkdtempSync(join(tmpdir(), "cmkemu-quickstart-"));
const scripts = [];

// The README's start command ("./build/cmkemu --db :memory: --seed examples/seed.json"), with
// the binary under test, --port 0 and a database in the temporary directory.
async function startServer() {
  const start = block("", "sh").code;
  const line = start.split("\n").find((l) => /\.\/build\/cmkemu /.test(l));
  assert.ok(line, "the Quickstarts say how to start the built binary");
  const args = line.replace(/^.*\.\/build\/cmkemu /, "").trim().split(/\s+/);
  assert.deepEqual(args, ["--db", ":memory:", "--seed", "examples/seed.json"]);
  args[1] = join(dir, "quickstart.db");
  assert.match(start, /make run DB=:memory: SEED=examples\/seed\.json/);
  const portFile = join(dir, "port");
  const proc = spawn(
    process.env.CMKEMU_BIN ?? join(ROOT, "build", "cmkemu"),
    [...args, "--port", "0", "--port-file", portFile, "--log-level", "warn"],
    { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] },
  );
  let log = "";
  proc.stderr.on("data", (d) => (log += d));
  for (let i = 0; i < 200 && !(existsSync(portFile) && readFileSync(portFile, "utf8").trim()); i++) {
    await new Promise((r) => setTimeout(r, 25));
  }
  const port = readFileSync(portFile, "utf8").trim();
  assert.match(port, /^\d+$/, log);
  return { url: `http://127.0.0.1:${port}`, proc, log: () => log };
}

// The environment of a new user's shell: no AWS settings of the test run (run.sh exports keys and
// a region) but none of this machine's files either.
function userEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith("AWS_") || k.startsWith("OCI_")) delete env[k];
  return { ...env, AWS_CONFIG_FILE: "/dev/null", AWS_SHARED_CREDENTIALS_FILE: "/dev/null", AWS_EC2_METADATA_DISABLED: "true" };
}

// Runs a program from the repository's root (the README's paths are relative to it); resolves
// to { code, stdout, stderr }.
function run(cmd, args) {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: ROOT, env: userEnv(), timeout: 60000 }, (err, stdout, stderr) =>
      resolve({ code: err ? (err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// The JSON documents printed one after the other (the aws CLI's answers, curl's).
function jsonValues(text) {
  const out = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") {
      if (depth++ === 0) start = i;
    } else if (c === "}" && --depth === 0) out.push(JSON.parse(text.slice(start, i + 1)));
  }
  return out;
}

const withPort = (code) => code.replaceAll(README_URL, server.url);

// A README block as a file next to this test (node_modules resolve from there).
function script(name, code) {
  const p = join(HERE, `.quickstart-${process.pid}-${name}`);
  writeFileSync(p, code);
  scripts.push(p);
  return p;
}

async function state() {
  const r = await fetch(`${server.url}/_cmkemu/state`);
  assert.equal(r.status, 200);
  return r.json();
}

before(async () => {
  server = await startServer();
});

after(async () => {
  await browser?.close();
  for (const p of scripts) rmSync(p, { force: true });
  if (server) {
    const exited = new Promise((r) => server.proc.once("exit", (code, signal) => r({ code, signal })));
    server.proc.kill("SIGTERM");
    assert.deepEqual(await exited, { code: 0, signal: null }, server.log());
    assert.doesNotMatch(server.log(), /ERROR|runtime error|Sanitizer/);
  }
  rmSync(dir, { recursive: true, force: true });
});

// ---- the quickstarts ------------------------------------------------------------------------------
test("quickstart: the aws CLI block, as written", async () => {
  const { code } = block("aws CLI", "sh");
  assert.match(code, /127\.0\.0\.1:4566/);
  const r = await run("sh", ["-e", "-c", withPort(code)]);
  assert.equal(r.code, 0, r.stderr);
  // three answers in a row: the bucket's encryption, the key, the reset
  const [bucket, key, reset, ...more] = jsonValues(r.stdout);
  assert.equal(more.length, 0, r.stdout);
  const rule = bucket.ServerSideEncryptionConfiguration.Rules[0];
  assert.equal(rule.ApplyServerSideEncryptionByDefault.SSEAlgorithm, "aws:kms");
  assert.equal(rule.ApplyServerSideEncryptionByDefault.KMSMasterKeyID, `arn:aws:kms:us-east-1:111111111111:key/${APP_KEY}`);
  assert.equal(rule.BucketKeyEnabled, true);
  assert.equal(key.KeyMetadata.KeyId, APP_KEY);
  assert.equal(key.KeyMetadata.KeyState, "Enabled");
  assert.deepEqual(reset, { status: "ok", family: "all", seed: "examples/seed.json" });
});

test("quickstart: the boto3 block, as written", async () => {
  const { code } = block("boto3", "python");
  const r = await run("python3", ["-c", withPort(code)]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split("\n"), [`arn:aws:kms:us-east-1:111111111111:key/${APP_KEY}`, "Enabled"]);
});

test("quickstart: the AWS SDK for JavaScript block, as written", async () => {
  const { code } = block("AWS SDK for JavaScript (v3)", "js");
  const r = await run("node", [script("aws.mjs", withPort(code))]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /SSEAlgorithm: 'aws:kms'/);
  assert.match(r.stdout, new RegExp(`KMSMasterKeyID: 'arn:aws:kms:us-east-1:111111111111:key/${APP_KEY}'`));
});

test("quickstart: the OCI TypeScript SDK block, as written", async () => {
  const b = block("OCI TypeScript SDK", "js");
  assert.match(b.prose, /examples\/oci-api-key\.pem/);
  const r = await run("node", [script("oci.mjs", withPort(b.code))]);
  assert.equal(r.code, 0, r.stderr);
  const [bucketKey, ...rest] = r.stdout.trim().split("\n");
  assert.match(bucketKey, /^ocid1\.key\.oc1\.iad\.acmevault0001\./); // rotated-key, made by the seed
  const s = await state();
  assert.equal(s.oci.keys.find((k) => k.displayName === "rotated-key").id, bucketKey);
  const names = rest.join("\n");
  for (const n of ["aes-key", "rotated-key", "disabled-key", "rsa-key"]) assert.match(names, new RegExp(`'${n}'`));
});

test("quickstart: the OCI CLI and Terraform blocks are there, and said not to run here", () => {
  const oci = block("OCI CLI", "sh");
  assert.match(oci.prose, /not run by\s+the tests/);
  assert.match(oci.code, /--endpoint http:\/\/127\.0\.0\.1:4566\/oci\/us-ashburn-1/);
  assert.match(oci.code, /examples\/oci-api-key\.pem/);
  assert.match(oci.code, new RegExp(SECURE_DB.replaceAll(".", "\\.")));
  const tf = block("Terraform", "hcl");
  assert.match(tf.prose, /not run by the tests/);
  assert.match(tf.code, /s3\s+= "http:\/\/127\.0\.0\.1:4566"/);
  assert.match(tf.code, /kms\s+= "http:\/\/127\.0\.0\.1:4566"/);
  assert.match(tf.code, /alias\/app-key/);
  // every block of the section is one of those above
  assert.deepEqual(
    quickstartBlocks().map((b) => `${b.label}:${b.lang}`),
    ["sh", "aws CLI:sh", "boto3:python", "AWS SDK for JavaScript (v3):js", "OCI TypeScript SDK:js", "OCI CLI:sh", "Terraform:hcl"].map(
      (x) => (x.includes(":") ? x : `:${x}`),
    ),
  );
});

// ---- the dashboard of the seeded world ------------------------------------------------------------
function ociClient(Cls, endpoint = `${server.url}/oci/us-ashburn-1`) {
  const pem = readFileSync(join(ROOT, "examples/oci-api-key.pem"), "utf8");
  const auth = new common.SimpleAuthenticationDetailsProvider(TENANCY, USER, FINGERPRINT, pem, null);
  const c = new Cls({ authenticationDetailsProvider: auth }, { retryConfiguration: common.NoRetryConfigurationDetails });
  c.endpoint = endpoint;
  return c;
}

test("dashboard: the seeded world, changes through the APIs, a reset back to the seed, without a reload", async () => {
  const seeded = await state();
  const awsKey = (desc) => seeded.awsKms.keys.find((k) => k.description === desc);
  const appKey = awsKey("Application data key");
  const retired = awsKey("Retired; kept for old data");
  const reportsKey = seeded.awsKms.keys.find((k) => k.aliases.includes("alias/reports"));
  const ociKey = (name) => seeded.oci.keys.find((k) => k.displayName === name);
  const named = (rows, name) => rows.find((r) => (r.name ?? r.displayName) === name);
  const secureData = named(seeded.oci.buckets, "secure-data");
  const scratch = named(seeded.oci.buckets, "sandbox-scratch");
  const sandboxDisk = named(seeded.oci.volumes, "sandbox-disk");
  const boot = named(seeded.oci.bootVolumes, "secure-boot");
  const backup = named(seeded.oci.backups, "secure-db-backup");
  const zone = named(seeded.oci.securityZones, "secure-zone");
  assert.equal(appKey.keyState, "Enabled");
  assert.equal(retired.keyState, "Disabled");

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  const pageErrors = [];
  page.on("console", (m) => m.type() === "error" && pageErrors.push(m.text()));
  page.on("pageerror", (e) => pageErrors.push(e.message));
  const keyCard = (id) => page.locator(`.card[data-key="${id}"]`);
  const defaults = (cloud, owner, region) => page.locator(`.card[data-defaults="${cloud} ${owner} ${region}"]`);
  const row = (card, id) => card.locator(`tr[data-resource="${id}"]`);

  await page.goto(`${server.url}/_cmkemu/ui`);
  await page.locator("#status.live").waitFor(WAIT);
  let loads = 0;
  page.on("load", () => loads++);
  await page.evaluate(() => {
    window.__sameDocument = true;
  });

  // what the seed holds, on the page
  async function seedShown(when) {
    const app = keyCard(appKey.arn);
    await app.getByText("alias/app-key").waitFor(WAIT);
    await row(app, "dev-app-data").waitFor(WAIT);
    await app.locator(".card-head .badge", { hasText: "Enabled" }).waitFor(WAIT);
    await keyCard(retired.arn).locator(".card-head .badge", { hasText: "Disabled" }).waitFor(WAIT);
    assert.equal(await keyCard(retired.arn).locator("tr[data-resource]").count(), 0, `${when}: retired-key encrypts nothing`);
    await row(keyCard(reportsKey.arn), "prod-reports").waitFor(WAIT);
    await row(defaults("AWS", "111111111111", "eu-west-1"), "dev-logs-eu").waitFor(WAIT);
    const aes = keyCard(AES_KEY);
    await aes.getByText("aes-key").waitFor(WAIT);
    await aes.locator(".card-head .badge", { hasText: "ENABLED" }).waitFor(WAIT);
    for (const id of [SECURE_DB, boot.id, backup.id]) await row(aes, id).waitFor(WAIT);
    const rotated = keyCard(ociKey("rotated-key").id);
    await row(rotated, secureData.id).waitFor(WAIT);
    assert.match(await rotated.innerText(), /2 versions/, when);
    await keyCard(ociKey("disabled-key").id).locator(".card-head .badge", { hasText: "DISABLED" }).waitFor(WAIT);
    await keyCard(ociKey("rsa-key").id).getByText("rsa-key").waitFor(WAIT);
    await row(keyCard(ociKey("phx-key").id), named(seeded.oci.volumes, "phx-disk").id).waitFor(WAIT);
    const iad = defaults("OCI", TENANCY, "us-ashburn-1");
    await row(iad, scratch.id).waitFor(WAIT);
    await row(iad, sandboxDisk.id).waitFor(WAIT);
    // the zone over "secure" and its children, with the recipe's policies; everything in it is on
    // a Vault key, so the example seed has no finding
    const zoneRow = page.locator(`tr[data-zone="${zone.id}"]`);
    await zoneRow.getByText("secure-zone").waitFor(WAIT);
    await zoneRow.getByText("deny buckets_without_vault_key").waitFor(WAIT);
    assert.equal(await page.locator("tr[data-zone]").count(), 1, `${when}: one zone`);
    await page.locator('[data-alert="none"]').waitFor(WAIT);
    assert.equal(await page.locator("tr.violation").count(), 0, `${when}: no violation`);
  }
  await seedShown("at start");

  // ---- changes through the APIs ---------------------------------------------------------------
  // the seeded S3 bucket on the seeded, disabled key; the seeded OCI bucket on another Vault key
  const s3 = new S3Client({
    endpoint: server.url,
    forcePathStyle: true,
    region: "us-east-1",
    credentials: { accessKeyId: "111111111111", secretAccessKey: "x" },
    maxAttempts: 1,
  });
  await s3.send(
    new PutBucketEncryptionCommand({
      Bucket: "dev-app-data",
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: retired.arn } }],
      },
    }),
  );
  const store = ociClient(objectstorage.ObjectStorageClient);
  const namespaceName = (await store.getNamespace({})).value;
  await store.updateBucket({ namespaceName, bucketName: "secure-data", updateBucketDetails: { kmsKeyId: AES_KEY } });
  // disable aes-key; a security zone over the sandbox compartment
  const vault = named(seeded.oci.vaults, "main-vault");
  const mgmt = (
    await ociClient(km.KmsVaultClient).getVault({ vaultId: vault.id })
  ).vault.managementEndpoint;
  await ociClient(km.KmsManagementClient, mgmt).disableKey({ keyId: AES_KEY });
  const sandboxZone = (
    await ociClient(cg.CloudGuardClient).createSecurityZone({
      createSecurityZoneDetails: { compartmentId: scratch.compartmentId, displayName: "sandbox-zone", securityZoneRecipeId: zone.recipeId },
    })
  ).securityZone;

  await row(keyCard(retired.arn), "dev-app-data").waitFor(WAIT);
  await row(keyCard(appKey.arn), "dev-app-data").waitFor({ state: "detached", ...WAIT });
  await row(keyCard(AES_KEY), secureData.id).waitFor(WAIT);
  await row(keyCard(ociKey("rotated-key").id), secureData.id).waitFor({ state: "detached", ...WAIT });
  await keyCard(AES_KEY).locator(".card-head .badge", { hasText: "DISABLED" }).waitFor(WAIT);
  const inactive = page.locator('[data-alert="inactive-key"]');
  await inactive.locator(`li[data-key="${retired.arn}"]`).getByText(/is Disabled and still encrypts 1 resource/).waitFor(WAIT);
  await inactive.locator(`li[data-key="${AES_KEY}"]`).getByText(/is DISABLED and still encrypts 4 resources/).waitFor(WAIT);
  const zoneAlert = page.locator('[data-alert="zone"]');
  await zoneAlert.getByText(/Bucket sandbox-scratch .* in security zone sandbox-zone/).waitFor(WAIT);
  await page.locator(`tr[data-zone="${sandboxZone.id}"]`).getByText("sandbox-zone").waitFor(WAIT);
  await row(defaults("OCI", TENANCY, "us-ashburn-1"), scratch.id).and(page.locator("tr.violation")).waitFor(WAIT);
  assert.equal(await page.locator('[data-alert="none"]').count(), 0);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, "dashboard-seed-changed.png"), fullPage: true });

  // ---- back to the seed ---------------------------------------------------------------------------
  const r = await fetch(`${server.url}/_cmkemu/reset`, { method: "POST" });
  assert.equal(r.status, 200);
  assert.deepEqual(await r.json(), { status: "ok", family: "all", seed: "examples/seed.json" });
  await page.locator(`tr[data-zone="${sandboxZone.id}"]`).waitFor({ state: "detached", ...WAIT });
  await seedShown("after the reset");
  await page.screenshot({ path: join(ARTIFACTS, "dashboard-seed.png"), fullPage: true });

  // the same page all along, and the state is the seed's again
  assert.equal(loads, 0);
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  assert.deepEqual(pageErrors, []);
  const again = await state();
  for (const k of ["s3", "awsKms", "oci"]) {
    const strip = (x) => JSON.stringify(x, (key, v) => (/^(createdAt|updatedAt|timeCreated)$/.test(key) ? undefined : v));
    assert.equal(strip(again[k]), strip(seeded[k]), `${k} is the seed's again`);
  }
});
