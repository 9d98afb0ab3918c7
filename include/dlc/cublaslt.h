/* GEMMs on the GPU through NVIDIA cuBLASLt, the library calls that `dlc-lower-to-gpu` emits for
 * dlc.matmul (see lib/Conversion/DlcToGPU/emit_gemm_call.c).
 *
 * Nothing here links against cuBLASLt: the first GEMM dlopen()s libcublasLt.so.13, .so.12, then
 * libcublasLt.so (or the file named by the DLC_CUBLASLT environment variable, which tests use to load
 * a fake), once per process. One cuBLASLt handle and one workspace are created on first use and kept
 * until exit.
 *
 * The entry points take MLIR memref descriptors (the C interface of `llvm.emit_c_interface`
 * functions): C[b] = A[b] x B[b] for b in [0, batch), all three rank 3 ([batch, M, K], [batch, K, N],
 * [batch, M, N]), with any strides cuBLASLt can express: a batch stride of 0 broadcasts a weight, a
 * matrix whose row stride is 1 is read transposed (column-major), C must have unit column stride. The
 * flags add a residual of C's shape (`residual`, rank 3, unit column stride; ignored without
 * DLCRT_GEMM_RESIDUAL: cuBLASLt's C with beta = 1, while the result goes to D = `c`), a bias of N
 * elements broadcast along the rows (`bias`, rank 1, unit stride; ignored without DLCRT_GEMM_BIAS) and
 * an activation, computed by cuBLASLt's epilogue. Accumulation is in f32
 * (CUBLAS_COMPUTE_32F), or TF32 tensor cores for f32 inputs with DLCRT_GEMM_ALLOW_TF32.
 *
 * Errors: these functions return nothing (the compiled code cannot check a status), so a failure is
 * kept as the thread's pending CUDA error, exactly like the mgpu* wrappers' (include/dlc/cuda.h), and
 * dlcrt_cuda_take_error() hands it over, e.g. "dlcrt_gemm_f32: cublasLtMatmul(m=128 n=64 k=32
 * batch=4) failed: CUBLAS_STATUS_NOT_SUPPORTED". While an error is pending they do nothing. */
#ifndef DLC_CUBLASLT_H
#define DLC_CUBLASLT_H

#include <stdint.h>

#include "dlc/jit_support.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Environment variable naming the cuBLASLt library to dlopen instead of the default names. */
#define DLCRT_CUBLASLT_ENV "DLC_CUBLASLT"

/* The `flags` argument of the GEMM entry points (an i64 in the compiled code). RELU and GELU are
 * exclusive; GELU is cuBLASLt's tanh approximation. */
enum {
  DLCRT_GEMM_BIAS = 1,        /* C += bias[n] for every row */
  DLCRT_GEMM_RELU = 2,        /* C = max(C, 0), after the bias */
  DLCRT_GEMM_GELU = 4,        /* C = gelu_tanh(C), after the bias */
  DLCRT_GEMM_ALLOW_TF32 = 8,  /* f32 inputs may be rounded to TF32 (CUBLAS_COMPUTE_32F_FAST_TF32) */
  DLCRT_GEMM_RESIDUAL = 16,   /* C += residual (C's shape, unit column stride) before the bias and activation */
};

/* MLIR's strided memref descriptors (the element type is the entry point's). */
typedef struct dlcrt_memref3_t {
  void *allocated;
  void *aligned;
  int64_t offset;
  int64_t sizes[3];
  int64_t strides[3];
} dlcrt_memref3_t;

typedef struct dlcrt_memref1_t {
  void *allocated;
  void *aligned;
  int64_t offset;
  int64_t sizes[1];
  int64_t strides[1];
} dlcrt_memref1_t;

/* The C interfaces of `func.func private @dlcrt_gemm_f32(memref<?x?x?xf32, strided<[?, ?, ?], offset: ?>>
 * (A), (B), (C), memref<?xf32, strided<[?], offset: ?>> (bias), memref<?x?x?xf32, strided<...>> (residual),
 * i64 (flags)) attributes
 * {llvm.emit_c_interface}`, and the same for f16 and bf16 (elements of 2 bytes). */
void _mlir_ciface_dlcrt_gemm_f32(dlcrt_memref3_t *a, dlcrt_memref3_t *b, dlcrt_memref3_t *c, dlcrt_memref1_t *bias,
                                 dlcrt_memref3_t *residual, int64_t flags);
void _mlir_ciface_dlcrt_gemm_f16(dlcrt_memref3_t *a, dlcrt_memref3_t *b, dlcrt_memref3_t *c, dlcrt_memref1_t *bias,
                                 dlcrt_memref3_t *residual, int64_t flags);
void _mlir_ciface_dlcrt_gemm_bf16(dlcrt_memref3_t *a, dlcrt_memref3_t *b, dlcrt_memref3_t *c, dlcrt_memref1_t *bias,
                                  dlcrt_memref3_t *residual, int64_t flags);

/* The entry points above, to register into a JIT, terminated by {NULL, NULL}. */
const dlcrt_jit_symbol_t *dlcrt_cublaslt_jit_symbols(void);

#ifdef __cplusplus
}
#endif

#endif /* DLC_CUBLASLT_H */
