"""gen-project.py DIR N: a C project of N files with a compile database.

Each file defines a wrapper (allocating, freeing, filling a member) used by
the next file, so summaries cross files (and shards); each has a leak
through the previous file's wrapper, a correct twin, a NOLINT'd leak and a
leak of a kind a config disables.  bad.c does not compile.
"""
import json
import os
import sys

root, n = sys.argv[1], int(sys.argv[2])
entries = []
os.makedirs(os.path.join(root, "src"), exist_ok=True)
with open(os.path.join(root, ".leakcheck.yml"), "w") as f:
    f.write("disable: [leakcheck-overwrite]\n")
for i in range(n):
    prev = (i - 1) % n
    src = f"""#include <stdlib.h>
#include <string.h>
#include <stdio.h>
struct box{i} {{ char *name; int n; }};
struct box{prev};
char *make{i}(int n) {{ char *p = malloc((size_t)n + 1); return p; }}
void fill{i}(struct box{i} *b, const char *s) {{ b->name = strdup(s); }}
void drop{i}(struct box{i} *b) {{ free(b->name); }}
char *make{prev}(int n);
int use{i}(int n)
{{
	char *p = make{prev}(n);
	if (!p)
		return -1;
	if (n > {i})
		return 1;
	free(p);
	return 0;
}}
int twin{i}(int n)
{{
	char *p = make{prev}(n);
	if (!p)
		return -1;
	free(p);
	return n;
}}
int quiet{i}(int n)
{{
	char *p = malloc(8);
	if (n)
		return 1; // NOLINT(leakcheck-leak)
	free(p);
	return 0;
}}
int box{i}(int n)
{{
	struct box{i} b = {{ 0, 0 }};
	fill{i}(&b, "x");
	if (n)
		return 1;
	drop{i}(&b);
	return 0;
}}
void over{i}(void)
{{
	char *p = malloc(1);
	p = malloc(2);
	free(p);
}}
int file{i}(const char *path)
{{
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	if (fgetc(f) < 0)
		return -2;
	fclose(f);
	return 0;
}}
"""
    name = f"src/f{i:02d}.c"
    with open(os.path.join(root, name), "w") as f:
        f.write(src)
    entries.append({"directory": root, "file": name,
                    "arguments": ["cc", "-c", name]})
with open(os.path.join(root, "src/bad.c"), "w") as f:
    f.write("int ok(void) { return 0; }\nint broken(void)\n{ return }\n")
entries.append({"directory": root, "file": "src/bad.c", "arguments": ["cc", "-c", "src/bad.c"]})
with open(os.path.join(root, "compile_commands.json"), "w") as f:
    json.dump(entries, f, indent=1)
