#!/usr/bin/env bash
# measure.sh BIN PROJECT [MODE...] -- recall of leakcheck binary BIN on the
# leak-fix commits of commits/PROJECT.txt, by the "head" method: in the
# prepared HEAD tree of PROJECT (prepare.sh), put each commit's pre-fix
# version of its file in place and run BIN on it, then the post-fix version,
# then restore HEAD's file (also on error or interrupt).
#
# MODE (default: warm one idx):
#   warm  BIN -p BUILDDIR --cache-dir CACHE FILE, the cache warmed first by a
#         whole-database run (CACHE is the harness's own, one per BIN content)
#   one   BIN -p BUILDDIR --no-cache FILE: the file alone, flags from the
#         database, nothing known of the other files
#   idx   BIN -p BUILDDIR --no-cache --index IDX FILE, IDX written from the
#         HEAD tree by BIN -p BUILDDIR --write-index IDX
#
# Environment:
#   PROJECTS   where prepare.sh put the trees (default /work/scratch/projects);
#              the tree is $PROJECTS/PROJECT (or PROJECT@REV when the list has
#              a "# base: REV" line), its database dir in its READY file
#   OUT        output dir (default /work/scratch/recall/out/$TAG)
#   TAG        default: the first 12 hex digits of BIN's sha256
#   CACHE_ROOT default /work/scratch/recall/cache; the cache is
#              $CACHE_ROOT/<sha256 of BIN>/PROJECT (PROJECT@REV for a "# base: REV" list)
#   TIMEOUT    seconds per leakcheck run (default 600)
#   LIST       commit list (default commits/PROJECT.txt next to this script)
#
# Writes $OUT/PROJECT/MODE/<hash>.{pre,post}.json (+ .err, .rc), then runs
# verdict.py, whose report is also in $OUT/PROJECT/verdict.txt.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ $# -ge 2 ]] || { sed -n '2,28p' "${BASH_SOURCE[0]}" >&2; exit 2; }
bin=$(realpath "$1") project=$2
shift 2
modes=("$@")
[[ ${#modes[@]} -gt 0 ]] || modes=(warm one idx)
for m in "${modes[@]}"; do
  case "$m" in warm|one|idx) ;; *) echo "measure: unknown mode '$m'" >&2; exit 2 ;; esac
done
[[ -x "$bin" ]] || { echo "measure: $bin is not executable" >&2; exit 2; }

list=${LIST:-$here/commits/$project.txt}
[[ -f "$list" ]] || { echo "measure: no list $list" >&2; exit 2; }
# A list may name the tree's revision in a line "# base: REV" (when the
# project's HEAD has drifted too far for the fixes to compile against it):
# the tree is then $PROJECTS/PROJECT@REV, prepared with REV=REV prepare.sh.
base=$(sed -n 's/^# base: *\([^ ]*\).*/\1/p' "$list" | head -n 1)
tree=${PROJECTS:-/work/scratch/projects}/$project${base:+@$base}
prep="prepare.sh $project $tree"
[[ -z "$base" ]] || prep="REV=$base $prep"
[[ -f "$tree/READY" ]] || { echo "measure: $tree/READY missing: run $prep" >&2; exit 2; }
if [[ -n "$base" ]] && [[ "$(git -C "$tree" rev-parse HEAD)" != "$(git -C "$tree" rev-parse "$base^{commit}")" ]]; then
  echo "measure: $tree is not at $base: run $prep in a fresh directory" >&2
  exit 2
fi
builddir=$(cat "$tree/READY")
binsum=$(sha256sum "$bin" | cut -c1-64)
tag=${TAG:-${binsum:0:12}}
out=${OUT:-/work/scratch/recall/out/$tag}/$project
cache=${CACHE_ROOT:-/work/scratch/recall/cache}/$binsum/$project${base:+@$base}
timeout=${TIMEOUT:-600}
mkdir -p "$out" "$(dirname "$cache")"

# The tree must be clean where we write: refuse to clobber local edits.
if ! git -C "$tree" diff --quiet HEAD --; then
  echo "measure: $tree has uncommitted changes (a previous run interrupted?): git -C $tree checkout -- . first" >&2
  exit 2
fi

current=""  # the file currently replaced, restored by the trap
restore() {
  if [[ -n "$current" ]]; then
    git -C "$tree" checkout -q HEAD -- "$current" || echo "measure: could not restore $current" >&2
    current=""
  fi
}
trap restore EXIT
trap 'restore; exit 130' INT
trap 'restore; exit 143' TERM

# Each write of a file gets its own modification time: the cache trusts
# size+mtime, and a pre-fix and a post-fix version may have the same size.
stamp=$(date +%s)
put() {  # put REV PATH: the file at REV into the tree
  local rev=$1 path=$2
  current=$path
  git -C "$tree" show "$rev:$path" >"$tree/$path"
  stamp=$((stamp + 1))
  touch -d "@$stamp" "$tree/$path"
}

run() {  # run MODE FILE OUTBASE
  local mode=$1 file=$2 base=$3 rc=0
  local args=(-p "$builddir" --format=json)
  case "$mode" in
    warm) args+=(--cache-dir "$cache") ;;
    one) args+=(--no-cache) ;;
    idx) args+=(--no-cache --index "$out/head.idx") ;;
  esac
  (cd "$tree" && timeout "$timeout" "$bin" "${args[@]}" "$file") >"$base.json" 2>"$base.err" || rc=$?
  echo "$rc" >"$base.rc"
}

echo "measure: $project, $(grep -c '^[0-9a-f]' "$list") commits, modes ${modes[*]}, BIN $bin, out $out" >&2
printf '%s\n' "$bin" "$binsum" "$(cat "$tree/REV" 2>/dev/null || git -C "$tree" rev-parse HEAD)" >"$out/meta.txt"

want() { local m; for m in "${modes[@]}"; do [[ "$m" == "$1" ]] && return 0; done; return 1; }
if want warm || want idx; then
  echo "measure: warming the cache $cache (whole database)" >&2
  (cd "$tree" && timeout "$((timeout * 6))" "$bin" -p "$builddir" --cache-dir "$cache" --format=json) \
    >"$out/warm-head.json" 2>"$out/warm-head.err" || true
fi
if want idx; then
  echo "measure: writing the index" >&2
  rm -f "$out/head.idx"
  (cd "$tree" && timeout "$((timeout * 6))" "$bin" -p "$builddir" --cache-dir "$cache" --write-index "$out/head.idx") \
    >/dev/null 2>"$out/head.idx.err" || true
  [[ -s "$out/head.idx" ]] || { echo "measure: no index written, see $out/head.idx.err" >&2; exit 1; }
fi

for m in "${modes[@]}"; do mkdir -p "$out/$m"; done
while read -r hash path _; do
  [[ "$hash" =~ ^[0-9a-f]{7,40}$ ]] || continue
  [[ -f "$tree/$path" ]] || { echo "measure: $hash: $path not in the HEAD tree" >&2; continue; }
  if ! git -C "$tree" cat-file -e "$hash^:$path" 2>/dev/null || ! git -C "$tree" cat-file -e "$hash:$path" 2>/dev/null; then
    echo "measure: $hash: $path is not in both $hash^ and $hash: skipped" >&2
    continue
  fi
  echo "measure: $hash $path" >&2
  put "$hash^" "$path"
  for m in "${modes[@]}"; do run "$m" "$path" "$out/$m/$hash.pre"; done
  put "$hash" "$path"
  for m in "${modes[@]}"; do run "$m" "$path" "$out/$m/$hash.post"; done
  restore
done <"$list"

python3 "$here/verdict.py" --repo "$tree" --list "$list" --out "$out" "${modes[@]}" | tee "$out/verdict.txt"
