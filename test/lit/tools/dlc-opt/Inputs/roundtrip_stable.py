#!/usr/bin/env python3
"""Round-trip stability of dlc-opt's printer: for every valid .mlir file under the given roots,
`OPT FILE | OPT -` must print exactly what `OPT FILE` prints.

Which files are checked (the convention is in test/lit/README.md):
  * every *.mlir under the roots, Inputs/ folders included;
  * skipped: expected-error files, i.e. files whose FIRST `RUN:` line starts with `not ` (the
    verifier and parser tests), files marked `XFAIL:` (known bugs), and files carrying a
    `STABILITY: skip` line (for inputs that are not one valid module, e.g. split-file tests).
A file that is not skipped must be accepted by OPT; if it is not, that is reported as a failure too,
so a new expected-error test cannot be silently ignored: give it a `not` first RUN line.

Exit status 0 when every checked file is stable, 1 otherwise; a summary line is printed last."""
import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys

RUN_RE = re.compile(r"^\s*(?://|#|;)\s*RUN:\s*(.*)$")


def classify(text):
    """Returns a reason to skip the file, or None to check it."""
    runs = [m.group(1) for m in map(RUN_RE.match, text.splitlines()) if m]
    if runs and runs[0].lstrip().startswith("not "):
        return "expected error"
    if re.search(r"^\s*(?://|#|;)\s*XFAIL:", text, re.M):
        return "xfail"
    if re.search(r"^\s*(?://|#|;)\s*STABILITY:\s*skip", text, re.M):
        return "marked"
    return None


def run(cmd, stdin_text=None):
    return subprocess.run(cmd, input=stdin_text, capture_output=True, text=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--opt", default="dlc-opt", help="the tool to run (a command line; default dlc-opt)")
    ap.add_argument("--min", type=int, default=1, help="fail if fewer files than this were checked")
    ap.add_argument("roots", nargs="+")
    args = ap.parse_args()
    opt = shlex.split(args.opt)

    files = []
    for root in args.roots:
        if os.path.isfile(root):
            files.append(root)
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d != "Output")
            files += [os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".mlir")]

    checked, skipped, bad = 0, {}, []
    for path in files:
        with open(path, encoding="utf-8") as f:
            reason = classify(f.read())
        if reason:
            skipped[reason] = skipped.get(reason, 0) + 1
            continue
        checked += 1
        first = run(opt + [path])
        if first.returncode != 0:
            bad.append(f"{path}: not an expected-error file, but `{args.opt} FILE` failed:\n{first.stderr}")
            continue
        second = run(opt + ["-"], first.stdout)
        if second.returncode != 0:
            bad.append(f"{path}: the printed output does not parse again:\n{second.stderr}")
            continue
        if second.stdout != first.stdout:
            diff = "".join(difflib.unified_diff(first.stdout.splitlines(True), second.stdout.splitlines(True),
                                                f"{path} (printed once)", f"{path} (printed twice)"))
            bad.append(f"{path}: printing is not stable:\n{diff}")

    for message in bad:
        print("UNSTABLE: " + message)
    skips = ", ".join(f"{n} {r}" for r, n in sorted(skipped.items())) or "none"
    print(f"checked {checked} files, skipped {sum(skipped.values())} ({skips}), {len(bad)} unstable")
    if checked < args.min:
        print(f"error: only {checked} files checked, expected at least {args.min}")
        return 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
