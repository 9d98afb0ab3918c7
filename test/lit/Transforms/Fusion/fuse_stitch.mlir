// --dlc-fuse-stitch: a reduction over the trailing axes and the elementwise ops on its rows become one
// "stitch" group; several reductions on the same rows are stitched together (layer norm as ONNX
// exporters decompose it, softmax decomposed); a consumer in another iteration space (transpose) stays
// outside; a row too large for shared memory is not stitched; rows of another shape are not joined.
// RUN: dlc-opt %s --dlc-fuse-stitch --dlc-explain 2>%t.explain | FileCheck %s
// RUN: FileCheck %s --check-prefix=EXPLAIN < %t.explain

// CHECK-LABEL: func.func @layer_norm(
// CHECK: %[[G:.*]] = call @layer_norm_stitch_0(%arg0, %arg1, %arg2)
// CHECK-NEXT: "dlc.transpose"(%[[G]])
// CHECK-LABEL: func.func private @layer_norm_stitch_0(
// CHECK-SAME: attributes {dlc.fusion = {kind = "stitch"}}
// CHECK: "dlc.reduce"(%arg0)
// CHECK-NEXT: "dlc.sub"
// CHECK-NEXT: "dlc.pow"
// CHECK-NEXT: "dlc.reduce"
// CHECK-NEXT: "dlc.add"
// CHECK-NEXT: "dlc.sqrt"
// CHECK-NEXT: "dlc.div"
// CHECK-NEXT: "dlc.mul"
// CHECK-NEXT: "dlc.add"
// CHECK-NEXT: return
// EXPLAIN: fuse-stitch: stitched dlc.reduce@ReduceMean_1 with dlc.pow@Pow
// EXPLAIN: fuse-stitch: not stitched dlc.transpose@Transpose into the group of dlc.reduce@ReduceMean: not elementwise on the same rows
// EXPLAIN: fuse-stitch: formed @layer_norm_stitch_0 (stitch, 9 ops, dlc.reduce@ReduceMean .. dlc.add@Add_1): est 258.0 KiB {{.*}} as 1 kernel vs 1.5 MiB {{.*}} in 9 kernels
func.func @layer_norm(%x: tensor<128x256xf32>, %g: tensor<256xf32>, %b: tensor<256xf32>) -> tensor<256x128xf32> {
  %two = "dlc.constant"() {value = dense<2.0> : tensor<f32>} : () -> tensor<f32>
  %eps = "dlc.constant"() {value = dense<1.0e-5> : tensor<f32>} : () -> tensor<f32>
  %m = "dlc.reduce"(%x) {axes = array<i64: -1>, keepdims = true, kind = "mean"} : (tensor<128x256xf32>) -> tensor<128x1xf32> loc("ReduceMean")
  %d = "dlc.sub"(%x, %m) : (tensor<128x256xf32>, tensor<128x1xf32>) -> tensor<128x256xf32> loc("Sub")
  %p = "dlc.pow"(%d, %two) : (tensor<128x256xf32>, tensor<f32>) -> tensor<128x256xf32> loc("Pow")
  %v = "dlc.reduce"(%p) {axes = array<i64: -1>, keepdims = true, kind = "mean"} : (tensor<128x256xf32>) -> tensor<128x1xf32> loc("ReduceMean_1")
  %ve = "dlc.add"(%v, %eps) : (tensor<128x1xf32>, tensor<f32>) -> tensor<128x1xf32> loc("Add")
  %s = "dlc.sqrt"(%ve) : (tensor<128x1xf32>) -> tensor<128x1xf32> loc("Sqrt")
  %n = "dlc.div"(%d, %s) : (tensor<128x256xf32>, tensor<128x1xf32>) -> tensor<128x256xf32> loc("Div")
  %y = "dlc.mul"(%n, %g) : (tensor<128x256xf32>, tensor<256xf32>) -> tensor<128x256xf32> loc("Mul")
  %z = "dlc.add"(%y, %b) : (tensor<128x256xf32>, tensor<256xf32>) -> tensor<128x256xf32> loc("Add_1")
  %t = "dlc.transpose"(%z) {perm = array<i64: 1, 0>} : (tensor<128x256xf32>) -> tensor<256x128xf32> loc("Transpose")
  return %t : tensor<256x128xf32>
}

// Softmax as exported op by op: max, sub, exp, sum, div: one group with both reductions.
// CHECK-LABEL: func.func @softmax(
// CHECK-NEXT: %[[S:.*]] = call @softmax_stitch_0(%arg0)
// CHECK-NEXT: return %[[S]]
// CHECK-LABEL: func.func private @softmax_stitch_0(
// CHECK: kind = "max"
// CHECK: "dlc.exp"
// CHECK: kind = "sum"
// CHECK: "dlc.div"
func.func @softmax(%x: tensor<64x1000xf32>) -> tensor<64x1000xf32> {
  %mx = "dlc.reduce"(%x) {axes = array<i64: 1>, keepdims = true, kind = "max"} : (tensor<64x1000xf32>) -> tensor<64x1xf32>
  %d = "dlc.sub"(%x, %mx) : (tensor<64x1000xf32>, tensor<64x1xf32>) -> tensor<64x1000xf32>
  %e = "dlc.exp"(%d) : (tensor<64x1000xf32>) -> tensor<64x1000xf32>
  %s = "dlc.reduce"(%e) {axes = array<i64: 1>, keepdims = true, kind = "sum"} : (tensor<64x1000xf32>) -> tensor<64x1xf32>
  %y = "dlc.div"(%e, %s) : (tensor<64x1000xf32>, tensor<64x1xf32>) -> tensor<64x1000xf32>
  return %y : tensor<64x1000xf32>
}

// A row of 131072 f32 (512 KiB) does not fit the 227 KiB a block may use on an H100: not stitched.
// CHECK-LABEL: func.func @row_too_large(
// CHECK-NOT: call
// CHECK: "dlc.reduce"
// CHECK-NEXT: "dlc.sub"
// EXPLAIN: fuse-stitch: not formed around dlc.reduce@BigReduce: a row of 512.0 KiB exceeds 227.0 KiB of shared memory per block
func.func @row_too_large(%x: tensor<4x131072xf32>) -> tensor<4x131072xf32> {
  %m = "dlc.reduce"(%x) {axes = array<i64: 1>, keepdims = true, kind = "max"} : (tensor<4x131072xf32>) -> tensor<4x1xf32> loc("BigReduce")
  %d = "dlc.sub"(%x, %m) : (tensor<4x131072xf32>, tensor<4x1xf32>) -> tensor<4x131072xf32>
  return %d : tensor<4x131072xf32>
}

// A reduction over a leading axis is no row reduction: nothing is stitched; a reduction whose rows
// nothing else shares stays alone.
// CHECK-LABEL: func.func @not_rows(
// CHECK-NOT: call
// EXPLAIN: fuse-stitch: not formed around dlc.reduce@Alone: nothing on its rows to stitch with
func.func @not_rows(%x: tensor<32x16xf32>, %w: tensor<16x8xf32>) -> (tensor<1x16xf32>, tensor<32x8xf32>) {
  %c = "dlc.reduce"(%x) {axes = array<i64: 0>, keepdims = true, kind = "sum"} : (tensor<32x16xf32>) -> tensor<1x16xf32>
  %e = "dlc.exp"(%c) : (tensor<1x16xf32>) -> tensor<1x16xf32>
  %r = "dlc.reduce"(%x) {axes = array<i64: 1>, keepdims = true, kind = "sum"} : (tensor<32x16xf32>) -> tensor<32x1xf32> loc("Alone")
  %m = "dlc.matmul"(%x, %w) : (tensor<32x16xf32>, tensor<16x8xf32>) -> tensor<32x8xf32>
  %a = "dlc.add"(%m, %r) : (tensor<32x8xf32>, tensor<32x1xf32>) -> tensor<32x8xf32>
  return %e, %a : tensor<1x16xf32>, tensor<32x8xf32>
}
