// opendir() opens a directory stream that closedir() closes.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <dirent.h>
#include <string.h>

int leak_opendir(const char *path, const char *name)
{
    DIR *d = opendir(path);
    struct dirent *de;
    if (!d)
        return -1;
    while ((de = readdir(d)) != NULL)
        if (strcmp(de->d_name, name) == 0)
            return 1;
// CHECK: [[@LINE-1]]:13: warning: 'd' opened by opendir() at line [[@LINE-7]] is not closed when returning here [leakcheck-leak]
    closedir(d);
    return 0;
}

int no_leak_opendir(const char *path, const char *name)
{
    DIR *d = opendir(path);
    struct dirent *de;
    int found = 0;
    if (!d)
        return -1;
    while ((de = readdir(d)) != NULL)
        if (strcmp(de->d_name, name) == 0) {
            found = 1;
            break;
        }
    closedir(d);
    return found;
}
