/* xmlref.h - S3's XML answers written twice, by server/s3/s3_xml.c and by libxml2's
 * xmlTextWriter, from one small program of writes, so tests and a fuzz target can hold the two
 * texts equal. */
#ifndef CMKEMU_TESTS_XMLREF_H
#define CMKEMU_TESTS_XMLREF_H

#include <stddef.h>
#include <stdint.h>

/* prog: a first byte (odd: the root carries the S3 namespace), then records of an op byte
 * (% 4: 0 open, 1 close, 2 text, 3 element with text), a name byte (an index into a list of
 * S3 element names) and, for 2 and 3, a length byte and that many text bytes. A close of the
 * root or an open past the writer's depth is skipped in both. Fills *ours and *ref (malloc'd,
 * NUL-terminated; the caller frees them); returns 0, or -1 when a writer failed. */
int xmlref_run(const uint8_t *prog, size_t len, char **ours, char **ref);

#endif
