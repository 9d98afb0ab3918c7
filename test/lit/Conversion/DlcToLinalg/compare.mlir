// DlcToLinalg of the compare ops: arith.cmpf with ordered predicates on floats, arith.cmpi with
// signed predicates on signed integers; the result element type is i1.
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s
// RUN: dlc-opt %s --dlc-lower-to-linalg | dlc-opt | FileCheck %s

func.func @compares(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>, %i: tensor<4xi64>, %j: tensor<4xi64>) {
  %0 = "dlc.equal"(%a, %b) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  %1 = "dlc.less"(%a, %b) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  %2 = "dlc.less_equal"(%a, %b) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  %3 = "dlc.greater"(%a, %b) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  %4 = "dlc.greater_equal"(%a, %b) : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xi1>
  %5 = "dlc.equal"(%i, %j) : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi1>
  %6 = "dlc.less"(%i, %j) : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi1>
  %7 = "dlc.less_equal"(%i, %j) : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi1>
  %8 = "dlc.greater"(%i, %j) : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi1>
  %9 = "dlc.greater_equal"(%i, %j) : (tensor<4xi64>, tensor<4xi64>) -> tensor<4xi1>
  return
}

// CHECK: func.func private @__dlc_equal_{{[0-9]+}}(%{{.*}}: tensor<2x3xf32>, %{{.*}}: tensor<2x3xf32>) -> tensor<2x3xi1>
// CHECK: outs(%{{.*}} : tensor<2x3xi1>)
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: f32, %[[Y:[^:]+]]: f32, %{{[^:]+}}: i1):
// CHECK-NEXT: %[[V:.*]] = arith.cmpf oeq, %[[X]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : i1

// CHECK: func.func private @__dlc_less_{{[0-9]+}}(%{{.*}}: tensor<2x3xf32>, %{{.*}}: tensor<2x3xf32>) -> tensor<2x3xi1>
// CHECK: outs(%{{.*}} : tensor<2x3xi1>)
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: f32, %[[Y:[^:]+]]: f32, %{{[^:]+}}: i1):
// CHECK-NEXT: %[[V:.*]] = arith.cmpf olt, %[[X]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : i1

// CHECK: func.func private @__dlc_less_equal_{{[0-9]+}}(%{{.*}}: tensor<2x3xf32>, %{{.*}}: tensor<2x3xf32>) -> tensor<2x3xi1>
// CHECK: outs(%{{.*}} : tensor<2x3xi1>)
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: f32, %[[Y:[^:]+]]: f32, %{{[^:]+}}: i1):
// CHECK-NEXT: %[[V:.*]] = arith.cmpf ole, %[[X]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : i1

// CHECK: func.func private @__dlc_greater_{{[0-9]+}}(%{{.*}}: tensor<2x3xf32>, %{{.*}}: tensor<2x3xf32>) -> tensor<2x3xi1>
// CHECK: outs(%{{.*}} : tensor<2x3xi1>)
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: f32, %[[Y:[^:]+]]: f32, %{{[^:]+}}: i1):
// CHECK-NEXT: %[[V:.*]] = arith.cmpf ogt, %[[X]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : i1

// CHECK: func.func private @__dlc_greater_equal_{{[0-9]+}}(%{{.*}}: tensor<2x3xf32>, %{{.*}}: tensor<2x3xf32>) -> tensor<2x3xi1>
// CHECK: outs(%{{.*}} : tensor<2x3xi1>)
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: f32, %[[Y:[^:]+]]: f32, %{{[^:]+}}: i1):
// CHECK-NEXT: %[[V:.*]] = arith.cmpf oge, %[[X]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : i1

// CHECK: func.func private @__dlc_equal_{{[0-9]+}}(%{{.*}}: tensor<4xi64>, %{{.*}}: tensor<4xi64>) -> tensor<4xi1>
// CHECK: ^bb0(%[[X:[^:]+]]: i64, %[[Y:[^:]+]]: i64, %{{[^:]+}}: i1):
// CHECK-NEXT: %[[V:.*]] = arith.cmpi eq, %[[X]], %[[Y]] : i64
// CHECK-NEXT: linalg.yield %[[V]] : i1

// CHECK: func.func private @__dlc_less_{{[0-9]+}}(%{{.*}}: tensor<4xi64>, %{{.*}}: tensor<4xi64>) -> tensor<4xi1>
// CHECK: ^bb0(%[[X:[^:]+]]: i64, %[[Y:[^:]+]]: i64, %{{[^:]+}}: i1):
// CHECK-NEXT: %[[V:.*]] = arith.cmpi slt, %[[X]], %[[Y]] : i64
// CHECK-NEXT: linalg.yield %[[V]] : i1

// CHECK: func.func private @__dlc_less_equal_{{[0-9]+}}(%{{.*}}: tensor<4xi64>, %{{.*}}: tensor<4xi64>) -> tensor<4xi1>
// CHECK: ^bb0(%[[X:[^:]+]]: i64, %[[Y:[^:]+]]: i64, %{{[^:]+}}: i1):
// CHECK-NEXT: %[[V:.*]] = arith.cmpi sle, %[[X]], %[[Y]] : i64
// CHECK-NEXT: linalg.yield %[[V]] : i1

// CHECK: func.func private @__dlc_greater_{{[0-9]+}}(%{{.*}}: tensor<4xi64>, %{{.*}}: tensor<4xi64>) -> tensor<4xi1>
// CHECK: ^bb0(%[[X:[^:]+]]: i64, %[[Y:[^:]+]]: i64, %{{[^:]+}}: i1):
// CHECK-NEXT: %[[V:.*]] = arith.cmpi sgt, %[[X]], %[[Y]] : i64
// CHECK-NEXT: linalg.yield %[[V]] : i1

// CHECK: func.func private @__dlc_greater_equal_{{[0-9]+}}(%{{.*}}: tensor<4xi64>, %{{.*}}: tensor<4xi64>) -> tensor<4xi1>
// CHECK: ^bb0(%[[X:[^:]+]]: i64, %[[Y:[^:]+]]: i64, %{{[^:]+}}: i1):
// CHECK-NEXT: %[[V:.*]] = arith.cmpi sge, %[[X]], %[[Y]] : i64
// CHECK-NEXT: linalg.yield %[[V]] : i1
