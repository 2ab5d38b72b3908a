#!/bin/sh
# test_s3_objects.sh - S3 objects with the aws CLI (s3api and s3): put-object, get-object,
# head-object, copy-object, list-objects-v2, delete-object; SSE-KMS answered with the key ARN;
# the bucket defaults (AES256, aws:kms with and without a key); KMS error lines on write and
# read; the invalid SSE header combinations.
. "$(dirname "$0")/lib.sh"

suffix=$(od -An -N4 -tx4 /dev/urandom | tr -d ' \n')
B="cli-obj-$suffix"
F="$CMKEMU_TMP/cli-obj-$suffix.txt"
printf 'hi\n' >"$F"

awsx s3api create-bucket --bucket "$B"
expect_rc "create-bucket" 0

awsx s3api put-object --bucket "$B" --key plain.txt --body "$F" --content-type text/plain --metadata color=blue
expect_rc "put-object" 0
expect_out "put-object output (SSE-S3 by default)" '{
    "ETag": "\"764efa883dda1e11db47671c4a3bbd9e\"",
    "ChecksumCRC32": "7W96eg==",
    "ChecksumType": "FULL_OBJECT",
    "ServerSideEncryption": "AES256"
}'

awsx s3api head-object --bucket "$B" --key plain.txt --query '{Len: ContentLength, Type: ContentType, ETag: ETag, SSE: ServerSideEncryption, Meta: Metadata}'
expect_out "head-object" '{
    "Len": 3,
    "Type": "text/plain",
    "ETag": "\"764efa883dda1e11db47671c4a3bbd9e\"",
    "SSE": "AES256",
    "Meta": {
        "color": "blue"
    }
}'

awsx s3api get-object --bucket "$B" --key plain.txt "$F.out" --query '{Len: ContentLength, SSE: ServerSideEncryption}'
expect_rc "get-object" 0
expect_out "get-object output" '{
    "Len": 3,
    "SSE": "AES256"
}'
if [ "$(cat "$F.out")" = "hi" ]; then ok "get-object content"; else bad "get-object content" "$(cat "$F.out")"; fi

# SSE-KMS: a key id is answered as its ARN, with the bucket key
awsx kms create-key --description cli-objects --query KeyMetadata.KeyId --output text
KEY=$OUT
ARN="arn:aws:kms:us-east-1:000000000000:key/$KEY"
awsx s3api put-object --bucket "$B" --key kms.txt --body "$F" --server-side-encryption aws:kms --ssekms-key-id "$KEY" --bucket-key-enabled --query '[ServerSideEncryption, SSEKMSKeyId, BucketKeyEnabled]' --output text
expect_rc "put-object aws:kms" 0
expect_out "put-object SSEKMSKeyId is the ARN" "aws:kms	$ARN	True"
awsx s3api head-object --bucket "$B" --key kms.txt --query '[ServerSideEncryption, SSEKMSKeyId, BucketKeyEnabled]' --output text
expect_out "head-object SSEKMSKeyId is the ARN" "aws:kms	$ARN	True"
awsx s3api get-object --bucket "$B" --key kms.txt "$F.out" --query SSEKMSKeyId --output text
expect_out "get-object SSEKMSKeyId is the ARN" "$ARN"

# the bucket default with a key id
awsx s3api put-bucket-encryption --bucket "$B" --server-side-encryption-configuration "{\"Rules\": [{\"ApplyServerSideEncryptionByDefault\": {\"SSEAlgorithm\": \"aws:kms\", \"KMSMasterKeyID\": \"$KEY\"}}]}"
expect_rc "put-bucket-encryption aws:kms" 0
awsx s3api put-object --bucket "$B" --key default.txt --body "$F" --query '[ServerSideEncryption, SSEKMSKeyId]' --output text
expect_out "put-object takes the bucket default" "aws:kms	$ARN"

# KMS errors: an unknown key on write, a disabled key on read
awsx s3api put-object --bucket "$B" --key bad.txt --body "$F" --server-side-encryption aws:kms --ssekms-key-id fake-key-id
expect_rc "put-object unknown key exits 254/255" 255
expect_err_contains "KMS.NotFoundException line" "An error occurred (KMS.NotFoundException) when calling the PutObject operation: Invalid keyId 'fake-key-id'"
awsx kms disable-key --key-id "$KEY"
awsx s3api get-object --bucket "$B" --key kms.txt "$F.out"
expect_rc "get-object with a disabled key fails" 255
expect_err_contains "KMS.DisabledException line" "An error occurred (KMS.DisabledException) when calling the GetObject operation: $ARN is disabled."
awsx kms enable-key --key-id "$KEY"

awsx s3api copy-object --bucket "$B" --key copy.txt --copy-source "$B/plain.txt" --query '[ServerSideEncryption, SSEKMSKeyId]' --output text
expect_out "copy-object takes the destination default, not the source's" "aws:kms	$ARN"

awsx s3api list-objects-v2 --bucket "$B" --query 'Contents[].Key' --output text
expect_out "list-objects-v2 keys" "copy.txt	default.txt	kms.txt	plain.txt"
awsx s3 ls "s3://$B/"
expect_rc "s3 ls" 0
case "$OUT" in *"          3 plain.txt"*) ok "s3 ls lists plain.txt" ;; *) bad "s3 ls lists plain.txt" "$OUT" ;; esac

awsx s3api get-object --bucket "$B" --key missing.txt "$F.out"
expect_err_contains "NoSuchKey line" "An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist."
awsx s3api delete-bucket --bucket "$B"
expect_err_contains "BucketNotEmpty line" "An error occurred (BucketNotEmpty) when calling the DeleteBucket operation: The bucket you tried to delete is not empty"
for k in plain.txt kms.txt default.txt copy.txt; do awsx s3api delete-object --bucket "$B" --key "$k"; done
expect_rc "delete-object" 0
awsx s3api delete-bucket --bucket "$B"
expect_rc "delete-bucket once empty" 0
# the bucket default, in a second bucket: AES256 never has a bucket key; aws:kms with a key id
# answers the ARN and the bucket key; aws:kms without a key the AWS managed aws/s3 key
B2="cli-obj2-$suffix"
awsx s3api create-bucket --bucket "$B2"
awsx s3api put-bucket-encryption --bucket "$B2" --server-side-encryption-configuration '{"Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}, "BucketKeyEnabled": true}]}'
awsx s3api put-object --bucket "$B2" --key aes.txt --body "$F"
expect_out "AES256 default: no bucket key" '{
    "ETag": "\"764efa883dda1e11db47671c4a3bbd9e\"",
    "ChecksumCRC32": "7W96eg==",
    "ChecksumType": "FULL_OBJECT",
    "ServerSideEncryption": "AES256"
}'
awsx s3api put-bucket-encryption --bucket "$B2" --server-side-encryption-configuration "{\"Rules\": [{\"ApplyServerSideEncryptionByDefault\": {\"SSEAlgorithm\": \"aws:kms\", \"KMSMasterKeyID\": \"$KEY\"}, \"BucketKeyEnabled\": true}]}"
awsx s3api put-object --bucket "$B2" --key kms.txt --body "$F" --query '[ServerSideEncryption, SSEKMSKeyId, BucketKeyEnabled]' --output text
expect_out "aws:kms default with a key id: ARN and bucket key" "aws:kms	$ARN	True"
awsx s3api head-object --bucket "$B2" --key kms.txt --query '[ServerSideEncryption, SSEKMSKeyId, BucketKeyEnabled]' --output text
expect_out "head-object under the aws:kms default" "aws:kms	$ARN	True"
awsx s3api head-object --bucket "$B2" --key aes.txt --query '[ServerSideEncryption, SSEKMSKeyId]' --output text
expect_out "an object written before keeps AES256" "AES256	None"
awsx s3api put-bucket-encryption --bucket "$B2" --server-side-encryption-configuration '{"Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]}'
awsx kms describe-key --key-id alias/aws/s3 --query KeyMetadata.Arn --output text
MANAGED=$OUT
awsx s3api put-object --bucket "$B2" --key managed.txt --body "$F" --query '[ServerSideEncryption, SSEKMSKeyId, BucketKeyEnabled]' --output text
expect_out "aws:kms default without a key: the aws/s3 key" "aws:kms	$MANAGED	None"

# KMS errors on write and read: disabled, then pending deletion
K2=$(aws --endpoint-url "$CMKEMU_URL" kms create-key --query KeyMetadata.KeyId --output text)
ARN2="arn:aws:kms:us-east-1:000000000000:key/$K2"
awsx s3api put-object --bucket "$B2" --key k2.txt --body "$F" --server-side-encryption aws:kms --ssekms-key-id "$K2"
expect_rc "put-object with a second key" 0
awsx kms disable-key --key-id "$K2"
awsx s3api put-object --bucket "$B2" --key k3.txt --body "$F" --server-side-encryption aws:kms --ssekms-key-id "$K2"
expect_err_contains "KMS.DisabledException line on write" "An error occurred (KMS.DisabledException) when calling the PutObject operation: $ARN2 is disabled."
awsx s3api head-object --bucket "$B2" --key k2.txt
expect_err_contains "head-object with a disabled key: 400" "An error occurred (400) when calling the HeadObject operation: Bad Request"
awsx kms schedule-key-deletion --key-id "$K2" --pending-window-in-days 7
awsx s3api get-object --bucket "$B2" --key k2.txt "$F.out"
expect_err_contains "KMS.KMSInvalidStateException line on read" "An error occurred (KMS.KMSInvalidStateException) when calling the GetObject operation: $ARN2 is pending deletion."
awsx s3api put-object --bucket "$B2" --key k3.txt --body "$F" --server-side-encryption aws:kms --ssekms-key-id "$ARN2"
expect_err_contains "KMS.KMSInvalidStateException line on write" "An error occurred (KMS.KMSInvalidStateException) when calling the PutObject operation: $ARN2 is pending deletion."

# invalid SSE header combinations
awsx s3api put-object --bucket "$B2" --key bad.txt --body "$F" --server-side-encryption BOGUS
expect_err_contains "unsupported SSE line" "An error occurred (InvalidArgument) when calling the PutObject operation: The encryption method specified is not supported"
awsx s3api put-object --bucket "$B2" --key bad.txt --body "$F" --ssekms-key-id abc
expect_err_contains "a KMS key without aws:kms line" "An error occurred (InvalidArgument) when calling the PutObject operation: Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms"
awsx s3api put-object --bucket "$B2" --key bad.txt --body "$F" --server-side-encryption AES256 --sse-customer-algorithm AES256 --sse-customer-key 0123456789abcdef0123456789abcdef
expect_err_contains "SSE-C with SSE line" "An error occurred (InvalidArgument) when calling the PutObject operation: Server Side Encryption with Customer provided key is incompatible with the encryption method specified"
for k in aes.txt kms.txt managed.txt k2.txt; do awsx s3api delete-object --bucket "$B2" --key "$k"; done
awsx s3api delete-bucket --bucket "$B2"
expect_rc "second bucket deleted" 0
rm -f "$F" "$F.out"
finish
