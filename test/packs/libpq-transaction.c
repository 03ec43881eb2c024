// libpq pack: PQexec(conn, "BEGIN") opens a transaction when
// PQresultStatus() of its result is PGRES_COMMAND_OK; it must meet
// "COMMIT", "END", "ROLLBACK" or "ABORT" (or PQfinish) on every path.
// The result of every PQexec() must be PQclear()ed as well.
// RUN: not %leakcheck %s -- -I/usr/include/postgresql | FileCheck %s --implicit-check-not=warning:
#include <libpq-fe.h>

int left_open(PGconn *conn, const char *sql)
{
    PGresult *res = PQexec(conn, "BEGIN");
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        PQclear(res);
        return -1;              /* not begun: nothing to end */
    }
    PQclear(res);
    res = PQexec(conn, sql);
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        PQclear(res);
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: transaction on 'conn' begun by PQexec() at line [[@LINE-10]] is not committed or rolled back when returning here [leakcheck-leak]
    }
    PQclear(res);
    res = PQexec(conn, "COMMIT");
    PQclear(res);
    return 0;
}

int rolled_back(PGconn *conn, const char *sql)
{
    PGresult *res = PQexec(conn, "begin isolation level serializable");
    ExecStatusType st = PQresultStatus(res);

    PQclear(res);
    if (st != PGRES_COMMAND_OK)
        return -1;
    res = PQexec(conn, sql);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        PQclear(res);
        PQclear(PQexec(conn, "ROLLBACK"));
        return -1;
    }
    PQclear(res);
    PQclear(PQexec(conn, "END"));
    return 0;
}

int savepoint_is_not_the_end(PGconn *conn, int undo)
{
    PGresult *res = PQexec(conn, "BEGIN");
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        PQclear(res);
        return -1;
    }
    PQclear(res);
    if (undo) {
        PQclear(PQexec(conn, "ROLLBACK TO SAVEPOINT a"));
        return 1;
// CHECK: :[[@LINE-1]]:9: warning: transaction on 'conn' begun by PQexec() at line [[@LINE-9]] is not committed or rolled back when returning here [leakcheck-leak]
    }
    PQclear(PQexec(conn, "COMMIT"));
    return 0;
}

void finished_instead(const char *info)
{
    PGconn *conn = PQconnectdb(info);
    PGresult *res;

    if (PQstatus(conn) != CONNECTION_OK) {
        PQfinish(conn);         /* a failed connection is still finished */
        return;
    }
    res = PQexec(conn, "BEGIN");
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        PQclear(res);
        PQfinish(conn);
        return;
    }
    PQclear(res);
    res = PQexec(conn, "DELETE FROM t");
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        PQclear(res);
        PQfinish(conn);         /* rolls the transaction back */
        return;
    }
    PQclear(res);
    PQclear(PQexec(conn, "COMMIT"));
    PQfinish(conn);
}

/* Only begins: its caller ends the transaction. */
int begin(PGconn *conn)
{
    PGresult *res = PQexec(conn, "BEGIN");
    int ok = PQresultStatus(res) == PGRES_COMMAND_OK;

    PQclear(res);
    return ok ? 0 : -1;
}
