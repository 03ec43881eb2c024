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
Reports wall time, leakcheck/clang ratio, TU count, findings (`: warning:`
lines on leakcheck's stdout) and leakcheck's peak RSS.
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

def run(argv, cwd=None, capture=False):
    """Run argv; return (exit status, peak RSS in KiB, stdout)."""
    p = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    out = b""
    if capture:
        out = p.stdout.read()
        p.stdout.close()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return p.returncode, ru.ru_maxrss, out

def timed(tasks):
    """Run tasks (cwd, argv) with `jobs` workers; return (wall s, results)."""
    t0 = time.monotonic()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        res = list(pool.map(lambda t: run(t[1], cwd=t[0], capture=t[2]), tasks))
    return time.monotonic() - t0, res

import shutil, tempfile
clang_tasks = [(d, argv, False) for d, argv, _ in tus]
# One leakcheck process over the whole database (its summaries cross files),
# parsing on `jobs` threads; cold = an empty result cache, warm = the cache
# the cold run left.
cache = tempfile.mkdtemp(prefix="leakcheck-bench-")
lc_argv = [leakcheck, "-p", db_dir, "-j", str(jobs), "--cache-dir", cache]

best_clang = best_lc = best_warm = float("inf")
clang_fail = lc_status = findings = peak_rss = warm_rss = 0
for r in range(runs):
    tc, res = timed(clang_tasks)
    best_clang = min(best_clang, tc)
    clang_fail = sum(1 for rc, _, _ in res if rc != 0)
    shutil.rmtree(cache, ignore_errors=True)
    os.makedirs(cache)
    t0 = time.monotonic()
    rc, rss, out = run(lc_argv, capture=True)
    tl = time.monotonic() - t0
    best_lc = min(best_lc, tl)
    lc_status = max(lc_status, rc)
    findings = out.count(b": warning:")
    peak_rss = max(peak_rss, rss)
    t0 = time.monotonic()
    rc, rss, out2 = run(lc_argv, capture=True)
    tw = time.monotonic() - t0
    best_warm = min(best_warm, tw)
    warm_rss = max(warm_rss, rss)
    if out2 != out:
        sys.exit("bench.sh: the warm run's findings differ from the cold run's")
    print(f"run {r + 1}/{runs}: clang {tc:.3f}s  leakcheck cold {tl:.3f}s  warm {tw:.3f}s",
          file=sys.stderr)
shutil.rmtree(cache, ignore_errors=True)

rows = [
    ("database", os.path.join(db_dir, "compile_commands.json")),
    ("TUs (files)", f"{len(tus)} ({len(files)})"),
    ("jobs / runs", f"{jobs} / {runs} (best wall time)"),
    ("clang -fsyntax-only", f"{best_clang:.3f} s  [{os.path.basename(clang)}]"
                            + (f"  ({clang_fail} TUs failed)" if clang_fail else "")),
    ("leakcheck, cold cache", f"{best_lc:.3f} s"),
    ("ratio leakcheck/clang", f"{best_lc / best_clang:.2f}x" if best_clang > 0 else "n/a"),
    ("leakcheck, warm cache", f"{best_warm:.3f} s  ({best_warm / best_lc:.0%} of cold)"),
    ("findings", str(findings)),
    ("leakcheck peak RSS", f"{peak_rss / 1024:.1f} MiB cold, {warm_rss / 1024:.1f} MiB warm"),
    ("leakcheck exit status", str(lc_status) + ("" if lc_status in (0, 1) else "  (ERROR)")),
]
width = max(len(k) for k, _ in rows)
for k, v in rows:
    print(f"{k:<{width}}  {v}")
if lc_status not in (0, 1):
    sys.exit(f"bench.sh: leakcheck failed (exit {lc_status}); try: {leakcheck} -p {db_dir} {files[0]}")
PY
