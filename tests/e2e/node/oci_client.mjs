// oci_client.mjs - OCI TypeScript SDK clients pointed at cmkemu, for the node e2e tests.
// Each client signs with a fresh RSA key (cmkemu reads the tenancy and user from the keyId),
// has retries disabled, and reaches a region through the /oci/<region> endpoint prefix.
import common from "oci-common";
import crypto from "node:crypto";

export const TENANCY = "ocid1.tenancy.oc1..aaaaaaaae2etenancyaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
export const USER = "ocid1.user.oc1..aaaaaaaae2euseraaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const FINGERPRINT = "11:22:33:44:55:66:77:88:99:00:aa:bb:cc:dd:ee:ff";

let pem;
function privateKey() {
  if (!pem) {
    pem = crypto.generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    }).privateKey;
  }
  return pem;
}

export function provider(tenancy = TENANCY, user = USER) {
  return new common.SimpleAuthenticationDetailsProvider(tenancy, user, FINGERPRINT, privateKey(), null);
}

// The base URL of a region: http://127.0.0.1:PORT/oci/<region>.
export function regionEndpoint(region = "us-ashburn-1") {
  return `${process.env.CMKEMU_URL}/oci/${region}`;
}

// new Cls(...) with retries off and its endpoint at cmkemu's region prefix; auth replaces the
// default provider (a registered key pair under --auth strict).
export function client(Cls, { region = "us-ashburn-1", tenancy = TENANCY, endpoint, auth } = {}) {
  const c = new Cls(
    { authenticationDetailsProvider: auth ?? provider(tenancy) },
    { retryConfiguration: common.NoRetryConfigurationDetails },
  );
  c.endpoint = endpoint ?? regionEndpoint(region);
  return c;
}

// Runs fn, which must throw an OciError; returns it.
export async function ociError(fn) {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an OciError, the call succeeded");
}

export function uniq(prefix) {
  return `${prefix}-${crypto.randomBytes(5).toString("hex")}`;
}

export { common };
