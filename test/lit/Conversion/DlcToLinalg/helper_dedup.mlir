// DlcToLinalg shares one generated helper between ops with the same kind, types and attributes,
// across functions; a different type or attribute gets its own helper.
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s
// RUN: dlc-opt %s --dlc-lower-to-linalg | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @first(
// CHECK: %[[A:.*]] = call @[[RELU:__dlc_relu_[0-9]+]](%arg0) : (tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK: %[[B:.*]] = call @[[RELU]](%[[A]]) : (tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK: %[[C:.*]] = call @[[ADD:__dlc_add_[0-9]+]](%[[A]], %[[B]])
// CHECK: call @[[ADD]](%[[C]], %[[C]])
// CHECK: call @[[RELU_DYN:__dlc_relu_[0-9]+]](%arg1) : (tensor<?x8xf32>) -> tensor<?x8xf32>
// CHECK: call @[[GELU:__dlc_gelu_[0-9]+]](%arg0)
// CHECK: call @[[GELU_TANH:__dlc_gelu_[0-9]+]](%arg0)
func.func @first(%x: tensor<4x8xf32>, %y: tensor<?x8xf32>) {
  %0 = "dlc.relu"(%x) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %1 = "dlc.relu"(%0) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %2 = "dlc.add"(%0, %1) : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %3 = "dlc.add"(%2, %2) : (tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<4x8xf32>
  %4 = "dlc.relu"(%y) : (tensor<?x8xf32>) -> tensor<?x8xf32>
  %5 = "dlc.gelu"(%x) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %6 = "dlc.gelu"(%x) {approximate = "tanh"} : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return
}

// The helpers are module-wide: a second function reuses them.
// CHECK-LABEL: func.func @second(
// CHECK: call @[[RELU]](%arg0) : (tensor<4x8xf32>) -> tensor<4x8xf32>
// CHECK: call @[[GELU_TANH]](%arg0)
// CHECK: call @[[RELU_I:__dlc_relu_[0-9]+]](%arg1) : (tensor<4x8xi32>) -> tensor<4x8xi32>
func.func @second(%x: tensor<4x8xf32>, %i: tensor<4x8xi32>) {
  %0 = "dlc.relu"(%x) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %1 = "dlc.gelu"(%x) {approximate = "tanh"} : (tensor<4x8xf32>) -> tensor<4x8xf32>
  %2 = "dlc.relu"(%i) : (tensor<4x8xi32>) -> tensor<4x8xi32>
  return
}

// Exactly one definition per distinct helper: 3 relu, 1 add, 2 gelu.
// CHECK-COUNT-1: func.func private @[[RELU]](
// CHECK-COUNT-1: func.func private @[[ADD]](
// CHECK-COUNT-1: func.func private @[[RELU_DYN]](
// CHECK-COUNT-1: func.func private @[[GELU]](
// CHECK-COUNT-1: func.func private @[[GELU_TANH]](
// CHECK-COUNT-1: func.func private @[[RELU_I]](
// CHECK-NOT: func.func private
