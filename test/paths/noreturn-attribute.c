// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
//
// A function declared __attribute__((noreturn)) ends the path like exit(),
// whether it is only declared here or defined in this file: the end of
// the function after the call is unreachable.  An ordinary function that
// merely reports the error returns, and the stream is still open at the
// closing brace.

#include <stdio.h>
#include <stdlib.h>

void fatal(const char *msg) __attribute__((noreturn));
void report_error(const char *msg);

__attribute__((noreturn)) static void die(const char *msg)
{
    fputs(msg, stderr);
    exit(2);
}

int first_byte_fatal(const char *path)
{
    FILE *fp = fopen(path, "r");
    int c;

    if (!fp)
        return -1;
    c = fgetc(fp);
    if (c != EOF) {
        fclose(fp);
        return c;
    }
    fatal("empty file");
}

int first_byte_die(const char *path)
{
    FILE *fp = fopen(path, "r");
    int c;

    if (!fp)
        return -1;
    c = fgetc(fp);
    if (c != EOF) {
        fclose(fp);
        return c;
    }
    die("empty file");
}

void first_byte_report(const char *path, int *out)
{
    FILE *fp = fopen(path, "r");

    if (!fp)
        return;
    *out = fgetc(fp);
    if (*out != EOF) {
        fclose(fp);
        return;
    }
    report_error("empty file");
}
// CHECK: {{.*}}noreturn-attribute.c:[[@LINE-1]]:1: warning: 'fp' opened by fopen() at line [[@LINE-11]] is not closed at the end of the function [leakcheck-leak]
