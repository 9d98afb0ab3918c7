// dlc-lower-to-gpu runs dlc.conv2d (groups 1, static filter) as im2col + one cuBLASLt GEMM: an im2col
// kernel writes col [N, C*KH*KW, OH*OW] (zero in the padding), @dlcrt_gemm_f32 multiplies the filter
// [1, O, C*KH*KW] (a broadcast batch of 1) by col into the NCHW output viewed as [N, O, OH*OW], and an
// epilogue kernel adds the bias per output channel and applies a relu that was the conv's only user.
// A dynamic input height gives a computed output height. Grouped convolutions stay.
// RUN: dlc-opt %s --dlc-lower-to-gpu --canonicalize --cse | FileCheck %s
// REQUIRES: ptxas
// RUN: dlc-opt %s --dlc-pipeline=cuda --emit=ptx -o %t.ptx
// RUN: %ptxas -arch=sm_90 %t.ptx -o %t.cubin
// RUN: dlc-opt %s --dlc-pipeline=cuda | FileCheck %s --check-prefix=HOST
// The module pins the cuBLASLt path (dlc.conv_kernel_max_macs = 0); small convolutions otherwise take
// the implicit-GEMM kernel of emit_conv_kernel.c (conv_kernel.mlir).
module attributes {dlc.conv_kernel_max_macs = 0 : i64} {

// CHECK-LABEL: func.func @main(
// CHECK-NEXT: %[[Y:.*]] = call @[[CONV:__dlc_gpu_conv2d_[0-9]+]](%arg0, %arg1, %arg2)
// CHECK-NEXT: return %[[Y]]
func.func @main(%x: tensor<4x3x32x32xf32>, %w: tensor<16x3x3x3xf32>, %b: tensor<16xf32>) -> tensor<4x16x32x32xf32> {
  %0 = "dlc.conv2d"(%x, %w, %b) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<4x3x32x32xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<4x16x32x32xf32>
  %1 = "dlc.relu"(%0) : (tensor<4x16x32x32xf32>) -> tensor<4x16x32x32xf32>
  return %1 : tensor<4x16x32x32xf32>
}

// CHECK-LABEL: func.func @dyn(
// CHECK-NEXT: call @[[DYN:__dlc_gpu_conv2d_[0-9]+]](%arg0, %arg1, %arg2)
func.func @dyn(%x: tensor<1x1x?x80xf32>, %w: tensor<32x1x3x3xf32>, %b: tensor<32xf32>) -> tensor<1x32x?x39xf32> {
  %0 = "dlc.conv2d"(%x, %w, %b) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 0, 0, 0, 0>, strides = array<i64: 2, 2>} : (tensor<1x1x?x80xf32>, tensor<32x1x3x3xf32>, tensor<32xf32>) -> tensor<1x32x?x39xf32>
  return %0 : tensor<1x32x?x39xf32>
}

// CHECK-LABEL: func.func @grouped(
// CHECK-NEXT: "dlc.conv2d"
func.func @grouped(%x: tensor<1x4x8x8xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32> {
  %0 = "dlc.conv2d"(%x, %w) {groups = 2 : i64} : (tensor<1x4x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// 4 x 27 x 1024 col elements (432 blocks of 256): p = i % 1024, q = i / 1024 % 27, n = i / 27648;
// ih = oh + kh - 1, iw = ow + kw - 1 (stride 1, dilation 1, pad 1), checked against [0, 32).
// CHECK: func.func private @[[CONV]](
// CHECK-DAG: %[[COL:.*]] = memref.alloc() : memref<4x27x1024xf32>
// CHECK-DAG: %[[OUT:.*]] = memref.alloc() : memref<4x16x32x32xf32>
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %c432, {{.*}}) threads({{.*}}) in ({{.*}} = %c256,
// CHECK: %[[P:.*]] = arith.remui %{{.*}}, %c1024
// CHECK: %[[Q:.*]] = arith.remui %{{.*}}, %c27
// CHECK: %[[N:.*]] = arith.divui %{{.*}}, %c27
// CHECK: arith.cmpi sge
// CHECK: arith.cmpi slt
// CHECK: scf.if %{{.*}} -> (f32)
// CHECK: } else {
// CHECK-NEXT: scf.yield %cst : f32
// CHECK: memref.store %{{.*}}, %[[COL]][%[[N]], %[[Q]], %[[P]]] : memref<4x27x1024xf32>
// CHECK: gpu.terminator
// CHECK: memref.reinterpret_cast %{{.*}} to offset: [0], sizes: [1, 16, 27], strides: [432, 27, 1] : memref<16x3x3x3xf32>
// CHECK: memref.reinterpret_cast %[[COL]] to offset: [0], sizes: [4, 27, 1024], strides: [27648, 1024, 1]
// CHECK: memref.reinterpret_cast %[[OUT]] to offset: [0], sizes: [4, 16, 1024], strides: [16384, 1024, 1]
// CHECK: call @dlcrt_gemm_f32({{.*}}, %c0_i64)
// CHECK: gpu.launch
// CHECK: memref.load
// CHECK: tensor.extract %arg2
// CHECK-NEXT: arith.addf
// CHECK-NEXT: arith.maximumf
// CHECK-NEXT: memref.store
// CHECK: return

// Output height (H - 3) / 2 + 1 from the input's dim; no relu: the epilogue only adds the bias.
// CHECK: func.func private @[[DYN]](
// CHECK: %[[H:.*]] = tensor.dim %arg0, %c2 : tensor<1x1x?x80xf32>
// CHECK: %[[A:.*]] = arith.addi %[[H]], %c-3
// CHECK: %[[D:.*]] = arith.divsi %[[A]], %c2
// CHECK: %[[OH:.*]] = arith.addi %[[D]], %c1
// CHECK: memref.alloc(%[[OH]]) : memref<1x32x?x39xf32>
// CHECK: call @dlcrt_gemm_f32(
// CHECK: gpu.launch
// CHECK: arith.addf
// CHECK-NOT: arith.maximumf
// CHECK: gpu.terminator

// HOST-COUNT-2: llvm.call @dlcrt_gemm_f32(
}
