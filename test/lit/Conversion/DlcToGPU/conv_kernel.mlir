// dlc-lower-to-gpu runs a small dlc.conv2d (f32, groups 1) as ONE implicit-GEMM kernel
// (emit_conv_kernel.c): no im2col buffer, no cuBLASLt call; 64 output pixels x 16 output channels per
// 256-thread block here (at most 16 channels; 32 otherwise), the input taps gathered on the fly into
// dynamic shared memory (A 16x64, B 16x16: 5120 bytes), 4 accumulators per thread carried through the
// K loop, and the epilogue (bias, residual
// add, relu) applied in registers before the NCHW store. A large convolution (over 2^26 multiply-adds)
// keeps im2col + cuBLASLt; grouped convolutions take a direct kernel (one thread per output element).
// RUN: dlc-opt %s --dlc-lower-to-gpu --canonicalize --cse | FileCheck %s
// Launch counts (kernels_unfused: the --no-fusion pipeline, where nothing is absorbed: the relu and the
// add are launches of their own): with fusion the relu joins the conv kernel (one launch); in the
// cuda pipeline fuse-elementwise groups the residual add + relu into a loop group before
// dlc-lower-to-gpu sees them, and the kernel absorbs that group's call (one launch); @large is
// im2col + one cuBLASLt call.
// RUN: dlc-opt %s --dlc-pipeline=cuda --dlc-stats -o /dev/null | FileCheck %s --check-prefix=STATS
// REQUIRES: ptxas
// RUN: dlc-opt %s --dlc-pipeline=cuda --emit=ptx -o %t.ptx
// RUN: FileCheck %s --check-prefix=PTX < %t.ptx
// RUN: %ptxas -arch=sm_90 %t.ptx -o %t.cubin

// STATS: func=main ops=2 kernels_unfused=2 kernels=1 library_calls=0
// STATS: func=residual ops=3 kernels_unfused=3 kernels=1 library_calls=0
// STATS: func=large ops=1 kernels_unfused=2 kernels=1 library_calls=1
// PTX: .target sm_90
// PTX: .shared .align 16 .b8 __dynamic_shmem__
// PTX: st.shared.b32
// PTX: bar.sync 0;

// CHECK-LABEL: func.func @main(
// CHECK-NEXT: %[[Y:.*]] = call @[[CONV:__dlc_gpu_conv2d_[0-9]+]](%arg0, %arg1, %arg2)
// CHECK-NEXT: return %[[Y]]
func.func @main(%x: tensor<4x3x32x32xf32>, %w: tensor<16x3x3x3xf32>, %b: tensor<16xf32>) -> tensor<4x16x32x32xf32> {
  %0 = "dlc.conv2d"(%x, %w, %b) {dilations = array<i64: 1, 1>, groups = 1 : i64, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1>} : (tensor<4x3x32x32xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<4x16x32x32xf32>
  %1 = "dlc.relu"(%0) : (tensor<4x16x32x32xf32>) -> tensor<4x16x32x32xf32>
  return %1 : tensor<4x16x32x32xf32>
}

// The shortcut add (the conv's only user) and the relu after it join the kernel.
// CHECK-LABEL: func.func @residual(
// CHECK-NEXT: %[[R:.*]] = call @[[RES:__dlc_gpu_conv2d_[0-9]+]](%arg0, %arg1, %arg2, %arg3)
// CHECK-NEXT: return %[[R]]
func.func @residual(%x: tensor<1x16x8x8xf32>, %w: tensor<16x16x3x3xf32>, %b: tensor<16xf32>, %r: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  %0 = "dlc.conv2d"(%x, %w, %b) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x16x8x8xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  %1 = "dlc.add"(%0, %r) : (tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  %2 = "dlc.relu"(%1) : (tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  return %2 : tensor<1x16x8x8xf32>
}

// A loop group that is not exactly add (+ relu) is not absorbed: the conv kernel, then the group.
// CHECK-LABEL: func.func @group_tanh(
// CHECK-NEXT: %[[C:.*]] = call @__dlc_gpu_conv2d_{{[0-9]+}}(%arg0, %arg1)
// CHECK-NEXT: call @tanh_loop(%arg2, %[[C]])
func.func @group_tanh(%x: tensor<1x16x8x8xf32>, %w: tensor<16x16x3x3xf32>, %r: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  %0 = "dlc.conv2d"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<1x16x8x8xf32>, tensor<16x16x3x3xf32>) -> tensor<1x16x8x8xf32>
  %1 = call @tanh_loop(%r, %0) : (tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  return %1 : tensor<1x16x8x8xf32>
}
func.func private @tanh_loop(%a: tensor<1x16x8x8xf32>, %c: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> attributes {dlc.fusion = {kind = "loop"}} {
  %0 = "dlc.add"(%a, %c) : (tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  %1 = "dlc.tanh"(%0) : (tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  return %1 : tensor<1x16x8x8xf32>
}

// 8 x 64 x 56 x 56 outputs x 576 taps = 925M multiply-adds: im2col + cuBLASLt.
// CHECK-LABEL: func.func @large(
// CHECK-NEXT: call @[[LARGE:__dlc_gpu_conv2d_[0-9]+]](%arg0, %arg1)
func.func @large(%x: tensor<8x64x56x56xf32>, %w: tensor<64x64x3x3xf32>) -> tensor<8x64x56x56xf32> {
  %0 = "dlc.conv2d"(%x, %w) {pads = array<i64: 1, 1, 1, 1>} : (tensor<8x64x56x56xf32>, tensor<64x64x3x3xf32>) -> tensor<8x64x56x56xf32>
  return %0 : tensor<8x64x56x56xf32>
}

// A grouped convolution takes the direct kernel (one thread per output, the group's taps in a loop).
// CHECK-LABEL: func.func @grouped(
// CHECK-NEXT: call @[[GROUPED:__dlc_gpu_conv2d_[0-9]+]](%arg0, %arg1)
func.func @grouped(%x: tensor<1x4x8x8xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32> {
  %0 = "dlc.conv2d"(%x, %w) {groups = 2 : i64} : (tensor<1x4x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// M = 4096 pixels / 64 = 64 blocks, 16 channels / 16 = 1: one launch of 256 threads with 5120 bytes of
// shared memory; K = 27 in tiles of 16; taps clamped into [0, 32) and selected; bias + relu in registers.
// CHECK: func.func private @[[CONV]](
// CHECK-NOT: memref<4x27x1024xf32>
// CHECK: memref.alloc() : memref<4x16x32x32xf32>
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %c64, {{.*}} = %c1, {{.*}} = %c1) threads({{.*}}) in ({{.*}} = %c256, {{.*}} = %c1, {{.*}} = %c1) dynamic_shared_memory_size %c5120_i32
// CHECK: gpu.dynamic_shared_memory
// CHECK: memref.view {{.*}} to memref<16x64xf32, #gpu.address_space<workgroup>>
// CHECK: memref.view {{.*}} to memref<16x16xf32, #gpu.address_space<workgroup>>
// CHECK: %[[ACC:.*]]:4 = scf.for {{.*}} = %c0 to %c27 step %c16 iter_args(
// CHECK: arith.select
// CHECK: memref.store {{.*}} : memref<16x64xf32, #gpu.address_space<workgroup>>
// CHECK: memref.store {{.*}} : memref<16x16xf32, #gpu.address_space<workgroup>>
// CHECK: llvm.inline_asm has_side_effects "bar.sync 0;"
// CHECK: scf.for {{.*}} = %c0 to %c16 step %c1 iter_args(
// CHECK-COUNT-4: arith.addf {{.*}} fastmath<contract> : f32
// CHECK: llvm.inline_asm has_side_effects "bar.sync 0;"
// CHECK: scf.if
// CHECK: arith.addf %[[ACC]]#0,
// CHECK: arith.maximumf
// CHECK: memref.store {{.*}} : memref<4x16x32x32xf32>
// CHECK-COUNT-3: arith.maximumf
// CHECK-NOT: gpu.launch
// CHECK-NOT: dlcrt_gemm
// CHECK: return

// The residual kernel reads the shortcut at the output's own index after the bias.
// CHECK: func.func private @[[RES]](
// CHECK-COUNT-1: gpu.launch
// CHECK: scf.if
// CHECK: %[[B:.*]] = arith.addf %{{.*}}#0, %{{.*}} : f32
// CHECK: %[[S:.*]] = tensor.extract %arg3[{{.*}}] : tensor<1x16x8x8xf32>
// CHECK: arith.addf %[[B]], %[[S]] : f32
// CHECK: arith.maximumf
// CHECK-NOT: dlcrt_gemm
// CHECK: return

// CHECK: func.func private @[[LARGE]](
// CHECK: memref.alloc() : memref<8x576x3136xf32>
// CHECK: call @dlcrt_gemm_f32(

// 1 x 4 x 6 x 6 = 144 outputs: one block of 256 threads; group = o / 2, input channel = 2 * group + tap / 9.
// CHECK: func.func private @[[GROUPED]](
// CHECK: gpu.launch blocks({{.*}}) in ({{.*}} = %c1, {{.*}}) threads({{.*}}) in ({{.*}} = %c256,
// CHECK-NOT: dynamic_shared_memory
// CHECK: scf.for {{.*}} = %c0 to %c18 step %c1 iter_args(
// CHECK-NOT: dlcrt_gemm
// CHECK: return
