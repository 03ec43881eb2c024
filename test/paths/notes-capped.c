// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:
//
// At most 20 branch notes per finding: those on a handle or a status
// first, then the last ones before the finding; one note, where the first
// left out would be, counts the others.  lookup25 makes 25 tests each of
// which could have released p: '!p' and the last 19 show, the first 6 are
// counted.  lookup19 has 20 branch notes in all: every one shows.

#include <stdlib.h>

int lookup25(const int *a)
{
    char *p = malloc(8);

    if (!p)
        return -1;
    if (a[0] == 0) { free(p); return 0; }
    if (a[1] == 1) { free(p); return 1; }
    if (a[2] == 2) { free(p); return 2; }
    if (a[3] == 3) { free(p); return 3; }
    if (a[4] == 4) { free(p); return 4; }
    if (a[5] == 5) { free(p); return 5; }
    if (a[6] == 6) { free(p); return 6; }
    if (a[7] == 7) { free(p); return 7; }
    if (a[8] == 8) { free(p); return 8; }
    if (a[9] == 9) { free(p); return 9; }
    if (a[10] == 10) { free(p); return 10; }
    if (a[11] == 11) { free(p); return 11; }
    if (a[12] == 12) { free(p); return 12; }
    if (a[13] == 13) { free(p); return 13; }
    if (a[14] == 14) { free(p); return 14; }
    if (a[15] == 15) { free(p); return 15; }
    if (a[16] == 16) { free(p); return 16; }
    if (a[17] == 17) { free(p); return 17; }
    if (a[18] == 18) { free(p); return 18; }
    if (a[19] == 19) { free(p); return 19; }
    if (a[20] == 20) { free(p); return 20; }
    if (a[21] == 21) { free(p); return 21; }
    if (a[22] == 22) { free(p); return 22; }
    if (a[23] == 23) { free(p); return 23; }
    if (a[24] == 24) { free(p); return 24; }
    return -1;
}

int lookup19(const int *a)
{
    char *p = malloc(8);

    if (!p)
        return -1;
    if (a[0] == 0) { free(p); return 0; }
    if (a[1] == 1) { free(p); return 1; }
    if (a[2] == 2) { free(p); return 2; }
    if (a[3] == 3) { free(p); return 3; }
    if (a[4] == 4) { free(p); return 4; }
    if (a[5] == 5) { free(p); return 5; }
    if (a[6] == 6) { free(p); return 6; }
    if (a[7] == 7) { free(p); return 7; }
    if (a[8] == 8) { free(p); return 8; }
    if (a[9] == 9) { free(p); return 9; }
    if (a[10] == 10) { free(p); return 10; }
    if (a[11] == 11) { free(p); return 11; }
    if (a[12] == 12) { free(p); return 12; }
    if (a[13] == 13) { free(p); return 13; }
    if (a[14] == 14) { free(p); return 14; }
    if (a[15] == 15) { free(p); return 15; }
    if (a[16] == 16) { free(p); return 16; }
    if (a[17] == 17) { free(p); return 17; }
    if (a[18] == 18) { free(p); return 18; }
    return -1;
}

// CHECK: {{.*}}notes-capped.c:42:5: warning: 'p' allocated by malloc() at line 13 is not freed when returning here [leakcheck-leak]
// CHECK-NEXT: {{.*}}.c:13:15: note: 'p' acquired here
// CHECK-NEXT: {{.*}}.c:15:9: note: taking the false branch of '!p'
// CHECK-NEXT: {{.*}}.c:17:9: note: 6 more branches taken on this path are not shown
// CHECK-NEXT: {{.*}}.c:23:9: note: taking the false branch of 'a[6] == 6'
// CHECK-NEXT: {{.*}}.c:24:9: note: taking the false branch of 'a[7] == 7'
// CHECK-NEXT: {{.*}}.c:25:9: note: taking the false branch of 'a[8] == 8'
// CHECK-NEXT: {{.*}}.c:26:9: note: taking the false branch of 'a[9] == 9'
// CHECK-NEXT: {{.*}}.c:27:9: note: taking the false branch of 'a[10] == 10'
// CHECK-NEXT: {{.*}}.c:28:9: note: taking the false branch of 'a[11] == 11'
// CHECK-NEXT: {{.*}}.c:29:9: note: taking the false branch of 'a[12] == 12'
// CHECK-NEXT: {{.*}}.c:30:9: note: taking the false branch of 'a[13] == 13'
// CHECK-NEXT: {{.*}}.c:31:9: note: taking the false branch of 'a[14] == 14'
// CHECK-NEXT: {{.*}}.c:32:9: note: taking the false branch of 'a[15] == 15'
// CHECK-NEXT: {{.*}}.c:33:9: note: taking the false branch of 'a[16] == 16'
// CHECK-NEXT: {{.*}}.c:34:9: note: taking the false branch of 'a[17] == 17'
// CHECK-NEXT: {{.*}}.c:35:9: note: taking the false branch of 'a[18] == 18'
// CHECK-NEXT: {{.*}}.c:36:9: note: taking the false branch of 'a[19] == 19'
// CHECK-NEXT: {{.*}}.c:37:9: note: taking the false branch of 'a[20] == 20'
// CHECK-NEXT: {{.*}}.c:38:9: note: taking the false branch of 'a[21] == 21'
// CHECK-NEXT: {{.*}}.c:39:9: note: taking the false branch of 'a[22] == 22'
// CHECK-NEXT: {{.*}}.c:40:9: note: taking the false branch of 'a[23] == 23'
// CHECK-NEXT: {{.*}}.c:41:9: note: taking the false branch of 'a[24] == 24'
// CHECK-NEXT: {{.*}}.c:42:5: note: 'p' still allocated when leaving 'lookup25'
// CHECK: {{.*}}notes-capped.c:70:5: warning: 'p' allocated by malloc() at line 47 is not freed when returning here [leakcheck-leak]
// CHECK-NEXT: {{.*}}.c:47:15: note: 'p' acquired here
// CHECK-NEXT: {{.*}}.c:49:9: note: taking the false branch of '!p'
// CHECK-NEXT: {{.*}}.c:51:9: note: taking the false branch of 'a[0] == 0'
// CHECK-NEXT: {{.*}}.c:52:9: note: taking the false branch of 'a[1] == 1'
// CHECK-NEXT: {{.*}}.c:53:9: note: taking the false branch of 'a[2] == 2'
// CHECK-NEXT: {{.*}}.c:54:9: note: taking the false branch of 'a[3] == 3'
// CHECK-NEXT: {{.*}}.c:55:9: note: taking the false branch of 'a[4] == 4'
// CHECK-NEXT: {{.*}}.c:56:9: note: taking the false branch of 'a[5] == 5'
// CHECK-NEXT: {{.*}}.c:57:9: note: taking the false branch of 'a[6] == 6'
// CHECK-NEXT: {{.*}}.c:58:9: note: taking the false branch of 'a[7] == 7'
// CHECK-NEXT: {{.*}}.c:59:9: note: taking the false branch of 'a[8] == 8'
// CHECK-NEXT: {{.*}}.c:60:9: note: taking the false branch of 'a[9] == 9'
// CHECK-NEXT: {{.*}}.c:61:9: note: taking the false branch of 'a[10] == 10'
// CHECK-NEXT: {{.*}}.c:62:9: note: taking the false branch of 'a[11] == 11'
// CHECK-NEXT: {{.*}}.c:63:9: note: taking the false branch of 'a[12] == 12'
// CHECK-NEXT: {{.*}}.c:64:9: note: taking the false branch of 'a[13] == 13'
// CHECK-NEXT: {{.*}}.c:65:9: note: taking the false branch of 'a[14] == 14'
// CHECK-NEXT: {{.*}}.c:66:9: note: taking the false branch of 'a[15] == 15'
// CHECK-NEXT: {{.*}}.c:67:9: note: taking the false branch of 'a[16] == 16'
// CHECK-NEXT: {{.*}}.c:68:9: note: taking the false branch of 'a[17] == 17'
// CHECK-NEXT: {{.*}}.c:69:9: note: taking the false branch of 'a[18] == 18'
// CHECK-NEXT: {{.*}}.c:70:5: note: 'p' still allocated when leaving 'lookup19'
