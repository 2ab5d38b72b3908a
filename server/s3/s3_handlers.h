/* s3_handlers.h - every S3 operation cmkemu serves; s3_dispatch.c routes to them. */
#ifndef CMKEMU_S3_HANDLERS_H
#define CMKEMU_S3_HANDLERS_H

#include "../api.h"

/* s3_bucket.c */
api_handler s3_list_buckets;        /* ListBuckets:      GET /                */
api_handler s3_create_bucket;       /* CreateBucket:     PUT /{bucket}        */
api_handler s3_head_bucket;         /* HeadBucket:       HEAD /{bucket}       */
api_handler s3_delete_bucket;       /* DeleteBucket:     DELETE /{bucket}     */
api_handler s3_get_bucket_location; /* GetBucketLocation: GET /{bucket}?location */

/* s3_encryption.c */
api_handler s3_put_bucket_encryption;    /* PutBucketEncryption:    PUT /{bucket}?encryption    */
api_handler s3_get_bucket_encryption;    /* GetBucketEncryption:    GET /{bucket}?encryption    */
api_handler s3_delete_bucket_encryption; /* DeleteBucketEncryption: DELETE /{bucket}?encryption */

/* s3_object.c */
api_handler
    s3_put_object; /* PutObject:    PUT /{bucket}/{key} (CopyObject with x-amz-copy-source) */
api_handler s3_get_object;    /* GetObject:    GET /{bucket}/{key}    */
api_handler s3_head_object;   /* HeadObject:   HEAD /{bucket}/{key}   */
api_handler s3_delete_object; /* DeleteObject: DELETE /{bucket}/{key} */

/* s3_copy.c */
api_handler s3_copy_object; /* CopyObject: PUT /{bucket}/{key} with x-amz-copy-source */

/* s3_session.c */
api_handler s3_create_session; /* CreateSession: GET /{bucket}?session */

/* s3_list_objects.c */
api_handler s3_list_objects_v2; /* ListObjectsV2: GET /{bucket}?list-type=2 */

#endif
