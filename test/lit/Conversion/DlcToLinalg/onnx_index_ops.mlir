// DlcToLinalg of gather_elements, scatter_elements, cumsum and trilu with a runtime k.
//   gather_elements: a generic over the indices reads the index, wraps a negative one
//     (idx < 0 ? idx + dim : idx), clamps it into [0, dim - 1] and extracts data at it along the axis
//     (the other coordinates from linalg.index).
//   scatter_elements: linalg.copy of data, then one scf.for per dim of updates carrying the tensor;
//     each step wraps and clamps the index and tensor.insert's the update (combined with the old
//     element for a reduction).
//   cumsum: one scf.for over the axis (backwards with reverse) carrying the result and a running-sum
//     slice; a generic adds the input slice, insert_slice stores the sum (exclusive: the sum before).
//   trilu: k read from the rank-0 tensor<i64> operand.
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s
// RUN: dlc-opt %s --dlc-lower-to-linalg | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @f(
func.func @f(%x: tensor<?x4xf32>, %i: tensor<2x?xi32>, %u: tensor<2x?xf32>, %k: tensor<i64>, %n: tensor<3x5xi64>,
             %j: tensor<1x5xi64>) {
  // CHECK: call @[[GATHER:__dlc_gather_elements_[0-9]+]](
  %0 = "dlc.gather_elements"(%x, %i) {axis = 1 : i64} : (tensor<?x4xf32>, tensor<2x?xi32>) -> tensor<2x?xf32>
  // CHECK: call @[[SCATTER:__dlc_scatter_elements_[0-9]+]](
  %1 = "dlc.scatter_elements"(%x, %i, %u) {axis = -1 : i64} : (tensor<?x4xf32>, tensor<2x?xi32>, tensor<2x?xf32>) -> tensor<?x4xf32>
  // CHECK: call @[[SCATTERMUL:__dlc_scatter_elements_[0-9]+]](
  %2 = "dlc.scatter_elements"(%n, %j, %j) {reduction = "mul"} : (tensor<3x5xi64>, tensor<1x5xi64>, tensor<1x5xi64>) -> tensor<3x5xi64>
  // CHECK: call @[[CUMREV:__dlc_cumsum_[0-9]+]](
  %3 = "dlc.cumsum"(%x) {axis = 0 : i64, exclusive = true, reverse = true} : (tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: call @[[CUM:__dlc_cumsum_[0-9]+]](
  %4 = "dlc.cumsum"(%n) {axis = 1 : i64} : (tensor<3x5xi64>) -> tensor<3x5xi64>
  // CHECK: call @[[TRIL:__dlc_trilu_[0-9]+]](
  %5 = "dlc.trilu"(%x, %k) {upper = false} : (tensor<?x4xf32>, tensor<i64>) -> tensor<?x4xf32>
  return
}

// CHECK: func.func private @[[GATHER]](%[[X:.*]]: tensor<?x4xf32>, %[[I:.*]]: tensor<2x?xi32>) -> tensor<2x?xf32>
// CHECK: %[[D:.*]] = tensor.dim %[[I]]
// CHECK: %[[DIM:.*]] = arith.constant 4 : index
// CHECK: %[[ZERO:.*]] = arith.constant 0 : index
// CHECK: %[[LAST:.*]] = arith.subi %[[DIM]], %{{.*}} : index
// CHECK: %[[INIT:.*]] = tensor.empty(%[[D]]) : tensor<2x?xf32>
// CHECK: linalg.generic {{.*}} ins(%[[I]] : tensor<2x?xi32>) outs(%[[INIT]] : tensor<2x?xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: i32, %{{.*}}: f32):
// CHECK-NEXT: %[[IDX:.*]] = arith.index_cast %[[IN]] : i32 to index
// CHECK-NEXT: %[[NEG:.*]] = arith.cmpi slt, %[[IDX]], %[[ZERO]] : index
// CHECK-NEXT: %[[WRAP:.*]] = arith.addi %[[IDX]], %[[DIM]] : index
// CHECK-NEXT: %[[SEL:.*]] = arith.select %[[NEG]], %[[WRAP]], %[[IDX]] : index
// CHECK-NEXT: %[[LO:.*]] = arith.maxsi %[[SEL]], %[[ZERO]] : index
// CHECK-NEXT: %[[J:.*]] = arith.minsi %[[LO]], %[[LAST]] : index
// CHECK-NEXT: %[[ROW:.*]] = linalg.index 0 : index
// CHECK-NEXT: %[[E:.*]] = tensor.extract %[[X]][%[[ROW]], %[[J]]] : tensor<?x4xf32>
// CHECK-NEXT: linalg.yield %[[E]] : f32

// CHECK: func.func private @[[SCATTER]](%[[X:.*]]: tensor<?x4xf32>, %[[I:.*]]: tensor<2x?xi32>, %[[U:.*]]: tensor<2x?xf32>) -> tensor<?x4xf32>
// CHECK: %[[N1:.*]] = tensor.dim %[[U]]
// CHECK: %[[COPY:.*]] = linalg.copy ins(%[[X]] : tensor<?x4xf32>) outs(%{{.*}} : tensor<?x4xf32>) -> tensor<?x4xf32>
// CHECK-NEXT: %[[OUTER:.*]] = scf.for %[[I0:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[T0:.*]] = %[[COPY]]) -> (tensor<?x4xf32>) {
// CHECK-NEXT: %[[INNER:.*]] = scf.for %[[I1:.*]] = %{{.*}} to %[[N1]] step %{{.*}} iter_args(%[[T1:.*]] = %[[T0]]) -> (tensor<?x4xf32>) {
// CHECK-NEXT: %[[RAW:.*]] = tensor.extract %[[I]][%[[I0]], %[[I1]]] : tensor<2x?xi32>
// CHECK-NEXT: %[[UPD:.*]] = tensor.extract %[[U]][%[[I0]], %[[I1]]] : tensor<2x?xf32>
// CHECK-NEXT: arith.index_cast %[[RAW]] : i32 to index
// CHECK: %[[J:.*]] = arith.minsi
// CHECK-NEXT: %[[INS:.*]] = tensor.insert %[[UPD]] into %[[T1]][%[[I0]], %[[J]]] : tensor<?x4xf32>
// CHECK-NEXT: scf.yield %[[INS]] : tensor<?x4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: scf.yield %[[INNER]] : tensor<?x4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[OUTER]] : tensor<?x4xf32>

// CHECK: func.func private @[[SCATTERMUL]](
// CHECK: scf.for
// CHECK: scf.for {{.*}} iter_args(%[[T:.*]] = %{{.*}}) -> (tensor<3x5xi64>) {
// CHECK: tensor.extract %{{.*}} : tensor<1x5xi64>
// CHECK-NEXT: %[[UPD:.*]] = tensor.extract %{{.*}} : tensor<1x5xi64>
// CHECK: %[[J:.*]] = arith.minsi
// CHECK-NEXT: %[[OLD:.*]] = tensor.extract %[[T]][%[[J]], %{{.*}}] : tensor<3x5xi64>
// CHECK-NEXT: %[[NEW:.*]] = arith.muli %[[OLD]], %[[UPD]] : i64
// CHECK-NEXT: tensor.insert %[[NEW]] into %[[T]][%[[J]], %{{.*}}] : tensor<3x5xi64>

// Reverse and exclusive, along a dynamic axis: i = n - 1 - k, the running sum is stored before the add.
// CHECK: func.func private @[[CUMREV]](%[[X:.*]]: tensor<?x4xf32>) -> tensor<?x4xf32>
// CHECK: %[[N:.*]] = tensor.dim %[[X]]
// CHECK: %[[LAST:.*]] = arith.subi %[[N]], %{{.*}} : index
// CHECK: %[[INIT:.*]] = tensor.empty(%[[N]]) : tensor<?x4xf32>
// CHECK: %[[ZS:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x4xf32>) -> tensor<1x4xf32>
// CHECK-NEXT: %[[R:.*]]:2 = scf.for %[[K:.*]] = %{{.*}} to %[[N]] step %{{.*}} iter_args(%[[OUT:.*]] = %[[INIT]], %[[RS:.*]] = %[[ZS]]) -> (tensor<?x4xf32>, tensor<1x4xf32>) {
// CHECK-NEXT: %[[IDX:.*]] = arith.subi %[[LAST]], %[[K]] : index
// CHECK-NEXT: %[[XS:.*]] = tensor.extract_slice %[[X]][%[[IDX]], 0] [1, 4] [1, 1] : tensor<?x4xf32> to tensor<1x4xf32>
// CHECK-NEXT: %[[STORED:.*]] = tensor.insert_slice %[[RS]] into %[[OUT]][%[[IDX]], 0] [1, 4] [1, 1] : tensor<1x4xf32> into tensor<?x4xf32>
// CHECK-NEXT: %[[SUM:.*]] = linalg.generic {{.*}} ins(%[[XS]] : tensor<1x4xf32>) outs(%[[RS]] : tensor<1x4xf32>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: f32, %[[ACC:.*]]: f32):
// CHECK-NEXT: %[[ADD:.*]] = arith.addf %[[ACC]], %[[IN]] : f32
// CHECK-NEXT: linalg.yield %[[ADD]] : f32
// CHECK-NEXT: } -> tensor<1x4xf32>
// CHECK-NEXT: scf.yield %[[STORED]], %[[SUM]] : tensor<?x4xf32>, tensor<1x4xf32>
// CHECK-NEXT: }
// CHECK-NEXT: return %[[R]]#0 : tensor<?x4xf32>

// Forward, inclusive: the sum after the add is stored.
// CHECK: func.func private @[[CUM]](%[[X:.*]]: tensor<3x5xi64>) -> tensor<3x5xi64>
// CHECK: scf.for %[[K:.*]] = %{{.*}} iter_args(%[[OUT:.*]] = %{{.*}}, %[[RS:.*]] = %{{.*}}) -> (tensor<3x5xi64>, tensor<3x1xi64>) {
// CHECK-NEXT: %[[XS:.*]] = tensor.extract_slice %[[X]][0, %[[K]]] [3, 1] [1, 1] : tensor<3x5xi64> to tensor<3x1xi64>
// CHECK-NEXT: %[[SUM:.*]] = linalg.generic {{.*}} ins(%[[XS]] : tensor<3x1xi64>) outs(%[[RS]] : tensor<3x1xi64>)
// CHECK: arith.addi
// CHECK: %[[STORED:.*]] = tensor.insert_slice %[[SUM]] into %[[OUT]][0, %[[K]]] [3, 1] [1, 1] : tensor<3x1xi64> into tensor<3x5xi64>
// CHECK-NEXT: scf.yield %[[STORED]], %[[SUM]] : tensor<3x5xi64>, tensor<3x1xi64>

// CHECK: func.func private @[[TRIL]](%[[X:.*]]: tensor<?x4xf32>, %[[KT:.*]]: tensor<i64>) -> tensor<?x4xf32>
// CHECK: %[[KV:.*]] = tensor.extract %[[KT]][] : tensor<i64>
// CHECK-NEXT: %[[K:.*]] = arith.index_cast %[[KV]] : i64 to index
// CHECK: linalg.generic
// CHECK: %[[DIFF:.*]] = arith.subi
// CHECK-NEXT: %[[KEEP:.*]] = arith.cmpi sle, %[[DIFF]], %[[K]] : index
// CHECK-NEXT: arith.select %[[KEEP]], %{{.*}}, %{{.*}} : f32
