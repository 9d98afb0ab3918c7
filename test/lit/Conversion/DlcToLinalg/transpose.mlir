// DlcToLinalg lowers dlc.transpose to linalg.transpose into a tensor.empty of the permuted shape (dynamic dims read from the input's permuted dim); rank 0 is the identity.
// RUN: dlc-opt %s --dlc-lower-to-linalg -o %t
// RUN: FileCheck %s --check-prefix=STATIC < %t
// RUN: FileCheck %s --check-prefix=DYN < %t
// RUN: FileCheck %s --check-prefix=RANK0 < %t
// The lowered module is valid input for dlc-opt again.
// RUN: dlc-opt %t | FileCheck %s --check-prefix=STATIC
// The cpu pipeline lowers every case to the LLVM dialect.
// RUN: dlc-opt %s --dlc-pipeline=cpu | FileCheck %s --check-prefix=CPU --implicit-check-not='"dlc.' --implicit-check-not=linalg. --implicit-check-not=tensor. --implicit-check-not=bufferization. --implicit-check-not=memref. --implicit-check-not=affine. --implicit-check-not=scf. --implicit-check-not=unrealized_conversion_cast

// STATIC-LABEL: func.func @transpose_static(
// STATIC: call @[[F:__dlc_transpose_[0-9]+]](%arg0) : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
// STATIC: func.func private @[[F]](%[[X:.*]]: tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
// STATIC-NEXT: %[[E:.*]] = tensor.empty() : tensor<2x4x3xf32>
// STATIC-NEXT: %[[R:.*]] = linalg.transpose ins(%[[X]] : tensor<2x3x4xf32>) outs(%[[E]] : tensor<2x4x3xf32>) permutation = [0, 2, 1]
// STATIC-NEXT: return %[[R]] : tensor<2x4x3xf32>
func.func @transpose_static(%x: tensor<2x3x4xf32>) -> tensor<2x4x3xf32> {
  %0 = "dlc.transpose"(%x) {perm = array<i64: 0, 2, 1>} : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
  return %0 : tensor<2x4x3xf32>
}

// perm [2, 0, 1]: result dim 2 is input dim 1, which is dynamic.
// DYN-LABEL: func.func @transpose_dynamic(
// DYN: func.func private @__dlc_transpose_{{[0-9]+}}(%[[X:.*]]: tensor<2x?x4xi64>) -> tensor<4x2x?xi64>
// DYN-NEXT: %[[C1:.*]] = arith.constant 1 : index
// DYN-NEXT: %[[D:.*]] = tensor.dim %[[X]], %[[C1]] : tensor<2x?x4xi64>
// DYN-NEXT: %[[E:.*]] = tensor.empty(%[[D]]) : tensor<4x2x?xi64>
// DYN-NEXT: %[[R:.*]] = linalg.transpose ins(%[[X]] : tensor<2x?x4xi64>) outs(%[[E]] : tensor<4x2x?xi64>) permutation = [2, 0, 1]
// DYN-NEXT: return %[[R]] : tensor<4x2x?xi64>
func.func @transpose_dynamic(%x: tensor<2x?x4xi64>) -> tensor<4x2x?xi64> {
  %0 = "dlc.transpose"(%x) {perm = array<i64: 2, 0, 1>} : (tensor<2x?x4xi64>) -> tensor<4x2x?xi64>
  return %0 : tensor<4x2x?xi64>
}

// RANK0-LABEL: func.func @transpose_rank0(
// RANK0: func.func private @__dlc_transpose_{{[0-9]+}}(%[[X:.*]]: tensor<f32>) -> tensor<f32>
// RANK0-NEXT: return %[[X]] : tensor<f32>
func.func @transpose_rank0(%x: tensor<f32>) -> tensor<f32> {
  %0 = "dlc.transpose"(%x) {perm = array<i64>} : (tensor<f32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// CPU-LABEL: llvm.func @transpose_static(
// CPU-LABEL: llvm.func @transpose_dynamic(
// CPU-LABEL: llvm.func @transpose_rank0(
