#!/usr/bin/env bash
# prepare.sh NAME DEST -- check out a project's HEAD at DEST and build it once
# with a compile database, so that leakcheck can parse every file (generated
# headers such as config.h must exist).
#
#   NAME  openssh | git | curl | jq | redis | libgit2
#   DEST  directory to create (must not exist, or be a previous checkout of
#         the same project: it is then reused and rebuilt)
#
# The bare mirrors are looked up under $MIRROR (default /work/.mirror) as
# <owner>+<repo>/repo; set REPO=URL-or-path to clone from somewhere else.
# REV=commit checks out that commit instead of the mirror's HEAD.
# When done, DEST/READY holds the directory of compile_commands.json
# (DEST for make+bear projects, DEST/build for the CMake ones: curl,
# libgit2) and DEST/REV the commit.
# Debian/Ubuntu build dependencies are installed with apt-get when missing.
set -euo pipefail

usage() { echo "usage: $0 openssh|git|curl|jq|redis|libgit2 DEST" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
name=$1 dest=$2
jobs=${JOBS:-2}

case "$name" in
  openssh) mirror=openssh+openssh-portable ;;
  git) mirror=git+git ;;
  curl) mirror=curl+curl ;;
  jq) mirror=jqlang+jq ;;
  redis) mirror=redis+redis ;;
  libgit2) mirror=libgit2+libgit2 ;;
  *) usage ;;
esac
repo=${REPO:-${MIRROR:-/work/.mirror}/$mirror/repo}

need_pkgs() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  echo "prepare: installing ${missing[*]}" >&2
  local sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >&2
}

need_pkgs git bear make gcc
if [[ ! -d "$dest/.git" ]]; then
  git clone -q "$repo" "$dest"
fi
cd "$dest"
if [[ -n "${REV:-}" ]]; then
  git checkout -q --detach "$REV"
fi
rm -f READY
git rev-parse HEAD >REV

case "$name" in
  openssh)
    need_pkgs autoconf automake libssl-dev zlib1g-dev
    [[ -x configure ]] || autoreconf -i >/dev/null
    [[ -f config.h ]] || ./configure >configure.log
    bear -- make -j"$jobs" >make.log 2>&1
    dbdir=$dest ;;
  git)
    need_pkgs libssl-dev zlib1g-dev libcurl4-openssl-dev libexpat1-dev gettext
    # git's Makefile works without ./configure; NO_GETTEXT avoids needing msgfmt output
    bear -- make -j"$jobs" NO_GETTEXT=1 >make.log 2>&1
    dbdir=$dest ;;
  curl)
    need_pkgs cmake ninja-build libssl-dev zlib1g-dev
    cmake -G Ninja -B build -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
      -DCURL_USE_LIBPSL=OFF -DUSE_LIBIDN2=OFF -DCURL_USE_LIBSSH2=OFF -DUSE_NGHTTP2=OFF \
      -DCURL_BROTLI=OFF -DCURL_ZSTD=OFF -DBUILD_TESTING=OFF -DBUILD_EXAMPLES=OFF \
      -DCURL_DISABLE_LDAP=ON >configure.log
    cmake --build build -j "$jobs" >make.log 2>&1
    dbdir=$dest/build ;;
  jq)
    need_pkgs autoconf automake libtool libonig-dev bison flex
    [[ -x configure ]] || autoreconf -i >/dev/null 2>&1
    [[ -f config.h ]] || ./configure --with-oniguruma=yes --disable-docs --disable-maintainer-mode >configure.log
    bear -- make -j"$jobs" >make.log 2>&1
    dbdir=$dest ;;
  redis)
    # MALLOC=libc: no jemalloc build; the vendored deps (lua, hiredis, ...) are in the database
    bear -- make -j"$jobs" MALLOC=libc >make.log 2>&1
    dbdir=$dest ;;
  libgit2)
    # System zlib and PCRE2 (not the bundled deps/zlib, deps/pcre2); libssh2 so
    # that transports/ssh_libssh2.c is compiled rather than preprocessed away.
    # No tests (tests/ has ~900 files); the CLI (src/cli) is kept. REGEX_BACKEND
    # is USE_REGEX before v1.8 (for "REV=v1.7.0"); the unused one is ignored.
    need_pkgs cmake ninja-build libssl-dev zlib1g-dev libssh2-1-dev libpcre2-dev pkg-config
    cmake -G Ninja -B build -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
      -DBUILD_TESTS=OFF -DBUILD_CLI=ON -DUSE_SSH=libssh2 -DUSE_HTTPS=OpenSSL \
      -DUSE_REGEX=pcre2 -DREGEX_BACKEND=pcre2 -DUSE_COMPRESSION=zlib >configure.log
    cmake --build build -j "$jobs" >make.log 2>&1
    dbdir=$dest/build ;;
esac

[[ -s "$dbdir/compile_commands.json" ]] || { echo "prepare: no compile_commands.json in $dbdir" >&2; exit 1; }
n=$(grep -c '"file"' "$dbdir/compile_commands.json" || true)
echo "$dbdir" >READY
echo "prepare: $name at $(cat REV): $n database entries in $dbdir/compile_commands.json"
