// sqlite3 pack: sqlite3_exec() allocates *errmsg exactly when it returns
// non-zero; a transaction opened with "BEGIN" must meet "COMMIT", "END" or
// "ROLLBACK" (or the connection be closed) on every path; sqlite3_open()
// holds the connection even when it fails.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --explain %s -- | FileCheck %s --check-prefix=EXPL
// EXPL: :[[# @LINE + 46]]:9: remark: transaction on 'db' begun by sqlite3_exec() gives no finding: committed or rolled back by sqlite3_exec() at line [[# @LINE + 51]]; committed or rolled back by sqlite3_exec() at line [[# @LINE + 54]] [leakcheck-explain]
// EXPL: :[[# @LINE + 69]]:12: remark: transaction on 'db' begun by sqlite3_exec() gives no finding: held only at exits that are not checked (main(), or a function that takes a lock or object and never gives it back) [leakcheck-explain]
#include <sqlite3.h>
#include <stdio.h>

int errmsg_leak(sqlite3 *db)
{
    char *err = NULL;
    if (sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "%s\n", err);
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'err' allocated by sqlite3_exec() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
    }
    return 0;
}

int errmsg_freed(sqlite3 *db)
{
    char *err = NULL;
    int rc = sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, &err);
    if (rc != SQLITE_OK) {
        fprintf(stderr, "%s\n", err);
        sqlite3_free(err);
        return -1;
    }
    return 0;                   /* SQLITE_OK: *errmsg is NULL, nothing to free */
}

int transaction_left_open(sqlite3 *db, int n)
{
    if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        return -1;              /* not begun: nothing to end */
    if (sqlite3_exec(db, "INSERT INTO t VALUES(1)", NULL, NULL, NULL) != SQLITE_OK)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: transaction on 'db' begun by sqlite3_exec() at line [[@LINE-4]] is not committed or rolled back when returning here [leakcheck-leak]
    if (n > 3) {
        sqlite3_exec(db, "ROLLBACK TO sp", NULL, NULL, NULL);   /* a savepoint: still open */
        return 1;
// CHECK: :[[@LINE-1]]:9: warning: transaction on 'db' begun by sqlite3_exec() at line [[@LINE-8]] is not committed or rolled back when returning here [leakcheck-leak]
    }
    return sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
}

int transaction_ended(sqlite3 *db)
{
    char *err = NULL;
    if (sqlite3_exec(db, "begin immediate", NULL, NULL, &err) != SQLITE_OK) {
        sqlite3_free(err);
        return -1;
    }
    if (sqlite3_exec(db, "INSERT INTO t VALUES(1)", NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    return sqlite3_exec(db, "COMMIT;", NULL, NULL, NULL);
}

int begin_with_errmsg(sqlite3 *db)
{
    char *err = NULL;
    if (sqlite3_exec(db, "BEGIN" " TRANSACTION", NULL, NULL, &err) != SQLITE_OK)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'err' allocated by sqlite3_exec() at line [[@LINE-2]] is not freed when returning here [leakcheck-leak]
    sqlite3_exec(db, "END", NULL, NULL, NULL);
    return 0;
}

/* Only begins: a wrapper whose caller ends the transaction. */
int begin_only(sqlite3 *db)
{
    return sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
}

/* Closing the connection rolls the transaction back; closing after COMMIT is fine. */
int closed_instead(const char *path)
{
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK) {
        sqlite3_close(db);
        return -1;
    }
    if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_close(db);
        return -1;
    }
    if (sqlite3_exec(db, "DELETE FROM t", NULL, NULL, NULL) != SQLITE_OK) {
        sqlite3_close(db);
        return -1;
    }
    sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
    return sqlite3_close(db);
}

int open_failed_not_closed(const char *path)
{
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK) {
        fprintf(stderr, "%s\n", sqlite3_errmsg(db));
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'db' opened by sqlite3_open() at line [[@LINE-3]] is not closed when returning here [leakcheck-leak]
    }
    sqlite3_close(db);
    return 0;
}

/* Out of memory: *db is NULL and there is nothing to close. */
int open_null_checked(const char *path)
{
    sqlite3 *db = NULL;
    sqlite3_open(path, &db);
    if (db == NULL)
        return -1;
    sqlite3_close(db);
    return 0;
}
