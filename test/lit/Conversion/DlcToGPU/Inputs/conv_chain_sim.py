"""Runs the conv-chain kernels (emit_conv_chain_kernel.c) made for Inputs/conv_chain_cases.mlir on the
lockstep SIMT model of gpu_kernel_sim.py (bounds in every dim, reads of unwritten elements including
shared memory, barriers reached by the whole block, conflicting stores, unwritten outputs) and compares
them with numpy (1e-4): two convolutions with their epilogues, the intermediate zero-padded for B.
Each case must be exactly one launch and no GEMM call.

Usage: conv_chain_sim.py LOWERED.mlir   (dlc-opt --dlc-fuse-conv-chain --dlc-lower-to-gpu --mlir-print-op-generic output)"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import conv_kernel_sim as cks  # noqa: E402
import gemm_call_sim as gs  # noqa: E402
import gpu_kernel_sim as sim  # noqa: E402

rnd, conv = gs.rnd, gs.conv
P1, S1 = (1, 1, 1, 1), (1, 1)
P0 = (0, 0, 0, 0)


def relu(x):
    return np.maximum(x, 0)


RX, RWA, RBA, RWB, RBB = rnd(2, 4, 7, 9), rnd(5, 4, 3, 3, seed=1), rnd(5, seed=2), rnd(4, 5, 3, 3, seed=3), rnd(4, seed=4)
PX, PWA, PWB, PR, PS = rnd(2, 3, 9, 6, seed=5), rnd(6, 3, 1, 1, seed=6), rnd(3, 6, 5, 5, seed=7), rnd(2, 3, 9, 6, seed=8), rnd(1, 3, 1, 1, seed=9)
VX, VWA, VWB = rnd(1, 2, 8, 8, seed=10), rnd(3, 2, 3, 3, seed=11), rnd(2, 3, 3, 3, seed=12)
OX, OWA, OK, OSH, OWB, OBB = (rnd(1, 3, 10, 11, seed=13), rnd(6, 3, 3, 3, seed=14), np.array(0.7, np.float32), rnd(6, 1, 1, seed=15),
                              rnd(2, 6, 2, 3, seed=16), rnd(2, seed=17))
AX, AWA, ABA, AWB, AR = rnd(2, 2, 7, 5, seed=18), rnd(4, 2, 3, 2, seed=19), rnd(4, seed=20), rnd(3, 4, 3, 3, seed=21), rnd(2, 3, 8, 6, seed=22)
NX, NWA, NBA, NWB, NBB = (rnd(2, 16, 16, 16, seed=23), rnd(16, 16, 3, 3, seed=24) / 4, rnd(16, seed=25), rnd(16, 16, 3, 3, seed=26) / 4,
                          rnd(16, seed=27))
CASES = {
    "chain_resnet": ([RX, RWA, RBA, RWB, RBB],
                     lambda: relu(RX + conv(relu(conv(RX, RWA, RBA, S1, P1, S1)), RWB, RBB, S1, P1, S1))),
    "chain_pointwise_5x5": ([PX, PWA, PWB, PR, PS],
                            lambda: relu((conv(1 / (1 + np.exp(-conv(PX, PWA, None, S1, P0, S1))), PWB, None, S1, (2, 2, 2, 2), S1)
                                          + PR) * PS)),
    "chain_valid": ([VX, VWA, VWB], lambda: conv(conv(VX, VWA, None, S1, P0, S1), VWB, None, S1, P0, S1)),
    "tile_odd": ([OX, OWA, OK, OSH, OWB, OBB],
                 lambda: conv(np.tanh(OSH + conv(OX, OWA, None, S1, P1, S1) * OK), OWB, OBB, S1, (0, 1, 1, 1), S1)),
    "tile_asym": ([AX, AWA, ABA, AWB, AR],
                  lambda: relu(conv(relu(conv(AX, AWA, ABA, S1, (2, 0, 0, 1), S1)), AWB, None, S1, (1, 1, 2, 2), S1) + AR)),
    "chain_resnet16": ([NX, NWA, NBA, NWB, NBB],
                       lambda: relu(NX + conv(relu(conv(NX, NWA, NBA, S1, P1, S1)), NWB, NBB, S1, P1, S1))),
}


def main():
    m = cks.CountingMachine(sim.parse(open(sys.argv[1]).read()))
    bad = 0
    for name, (inputs, ref) in CASES.items():
        try:
            gemms, launches = m.gemms, m.launches
            outs = m.call(name, [sim.Buf(x.shape, "f32", x) for x in inputs])
            if m.gemms != gemms or m.launches != launches + 1:
                raise sim.Fail("%d launches and %d GEMM calls, expected 1 and 0" % (m.launches - launches, m.gemms - gemms))
            sim.check_output(outs[0], ref(), 1e-4)
            print("ok", name)
        except sim.Fail as e:
            bad += 1
            print("FAIL", name + ":", e)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
