// dlc-gpu-merge-modules: all outlined kernels end up in one gpu.module @dlc_kernels, each renamed
// after the module it came from, and every launch points there.
// RUN: dlc-opt %s --dlc-lower-to-linalg "--one-shot-bufferize{bufferize-function-boundaries function-boundary-type-conversion=identity-layout-map}" "--func.func(convert-linalg-to-parallel-loops)" --dlc-gpu-tile-loops "--func.func(gpu-map-parallel-loops)" "--func.func(convert-parallel-loops-to-gpu)" --inline --gpu-kernel-outlining --dlc-gpu-merge-modules | FileCheck %s

func.func @main(%a: tensor<8x64xf32>, %b: tensor<64xf32>) -> tensor<8x64xf32> {
  %0 = "dlc.add"(%a, %b) : (tensor<8x64xf32>, tensor<64xf32>) -> tensor<8x64xf32>
  %1 = "dlc.tanh"(%0) : (tensor<8x64xf32>) -> tensor<8x64xf32>
  %2 = "dlc.mul"(%1, %a) : (tensor<8x64xf32>, tensor<8x64xf32>) -> tensor<8x64xf32>
  return %2 : tensor<8x64xf32>
}
// CHECK: gpu.launch_func @dlc_kernels::@[[K0:[a-z_0-9]+]] blocks in
// CHECK: gpu.launch_func @dlc_kernels::@[[K1:[a-z_0-9]+]] blocks in
// CHECK: gpu.launch_func @dlc_kernels::@[[K2:[a-z_0-9]+]] blocks in
// CHECK: gpu.module @dlc_kernels {
// CHECK-DAG: gpu.func @[[K0]](
// CHECK-DAG: gpu.func @[[K1]](
// CHECK-DAG: gpu.func @[[K2]](
// CHECK-NOT: gpu.module
