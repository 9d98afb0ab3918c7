/* Building pass managers from DLC pass flags, upstream pass names, textual pipelines and the named
 * pipelines (see include/dlc/passes.h). Upstream passes that are anchored on func.func are nested
 * under func.func automatically, the way mlir-opt users expect. */
#define _POSIX_C_SOURCE 200809L /* access() */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dlc/mlir_util.h"
#include "dlc/passes.h"
#include "dlc/strbuf.h"
#include "mlir-c/Diagnostics.h"

/* The CPU pipeline after DlcToLinalg: inline the per-op helper functions, clean up, bufferize with
 * caller-owned results (the deallocation pipeline clones anything the function does not own), then
 * loops and LLVM. Verified on MLIR 22 (see DESIGN.md). */
static const char *const dlc_cpu_pipeline[] = {
    "dlc-lower-to-linalg",
    "inline",
    "symbol-dce",
    "canonicalize",
    "cse",
    "func.func(linalg-fuse-elementwise-ops)",
    "canonicalize",
    "one-shot-bufferize{bufferize-function-boundaries function-boundary-type-conversion=identity-layout-map}",
    "buffer-deallocation-pipeline",
    "convert-bufferization-to-memref",
    "dlc-plan-memory",
    "func.func(convert-linalg-to-loops)",
    "convert-math-to-llvm",
    "convert-math-to-libm",
    "expand-strided-metadata",
    "lower-affine",
    "convert-scf-to-cf",
    "finalize-memref-to-llvm",
    "convert-arith-to-llvm",
    "convert-cf-to-llvm",
    "convert-func-to-llvm",
    "convert-index-to-llvm",
    "reconcile-unrealized-casts",
    NULL,
};

/* The CUDA pipeline (after the fusion steps): dlc-lower-to-gpu gives ops and fusion groups their
 * scheduled kernels (gpu.launch) or cuBLASLt calls; every other op takes the generic path: the linalg
 * form, one function per op until its parallel loops are tiled into thread blocks and mapped to
 * blocks/threads (dlc-gpu-tile-loops), then gpu.launch. Then outlining into one gpu.module, NVVM, and
 * the binary: PTX ("isa", which the driver JITs; what --emit=ptx prints) or, with options->cubin and the
 * toolkit's ptxas present, a cubin ("bin"). Host buffers in managed memory, data movement on the device
 * (dlc-gpu-host-memory). %s is the chip. */
static const char *const dlc_cuda_pipeline[] = {
    "dlc-lower-to-gpu", /* tuned kernels and library calls first; the rest falls through */
    "dlc-lower-to-linalg",
    "canonicalize",
    "cse",
    "func.func(linalg-fuse-elementwise-ops)",
    "canonicalize",
    "one-shot-bufferize{bufferize-function-boundaries function-boundary-type-conversion=identity-layout-map}",
    "buffer-deallocation-pipeline",
    "convert-bufferization-to-memref",
    "func.func(convert-linalg-to-parallel-loops)",
    "dlc-gpu-tile-loops",
    "func.func(convert-parallel-loops-to-gpu)",
    "inline",
    "symbol-dce",
    "dlc-plan-memory",
    "dlc-gpu-host-memory",
    "gpu-launch-sink-index-computations", /* constants and index math into the kernels: not kernel params */
    "gpu-kernel-outlining",
    "dlc-gpu-merge-modules",
    "lower-affine",
    "convert-scf-to-cf",
    "canonicalize",
    "nvvm-attach-target{chip=%s O=3}",
    "gpu.module(convert-gpu-to-nvvm)",
    "gpu.module(canonicalize)",
    "gpu.module(reconcile-unrealized-casts)",
    "expand-strided-metadata",
    "lower-affine", /* again: expand-strided-metadata emits affine.apply */
    "convert-math-to-llvm",
    "convert-math-to-libm",
    "finalize-memref-to-llvm",
    "convert-arith-to-llvm",
    "convert-index-to-llvm",
    "convert-cf-to-llvm",
    "gpu-to-llvm",
    "convert-func-to-llvm",
    "reconcile-unrealized-casts",
    "gpu-module-to-binary{format=isa}", /* + toolkit=DIR: see dlc_libdevice_toolkit() */
    NULL,
};

/* The fusion passes, first in both named pipelines (unless options->no_fusion): GEMM epilogues, then
 * groups around reductions, then elementwise chains, then threads/ilp per group (docs/fusion.md). In
 * the cuda pipeline they come before dlc-lower-to-gpu, which turns each group into one kernel. */
static const char *const dlc_fusion_steps[] = {
    "dlc-fuse-conv-chain", /* conv -> conv chains first: their epilogue ops would join loop/stitch groups */
    "dlc-fuse-gemm-chain",
    "dlc-fuse-stitch",
    "dlc-fuse-elementwise",
    "dlc-assign-parallelism",
    NULL,
};

const char *const *dlc_fusion_pipeline_steps(void) { return dlc_fusion_steps; }

static const dlc_pipeline_def_t dlc_pipelines[] = {
    {"cpu", "dlc -> linalg -> bufferized loops -> LLVM dialect, ready for the JIT"},
    {"cuda", "dlc -> linalg -> parallel loops tiled into thread blocks -> one gpu.module -> NVVM -> PTX"},
};

/* The CUDA toolkit whose libdevice (nvvm/libdevice/libdevice.10.bc) gpu-module-to-binary links into the
 * kernels: math functions (expf, erff, sqrtf, ...) become calls to __nv_* functions that only libdevice
 * defines. Upstream looks for it only through CUDA_HOME/CUDA_ROOT/CUDA_PATH or the toolkit MLIR was
 * built against (none on Debian), so DLC names the toolkit explicitly: the first of those variables
 * that holds libdevice, else /usr/local/cuda. NULL when none has it (then kernels that need libdevice
 * are rejected by ptxas or the driver, naming the missing __nv_ function). */
static const char *dlc_libdevice_toolkit(void) {
  const char *candidates[] = {getenv("CUDA_HOME"), getenv("CUDA_ROOT"), getenv("CUDA_PATH"), "/usr/local/cuda"};
  for (size_t i = 0; i < sizeof(candidates) / sizeof(candidates[0]); ++i) {
    if (!candidates[i] || !candidates[i][0]) continue;
    char path[4096];
    snprintf(path, sizeof(path), "%s/nvvm/libdevice/libdevice.10.bc", candidates[i]);
    if (access(path, R_OK) == 0) return candidates[i];
  }
  return NULL;
}

/* Whether `toolkit` has the ptxas that gpu-module-to-binary{format=bin} runs to make a cubin. */
static bool dlc_toolkit_has_ptxas(const char *toolkit) {
  char path[4096];
  snprintf(path, sizeof(path), "%s/bin/ptxas", toolkit);
  return access(path, X_OK) == 0;
}

const dlc_pipeline_def_t *dlc_pipeline_table(size_t *count) {
  *count = sizeof(dlc_pipelines) / sizeof(dlc_pipelines[0]);
  return dlc_pipelines;
}

static MlirLogicalResult dlc_swallow_diagnostic(MlirDiagnostic diag, void *user_data) {
  (void)diag;
  (void)user_data;
  return mlirLogicalResultSuccess();
}

/* True when `step` runs on builtin.module. MLIR accepts a func.func-anchored pass in a module-level
 * pipeline and only fails when it runs, so the probe runs the step on an empty module (with its
 * diagnostics swallowed): any upstream pass works, with no list of anchors to maintain. */
static bool dlc_is_module_level(MlirContext ctx, const char *step) {
  MlirPassManager probe = mlirPassManagerCreate(ctx);
  dlc_strbuf_t ignored;
  dlc_strbuf_init(&ignored);
  MlirLogicalResult r =
      mlirOpPassManagerAddPipeline(mlirPassManagerGetAsOpPassManager(probe), dlc_sref(step), dlc_strbuf_callback, &ignored);
  dlc_strbuf_free(&ignored);
  if (mlirLogicalResultIsSuccess(r)) {
    MlirModule empty = mlirModuleCreateEmpty(mlirLocationUnknownGet(ctx));
    MlirDiagnosticHandlerID quiet = mlirContextAttachDiagnosticHandler(ctx, dlc_swallow_diagnostic, NULL, NULL);
    r = mlirPassManagerRunOnOp(probe, mlirModuleGetOperation(empty));
    mlirContextDetachDiagnosticHandler(ctx, quiet);
    mlirModuleDestroy(empty);
  }
  mlirPassManagerDestroy(probe);
  return mlirLogicalResultIsSuccess(r);
}

static dlcrt_status_t dlc_add_text(MlirOpPassManager opm, const char *text) {
  dlc_strbuf_t err;
  dlc_strbuf_init(&err);
  MlirLogicalResult r = mlirOpPassManagerAddPipeline(opm, dlc_sref(text), dlc_strbuf_callback, &err);
  dlcrt_status_t st = NULL;
  if (mlirLogicalResultIsFailure(r))
    st = dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "unknown or malformed pass '%s'%s%s", text,
                           err.len ? ": " : "", dlc_strbuf_cstr(&err));
  dlc_strbuf_free(&err);
  return st;
}

static void dlc_add_verify(MlirPassManager pm, const dlc_pipeline_options_t *options) {
  if (options && options->verify_each)
    mlirPassManagerAddOwnedPass(pm, dlc_pass_create(dlc_pass_lookup("dlc-verify")));
}

dlcrt_status_t dlc_pipeline_add_step(MlirContext ctx, MlirPassManager pm, const char *step, const dlc_pipeline_options_t *options) {
  const dlc_pass_def_t *def = dlc_pass_lookup(step);
  if (def) {
    bool gpu = def->run == dlc_run_lower_to_gpu; /* the one DLC pass that takes options */
    mlirPassManagerAddOwnedPass(pm, gpu ? dlc_lower_to_gpu_pass_create(def, options ? options->gpu_arch : NULL,
                                                                       options && options->allow_tf32,
                                                                       options && options->no_fusion)
                                        : dlc_pass_create(def));
    dlc_add_verify(pm, options);
    return NULL;
  }
  dlcrt_status_t st;
  if (dlc_is_module_level(ctx, step)) {
    st = dlc_add_text(mlirPassManagerGetAsOpPassManager(pm), step);
  } else {
    st = dlc_add_text(mlirPassManagerGetNestedUnder(pm, dlc_sref("func.func")), step);
  }
  if (!st) dlc_add_verify(pm, options);
  return st;
}

dlcrt_status_t dlc_pipeline_add_named(MlirContext ctx, MlirPassManager pm, const char *name, const dlc_pipeline_options_t *options) {
  return dlc_pipeline_add_named_until(ctx, pm, name, options, NULL);
}

dlcrt_status_t dlc_pipeline_add_named_until(MlirContext ctx, MlirPassManager pm, const char *name, const dlc_pipeline_options_t *options,
                                            const char *last) {
  const char *const *steps = NULL;
  const char *arch = options && options->gpu_arch ? options->gpu_arch : "sm_90";
  if (strcmp(name, "cpu") == 0) {
    steps = dlc_cpu_pipeline;
  } else if (strcmp(name, "cuda") == 0) {
    static const char *const known[] = {"sm_80", "sm_86", "sm_89", "sm_90", "sm_90a", NULL};
    bool ok = false;
    for (int i = 0; known[i]; ++i) ok = ok || strcmp(arch, known[i]) == 0;
    if (!ok)
      return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "--gpu-arch=%s: expected sm_80, sm_86, sm_89, sm_90 or sm_90a", arch);
    steps = dlc_cuda_pipeline;
  } else {
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "unknown pipeline '%s' (known: cpu, cuda)", name);
  }
  if (!(options && options->no_fusion))
    for (int i = 0; dlc_fusion_steps[i]; ++i) DLCRT_RETURN_IF_ERROR(dlc_pipeline_add_step(ctx, pm, dlc_fusion_steps[i], options));
  for (int i = 0; steps[i]; ++i) {
    char step[4352];
    snprintf(step, sizeof(step), steps[i], arch);
    const char *toolkit = dlc_libdevice_toolkit();
    if (toolkit && strcmp(steps[i], "gpu-module-to-binary{format=isa}") == 0)
      snprintf(step, sizeof(step), "gpu-module-to-binary{format=%s toolkit=%s}",
               options && options->cubin && dlc_toolkit_has_ptxas(toolkit) ? "bin" : "isa", toolkit);
    DLCRT_RETURN_IF_ERROR(dlc_pipeline_add_step(ctx, pm, step, options));
    if (last && strcmp(steps[i], last) == 0) return NULL;
  }
  if (last) return dlcrt_make_status(DLCRT_STATUS_INTERNAL, "pipeline '%s' has no step '%s'", name, last);
  return NULL;
}

dlcrt_status_t dlc_pipeline_add_text(MlirContext ctx, MlirPassManager pm, const char *text, const dlc_pipeline_options_t *options) {
  (void)ctx;
  /* Accept both "builtin.module(a,b)" and a bare "a,b". */
  const char *prefix = "builtin.module(";
  size_t plen = strlen(prefix), len = strlen(text);
  dlc_strbuf_t inner;
  dlc_strbuf_init(&inner);
  if (strncmp(text, prefix, plen) == 0 && len > plen && text[len - 1] == ')')
    dlc_strbuf_append_n(&inner, text + plen, len - plen - 1);
  else
    dlc_strbuf_append(&inner, text);
  dlcrt_status_t st = dlc_strbuf_status(&inner);
  if (!st) st = dlc_add_text(mlirPassManagerGetAsOpPassManager(pm), dlc_strbuf_cstr(&inner));
  dlc_strbuf_free(&inner);
  if (!st) dlc_add_verify(pm, options);
  return st;
}
