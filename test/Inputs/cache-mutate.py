#!/usr/bin/env python3
"""Damages the one result-cache entry of a run in many ways and runs again.

    cache-mutate.py MODE [--drop-memo] CACHE_DIR -- LEAKCHECK ARGS...

ARGS must include --cache-dir CACHE_DIR and --verbose.  The script runs
LEAKCHECK ARGS --no-cache for the cold result, once more to write the entry,
once to check that the entry is used (a warm run), and then once per damaged
variant of the entry, and prints what happened:

  flip      one bit flipped at 48 offsets spread over the entry
  truncate  the entry cut at 24 lengths, and one byte appended
  reflip    flip, with the checksum made right again: what the checks
            behind it make of a damaged head or compressed function
  body      one bit flipped at 24 places after the start of each
            function's compressed IR (a zlib stream at level 1 starts with
            78 01), up to the next one, the checksum made right again
  reseal    a small integer (likely a count, index, kind or length) set to
            an out-of-range value at 48 places, with the checksum made right
            again, so that the checks behind the checksum are what refuse it

A refused variant must give the cold run's findings and exit status, with a
"not using the cache entry" note; an accepted one (reseal only: a changed
line number or name is a valid entry) must still not crash or fail.

A warm run checks a function's compressed IR only when it walks it, which
it does not when the result memo (*.lkm) answers for it; --drop-memo
removes the memo files before each variant's run, so that every function
is walked and its IR checked.
"""
import glob
import os
import struct
import subprocess
import sys
import zlib

NOTE = "not using the cache entry"
WARM = "its functions come from the cache"


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout, p.stderr.decode(errors="replace")


def spread(n, lo, hi):
    """n offsets spread evenly over [lo, hi)."""
    if hi - lo <= n:
        return list(range(lo, hi))
    return [lo + (hi - lo) * k // n for k in range(n)]


def reseal(data):
    crc = zlib.crc32(bytes(data[8:])) & 0xFFFFFFFF
    data[4:8] = struct.pack("=I", crc)
    return data


def variants(mode, orig):
    n = len(orig)
    if mode in ("flip", "reflip"):
        for at in spread(48, 0 if mode == "flip" else 8, n):
            d = bytearray(orig)
            d[at] ^= 1 << (at % 8)
            yield d if mode == "flip" else reseal(d)
    elif mode == "body":
        at = orig.find(b"\x78\x01", 8)
        while at >= 0:
            nxt = orig.find(b"\x78\x01", at + 2)
            for k in spread(24, at + 2, nxt if nxt >= 0 else n):
                d = bytearray(orig)
                d[k] ^= 1 << (k % 8)
                yield reseal(d)
            at = nxt
    elif mode == "truncate":
        for cut in sorted(set([0, 1, 4, 7, 8, 9, 15, 16, 17, n - 8, n - 1] + spread(13, 24, n - 8))):
            yield bytearray(orig[:cut])
        yield bytearray(orig + b"\0")
    elif mode == "reseal":
        small = [at for at in range(8, n - 7)
                 if -1 <= struct.unpack_from("=q", orig, at)[0] < 64]
        for k, at in enumerate(spread(48, 0, len(small))):
            d = bytearray(orig)
            bad = 1 << 20 if k % 2 == 0 else -2
            struct.pack_into("=q", d, small[at], bad)
            yield reseal(d)


def main():
    args = sys.argv[1:]
    drop_memo = "--drop-memo" in args
    if drop_memo:
        args.remove("--drop-memo")
    mode, cache_dir, sep, *cmd = args
    assert sep == "--" and mode in ("flip", "reflip", "body", "truncate", "reseal")
    cold_status, cold_out, _ = run(cmd[:1] + ["--no-cache"] + cmd[1:])
    run(cmd)
    entries = glob.glob(os.path.join(cache_dir, "*.lkc"))
    if len(entries) != 1:
        print("expected one entry, found %d" % len(entries))
        return 1
    path = entries[0]
    with open(path, "rb") as f:
        orig = f.read()
    status, out, err = run(cmd)
    print("warm run uses the entry: %s" % ("yes" if WARM in err and out == cold_out
                                          and status == cold_status else "no"))
    total = refused = same = crashed = other = 0
    for data in variants(mode, orig):
        with open(path, "wb") as f:     # in place: same owner and mode
            f.write(data)
        if drop_memo:
            for memo in glob.glob(os.path.join(cache_dir, "*.lkm")):
                os.unlink(memo)
        status, out, err = run(cmd)
        total += 1
        if status not in (0, 1) or "error:" in err:
            crashed += 1
            print("variant %d: status %d\n%s" % (total, status, err), file=sys.stderr)
        if NOTE in err:
            refused += 1
            if out == cold_out and status == cold_status:
                same += 1
            else:
                print("variant %d: refused but different findings" % total, file=sys.stderr)
        elif out != cold_out or status != cold_status:
            other += 1
            print("variant %d: accepted with other findings" % total, file=sys.stderr)
    print("%s: %d variants, %d crashed or failed" % (mode, total, crashed))
    print("refused with a note and same findings as a cold run: %d" % same)
    print("refused: %s" % ("all" if refused == total else
                           "most" if refused * 2 > total else "%d" % refused))
    print("refused but different findings: %d" % (refused - same))
    print("accepted with other findings: %d" % other)
    return 0


if __name__ == "__main__":
    sys.exit(main())
