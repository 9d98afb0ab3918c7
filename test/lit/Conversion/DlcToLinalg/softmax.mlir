// DlcToLinalg lowers dlc.softmax / dlc.log_softmax stably: m = max(x) (fill -inf, maximumf), e = exp(x - m), s = sum(e), then e / s or (x - m) - log(s), with the reduced tensors broadcast back by the indexing maps.
// RUN: dlc-opt %s --dlc-lower-to-linalg -o %t
// RUN: FileCheck %s --check-prefix=SM < %t
// RUN: FileCheck %s --check-prefix=LSM < %t
// RUN: FileCheck %s --check-prefix=F16 < %t
// The lowered module is valid input for dlc-opt again.
// RUN: dlc-opt %t | FileCheck %s --check-prefix=SM
// The cpu pipeline lowers every case to the LLVM dialect.
// RUN: dlc-opt %s --dlc-pipeline=cpu | FileCheck %s --check-prefix=CPU --implicit-check-not='"dlc.' --implicit-check-not=linalg. --implicit-check-not=tensor. --implicit-check-not=bufferization. --implicit-check-not=memref. --implicit-check-not=affine. --implicit-check-not=scf. --implicit-check-not=unrealized_conversion_cast

// softmax over a dynamic middle axis (axis = 1): the reductions write tensor<2x8xf32> (the kept
// dims), which the maps read back at (d0, d2).
// SM-DAG: #[[ID:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// SM-DAG: #[[KEPT:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// SM-LABEL: func.func @softmax_dynamic_axis(
// SM: call @[[F:__dlc_softmax_[0-9]+]](%arg0) : (tensor<2x?x8xf32>) -> tensor<2x?x8xf32>
// SM: func.func private @[[F]](%[[X:.*]]: tensor<2x?x8xf32>) -> tensor<2x?x8xf32>
// SM-NEXT: %[[C1:.*]] = arith.constant 1 : index
// SM-NEXT: %[[D1:.*]] = tensor.dim %[[X]], %[[C1]]
// SM-NEXT: %[[E0:.*]] = tensor.empty() : tensor<2x8xf32>
// SM-NEXT: %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// SM-NEXT: %[[F0:.*]] = linalg.fill ins(%[[NINF]] : f32) outs(%[[E0]] : tensor<2x8xf32>)
// SM-NEXT: %[[MAX:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[KEPT]]], iterator_types = ["parallel", "reduction", "parallel"]} ins(%[[X]] : tensor<2x?x8xf32>) outs(%[[F0]] : tensor<2x8xf32>)
// SM-NEXT: ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32):
// SM-NEXT: arith.maximumf %[[A]], %[[B]] : f32
// SM: %[[E1:.*]] = tensor.empty(%[[D1]]) : tensor<2x?x8xf32>
// SM-NEXT: %[[EXP:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[KEPT]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[X]], %[[MAX]] : tensor<2x?x8xf32>, tensor<2x8xf32>) outs(%[[E1]] : tensor<2x?x8xf32>)
// SM-NEXT: ^bb0(%[[XV:.*]]: f32, %[[MV:.*]]: f32, %{{.*}}: f32):
// SM-NEXT: %[[D:.*]] = arith.subf %[[XV]], %[[MV]] : f32
// SM-NEXT: %[[EV:.*]] = math.exp %[[D]] : f32
// SM-NEXT: linalg.yield %[[EV]] : f32
// SM: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// SM-NEXT: %[[F1:.*]] = linalg.fill ins(%[[Z]] : f32) outs(%{{.*}} : tensor<2x8xf32>)
// SM-NEXT: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[KEPT]]], iterator_types = ["parallel", "reduction", "parallel"]} ins(%[[EXP]] : tensor<2x?x8xf32>) outs(%[[F1]] : tensor<2x8xf32>)
// SM-NEXT: ^bb0(%[[A2:.*]]: f32, %[[B2:.*]]: f32):
// SM-NEXT: arith.addf %[[A2]], %[[B2]] : f32
// SM: %[[E2:.*]] = tensor.empty(%[[D1]]) : tensor<2x?x8xf32>
// SM-NEXT: %[[R:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[KEPT]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[EXP]], %[[SUM]] : tensor<2x?x8xf32>, tensor<2x8xf32>) outs(%[[E2]] : tensor<2x?x8xf32>)
// SM-NEXT: ^bb0(%[[N:.*]]: f32, %[[S:.*]]: f32, %{{.*}}: f32):
// SM-NEXT: %[[Q:.*]] = arith.divf %[[N]], %[[S]] : f32
// SM-NEXT: linalg.yield %[[Q]] : f32
// SM: return %[[R]] : tensor<2x?x8xf32>
func.func @softmax_dynamic_axis(%x: tensor<2x?x8xf32>) -> tensor<2x?x8xf32> {
  %0 = "dlc.softmax"(%x) {axis = 1 : i64} : (tensor<2x?x8xf32>) -> tensor<2x?x8xf32>
  return %0 : tensor<2x?x8xf32>
}

// log_softmax over the default last axis: the last generic reads x, max and sum and computes
// (x - m) - log(s).
// LSM-DAG: #[[ID:map[0-9]*]] = affine_map<(d0, d1) -> (d0, d1)>
// LSM-DAG: #[[ROW:map[0-9]*]] = affine_map<(d0, d1) -> (d0)>
// LSM-LABEL: func.func @log_softmax(
// LSM: func.func private @__dlc_log_softmax_{{[0-9]+}}(%[[X:.*]]: tensor<4x8xf32>) -> tensor<4x8xf32>
// LSM: %[[MAX:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]]], iterator_types = ["parallel", "reduction"]} ins(%[[X]] : tensor<4x8xf32>)
// LSM-NEXT: ^bb0
// LSM-NEXT: arith.maximumf
// LSM: %[[EXP:.*]] = linalg.generic {{.*}} ins(%[[X]], %[[MAX]] : tensor<4x8xf32>, tensor<4xf32>)
// LSM-NEXT: ^bb0
// LSM-NEXT: arith.subf
// LSM-NEXT: math.exp
// LSM: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]]], iterator_types = ["parallel", "reduction"]} ins(%[[EXP]] : tensor<4x8xf32>)
// LSM-NEXT: ^bb0
// LSM-NEXT: arith.addf
// LSM: %[[R:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ROW]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[X]], %[[MAX]], %[[SUM]] : tensor<4x8xf32>, tensor<4xf32>, tensor<4xf32>)
// LSM-NEXT: ^bb0(%[[XV:.*]]: f32, %[[MV:.*]]: f32, %[[SV:.*]]: f32, %{{.*}}: f32):
// LSM-NEXT: %[[D:.*]] = arith.subf %[[XV]], %[[MV]] : f32
// LSM-NEXT: %[[L:.*]] = math.log %[[SV]] : f32
// LSM-NEXT: %[[Y:.*]] = arith.subf %[[D]], %[[L]] : f32
// LSM-NEXT: linalg.yield %[[Y]] : f32
// LSM: return %[[R]] : tensor<4x8xf32>
func.func @log_softmax(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = "dlc.log_softmax"(%x) : (tensor<4x8xf32>) -> tensor<4x8xf32>
  return %0 : tensor<4x8xf32>
}

// f16 is widened to f32 first; only the final generic writes f16 (arith.truncf once).
// F16-LABEL: func.func @softmax_half(
// F16: func.func private @__dlc_softmax_{{[0-9]+}}(%[[X:.*]]: tensor<3x5xf16>) -> tensor<3x5xf16>
// F16-NEXT: tensor.empty() : tensor<3x5xf32>
// F16-NEXT: linalg.generic {{.*}} ins(%[[X]] : tensor<3x5xf16>) outs(%{{.*}} : tensor<3x5xf32>)
// F16-NEXT: ^bb0
// F16-NEXT: arith.extf %{{.*}} : f16 to f32
// F16: math.exp %{{.*}} : f32
// F16: linalg.generic {{.*}} outs(%{{.*}} : tensor<3x5xf16>)
// F16-NEXT: ^bb0(%{{.*}}: f32, %{{.*}}: f32, %{{.*}}: f16):
// F16-NEXT: %[[Q:.*]] = arith.divf %{{.*}}, %{{.*}} : f32
// F16-NEXT: %[[T:.*]] = arith.truncf %[[Q]] : f32 to f16
// F16-NEXT: linalg.yield %[[T]] : f16
func.func @softmax_half(%x: tensor<3x5xf16>) -> tensor<3x5xf16> {
  %0 = "dlc.softmax"(%x) : (tensor<3x5xf16>) -> tensor<3x5xf16>
  return %0 : tensor<3x5xf16>
}

// CPU-LABEL: llvm.func @softmax_dynamic_axis(
// CPU: llvm.intr.maximum
// CPU: llvm.intr.exp(
// CPU: llvm.fdiv
// CPU-LABEL: llvm.func @log_softmax(
// CPU: llvm.intr.exp(
// CPU: llvm.intr.log(
// CPU-LABEL: llvm.func @softmax_half(
// CPU: llvm.fptrunc
