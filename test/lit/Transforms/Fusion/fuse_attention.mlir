// --dlc-fuse-gemm-chain forms "attention" groups first: matmul(Q, K^T) [scale by a scalar] [mask]
// softmax(last axis) matmul(P, V), with the transposes feeding Q/K^T/V and the one consuming the output
// when the chain is their only user. Not formed: a score intermediate used elsewhere, a transpose shared
// with another user (it stays outside, the rest is formed), head dim above 128, softmax not over the last
// axis, a transposed P or V operand.
// RUN: dlc-opt %s --dlc-fuse-gemm-chain --dlc-explain 2>%t.explain | FileCheck %s
// RUN: FileCheck %s --check-prefix=EXPLAIN < %t.explain
// The stitch and elementwise passes leave the group's ops alone (it runs first in the pipeline order).
// RUN: dlc-opt %s --dlc-fuse-gemm-chain --dlc-fuse-stitch --dlc-fuse-elementwise | FileCheck %s --check-prefix=PIPE
// PIPE-LABEL: func.func @causal(
// PIPE-NOT: "dlc.softmax"
// PIPE: call @causal_attention_0(
// PIPE-NEXT: return
// PIPE-LABEL: func.func private @causal_attention_0(
// PIPE-SAME: kind = "attention"
// PIPE: "dlc.div"
// PIPE: "dlc.where"
// PIPE: "dlc.softmax"
// PIPE-LABEL: func.func @shared_q(

// CHECK-LABEL: func.func @causal(
// CHECK-NOT: "dlc.matmul"
// CHECK: %[[O:.*]] = call @causal_attention_0(%arg0, %arg2, %arg1, %arg3)
// CHECK-NEXT: return %[[O]]
// CHECK-LABEL: func.func private @causal_attention_0(
// CHECK-SAME: attributes {dlc.fusion = {kind = "attention"}}
// CHECK: "dlc.transpose"(%arg0) {perm = array<i64: 0, 2, 1, 3>}
// CHECK: "dlc.transpose"(%arg1) {perm = array<i64: 0, 2, 1, 3>}
// CHECK: "dlc.transpose"(%arg2) {perm = array<i64: 0, 2, 3, 1>}
// CHECK: "dlc.matmul"
// CHECK: "dlc.div"
// CHECK: "dlc.where"(%arg3
// CHECK: "dlc.softmax"
// CHECK: "dlc.matmul"
// CHECK: "dlc.transpose"
// CHECK-NEXT: return
// EXPLAIN: attention dlc.matmul@CausalQK -> dlc.matmul@CausalPV: formed (9 ops, 4 transposes absorbed;
func.func @causal(%q: tensor<1x32x4x64xf32>, %k: tensor<1x32x4x64xf32>, %v: tensor<1x32x4x64xf32>, %m: tensor<32x32xi1>) -> tensor<1x32x4x64xf32> {
  %qt = "dlc.transpose"(%q) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x32x4x64xf32>) -> tensor<1x4x32x64xf32>
  %vt = "dlc.transpose"(%v) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x32x4x64xf32>) -> tensor<1x4x32x64xf32>
  %kt = "dlc.transpose"(%k) {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x32x4x64xf32>) -> tensor<1x4x64x32xf32>
  %s = "dlc.matmul"(%qt, %kt) : (tensor<1x4x32x64xf32>, tensor<1x4x64x32xf32>) -> tensor<1x4x32x32xf32> loc("CausalQK")
  %c = "dlc.constant"() {value = dense<8.0> : tensor<f32>} : () -> tensor<f32>
  %d = "dlc.div"(%s, %c) : (tensor<1x4x32x32xf32>, tensor<f32>) -> tensor<1x4x32x32xf32>
  %f = "dlc.constant"() {value = dense<-1.0e4> : tensor<f32>} : () -> tensor<f32>
  %w = "dlc.where"(%m, %f, %d) : (tensor<32x32xi1>, tensor<f32>, tensor<1x4x32x32xf32>) -> tensor<1x4x32x32xf32>
  %p = "dlc.softmax"(%w) {axis = 3 : i64} : (tensor<1x4x32x32xf32>) -> tensor<1x4x32x32xf32>
  %o = "dlc.matmul"(%p, %vt) : (tensor<1x4x32x32xf32>, tensor<1x4x32x64xf32>) -> tensor<1x4x32x64xf32> loc("CausalPV")
  %ot = "dlc.transpose"(%o) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x4x32x64xf32>) -> tensor<1x32x4x64xf32>
  return %ot : tensor<1x32x4x64xf32>
}

// Q's transpose is also returned: it stays outside (computed once), the group takes it as an input.
// CHECK-LABEL: func.func @shared_q(
// CHECK: %[[QT:.*]] = "dlc.transpose"(%arg0)
// CHECK-NEXT: call @shared_q_attention_0(%arg2, %arg1, %[[QT]])
// CHECK-LABEL: func.func private @shared_q_attention_0(
// CHECK: "dlc.matmul"(%arg2,
// EXPLAIN: attention dlc.matmul@SharedQK -> dlc.matmul@SharedPV: formed (6 ops, 3 transposes absorbed;
func.func @shared_q(%q: tensor<1x32x4x64xf32>, %k: tensor<1x32x4x64xf32>, %v: tensor<1x32x4x64xf32>) -> (tensor<1x32x4x64xf32>, tensor<1x4x32x64xf32>) {
  %qt = "dlc.transpose"(%q) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x32x4x64xf32>) -> tensor<1x4x32x64xf32>
  %vt = "dlc.transpose"(%v) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x32x4x64xf32>) -> tensor<1x4x32x64xf32>
  %kt = "dlc.transpose"(%k) {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x32x4x64xf32>) -> tensor<1x4x64x32xf32>
  %s = "dlc.matmul"(%qt, %kt) : (tensor<1x4x32x64xf32>, tensor<1x4x64x32xf32>) -> tensor<1x4x32x32xf32> loc("SharedQK")
  %p = "dlc.softmax"(%s) {axis = -1 : i64} : (tensor<1x4x32x32xf32>) -> tensor<1x4x32x32xf32>
  %o = "dlc.matmul"(%p, %vt) : (tensor<1x4x32x32xf32>, tensor<1x4x32x64xf32>) -> tensor<1x4x32x64xf32> loc("SharedPV")
  %ot = "dlc.transpose"(%o) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x4x32x64xf32>) -> tensor<1x32x4x64xf32>
  return %ot, %qt : tensor<1x32x4x64xf32>, tensor<1x4x32x64xf32>
}

// The scaled scores are also returned: the score rows must reach memory: no attention group.
// CHECK-LABEL: func.func @scores_escape(
// CHECK-NOT: attention
// CHECK: return
// EXPLAIN-NOT: attention dlc.matmul@EscQK -> {{.*}} formed
// EXPLAIN: attention chain dlc.matmul@EscQK -> dlc.matmul@EscPV (2 ops between): not formed: outside the attention kernel's rules
func.func @scores_escape(%q: tensor<1x4x32x64xf32>, %k: tensor<1x4x64x32xf32>, %v: tensor<1x4x32x64xf32>) -> (tensor<1x4x32x64xf32>, tensor<1x4x32x32xf32>) {
  %s = "dlc.matmul"(%q, %k) : (tensor<1x4x32x64xf32>, tensor<1x4x64x32xf32>) -> tensor<1x4x32x32xf32> loc("EscQK")
  %c = "dlc.constant"() {value = dense<8.0> : tensor<f32>} : () -> tensor<f32>
  %d = "dlc.div"(%s, %c) : (tensor<1x4x32x32xf32>, tensor<f32>) -> tensor<1x4x32x32xf32>
  %p = "dlc.softmax"(%d) {axis = 3 : i64} : (tensor<1x4x32x32xf32>) -> tensor<1x4x32x32xf32>
  %o = "dlc.matmul"(%p, %v) : (tensor<1x4x32x32xf32>, tensor<1x4x32x64xf32>) -> tensor<1x4x32x64xf32> loc("EscPV")
  return %o, %d : tensor<1x4x32x64xf32>, tensor<1x4x32x32xf32>
}

// Head dim 512 and a softmax over axis 2: not formed.
// CHECK-LABEL: func.func @wide(
// CHECK-NOT: attention
// CHECK: return
// EXPLAIN: attention dlc.matmul@WideQK -> dlc.matmul@WidePV: not formed: head dims 512/512 are dynamic or above 128
func.func @wide(%q: tensor<1x2x16x512xf32>, %k: tensor<1x2x512x16xf32>, %v: tensor<1x2x16x512xf32>) -> tensor<1x2x16x512xf32> {
  %s = "dlc.matmul"(%q, %k) : (tensor<1x2x16x512xf32>, tensor<1x2x512x16xf32>) -> tensor<1x2x16x16xf32> loc("WideQK")
  %p = "dlc.softmax"(%s) {axis = 3 : i64} : (tensor<1x2x16x16xf32>) -> tensor<1x2x16x16xf32>
  %o = "dlc.matmul"(%p, %v) : (tensor<1x2x16x16xf32>, tensor<1x2x16x512xf32>) -> tensor<1x2x16x512xf32> loc("WidePV")
  return %o : tensor<1x2x16x512xf32>
}
// CHECK-LABEL: func.func @axis2(
// CHECK-NOT: attention
// CHECK: return
// EXPLAIN: attention dlc.matmul@Axis2QK: not formed: the softmax is not over the last axis
func.func @axis2(%q: tensor<1x2x16x32xf32>, %k: tensor<1x2x32x16xf32>, %v: tensor<1x2x16x32xf32>) -> tensor<1x2x16x32xf32> {
  %s = "dlc.matmul"(%q, %k) : (tensor<1x2x16x32xf32>, tensor<1x2x32x16xf32>) -> tensor<1x2x16x16xf32> loc("Axis2QK")
  %p = "dlc.softmax"(%s) {axis = 2 : i64} : (tensor<1x2x16x16xf32>) -> tensor<1x2x16x16xf32>
  %o = "dlc.matmul"(%p, %v) : (tensor<1x2x16x16xf32>, tensor<1x2x16x32xf32>) -> tensor<1x2x16x32xf32>
  return %o : tensor<1x2x16x32xf32>
}

// P V with V transposed by the matmul (transpose_b): not formed.
// CHECK-LABEL: func.func @v_flag(
// CHECK-NOT: attention
// CHECK: return
// EXPLAIN: attention dlc.matmul@VFlagQK -> dlc.matmul@VFlagPV: not formed: a transposed Q or P/V operand
func.func @v_flag(%q: tensor<1x2x16x32xf32>, %k: tensor<1x2x32x16xf32>, %v: tensor<1x2x32x16xf32>) -> tensor<1x2x16x32xf32> {
  %s = "dlc.matmul"(%q, %k) : (tensor<1x2x16x32xf32>, tensor<1x2x32x16xf32>) -> tensor<1x2x16x16xf32> loc("VFlagQK")
  %p = "dlc.softmax"(%s) {axis = 3 : i64} : (tensor<1x2x16x16xf32>) -> tensor<1x2x16x16xf32>
  %o = "dlc.matmul"(%p, %v) {transpose_b = true} : (tensor<1x2x16x16xf32>, tensor<1x2x32x16xf32>) -> tensor<1x2x16x32xf32> loc("VFlagPV")
  return %o : tensor<1x2x16x32xf32>
}

// A long sequence (4096, 8 heads): the SIMT kernel's GEMM flops at 1/4 of the FMA peak cost more than
// library GEMMs with the score matrix in memory: not formed.
// CHECK-LABEL: func.func @long_seq(
// CHECK-NOT: attention
// CHECK: return
// EXPLAIN: attention dlc.matmul@LongQK -> dlc.matmul@LongPV: not formed: no gain ({{[0-9.]+}} us fused vs {{[0-9.]+}} us apart)
func.func @long_seq(%q: tensor<1x8x4096x64xf32>, %k: tensor<1x8x64x4096xf32>, %v: tensor<1x8x4096x64xf32>) -> tensor<1x8x4096x64xf32> {
  %s = "dlc.matmul"(%q, %k) : (tensor<1x8x4096x64xf32>, tensor<1x8x64x4096xf32>) -> tensor<1x8x4096x4096xf32> loc("LongQK")
  %p = "dlc.softmax"(%s) {axis = 3 : i64} : (tensor<1x8x4096x4096xf32>) -> tensor<1x8x4096x4096xf32>
  %o = "dlc.matmul"(%p, %v) : (tensor<1x8x4096x4096xf32>, tensor<1x8x4096x64xf32>) -> tensor<1x8x4096x64xf32> loc("LongPV")
  return %o : tensor<1x8x4096x64xf32>
}
