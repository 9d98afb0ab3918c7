// DlcToLinalg of the 7 binary elementwise ops on f32 (same shapes): one linalg.generic per op whose
// body is the arith/math op of the kind.
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s
// RUN: dlc-opt %s --dlc-lower-to-linalg | dlc-opt | FileCheck %s

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @binary_ops(
// CHECK: call @__dlc_add_{{[0-9]+}}(%arg0, %arg1) : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
// CHECK: call @__dlc_sub_{{[0-9]+}}(%arg0, %arg1) : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
// CHECK: call @__dlc_mul_{{[0-9]+}}(%arg0, %arg1) : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
// CHECK: call @__dlc_div_{{[0-9]+}}(%arg0, %arg1) : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
// CHECK: call @__dlc_pow_{{[0-9]+}}(%arg0, %arg1) : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
// CHECK: call @__dlc_max_{{[0-9]+}}(%arg0, %arg1) : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
// CHECK: call @__dlc_min_{{[0-9]+}}(%arg0, %arg1) : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
// CHECK-NOT: dlc.
// CHECK: return
func.func @binary_ops(%a: tensor<3x5xf32>, %b: tensor<3x5xf32>) {
  %0 = "dlc.add"(%a, %b) : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  %1 = "dlc.sub"(%a, %b) : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  %2 = "dlc.mul"(%a, %b) : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  %3 = "dlc.div"(%a, %b) : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  %4 = "dlc.pow"(%a, %b) : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  %5 = "dlc.max"(%a, %b) : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  %6 = "dlc.min"(%a, %b) : (tensor<3x5xf32>, tensor<3x5xf32>) -> tensor<3x5xf32>
  return
}

// CHECK: func.func private @__dlc_add_{{[0-9]+}}(%[[A:.*]]: tensor<3x5xf32>, %[[B:.*]]: tensor<3x5xf32>) -> tensor<3x5xf32>
// CHECK-NEXT: %[[INIT:.*]] = tensor.empty() : tensor<3x5xf32>
// CHECK-NEXT: linalg.generic {indexing_maps = [#[[ID]], #[[ID]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[A]], %[[B]] : tensor<3x5xf32>, tensor<3x5xf32>) outs(%[[INIT]] : tensor<3x5xf32>)
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: f32, %[[Y:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[V:.*]] = arith.addf %[[X]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @__dlc_sub_{{[0-9]+}}(%[[A:.*]]: tensor<3x5xf32>, %[[B:.*]]: tensor<3x5xf32>) -> tensor<3x5xf32>
// CHECK-NEXT: %[[INIT:.*]] = tensor.empty() : tensor<3x5xf32>
// CHECK-NEXT: linalg.generic {indexing_maps = [#[[ID]], #[[ID]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[A]], %[[B]] : tensor<3x5xf32>, tensor<3x5xf32>) outs(%[[INIT]] : tensor<3x5xf32>)
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: f32, %[[Y:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[V:.*]] = arith.subf %[[X]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @__dlc_mul_{{[0-9]+}}(%[[A:.*]]: tensor<3x5xf32>, %[[B:.*]]: tensor<3x5xf32>) -> tensor<3x5xf32>
// CHECK-NEXT: %[[INIT:.*]] = tensor.empty() : tensor<3x5xf32>
// CHECK-NEXT: linalg.generic {indexing_maps = [#[[ID]], #[[ID]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[A]], %[[B]] : tensor<3x5xf32>, tensor<3x5xf32>) outs(%[[INIT]] : tensor<3x5xf32>)
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: f32, %[[Y:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[V:.*]] = arith.mulf %[[X]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @__dlc_div_{{[0-9]+}}(%[[A:.*]]: tensor<3x5xf32>, %[[B:.*]]: tensor<3x5xf32>) -> tensor<3x5xf32>
// CHECK-NEXT: %[[INIT:.*]] = tensor.empty() : tensor<3x5xf32>
// CHECK-NEXT: linalg.generic {indexing_maps = [#[[ID]], #[[ID]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[A]], %[[B]] : tensor<3x5xf32>, tensor<3x5xf32>) outs(%[[INIT]] : tensor<3x5xf32>)
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: f32, %[[Y:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[V:.*]] = arith.divf %[[X]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @__dlc_pow_{{[0-9]+}}(%[[A:.*]]: tensor<3x5xf32>, %[[B:.*]]: tensor<3x5xf32>) -> tensor<3x5xf32>
// CHECK-NEXT: %[[INIT:.*]] = tensor.empty() : tensor<3x5xf32>
// CHECK-NEXT: linalg.generic {indexing_maps = [#[[ID]], #[[ID]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[A]], %[[B]] : tensor<3x5xf32>, tensor<3x5xf32>) outs(%[[INIT]] : tensor<3x5xf32>)
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: f32, %[[Y:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[V:.*]] = math.powf %[[X]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @__dlc_max_{{[0-9]+}}(%[[A:.*]]: tensor<3x5xf32>, %[[B:.*]]: tensor<3x5xf32>) -> tensor<3x5xf32>
// CHECK-NEXT: %[[INIT:.*]] = tensor.empty() : tensor<3x5xf32>
// CHECK-NEXT: linalg.generic {indexing_maps = [#[[ID]], #[[ID]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[A]], %[[B]] : tensor<3x5xf32>, tensor<3x5xf32>) outs(%[[INIT]] : tensor<3x5xf32>)
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: f32, %[[Y:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[V:.*]] = arith.maximumf %[[X]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @__dlc_min_{{[0-9]+}}(%[[A:.*]]: tensor<3x5xf32>, %[[B:.*]]: tensor<3x5xf32>) -> tensor<3x5xf32>
// CHECK-NEXT: %[[INIT:.*]] = tensor.empty() : tensor<3x5xf32>
// CHECK-NEXT: linalg.generic {indexing_maps = [#[[ID]], #[[ID]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[A]], %[[B]] : tensor<3x5xf32>, tensor<3x5xf32>) outs(%[[INIT]] : tensor<3x5xf32>)
// CHECK-NEXT: ^bb0(%[[X:[^:]+]]: f32, %[[Y:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[V:.*]] = arith.minimumf %[[X]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32
