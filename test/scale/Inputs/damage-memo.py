"""damage-memo.py CACHE_DIR: change one byte in the middle of every memo file."""
import glob, sys

for path in glob.glob(sys.argv[1] + "/*.lkm"):
    data = bytearray(open(path, "rb").read())
    data[len(data) // 2] ^= 0x20
    open(path, "wb").write(bytes(data))
