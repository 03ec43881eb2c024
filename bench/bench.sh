#!/usr/bin/env bash
# Time leakcheck against `clang -fsyntax-only` over a compile_commands.json.
set -euo pipefail

usage() {
    cat <<'EOF'
usage: bench/bench.sh -p BUILD_DIR [-j N] [--leakcheck PATH] [--runs R] [--clang PATH]

  -p BUILD_DIR      directory containing compile_commands.json
  -j N              parallel jobs for both tools (default: 1)
  --leakcheck PATH  leakcheck binary (default: build/leakcheck, else PATH)
  --runs R          repetitions; the best (lowest) wall time is reported (default: 3)
  --clang PATH      clang used as the baseline (default: clang-19/18/17/clang)

For each translation unit, runs `clang -fsyntax-only` with the entry's flags
(minus -c, -o, dependency-file flags) in the entry's directory; then runs
`leakcheck -p BUILD_DIR -j N` over the same files, with an empty result cache
(cold) and again with the cache that run left (warm).
Then, with that cache: the whole database again after the largest file's
time changed (one file changed), a run on that file alone (a pre-commit
hook), the same with no cache and the summary index the cold run wrote
(--write-index), and the database in two shards (--shard 1/2, 2/2, run one
after the other: the slower one is the wall time on two machines) merged
with --from-ir.  Reports wall and CPU time, leakcheck/clang ratios, TU
count, findings (`: warning:` lines on leakcheck's stdout; the warm and
sharded runs must print the same), and peak RSS against the largest single
clang parse.
EOF
}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
db_dir="" jobs=1 runs=3 leakcheck="" clang=""
while [ $# -gt 0 ]; do
    case $1 in
        -p) db_dir=${2:?-p needs an argument}; shift 2 ;;
        -p*) db_dir=${1#-p}; shift ;;
        -j) jobs=${2:?-j needs an argument}; shift 2 ;;
        -j*) jobs=${1#-j}; shift ;;
        --leakcheck) leakcheck=${2:?}; shift 2 ;;
        --leakcheck=*) leakcheck=${1#*=}; shift ;;
        --runs) runs=${2:?}; shift 2 ;;
        --runs=*) runs=${1#*=}; shift ;;
        --clang) clang=${2:?}; shift 2 ;;
        --clang=*) clang=${1#*=}; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
[ -n "$db_dir" ] || { usage >&2; exit 2; }
[ -f "$db_dir/compile_commands.json" ] || { echo "bench.sh: no $db_dir/compile_commands.json" >&2; exit 2; }
case "$jobs$runs" in *[!0-9]*) echo "bench.sh: -j and --runs take positive integers" >&2; exit 2 ;; esac
if [ "$jobs" -lt 1 ] || [ "$runs" -lt 1 ]; then echo "bench.sh: -j and --runs must be >= 1" >&2; exit 2; fi

if [ -z "$leakcheck" ]; then
    if [ -x "$root/build/leakcheck" ]; then leakcheck=$root/build/leakcheck
    else leakcheck=$(command -v leakcheck || true); fi
fi
[ -x "$leakcheck" ] || { echo "bench.sh: leakcheck binary not found (use --leakcheck)" >&2; exit 2; }
if [ -z "$clang" ]; then
    for c in clang-19 clang-18 clang-17 clang; do
        clang=$(command -v "$c" || true); [ -z "$clang" ] || break
    done
fi
[ -n "$clang" ] || { echo "bench.sh: clang not found (use --clang)" >&2; exit 2; }

exec python3 - "$db_dir" "$jobs" "$runs" "$leakcheck" "$clang" <<'PY'
import json, os, shlex, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor

db_dir, jobs, runs, leakcheck, clang = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
db_dir = os.path.abspath(db_dir)
with open(os.path.join(db_dir, "compile_commands.json")) as f:
    entries = json.load(f)

DROP_WITH_ARG = {"-o", "-MF", "-MT", "-MQ", "--serialize-diagnostics", "-dependency-file"}
DROP = {"-c", "-M", "-MM", "-MD", "-MMD", "-MP", "-MG", "-fsyntax-only", "-S", "-E"}

def syntax_cmd(e):
    args = e.get("arguments") or shlex.split(e["command"])
    src = os.path.normpath(os.path.join(e["directory"], e["file"]))
    out, skip = [clang, "-fsyntax-only"], False
    for a in args[1:]:
        if skip:
            skip = False
        elif a in DROP_WITH_ARG:
            skip = True
        elif a in DROP or a.startswith(("-MF", "-MT", "-MQ", "-Wp,-M")) \
                or (a.startswith("-o") and not a.startswith("-obj")):
            pass
        elif os.path.normpath(os.path.join(e["directory"], a)) == src:
            pass
        else:
            out.append(a)
    return e["directory"], out + [src], src

# leakcheck analyses C sources only (it skips assembler and C++ entries)
tus = [syntax_cmd(e) for e in entries if os.path.splitext(e["file"])[1] in (".c", ".h", ".i")]
files = sorted({src for _, _, src in tus})
if not tus:
    sys.exit("bench.sh: empty compile database")

cpu = {"last": 0.0}

def run(argv, cwd=None, capture=False):
    """Run argv; return (exit status, peak RSS in KiB, stdout); its CPU time in cpu["last"]."""
    p = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    out = b""
    if capture:
        out = p.stdout.read()
        p.stdout.close()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    cpu["last"] = ru.ru_utime + ru.ru_stime
    return p.returncode, ru.ru_maxrss, out

def timed(tasks):
    """Run tasks (cwd, argv) with `jobs` workers; return (wall s, CPU s, results)."""
    t0 = time.monotonic()
    c0 = os.times()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        res = list(pool.map(lambda t: run(t[1], cwd=t[0], capture=t[2]), tasks))
    c1 = os.times()
    return time.monotonic() - t0, (c1.children_user - c0.children_user) + \
        (c1.children_system - c0.children_system), res

import shutil, tempfile
clang_tasks = [(d, argv, False) for d, argv, _ in tus]
# One leakcheck process over the whole database (its summaries cross files),
# parsing on `jobs` threads; cold = an empty result cache, warm = the cache
# the cold run left.
cache = tempfile.mkdtemp(prefix="leakcheck-bench-")
lc_argv = [leakcheck, "-p", db_dir, "-j", str(jobs), "--cache-dir", cache]

best = {k: float("inf") for k in ("clang", "clang_cpu", "cold", "cold_cpu", "warm", "warm_cpu",
                                   "changed", "changed_cpu", "one_warm", "one_index", "shard", "merge")}
clang_fail = lc_status = findings = peak_rss = warm_rss = parse_rss = 0
index = os.path.join(cache + "-idx")
# the largest source: the file a one-file run checks and the one "changed"
largest = max(files, key=lambda f: os.path.getsize(f) if os.path.exists(f) else 0)

def lc(argv, key, capture=True):
    t0 = time.monotonic()
    rc, rss, out = run(argv, capture=capture)
    best[key] = min(best[key], time.monotonic() - t0)
    if key + "_cpu" in best:
        best[key + "_cpu"] = min(best[key + "_cpu"], cpu["last"])
    return rc, rss, out

for r in range(runs):
    tc, cc, res = timed(clang_tasks)
    best["clang"], best["clang_cpu"] = min(best["clang"], tc), min(best["clang_cpu"], cc)
    clang_fail = sum(1 for rc, _, _ in res if rc != 0)
    parse_rss = max(parse_rss, max(rss for _, rss, _ in res))
    shutil.rmtree(cache, ignore_errors=True)
    os.makedirs(cache)
    rc, rss, out = lc(lc_argv + ["--write-index", index], "cold")
    lc_status = max(lc_status, rc)
    findings = out.count(b": warning:")
    peak_rss = max(peak_rss, rss)
    rc, rss, out2 = lc(lc_argv, "warm")
    warm_rss = max(warm_rss, rss)
    if out2 != out:
        sys.exit("bench.sh: the warm run's findings differ from the cold run's")
    # one file changed (its time), the whole database again with the cache
    st = os.stat(largest)
    os.utime(largest, ns=(st.st_atime_ns, st.st_mtime_ns + 1000))
    try:
        lc(lc_argv, "changed")
    finally:
        os.utime(largest, ns=(st.st_atime_ns, st.st_mtime_ns))
    # a pre-commit run on that file: warm cache, or no cache and the index
    lc(lc_argv + [largest], "one_warm")
    lc([leakcheck, "-p", db_dir, "-j", "1", "--no-cache", "--index", index, largest], "one_index")
    # two shards (one after the other here: the slower is the wall time on two machines)
    sh = tempfile.mkdtemp(prefix="leakcheck-shards-")
    slow = 0.0
    for k in (1, 2):
        t0 = time.monotonic()
        run([leakcheck, "-p", db_dir, "-j", str(jobs), "--no-cache", "--shard", f"{k}/2",
             "--emit-ir", os.path.join(sh, str(k))])
        slow = max(slow, time.monotonic() - t0)
    best["shard"] = min(best["shard"], slow)
    rc, _, out3 = lc([leakcheck, "--from-ir", os.path.join(sh, "1"), os.path.join(sh, "2")], "merge")
    shutil.rmtree(sh, ignore_errors=True)
    if out3 != out:
        sys.exit("bench.sh: the sharded run's findings differ from the one-machine run's")
    print(f"run {r + 1}/{runs}: clang {tc:.3f}s  leakcheck cold {best['cold']:.3f}s  warm {best['warm']:.3f}s",
          file=sys.stderr)
if os.path.exists(index):
    os.unlink(index)
best_clang, best_lc, best_warm = best["clang"], best["cold"], best["warm"]
shutil.rmtree(cache, ignore_errors=True)

def ratio(a, b):
    return f"{a / b:.2f}x" if b > 0 else "n/a"

rows = [
    ("database", os.path.join(db_dir, "compile_commands.json")),
    ("TUs (files)", f"{len(tus)} ({len(files)})"),
    ("jobs / runs", f"{jobs} / {runs} (best times)"),
    ("clang -fsyntax-only", f"{best_clang:.3f} s wall, {best['clang_cpu']:.3f} s CPU  [{os.path.basename(clang)}]"
                            + (f"  ({clang_fail} TUs failed)" if clang_fail else "")),
    ("leakcheck, cold cache", f"{best_lc:.3f} s wall ({ratio(best_lc, best_clang)}), "
                              f"{best['cold_cpu']:.3f} s CPU ({ratio(best['cold_cpu'], best['clang_cpu'])})"),
    ("ratio leakcheck/clang", ratio(best_lc, best_clang)),
    ("leakcheck, warm cache", f"{best_warm:.3f} s  ({best_warm / best_lc:.0%} of cold), "
                              f"{best['warm_cpu']:.3f} s CPU"),
    ("one file changed", f"{best['changed']:.3f} s  ({best['changed'] / best_lc:.0%} of cold; "
                         f"{os.path.relpath(largest, db_dir)} touched)"),
    ("one-file run, warm cache", f"{best['one_warm']:.3f} s"),
    ("one-file run, index", f"{best['one_index']:.3f} s  (no cache; --index)"),
    ("2 shards + merge", f"{best['shard']:.3f} s slower shard + {best['merge']:.3f} s merge "
                         f"({ratio(best['shard'] + best['merge'], best_clang)} of clang)"),
    ("findings", str(findings)),
    ("leakcheck peak RSS", f"{peak_rss / 1024:.1f} MiB cold, {warm_rss / 1024:.1f} MiB warm; "
                           f"largest clang parse {parse_rss / 1024:.1f} MiB "
                           f"({ratio(peak_rss, parse_rss)})"),
    ("leakcheck exit status", str(lc_status) + ("" if lc_status in (0, 1) else "  (ERROR)")),
]
width = max(len(k) for k, _ in rows)
for k, v in rows:
    print(f"{k:<{width}}  {v}")
if lc_status not in (0, 1):
    sys.exit(f"bench.sh: leakcheck failed (exit {lc_status}); try: {leakcheck} -p {db_dir} {files[0]}")
PY
