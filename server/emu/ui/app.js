// app.js - the cmkemu dashboard. Reads GET /_cmkemu/state, groups every key by cloud, account or
// tenancy and region, lists what each key encrypts, and the resources on the clouds' default
// keys apart. Every string from the state goes into the page as text (textContent or an
// attribute value): the page never parses markup from data.
"use strict";

const STATE_URL = "/_cmkemu/state";
// CHOICE: every 2 s, redrawing only when the state changed (generatedAt aside), so a text
// selection or a scroll position survives the refreshes that change nothing.
const REFRESH_MS = 2000;

// ---- DOM --------------------------------------------------------------------------------------

// h("td", {class: "kind"}, "text", node, [more]) - an element; null/false children are skipped.
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") el.className = value;
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

// An OCID or ARN shortened in the middle, the whole value in the tooltip.
function idText(id) {
  if (!id) return h("span", { class: "id" }, "—");
  const s = String(id);
  const short = s.length > 44 ? `${s.slice(0, 24)}…${s.slice(-14)}` : s;
  return h("span", { class: "id", title: s }, short);
}

const GOOD = new Set(["ENABLED", "Enabled", "ACTIVE", "AVAILABLE", "ENABLING", "CREATING", "PROVISIONING"]);
const WARN = new Set(["DISABLED", "Disabled", "DISABLING", "PendingDeletion", "PENDING_DELETION",
  "SCHEDULING_DELETION", "PendingImport", "PendingReplicaDeletion", "Unavailable", "UPDATING", "RESTORING"]);
const BAD = new Set(["DELETED", "DELETING", "FAULTY", "TERMINATED", "TERMINATING"]);

function badge(state) {
  if (!state) return null;
  const cls = GOOD.has(state) ? "ok" : WARN.has(state) ? "warn" : BAD.has(state) ? "bad" : "";
  return h("span", { class: `badge ${cls}` }, state);
}

function when(t) {
  if (!t) return null;
  return t.replace("T", " ").replace(/\.\d+Z$/, " UTC");
}

// ---- the model ----------------------------------------------------------------------------------

// A key that stops working while something still names it: AWS and OCI spellings.
const INACTIVE = new Set(["Disabled", "PendingDeletion", "Unavailable", "DISABLED", "DISABLING",
  "PENDING_DELETION", "SCHEDULING_DELETION", "DELETING", "DELETED"]);
// CHOICE: terminated volumes stay listed under their key, greyed, and count for no finding.
const GONE = new Set(["TERMINATED", "TERMINATING"]);

function groupOf(groups, cloud, owner, region) {
  const k = `${cloud}\u0000${owner}\u0000${region}`;
  if (!groups.has(k)) {
    groups.set(k, { cloud, owner, region, keys: [], missing: new Map(), defaults: [] });
  }
  return groups.get(k);
}

function use(kind, name, id, res, extra) {
  return {
    kind,
    name,
    id,
    state: res.lifecycleState || null,
    compartmentId: res.compartmentId || null,
    zone: res.securityZone || null,
    violates: !!res.violatesZonePolicy,
    gone: GONE.has(res.lifecycleState),
    extra: extra || null,
  };
}

function model(state) {
  const groups = new Map();
  const zones = new Map(); // tenancy -> zones
  const awsByArn = new Map();
  const ociById = new Map();

  const aws = state.awsKms || { keys: [], aliases: [] };
  for (const k of aws.keys) {
    const entry = { cloud: "AWS", key: k, uses: [] };
    groupOf(groups, "AWS", k.account, k.region).keys.push(entry);
    awsByArn.set(k.arn, entry);
  }
  for (const b of (state.s3 && state.s3.buckets) || []) {
    const g = groupOf(groups, "AWS", b.account, b.region);
    const enc = b.encryption;
    const how = enc ? [enc.sseAlgorithm, enc.bucketKeyEnabled ? "bucket key" : null].filter(Boolean).join(" · ") : "no configuration (SSE-S3 default)";
    const u = use("S3 bucket", b.name, null, b, how);
    const ref = b.kmsKey;
    if (ref && ref.arn && awsByArn.has(ref.arn)) awsByArn.get(ref.arn).uses.push(u);
    else if (ref && ref.ref !== "alias/aws/s3") missingUse(g, ref.ref, u);
    else g.defaults.push({ u, key: ref ? "AWS managed key alias/aws/s3" : "Amazon S3 managed key (SSE-S3)" });
  }

  const oci = state.oci || {};
  const vaults = new Map((oci.vaults || []).map((v) => [v.id, v]));
  for (const k of oci.keys || []) {
    const entry = { cloud: "OCI", key: k, vault: vaults.get(k.vaultId), uses: [] };
    groupOf(groups, "OCI", k.tenancy, k.region).keys.push(entry);
    ociById.set(k.id, entry);
  }
  const place = (kind, r, name, tenancy, extra) => {
    const g = groupOf(groups, "OCI", tenancy || "(unknown tenancy)", r.region);
    const u = use(kind, name, r.id, r, extra);
    if (!r.kmsKeyId) g.defaults.push({ u, key: "Oracle-managed key" });
    else if (ociById.has(r.kmsKeyId)) ociById.get(r.kmsKeyId).uses.push(u);
    else missingUse(g, r.kmsKeyId, u);
  };
  for (const b of oci.buckets || []) {
    place("Bucket", b, b.name, b.tenancy || `namespace ${b.namespace}`, b.publicAccessType === "NoPublicAccess" ? null : b.publicAccessType);
  }
  for (const v of oci.volumes || []) place("Block volume", v, v.displayName, v.tenancy, `${v.sizeInGBs} GB`);
  for (const v of oci.bootVolumes || []) place("Boot volume", v, v.displayName, v.tenancy, `${v.sizeInGBs} GB`);
  for (const b of oci.backups || []) {
    place(b.isBoot ? "Boot volume backup" : "Volume backup", b, b.displayName, b.tenancy, b.sourceBackupId ? "cross-region copy" : b.type);
  }
  for (const r of oci.replicas || []) place(r.isBoot ? "Boot volume replica" : "Block volume replica", r, r.displayName, r.tenancy, r.availabilityDomain);
  for (const a of oci.policyAssignments || []) {
    if (!a.xrcKmsKeyId) continue;
    const u = use("Backup copy key of a policy", a.assetId, a.id, a, "cross-region backup copies");
    if (ociById.has(a.xrcKmsKeyId)) ociById.get(a.xrcKmsKeyId).uses.push(u);
    else missingUse(groupOf(groups, "OCI", a.tenancy, a.region), a.xrcKmsKeyId, u);
  }
  for (const z of oci.securityZones || []) {
    if (!zones.has(z.tenancy)) zones.set(z.tenancy, []);
    zones.get(z.tenancy).push(z);
  }

  const sorted = [...groups.values()].sort((a, b) =>
    a.cloud.localeCompare(b.cloud) || String(a.owner).localeCompare(String(b.owner)) || String(a.region).localeCompare(String(b.region)));
  return { groups: sorted, zones };
}

function missingUse(group, ref, u) {
  if (!group.missing.has(ref)) group.missing.set(ref, []);
  group.missing.get(ref).push(u);
}

function live(uses) {
  return uses.filter((u) => !u.gone);
}

function keyLabel(entry) {
  const k = entry.key;
  if (entry.cloud === "AWS") return k.aliases && k.aliases.length ? k.aliases.join(", ") : k.keyId;
  return k.displayName || k.id;
}

function alerts(groups) {
  const zone = [];
  const inactive = [];
  const missing = [];
  for (const g of groups) {
    for (const d of g.defaults) if (d.u.violates) zone.push({ g, u: d.u });
    for (const e of g.keys) {
      const st = e.cloud === "AWS" ? e.key.keyState : e.key.lifecycleState;
      const n = live(e.uses).length;
      if (INACTIVE.has(st) && n) inactive.push({ g, e, st, n });
    }
    for (const [ref, uses] of g.missing) if (live(uses).length) missing.push({ g, ref, n: live(uses).length });
  }
  return { zone, inactive, missing };
}

// ---- drawing ------------------------------------------------------------------------------------

function where(g) {
  return `${g.cloud} ${g.owner} ${g.region}`;
}

function drawAlerts(a) {
  const total = a.zone.length + a.inactive.length + a.missing.length;
  if (!total) return h("p", { class: "allclear", "data-alert": "none" }, "No findings: no resource on an Oracle-managed key inside a security zone, no disabled or deleted key still assigned.");
  return h("section", { class: "alerts" },
    h("h2", null, `Findings (${total})`),
    a.zone.length ? [
      h("div", { class: "kind" }, "On an Oracle-managed key inside a security zone that requires a Vault key"),
      h("ul", { "data-alert": "zone" }, a.zone.map(({ g, u }) => h("li", { "data-resource": u.id || u.name },
        `${u.kind} ${u.name} (${g.region}) in security zone ${u.zone ? u.zone.displayName : "?"}`, " ", idText(u.id)))),
    ] : null,
    a.inactive.length ? [
      h("div", { class: "kind" }, "Keys disabled or pending deletion but still assigned"),
      h("ul", { "data-alert": "inactive-key" }, a.inactive.map(({ g, e, st, n }) => h("li", { "data-key": e.key.arn || e.key.id },
        `${e.cloud} key ${keyLabel(e)} is ${st} and still encrypts ${n} resource${n === 1 ? "" : "s"} (${g.region})`))),
    ] : null,
    a.missing.length ? [
      h("div", { class: "kind" }, "Assigned keys that do not exist"),
      h("ul", { "data-alert": "missing-key" }, a.missing.map(({ g, ref, n }) => h("li", null,
        `${n} resource${n === 1 ? "" : "s"} in ${where(g)} name a key that does not exist: `, idText(ref)))),
    ] : null);
}

function usesTable(uses) {
  if (!uses.length) return h("div", { class: "nouse" }, "Encrypts nothing.");
  return h("table", null,
    h("thead", null, h("tr", null, h("th", null, "resource"), h("th", null, "name"), h("th", null, "state"),
      h("th", null, "detail"), h("th", null, "compartment / zone"))),
    h("tbody", null, uses.map((u) => h("tr", {
      class: [u.gone ? "gone" : "", u.violates ? "violation" : ""].join(" ").trim() || null,
      "data-resource": u.id || u.name,
    },
    h("td", { class: "kind" }, u.kind),
    h("td", null, h("div", null, u.name || "—"), u.id ? idText(u.id) : null),
    h("td", null, badge(u.state) || "—"),
    h("td", null, u.extra || ""),
    h("td", null,
      u.compartmentId ? idText(u.compartmentId) : null,
      u.zone ? h("div", null, "zone ", h("strong", null, u.zone.displayName), " ", badge(u.zone.lifecycleState)) : null,
      u.violates ? h("div", null, h("span", { class: "badge bad" }, "violates zone policy")) : null)))));
}

function awsKeyCard(e) {
  const k = e.key;
  const inactive = INACTIVE.has(k.keyState) && live(e.uses).length;
  return h("div", { class: `card${inactive ? " inactive" : ""}`, "data-key": k.arn },
    h("div", { class: "card-head" },
      h("span", { class: "name" }, keyLabel(e)), badge(k.keyState),
      h("span", { class: "badge" }, k.keyManager === "AWS" ? "AWS managed" : "customer managed")),
    h("div", { class: "meta" },
      h("span", null, idText(k.arn)), h("span", null, `${k.keySpec} · ${k.keyUsage}`),
      k.multiRegion ? h("span", null, "multi-Region") : null,
      h("span", null, `created ${when(k.createdAt)}`),
      k.deletionDate ? h("span", null, `deletion ${when(k.deletionDate)}`) : null,
      k.description ? h("span", null, k.description) : null),
    usesTable(e.uses));
}

function ociKeyCard(e) {
  const k = e.key;
  const inactive = INACTIVE.has(k.lifecycleState) && live(e.uses).length;
  const bits = k.algorithm === "ECDSA" ? `ECDSA ${k.curveId || ""}`.trim() : `${k.algorithm}-${k.length * 8}`;
  return h("div", { class: `card${inactive ? " inactive" : ""}`, "data-key": k.id },
    h("div", { class: "card-head" },
      h("span", { class: "name" }, keyLabel(e)), badge(k.lifecycleState),
      h("span", { class: "badge" }, `${bits} · ${k.protectionMode}`)),
    h("div", { class: "meta" },
      h("span", null, idText(k.id)),
      h("span", null, "vault ", e.vault ? e.vault.displayName : idText(k.vaultId), e.vault ? ` (${e.vault.vaultType}, ${e.vault.lifecycleState})` : ""),
      h("span", null, `created ${when(k.timeCreated)}`),
      k.timeOfDeletion ? h("span", null, `deletion ${when(k.timeOfDeletion)}`) : null),
    h("div", { class: "versions" },
      h("span", { class: "label" }, `${k.versions.length} version${k.versions.length === 1 ? "" : "s"}:`),
      k.versions.map((v) => h("span", { class: `chip${v.id === k.currentKeyVersion ? " current" : ""}`, title: v.id },
        `…${v.id.slice(-8)} `, badge(v.lifecycleState), v.id === k.currentKeyVersion ? " current" : ""))),
    usesTable(e.uses));
}

function missingCard(ref, uses) {
  return h("div", { class: "card missing", "data-key": ref },
    h("div", { class: "card-head" }, h("span", { class: "name" }, "Key not found"), h("span", { class: "badge bad" }, "missing")),
    h("div", { class: "meta" }, h("span", null, idText(ref))),
    usesTable(uses));
}

function defaultsCard(g) {
  const title = g.cloud === "AWS" ? "On AWS managed and S3 managed keys" : "On Oracle-managed keys";
  return h("div", { class: "card defaults", "data-defaults": `${g.cloud} ${g.owner} ${g.region}` },
    h("div", { class: "card-head" }, h("span", { class: "name" }, title), h("span", { class: "badge" }, String(g.defaults.length))),
    usesTable(g.defaults.map((d) => Object.assign({}, d.u, { extra: [d.key, d.u.extra].filter(Boolean).join(" · ") }))));
}

function drawGroup(g) {
  const owner = g.cloud === "AWS" ? `account ${g.owner}` : g.owner.startsWith("ocid1.") ? null : g.owner;
  return h("section", { class: "group", "data-group": where(g) },
    h("h2", null, h("span", { class: `cloud ${g.cloud.toLowerCase()}` }, g.cloud), " ",
      h("span", { class: "owner" }, owner || "tenancy ", owner ? null : idText(g.owner)), " · ",
      h("span", { class: "region" }, g.region)),
    g.keys.length ? [h("h3", null, `Keys (${g.keys.length})`), g.keys.map((e) => (e.cloud === "AWS" ? awsKeyCard(e) : ociKeyCard(e)))] : null,
    [...g.missing].map(([ref, uses]) => missingCard(ref, uses)),
    g.defaults.length ? [h("h3", null, "Default keys"), defaultsCard(g)] : null);
}

function drawZones(tenancy, zones) {
  return h("section", { class: "group zones", "data-zones": tenancy },
    h("h2", null, h("span", { class: "cloud oci" }, "OCI"), " ", h("span", { class: "owner" }, "tenancy "), idText(tenancy), " · ",
      h("span", { class: "region" }, "security zones")),
    h("div", { class: "card" }, h("table", null,
      h("thead", null, h("tr", null, h("th", null, "zone"), h("th", null, "state"), h("th", null, "recipe"),
        h("th", null, "policies"), h("th", null, "compartments"))),
      h("tbody", null, zones.map((z) => h("tr", { "data-zone": z.id },
        h("td", null, h("div", null, z.displayName), idText(z.id)),
        h("td", null, badge(z.lifecycleState)),
        h("td", null, z.recipeName || idText(z.recipeId)),
        h("td", null, z.policies.map((p) => h("span", { class: `policy${p.endsWith("_without_vault_key") ? " key" : ""}` }, p))),
        h("td", null, z.compartments.map((c) => h("div", null, idText(c))))))))));
}

function draw(state) {
  const m = model(state);
  const regions = new Set(m.groups.map((g) => g.region));
  syncRegions(regions);
  const only = selectedRegion();
  const shown = m.groups.filter((g) => !only || g.region === only);
  const out = [drawAlerts(alerts(shown))];
  if (!shown.length) out.push(h("p", { class: "empty" }, "No keys or encrypted resources yet. Create a bucket, a key or a volume through any of the APIs and it appears here."));
  for (const g of shown) out.push(drawGroup(g));
  for (const [tenancy, zones] of m.zones) out.push(drawZones(tenancy, zones));
  document.getElementById("main").replaceChildren(...out);
}

// ---- region choice ----------------------------------------------------------------------------

function selectedRegion() {
  return document.getElementById("region").value;
}

function syncRegions(regions) {
  const sel = document.getElementById("region");
  const want = sel.value || new URLSearchParams(location.hash.slice(1)).get("region") || "";
  const have = [...sel.options].slice(1).map((o) => o.value).join("\n");
  const list = [...regions].filter(Boolean).sort();
  if (want && !list.includes(want)) list.push(want);
  if (have !== list.join("\n")) {
    sel.replaceChildren(h("option", { value: "" }, "all regions"), ...list.map((r) => h("option", { value: r }, r)));
  }
  sel.value = want;
}

// ---- refresh ----------------------------------------------------------------------------------

let lastText = null;
let lastState = null;

function setStatus(text, cls) {
  const el = document.getElementById("status");
  el.textContent = text;
  el.className = `status ${cls}`;
}

async function refresh() {
  try {
    const r = await fetch(STATE_URL, { cache: "no-store" });
    const text = await r.text();
    if (!r.ok) throw new Error(`GET ${STATE_URL}: ${r.status}`);
    // generatedAt changes on every read; redraw only when something else did
    const same = text.replace(/"generatedAt":"[^"]*"/, "");
    if (same !== lastText) {
      lastState = JSON.parse(text);
      lastText = same;
      draw(lastState);
    }
    setStatus(`live · updated ${new Date().toLocaleTimeString()}`, "live");
  } catch (e) {
    setStatus(`cannot read the state (${e.message}); retrying`, "error");
  } finally {
    setTimeout(refresh, REFRESH_MS);
  }
}

document.getElementById("region").addEventListener("change", () => {
  const r = selectedRegion();
  history.replaceState(null, "", r ? `#region=${encodeURIComponent(r)}` : location.pathname);
  if (lastState) draw(lastState);
});

refresh();
