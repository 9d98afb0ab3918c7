// --dlc-fuse-gemm-chain, MLP chains (fuse_mlp_chain.c): GEMM (+ elementwise) -> GEMM (+ elementwise)
// -> ... becomes ONE gemm_chain group when it pays as one kernel on CUDA cores (f32, no compute-bound
// GEMM, the block's intermediate rows fit in shared memory, the estimate beats one library GEMM per
// layer); otherwise the single-GEMM epilogue groups (library calls) are formed as before.
// RUN: dlc-opt %s --dlc-fuse-gemm-chain --dlc-explain 2>%t.explain | FileCheck %s
// RUN: FileCheck %s --check-prefix=EXPLAIN < %t.explain
// RUN: dlc-opt %s --dlc-fuse-gemm-chain --dlc-assign-parallelism | FileCheck %s --check-prefix=SCHED
// assign_parallelism's schedule of a chain kernel: tile = [rows per block, widest intermediate], a
// warp per 4 columns of the widest layer (at most 16 warps), ilp 1; a single-GEMM group keeps its
// library tile.
// SCHED-LABEL: func.func private @mlp_gelu_gemm_chain_0(
// SCHED-SAME: dlc.fusion = {ilp = 1 : i64, kind = "gemm_chain", threads = 512 : i64, tile = array<i64: 8, 128>}
// SCHED-LABEL: func.func private @mlp_dynamic_gemm_chain_0(
// SCHED-SAME: dlc.fusion = {ilp = 1 : i64, kind = "gemm_chain", threads = 512 : i64, tile = array<i64: 16, 64>}
// SCHED-LABEL: func.func private @compute_bound_gemm_chain_0(
// SCHED-SAME: dlc.fusion = {ilp = 1 : i64, kind = "gemm_chain", threads = 256 : i64, tile = array<i64: 128, 128, 32>}

// Three layers with erf gelu written out as ops (constants are arguments of gemm_chain groups) and a
// bias after the last GEMM: one group of 3 GEMMs.
// CHECK-LABEL: func.func @mlp_gelu(
// CHECK-NEXT: dlc.constant
// CHECK-NEXT: dlc.constant
// CHECK-NEXT: dlc.constant
// CHECK-NEXT: %[[Y:.*]] = call @mlp_gelu_gemm_chain_0(
// CHECK-NEXT: return %[[Y]]
// CHECK-LABEL: func.func private @mlp_gelu_gemm_chain_0(
// CHECK-SAME: attributes {dlc.fusion = {kind = "gemm_chain"}}
// CHECK-NEXT: "dlc.matmul"
// CHECK-NEXT: "dlc.add"
// CHECK-NEXT: "dlc.div"
// CHECK-NEXT: "dlc.erf"
// CHECK-NEXT: "dlc.add"
// CHECK-NEXT: "dlc.mul"
// CHECK-NEXT: "dlc.mul"
// CHECK-NEXT: "dlc.matmul"
// CHECK-NEXT: "dlc.relu"
// CHECK-NEXT: "dlc.matmul"
// CHECK-NEXT: "dlc.add"
// CHECK-NEXT: return
// EXPLAIN: mlp chain dlc.matmul@G1 -> dlc.matmul@G3: gemm_chain of 3 GEMMs + 8 elementwise ops in one kernel (~{{.*}} us vs ~{{.*}} us as library GEMMs; 8192 B shared memory per block)
func.func @mlp_gelu(%x: tensor<8x64xf32>, %w1: tensor<64x128xf32>, %b1: tensor<128xf32>, %w2: tensor<128x64xf32>, %w3: tensor<64x10xf32>, %b3: tensor<10xf32>) -> tensor<8x10xf32> {
  %s2 = "dlc.constant"() {value = dense<1.41421354> : tensor<f32>} : () -> tensor<f32>
  %one = "dlc.constant"() {value = dense<1.0> : tensor<f32>} : () -> tensor<f32>
  %half = "dlc.constant"() {value = dense<0.5> : tensor<f32>} : () -> tensor<f32>
  %0 = "dlc.matmul"(%x, %w1) : (tensor<8x64xf32>, tensor<64x128xf32>) -> tensor<8x128xf32> loc("G1")
  %1 = "dlc.add"(%0, %b1) : (tensor<8x128xf32>, tensor<128xf32>) -> tensor<8x128xf32>
  %2 = "dlc.div"(%1, %s2) : (tensor<8x128xf32>, tensor<f32>) -> tensor<8x128xf32>
  %3 = "dlc.erf"(%2) : (tensor<8x128xf32>) -> tensor<8x128xf32>
  %4 = "dlc.add"(%3, %one) : (tensor<8x128xf32>, tensor<f32>) -> tensor<8x128xf32>
  %5 = "dlc.mul"(%1, %4) : (tensor<8x128xf32>, tensor<8x128xf32>) -> tensor<8x128xf32>
  %6 = "dlc.mul"(%5, %half) : (tensor<8x128xf32>, tensor<f32>) -> tensor<8x128xf32>
  %7 = "dlc.matmul"(%6, %w2) : (tensor<8x128xf32>, tensor<128x64xf32>) -> tensor<8x64xf32>
  %8 = "dlc.relu"(%7) : (tensor<8x64xf32>) -> tensor<8x64xf32>
  %9 = "dlc.matmul"(%8, %w3) : (tensor<8x64xf32>, tensor<64x10xf32>) -> tensor<8x10xf32> loc("G3")
  %10 = "dlc.add"(%9, %b3) : (tensor<8x10xf32>, tensor<10xf32>) -> tensor<8x10xf32>
  return %10 : tensor<8x10xf32>
}

// Dynamic M: formed (estimated with the target's dynamic_dim rows).
// CHECK-LABEL: func.func @mlp_dynamic(
// CHECK-NEXT: call @mlp_dynamic_gemm_chain_0(%arg0, %arg1, %arg2)
// CHECK-LABEL: func.func private @mlp_dynamic_gemm_chain_0(
// CHECK-NEXT: "dlc.matmul"
// CHECK-NEXT: "dlc.tanh"
// CHECK-NEXT: "dlc.matmul"
// CHECK-NEXT: return
// EXPLAIN: mlp chain dlc.matmul@D1 -> dlc.matmul@D2: gemm_chain of 2 GEMMs + 1 elementwise ops in one kernel
func.func @mlp_dynamic(%x: tensor<?x32xf32>, %w1: tensor<32x64xf32>, %w2: tensor<64x16xf32>) -> tensor<?x16xf32> {
  %0 = "dlc.matmul"(%x, %w1) : (tensor<?x32xf32>, tensor<32x64xf32>) -> tensor<?x64xf32> loc("D1")
  %1 = "dlc.tanh"(%0) : (tensor<?x64xf32>) -> tensor<?x64xf32>
  %2 = "dlc.matmul"(%1, %w2) : (tensor<?x64xf32>, tensor<64x16xf32>) -> tensor<?x16xf32> loc("D2")
  return %2 : tensor<?x16xf32>
}

// Large M and K: compute-bound GEMMs stay library calls (bias epilogue groups), no chain.
// CHECK-LABEL: func.func @compute_bound(
// CHECK-NEXT: %[[H:.*]] = call @compute_bound_gemm_chain_0(%arg0, %arg1, %arg2)
// CHECK-NEXT: "dlc.sigmoid"(%[[H]])
// CHECK-NEXT: "dlc.matmul"
// CHECK-NEXT: return
// EXPLAIN: mlp chain dlc.matmul@C1 -> dlc.matmul@C2 (2 GEMMs): not formed: dlc.matmul@C1 is compute-bound: it stays a library GEMM
func.func @compute_bound(%x: tensor<4096x1024xf32>, %w1: tensor<1024x1024xf32>, %b1: tensor<1024xf32>, %w2: tensor<1024x1024xf32>) -> tensor<4096x1024xf32> {
  %0 = "dlc.matmul"(%x, %w1) : (tensor<4096x1024xf32>, tensor<1024x1024xf32>) -> tensor<4096x1024xf32> loc("C1")
  %1 = "dlc.add"(%0, %b1) : (tensor<4096x1024xf32>, tensor<1024xf32>) -> tensor<4096x1024xf32>
  %2 = "dlc.sigmoid"(%1) : (tensor<4096x1024xf32>) -> tensor<4096x1024xf32>
  %3 = "dlc.matmul"(%2, %w2) : (tensor<4096x1024xf32>, tensor<1024x1024xf32>) -> tensor<4096x1024xf32> loc("C2")
  return %3 : tensor<4096x1024xf32>
}

// Wide intermediates (16 rows x 1024 x 4 B x 2 buffers > 48 KiB of shared memory): not formed.
// CHECK-LABEL: func.func @wide(
// CHECK-NOT: gemm_chain
// CHECK: return
// EXPLAIN: mlp chain dlc.matmul@W1 -> dlc.matmul@W3 (3 GEMMs): not formed: intermediate rows need 131072 B of shared memory per block (> 49152)
func.func @wide(%x: tensor<16x256xf32>, %w1: tensor<256x1024xf32>, %w2: tensor<1024x1024xf32>, %w3: tensor<1024x16xf32>) -> tensor<16x16xf32> {
  %0 = "dlc.matmul"(%x, %w1) : (tensor<16x256xf32>, tensor<256x1024xf32>) -> tensor<16x1024xf32> loc("W1")
  %1 = "dlc.relu"(%0) : (tensor<16x1024xf32>) -> tensor<16x1024xf32>
  %2 = "dlc.matmul"(%1, %w2) : (tensor<16x1024xf32>, tensor<1024x1024xf32>) -> tensor<16x1024xf32>
  %3 = "dlc.relu"(%2) : (tensor<16x1024xf32>) -> tensor<16x1024xf32>
  %4 = "dlc.matmul"(%3, %w3) : (tensor<16x1024xf32>, tensor<1024x16xf32>) -> tensor<16x16xf32> loc("W3")
  return %4 : tensor<16x16xf32>
}

// Big weights with few rows (16 x 512 x 512 per layer): one block of rows would do all the FMAs on one
// SM, slower than library GEMMs: not formed, the GEMMs keep their bias epilogues.
// CHECK-LABEL: func.func @not_paying(
// CHECK: call @not_paying_gemm_chain_0(
// CHECK: call @not_paying_gemm_chain_1(
// EXPLAIN: mlp chain dlc.matmul@P1 -> dlc.matmul@P2 (2 GEMMs): not formed: one kernel on CUDA cores (~{{.*}} us) is not faster than 2 library GEMMs (~{{.*}} us)
func.func @not_paying(%x: tensor<16x512xf32>, %w1: tensor<512x512xf32>, %b1: tensor<512xf32>, %w2: tensor<512x512xf32>, %b2: tensor<512xf32>) -> tensor<16x512xf32> {
  %0 = "dlc.matmul"(%x, %w1) : (tensor<16x512xf32>, tensor<512x512xf32>) -> tensor<16x512xf32> loc("P1")
  %1 = "dlc.add"(%0, %b1) : (tensor<16x512xf32>, tensor<512xf32>) -> tensor<16x512xf32>
  %2 = "dlc.matmul"(%1, %w2) : (tensor<16x512xf32>, tensor<512x512xf32>) -> tensor<16x512xf32> loc("P2")
  %3 = "dlc.add"(%2, %b2) : (tensor<16x512xf32>, tensor<512xf32>) -> tensor<16x512xf32>
  return %3 : tensor<16x512xf32>
}

// An intermediate also used outside the chain (returned) and an f16 chain: not MLP chains; explained.
// CHECK-LABEL: func.func @escapes(
// CHECK-NOT: gemm_chain
// CHECK: return
// EXPLAIN: mlp chain dlc.matmul@E1 -> dlc.matmul@E2 (1 ops between): not formed as one kernel: not a chain the MLP-chain kernel takes
func.func @escapes(%x: tensor<8x64xf32>, %w1: tensor<64x64xf32>, %w2: tensor<64x64xf32>) -> (tensor<8x64xf32>, tensor<8x64xf32>) {
  %0 = "dlc.matmul"(%x, %w1) : (tensor<8x64xf32>, tensor<64x64xf32>) -> tensor<8x64xf32> loc("E1")
  %1 = "dlc.relu"(%0) : (tensor<8x64xf32>) -> tensor<8x64xf32>
  %2 = "dlc.matmul"(%1, %w2) : (tensor<8x64xf32>, tensor<64x64xf32>) -> tensor<8x64xf32> loc("E2")
  return %1, %2 : tensor<8x64xf32>, tensor<8x64xf32>
}
// CHECK-LABEL: func.func @half(
// CHECK-NOT: gemm_chain
// CHECK: return
// EXPLAIN: mlp chain dlc.matmul@H1 -> dlc.matmul@H2 (1 ops between): not formed as one kernel: not a chain the MLP-chain kernel takes
func.func @half(%x: tensor<8x64xf16>, %w1: tensor<64x64xf16>, %w2: tensor<64x64xf16>) -> tensor<8x64xf16> {
  %0 = "dlc.matmul"(%x, %w1) : (tensor<8x64xf16>, tensor<64x64xf16>) -> tensor<8x64xf16> loc("H1")
  %1 = "dlc.relu"(%0) : (tensor<8x64xf16>) -> tensor<8x64xf16>
  %2 = "dlc.matmul"(%1, %w2) : (tensor<8x64xf16>, tensor<64x64xf16>) -> tensor<8x64xf16> loc("H2")
  return %2 : tensor<8x64xf16>
}
