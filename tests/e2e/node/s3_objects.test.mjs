// s3_objects.test.mjs - S3 objects with @aws-sdk/client-s3: PutObject/GetObject/HeadObject with
// SSE headers, the bucket default (AES256, aws:kms with a key, aws:kms without one: the aws/s3
// key), ListObjectsV2, CopyObject, KMS errors on write and read and the invalid SSE header
// combinations as the SDK reports them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import {
    S3Client,
    CreateBucketCommand,
    PutBucketEncryptionCommand,
    PutObjectCommand,
    GetObjectCommand,
    HeadObjectCommand,
    DeleteObjectCommand,
    CopyObjectCommand,
    ListObjectsV2Command,
} from "@aws-sdk/client-s3";

const URL = process.env.CMKEMU_URL;
const s3 = new S3Client({
    endpoint: URL,
    forcePathStyle: true,
    region: "us-east-1",
    credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY },
    maxAttempts: 1,
});
const bucketName = (p = "node-obj") => `${p}-${randomBytes(6).toString("hex")}`;
const ACCOUNT = "000000000000";

// AWS KMS over JSON 1.1 (the suite has no KMS client package; cmkemu accepts any signature).
async function kms(op, body = {}) {
    const r = await fetch(URL, {
        method: "POST",
        headers: {
            "Content-Type": "application/x-amz-json-1.1",
            "X-Amz-Target": `TrentService.${op}`,
            Authorization: `AWS4-HMAC-SHA256 Credential=${process.env.AWS_ACCESS_KEY_ID}/20250101/us-east-1/kms/aws4_request, SignedHeaders=host, Signature=0`,
        },
        body: JSON.stringify(body),
    });
    const text = await r.text();
    assert.equal(r.status, 200, `${op}: ${text}`);
    return text ? JSON.parse(text) : {};
}

async function newBucket() {
    const b = bucketName();
    await s3.send(new CreateBucketCommand({ Bucket: b }));
    return b;
}

async function rejects(promise, status, name, message) {
    try {
        await promise;
    } catch (e) {
        assert.equal(e.$metadata.httpStatusCode, status);
        assert.equal(e.name, name);
        if (message !== undefined) assert.equal(e.message, message);
        return e;
    }
    assert.fail(`expected ${name}`);
}

test("put, get, head an object under the implicit AES256 default", async () => {
    const b = await newBucket();
    const body = "hello from node";
    const put = await s3.send(new PutObjectCommand({ Bucket: b, Key: "a/b.txt", Body: body, ContentType: "text/plain", Metadata: { who: "node" } }));
    assert.equal(put.$metadata.httpStatusCode, 200);
    assert.equal(put.ETag, `"${createHash("md5").update(body).digest("hex")}"`);
    assert.equal(put.ServerSideEncryption, "AES256");
    assert.equal(put.SSEKMSKeyId, undefined);
    const got = await s3.send(new GetObjectCommand({ Bucket: b, Key: "a/b.txt" }));
    assert.equal(await got.Body.transformToString(), body);
    assert.equal(got.ContentType, "text/plain");
    assert.equal(got.ContentLength, body.length);
    assert.deepEqual(got.Metadata, { who: "node" });
    assert.ok(got.LastModified instanceof Date);
    const head = await s3.send(new HeadObjectCommand({ Bucket: b, Key: "a/b.txt" }));
    assert.equal(head.ContentLength, body.length);
    assert.equal(head.ServerSideEncryption, "AES256");
    const list = await s3.send(new ListObjectsV2Command({ Bucket: b, Prefix: "a/" }));
    assert.equal(list.KeyCount, 1);
    assert.equal(list.Contents[0].Key, "a/b.txt");
    assert.equal(list.Contents[0].Size, body.length);
    const del = await s3.send(new DeleteObjectCommand({ Bucket: b, Key: "a/b.txt" }));
    assert.equal(del.$metadata.httpStatusCode, 204);
    await rejects(s3.send(new GetObjectCommand({ Bucket: b, Key: "a/b.txt" })), 404, "NoSuchKey", "The specified key does not exist.");
});

test("SSE-KMS headers: a key id answered as its ARN, the aws/s3 key without one", async () => {
    const b = await newBucket();
    const key = (await kms("CreateKey", { Description: "node objects" })).KeyMetadata;
    const put = await s3.send(new PutObjectCommand({
        Bucket: b, Key: "k", Body: "x", ServerSideEncryption: "aws:kms", SSEKMSKeyId: key.KeyId, BucketKeyEnabled: true,
    }));
    assert.equal(put.ServerSideEncryption, "aws:kms");
    assert.equal(put.SSEKMSKeyId, key.Arn);
    assert.equal(put.BucketKeyEnabled, true);
    const got = await s3.send(new GetObjectCommand({ Bucket: b, Key: "k" }));
    assert.equal(got.SSEKMSKeyId, key.Arn);
    assert.equal(got.BucketKeyEnabled, true);
    assert.equal(await got.Body.transformToString(), "x");

    await s3.send(new PutBucketEncryptionCommand({
        Bucket: b,
        ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms" } }] },
    }));
    const managed = (await kms("DescribeKey", { KeyId: "alias/aws/s3" })).KeyMetadata;
    const def = await s3.send(new PutObjectCommand({ Bucket: b, Key: "d", Body: "y" }));
    assert.equal(def.ServerSideEncryption, "aws:kms");
    assert.equal(def.SSEKMSKeyId, managed.Arn);
    assert.equal(def.BucketKeyEnabled, undefined);

    const copy = await s3.send(new CopyObjectCommand({ Bucket: b, Key: "c", CopySource: `${b}/k`, ServerSideEncryption: "AES256" }));
    assert.equal(copy.ServerSideEncryption, "AES256");
    assert.ok(copy.CopyObjectResult.LastModified instanceof Date);
});

test("KMS errors with status and name", async () => {
    const b = await newBucket();
    const uuid = "1234abcd-12ab-34cd-56ef-1234567890ab";
    await rejects(
        s3.send(new PutObjectCommand({ Bucket: b, Key: "k", Body: "x", ServerSideEncryption: "aws:kms", SSEKMSKeyId: uuid })),
        400, "KMS.NotFoundException", `Key 'arn:aws:kms:us-east-1:${ACCOUNT}:key/${uuid}' does not exist`);
    const key = (await kms("CreateKey", {})).KeyMetadata;
    await s3.send(new PutObjectCommand({ Bucket: b, Key: "k", Body: "x", ServerSideEncryption: "aws:kms", SSEKMSKeyId: key.Arn }));
    await kms("DisableKey", { KeyId: key.KeyId });
    await rejects(s3.send(new GetObjectCommand({ Bucket: b, Key: "k" })), 400, "KMS.DisabledException", `${key.Arn} is disabled.`);
    await rejects(
        s3.send(new PutObjectCommand({ Bucket: b, Key: "k", Body: "x", ServerSideEncryption: "BOGUS" })),
        400, "InvalidArgument", "The encryption method specified is not supported");
});

const defaultRule = (algorithm, key, bke) => ({
    ApplyServerSideEncryptionByDefault: { SSEAlgorithm: algorithm, ...(key ? { KMSMasterKeyID: key } : {}) },
    ...(bke === undefined ? {} : { BucketKeyEnabled: bke }),
});
const putDefault = (b, rule) =>
    s3.send(new PutBucketEncryptionCommand({ Bucket: b, ServerSideEncryptionConfiguration: { Rules: [rule] } }));
const sse = (r) => ({
    ServerSideEncryption: r.ServerSideEncryption, SSEKMSKeyId: r.SSEKMSKeyId, BucketKeyEnabled: r.BucketKeyEnabled,
});

test("the bucket default: AES256 never has a bucket key; aws:kms with a key id answers its ARN and the bucket key", async () => {
    const b = await newBucket();
    await putDefault(b, defaultRule("AES256", undefined, true));
    const aes = await s3.send(new PutObjectCommand({ Bucket: b, Key: "aes", Body: "x" }));
    assert.deepEqual(sse(aes), { ServerSideEncryption: "AES256", SSEKMSKeyId: undefined, BucketKeyEnabled: undefined });

    const key = (await kms("CreateKey", {})).KeyMetadata;
    await putDefault(b, defaultRule("aws:kms", key.KeyId, true));
    const want = { ServerSideEncryption: "aws:kms", SSEKMSKeyId: key.Arn, BucketKeyEnabled: true };
    const put = await s3.send(new PutObjectCommand({ Bucket: b, Key: "k", Body: "secret" }));
    assert.deepEqual(sse(put), want);
    assert.notEqual(put.ETag, `"${createHash("md5").update("secret").digest("hex")}"`);
    assert.deepEqual(sse(await s3.send(new HeadObjectCommand({ Bucket: b, Key: "k" }))), want);
    const got = await s3.send(new GetObjectCommand({ Bucket: b, Key: "k" }));
    assert.deepEqual(sse(got), want);
    assert.equal(await got.Body.transformToString(), "secret");
    // objects written before keep their encryption
    assert.deepEqual(sse(await s3.send(new HeadObjectCommand({ Bucket: b, Key: "aes" }))),
        { ServerSideEncryption: "AES256", SSEKMSKeyId: undefined, BucketKeyEnabled: undefined });
});

test("KMS.NotFoundException, KMS.DisabledException and KMS.KMSInvalidStateException on write and read", async () => {
    const b = await newBucket();
    const put = (keyId, k = "k") =>
        s3.send(new PutObjectCommand({ Bucket: b, Key: k, Body: "x", ServerSideEncryption: "aws:kms", SSEKMSKeyId: keyId }));
    await rejects(put("fake-key-id"), 400, "KMS.NotFoundException", "Invalid keyId 'fake-key-id'");
    await rejects(put("alias/no-such-alias-node"), 400, "KMS.NotFoundException",
        `Alias arn:aws:kms:us-east-1:${ACCOUNT}:alias/no-such-alias-node is not found.`);
    // the bucket default is checked on write only
    const uid = "0000abcd-12ab-34cd-56ef-1234567890ab";
    await putDefault(b, defaultRule("aws:kms", uid, true));
    await rejects(s3.send(new PutObjectCommand({ Bucket: b, Key: "d", Body: "x" })), 400, "KMS.NotFoundException",
        `Key 'arn:aws:kms:us-east-1:${ACCOUNT}:key/${uid}' does not exist`);

    const key = (await kms("CreateKey", {})).KeyMetadata;
    await put(key.KeyId);
    await kms("DisableKey", { KeyId: key.KeyId });
    const disabled = `${key.Arn} is disabled.`;
    await rejects(put(key.KeyId, "k2"), 400, "KMS.DisabledException", disabled);
    await rejects(s3.send(new GetObjectCommand({ Bucket: b, Key: "k" })), 400, "KMS.DisabledException", disabled);
    // HEAD answers 400 without a body: the SDK has no code to read and names it "Unknown"
    await rejects(s3.send(new HeadObjectCommand({ Bucket: b, Key: "k" })), 400, "Unknown");
    await kms("EnableKey", { KeyId: key.KeyId });
    assert.equal(await (await s3.send(new GetObjectCommand({ Bucket: b, Key: "k" }))).Body.transformToString(), "x");

    await kms("ScheduleKeyDeletion", { KeyId: key.KeyId, PendingWindowInDays: 7 });
    const pending = `${key.Arn} is pending deletion.`;
    await rejects(s3.send(new GetObjectCommand({ Bucket: b, Key: "k" })), 400, "KMS.KMSInvalidStateException", pending);
    await rejects(put(key.Arn, "k3"), 400, "KMS.KMSInvalidStateException", pending);
});

test("invalid SSE header combinations", async () => {
    const b = await newBucket();
    let e = await rejects(s3.send(new PutObjectCommand({ Bucket: b, Key: "k", Body: "x", ServerSideEncryption: "BOGUS" })),
        400, "InvalidArgument", "The encryption method specified is not supported");
    assert.equal(e.ArgumentName, "x-amz-server-side-encryption");
    await rejects(s3.send(new PutObjectCommand({ Bucket: b, Key: "k", Body: "x", SSEKMSKeyId: "abc" })), 400,
        "InvalidArgument",
        "Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms");
    e = await rejects(s3.send(new PutObjectCommand({
        Bucket: b, Key: "k", Body: "x", ServerSideEncryption: "AES256", SSECustomerAlgorithm: "AES256", SSECustomerKey: "k".repeat(32),
    })), 400, "InvalidArgument",
    "Server Side Encryption with Customer provided key is incompatible with the encryption method specified");
    assert.equal(e.ArgumentName, "x-amz-server-side-encryption");
    assert.equal(e.ArgumentValue, "AES256");
});
