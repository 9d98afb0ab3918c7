// DlcToLinalg lowers dlc.max_pool2d to a -inf tensor.pad plus a -inf-filled linalg.generic over (n, c, oh, ow, kh, kw) combining with arith.maximumf.
// RUN: dlc-opt %s --dlc-lower-to-linalg -o %t
// RUN: FileCheck %s --check-prefix=PAD < %t
// RUN: FileCheck %s --check-prefix=NOPAD < %t
// RUN: FileCheck %s --check-prefix=DYN < %t
// The lowered module is valid input for dlc-opt again.
// RUN: dlc-opt %t | FileCheck %s --check-prefix=PAD
// The cpu pipeline lowers every case to the LLVM dialect.
// RUN: dlc-opt %s --dlc-pipeline=cpu | FileCheck %s --check-prefix=CPU --implicit-check-not='"dlc.' --implicit-check-not=linalg. --implicit-check-not=tensor. --implicit-check-not=bufferization. --implicit-check-not=memref. --implicit-check-not=affine. --implicit-check-not=scf. --implicit-check-not=unrealized_conversion_cast

// 3x3 window, stride 2, pads 1: the input is padded with -inf (so padding never wins), the result
// is filled with -inf, and a tensor.empty of the kernel size gives kh/kw their ranges. No epilogue.
// PAD-DAG: #[[IN:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2 * 2 + d4, d3 * 2 + d5)>
// PAD-DAG: #[[K:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d4, d5)>
// PAD-DAG: #[[OUT:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)>
// PAD-LABEL: func.func @padded(
// PAD: call @[[F:__dlc_max_pool2d_[0-9]+]](%arg0) : (tensor<2x3x5x5xf32>) -> tensor<2x3x3x3xf32>
// PAD: func.func private @[[F]](%[[X:.*]]: tensor<2x3x5x5xf32>) -> tensor<2x3x3x3xf32>
// PAD-NEXT: %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// PAD-NEXT: %[[P:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1] {
// PAD-NEXT: ^bb0(
// PAD-NEXT: tensor.yield %[[NINF]] : f32
// PAD-NEXT: } : tensor<2x3x5x5xf32> to tensor<2x3x7x7xf32>
// PAD-NEXT: %[[WIN:.*]] = tensor.empty() : tensor<3x3xf32>
// PAD-NEXT: %[[E:.*]] = tensor.empty() : tensor<2x3x3x3xf32>
// PAD-NEXT: %[[NINF2:.*]] = arith.constant 0xFF800000 : f32
// PAD-NEXT: %[[FILL:.*]] = linalg.fill ins(%[[NINF2]] : f32) outs(%[[E]] : tensor<2x3x3x3xf32>)
// PAD-NEXT: %[[R:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[K]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%[[P]], %[[WIN]] : tensor<2x3x7x7xf32>, tensor<3x3xf32>) outs(%[[FILL]] : tensor<2x3x3x3xf32>)
// PAD-NEXT: ^bb0(%[[V:.*]]: f32, %{{.*}}: f32, %[[ACC:.*]]: f32):
// PAD-NEXT: %[[M:.*]] = arith.maximumf %[[ACC]], %[[V]] : f32
// PAD-NEXT: linalg.yield %[[M]] : f32
// PAD-NEXT: } -> tensor<2x3x3x3xf32>
// PAD-NEXT: return %[[R]] : tensor<2x3x3x3xf32>
func.func @padded(%x: tensor<2x3x5x5xf32>) -> tensor<2x3x3x3xf32> {
  %0 = "dlc.max_pool2d"(%x) {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<2x3x5x5xf32>) -> tensor<2x3x3x3xf32>
  return %0 : tensor<2x3x3x3xf32>
}

// No pads: no tensor.pad; a 2x3 kernel with dilation (1, 2) and default strides 1.
// NOPAD-DAG: #[[IN:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2 + d4, d3 + d5 * 2)>
// NOPAD-LABEL: func.func @unpadded(
// NOPAD: func.func private @__dlc_max_pool2d_{{[0-9]+}}(%[[X:.*]]: tensor<1x2x4x6xf32>) -> tensor<1x2x3x2xf32>
// NOPAD-NEXT: %[[WIN:.*]] = tensor.empty() : tensor<2x3xf32>
// NOPAD-NEXT: tensor.empty() : tensor<1x2x3x2xf32>
// NOPAD-NEXT: arith.constant 0xFF800000 : f32
// NOPAD-NEXT: linalg.fill
// NOPAD-NEXT: linalg.generic {indexing_maps = [#[[IN]], #{{.*}}, #{{.*}}], {{.*}} ins(%[[X]], %[[WIN]] : tensor<1x2x4x6xf32>, tensor<2x3xf32>)
// NOPAD-NEXT: ^bb0(
// NOPAD-NEXT: arith.maximumf
func.func @unpadded(%x: tensor<1x2x4x6xf32>) -> tensor<1x2x3x2xf32> {
  %0 = "dlc.max_pool2d"(%x) {kernel = array<i64: 2, 3>, dilations = array<i64: 1, 2>} : (tensor<1x2x4x6xf32>) -> tensor<1x2x3x2xf32>
  return %0 : tensor<1x2x3x2xf32>
}

// All dims dynamic, f16: -inf is the f16 bit pattern 0xFC00 (no widening for max), the output spatial
// sizes come from affine.max and the pad (bottom/right only) keeps the dims dynamic.
// DYN-DAG: #[[OSZ:map[0-9]*]] = affine_map<()[s0] -> (0, (s0 - 1) floordiv 2 + 1)>
// DYN-LABEL: func.func @dynamic_f16(
// DYN: func.func private @__dlc_max_pool2d_{{[0-9]+}}(%[[X:.*]]: tensor<?x?x?x?xf16>) -> tensor<?x?x?x?xf16>
// DYN: %[[OH:.*]] = affine.max #[[OSZ]]()
// DYN: %[[OW:.*]] = affine.max #[[OSZ]]()
// DYN-NEXT: %[[NINF:.*]] = arith.constant 0xFC00 : f16
// DYN-NEXT: tensor.pad %[[X]] low[0, 0, 0, 0] high[0, 0, 1, 1] {
// DYN-NEXT: ^bb0(
// DYN-NEXT: tensor.yield %[[NINF]] : f16
// DYN-NEXT: } : tensor<?x?x?x?xf16> to tensor<?x?x?x?xf16>
// DYN-NEXT: tensor.empty() : tensor<2x2xf16>
// DYN-NEXT: tensor.empty(%{{.*}}, %{{.*}}, %[[OH]], %[[OW]]) : tensor<?x?x?x?xf16>
// DYN-NEXT: arith.constant 0xFC00 : f16
// DYN-NEXT: linalg.fill
// DYN-NEXT: linalg.generic
// DYN-NEXT: ^bb0(%{{.*}}: f16, %{{.*}}: f16, %{{.*}}: f16):
// DYN-NEXT: arith.maximumf %{{.*}}, %{{.*}} : f16
func.func @dynamic_f16(%x: tensor<?x?x?x?xf16>) -> tensor<?x?x?x?xf16> {
  %0 = "dlc.max_pool2d"(%x) {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 1, 1>} : (tensor<?x?x?x?xf16>) -> tensor<?x?x?x?xf16>
  return %0 : tensor<?x?x?x?xf16>
}

// CPU-LABEL: llvm.func @padded(
// CPU: llvm.intr.maximum
// CPU-LABEL: llvm.func @unpadded(
// CPU-LABEL: llvm.func @dynamic_f16(
// CPU: llvm.intr.maximum
