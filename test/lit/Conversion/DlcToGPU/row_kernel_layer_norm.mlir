// Row kernels (emit_row_kernel.c): layer_norm over a long row (4096 elements) gets one block of 256
// threads per row; each thread keeps 16 elements in registers, 4 groups of 4 adjacent ones read and
// written with 16-byte vector accesses. Each of the two reductions (the
// sum for the mean, then the sum of (x - mean)^2) is combined in the warp by shuffles, then across
// the 8 warps through 32 bytes of dynamic shared memory between two block barriers. scale and bias
// are read per column.
// RUN: dlc-opt %s --dlc-lower-to-gpu --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @layer_norm(
// CHECK: call @[[LN:__dlc_gpu_layer_norm[_0-9]*]](%arg0, %arg1, %arg2)
func.func @layer_norm(%a: tensor<2x4096xf32>, %s: tensor<4096xf32>, %b: tensor<4096xf32>) -> tensor<2x4096xf32> {
  %0 = "dlc.layer_norm"(%a, %s, %b) {epsilon = 1.0e-5 : f32} : (tensor<2x4096xf32>, tensor<4096xf32>, tensor<4096xf32>) -> tensor<2x4096xf32>
  return %0 : tensor<2x4096xf32>
}

// A row of dynamic length: chosen at run time, a warp per row when it has at most 1024 elements,
// else a block per row; either way a strided loop per pass over the row.
// CHECK-LABEL: func.func @layer_norm_dyn(
// CHECK: call @[[LND:__dlc_gpu_layer_norm[_0-9]*]](%arg0, %arg1, %arg2)
func.func @layer_norm_dyn(%a: tensor<3x?xf32>, %s: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<3x?xf32> {
  %0 = "dlc.layer_norm"(%a, %s, %b) : (tensor<3x?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<3x?xf32>
  return %0 : tensor<3x?xf32>
}

// CHECK: func.func private @[[LN]](
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : index
// CHECK-DAG: %[[C256:.*]] = arith.constant 256 : index
// CHECK-DAG: %[[SMEM:.*]] = arith.constant 32 : i32
// CHECK-DAG: %[[N:.*]] = arith.constant 4.096000e+03 : f32
// CHECK-DAG: %[[EPS:.*]] = arith.constant 9.99999974E-6 : f32
// CHECK: gpu.launch blocks(%[[BX:[^,]*]], {{.*}}) in ({{.*}} = %[[C2]], {{.*}} = %[[C1]], {{.*}} = %[[C1]]) threads({{.*}}) in ({{.*}} = %[[C256]], {{.*}} = %[[C1]], {{.*}} = %[[C1]]) dynamic_shared_memory_size %[[SMEM]] {
// CHECK: %[[RAW:.*]] = gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<workgroup>>
// CHECK: %[[SHM:.*]] = memref.view %[[RAW]]{{.*}} to memref<8xf32, #gpu.address_space<workgroup>>
// CHECK-NOT: scf.for
// CHECK-COUNT-4: vector.load %collapse_shape{{.*}} {alignment = 16 : i64} : memref<8192xf32>, vector<4xf32>
// CHECK-COUNT-5: gpu.shuffle  xor
// CHECK: scf.if
// CHECK-NEXT: memref.store %{{.*}}, %[[SHM]]
// CHECK: llvm.inline_asm has_side_effects "bar.sync 0;", "~{memory}"
// CHECK-COUNT-8: memref.load %[[SHM]]
// CHECK: llvm.inline_asm has_side_effects "bar.sync 0;"
// CHECK: %[[MEAN:.*]] = arith.divf %{{.*}}, %[[N]] : f32
// CHECK: %[[D:.*]] = arith.subf %{{.*}}, %[[MEAN]] : f32
// CHECK: arith.mulf %[[D]], %[[D]] : f32
// CHECK-COUNT-5: gpu.shuffle  xor
// CHECK: llvm.inline_asm
// CHECK: llvm.inline_asm
// CHECK: %[[VAR:.*]] = arith.divf %{{.*}}, %[[N]] : f32
// CHECK: %[[VE:.*]] = arith.addf %[[VAR]], %[[EPS]] : f32
// CHECK: %[[SD:.*]] = math.sqrt %[[VE]] : f32
// CHECK: arith.divf %[[D]], %[[SD]] : f32
// CHECK-NEXT: vector.load %{{.*}} : memref<4096xf32>, vector<4xf32>
// CHECK-COUNT-4: vector.extract
// CHECK-NEXT: arith.mulf
// CHECK-NEXT: vector.load %{{.*}} : memref<4096xf32>, vector<4xf32>
// CHECK-COUNT-4: vector.extract
// CHECK-NEXT: arith.addf
// CHECK: vector.from_elements
// CHECK-NEXT: vector.store
// CHECK: gpu.terminator

// CHECK: func.func private @[[LND]](
// CHECK: %[[DIM:.*]] = tensor.dim %arg0, %c1
// CHECK: memref.alloc(%[[DIM]]) : memref<3x?xf32>
// CHECK: %[[SHORT:.*]] = arith.cmpi ule, %[[DIM]], %c1024 : index
// CHECK: scf.if %[[SHORT]] {
// CHECK-NEXT: gpu.launch
// CHECK-NOT: dynamic_shared_memory
// CHECK: scf.for %{{.*}} = %{{.*}} to %[[DIM]] step %c32 iter_args(%{{.*}} = %cst{{.*}}) -> (f32) {
// CHECK: scf.for %{{.*}} = %{{.*}} to %[[DIM]] step %c32 iter_args
// CHECK: scf.for %{{.*}} = %{{.*}} to %[[DIM]] step %c32 {
// CHECK: } else {
// CHECK-NEXT: gpu.launch {{.*}} dynamic_shared_memory_size
// CHECK: scf.for %{{.*}} = %{{.*}} to %[[DIM]] step %c256 iter_args(%{{.*}} = %cst{{.*}}) -> (f32) {
// CHECK: scf.for %{{.*}} = %{{.*}} to %[[DIM]] step %c256 iter_args
// CHECK: scf.for %{{.*}} = %{{.*}} to %[[DIM]] step %c256 {
// CHECK: memref.store
