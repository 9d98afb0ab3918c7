// Unsigned integer element types are reported as unsupported (the CPU lowering computes with arith,
// which takes signless integers only), for arithmetic and for casts in either direction.
// STABILITY: skip (split-file cases, each an expected error)
// RUN: split-file %s %t
// RUN: not dlc-opt %t/relu.mlir 2>&1 | FileCheck %s --check-prefix=RELU
// RUN: not dlc-opt %t/cast_from.mlir 2>&1 | FileCheck %s --check-prefix=FROM
// RUN: not dlc-opt %t/cast_to.mlir 2>&1 | FileCheck %s --check-prefix=TO
// RELU: error: 'dlc.max' op operand #0 (lhs): unsigned integer element types (tensor<4xui8>) are not supported yet
// FROM: error: 'dlc.cast' op operand #0 (input): unsigned integer element types (tensor<4xui8>) are not supported yet
// TO: error: 'dlc.cast' op result #0: casts to unsigned integer types are not supported yet

//--- relu.mlir
func.func @f(%a: tensor<4xui8>) -> tensor<4xui8> {
  %0 = "dlc.max"(%a, %a) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  return %0 : tensor<4xui8>
}
//--- cast_from.mlir
func.func @f(%a: tensor<4xui8>) -> tensor<4xf32> {
  %0 = "dlc.cast"(%a) : (tensor<4xui8>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
//--- cast_to.mlir
func.func @f(%a: tensor<4xf32>) -> tensor<4xui8> {
  %0 = "dlc.cast"(%a) : (tensor<4xf32>) -> tensor<4xui8>
  return %0 : tensor<4xui8>
}
