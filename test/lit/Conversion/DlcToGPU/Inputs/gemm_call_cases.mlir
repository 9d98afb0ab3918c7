// Cases for gemm_call_sim.test: GEMMs (cuBLASLt calls with epilogues) and convolutions (im2col
// kernel + GEMM + epilogue kernel) that dlc-lower-to-gpu turns into one function each.
// The convolutions are pinned to the cuBLASLt path (dlc.conv_kernel_max_macs = 0; the implicit-GEMM
// kernel of emit_conv_kernel.c is tested by conv_kernel_sim.test).
module attributes {dlc.conv_kernel_max_macs = 0 : i64} {
func.func @mm_bias_relu(%a: tensor<8x32xf32>, %w: tensor<16x32xf32>, %b: tensor<16xf32>) -> tensor<8x16xf32> {
  %0 = "dlc.matmul"(%a, %w) {transpose_b = true} : (tensor<8x32xf32>, tensor<16x32xf32>) -> tensor<8x16xf32>
  %1 = "dlc.add"(%b, %0) : (tensor<16xf32>, tensor<8x16xf32>) -> tensor<8x16xf32>
  %2 = "dlc.relu"(%1) : (tensor<8x16xf32>) -> tensor<8x16xf32>
  return %2 : tensor<8x16xf32>
}
func.func @fold_bias_residual(%h: tensor<2x8x32xf32>, %w: tensor<32x16xf32>, %b: tensor<16xf32>, %x: tensor<2x8x16xf32>) -> tensor<2x8x16xf32> {
  %0 = "dlc.matmul"(%h, %w) : (tensor<2x8x32xf32>, tensor<32x16xf32>) -> tensor<2x8x16xf32>
  %1 = "dlc.add"(%0, %b) : (tensor<2x8x16xf32>, tensor<16xf32>) -> tensor<2x8x16xf32>
  %2 = "dlc.add"(%x, %1) : (tensor<2x8x16xf32>, tensor<2x8x16xf32>) -> tensor<2x8x16xf32>
  return %2 : tensor<2x8x16xf32>
}
func.func @batched(%a: tensor<2x3x8x32xf32>, %b: tensor<2x3x32x16xf32>) -> tensor<2x3x8x16xf32> {
  %0 = "dlc.matmul"(%a, %b) : (tensor<2x3x8x32xf32>, tensor<2x3x32x16xf32>) -> tensor<2x3x8x16xf32>
  return %0 : tensor<2x3x8x16xf32>
}
func.func @transposed_a_bcast(%a: tensor<3x32x8xf32>, %b: tensor<1x32x16xf32>) -> tensor<3x8x16xf32> {
  %0 = "dlc.matmul"(%a, %b) {transpose_a = true} : (tensor<3x32x8xf32>, tensor<1x32x16xf32>) -> tensor<3x8x16xf32>
  return %0 : tensor<3x8x16xf32>
}
func.func @gelu_tanh(%a: tensor<4x16xf32>, %w: tensor<16x8xf32>, %b: tensor<8xf32>) -> tensor<4x8xf32> {
  %0 = "dlc.matmul"(%a, %w) : (tensor<4x16xf32>, tensor<16x8xf32>) -> tensor<4x8xf32>
  %1 = "dlc.add"(%0, %b) : (tensor<4x8xf32>, tensor<8xf32>) -> tensor<4x8xf32>
  %2 = "dlc.gelu"(%1) {approximate = "tanh"} : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return %2 : tensor<4x8xf32>
}
func.func @conv_bias_relu(%x: tensor<2x3x9x9xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<2x4x5x5xf32> {
  %0 = "dlc.conv2d"(%x, %w, %b) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<2x3x9x9xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<2x4x5x5xf32>
  %1 = "dlc.relu"(%0) : (tensor<2x4x5x5xf32>) -> tensor<2x4x5x5xf32>
  return %1 : tensor<2x4x5x5xf32>
}
func.func @conv_dilated(%x: tensor<1x2x7x8xf32>, %w: tensor<3x2x2x3xf32>) -> tensor<1x3x8x4xf32> {
  %0 = "dlc.conv2d"(%x, %w) {dilations = array<i64: 2, 1>, groups = 1 : i64, pads = array<i64: 1, 0, 2, 1>, strides = array<i64: 1, 2>} : (tensor<1x2x7x8xf32>, tensor<3x2x2x3xf32>) -> tensor<1x3x8x4xf32>
  return %0 : tensor<1x3x8x4xf32>
}
func.func @conv_dynamic(%x: tensor<1x1x?x10xf32>, %w: tensor<2x1x3x3xf32>, %b: tensor<2xf32>) -> tensor<1x2x?x4xf32> {
  %0 = "dlc.conv2d"(%x, %w, %b) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : (tensor<1x1x?x10xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> tensor<1x2x?x4xf32>
  return %0 : tensor<1x2x?x4xf32>
}
func.func @f16_bias(%a: tensor<2x4x16xf16>, %w: tensor<8x16xf16>, %b: tensor<8xf16>) -> tensor<2x4x8xf16> {
  %0 = "dlc.matmul"(%a, %w) {transpose_b = true} : (tensor<2x4x16xf16>, tensor<8x16xf16>) -> tensor<2x4x8xf16>
  %1 = "dlc.add"(%0, %b) : (tensor<2x4x8xf16>, tensor<8xf16>) -> tensor<2x4x8xf16>
  return %1 : tensor<2x4x8xf16>
}
func.func @conv_residual_relu(%x: tensor<1x4x6x6xf32>, %w: tensor<4x4x3x3xf32>, %b: tensor<4xf32>, %r: tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32> {
  %0 = "dlc.conv2d"(%x, %w, %b) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x4x6x6xf32>, tensor<4x4x3x3xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32>
  %1 = "dlc.add"(%r, %0) : (tensor<1x4x6x6xf32>, tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  %2 = "dlc.relu"(%1) : (tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  return %2 : tensor<1x4x6x6xf32>
}
}
