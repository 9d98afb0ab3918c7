// DlcToLinalg lowers the binary dlc.concat to one tensor.concat on the normalized axis (dynamic sizes kept); an n-ary concat is a chain of them.
// RUN: dlc-opt %s --dlc-lower-to-linalg -o %t
// RUN: FileCheck %s --check-prefix=STATIC < %t
// RUN: FileCheck %s --check-prefix=DYN < %t
// RUN: FileCheck %s --check-prefix=CHAIN < %t
// The lowered module is valid input for dlc-opt again.
// RUN: dlc-opt %t | FileCheck %s --check-prefix=STATIC
// The cpu pipeline lowers every case to the LLVM dialect.
// RUN: dlc-opt %s --dlc-pipeline=cpu | FileCheck %s --check-prefix=CPU --implicit-check-not='"dlc.' --implicit-check-not=linalg. --implicit-check-not=tensor. --implicit-check-not=bufferization. --implicit-check-not=memref. --implicit-check-not=affine. --implicit-check-not=scf. --implicit-check-not=unrealized_conversion_cast

// axis = -1 is normalized to dim(1).
// STATIC-LABEL: func.func @concat_static(
// STATIC: call @[[F:__dlc_concat_[0-9]+]](%arg0, %arg1) : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
// STATIC: func.func private @[[F]](%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<2x5xf32>) -> tensor<2x8xf32>
// STATIC-NEXT: %[[R:.*]] = tensor.concat dim(1) %[[A]], %[[B]] : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
// STATIC-NEXT: return %[[R]] : tensor<2x8xf32>
func.func @concat_static(%a: tensor<2x3xf32>, %b: tensor<2x5xf32>) -> tensor<2x8xf32> {
  %0 = "dlc.concat"(%a, %b) {axis = -1 : i64} : (tensor<2x3xf32>, tensor<2x5xf32>) -> tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// A dynamic size on the concat axis makes the result's axis dynamic; the other dim takes the static 3.
// DYN-LABEL: func.func @concat_dynamic(
// DYN: func.func private @__dlc_concat_{{[0-9]+}}(%[[A:.*]]: tensor<?x3xi32>, %[[B:.*]]: tensor<4x?xi32>) -> tensor<?x3xi32>
// DYN-NEXT: %[[R:.*]] = tensor.concat dim(0) %[[A]], %[[B]] : (tensor<?x3xi32>, tensor<4x?xi32>) -> tensor<?x3xi32>
// DYN-NEXT: return %[[R]] : tensor<?x3xi32>
func.func @concat_dynamic(%a: tensor<?x3xi32>, %b: tensor<4x?xi32>) -> tensor<?x3xi32> {
  %0 = "dlc.concat"(%a, %b) {axis = 0 : i64} : (tensor<?x3xi32>, tensor<4x?xi32>) -> tensor<?x3xi32>
  return %0 : tensor<?x3xi32>
}

// A 3-way concat is two binary ones, each its own helper.
// CHAIN-LABEL: func.func @concat_chain(
// CHAIN: %[[AB:.*]] = call @[[F1:__dlc_concat_[0-9]+]](%arg0, %arg1) : (tensor<3x1x2xf32>, tensor<3x?x2xf32>) -> tensor<3x?x2xf32>
// CHAIN-NEXT: %[[ABC:.*]] = call @[[F2:__dlc_concat_[0-9]+]](%[[AB]], %arg2) : (tensor<3x?x2xf32>, tensor<3x4x2xf32>) -> tensor<3x?x2xf32>
// CHAIN-NEXT: return %[[ABC]]
// CHAIN: func.func private @[[F1]](
// CHAIN-NEXT: tensor.concat dim(1) %{{.*}}, %{{.*}} : (tensor<3x1x2xf32>, tensor<3x?x2xf32>) -> tensor<3x?x2xf32>
// CHAIN: func.func private @[[F2]](
// CHAIN-NEXT: tensor.concat dim(1) %{{.*}}, %{{.*}} : (tensor<3x?x2xf32>, tensor<3x4x2xf32>) -> tensor<3x?x2xf32>
func.func @concat_chain(%a: tensor<3x1x2xf32>, %b: tensor<3x?x2xf32>, %c: tensor<3x4x2xf32>) -> tensor<3x?x2xf32> {
  %0 = "dlc.concat"(%a, %b) {axis = 1 : i64} : (tensor<3x1x2xf32>, tensor<3x?x2xf32>) -> tensor<3x?x2xf32>
  %1 = "dlc.concat"(%0, %c) {axis = 1 : i64} : (tensor<3x?x2xf32>, tensor<3x4x2xf32>) -> tensor<3x?x2xf32>
  return %1 : tensor<3x?x2xf32>
}

// CPU-LABEL: llvm.func @concat_static(
// CPU-LABEL: llvm.func @concat_dynamic(
// CPU-LABEL: llvm.func @concat_chain(
