// dlc.slice with a step near INT64_MAX on a static dim keeps one element (numpy x[2:10:2**63-1] has length 1) and lowers to a 1-element tensor.extract_slice.
//
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s

// CHECK-LABEL: func.func @main(
// CHECK: func.func private @__dlc_slice_{{[0-9]+}}(%[[X:.*]]: tensor<10xf32>) -> tensor<1xf32>
// CHECK-NEXT: tensor.extract_slice %[[X]][2] [1] [9223372036854775807] : tensor<10xf32> to tensor<1xf32>
func.func @main(%x: tensor<10xf32>) -> tensor<1xf32> {
  %0 = "dlc.slice"(%x) {starts = array<i64: 2>, ends = array<i64: 10>, steps = array<i64: 9223372036854775807>} : (tensor<10xf32>) -> tensor<1xf32>
  return %0 : tensor<1xf32>
}
