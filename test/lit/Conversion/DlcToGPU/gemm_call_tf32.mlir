// f32 GEMMs may use TF32 tensor cores (flag 8) only when asked: dlc-opt/dlc-run --allow-tf32 (the
// pass option), or the unit attribute `dlc.allow_tf32` on the module. f16 GEMMs never carry the flag.
// RUN: dlc-opt %s --dlc-lower-to-gpu --canonicalize | FileCheck %s --check-prefix=EXACT
// RUN: dlc-opt %s --allow-tf32 --dlc-lower-to-gpu --canonicalize | FileCheck %s --check-prefix=TF32
// RUN: sed -e 's/^module {/module attributes {dlc.allow_tf32} {/' %s | dlc-opt - --dlc-lower-to-gpu --canonicalize | FileCheck %s --check-prefix=TF32
// RUN: dlc-opt %s --allow-tf32 --dlc-pipeline=cuda | FileCheck %s --check-prefix=PIPE

module {
  func.func @main(%a: tensor<8x32xf32>, %w: tensor<32x16xf32>, %b: tensor<16xf32>, %h: tensor<8x32xf16>, %hw: tensor<32x16xf16>) -> (tensor<8x16xf32>, tensor<8x16xf16>) {
    %0 = "dlc.matmul"(%a, %w) : (tensor<8x32xf32>, tensor<32x16xf32>) -> tensor<8x16xf32>
    %1 = "dlc.add"(%0, %b) : (tensor<8x16xf32>, tensor<16xf32>) -> tensor<8x16xf32>
    %2 = "dlc.matmul"(%h, %hw) : (tensor<8x32xf16>, tensor<32x16xf16>) -> tensor<8x16xf16>
    return %1, %2 : tensor<8x16xf32>, tensor<8x16xf16>
  }
}
// EXACT-LABEL: func.func private @__dlc_gpu_matmul_0(
// EXACT: %[[F:.*]] = arith.constant 1 : i64
// EXACT: call @dlcrt_gemm_f32({{.*}}, %[[F]])
// EXACT-LABEL: func.func private @__dlc_gpu_matmul_1(
// EXACT: %[[F:.*]] = arith.constant 0 : i64
// EXACT: call @dlcrt_gemm_f16({{.*}}, %[[F]])

// TF32-LABEL: func.func private @__dlc_gpu_matmul_0(
// TF32: %[[F:.*]] = arith.constant 9 : i64
// TF32: call @dlcrt_gemm_f32({{.*}}, %[[F]])
// TF32-LABEL: func.func private @__dlc_gpu_matmul_1(
// TF32: %[[F:.*]] = arith.constant 0 : i64
// TF32: call @dlcrt_gemm_f16({{.*}}, %[[F]])

// The option reaches the pass through the pipeline too; the host code calls the C interface.
// PIPE-DAG: llvm.mlir.constant(9 : i64)
// PIPE-DAG: llvm.call @_mlir_ciface_dlcrt_gemm_f32(
// PIPE-DAG: llvm.call @_mlir_ciface_dlcrt_gemm_f16(
