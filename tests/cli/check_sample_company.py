#!/usr/bin/env python3
"""Checks the committed sample company (examples/data/sample-company) against its generator.

Usage: check_sample_company.py SOURCE_DIR WORK_DIR [CRM]
- runs tools/sample_company.py into WORK_DIR and compares both files with the committed ones,
  byte for byte: the committed data is what the generator writes;
- with CRM, routes every approval record's request with `crm route --format json` and checks the
  fingerprint: the generator's own SHA-256 (approval-request/v1) must be the library's. The
  record of SP2611-009 signed the request before its content was edited, so its fingerprint is
  that of the old content, and the report must not count it;
- with CRM, writes the report's HTML page and checks it holds the heading, the regions, an
  account over its cap, its charts, and nothing from outside (no script, no src=, no http).
Exit 0 when all hold, 1 otherwise."""
import json
import pathlib
import subprocess
import sys

source, work = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
crm = sys.argv[3] if len(sys.argv) > 3 else None
committed = source / "examples" / "data" / "sample-company"
failed = 0

subprocess.run([sys.executable, str(source / "tools" / "sample_company.py"), "--out", str(work)], check=True)
for name in ("policy.json", "month.json"):
    same = (work / name).read_bytes() == (committed / name).read_bytes()
    failed += not same
    print(f"{'ok  ' if same else 'FAIL'} {name}: the generator writes the committed bytes"
          + ("" if same else f" (compare {work / name} with {committed / name}; rerun tools/sample_company.py)"))

if crm:
    month = json.loads((committed / "month.json").read_text("utf-8"))
    stale = {"SP2611-009"}  # approved before its content changed
    for pending in month["approvals"]:
        request = pending["request"]
        route = {"request": request, "people": month["people"], "as_of": pending["submitted"]}
        path = work / f"route-{request['id']}.json"
        path.write_text(json.dumps(route, ensure_ascii=False, indent=1), encoding="utf-8")
        run = subprocess.run([crm, "route", "--policy", str(committed / "policy.json"), "--request", str(path),
                              "--format", "json"], capture_output=True, text=True)
        if run.returncode not in (0, 3):
            print(f"FAIL crm route {request['id']}: exit {run.returncode}\n{run.stderr}")
            failed += 1
            continue
        expected = json.loads(run.stdout)["fingerprint"]
        for record in pending["approvals"]:
            want = request["id"] not in stale
            ok = (record["fingerprint"] == expected) == want
            failed += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {request['id']} approved by {record['approver']}: the fingerprint"
                  f" {'is' if want else 'is not'} the request's ({expected})")
    # the HTML page demo.sh writes: self-contained, with the heading, the regions and the charts
    page = work / "sample-company-report.html"
    run = subprocess.run([crm, "report", "monthly", "--policy", str(committed / "policy.json"), "--facts",
                          str(committed / "month.json"), "--format", "html", "-o", str(page)], capture_output=True,
                         text=True)
    html = page.read_text("utf-8") if run.returncode == 0 and page.exists() else ""
    for text in ("2026年11月大客户月报", "华东区", "华北区", "华南区", "N04", "<svg"):
        ok = text in html
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} the HTML page has {text!r}" + ("" if html else f" ({run.stderr})"))
    for text in ("<script", "src=", "http"):
        ok = bool(html) and text not in html
        failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} the HTML page has no {text!r}")
sys.exit(1 if failed else 0)
