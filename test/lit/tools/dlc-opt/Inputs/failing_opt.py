#!/usr/bin/env python3
"""A stand-in for dlc-opt that prints its input once, but rejects what it printed (input from stdin)."""
import sys

if sys.argv[1] == "-":
    sys.stderr.write("error: cannot parse my own output\n")
    sys.exit(1)
sys.stdout.write(open(sys.argv[1]).read())
