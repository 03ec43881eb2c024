// libpq pack: a PGconn is returned even when the connection fails and
// must still be PQfinish()ed; every non-NULL PGresult must be PQclear()ed,
// including one that reports an error; escaped strings go to PQfreemem().
// RUN: not %leakcheck %s -- -I/usr/include/postgresql | FileCheck %s --implicit-check-not=warning:
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

PGconn *leak_conn_on_failure(const char *conninfo)
{
    PGconn *conn = PQconnectdb(conninfo);
    if (PQstatus(conn) != CONNECTION_OK) {
        fprintf(stderr, "connect: %s", PQerrorMessage(conn));
        return NULL;
// CHECK: :[[@LINE-1]]:9: warning: 'conn' opened by PQconnectdb() at line [[@LINE-4]] is not closed when returning here [leakcheck-leak]
    }
    return conn;
}

PGconn *no_leak_conn_on_failure(const char *conninfo)
{
    PGconn *conn = PQconnectdb(conninfo);
    if (conn == NULL)
        return NULL;
    if (PQstatus(conn) != CONNECTION_OK) {
        fprintf(stderr, "connect: %s", PQerrorMessage(conn));
        PQfinish(conn);
        return NULL;
    }
    return conn;
}

long leak_result_on_error(PGconn *conn)
{
    PGresult *res = PQexec(conn, "SELECT count(*) FROM t");
    long n;
    if (PQresultStatus(res) != PGRES_TUPLES_OK)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'res' returned by PQexec() at line [[@LINE-4]] is not cleared when returning here [leakcheck-leak]
    n = atol(PQgetvalue(res, 0, 0));
    PQclear(res);
    return n;
}

long no_leak_result(PGconn *conn, const char *id)
{
    const char *params[1] = { id };
    PGresult *res = PQexecParams(conn, "SELECT v FROM t WHERE id = $1", 1,
                                 NULL, params, NULL, NULL, 0);
    long n = -1;
    if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) > 0)
        n = atol(PQgetvalue(res, 0, 0));
    PQclear(res);
    return n;
}

int leak_escaped(PGconn *conn, const char *name)
{
    char *lit = PQescapeLiteral(conn, name, strlen(name));
    if (lit == NULL)
        return -1;
    if (strlen(lit) > 100)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'lit' allocated by PQescapeLiteral() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    PQfreemem(lit);
    return 0;
}

int no_leak_escaped(PGconn *conn, const char *name)
{
    char *id = PQescapeIdentifier(conn, name, strlen(name));
    int rc = 0;
    if (id == NULL)
        return -1;
    if (strlen(id) > 100)
        rc = -1;
    PQfreemem(id);
    return rc;
}
