#!/usr/bin/env python3
"""Every op of the dialect (irdl.operation in dialect/dlc.irdl.mlir) must appear in a CHECK line of
some Dialect/roundtrip_*.mlir test, printed in the generic form ("dlc.NAME"(...)).
Usage: check_op_coverage.py DLC_IRDL_FILE ROUNDTRIP_DIR"""
import glob
import os
import re
import sys

ops = re.findall(r"^\s*irdl\.operation @(\w+)", open(sys.argv[1]).read(), re.M)
checked = set()
for path in glob.glob(os.path.join(sys.argv[2], "roundtrip_*.mlir")):
    for line in open(path):
        if re.match(r"\s*//\s*CHECK[-A-Z]*:", line):
            checked.update(re.findall(r'"dlc\.(\w+)"\(', line))
missing = [op for op in ops if op not in checked]
print(f"{len(ops)} ops in the dialect, {len(ops) - len(missing)} round-tripped")
for op in missing:
    print(f"missing: dlc.{op}")
sys.exit(1 if missing or not ops else 0)
