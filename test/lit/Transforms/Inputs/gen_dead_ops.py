#!/usr/bin/env python3
"""Prints a module with N independent dead dlc ops and a dead chain of N dlc ops, plus one live op.

Used by dce_many.test: --dlc-dce collects dead ops in a bounded array per round, so more dead ops than
fit in one round must still all be removed."""
import sys

n = int(sys.argv[1])
print("func.func @many(%x: tensor<4xf32>) -> tensor<4xf32> {")
for i in range(n):
    print(f'  %i{i} = "dlc.exp"(%x) : (tensor<4xf32>) -> tensor<4xf32>')
prev = "%x"
for i in range(n):
    print(f'  %c{i} = "dlc.neg"({prev}) : (tensor<4xf32>) -> tensor<4xf32>')
    prev = f"%c{i}"
print('  %live = "dlc.relu"(%x) : (tensor<4xf32>) -> tensor<4xf32>')
print("  return %live : tensor<4xf32>")
print("}")
