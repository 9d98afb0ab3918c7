// --dlc-pipeline=cpu takes elementwise dlc functions (constants, broadcasting, dynamic dims, f16,
// compare + where, casts; math as LLVM intrinsics or libm calls) all the way to the LLVM dialect:
// nothing of dlc, linalg, tensor, memref, bufferization, scf, cf, affine, arith, math or func is left.
// RUN: dlc-opt %s --dlc-pipeline=cpu | FileCheck %s --implicit-check-not='"dlc.' --implicit-check-not=linalg. --implicit-check-not=tensor. --implicit-check-not=memref. --implicit-check-not=bufferization. --implicit-check-not=scf. --implicit-check-not=cf. --implicit-check-not=affine. --implicit-check-not=arith. --implicit-check-not=math. --implicit-check-not=func.func --implicit-check-not=func.call --implicit-check-not=unrealized_conversion_cast
// The result is valid input for dlc-opt again.
// RUN: dlc-opt %s --dlc-pipeline=cpu | dlc-opt | FileCheck %s --check-prefix=REPARSE

// CHECK-DAG: llvm.func @malloc(
// CHECK-DAG: llvm.func @erff(f32) -> f32
// CHECK-DAG: llvm.mlir.global private constant @__constant_2x3xf32(dense<{{.*}}> : tensor<2x3xf32>)
// REPARSE: llvm.func @bias_relu_exp(
// REPARSE: llvm.func @dynamic_broadcast(

// CHECK-LABEL: llvm.func @bias_relu_exp(
// CHECK: llvm.fadd
// CHECK: llvm.intr.maximum
// CHECK: llvm.intr.exp
// CHECK: llvm.return
func.func @bias_relu_exp(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %c = "dlc.constant"() {value = dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>} : () -> tensor<2x3xf32>
  %0 = "dlc.add"(%x, %c) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  %1 = "dlc.relu"(%0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = "dlc.exp"(%1) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %2 : tensor<2x3xf32>
}

// CHECK-LABEL: llvm.func @dynamic_broadcast(
// CHECK: llvm.fmul
// CHECK: llvm.intr.tanh
// CHECK: llvm.return
func.func @dynamic_broadcast(%a: tensor<?x4xf32>, %b: tensor<4xf32>) -> tensor<?x4xf32> {
  %0 = "dlc.mul"(%a, %b) : (tensor<?x4xf32>, tensor<4xf32>) -> tensor<?x4xf32>
  %1 = "dlc.tanh"(%0) : (tensor<?x4xf32>) -> tensor<?x4xf32>
  return %1 : tensor<?x4xf32>
}

// CHECK-LABEL: llvm.func @half_select(
// CHECK: llvm.fpext
// CHECK: llvm.fcmp "ogt"
// CHECK: llvm.select
// CHECK: llvm.return
func.func @half_select(%a: tensor<8xf16>, %b: tensor<8xf16>) -> tensor<8xf16> {
  %0 = "dlc.sub"(%a, %b) : (tensor<8xf16>, tensor<8xf16>) -> tensor<8xf16>
  %1 = "dlc.greater"(%0, %a) : (tensor<8xf16>, tensor<8xf16>) -> tensor<8xi1>
  %2 = "dlc.where"(%1, %0, %b) : (tensor<8xi1>, tensor<8xf16>, tensor<8xf16>) -> tensor<8xf16>
  return %2 : tensor<8xf16>
}

// CHECK-LABEL: llvm.func @casts_gelu(
// CHECK: llvm.sitofp
// CHECK: llvm.call @erff
// CHECK: llvm.return
func.func @casts_gelu(%i: tensor<3xi32>) -> tensor<3xf32> {
  %0 = "dlc.neg"(%i) : (tensor<3xi32>) -> tensor<3xi32>
  %1 = "dlc.cast"(%0) : (tensor<3xi32>) -> tensor<3xf32>
  %2 = "dlc.gelu"(%1) : (tensor<3xf32>) -> tensor<3xf32>
  return %2 : tensor<3xf32>
}
