#!/usr/bin/env python3
"""Regenerates the small reference .npy fixtures read by test/unit/test_npy.c.

Run from anywhere with a python3 that has numpy (e.g. /usr/bin/python3 make_npy_fixtures.py); the
files are written next to this script. The expected values are hard-coded in test_npy.c too.
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def save(name, array, version=None):
    path = os.path.join(HERE, name)
    with open(path, "wb") as f:
        np.lib.format.write_array(f, array, version=version, allow_pickle=False)


def main():
    save("f32_2x3.npy", np.array([[1.5, -2.0, 3.0], [4.0, 5.0, 6.25]], dtype=np.float32))
    save("f64_2x1x1_v2.npy", np.array([[[0.25]], [[-1e300]]], dtype=np.float64), version=(2, 0))
    save("f16_scalar.npy", np.array(-0.5, dtype=np.float16))
    save("i64_5.npy", np.array([0, -1, 2**40, -(2**63), 2**63 - 1], dtype=np.int64))
    save("i32_3.npy", np.array([-(2**31), 0, 2**31 - 1], dtype=np.int32))
    save("i16_2x2.npy", np.array([[-32768, 1], [2, 32767]], dtype=np.int16))
    save("i8_0x3.npy", np.zeros((0, 3), dtype=np.int8))
    save("u8_2x2.npy", np.array([[0, 255], [7, 128]], dtype=np.uint8))
    save("bool_4.npy", np.array([True, False, False, True]))
    # Rejected by the reader:
    save("f32_fortran.npy", np.asfortranarray(np.arange(6, dtype=np.float32).reshape(2, 3)))
    save("f32_big_endian.npy", np.arange(3, dtype=">f4"))


if __name__ == "__main__":
    main()
