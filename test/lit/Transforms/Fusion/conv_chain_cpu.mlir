// A conv_chain group computes what its ops compute on the CPU: the chain (conv + bias, sigmoid, conv
// with asymmetric pads + bias, + residual, relu) is one group (checked below), and dlc-run (the cpu
// pipeline fuses by default) matches numpy.
// REQUIRES: dlc-run, numpy
// RUN: dlc-opt %s --dlc-fuse-conv-chain | FileCheck %s
// RUN: %python %S/Inputs/conv_chain_ref.py %t.x.npy %t.wa.npy %t.ba.npy %t.wb.npy %t.bb.npy %t.r.npy %t.want.npy
// RUN: dlc-run %s --device=cpu --input=@%t.x.npy --input=@%t.wa.npy --input=@%t.ba.npy --input=@%t.wb.npy --input=@%t.bb.npy --input=@%t.r.npy --output=@%t.got.npy
// RUN: %python %S/../../Utils/allclose.py %t.got.npy %t.want.npy
// CHECK-LABEL: func.func @main(
// CHECK-NEXT: call @main_conv_chain_0(%arg0, %arg1, %arg2, %arg3, %arg4, %arg5)
// CHECK-NEXT: return
func.func @main(%x: tensor<2x3x9x7xf32>, %wa: tensor<5x3x3x3xf32>, %ba: tensor<5xf32>, %wb: tensor<2x5x2x3xf32>, %bb: tensor<2xf32>, %r: tensor<2x2x9x7xf32>) -> tensor<2x2x9x7xf32> {
  %0 = "dlc.conv2d"(%x, %wa, %ba) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<2x3x9x7xf32>, tensor<5x3x3x3xf32>, tensor<5xf32>) -> tensor<2x5x9x7xf32>
  %1 = "dlc.sigmoid"(%0) : (tensor<2x5x9x7xf32>) -> tensor<2x5x9x7xf32>
  %2 = "dlc.conv2d"(%1, %wb, %bb) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 0, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<2x5x9x7xf32>, tensor<2x5x2x3xf32>, tensor<2xf32>) -> tensor<2x2x9x7xf32>
  %3 = "dlc.add"(%2, %r) : (tensor<2x2x9x7xf32>, tensor<2x2x9x7xf32>) -> tensor<2x2x9x7xf32>
  %4 = "dlc.relu"(%3) : (tensor<2x2x9x7xf32>) -> tensor<2x2x9x7xf32>
  return %4 : tensor<2x2x9x7xf32>
}
