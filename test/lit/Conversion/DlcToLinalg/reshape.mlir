// DlcToLinalg lowers dlc.reshape to tensor.collapse_shape to 1-D then tensor.expand_shape to the declared shape; one dynamic result dim is the runtime element count divided by the static dims' product.
// RUN: dlc-opt %s --dlc-lower-to-linalg -o %t
// RUN: FileCheck %s --check-prefix=STATIC < %t
// RUN: FileCheck %s --check-prefix=DYN < %t
// RUN: FileCheck %s --check-prefix=CAST < %t
// RUN: FileCheck %s --check-prefix=FLAT < %t
// RUN: FileCheck %s --check-prefix=SCALAR < %t
// The lowered module is valid input for dlc-opt again.
// RUN: dlc-opt %t | FileCheck %s --check-prefix=STATIC
// The cpu pipeline lowers every case to the LLVM dialect.
// RUN: dlc-opt %s --dlc-pipeline=cpu | FileCheck %s --check-prefix=CPU --implicit-check-not='"dlc.' --implicit-check-not=linalg. --implicit-check-not=tensor. --implicit-check-not=bufferization. --implicit-check-not=memref. --implicit-check-not=affine. --implicit-check-not=scf. --implicit-check-not=unrealized_conversion_cast

// STATIC-LABEL: func.func @reshape_static(
// STATIC: call @[[F:__dlc_reshape_[0-9]+]](%arg0) : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
// STATIC: func.func private @[[F]](%[[X:.*]]: tensor<2x3x4xf32>) -> tensor<6x4xf32>
// STATIC-NEXT: %[[C:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1, 2]] : tensor<2x3x4xf32> into tensor<24xf32>
// STATIC-NEXT: %[[R:.*]] = tensor.expand_shape %[[C]] {{\[\[}}0, 1]] output_shape [6, 4] : tensor<24xf32> into tensor<6x4xf32>
// STATIC-NEXT: return %[[R]] : tensor<6x4xf32>
func.func @reshape_static(%x: tensor<2x3x4xf32>) -> tensor<6x4xf32> {
  %0 = "dlc.reshape"(%x) : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
  return %0 : tensor<6x4xf32>
}

// One dynamic result dim: the flat size (tensor.dim of the collapsed tensor) divided by 2 * 6.
// DYN-LABEL: func.func @reshape_dynamic(
// DYN: func.func private @__dlc_reshape_{{[0-9]+}}(%[[X:.*]]: tensor<?x3x4xf32>) -> tensor<?x2x6xf32>
// DYN-NEXT: %[[C:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1, 2]] : tensor<?x3x4xf32> into tensor<?xf32>
// DYN-NEXT: %[[C0:.*]] = arith.constant 0 : index
// DYN-NEXT: %[[N:.*]] = tensor.dim %[[C]], %[[C0]] : tensor<?xf32>
// DYN-NEXT: %[[C12:.*]] = arith.constant 12 : index
// DYN-NEXT: %[[D:.*]] = arith.divui %[[N]], %[[C12]] : index
// DYN-NEXT: %[[R:.*]] = tensor.expand_shape %[[C]] {{\[\[}}0, 1, 2]] output_shape [%[[D]], 2, 6] : tensor<?xf32> into tensor<?x2x6xf32>
// DYN-NEXT: return %[[R]] : tensor<?x2x6xf32>
func.func @reshape_dynamic(%x: tensor<?x3x4xf32>) -> tensor<?x2x6xf32> {
  %0 = "dlc.reshape"(%x) : (tensor<?x3x4xf32>) -> tensor<?x2x6xf32>
  return %0 : tensor<?x2x6xf32>
}

// A dynamic input to a static result: the flat tensor is cast to the static element count.
// CAST-LABEL: func.func @reshape_dynamic_to_static(
// CAST: func.func private @__dlc_reshape_{{[0-9]+}}(%[[X:.*]]: tensor<?x4xf32>) -> tensor<2x6xf32>
// CAST-NEXT: %[[C:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1]] : tensor<?x4xf32> into tensor<?xf32>
// CAST-NEXT: %[[S:.*]] = tensor.cast %[[C]] : tensor<?xf32> to tensor<12xf32>
// CAST-NEXT: %[[R:.*]] = tensor.expand_shape %[[S]] {{\[\[}}0, 1]] output_shape [2, 6] : tensor<12xf32> into tensor<2x6xf32>
func.func @reshape_dynamic_to_static(%x: tensor<?x4xf32>) -> tensor<2x6xf32> {
  %0 = "dlc.reshape"(%x) : (tensor<?x4xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}

// To 1-D: the collapse alone.
// FLAT-LABEL: func.func @reshape_flatten(
// FLAT: func.func private @__dlc_reshape_{{[0-9]+}}(%[[X:.*]]: tensor<2x5x4xf32>) -> tensor<40xf32>
// FLAT-NEXT: %[[C:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1, 2]] : tensor<2x5x4xf32> into tensor<40xf32>
// FLAT-NEXT: return %[[C]] : tensor<40xf32>
func.func @reshape_flatten(%x: tensor<2x5x4xf32>) -> tensor<40xf32> {
  %0 = "dlc.reshape"(%x) : (tensor<2x5x4xf32>) -> tensor<40xf32>
  return %0 : tensor<40xf32>
}

// Rank 0 in and out: expand_shape [] to tensor<1x..> and collapse_shape [] back.
// SCALAR-LABEL: func.func @reshape_scalars(
// SCALAR: func.func private @__dlc_reshape_{{[0-9]+}}(%[[X:.*]]: tensor<f32>) -> tensor<1x1xf32>
// SCALAR-NEXT: %[[E:.*]] = tensor.expand_shape %[[X]] [] output_shape [1] : tensor<f32> into tensor<1xf32>
// SCALAR-NEXT: tensor.expand_shape %[[E]] {{\[\[}}0, 1]] output_shape [1, 1] : tensor<1xf32> into tensor<1x1xf32>
// SCALAR: func.func private @__dlc_reshape_{{[0-9]+}}(%[[Y:.*]]: tensor<1x1xf32>) -> tensor<f32>
// SCALAR-NEXT: %[[C:.*]] = tensor.collapse_shape %[[Y]] {{\[\[}}0, 1]] : tensor<1x1xf32> into tensor<1xf32>
// SCALAR-NEXT: tensor.collapse_shape %[[C]] [] : tensor<1xf32> into tensor<f32>
func.func @reshape_scalars(%x: tensor<f32>) -> tensor<f32> {
  %0 = "dlc.reshape"(%x) : (tensor<f32>) -> tensor<1x1xf32>
  %1 = "dlc.reshape"(%0) : (tensor<1x1xf32>) -> tensor<f32>
  return %1 : tensor<f32>
}

// CPU-LABEL: llvm.func @reshape_static(
// CPU-LABEL: llvm.func @reshape_dynamic(
// CPU: llvm.{{[su]}}div
// CPU-LABEL: llvm.func @reshape_dynamic_to_static(
// CPU-LABEL: llvm.func @reshape_flatten(
// CPU-LABEL: llvm.func @reshape_scalars(
