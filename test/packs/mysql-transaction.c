// mysql pack: mysql_query(m, "START TRANSACTION") opens a transaction
// when it returns 0; it must end with "COMMIT"/"ROLLBACK",
// mysql_commit()/mysql_rollback() or mysql_close() on every path.
// RUN: not %leakcheck %s -- -I/usr/include/mariadb | FileCheck %s --implicit-check-not=warning:
#include <mysql.h>

int left_open(MYSQL *m, const char *sql)
{
    if (mysql_query(m, "START TRANSACTION"))
        return -1;              /* failed: nothing begun */
    if (mysql_query(m, sql))
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: transaction on 'm' begun by mysql_query() at line [[@LINE-4]] is not committed or rolled back when returning here [leakcheck-leak]
    return mysql_commit(m) ? -1 : 0;
}

int ended(MYSQL *m, const char *sql)
{
    if (mysql_query(m, "BEGIN") != 0)
        return -1;
    if (mysql_query(m, sql) != 0) {
        mysql_query(m, "ROLLBACK");
        return -1;
    }
    return mysql_query(m, "COMMIT");
}

int closed(MYSQL *m, const char *sql)
{
    if (mysql_query(m, "START TRANSACTION"))
        return -1;
    if (mysql_query(m, sql)) {
        mysql_close(m);
        return -1;
    }
    mysql_rollback(m);
    mysql_close(m);
    return 0;
}
