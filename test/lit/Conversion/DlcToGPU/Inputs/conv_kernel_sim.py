"""Runs the implicit-GEMM convolution kernels dlc-lower-to-gpu makes (emit_conv_kernel.c) for
Inputs/conv_kernel_cases.mlir on the lockstep SIMT model of gpu_kernel_sim.py (bounds in every dim,
reads of unwritten elements including shared memory, barriers reached by the whole block, conflicting
stores, unwritten outputs) and compares them with numpy (1e-4). Each case must be exactly one launch
(none for an empty batch) and no GEMM call.

Usage: conv_kernel_sim.py LOWERED.mlir   (dlc-opt --dlc-lower-to-gpu --mlir-print-op-generic output)"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gemm_call_sim as gs  # noqa: E402
import gpu_kernel_sim as sim  # noqa: E402


class CountingMachine(gs.GemmMachine):
    def __init__(self, module):
        super().__init__(module)
        self.launches = 0

    def launch(self, op, a, outer):
        self.launches += 1
        return super().launch(op, a, outer)


rnd, conv = gs.rnd, gs.conv


def grouped(x, w, b, groups, strides, pads, dilations):
    """numpy reference of a grouped convolution: the groups' convolutions side by side."""
    cg, og = x.shape[1] // groups, w.shape[0] // groups
    y = np.concatenate([conv(x[:, g * cg:(g + 1) * cg], w[g * og:(g + 1) * og], None, strides, pads, dilations)
                        for g in range(groups)], axis=1)
    return y + (b.reshape(1, -1, 1, 1) if b is not None else 0)


CX, CW, CB = rnd(2, 3, 9, 9), rnd(4, 3, 3, 3, seed=9), rnd(4, seed=10)
DX, DW = rnd(1, 2, 7, 8), rnd(3, 2, 2, 3, seed=11)
YX, YW, YB = rnd(1, 1, 11, 10), rnd(2, 1, 3, 3, seed=12), rnd(2, seed=13)
BX, BW, BB = rnd(3, 3, 6, 6, seed=21), rnd(5, 3, 3, 3, seed=22), rnd(5, seed=23)
RX, RW, RB, RR = rnd(1, 4, 6, 6, seed=17), rnd(4, 4, 3, 3, seed=18), rnd(4, seed=19), rnd(1, 4, 6, 6, seed=20)
TX, TW, TB = rnd(2, 5, 8, 8, seed=24), rnd(40, 5, 3, 3, seed=25), rnd(40, seed=26)
NX, NW, NB = rnd(2, 16, 16, 16, seed=27), rnd(16, 16, 3, 3, seed=28), rnd(16, seed=29)
GX, GW, GB, GR = rnd(2, 8, 5, 7, seed=30), rnd(8, 8, 3, 3, seed=31), rnd(8, seed=32), rnd(2, 8, 5, 7, seed=33)
WX, WW, WB = rnd(2, 6, 9, 8, seed=34), rnd(6, 1, 3, 3, seed=35), rnd(6, seed=36)
QX, QW, QR = rnd(1, 4, 7, 7, seed=37), rnd(6, 2, 2, 2, seed=38), rnd(1, 6, 5, 6, seed=39)
CASES = {
    "conv_bias_relu": ([CX, CW, CB], lambda: np.maximum(conv(CX, CW, CB, (2, 2), (1, 1, 1, 1), (1, 1)), 0)),
    "conv_dilated": ([DX, DW], lambda: conv(DX, DW, None, (1, 2), (1, 0, 2, 1), (2, 1))),
    "conv_dynamic_h": ([YX, YW, YB], lambda: conv(YX, YW, YB, (2, 2), (0, 0, 0, 0), (1, 1))),
    "conv_dynamic_batch": ([BX, BW, BB], lambda: np.maximum(conv(BX, BW, BB, (1, 1), (1, 1, 1, 1), (1, 1)), 0)),
    "conv_residual_relu": ([RX, RW, RB, RR],
                           lambda: np.maximum(RR + conv(RX, RW, RB, (1, 1), (1, 1, 1, 1), (1, 1)), 0)),
    "conv_tiles": ([TX, TW, TB], lambda: conv(TX, TW, TB, (1, 1), (1, 0, 0, 1), (1, 1))),
    "conv_group_residual": ([GX, GW, GB, GR],
                            lambda: np.maximum(GR + conv(GX, GW, GB, (1, 1), (1, 1, 1, 1), (1, 1)), 0)),
    "conv_depthwise": ([WX, WW, WB], lambda: np.maximum(grouped(WX, WW, WB, 6, (2, 2), (1, 1, 1, 0), (1, 1)), 0)),
    "conv_grouped_residual": ([QX, QW, QR], lambda: QR + grouped(QX, QW, None, 2, (1, 1), (0, 1, 0, 0), (2, 2))),
    "conv_empty": ([np.zeros((0, 3, 6, 6), np.float32), BW], lambda: np.zeros((0, 5, 6, 6))),
    "depthwise_empty": ([np.zeros((0, 3, 6, 6), np.float32), rnd(3, 1, 3, 3, seed=40)], lambda: np.zeros((0, 3, 6, 6))),
    "conv_resnet": ([NX, NW, NB], lambda: np.maximum(conv(NX, NW, NB, (1, 1), (1, 1, 1, 1), (1, 1)), 0)),
}


def main():
    m = CountingMachine(sim.parse(open(sys.argv[1]).read()))
    bad = 0
    for name, (inputs, ref) in CASES.items():
        try:
            gemms, launches = m.gemms, m.launches
            outs = m.call(name, [sim.Buf(x.shape, "f32", x) for x in inputs])
            expect = 0 if inputs[0].size == 0 else 1  # an empty batch: no launch of 0 blocks
            if m.gemms != gemms or m.launches != launches + expect:
                raise sim.Fail("%d launches and %d GEMM calls, expected %d and 0" % (
                    m.launches - launches, m.gemms - gemms, expect))
            sim.check_output(outs[0], ref(), 1e-4)
            print("ok", name)
        except sim.Fail as e:
            bad += 1
            print("FAIL", name + ":", e)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
