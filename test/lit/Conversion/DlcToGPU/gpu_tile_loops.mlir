// dlc-gpu-tile-loops: each function's parallel loops get a thread block of 256 along the innermost
// (contiguous) dim and 1 along outer dims; the choice is recorded as dlc.gpu_tile on the function. The
// innermost dim maps to block_x / thread_x (CUDA allows only 64 threads on z), outer ones to y, z.
// RUN: dlc-opt %s --dlc-lower-to-linalg "--one-shot-bufferize{bufferize-function-boundaries function-boundary-type-conversion=identity-layout-map}" "--func.func(convert-linalg-to-parallel-loops)" --dlc-gpu-tile-loops | FileCheck %s

// CHECK-LABEL: func.func @main(
func.func @main(%a: tensor<?x64xf32>, %v: tensor<?xf32>) -> (tensor<?x64xf32>, tensor<?xf32>) {
  %0 = "dlc.relu"(%a) : (tensor<?x64xf32>) -> tensor<?x64xf32>
  %1 = "dlc.exp"(%v) : (tensor<?xf32>) -> tensor<?xf32>
  return %0, %1 : tensor<?x64xf32>, tensor<?xf32>
}
// Rank 2: blocks of 1 x 256, an inner loop over the tile guarded against the bounds.
// CHECK: func.func private @__dlc_relu_0({{.*}}) -> memref<?x64xf32> attributes {dlc.gpu_tile = array<i64: 1, 256>}
// CHECK: scf.parallel (%{{.*}}, %{{.*}}) = (%{{.*}}, %{{.*}}) to (%{{.*}}, %{{.*}}) step (%{{.*}}, %[[C256:.*]])
// CHECK: scf.parallel (%{{.*}}, %{{.*}}) = (%{{.*}}, %{{.*}}) to (%{{.*}}, %{{.*}}) step
// CHECK: scf.if
// CHECK: {mapping = [#gpu.loop_dim_map<processor = sequential, {{.*}}>, #gpu.loop_dim_map<processor = thread_x, {{.*}}>]}
// CHECK: {mapping = [#gpu.loop_dim_map<processor = block_y, {{.*}}>, #gpu.loop_dim_map<processor = block_x, {{.*}}>]}
// Rank 1: blocks of 256.
// CHECK: func.func private @__dlc_exp_1({{.*}}) -> memref<?xf32> attributes {dlc.gpu_tile = array<i64: 256>}
