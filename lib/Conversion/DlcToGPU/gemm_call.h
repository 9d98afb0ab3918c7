/* Internal to the cuBLASLt emitters of DlcToGPU (emit_gemm_call.c: dlc.matmul; emit_conv_gemm.c:
 * dlc.conv2d as im2col + GEMM): the flags of the runtime's entry points and the text helpers both use
 * to write index arithmetic, strided views and the call of @dlcrt_gemm_<type>. */
#ifndef DLC_CONVERSION_DLCTOGPU_GEMM_CALL_H
#define DLC_CONVERSION_DLCTOGPU_GEMM_CALL_H

#include "dlc/op_params.h"
#include "gpu_emit.h"

/* Flags of the entry points; the same values as DLCRT_GEMM_* in include/dlc/cublaslt.h (the compiler
 * does not include runtime headers; test/lit/Conversion/DlcToGPU/gemm_call_*.mlir check the numbers). */
enum { DLC_GEMM_BIAS = 1, DLC_GEMM_RELU = 2, DLC_GEMM_GELU = 4, DLC_GEMM_ALLOW_TF32 = 8, DLC_GEMM_RESIDUAL = 16 };

/* A name of an index SSA value in the generated text. */
typedef struct dlc_gemm_idx_t {
  char s[24];
} dlc_gemm_idx_t;

typedef struct dlc_gemm_text_t {
  dlc_strbuf_t *out;
  int next; /* %g<next> is the next fresh name */
} dlc_gemm_text_t;

dlc_gemm_idx_t dlc_gemm_fresh(dlc_gemm_text_t *t);
/* `%gN = arith.constant value : index`. */
dlc_gemm_idx_t dlc_gemm_const(dlc_gemm_text_t *t, int64_t value);
dlc_gemm_idx_t dlc_gemm_mul(dlc_gemm_text_t *t, dlc_gemm_idx_t a, dlc_gemm_idx_t b);
/* `%gN = arith.<op> a, b : index`. */
dlc_gemm_idx_t dlc_gemm_arith(dlc_gemm_text_t *t, const char *op, dlc_gemm_idx_t a, dlc_gemm_idx_t b);
/* A convolution's strides, pads, dilations and groups (dlc_window_params, include/dlc/op_params.h);
 * false (the emitter then leaves the op alone) when they do not read. */
bool dlc_conv_read_params(MlirOperation conv, dlc_window_params_t *out);
/* A convolution's output size (conv_epilogue.c): the static one, or (in + pads - dilation*(k-1) - 1) /
 * stride + 1 computed from the index value `in`. */
dlc_gemm_idx_t dlc_conv_out_size(dlc_gemm_text_t *t, int64_t static_size, dlc_gemm_idx_t in, int64_t pads, int64_t dilation,
                                 int64_t k, int64_t stride);
/* Dim `d` of input buffer %in<input> (shape `s`): a constant or a memref.dim. */
dlc_gemm_idx_t dlc_gemm_dim(dlc_gemm_text_t *t, int input, const dlc_shape_t *s, int d);
/* `%name = memref.reinterpret_cast %src` (contiguous, shape `src_shape`) into the fully dynamic strided
 * type of rank 1 or 3, with offset 0 and the given sizes and strides. */
void dlc_gemm_view(dlc_gemm_text_t *t, const char *name, const char *src, const dlc_shape_t *src_shape,
                   const char *elem, int rank, const dlc_gemm_idx_t *sizes, const dlc_gemm_idx_t *strides);
/* `%gemm_res` as an empty view of `src`, for a GEMM without a residual (the runtime ignores it). */
void dlc_gemm_empty_residual(dlc_gemm_text_t *t, const char *src, const dlc_shape_t *src_shape, const char *elem);
/* `%gemm_flags = ...` and `func.call @dlcrt_gemm_<e>(%gemm_a, %gemm_b, %gemm_c, %gemm_bias, %gemm_res,
 * %gemm_flags)`. */
void dlc_gemm_append_call(dlc_gemm_text_t *t, const char *e, int64_t flags);
/* Declares @dlcrt_gemm_<e> for the unit (llvm.emit_c_interface, dlc.library_call). */
void dlc_gemm_declare(dlc_gpu_unit_t *unit, const char *e);
/* "f32", "f16", "bf16", or NULL for element types without an entry point. */
const char *dlc_gemm_elem_name(MlirType elem);
/* The pass option allow_tf32 or the module's unit attribute `dlc.allow_tf32`. */
bool dlc_gemm_module_allows_tf32(MlirOperation op);
/* The other operand of `add` when it is a dlc.add of `result` and a tensor of the same type (a
 * residual, cuBLASLt's C with beta 1), else a null value. */
MlirValue dlc_gemm_residual_of(MlirOperation add, MlirValue result);

/* The residual add (or, with `loop_groups`, a loop fusion group that is exactly that add [+ relu]) and
 * the relu that follow `conv` as its only users, absorbed into `unit` (conv_epilogue.c); nothing under
 * --no-fusion. *residual: the other operand of the add, or a null value. */
void dlc_conv_absorb_epilogue(dlc_gpu_unit_t *unit, MlirOperation conv, bool loop_groups, MlirValue *residual, bool *relu);
/* The indices among the unit's inputs of the convolution's input x, weight w, bias and residual (-1 for a
 * null bias / residual); false when one is missing or the unit has not exactly one output. */
bool dlc_conv_input_indices(const dlc_gpu_unit_t *unit, MlirValue x, MlirValue w, MlirValue bias, MlirValue residual, int *ix,
                            int *iw, int *ib, int *ir);

/* dlc.conv2d (groups 1) as an im2col kernel, one batched GEMM and a bias kernel (emit_conv_gemm.c). */
dlcrt_status_t dlc_gpu_emit_conv_gemm(dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out, bool *handled);

#endif /* DLC_CONVERSION_DLCTOGPU_GEMM_CALL_H */
