// DlcToLinalg of the runtime-shape ops: dim (tensor.dim -> i64 -> tensor.from_elements); reshape with
// one dims operand (expand_shape with the extracted size) and with two (tensor.reshape by a shape
// tensor); fill (linalg.fill into a tensor.empty sized by the dims operands); range (length
// max(ceil((limit - start) / delta), 0) in f64 for floats, ceildivsi for integers, then
// start + i * delta); expand with a static size-1 dim (indexing map 0) and with a dynamic input
// dim (tensor.extract at select(dim == 1, 0, i)).
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s
// RUN: dlc-opt %s --dlc-lower-to-linalg | dlc-opt | FileCheck %s

// CHECK-DAG: #[[BCAST:.*]] = affine_map<(d0, d1, d2) -> (0, d2)>
// CHECK-DAG: #[[ID3:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>

// CHECK-LABEL: func.func @shape(
func.func @shape(%x: tensor<2x?xf32>, %n: tensor<i64>, %s: tensor<f32>, %r: tensor<?x1xf32>, %i: tensor<i32>,
                 %c: tensor<1x4xf32>) {
  // CHECK: call @[[DIM:__dlc_dim_[0-9]+]](%arg0) : (tensor<2x?xf32>) -> tensor<i64>
  %0 = "dlc.dim"(%x) {axis = -1 : i64} : (tensor<2x?xf32>) -> tensor<i64>
  // CHECK: call @[[RS1:__dlc_reshape_[0-9]+]](%arg0, %arg1)
  %1 = "dlc.reshape"(%x, %n) : (tensor<2x?xf32>, tensor<i64>) -> tensor<?x2xf32>
  // CHECK: call @[[RS2:__dlc_reshape_[0-9]+]](%arg0, %arg1, %arg1)
  %2 = "dlc.reshape"(%x, %n, %n) : (tensor<2x?xf32>, tensor<i64>, tensor<i64>) -> tensor<?x1x?xf32>
  // CHECK: call @[[FILL:__dlc_fill_[0-9]+]](%arg1) : (tensor<i64>) -> tensor<?x4xi32>
  %3 = "dlc.fill"(%n) {value = dense<3> : tensor<i32>} : (tensor<i64>) -> tensor<?x4xi32>
  // CHECK: call @[[RANGEF:__dlc_range_[0-9]+]](%arg2, %arg2, %arg2)
  %4 = "dlc.range"(%s, %s, %s) : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  // CHECK: call @[[RANGEI:__dlc_range_[0-9]+]](%arg4, %arg4, %arg4)
  %5 = "dlc.range"(%i, %i, %i) : (tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<?xi32>
  // CHECK: call @[[EXPD:__dlc_expand_[0-9]+]](%arg3, %arg1)
  %6 = "dlc.expand"(%r, %n) : (tensor<?x1xf32>, tensor<i64>) -> tensor<3x?x4xf32>
  // CHECK: call @[[EXPS:__dlc_expand_[0-9]+]](%arg5, %arg1)
  %7 = "dlc.expand"(%c, %n) : (tensor<1x4xf32>, tensor<i64>) -> tensor<2x?x4xf32>
  return
}

// CHECK: func.func private @[[DIM]](%[[X:.*]]: tensor<2x?xf32>) -> tensor<i64>
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: %[[D:.*]] = tensor.dim %[[X]], %[[C1]] : tensor<2x?xf32>
// CHECK-NEXT: %[[I:.*]] = arith.index_cast %[[D]] : index to i64
// CHECK-NEXT: %[[T:.*]] = tensor.from_elements %[[I]] : tensor<i64>
// CHECK-NEXT: return %[[T]] : tensor<i64>

// CHECK: func.func private @[[RS1]](%[[X:.*]]: tensor<2x?xf32>, %[[N:.*]]: tensor<i64>) -> tensor<?x2xf32>
// CHECK-NEXT: %[[FLAT:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1]] : tensor<2x?xf32> into tensor<?xf32>
// CHECK-NEXT: %[[E:.*]] = tensor.extract %[[N]][] : tensor<i64>
// CHECK-NEXT: %[[S:.*]] = arith.index_cast %[[E]] : i64 to index
// CHECK-NEXT: tensor.expand_shape %[[FLAT]] {{\[\[}}0, 1]] output_shape [%[[S]], 2] : tensor<?xf32> into tensor<?x2xf32>

// CHECK: func.func private @[[RS2]](%[[X:.*]]: tensor<2x?xf32>, %[[A:.*]]: tensor<i64>, %[[B:.*]]: tensor<i64>) -> tensor<?x1x?xf32>
// CHECK-NEXT: %[[EA:.*]] = tensor.extract %[[A]][] : tensor<i64>
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : i64
// CHECK-NEXT: %[[EB:.*]] = tensor.extract %[[B]][] : tensor<i64>
// CHECK-NEXT: %[[SHAPE:.*]] = tensor.from_elements %[[EA]], %[[ONE]], %[[EB]] : tensor<3xi64>
// CHECK-NEXT: tensor.reshape %[[X]](%[[SHAPE]]) : (tensor<2x?xf32>, tensor<3xi64>) -> tensor<?x1x?xf32>

// CHECK: func.func private @[[FILL]](%[[N:.*]]: tensor<i64>) -> tensor<?x4xi32>
// CHECK-NEXT: %[[E:.*]] = tensor.extract %[[N]][] : tensor<i64>
// CHECK-NEXT: %[[S:.*]] = arith.index_cast %[[E]] : i64 to index
// CHECK-NEXT: %[[V:.*]] = arith.constant 3 : i32
// CHECK-NEXT: %[[INIT:.*]] = tensor.empty(%[[S]]) : tensor<?x4xi32>
// CHECK-NEXT: linalg.fill ins(%[[V]] : i32) outs(%[[INIT]] : tensor<?x4xi32>) -> tensor<?x4xi32>

// CHECK: func.func private @[[RANGEF]](
// CHECK: %[[START:.*]] = tensor.extract %arg0[] : tensor<f32>
// CHECK: %[[DELTA:.*]] = tensor.extract %arg2[] : tensor<f32>
// CHECK: arith.subf {{.*}} : f64
// CHECK: arith.divf {{.*}} : f64
// CHECK: math.ceil {{.*}} : f64
// CHECK: arith.fptosi {{.*}} : f64 to i64
// CHECK: %[[LEN:.*]] = arith.maxsi
// CHECK: %[[INIT:.*]] = tensor.empty(%[[LEN]]) : tensor<?xf32>
// CHECK: linalg.generic {{.*}} outs(%[[INIT]] : tensor<?xf32>)
// CHECK: %[[IDX:.*]] = linalg.index 0 : index
// CHECK: %[[I64:.*]] = arith.index_cast %[[IDX]] : index to i64
// CHECK: %[[F:.*]] = arith.sitofp %[[I64]] : i64 to f32
// CHECK: %[[M:.*]] = arith.mulf %[[F]], %[[DELTA]] : f32
// CHECK: %[[V:.*]] = arith.addf %[[START]], %[[M]] : f32
// CHECK: linalg.yield %[[V]] : f32

// A zero integer delta gives an empty range.
// CHECK: func.func private @[[RANGEI]](
// CHECK: arith.subi {{.*}} : i32
// CHECK: %[[IS0:.*]] = arith.cmpi eq, {{.*}} : i32
// CHECK: %[[SAFE:.*]] = arith.select %[[IS0]], {{.*}} : i32
// CHECK: arith.ceildivsi {{.*}}, %[[SAFE]] : i32
// CHECK: linalg.generic
// CHECK: arith.muli {{.*}} : i32
// CHECK: arith.addi {{.*}} : i32

// CHECK: func.func private @[[EXPD]](%[[X:.*]]: tensor<?x1xf32>, %[[N:.*]]: tensor<i64>) -> tensor<3x?x4xf32>
// CHECK: %[[D:.*]] = tensor.dim %[[X]]
// CHECK: %[[IS1:.*]] = arith.cmpi eq, %[[D]], %{{.*}} : index
// CHECK: tensor.extract %[[N]][] : tensor<i64>
// CHECK: linalg.generic {indexing_maps = [#[[ID3]]], {{.*}} outs(
// CHECK: %[[I:.*]] = linalg.index 1 : index
// CHECK: %[[J:.*]] = arith.select %[[IS1]], %{{.*}}, %[[I]] : index
// CHECK: tensor.extract %[[X]][%[[J]], %{{.*}}] : tensor<?x1xf32>

// CHECK: func.func private @[[EXPS]](%[[X:.*]]: tensor<1x4xf32>, %{{.*}}: tensor<i64>) -> tensor<2x?x4xf32>
// CHECK: linalg.generic {indexing_maps = [#[[BCAST]], #[[ID3]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[X]] : tensor<1x4xf32>)
