/* Fusion statistics. dlc_fusion_count: the group-level view of one function after the fusion passes
 * (groups by kind, the kernels and library calls they imply, the cost model's estimate). dlc_fusion_stats
 * (--dlc-stats): what the cuda pipeline really produces, counted on clones of the module lowered up to
 * kernel outlining without and with fusion, one line per public function:
 *   dlc-stats: func=NAME ops=N kernels_unfused=N kernels=N library_calls=N est_bytes=N est_us=X */
#include <stdlib.h>
#include <string.h>

#include "dlc/mlir_util.h"
#include "dlc/passes.h"
#include "fusion.h"
#include "mlir-c/BuiltinAttributes.h"

static MlirOperation dlc_lookup_func(MlirOperation module, MlirStringRef name) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  for (MlirOperation op = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    MlirAttribute sym = mlirOperationGetAttributeByName(op, dlc_sref("sym_name"));
    if (!mlirAttributeIsNull(sym) && mlirAttributeIsAString(sym) && mlirStringRefEqual(mlirStringAttrGetValue(sym), name)) return op;
  }
  return (MlirOperation){NULL};
}

static void dlc_cost_add(dlc_cost_t *to, dlc_cost_t c) {
  to->bytes += c.bytes;
  to->flops += c.flops;
  to->us += c.us;
  to->kernels += c.kernels;
}

dlc_fusion_counts_t dlc_fusion_count(MlirOperation module, MlirOperation func) {
  dlc_fusion_counts_t c;
  memset(&c, 0, sizeof(c));
  MlirBlock block = mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0));
  if (mlirBlockIsNull(block)) return c;
  for (MlirOperation op = mlirBlockGetFirstOperation(block); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    char name[64];
    if (strcmp(dlc_op_name(op, name, sizeof(name)), "func.call") == 0) {
      MlirAttribute callee = mlirOperationGetAttributeByName(op, dlc_sref("callee"));
      MlirOperation fn = dlc_lookup_func(module, mlirFlatSymbolRefAttrGetValue(callee));
      if (mlirOperationIsNull(fn)) continue;
      if (!mlirAttributeIsNull(mlirOperationGetAttributeByName(fn, dlc_sref("dlc.library_call")))) {
        ++c.library_calls;
        continue;
      }
      if (!dlc_is_fusion_func(fn)) continue;
      MlirAttribute kind = mlirDictionaryAttrGetElementByName(mlirOperationGetAttributeByName(fn, dlc_sref(DLC_FUSION_ATTR)), dlc_sref("kind"));
      MlirStringRef k = mlirStringAttrGetValue(kind);
      MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(fn, 0));
      MlirOperation members[512];
      int n = 0;
      for (MlirOperation m = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(m); m = mlirOperationGetNextInBlock(m)) {
        if (!dlc_op_info(m) || dlc_op_is(m, DLC_CONSTANT)) continue;
        ++c.ops;
        if (n < 512) members[n++] = m;
      }
      dlc_cost_add(&c.est, dlc_fusion_cost(members, n));
      int gemms = 0;
      for (int m = 0; m < n; ++m) gemms += dlc_op_is(members[m], DLC_MATMUL);
      if (dlc_sref_eq(k, "gemm_chain")) { /* one GEMM: a library call with its epilogue; more: one kernel */
        ++c.groups_gemm;
        if (gemms > 1) ++c.kernels;
        else ++c.library_calls;
      } else {
        if (dlc_sref_eq(k, "loop")) ++c.groups_loop;
        else if (dlc_sref_eq(k, "stitch")) ++c.groups_stitch;
        else ++c.groups_other;
        ++c.kernels;
      }
      continue;
    }
    if (!dlc_op_info(op) || dlc_op_is(op, DLC_CONSTANT)) continue;
    ++c.ops;
    if (dlc_fusion_is_free(op)) continue;
    dlc_cost_add(&c.est, dlc_fusion_cost(&op, 1));
    if (dlc_op_is(op, DLC_MATMUL)) ++c.library_calls;
    else ++c.kernels;
  }
  return c;
}

/* Per public function: gpu.launch_func ops in it and in the host functions it calls (e.g. the strided-copy
 * kernels of dlc-gpu-host-memory live in functions of their own), and calls of functions carrying
 * dlc.library_call. */
typedef struct dlc_launch_count_t {
  int launches, library_calls;
  MlirOperation module;
  int depth;
} dlc_launch_count_t;

static MlirWalkResult dlc_count_launches(MlirOperation op, void *user_data) {
  dlc_launch_count_t *c = user_data;
  char name[64];
  dlc_op_name(op, name, sizeof(name));
  if (strcmp(name, "gpu.launch_func") == 0) ++c->launches;
  if (strcmp(name, "func.call") == 0) {
    MlirOperation fn = dlc_lookup_func(c->module, mlirFlatSymbolRefAttrGetValue(mlirOperationGetAttributeByName(op, dlc_sref("callee"))));
    if (!mlirOperationIsNull(fn) && !mlirAttributeIsNull(mlirOperationGetAttributeByName(fn, dlc_sref("dlc.library_call")))) {
      ++c->library_calls;
    } else if (!mlirOperationIsNull(fn) && c->depth < 8 &&
               !mlirBlockIsNull(mlirRegionGetFirstBlock(mlirOperationGetRegion(fn, 0)))) {
      ++c->depth; /* generated code does not recurse; the bound keeps a malformed module from looping */
      mlirOperationWalk(fn, dlc_count_launches, c, MlirWalkPreOrder);
      --c->depth;
    }
  }
  return MlirWalkResultAdvance;
}

static bool dlc_is_public_func(MlirOperation op) {
  char name[64];
  if (strcmp(dlc_op_name(op, name, sizeof(name)), "func.func") != 0) return false;
  MlirAttribute vis = mlirOperationGetAttributeByName(op, dlc_sref("sym_visibility"));
  return mlirAttributeIsNull(vis) || !dlc_sref_eq(mlirStringAttrGetValue(vis), "private");
}

static dlc_launch_count_t dlc_launches_of(MlirOperation module, MlirStringRef fname) {
  dlc_launch_count_t c = {0, 0, module, 0};
  MlirOperation fn = dlc_lookup_func(module, fname);
  if (!mlirOperationIsNull(fn)) mlirOperationWalk(fn, dlc_count_launches, &c, MlirWalkPreOrder);
  return c;
}

static MlirWalkResult dlc_count_gpu_launch(MlirOperation op, void *user_data) {
  char name[64];
  if (strcmp(dlc_op_name(op, name, sizeof(name)), "gpu.launch") == 0) ++*(int *)user_data;
  return MlirWalkResultAdvance;
}

/* What the cuda pipeline will launch once each group is one kernel: counted on a clone lowered up to
 * the gpu.launch ops, while every op is still a call of its own helper function (__dlc_<op>_N) and
 * every group a call of its group function. A loop/stitch group: one kernel; a gemm_chain group or a
 * matmul helper: one library call; any other helper: the gpu.launch ops it holds. */
static void dlc_expected_launches(MlirOperation module, MlirOperation func, int *kernels, int *library_calls) {
  *kernels = *library_calls = 0;
  MlirBlock block = mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0));
  for (MlirOperation op = mlirBlockGetFirstOperation(block); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    char name[64];
    dlc_op_name(op, name, sizeof(name));
    if (strcmp(name, "func.call") != 0) {
      mlirOperationWalk(op, dlc_count_gpu_launch, kernels, MlirWalkPreOrder);
      continue;
    }
    MlirStringRef callee = mlirFlatSymbolRefAttrGetValue(mlirOperationGetAttributeByName(op, dlc_sref("callee")));
    MlirOperation fn = dlc_lookup_func(module, callee);
    if (mlirOperationIsNull(fn)) continue;
    if (!mlirAttributeIsNull(mlirOperationGetAttributeByName(fn, dlc_sref("dlc.library_call"))) ||
        (callee.length > 13 && strncmp(callee.data, "__dlc_matmul_", 13) == 0)) {
      ++*library_calls;
    } else if (dlc_is_fusion_func(fn)) {
      MlirAttribute kind = mlirDictionaryAttrGetElementByName(mlirOperationGetAttributeByName(fn, dlc_sref(DLC_FUSION_ATTR)), dlc_sref("kind"));
      if (dlc_sref_eq(mlirStringAttrGetValue(kind), "gemm_chain")) ++*library_calls;
      else ++*kernels;
    } else {
      mlirOperationWalk(fn, dlc_count_gpu_launch, kernels, MlirWalkPreOrder);
    }
  }
}

static dlcrt_status_t dlc_run_prefix_until(MlirOperation module, const dlc_pipeline_options_t *base, bool fusion_done, bool fusion,
                                           const char *last) {
  MlirContext ctx = mlirOperationGetContext(module);
  MlirPassManager pm = mlirPassManagerCreate(ctx);
  dlc_pipeline_options_t opts = *base;
  opts.verify_each = false;
  opts.no_fusion = fusion_done || !fusion;
  dlcrt_status_t st = dlc_pipeline_add_named_until(ctx, pm, "cuda", &opts, last);
  if (!st && mlirLogicalResultIsFailure(mlirPassManagerRunOnOp(pm, module)))
    st = dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "--dlc-stats: the cuda pipeline %s fusion failed (see the diagnostics above)",
                           fusion ? "with" : "without");
  mlirPassManagerDestroy(pm);
  return st;
}

static dlcrt_status_t dlc_run_prefix(MlirOperation module, const dlc_pipeline_options_t *base, bool fusion_done, bool fusion) {
  return dlc_run_prefix_until(module, base, fusion_done, fusion, "gpu-kernel-outlining");
}

dlcrt_status_t dlc_fusion_stats(MlirOperation module, const dlc_pipeline_options_t *options, dlc_strbuf_t *out) {
  MlirContext ctx = mlirOperationGetContext(module);
  MlirOperation unfused = mlirOperationClone(module), fused = mlirOperationClone(module);
  dlcrt_status_t st = NULL;
  /* The passes run on clones here stay quiet; only the expected counts are explained. */
  FILE *explain = dlc_fusion_settings()->explain;
  dlc_fusion_set_explain(NULL);
  /* The group-level view right after the fusion passes. */
  MlirPassManager pm = mlirPassManagerCreate(ctx);
  const char *const *steps = dlc_fusion_pipeline_steps();
  for (int i = 0; steps[i] && !st && !options->no_fusion; ++i) st = dlc_pipeline_add_step(ctx, pm, steps[i], NULL);
  if (!st && mlirLogicalResultIsFailure(mlirPassManagerRunOnOp(pm, fused)))
    st = dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "--dlc-stats: a fusion pass failed (see the diagnostics above)");
  mlirPassManagerDestroy(pm);
  enum { MAX_FUNCS = 64 };
  dlc_fusion_counts_t counts[MAX_FUNCS];
  MlirStringRef names[MAX_FUNCS];
  int nf = 0;
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(fused, 0));
  for (MlirOperation op = mlirBlockGetFirstOperation(body); !st && !mlirOperationIsNull(op) && nf < MAX_FUNCS;
       op = mlirOperationGetNextInBlock(op)) {
    if (!dlc_is_public_func(op)) continue;
    counts[nf] = dlc_fusion_count(fused, op);
    names[nf++] = mlirStringAttrGetValue(mlirOperationGetAttributeByName(op, dlc_sref("sym_name")));
  }
  /* With --dlc-explain: the kernels and library calls expected once groups become kernels. */
  if (!st && explain && !options->no_fusion) {
    MlirOperation expected = mlirOperationClone(fused);
    st = dlc_run_prefix_until(expected, options, true, true, "func.func(convert-parallel-loops-to-gpu)");
    dlc_fusion_set_explain(explain);
    for (int i = 0; i < nf && !st; ++i) {
      int k = 0, l = 0;
      dlc_expected_launches(expected, dlc_lookup_func(expected, names[i]), &k, &l);
      dlc_fusion_explain("stats", "func=%.*s expected_kernels=%d expected_library_calls=%d (one kernel per loop/stitch group, one library "
                         "call per GEMM or gemm_chain group, other ops as lowered op by op)", (int)names[i].length, names[i].data, k, l);
    }
    dlc_fusion_set_explain(NULL);
    mlirOperationDestroy(expected);
  }
  if (!st) st = dlc_run_prefix(unfused, options, false, false);
  /* The fused count runs the whole pipeline (fusion passes included) on a fresh clone: the options the
   * fusion passes imply reach dlc-lower-to-gpu (GEMM epilogues), which a pre-fused module would not get. */
  MlirOperation lowered = mlirOperationClone(module);
  if (!st) st = dlc_run_prefix(lowered, options, false, !options->no_fusion);
  for (int i = 0; i < nf && !st; ++i) {
    dlc_launch_count_t u = dlc_launches_of(unfused, names[i]), f = dlc_launches_of(lowered, names[i]);
    dlc_strbuf_appendf(out, "dlc-stats: func=%.*s ops=%d kernels_unfused=%d kernels=%d library_calls=%d est_bytes=%.0f est_us=%.2f\n",
                       (int)names[i].length, names[i].data, counts[i].ops, u.launches + u.library_calls, f.launches, f.library_calls, counts[i].est.bytes,
                       counts[i].est.us);
  }
  if (!st) st = dlc_strbuf_status(out);
  dlc_fusion_set_explain(explain);
  mlirOperationDestroy(unfused);
  mlirOperationDestroy(fused);
  mlirOperationDestroy(lowered);
  return st;
}
