#ifndef SITEGEN_CGUMBO_SHIM_H
#define SITEGEN_CGUMBO_SHIM_H
#include <gumbo.h>
#endif
