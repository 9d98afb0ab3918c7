// DlcToLinalg of argmax / argmin: one reduction generic with two outputs (best value, i64 index),
// the value initialized to -inf / +inf (integers: the type's min / max) and the index to 0. Floats:
// a NaN replaces a number (numpy), ties keep the first index (ogt / olt) or, with
// select_last_index, take the last (oge / ole, and any NaN). keepdims re-inserts the axis with
// tensor.expand_shape.
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s
// RUN: dlc-opt %s --dlc-lower-to-linalg | dlc-opt | FileCheck %s

// CHECK-DAG: #[[ALL:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[KEPT:.*]] = affine_map<(d0, d1) -> (d0)>

// CHECK-LABEL: func.func @f(
func.func @f(%x: tensor<?x4xf32>, %i: tensor<2x4xi32>) {
  // CHECK: call @[[MAX:__dlc_argmax_[0-9]+]](
  %0 = "dlc.argmax"(%x) {axis = 1 : i64} : (tensor<?x4xf32>) -> tensor<?x1xi64>
  // CHECK: call @[[MINLAST:__dlc_argmin_[0-9]+]](
  %1 = "dlc.argmin"(%x) {axis = -1 : i64, keepdims = false, select_last_index = true} : (tensor<?x4xf32>) -> tensor<?xi64>
  // CHECK: call @[[IMAX:__dlc_argmax_[0-9]+]](
  %2 = "dlc.argmax"(%i) {keepdims = false} : (tensor<2x4xi32>) -> tensor<4xi64>
  return
}

// CHECK: func.func private @[[MAX]](%[[X:.*]]: tensor<?x4xf32>) -> tensor<?x1xi64>
// CHECK: %[[N:.*]] = tensor.dim %[[X]]
// CHECK: %[[NEGINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[VINIT:.*]] = linalg.fill ins(%[[NEGINF]] : f32) outs(%{{.*}} : tensor<?xf32>) -> tensor<?xf32>
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i64
// CHECK: %[[IINIT:.*]] = linalg.fill ins(%[[ZERO]] : i64) outs(%{{.*}} : tensor<?xi64>) -> tensor<?xi64>
// CHECK: %[[R:.*]]:2 = linalg.generic {indexing_maps = [#[[ALL]], #[[KEPT]], #[[KEPT]]], iterator_types = ["parallel", "reduction"]} ins(%[[X]] : tensor<?x4xf32>) outs(%[[VINIT]], %[[IINIT]] : tensor<?xf32>, tensor<?xi64>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %[[ACC:.*]]: f32, %[[IDX:.*]]: i64):
// CHECK-NEXT: %[[P:.*]] = linalg.index 1 : index
// CHECK-NEXT: %[[PI:.*]] = arith.index_cast %[[P]] : index to i64
// CHECK-NEXT: %[[GT:.*]] = arith.cmpf ogt, %[[IN]], %[[ACC]] : f32
// CHECK-NEXT: %[[XN:.*]] = arith.cmpf uno, %[[IN]], %[[IN]] : f32
// CHECK-NEXT: %[[AN:.*]] = arith.cmpf ord, %[[ACC]], %[[ACC]] : f32
// CHECK-NEXT: %[[NANWINS:.*]] = arith.andi %[[XN]], %[[AN]] : i1
// CHECK-NEXT: %[[TAKE:.*]] = arith.ori %[[GT]], %[[NANWINS]] : i1
// CHECK-NEXT: %[[NV:.*]] = arith.select %[[TAKE]], %[[IN]], %[[ACC]] : f32
// CHECK-NEXT: %[[NI:.*]] = arith.select %[[TAKE]], %[[PI]], %[[IDX]] : i64
// CHECK-NEXT: linalg.yield %[[NV]], %[[NI]] : f32, i64
// CHECK-NEXT: } -> (tensor<?xf32>, tensor<?xi64>)
// CHECK-NEXT: tensor.expand_shape %[[R]]#1 {{\[\[}}0, 1]] output_shape [%[[N]], 1] : tensor<?xi64> into tensor<?x1xi64>

// CHECK: func.func private @[[MINLAST]](
// CHECK: arith.constant 0x7F800000 : f32
// CHECK: %[[LE:.*]] = arith.cmpf ole, %{{.*}}, %{{.*}} : f32
// CHECK-NEXT: %[[XN:.*]] = arith.cmpf uno
// CHECK-NEXT: %[[TAKE:.*]] = arith.ori %[[LE]], %[[XN]] : i1
// CHECK-NOT: tensor.expand_shape
// CHECK: return

// CHECK: func.func private @[[IMAX]](
// CHECK: arith.constant -2147483648 : i32
// CHECK: iterator_types = ["reduction", "parallel"]
// CHECK: arith.cmpi sgt
