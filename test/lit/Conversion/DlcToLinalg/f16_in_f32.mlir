// DlcToLinalg computes f16 and bf16 arithmetic in f32 and rounds once: operands are extended with
// arith.extf, the op runs on f32, the result is truncated with arith.truncf. Compares extend but
// yield i1 without truncation. f64 is computed as it is.
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s
// RUN: dlc-opt %s --dlc-lower-to-linalg | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @half(
func.func @half(%a: tensor<8xf16>, %b: tensor<8xf16>, %c: tensor<8xbf16>, %d: tensor<8xf64>) {
  // CHECK: call @[[ADD:__dlc_add_[0-9]+]](%arg0, %arg1) : (tensor<8xf16>, tensor<8xf16>) -> tensor<8xf16>
  %0 = "dlc.add"(%a, %b) : (tensor<8xf16>, tensor<8xf16>) -> tensor<8xf16>
  // CHECK: call @[[EXP:__dlc_exp_[0-9]+]](%arg2) : (tensor<8xbf16>) -> tensor<8xbf16>
  %1 = "dlc.exp"(%c) : (tensor<8xbf16>) -> tensor<8xbf16>
  // CHECK: call @[[LESS:__dlc_less_[0-9]+]](%arg0, %arg1) : (tensor<8xf16>, tensor<8xf16>) -> tensor<8xi1>
  %2 = "dlc.less"(%a, %b) : (tensor<8xf16>, tensor<8xf16>) -> tensor<8xi1>
  // CHECK: call @[[RELU:__dlc_relu_[0-9]+]](%arg0) : (tensor<8xf16>) -> tensor<8xf16>
  %3 = "dlc.relu"(%a) : (tensor<8xf16>) -> tensor<8xf16>
  // CHECK: call @[[POW:__dlc_pow_[0-9]+]](%arg3, %arg3) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
  %4 = "dlc.pow"(%d, %d) : (tensor<8xf64>, tensor<8xf64>) -> tensor<8xf64>
  return
}

// CHECK: func.func private @[[ADD]](
// CHECK: outs(%{{.*}} : tensor<8xf16>)
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: f16, %[[Y:[^:]+]]: f16, %{{[^:]+}}: f16):
// CHECK-NEXT: %[[XW:.*]] = arith.extf %[[X]] : f16 to f32
// CHECK-NEXT: %[[YW:.*]] = arith.extf %[[Y]] : f16 to f32
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[XW]], %[[YW]] : f32
// CHECK-NEXT: %[[V:.*]] = arith.truncf %[[S]] : f32 to f16
// CHECK-NEXT: linalg.yield %[[V]] : f16

// CHECK: func.func private @[[EXP]](
// CHECK: ^bb0(%[[X:[^:]+]]: bf16, %{{[^:]+}}: bf16):
// CHECK-NEXT: %[[XW:.*]] = arith.extf %[[X]] : bf16 to f32
// CHECK-NEXT: %[[E:.*]] = math.exp %[[XW]] : f32
// CHECK-NEXT: %[[V:.*]] = arith.truncf %[[E]] : f32 to bf16
// CHECK-NEXT: linalg.yield %[[V]] : bf16

// CHECK: func.func private @[[LESS]](
// CHECK: ^bb0(%[[X:[^:]+]]: f16, %[[Y:[^:]+]]: f16, %{{[^:]+}}: i1):
// CHECK-NEXT: %[[XW:.*]] = arith.extf %[[X]] : f16 to f32
// CHECK-NEXT: %[[YW:.*]] = arith.extf %[[Y]] : f16 to f32
// CHECK-NEXT: %[[V:.*]] = arith.cmpf olt, %[[XW]], %[[YW]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : i1

// CHECK: func.func private @[[RELU]](
// CHECK: ^bb0(%[[X:[^:]+]]: f16, %{{[^:]+}}: f16):
// CHECK-NEXT: %[[XW:.*]] = arith.extf %[[X]] : f16 to f32
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[M:.*]] = arith.maximumf %[[XW]], %[[Z]] : f32
// CHECK-NEXT: %[[V:.*]] = arith.truncf %[[M]] : f32 to f16
// CHECK-NEXT: linalg.yield %[[V]] : f16

// CHECK: func.func private @[[POW]](
// CHECK: ^bb0(%[[X:[^:]+]]: f64, %[[Y:[^:]+]]: f64, %{{[^:]+}}: f64):
// CHECK-NEXT: %[[V:.*]] = math.powf %[[X]], %[[Y]] : f64
// CHECK-NEXT: linalg.yield %[[V]] : f64
