/* Compiling a dlc function for the host CPU and running it: the cpu pipeline, MLIR's ExecutionEngine,
 * and the memref calling convention, behind an API of host tensors. The embeddable way to run DLC. */
#ifndef DLC_JIT_H
#define DLC_JIT_H

#include <stdio.h>

#include "dlc/cuda.h"
#include "dlc/tensor.h"
#include "mlir-c/IR.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dlc_program_t dlc_program_t;

/* One argument or result of the compiled function: dtype, rank and dims (-1 where dynamic). */
typedef struct dlc_value_info_t {
  dlcrt_dtype_t dtype;
  int32_t rank;
  int64_t dims[DLCRT_MAX_RANK];
} dlc_value_info_t;

typedef struct dlc_compile_options_t {
  const char *function; /* NULL: "main" if present, else the only public function */
  int opt_level;        /* LLVM optimization level, 0-3 */
  bool cuda;            /* compile with the cuda pipeline and run the kernels on the GPU */
  const char *gpu_arch; /* with cuda: sm_80 ... sm_90a (NULL: sm_90) */
  bool no_fusion;       /* compile without the fusion passes (dlc_pipeline_options_t.no_fusion) */
  /* With cuda (see include/dlc/cuda.h, call sessions): every call runs on one stream with cached
   * buffers; by default the forward pass is captured into a CUDA graph and replayed. */
  bool no_graph; /* run every call directly on the stream, never capture */
  bool profile;  /* time every kernel launch (implies no_graph): dlc_program_print_profile */
  bool verbose;  /* one line on stderr when graph capture fails and calls fall back to direct execution */
  bool allow_tf32;      /* with cuda: f32 GEMMs (cuBLASLt) may round their inputs to TF32 */
} dlc_compile_options_t;

/* Compiles `function` of `module` (consumed: lowered in place) for the CPU. */
dlcrt_status_t dlc_program_compile(MlirModule module, const dlc_compile_options_t *options, dlc_program_t **out);
void dlc_program_destroy(dlc_program_t *program);

const char *dlc_program_function(const dlc_program_t *program);
int32_t dlc_program_num_inputs(const dlc_program_t *program);
int32_t dlc_program_num_outputs(const dlc_program_t *program);
const dlc_value_info_t *dlc_program_input(const dlc_program_t *program, int32_t i);
const dlc_value_info_t *dlc_program_output(const dlc_program_t *program, int32_t i);

/* Checks count, dtypes and static dims of `inputs` against the signature; messages name the argument. */
dlcrt_status_t dlc_program_check_inputs(const dlc_program_t *program, const dlcrt_tensor_t *inputs, int32_t count);
/* Runs the function. `outputs` (num_outputs entries) receive new tensors owned by the caller. */
dlcrt_status_t dlc_program_run(dlc_program_t *program, const dlcrt_tensor_t *inputs, int32_t num_inputs,
                               dlcrt_tensor_t *outputs);

/* With cuda: the device time of the last dlc_program_run, between CUDA events recorded on the call's
 * stream at its start and end (staging and copying results out excluded). UNIMPLEMENTED on the CPU. */
dlcrt_status_t dlc_program_last_device_ms(const dlc_program_t *program, double *out_ms);
/* With cuda and options.profile: the per-kernel table (time, launches, bytes, GB/s, % of peak). */
dlcrt_status_t dlc_program_print_profile(const dlc_program_t *program, FILE *out);
/* With cuda: the call session's counters (calls, captures, replays, allocations); zeros on the CPU. */
void dlc_program_cuda_stats(const dlc_program_t *program, dlcrt_cuda_session_stats_t *out);

/* "2x?xf32" */
void dlc_value_info_format(const dlc_value_info_t *info, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif /* DLC_JIT_H */
