// DlcToLinalg lowers dlc.slice to one tensor.extract_slice: ONNX clamping and the length ceil((end - start) / step) are folded for static dims and computed with index arithmetic for dynamic ones.
// RUN: dlc-opt %s --dlc-lower-to-linalg -o %t
// RUN: FileCheck %s --check-prefix=STATIC < %t
// RUN: FileCheck %s --check-prefix=EMPTY < %t
// RUN: FileCheck %s --check-prefix=DYN < %t
// RUN: FileCheck %s --check-prefix=DYNNEG < %t
// The lowered module is valid input for dlc-opt again.
// RUN: dlc-opt %t | FileCheck %s --check-prefix=STATIC
// The cpu pipeline lowers every case to the LLVM dialect.
// RUN: dlc-opt %s --dlc-pipeline=cpu | FileCheck %s --check-prefix=CPU --implicit-check-not='"dlc.' --implicit-check-not=linalg. --implicit-check-not=tensor. --implicit-check-not=bufferization. --implicit-check-not=memref. --implicit-check-not=affine. --implicit-check-not=scf. --implicit-check-not=unrealized_conversion_cast

// Static clamping: dim 0 (10): start -4 -> 6, end 100 -> 10, step 2 -> 2 elements; dim 1 (8):
// start 1, end -5 -> 3 -> 2 elements; dim 2 (5): start -100 -> 0, end 9223372036854775807 -> 5, step 3 -> 2.
// STATIC-LABEL: func.func @slice_static(
// STATIC: call @[[F:__dlc_slice_[0-9]+]](%arg0) : (tensor<10x8x5xf32>) -> tensor<2x2x2xf32>
// STATIC: func.func private @[[F]](%[[X:.*]]: tensor<10x8x5xf32>) -> tensor<2x2x2xf32>
// STATIC-NEXT: %[[R:.*]] = tensor.extract_slice %[[X]][6, 1, 0] [2, 2, 2] [2, 1, 3] : tensor<10x8x5xf32> to tensor<2x2x2xf32>
// STATIC-NEXT: return %[[R]] : tensor<2x2x2xf32>
func.func @slice_static(%x: tensor<10x8x5xf32>) -> tensor<2x2x2xf32> {
  %0 = "dlc.slice"(%x) {starts = array<i64: -4, 1, -100>, ends = array<i64: 100, -5, 9223372036854775807>, steps = array<i64: 2, 1, 3>} : (tensor<10x8x5xf32>) -> tensor<2x2x2xf32>
  return %0 : tensor<2x2x2xf32>
}

// start > end clamps to an empty slice.
// EMPTY-LABEL: func.func @slice_empty(
// EMPTY: func.func private @__dlc_slice_{{[0-9]+}}(%[[X:.*]]: tensor<10xf32>) -> tensor<0xf32>
// EMPTY-NEXT: tensor.extract_slice %[[X]][7] [0] [1] : tensor<10xf32> to tensor<0xf32>
func.func @slice_empty(%x: tensor<10xf32>) -> tensor<0xf32> {
  %0 = "dlc.slice"(%x) {starts = array<i64: 7>, ends = array<i64: 2>} : (tensor<10xf32>) -> tensor<0xf32>
  return %0 : tensor<0xf32>
}

// A dynamic dim with non-negative start 1 and negative end -1, step 3: start = min(1, dim),
// end = max(-1 + dim, 0), length = ceil(max(end - start, 0) / 3) = (len + 2) / 3; the static dim
// 1 is folded (0..8 step 2 -> 4).
// DYN-LABEL: func.func @slice_dynamic(
// DYN: func.func private @__dlc_slice_{{[0-9]+}}(%[[X:.*]]: tensor<?x8xf32>) -> tensor<?x4xf32>
// DYN-NEXT: %[[C0:.*]] = arith.constant 0 : index
// DYN-NEXT: %[[D:.*]] = tensor.dim %[[X]], %[[C0]] : tensor<?x8xf32>
// DYN-NEXT: %[[Z:.*]] = arith.constant 0 : index
// DYN-NEXT: %[[C1:.*]] = arith.constant 1 : index
// DYN-NEXT: %[[S:.*]] = arith.minsi %[[C1]], %[[D]] : index
// DYN-NEXT: %[[CM1:.*]] = arith.constant -1 : index
// DYN-NEXT: %[[EW:.*]] = arith.addi %[[CM1]], %[[D]] : index
// DYN-NEXT: %[[E:.*]] = arith.maxsi %[[EW]], %[[Z]] : index
// DYN-NEXT: %[[DIFF:.*]] = arith.subi %[[E]], %[[S]] : index
// DYN-NEXT: %[[L:.*]] = arith.maxsi %[[DIFF]], %[[Z]] : index
// DYN-NEXT: %[[C2:.*]] = arith.constant 2 : index
// DYN-NEXT: %[[LB:.*]] = arith.addi %[[L]], %[[C2]] : index
// DYN-NEXT: %[[C3:.*]] = arith.constant 3 : index
// DYN-NEXT: %[[N:.*]] = arith.divui %[[LB]], %[[C3]] : index
// DYN-NEXT: %[[R:.*]] = tensor.extract_slice %[[X]][%[[S]], 0] [%[[N]], 4] [3, 2] : tensor<?x8xf32> to tensor<?x4xf32>
// DYN-NEXT: return %[[R]] : tensor<?x4xf32>
func.func @slice_dynamic(%x: tensor<?x8xf32>) -> tensor<?x4xf32> {
  %0 = "dlc.slice"(%x) {starts = array<i64: 1, 0>, ends = array<i64: -1, 8>, steps = array<i64: 3, 2>} : (tensor<?x8xf32>) -> tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}

// A dynamic dim with a negative start and a large end, step 1: start = max(-3 + dim, 0),
// end = min(1000, dim), no division.
// DYNNEG-LABEL: func.func @slice_dynamic_negative_start(
// DYNNEG: func.func private @__dlc_slice_{{[0-9]+}}(%[[X:.*]]: tensor<?xi64>) -> tensor<?xi64>
// DYNNEG-NEXT: %[[C0:.*]] = arith.constant 0 : index
// DYNNEG-NEXT: %[[D:.*]] = tensor.dim %[[X]], %[[C0]] : tensor<?xi64>
// DYNNEG-NEXT: %[[Z:.*]] = arith.constant 0 : index
// DYNNEG-NEXT: %[[CM3:.*]] = arith.constant -3 : index
// DYNNEG-NEXT: %[[SW:.*]] = arith.addi %[[CM3]], %[[D]] : index
// DYNNEG-NEXT: %[[S:.*]] = arith.maxsi %[[SW]], %[[Z]] : index
// DYNNEG-NEXT: %[[CBIG:.*]] = arith.constant 1000 : index
// DYNNEG-NEXT: %[[E:.*]] = arith.minsi %[[CBIG]], %[[D]] : index
// DYNNEG-NEXT: %[[DIFF:.*]] = arith.subi %[[E]], %[[S]] : index
// DYNNEG-NEXT: %[[L:.*]] = arith.maxsi %[[DIFF]], %[[Z]] : index
// DYNNEG-NEXT: %[[R:.*]] = tensor.extract_slice %[[X]][%[[S]]] [%[[L]]] [1] : tensor<?xi64> to tensor<?xi64>
// DYNNEG-NEXT: return %[[R]] : tensor<?xi64>
func.func @slice_dynamic_negative_start(%x: tensor<?xi64>) -> tensor<?xi64> {
  %0 = "dlc.slice"(%x) {starts = array<i64: -3>, ends = array<i64: 1000>} : (tensor<?xi64>) -> tensor<?xi64>
  return %0 : tensor<?xi64>
}

// CPU-LABEL: llvm.func @slice_static(
// CPU-LABEL: llvm.func @slice_empty(
// CPU-LABEL: llvm.func @slice_dynamic(
// CPU-LABEL: llvm.func @slice_dynamic_negative_start(
