#!/bin/sh
# test_s3_directory.sh - S3 directory buckets (<base>--<zone-id>--x-s3) with the aws CLI: botocore
# calls CreateSession (GET /<bucket>?session) before the first operation on such a bucket, also
# CreateBucket, and signs the rest with x-amz-s3session-token. The main flow (create, a validated
# KMS default with bucket keys always on, objects taking the bucket's key, list, delete) and the
# error lines of a second customer managed key and of aws:kms:dsse.
. "$(dirname "$0")/lib.sh"

suffix=$(od -An -N4 -tx4 /dev/urandom | tr -d ' \n')
B="cli$suffix--use1-az4--x-s3"
F="$CMKEMU_TMP/cli-dir-$suffix.txt"
printf 'express\n' >"$F"
CFG='Location={Type=AvailabilityZone,Name=use1-az4},Bucket={Type=Directory,DataRedundancy=SingleAvailabilityZone}'

# --debug shows the requests: CreateSession first, then CreateBucket under the session
awsx --debug s3api create-bucket --bucket "$B" --create-bucket-configuration "$CFG"
expect_rc "create-bucket" 0
expect_out "create-bucket output" "{
    \"Location\": \"/$B\",
    \"BucketArn\": \"arn:aws:s3express:us-east-1:000000000000:bucket/$B\"
}"
sent=$(printf '%s\n' "$ERR" | sed -n 's/.*Sending http request: <AWSPreparedRequest stream_output=[A-Za-z]*, method=\([A-Z]*\), url=\([^,]*\),.*/\1 \2/p')
expect_sent="GET $CMKEMU_URL/$B?session
PUT $CMKEMU_URL/$B"
if [ "$sent" = "$expect_sent" ]; then ok "CreateSession before CreateBucket"; else bad "CreateSession before CreateBucket" "sent: $sent" "want: $expect_sent"; fi
expect_err_contains "CreateBucket signed with the session token" "host;x-amz-content-sha256;x-amz-date;x-amz-s3session-token"

awsx s3api head-bucket --bucket "$B" --query '[BucketLocationType, BucketLocationName, BucketRegion]' --output text
expect_out "head-bucket" "AvailabilityZone	use1-az4	us-east-1"

awsx kms create-key --description cli-directory --query KeyMetadata.Arn --output text
ARN=$OUT
awsx kms create-key --description cli-directory-other --query KeyMetadata.Arn --output text
OTHER=$OUT

awsx s3api put-bucket-encryption --bucket "$B" --server-side-encryption-configuration "{\"Rules\": [{\"ApplyServerSideEncryptionByDefault\": {\"SSEAlgorithm\": \"aws:kms\", \"KMSMasterKeyID\": \"$ARN\"}, \"BucketKeyEnabled\": false}]}"
expect_rc "put-bucket-encryption aws:kms with a key ARN" 0
awsx s3api get-bucket-encryption --bucket "$B" --query 'ServerSideEncryptionConfiguration.Rules[0].[ApplyServerSideEncryptionByDefault.SSEAlgorithm, ApplyServerSideEncryptionByDefault.KMSMasterKeyID, BucketKeyEnabled]' --output text
expect_out "get-bucket-encryption: bucket keys always on" "aws:kms	$ARN	True"

awsx s3api put-bucket-encryption --bucket "$B" --server-side-encryption-configuration "{\"Rules\": [{\"ApplyServerSideEncryptionByDefault\": {\"SSEAlgorithm\": \"aws:kms\", \"KMSMasterKeyID\": \"$OTHER\"}}]}"
expect_rc "a second customer managed key fails" 255
expect_err_contains "second key line" "An error occurred (InvalidArgument) when calling the PutBucketEncryption operation: Your SSE-KMS configuration can only support 1 customer managed key per directory bucket's lifetime"
awsx s3api put-bucket-encryption --bucket "$B" --server-side-encryption-configuration '{"Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms:dsse"}}]}'
expect_rc "aws:kms:dsse fails" 255
expect_err_contains "aws:kms:dsse line" "An error occurred (InvalidArgument) when calling the PutBucketEncryption operation: The SSE algorithm aws:kms:dsse is not supported for directory buckets"

awsx s3api put-object --bucket "$B" --key dir/a.txt --body "$F" --query '[ServerSideEncryption, SSEKMSKeyId, BucketKeyEnabled]' --output text
expect_rc "put-object" 0
expect_out "put-object takes the bucket's key" "aws:kms	$ARN	True"
awsx s3api head-object --bucket "$B" --key dir/a.txt --query '[ContentLength, ServerSideEncryption, SSEKMSKeyId, BucketKeyEnabled, StorageClass]' --output text
expect_out "head-object" "8	aws:kms	$ARN	True	EXPRESS_ONEZONE"
awsx s3api get-object --bucket "$B" --key dir/a.txt "$F.out" --query '[ServerSideEncryption, SSEKMSKeyId, BucketKeyEnabled]' --output text
expect_out "get-object" "aws:kms	$ARN	True"
if [ "$(cat "$F.out")" = "express" ]; then ok "get-object content"; else bad "get-object content" "$(cat "$F.out")"; fi
awsx s3api put-object --bucket "$B" --key other.txt --body "$F" --server-side-encryption aws:kms --ssekms-key-id "$OTHER"
expect_rc "put-object naming another key fails" 255
expect_err_contains "another key on an object: InvalidArgument line" "An error occurred (InvalidArgument) when calling the PutObject operation: The KMS key must match the directory bucket's default customer managed key"

awsx s3api list-objects-v2 --bucket "$B" --query 'Contents[].[Key, StorageClass]' --output text
expect_out "list-objects-v2" "dir/a.txt	EXPRESS_ONEZONE"

awsx s3api delete-bucket --bucket "$B"
expect_err_contains "BucketNotEmpty line" "An error occurred (BucketNotEmpty) when calling the DeleteBucket operation: The bucket you tried to delete is not empty"
awsx s3api delete-object --bucket "$B" --key dir/a.txt
expect_rc "delete-object" 0
awsx s3api delete-bucket --bucket "$B"
expect_rc "delete-bucket once empty" 0
awsx s3api head-bucket --bucket "$B"
expect_rc "head-bucket after delete fails" 255
rm -f "$F" "$F.out"
finish
