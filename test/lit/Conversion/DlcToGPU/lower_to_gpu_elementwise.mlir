// dlc-lower-to-gpu turns elementwise ops and "loop" fusion groups into one gpu.launch each: 16-byte
// vector loads/stores where the innermost dim is contiguous, equal to the output's and a multiple of
// the vector width, scalar loads otherwise; exact grids with 256 threads by default, the group's
// threads/ilp when given. What it does not handle stays a dlc op.
// RUN: dlc-opt %s --dlc-lower-to-gpu | FileCheck %s

// CHECK-LABEL: func.func @main(
// CHECK: call @__dlc_gpu_add_0(%arg0, %arg1)
// CHECK: call @__dlc_gpu_exp_1(%arg2)
// CHECK: call @__dlc_gpu_mul_2(%arg0, %arg3)
// CHECK: "dlc.reshape"
// CHECK: call @__dlc_gpu_sub_3(
// CHECK: call @__dlc_gpu_less_4(%arg0, %arg1)
// CHECK: call @__dlc_gpu_add_0(%arg0, %arg1)
// CHECK: call @bias_gelu(%arg0, %arg1)
// CHECK: call @__dlc_gpu_relu_5(%arg5)
// CHECK: call @__dlc_gpu_div_6(%arg6, %arg1)
// CHECK: call @__dlc_gpu_exp_7(%arg7)
func.func @main(%a: tensor<4x64xf32>, %b: tensor<64xf32>, %c: tensor<3x7xf32>, %d: tensor<4x1xf32>, %e: tensor<?x64xf32>, %big: tensor<128x4096xf32>, %dyn: tensor<2x?xf32>, %c47: tensor<4x7xf32>)
    -> (tensor<4x64xf32>, tensor<3x7xf32>, tensor<4x64xf32>, tensor<?x64xf32>, tensor<4x64xi1>, tensor<4x64xf32>, tensor<4x64xf32>, tensor<256xf32>, tensor<128x4096xf32>, tensor<2x?xf32>, tensor<4x7xf32>) {
  %0 = "dlc.add"(%a, %b) : (tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %1 = "dlc.exp"(%c) : (tensor<3x7xf32>) -> tensor<3x7xf32>
  %2 = "dlc.mul"(%a, %d) : (tensor<4x64xf32>, tensor<4x1xf32>) -> tensor<4x64xf32>
  %r = "dlc.reshape"(%a) : (tensor<4x64xf32>) -> tensor<256xf32>
  %3 = "dlc.sub"(%e, %b) : (tensor<?x64xf32>, tensor<64xf32>) -> tensor<?x64xf32>
  %4 = "dlc.less"(%a, %b) : (tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xi1>
  %5 = "dlc.add"(%a, %b) : (tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %6 = call @bias_gelu(%a, %b) : (tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %7 = "dlc.relu"(%big) : (tensor<128x4096xf32>) -> tensor<128x4096xf32>
  %8 = "dlc.div"(%dyn, %b) : (tensor<2x?xf32>, tensor<64xf32>) -> tensor<2x?xf32>
  %9 = "dlc.exp"(%c47) : (tensor<4x7xf32>) -> tensor<4x7xf32>
  return %0, %1, %2, %3, %4, %5, %6, %r, %7, %8, %9 : tensor<4x64xf32>, tensor<3x7xf32>, tensor<4x64xf32>, tensor<?x64xf32>, tensor<4x64xi1>, tensor<4x64xf32>, tensor<4x64xf32>, tensor<256xf32>, tensor<128x4096xf32>, tensor<2x?xf32>, tensor<4x7xf32>
}

// A loop group becomes one kernel in place: its name, dlc.fusion kept, dlc.gpu_kernel added; its
// threads = 32 and ilp = 2 give 32-thread blocks covering 64 groups of 4 each: 64 groups -> 1 block.
// CHECK-LABEL: func.func private @bias_gelu(
// CHECK-SAME: attributes {dlc.fusion = {ilp = 2 : i64, kind = "loop", threads = 32 : i64}, dlc.gpu_kernel}
// CHECK-NOT: dlc.
// CHECK-DAG: %[[T:.*]] = arith.constant 32 : index
// CHECK-DAG: %[[ILP:.*]] = arith.constant 2 : index
// CHECK-DAG: %[[PB:.*]] = arith.constant 64 : index
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %c1{{.*}}, {{.*}} = %c1{{.*}}, {{.*}} = %c1{{.*}}) threads({{.*}}) in ({{.*}} = %[[T]], {{.*}} = %c1{{.*}}, {{.*}} = %c1{{.*}})
// CHECK: scf.for %{{.*}} = %c0{{.*}} to %[[ILP]] step
// CHECK: vector.load {{.*}} {alignment = 16 : i64} : memref<256xf32>, vector<4xf32>
// CHECK: vector.load {{.*}} {alignment = 16 : i64} : memref<64xf32>, vector<4xf32>
// CHECK-COUNT-4: math.erf
// CHECK: vector.store {{.*}} {alignment = 16 : i64} : memref<256xf32>, vector<4xf32>
// CHECK: gpu.terminator
func.func private @bias_gelu(%a: tensor<4x64xf32>, %b: tensor<64xf32>) -> tensor<4x64xf32> attributes {dlc.fusion = {kind = "loop", threads = 32, ilp = 2}} {
  %0 = "dlc.add"(%a, %b) : (tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %1 = "dlc.gelu"(%0) : (tensor<4x64xf32>) -> tensor<4x64xf32>
  return %1 : tensor<4x64xf32>
}

// Broadcast bias along the rows, inner dim 64: vector loads of both operands, 64 groups of 4 in one
// 256-thread block; the same op with the same types shares this function. The operand of the output's
// shape and the output are read and written through 1-D views at the linear index; only the broadcast
// operand needs the column index.
// CHECK-LABEL: func.func private @__dlc_gpu_add_0(%arg0: tensor<4x64xf32>, %arg1: tensor<64xf32>) -> tensor<4x64xf32>
// CHECK: bufferization.to_buffer %arg0 read_only : tensor<4x64xf32> to memref<4x64xf32>
// CHECK: bufferization.to_buffer %arg1 read_only : tensor<64xf32> to memref<64xf32>
// CHECK: %[[OUT:.*]] = memref.alloc() : memref<4x64xf32>
// CHECK: %[[FIN:.*]] = memref.collapse_shape %[[IN0:.*]] {{\[\[}}0, 1{{\]\]}} : memref<4x64xf32> into memref<256xf32>
// CHECK: %[[FOUT:.*]] = memref.collapse_shape %[[OUT]] {{\[\[}}0, 1{{\]\]}} : memref<4x64xf32> into memref<256xf32>
// CHECK: %[[T:.*]] = arith.constant 256 : index
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %c1{{.*}}, {{.*}}) threads({{.*}}) in ({{.*}} = %[[T]], {{.*}}, {{.*}})
// CHECK: gpu.block_id x
// CHECK: gpu.thread_id x
// CHECK: arith.cmpi ult, %{{.*}}, %c64{{.*}} : index
// CHECK: %[[E:.*]] = arith.muli %{{.*}}, %{{.*}} : index
// CHECK: %[[COL:.*]] = arith.remui %[[E]], %{{.*}} : index
// CHECK: vector.load %[[FIN]][%[[E]]] {alignment = 16 : i64} : memref<256xf32>, vector<4xf32>
// CHECK: vector.load %{{.*}}[%[[COL]]] {alignment = 16 : i64} : memref<64xf32>, vector<4xf32>
// CHECK-COUNT-4: arith.addf
// CHECK: vector.from_elements {{.*}} : vector<4xf32>
// CHECK: vector.store %{{.*}}, %[[FOUT]][%[[E]]] {alignment = 16 : i64} : memref<256xf32>, vector<4xf32>
// CHECK: bufferization.to_tensor %[[OUT]] restrict writable : memref<4x64xf32> to tensor<4x64xf32>

// 3 x 7: neither the inner dim nor the element count is a multiple of 4: one element per thread,
// scalar loads, 21 elements in one block.
// CHECK-LABEL: func.func private @__dlc_gpu_exp_1(
// CHECK-NOT: vector.
// CHECK: memref.load %{{.*}}[%{{.*}}] : memref<21xf32>
// CHECK: math.exp
// CHECK: memref.store
// CHECK-NOT: vector.
// CHECK: return

// %d (4x1) is broadcast along the inner dim: read once per group and reused by the 4 lanes, through
// a 1-D view at the linear index divided by the row length (no per-dim index arithmetic); %a still
// vector-loaded.
// CHECK-LABEL: func.func private @__dlc_gpu_mul_2(
// CHECK: memref.collapse_shape %{{.*}} {{\[\[}}0, 1{{\]\]}} : memref<4x1xf32> into memref<4xf32>
// CHECK: gpu.launch
// CHECK-NOT: arith.remui
// CHECK: %[[ROW:.*]] = arith.divui %{{.*}}, %c64{{.*}} : index
// CHECK-NOT: arith.remui
// CHECK: vector.load %{{.*}} : memref<256xf32>, vector<4xf32>
// CHECK: memref.load %{{.*}}[%[[ROW]]] : memref<4xf32>
// CHECK-NOT: vector.load
// CHECK: vector.store

// A dynamic row count: read with memref.dim, the grid computed at run time (ilp 2).
// CHECK-LABEL: func.func private @__dlc_gpu_sub_3(
// CHECK: %[[DIM:.*]] = memref.dim %{{.*}}, %{{.*}} : memref<?x64xf32>
// CHECK: memref.alloc(%[[DIM]]) : memref<?x64xf32>
// CHECK: arith.ceildivui
// CHECK: vector.load {{.*}} : memref<?xf32>, vector<4xf32>

// i1 results: scalar path.
// CHECK-LABEL: func.func private @__dlc_gpu_less_4(
// CHECK-NOT: vector.
// CHECK: arith.cmpf olt
// CHECK: memref.store %{{.*}} : memref<256xi1>

// 128 x 4096 f32: 131072 groups of 4, within one wave of 256-thread blocks: ilp 1, 512 blocks.
// CHECK-LABEL: func.func private @__dlc_gpu_relu_5(
// CHECK-DAG: %[[T:.*]] = arith.constant 256 : index
// CHECK-DAG: %[[GRID:.*]] = arith.constant 512 : index
// CHECK-DAG: %[[N:.*]] = arith.constant 131072 : index
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %[[GRID]], {{.*}} = %c1{{.*}}, {{.*}} = %c1{{.*}}) threads({{.*}}) in ({{.*}} = %[[T]], {{.*}} = %c1{{.*}}, {{.*}} = %c1{{.*}})
// CHECK: arith.cmpi ult, %{{.*}}, %[[N]] : index
// CHECK: vector.load {{.*}} : memref<524288xf32>, vector<4xf32>
// CHECK-COUNT-4: arith.maximumf
// CHECK: vector.store

// A dynamic inner dim: the vector kernel when it is a multiple of 4 at run time, else the scalar one.
// CHECK-LABEL: func.func private @__dlc_gpu_div_6(
// CHECK: %[[IN:.*]] = memref.dim %{{.*}}, %{{.*}} : memref<2x?xf32>
// CHECK: %[[REM:.*]] = arith.remui %[[IN]], %{{.*}} : index
// CHECK: %[[OK:.*]] = arith.cmpi eq, %[[REM]], %c0 : index
// CHECK: scf.if %[[OK]] {
// CHECK: gpu.launch
// CHECK: vector.load {{.*}} : memref<?xf32>, vector<4xf32>
// CHECK: } else {
// CHECK: gpu.launch
// CHECK-NOT: vector.load
// CHECK: memref.load {{.*}} : memref<?xf32>
// CHECK-NOT: vector.
// CHECK: return

// 4 x 7 with no broadcast operand: vectors run along the flat index (28 elements, 7 groups of 4).
// CHECK-LABEL: func.func private @__dlc_gpu_exp_7(
// CHECK: vector.load %{{.*}} {alignment = 16 : i64} : memref<28xf32>, vector<4xf32>
// CHECK-COUNT-4: math.exp
// CHECK: vector.store %{{.*}} {alignment = 16 : i64} : memref<28xf32>, vector<4xf32>
