"""edit-bundle.py BUNDLE flip|version|mutate [LEAKCHECK]: damage a bundle in place."""
import gzip, os, struct, subprocess, sys, zlib

path, what = sys.argv[1], sys.argv[2]
data = bytearray(gzip.open(path).read())


def seal(d):
    d[4:8] = struct.pack("<I", zlib.crc32(bytes(d[8:])))


def write(d, p):
    with gzip.open(p, "wb") as f:
        f.write(bytes(d))


if what == "flip":
    data[len(data) // 2] ^= 0x40
    write(data, path)
elif what == "version":
    n = struct.unpack_from("<q", data, 16)[0]
    data[16:24 + n] = struct.pack("<q", 5) + b"9.9.9"
    seal(data)
    write(data, path)
elif what == "mutate":
    leakcheck = sys.argv[3]
    d = os.path.dirname(path)
    good = bytes(data)
    step = max(1, (len(good) - 8) // 150)
    n = 0
    for i in range(8, len(good), step):
        m = bytearray(good)
        m[i] ^= 0xff
        seal(m)
        write(m, path)
        r = subprocess.run([leakcheck, "--from-ir", d], stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE)
        if r.returncode not in (0, 1, 2) or b"Sanitizer" in r.stderr or b"runtime error" in r.stderr:
            print("byte %d: exit %d\n%s" % (i, r.returncode, r.stderr.decode()))
            sys.exit(1)
        n += 1
    write(bytearray(good), path)
    print("mutated %d bytes: no crash" % n)
