// dlc-run numerics: a data-movement chain with a dynamic row count: slice (negative start, clamped end, step), gather (negative indices, axis 0 and axis 1 with 2-D indices), reshape, concat chains, transpose and a strided slice of a dynamic 1-D reshape.
// Inputs, constant indices and references come from Inputs/make_families.py (numpy, independent of DLC).
// REQUIRES: dlc-run, numpy
// RUN: dlc-run %s --input=@%S/Inputs/data_movement_x.npy --input=@%S/Inputs/data_movement_idx.npy --output=@%t.y.npy --output=@%t.s.npy
// RUN: %python %S/../Utils/allclose.py %t.y.npy %S/Inputs/data_movement_ref_y.npy
// RUN: %python %S/../Utils/allclose.py %t.s.npy %S/Inputs/data_movement_ref_s.npy
func.func @main(%x: tensor<?x6xf32>, %idx: tensor<4xi64>) -> (tensor<3x?xf32>, tensor<?xf32>) {
  %idx2 = "dlc.constant"() {value = dense<[[2, -1], [0, 1]]> : tensor<2x2xi32>} : () -> tensor<2x2xi32>
  %a = "dlc.slice"(%x) {starts = array<i64: -3, 1>, ends = array<i64: 1000, 6>, steps = array<i64: 1, 2>} : (tensor<?x6xf32>) -> tensor<?x3xf32>
  %g = "dlc.gather"(%x, %idx) : (tensor<?x6xf32>, tensor<4xi64>) -> tensor<4x6xf32>
  %gr = "dlc.reshape"(%g) : (tensor<4x6xf32>) -> tensor<8x3xf32>
  %c = "dlc.concat"(%a, %gr) {axis = 0 : i64} : (tensor<?x3xf32>, tensor<8x3xf32>) -> tensor<?x3xf32>
  %t = "dlc.transpose"(%c) {perm = array<i64: 1, 0>} : (tensor<?x3xf32>) -> tensor<3x?xf32>
  %h = "dlc.gather"(%t, %idx2) {axis = 1 : i64} : (tensor<3x?xf32>, tensor<2x2xi32>) -> tensor<3x2x2xf32>
  %hr = "dlc.reshape"(%h) : (tensor<3x2x2xf32>) -> tensor<3x4xf32>
  %y = "dlc.concat"(%t, %hr) {axis = -1 : i64} : (tensor<3x?xf32>, tensor<3x4xf32>) -> tensor<3x?xf32>
  %f = "dlc.reshape"(%y) : (tensor<3x?xf32>) -> tensor<?xf32>
  %s = "dlc.slice"(%f) {starts = array<i64: 1>, ends = array<i64: -1>, steps = array<i64: 4>} : (tensor<?xf32>) -> tensor<?xf32>
  return %y, %s : tensor<3x?xf32>, tensor<?xf32>
}
