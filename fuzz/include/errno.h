/* errno.h: see libc.h. */
#include "libc.h"
