#!/usr/bin/env python3
"""Rewrites cache entries (.lkc, store/cache_int.h) with every function's IR
stored as it is instead of compressed, for the cache fuzz target's seeds:
libFuzzer's mutations of a zlib stream almost never inflate, while those of
a stored encoding reach the decoder (the target makes the checksum and each
function's hash right again: cache_seal_buffer()).

    lkc-stored.py ENTRY OUT
"""
import struct
import sys
import zlib


def main():
    src, out = sys.argv[1:]
    d = open(src, "rb").read()
    if d[:4] != b"LKC3":
        return 1
    at = 8

    def i64():
        nonlocal at
        v = struct.unpack_from("=q", d, at)[0]
        at += 8
        return v

    def skip_str():
        nonlocal at
        n = i64()
        at += max(n, 0)

    i64()                                   # key
    for _ in range(i64()):                  # dependencies
        skip_str()
        i64(), i64(), i64()
    res = bytearray(d[:at])
    nfns = i64()
    res += struct.pack("=q", nfns)
    for _ in range(nfns):
        start = at
        skip_str(), skip_str(), skip_str()  # key, unit, file
        i64(), i64(), i64()                 # line, column, header
        ncall, nva = i64(), i64()
        for _ in range(ncall + nva):
            skip_str()
        i64()                               # hash (the target makes it right)
        stored, length, zlen = i64(), i64(), i64()
        z = d[at:at + zlen]
        at += zlen
        raw = z if stored else zlib.decompress(z)
        res += d[start:at - zlen - 24]
        res += struct.pack("=qqq", 1, length, len(raw)) + raw
    if at != len(d):
        return 1
    res[4:8] = struct.pack("=I", zlib.crc32(bytes(res[8:])) & 0xFFFFFFFF)
    open(out, "wb").write(res)
    return 0


if __name__ == "__main__":
    sys.exit(main())
