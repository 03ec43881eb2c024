// tmpfile() opens a stream that fclose() closes (and deletes).
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>

int leak_tmpfile(const char *data)
{
    FILE *tmp = tmpfile();
    if (!tmp)
        return -1;
    if (fputs(data, tmp) == EOF)
        return -1;
// CHECK: [[@LINE-1]]:9: warning: 'tmp' opened by tmpfile() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    rewind(tmp);
    fclose(tmp);
    return 0;
}

int no_leak_tmpfile(const char *data)
{
    FILE *tmp = tmpfile();
    int rc = 0;
    if (!tmp)
        return -1;
    if (fputs(data, tmp) == EOF)
        rc = -1;
    fclose(tmp);
    return rc;
}
