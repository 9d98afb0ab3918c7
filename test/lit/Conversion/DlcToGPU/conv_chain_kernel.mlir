// A "conv_chain" group (emit_conv_chain_kernel.c) becomes ONE gpu.launch: one block per (tile, image)
// -- here 8x8 tiles of a 32x32 output: 16 x 4 blocks of 256 threads --, the input halo tile
// (12 x 12 x 16 floats) and the intermediate halo tile (10 x 10 x 16) in the launch's dynamic shared
// memory ((2304 + 1600) * 4 = 15616 bytes), three block-strided phases separated by two barriers, the
// residual add + relu computed by the shared scalar formulas, stores NCHW. A group whose tile does
// not fit in 48 KiB, or an f16 group, is not taken (it falls through op by op).
// RUN: dlc-opt %s --dlc-lower-to-gpu | FileCheck %s

// CHECK-LABEL: func.func private @block_chain(
// CHECK-SAME: dlc.fusion = {kind = "conv_chain"
// CHECK-SAME: dlc.gpu_kernel
// CHECK-NOT: dlcrt_gemm
// CHECK: %[[SMEM:.*]] = arith.constant 15616 : i32
// CHECK-DAG: %[[G:.*]] = arith.constant 16 : index
// CHECK-DAG: %[[N:.*]] = arith.constant 4 : index
// CHECK-DAG: %[[T:.*]] = arith.constant 256 : index
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %[[G]], {{.*}} = %[[N]], {{.*}}) threads({{.*}}) in ({{.*}} = %[[T]], {{.*}}) dynamic_shared_memory_size %[[SMEM]]
// CHECK: gpu.dynamic_shared_memory
// CHECK: memref.view {{.*}} to memref<2304xf32, #gpu.address_space<workgroup>>
// CHECK: memref.view {{.*}} to memref<1600xf32, #gpu.address_space<workgroup>>
// CHECK: scf.for
// CHECK: arith.select
// CHECK: memref.store {{.*}} : memref<2304xf32, #gpu.address_space<workgroup>>
// CHECK: llvm.inline_asm has_side_effects "bar.sync 0;"
// CHECK: scf.for
// CHECK: arith.addf {{.*}} fastmath<contract>
// CHECK: arith.maximumf
// CHECK: arith.select
// CHECK: memref.store {{.*}} : memref<1600xf32, #gpu.address_space<workgroup>>
// CHECK: llvm.inline_asm has_side_effects "bar.sync 0;"
// CHECK: scf.for
// CHECK: scf.if
// CHECK: arith.addf
// CHECK: arith.maximumf
// CHECK: memref.store {{.*}} : memref<4x16x32x32xf32>
// CHECK: gpu.terminator
// CHECK-NOT: gpu.launch
// CHECK: return
func.func @block(%x: tensor<4x16x32x32xf32>, %wa: tensor<16x16x3x3xf32>, %ba: tensor<16xf32>, %wb: tensor<16x16x3x3xf32>, %bb: tensor<16xf32>) -> tensor<4x16x32x32xf32> {
  %0 = call @block_chain(%x, %wa, %ba, %wb, %bb) : (tensor<4x16x32x32xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<4x16x32x32xf32>
  return %0 : tensor<4x16x32x32xf32>
}
func.func private @block_chain(%x: tensor<4x16x32x32xf32>, %wa: tensor<16x16x3x3xf32>, %ba: tensor<16xf32>, %wb: tensor<16x16x3x3xf32>, %bb: tensor<16xf32>) -> tensor<4x16x32x32xf32> attributes {dlc.fusion = {kind = "conv_chain", tile = array<i64: 8, 8>, threads = 256 : i64}} {
  %0 = "dlc.conv2d"(%x, %wa, %ba) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<4x16x32x32xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<4x16x32x32xf32>
  %1 = "dlc.relu"(%0) : (tensor<4x16x32x32xf32>) -> tensor<4x16x32x32xf32>
  %2 = "dlc.conv2d"(%1, %wb, %bb) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<4x16x32x32xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<4x16x32x32xf32>
  %3 = "dlc.add"(%x, %2) : (tensor<4x16x32x32xf32>, tensor<4x16x32x32xf32>) -> tensor<4x16x32x32xf32>
  %4 = "dlc.relu"(%3) : (tensor<4x16x32x32xf32>) -> tensor<4x16x32x32xf32>
  return %4 : tensor<4x16x32x32xf32>
}

// A 32x32 tile would need (36*36 + 34*34) * 16 * 4 = 156928 bytes: not taken by the chain emitter; each
// convolution then gets its own kernel.
// CHECK-LABEL: func.func private @big_tile_chain(
// CHECK-NOT: dlc.gpu_kernel
// CHECK: call @
// CHECK: call @
// CHECK: return
func.func @big_tile(%x: tensor<4x16x32x32xf32>, %wa: tensor<16x16x3x3xf32>, %wb: tensor<16x16x3x3xf32>) -> tensor<4x16x32x32xf32> {
  %0 = call @big_tile_chain(%x, %wa, %wb) : (tensor<4x16x32x32xf32>, tensor<16x16x3x3xf32>, tensor<16x16x3x3xf32>) -> tensor<4x16x32x32xf32>
  return %0 : tensor<4x16x32x32xf32>
}
func.func private @big_tile_chain(%x: tensor<4x16x32x32xf32>, %wa: tensor<16x16x3x3xf32>, %wb: tensor<16x16x3x3xf32>) -> tensor<4x16x32x32xf32> attributes {dlc.fusion = {kind = "conv_chain", tile = array<i64: 32, 32>, threads = 256 : i64}} {
  %0 = "dlc.conv2d"(%x, %wa) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<4x16x32x32xf32>, tensor<16x16x3x3xf32>) -> tensor<4x16x32x32xf32>
  %1 = "dlc.conv2d"(%0, %wb) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<4x16x32x32xf32>, tensor<16x16x3x3xf32>) -> tensor<4x16x32x32xf32>
  return %1 : tensor<4x16x32x32xf32>
}

// f16: not taken.
// CHECK-LABEL: func.func private @half_chain(
// CHECK-NOT: dlc.gpu_kernel
// CHECK: return
func.func @half(%x: tensor<1x4x8x8xf16>, %wa: tensor<4x4x3x3xf16>, %wb: tensor<4x4x3x3xf16>) -> tensor<1x4x8x8xf16> {
  %0 = call @half_chain(%x, %wa, %wb) : (tensor<1x4x8x8xf16>, tensor<4x4x3x3xf16>, tensor<4x4x3x3xf16>) -> tensor<1x4x8x8xf16>
  return %0 : tensor<1x4x8x8xf16>
}
func.func private @half_chain(%x: tensor<1x4x8x8xf16>, %wa: tensor<4x4x3x3xf16>, %wb: tensor<4x4x3x3xf16>) -> tensor<1x4x8x8xf16> attributes {dlc.fusion = {kind = "conv_chain", tile = array<i64: 4, 4>, threads = 256 : i64}} {
  %0 = "dlc.conv2d"(%x, %wa) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf16>, tensor<4x4x3x3xf16>) -> tensor<1x4x8x8xf16>
  %1 = "dlc.conv2d"(%0, %wb) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<1x4x8x8xf16>, tensor<4x4x3x3xf16>) -> tensor<1x4x8x8xf16>
  return %1 : tensor<1x4x8x8xf16>
}
