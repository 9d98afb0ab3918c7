// Inputs of row_kernel_simt.test: one public function per case of Inputs/row_kernel_simt.py.
func.func @softmax_4x128(%a: tensor<4x128xf32>) -> tensor<4x128xf32> {
  %0 = "dlc.softmax"(%a) : (tensor<4x128xf32>) -> tensor<4x128xf32>
  return %0 : tensor<4x128xf32>
}
func.func @softmax_5x100(%a: tensor<5x100xf32>) -> tensor<5x100xf32> {
  %0 = "dlc.softmax"(%a) : (tensor<5x100xf32>) -> tensor<5x100xf32>
  return %0 : tensor<5x100xf32>
}
func.func @log_softmax_3x1000(%a: tensor<3x1000xf32>) -> tensor<3x1000xf32> {
  %0 = "dlc.log_softmax"(%a) : (tensor<3x1000xf32>) -> tensor<3x1000xf32>
  return %0 : tensor<3x1000xf32>
}
func.func @softmax_2x2048(%a: tensor<2x2048xf32>) -> tensor<2x2048xf32> {
  %0 = "dlc.softmax"(%a) : (tensor<2x2048xf32>) -> tensor<2x2048xf32>
  return %0 : tensor<2x2048xf32>
}
func.func @softmax_3x3000(%a: tensor<3x3000xf32>) -> tensor<3x3000xf32> {
  %0 = "dlc.softmax"(%a) : (tensor<3x3000xf32>) -> tensor<3x3000xf32>
  return %0 : tensor<3x3000xf32>
}
func.func @softmax_dyn(%a: tensor<?x64xf32>) -> tensor<?x64xf32> {
  %0 = "dlc.softmax"(%a) : (tensor<?x64xf32>) -> tensor<?x64xf32>
  return %0 : tensor<?x64xf32>
}
func.func @layer_norm_2x4096(%a: tensor<2x4096xf32>, %s: tensor<4096xf32>, %b: tensor<4096xf32>) -> tensor<2x4096xf32> {
  %0 = "dlc.layer_norm"(%a, %s, %b) : (tensor<2x4096xf32>, tensor<4096xf32>, tensor<4096xf32>) -> tensor<2x4096xf32>
  return %0 : tensor<2x4096xf32>
}
func.func @layer_norm_3x64(%a: tensor<3x64xf32>, %s: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<3x64xf32> {
  %0 = "dlc.layer_norm"(%a, %s, %b) : (tensor<3x64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<3x64xf32>
  return %0 : tensor<3x64xf32>
}
func.func @layer_norm_2x3x50(%a: tensor<2x3x50xf32>, %s: tensor<3x50xf32>, %b: tensor<3x50xf32>) -> tensor<2x3x50xf32> {
  %0 = "dlc.layer_norm"(%a, %s, %b) {axis = 1 : i64} : (tensor<2x3x50xf32>, tensor<3x50xf32>, tensor<3x50xf32>) -> tensor<2x3x50xf32>
  return %0 : tensor<2x3x50xf32>
}
func.func @layer_norm_dyn(%a: tensor<3x?xf32>, %s: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<3x?xf32> {
  %0 = "dlc.layer_norm"(%a, %s, %b) : (tensor<3x?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<3x?xf32>
  return %0 : tensor<3x?xf32>
}
func.func @layer_norm_dyn_short(%a: tensor<?x?xf32>, %s: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?x?xf32> {
  %0 = "dlc.layer_norm"(%a, %s, %b) : (tensor<?x?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
func.func @reduce_kinds(%a: tensor<6x40xf32>) -> (tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>) {
  %0 = "dlc.reduce"(%a) {axes = array<i64: 1>, kind = "sum"} : (tensor<6x40xf32>) -> tensor<6xf32>
  %1 = "dlc.reduce"(%a) {axes = array<i64: 1>, kind = "mean"} : (tensor<6x40xf32>) -> tensor<6xf32>
  %2 = "dlc.reduce"(%a) {axes = array<i64: 1>, kind = "max"} : (tensor<6x40xf32>) -> tensor<6xf32>
  %3 = "dlc.reduce"(%a) {axes = array<i64: 1>, kind = "min"} : (tensor<6x40xf32>) -> tensor<6xf32>
  %4 = "dlc.reduce"(%a) {axes = array<i64: 1>, kind = "prod"} : (tensor<6x40xf32>) -> tensor<6xf32>
  return %0, %1, %2, %3, %4 : tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>, tensor<6xf32>
}
func.func @reduce_mean_keepdims(%a: tensor<4x8x32xf32>) -> tensor<4x1x1xf32> {
  %0 = "dlc.reduce"(%a) {axes = array<i64: 1, 2>, kind = "mean", keepdims = true} : (tensor<4x8x32xf32>) -> tensor<4x1x1xf32>
  return %0 : tensor<4x1x1xf32>
}
func.func @stitch_layer_norm(%x: tensor<2x8x64xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<2x8x64xf32> {
  %0 = call @ln_group(%x, %g, %b) : (tensor<2x8x64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<2x8x64xf32>
  return %0 : tensor<2x8x64xf32>
}
func.func private @ln_group(%x: tensor<2x8x64xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<2x8x64xf32> attributes {dlc.fusion = {kind = "stitch", threads = 128}} {
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
func.func @stitch_softmax_parts(%x: tensor<2x8x64xf32>) -> (tensor<2x8x64xf32>, tensor<16xf32>) {
  %0:2 = call @softmax_group(%x) : (tensor<2x8x64xf32>) -> (tensor<2x8x64xf32>, tensor<16xf32>)
  return %0#0, %0#1 : tensor<2x8x64xf32>, tensor<16xf32>
}
func.func private @softmax_group(%x: tensor<2x8x64xf32>) -> (tensor<2x8x64xf32>, tensor<16xf32>) attributes {dlc.fusion = {kind = "stitch"}} {
  %m = "dlc.reduce"(%x) {axes = array<i64: 2>, kind = "max", keepdims = true} : (tensor<2x8x64xf32>) -> tensor<2x8x1xf32>
  %d = "dlc.sub"(%x, %m) : (tensor<2x8x64xf32>, tensor<2x8x1xf32>) -> tensor<2x8x64xf32>
  %e = "dlc.exp"(%d) : (tensor<2x8x64xf32>) -> tensor<2x8x64xf32>
  %s = "dlc.reduce"(%e) {axes = array<i64: 2>, kind = "sum", keepdims = true} : (tensor<2x8x64xf32>) -> tensor<2x8x1xf32>
  %y = "dlc.div"(%e, %s) : (tensor<2x8x64xf32>, tensor<2x8x1xf32>) -> tensor<2x8x64xf32>
  %flat = "dlc.reshape"(%s) : (tensor<2x8x1xf32>) -> tensor<16xf32>
  return %y, %flat : tensor<2x8x64xf32>, tensor<16xf32>
}
// bert's fused residual + layer norm: one input's dynamic dim stands for S's static 8 (dynamic dims
// are assumed not to broadcast).
func.func @stitch_residual_ln(%r: tensor<1x?x64xf32>, %x: tensor<1x8x64xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<1x8x64xf32> {
  %0 = call @residual_ln_group(%r, %x, %g, %b) : (tensor<1x?x64xf32>, tensor<1x8x64xf32>, tensor<64xf32>, tensor<64xf32>) -> tensor<1x8x64xf32>
  return %0 : tensor<1x8x64xf32>
}
func.func private @residual_ln_group(%r: tensor<1x?x64xf32>, %x: tensor<1x8x64xf32>, %g: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<1x8x64xf32> attributes {dlc.fusion = {kind = "stitch", threads = 128}} {
  %two = "dlc.constant"() {value = dense<2.0> : tensor<f32>} : () -> tensor<f32>
  %eps = "dlc.constant"() {value = dense<1.0e-5> : tensor<f32>} : () -> tensor<f32>
  %h = "dlc.add"(%r, %x) : (tensor<1x?x64xf32>, tensor<1x8x64xf32>) -> tensor<1x8x64xf32>
  %m = "dlc.reduce"(%h) {axes = array<i64: -1>, kind = "mean", keepdims = true} : (tensor<1x8x64xf32>) -> tensor<1x8x1xf32>
  %d = "dlc.sub"(%h, %m) : (tensor<1x8x64xf32>, tensor<1x8x1xf32>) -> tensor<1x8x64xf32>
  %p = "dlc.pow"(%d, %two) : (tensor<1x8x64xf32>, tensor<f32>) -> tensor<1x8x64xf32>
  %v = "dlc.reduce"(%p) {axes = array<i64: -1>, kind = "mean", keepdims = true} : (tensor<1x8x64xf32>) -> tensor<1x8x1xf32>
  %ve = "dlc.add"(%v, %eps) : (tensor<1x8x1xf32>, tensor<f32>) -> tensor<1x8x1xf32>
  %s = "dlc.sqrt"(%ve) : (tensor<1x8x1xf32>) -> tensor<1x8x1xf32>
  %n = "dlc.div"(%d, %s) : (tensor<1x8x64xf32>, tensor<1x8x1xf32>) -> tensor<1x8x64xf32>
  %y0 = "dlc.mul"(%n, %g) : (tensor<1x8x64xf32>, tensor<64xf32>) -> tensor<1x8x64xf32>
  %y = "dlc.add"(%y0, %b) : (tensor<1x8x64xf32>, tensor<64xf32>) -> tensor<1x8x64xf32>
  return %y : tensor<1x8x64xf32>
}
// gpt/llama's fused attention softmax: scale, causal mask (an i1 [q, k] input broadcast over batch and
// heads: a gathered input), softmax over rows of dynamic length.
func.func @stitch_masked_softmax(%x: tensor<1x4x?x?xf32>, %m: tensor<?x?xi1>) -> tensor<1x4x?x?xf32> {
  %0 = call @masked_softmax_group(%x, %m) : (tensor<1x4x?x?xf32>, tensor<?x?xi1>) -> tensor<1x4x?x?xf32>
  return %0 : tensor<1x4x?x?xf32>
}
func.func private @masked_softmax_group(%x: tensor<1x4x?x?xf32>, %m: tensor<?x?xi1>) -> tensor<1x4x?x?xf32> attributes {dlc.fusion = {kind = "stitch", threads = 128}} {
  %c8 = "dlc.constant"() {value = dense<8.0> : tensor<f32>} : () -> tensor<f32>
  %neg = "dlc.constant"() {value = dense<-1.0e+04> : tensor<f32>} : () -> tensor<f32>
  %s = "dlc.div"(%x, %c8) : (tensor<1x4x?x?xf32>, tensor<f32>) -> tensor<1x4x?x?xf32>
  %w = "dlc.where"(%m, %neg, %s) : (tensor<?x?xi1>, tensor<f32>, tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32>
  %y = "dlc.softmax"(%w) {axis = 3 : i64} : (tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32>
  return %y : tensor<1x4x?x?xf32>
}
