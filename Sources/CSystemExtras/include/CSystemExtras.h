#ifndef SITEGEN_CSYSTEMEXTRAS_H
#define SITEGEN_CSYSTEMEXTRAS_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. EINVAL where the
/// file system cannot exchange; the caller then falls back to two renames).
int sitegen_exchange_paths(const char *a, const char *b);

#endif
