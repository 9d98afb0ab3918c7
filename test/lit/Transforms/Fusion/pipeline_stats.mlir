// The fusion passes run first in both named pipelines (--no-fusion leaves them out); on the CPU the
// groups are lowered inside their functions and inlined. --dlc-stats prints one line per public
// function in a fixed form: kernels counted on the cuda pipeline up to kernel outlining without and
// with fusion, library calls, and the cost model's estimate over the final groups.
// RUN: dlc-opt %s --dlc-pipeline=cpu --dlc-explain 2>&1 >/dev/null | FileCheck %s --check-prefix=EXPLAIN
// RUN: dlc-opt %s --dlc-pipeline=cpu --no-fusion --dlc-explain 2>&1 >/dev/null | FileCheck %s --check-prefix=NOFUSION --allow-empty
// RUN: dlc-opt %s --dlc-pipeline=cpu | FileCheck %s --check-prefix=CPU
// RUN: dlc-opt %s --dlc-pipeline=cuda --dlc-stats -o /dev/null | FileCheck %s --check-prefix=STATS
// RUN: dlc-opt %s --dlc-stats --no-fusion -o /dev/null | FileCheck %s --check-prefix=STATS
// With --dlc-explain, the kernels and library calls expected once each group is one kernel (the stitch
// and the loop group: 2 kernels; the GEMM with its bias: 1 library call); none without fusion.
// RUN: dlc-opt %s --dlc-stats --dlc-explain -o /dev/null 2>&1 | FileCheck %s --check-prefix=EXPECTED
// RUN: dlc-opt %s --dlc-stats --dlc-explain --no-fusion -o /dev/null 2>&1 | FileCheck %s --check-prefix=EXPECTED-NONE
// EXPECTED: dlc-explain: stats: func=main expected_kernels=2 expected_library_calls=1
// EXPECTED-NONE-NOT: expected_kernels

// EXPLAIN: dlc-explain: fuse-gemm-chain: dlc.matmul@FC + bias dlc.add@Bias: gemm_chain
// EXPLAIN: dlc-explain: fuse-stitch: formed @main_stitch_0 (stitch, 9 ops, dlc.reduce@ReduceMean .. dlc.add@Add_1)
// EXPLAIN: dlc-explain: fuse-elementwise: formed @main_loop_0 (loop, 2 ops, dlc.tanh@Tanh .. dlc.mul@Scale)
// EXPLAIN: dlc-explain: summary: func=main ops=13 groups: loop=1 stitch=1 gemm_chain=1 other=0; expected kernels=2 library_calls=1
// NOFUSION-NOT: dlc-explain
// CPU-NOT: call @main_
// CPU-NOT: "dlc.
// CPU: llvm.func @main(
// STATS: {{^}}dlc-stats: func=main ops=13 kernels_unfused={{[1-9][0-9]*}} kernels={{[1-9][0-9]*}} library_calls=1 est_bytes={{[1-9][0-9]*}} est_us={{[0-9]+\.[0-9][0-9]}}{{$}}
// STATS-NOT: dlc-stats
func.func @main(%x: tensor<128x256xf32>, %g: tensor<256xf32>, %b: tensor<256xf32>, %w: tensor<256x64xf32>, %wb: tensor<64xf32>) -> tensor<128x64xf32> {
  %two = "dlc.constant"() {value = dense<2.0> : tensor<f32>} : () -> tensor<f32>
  %eps = "dlc.constant"() {value = dense<1.0e-5> : tensor<f32>} : () -> tensor<f32>
  %m = "dlc.reduce"(%x) {axes = array<i64: -1>, keepdims = true, kind = "mean"} : (tensor<128x256xf32>) -> tensor<128x1xf32> loc("ReduceMean")
  %d = "dlc.sub"(%x, %m) : (tensor<128x256xf32>, tensor<128x1xf32>) -> tensor<128x256xf32>
  %p = "dlc.pow"(%d, %two) : (tensor<128x256xf32>, tensor<f32>) -> tensor<128x256xf32>
  %v = "dlc.reduce"(%p) {axes = array<i64: -1>, keepdims = true, kind = "mean"} : (tensor<128x256xf32>) -> tensor<128x1xf32>
  %ve = "dlc.add"(%v, %eps) : (tensor<128x1xf32>, tensor<f32>) -> tensor<128x1xf32>
  %s = "dlc.sqrt"(%ve) : (tensor<128x1xf32>) -> tensor<128x1xf32>
  %n = "dlc.div"(%d, %s) : (tensor<128x256xf32>, tensor<128x1xf32>) -> tensor<128x256xf32>
  %y = "dlc.mul"(%n, %g) : (tensor<128x256xf32>, tensor<256xf32>) -> tensor<128x256xf32>
  %z = "dlc.add"(%y, %b) : (tensor<128x256xf32>, tensor<256xf32>) -> tensor<128x256xf32> loc("Add_1")
  %mm = "dlc.matmul"(%z, %w) : (tensor<128x256xf32>, tensor<256x64xf32>) -> tensor<128x64xf32> loc("FC")
  %bb = "dlc.add"(%mm, %wb) : (tensor<128x64xf32>, tensor<64xf32>) -> tensor<128x64xf32> loc("Bias")
  %t = "dlc.tanh"(%bb) : (tensor<128x64xf32>) -> tensor<128x64xf32> loc("Tanh")
  %o = "dlc.mul"(%t, %two) : (tensor<128x64xf32>, tensor<f32>) -> tensor<128x64xf32> loc("Scale")
  return %o : tensor<128x64xf32>
}
