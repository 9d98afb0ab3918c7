// --dlc-fuse-gemm-chain: a GEMM with a bias (+ relu / tanh-gelu) epilogue becomes a "gemm_chain" group
// (one library call with an epilogue); other epilogue ops are reported and left to loop fusion; a GEMM
// with no epilogue stays alone. GEMM -> elementwise -> GEMM (MLP) chains that pay become one gemm_chain
// group; rank-4 GEMM -> softmax -> GEMM (attention, causal mask included) becomes one attention group
// (fuse_attention.mlir), other attention chains are costed and explained but not formed; a compute-bound
// GEMM is never chained.
// RUN: dlc-opt %s --dlc-fuse-gemm-chain --dlc-explain 2>%t.explain | FileCheck %s
// RUN: FileCheck %s --check-prefix=EXPLAIN < %t.explain

// A small MLP (8 rows, 64 -> 128 -> 64) is one chain: both GEMMs with their epilogues in one group
// (one kernel, emit_gemm_chain_kernel.c); fuse_mlp_chain.mlir tests the rules of MLP chains.
// CHECK-LABEL: func.func @mlp(
// CHECK-NEXT: %[[Y:.*]] = call @mlp_gemm_chain_0(%arg0, %arg1, %arg2, %arg3, %arg4)
// CHECK-NEXT: return %[[Y]]
// CHECK-LABEL: func.func private @mlp_gemm_chain_0(
// CHECK-SAME: attributes {dlc.fusion = {kind = "gemm_chain"}}
// CHECK-NEXT: "dlc.matmul"(%arg0, %arg1)
// CHECK-NEXT: "dlc.add"
// CHECK-NEXT: "dlc.relu"
// CHECK-NEXT: "dlc.matmul"
// CHECK-NEXT: "dlc.add"
// CHECK-NEXT: return
// EXPLAIN: fuse-gemm-chain: mlp chain dlc.matmul@FC1 -> dlc.matmul@FC2: gemm_chain of 2 GEMMs + 3 elementwise ops in one kernel
func.func @mlp(%x: tensor<8x64xf32>, %w1: tensor<64x128xf32>, %b1: tensor<128xf32>, %w2: tensor<128x64xf32>, %b2: tensor<64xf32>) -> tensor<8x64xf32> {
  %0 = "dlc.matmul"(%x, %w1) : (tensor<8x64xf32>, tensor<64x128xf32>) -> tensor<8x128xf32> loc("FC1")
  %1 = "dlc.add"(%b1, %0) : (tensor<128xf32>, tensor<8x128xf32>) -> tensor<8x128xf32> loc("Bias1")
  %2 = "dlc.relu"(%1) : (tensor<8x128xf32>) -> tensor<8x128xf32> loc("Relu")
  %3 = "dlc.matmul"(%2, %w2) : (tensor<8x128xf32>, tensor<128x64xf32>) -> tensor<8x64xf32> loc("FC2")
  %4 = "dlc.add"(%3, %b2) : (tensor<8x64xf32>, tensor<64xf32>) -> tensor<8x64xf32>
  return %4 : tensor<8x64xf32>
}

// A residual add and a scaling are no epilogue of the library call: the GEMM keeps its bias only, the
// rest is left to loop fusion. A 1024^3 GEMM is compute-bound: no chain with the next GEMM.
// CHECK-LABEL: func.func @residual(
// CHECK-NEXT: %[[G:.*]] = call @residual_gemm_chain_0(%arg0, %arg1, %arg2)
// CHECK-NEXT: "dlc.add"(%[[G]], %arg0)
// EXPLAIN: fuse-gemm-chain: mlp chain dlc.matmul@Big -> dlc.matmul@Next: not formed: dlc.matmul@Big is compute-bound ({{[0-9.]+}} flop/B > ridge 20.0): it stays a library GEMM
// EXPLAIN: fuse-gemm-chain: dlc.matmul@Big: epilogue op dlc.add@Residual not absorbed: the library call takes bias and relu/gelu(tanh) only; left to loop fusion
// EXPLAIN: fuse-gemm-chain: dlc.matmul@Next stays alone (library call): no single-use epilogue
func.func @residual(%x: tensor<1024x1024xf32>, %w: tensor<1024x1024xf32>, %b: tensor<1024xf32>) -> tensor<1024x1024xf32> {
  %0 = "dlc.matmul"(%x, %w) : (tensor<1024x1024xf32>, tensor<1024x1024xf32>) -> tensor<1024x1024xf32> loc("Big")
  %1 = "dlc.add"(%0, %b) : (tensor<1024x1024xf32>, tensor<1024xf32>) -> tensor<1024x1024xf32>
  %2 = "dlc.add"(%1, %x) : (tensor<1024x1024xf32>, tensor<1024x1024xf32>) -> tensor<1024x1024xf32> loc("Residual")
  %3 = "dlc.matmul"(%2, %w) : (tensor<1024x1024xf32>, tensor<1024x1024xf32>) -> tensor<1024x1024xf32> loc("Next")
  return %3 : tensor<1024x1024xf32>
}

// Rank-3 attention with a causal mask: QK^T, scale, mask, softmax, PV: explained, not formed (the
// attention kernel takes rank-4 [B,H,S,D], fuse_attention.mlir); the first GEMM's
// consumer is no bias, so both GEMMs stay library calls.
// CHECK-LABEL: func.func @attention(
// CHECK-NOT: call
// CHECK: return
// EXPLAIN: fuse-gemm-chain: attention dlc.matmul@QK -> dlc.matmul@PV: not formed: operands are not rank-4 f32 tensors
// EXPLAIN: fuse-gemm-chain: attention chain dlc.matmul@QK -> dlc.matmul@PV (3 ops between): not formed: outside the attention kernel's rules
// EXPLAIN: fuse-gemm-chain: dlc.matmul@QK stays alone (library call): its consumer dlc.div@Scale is no bias epilogue of the library GEMM
func.func @attention(%q: tensor<4x64x32xf32>, %k: tensor<4x64x32xf32>, %v: tensor<4x64x32xf32>, %mask: tensor<64x64xi1>) -> tensor<4x64x32xf32> {
  %s = "dlc.constant"() {value = dense<5.65> : tensor<f32>} : () -> tensor<f32>
  %ninf = "dlc.constant"() {value = dense<-1.0e9> : tensor<f32>} : () -> tensor<f32>
  %0 = "dlc.matmul"(%q, %k) {transpose_b = true} : (tensor<4x64x32xf32>, tensor<4x64x32xf32>) -> tensor<4x64x64xf32> loc("QK")
  %1 = "dlc.div"(%0, %s) : (tensor<4x64x64xf32>, tensor<f32>) -> tensor<4x64x64xf32> loc("Scale")
  %2 = "dlc.where"(%mask, %ninf, %1) : (tensor<64x64xi1>, tensor<f32>, tensor<4x64x64xf32>) -> tensor<4x64x64xf32>
  %3 = "dlc.softmax"(%2) {axis = -1 : i64} : (tensor<4x64x64xf32>) -> tensor<4x64x64xf32>
  %4 = "dlc.matmul"(%3, %v) : (tensor<4x64x64xf32>, tensor<4x64x32xf32>) -> tensor<4x64x32xf32> loc("PV")
  return %4 : tensor<4x64x32xf32>
}

// A layer norm between two GEMMs ends the chain (its rows must be reduced in full first): no chain line.
// RUN: dlc-opt %s --dlc-fuse-gemm-chain --dlc-explain 2>&1 >/dev/null | FileCheck %s --check-prefix=NORM
// NORM-NOT: chain dlc.matmul@NormIn
func.func @norm_between(%x: tensor<8x64xf32>, %w: tensor<64x64xf32>) -> tensor<8x64xf32> {
  %0 = "dlc.matmul"(%x, %w) : (tensor<8x64xf32>, tensor<64x64xf32>) -> tensor<8x64xf32> loc("NormIn")
  %m = "dlc.reduce"(%0) {axes = array<i64: -1>, keepdims = true, kind = "mean"} : (tensor<8x64xf32>) -> tensor<8x1xf32>
  %d = "dlc.sub"(%0, %m) : (tensor<8x64xf32>, tensor<8x1xf32>) -> tensor<8x64xf32>
  %1 = "dlc.matmul"(%d, %w) : (tensor<8x64xf32>, tensor<64x64xf32>) -> tensor<8x64xf32>
  return %1 : tensor<8x64xf32>
}

// A small constant bias stays an argument of a gemm_chain group: its body is exactly the GEMM and epilogue.
// CHECK-LABEL: func.func @small_bias(
// CHECK: call @small_bias_gemm_chain_0(%arg0, %arg1, %{{.*}}) : (tensor<2x16xf32>, tensor<16x8xf32>, tensor<8xf32>)
// CHECK-LABEL: func.func private @small_bias_gemm_chain_0(
// CHECK-NEXT: "dlc.matmul"(%arg0, %arg1)
// CHECK-NEXT: "dlc.add"({{.*}}, %arg2)
// CHECK-NEXT: return
func.func @small_bias(%x: tensor<2x16xf32>, %w: tensor<16x8xf32>) -> tensor<2x8xf32> {
  %b = "dlc.constant"() {value = dense<0.5> : tensor<8xf32>} : () -> tensor<8xf32>
  %0 = "dlc.matmul"(%x, %w) : (tensor<2x16xf32>, tensor<16x8xf32>) -> tensor<2x8xf32>
  %1 = "dlc.add"(%0, %b) : (tensor<2x8xf32>, tensor<8xf32>) -> tensor<2x8xf32>
  return %1 : tensor<2x8xf32>
}
