// DlcToLinalg lowers dlc.conv2d to tensor.pad (when padded) plus a linalg.generic over (n, o, oh, ow, c, kh, kw) with stride/dilation/group maps, and an epilogue for bias and f16 rounding.
// RUN: dlc-opt %s --dlc-lower-to-linalg -o %t
// RUN: FileCheck %s --check-prefix=PAD < %t
// RUN: FileCheck %s --check-prefix=DIL < %t
// RUN: FileCheck %s --check-prefix=GRP < %t
// RUN: FileCheck %s --check-prefix=DW < %t
// RUN: FileCheck %s --check-prefix=DYN < %t
// RUN: FileCheck %s --check-prefix=F16 < %t
// The lowered module is valid input for dlc-opt again.
// RUN: dlc-opt %t | FileCheck %s --check-prefix=PAD
// The cpu pipeline lowers every case to the LLVM dialect.
// RUN: dlc-opt %s --dlc-pipeline=cpu | FileCheck %s --check-prefix=CPU --implicit-check-not='"dlc.' --implicit-check-not=linalg. --implicit-check-not=tensor. --implicit-check-not=bufferization. --implicit-check-not=memref. --implicit-check-not=affine. --implicit-check-not=scf. --implicit-check-not=unrealized_conversion_cast

// Asymmetric pads (top 1, left 0, bottom 2, right 1) become one tensor.pad of zeros; stride 2 scales
// the output loops in the input map; the filter is read at (o, c, kh, kw); c, kh, kw reduce.
// PAD-DAG: #[[IN:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d4, d2 * 2 + d5, d3 * 2 + d6)>
// PAD-DAG: #[[FLT:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d1, d4, d5, d6)>
// PAD-DAG: #[[OUT:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>
// PAD-LABEL: func.func @padded_strided(
// PAD: call @[[F:__dlc_conv2d_[0-9]+]](%arg0, %arg1) : (tensor<1x3x5x5xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x3x2xf32>
// PAD: func.func private @[[F]](%[[X:.*]]: tensor<1x3x5x5xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>) -> tensor<1x4x3x2xf32>
// PAD-NEXT: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// PAD-NEXT: %[[P:.*]] = tensor.pad %[[X]] low[0, 0, 1, 0] high[0, 0, 2, 1] {
// PAD-NEXT: ^bb0(
// PAD-NEXT: tensor.yield %[[Z]] : f32
// PAD-NEXT: } : tensor<1x3x5x5xf32> to tensor<1x3x8x6xf32>
// PAD-NEXT: %[[E:.*]] = tensor.empty() : tensor<1x4x3x2xf32>
// PAD-NEXT: %[[Z2:.*]] = arith.constant 0.000000e+00 : f32
// PAD-NEXT: %[[FILL:.*]] = linalg.fill ins(%[[Z2]] : f32) outs(%[[E]] : tensor<1x4x3x2xf32>)
// PAD-NEXT: %[[R:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[FLT]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%[[P]], %[[W]] : tensor<1x3x8x6xf32>, tensor<4x3x3x3xf32>) outs(%[[FILL]] : tensor<1x4x3x2xf32>)
// PAD-NEXT: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32, %[[ACC:.*]]: f32):
// PAD-NEXT: %[[M:.*]] = arith.mulf %[[A]], %[[B]] : f32
// PAD-NEXT: %[[S:.*]] = arith.addf %[[ACC]], %[[M]] : f32
// PAD-NEXT: linalg.yield %[[S]] : f32
// PAD-NEXT: } -> tensor<1x4x3x2xf32>
// PAD-NEXT: return %[[R]] : tensor<1x4x3x2xf32>
func.func @padded_strided(%x: tensor<1x3x5x5xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x3x2xf32> {
  %0 = "dlc.conv2d"(%x, %w) {strides = array<i64: 2, 2>, pads = array<i64: 1, 0, 2, 1>, dilations = array<i64: 1, 1>} : (tensor<1x3x5x5xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x3x2xf32>
  return %0 : tensor<1x4x3x2xf32>
}

// Dilations (2, 3) scale the kernel loops; no pads means no tensor.pad and no epilogue.
// DIL-DAG: #[[IN:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d4, d2 + d5 * 2, d3 + d6 * 3)>
// DIL-LABEL: func.func @dilated(
// DIL: call @[[F:__dlc_conv2d_[0-9]+]](%arg0, %arg1) : (tensor<1x2x9x10xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x5x4xf32>
// DIL: func.func private @[[F]](%[[X:.*]]: tensor<1x2x9x10xf32>,
// DIL-NEXT: tensor.empty() : tensor<1x3x5x4xf32>
// DIL-NEXT: arith.constant 0.000000e+00 : f32
// DIL-NEXT: linalg.fill
// DIL-NEXT: %[[R:.*]] = linalg.generic {indexing_maps = [#[[IN]], #{{.*}}, #{{.*}}], {{.*}} ins(%[[X]], %{{.*}} : tensor<1x2x9x10xf32>, tensor<3x2x3x3xf32>)
// DIL-NEXT: ^bb0(
// DIL-NEXT: arith.mulf
// DIL-NEXT: arith.addf
// DIL-NEXT: linalg.yield
// DIL-NEXT: } -> tensor<1x3x5x4xf32>
// DIL-NEXT: return %[[R]] : tensor<1x3x5x4xf32>
func.func @dilated(%x: tensor<1x2x9x10xf32>, %w: tensor<3x2x3x3xf32>) -> tensor<1x3x5x4xf32> {
  %0 = "dlc.conv2d"(%x, %w) {dilations = array<i64: 2, 3>} : (tensor<1x2x9x10xf32>, tensor<3x2x3x3xf32>) -> tensor<1x3x5x4xf32>
  return %0 : tensor<1x3x5x4xf32>
}

// groups = 2 (4 input channels, 6 output channels: 3 outputs and 2 inputs per group): output channel
// o reads input channel (o floordiv 3) * 2 + c. The bias [O] is added by an elementwise epilogue
// that reads it at d1.
// GRP-DAG: #[[IN:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, (d1 floordiv 3) * 2 + d4, d2 + d5, d3 + d6)>
// GRP-DAG: #[[ID4:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// GRP-DAG: #[[CH:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// GRP-LABEL: func.func @grouped_bias(
// GRP: call @[[F:__dlc_conv2d_[0-9]+]](%arg0, %arg1, %arg2) : (tensor<1x4x7x7xf32>, tensor<6x2x3x3xf32>, tensor<6xf32>) -> tensor<1x6x5x5xf32>
// GRP: func.func private @[[F]](%[[X:.*]]: tensor<1x4x7x7xf32>, %[[W:.*]]: tensor<6x2x3x3xf32>, %[[B:.*]]: tensor<6xf32>)
// GRP-NEXT: tensor.empty() : tensor<1x6x5x5xf32>
// GRP-NEXT: arith.constant 0.000000e+00 : f32
// GRP-NEXT: linalg.fill
// GRP-NEXT: %[[ACC:.*]] = linalg.generic {indexing_maps = [#[[IN]], #{{.*}}, #{{.*}}], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%[[X]], %[[W]] : tensor<1x4x7x7xf32>, tensor<6x2x3x3xf32>)
// GRP: %[[E:.*]] = tensor.empty() : tensor<1x6x5x5xf32>
// GRP-NEXT: %[[R:.*]] = linalg.generic {indexing_maps = [#[[ID4]], #[[CH]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[ACC]], %[[B]] : tensor<1x6x5x5xf32>, tensor<6xf32>) outs(%[[E]] : tensor<1x6x5x5xf32>)
// GRP-NEXT: ^bb0(%[[V:.*]]: f32, %[[BV:.*]]: f32, %{{.*}}: f32):
// GRP-NEXT: %[[S:.*]] = arith.addf %[[V]], %[[BV]] : f32
// GRP-NEXT: linalg.yield %[[S]] : f32
// GRP: return %[[R]] : tensor<1x6x5x5xf32>
func.func @grouped_bias(%x: tensor<1x4x7x7xf32>, %w: tensor<6x2x3x3xf32>, %b: tensor<6xf32>) -> tensor<1x6x5x5xf32> {
  %0 = "dlc.conv2d"(%x, %w, %b) {groups = 2 : i64} : (tensor<1x4x7x7xf32>, tensor<6x2x3x3xf32>, tensor<6xf32>) -> tensor<1x6x5x5xf32>
  return %0 : tensor<1x6x5x5xf32>
}

// Depthwise (groups = channels, one channel per group): the channel map folds to d1 + d4.
// DW-DAG: #[[IN:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 + d4, d2 + d5, d3 + d6)>
// DW-LABEL: func.func @depthwise(
// DW: func.func private @__dlc_conv2d_{{[0-9]+}}(%{{.*}}: tensor<1x3x6x6xf32>
// DW-NEXT: tensor.empty() : tensor<1x3x4x4xf32>
// DW-NEXT: arith.constant
// DW-NEXT: linalg.fill
// DW-NEXT: linalg.generic {indexing_maps = [#[[IN]], #{{.*}}, #{{.*}}], {{.*}} ins(%{{.*}}, %{{.*}} : tensor<1x3x6x6xf32>, tensor<3x1x3x3xf32>)
func.func @depthwise(%x: tensor<1x3x6x6xf32>, %w: tensor<3x1x3x3xf32>) -> tensor<1x3x4x4xf32> {
  %0 = "dlc.conv2d"(%x, %w) {groups = 3 : i64} : (tensor<1x3x6x6xf32>, tensor<3x1x3x3xf32>) -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}

// Dynamic batch and spatial dims: the batch is read with tensor.dim, each output spatial size is
// max(0, (IN + pads - span) floordiv stride + 1) by affine.max, and tensor.pad keeps the dims dynamic.
// DYN-DAG: #[[OSZ:map[0-9]*]] = affine_map<()[s0] -> (0, (s0 - 1) floordiv 2 + 1)>
// DYN-LABEL: func.func @dynamic(
// DYN: func.func private @__dlc_conv2d_{{[0-9]+}}(%[[X:.*]]: tensor<?x2x?x?xf32>, %{{.*}}: tensor<4x2x3x3xf32>, %{{.*}}: tensor<4xf32>)
// DYN-NEXT: %[[C0:.*]] = arith.constant 0 : index
// DYN-NEXT: %[[N:.*]] = tensor.dim %[[X]], %[[C0]]
// DYN-NEXT: %[[C2:.*]] = arith.constant 2 : index
// DYN-NEXT: %[[H:.*]] = tensor.dim %[[X]], %[[C2]]
// DYN-NEXT: %[[OH:.*]] = affine.max #[[OSZ]]()[%[[H]]]
// DYN-NEXT: %[[C3:.*]] = arith.constant 3 : index
// DYN-NEXT: %[[W:.*]] = tensor.dim %[[X]], %[[C3]]
// DYN-NEXT: %[[OW:.*]] = affine.max #[[OSZ]]()[%[[W]]]
// DYN: tensor.pad %[[X]] low[0, 0, 1, 0] high[0, 0, 1, 2]
// DYN: } : tensor<?x2x?x?xf32> to tensor<?x2x?x?xf32>
// DYN-NEXT: tensor.empty(%[[N]], %[[OH]], %[[OW]]) : tensor<?x4x?x?xf32>
func.func @dynamic(%x: tensor<?x2x?x?xf32>, %w: tensor<4x2x3x3xf32>, %b: tensor<4xf32>) -> tensor<?x4x?x?xf32> {
  %0 = "dlc.conv2d"(%x, %w, %b) {strides = array<i64: 2, 2>, pads = array<i64: 1, 0, 1, 2>} : (tensor<?x2x?x?xf32>, tensor<4x2x3x3xf32>, tensor<4xf32>) -> tensor<?x4x?x?xf32>
  return %0 : tensor<?x4x?x?xf32>
}

// f16: input and filter are extended inside the contraction, which accumulates in f32; the epilogue
// extends the bias, adds it and rounds once.
// F16-LABEL: func.func @half(
// F16: func.func private @__dlc_conv2d_{{[0-9]+}}(%{{.*}}: tensor<1x2x5x5xf16>
// F16-NEXT: tensor.empty() : tensor<1x2x3x3xf32>
// F16: linalg.generic {{.*}} outs(%{{.*}} : tensor<1x2x3x3xf32>)
// F16-NEXT: ^bb0(%[[A:.*]]: f16, %[[B:.*]]: f16, %[[ACC:.*]]: f32):
// F16-NEXT: %[[EA:.*]] = arith.extf %[[A]] : f16 to f32
// F16-NEXT: %[[EB:.*]] = arith.extf %[[B]] : f16 to f32
// F16-NEXT: %[[M:.*]] = arith.mulf %[[EA]], %[[EB]] : f32
// F16-NEXT: arith.addf %[[ACC]], %[[M]] : f32
// F16: linalg.generic {{.*}} ins(%{{.*}}, %{{.*}} : tensor<1x2x3x3xf32>, tensor<2xf16>) outs(%{{.*}} : tensor<1x2x3x3xf16>)
// F16-NEXT: ^bb0(%[[V:.*]]: f32, %[[BV:.*]]: f16, %{{.*}}: f16):
// F16-NEXT: %[[EBV:.*]] = arith.extf %[[BV]] : f16 to f32
// F16-NEXT: %[[S:.*]] = arith.addf %[[V]], %[[EBV]] : f32
// F16-NEXT: %[[T:.*]] = arith.truncf %[[S]] : f32 to f16
// F16-NEXT: linalg.yield %[[T]] : f16
func.func @half(%x: tensor<1x2x5x5xf16>, %w: tensor<2x2x3x3xf16>, %b: tensor<2xf16>) -> tensor<1x2x3x3xf16> {
  %0 = "dlc.conv2d"(%x, %w, %b) : (tensor<1x2x5x5xf16>, tensor<2x2x3x3xf16>, tensor<2xf16>) -> tensor<1x2x3x3xf16>
  return %0 : tensor<1x2x3x3xf16>
}

// CPU-LABEL: llvm.func @padded_strided(
// CPU: llvm.fmul
// CPU: llvm.fadd
// CPU-LABEL: llvm.func @dilated(
// CPU-LABEL: llvm.func @grouped_bias(
// CPU-LABEL: llvm.func @depthwise(
// CPU-LABEL: llvm.func @dynamic(
// CPU-LABEL: llvm.func @half(
// CPU: llvm.fpext
// CPU: llvm.fptrunc
