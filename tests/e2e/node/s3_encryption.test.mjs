// s3_encryption.test.mjs - S3 buckets and bucket default encryption with @aws-sdk/client-s3:
// main flows and error codes, messages and statuses as the SDK reports them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import {
    S3Client,
    CreateBucketCommand,
    HeadBucketCommand,
    ListBucketsCommand,
    DeleteBucketCommand,
    GetBucketLocationCommand,
    PutBucketEncryptionCommand,
    GetBucketEncryptionCommand,
    DeleteBucketEncryptionCommand,
} from "@aws-sdk/client-s3";

const client = (accessKeyId = process.env.AWS_ACCESS_KEY_ID, region = "us-east-1") =>
    new S3Client({
        endpoint: process.env.CMKEMU_URL,
        forcePathStyle: true,
        region,
        credentials: { accessKeyId, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY },
        maxAttempts: 1,
    });
const s3 = client();
const bucketName = (p = "node") => `${p}-${randomBytes(6).toString("hex")}`;
const KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const MX = "The XML you provided was not well-formed or did not validate against our published schema";

async function rejects(promise, status, name, message) {
    try {
        await promise;
    } catch (e) {
        assert.equal(e.$metadata.httpStatusCode, status);
        assert.equal(e.name, name);
        if (message !== undefined) assert.equal(e.message, message);
        assert.match(e.$metadata.requestId, /^[A-Z0-9]{16}$/);
        return e;
    }
    assert.fail(`expected ${name}`);
}

test("create, head, list, location, delete", async () => {
    const b = bucketName();
    const created = await s3.send(new CreateBucketCommand({ Bucket: b }));
    assert.equal(created.$metadata.httpStatusCode, 200);
    assert.equal(created.Location, `/${b}`);
    const head = await s3.send(new HeadBucketCommand({ Bucket: b }));
    assert.equal(head.BucketRegion, "us-east-1");
    assert.equal(head.AccessPointAlias, false);
    const list = await s3.send(new ListBucketsCommand({}));
    assert.ok(list.Buckets.some((x) => x.Name === b && x.CreationDate instanceof Date));
    assert.match(list.Owner.ID, /^[0-9a-f]{64}$/);
    const loc = await s3.send(new GetBucketLocationCommand({ Bucket: b }));
    assert.equal(loc.LocationConstraint, undefined);
    const del = await s3.send(new DeleteBucketCommand({ Bucket: b }));
    assert.equal(del.$metadata.httpStatusCode, 204);
    await rejects(s3.send(new HeadBucketCommand({ Bucket: b })), 404, "NotFound");
    const e = await rejects(s3.send(new DeleteBucketCommand({ Bucket: b })), 404, "NoSuchBucket",
        "The specified bucket does not exist");
    assert.equal(e.BucketName, b);
});

test("create errors", async () => {
    const b = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: b, CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } }));
    assert.equal((await s3.send(new GetBucketLocationCommand({ Bucket: b }))).LocationConstraint, "eu-west-1");
    await rejects(s3.send(new CreateBucketCommand({ Bucket: b, CreateBucketConfiguration: { LocationConstraint: "eu-west-1" } })),
        409, "BucketAlreadyOwnedByYou",
        "Your previous request to create the named bucket succeeded and you already own it.");
    await rejects(client("210987654321").send(new CreateBucketCommand({ Bucket: b })), 409, "BucketAlreadyExists",
        "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.");
    await rejects(s3.send(new CreateBucketCommand({ Bucket: "Bad_Name" })), 400, "InvalidBucketName",
        "The specified bucket is not valid.");
    await rejects(s3.send(new CreateBucketCommand({ Bucket: bucketName(), CreateBucketConfiguration: { LocationConstraint: "us-east-1" } })),
        400, "InvalidLocationConstraint", "The specified location-constraint is not valid");
    // the SDK itself adds LocationConstraint=<region> outside us-east-1
    const eu = client(undefined, "eu-west-1");
    const euBucket = bucketName();
    await eu.send(new CreateBucketCommand({ Bucket: euBucket }));
    assert.equal((await eu.send(new HeadBucketCommand({ Bucket: euBucket }))).BucketRegion, "eu-west-1");
    await rejects(eu.send(new CreateBucketCommand({ Bucket: bucketName(), CreateBucketConfiguration: { LocationConstraint: "eu-west-2" } })),
        400, "IllegalLocationConstraintException",
        "The eu-west-2 location constraint is incompatible for the region specific endpoint this request was sent to.");
});

test("bucket encryption round trip", async () => {
    const b = bucketName("node-enc");
    await s3.send(new CreateBucketCommand({ Bucket: b }));
    let got = await s3.send(new GetBucketEncryptionCommand({ Bucket: b }));
    assert.deepEqual(got.ServerSideEncryptionConfiguration.Rules, [
        { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" }, BucketKeyEnabled: false },
    ]);
    const put = await s3.send(new PutBucketEncryptionCommand({
        Bucket: b,
        ServerSideEncryptionConfiguration: {
            Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: KEY }, BucketKeyEnabled: true }],
        },
    }));
    assert.equal(put.$metadata.httpStatusCode, 200);
    got = await s3.send(new GetBucketEncryptionCommand({ Bucket: b }));
    assert.deepEqual(got.ServerSideEncryptionConfiguration.Rules, [
        { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: KEY }, BucketKeyEnabled: true },
    ]);
    await s3.send(new PutBucketEncryptionCommand({
        Bucket: b,
        ChecksumAlgorithm: "SHA256",
        ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms:dsse", KMSMasterKeyID: "k" } }] },
    }));
    got = await s3.send(new GetBucketEncryptionCommand({ Bucket: b }));
    assert.equal(got.ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm, "aws:kms:dsse");
    const del = await s3.send(new DeleteBucketEncryptionCommand({ Bucket: b }));
    assert.equal(del.$metadata.httpStatusCode, 204);
    await s3.send(new DeleteBucketEncryptionCommand({ Bucket: b }));
    got = await s3.send(new GetBucketEncryptionCommand({ Bucket: b }));
    assert.equal(got.ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm, "AES256");
});

test("bucket encryption errors", async () => {
    const b = bucketName("node-enc");
    await s3.send(new CreateBucketCommand({ Bucket: b }));
    const put = (Rules, extra = {}) =>
        s3.send(new PutBucketEncryptionCommand({ Bucket: b, ServerSideEncryptionConfiguration: { Rules }, ...extra }));
    await rejects(put([]), 400, "MalformedXML", MX);
    await rejects(put([{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "FOO" } }]), 400, "MalformedXML", MX);
    const e = await rejects(put([{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256", KMSMasterKeyID: "k" } }]),
        400, "InvalidArgument",
        "a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse");
    assert.equal(e.ArgumentName, "ApplyServerSideEncryptionByDefault");
    await rejects(put([{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }], { ExpectedBucketOwner: "111122223333" }),
        403, "AccessDenied", "Access Denied");
    await rejects(s3.send(new GetBucketEncryptionCommand({ Bucket: b, ExpectedBucketOwner: "xyz" })),
        400, "InvalidBucketOwnerAWSAccountID",
        "The value of the expected bucket owner parameter must be an AWS Account ID... [xyz]");
    const missing = bucketName("node-missing");
    const nsb = await rejects(s3.send(new PutBucketEncryptionCommand({ Bucket: missing, ServerSideEncryptionConfiguration: { Rules: [] } })),
        404, "NoSuchBucket", "The specified bucket does not exist");
    assert.equal(nsb.BucketName, missing);
    await rejects(client("333344445555").send(new GetBucketEncryptionCommand({ Bucket: b })), 403, "AccessDenied", "Access Denied");
});
