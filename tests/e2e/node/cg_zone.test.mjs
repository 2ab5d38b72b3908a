// cg_zone.test.mjs - security zones end to end with the OCI TypeScript SDK (oci-cloudguard) and
// Object Storage: a recipe from built-in policies, a zone, a child compartment declared through
// the emulator's PUT /_cmkemu/oci/compartments/{id}, and buckets denied inside, allowed outside.
import { test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import cg from "oci-cloudguard";
import os from "oci-objectstorage";
import { client, ociError, uniq, TENANCY } from "./oci_client.mjs";

const guard = client(cg.CloudGuardClient, { region: "us-ashburn-1" });
const store = client(os.ObjectStorageClient, { region: "us-ashburn-1" });

function compartment() {
  return `ocid1.compartment.oc1..aaaaaaaa${crypto.randomBytes(8).toString("hex")}`;
}

async function declareCompartment(id, parentId) {
  const r = await fetch(`${process.env.CMKEMU_URL}/_cmkemu/oci/compartments/${id}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ parentId, tenancyId: TENANCY }),
  });
  assert.equal(r.status, 200);
  assert.deepEqual(await r.json(), { id, parentId, tenancyId: TENANCY });
}

async function policyIds(...friendly) {
  const r = await guard.listSecurityPolicies({ compartmentId: TENANCY });
  return friendly.map((f) => {
    const p = r.securityPolicyCollection.items.find((x) => x.friendlyName === f);
    assert.ok(p, f);
    return p.id;
  });
}

test("built-in policies and the Maximum Security Recipe", async () => {
  const r = await guard.listSecurityPolicies({ compartmentId: TENANCY });
  const names = r.securityPolicyCollection.items.map((p) => p.friendlyName);
  for (const n of [
    "deny buckets_without_vault_key",
    "deny public_buckets",
    "deny block_volume_without_vault_key",
    "deny boot_volume_without_vault_key",
  ])
    assert.ok(names.includes(n), n);
  const [id] = await policyIds("deny buckets_without_vault_key");
  const g = await guard.getSecurityPolicy({ securityPolicyId: id });
  assert.equal(g.securityPolicy.friendlyName, "deny buckets_without_vault_key");
  assert.equal(g.securityPolicy.owner, "ORACLE");
  const recipes = await guard.listSecurityRecipes({ compartmentId: compartment() });
  const max = recipes.securityRecipeCollection.items.find((x) => x.displayName === "Maximum Security Recipe");
  assert.ok(max);
  assert.equal(max.owner, "ORACLE");
  assert.equal(max.securityPolicies.length, names.length);
  // paging with limit=1
  const seen = [];
  let page;
  do {
    const p = await guard.listSecurityPolicies({ compartmentId: TENANCY, limit: 1, page });
    assert.equal(p.securityPolicyCollection.items.length, 1);
    seen.push(p.securityPolicyCollection.items[0].id);
    page = p.opcNextPage;
  } while (page);
  assert.equal(seen.length, names.length);
});

test("a security zone denies keyless and public buckets in its compartment and children", async () => {
  const zoneComp = compartment();
  const child = compartment();
  const outside = compartment();
  const ids = await policyIds("deny buckets_without_vault_key", "deny public_buckets");
  const recipe = (
    await guard.createSecurityRecipe({
      createSecurityRecipeDetails: { compartmentId: zoneComp, displayName: uniq("recipe"), securityPolicies: ids },
    })
  ).securityRecipe;
  assert.deepEqual(recipe.securityPolicies, ids);
  assert.equal(recipe.owner, "CUSTOMER");

  await declareCompartment(child, zoneComp);
  const zoneName = uniq("zone");
  const created = await guard.createSecurityZone({
    createSecurityZoneDetails: { displayName: zoneName, compartmentId: zoneComp, securityZoneRecipeId: recipe.id },
  });
  const zone = created.securityZone;
  assert.equal(zone.lifecycleState, "ACTIVE");
  assert.equal(zone.securityZoneRecipeId, recipe.id);
  assert.deepEqual(zone.inheritedByCompartments, [child]);
  assert.equal(created.etag.length, 40);
  const got = await guard.getSecurityZone({ securityZoneId: zone.id });
  assert.equal(got.securityZone.displayName, zoneName);
  const list = await guard.listSecurityZones({ compartmentId: zoneComp });
  assert.deepEqual(
    list.securityZoneCollection.items.map((z) => z.id),
    [zone.id],
  );

  let e = await ociError(() =>
    guard.createSecurityZone({
      createSecurityZoneDetails: { displayName: uniq("zone"), compartmentId: zoneComp, securityZoneRecipeId: recipe.id },
    }),
  );
  assert.equal(e.statusCode, 409);
  assert.equal(e.serviceCode, "Conflict");
  assert.equal(e.message, `The compartment '${zoneComp}' is already in a security zone.`);

  // denied in the child compartment
  const ns = (await store.getNamespace({})).value;
  const name = uniq("zb");
  e = await ociError(() =>
    store.createBucket({ namespaceName: ns, createBucketDetails: { name, compartmentId: child } }),
  );
  assert.equal(e.statusCode, 403);
  assert.equal(e.serviceCode, "NotAuthorized");
  assert.equal(
    e.message,
    `The request violates the security zone policy 'deny buckets_without_vault_key' of security zone '${zoneName}'`,
  );
  e = await ociError(() => store.getBucket({ namespaceName: ns, bucketName: name }));
  assert.equal(e.statusCode, 404);

  // allowed outside, and a public bucket too
  const out = await store.createBucket({
    namespaceName: ns,
    createBucketDetails: { name: uniq("ob"), compartmentId: outside, publicAccessType: "ObjectRead" },
  });
  assert.equal(out.bucket.kmsKeyId, null);

  // the outside bucket moved into the zone: refused; the zone then takes in the compartment
  e = await ociError(() =>
    store.updateBucket({
      namespaceName: ns,
      bucketName: out.bucket.name,
      updateBucketDetails: { compartmentId: child },
    }),
  );
  assert.equal(e.statusCode, 403);
  const added = await guard.addCompartment({
    securityZoneId: zone.id,
    addCompartmentDetails: { compartmentId: outside },
  });
  assert.notEqual(added.etag, created.etag);
  e = await ociError(() =>
    store.updateBucket({ namespaceName: ns, bucketName: out.bucket.name, updateBucketDetails: { kmsKeyId: "" } }),
  );
  assert.equal(e.statusCode, 403);
  e = await ociError(() =>
    store.createBucket({
      namespaceName: ns,
      createBucketDetails: { name: uniq("pb"), compartmentId: outside, publicAccessType: "ObjectRead", kmsKeyId: null },
    }),
  );
  assert.equal(e.statusCode, 403);
  assert.match(e.message, /deny (buckets_without_vault_key|public_buckets)/);
  await guard.removeCompartment({ securityZoneId: zone.id, removeCompartmentDetails: { compartmentId: outside } });
  const u = await store.updateBucket({
    namespaceName: ns,
    bucketName: out.bucket.name,
    updateBucketDetails: { kmsKeyId: "" },
  });
  assert.equal(u.bucket.kmsKeyId, null);

  // update, then delete the zone: the child is free again
  const upd = await guard.updateSecurityZone({
    securityZoneId: zone.id,
    updateSecurityZoneDetails: { displayName: `${zoneName}-b`, description: "renamed" },
  });
  assert.equal(upd.securityZone.displayName, `${zoneName}-b`);
  await guard.deleteSecurityZone({ securityZoneId: zone.id });
  e = await ociError(() => guard.getSecurityZone({ securityZoneId: zone.id }));
  assert.equal(e.statusCode, 404);
  assert.equal(e.serviceCode, "NotAuthorizedOrNotFound");
  const ok = await store.createBucket({ namespaceName: ns, createBucketDetails: { name, compartmentId: child } });
  assert.equal(ok.bucket.name, name);
});

test("a zone with the Maximum Security Recipe denies public buckets", async () => {
  const comp = compartment();
  const recipes = await guard.listSecurityRecipes({ compartmentId: comp });
  const max = recipes.securityRecipeCollection.items.find((x) => x.owner === "ORACLE");
  const zoneName = uniq("maxzone");
  await guard.createSecurityZone({
    createSecurityZoneDetails: { displayName: zoneName, compartmentId: comp, securityZoneRecipeId: max.id },
  });
  const ns = (await store.getNamespace({})).value;
  const e = await ociError(() =>
    store.createBucket({
      namespaceName: ns,
      createBucketDetails: {
        name: uniq("mz"),
        compartmentId: comp,
        publicAccessType: "ObjectReadWithoutList",
        kmsKeyId: "ocid1.key.oc1.iad.nosuchvault.aaaaaaaanokey",
      },
    }),
  );
  // the key is checked before the zone: an unknown key is 404 whatever the zone says
  assert.equal(e.statusCode, 404);
  assert.equal(e.serviceCode, "NotAuthorizedOrFoundKmsKey");
  const e2 = await ociError(() =>
    store.createBucket({ namespaceName: ns, createBucketDetails: { name: uniq("mz"), compartmentId: comp } }),
  );
  assert.equal(e2.statusCode, 403);
  assert.equal(
    e2.message,
    `The request violates the security zone policy 'deny buckets_without_vault_key' of security zone '${zoneName}'`,
  );
});
