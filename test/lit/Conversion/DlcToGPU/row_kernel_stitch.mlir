// Row kernels (emit_row_kernel.c) for "stitch" fusion groups: elementwise ops, reductions over the
// same trailing axes and unit-dim reshapes become ONE gpu.launch replacing the group's body; the
// reductions run in sequence in the kernel, their results broadcast back as per-row scalars, and the
// elementwise formulas come from the shared scalar emitter (dlc_emit_scalar_op). The group's
// `threads` sets the block size.
// RUN: dlc-opt %s --dlc-lower-to-gpu --canonicalize | FileCheck %s

func.func @main(%x: tensor<2x8x64xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> (tensor<2x8x64xf32>, tensor<2x8x64xf32>, tensor<2x8x64xf32>, tensor<2x8x64xf32>) {
  %0 = call @onnx_layer_norm(%x, %g, %b) : (tensor<2x8x64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<2x8x64xf32>
  %1 = call @rms_norm(%x, %g) : (tensor<2x8x64xf32>, tensor<64xf32>) -> tensor<2x8x64xf32>
  %2:2 = call @softmax_parts(%x) : (tensor<2x8x64xf32>) -> (tensor<2x8x64xf32>, tensor<16xf32>)
  %3 = call @leading_axis(%x) : (tensor<2x8x64xf32>) -> tensor<2x8x64xf32>
  return %0, %1, %2#0, %3 : tensor<2x8x64xf32>, tensor<2x8x64xf32>, tensor<2x8x64xf32>, tensor<2x8x64xf32>
}

// ONNX's LayerNormalization decomposition: ReduceMean, Sub, Pow, ReduceMean, Add, Sqrt, Div, Mul, Add.
// 16 rows of 64 at 4 warps (128 threads) per block: 4 blocks, 2 registers per lane.
// CHECK-LABEL: func.func private @onnx_layer_norm(
// CHECK-SAME: attributes {dlc.fusion = {kind = "stitch", threads = 128 : i64}, dlc.gpu_kernel}
// CHECK-NOT: dlc.
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK-DAG: %[[C128:.*]] = arith.constant 128 : index
// CHECK-DAG: %[[N:.*]] = arith.constant 6.400000e+01 : f32
// CHECK-DAG: %[[TWO:.*]] = arith.constant 2.000000e+00 : f32
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %[[C4]], {{.*}}) threads({{.*}}) in ({{.*}} = %[[C128]],
// CHECK-COUNT-5: gpu.shuffle  xor
// CHECK: %[[MEAN:.*]] = arith.divf %{{.*}}, %[[N]] : f32
// CHECK: %[[D:.*]] = arith.subf %{{.*}}, %[[MEAN]] : f32
// CHECK-NEXT: math.powf %[[D]], %[[TWO]] : f32
// CHECK-COUNT-5: gpu.shuffle  xor
// CHECK: arith.divf %{{.*}}, %[[N]] : f32
// CHECK: math.sqrt
// CHECK: arith.divf %[[D]]
// CHECK: memref.store
// CHECK-NOT: gpu.launch
// CHECK: return
func.func private @onnx_layer_norm(%x: tensor<2x8x64xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<2x8x64xf32> attributes {dlc.fusion = {kind = "stitch", threads = 128}} {
  %m = "dlc.reduce"(%x) {axes = array<i64: 2>, kind = "mean", keepdims = true} : (tensor<2x8x64xf32>) -> tensor<2x8x1xf32>
  %d = "dlc.sub"(%x, %m) : (tensor<2x8x64xf32>, tensor<2x8x1xf32>) -> tensor<2x8x64xf32>
  %two = "dlc.constant"() {value = dense<2.0> : tensor<f32>} : () -> tensor<f32>
  %p = "dlc.pow"(%d, %two) : (tensor<2x8x64xf32>, tensor<f32>) -> tensor<2x8x64xf32>
  %v = "dlc.reduce"(%p) {axes = array<i64: -1>, kind = "mean", keepdims = true} : (tensor<2x8x64xf32>) -> tensor<2x8x1xf32>
  %eps = "dlc.constant"() {value = dense<1.0e-5> : tensor<1xf32>} : () -> tensor<1xf32>
  %ve = "dlc.add"(%v, %eps) : (tensor<2x8x1xf32>, tensor<1xf32>) -> tensor<2x8x1xf32>
  %s = "dlc.sqrt"(%ve) : (tensor<2x8x1xf32>) -> tensor<2x8x1xf32>
  %n = "dlc.div"(%d, %s) : (tensor<2x8x64xf32>, tensor<2x8x1xf32>) -> tensor<2x8x64xf32>
  %y0 = "dlc.mul"(%n, %g) : (tensor<2x8x64xf32>, tensor<64xf32>) -> tensor<2x8x64xf32>
  %y = "dlc.add"(%y0, %b) : (tensor<2x8x64xf32>, tensor<64xf32>) -> tensor<2x8x64xf32>
  return %y : tensor<2x8x64xf32>
}

// RMS norm: Mul, ReduceMean, Add, Sqrt, Reciprocal, Mul, Mul (default 256 threads: 2 blocks).
// CHECK-LABEL: func.func private @rms_norm(
// CHECK-SAME: dlc.gpu_kernel
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : index
// CHECK-DAG: %[[C256:.*]] = arith.constant 256 : index
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %[[C2]], {{.*}}) threads({{.*}}) in ({{.*}} = %[[C256]],
// CHECK-COUNT-5: gpu.shuffle  xor
// CHECK: math.sqrt
// CHECK: arith.divf
// CHECK-NOT: gpu.shuffle
// CHECK: gpu.terminator
func.func private @rms_norm(%x: tensor<2x8x64xf32>, %g: tensor<64xf32>) -> tensor<2x8x64xf32> attributes {dlc.fusion = {kind = "stitch"}} {
  %sq = "dlc.mul"(%x, %x) : (tensor<2x8x64xf32>, tensor<2x8x64xf32>) -> tensor<2x8x64xf32>
  %ms = "dlc.reduce"(%sq) {axes = array<i64: 2>, kind = "mean", keepdims = true} : (tensor<2x8x64xf32>) -> tensor<2x8x1xf32>
  %eps = "dlc.constant"() {value = dense<1.0e-6> : tensor<f32>} : () -> tensor<f32>
  %a = "dlc.add"(%ms, %eps) : (tensor<2x8x1xf32>, tensor<f32>) -> tensor<2x8x1xf32>
  %r = "dlc.sqrt"(%a) : (tensor<2x8x1xf32>) -> tensor<2x8x1xf32>
  %inv = "dlc.reciprocal"(%r) : (tensor<2x8x1xf32>) -> tensor<2x8x1xf32>
  %n = "dlc.mul"(%x, %inv) : (tensor<2x8x64xf32>, tensor<2x8x1xf32>) -> tensor<2x8x64xf32>
  %y = "dlc.mul"(%n, %g) : (tensor<2x8x64xf32>, tensor<64xf32>) -> tensor<2x8x64xf32>
  return %y : tensor<2x8x64xf32>
}

// Softmax as ReduceMax, Sub, Exp, ReduceSum, Div, also returning the row sums through a reshape that
// drops the unit dim: a ROW output stored by every lane, a per-row output by lane 0.
// CHECK-LABEL: func.func private @softmax_parts(
// CHECK-SAME: dlc.gpu_kernel
// CHECK: memref.alloc() : memref<2x8x64xf32>
// CHECK: memref.alloc() : memref<16xf32>
// CHECK: gpu.launch
// CHECK-COUNT-5: arith.maximumf
// CHECK: math.exp
// CHECK-COUNT-5: gpu.shuffle  xor
// CHECK: arith.divf
// CHECK: memref.store
// CHECK: scf.if
// CHECK-NEXT: memref.store {{.*}} : memref<16xf32>
// CHECK-NOT: gpu.launch
// CHECK: return
func.func private @softmax_parts(%x: tensor<2x8x64xf32>) -> (tensor<2x8x64xf32>, tensor<16xf32>) attributes {dlc.fusion = {kind = "stitch"}} {
  %m = "dlc.reduce"(%x) {axes = array<i64: 2>, kind = "max", keepdims = true} : (tensor<2x8x64xf32>) -> tensor<2x8x1xf32>
  %d = "dlc.sub"(%x, %m) : (tensor<2x8x64xf32>, tensor<2x8x1xf32>) -> tensor<2x8x64xf32>
  %e = "dlc.exp"(%d) : (tensor<2x8x64xf32>) -> tensor<2x8x64xf32>
  %s = "dlc.reduce"(%e) {axes = array<i64: 2>, kind = "sum", keepdims = true} : (tensor<2x8x64xf32>) -> tensor<2x8x1xf32>
  %y = "dlc.div"(%e, %s) : (tensor<2x8x64xf32>, tensor<2x8x1xf32>) -> tensor<2x8x64xf32>
  %flat = "dlc.reshape"(%s) : (tensor<2x8x1xf32>) -> tensor<16xf32>
  return %y, %flat : tensor<2x8x64xf32>, tensor<16xf32>
}

// A reduction over a leading axis: not a row kernel; the group keeps its dlc body.
// CHECK-LABEL: func.func private @leading_axis(
// CHECK-SAME: attributes {dlc.fusion = {kind = "stitch"}} {
// CHECK-NEXT: "dlc.reduce"(%arg0) {axes = array<i64: 0>
func.func private @leading_axis(%x: tensor<2x8x64xf32>) -> tensor<2x8x64xf32> attributes {dlc.fusion = {kind = "stitch"}} {
  %m = "dlc.reduce"(%x) {axes = array<i64: 0>, kind = "mean", keepdims = true} : (tensor<2x8x64xf32>) -> tensor<1x8x64xf32>
  %d = "dlc.sub"(%x, %m) : (tensor<2x8x64xf32>, tensor<1x8x64xf32>) -> tensor<2x8x64xf32>
  return %d : tensor<2x8x64xf32>
}

// Attention softmax with a causal mask: the i1 mask [q, k] is broadcast over batch and heads, so each
// row finds its mask row from its coordinates (remainder by q): rowoff = (row mod q) * k.
// CHECK-LABEL: func.func private @masked_softmax(
// CHECK-SAME: dlc.gpu_kernel
// CHECK: %[[DQ:.*]] = tensor.dim %arg0, %c2 : tensor<1x4x?x?xf32>
// CHECK: %[[DK:.*]] = tensor.dim %arg0, %c3 : tensor<1x4x?x?xf32>
// CHECK: memref.collapse_shape %{{.*}} : memref<?x?xi1> into memref<?xi1>
// CHECK: gpu.launch
// CHECK: %[[Q:.*]] = arith.remui %{{.*}}, %[[DQ]] : index
// CHECK-NEXT: %[[OFF:.*]] = arith.muli %[[Q]], %[[DK]] : index
// CHECK: %[[AT:.*]] = arith.addi %{{.*}}, %{{.*}} : index
// CHECK: %[[M:.*]] = memref.load %{{.*}}[%[[AT]]] : memref<?xi1>
// CHECK: arith.select %[[M]], %{{.*}}, %{{.*}} : f32
// CHECK: math.exp
// CHECK: gpu.terminator
func.func private @masked_softmax(%x: tensor<1x4x?x?xf32>, %m: tensor<?x?xi1>) -> tensor<1x4x?x?xf32> attributes {dlc.fusion = {kind = "stitch", threads = 128}} {
  %c8 = "dlc.constant"() {value = dense<8.0> : tensor<f32>} : () -> tensor<f32>
  %neg = "dlc.constant"() {value = dense<-1.0e+04> : tensor<f32>} : () -> tensor<f32>
  %s = "dlc.div"(%x, %c8) : (tensor<1x4x?x?xf32>, tensor<f32>) -> tensor<1x4x?x?xf32>
  %w = "dlc.where"(%m, %neg, %s) : (tensor<?x?xi1>, tensor<f32>, tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32>
  %y = "dlc.softmax"(%w) {axis = 3 : i64} : (tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32>
  return %y : tensor<1x4x?x?xf32>
}
