// DlcToLinalg lowers dlc.gather to a linalg.generic over the result that reads indices[axis dims], wraps a negative index once (idx < 0 ? idx + dim : idx), clamps it into [0, dim - 1] and tensor.extract's the data element at the linalg.index coordinates.
// RUN: dlc-opt %s --dlc-lower-to-linalg -o %t
// RUN: FileCheck %s --check-prefix=AXIS1 < %t
// RUN: FileCheck %s --check-prefix=DYN < %t
// RUN: FileCheck %s --check-prefix=SCALAR < %t
// The lowered module is valid input for dlc-opt again.
// RUN: dlc-opt %t | FileCheck %s --check-prefix=AXIS1
// The cpu pipeline lowers every case to the LLVM dialect.
// RUN: dlc-opt %s --dlc-pipeline=cpu | FileCheck %s --check-prefix=CPU --implicit-check-not='"dlc.' --implicit-check-not=linalg. --implicit-check-not=tensor. --implicit-check-not=bufferization. --implicit-check-not=memref. --implicit-check-not=affine. --implicit-check-not=scf. --implicit-check-not=unrealized_conversion_cast

// data [5, 4, 3], 2-D indices [2, 2] on axis 1: the result is [5, 2, 2, 3]; indices are read at
// (d1, d2), the data at (d0, index, d3).
// AXIS1-DAG: #[[IDX:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d1, d2)>
// AXIS1-DAG: #[[OUT:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// AXIS1-LABEL: func.func @gather_axis1(
// AXIS1: call @[[F:__dlc_gather_[0-9]+]](%arg0, %arg1) : (tensor<5x4x3xf32>, tensor<2x2xi64>) -> tensor<5x2x2x3xf32>
// AXIS1: func.func private @[[F]](%[[X:.*]]: tensor<5x4x3xf32>, %[[I:.*]]: tensor<2x2xi64>) -> tensor<5x2x2x3xf32>
// AXIS1-NEXT: %[[DIM:.*]] = arith.constant 4 : index
// AXIS1-NEXT: %[[Z:.*]] = arith.constant 0 : index
// AXIS1-NEXT: %[[ONE:.*]] = arith.constant 1 : index
// AXIS1-NEXT: %[[LAST:.*]] = arith.subi %[[DIM]], %[[ONE]] : index
// AXIS1-NEXT: %[[E:.*]] = tensor.empty() : tensor<5x2x2x3xf32>
// AXIS1-NEXT: %[[R:.*]] = linalg.generic {indexing_maps = [#[[IDX]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[I]] : tensor<2x2xi64>) outs(%[[E]] : tensor<5x2x2x3xf32>)
// AXIS1-NEXT: ^bb0(%[[IV:.*]]: i64, %{{.*}}: f32):
// AXIS1-NEXT: %[[II:.*]] = arith.index_cast %[[IV]] : i64 to index
// AXIS1-NEXT: %[[NEG:.*]] = arith.cmpi slt, %[[II]], %[[Z]] : index
// AXIS1-NEXT: %[[WR:.*]] = arith.addi %[[II]], %[[DIM]] : index
// AXIS1-NEXT: %[[SEL:.*]] = arith.select %[[NEG]], %[[WR]], %[[II]] : index
// AXIS1-NEXT: %[[LO:.*]] = arith.maxsi %[[SEL]], %[[Z]] : index
// AXIS1-NEXT: %[[J:.*]] = arith.minsi %[[LO]], %[[LAST]] : index
// AXIS1-NEXT: %[[D0:.*]] = linalg.index 0 : index
// AXIS1-NEXT: %[[D3:.*]] = linalg.index 3 : index
// AXIS1-NEXT: %[[V:.*]] = tensor.extract %[[X]][%[[D0]], %[[J]], %[[D3]]] : tensor<5x4x3xf32>
// AXIS1-NEXT: linalg.yield %[[V]] : f32
// AXIS1: return %[[R]] : tensor<5x2x2x3xf32>
func.func @gather_axis1(%x: tensor<5x4x3xf32>, %i: tensor<2x2xi64>) -> tensor<5x2x2x3xf32> {
  %0 = "dlc.gather"(%x, %i) {axis = 1 : i64} : (tensor<5x4x3xf32>, tensor<2x2xi64>) -> tensor<5x2x2x3xf32>
  return %0 : tensor<5x2x2x3xf32>
}

// Default axis 0 over a dynamic axis, i32 indices: the wrap/clamp bounds come from tensor.dim.
// DYN-LABEL: func.func @gather_dynamic_axis(
// DYN: func.func private @__dlc_gather_{{[0-9]+}}(%[[X:.*]]: tensor<?x3xf32>, %[[I:.*]]: tensor<5xi32>) -> tensor<5x3xf32>
// DYN-NEXT: %[[C0:.*]] = arith.constant 0 : index
// DYN-NEXT: %[[DIM:.*]] = tensor.dim %[[X]], %[[C0]] : tensor<?x3xf32>
// DYN: %[[LAST:.*]] = arith.subi %[[DIM]], %{{.*}} : index
// DYN: linalg.generic {{.*}} ins(%[[I]] : tensor<5xi32>) outs(%{{.*}} : tensor<5x3xf32>)
// DYN-NEXT: ^bb0(%[[IV:.*]]: i32, %{{.*}}: f32):
// DYN-NEXT: %[[II:.*]] = arith.index_cast %[[IV]] : i32 to index
// DYN-NEXT: arith.cmpi slt, %[[II]], %{{.*}} : index
// DYN-NEXT: arith.addi %[[II]], %[[DIM]] : index
// DYN-NEXT: arith.select
// DYN-NEXT: arith.maxsi
// DYN-NEXT: %[[J:.*]] = arith.minsi %{{.*}}, %[[LAST]] : index
// DYN-NEXT: %[[D1:.*]] = linalg.index 1 : index
// DYN-NEXT: tensor.extract %[[X]][%[[J]], %[[D1]]] : tensor<?x3xf32>
func.func @gather_dynamic_axis(%x: tensor<?x3xf32>, %i: tensor<5xi32>) -> tensor<5x3xf32> {
  %0 = "dlc.gather"(%x, %i) : (tensor<?x3xf32>, tensor<5xi32>) -> tensor<5x3xf32>
  return %0 : tensor<5x3xf32>
}

// A rank-0 index on axis -1 drops that axis: indices are read at () and the data at (d0, index).
// SCALAR-DAG: #[[IDX:map[0-9]*]] = affine_map<(d0) -> ()>
// SCALAR-LABEL: func.func @gather_scalar_index(
// SCALAR: func.func private @__dlc_gather_{{[0-9]+}}(%[[X:.*]]: tensor<4x3xf32>, %[[I:.*]]: tensor<i64>) -> tensor<4xf32>
// SCALAR: linalg.generic {indexing_maps = [#[[IDX]], #{{.*}}], iterator_types = ["parallel"]} ins(%[[I]] : tensor<i64>) outs(%{{.*}} : tensor<4xf32>)
// SCALAR: %[[J:.*]] = arith.minsi
// SCALAR-NEXT: %[[D0:.*]] = linalg.index 0 : index
// SCALAR-NEXT: tensor.extract %[[X]][%[[D0]], %[[J]]] : tensor<4x3xf32>
func.func @gather_scalar_index(%x: tensor<4x3xf32>, %i: tensor<i64>) -> tensor<4xf32> {
  %0 = "dlc.gather"(%x, %i) {axis = -1 : i64} : (tensor<4x3xf32>, tensor<i64>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CPU-LABEL: llvm.func @gather_axis1(
// CPU: llvm.icmp "slt"
// CPU: llvm.select
// CPU-LABEL: llvm.func @gather_dynamic_axis(
// CPU-LABEL: llvm.func @gather_scalar_index(
