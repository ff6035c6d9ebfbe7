#!/usr/bin/env python3
"""Checks a workbook written by crm::io: it is a zip with the sheets named in order, and a cell
of a sheet holds a value. Usage: check_xlsx.py FILE SHEET1,SHEET2,... SHEET_INDEX CELL VALUE.
Exit 0 when it holds, 1 (with the reason) when not. Standard library only."""
import re
import sys
import zipfile

path, sheets, index, cell, value = sys.argv[1:6]
with zipfile.ZipFile(path) as z:
    book = z.read("xl/workbook.xml").decode("utf-8")
    names = re.findall(r'<sheet name="([^"]*)"', book)
    if names != sheets.split(","):
        sys.exit(f"sheets {names} are not {sheets.split(',')}")
    sheet = z.read(f"xl/worksheets/sheet{index}.xml").decode("utf-8")
    m = re.search(r'<c r="' + cell + r'"[^>]*><v>([^<]*)</v>', sheet)
    if not m:
        sys.exit(f"no value in {cell} of sheet {index}")
    if m.group(1) != value:
        sys.exit(f"{cell} of sheet {index} is {m.group(1)}, not {value}")
print("ok")
