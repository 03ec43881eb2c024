/* sys/stat.h: see libc.h. */
#include "libc.h"
