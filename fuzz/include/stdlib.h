/* stdlib.h: see libc.h. */
#include "libc.h"
