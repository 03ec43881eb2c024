// RUN: %leakcheck %s -- | FileCheck %s --allow-empty --implicit-check-not=warning:
//
// By default nothing held at the exits of main() is reported: the process
// ends there and the system releases it.  (main-with-check-main.c runs the
// same code with --check-main.)
// CHECK-NOT: warning:

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    char *buf = malloc(256);
    FILE *fp;

    if (!buf)
        return 1;
    if (argc < 2)
        return 2;
    fp = fopen(argv[1], "r");
    if (!fp)
        return 1;
    if (fgets(buf, 256, fp))
        fputs(buf, stdout);
}
