// dlc-lower-to-gpu: a transpose that moves the innermost dim goes through a 32 x 33 shared-memory tile
// (32 x 8 threads, grid x over the output's inner dim, y over the dim the input's inner dim lands on,
// z over the rest), with a block barrier between the coalesced read and the coalesced write. A
// transpose that keeps the innermost dim and a reshape stay dlc ops.
// RUN: dlc-opt %s --dlc-lower-to-gpu | FileCheck %s

// CHECK-LABEL: func.func @main(
// CHECK: call @__dlc_gpu_transpose_0(%arg0) : (tensor<64x48xf32>) -> tensor<48x64xf32>
// CHECK: call @__dlc_gpu_transpose_1(%arg1) : (tensor<2x?x16x8xf16>) -> tensor<2x8x16x?xf16>
// CHECK: "dlc.transpose"(%arg2) {perm = array<i64: 1, 0, 2>}
// CHECK: "dlc.reshape"(%arg2)
func.func @main(%a: tensor<64x48xf32>, %b: tensor<2x?x16x8xf16>, %c: tensor<4x8x16xf32>)
    -> (tensor<48x64xf32>, tensor<2x8x16x?xf16>, tensor<8x4x16xf32>, tensor<32x16xf32>) {
  %0 = "dlc.transpose"(%a) {perm = array<i64: 1, 0>} : (tensor<64x48xf32>) -> tensor<48x64xf32>
  %1 = "dlc.transpose"(%b) {perm = array<i64: 0, 3, 2, 1>} : (tensor<2x?x16x8xf16>) -> tensor<2x8x16x?xf16>
  %2 = "dlc.transpose"(%c) {perm = array<i64: 1, 0, 2>} : (tensor<4x8x16xf32>) -> tensor<8x4x16xf32>
  %3 = "dlc.reshape"(%c) : (tensor<4x8x16xf32>) -> tensor<32x16xf32>
  return %0, %1, %2, %3 : tensor<48x64xf32>, tensor<2x8x16x?xf16>, tensor<8x4x16xf32>, tensor<32x16xf32>
}

// 64 x 48 -> 48 x 64: 2 x 2 tiles, one batch slice; 32 * 33 * 4 bytes of shared memory.
// CHECK-LABEL: func.func private @__dlc_gpu_transpose_0(
// CHECK-DAG: %[[D0:.*]] = arith.constant 48 : index
// CHECK-DAG: %[[D1:.*]] = arith.constant 64 : index
// CHECK-DAG: %[[TILE:.*]] = arith.constant 32 : index
// CHECK-DAG: %[[ROWS:.*]] = arith.constant 8 : index
// CHECK-DAG: %[[GX:.*]] = arith.ceildivui %[[D1]], %[[TILE]] : index
// CHECK-DAG: %[[GY:.*]] = arith.ceildivui %[[D0]], %[[TILE]] : index
// CHECK: %[[OUT:.*]] = memref.alloc() : memref<48x64xf32>
// CHECK: %[[SMEM:.*]] = arith.constant 4224 : i32
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %[[GX]], {{.*}} = %[[GY]], {{.*}}) threads({{.*}}) in ({{.*}} = %[[TILE]], {{.*}} = %[[ROWS]], {{.*}}) dynamic_shared_memory_size %[[SMEM]]
// CHECK: %[[RAW:.*]] = gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<workgroup>>
// CHECK: %[[T:.*]] = memref.view %[[RAW]]{{.*}} to memref<32x33xf32, #gpu.address_space<workgroup>>
// CHECK-COUNT-4: memref.store %{{.*}}, %[[T]][%{{.*}}, %thread_id_x]
// CHECK: llvm.inline_asm has_side_effects "bar.sync 0;"
// CHECK-COUNT-4: memref.load %[[T]][%thread_id_x, %{{.*}}]
// CHECK: llvm.inline_asm has_side_effects "bar.sync 0;"
// CHECK: gpu.terminator
// CHECK: bufferization.to_tensor %[[OUT]] restrict writable

// Rank 4, perm (0, 3, 2, 1), dynamic dim: sizes from memref.dim; batch dims 0 and 2 (2 x 16 slices).
// CHECK-LABEL: func.func private @__dlc_gpu_transpose_1(
// CHECK: %[[DYN:.*]] = memref.dim %{{.*}}, %{{.*}} : memref<2x?x16x8xf16>
// CHECK: arith.ceildivui %[[DYN]]
// CHECK: memref.alloc(%[[DYN]]) : memref<2x8x16x?xf16>
// CHECK: arith.constant 2112 : i32
// CHECK: memref<32x33xf16, #gpu.address_space<workgroup>>
// CHECK: scf.for %{{.*}} = %block_id_z to %{{.*}} step %grid_dim_z
// CHECK: memref.load %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}] : memref<2x?x16x8xf16>
