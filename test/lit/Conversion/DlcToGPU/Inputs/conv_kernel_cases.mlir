// Cases for conv_kernel_sim.test: convolutions that dlc-lower-to-gpu turns into ONE implicit-GEMM
// kernel each (emit_conv_kernel.c), epilogues included.
func.func @conv_bias_relu(%x: tensor<2x3x9x9xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<2x4x5x5xf32> {
  %0 = "dlc.conv2d"(%x, %w, %b) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<2x3x9x9xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<2x4x5x5xf32>
  %1 = "dlc.relu"(%0) : (tensor<2x4x5x5xf32>) -> tensor<2x4x5x5xf32>
  return %1 : tensor<2x4x5x5xf32>
}
func.func @conv_dilated(%x: tensor<1x2x7x8xf32>, %w: tensor<3x2x2x3xf32>) -> tensor<1x3x8x4xf32> {
  %0 = "dlc.conv2d"(%x, %w) {dilations = array<i64: 2, 1>, groups = 1 : i64, pads = array<i64: 1, 0, 2, 1>, strides = array<i64: 1, 2>} : (tensor<1x2x7x8xf32>, tensor<3x2x2x3xf32>) -> tensor<1x3x8x4xf32>
  return %0 : tensor<1x3x8x4xf32>
}
func.func @conv_dynamic_h(%x: tensor<1x1x?x10xf32>, %w: tensor<2x1x3x3xf32>, %b: tensor<2xf32>) -> tensor<1x2x?x4xf32> {
  %0 = "dlc.conv2d"(%x, %w, %b) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : (tensor<1x1x?x10xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> tensor<1x2x?x4xf32>
  return %0 : tensor<1x2x?x4xf32>
}
func.func @conv_dynamic_batch(%x: tensor<?x3x6x6xf32>, %w: tensor<5x3x3x3xf32>, %b: tensor<5xf32>) -> tensor<?x5x6x6xf32> {
  %0 = "dlc.conv2d"(%x, %w, %b) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<?x3x6x6xf32>, tensor<5x3x3x3xf32>, tensor<5xf32>) -> tensor<?x5x6x6xf32>
  %1 = "dlc.relu"(%0) : (tensor<?x5x6x6xf32>) -> tensor<?x5x6x6xf32>
  return %1 : tensor<?x5x6x6xf32>
}
func.func @conv_residual_relu(%x: tensor<1x4x6x6xf32>, %w: tensor<4x4x3x3xf32>, %b: tensor<4xf32>, %r: tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32> {
  %0 = "dlc.conv2d"(%x, %w, %b) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x4x6x6xf32>, tensor<4x4x3x3xf32>, tensor<4xf32>) -> tensor<1x4x6x6xf32>
  %1 = "dlc.add"(%r, %0) : (tensor<1x4x6x6xf32>, tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  %2 = "dlc.relu"(%1) : (tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  return %2 : tensor<1x4x6x6xf32>
}
// 40 output channels (two channel tiles, the second partial), K = 5*3*3 = 45 (a partial k tile),
// M = 2*7*7 = 98 (a partial pixel tile), asymmetric padding.
func.func @conv_tiles(%x: tensor<2x5x8x8xf32>, %w: tensor<40x5x3x3xf32>, %b: tensor<40xf32>) -> tensor<2x40x7x7xf32> {
  %0 = "dlc.conv2d"(%x, %w, %b) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 0, 0, 1>, strides = array<i64: 1, 1>} : (tensor<2x5x8x8xf32>, tensor<40x5x3x3xf32>, tensor<40xf32>) -> tensor<2x40x7x7xf32>
  return %0 : tensor<2x40x7x7xf32>
}
// A ResNet block conv: 16 -> 16 channels, 3x3, pad 1, K = 144 (nine k tiles), 8 pixel tiles, + relu.
func.func @conv_resnet(%x: tensor<2x16x16x16xf32>, %w: tensor<16x16x3x3xf32>, %b: tensor<16xf32>) -> tensor<2x16x16x16xf32> {
  %0 = "dlc.conv2d"(%x, %w, %b) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<2x16x16x16xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<2x16x16x16xf32>
  %1 = "dlc.relu"(%0) : (tensor<2x16x16x16xf32>) -> tensor<2x16x16x16xf32>
  return %1 : tensor<2x16x16x16xf32>
}
// The residual add + relu as fuse-elementwise leaves them: a call of a "loop" group (the conv's only
// user); the kernel absorbs the call.
func.func @conv_group_residual(%x: tensor<2x8x5x7xf32>, %w: tensor<8x8x3x3xf32>, %b: tensor<8xf32>, %r: tensor<2x8x5x7xf32>) -> tensor<2x8x5x7xf32> {
  %0 = "dlc.conv2d"(%x, %w, %b) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<2x8x5x7xf32>, tensor<8x8x3x3xf32>, tensor<8xf32>) -> tensor<2x8x5x7xf32>
  %1 = call @residual_loop(%r, %0) : (tensor<2x8x5x7xf32>, tensor<2x8x5x7xf32>) -> tensor<2x8x5x7xf32>
  return %1 : tensor<2x8x5x7xf32>
}
func.func private @residual_loop(%a: tensor<2x8x5x7xf32>, %c: tensor<2x8x5x7xf32>) -> tensor<2x8x5x7xf32> attributes {dlc.fusion = {kind = "loop"}} {
  %0 = "dlc.add"(%a, %c) : (tensor<2x8x5x7xf32>, tensor<2x8x5x7xf32>) -> tensor<2x8x5x7xf32>
  %1 = "dlc.relu"(%0) : (tensor<2x8x5x7xf32>) -> tensor<2x8x5x7xf32>
  return %1 : tensor<2x8x5x7xf32>
}
// Depthwise (groups = channels = 6) with stride 2, padding, bias + relu: the direct kernel.
func.func @conv_depthwise(%x: tensor<2x6x9x8xf32>, %w: tensor<6x1x3x3xf32>, %b: tensor<6xf32>) -> tensor<2x6x5x4xf32> {
  %0 = "dlc.conv2d"(%x, %w, %b) {dilations = array<i64: 1, 1>, groups = 6 : i64, pads = array<i64: 1, 1, 1, 0>, strides = array<i64: 2, 2>} : (tensor<2x6x9x8xf32>, tensor<6x1x3x3xf32>, tensor<6xf32>) -> tensor<2x6x5x4xf32>
  %1 = "dlc.relu"(%0) : (tensor<2x6x5x4xf32>) -> tensor<2x6x5x4xf32>
  return %1 : tensor<2x6x5x4xf32>
}
// Two groups of 2 input -> 3 output channels, dilation 2, a residual add: the direct kernel.
func.func @conv_grouped_residual(%x: tensor<1x4x7x7xf32>, %w: tensor<6x2x2x2xf32>, %r: tensor<1x6x5x6xf32>) -> tensor<1x6x5x6xf32> {
  %0 = "dlc.conv2d"(%x, %w) {dilations = array<i64: 2, 2>, groups = 2 : i64, pads = array<i64: 0, 1, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x4x7x7xf32>, tensor<6x2x2x2xf32>) -> tensor<1x6x5x6xf32>
  %1 = "dlc.add"(%0, %r) : (tensor<1x6x5x6xf32>, tensor<1x6x5x6xf32>) -> tensor<1x6x5x6xf32>
  return %1 : tensor<1x6x5x6xf32>
}
// An empty batch: no launch (CUDA cannot launch 0 blocks), an empty result.
func.func @conv_empty(%x: tensor<?x3x6x6xf32>, %w: tensor<5x3x3x3xf32>) -> tensor<?x5x6x6xf32> {
  %0 = "dlc.conv2d"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<?x3x6x6xf32>, tensor<5x3x3x3xf32>) -> tensor<?x5x6x6xf32>
  return %0 : tensor<?x5x6x6xf32>
}
func.func @depthwise_empty(%x: tensor<?x3x6x6xf32>, %w: tensor<3x1x3x3xf32>) -> tensor<?x3x6x6xf32> {
  %0 = "dlc.conv2d"(%x, %w) {pads = array<i64: 1, 1, 1, 1>, groups = 3 : i64} : (tensor<?x3x6x6xf32>, tensor<3x1x3x3xf32>) -> tensor<?x3x6x6xf32>
  return %0 : tensor<?x3x6x6xf32>
}
