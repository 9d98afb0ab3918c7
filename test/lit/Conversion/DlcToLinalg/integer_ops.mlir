// DlcToLinalg of the integer forms: binary ops on i32 use the signed arith ops (divsi, maxsi, minsi),
// relu/neg/abs on integers use maxsi/subi/absi; i1 operands stay i1.
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s
// RUN: dlc-opt %s --dlc-lower-to-linalg | dlc-opt | FileCheck %s

func.func @integer_ops(%a: tensor<8xi32>, %b: tensor<8xi32>, %p: tensor<8xi1>, %w: tensor<8xi64>) {
  %0 = "dlc.add"(%a, %b) : (tensor<8xi32>, tensor<8xi32>) -> tensor<8xi32>
  %1 = "dlc.sub"(%a, %b) : (tensor<8xi32>, tensor<8xi32>) -> tensor<8xi32>
  %2 = "dlc.mul"(%a, %b) : (tensor<8xi32>, tensor<8xi32>) -> tensor<8xi32>
  %3 = "dlc.div"(%a, %b) : (tensor<8xi32>, tensor<8xi32>) -> tensor<8xi32>
  %4 = "dlc.max"(%a, %b) : (tensor<8xi32>, tensor<8xi32>) -> tensor<8xi32>
  %5 = "dlc.min"(%a, %b) : (tensor<8xi32>, tensor<8xi32>) -> tensor<8xi32>
  %6 = "dlc.relu"(%a) : (tensor<8xi32>) -> tensor<8xi32>
  %7 = "dlc.neg"(%a) : (tensor<8xi32>) -> tensor<8xi32>
  %8 = "dlc.abs"(%a) : (tensor<8xi32>) -> tensor<8xi32>
  %9 = "dlc.mul"(%p, %p) : (tensor<8xi1>, tensor<8xi1>) -> tensor<8xi1>
  %10 = "dlc.neg"(%w) : (tensor<8xi64>) -> tensor<8xi64>
  return
}

// CHECK: func.func private @__dlc_add_{{[0-9]+}}(
// CHECK: ^bb0(%[[X:[^:]+]]: i32, %[[Y:[^:]+]]: i32, %{{[^:]+}}: i32):
// CHECK-NEXT: %[[V:.*]] = arith.addi %[[X]], %[[Y]] : i32
// CHECK-NEXT: linalg.yield %[[V]] : i32

// CHECK: func.func private @__dlc_sub_{{[0-9]+}}(
// CHECK: ^bb0(%[[X:[^:]+]]: i32, %[[Y:[^:]+]]: i32, %{{[^:]+}}: i32):
// CHECK-NEXT: %[[V:.*]] = arith.subi %[[X]], %[[Y]] : i32
// CHECK-NEXT: linalg.yield %[[V]] : i32

// CHECK: func.func private @__dlc_mul_{{[0-9]+}}(
// CHECK: ^bb0(%[[X:[^:]+]]: i32, %[[Y:[^:]+]]: i32, %{{[^:]+}}: i32):
// CHECK-NEXT: %[[V:.*]] = arith.muli %[[X]], %[[Y]] : i32
// CHECK-NEXT: linalg.yield %[[V]] : i32

// CHECK: func.func private @__dlc_div_{{[0-9]+}}(
// CHECK: ^bb0(%[[X:[^:]+]]: i32, %[[Y:[^:]+]]: i32, %{{[^:]+}}: i32):
// CHECK-NEXT: %[[V:.*]] = arith.divsi %[[X]], %[[Y]] : i32
// CHECK-NEXT: linalg.yield %[[V]] : i32

// CHECK: func.func private @__dlc_max_{{[0-9]+}}(
// CHECK: ^bb0(%[[X:[^:]+]]: i32, %[[Y:[^:]+]]: i32, %{{[^:]+}}: i32):
// CHECK-NEXT: %[[V:.*]] = arith.maxsi %[[X]], %[[Y]] : i32
// CHECK-NEXT: linalg.yield %[[V]] : i32

// CHECK: func.func private @__dlc_min_{{[0-9]+}}(
// CHECK: ^bb0(%[[X:[^:]+]]: i32, %[[Y:[^:]+]]: i32, %{{[^:]+}}: i32):
// CHECK-NEXT: %[[V:.*]] = arith.minsi %[[X]], %[[Y]] : i32
// CHECK-NEXT: linalg.yield %[[V]] : i32

// relu(x) = max(x, 0)
// CHECK: func.func private @__dlc_relu_{{[0-9]+}}(
// CHECK: ^bb0(%[[X:[^:]+]]: i32, %{{[^:]+}}: i32):
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0 : i32
// CHECK-NEXT: %[[V:.*]] = arith.maxsi %[[X]], %[[Z]] : i32
// CHECK-NEXT: linalg.yield %[[V]] : i32

// neg(x) = 0 - x
// CHECK: func.func private @__dlc_neg_{{[0-9]+}}(
// CHECK: ^bb0(%[[X:[^:]+]]: i32, %{{[^:]+}}: i32):
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0 : i32
// CHECK-NEXT: %[[V:.*]] = arith.subi %[[Z]], %[[X]] : i32
// CHECK-NEXT: linalg.yield %[[V]] : i32

// CHECK: func.func private @__dlc_abs_{{[0-9]+}}(
// CHECK: ^bb0(%[[X:[^:]+]]: i32, %{{[^:]+}}: i32):
// CHECK-NEXT: %[[V:.*]] = math.absi %[[X]] : i32
// CHECK-NEXT: linalg.yield %[[V]] : i32

// CHECK: func.func private @__dlc_mul_{{[0-9]+}}(%{{.*}}: tensor<8xi1>, %{{.*}}: tensor<8xi1>) -> tensor<8xi1>
// CHECK: ^bb0(%[[X:[^:]+]]: i1, %[[Y:[^:]+]]: i1, %{{[^:]+}}: i1):
// CHECK-NEXT: %[[V:.*]] = arith.muli %[[X]], %[[Y]] : i1
// CHECK-NEXT: linalg.yield %[[V]] : i1

// CHECK: func.func private @__dlc_neg_{{[0-9]+}}(%{{.*}}: tensor<8xi64>) -> tensor<8xi64>
// CHECK: ^bb0(%[[X:[^:]+]]: i64, %{{[^:]+}}: i64):
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0 : i64
// CHECK-NEXT: %[[V:.*]] = arith.subi %[[Z]], %[[X]] : i64
// CHECK-NEXT: linalg.yield %[[V]] : i64
