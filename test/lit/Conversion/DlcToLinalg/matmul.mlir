// DlcToLinalg lowers dlc.matmul to a zero fill plus one linalg.generic over (batch..., m, n, k) whose indexing maps encode batch broadcasting and transpose_a/b; f16 accumulates in f32.
// RUN: dlc-opt %s --dlc-lower-to-linalg -o %t
// RUN: FileCheck %s --check-prefix=MM2D < %t
// RUN: FileCheck %s --check-prefix=BCAST < %t
// RUN: FileCheck %s --check-prefix=TA < %t
// RUN: FileCheck %s --check-prefix=TB < %t
// RUN: FileCheck %s --check-prefix=DYNM < %t
// RUN: FileCheck %s --check-prefix=F16 < %t
// RUN: FileCheck %s --check-prefix=I32 < %t
// The lowered module is valid input for dlc-opt again.
// RUN: dlc-opt %t | FileCheck %s --check-prefix=MM2D
// The cpu pipeline lowers every case to the LLVM dialect.
// RUN: dlc-opt %s --dlc-pipeline=cpu | FileCheck %s --check-prefix=CPU --implicit-check-not='"dlc.' --implicit-check-not=linalg. --implicit-check-not=tensor. --implicit-check-not=bufferization. --implicit-check-not=memref. --implicit-check-not=affine. --implicit-check-not=scf. --implicit-check-not=unrealized_conversion_cast

// 2-D: C[m, n] += A[m, k] * B[k, n], k the only reduction.
// MM2D-DAG: #[[A:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// MM2D-DAG: #[[B:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// MM2D-DAG: #[[C:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// MM2D-LABEL: func.func @mm2d(
// MM2D: call @[[F:__dlc_matmul_[0-9]+]](%arg0, %arg1) : (tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
// MM2D: func.func private @[[F]](%[[X:.*]]: tensor<4x8xf32>, %[[Y:.*]]: tensor<8x16xf32>) -> tensor<4x16xf32>
// MM2D-NEXT: %[[E:.*]] = tensor.empty() : tensor<4x16xf32>
// MM2D-NEXT: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// MM2D-NEXT: %[[FILL:.*]] = linalg.fill ins(%[[Z]] : f32) outs(%[[E]] : tensor<4x16xf32>)
// MM2D-NEXT: %[[R:.*]] = linalg.generic {indexing_maps = [#[[A]], #[[B]], #[[C]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[X]], %[[Y]] : tensor<4x8xf32>, tensor<8x16xf32>) outs(%[[FILL]] : tensor<4x16xf32>)
// MM2D-NEXT: ^bb0(%[[IA:.*]]: f32, %[[IB:.*]]: f32, %[[ACC:.*]]: f32):
// MM2D-NEXT: %[[P:.*]] = arith.mulf %[[IA]], %[[IB]] : f32
// MM2D-NEXT: %[[S:.*]] = arith.addf %[[ACC]], %[[P]] : f32
// MM2D-NEXT: linalg.yield %[[S]] : f32
// MM2D: return %[[R]] : tensor<4x16xf32>
func.func @mm2d(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>) -> tensor<4x16xf32> {
  %0 = "dlc.matmul"(%a, %b) : (tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// Batched with numpy broadcasting over (b0, b1, m, n, k): lhs's static size-1 batch dim reads index
// 0, rhs has no leading batch dim and does not read d0.
// BCAST-DAG: #[[A:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, 0, d2, d4)>
// BCAST-DAG: #[[B:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4) -> (d1, d4, d3)>
// BCAST-DAG: #[[C:map[0-9]*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3)>
// BCAST-LABEL: func.func @batched_broadcast(
// BCAST: call @[[F:__dlc_matmul_[0-9]+]](%arg0, %arg1) : (tensor<2x1x4x8xf32>, tensor<3x8x16xf32>) -> tensor<2x3x4x16xf32>
// BCAST: func.func private @[[F]](
// BCAST-NEXT: tensor.empty() : tensor<2x3x4x16xf32>
// BCAST-NEXT: arith.constant 0.000000e+00 : f32
// BCAST-NEXT: linalg.fill
// BCAST-NEXT: linalg.generic {indexing_maps = [#[[A]], #[[B]], #[[C]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]}
// BCAST-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x1x4x8xf32>, tensor<3x8x16xf32>) outs(%{{.*}} : tensor<2x3x4x16xf32>)
// BCAST-NEXT: ^bb0
// BCAST-NEXT: arith.mulf
// BCAST-NEXT: arith.addf
func.func @batched_broadcast(%a: tensor<2x1x4x8xf32>, %b: tensor<3x8x16xf32>) -> tensor<2x3x4x16xf32> {
  %0 = "dlc.matmul"(%a, %b) : (tensor<2x1x4x8xf32>, tensor<3x8x16xf32>) -> tensor<2x3x4x16xf32>
  return %0 : tensor<2x3x4x16xf32>
}

// transpose_a: lhs is [k, m] and is read at (k, m).
// TA-DAG: #[[A:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d2, d0)>
// TA-DAG: #[[B:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// TA-DAG: #[[C:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// TA-LABEL: func.func @transpose_a(
// TA: call @[[F:__dlc_matmul_[0-9]+]](%arg0, %arg1) : (tensor<8x4xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
// TA: func.func private @[[F]](
// TA-NEXT: tensor.empty()
// TA-NEXT: arith.constant
// TA-NEXT: linalg.fill
// TA-NEXT: linalg.generic {indexing_maps = [#[[A]], #[[B]], #[[C]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%{{.*}}, %{{.*}} : tensor<8x4xf32>, tensor<8x16xf32>)
func.func @transpose_a(%a: tensor<8x4xf32>, %b: tensor<8x16xf32>) -> tensor<4x16xf32> {
  %0 = "dlc.matmul"(%a, %b) {transpose_a = true} : (tensor<8x4xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// transpose_b over a batch: rhs is [b, n, k] and is read at (b, n, k), as in q @ k^T.
// TB-DAG: #[[A:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>
// TB-DAG: #[[B:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3)>
// TB-DAG: #[[C:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>
// TB-LABEL: func.func @transpose_b(
// TB: call @[[F:__dlc_matmul_[0-9]+]](%arg0, %arg1) : (tensor<2x6x8xf32>, tensor<2x5x8xf32>) -> tensor<2x6x5xf32>
// TB: func.func private @[[F]](
// TB-NEXT: tensor.empty()
// TB-NEXT: arith.constant
// TB-NEXT: linalg.fill
// TB-NEXT: linalg.generic {indexing_maps = [#[[A]], #[[B]], #[[C]]], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%{{.*}}, %{{.*}} : tensor<2x6x8xf32>, tensor<2x5x8xf32>)
func.func @transpose_b(%a: tensor<2x6x8xf32>, %b: tensor<2x5x8xf32>) -> tensor<2x6x5xf32> {
  %0 = "dlc.matmul"(%a, %b) {transpose_b = true} : (tensor<2x6x8xf32>, tensor<2x5x8xf32>) -> tensor<2x6x5xf32>
  return %0 : tensor<2x6x5xf32>
}

// Dynamic M: the result's dim 0 is read from lhs with tensor.dim and sizes the accumulator.
// DYNM-LABEL: func.func @dynamic_m(
// DYNM: call @[[F:__dlc_matmul_[0-9]+]](%arg0, %arg1) : (tensor<?x8xf32>, tensor<8x16xf32>) -> tensor<?x16xf32>
// DYNM: func.func private @[[F]](%[[X:.*]]: tensor<?x8xf32>, %{{.*}}: tensor<8x16xf32>) -> tensor<?x16xf32>
// DYNM-NEXT: %[[C0:.*]] = arith.constant 0 : index
// DYNM-NEXT: %[[M:.*]] = tensor.dim %[[X]], %[[C0]] : tensor<?x8xf32>
// DYNM-NEXT: %[[E:.*]] = tensor.empty(%[[M]]) : tensor<?x16xf32>
// DYNM: %[[FILL:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[E]] : tensor<?x16xf32>)
// DYNM-NEXT: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[X]], %{{.*}} : tensor<?x8xf32>, tensor<8x16xf32>) outs(%[[FILL]] : tensor<?x16xf32>)
func.func @dynamic_m(%a: tensor<?x8xf32>, %b: tensor<8x16xf32>) -> tensor<?x16xf32> {
  %0 = "dlc.matmul"(%a, %b) : (tensor<?x8xf32>, tensor<8x16xf32>) -> tensor<?x16xf32>
  return %0 : tensor<?x16xf32>
}

// f16: both operands are extended inside the contraction, which accumulates into an f32 tensor;
// one elementwise generic then rounds to f16 once.
// F16-LABEL: func.func @half(
// F16: call @[[F:__dlc_matmul_[0-9]+]](%arg0, %arg1) : (tensor<4x8xf16>, tensor<8x16xf16>) -> tensor<4x16xf16>
// F16: func.func private @[[F]](
// F16-NEXT: %[[E:.*]] = tensor.empty() : tensor<4x16xf32>
// F16-NEXT: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// F16-NEXT: %[[FILL:.*]] = linalg.fill ins(%[[Z]] : f32) outs(%[[E]] : tensor<4x16xf32>)
// F16-NEXT: %[[ACC:.*]] = linalg.generic {{.*}} ins(%{{.*}}, %{{.*}} : tensor<4x8xf16>, tensor<8x16xf16>) outs(%[[FILL]] : tensor<4x16xf32>)
// F16-NEXT: ^bb0(%[[IA:.*]]: f16, %[[IB:.*]]: f16, %[[O:.*]]: f32):
// F16-NEXT: %[[EA:.*]] = arith.extf %[[IA]] : f16 to f32
// F16-NEXT: %[[EB:.*]] = arith.extf %[[IB]] : f16 to f32
// F16-NEXT: %[[P:.*]] = arith.mulf %[[EA]], %[[EB]] : f32
// F16-NEXT: %[[S:.*]] = arith.addf %[[O]], %[[P]] : f32
// F16-NEXT: linalg.yield %[[S]] : f32
// F16-NEXT: } -> tensor<4x16xf32>
// F16-NEXT: %[[E2:.*]] = tensor.empty() : tensor<4x16xf16>
// F16-NEXT: %[[R:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "parallel"]} ins(%[[ACC]] : tensor<4x16xf32>) outs(%[[E2]] : tensor<4x16xf16>)
// F16-NEXT: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f16):
// F16-NEXT: %[[T:.*]] = arith.truncf %[[IN]] : f32 to f16
// F16-NEXT: linalg.yield %[[T]] : f16
// F16: return %[[R]] : tensor<4x16xf16>
func.func @half(%a: tensor<4x8xf16>, %b: tensor<8x16xf16>) -> tensor<4x16xf16> {
  %0 = "dlc.matmul"(%a, %b) : (tensor<4x8xf16>, tensor<8x16xf16>) -> tensor<4x16xf16>
  return %0 : tensor<4x16xf16>
}

// Signless integers accumulate in the element type with muli/addi.
// I32-LABEL: func.func @int32(
// I32: func.func private @__dlc_matmul_{{[0-9]+}}(%{{.*}}: tensor<4x8xi32>
// I32-NEXT: tensor.empty() : tensor<4x16xi32>
// I32-NEXT: %[[Z:.*]] = arith.constant 0 : i32
// I32-NEXT: linalg.fill ins(%[[Z]] : i32)
// I32-NEXT: linalg.generic
// I32-NEXT: ^bb0
// I32-NEXT: arith.muli %{{.*}}, %{{.*}} : i32
// I32-NEXT: arith.addi %{{.*}}, %{{.*}} : i32
func.func @int32(%a: tensor<4x8xi32>, %b: tensor<8x16xi32>) -> tensor<4x16xi32> {
  %0 = "dlc.matmul"(%a, %b) : (tensor<4x8xi32>, tensor<8x16xi32>) -> tensor<4x16xi32>
  return %0 : tensor<4x16xi32>
}

// CPU-LABEL: llvm.func @mm2d(
// CPU: llvm.fmul
// CPU: llvm.fadd
// CPU-LABEL: llvm.func @batched_broadcast(
// CPU-LABEL: llvm.func @transpose_a(
// CPU-LABEL: llvm.func @transpose_b(
// CPU-LABEL: llvm.func @dynamic_m(
// CPU-LABEL: llvm.func @half(
// CPU: llvm.fpext
// CPU: llvm.fptrunc
// CPU-LABEL: llvm.func @int32(
// CPU: llvm.mul
// CPU: llvm.add
