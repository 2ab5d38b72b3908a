// s3_directory.test.mjs - S3 directory buckets (<base>--<zone-id>--x-s3) with @aws-sdk/client-s3
// and its default flow: against a custom endpoint the SDK calls CreateSession before the first
// operation on such a bucket (CreateBucket included), signs the rest with x-amz-s3session-token
// and addresses the bucket path-style as "/<bucket>/" plus the operation's path, so requests read
// "/<bucket>//<key>". Then the directory default-encryption rules and objects taking the
// bucket's key.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import {
    S3Client,
    CreateBucketCommand,
    CreateSessionCommand,
    PutBucketEncryptionCommand,
    GetBucketEncryptionCommand,
    PutObjectCommand,
    GetObjectCommand,
    HeadObjectCommand,
    ListObjectsV2Command,
    DeleteObjectCommand,
    DeleteBucketCommand,
} from "@aws-sdk/client-s3";
import { KMSClient, CreateKeyCommand, DisableKeyCommand } from "@aws-sdk/client-kms";

const URL = process.env.CMKEMU_URL;
const credentials = { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY };
const ZONE = "use1-az4";
const CONFIG = {
    Location: { Type: "AvailabilityZone", Name: ZONE },
    Bucket: { Type: "Directory", DataRedundancy: "SingleAvailabilityZone" },
};
const s3client = (extra = {}) =>
    new S3Client({ endpoint: URL, forcePathStyle: true, region: "us-east-1", credentials, maxAttempts: 1, ...extra });
const s3 = s3client();
const kms = new KMSClient({ endpoint: URL, region: "us-east-1", credentials, maxAttempts: 1 });
const dname = () => `d${randomBytes(5).toString("hex")}--${ZONE}--x-s3`;

// Every request a client sends, after signing: command, method, path, query, session token.
function record(client) {
    const seen = [];
    client.middlewareStack.add(
        (next, context) => async (args) => {
            const r = args.request;
            seen.push({
                command: context.commandName,
                method: r.method,
                path: r.path,
                query: Object.keys(r.query ?? {}).join("&"),
                session: "x-amz-s3session-token" in r.headers,
                scope: /Credential=[^/]+\/[0-9]+\/[^/]+\/([^/]+)\//.exec(r.headers.authorization ?? "")?.[1],
            });
            return next(args);
        },
        { step: "finalizeRequest", name: "cmkemuRecord", priority: "low" },
    );
    return seen;
}

async function rejects(promise, status, name, message) {
    try {
        await promise;
    } catch (e) {
        assert.equal(e.$metadata?.httpStatusCode, status, `${e.name}: ${e.message}`);
        assert.equal(e.name, name);
        if (message !== undefined) assert.equal(e.message, message);
        return e;
    }
    assert.fail(`expected ${name}`);
}

const kmsRule = (key, bke) => ({
    ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms", KMSMasterKeyID: key },
    ...(bke === undefined ? {} : { BucketKeyEnabled: bke }),
});
const putDefault = (client, b, ...rules) =>
    client.send(new PutBucketEncryptionCommand({ Bucket: b, ServerSideEncryptionConfiguration: { Rules: rules } }));
const newKey = async () => (await kms.send(new CreateKeyCommand({ Description: "node directory" }))).KeyMetadata;

test("the SDK's default flow: CreateSession first, then every request under the session", async () => {
    const client = s3client();
    const seen = record(client);
    const b = dname();
    const created = await client.send(new CreateBucketCommand({ Bucket: b, CreateBucketConfiguration: CONFIG }));
    assert.equal(created.$metadata.httpStatusCode, 200);
    assert.equal(created.Location, `/${b}`);
    assert.equal(created.BucketArn, `arn:aws:s3express:us-east-1:000000000000:bucket/${b}`);
    // CreateSession (plain SigV4, service s3express) before CreateBucket, which carries the token
    assert.deepEqual(seen[0], {
        command: "CreateSessionCommand", method: "GET", path: `/${b}//`, query: "session", session: false, scope: "s3express",
    });
    assert.deepEqual(seen[1], {
        command: "CreateBucketCommand", method: "PUT", path: `/${b}//`, query: "", session: true, scope: "s3express",
    });

    const put = await client.send(new PutObjectCommand({ Bucket: b, Key: "dir/a.txt", Body: "express" }));
    assert.equal(put.ServerSideEncryption, "AES256");
    const got = await client.send(new GetObjectCommand({ Bucket: b, Key: "dir/a.txt" }));
    assert.equal(await got.Body.transformToString(), "express");
    assert.equal(got.StorageClass, "EXPRESS_ONEZONE");
    const list = await client.send(new ListObjectsV2Command({ Bucket: b, Prefix: "dir/" }));
    assert.deepEqual(list.Contents.map((c) => c.Key), ["dir/a.txt"]);
    assert.equal(list.Contents[0].StorageClass, "EXPRESS_ONEZONE");
    await rejects(client.send(new DeleteBucketCommand({ Bucket: b })), 409, "BucketNotEmpty",
        "The bucket you tried to delete is not empty");
    assert.equal((await client.send(new DeleteObjectCommand({ Bucket: b, Key: "dir/a.txt" }))).$metadata.httpStatusCode, 204);
    assert.equal((await client.send(new DeleteBucketCommand({ Bucket: b }))).$metadata.httpStatusCode, 204);

    // one session for the bucket, reused: no second CreateSession
    assert.equal(seen.filter((s) => s.command === "CreateSessionCommand").length, 1);
    for (const s of seen.slice(1)) {
        assert.equal(s.session, true, s.command);
        assert.ok(s.path.startsWith(`/${b}//`), s.path);
    }
    assert.deepEqual(seen.find((s) => s.command === "PutObjectCommand"), {
        command: "PutObjectCommand", method: "PUT", path: `/${b}//dir/a.txt`, query: "x-id", session: true, scope: "s3express",
    });
});

test("CreateSession answers credentials and the bucket's encryption", async () => {
    const b = dname();
    await s3.send(new CreateBucketCommand({ Bucket: b, CreateBucketConfiguration: CONFIG }));
    const r = await s3.send(new CreateSessionCommand({ Bucket: b }));
    assert.match(r.Credentials.AccessKeyId, /^ASIA[A-Z0-9]{16}$/);
    assert.equal(r.Credentials.SecretAccessKey.length, 40);
    assert.ok(r.Credentials.SessionToken);
    assert.ok(r.Credentials.Expiration instanceof Date);
    assert.equal(r.ServerSideEncryption, "AES256");
});

test("directory default encryption: a validated KMS key, bucket keys always on, objects take it", async () => {
    const b = dname();
    await s3.send(new CreateBucketCommand({ Bucket: b, CreateBucketConfiguration: CONFIG }));
    const key = await newKey();
    const put = await putDefault(s3, b, kmsRule(key.Arn, false));
    assert.equal(put.$metadata.httpStatusCode, 200);
    const rules = (await s3.send(new GetBucketEncryptionCommand({ Bucket: b }))).ServerSideEncryptionConfiguration.Rules;
    assert.deepEqual(rules, [kmsRule(key.Arn, true)]);

    // objects: the bucket's key as its ARN, with a bucket key
    const obj = await s3.send(new PutObjectCommand({ Bucket: b, Key: "k", Body: "secret" }));
    assert.equal(obj.ServerSideEncryption, "aws:kms");
    assert.equal(obj.SSEKMSKeyId, key.Arn);
    assert.equal(obj.BucketKeyEnabled, true);
    const named = await s3.send(new PutObjectCommand({
        Bucket: b, Key: "k2", Body: "x", ServerSideEncryption: "aws:kms", SSEKMSKeyId: key.KeyId,
    }));
    assert.equal(named.SSEKMSKeyId, key.Arn);
    const got = await s3.send(new GetObjectCommand({ Bucket: b, Key: "k" }));
    assert.equal(await got.Body.transformToString(), "secret");
    assert.deepEqual([got.ServerSideEncryption, got.SSEKMSKeyId, got.BucketKeyEnabled], ["aws:kms", key.Arn, true]);
    const head = await s3.send(new HeadObjectCommand({ Bucket: b, Key: "k" }));
    assert.deepEqual([head.ServerSideEncryption, head.SSEKMSKeyId, head.BucketKeyEnabled], ["aws:kms", key.Arn, true]);
    const list = await s3.send(new ListObjectsV2Command({ Bucket: b }));
    assert.deepEqual(list.Contents.map((c) => c.Key), ["k", "k2"]);
    // CreateSession answers the bucket default
    const sess = await s3.send(new CreateSessionCommand({ Bucket: b }));
    assert.deepEqual([sess.ServerSideEncryption, sess.SSEKMSKeyId, sess.BucketKeyEnabled], ["aws:kms", key.Arn, true]);

    // another key: on an object, and as the default (one customer managed key per lifetime)
    const other = await newKey();
    await rejects(s3.send(new PutObjectCommand({
        Bucket: b, Key: "k3", Body: "x", ServerSideEncryption: "aws:kms", SSEKMSKeyId: other.Arn,
    })), 400, "InvalidArgument");
    await putDefault(s3, b, kmsRule(key.KeyId)); // the same key again, as its id
    await rejects(putDefault(s3, b, kmsRule(other.Arn)), 400, "InvalidArgument",
        "Your SSE-KMS configuration can only support 1 customer managed key per directory bucket's lifetime");

    // a disabled key: reads fail with KMS's error
    await kms.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    await rejects(s3.send(new GetObjectCommand({ Bucket: b, Key: "k" })), 400, "KMS.DisabledException", `${key.Arn} is disabled.`);

    for (const k of ["k", "k2"]) await s3.send(new DeleteObjectCommand({ Bucket: b, Key: k }));
    assert.equal((await s3.send(new DeleteBucketCommand({ Bucket: b }))).$metadata.httpStatusCode, 204);
});

test("directory default encryption refusals", async () => {
    const b = dname();
    await s3.send(new CreateBucketCommand({ Bucket: b, CreateBucketConfiguration: CONFIG }));
    await rejects(putDefault(s3, b, { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms:dsse" } }), 400,
        "InvalidArgument", "The SSE algorithm aws:kms:dsse is not supported for directory buckets");
    await rejects(putDefault(s3, b, { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms" } }), 400,
        "InvalidArgument", "A KMSMasterKeyID is required when the default sse algorithm is aws:kms for directory buckets");
    const uid = "1234abcd-12ab-34cd-56ef-1234567890ab";
    await rejects(putDefault(s3, b, kmsRule(uid)), 400, "KMS.NotFoundException",
        `Key 'arn:aws:kms:us-east-1:000000000000:key/${uid}' does not exist`);
    await rejects(putDefault(s3, b, kmsRule("alias/aws/s3")), 400, "InvalidArgument",
        "The key alias format of the KMS key isn't supported for directory buckets");
    // AES256 is fine
    assert.equal((await putDefault(s3, b, { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } })).$metadata.httpStatusCode, 200);
    const rules = (await s3.send(new GetBucketEncryptionCommand({ Bucket: b }))).ServerSideEncryptionConfiguration.Rules;
    assert.equal(rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm, "AES256");
    await s3.send(new DeleteBucketCommand({ Bucket: b }));
});

test("disableS3ExpressSessionAuth: no CreateSession, plain SigV4 requests", async () => {
    const client = s3client({ disableS3ExpressSessionAuth: true });
    const seen = record(client);
    const b = dname();
    await client.send(new CreateBucketCommand({ Bucket: b, CreateBucketConfiguration: CONFIG }));
    await client.send(new PutObjectCommand({ Bucket: b, Key: "a", Body: "plain" }));
    const got = await client.send(new GetObjectCommand({ Bucket: b, Key: "a" }));
    assert.equal(await got.Body.transformToString(), "plain");
    await client.send(new DeleteObjectCommand({ Bucket: b, Key: "a" }));
    await client.send(new DeleteBucketCommand({ Bucket: b }));
    assert.equal(seen.filter((s) => s.command === "CreateSessionCommand").length, 0);
    assert.ok(seen.every((s) => !s.session));
    // the same "/<bucket>//<key>" addressing, signed for s3express with the account's own key
    assert.deepEqual(seen[1], {
        command: "PutObjectCommand", method: "PUT", path: `/${b}//a`, query: "x-id", session: false, scope: "s3express",
    });
    // an invalid name reaches CreateBucket itself
    const bad = `UPPER--${ZONE}--x-s3`;
    await rejects(client.send(new CreateBucketCommand({ Bucket: bad, CreateBucketConfiguration: CONFIG })), 400,
        "InvalidBucketName", "The specified bucket is not valid.");
});
