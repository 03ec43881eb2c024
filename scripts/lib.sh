# shellcheck shell=bash
# Shared helpers for scripts/bootstrap and scripts/test. Source, don't run.
#
# Environment knobs:
#   LEAKCHECK_LLVM_VERSION  force the libclang/LLVM tools version (17, 18, 19);
#                           implies LEAKCHECK_LLVM_ROOT=/usr/lib/llvm-NN
#   LEAKCHECK_LLVM_ROOT     passed to cmake as -DLEAKCHECK_LLVM_ROOT
#   LEAKCHECK_NO_INSTALL=1  never call apt-get (just report what is missing)
#   LEAKCHECK_BUILD_DIR     build directory (default: build; scripts/test
#                           --sanitize: build-asan; scripts/fuzz: build-fuzz)
#   LEAKCHECK_FUZZ_CC       the clang scripts/fuzz builds with (default:
#                           clang-NN for the libclang version NN, else clang)

LC_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LC_BUILD=${LEAKCHECK_BUILD_DIR:-build}
case $LC_BUILD in /*) ;; *) LC_BUILD=$LC_ROOT/$LC_BUILD ;; esac
LC_LLVM_CANDIDATES=(19 18 17)
LC_CMAKE_ARGS=()    # extra -D options for a fresh configure (scripts/test --sanitize)
LC_APT_UPDATED=0

lc_log() { printf '==> %s\n' "$*" >&2; }
lc_die() { printf 'error: %s\n' "$*" >&2; exit 2; }

# Run a command as root (directly, or through sudo when we are not root).
lc_as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        if [ -t 0 ]; then sudo "$@"; else sudo -n "$@"; fi
    else
        lc_die "need root (or sudo) to run: $*"
    fi
}

lc_have_apt() { command -v apt-get >/dev/null 2>&1 && command -v dpkg-query >/dev/null 2>&1; }

lc_pkg_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

lc_apt_update() {
    [ "$LC_APT_UPDATED" = 1 ] && return 0
    lc_log "apt-get update"
    lc_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
        || lc_die "apt-get update failed"
    LC_APT_UPDATED=1
}

# True when apt knows an installable version of the package.
lc_pkg_candidate() {
    local cand
    cand=$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2; exit}')
    [ -n "$cand" ] && [ "$cand" != "(none)" ]
}

# Packages from scripts/packages.txt (comments and blank lines ignored).
lc_listed_packages() {
    local f="$LC_ROOT/scripts/packages.txt"
    [ -f "$f" ] || { lc_log "warning: $f not found"; return 0; }
    sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$f"
}

# Sets LC_LLVM_VERSION: the newest of 19/18/17 that is installed (preferring a
# version with both libclang-NN-dev and llvm-NN-tools), else the newest one
# apt can install.
lc_select_llvm() {
    local v
    if [ -n "${LEAKCHECK_LLVM_VERSION:-}" ]; then
        LC_LLVM_VERSION=$LEAKCHECK_LLVM_VERSION; return 0
    fi
    for v in "${LC_LLVM_CANDIDATES[@]}"; do
        if lc_pkg_installed "libclang-$v-dev" && lc_pkg_installed "llvm-$v-tools"; then
            LC_LLVM_VERSION=$v; return 0
        fi
    done
    for v in "${LC_LLVM_CANDIDATES[@]}"; do
        if lc_pkg_installed "libclang-$v-dev"; then LC_LLVM_VERSION=$v; return 0; fi
    done
    [ "${LEAKCHECK_NO_INSTALL:-0}" = 1 ] && { LC_LLVM_VERSION=${LC_LLVM_CANDIDATES[0]}; return 0; }
    lc_apt_update
    for v in "${LC_LLVM_CANDIDATES[@]}"; do
        if lc_pkg_candidate "libclang-$v-dev" && lc_pkg_candidate "llvm-$v-tools"; then
            LC_LLVM_VERSION=$v; return 0
        fi
    done
    lc_die "no libclang-{19,18,17}-dev + llvm-NN-tools available from apt (see apt-cache policy)"
}

# Install whatever is missing. Fast (dpkg-query only) when all is present.
lc_install_deps() {
    if ! lc_have_apt; then
        lc_log "apt-get not available; skipping package installation"
        return 0
    fi
    lc_select_llvm
    local pkgs=("libclang-$LC_LLVM_VERSION-dev" "llvm-$LC_LLVM_VERSION-tools") missing=() p
    mapfile -t -O "${#pkgs[@]}" pkgs < <(lc_listed_packages)
    for p in "${pkgs[@]}"; do
        lc_pkg_installed "$p" || missing+=("$p")
    done
    if [ "${#missing[@]}" -eq 0 ]; then
        lc_log "dependencies present (LLVM $LC_LLVM_VERSION)"
        return 0
    fi
    if [ "${LEAKCHECK_NO_INSTALL:-0}" = 1 ]; then
        lc_log "warning: missing packages (LEAKCHECK_NO_INSTALL=1): ${missing[*]}"
        return 0
    fi
    lc_apt_update
    lc_log "apt-get install ${missing[*]}"
    lc_as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}" \
        || lc_die "apt-get install failed: ${missing[*]}"
}

# Installs what libFuzzer targets need (scripts/fuzz) and sets LC_FUZZ_CC:
# clang-NN with its runtime libclang-rt-NN-dev (libFuzzer, ASan, UBSan) for
# the libclang version NN the build uses, when apt has them; else the
# default clang with libclang-rt-dev. llvm-NN (or llvm) brings
# llvm-symbolizer for readable stack traces.
lc_install_fuzz_deps() {
    lc_install_deps
    local v=$LC_LLVM_VERSION pkgs=() missing=() p
    if lc_have_apt; then
        if { lc_pkg_installed "clang-$v" && lc_pkg_installed "libclang-rt-$v-dev"; } \
           || [ "${LEAKCHECK_NO_INSTALL:-0}" = 1 ]; then
            pkgs=("clang-$v" "libclang-rt-$v-dev" "llvm-$v")
        else
            lc_apt_update
            if lc_pkg_candidate "clang-$v" && lc_pkg_candidate "libclang-rt-$v-dev"; then
                pkgs=("clang-$v" "libclang-rt-$v-dev" "llvm-$v")
            else
                pkgs=(clang libclang-rt-dev llvm)
            fi
        fi
        for p in "${pkgs[@]}"; do
            lc_pkg_installed "$p" || missing+=("$p")
        done
        if [ "${#missing[@]}" -gt 0 ]; then
            if [ "${LEAKCHECK_NO_INSTALL:-0}" = 1 ]; then
                lc_log "warning: missing packages (LEAKCHECK_NO_INSTALL=1): ${missing[*]}"
            else
                lc_apt_update
                lc_log "apt-get install ${missing[*]}"
                lc_as_root env DEBIAN_FRONTEND=noninteractive \
                    apt-get install -y -q --no-install-recommends "${missing[@]}" \
                    || lc_die "apt-get install failed: ${missing[*]}"
            fi
        fi
    fi
    if [ -n "${LEAKCHECK_FUZZ_CC:-}" ]; then
        LC_FUZZ_CC=$LEAKCHECK_FUZZ_CC
    elif command -v "clang-$v" >/dev/null 2>&1; then
        LC_FUZZ_CC=clang-$v
    elif command -v clang >/dev/null 2>&1; then
        LC_FUZZ_CC=clang
    else
        lc_die "no clang found for the fuzz targets (set LEAKCHECK_FUZZ_CC)"
    fi
}

# The SARIF schema validator used by the tests (tools/sarif, from the npm
# registry). Optional: without node/npm the schema test reports UNSUPPORTED.
lc_install_test_tools() {
    local dir="$LC_ROOT/tools/sarif"
    [ -d "$dir/node_modules/@microsoft/jest-sarif" ] && return 0
    if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
        lc_log "warning: node/npm not found: the SARIF schema test will be skipped"
        return 0
    fi
    lc_log "npm install (tools/sarif: SARIF schema validator)"
    (cd "$dir" && npm install --no-audit --no-fund --loglevel=error >/dev/null 2>&1) \
        || lc_log "warning: npm install failed: the SARIF schema test will be skipped"
    return 0
}

# Configure (only when needed, or always when LC_CMAKE_ARGS holds options;
# cmake --build re-configures by itself after that) and build. Returns non-zero when either step fails.
lc_configure_and_build() {
    cd "$LC_ROOT" || return 1
    local gen=() args=() llvm_root=${LEAKCHECK_LLVM_ROOT:-}
    if [ -z "$llvm_root" ] && [ -n "${LEAKCHECK_LLVM_VERSION:-}" ]; then
        llvm_root=/usr/lib/llvm-$LEAKCHECK_LLVM_VERSION
    fi
    if [ ! -f "$LC_BUILD/CMakeCache.txt" ] || [ -n "$llvm_root" ] || [ "${#LC_CMAKE_ARGS[@]}" -gt 0 ] \
       || { [ ! -f "$LC_BUILD/build.ninja" ] && [ ! -f "$LC_BUILD/Makefile" ]; }; then
        if [ ! -f "$LC_BUILD/CMakeCache.txt" ]; then
            if command -v ninja >/dev/null 2>&1; then gen=(-G Ninja); else gen=(-G "Unix Makefiles"); fi
        fi
        args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "${LC_CMAKE_ARGS[@]}")
        [ -z "$llvm_root" ] || args+=("-DLEAKCHECK_LLVM_ROOT=$llvm_root")
        lc_log "cmake ${gen[*]} -B ${LC_BUILD#"$LC_ROOT"/} ${args[*]}"
        cmake "${gen[@]}" -S . -B "$LC_BUILD" "${args[@]}" || return 1
    fi
    lc_log "cmake --build ${LC_BUILD#"$LC_ROOT"/}"
    cmake --build "$LC_BUILD" || return 1
}

# Print one cache variable of the build (empty when unset / NOTFOUND).
lc_cache_var() {
    sed -n "s/^$1:[A-Z]*=//p" "$LC_BUILD/CMakeCache.txt" 2>/dev/null \
        | grep -v -- '-NOTFOUND$' | head -n 1
}
