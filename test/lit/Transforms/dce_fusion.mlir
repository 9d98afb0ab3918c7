// --dlc-dce inside fusion groups (private functions with a `dlc.fusion` schedule): dead dlc ops in a
// group's body go, the group function, its schedule attribute and the calls of it stay (a func.call
// is not a dlc op, even when its results are unused).
// RUN: dlc-opt %s --dlc-dce | FileCheck %s

// CHECK-LABEL: func.func @main(
// CHECK-NEXT: %[[L:.*]] = call @group(%arg0)
// CHECK-NEXT: %[[U:.*]] = call @group(%arg0)
// CHECK-NEXT: return %[[L]]
func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = call @group(%x) : (tensor<4xf32>) -> tensor<4xf32>
  %1 = call @group(%x) : (tensor<4xf32>) -> tensor<4xf32>
  %2 = "dlc.neg"(%1) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func private @group(
// CHECK-SAME: attributes {dlc.fusion = {ilp = 4 : i64, kind = "loop"}}
// CHECK-NEXT: %[[E:.*]] = "dlc.exp"(%arg0)
// CHECK-NEXT: return %[[E]]
// CHECK-NEXT: }
func.func private @group(%x: tensor<4xf32>) -> tensor<4xf32> attributes {dlc.fusion = {ilp = 4 : i64, kind = "loop"}} {
  %0 = "dlc.exp"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  %1 = "dlc.tanh"(%0) : (tensor<4xf32>) -> tensor<4xf32>
  %2 = "dlc.abs"(%1) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
