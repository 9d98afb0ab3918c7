/* The table of DLC passes and named pipelines. Every DLC pass is an MLIR external pass
 * (mlirCreateExternalPass) built from a dlc_pass_def_t; dlc-opt and dlc-run both build their pass
 * managers from this one table, so the tools cannot drift apart. */
#ifndef DLC_PASSES_H
#define DLC_PASSES_H

#include <stdbool.h>
#include <stddef.h>

#include "dlc/status.h"
#include "dlc/strbuf.h"
#include "mlir-c/IR.h"
#include "mlir-c/Pass.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dlc_pass_def_t {
  const char *flag;    /* "dlc-dce": the command-line name, without dashes */
  const char *anchor;  /* op the pass runs on: "builtin.module" or "func.func" */
  const char *summary; /* one line for --help */
  /* Runs the pass; returns false (after emitting diagnostics) to fail the pipeline. */
  bool (*run)(MlirOperation op);
} dlc_pass_def_t;

/* All DLC passes, and lookup by flag (NULL if unknown). */
const dlc_pass_def_t *dlc_pass_table(size_t *count);
const dlc_pass_def_t *dlc_pass_lookup(const char *flag);
/* Wraps a definition as an external pass (ownership goes to the pass manager it is added to). */
MlirPass dlc_pass_create(const dlc_pass_def_t *def);

typedef struct dlc_pipeline_def_t {
  const char *name;    /* "cpu" */
  const char *summary;
} dlc_pipeline_def_t;
const dlc_pipeline_def_t *dlc_pipeline_table(size_t *count);

/* Options that shape how passes are added. */
typedef struct dlc_pipeline_options_t {
  bool verify_each;     /* run the dlc verifier after every added step (dlc-opt does) */
  const char *gpu_arch; /* cuda pipeline: sm_80, sm_89, sm_90 (default), sm_90a */
  bool no_fusion;       /* named pipelines without the fusion passes (--no-fusion) */
  bool cubin;           /* cuda pipeline: kernels as a cubin made by the toolkit's ptxas when it is there (the
                         * driver then loads machine code); else, and by default, PTX that the driver JITs */
  bool allow_tf32;      /* cuda pipeline: f32 GEMMs may use TF32 tensor cores (dlc-lower-to-gpu) */
} dlc_pipeline_options_t;

/* Adds one step to `pm`: a DLC pass flag, or any upstream pass/pipeline text ("canonicalize",
 * "func.func(cse)"); upstream passes anchored on func.func are nested automatically. */
dlcrt_status_t dlc_pipeline_add_step(MlirContext ctx, MlirPassManager pm, const char *step, const dlc_pipeline_options_t *options);
/* Adds a named pipeline ("cpu", "cuda"). */
dlcrt_status_t dlc_pipeline_add_named(MlirContext ctx, MlirPassManager pm, const char *name, const dlc_pipeline_options_t *options);
/* The same, stopping after the step `last` (as spelled in the pipeline, e.g. "gpu-kernel-outlining"). */
dlcrt_status_t dlc_pipeline_add_named_until(MlirContext ctx, MlirPassManager pm, const char *name, const dlc_pipeline_options_t *options,
                                            const char *last);
/* The fusion passes the named pipelines start with (NULL-terminated). */
const char *const *dlc_fusion_pipeline_steps(void);
/* --dlc-stats: one line per public function of `module` (left unchanged: clones are lowered),
 *   dlc-stats: func=NAME ops=N kernels_unfused=N kernels=N library_calls=N est_bytes=N est_us=X
 * kernels_unfused / kernels: gpu.launch_func ops after the cuda pipeline up to kernel outlining without
 * and with fusion; library_calls: calls of functions carrying dlc.library_call there; est_*: the cost
 * model over the fusion groups and the ops left alone. */
dlcrt_status_t dlc_fusion_stats(MlirOperation module, const dlc_pipeline_options_t *options, dlc_strbuf_t *out);
/* Adds a textual pipeline as given to --pass-pipeline= ("builtin.module(a,b)" or "a,b"). */
dlcrt_status_t dlc_pipeline_add_text(MlirContext ctx, MlirPassManager pm, const char *text, const dlc_pipeline_options_t *options);

/* Pass entry points, one per file. */
bool dlc_run_verify(MlirOperation op);
bool dlc_run_dce(MlirOperation op);
bool dlc_run_lower_to_linalg(MlirOperation op);
bool dlc_run_lower_to_gpu(MlirOperation op); /* with default options: sm_90, no TF32 */
/* dlc-lower-to-gpu with the pipeline's options (`def` is its table entry). */
MlirPass dlc_lower_to_gpu_pass_create(const dlc_pass_def_t *def, const char *gpu_arch, bool allow_tf32, bool no_fusion);
bool dlc_run_gpu_tile_loops(MlirOperation op);
bool dlc_run_plan_memory(MlirOperation op);
bool dlc_run_gpu_host_memory(MlirOperation op);
bool dlc_run_gpu_merge_modules(MlirOperation op);
bool dlc_run_fuse_elementwise(MlirOperation op);
bool dlc_run_fuse_stitch(MlirOperation op);
bool dlc_run_fuse_gemm_chain(MlirOperation op);
bool dlc_run_fuse_conv_chain(MlirOperation op);
bool dlc_run_assign_parallelism(MlirOperation op);

/* Appends the PTX of every gpu.binary in `module` (after the cuda pipeline) to `out`. */
dlcrt_status_t dlc_collect_ptx(MlirOperation module, dlc_strbuf_t *out);

#ifdef __cplusplus
}
#endif
#endif /* DLC_PASSES_H */
