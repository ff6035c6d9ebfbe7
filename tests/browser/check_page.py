#!/usr/bin/env python3
"""Renders a page in headless Chromium and checks what a reader sees.

Usage: check_page.py WORK_DIR NAME --expect TEXT [--expect TEXT ...] -- COMMAND [ARG ...]
Writes the page by running COMMAND with the page's path appended (WORK_DIR/NAME.html), dumps its
DOM (--dump-dom) and checks each expected text is in it, takes a screenshot and checks the PNG
is not blank (more than one colour, some dark pixels), decoding it with zlib and struct only.
Exits 77 (skipped) when no chromium is installed, unless CRM_REQUIRE_BROWSER is ON."""
import argparse
import os
import shutil
import struct
import subprocess
import sys
import zlib


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def pixels(png):
    """(width, height, rows of RGB(A) bytes) of an 8-bit RGB or RGBA PNG, unfiltered."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        data = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", data[:10])
            assert depth == 8 and colour in (2, 6), f"PNG depth {depth} colour type {colour}"
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def main():
    argv = sys.argv[1:]
    if "--" not in argv or argv.index("--") == len(argv) - 1:
        sys.exit("check_page.py: no command writes the page (give it after --)")
    split = argv.index("--")
    parser = argparse.ArgumentParser()
    parser.add_argument("work")
    parser.add_argument("name")
    parser.add_argument("--expect", action="append", required=True)
    args = parser.parse_args(argv[:split])
    command = argv[split + 1:]
    work = args.work
    browser = chromium()
    if not browser:
        if os.environ.get("CRM_REQUIRE_BROWSER", "").upper() in ("ON", "1", "TRUE", "YES"):
            sys.exit("chromium is required (CRM_REQUIRE_BROWSER) but not installed")
        print("chromium is not installed: skipped")
        sys.exit(77)
    os.makedirs(work, exist_ok=True)
    page = os.path.join(work, args.name + ".html")
    shot = os.path.join(work, args.name + ".png")
    subprocess.run(command + [page], check=True)
    flags = [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             f"--user-data-dir={os.path.join(work, args.name + '-profile')}"]
    dom = subprocess.run(flags + ["--dump-dom", "file://" + page], check=True, capture_output=True,
                         text=True, timeout=120).stdout
    for text in args.expect:
        if text not in dom:
            sys.exit(f"the page's DOM lacks {text!r}")
    if os.path.exists(shot):
        os.remove(shot)
    subprocess.run(flags + [f"--screenshot={shot}", "--window-size=1200,2000", "file://" + page], check=True,
                   capture_output=True, timeout=120)
    with open(shot, "rb") as f:
        width, height, bpp, rows = pixels(f.read())
    colours, dark = set(), 0
    for row in rows[::4]:
        for x in range(0, width * bpp, bpp * 4):
            rgb = row[x:x + 3]
            colours.add(rgb)
            if sum(rgb) < 200:
                dark += 1
    print(f"screenshot {width}x{height}: {len(colours)} colours, {dark} dark samples")
    if len(colours) < 2 or dark == 0:
        sys.exit("the screenshot is blank")


main()
