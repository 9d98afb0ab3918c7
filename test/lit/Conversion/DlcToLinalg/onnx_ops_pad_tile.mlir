// DlcToLinalg of tile, pad and trilu.
//   tile: a generic broadcasts into [r0, n0, r1, n1] (a repeat dim only where r != 1) and
//     collapse_shape merges the pairs.
//   pad: a generic over the result reads the input at i - begin; constant mode guards the read with
//     scf.if on the in-bounds test (only for padded dims), edge clamps, reflect folds by 2 (n - 1);
//     a dynamic result dim is max(n + begin + end, 0).
//   trilu: select(col - row >= k (upper) / <= k (lower), x, 0).
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s
// RUN: dlc-opt %s --dlc-lower-to-linalg | dlc-opt | FileCheck %s

// CHECK-DAG: #[[TIN:.*]] = affine_map<(d0, d1, d2, d3) -> (d1, d3)>
// CHECK-DAG: #[[TOUT:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-DAG: #[[ROWIN:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>

// CHECK-LABEL: func.func @f(
func.func @f(%x: tensor<?x4xf32>, %i: tensor<2x3xi64>, %s: tensor<2x3xf32>) {
  // CHECK: call @[[TILE:__dlc_tile_[0-9]+]](
  %0 = "dlc.tile"(%s) {repeats = array<i64: 2, 3>} : (tensor<2x3xf32>) -> tensor<4x9xf32>
  // CHECK: call @[[TILED:__dlc_tile_[0-9]+]](
  %1 = "dlc.tile"(%x) {repeats = array<i64: 1, 3>} : (tensor<?x4xf32>) -> tensor<?x12xf32>
  // CHECK: call @[[PADC:__dlc_pad_[0-9]+]](
  %2 = "dlc.pad"(%x) {pads = array<i64: 1, -1, 0, 0>, value = 1.5 : f32} : (tensor<?x4xf32>) -> tensor<?x3xf32>
  // CHECK: call @[[PADR:__dlc_pad_[0-9]+]](
  %3 = "dlc.pad"(%i) {pads = array<i64: 0, 2, 0, 1>, mode = "reflect"} : (tensor<2x3xi64>) -> tensor<2x6xi64>
  // CHECK: call @[[PADE:__dlc_pad_[0-9]+]](
  %4 = "dlc.pad"(%i) {pads = array<i64: 1, 0, 0, 0>, mode = "edge"} : (tensor<2x3xi64>) -> tensor<3x3xi64>
  // CHECK: call @[[TRIL:__dlc_trilu_[0-9]+]](
  %5 = "dlc.trilu"(%x) {upper = false, k = 1 : i64} : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: call @[[TRIU:__dlc_trilu_[0-9]+]](
  %6 = "dlc.trilu"(%s) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// CHECK: func.func private @[[TILE]](%[[X:.*]]: tensor<2x3xf32>) -> tensor<4x9xf32>
// CHECK-NEXT: %[[INIT:.*]] = tensor.empty() : tensor<2x2x3x3xf32>
// CHECK-NEXT: %[[B:.*]] = linalg.generic {indexing_maps = [#[[TIN]], #[[TOUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[X]] : tensor<2x3xf32>) outs(%[[INIT]] : tensor<2x2x3x3xf32>)
// CHECK: tensor.collapse_shape %[[B]] {{\[\[}}0, 1], [2, 3]] : tensor<2x2x3x3xf32> into tensor<4x9xf32>

// CHECK: func.func private @[[TILED]](%[[X:.*]]: tensor<?x4xf32>) -> tensor<?x12xf32>
// CHECK: %[[D:.*]] = tensor.dim %[[X]]
// CHECK-NEXT: %[[INIT:.*]] = tensor.empty(%[[D]]) : tensor<?x3x4xf32>
// CHECK-NEXT: %[[B:.*]] = linalg.generic {indexing_maps = [#[[ROWIN]], {{.*}}]
// CHECK: tensor.collapse_shape %[[B]] {{\[\[}}0], [1, 2]] : tensor<?x3x4xf32> into tensor<?x12xf32>

// Dim 0 is padded (checked), dim 1 only cropped (read at i + 1, unchecked).
// CHECK: func.func private @[[PADC]](%[[X:.*]]: tensor<?x4xf32>) -> tensor<?x3xf32>
// CHECK: %[[N:.*]] = tensor.dim %[[X]]
// CHECK: %[[SUM:.*]] = arith.addi %[[N]], %{{.*}} : index
// CHECK-NEXT: %[[LEN:.*]] = arith.maxsi %[[SUM]], %{{.*}} : index
// CHECK: %[[VALUE:.*]] = arith.constant 1.500000e+00 : f32
// CHECK: %[[INIT:.*]] = tensor.empty(%[[LEN]]) : tensor<?x3xf32>
// CHECK: linalg.generic {{.*}} outs(%[[INIT]] : tensor<?x3xf32>)
// CHECK: %[[I0:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[S0:.*]] = arith.subi %[[I0]], %{{.*}} : index
// CHECK-NEXT: %[[GE:.*]] = arith.cmpi sge, %[[S0]], %{{.*}} : index
// CHECK-NEXT: %[[LT:.*]] = arith.cmpi slt, %[[S0]], %[[N]] : index
// CHECK-NEXT: %[[OK:.*]] = arith.andi %[[GE]], %[[LT]] : i1
// CHECK-NEXT: %[[I1:.*]] = linalg.index 1 : index
// CHECK-NEXT: %[[S1:.*]] = arith.subi %[[I1]], %{{.*}} : index
// CHECK-NEXT: %[[V:.*]] = scf.if %[[OK]] -> (f32) {
// CHECK-NEXT: %[[E:.*]] = tensor.extract %[[X]][%[[S0]], %[[S1]]] : tensor<?x4xf32>
// CHECK-NEXT: scf.yield %[[E]] : f32
// CHECK-NEXT: } else {
// CHECK-NEXT: scf.yield %[[VALUE]] : f32
// CHECK-NEXT: }
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @[[PADR]](%[[X:.*]]: tensor<2x3xi64>) -> tensor<2x6xi64>
// CHECK: %[[PERIOD:.*]] = arith.maxsi
// CHECK: linalg.generic
// CHECK: %[[ROW:.*]] = linalg.index 0 : index
// CHECK: %[[S:.*]] = arith.subi %{{.*}}, %{{.*}} : index
// CHECK: %[[NEG:.*]] = arith.subi %{{.*}}, %[[S]] : index
// CHECK: %[[ABS:.*]] = arith.maxsi %[[S]], %[[NEG]] : index
// CHECK: %[[REM:.*]] = arith.remui %[[ABS]], %[[PERIOD]] : index
// CHECK: %[[BACK:.*]] = arith.subi %[[PERIOD]], %[[REM]] : index
// CHECK: %[[IN:.*]] = arith.cmpi slt, %[[REM]], %{{.*}} : index
// CHECK: %[[COL:.*]] = arith.select %[[IN]], %[[REM]], %[[BACK]] : index
// CHECK: tensor.extract %[[X]][%[[ROW]], %[[COL]]] : tensor<2x3xi64>

// CHECK: func.func private @[[PADE]](%[[X:.*]]: tensor<2x3xi64>) -> tensor<3x3xi64>
// CHECK: %[[LAST:.*]] = arith.subi
// CHECK: linalg.generic
// CHECK: %[[S:.*]] = arith.subi %{{.*}}, %{{.*}} : index
// CHECK: %[[LO:.*]] = arith.maxsi %[[S]], %{{.*}} : index
// CHECK: %[[ROW:.*]] = arith.minsi %[[LO]], %[[LAST]] : index
// CHECK: %[[COL:.*]] = linalg.index 1 : index
// CHECK: tensor.extract %[[X]][%[[ROW]], %[[COL]]] : tensor<2x3xi64>
// CHECK-NOT: scf.if

// CHECK: func.func private @[[TRIL]](
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[K:.*]] = arith.constant 1 : index
// CHECK: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[R:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[C:.*]] = linalg.index 1 : index
// CHECK-NEXT: %[[D:.*]] = arith.subi %[[C]], %[[R]] : index
// CHECK-NEXT: %[[KEEP:.*]] = arith.cmpi sle, %[[D]], %[[K]] : index
// CHECK-NEXT: %[[V:.*]] = arith.select %[[KEEP]], %[[IN]], %[[ZERO]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @[[TRIU]](
// CHECK: arith.cmpi sge
