// Cases run by gpu_kernel_sim.py (see lower_to_gpu_sim.test): one public function per case.
func.func @add_bcast(%a: tensor<4x64xf32>, %b: tensor<64xf32>) -> tensor<4x64xf32> {
  %0 = "dlc.add"(%a, %b) : (tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  return %0 : tensor<4x64xf32>
}
func.func @exp_inner7(%a: tensor<4x7xf32>) -> tensor<4x7xf32> {
  %0 = "dlc.exp"(%a) : (tensor<4x7xf32>) -> tensor<4x7xf32>
  return %0 : tensor<4x7xf32>
}
func.func @mul_col(%a: tensor<4x64xf32>, %d: tensor<4x1xf32>) -> tensor<4x64xf32> {
  %0 = "dlc.mul"(%a, %d) : (tensor<4x64xf32>, tensor<4x1xf32>) -> tensor<4x64xf32>
  return %0 : tensor<4x64xf32>
}
func.func @sub_dynamic(%e: tensor<?x64xf32>, %b: tensor<64xf32>) -> tensor<?x64xf32> {
  %0 = "dlc.sub"(%e, %b) : (tensor<?x64xf32>, tensor<64xf32>) -> tensor<?x64xf32>
  return %0 : tensor<?x64xf32>
}
func.func @bias_gelu_group(%a: tensor<4x64xf32>, %b: tensor<64xf32>) -> tensor<4x64xf32> {
  %0 = call @bias_gelu(%a, %b) : (tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  return %0 : tensor<4x64xf32>
}
func.func private @bias_gelu(%a: tensor<4x64xf32>, %b: tensor<64xf32>) -> tensor<4x64xf32> attributes {dlc.fusion = {kind = "loop", threads = 32, ilp = 2}} {
  %0 = "dlc.add"(%a, %b) : (tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  %1 = "dlc.gelu"(%0) : (tensor<4x64xf32>) -> tensor<4x64xf32>
  return %1 : tensor<4x64xf32>
}
// 10 x 100 with threads 64, ilp 4: 250 groups of 4 in one block of 256 slots (bounds checked).
func.func @two_outputs_group(%g: tensor<10x100xf32>, %b: tensor<100xf32>) -> (tensor<10x100xf32>, tensor<10x100xf32>) {
  %0:2 = call @mul_relu_sub(%g, %b) : (tensor<10x100xf32>, tensor<100xf32>) -> (tensor<10x100xf32>, tensor<10x100xf32>)
  return %0#0, %0#1 : tensor<10x100xf32>, tensor<10x100xf32>
}
func.func private @mul_relu_sub(%g: tensor<10x100xf32>, %b: tensor<100xf32>) -> (tensor<10x100xf32>, tensor<10x100xf32>) attributes {dlc.fusion = {kind = "loop", threads = 64, ilp = 4}} {
  %0 = "dlc.mul"(%g, %b) : (tensor<10x100xf32>, tensor<100xf32>) -> tensor<10x100xf32>
  %1 = "dlc.relu"(%0) : (tensor<10x100xf32>) -> tensor<10x100xf32>
  %2 = "dlc.sub"(%1, %b) : (tensor<10x100xf32>, tensor<100xf32>) -> tensor<10x100xf32>
  return %1, %2 : tensor<10x100xf32>, tensor<10x100xf32>
}
func.func @add_f16(%a: tensor<4x64xf16>, %b: tensor<64xf16>) -> tensor<4x64xf16> {
  %0 = "dlc.add"(%a, %b) : (tensor<4x64xf16>, tensor<64xf16>) -> tensor<4x64xf16>
  return %0 : tensor<4x64xf16>
}
func.func @where_less(%a: tensor<4x64xf32>, %b: tensor<64xf32>) -> tensor<4x64xf32> {
  %c = "dlc.less"(%a, %b) : (tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xi1>
  %0 = "dlc.where"(%c, %a, %b) : (tensor<4x64xi1>, tensor<4x64xf32>, tensor<64xf32>) -> tensor<4x64xf32>
  return %0 : tensor<4x64xf32>
}
func.func @transpose_2d(%a: tensor<70x45xf32>) -> tensor<45x70xf32> {
  %0 = "dlc.transpose"(%a) {perm = array<i64: 1, 0>} : (tensor<70x45xf32>) -> tensor<45x70xf32>
  return %0 : tensor<45x70xf32>
}
func.func @transpose_4d_dynamic(%a: tensor<2x?x3x40xf32>) -> tensor<2x40x3x?xf32> {
  %0 = "dlc.transpose"(%a) {perm = array<i64: 0, 3, 2, 1>} : (tensor<2x?x3x40xf32>) -> tensor<2x40x3x?xf32>
  return %0 : tensor<2x40x3x?xf32>
}
// A dynamic inner dim: one function, run with 8 columns (vector kernel) and 7 (scalar kernel).
func.func @div_inner_dyn_vec(%a: tensor<3x?xf32>, %b: tensor<3x1xf32>) -> tensor<3x?xf32> {
  %0 = "dlc.div"(%a, %b) : (tensor<3x?xf32>, tensor<3x1xf32>) -> tensor<3x?xf32>
  return %0 : tensor<3x?xf32>
}
func.func @div_inner_dyn_scalar(%a: tensor<3x?xf32>, %b: tensor<3x1xf32>) -> tensor<3x?xf32> {
  %0 = "dlc.div"(%a, %b) : (tensor<3x?xf32>, tensor<3x1xf32>) -> tensor<3x?xf32>
  return %0 : tensor<3x?xf32>
}
// f32 -> f16: 8 lanes (16 bytes of f16 stored), the f32 input read 32 bytes at a time.
func.func @cast_f32_f16(%a: tensor<4x64xf32>) -> tensor<4x64xf16> {
  %0 = "dlc.cast"(%a) : (tensor<4x64xf32>) -> tensor<4x64xf16>
  return %0 : tensor<4x64xf16>
}
// No broadcast: vectors along the flat index. 3 x 7 stays scalar; a dynamic element count is checked
// at run time (8 -> vector kernel, 5 -> scalar kernel).
func.func @exp_3x7(%a: tensor<3x7xf32>) -> tensor<3x7xf32> {
  %0 = "dlc.exp"(%a) : (tensor<3x7xf32>) -> tensor<3x7xf32>
  return %0 : tensor<3x7xf32>
}
func.func @sqrt_flat_dyn_vec(%a: tensor<1x?x1xf32>, %s: tensor<f32>) -> tensor<1x?x1xf32> {
  %0 = "dlc.add"(%a, %s) : (tensor<1x?x1xf32>, tensor<f32>) -> tensor<1x?x1xf32>
  %1 = "dlc.sqrt"(%0) : (tensor<1x?x1xf32>) -> tensor<1x?x1xf32>
  return %1 : tensor<1x?x1xf32>
}
func.func @sqrt_flat_dyn_scalar(%a: tensor<1x?x1xf32>, %s: tensor<f32>) -> tensor<1x?x1xf32> {
  %0 = "dlc.add"(%a, %s) : (tensor<1x?x1xf32>, tensor<f32>) -> tensor<1x?x1xf32>
  %1 = "dlc.sqrt"(%0) : (tensor<1x?x1xf32>) -> tensor<1x?x1xf32>
  return %1 : tensor<1x?x1xf32>
}
// A loop group with the scalar constants the fusion passes clone into it (x * 0.5 + 1 as arith.constant).
func.func @scale_shift_group(%a: tensor<4x64xf32>) -> tensor<4x64xf32> {
  %0 = call @scale_shift(%a) : (tensor<4x64xf32>) -> tensor<4x64xf32>
  return %0 : tensor<4x64xf32>
}
func.func private @scale_shift(%a: tensor<4x64xf32>) -> tensor<4x64xf32> attributes {dlc.fusion = {kind = "loop", threads = 32, ilp = 1}} {
  %h = "dlc.constant"() {value = dense<0.5> : tensor<f32>} : () -> tensor<f32>
  %o = "dlc.constant"() {value = dense<1.0> : tensor<f32>} : () -> tensor<f32>
  %0 = "dlc.mul"(%a, %h) : (tensor<4x64xf32>, tensor<f32>) -> tensor<4x64xf32>
  %1 = "dlc.add"(%0, %o) : (tensor<4x64xf32>, tensor<f32>) -> tensor<4x64xf32>
  return %1 : tensor<4x64xf32>
}
