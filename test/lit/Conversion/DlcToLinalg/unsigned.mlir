// DlcToLinalg of elementwise ops on ui8, which the verifier accepts (dlc.cast lists ui8 as a
// supported type) and the emitter has unsigned paths for (maxui, divui, cmpi ult, extui, fptoui).
//
// XFAIL: *
// BUG: lib/Conversion/DlcToLinalg/emit_elementwise.c emits arith ops directly on ui8 values
// (e.g. `arith.constant 0 : ui8`, `arith.maxui %x0, %v : ui8`, `arith.trunci %x0 : i32 to ui8`),
// but arith only takes signless integers, so the helper does not parse: "'arith.constant' op integer
// return type must be signless" / "generated lowering does not parse". The block arguments need a
// bitcast to signless i8 (or the helper must be written on i8).
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s

// CHECK-LABEL: func.func @unsigned(
// CHECK: call @__dlc_relu_{{[0-9]+}}(%arg0) : (tensor<4xui8>) -> tensor<4xui8>
// CHECK: call @__dlc_max_{{[0-9]+}}(%arg0, %arg0) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
// CHECK: call @__dlc_div_{{[0-9]+}}(%arg0, %arg0) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
// CHECK: call @__dlc_less_{{[0-9]+}}(%arg0, %arg0) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xi1>
// CHECK: call @__dlc_cast_{{[0-9]+}}(%arg1) : (tensor<4xi32>) -> tensor<4xui8>
// CHECK: call @__dlc_cast_{{[0-9]+}}(%arg0) : (tensor<4xui8>) -> tensor<4xf32>
func.func @unsigned(%u: tensor<4xui8>, %i: tensor<4xi32>) {
  %0 = "dlc.relu"(%u) : (tensor<4xui8>) -> tensor<4xui8>
  %1 = "dlc.max"(%u, %u) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  %2 = "dlc.div"(%u, %u) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
  %3 = "dlc.less"(%u, %u) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xi1>
  %4 = "dlc.cast"(%i) : (tensor<4xi32>) -> tensor<4xui8>
  %5 = "dlc.cast"(%u) : (tensor<4xui8>) -> tensor<4xf32>
  return
}
// CHECK: arith.maxui
// CHECK: arith.divui
// CHECK: arith.cmpi ult
// CHECK: arith.trunci
// CHECK: arith.uitofp
