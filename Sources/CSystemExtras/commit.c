#include "CSystemExtras.h"

// `make` writes generated/commit.h with the commit the sources come from.
// It is included here only, not from the public header, so that a new
// commit recompiles this file and relinks, nothing else.
#if __has_include("generated/commit.h")
#include "generated/commit.h"
#endif
#ifndef SITEGEN_COMMIT
#define SITEGEN_COMMIT ""
#endif

const char *sitegen_commit(void) { return SITEGEN_COMMIT; }
