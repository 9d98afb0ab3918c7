// Fused groups compute what the ops compute: a decomposed layer norm and a decomposed softmax, each one
// stitch group (checked below), run on the CPU by dlc-run (the cpu pipeline fuses by default) and
// compared with numpy.
// REQUIRES: dlc-run, numpy
// RUN: dlc-opt %s --dlc-fuse-stitch | FileCheck %s
// RUN: %python %S/Inputs/decomposed_norms.py %t.x.npy %t.ln.npy %t.sm.npy
// RUN: dlc-run %s --device=cpu --input=@%t.x.npy --output=@%t.out_ln.npy --output=@%t.out_sm.npy
// RUN: %python %S/../../Utils/allclose.py %t.out_ln.npy %t.ln.npy
// RUN: %python %S/../../Utils/allclose.py %t.out_sm.npy %t.sm.npy
// CHECK-LABEL: func.func @main(
// CHECK: call @main_stitch_0(%arg0,
// CHECK-NEXT: call @main_stitch_1(%arg0)
func.func @main(%x: tensor<4x32xf32>) -> (tensor<4x32xf32>, tensor<4x32xf32>) {
  %two = "dlc.constant"() {value = dense<2.0> : tensor<f32>} : () -> tensor<f32>
  %eps = "dlc.constant"() {value = dense<1.0e-5> : tensor<f32>} : () -> tensor<f32>
  %g = "dlc.constant"() {value = dense<1.5> : tensor<32xf32>} : () -> tensor<32xf32>
  %b = "dlc.constant"() {value = dense<0.25> : tensor<32xf32>} : () -> tensor<32xf32>
  %m = "dlc.reduce"(%x) {axes = array<i64: -1>, keepdims = true, kind = "mean"} : (tensor<4x32xf32>) -> tensor<4x1xf32>
  %d = "dlc.sub"(%x, %m) : (tensor<4x32xf32>, tensor<4x1xf32>) -> tensor<4x32xf32>
  %p = "dlc.pow"(%d, %two) : (tensor<4x32xf32>, tensor<f32>) -> tensor<4x32xf32>
  %v = "dlc.reduce"(%p) {axes = array<i64: -1>, keepdims = true, kind = "mean"} : (tensor<4x32xf32>) -> tensor<4x1xf32>
  %ve = "dlc.add"(%v, %eps) : (tensor<4x1xf32>, tensor<f32>) -> tensor<4x1xf32>
  %s = "dlc.sqrt"(%ve) : (tensor<4x1xf32>) -> tensor<4x1xf32>
  %n = "dlc.div"(%d, %s) : (tensor<4x32xf32>, tensor<4x1xf32>) -> tensor<4x32xf32>
  %y = "dlc.mul"(%n, %g) : (tensor<4x32xf32>, tensor<32xf32>) -> tensor<4x32xf32>
  %z = "dlc.add"(%y, %b) : (tensor<4x32xf32>, tensor<32xf32>) -> tensor<4x32xf32>
  %mx = "dlc.reduce"(%x) {axes = array<i64: 1>, keepdims = true, kind = "max"} : (tensor<4x32xf32>) -> tensor<4x1xf32>
  %xd = "dlc.sub"(%x, %mx) : (tensor<4x32xf32>, tensor<4x1xf32>) -> tensor<4x32xf32>
  %e = "dlc.exp"(%xd) : (tensor<4x32xf32>) -> tensor<4x32xf32>
  %se = "dlc.reduce"(%e) {axes = array<i64: 1>, keepdims = true, kind = "sum"} : (tensor<4x32xf32>) -> tensor<4x1xf32>
  %sm = "dlc.div"(%e, %se) : (tensor<4x32xf32>, tensor<4x1xf32>) -> tensor<4x32xf32>
  return %z, %sm : tensor<4x32xf32>, tensor<4x32xf32>
}
