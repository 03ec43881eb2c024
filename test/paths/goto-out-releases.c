// RUN: %leakcheck %s -- | FileCheck %s --allow-empty --implicit-check-not=warning:
//
// Every exit goes through one `out:` label that releases what is held.
// The handles start out NULL / -1 and the releases are guarded, so no path
// leaks: nothing may be reported.
// CHECK-NOT: warning:

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int checksum(const char *path, unsigned *sum)
{
    int rc = -1;
    int fd = -1;
    unsigned char *buf = NULL;
    ssize_t n, i;

    fd = open(path, O_RDONLY);
    if (fd < 0)
        goto out;
    buf = malloc(512);
    if (!buf)
        goto out;
    *sum = 0;
    while ((n = read(fd, buf, 512)) > 0)
        for (i = 0; i < n; i++)
            *sum += buf[i];
    if (n < 0)
        goto out;
    rc = 0;
out:
    free(buf);
    if (fd >= 0)
        close(fd);
    return rc;
}

int first_line(const char *path, char *line, int len)
{
    FILE *fp = NULL;
    int rc = -1;

    if (len <= 0)
        goto out;
    fp = fopen(path, "r");
    if (!fp)
        goto out;
    if (!fgets(line, len, fp))
        goto out;
    rc = 0;
out:
    if (fp)
        fclose(fp);
    return rc;
}
