// DlcToLinalg of the unary elementwise ops on f32: each dlc op becomes a call of a private helper
// holding one linalg.generic; the key math/arith op of each kind is checked in the helper's body.
// (sigmoid is in sigmoid.mlir, gelu's two forms in gelu.mlir.)
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s
// RUN: dlc-opt %s --dlc-lower-to-linalg | dlc-opt | FileCheck %s

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>

// CHECK-LABEL: func.func @unary_ops(
// CHECK-SAME: %[[X:.*]]: tensor<2x4xf32>
// CHECK-NOT: dlc.
// CHECK: %[[R0:.*]] = call @[[RELU:__dlc_relu_[0-9]+]](%[[X]]) : (tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: %[[R1:.*]] = call @[[SILU:__dlc_silu_[0-9]+]](%[[R0]])
// CHECK-NEXT: %[[R2:.*]] = call @[[TANH:__dlc_tanh_[0-9]+]](%[[R1]])
// CHECK-NEXT: %[[R3:.*]] = call @[[EXP:__dlc_exp_[0-9]+]](%[[R2]])
// CHECK-NEXT: %[[R4:.*]] = call @[[LOG:__dlc_log_[0-9]+]](%[[R3]])
// CHECK-NEXT: %[[R5:.*]] = call @[[SQRT:__dlc_sqrt_[0-9]+]](%[[R4]])
// CHECK-NEXT: %[[R6:.*]] = call @[[RSQRT:__dlc_rsqrt_[0-9]+]](%[[R5]])
// CHECK-NEXT: %[[R7:.*]] = call @[[ERF:__dlc_erf_[0-9]+]](%[[R6]])
// CHECK-NEXT: %[[R8:.*]] = call @[[NEG:__dlc_neg_[0-9]+]](%[[R7]])
// CHECK-NEXT: %[[R9:.*]] = call @[[ABS:__dlc_abs_[0-9]+]](%[[R8]])
// CHECK-NEXT: %[[R10:.*]] = call @[[RECIP:__dlc_reciprocal_[0-9]+]](%[[R9]])
// CHECK-NEXT: return %[[R10]] : tensor<2x4xf32>
func.func @unary_ops(%x: tensor<2x4xf32>) -> tensor<2x4xf32> {
  %0 = "dlc.relu"(%x) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %1 = "dlc.silu"(%0) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %2 = "dlc.tanh"(%1) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %3 = "dlc.exp"(%2) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %4 = "dlc.log"(%3) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %5 = "dlc.sqrt"(%4) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %6 = "dlc.rsqrt"(%5) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %7 = "dlc.erf"(%6) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %8 = "dlc.neg"(%7) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %9 = "dlc.abs"(%8) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %10 = "dlc.reciprocal"(%9) : (tensor<2x4xf32>) -> tensor<2x4xf32>
  return %10 : tensor<2x4xf32>
}

// The helpers follow, in the order of the ops.
// CHECK: func.func private @[[RELU]](
// CHECK-SAME: %[[A:.*]]: tensor<2x4xf32>) -> tensor<2x4xf32>
// CHECK-NEXT: %[[INIT:.*]] = tensor.empty() : tensor<2x4xf32>
// CHECK-NEXT: %[[G:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[A]] : tensor<2x4xf32>) outs(%[[INIT]] : tensor<2x4xf32>) {
// CHECK-NEXT: ^bb0(%[[IN:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[V:.*]] = arith.maximumf %[[IN]], %[[ZERO]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32
// CHECK-NEXT: } -> tensor<2x4xf32>
// CHECK-NEXT: return %[[G]] : tensor<2x4xf32>

// silu(x) = x / (1 + exp(-x))
// CHECK: func.func private @[[SILU]](
// CHECK: ^bb0(%[[IN:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[N:.*]] = arith.negf %[[IN]] : f32
// CHECK-NEXT: %[[E:.*]] = math.exp %[[N]] : f32
// CHECK-NEXT: %[[D:.*]] = arith.addf %[[ONE]], %[[E]] : f32
// CHECK-NEXT: %[[V:.*]] = arith.divf %[[IN]], %[[D]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @[[TANH]](
// CHECK: ^bb0(%[[IN:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[V:.*]] = math.tanh %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @[[EXP]](
// CHECK: ^bb0(%[[IN:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[V:.*]] = math.exp %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @[[LOG]](
// CHECK: ^bb0(%[[IN:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[V:.*]] = math.log %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @[[SQRT]](
// CHECK: ^bb0(%[[IN:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[V:.*]] = math.sqrt %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @[[RSQRT]](
// CHECK: ^bb0(%[[IN:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[V:.*]] = math.rsqrt %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @[[ERF]](
// CHECK: ^bb0(%[[IN:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[V:.*]] = math.erf %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @[[NEG]](
// CHECK: ^bb0(%[[IN:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[V:.*]] = arith.negf %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @[[ABS]](
// CHECK: ^bb0(%[[IN:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[V:.*]] = math.absf %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @[[RECIP]](
// CHECK: ^bb0(%[[IN:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: %[[V:.*]] = arith.divf %[[ONE]], %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32
