// Cases for conv_chain_sim.test: conv -> elementwise -> conv chains that dlc-fuse-conv-chain groups and
// dlc-lower-to-gpu turns into ONE kernel each (emit_conv_chain_kernel.c). The @chain_* functions are plain
// dlc ops (the fusion rule forms the group and picks the tile); the @tile_* functions call hand-written
// conv_chain groups with tiles that do not divide the image.

// A ResNet basic block on an odd 7 x 9 image: conv(4->5, 3x3, pad 1) + bias, relu, conv(5->4) + bias,
// + the block input, relu.
func.func @chain_resnet(%x: tensor<2x4x7x9xf32>, %wa: tensor<5x4x3x3xf32>, %ba: tensor<5xf32>, %wb: tensor<4x5x3x3xf32>, %bb: tensor<4xf32>) -> tensor<2x4x7x9xf32> {
  %0 = "dlc.conv2d"(%x, %wa, %ba) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<2x4x7x9xf32>, tensor<5x4x3x3xf32>, tensor<5xf32>) -> tensor<2x5x7x9xf32>
  %1 = "dlc.relu"(%0) : (tensor<2x5x7x9xf32>) -> tensor<2x5x7x9xf32>
  %2 = "dlc.conv2d"(%1, %wb, %bb) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<2x5x7x9xf32>, tensor<4x5x3x3xf32>, tensor<4xf32>) -> tensor<2x4x7x9xf32>
  %3 = "dlc.add"(%x, %2) : (tensor<2x4x7x9xf32>, tensor<2x4x7x9xf32>) -> tensor<2x4x7x9xf32>
  %4 = "dlc.relu"(%3) : (tensor<2x4x7x9xf32>) -> tensor<2x4x7x9xf32>
  return %4 : tensor<2x4x7x9xf32>
}

// A 1x1 conv (no pad), sigmoid, a 5x5 conv with pad 2; B's epilogue adds another tensor and a
// per-channel [1, 3, 1, 1] scale, then relu.
func.func @chain_pointwise_5x5(%x: tensor<2x3x9x6xf32>, %wa: tensor<6x3x1x1xf32>, %wb: tensor<3x6x5x5xf32>, %r: tensor<2x3x9x6xf32>, %s: tensor<1x3x1x1xf32>) -> tensor<2x3x9x6xf32> {
  %0 = "dlc.conv2d"(%x, %wa) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<2x3x9x6xf32>, tensor<6x3x1x1xf32>) -> tensor<2x6x9x6xf32>
  %1 = "dlc.sigmoid"(%0) : (tensor<2x6x9x6xf32>) -> tensor<2x6x9x6xf32>
  %2 = "dlc.conv2d"(%1, %wb) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 2, 2, 2, 2>, strides = array<i64: 1, 1>} : (tensor<2x6x9x6xf32>, tensor<3x6x5x5xf32>) -> tensor<2x3x9x6xf32>
  %3 = "dlc.add"(%2, %r) : (tensor<2x3x9x6xf32>, tensor<2x3x9x6xf32>) -> tensor<2x3x9x6xf32>
  %4 = "dlc.mul"(%3, %s) : (tensor<2x3x9x6xf32>, tensor<1x3x1x1xf32>) -> tensor<2x3x9x6xf32>
  %5 = "dlc.relu"(%4) : (tensor<2x3x9x6xf32>) -> tensor<2x3x9x6xf32>
  return %5 : tensor<2x3x9x6xf32>
}

// Unpadded ("valid") convolutions: 8x8 -> 6x6 -> 4x4, no epilogue at all.
func.func @chain_valid(%x: tensor<1x2x8x8xf32>, %wa: tensor<3x2x3x3xf32>, %wb: tensor<2x3x3x3xf32>) -> tensor<1x2x4x4xf32> {
  %0 = "dlc.conv2d"(%x, %wa) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x2x8x8xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x6x6xf32>
  %1 = "dlc.conv2d"(%0, %wb) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 1, 1>} : (tensor<1x3x6x6xf32>, tensor<2x3x3x3xf32>) -> tensor<1x2x4x4xf32>
  return %1 : tensor<1x2x4x4xf32>
}

// A 3 x 4 tile on a 10 x 11 image (partial tiles at the bottom and right): A 3x3 pads 1 with a
// scalar scale and a per-channel shift in its epilogue, B 2x3 with asymmetric pads (0, 1, 1, 1) + bias.
func.func @tile_odd(%x: tensor<1x3x10x11xf32>, %wa: tensor<6x3x3x3xf32>, %k: tensor<f32>, %sh: tensor<6x1x1xf32>, %wb: tensor<2x6x2x3xf32>, %bb: tensor<2xf32>) -> tensor<1x2x10x11xf32> {
  %0 = call @tile_odd_group(%x, %wa, %k, %sh, %wb, %bb) : (tensor<1x3x10x11xf32>, tensor<6x3x3x3xf32>, tensor<f32>, tensor<6x1x1xf32>, tensor<2x6x2x3xf32>, tensor<2xf32>) -> tensor<1x2x10x11xf32>
  return %0 : tensor<1x2x10x11xf32>
}
func.func private @tile_odd_group(%x: tensor<1x3x10x11xf32>, %wa: tensor<6x3x3x3xf32>, %k: tensor<f32>, %sh: tensor<6x1x1xf32>, %wb: tensor<2x6x2x3xf32>, %bb: tensor<2xf32>) -> tensor<1x2x10x11xf32> attributes {dlc.fusion = {kind = "conv_chain", tile = array<i64: 3, 4>, threads = 64 : i64}} {
  %0 = "dlc.conv2d"(%x, %wa) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x3x10x11xf32>, tensor<6x3x3x3xf32>) -> tensor<1x6x10x11xf32>
  %1 = "dlc.mul"(%0, %k) : (tensor<1x6x10x11xf32>, tensor<f32>) -> tensor<1x6x10x11xf32>
  %2 = "dlc.add"(%sh, %1) : (tensor<6x1x1xf32>, tensor<1x6x10x11xf32>) -> tensor<1x6x10x11xf32>
  %3 = "dlc.tanh"(%2) : (tensor<1x6x10x11xf32>) -> tensor<1x6x10x11xf32>
  %4 = "dlc.conv2d"(%3, %wb, %bb) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 0, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x6x10x11xf32>, tensor<2x6x2x3xf32>, tensor<2xf32>) -> tensor<1x2x10x11xf32>
  return %4 : tensor<1x2x10x11xf32>
}

// A 5 x 2 tile, A with asymmetric pads (2, 0, 0, 1) and a 3x2 filter (7 x 5 -> 7 x 5), B 3x3 with
// pads (1, 1, 2, 2) so the output is 8 x 6 (rows and columns past the intermediate); residual + relu.
func.func @tile_asym(%x: tensor<2x2x7x5xf32>, %wa: tensor<4x2x3x2xf32>, %ba: tensor<4xf32>, %wb: tensor<3x4x3x3xf32>, %r: tensor<2x3x8x6xf32>) -> tensor<2x3x8x6xf32> {
  %0 = call @tile_asym_group(%x, %wa, %ba, %wb, %r) : (tensor<2x2x7x5xf32>, tensor<4x2x3x2xf32>, tensor<4xf32>, tensor<3x4x3x3xf32>, tensor<2x3x8x6xf32>) -> tensor<2x3x8x6xf32>
  return %0 : tensor<2x3x8x6xf32>
}
func.func private @tile_asym_group(%x: tensor<2x2x7x5xf32>, %wa: tensor<4x2x3x2xf32>, %ba: tensor<4xf32>, %wb: tensor<3x4x3x3xf32>, %r: tensor<2x3x8x6xf32>) -> tensor<2x3x8x6xf32> attributes {dlc.fusion = {kind = "conv_chain", tile = array<i64: 5, 2>, threads = 96 : i64}} {
  %0 = "dlc.conv2d"(%x, %wa, %ba) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 2, 0, 0, 1>, strides = array<i64: 1, 1>} : (tensor<2x2x7x5xf32>, tensor<4x2x3x2xf32>, tensor<4xf32>) -> tensor<2x4x7x5xf32>
  %1 = "dlc.relu"(%0) : (tensor<2x4x7x5xf32>) -> tensor<2x4x7x5xf32>
  %2 = "dlc.conv2d"(%1, %wb) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 2, 2>, strides = array<i64: 1, 1>} : (tensor<2x4x7x5xf32>, tensor<3x4x3x3xf32>) -> tensor<2x3x8x6xf32>
  %3 = "dlc.add"(%2, %r) : (tensor<2x3x8x6xf32>, tensor<2x3x8x6xf32>) -> tensor<2x3x8x6xf32>
  %4 = "dlc.relu"(%3) : (tensor<2x3x8x6xf32>) -> tensor<2x3x8x6xf32>
  return %4 : tensor<2x3x8x6xf32>
}

// The ResNet block of resnet_tiny_b4 at 16 channels on 2 x 16 x 16 images (the cost model's tile: 4x4,
// 256 threads, one output element per thread in phase 3).
func.func @chain_resnet16(%x: tensor<2x16x16x16xf32>, %wa: tensor<16x16x3x3xf32>, %ba: tensor<16xf32>, %wb: tensor<16x16x3x3xf32>, %bb: tensor<16xf32>) -> tensor<2x16x16x16xf32> {
  %0 = "dlc.conv2d"(%x, %wa, %ba) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<2x16x16x16xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<2x16x16x16xf32>
  %1 = "dlc.relu"(%0) : (tensor<2x16x16x16xf32>) -> tensor<2x16x16x16xf32>
  %2 = "dlc.conv2d"(%1, %wb, %bb) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<2x16x16x16xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<2x16x16x16xf32>
  %3 = "dlc.add"(%x, %2) : (tensor<2x16x16x16xf32>, tensor<2x16x16x16xf32>) -> tensor<2x16x16x16xf32>
  %4 = "dlc.relu"(%3) : (tensor<2x16x16x16xf32>) -> tensor<2x16x16x16xf32>
  return %4 : tensor<2x16x16x16xf32>
}
