// dlc-run numerics: every reduce kind (keepdims, negative and multiple axes, a dynamic count for mean, i32 sum/max), softmax and log_softmax, with a dynamic leading dim.
// Inputs and references come from Inputs/make_families.py (numpy, independent of DLC).
// REQUIRES: dlc-run, numpy
// RUN: dlc-run %s --input=@%S/Inputs/reductions_x.npy --input=@%S/Inputs/reductions_k.npy --output=@%t.sum_keep.npy --output=@%t.mean.npy --output=@%t.max.npy --output=@%t.min.npy --output=@%t.prod.npy --output=@%t.softmax.npy --output=@%t.log_softmax.npy --output=@%t.isum.npy --output=@%t.imax.npy
// RUN: %python %S/../Utils/allclose.py %t.sum_keep.npy %S/Inputs/reductions_ref_sum_keep.npy
// RUN: %python %S/../Utils/allclose.py %t.mean.npy %S/Inputs/reductions_ref_mean.npy
// RUN: %python %S/../Utils/allclose.py %t.max.npy %S/Inputs/reductions_ref_max.npy
// RUN: %python %S/../Utils/allclose.py %t.min.npy %S/Inputs/reductions_ref_min.npy
// RUN: %python %S/../Utils/allclose.py %t.prod.npy %S/Inputs/reductions_ref_prod.npy
// RUN: %python %S/../Utils/allclose.py %t.softmax.npy %S/Inputs/reductions_ref_softmax.npy
// RUN: %python %S/../Utils/allclose.py %t.log_softmax.npy %S/Inputs/reductions_ref_log_softmax.npy
// RUN: %python %S/../Utils/allclose.py %t.isum.npy %S/Inputs/reductions_ref_isum.npy
// RUN: %python %S/../Utils/allclose.py %t.imax.npy %S/Inputs/reductions_ref_imax.npy
func.func @main(%x: tensor<?x5x6xf32>, %k: tensor<3x7xi32>) -> (tensor<?x1x6xf32>, tensor<5xf32>, tensor<?x5xf32>, tensor<5x6xf32>, tensor<?x5xf32>, tensor<?x5x6xf32>, tensor<?x5x6xf32>, tensor<3xi32>, tensor<7xi32>) {
  %one = "dlc.constant"() {value = dense<1.0> : tensor<f32>} : () -> tensor<f32>
  %tenth = "dlc.constant"() {value = dense<0.1> : tensor<f32>} : () -> tensor<f32>
  %sum_keep = "dlc.reduce"(%x) {kind = "sum", axes = array<i64: 1>, keepdims = true} : (tensor<?x5x6xf32>) -> tensor<?x1x6xf32>
  %mean = "dlc.reduce"(%x) {kind = "mean", axes = array<i64: 0, 2>} : (tensor<?x5x6xf32>) -> tensor<5xf32>
  %max = "dlc.reduce"(%x) {kind = "max", axes = array<i64: -1>} : (tensor<?x5x6xf32>) -> tensor<?x5xf32>
  %min = "dlc.reduce"(%x) {kind = "min", axes = array<i64: 0>} : (tensor<?x5x6xf32>) -> tensor<5x6xf32>
  %xs = "dlc.mul"(%x, %tenth) : (tensor<?x5x6xf32>, tensor<f32>) -> tensor<?x5x6xf32>
  %x1 = "dlc.add"(%xs, %one) : (tensor<?x5x6xf32>, tensor<f32>) -> tensor<?x5x6xf32>
  %prod = "dlc.reduce"(%x1) {kind = "prod", axes = array<i64: 2>} : (tensor<?x5x6xf32>) -> tensor<?x5xf32>
  %softmax = "dlc.softmax"(%x) {axis = 1 : i64} : (tensor<?x5x6xf32>) -> tensor<?x5x6xf32>
  %log_softmax = "dlc.log_softmax"(%x) : (tensor<?x5x6xf32>) -> tensor<?x5x6xf32>
  %isum = "dlc.reduce"(%k) {kind = "sum", axes = array<i64: 1>} : (tensor<3x7xi32>) -> tensor<3xi32>
  %imax = "dlc.reduce"(%k) {kind = "max", axes = array<i64: 0>} : (tensor<3x7xi32>) -> tensor<7xi32>
  return %sum_keep, %mean, %max, %min, %prod, %softmax, %log_softmax, %isum, %imax : tensor<?x1x6xf32>, tensor<5xf32>, tensor<?x5xf32>, tensor<5x6xf32>, tensor<?x5xf32>, tensor<?x5x6xf32>, tensor<?x5x6xf32>, tensor<3xi32>, tensor<7xi32>
}
