#!/usr/bin/env python3
"""A stand-in for dlc-opt whose output changes every time it is fed back: it echoes its input
(a file or '-' for stdin) with one more '// printed' line on top. roundtrip_stable.test runs the
checker with it to show that the checker does fail on unstable output."""
import sys

path = sys.argv[1]
text = sys.stdin.read() if path == "-" else open(path).read()
sys.stdout.write("// printed\n" + text)
