/* dlc-opt: the pass driver, mlir-opt style. Reads MLIR (or ONNX), applies DLC passes, upstream passes
 * and named pipelines in the order given on the command line, verifying the dlc ops after parsing and
 * after every pass, and prints the result.
 *
 *   dlc-opt [FILE | -] [--PASS ...] [--pass-pipeline=...] [--dlc-pipeline=cpu] [--print-ir-after-all]
 *           [--pass-timing] [--mlir-print-op-generic] [-o OUT] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlc/compiler.h"
#include "dlc/cost_model.h"
#include "dlc/dialect.h"
#include "dlc/file_io.h"
#include "dlc/mlir_util.h"
#include "dlc/passes.h"

static void print_help(FILE *out) {
  fprintf(out,
          "usage: dlc-opt [FILE.mlir | -] [options and passes, applied in order]\n\n"
          "options:\n"
          "  -o OUT                   write the result to OUT (default: standard output)\n"
          "  --dlc-pipeline=NAME      add a named pipeline\n"
          "  --pass-pipeline=TEXT     add an upstream textual pipeline, e.g. builtin.module(canonicalize,cse)\n"
          "  --print-ir-after-all     print the IR after every pass that changed it (to stderr)\n"
          "  --pass-timing            print pass timings (to stderr)\n"
          "  --mlir-print-op-generic  print every op in generic form\n"
          "  --mlir-elide-elementsattrs-if-larger=N  print constants above N elements as __elided__ (not re-parseable)\n"
          "  --no-elide               print ONNX weights in full (by default blobs over 1 KiB print as __elided__)\n"
          "  --emit=mlir|ptx          what to write: the IR (default) or, after --dlc-pipeline=cuda, the kernels' PTX\n"
          "  --gpu-arch=sm_XX         target of the cuda pipeline: sm_80, sm_86, sm_89, sm_90 (default), sm_90a\n"
          "  --allow-tf32             cuda pipeline: f32 GEMMs (cuBLASLt) may round their inputs to TF32\n"
          "  --no-verify-each         do not run the dlc verifier after every pass\n"
          "  --no-fusion              named pipelines without the fusion passes\n"
          "  --fixed-parallelism      --dlc-assign-parallelism gives every loop/stitch group 256 threads, ilp 1\n"
          "  --target=h100|a100|FILE  the GPU the fusion cost model describes (FILE: key = value lines, docs/fusion.md)\n"
          "  --dlc-explain            print every fusion decision, one line each, to stderr\n"
          "  --dlc-stats              print per function: ops, kernels without/with fusion, library calls, estimates\n"
          "  --help                   this text\n"
          "  --PASS                   any upstream MLIR pass by name (func.func passes are nested for you)\n\n"
          "named pipelines:\n");
  size_t n;
  const dlc_pipeline_def_t *pipelines = dlc_pipeline_table(&n);
  for (size_t i = 0; i < n; ++i) fprintf(out, "  --dlc-pipeline=%-10s %s\n", pipelines[i].name, pipelines[i].summary);
  fprintf(out, "\nDLC passes:\n");
  const dlc_pass_def_t *passes = dlc_pass_table(&n);
  for (size_t i = 0; i < n; ++i) fprintf(out, "  --%-22s %s\n", passes[i].flag, passes[i].summary);
}

typedef struct dlc_opt_args_t {
  const char *input;
  const char *output;
  bool print_after_all, timing, verify_each, no_elide, emit_ptx, no_fusion, explain, stats;
  const char *target;
  const char *gpu_arch;
  bool allow_tf32, fixed_parallelism;
  dlc_print_options_t print;
} dlc_opt_args_t;

/* Options that are not pipeline steps (skipped when steps are added). */
static bool is_option(const char *arg) {
  static const char *const exact[] = {"--print-ir-after-all", "--pass-timing", "--mlir-print-op-generic",
                                      "--no-verify-each", "--no-elide", "--no-fusion", "--dlc-explain", "--dlc-stats",
                                      "--allow-tf32", "--fixed-parallelism", NULL};
  static const char *const prefixed[] = {"--mlir-elide-elementsattrs-if-larger=", "--emit=", "--gpu-arch=", "--target=", NULL};
  for (int i = 0; exact[i]; ++i)
    if (strcmp(arg, exact[i]) == 0) return true;
  for (int i = 0; prefixed[i]; ++i)
    if (strncmp(arg, prefixed[i], strlen(prefixed[i])) == 0) return true;
  return false;
}

/* First pass over argv: options that are not pipeline steps. */
static dlcrt_status_t parse_options(int argc, char **argv, dlc_opt_args_t *a, bool *help) {
  a->input = NULL;
  a->output = "-";
  a->verify_each = true;
  for (int i = 1; i < argc; ++i) {
    const char *arg = argv[i];
    if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) *help = true;
    else if (strcmp(arg, "-o") == 0) {
      if (++i == argc) return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "-o needs a file name");
      a->output = argv[i];
    } else if (strcmp(arg, "--print-ir-after-all") == 0) a->print_after_all = true;
    else if (strcmp(arg, "--pass-timing") == 0) a->timing = true;
    else if (strcmp(arg, "--mlir-print-op-generic") == 0) a->print.generic = true;
    else if (strcmp(arg, "--no-elide") == 0) a->no_elide = true;
    else if (strncmp(arg, "--gpu-arch=", 11) == 0) a->gpu_arch = arg + 11;
    else if (strcmp(arg, "--allow-tf32") == 0) a->allow_tf32 = true;
    else if (strcmp(arg, "--fixed-parallelism") == 0) a->fixed_parallelism = true;
    else if (strncmp(arg, "--emit=", 7) == 0) {
      if (strcmp(arg + 7, "ptx") != 0 && strcmp(arg + 7, "mlir") != 0)
        return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s: expected --emit=mlir or --emit=ptx", arg);
      a->emit_ptx = strcmp(arg + 7, "ptx") == 0;
    }
    else if (strcmp(arg, "--no-verify-each") == 0) a->verify_each = false;
    else if (strcmp(arg, "--no-fusion") == 0) a->no_fusion = true;
    else if (strcmp(arg, "--dlc-explain") == 0) a->explain = true;
    else if (strcmp(arg, "--dlc-stats") == 0) a->stats = true;
    else if (strncmp(arg, "--target=", 9) == 0) a->target = arg + 9;
    else if (strncmp(arg, "--mlir-elide-elementsattrs-if-larger=", 37) == 0) {
      char *end;
      a->print.elide_elements_above = strtol(arg + 37, &end, 10);
      if (end == arg + 37 || *end || a->print.elide_elements_above < 1)
        return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s: expected a positive element count", arg);
    }
    else if (arg[0] != '-' || strcmp(arg, "-") == 0) {
      if (a->input) return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "more than one input file ('%s' and '%s')", a->input, arg);
      a->input = arg;
    } else if (strncmp(arg, "--", 2) != 0) {
      return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "unknown option '%s' (see --help)", arg);
    }
  }
  if (!a->input) a->input = "-";
  /* ONNX weights are dense_resource blobs: elide them unless asked not to (MLIR input prints whole). */
  size_t n = strlen(a->input);
  if (!a->no_elide && n > 5 && strcmp(a->input + n - 5, ".onnx") == 0) a->print.elide_resources_above = 1024;
  return NULL;
}

/* Second pass: pipeline steps, in command-line order. */
static dlcrt_status_t add_steps(int argc, char **argv, MlirContext ctx, MlirPassManager pm, const dlc_pipeline_options_t *opts) {
  for (int i = 1; i < argc; ++i) {
    const char *arg = argv[i];
    if (strcmp(arg, "-o") == 0) { ++i; continue; }
    if (strncmp(arg, "--", 2) != 0 || is_option(arg)) continue;
    if (strncmp(arg, "--dlc-pipeline=", 15) == 0) DLCRT_RETURN_IF_ERROR(dlc_pipeline_add_named(ctx, pm, arg + 15, opts));
    else if (strncmp(arg, "--pass-pipeline=", 16) == 0) DLCRT_RETURN_IF_ERROR(dlc_pipeline_add_text(ctx, pm, arg + 16, opts));
    else DLCRT_RETURN_IF_ERROR(dlc_pipeline_add_step(ctx, pm, arg + 2, opts));
  }
  return NULL;
}

static dlcrt_status_t run(const dlc_opt_args_t *a, int argc, char **argv, MlirContext ctx) {
  MlirModule module;
  DLCRT_RETURN_IF_ERROR(dlc_load_source(ctx, a->input, &module));
  MlirPassManager pm = mlirPassManagerCreate(ctx);
  dlc_pipeline_options_t opts = {.verify_each = a->verify_each, .gpu_arch = a->gpu_arch, .no_fusion = a->no_fusion,
                                 .allow_tf32 = a->allow_tf32};
  dlcrt_status_t st = NULL;
  if (a->target) {
    dlc_target_t target;
    st = dlc_target_load(a->target, &target);
    if (!st) dlc_fusion_set_target(&target);
  }
  if (a->explain) dlc_fusion_set_explain(stderr);
  dlc_fusion_set_fixed_parallelism(a->fixed_parallelism);
  if (!st && a->stats) {
    /* Counted on clones before the requested passes run (quietly: the passes explain once, below). */
    dlc_strbuf_t stats;
    dlc_strbuf_init(&stats);
    st = dlc_fusion_stats(mlirModuleGetOperation(module), &opts, &stats);
    if (!st) fputs(dlc_strbuf_cstr(&stats), stdout);
    fflush(stdout);
    dlc_strbuf_free(&stats);
  }
  if (!st) st = add_steps(argc, argv, ctx, pm, &opts);
  if (!st) {
    MlirOpPrintingFlags flags = mlirOpPrintingFlagsCreate();
    if (a->print_after_all)
      mlirPassManagerEnableIRPrinting(pm, false, true, true, true, false, flags, mlirStringRefCreate(NULL, 0));
    if (a->timing) mlirPassManagerEnableTiming(pm);
    if (mlirLogicalResultIsFailure(mlirPassManagerRunOnOp(pm, mlirModuleGetOperation(module))))
      st = dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s: a pass failed (see the diagnostics above)", a->input);
    mlirOpPrintingFlagsDestroy(flags);
  }
  mlirPassManagerDestroy(pm);
  if (!st) {
    dlc_strbuf_t out;
    dlc_strbuf_init(&out);
    if (a->emit_ptx) {
      st = dlc_collect_ptx(mlirModuleGetOperation(module), &out);
    } else {
      dlc_strbuf_append_op(&out, mlirModuleGetOperation(module), &a->print);
      dlc_strbuf_append(&out, "\n");
      st = dlc_strbuf_status(&out);
    }
    if (!st) st = dlc_write_file_atomic(a->output, out.data, out.len);
    dlc_strbuf_free(&out);
  }
  mlirModuleDestroy(module);
  return st;
}

int main(int argc, char **argv) {
  dlc_opt_args_t args = {0};
  bool help = false;
  dlcrt_status_t st = parse_options(argc, argv, &args, &help);
  if (st) return dlcrt_status_report(st, stderr, "dlc-opt");
  if (help) {
    print_help(stdout);
    return 0;
  }
  MlirContext ctx;
  st = dlc_context_create(&ctx);
  if (st) return dlcrt_status_report(st, stderr, "dlc-opt");
  st = run(&args, argc, argv, ctx);
  mlirContextDestroy(ctx);
  return dlcrt_status_report(st, stderr, "dlc-opt");
}
