// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A loop whose header comes from a macro.  The leak is reported at the
// `return` written in the loop body, not inside the macro.

#include <dirent.h>
#include <stddef.h>

#define for_each_entry(d, e) for ((e) = readdir(d); (e) != NULL; (e) = readdir(d))

int count_ok(const char *path, int max)
{
    DIR *d = opendir(path);
    struct dirent *e;
    int n = 0;

    if (!d)
        return -1;
    for_each_entry(d, e) {
        if (e->d_name[0] == '.')
            continue;
        if (++n > max)
            break;
    }
    closedir(d);
    return n;
}

int count_bad(const char *path, int max)
{
    DIR *d = opendir(path);
    struct dirent *e;
    int n = 0;

    if (!d)
        return -1;
    for_each_entry(d, e) {
        if (e->d_name[0] == '.')
            continue;
        if (++n > max)
            return -1;
        // CHECK: {{.*}}for-header-in-macro.c:[[@LINE-1]]:13: warning: 'd' opened by opendir() at line [[@LINE-11]] is not closed when returning here [leakcheck-leak]
    }
    closedir(d);
    return n;
}
