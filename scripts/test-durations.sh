#!/usr/bin/env bash
# The slowest test classes of the last scripts/test.sh run, from the .trx files it keeps in artifacts/test-results.
#
#   bash scripts/test-durations.sh [N]     (default: the 15 slowest classes)
#
# A class's time is the sum of its tests' durations; classes of one assembly run two at a time on 2 cores, so the
# sums say where the work is, not the wall clock.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shopt -s nullglob
files=("$repo"/artifacts/test-results/*.trx)
if [[ ${#files[@]} -eq 0 ]]; then
    echo "test-durations.sh: no .trx files in $repo/artifacts/test-results (run scripts/test.sh first)" >&2
    exit 1
fi
python3 - "${N:-${1:-15}}" "${files[@]}" <<'PY'
import sys, collections, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
def seconds(d):
    h, m, s = d.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)
total = collections.Counter(); count = collections.Counter()
for path in sys.argv[2:]:
    root = ET.parse(path).getroot()
    classes = {d.get("id"): d.find("t:TestMethod", ns).get("className") for d in root.iterfind(".//t:UnitTest", ns)}
    for r in root.iterfind(".//t:UnitTestResult", ns):
        name = classes.get(r.get("testId"), "?")
        total[name] += seconds(r.get("duration", "0:0:0"))
        count[name] += 1
for name, s in total.most_common(int(sys.argv[1])):
    print(f"{s:8.1f} s  {count[name]:4d} tests  {name}")
PY
