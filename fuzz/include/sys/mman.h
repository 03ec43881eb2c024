/* sys/mman.h: see libc.h. */
#include "libc.h"
