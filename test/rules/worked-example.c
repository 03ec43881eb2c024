// The worked example of docs/rules.md ("adding a library"), taken from the
// document itself: its YAML teaches leakcheck libkv in under 10 lines, with
// an acquirer, an out-parameter acquirer, a release and borrowers.
// RUN: sed -n '/^## Worked example/,$p' %S/../../docs/rules.md | sed -n '/^```yaml/,/^```$/p' | sed '1d;$d' > %t.yml
// RUN: wc -l < %t.yml | FileCheck %s --check-prefix=LINES
// LINES: {{^([1-9]|10)$}}
// RUN: not %leakcheck --rules %t.yml %s -- | FileCheck %s --implicit-check-not=warning:
#include <stddef.h>

typedef struct kv kv;
kv *kv_open(const char *path);
int kv_open_ex(const char *path, int flags, kv **db);
void kv_close(kv *db);
int kv_get(kv *db, const char *k, char *buf, size_t n);
int kv_put(kv *db, const char *k, const char *v);

int put_leaks(const char *p, const char *k, const char *v)
{
    kv *db = kv_open(p);
    if (!db)
        return -1;
    kv_put(db, k, v);
    return 0;
// CHECK: :[[@LINE-1]]:5: warning: 'db' opened by kv_open() at line [[@LINE-5]] is not closed when returning here [leakcheck-leak]
}

int get_leaks_on_error(const char *p, const char *k, char *buf, size_t n)
{
    kv *db;
    if (kv_open_ex(p, 0, &db) != 0)
        return -1;
    if (kv_get(db, k, buf, n) < 0)
        return -1;
// CHECK: :[[@LINE-1]]:9: warning: 'db' opened by kv_open_ex() at line [[@LINE-4]] is not closed when returning here [leakcheck-leak]
    kv_close(db);
    return 0;
}

int closed(const char *p, const char *k, const char *v)
{
    kv *db = kv_open(p);
    if (!db)
        return -1;
    kv_put(db, k, v);
    kv_close(db);
    return 0;
}
