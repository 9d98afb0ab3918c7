// --dlc-assign-parallelism: threads, ilp and tile chosen by the cost model for fixed shapes, pinned
// here for the H100 (default) and the A100, and with a target file.
//  - tiny (64 elements): 32 threads, so the grid has more than one block;
//  - mid (65536): 256 threads, ilp 1 on the H100 (ilp 2 would leave SMs idle); on the A100 (108 SMs,
//    less bandwidth x latency to cover) ilp 2;
//  - large (16M elements, one input): ilp 2 to put enough bytes in flight per SM;
//  - heavy (28 ops, ~128 registers per thread: one 256-thread block per SM): ilp 8 instead of threads;
//  - rows of 64: 4 rows per 256-thread block; rows of 8192: 1024 threads x ilp 8 per row.
// RUN: dlc-opt %s --dlc-fuse-stitch --dlc-fuse-elementwise --dlc-assign-parallelism | FileCheck %s --check-prefixes=CHECK,H100
// RUN: dlc-opt %s --target=h100 --dlc-fuse-stitch --dlc-fuse-elementwise --dlc-assign-parallelism | FileCheck %s --check-prefixes=CHECK,H100
// RUN: dlc-opt %s --target=a100 --dlc-fuse-stitch --dlc-fuse-elementwise --dlc-assign-parallelism | FileCheck %s --check-prefixes=CHECK,A100
// RUN: dlc-opt %s --dlc-fuse-stitch --dlc-fuse-elementwise --dlc-assign-parallelism --dlc-explain 2>&1 >/dev/null | FileCheck %s --check-prefix=EXPLAIN
// RUN: dlc-opt %s --target=%S/Inputs/small_gpu.target --dlc-fuse-stitch --dlc-explain 2>&1 >/dev/null | FileCheck %s --check-prefix=SMALL
// RUN: dlc-opt %s --fixed-parallelism --dlc-fuse-stitch --dlc-fuse-elementwise --dlc-assign-parallelism | FileCheck %s --check-prefix=FIXED
// RUN: not dlc-opt %s --target=%S/Inputs/bad_key.target --dlc-fuse-stitch 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not dlc-opt %s --target=no_such_gpu --dlc-fuse-stitch 2>&1 | FileCheck %s --check-prefix=MISSING

// CHECK-LABEL: func.func private @tiny_loop_0(
// CHECK-SAME: dlc.fusion = {ilp = 1 : i64, kind = "loop", threads = 32 : i64, tile = array<i64: 32>}
// CHECK-LABEL: func.func private @mid_loop_0(
// H100-SAME: dlc.fusion = {ilp = 1 : i64, kind = "loop", threads = 256 : i64, tile = array<i64: 256>}
// A100-SAME: dlc.fusion = {ilp = 2 : i64, kind = "loop", threads = 256 : i64, tile = array<i64: 512>}
// CHECK-LABEL: func.func private @large_loop_0(
// CHECK-SAME: dlc.fusion = {ilp = 2 : i64, kind = "loop", threads = 256 : i64, tile = array<i64: 512>}
// CHECK-LABEL: func.func private @heavy_loop_0(
// CHECK-SAME: dlc.fusion = {ilp = 8 : i64, kind = "loop", threads = 256 : i64, tile = array<i64: 2048>}
// CHECK-LABEL: func.func private @rows_small_stitch_0(
// CHECK-SAME: dlc.fusion = {ilp = 1 : i64, kind = "stitch", threads = 256 : i64, tile = array<i64: 4, 64>}
// CHECK-LABEL: func.func private @rows_long_stitch_0(
// CHECK-SAME: dlc.fusion = {ilp = 8 : i64, kind = "stitch", threads = 1024 : i64, tile = array<i64: 1, 8192>}
// --fixed-parallelism (the baseline adaptive ILP/TLP is measured against): 256 threads, ilp 1, everywhere.
// FIXED-LABEL: func.func private @tiny_loop_0(
// FIXED-SAME: dlc.fusion = {ilp = 1 : i64, kind = "loop", threads = 256 : i64, tile = array<i64: 256>}
// FIXED-LABEL: func.func private @heavy_loop_0(
// FIXED-SAME: dlc.fusion = {ilp = 1 : i64, kind = "loop", threads = 256 : i64, tile = array<i64: 256>}
// FIXED-LABEL: func.func private @rows_long_stitch_0(
// FIXED-SAME: dlc.fusion = {ilp = 1 : i64, kind = "stitch", threads = 256 : i64, tile = array<i64: 256>}
// EXPLAIN: assign-parallelism: @heavy_loop_0 (loop, 16777216 elements): threads=256 ilp=8 tile=[2048] blocks=8192, ~170 regs/thread, occupancy 12%
// EXPLAIN: summary: func=tiny ops=2 groups: loop=1 stitch=0 gemm_chain=0 other=0; expected kernels=1 library_calls=0
// SMALL: fuse-stitch: not formed around dlc.reduce@{{.*}}: a row of 32.0 KiB exceeds 4.0 KiB of shared memory per block
// BAD: bad_key.target:2: unknown target key 'warp_size'
// MISSING: --target=no_such_gpu: not a built-in target (h100, a100) and not a readable file
func.func @tiny(%x: tensor<1x64xf32>) -> tensor<1x64xf32> {
  %0 = "dlc.exp"(%x) : (tensor<1x64xf32>) -> tensor<1x64xf32>
  %1 = "dlc.neg"(%0) : (tensor<1x64xf32>) -> tensor<1x64xf32>
  return %1 : tensor<1x64xf32>
}
func.func @mid(%x: tensor<256x256xf32>) -> tensor<256x256xf32> {
  %0 = "dlc.exp"(%x) : (tensor<256x256xf32>) -> tensor<256x256xf32>
  %1 = "dlc.neg"(%0) : (tensor<256x256xf32>) -> tensor<256x256xf32>
  return %1 : tensor<256x256xf32>
}
func.func @large(%x: tensor<4096x4096xf32>) -> tensor<4096x4096xf32> {
  %0 = "dlc.exp"(%x) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %1 = "dlc.neg"(%0) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  return %1 : tensor<4096x4096xf32>
}
func.func @heavy(%x: tensor<4096x4096xf32>, %y: tensor<4096x4096xf32>) -> tensor<4096x4096xf32> {
  %0 = "dlc.exp"(%x) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %1 = "dlc.sin"(%0) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %2 = "dlc.cos"(%1) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %3 = "dlc.tanh"(%2) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %4 = "dlc.add"(%3, %y) : (tensor<4096x4096xf32>, tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %5 = "dlc.erf"(%4) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %6 = "dlc.mul"(%5, %x) : (tensor<4096x4096xf32>, tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %7 = "dlc.sigmoid"(%6) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %8 = "dlc.exp"(%7) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %9 = "dlc.sin"(%8) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %10 = "dlc.cos"(%9) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %11 = "dlc.tanh"(%10) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %12 = "dlc.erf"(%11) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %13 = "dlc.neg"(%12) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %14 = "dlc.abs"(%13) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %15 = "dlc.exp"(%14) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %16 = "dlc.sin"(%15) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %17 = "dlc.cos"(%16) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %18 = "dlc.tanh"(%17) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %19 = "dlc.erf"(%18) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %20 = "dlc.neg"(%19) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %21 = "dlc.abs"(%20) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %22 = "dlc.exp"(%21) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %23 = "dlc.sin"(%22) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %24 = "dlc.cos"(%23) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %25 = "dlc.tanh"(%24) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %26 = "dlc.erf"(%25) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  %27 = "dlc.neg"(%26) : (tensor<4096x4096xf32>) -> tensor<4096x4096xf32>
  return %27 : tensor<4096x4096xf32>
}
func.func @rows_small(%x: tensor<4096x64xf32>) -> tensor<4096x64xf32> {
  %m = "dlc.reduce"(%x) {axes = array<i64: 1>, keepdims = true, kind = "max"} : (tensor<4096x64xf32>) -> tensor<4096x1xf32>
  %d = "dlc.sub"(%x, %m) : (tensor<4096x64xf32>, tensor<4096x1xf32>) -> tensor<4096x64xf32>
  return %d : tensor<4096x64xf32>
}
func.func @rows_long(%x: tensor<32x8192xf32>) -> tensor<32x8192xf32> {
  %m = "dlc.reduce"(%x) {axes = array<i64: 1>, keepdims = true, kind = "max"} : (tensor<32x8192xf32>) -> tensor<32x1xf32>
  %d = "dlc.sub"(%x, %m) : (tensor<32x8192xf32>, tensor<32x1xf32>) -> tensor<32x8192xf32>
  return %d : tensor<32x8192xf32>
}
