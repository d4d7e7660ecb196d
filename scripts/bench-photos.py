#!/usr/bin/env python3
"""Puts phone photos into a generated corpus, for the image bench case of
scripts/bench.sh: COUNT JPEGs of 4000 x 3000 pixels (a gradient with noise,
made with the vips command line tool) with EXIF as a phone writes it
(device, GPS position), each with its own position so that every file is
different, shown as `bild` on the first COUNT profiles.

    bench-photos.py CONTENT_FOLDER COUNT
"""
import os
import struct
import subprocess
import sys
import tempfile


def ifd(entries, start):
    """One little-endian TIFF IFD at `start` with its out-of-line values."""
    head = struct.pack("<H", len(entries))
    data = b""
    data_start = start + 2 + 12 * len(entries) + 4
    for tag, typ, count, value in sorted(entries):
        head += struct.pack("<HHI", tag, typ, count)
        if len(value) <= 4:
            head += value.ljust(4, b"\0")
        else:
            head += struct.pack("<I", data_start + len(data))
            data += value + (b"\0" if len(value) % 2 else b"")
    return head + struct.pack("<I", 0) + data


def exif(seconds):
    make, model = b"Testtelefon\0", b"Kamera 12\0"
    rational = lambda *pairs: b"".join(struct.pack("<II", a, b) for a, b in pairs)

    def ifd0(gps_at):
        return ifd([(0x010F, 2, len(make), make), (0x0110, 2, len(model), model), (0x8825, 4, 1, struct.pack("<I", gps_at))], 8)

    gps_at = 8 + len(ifd0(0))
    gps = ifd([
        (0x0000, 1, 4, bytes([2, 2, 0, 0])),
        (0x0001, 2, 2, b"N\0"), (0x0002, 5, 3, rational((50, 1), (21, 1), (seconds, 100))),
        (0x0003, 2, 2, b"E\0"), (0x0004, 5, 3, rational((7, 1), (36, 1), (0, 1))),
    ], gps_at)
    tiff = b"II" + struct.pack("<HI", 42, 8) + ifd0(gps_at) + gps
    payload = b"Exif\0\0" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def base_photo(folder):
    """A 4000 x 3000 gradient with noise, as JPEG (quality 90)."""
    v = lambda name: os.path.join(folder, name + ".v")
    run = lambda *args: subprocess.run(["vips", *args], check=True)
    run("xyz", v("xyz"), "4000", "3000")
    run("extract_band", v("xyz"), v("x"), "0")
    run("extract_band", v("xyz"), v("y"), "1")
    run("gaussnoise", v("noise"), "4000", "3000", "--sigma", "12", "--mean", "0")
    run("linear", v("x"), v("r"), "0.05", "40")
    run("linear", v("y"), v("g"), "0.06", "30")
    run("linear", v("x"), v("b"), "--", "-0.04", "220")
    run("bandjoin", f"{v('r')} {v('g')} {v('b')}", v("rgb"))
    run("add", v("rgb"), v("noise"), v("noisy"))
    run("cast", v("noisy"), v("u"), "uchar")
    run("copy", v("u"), v("s"), "--interpretation", "srgb")
    out = os.path.join(folder, "base.jpg")
    run("jpegsave", v("s"), out, "--Q", "90", "--strip")
    return open(out, "rb").read()


def main():
    content, count = sys.argv[1], int(sys.argv[2])
    with tempfile.TemporaryDirectory() as folder:
        base = base_photo(folder)
    media = os.path.join(content, "medien")
    os.makedirs(media, exist_ok=True)
    profiles = sorted(f for f in os.listdir(os.path.join(content, "kommunen")) if f.endswith(".md"))[:count]
    for i, name in enumerate(profiles):
        photo = f"foto-{i:03d}.jpg"
        # After SOI: the EXIF segment, as cameras write it.
        with open(os.path.join(media, photo), "wb") as f:
            f.write(base[:2] + exif(i) + base[2:])
        path = os.path.join(content, "kommunen", name)
        text = open(path, encoding="utf-8").read()
        assert text.startswith("---\n"), path
        bild = f"---\nbild:\n  datei: {photo}\n  alt: Foto des Rathauses\n  credit: Testfoto\n"
        open(path, "w", encoding="utf-8").write(bild + text[4:])
    print(f"{len(profiles)} photos of {len(base) / 1e6:.1f} MB")


main()
