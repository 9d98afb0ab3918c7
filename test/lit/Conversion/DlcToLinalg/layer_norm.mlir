// DlcToLinalg lowers dlc.layer_norm over dims [axis, rank): mean from a sum / N, d = x - mean, population variance sum(d * d) / N, then d / sqrt(var + eps) * scale + bias with scale and bias indexed by the normalized dims.
// RUN: dlc-opt %s --dlc-lower-to-linalg -o %t
// RUN: FileCheck %s --check-prefix=LN < %t
// RUN: FileCheck %s --check-prefix=DYN < %t
// RUN: FileCheck %s --check-prefix=F16 < %t
// The lowered module is valid input for dlc-opt again.
// RUN: dlc-opt %t | FileCheck %s --check-prefix=LN
// The cpu pipeline lowers every case to the LLVM dialect.
// RUN: dlc-opt %s --dlc-pipeline=cpu | FileCheck %s --check-prefix=CPU --implicit-check-not='"dlc.' --implicit-check-not=linalg. --implicit-check-not=tensor. --implicit-check-not=bufferization. --implicit-check-not=memref. --implicit-check-not=affine. --implicit-check-not=scf. --implicit-check-not=unrealized_conversion_cast

// axis = 2 of a rank-4 input normalizes over the last two dims (N = 4 * 8 = 32); epsilon 1e-3.
// LN-DAG: #[[ID:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// LN-DAG: #[[KEPT:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1)>
// LN-DAG: #[[NORM:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d2, d3)>
// LN-LABEL: func.func @layer_norm_two_dims(
// LN: call @[[F:__dlc_layer_norm_[0-9]+]](%arg0, %arg1, %arg2) : (tensor<2x5x4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<2x5x4x8xf32>
// LN: func.func private @[[F]](%[[X:.*]]: tensor<2x5x4x8xf32>, %[[G:.*]]: tensor<4x8xf32>, %[[B:.*]]: tensor<4x8xf32>) -> tensor<2x5x4x8xf32>
// LN-NEXT: tensor.empty() : tensor<2x5xf32>
// LN-NEXT: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// LN-NEXT: %[[F0:.*]] = linalg.fill ins(%[[Z]] : f32) outs(%{{.*}} : tensor<2x5xf32>)
// LN-NEXT: %[[SUM:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[KEPT]]], iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%[[X]] : tensor<2x5x4x8xf32>) outs(%[[F0]] : tensor<2x5xf32>)
// LN-NEXT: ^bb0(%[[A:.*]]: f32, %[[ACC:.*]]: f32):
// LN-NEXT: arith.addf %[[A]], %[[ACC]] : f32
// LN: %[[N:.*]] = arith.constant 3.200000e+01 : f32
// LN-NEXT: %[[EPS:.*]] = arith.constant 1.000000e-03 : f32
// LN-NEXT: tensor.empty() : tensor<2x5x4x8xf32>
// LN-NEXT: %[[D:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[KEPT]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[X]], %[[SUM]] : tensor<2x5x4x8xf32>, tensor<2x5xf32>)
// LN-NEXT: ^bb0(%[[XV:.*]]: f32, %[[SV:.*]]: f32, %{{.*}}: f32):
// LN-NEXT: %[[MEAN:.*]] = arith.divf %[[SV]], %[[N]] : f32
// LN-NEXT: %[[DV:.*]] = arith.subf %[[XV]], %[[MEAN]] : f32
// LN-NEXT: linalg.yield %[[DV]] : f32
// LN: %[[SQ:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[KEPT]]], iterator_types = ["parallel", "parallel", "reduction", "reduction"]} ins(%[[D]] : tensor<2x5x4x8xf32>)
// LN-NEXT: ^bb0(%[[DD:.*]]: f32, %[[ACC2:.*]]: f32):
// LN-NEXT: %[[P:.*]] = arith.mulf %[[DD]], %[[DD]] : f32
// LN-NEXT: arith.addf %[[P]], %[[ACC2]] : f32
// LN: tensor.empty() : tensor<2x5x4x8xf32>
// LN-NEXT: %[[R:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[KEPT]], #[[NORM]], #[[NORM]], #[[ID]]], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[D]], %[[SQ]], %[[G]], %[[B]] : tensor<2x5x4x8xf32>, tensor<2x5xf32>, tensor<4x8xf32>, tensor<4x8xf32>)
// LN-NEXT: ^bb0(%[[DV2:.*]]: f32, %[[QV:.*]]: f32, %[[GV:.*]]: f32, %[[BV:.*]]: f32, %{{.*}}: f32):
// LN-NEXT: %[[VAR:.*]] = arith.divf %[[QV]], %[[N]] : f32
// LN-NEXT: %[[VE:.*]] = arith.addf %[[VAR]], %[[EPS]] : f32
// LN-NEXT: %[[SD:.*]] = math.sqrt %[[VE]] : f32
// LN-NEXT: %[[NRM:.*]] = arith.divf %[[DV2]], %[[SD]] : f32
// LN-NEXT: %[[SC:.*]] = arith.mulf %[[NRM]], %[[GV]] : f32
// LN-NEXT: %[[Y:.*]] = arith.addf %[[SC]], %[[BV]] : f32
// LN-NEXT: linalg.yield %[[Y]] : f32
// LN: return %[[R]] : tensor<2x5x4x8xf32>
func.func @layer_norm_two_dims(%x: tensor<2x5x4x8xf32>, %s: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> tensor<2x5x4x8xf32> {
  %0 = "dlc.layer_norm"(%x, %s, %b) {axis = 2 : i64, epsilon = 1.0e-3 : f32} : (tensor<2x5x4x8xf32>, tensor<4x8xf32>, tensor<4x8xf32>) -> tensor<2x5x4x8xf32>
  return %0 : tensor<2x5x4x8xf32>
}

// A dynamic normalized dim: N is the runtime dim converted to f32; epsilon defaults to 1e-5.
// DYN-LABEL: func.func @layer_norm_dynamic(
// DYN: func.func private @__dlc_layer_norm_{{[0-9]+}}(%[[X:.*]]: tensor<3x?xf32>, %{{.*}}: tensor<?xf32>, %{{.*}}: tensor<?xf32>) -> tensor<3x?xf32>
// DYN-NEXT: %[[C1:.*]] = arith.constant 1 : index
// DYN-NEXT: %[[D1:.*]] = tensor.dim %[[X]], %[[C1]] : tensor<3x?xf32>
// DYN: %[[N64:.*]] = arith.index_cast %[[D1]] : index to i64
// DYN-NEXT: %[[N:.*]] = arith.uitofp %[[N64]] : i64 to f32
// DYN-NEXT: arith.constant 9.99999974E-6 : f32
// DYN-NEXT: tensor.empty(%[[D1]]) : tensor<3x?xf32>
// DYN-NEXT: linalg.generic
// DYN-NEXT: ^bb0
// DYN-NEXT: arith.divf %{{.*}}, %[[N]] : f32
func.func @layer_norm_dynamic(%x: tensor<3x?xf32>, %s: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<3x?xf32> {
  %0 = "dlc.layer_norm"(%x, %s, %b) : (tensor<3x?xf32>, tensor<?xf32>, tensor<?xf32>) -> tensor<3x?xf32>
  return %0 : tensor<3x?xf32>
}

// f16: computed in f32; scale and bias are extended in the last generic, which rounds once.
// F16-LABEL: func.func @layer_norm_half(
// F16: func.func private @__dlc_layer_norm_{{[0-9]+}}(%[[X:.*]]: tensor<3x8xf16>
// F16-NEXT: tensor.empty() : tensor<3x8xf32>
// F16-NEXT: linalg.generic {{.*}} ins(%[[X]] : tensor<3x8xf16>) outs(%{{.*}} : tensor<3x8xf32>)
// F16-NEXT: ^bb0
// F16-NEXT: arith.extf
// F16: linalg.generic {{.*}} outs(%{{.*}} : tensor<3x8xf16>)
// F16-NEXT: ^bb0(%{{.*}}: f32, %{{.*}}: f32, %[[GV:.*]]: f16, %[[BV:.*]]: f16, %{{.*}}: f16):
// F16-NEXT: arith.divf
// F16-NEXT: arith.addf
// F16-NEXT: math.sqrt
// F16-NEXT: %[[NRM:.*]] = arith.divf
// F16-NEXT: %[[EG:.*]] = arith.extf %[[GV]] : f16 to f32
// F16-NEXT: %[[SC:.*]] = arith.mulf %[[NRM]], %[[EG]] : f32
// F16-NEXT: %[[EB:.*]] = arith.extf %[[BV]] : f16 to f32
// F16-NEXT: %[[Y:.*]] = arith.addf %[[SC]], %[[EB]] : f32
// F16-NEXT: %[[T:.*]] = arith.truncf %[[Y]] : f32 to f16
// F16-NEXT: linalg.yield %[[T]] : f16
func.func @layer_norm_half(%x: tensor<3x8xf16>, %s: tensor<8xf16>, %b: tensor<8xf16>) -> tensor<3x8xf16> {
  %0 = "dlc.layer_norm"(%x, %s, %b) : (tensor<3x8xf16>, tensor<8xf16>, tensor<8xf16>) -> tensor<3x8xf16>
  return %0 : tensor<3x8xf16>
}

// CPU-LABEL: llvm.func @layer_norm_two_dims(
// CPU: llvm.intr.sqrt
// CPU-LABEL: llvm.func @layer_norm_dynamic(
// CPU: llvm.intr.sqrt
// CPU-LABEL: llvm.func @layer_norm_half(
// CPU: llvm.fptrunc
