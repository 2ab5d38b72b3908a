/* os_bucket_json.h - renders a stored bucket as OCI's Bucket and BucketSummary (§1.4). Pure. */
#ifndef CMKEMU_OS_BUCKET_JSON_H
#define CMKEMU_OS_BUCKET_JSON_H

#include "storage/store_os.h"

#include <jansson.h>

/* GetBucket's optional fields (§1.1). */
#define OS_FIELD_APPROX_COUNT 1u
#define OS_FIELD_APPROX_SIZE  2u
#define OS_FIELD_AUTO_TIERING 4u

/* A new reference to the Bucket object, fields asked with OS_FIELD_* bits. */
json_t *os_bucket_json(const struct os_bucket *b, unsigned fields);
/* A new reference to the BucketSummary object; tags adds freeformTags and definedTags. */
json_t *os_bucket_summary_json(const struct os_bucket *b, int tags);

#endif
