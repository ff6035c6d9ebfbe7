#!/usr/bin/env python3
"""Renders the report page in headless Chromium and checks what a reader sees.

Usage: check_page.py RENDER_PROGRAM WORK_DIR. Writes the page with RENDER_PROGRAM, dumps its DOM
(--dump-dom) and checks the headings and figures are in it, takes a screenshot and checks the PNG
is not blank (more than one colour, some dark pixels), decoding it with zlib and struct only.
Exits 77 (skipped) when no chromium is installed, unless CRM_REQUIRE_BROWSER is ON."""
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
    program, work = sys.argv[1], sys.argv[2]
    browser = chromium()
    if not browser:
        if os.environ.get("CRM_REQUIRE_BROWSER", "").upper() in ("ON", "1", "TRUE", "YES"):
            sys.exit("chromium is required (CRM_REQUIRE_BROWSER) but not installed")
        print("chromium is not installed: skipped")
        sys.exit(77)
    os.makedirs(work, exist_ok=True)
    page = os.path.join(work, "report.html")
    shot = os.path.join(work, "report.png")
    subprocess.run([program, page], check=True)
    flags = [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             f"--user-data-dir={os.path.join(work, 'profile')}"]
    dom = subprocess.run(flags + ["--dump-dom", "file://" + page], check=True, capture_output=True,
                         text=True, timeout=120).stdout
    for text in ("2026年6月大客户月报（截至 2026-06-15）", "一、销售与回款计划完成情况", "二、应收账款及账龄",
                 "三、应收账款周转天数与控制规模", "八、考核评分", "十一、问题与亮点", "华东区",
                 "CNY 110,000.00", "<svg"):
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
