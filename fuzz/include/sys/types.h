/* sys/types.h: see libc.h. */
#include "libc.h"
