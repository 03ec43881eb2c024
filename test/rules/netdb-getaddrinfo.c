// getaddrinfo(node, service, hints, &res) stores a list in res when it
// returns 0 (nothing otherwise); freeaddrinfo() frees it.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <netdb.h>
#include <string.h>
#include <sys/socket.h>

int no_leak_getaddrinfo(const char *host)
{
    struct addrinfo hints, *res;
    int rc;
    memset(&hints, 0, sizeof hints);
    hints.ai_socktype = SOCK_STREAM;
    rc = getaddrinfo(host, "80", &hints, &res);
    if (rc != 0)
        return -1;
    rc = res->ai_family;
    freeaddrinfo(res);
    return rc;
}

int leak_getaddrinfo(const char *host)
{
    struct addrinfo *res;
    int rc = getaddrinfo(host, "80", NULL, &res);
    if (rc != 0)
        return -1;
    if (res->ai_next == NULL)
        return -2;
// CHECK: [[@LINE-1]]:9: warning: 'res' allocated by getaddrinfo() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    freeaddrinfo(res);
    return 0;
}

int leak_getaddrinfo_tested_directly(const char *host, const char *port)
{
    struct addrinfo *res;
    if (getaddrinfo(host, port, NULL, &res))
        return -1;
    return res->ai_family;
// CHECK: [[@LINE-1]]:5: warning: 'res' allocated by getaddrinfo() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
}
