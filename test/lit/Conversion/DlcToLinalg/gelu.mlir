// DlcToLinalg of dlc.gelu: the default (approximate = "none") is 0.5 x (1 + erf(x / sqrt 2)); the
// "tanh" form is 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))). The two get different helpers.
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s
// RUN: dlc-opt %s --dlc-lower-to-linalg | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @gelus(
// CHECK: call @[[ERF:__dlc_gelu_[0-9]+]](%arg0)
// CHECK: call @[[ERF]](%arg0)
// CHECK: call @[[TANH:__dlc_gelu_[0-9]+]](%arg0)
func.func @gelus(%x: tensor<16xf32>) {
  %0 = "dlc.gelu"(%x) : (tensor<16xf32>) -> tensor<16xf32>
  %1 = "dlc.gelu"(%x) {approximate = "none"} : (tensor<16xf32>) -> tensor<16xf32>
  %2 = "dlc.gelu"(%x) {approximate = "tanh"} : (tensor<16xf32>) -> tensor<16xf32>
  return
}

// CHECK: func.func private @[[ERF]](
// CHECK: ^bb0(%[[X:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[RSQRT2:.*]] = arith.constant 0.707106769 : f32
// CHECK-NEXT: %[[S:.*]] = arith.mulf %[[X]], %[[RSQRT2]] : f32
// CHECK-NEXT: %[[E:.*]] = math.erf %[[S]] : f32
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[P:.*]] = arith.addf %[[E]], %[[ONE]] : f32
// CHECK-NEXT: %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-NEXT: %[[H:.*]] = arith.mulf %[[X]], %[[HALF]] : f32
// CHECK-NEXT: %[[V:.*]] = arith.mulf %[[H]], %[[P]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @[[TANH]](
// CHECK: ^bb0(%[[X:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[X2:.*]] = arith.mulf %[[X]], %[[X]] : f32
// CHECK-NEXT: %[[X3:.*]] = arith.mulf %[[X]], %[[X2]] : f32
// CHECK-NEXT: %[[C:.*]] = arith.constant 4.471500e-02 : f32
// CHECK-NEXT: %[[T:.*]] = arith.mulf %[[X3]], %[[C]] : f32
// CHECK-NEXT: %[[I:.*]] = arith.addf %[[X]], %[[T]] : f32
// CHECK-NEXT: %[[K:.*]] = arith.constant 0.797884583 : f32
// CHECK-NEXT: %[[IK:.*]] = arith.mulf %[[I]], %[[K]] : f32
// CHECK-NEXT: %[[TH:.*]] = math.tanh %[[IK]] : f32
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[P:.*]] = arith.addf %[[TH]], %[[ONE]] : f32
// CHECK-NEXT: %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
// CHECK-NEXT: %[[H:.*]] = arith.mulf %[[X]], %[[HALF]] : f32
// CHECK-NEXT: %[[V:.*]] = arith.mulf %[[H]], %[[P]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32
