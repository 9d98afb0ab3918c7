#!/usr/bin/env python3
"""Reads `dlc-opt --help` text, then runs `dlc-opt INPUT --FLAG` for every DLC pass and named
pipeline it lists; prints one line per flag. Exits 1 if any listed flag is rejected."""
import re
import subprocess
import sys

help_text = open(sys.argv[1]).read()
source = sys.argv[2]
section = help_text.split("DLC passes:", 1)[1]
passes = re.findall(r"^\s+--([a-z0-9-]+)\s", section, re.M)
pipelines = re.findall(r"^\s+--dlc-pipeline=([a-z0-9-]+)\s", help_text, re.M)
failed = False
print(f"DLC passes listed: {len(passes)}")
for flag in passes:
    r = subprocess.run(["dlc-opt", source, "--" + flag], capture_output=True, text=True)
    failed |= r.returncode != 0
    print(("ok" if r.returncode == 0 else "FAILED") + " --" + flag + ("" if r.returncode == 0 else ": " + r.stderr))
print(f"pipelines listed: {len(pipelines)}")
for name in pipelines:
    r = subprocess.run(["dlc-opt", source, "--dlc-pipeline=" + name], capture_output=True, text=True)
    failed |= r.returncode != 0
    print(("ok" if r.returncode == 0 else "FAILED") + " --dlc-pipeline=" + name + ("" if r.returncode == 0 else ": " + r.stderr))
sys.exit(1 if failed else 0)
