// DlcToLinalg of dlc.sigmoid: 1 / (1 + exp(-x)).
//
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s
// RUN: dlc-opt %s --dlc-lower-to-linalg | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @sigmoid(
// CHECK: call @[[SIG:__dlc_sigmoid_[0-9]+]](%arg0) : (tensor<2x4xf32>) -> tensor<2x4xf32>
func.func @sigmoid(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %0 = "dlc.sigmoid"(%x) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// CHECK: func.func private @[[SIG]](
// CHECK: ^bb0(%[[X:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG: %[[N:.*]] = arith.negf %[[X]] : f32
// CHECK: %[[E:.*]] = math.exp %[[N]] : f32
// CHECK: %[[D:.*]] = arith.addf %[[ONE]], %[[E]] : f32
// CHECK: %[[V:.*]] = arith.divf %[[ONE]], %[[D]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32
