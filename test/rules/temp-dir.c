// mkdtemp() creates a directory, and so does mkdir() of a name mktemp()
// made up: it must be removed (rmdir, remove) or moved into place
// (rename) on every path, in a function that removes it on some path.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int populate(const char *dir);

int mkdtemp_not_removed(void)
{
    char dir[] = "/tmp/lkXXXXXX";
    if (!mkdtemp(dir))
        return -1;
    if (populate(dir) < 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: temporary directory 'dir' created by mkdtemp() at line [[@LINE-4]] is not removed when returning here [leakcheck-leak]
    rmdir(dir);
    return 0;
}

int mkdtemp_removed_or_renamed(const char *final)
{
    char dir[] = "/tmp/lkXXXXXX";
    if (mkdtemp(dir) == NULL)
        return -1;
    if (populate(dir) < 0) {
        rmdir(dir);
        return -1;
    }
    return rename(dir, final);
}

int mktemp_mkdir_not_removed(void)
{
    char dir[] = "/tmp/lkXXXXXX";
    mktemp(dir);
    if (!dir[0] || mkdir(dir, 0700) != 0)
        return -1;
    if (populate(dir) < 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: temporary directory 'dir' created by mkdir() at line [[@LINE-4]] is not removed when returning here [leakcheck-leak]
    return remove(dir);
}

int mktemp_mkdir_removed(void)
{
    char dir[] = "/tmp/lkXXXXXX";
    mktemp(dir);
    if (!dir[0] || mkdir(dir, 0700) != 0)
        return -1;
    if (populate(dir) < 0) {
        rmdir(dir);
        return -1;
    }
    return rmdir(dir);
}

// mkdir() of a name no name-making call filled: an ordinary directory.
int ordinary_mkdir(const char *dir)
{
    if (mkdir(dir, 0700) != 0)
        return -1;
    if (populate(dir) < 0)
        return -1;
    return rmdir(dir);
}
