// DlcToLinalg and fusion groups: a group is a private function with a `dlc.fusion` schedule,
// launched by func.call. The call stays, the group keeps its schedule attribute, and the dlc ops in
// its body are lowered like any others (sharing helpers with the rest of the module).
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s
// RUN: dlc-opt %s --dlc-lower-to-linalg | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @main(
// CHECK-SAME: %[[A:[^:]+]]: tensor<4x8xf32>, %[[B:[^:]+]]: tensor<8xf32>
// CHECK-NEXT: %[[R:.*]]:2 = call @fused(%[[A]], %[[B]]) : (tensor<4x8xf32>, tensor<8xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>)
// CHECK-NEXT: %[[S:.*]] = call @[[ADD:__dlc_add_[0-9]+]](%[[R]]#0, %[[R]]#1)
// CHECK-NEXT: %[[T:.*]] = call @[[RELU:__dlc_relu_[0-9]+]](%[[S]])
// CHECK-NEXT: return %[[T]] : tensor<4x8xf32>
func.func @main(%a: tensor<4x8xf32>, %b: tensor<8xf32>) -> tensor<4x8xf32> {
  %0:2 = call @fused(%a, %b) : (tensor<4x8xf32>, tensor<8xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>)
  %1 = "dlc.add"(%0#0, %0#1) : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %2 = "dlc.relu"(%1) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return %2 : tensor<4x8xf32>
}

// CHECK-LABEL: func.func private @fused(
// CHECK-SAME: attributes {dlc.fusion = {kind = "loop", tile = array<i64: 1, 8>}}
// CHECK-NEXT: %[[M:.*]] = call @__dlc_mul_{{[0-9]+}}(%arg0, %arg1) : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: %[[N:.*]] = call @[[RELU]](%[[M]]) : (tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK-NEXT: return %[[M]], %[[N]]
// CHECK-NOT: dlc.mul
func.func private @fused(%a: tensor<4x8xf32>, %b: tensor<8xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>) attributes {dlc.fusion = {kind = "loop", tile = array<i64: 1, 8>}} {
  %0 = "dlc.mul"(%a, %b) : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
  %1 = "dlc.relu"(%0) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0, %1 : tensor<4x8xf32>, tensor<4x8xf32>
}
