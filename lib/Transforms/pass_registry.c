/* The DLC pass table and its external-pass wrapper (see include/dlc/passes.h). */
#include <string.h>

#include "dlc/mlir_util.h"
#include "dlc/passes.h"

static const dlc_pass_def_t dlc_passes[] = {
    {"dlc-verify", "builtin.module", "check shapes, dtypes and attributes of every dlc op", dlc_run_verify},
    {"dlc-dce", "builtin.module", "remove dlc ops whose results are unused (upstream DCE keeps IRDL ops)", dlc_run_dce},
    {"dlc-lower-to-linalg", "builtin.module", "lower every dlc op to linalg, tensor, arith and math (DlcToLinalg)",
     dlc_run_lower_to_linalg},
    {"dlc-lower-to-gpu", "builtin.module",
     "replace dlc ops and fusion groups that have a tuned GPU kernel or library call with calls of generated kernels (DlcToGPU)",
     dlc_run_lower_to_gpu},
    {"dlc-plan-memory", "builtin.module",
     "place each function's static intermediate buffers in one arena, offsets from liveness (bufferized IR)",
     dlc_run_plan_memory},
    {"dlc-gpu-tile-loops", "builtin.module",
     "tile each function's parallel loops into thread blocks (innermost dim x 256 threads) for GPU mapping",
     dlc_run_gpu_tile_loops},
    {"dlc-gpu-host-memory", "builtin.module",
     "host code without data movement: managed buffers, gpu.memcpy / copy kernels for memref.copy, constants uploaded once by the runtime",
     dlc_run_gpu_host_memory},
    {"dlc-gpu-merge-modules", "builtin.module", "gather all outlined kernels into one gpu.module (@dlc_kernels)",
     dlc_run_gpu_merge_modules},
    {"dlc-fuse-conv-chain", "builtin.module",
     "conv -> elementwise -> conv (+ residual, relu) into one conv_chain group when its tiles fit in shared memory and it pays",
     dlc_run_fuse_conv_chain},
    {"dlc-fuse-gemm-chain", "builtin.module",
     "GEMM + bias (+ relu/gelu-tanh) epilogues into gemm_chain groups; GEMM chains costed and explained (--dlc-explain)",
     dlc_run_fuse_gemm_chain},
    {"dlc-fuse-stitch", "builtin.module",
     "reductions over trailing axes with the elementwise ops on their rows into one stitch group (softmax, layer/RMS norm)",
     dlc_run_fuse_stitch},
    {"dlc-fuse-elementwise", "builtin.module", "elementwise producer-consumer chains (with broadcasts) into loop groups",
     dlc_run_fuse_elementwise},
    {"dlc-assign-parallelism", "builtin.module", "threads, ilp and tile of each fusion group from the cost model",
     dlc_run_assign_parallelism},
};

const dlc_pass_def_t *dlc_pass_table(size_t *count) {
  *count = sizeof(dlc_passes) / sizeof(dlc_passes[0]);
  return dlc_passes;
}

const dlc_pass_def_t *dlc_pass_lookup(const char *flag) {
  size_t n;
  const dlc_pass_def_t *passes = dlc_pass_table(&n);
  for (size_t i = 0; i < n; ++i)
    if (strcmp(passes[i].flag, flag) == 0) return &passes[i];
  return NULL;
}

/* The external pass's user data is the (immutable, static) definition itself, so cloning is free. */
static void dlc_pass_construct(void *user_data) { (void)user_data; }
static void dlc_pass_destruct(void *user_data) { (void)user_data; }
static void *dlc_pass_clone(void *user_data) { return user_data; }
static void dlc_pass_run(MlirOperation op, MlirExternalPass pass, void *user_data) {
  const dlc_pass_def_t *def = user_data;
  if (!def->run(op)) mlirExternalPassSignalFailure(pass);
}

MlirPass dlc_pass_create(const dlc_pass_def_t *def) {
  MlirExternalPassCallbacks callbacks = {dlc_pass_construct, dlc_pass_destruct, NULL, dlc_pass_clone, dlc_pass_run};
  /* The definition's address is unique and aligned: it doubles as the pass's TypeID. */
  return mlirCreateExternalPass(mlirTypeIDCreate(def), dlc_sref(def->flag), dlc_sref(def->flag),
                                dlc_sref(def->summary), dlc_sref(def->anchor), 0, NULL, callbacks, (void *)def);
}
