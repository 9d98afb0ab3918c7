// --dlc-dce removes dlc ops whose results are unused, transitively (a dead consumer frees its
// producers), keeps dlc ops that are used, and leaves non-dlc ops alone (even unused ones).
// RUN: dlc-opt %s --dlc-dce | FileCheck %s
// Running it again changes nothing.
// RUN: dlc-opt %s --dlc-dce | dlc-opt --dlc-dce | FileCheck %s

// CHECK-LABEL: func.func @chain(
// CHECK-SAME: %[[A:[^:]+]]: tensor<4xf32>, %[[B:[^:]+]]: tensor<4xf32>
// CHECK-NEXT: %[[C:.*]] = arith.constant dense<1.000000e+00> : tensor<4xf32>
// CHECK-NEXT: %[[R:.*]] = "dlc.relu"(%[[A]]) : (tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: %[[N:.*]] = "dlc.neg"(%[[R]]) : (tensor<4xf32>) -> tensor<4xf32>
// CHECK-NEXT: return %[[N]] : tensor<4xf32>
// CHECK-NEXT: }
func.func @chain(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %c = arith.constant dense<1.0> : tensor<4xf32>
  %0 = "dlc.add"(%a, %b) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %1 = "dlc.exp"(%0) : (tensor<4xf32>) -> tensor<4xf32>
  %2 = "dlc.mul"(%1, %c) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  %3 = "dlc.relu"(%a) : (tensor<4xf32>) -> tensor<4xf32>
  %4 = "dlc.neg"(%3) : (tensor<4xf32>) -> tensor<4xf32>
  return %4 : tensor<4xf32>
}

// A producer with one live and one dead user stays; only the dead user goes.
// CHECK-LABEL: func.func @shared_producer(
// CHECK-NEXT: %[[M:.*]] = "dlc.matmul"(%arg0, %arg1)
// CHECK-NEXT: %[[S:.*]] = "dlc.softmax"(%[[M]])
// CHECK-NEXT: return %[[S]]
// CHECK-NEXT: }
func.func @shared_producer(%a: tensor<2x3xf32>, %b: tensor<3x4xf32>) -> tensor<2x4xf32> {
  %0 = "dlc.matmul"(%a, %b) : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  %1 = "dlc.reduce"(%0) {axes = array<i64: 1>, kind = "sum"} : (tensor<2x4xf32>) -> tensor<2xf32>
  %2 = "dlc.softmax"(%0) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return %2 : tensor<2x4xf32>
}

// Everything dead: the body is just the return; non-dlc ops and unused arguments stay.
// CHECK-LABEL: func.func @all_dead(
// CHECK-NEXT: %[[K:.*]] = arith.constant 3 : index
// CHECK-NEXT: %[[D:.*]] = tensor.dim %arg0, %[[K]]
// CHECK-NEXT: return
// CHECK-NEXT: }
func.func @all_dead(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  %k = arith.constant 3 : index
  %d = tensor.dim %x, %k : tensor<1x3x8x8xf32>
  %c = "dlc.constant"() {value = dense<0.5> : tensor<4xf32>} : () -> tensor<4xf32>
  %0 = "dlc.conv2d"(%x, %w, %c) : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32>
  %1 = "dlc.max_pool2d"(%0) {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>} : (tensor<1x4x6x6xf32>) -> tensor<1x4x3x3xf32>
  %2 = "dlc.reshape"(%1) : (tensor<1x4x3x3xf32>) -> tensor<1x36xf32>
  %3 = "dlc.transpose"(%2) {perm = array<i64: 1, 0>} : (tensor<1x36xf32>) -> tensor<36x1xf32>
  return
}

// Uses by non-dlc ops (here a func.call and an scf.if region) keep dlc ops alive; dead dlc ops
// inside nested regions are removed too.
// CHECK-LABEL: func.func @used_by_non_dlc(
// CHECK-NEXT: %[[E:.*]] = "dlc.exp"(%arg0)
// CHECK-NEXT: %[[T:.*]] = "dlc.tanh"(%arg0)
// CHECK-NEXT: %[[I:.*]] = scf.if %arg1 -> (tensor<4xf32>) {
// CHECK-NEXT: %[[L:.*]] = "dlc.log"(%[[E]])
// CHECK-NEXT: scf.yield %[[L]]
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %[[T]]
// CHECK-NEXT: }
// CHECK-NEXT: %[[R:.*]] = call @sink(%[[I]])
// CHECK-NEXT: return %[[R]]
func.func @used_by_non_dlc(%x: tensor<4xf32>, %p: i1) -> tensor<4xf32> {
  %0 = "dlc.exp"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  %1 = "dlc.tanh"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  %2 = scf.if %p -> (tensor<4xf32>) {
    %dead = "dlc.sqrt"(%0) : (tensor<4xf32>) -> tensor<4xf32>
    %l = "dlc.log"(%0) : (tensor<4xf32>) -> tensor<4xf32>
    scf.yield %l : tensor<4xf32>
  } else {
    %dead2 = "dlc.abs"(%1) : (tensor<4xf32>) -> tensor<4xf32>
    scf.yield %1 : tensor<4xf32>
  }
  %3 = call @sink(%2) : (tensor<4xf32>) -> tensor<4xf32>
  return %3 : tensor<4xf32>
}

// CHECK-LABEL: func.func private @sink(
func.func private @sink(tensor<4xf32>) -> tensor<4xf32>
