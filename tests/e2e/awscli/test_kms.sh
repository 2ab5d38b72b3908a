#!/bin/sh
# test_kms.sh - AWS KMS keys and aliases through the aws CLI: create, describe, aliases, state
# changes, and a couple of AWS's exact error lines.
. "$(dirname "$0")/lib.sh"

ACCT=000000000000
SUFFIX=$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
ALIAS="alias/cli-$SUFFIX"

awsx kms create-key --description "cli-$SUFFIX" --query KeyMetadata.KeyId --output text
expect_rc "create-key" 0
KEY=$OUT

awsx kms describe-key --key-id "$KEY" --query 'KeyMetadata.[KeyState,KeyManager,KeySpec,Description]' --output text
expect_out "describe-key" "$(printf 'Enabled\tCUSTOMER\tSYMMETRIC_DEFAULT\tcli-%s' "$SUFFIX")"

awsx kms describe-key --key-id "$KEY" --query KeyMetadata.Arn --output text
expect_out "describe-key arn" "arn:aws:kms:us-east-1:$ACCT:key/$KEY"

awsx kms create-alias --alias-name "$ALIAS" --target-key-id "$KEY"
expect_rc "create-alias" 0

awsx kms describe-key --key-id "$ALIAS" --query KeyMetadata.KeyId --output text
expect_out "describe-key by alias" "$KEY"

awsx kms list-aliases --key-id "$KEY" --query 'Aliases[].AliasName' --output text
expect_out "list-aliases --key-id" "$ALIAS"

awsx kms create-alias --alias-name "$ALIAS" --target-key-id "$KEY"
expect_rc "create-alias twice" 255
expect_err_contains "create-alias twice message" "An error occurred (AlreadyExistsException) when calling the CreateAlias operation: An alias with the name arn:aws:kms:us-east-1:$ACCT:$ALIAS already exists"

awsx kms describe-key --key-id fake-key-id
expect_rc "describe-key invalid id" 255
expect_err_contains "describe-key invalid id message" "An error occurred (NotFoundException) when calling the DescribeKey operation: Invalid keyId 'fake-key-id'"

awsx kms disable-key --key-id "$KEY"
expect_rc "disable-key" 0
awsx kms describe-key --key-id "$KEY" --query KeyMetadata.Enabled --output text
expect_out "disabled" "False"
awsx kms enable-key --key-id "$KEY"
expect_rc "enable-key" 0

awsx kms schedule-key-deletion --key-id "$KEY" --pending-window-in-days 7 --query '[KeyState,PendingWindowInDays]' --output text
expect_out "schedule-key-deletion" "$(printf 'PendingDeletion\t7')"
awsx kms enable-key --key-id "$KEY"
expect_err_contains "enable-key pending deletion" "An error occurred (KMSInvalidStateException) when calling the EnableKey operation: arn:aws:kms:us-east-1:$ACCT:key/$KEY is pending deletion."
awsx kms cancel-key-deletion --key-id "$KEY" --query KeyId --output text
expect_out "cancel-key-deletion" "arn:aws:kms:us-east-1:$ACCT:key/$KEY"
awsx kms describe-key --key-id "$KEY" --query KeyMetadata.KeyState --output text
expect_out "state after cancel" "Disabled"

awsx kms delete-alias --alias-name "$ALIAS"
expect_rc "delete-alias" 0
awsx kms delete-alias --alias-name "$ALIAS"
expect_err_contains "delete-alias again" "An error occurred (NotFoundException) when calling the DeleteAlias operation: Alias arn:aws:kms:us-east-1:$ACCT:$ALIAS is not found."

awsx kms describe-key --key-id alias/aws/s3 --region eu-north-1 --query 'KeyMetadata.[KeyManager,Description]' --output text
expect_out "aws/s3 managed key" "$(printf 'AWS\tDefault key that protects my S3 objects when no other key is defined')"

awsx kms list-keys --region eu-north-1 --query 'length(Keys)' --output text
expect_out "list-keys second region" "1"

finish
