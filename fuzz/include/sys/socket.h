/* sys/socket.h: see libc.h. */
#include "libc.h"
