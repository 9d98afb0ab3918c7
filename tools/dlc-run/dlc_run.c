/* dlc-run: compiles a model (MLIR in the dlc dialect, or ONNX once imported) and runs one function on
 * the given inputs, printing the outputs or writing them to .npy files.
 *
 *   dlc-run FILE|- [--device=auto|cpu|cuda] [--function=NAME] [--input=SPEC]... [--output=@y.npy]...
 *           [--seed=N] [--bench=N] [--print-max=N] [--no-graph] [--profile] [--verbose] */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dlc/compiler.h"
#include "dlc/cost_model.h"
#include "dlc/cuda.h"
#include "dlc/jit.h"
#include "dlc/npy.h"
#include "input_spec.h"

#define DLC_RUN_MAX_IO 256

typedef struct dlc_run_args_t {
  const char *file;
  const char *device;
  const char *function;
  const char *inputs[DLC_RUN_MAX_IO];
  const char *outputs[DLC_RUN_MAX_IO];
  int num_inputs, num_outputs;
  uint64_t seed;
  long bench;
  long print_max;
  int opt_level;
  bool use_cuda;
  const char *gpu_arch;
  bool no_fusion;
  const char *target;
  bool no_graph, profile, verbose;
  bool allow_tf32;
  bool fixed_parallelism;
} dlc_run_args_t;

static void print_help(FILE *out) {
  fprintf(out,
          "usage: dlc-run FILE.{mlir,onnx} [options]   (FILE '-' reads MLIR from standard input)\n\n"
          "  --device=auto|cpu|cuda   where to run (auto: CUDA when a device exists, else the CPU)\n"
          "  --gpu-arch=sm_XX         with CUDA: sm_80, sm_86, sm_89, sm_90 (default), sm_90a\n"
          "  --no-fusion              compile without the fusion passes (one kernel per op)\n"
          "  --target=h100|a100|FILE  the GPU the fusion cost model describes (docs/fusion.md)\n"
          "  --allow-tf32             with CUDA: f32 GEMMs (cuBLASLt) may round their inputs to TF32\n"
          "  --fixed-parallelism      256 threads and one element per thread for every fused kernel, instead\n"
          "                           of the cost model's adaptive ILP/TLP (a baseline to compare against)\n"
          "  --function=NAME          the function to run (default: main, or the only public one)\n"
          "  --input=@x.npy           an input from a .npy file (repeat, in argument order)\n"
          "  --input=2x3xf32=random   a seeded random input (uniform in [-1, 1) for floats)\n"
          "  --input=\"2x2xf32=1 2 3 4\" an input from values (one value fills the tensor)\n"
          "  --output=@y.npy          write output #k to a .npy file (repeat, in result order)\n"
          "  --seed=N                 seed for random inputs (default 0)\n"
          "  --bench=N                time N runs after warm-up: compile time, median, p90 and min latency\n"
          "                           (CUDA: CUDA events on the call's stream)\n"
          "  --no-graph               CUDA: run every call directly instead of replaying a captured CUDA graph\n"
          "  --profile                CUDA: per-kernel time, bytes moved and %% of peak bandwidth (no graph;\n"
          "                           the first call, which loads the kernels, is left out)\n"
          "  --verbose                CUDA: say when graph capture fails and calls run directly\n"
          "  --print-max=N            print at most N elements per output (default 64; -1: all)\n"
          "  -O0 .. -O3               LLVM optimization level of the JIT (default -O2)\n");
}

static dlcrt_status_t parse_long(const char *flag, const char *s, long min, long *out) {
  char *end;
  long v = strtol(s, &end, 10);
  if (end == s || *end || v < min)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s expects an integer >= %ld, got '%s'", flag, min, s);
  *out = v;
  return NULL;
}

static dlcrt_status_t parse_args(int argc, char **argv, dlc_run_args_t *a, bool *help) {
  memset(a, 0, sizeof(*a));
  a->device = "auto";
  a->print_max = 64;
  a->opt_level = 2;
  for (int i = 1; i < argc; ++i) {
    const char *arg = argv[i];
    long v;
    if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) *help = true;
    else if (strncmp(arg, "--device=", 9) == 0) a->device = arg + 9;
    else if (strcmp(arg, "--no-graph") == 0) a->no_graph = true;
    else if (strcmp(arg, "--profile") == 0) a->profile = true;
    else if (strcmp(arg, "--verbose") == 0) a->verbose = true;
    else if (strncmp(arg, "--function=", 11) == 0) a->function = arg + 11;
    else if (strncmp(arg, "--gpu-arch=", 11) == 0) a->gpu_arch = arg + 11;
    else if (strcmp(arg, "--no-fusion") == 0) a->no_fusion = true;
    else if (strncmp(arg, "--target=", 9) == 0) a->target = arg + 9;
    else if (strcmp(arg, "--allow-tf32") == 0) a->allow_tf32 = true;
    else if (strcmp(arg, "--fixed-parallelism") == 0) a->fixed_parallelism = true;
    else if (strncmp(arg, "--input=", 8) == 0) {
      if (a->num_inputs == DLC_RUN_MAX_IO) return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "too many --input flags");
      a->inputs[a->num_inputs++] = arg + 8;
    } else if (strncmp(arg, "--output=", 9) == 0) {
      if (arg[9] != '@')
        return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "--output expects @FILE.npy, got '%s'", arg + 9);
      if (a->num_outputs == DLC_RUN_MAX_IO) return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "too many --output flags");
      a->outputs[a->num_outputs++] = arg + 10;
    } else if (strncmp(arg, "--seed=", 7) == 0) {
      DLCRT_RETURN_IF_ERROR(parse_long("--seed", arg + 7, 0, &v));
      a->seed = (uint64_t)v;
    } else if (strncmp(arg, "--bench=", 8) == 0) {
      DLCRT_RETURN_IF_ERROR(parse_long("--bench", arg + 8, 1, &a->bench));
    } else if (strncmp(arg, "--print-max=", 12) == 0) {
      DLCRT_RETURN_IF_ERROR(parse_long("--print-max", arg + 12, -1, &a->print_max));
    } else if (arg[0] == '-' && arg[1] == 'O' && arg[2] >= '0' && arg[2] <= '3' && !arg[3]) {
      a->opt_level = arg[2] - '0';
    } else if (arg[0] == '-' && arg[1] != '\0') {
      return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "unknown option '%s' (see --help)", arg);
    } else if (a->file) {
      return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "more than one model file ('%s' and '%s')", a->file, arg);
    } else {
      a->file = arg;
    }
  }
  if (*help) return NULL;
  if (!a->file) return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "no model file given (see --help)");
  if (strcmp(a->device, "cpu") != 0 && strcmp(a->device, "auto") != 0 && strcmp(a->device, "cuda") != 0)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "--device=%s: expected auto, cpu or cuda", a->device);
  return NULL;
}

/* Resolves --device: cpu; cuda, which needs a CUDA device (else one line saying why); auto, CUDA
 * when a device exists, else the CPU. */
static dlcrt_status_t resolve_device(const char *device, bool *use_cuda) {
  *use_cuda = false;
  if (strcmp(device, "cpu") == 0) return NULL;
  bool available = false;
  char why[256];
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_available(&available, why, sizeof(why)));
  if (strcmp(device, "cuda") == 0 && !available)
    return dlcrt_make_status(DLCRT_STATUS_UNAVAILABLE, "--device=cuda: %s", why);
  *use_cuda = available;
  return NULL;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static void release_all(dlcrt_tensor_t *ts, int n) {
  for (int i = 0; i < n; ++i) dlcrt_tensor_release(&ts[i]);
}

/* Runs `bench` timed iterations after warm-up and prints the latency summary: host clock on the CPU,
 * CUDA events on the call's stream with CUDA (dlc_program_last_device_ms). */
static dlcrt_status_t run_bench(dlc_program_t *p, const dlcrt_tensor_t *inputs, int n_in, long bench, bool cuda) {
  int n_out = dlc_program_num_outputs(p);
  dlcrt_tensor_t outs[DLC_RUN_MAX_IO];
  double *times = calloc((size_t)bench, sizeof(double));
  if (!times) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory");
  long warmup = bench < 10 ? bench : 10;
  dlcrt_status_t st = NULL;
  for (long i = 0; i < warmup + bench && !st; ++i) {
    double t0 = now_ms();
    st = dlc_program_run(p, inputs, n_in, outs);
    double host_ms = now_ms() - t0, device_ms = 0.0;
    if (!st && cuda) st = dlc_program_last_device_ms(p, &device_ms);
    if (i >= warmup) times[i - warmup] = cuda ? device_ms : host_ms;
    if (!st) release_all(outs, n_out);
  }
  if (!st) {
    qsort(times, (size_t)bench, sizeof(double), cmp_double);
    size_t p90 = (size_t)((double)(bench - 1) * 0.9 + 0.5);
    printf("run: %ld iterations after %ld warm-up: median %.4f ms, p90 %.4f ms, min %.4f ms (%s)\n", bench, warmup,
           times[bench / 2], times[p90], times[0], cuda ? "cuda, cuda events" : "cpu, host clock");
  }
  free(times);
  return st;
}

/* Writes the outputs that have a --output file; on failure removes the ones already written. */
static dlcrt_status_t write_outputs(const dlc_run_args_t *a, const dlcrt_tensor_t *outs) {
  for (int i = 0; i < a->num_outputs; ++i) {
    dlcrt_status_t st = dlcrt_npy_write(a->outputs[i], &outs[i]);
    if (st) {
      for (int j = 0; j < i; ++j) remove(a->outputs[j]);
      return st;
    }
  }
  return NULL;
}

static dlcrt_status_t run(const dlc_run_args_t *a, MlirContext ctx) {
  dlc_fusion_set_fixed_parallelism(a->fixed_parallelism);
  if (a->target) {
    dlc_target_t target;
    DLCRT_RETURN_IF_ERROR(dlc_target_load(a->target, &target));
    dlc_fusion_set_target(&target);
  }
  dlcrt_tensor_t inputs[DLC_RUN_MAX_IO], outs[DLC_RUN_MAX_IO];
  int n_in = 0;
  uint64_t state = a->seed;
  dlcrt_status_t st = NULL;
  for (; n_in < a->num_inputs && !st; ++n_in) st = dlc_parse_input_spec(a->inputs[n_in], &state, &inputs[n_in]);
  if (st) {
    release_all(inputs, n_in - 1);
    return st;
  }
  double t0 = now_ms();
  MlirModule module;
  st = dlc_load_source(ctx, a->file, &module);
  dlc_program_t *p = NULL;
  if (!st) {
    dlc_compile_options_t options = {.function = a->function, .opt_level = a->opt_level, .cuda = a->use_cuda,
                                     .gpu_arch = a->gpu_arch, .no_fusion = a->no_fusion, .no_graph = a->no_graph,
                                     .profile = a->profile, .verbose = a->verbose, .allow_tf32 = a->allow_tf32};
    st = dlc_program_compile(module, &options, &p);
    mlirModuleDestroy(module);
  }
  double compile_ms = now_ms() - t0;
  if (!st && a->num_outputs > dlc_program_num_outputs(p))
    st = dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%d --output files given, but @%s has %d output%s",
                           a->num_outputs, dlc_program_function(p), (int)dlc_program_num_outputs(p),
                           dlc_program_num_outputs(p) == 1 ? "" : "s");
  if (!st) st = dlc_program_check_inputs(p, inputs, n_in);
  if (!st) st = dlc_program_run(p, inputs, n_in, outs);
  if (!st) {
    int n_out = dlc_program_num_outputs(p);
    st = write_outputs(a, outs);
    for (int i = a->num_outputs; i < n_out && !st; ++i) {
      char name[32];
      snprintf(name, sizeof(name), "output #%d", i);
      dlcrt_tensor_print(&outs[i], name, a->print_max, stdout);
    }
    release_all(outs, n_out);
    if (!st && a->bench) {
      printf("compile: %.1f ms (parse, lower, JIT)\n", compile_ms);
      st = run_bench(p, inputs, n_in, a->bench, a->use_cuda);
    }
    if (!st && a->use_cuda && a->profile) st = dlc_program_print_profile(p, stdout);
    if (!st && a->use_cuda && a->verbose) {
      dlcrt_cuda_session_stats_t stats;
      dlc_program_cuda_stats(p, &stats);
      fprintf(stderr,
              "dlc-run: cuda calls %lld (direct %lld, captured %lld, replayed %lld, re-run %lld), device allocations %lld, "
              "constants %lld\n",
              (long long)stats.calls, (long long)stats.direct_calls, (long long)stats.captures, (long long)stats.replays,
              (long long)stats.reruns, (long long)stats.device_allocations, (long long)stats.constants);
    }
  }
  dlc_program_destroy(p);
  release_all(inputs, n_in);
  return st;
}

int main(int argc, char **argv) {
  dlc_run_args_t args;
  bool help = false;
  dlcrt_status_t st = parse_args(argc, argv, &args, &help);
  if (st) return dlcrt_status_report(st, stderr, "dlc-run");
  if (help) {
    print_help(stdout);
    return 0;
  }
  st = resolve_device(args.device, &args.use_cuda);
  if (!st && !args.use_cuda && (args.profile || args.no_graph) && strcmp(args.device, "cpu") == 0)
    st = dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "--profile and --no-graph apply to --device=cuda only");
  if (st) return dlcrt_status_report(st, stderr, "dlc-run");
  MlirContext ctx;
  st = dlc_context_create(&ctx);
  if (st) return dlcrt_status_report(st, stderr, "dlc-run");
  st = run(&args, ctx);
  mlirContextDestroy(ctx);
  return dlcrt_status_report(st, stderr, "dlc-run");
}
