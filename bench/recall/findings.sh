#!/usr/bin/env bash
# findings.sh BIN PROJECT OUTFILE -- the noise side: BIN -p BUILDDIR over the
# whole database of PROJECT's prepared HEAD tree (prepare.sh); the findings
# (the "warning:" lines of the compiler-style output) go to OUTFILE, sorted,
# and their count is printed.  BIN's stderr goes to OUTFILE.err.
#
# Environment: PROJECTS (default /work/scratch/projects), CACHE_ROOT (default
# /work/scratch/recall/cache; the cache is $CACHE_ROOT/<sha256 of BIN>/PROJECT,
# shared with measure.sh's warm mode: a warm cache changes the time, not the
# findings), TIMEOUT (seconds, default 3600).
set -euo pipefail

[[ $# -eq 3 ]] || { sed -n '2,10p' "${BASH_SOURCE[0]}" >&2; exit 2; }
bin=$(realpath "$1") project=$2 outfile=$3
tree=${PROJECTS:-/work/scratch/projects}/$project
[[ -f "$tree/READY" ]] || { echo "findings: $tree/READY missing: run prepare.sh $project $tree" >&2; exit 2; }
builddir=$(cat "$tree/READY")
binsum=$(sha256sum "$bin" | cut -c1-64)
cache=${CACHE_ROOT:-/work/scratch/recall/cache}/$binsum/$project
mkdir -p "$(dirname "$cache")" "$(dirname "$outfile")"
if ! git -C "$tree" diff --quiet HEAD --; then
  echo "findings: $tree differs from its HEAD (measure.sh interrupted?)" >&2
  exit 2
fi

rc=0
(cd "$tree" && timeout "${TIMEOUT:-3600}" "$bin" -p "$builddir" --cache-dir "$cache" --color=never) \
  >"$outfile.full" 2>"$outfile.err" || rc=$?
grep -E '^[^ ]+:[0-9]+:[0-9]+: warning: ' "$outfile.full" | sort >"$outfile" || true
rm -f "$outfile.full"
n=$(wc -l <"$outfile")
echo "$project: $n findings (exit status $rc)"
[[ $rc -le 1 ]]
