/* s3_bucket_name.h - general-purpose bucket naming rules and CreateBucket's location-constraint
 * rules. Pure: no I/O, no storage. */
#ifndef CMKEMU_S3_BUCKET_NAME_H
#define CMKEMU_S3_BUCKET_NAME_H

#include <stddef.h>

#define S3_DEMO_PREFIX "amzn-s3-demo-"

/* 1 when CreateBucket accepts name for a general-purpose bucket (s3-spec §6 name rules). */
int s3_bucket_name_valid(const char *name);
/* 1 when name is one of AWS's documentation placeholders: it starts with amzn-s3-demo- and
 * would be valid without that reserved prefix. */
int s3_bucket_name_is_demo(const char *name);
/* 1 when region is a region of the aws partition. */
int s3_region_known(const char *region);
/* Where CreateBucket puts a bucket: endpoint is the region the request was sent to, constraint
 * the LocationConstraint (NULL when the request had none). Returns S3_OK and copies the bucket
 * region into out (size n), or the s3_err to answer with. */
int s3_location_resolve(const char *endpoint, const char *constraint, char *out, size_t n);

#endif
