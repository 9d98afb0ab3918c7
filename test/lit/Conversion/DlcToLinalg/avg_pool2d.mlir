// DlcToLinalg lowers dlc.avg_pool2d to a zero tensor.pad, a summing linalg.generic and an epilogue dividing by rows[oh] * cols[ow], per-axis divisor tables that count valid taps (count_include_pad=false) or hold the kernel size (true).
// RUN: dlc-opt %s --dlc-lower-to-linalg -o %t
// RUN: FileCheck %s --check-prefix=EXCL < %t
// RUN: FileCheck %s --check-prefix=INCL < %t
// RUN: FileCheck %s --check-prefix=DYN < %t
// RUN: FileCheck %s --check-prefix=F16 < %t
// The lowered module is valid input for dlc-opt again.
// RUN: dlc-opt %t | FileCheck %s --check-prefix=EXCL
// The cpu pipeline lowers every case to the LLVM dialect.
// RUN: dlc-opt %s --dlc-pipeline=cpu | FileCheck %s --check-prefix=CPU --implicit-check-not='"dlc.' --implicit-check-not=linalg. --implicit-check-not=tensor. --implicit-check-not=bufferization. --implicit-check-not=memref. --implicit-check-not=affine. --implicit-check-not=scf. --implicit-check-not=unrealized_conversion_cast

// count_include_pad = false (the default, ONNX): along each axis the divisor is the number of taps k
// in [lo, hi] that land inside the unpadded input, lo = max(0, ceil((P - o*S) / D)) and
// hi = min(K - 1, floor((IN + P - 1 - o*S) / D)). Rows: K 3, S 2, D 1, top pad 1, IN 6;
// cols: K 2, S 3, D 2, left pad 2, IN 7.
// EXCL-DAG: #[[IN:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2 * 2 + d4, d3 * 3 + d5 * 2)>
// EXCL-DAG: #[[RLO:map[0-9]*]] = affine_map<(d0) -> (0, d0 * -2 + 1)>
// EXCL-DAG: #[[RHI:map[0-9]*]] = affine_map<(d0)[s0] -> (2, d0 * -2 + s0)>
// EXCL-DAG: #[[CLO:map[0-9]*]] = affine_map<(d0) -> (0, (d0 * -3 + 2) ceildiv 2)>
// EXCL-DAG: #[[CHI:map[0-9]*]] = affine_map<(d0)[s0] -> (1, (d0 * -3 + s0 + 1) floordiv 2)>
// EXCL-DAG: #[[CNT:map[0-9]*]] = affine_map<(d0, d1) -> (0, d1 - d0 + 1)>
// EXCL-DAG: #[[ID4:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// EXCL-DAG: #[[ROW:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d2)>
// EXCL-DAG: #[[COL:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// EXCL-LABEL: func.func @exclude_pad(
// EXCL: call @[[F:__dlc_avg_pool2d_[0-9]+]](%arg0) : (tensor<1x2x6x7xf32>) -> tensor<1x2x3x3xf32>
// EXCL: func.func private @[[F]](%[[X:.*]]: tensor<1x2x6x7xf32>) -> tensor<1x2x3x3xf32>
// EXCL-NEXT: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// EXCL-NEXT: %[[P:.*]] = tensor.pad %[[X]] low[0, 0, 1, 2] high[0, 0, 0, 1] {
// EXCL-NEXT: ^bb0(
// EXCL-NEXT: tensor.yield %[[Z]] : f32
// EXCL-NEXT: } : tensor<1x2x6x7xf32> to tensor<1x2x7x10xf32>
// EXCL-NEXT: %[[WIN:.*]] = tensor.empty() : tensor<3x2xf32>
// EXCL-NEXT: tensor.empty() : tensor<1x2x3x3xf32>
// EXCL-NEXT: %[[Z2:.*]] = arith.constant 0.000000e+00 : f32
// EXCL-NEXT: %[[FILL:.*]] = linalg.fill ins(%[[Z2]] : f32)
// EXCL-NEXT: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[IN]], #{{.*}}, #{{.*}}], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%[[P]], %[[WIN]] : tensor<1x2x7x10xf32>, tensor<3x2xf32>) outs(%[[FILL]] : tensor<1x2x3x3xf32>)
// EXCL-NEXT: ^bb0(%[[V:.*]]: f32, %{{.*}}: f32, %[[ACC:.*]]: f32):
// EXCL-NEXT: arith.addf %[[ACC]], %[[V]] : f32
// EXCL: %[[H:.*]] = arith.constant 6 : index
// EXCL-NEXT: tensor.empty() : tensor<3xf32>
// EXCL-NEXT: %[[ROWS:.*]] = linalg.generic {{.*}} iterator_types = ["parallel"]} outs(%{{.*}} : tensor<3xf32>)
// EXCL-NEXT: ^bb0(
// EXCL-NEXT: %[[O:.*]] = linalg.index 0 : index
// EXCL-NEXT: %[[LO:.*]] = affine.max #[[RLO]](%[[O]])
// EXCL-NEXT: %[[HI:.*]] = affine.min #[[RHI]](%[[O]])[%[[H]]]
// EXCL-NEXT: %[[N:.*]] = affine.max #[[CNT]](%[[LO]], %[[HI]])
// EXCL-NEXT: %[[N64:.*]] = arith.index_cast %[[N]] : index to i64
// EXCL-NEXT: %[[NF:.*]] = arith.sitofp %[[N64]] : i64 to f32
// EXCL-NEXT: linalg.yield %[[NF]] : f32
// EXCL: %[[W:.*]] = arith.constant 7 : index
// EXCL-NEXT: tensor.empty() : tensor<3xf32>
// EXCL-NEXT: %[[COLS:.*]] = linalg.generic
// EXCL-NEXT: ^bb0(
// EXCL-NEXT: %[[O2:.*]] = linalg.index 0 : index
// EXCL-NEXT: %[[LO2:.*]] = affine.max #[[CLO]](%[[O2]])
// EXCL-NEXT: %[[HI2:.*]] = affine.min #[[CHI]](%[[O2]])[%[[W]]]
// EXCL-NEXT: affine.max #[[CNT]](%[[LO2]], %[[HI2]])
// EXCL: %[[E:.*]] = tensor.empty() : tensor<1x2x3x3xf32>
// EXCL-NEXT: %[[R:.*]] = linalg.generic {indexing_maps = [#[[ID4]], #[[ROW]], #[[COL]], #[[ID4]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[SUM]], %[[ROWS]], %[[COLS]] : tensor<1x2x3x3xf32>, tensor<3xf32>, tensor<3xf32>) outs(%[[E]] : tensor<1x2x3x3xf32>)
// EXCL-NEXT: ^bb0(%[[S:.*]]: f32, %[[RN:.*]]: f32, %[[CN:.*]]: f32, %{{.*}}: f32):
// EXCL-NEXT: %[[DIV:.*]] = arith.mulf %[[RN]], %[[CN]] : f32
// EXCL-NEXT: %[[Q:.*]] = arith.divf %[[S]], %[[DIV]] : f32
// EXCL-NEXT: linalg.yield %[[Q]] : f32
// EXCL: return %[[R]] : tensor<1x2x3x3xf32>
func.func @exclude_pad(%x: tensor<1x2x6x7xf32>) -> tensor<1x2x3x3xf32> {
  %0 = "dlc.avg_pool2d"(%x) {kernel = array<i64: 3, 2>, strides = array<i64: 2, 3>, pads = array<i64: 1, 2, 0, 1>, dilations = array<i64: 1, 2>} : (tensor<1x2x6x7xf32>) -> tensor<1x2x3x3xf32>
  return %0 : tensor<1x2x3x3xf32>
}

// count_include_pad = true: the tables hold the kernel size (3 rows, 3 cols) whatever the position.
// INCL-LABEL: func.func @include_pad(
// INCL: func.func private @__dlc_avg_pool2d_{{[0-9]+}}(%{{.*}}: tensor<2x3x5x5xf32>) -> tensor<2x3x3x3xf32>
// INCL: tensor.pad %{{.*}} low[0, 0, 1, 1] high[0, 0, 1, 1]
// INCL: %[[ROWS:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<3xf32>)
// INCL-NEXT: ^bb0(
// INCL-NEXT: %[[K:.*]] = arith.constant 3.000000e+00 : f32
// INCL-NEXT: linalg.yield %[[K]] : f32
// INCL: %[[COLS:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<3xf32>)
// INCL-NEXT: ^bb0(
// INCL-NEXT: %[[K2:.*]] = arith.constant 3.000000e+00 : f32
// INCL-NEXT: linalg.yield %[[K2]] : f32
// INCL: linalg.generic {{.*}} ins(%{{.*}}, %[[ROWS]], %[[COLS]] : tensor<2x3x3x3xf32>, tensor<3xf32>, tensor<3xf32>)
// INCL-NEXT: ^bb0
// INCL-NEXT: arith.mulf
// INCL-NEXT: arith.divf
func.func @include_pad(%x: tensor<2x3x5x5xf32>) -> tensor<2x3x3x3xf32> {
  %0 = "dlc.avg_pool2d"(%x) {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, count_include_pad = true} : (tensor<2x3x5x5xf32>) -> tensor<2x3x3x3xf32>
  return %0 : tensor<2x3x3x3xf32>
}

// A dynamic height: the output height is an affine.max, the row table is a tensor<?xf32> of that
// size whose upper bound reads the input height at run time.
// DYN-DAG: #[[OSZ:map[0-9]*]] = affine_map<()[s0] -> (0, (s0 - 1) floordiv 2 + 1)>
// DYN-LABEL: func.func @dynamic_height(
// DYN: func.func private @__dlc_avg_pool2d_{{[0-9]+}}(%[[X:.*]]: tensor<1x2x?x5xf32>) -> tensor<1x2x?x3xf32>
// DYN-NEXT: %[[C2:.*]] = arith.constant 2 : index
// DYN-NEXT: %[[H:.*]] = tensor.dim %[[X]], %[[C2]]
// DYN-NEXT: %[[OH:.*]] = affine.max #[[OSZ]]()[%[[H]]]
// DYN: %[[H2:.*]] = tensor.dim %[[X]], %{{.*}} : tensor<1x2x?x5xf32>
// DYN-NEXT: %[[T:.*]] = tensor.empty(%[[OH]]) : tensor<?xf32>
// DYN-NEXT: %[[ROWS:.*]] = linalg.generic {{.*}} outs(%[[T]] : tensor<?xf32>)
// DYN: affine.min #{{.*}}(%{{.*}})[%[[H2]]]
// DYN: linalg.generic {{.*}} ins(%{{.*}}, %[[ROWS]], %{{.*}} : tensor<1x2x?x3xf32>, tensor<?xf32>, tensor<3xf32>)
func.func @dynamic_height(%x: tensor<1x2x?x5xf32>) -> tensor<1x2x?x3xf32> {
  %0 = "dlc.avg_pool2d"(%x) {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>} : (tensor<1x2x?x5xf32>) -> tensor<1x2x?x3xf32>
  return %0 : tensor<1x2x?x3xf32>
}

// f16 sums in f32 and rounds once after the division; no pads, no tensor.pad.
// F16-LABEL: func.func @half(
// F16: func.func private @__dlc_avg_pool2d_{{[0-9]+}}(%[[X:.*]]: tensor<1x1x4x4xf16>) -> tensor<1x1x2x2xf16>
// F16-NEXT: tensor.empty() : tensor<2x2xf16>
// F16-NEXT: tensor.empty() : tensor<1x1x2x2xf32>
// F16-NEXT: arith.constant 0.000000e+00 : f32
// F16-NEXT: linalg.fill
// F16-NEXT: linalg.generic {{.*}} ins(%[[X]], %{{.*}} : tensor<1x1x4x4xf16>, tensor<2x2xf16>) outs(%{{.*}} : tensor<1x1x2x2xf32>)
// F16-NEXT: ^bb0(%[[V:.*]]: f16, %{{.*}}: f16, %[[ACC:.*]]: f32):
// F16-NEXT: %[[EV:.*]] = arith.extf %[[V]] : f16 to f32
// F16-NEXT: arith.addf %[[ACC]], %[[EV]] : f32
// F16: linalg.generic {{.*}} outs(%{{.*}} : tensor<1x1x2x2xf16>)
// F16-NEXT: ^bb0
// F16-NEXT: arith.mulf
// F16-NEXT: %[[Q:.*]] = arith.divf
// F16-NEXT: %[[T:.*]] = arith.truncf %[[Q]] : f32 to f16
// F16-NEXT: linalg.yield %[[T]] : f16
func.func @half(%x: tensor<1x1x4x4xf16>) -> tensor<1x1x2x2xf16> {
  %0 = "dlc.avg_pool2d"(%x) {kernel = array<i64: 2, 2>, strides = array<i64: 2, 2>, count_include_pad = true} : (tensor<1x1x4x4xf16>) -> tensor<1x1x2x2xf16>
  return %0 : tensor<1x1x2x2xf16>
}

// CPU-LABEL: llvm.func @exclude_pad(
// CPU: llvm.fdiv
// CPU-LABEL: llvm.func @include_pad(
// CPU: llvm.fdiv
// CPU-LABEL: llvm.func @dynamic_height(
// CPU: llvm.fdiv
// CPU-LABEL: llvm.func @half(
// CPU: llvm.fptrunc
