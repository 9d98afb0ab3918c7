/* Internal interface of the DlcToGPU conversion (--dlc-lower-to-gpu, lower_to_gpu.c).
 *
 * The pass runs first in the cuda pipeline, on dlc ops still on tensors. It cuts each function into
 * kernel *units* and offers every unit to the emitters of a fixed table (gemm chain, gemm, row,
 * elementwise, transpose, in that order). An emitter that has a tuned kernel (or library call) for the unit appends
 * the MLIR text of ONE function
 *
 *     func.func private @<func_name>(<inputs' tensor types>) -> (<outputs' tensor types>) {
 *       %in0 = bufferization.to_buffer %arg0 read_only : tensor<...> to memref<...>   (each input)
 *       %out0 = memref.alloc(<dynamic sizes>) : memref<...>                          (each output)
 *       gpu.launch blocks(...) in (...) threads(...) in (...) [dynamic_shared_memory_size %bytes] {
 *           explicit gpu.block_id / gpu.thread_id, shared memory and barriers as below, gpu.shuffle,
 *           ... gpu.terminator }   (a launch may sit in host-side scf.if / scf.for)
 *         -- or a func.call of a library entry point (then declared through dlc_gpu_unit_declare)
 *       %r0 = bufferization.to_tensor %out0 restrict writable : memref<...> to tensor<...>
 *       return %r0, ... : tensor<...>, ...
 *     }
 *
 * and sets *handled. The driver parses the text, replaces the unit's ops by a func.call of it (identical
 * texts share one function) or, for a fusion group, replaces the group function's body by it (keeping
 * its name and `dlc.fusion`, adding the unit attribute `dlc.gpu_kernel`). A unit no emitter handles
 * falls through unchanged to dlc-lower-to-linalg and the generic tiled loops. This form goes through the
 * rest of the cuda pipeline as is (one-shot-bufferize folds the to_buffer/to_tensor pairs, dlc-plan-memory
 * places the allocs, dlc-gpu-tile-loops only touches scf.parallel, dlc-gpu-host-memory skips gpu.launch
 * bodies, gpu-kernel-outlining outlines the launch; verified to reach ptxas). Dynamic dims: sizes come
 * from memref.dim of the input buffers. A vector.load/store must carry `{alignment = N : i64}` (its size
 * in bytes, 16 for 4 x f32) to become ld.global.v4 (the memref descriptor says nothing about alignment;
 * without it LLVM splits the access into scalars); buffers are at least 64-byte aligned (managed
 * allocations, arena offsets) and function inputs have an identity layout (one-shot-bufferize copies a
 * strided view at the call), so an index that is a multiple of N / element size is aligned.
 * Inputs/gpu_kernel_sim.py (test/lit/Conversion/DlcToGPU) runs kernels of this form on a lockstep SIMT
 * model against numpy; tests can import it.
 *
 * Two rules of the form, because the kernel is built before bufferization (found by H2): the
 * buffer-deallocation pipeline rejects ops with unknown memory effects (gpu.barrier, nvvm.barrier0), so
 * a block barrier is DLC_GPU_BARRIER (inline asm "bar.sync 0" with a memory clobber: known effects, same
 * ordering); and it gives a launch's workgroup attributions an ownership argument the verifier rejects,
 * so shared memory is the launch's dynamic shared memory (`dynamic_shared_memory_size %bytes` (i32),
 * gpu.dynamic_shared_memory, memref.view to the typed buffer).
 *
 * An emitter must not touch the IR: it reads the unit and writes text. Emitters that leave *handled
 * false must leave out_func_text unchanged (the driver discards it anyway).
 *
 * Adding an emitter (H2: emit_row_kernel.c, H3: emit_gemm_call.c): implement the prototype below in
 * your own source file, add that file to dlc_compiler in lib/CMakeLists.txt, and add your line to
 * dlc_gpu_emitters[] in lower_to_gpu.c (the order there is conv kernel, gemm, row, elementwise, transpose). */
#ifndef DLC_CONVERSION_DLCTOGPU_GPU_EMIT_H
#define DLC_CONVERSION_DLCTOGPU_GPU_EMIT_H

#include <stdbool.h>

#include "dlc/dialect.h"
#include "dlc/mlir_util.h"
#include "dlc/status.h"
#include "dlc/strbuf.h"

#define DLC_GPU_BARRIER "llvm.inline_asm has_side_effects \"bar.sync 0;\", \"~{memory}\" : () -> ()"
#define DLC_GPU_MAX_UNIT_OPS 256
#define DLC_GPU_MAX_UNIT_VALUES 64

/* What the pass was compiled for. */
typedef struct dlc_gpu_options_t {
  char arch[16];   /* "sm_90" (default), "sm_80", "sm_86", "sm_89", "sm_90a" */
  bool allow_tf32; /* f32 GEMMs may use TF32 tensor cores (default false: exact f32) */
  bool no_fusion;  /* --no-fusion: a GEMM or convolution absorbs no epilogue op (bias add, residual add,
                    * activation that follow it): one launch per op, the baseline fusion is measured against */
} dlc_gpu_options_t;

/* One kernel unit: one dlc op (grown by dlc_gpu_unit_absorb) or the body of one fusion group. */
typedef struct dlc_gpu_unit_t {
  MlirOperation group;                         /* the fusion func.func, or null for a single-op unit */
  MlirOperation ops[DLC_GPU_MAX_UNIT_OPS];     /* dlc ops in program order (a group: its body ops) */
  int num_ops;
  MlirValue inputs[DLC_GPU_MAX_UNIT_VALUES];   /* defined outside the unit, in order of first use;
                                                  a group: its block arguments, in order */
  int num_inputs;
  MlirValue outputs[DLC_GPU_MAX_UNIT_VALUES];  /* results used outside the unit (or unused), program
                                                  order; a group: its func.return operands, in order */
  int num_outputs;
  const dlc_gpu_options_t *options;
  dlc_strbuf_t *decls; /* extra top-level declarations: append only through dlc_gpu_unit_declare */
  void *driver;        /* the pass's state (declared names); opaque to emitters */
} dlc_gpu_unit_t;

/* Appends the text of ONE func.func private @func_name(...) for `unit` to out_func_text and sets
 * *handled, or leaves *handled false (not an error: the unit falls through). A status is a real error
 * (the pass fails, naming the op). */
typedef dlcrt_status_t (*dlc_gpu_emitter_fn)(dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out_func_text,
                                             bool *handled);

/* The emitters, tried in this order. */
dlcrt_status_t dlc_gpu_emit_gemm_chain_kernel(dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out, bool *handled);
/* A conv_chain group (conv A -> elementwise -> conv B -> elementwise) as one kernel (emit_conv_chain_kernel.c). */
dlcrt_status_t dlc_gpu_emit_conv_chain_kernel(dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out, bool *handled);
/* dlc.conv2d as one implicit-GEMM kernel when small (emit_conv_kernel.c), before the cuBLASLt path. */
dlcrt_status_t dlc_gpu_emit_conv_kernel(dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out, bool *handled);
dlcrt_status_t dlc_gpu_emit_gemm_call(dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out, bool *handled);
dlcrt_status_t dlc_gpu_emit_attention_kernel(dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out,
                                             bool *handled);
dlcrt_status_t dlc_gpu_emit_row_kernel(dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out, bool *handled);
dlcrt_status_t dlc_gpu_emit_elementwise_kernel(dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out,
                                               bool *handled);
dlcrt_status_t dlc_gpu_emit_transpose_kernel(dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out,
                                             bool *handled);

/* Grows a single-op unit with `op`, which must come later in the same block (typically a consumer of
 * the unit's results, e.g. a bias add then an activation after a matmul); recomputes inputs and outputs.
 * Fails for a fusion-group unit or when the unit is full. If the emitter then leaves *handled false,
 * the driver forgets the grown unit (the absorbed ops are offered again on their own). */
dlcrt_status_t dlc_gpu_unit_absorb(dlc_gpu_unit_t *unit, MlirOperation op);
/* Index of the unit op defining `v`, or -1 when `v` is defined outside the unit. */
int dlc_gpu_unit_op_index(const dlc_gpu_unit_t *unit, MlirValue v);
/* Index of the unit input that is `v`, or -1. */
int dlc_gpu_unit_input_index(const dlc_gpu_unit_t *unit, MlirValue v);
/* A one-result dlc op computed element by element from scalars (unary, binary, compare, where, cast):
 * what the kernels' scalar formulas (scalar_op.h) cover. */
bool dlc_gpu_is_elementwise_op(MlirOperation op);
/* True when every use of `v` is an op of the unit. */
bool dlc_gpu_unit_only_internal_uses(const dlc_gpu_unit_t *unit, MlirValue v);

/* Driver side: makes `unit` the single-op unit of `op` (inputs/outputs computed). */
dlcrt_status_t dlc_gpu_unit_init_single(dlc_gpu_unit_t *unit, MlirOperation op);

/* Declares a symbol the unit's function calls: `text` is one or more top-level ops, e.g.
 * `func.func private @dlcrt_gemm(...) attributes {llvm.emit_c_interface, dlc.library_call}`. Call it for
 * every symbol, every time (it dedupes within the unit): the driver parses the unit's declarations
 * together with (before) its function, so the function verifies, and moves into the module only those
 * the module does not have yet. Copies of such declarations inside the function text are tolerated (and
 * dropped the same way), but not needed. */
void dlc_gpu_unit_declare(dlc_gpu_unit_t *unit, const char *symbol, const char *text);

/* The group's `dlc.fusion` schedule: an integer entry ("threads", "ilp"; `dflt` when absent or for a
 * single-op unit) and whether its kind is `kind` ("loop", "input", ...). */
int64_t dlc_gpu_fusion_int(const dlc_gpu_unit_t *unit, const char *name, int64_t dflt);
bool dlc_gpu_fusion_kind_is(const dlc_gpu_unit_t *unit, const char *kind);

/* Text helpers shared by the emitters. */
/* "tensor<4x?xf32>" / "memref<4x?xf32>" of a ranked tensor type. */
void dlc_gpu_append_tensor_type(dlc_strbuf_t *sb, const dlc_shape_t *s);
void dlc_gpu_append_memref_type(dlc_strbuf_t *sb, const dlc_shape_t *s);
/* The unit's input i / output i shape (false when not a ranked tensor). */
bool dlc_gpu_input_shape(const dlc_gpu_unit_t *unit, int i, dlc_shape_t *out);
bool dlc_gpu_output_shape(const dlc_gpu_unit_t *unit, int i, dlc_shape_t *out);
/* Opens the function: `func.func private @name(%arg0: T0, ...) -> (R0, ...) {` and, for every input,
 * `%in<i> = bufferization.to_buffer %arg<i> read_only : T to memref<...>`. False when an input or
 * output is not a ranked tensor (the emitter should then not handle the unit). */
bool dlc_gpu_append_prologue(const dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out);
/* Closes it: `%r<i> = bufferization.to_tensor %out<i> restrict writable ...` for every output, the
 * return and the closing brace. The output buffers must be named %out0, %out1, ... */
void dlc_gpu_append_epilogue(const dlc_gpu_unit_t *unit, dlc_strbuf_t *out);
/* Closes the function built in `text` (dlc_gpu_append_epilogue) and, when nothing failed while building
 * it, appends it to `out` and sets *handled; returns the build's status (out of memory). */
dlcrt_status_t dlc_gpu_finish_function(const dlc_gpu_unit_t *unit, dlc_strbuf_t *text, dlc_strbuf_t *out, bool *handled);

#endif /* DLC_CONVERSION_DLCTOGPU_GPU_EMIT_H */
