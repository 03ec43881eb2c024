// zlib pack: deflateInit()/inflateInit() are macros over deflateInit_()/
// inflateInit_() (the names in the messages); a stream initialised with
// Z_OK (0) must be ended on every path.  gzopen()/gzdopen() streams go
// back with gzclose(); gzdopen() takes over its descriptor on success.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

int leak_deflate_on_error(unsigned char *in, unsigned n, unsigned char *out, unsigned m)
{
    z_stream zs = {0};
    if (deflateInit(&zs, Z_DEFAULT_COMPRESSION) != Z_OK)
        return -1;
    zs.next_in = in;
    zs.avail_in = n;
    zs.next_out = out;
    zs.avail_out = m;
    if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'zs' initialised by deflateInit_() at line [[@LINE-8]] is not ended when returning here [leakcheck-leak]
    deflateEnd(&zs);
    return 0;
}

int no_leak_deflate(unsigned char *in, unsigned n, unsigned char *out, unsigned m)
{
    z_stream zs = {0};
    int rc;
    if (deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return -1;
    zs.next_in = in;
    zs.avail_in = n;
    zs.next_out = out;
    zs.avail_out = m;
    rc = deflate(&zs, Z_FINISH);
    deflateEnd(&zs);
    return rc == Z_STREAM_END ? 0 : -1;
}

int leak_inflate_on_error(z_stream *zs)
{
    if (inflateInit(zs))
        return -1;
    if (inflate(zs, Z_NO_FLUSH) == Z_DATA_ERROR)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: '*zs' initialised by inflateInit_() at line [[@LINE-4]] is not ended when returning here [leakcheck-leak]
    inflateEnd(zs);
    return 0;
}

int no_leak_inflate(z_stream *zs)
{
    int rc;
    if (inflateInit2(zs, 15 + 32) != Z_OK)
        return -1;
    rc = inflate(zs, Z_NO_FLUSH);
    inflateEnd(zs);
    return rc == Z_DATA_ERROR ? -1 : 0;
}

int leak_gzopen(const char *path, char *buf, int n)
{
    gzFile gz = gzopen(path, "rb");
    if (gz == NULL)
        return -1;
    if (gzgets(gz, buf, n) == NULL)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'gz' opened by gzopen() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
    gzclose(gz);
    return 0;
}

int no_leak_gzdopen(const char *path, const char *msg)
{
    gzFile gz;
    int fd = open(path, O_WRONLY | O_CREAT, 0644);
    if (fd < 0)
        return -1;
    gz = gzdopen(fd, "wb");
    if (gz == NULL) {
        close(fd);                  /* still ours when gzdopen() fails */
        return -1;
    }
    gzprintf(gz, "%s\n", msg);
    return gzclose(gz) == Z_OK ? 0 : -1;
}

int leak_fd_after_gzdopen_failure(const char *path)
{
    gzFile gz;
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    gz = gzdopen(fd, "rb");
    if (gz == NULL)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'fd' opened by open() at line [[@LINE-6]] is not closed when returning here [leakcheck-leak]
    gzclose(gz);
    return 0;
}
