#!/usr/bin/env python3
"""Compares two .npy files for the lit tests: same shape and dtype, and every element within
|got - want| <= atol + rtol * |want| (numpy.allclose, NaNs equal). Prints the worst error either way;
exits 1 on a mismatch."""
import argparse
import sys

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("got")
parser.add_argument("want")
parser.add_argument("--rtol", type=float, default=1e-4)
parser.add_argument("--atol", type=float, default=1e-5)
args = parser.parse_args()

got, want = np.load(args.got), np.load(args.want)
if got.shape != want.shape or got.dtype != want.dtype:
    print(f"allclose: FAIL: got {got.dtype}{list(got.shape)}, want {want.dtype}{list(want.shape)}")
    sys.exit(1)
g, w = np.atleast_1d(got).astype(np.float64), np.atleast_1d(want).astype(np.float64)
err = np.abs(g - w)
err[np.isnan(g) & np.isnan(w)] = 0
worst = float(np.nanmax(err)) if err.size else 0.0
ok = bool(np.allclose(g, w, rtol=args.rtol, atol=args.atol, equal_nan=True))
print(f"allclose: {'ok' if ok else 'FAIL'}: max abs error {worst:.3e} over {got.size} elements "
      f"(rtol {args.rtol}, atol {args.atol})")
sys.exit(0 if ok else 1)
