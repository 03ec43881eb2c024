// MariaDB/MySQL pack: the handle from mysql_init() must be closed even
// when mysql_real_connect() fails (it returns its first argument or
// NULL: returns-arg-or-null, see rules/mysql.yml); result sets go back
// with mysql_free_result().
// RUN: not %leakcheck %s -- -I/usr/include/mariadb | FileCheck %s --implicit-check-not=warning:
#include <mysql.h>
#include <stdio.h>

MYSQL *leak_on_connect_failure(const char *host, const char *user, const char *pw)
{
    MYSQL *m = mysql_init(NULL);
    if (m == NULL)
        return NULL;
    if (!mysql_real_connect(m, host, user, pw, "app", 0, NULL, 0)) {
        fprintf(stderr, "connect: %s\n", mysql_error(m));
        return NULL;
// CHECK: :[[@LINE-1]]:9: warning: 'm' allocated by mysql_init() at line [[@LINE-6]] is not closed when returning here [leakcheck-leak]
    }
    return m;
}

MYSQL *no_leak_on_connect_failure(const char *host, const char *user, const char *pw)
{
    MYSQL *m = mysql_init(NULL);
    if (m == NULL)
        return NULL;
    if (!mysql_real_connect(m, host, user, pw, "app", 0, NULL, 0)) {
        fprintf(stderr, "connect: %s\n", mysql_error(m));
        mysql_close(m);
        return NULL;
    }
    return m;
}

// Its non-NULL result is the handle itself.
int no_leak_close_result(const char *host)
{
    MYSQL *m = mysql_init(NULL), *conn;
    if (m == NULL)
        return -1;
    conn = mysql_real_connect(m, host, "u", "p", "app", 0, NULL, 0);
    if (conn == NULL) {
        mysql_close(m);
        return -1;
    }
    mysql_close(conn);
    return 0;
}

// Returning the result of mysql_real_connect() leaks the handle when it
// fails (NULL is returned, the handle is lost).
MYSQL *leak_return_connect(const char *host)
{
    MYSQL *m = mysql_init(NULL);
    if (m == NULL)
        return NULL;
    return mysql_real_connect(m, host, "u", "p", "app", 0, NULL, 0);
// CHECK: :[[@LINE-1]]:5: warning: 'm' allocated by mysql_init() at line [[@LINE-4]] is not closed when returning here [leakcheck-leak]
}

long leak_result(MYSQL *m)
{
    MYSQL_RES *res;
    MYSQL_ROW row;
    if (mysql_query(m, "SELECT id FROM t"))
        return -1;
    res = mysql_store_result(m);
    if (res == NULL)
        return -1;
    row = mysql_fetch_row(res);
    if (row == NULL)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'res' returned by mysql_store_result() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
    mysql_free_result(res);
    return 0;
}

long no_leak_result(MYSQL *m)
{
    MYSQL_RES *res;
    MYSQL_ROW row;
    long n = 0;
    if (mysql_query(m, "SELECT id FROM t"))
        return -1;
    res = mysql_use_result(m);
    if (res == NULL)
        return -1;
    while ((row = mysql_fetch_row(res)) != NULL)
        n++;
    mysql_free_result(res);
    return n;
}

// Set up in place: the address of a local struct is returned, nothing to release here.
int in_place(void)
{
    MYSQL m;

    if (!mysql_init(&m))
        return -1;
    mysql_init(&m);
    return 0;
}
