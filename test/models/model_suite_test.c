/* Model-suite test: imports one ONNX model of ../shared/models/<name>/, compiles it once for the CPU
 * and runs it on input_0.npy, comparing with the PyTorch reference output_0.npy
 * (max |out - ref| <= 1e-4 * max |ref|). Models with a dynamic axis (info.json "dynamic_axes") are run
 * again, from the same compiled program, on the input cut to half its length along that axis: the
 * output must have the reference's shape, shorter along --output-axis when the output follows the
 * input's length (else equal), and for causal models (--causal) its values must equal the
 * reference's first positions. Prints compile and run times.
 *
 *   model_suite_test MODEL_DIR [--cuda [--no-graph]] [--no-fusion] [--dynamic-axis=N [--output-axis=M] [--causal]]
 * --no-fusion compiles without the fusion passes (models.nofusion.* tests: same references).
 * --cuda compiles with the cuda pipeline and runs the kernels on the GPU (gpu-labelled tests); calls are
 * then replayed from a CUDA graph after the second (--no-graph: never), so with --cuda the model also
 * runs on the input reversed (another input of the same shape: the capture), on the input again (a
 * replay, checked against the reference: a replay that ran nothing would leave the reversed input's
 * output) and on the reversed input again (a replay, checked against the capture's output).
 * Exits 77 (ctest's skip code) with a printed reason when MODEL_DIR does not exist, or with --cuda
 * when no CUDA device does. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "dlc/compiler.h"
#include "dlc/cuda.h"
#include "dlc/jit.h"
#include "dlc/npy.h"

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Compares `got` with the leading block of `want` of got's shape (all of it when the shapes agree).
 * Returns the worst error relative to max |want|. */
static double compare_prefix(const dlcrt_tensor_t *got, const dlcrt_tensor_t *want) {
  double max_ref = 0, worst = 0;
  int64_t n = dlcrt_tensor_element_count(got);
  for (int64_t i = 0; i < dlcrt_tensor_element_count(want); ++i) max_ref = fmax(max_ref, fabs(dlcrt_tensor_get_f64(want, i)));
  int64_t idx[DLCRT_MAX_RANK];
  for (int64_t i = 0; i < n; ++i) {
    int64_t rem = i, wi = 0, stride = 1;
    for (int d = got->rank - 1; d >= 0; --d) {
      idx[d] = rem % got->shape[d];
      rem /= got->shape[d];
    }
    for (int d = want->rank - 1; d >= 0; --d) {
      wi += idx[d] * stride;
      stride *= want->shape[d];
    }
    worst = fmax(worst, fabs(dlcrt_tensor_get_f64(got, i) - dlcrt_tensor_get_f64(want, wi)));
  }
  return max_ref > 0 ? worst / max_ref : worst;
}

/* The input cut to its first half along `axis`. */
static dlcrt_status_t cut_half(const dlcrt_tensor_t *x, int axis, dlcrt_tensor_t *out) {
  int64_t shape[DLCRT_MAX_RANK];
  memcpy(shape, x->shape, sizeof(shape));
  shape[axis] = x->shape[axis] / 2;
  DLCRT_RETURN_IF_ERROR(dlcrt_tensor_create(dlcrt_allocator_system(), x->dtype, x->rank, shape, out));
  int64_t outer = 1, inner = (int64_t)dlcrt_dtype_size(x->dtype);
  for (int d = 0; d < axis; ++d) outer *= x->shape[d];
  for (int d = axis + 1; d < x->rank; ++d) inner *= x->shape[d];
  for (int64_t o = 0; o < outer; ++o)
    memcpy((char *)out->data + o * shape[axis] * inner, (char *)x->data + o * x->shape[axis] * inner,
           (size_t)(shape[axis] * inner));
  return NULL;
}

static int fail(dlcrt_status_t st, const char *what) {
  fprintf(stderr, "FAIL: %s: %s\n", what, dlcrt_status_message(st));
  dlcrt_status_free(st);
  return 1;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: model_suite_test MODEL_DIR [--dynamic-axis=N] [--causal]\n");
    return 2;
  }
  const char *dir = argv[1];
  int axis = -1, out_axis = -1;
  bool causal = false, cuda = false, no_fusion = false, no_graph = false;
  for (int i = 2; i < argc; ++i) {
    if (strncmp(argv[i], "--dynamic-axis=", 15) == 0) axis = atoi(argv[i] + 15);
    if (strncmp(argv[i], "--output-axis=", 14) == 0) out_axis = atoi(argv[i] + 14);
    if (strcmp(argv[i], "--causal") == 0) causal = true;
    if (strcmp(argv[i], "--cuda") == 0) cuda = true;
    else if (strcmp(argv[i], "--no-fusion") == 0) no_fusion = true;
    else if (strcmp(argv[i], "--no-graph") == 0) no_graph = true;
  }
  struct stat sb;
  if (stat(dir, &sb) != 0) {
    printf("SKIP: %s does not exist (the model suite lives in ../shared/models)\n", dir);
    return 77;
  }
  if (cuda) {
    bool available = false;
    char why[256];
    dlcrt_status_free(dlcrt_cuda_available(&available, why, sizeof(why)));
    if (!available) {
      printf("SKIP: no CUDA device (%s)\n", why);
      return 77;
    }
  }
  char path[4096];
  dlcrt_tensor_t x = {0}, ref = {0}, out = {0}, half = {0}, out_half = {0}, rx = {0}, out_r = {0}, out_again = {0},
                 out_r_again = {0};
  MlirContext ctx;
  dlcrt_status_t st = dlc_context_create(&ctx);
  if (st) return fail(st, "context");
  int rc = 1;
  dlc_program_t *p = NULL;
  double t0 = now_ms();
  MlirModule module;
  snprintf(path, sizeof(path), "%s/model.onnx", dir);
  st = dlc_load_source(ctx, path, &module);
  if (!st) {
    dlc_compile_options_t options = {
        .function = NULL, .opt_level = 2, .cuda = cuda, .no_fusion = no_fusion, .no_graph = no_graph};
    st = dlc_program_compile(module, &options, &p);
    mlirModuleDestroy(module);
  }
  double compile_ms = now_ms() - t0;
  if (st) goto done;
  snprintf(path, sizeof(path), "%s/input_0.npy", dir);
  if ((st = dlcrt_npy_read(dlcrt_allocator_system(), path, &x)) != NULL) goto done;
  snprintf(path, sizeof(path), "%s/output_0.npy", dir);
  if ((st = dlcrt_npy_read(dlcrt_allocator_system(), path, &ref)) != NULL) goto done;
  t0 = now_ms();
  if ((st = dlc_program_run(p, &x, 1, &out)) != NULL) goto done;
  double run_ms = now_ms() - t0;
  double err = compare_prefix(&out, &ref);
  bool shape_ok = out.rank == ref.rank && memcmp(out.shape, ref.shape, sizeof(int64_t) * (size_t)ref.rank) == 0;
  printf("%s (%s): compile %.0f ms, first run %.2f ms, max |out - ref| / max |ref| = %.2e%s\n", dir, cuda ? (no_fusion ? "cuda, no fusion" : "cuda") : (no_fusion ? "cpu, no fusion" : "cpu"), compile_ms, run_ms, err,
         shape_ok ? "" : " (SHAPE MISMATCH)");
  rc = (!shape_ok || !(err <= 1e-4)) ? 1 : 0;
  if (rc == 0 && cuda) { /* direct, capture, replay, replay (see the top of the file) */
    if ((st = dlcrt_tensor_create(dlcrt_allocator_system(), x.dtype, x.rank, x.shape, &rx)) != NULL) goto done;
    size_t es = dlcrt_dtype_size(x.dtype);
    int64_t n = dlcrt_tensor_element_count(&x);
    for (int64_t i = 0; i < n; ++i) memcpy((char *)rx.data + i * (int64_t)es, (char *)x.data + (n - 1 - i) * (int64_t)es, es);
    if ((st = dlc_program_run(p, &rx, 1, &out_r)) != NULL) goto done;
    if ((st = dlc_program_run(p, &x, 1, &out_again)) != NULL) goto done;
    if ((st = dlc_program_run(p, &rx, 1, &out_r_again)) != NULL) goto done;
    double e_again = compare_prefix(&out_again, &ref), e_r = compare_prefix(&out_r_again, &out_r);
    printf("  %s: input again max |out - ref| / max |ref| = %.2e, reversed input again vs its first output = %.2e\n",
           no_graph ? "calls 2-4 direct" : "call 2 captured, 3-4 replayed", e_again, e_r);
    if (!(e_again <= 1e-4) || !(e_r <= 1e-5)) rc = 1;
  }
  if (rc == 0 && axis >= 0) {
    if ((st = cut_half(&x, axis, &half)) != NULL) goto done;
    if ((st = dlc_program_run(p, &half, 1, &out_half)) != NULL) goto done;
    char got[128], want_s[128];
    dlcrt_tensor_format_type(&out_half, got, sizeof(got));
    dlcrt_tensor_format_type(&out, want_s, sizeof(want_s));
    printf("  second length %lld (axis %d): output %s (full length: %s)\n", (long long)half.shape[axis], axis, got, want_s);
    bool scaled = out_half.rank == out.rank && (out_axis < 0 || out_half.shape[out_axis] < out.shape[out_axis]);
    for (int d = 0; d < out.rank && scaled; ++d) scaled = d == out_axis || out_half.shape[d] == out.shape[d];
    if (!scaled) rc = 1;
    if (scaled && causal) {
      double e2 = compare_prefix(&out_half, &ref);
      printf("  causal prefix: max |out - ref[:%lld]| / max |ref| = %.2e\n", (long long)out_half.shape[axis], e2);
      if (!(e2 <= 1e-4)) rc = 1;
    }
  }
done:
  if (st) rc = fail(st, dir);
  printf("%s\n", rc == 0 ? "PASS" : "FAIL");
  dlcrt_tensor_release(&x);
  dlcrt_tensor_release(&ref);
  dlcrt_tensor_release(&out);
  dlcrt_tensor_release(&half);
  dlcrt_tensor_release(&out_half);
  dlcrt_tensor_release(&rx);
  dlcrt_tensor_release(&out_r);
  dlcrt_tensor_release(&out_again);
  dlcrt_tensor_release(&out_r_again);
  dlc_program_destroy(p);
  mlirContextDestroy(ctx);
  return rc;
}
