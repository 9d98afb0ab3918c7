// --dlc-fuse-conv-chain (fuse_conv_chain.c): conv A (+ elementwise) -> conv B (+ elementwise) becomes ONE
// conv_chain group (one kernel, emit_conv_chain_kernel.c) when both convolutions are f32, groups 1,
// stride 1, dilation 1, A's output (after its epilogue) only feeds B, the tiles fit in a block's shared
// memory and the estimate beats two convolution kernels. --dlc-explain says why a chain is or is not formed.
// RUN: dlc-opt %s --dlc-fuse-conv-chain --dlc-explain 2>%t.explain | FileCheck %s
// RUN: FileCheck %s --check-prefix=EXPLAIN < %t.explain
// The cuda pipeline runs it first: a ResNet block is one kernel.
// RUN: dlc-opt %s --dlc-pipeline=cuda --dlc-stats -o /dev/null 2>&1 | FileCheck %s --check-prefix=STATS

// A ResNet basic block: conv + bias, relu, conv + bias, + shortcut, relu: one group with the tile and
// threads it was costed with; filters and biases (constants included) are arguments.
// CHECK-LABEL: func.func @block(
// CHECK-NEXT: %[[B:.*]] = "dlc.constant"
// CHECK-NEXT: %[[Y:.*]] = call @block_conv_chain_0(%arg0, %arg1, %[[B]], %arg2, %arg3) :
// CHECK-NEXT: return %[[Y]]
// CHECK-LABEL: func.func private @block_conv_chain_0(
// CHECK-SAME: attributes {dlc.fusion = {kind = "conv_chain", threads = 256 : i64, tile = array<i64: 4, 4>}}
// CHECK-NEXT: "dlc.conv2d"
// CHECK-NEXT: "dlc.relu"
// CHECK-NEXT: "dlc.conv2d"
// CHECK-NEXT: "dlc.add"
// CHECK-NEXT: "dlc.relu"
// CHECK-NEXT: return
// EXPLAIN: conv chain dlc.conv2d@A1 -> dlc.conv2d@B1: conv_chain of 2 convolutions + 3 elementwise ops in one kernel (~{{.*}} us vs ~{{.*}} us as two kernels; tile 4x4, 256 blocks, 6400 B shared memory per block)
// EXPLAIN: formed @block_conv_chain_0 (conv_chain, 5 ops,
// STATS: dlc-stats: func=block ops=5 kernels_unfused=5 kernels=1 library_calls=0
// STATS: dlc-stats: func=stride2 {{.*}} kernels=2 library_calls=0
func.func @block(%x: tensor<4x16x32x32xf32>, %wa: tensor<16x16x3x3xf32>, %wb: tensor<16x16x3x3xf32>, %bb: tensor<16xf32>) -> tensor<4x16x32x32xf32> {
  %ba = "dlc.constant"() {value = dense<0.5> : tensor<16xf32>} : () -> tensor<16xf32>
  %0 = "dlc.conv2d"(%x, %wa, %ba) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<4x16x32x32xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<4x16x32x32xf32> loc("A1")
  %1 = "dlc.relu"(%0) : (tensor<4x16x32x32xf32>) -> tensor<4x16x32x32xf32>
  %2 = "dlc.conv2d"(%1, %wb, %bb) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<4x16x32x32xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<4x16x32x32xf32> loc("B1")
  %3 = "dlc.add"(%2, %x) : (tensor<4x16x32x32xf32>, tensor<4x16x32x32xf32>) -> tensor<4x16x32x32xf32>
  %4 = "dlc.relu"(%3) : (tensor<4x16x32x32xf32>) -> tensor<4x16x32x32xf32>
  return %4 : tensor<4x16x32x32xf32>
}

// B with stride 2 (a downsampling block): not formed.
// CHECK-LABEL: func.func @stride2(
// CHECK-NOT: call
// CHECK: return
// EXPLAIN: conv chain dlc.conv2d@A2 -> dlc.conv2d@B2: not formed: dlc.conv2d@B2: stride 2 x 2 (the chain kernel takes f32, static shapes, groups 1, stride 1, dilation 1)
func.func @stride2(%x: tensor<1x8x16x16xf32>, %wa: tensor<8x8x3x3xf32>, %wb: tensor<8x8x3x3xf32>) -> tensor<1x8x8x8xf32> {
  %0 = "dlc.conv2d"(%x, %wa) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x8x16x16xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32> loc("A2")
  %1 = "dlc.relu"(%0) : (tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32>
  %2 = "dlc.conv2d"(%1, %wb) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} : (tensor<1x8x16x16xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x8x8xf32> loc("B2")
  return %2 : tensor<1x8x8x8xf32>
}

// The intermediate (after relu) has a second user: not formed.
// CHECK-LABEL: func.func @second_user(
// CHECK-NOT: call
// CHECK: return
// EXPLAIN: conv chain dlc.conv2d@A3 -> dlc.conv2d@B3: not formed: the intermediate dlc.relu@R3 has 2 uses (it must only feed dlc.conv2d@B3)
func.func @second_user(%x: tensor<1x8x16x16xf32>, %wa: tensor<8x8x3x3xf32>, %wb: tensor<8x8x3x3xf32>) -> (tensor<1x8x16x16xf32>, tensor<1x8x16x16xf32>) {
  %0 = "dlc.conv2d"(%x, %wa) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x8x16x16xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32> loc("A3")
  %1 = "dlc.relu"(%0) : (tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32> loc("R3")
  %2 = "dlc.conv2d"(%1, %wb) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x8x16x16xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x16x16xf32> loc("B3")
  return %2, %1 : tensor<1x8x16x16xf32>, tensor<1x8x16x16xf32>
}

// 2048 intermediate channels: even a 1x1 output tile needs 3x3x2048 floats of intermediate halo (plus
// the 5x5x16 input halo): more than 48 KiB, not formed.
// CHECK-LABEL: func.func @wide(
// CHECK-NOT: call
// CHECK: return
// EXPLAIN: conv chain dlc.conv2d@A4 -> dlc.conv2d@B4: not formed: even a 1x1 output tile needs 75328 B of shared memory per block (input halo for 16 + intermediate halo for 2048 channels; > 49152)
func.func @wide(%x: tensor<1x16x8x8xf32>, %wa: tensor<2048x16x3x3xf32>, %wb: tensor<8x2048x3x3xf32>) -> tensor<1x8x8x8xf32> {
  %0 = "dlc.conv2d"(%x, %wa) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x16x8x8xf32>, tensor<2048x16x3x3xf32>) -> tensor<1x2048x8x8xf32> loc("A4")
  %1 = "dlc.conv2d"(%0, %wb) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x2048x8x8xf32>, tensor<8x2048x3x3xf32>) -> tensor<1x8x8x8xf32> loc("B4")
  return %1 : tensor<1x8x8x8xf32>
}

// f16: not formed (the kernel computes f32).
// CHECK-LABEL: func.func @half(
// CHECK-NOT: call
// CHECK: return
// EXPLAIN: conv chain dlc.conv2d@A5 -> dlc.conv2d@B5: not formed: dlc.conv2d@A5: not f32
func.func @half(%x: tensor<1x8x16x16xf16>, %wa: tensor<8x8x3x3xf16>, %wb: tensor<8x8x3x3xf16>) -> tensor<1x8x16x16xf16> {
  %0 = "dlc.conv2d"(%x, %wa) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x8x16x16xf16>, tensor<8x8x3x3xf16>) -> tensor<1x8x16x16xf16> loc("A5")
  %1 = "dlc.relu"(%0) : (tensor<1x8x16x16xf16>) -> tensor<1x8x16x16xf16>
  %2 = "dlc.conv2d"(%1, %wb) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x8x16x16xf16>, tensor<8x8x3x3xf16>) -> tensor<1x8x16x16xf16> loc("B5")
  return %2 : tensor<1x8x16x16xf16>
}

// A diamond in A's epilogue (exp of A, + A): both ops belong to A's segment, whose one value used
// outside feeds B: formed, with an 8x8 tile (one block).
// CHECK-LABEL: func.func private @late_conv_chain_0(
// CHECK-NEXT: "dlc.conv2d"
// CHECK-NEXT: "dlc.exp"
// CHECK-NEXT: "dlc.add"
// CHECK-NEXT: "dlc.conv2d"
// CHECK-NEXT: return
// EXPLAIN: conv_chain of 2 convolutions + 2 elementwise ops in one kernel ({{.*}} tile 8x8, 1 blocks,
func.func @late(%x: tensor<1x4x8x8xf32>, %wa: tensor<4x4x3x3xf32>, %wb: tensor<4x4x3x3xf32>) -> tensor<1x4x8x8xf32> {
  %0 = "dlc.conv2d"(%x, %wa) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<4x4x3x3xf32>) -> tensor<1x4x8x8xf32>
  %1 = "dlc.exp"(%0) : (tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %2 = "dlc.add"(%0, %1) : (tensor<1x4x8x8xf32>, tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %3 = "dlc.conv2d"(%2, %wb) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf32>, tensor<4x4x3x3xf32>) -> tensor<1x4x8x8xf32>
  return %3 : tensor<1x4x8x8xf32>
}
