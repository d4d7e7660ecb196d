#ifndef SITEGEN_CSYSTEMEXTRAS_H
#define SITEGEN_CSYSTEMEXTRAS_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. EINVAL where the
/// file system cannot exchange; the caller then falls back to two renames).
int sitegen_exchange_paths(const char *a, const char *b);

#include <stddef.h>

/// The first occurrence of `needle` in `haystack` (glibc's memmem, which
/// Swift cannot see without _GNU_SOURCE), or NULL.
const void *sitegen_find(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// The commit the binary was built from (`git describe --always --dirty`),
/// or "" when it was built without `make`.
const char *sitegen_commit(void);

#endif
