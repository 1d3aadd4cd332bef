#!/usr/bin/env python3
"""Sums the counters of every TRX file under a folder: prints 'N passed, N failed' on stdout, the skipped count on stderr."""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
passed = failed = skipped = 0
files = sorted(pathlib.Path(sys.argv[1]).rglob("*.trx"))
for trx in files:
    counters = ET.parse(trx).getroot().find(f"{NS}ResultSummary/{NS}Counters")
    if counters is None:
        continue
    a = {k: int(v) for k, v in counters.attrib.items() if v.isdigit()}
    passed += a.get("passed", 0)
    failed += a.get("failed", 0) + a.get("error", 0) + a.get("timeout", 0) + a.get("aborted", 0)
    skipped += a.get("notExecuted", 0)
if not files:
    print("no TRX files found", file=sys.stderr)
    failed = max(failed, 1)
print(f"{skipped} skipped (each with its reason in the TRX files)", file=sys.stderr)
print(f"{passed} passed, {failed} failed")
