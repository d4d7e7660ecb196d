#ifndef SITEGEN_CSTEMMER_SHIM_H
#define SITEGEN_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif
