// sqlite3 pack: the connection from sqlite3_open() must be closed even
// when the open fails; a prepared statement must be finalized; strings
// from sqlite3_mprintf() go back with sqlite3_free().
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <sqlite3.h>
#include <stdio.h>

int leak_db_on_open_failure(const char *path)
{
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'db' opened by sqlite3_open() at line [[@LINE-2]] is not closed when returning here [leakcheck-leak]
    sqlite3_close(db);
    return 0;
}

int no_leak_db_on_open_failure(const char *path)
{
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK) {
        fprintf(stderr, "open: %s\n", sqlite3_errmsg(db));
        sqlite3_close(db);
        return -1;
    }
    sqlite3_close(db);
    return 0;
}

int no_leak_open_v2_null_check(const char *path)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
    if (db == NULL)
        return -1;                  /* out of memory: nothing to close */
    if (rc != SQLITE_OK) {
        sqlite3_close_v2(db);
        return -1;
    }
    sqlite3_close_v2(db);
    return 0;
}

int leak_stmt_on_step_error(sqlite3 *db, int id)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT name FROM t WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int(st, 1, id);
    if (sqlite3_step(st) != SQLITE_ROW)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'st' prepared by sqlite3_prepare_v2() at line [[@LINE-5]] is not finalized when returning here [leakcheck-leak]
    printf("%s\n", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return 0;
}

int no_leak_stmt(sqlite3 *db, int id)
{
    sqlite3_stmt *st;
    int rc = -1;
    if (sqlite3_prepare_v3(db, "SELECT name FROM t WHERE id = ?", -1, 0, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW) {
        printf("%s\n", (const char *)sqlite3_column_text(st, 0));
        rc = 0;
    }
    sqlite3_finalize(st);
    return rc;
}

int leak_mprintf(sqlite3 *db, const char *name)
{
    char *sql = sqlite3_mprintf("INSERT INTO t VALUES(%Q)", name);
    if (!sql)
        return -1;
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'sql' allocated by sqlite3_mprintf() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
    sqlite3_free(sql);
    return 0;
}

int no_leak_mprintf(sqlite3 *db, const char *name)
{
    char *sql = sqlite3_mprintf("INSERT INTO t VALUES(%Q)", name);
    int rc;
    if (!sql)
        return -1;
    rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
    sqlite3_free(sql);
    return rc == SQLITE_OK ? 0 : -1;
}

int no_leak_realloc(int n)
{
    char *p = sqlite3_malloc(16);
    char *q;
    if (!p)
        return -1;
    q = sqlite3_realloc(p, n);
    if (!q) {
        sqlite3_free(p);
        return -1;
    }
    sqlite3_free(q);
    return 0;
}
