// A multi-GEMM "gemm_chain" group (an MLP block) becomes ONE gpu.launch (emit_gemm_chain_kernel.c),
// not one cuBLASLt call per layer: a block of rows (here M = 4: one block of 4 rows), threads over
// output columns, a k-loop of R accumulators with math.fma, the intermediate rows in the launch's
// dynamic shared memory (two ping-pong buffers of 4 x 128 f32 for three layers), DLC_GPU_BARRIER
// between layers, the epilogue ops through the shared scalar formulas (bias add, relu), stores of the
// last layer guarded by the row bound. An f16 chain is not taken (the group falls through, op by op).
// RUN: dlc-opt %s --dlc-lower-to-gpu | FileCheck %s

// CHECK-LABEL: func.func @mlp3(
// CHECK-NOT: dlcrt_gemm
// CHECK: call @mlp3_chain(
// CHECK-LABEL: func.func private @mlp3_chain(
// CHECK-SAME: dlc.fusion = {kind = "gemm_chain"}
// CHECK-SAME: dlc.gpu_kernel
// CHECK-NOT: dlcrt_gemm
// CHECK: %[[SMEM:.*]] = arith.constant 4096 : i32
// CHECK: gpu.launch blocks
// CHECK-SAME: dynamic_shared_memory_size %[[SMEM]]
// CHECK: gpu.dynamic_shared_memory
// CHECK: memref.view {{.*}} to memref<512xf32, #gpu.address_space<workgroup>>
// CHECK: memref.view {{.*}} to memref<512xf32, #gpu.address_space<workgroup>>
// layer 1 (weights [K, N]: a thread per output column): k-loop over 64, eight k per iteration
// (K % 8 == 0 and 4 rows), 4 accumulators; every load of the iteration before the FMAs: the weight
// [64, 128] read by element (coalesced across threads), each input row as two 16-byte vectors
// CHECK: scf.for {{.*}} step %c8{{.*}} iter_args({{.*}}) -> (f32, f32, f32, f32)
// CHECK-COUNT-8: memref.load {{.*}} : memref<64x128xf32>
// CHECK-COUNT-8: vector.load {{.*}} {alignment = 16 : i64} : memref<4x64xf32>, vector<4xf32>
// CHECK-NOT: vector.load
// CHECK-COUNT-32: math.fma
// CHECK-NOT: math.fma
// CHECK: arith.addf
// CHECK: arith.maximumf
// CHECK: memref.store {{.*}} : memref<512xf32, #gpu.address_space<workgroup>>
// CHECK: llvm.inline_asm has_side_effects "bar.sync 0;"
// layer 2 reads layer 1's rows from shared memory
// CHECK: scf.for {{.*}} iter_args
// CHECK: vector.load {{.*}} {alignment = 16 : i64} : memref<512xf32, #gpu.address_space<workgroup>>, vector<4xf32>
// CHECK: math.fma
// CHECK: llvm.inline_asm has_side_effects "bar.sync 0;"
// layer 3 writes the output, rows < M only
// CHECK: scf.for {{.*}} iter_args
// CHECK: scf.if
// CHECK: memref.store {{.*}} : memref<4x8xf32>
// CHECK-NOT: bar.sync
// CHECK: gpu.terminator
// CHECK: bufferization.to_tensor
// CHECK-NOT: "dlc.
// CHECK: return
func.func @mlp3(%x: tensor<4x64xf32>, %w0: tensor<64x128xf32>, %b0: tensor<128xf32>, %w1: tensor<128x128xf32>, %w2: tensor<128x8xf32>) -> tensor<4x8xf32> {
  %0 = call @mlp3_chain(%x, %w0, %b0, %w1, %w2) : (tensor<4x64xf32>, tensor<64x128xf32>, tensor<128xf32>, tensor<128x128xf32>, tensor<128x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}
func.func private @mlp3_chain(%x: tensor<4x64xf32>, %w0: tensor<64x128xf32>, %b0: tensor<128xf32>, %w1: tensor<128x128xf32>, %w2: tensor<128x8xf32>) -> tensor<4x8xf32> attributes {dlc.fusion = {kind = "gemm_chain"}} {
  %0 = "dlc.matmul"(%x, %w0) : (tensor<4x64xf32>, tensor<64x128xf32>) -> tensor<4x128xf32>
  %1 = "dlc.add"(%0, %b0) : (tensor<4x128xf32>, tensor<128xf32>) -> tensor<4x128xf32>
  %2 = "dlc.relu"(%1) : (tensor<4x128xf32>) -> tensor<4x128xf32>
  %3 = "dlc.matmul"(%2, %w1) : (tensor<4x128xf32>, tensor<128x128xf32>) -> tensor<4x128xf32>
  %4 = "dlc.relu"(%3) : (tensor<4x128xf32>) -> tensor<4x128xf32>
  %5 = "dlc.matmul"(%4, %w2) : (tensor<4x128xf32>, tensor<128x8xf32>) -> tensor<4x8xf32>
  return %5 : tensor<4x8xf32>
}

// Weights [N, K] (transpose_b, every torch Linear): a warp per group of output columns, its lanes
// split K. M = 2 (2 rows per block), 512 threads (16 warps); layer 1 (N = 96, K = 64): 6 columns per
// warp (16 groups), lane l reads 16 bytes of each of the 6 weight rows at k = 4l (a warp reads
// contiguous rows: coalesced), 2 x 6 = 12 partial sums per lane; the butterfly halves them at offsets
// 16 and 8 (select what to send and what to keep, one shuffle per pair) and adds the partner's 3
// values at 4, 2 and 1; the bias of the lane's values is loaded before the k-loop; then the epilogue
// and the stores into shared memory (96 % 6 == 0: no column guard). Layer 2 (N = 10 < 32 columns,
// K = 96, one column per warp) writes the output rows < M, columns < N.
// CHECK-LABEL: func.func private @mlp_tb_chain(
// CHECK: %[[C512:.*]] = arith.constant 512 : index
// CHECK: gpu.launch blocks({{.*}}) threads(%[[TX:[^,]*]], {{.*}}) in (%{{.*}} = %[[C512]],
// CHECK: %[[LANE:.*]] = arith.remui %[[TX]], %c32
// CHECK: %[[LANE4:.*]] = arith.muli %[[LANE]], %c4
// CHECK: %[[WARP:.*]] = arith.divui %[[TX]], %c32
// CHECK: %[[G:.*]] = arith.constant 16 : index
// CHECK: scf.for %{{.*}} = %[[WARP]] to %[[G]] step
// CHECK: memref.load {{.*}} : memref<96xf32>
// CHECK: scf.for %[[KK:.*]] = %[[LANE4]] to %c64 step %c128 iter_args({{.*}}) -> (f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32)
// CHECK-COUNT-6: vector.load %{{.*}}[%{{.*}}, %[[KK]]] {alignment = 16 : i64} : memref<96x64xf32>, vector<4xf32>
// CHECK-COUNT-2: vector.load %{{.*}}[%{{.*}}, %[[KK]]] {alignment = 16 : i64} : memref<2x64xf32>, vector<4xf32>
// CHECK-COUNT-48: math.fma
// CHECK: scf.yield
// CHECK-COUNT-6: gpu.shuffle  xor %{{.*}}, %c16_i32, %c32_i32 : f32
// CHECK-COUNT-3: gpu.shuffle  xor %{{.*}}, %c8_i32, %c32_i32 : f32
// CHECK-COUNT-3: gpu.shuffle  xor %{{.*}}, %c4_i32, %c32_i32 : f32
// CHECK-COUNT-3: gpu.shuffle  xor %{{.*}}, %c2_i32, %c32_i32 : f32
// CHECK-COUNT-3: gpu.shuffle  xor %{{.*}}, %c1_i32, %c32_i32 : f32
// CHECK-NOT: gpu.shuffle
// CHECK: arith.addf
// CHECK: arith.maximumf
// CHECK-NOT: scf.if
// CHECK: memref.store {{.*}} : memref<192xf32, #gpu.address_space<workgroup>>
// CHECK: llvm.inline_asm has_side_effects "bar.sync 0;"
// CHECK: scf.for
// CHECK: vector.load {{.*}} : memref<10x96xf32>, vector<4xf32>
// CHECK: vector.load {{.*}} : memref<192xf32, #gpu.address_space<workgroup>>, vector<4xf32>
// CHECK: gpu.shuffle  xor
// CHECK: scf.if
// CHECK: memref.store {{.*}} : memref<2x10xf32>
// CHECK-NOT: bar.sync
// CHECK: gpu.terminator
func.func @mlp_tb(%x: tensor<2x64xf32>, %w0: tensor<96x64xf32>, %b0: tensor<96xf32>, %w1: tensor<10x96xf32>) -> tensor<2x10xf32> {
  %0 = call @mlp_tb_chain(%x, %w0, %b0, %w1) : (tensor<2x64xf32>, tensor<96x64xf32>, tensor<96xf32>, tensor<10x96xf32>) -> tensor<2x10xf32>
  return %0 : tensor<2x10xf32>
}
func.func private @mlp_tb_chain(%x: tensor<2x64xf32>, %w0: tensor<96x64xf32>, %b0: tensor<96xf32>, %w1: tensor<10x96xf32>) -> tensor<2x10xf32> attributes {dlc.fusion = {kind = "gemm_chain"}} {
  %0 = "dlc.matmul"(%x, %w0) {transpose_a = false, transpose_b = true} : (tensor<2x64xf32>, tensor<96x64xf32>) -> tensor<2x96xf32>
  %1 = "dlc.add"(%0, %b0) : (tensor<2x96xf32>, tensor<96xf32>) -> tensor<2x96xf32>
  %2 = "dlc.relu"(%1) : (tensor<2x96xf32>) -> tensor<2x96xf32>
  %3 = "dlc.matmul"(%2, %w1) {transpose_a = false, transpose_b = true} : (tensor<2x96xf32>, tensor<10x96xf32>) -> tensor<2x10xf32>
  return %3 : tensor<2x10xf32>
}

// f16: the chain kernel computes f32 only; the group falls through and is lowered op by op (two
// cuBLASLt f16 GEMMs, the relu absorbed by the first).
// CHECK-LABEL: func.func private @mlp_f16_chain(
// CHECK-NEXT: call @__dlc_gpu_matmul_{{[0-9]+}}(%arg0, %arg1)
// CHECK-NEXT: call @__dlc_gpu_matmul_{{[0-9]+}}(
// CHECK-NEXT: return
// CHECK: func.func private @dlcrt_gemm_f16(
func.func @mlp_f16(%x: tensor<4x64xf16>, %w0: tensor<64x128xf16>, %w1: tensor<128x8xf16>) -> tensor<4x8xf16> {
  %0 = call @mlp_f16_chain(%x, %w0, %w1) : (tensor<4x64xf16>, tensor<64x128xf16>, tensor<128x8xf16>) -> tensor<4x8xf16>
  return %0 : tensor<4x8xf16>
}
func.func private @mlp_f16_chain(%x: tensor<4x64xf16>, %w0: tensor<64x128xf16>, %w1: tensor<128x8xf16>) -> tensor<4x8xf16> attributes {dlc.fusion = {kind = "gemm_chain"}} {
  %0 = "dlc.matmul"(%x, %w0) : (tensor<4x64xf16>, tensor<64x128xf16>) -> tensor<4x128xf16>
  %1 = "dlc.relu"(%0) : (tensor<4x128xf16>) -> tensor<4x128xf16>
  %2 = "dlc.matmul"(%1, %w1) : (tensor<4x128xf16>, tensor<128x8xf16>) -> tensor<4x8xf16>
  return %2 : tensor<4x8xf16>
}
