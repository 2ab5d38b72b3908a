// quickstart.test.mjs - the new user's path, from README.md as written: a cmkemu of its own started
// the way the Quickstarts section says (with --seed examples/seed.json; --port 0 and a database in
// a temporary directory added), then the section's code blocks, taken from README.md by their
// label and language so that this test breaks when the README drifts, run against it with the
// port put in: the aws CLI block (sh), the boto3 block (python3), the AWS SDK for JavaScript and
// OCI TypeScript SDK blocks (node, from files written next to this one so that node_modules
// resolve). The OCI CLI and Terraform blocks cannot run here: they are only checked to be there,
// and the README to say they are not run. Then the dashboard in headless Chromium: the seeded
// world on the page, changes through the APIs shown without a reload, POST /_cmkemu/reset and
// the seed shown again. It saves a screenshot to tests/artifacts/dashboard-seed.png.
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
