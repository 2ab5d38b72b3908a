#!/bin/sh
# test_s3_encryption.sh - S3 buckets and bucket default encryption with the aws CLI (s3api):
# exact stdout, exit codes and the CLI's error lines.
. "$(dirname "$0")/lib.sh"

suffix=$(od -An -N4 -tx4 /dev/urandom | tr -d ' \n')
B="cli-enc-$suffix"
AES='{"Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]}'
KMS='{"Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "1234abcd-12ab-34cd-56ef-1234567890ab"}, "BucketKeyEnabled": true}]}'

# The documentation's own example runs verbatim: amzn-s3-demo-bucket exists implicitly.
awsx s3api put-bucket-encryption --bucket amzn-s3-demo-bucket --server-side-encryption-configuration "$AES"
expect_rc "seed: put-bucket-encryption on amzn-s3-demo-bucket exits 0" 0
expect_out "seed: put-bucket-encryption prints nothing" ""
awsx s3api create-bucket --bucket amzn-s3-demo-bucket
expect_rc "create-bucket amzn-s3-demo-bucket is refused" 255
expect_err_contains "reserved prefix: InvalidBucketName" "An error occurred (InvalidBucketName) when calling the CreateBucket operation: The specified bucket is not valid."

awsx s3api create-bucket --bucket "$B"
expect_rc "create-bucket" 0
expect_out "create-bucket output" "{
    \"Location\": \"/$B\",
    \"BucketArn\": \"arn:aws:s3:::$B\"
}"

awsx s3api get-bucket-encryption --bucket "$B"
expect_rc "get-bucket-encryption (default)" 0
expect_out "default is AES256 without bucket key" '{
    "ServerSideEncryptionConfiguration": {
        "Rules": [
            {
                "ApplyServerSideEncryptionByDefault": {
                    "SSEAlgorithm": "AES256"
                },
                "BucketKeyEnabled": false
            }
        ]
    }
}'

awsx s3api put-bucket-encryption --bucket "$B" --server-side-encryption-configuration "$KMS"
expect_rc "put-bucket-encryption aws:kms" 0
expect_out "put-bucket-encryption prints nothing" ""
awsx s3api get-bucket-encryption --bucket "$B" --query 'ServerSideEncryptionConfiguration.Rules[0]' --output json
expect_out "aws:kms key echoed as sent" '{
    "ApplyServerSideEncryptionByDefault": {
        "SSEAlgorithm": "aws:kms",
        "KMSMasterKeyID": "1234abcd-12ab-34cd-56ef-1234567890ab"
    },
    "BucketKeyEnabled": true
}'

awsx s3api put-bucket-encryption --bucket "$B" --server-side-encryption-configuration '{"Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256", "KMSMasterKeyID": "k"}}]}'
expect_rc "AES256 + key exits 254/255" 255
expect_err_contains "AES256 + key: InvalidArgument" "An error occurred (InvalidArgument) when calling the PutBucketEncryption operation: a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse"

awsx s3api put-bucket-encryption --bucket "$B" --server-side-encryption-configuration '{"Rules": []}'
expect_err_contains "no rules: MalformedXML" "An error occurred (MalformedXML) when calling the PutBucketEncryption operation: The XML you provided was not well-formed or did not validate against our published schema"

awsx s3api put-bucket-encryption --bucket "$B" --server-side-encryption-configuration '{"Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}, {"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]}'
expect_err_contains "two rules: MalformedXML" "An error occurred (MalformedXML) when calling the PutBucketEncryption operation"

awsx s3api put-bucket-encryption --bucket "$B" --server-side-encryption-configuration "$AES" --checksum-algorithm SHA256
expect_rc "put-bucket-encryption with SHA256 checksum" 0

awsx s3api put-bucket-encryption --bucket "$B" --server-side-encryption-configuration "$AES" --expected-bucket-owner 111122223333
expect_err_contains "expected owner mismatch: AccessDenied" "An error occurred (AccessDenied) when calling the PutBucketEncryption operation: Access Denied"

awsx s3api get-bucket-encryption --bucket "$B" --expected-bucket-owner 12ab
expect_err_contains "expected owner malformed" "An error occurred (InvalidBucketOwnerAWSAccountID) when calling the GetBucketEncryption operation: The value of the expected bucket owner parameter must be an AWS Account ID... [12ab]"

awsx s3api get-bucket-encryption --bucket "nope-$B"
expect_rc "missing bucket exits 255" 255
expect_err_contains "missing bucket: NoSuchBucket" "An error occurred (NoSuchBucket) when calling the GetBucketEncryption operation: The specified bucket does not exist"
awsx s3api put-bucket-encryption --bucket "nope-$B" --server-side-encryption-configuration '{"Rules": []}'
expect_err_contains "NoSuchBucket before the body" "An error occurred (NoSuchBucket) when calling the PutBucketEncryption operation: The specified bucket does not exist"

awsx s3api delete-bucket-encryption --bucket "$B"
expect_rc "delete-bucket-encryption" 0
expect_out "delete-bucket-encryption prints nothing" ""
awsx s3api delete-bucket-encryption --bucket "$B"
expect_rc "delete-bucket-encryption again (idempotent)" 0
awsx s3api get-bucket-encryption --bucket "$B" --query 'ServerSideEncryptionConfiguration.Rules[0].ApplyServerSideEncryptionByDefault.SSEAlgorithm' --output text
expect_out "after delete: AES256 default" "AES256"

awsx s3api create-bucket --bucket "$B-eu" --create-bucket-configuration LocationConstraint=eu-west-1
expect_rc "create-bucket eu-west-1 from us-east-1" 0
awsx s3api get-bucket-location --bucket "$B-eu" --output text
expect_out "get-bucket-location" "eu-west-1"
awsx s3api create-bucket --bucket "$B-eu" --create-bucket-configuration LocationConstraint=eu-west-1
expect_err_contains "BucketAlreadyOwnedByYou" "An error occurred (BucketAlreadyOwnedByYou) when calling the CreateBucket operation: Your previous request to create the named bucket succeeded and you already own it."
awsx s3api create-bucket --bucket "$B-x" --create-bucket-configuration LocationConstraint=us-east-1
expect_err_contains "us-east-1 constraint: InvalidLocationConstraint" "An error occurred (InvalidLocationConstraint) when calling the CreateBucket operation: The specified location-constraint is not valid"
awsx --region eu-west-1 s3api create-bucket --bucket "$B-x"
expect_err_contains "unspecified constraint" "An error occurred (IllegalLocationConstraintException) when calling the CreateBucket operation: The unspecified location constraint is incompatible for the region specific endpoint this request was sent to."
awsx --region eu-west-1 s3api create-bucket --bucket "$B-x" --create-bucket-configuration LocationConstraint=eu-west-2
expect_err_contains "mismatched constraint" "An error occurred (IllegalLocationConstraintException) when calling the CreateBucket operation: The eu-west-2 location constraint is incompatible for the region specific endpoint this request was sent to."

awsx s3api head-bucket --bucket "$B-eu"
expect_rc "head-bucket" 0
expect_out "head-bucket output" "{
    \"BucketArn\": \"arn:aws:s3:::$B-eu\",
    \"BucketRegion\": \"eu-west-1\",
    \"AccessPointAlias\": false
}"
awsx s3api head-bucket --bucket "nope-$B"
expect_err_contains "head-bucket missing: 404" "An error occurred (404) when calling the HeadBucket operation: Not Found"

awsx s3api list-buckets --query "Buckets[?Name=='$B'].Name" --output text
expect_out "list-buckets shows the bucket" "$B"

awsx s3api delete-bucket --bucket "$B-eu"
expect_rc "delete-bucket" 0
awsx s3api delete-bucket --bucket "$B-eu"
expect_err_contains "delete-bucket again: NoSuchBucket" "An error occurred (NoSuchBucket) when calling the DeleteBucket operation: The specified bucket does not exist"
awsx s3api delete-bucket --bucket "$B"
expect_rc "delete-bucket (with a configuration deleted)" 0

finish
