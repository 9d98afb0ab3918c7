/* Tests for the cuBLASLt GEMMs (runtime/cuda/cublaslt.c, include/dlc/cublaslt.h). The mode is argv[1]:
 *   fake   ctest unit.cublaslt_fake: DLC_CUDA_DRIVER is the fake libcuda (device memory is host memory)
 *          and DLC_CUBLASLT the fake libcublasLt (test/unit/fake_libcublaslt.c), which really computes
 *          the GEMM on the host: results of plain, transposed-stride, batched, broadcast-batch, bias,
 *          relu and gelu GEMMs in f32, f16 and bf16 against a reference, the compute type chosen by the
 *          TF32 flag, and the error paths (no algorithm, bad shapes, pending errors).
 *   nolib  ctest unit.cublaslt_nolib: DLC_CUBLASLT names a library that does not exist: the GEMM records
 *          one clear error instead of crashing. */
#define _POSIX_C_SOURCE 200809L
#include <dlfcn.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dlc/cublaslt.h"
#include "dlc/cuda.h"
#include "dlc_test.h"

/* The fake's record of the last matmul (fake_libcublaslt.c). */
typedef struct fake_cublaslt_call_t {
  int compute, transa, transb, epilogue, type;
  uint64_t m, n, k;
  int32_t batch;
  int has_bias;
  uint64_t workspace_bytes;
  float beta;
  int c_is_d;
} fake_cublaslt_call_t;

static const fake_cublaslt_call_t *(*fake_last)(void);
static void (*fake_set_no_algo)(int);
static int (*fake_matmul_count)(void);
static int (*fake_heuristic_count)(void);

static float test_value(int64_t i, int salt) { return (float)((i * 7 + salt * 3) % 11 - 5) / 4.0f; }

/* A row-major [batch, rows, cols] matrix in a buffer of `storage` elements, with explicit strides. */
static dlcrt_memref3_t test_matrix(float *data, int64_t batch, int64_t rows, int64_t cols, int64_t sb, int64_t sr,
                                   int64_t sc) {
  return (dlcrt_memref3_t){.allocated = data, .aligned = data, .offset = 0, .sizes = {batch, rows, cols},
                           .strides = {sb, sr, sc}};
}

static float test_at(const dlcrt_memref3_t *m, int64_t b, int64_t r, int64_t c) {
  const float *p = m->aligned;
  int64_t bb = m->sizes[0] == 1 ? 0 : b;
  return p[m->offset + bb * m->strides[0] + r * m->strides[1] + c * m->strides[2]];
}

static float test_gelu_tanh(float x) { return 0.5f * x * (1.0f + tanhf(0.7978845608f * (x + 0.044715f * x * x * x))); }

/* Checks C against the reference of A x B (+ bias, activation) within `tol`. */
static void check_gemm(const char *what, const dlcrt_memref3_t *a, const dlcrt_memref3_t *b, const dlcrt_memref3_t *c,
                       const float *bias, int64_t flags, float tol) {
  int64_t batch = c->sizes[0], m = c->sizes[1], n = c->sizes[2], k = a->sizes[2];
  int bad = 0;
  for (int64_t bi = 0; bi < batch; ++bi)
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < n; ++j) {
        float want = 0;
        for (int64_t p = 0; p < k; ++p) want += test_at(a, bi, i, p) * test_at(b, bi, p, j);
        if (flags & DLCRT_GEMM_BIAS) want += bias[j];
        if (flags & DLCRT_GEMM_RELU) want = want > 0 ? want : 0;
        if (flags & DLCRT_GEMM_GELU) want = test_gelu_tanh(want);
        float got = test_at(c, bi, i, j);
        if (fabsf(got - want) > tol && bad++ < 3)
          fprintf(stderr, "%s: C[%lld,%lld,%lld] = %g, want %g\n", what, (long long)bi, (long long)i, (long long)j,
                  got, want);
      }
  if (bad) dlc_test_fail(__FILE__, __LINE__, what);
}

static void fill(float *p, int64_t count, int salt) {
  for (int64_t i = 0; i < count; ++i) p[i] = test_value(i, salt);
}

static void test_plain_and_epilogues(void) {
  enum { M = 5, K = 7, N = 6 };
  float a[M * K], b[K * N], c[M * N], bias[N];
  fill(a, M * K, 1), fill(b, K * N, 2), fill(bias, N, 3);
  dlcrt_memref3_t ma = test_matrix(a, 1, M, K, M * K, K, 1), mb = test_matrix(b, 1, K, N, K * N, N, 1),
                  mc = test_matrix(c, 1, M, N, M * N, N, 1);
  dlcrt_memref1_t mbias = {bias, bias, 0, {N}, {1}};
  static const struct {
    int64_t flags;
    int epilogue;
    const char *what;
  } kCases[] = {
      {0, 1, "plain"},
      {DLCRT_GEMM_BIAS, 4, "bias"},
      {DLCRT_GEMM_BIAS | DLCRT_GEMM_RELU, 6, "bias+relu"},
      {DLCRT_GEMM_BIAS | DLCRT_GEMM_GELU, 36, "bias+gelu"},
      {DLCRT_GEMM_RELU, 2, "relu"},
      {DLCRT_GEMM_GELU, 32, "gelu"},
  };
  for (size_t i = 0; i < sizeof(kCases) / sizeof(kCases[0]); ++i) {
    memset(c, 0, sizeof(c));
    _mlir_ciface_dlcrt_gemm_f32(&ma, &mb, &mc, &mbias, NULL, kCases[i].flags);
    CHECK_OK(dlcrt_cuda_take_error());
    check_gemm(kCases[i].what, &ma, &mb, &mc, bias, kCases[i].flags, 1e-4f);
    CHECK_EQ_INT(fake_last()->epilogue, kCases[i].epilogue);
    CHECK_EQ_INT(fake_last()->has_bias, (kCases[i].flags & DLCRT_GEMM_BIAS) != 0);
  }
  /* cuBLASLt computes C^T = B^T A^T: its m is our N, its n our M */
  CHECK_EQ_INT(fake_last()->m, N);
  CHECK_EQ_INT(fake_last()->n, M);
  CHECK_EQ_INT(fake_last()->k, K);
  CHECK_EQ_INT(fake_last()->transa, 0);
  CHECK_EQ_INT(fake_last()->transb, 0);
  CHECK_EQ_INT(fake_last()->compute, 68); /* CUBLAS_COMPUTE_32F: no TF32 unless asked */
  CHECK_EQ_INT(fake_last()->workspace_bytes, 32 << 20);

  _mlir_ciface_dlcrt_gemm_f32(&ma, &mb, &mc, &mbias, NULL, DLCRT_GEMM_ALLOW_TF32);
  CHECK_OK(dlcrt_cuda_take_error());
  CHECK_EQ_INT(fake_last()->compute, 77); /* CUBLAS_COMPUTE_32F_FAST_TF32 */
}

static void test_transposed_strides(void) {
  enum { M = 4, K = 3, N = 5 };
  float at[K * M], bt[N * K], c[M * N];
  fill(at, K * M, 4), fill(bt, N * K, 5);
  /* A is the transposed view of a [K, M] buffer, B of an [N, K] one (dlc.matmul {transpose_b}) */
  dlcrt_memref3_t ma = test_matrix(at, 1, M, K, M * K, 1, M), mb = test_matrix(bt, 1, K, N, K * N, 1, K),
                  mc = test_matrix(c, 1, M, N, M * N, N, 1);
  _mlir_ciface_dlcrt_gemm_f32(&ma, &mb, &mc, NULL, NULL, 0);
  CHECK_OK(dlcrt_cuda_take_error());
  check_gemm("transposed A and B", &ma, &mb, &mc, NULL, 0, 1e-4f);
  CHECK_EQ_INT(fake_last()->transa, 1);
  CHECK_EQ_INT(fake_last()->transb, 1);

  /* only B transposed, the weight of dlc.matmul {transpose_b}: cuBLASLt's A is our B */
  float a[M * K];
  fill(a, M * K, 14);
  dlcrt_memref3_t mrow = test_matrix(a, 1, M, K, M * K, K, 1);
  _mlir_ciface_dlcrt_gemm_f32(&mrow, &mb, &mc, NULL, NULL, 0);
  CHECK_OK(dlcrt_cuda_take_error());
  check_gemm("transposed B", &mrow, &mb, &mc, NULL, 0, 1e-4f);
  CHECK_EQ_INT(fake_last()->transa, 1);
  CHECK_EQ_INT(fake_last()->transb, 0);

  /* a padded leading dimension and an offset */
  float pad[1 + M * 8];
  fill(pad, 1 + M * 8, 6);
  float b[K * N];
  fill(b, K * N, 7);
  dlcrt_memref3_t mpad = test_matrix(pad, 1, M, K, M * 8, 8, 1), mb2 = test_matrix(b, 1, K, N, K * N, N, 1);
  mpad.offset = 1;
  _mlir_ciface_dlcrt_gemm_f32(&mpad, &mb2, &mc, NULL, NULL, 0);
  CHECK_OK(dlcrt_cuda_take_error());
  check_gemm("padded rows and offset", &mpad, &mb2, &mc, NULL, 0, 1e-4f);
}

static void test_batched(void) {
  enum { B = 3, M = 4, K = 6, N = 2 };
  float a[B * M * K], b[B * K * N], c[B * M * N], bias[N];
  fill(a, B * M * K, 8), fill(b, B * K * N, 9), fill(bias, N, 10);
  dlcrt_memref3_t ma = test_matrix(a, B, M, K, M * K, K, 1), mb = test_matrix(b, B, K, N, K * N, N, 1),
                  mc = test_matrix(c, B, M, N, M * N, N, 1);
  dlcrt_memref1_t mbias = {bias, bias, 0, {N}, {1}};
  _mlir_ciface_dlcrt_gemm_f32(&ma, &mb, &mc, &mbias, NULL, DLCRT_GEMM_BIAS | DLCRT_GEMM_RELU);
  CHECK_OK(dlcrt_cuda_take_error());
  check_gemm("batched", &ma, &mb, &mc, bias, DLCRT_GEMM_BIAS | DLCRT_GEMM_RELU, 1e-4f);
  CHECK_EQ_INT(fake_last()->batch, B);

  /* a broadcast weight: batch size 1, and batch stride 0 with the full batch size */
  dlcrt_memref3_t mw = test_matrix(b, 1, K, N, K * N, N, 1);
  memset(c, 0, sizeof(c));
  _mlir_ciface_dlcrt_gemm_f32(&ma, &mw, &mc, NULL, NULL, 0);
  CHECK_OK(dlcrt_cuda_take_error());
  check_gemm("broadcast weight (size 1)", &ma, &mw, &mc, NULL, 0, 1e-4f);
  dlcrt_memref3_t mw0 = test_matrix(b, B, K, N, 0, N, 1);
  memset(c, 0, sizeof(c));
  _mlir_ciface_dlcrt_gemm_f32(&ma, &mw0, &mc, NULL, NULL, 0);
  CHECK_OK(dlcrt_cuda_take_error());
  check_gemm("broadcast weight (stride 0)", &ma, &mw0, &mc, NULL, 0, 1e-4f);
  CHECK_EQ_INT(fake_last()->batch, B);
}

static uint16_t to_bf16(float f) {
  uint32_t bits;
  memcpy(&bits, &f, sizeof(bits));
  return (uint16_t)(bits >> 16); /* the test values are exact in bf16 */
}
static float from_bf16(uint16_t h) {
  uint32_t bits = (uint32_t)h << 16;
  float f;
  memcpy(&f, &bits, sizeof(f));
  return f;
}
/* Half precision of the test values (multiples of 1/4 in [-5, 5], and their small sums): exact. */
static uint16_t to_f16(float f) {
  uint16_t sign = f < 0 ? 0x8000 : 0;
  float a = fabsf(f);
  if (a == 0) return sign;
  int e;
  float fr = frexpf(a, &e);
  uint32_t man = (uint32_t)lrintf((fr * 2.0f - 1.0f) * 1024.0f);
  return (uint16_t)(sign | ((uint32_t)(e - 1 + 15) << 10) | man);
}
static float from_f16(uint16_t h) {
  int exp = (h >> 10) & 31, man = h & 1023;
  float f = exp == 0 ? ldexpf((float)man, -24) : ldexpf(1.0f + (float)man / 1024.0f, exp - 15);
  return (h & 0x8000) ? -f : f;
}

static void test_half_types(void) {
  enum { M = 3, K = 4, N = 5 };
  float a[M * K], b[K * N], bias[N], c[M * N];
  fill(a, M * K, 11), fill(b, K * N, 12), fill(bias, N, 13);
  for (int type = 0; type < 2; ++type) {
    uint16_t ha[M * K], hb[K * N], hbias[N], hc[M * N];
    for (int i = 0; i < M * K; ++i) ha[i] = type ? to_bf16(a[i]) : to_f16(a[i]);
    for (int i = 0; i < K * N; ++i) hb[i] = type ? to_bf16(b[i]) : to_f16(b[i]);
    for (int i = 0; i < N; ++i) hbias[i] = type ? to_bf16(bias[i]) : to_f16(bias[i]);
    dlcrt_memref3_t ma = {ha, ha, 0, {1, M, K}, {M * K, K, 1}}, mb = {hb, hb, 0, {1, K, N}, {K * N, N, 1}},
                    mc = {hc, hc, 0, {1, M, N}, {M * N, N, 1}};
    dlcrt_memref1_t mbias = {hbias, hbias, 0, {N}, {1}};
    if (type)
      _mlir_ciface_dlcrt_gemm_bf16(&ma, &mb, &mc, &mbias, NULL, DLCRT_GEMM_BIAS | DLCRT_GEMM_ALLOW_TF32);
    else
      _mlir_ciface_dlcrt_gemm_f16(&ma, &mb, &mc, &mbias, NULL, DLCRT_GEMM_BIAS | DLCRT_GEMM_ALLOW_TF32);
    CHECK_OK(dlcrt_cuda_take_error());
    CHECK_EQ_INT(fake_last()->type, type ? 14 : 2);
    CHECK_EQ_INT(fake_last()->compute, 68); /* TF32 is for f32 data only */
    for (int i = 0; i < M * N; ++i) c[i] = type ? from_bf16(hc[i]) : from_f16(hc[i]);
    dlcrt_memref3_t fa = test_matrix(a, 1, M, K, M * K, K, 1), fb = test_matrix(b, 1, K, N, K * N, N, 1),
                    fc = test_matrix(c, 1, M, N, M * N, N, 1);
    check_gemm(type ? "bf16" : "f16", &fa, &fb, &fc, bias, DLCRT_GEMM_BIAS, type ? 0.1f : 0.01f);
  }
}

static void test_errors(void) {
  enum { M = 2, K = 3, N = 4 };
  float a[M * K] = {0}, b[K * N] = {0}, c[M * N] = {0}, bias[N] = {0};
  dlcrt_memref3_t ma = test_matrix(a, 4, M, K, M * K, K, 1), mb = test_matrix(b, 1, K, N, K * N, N, 1),
                  mc = test_matrix(c, 4, M, N, 0, N, 1);
  dlcrt_memref1_t mbias = {bias, bias, 0, {N}, {1}};
  mc.strides[0] = M * N;
  float big_a[4 * M * K], big_c[4 * M * N];
  ma.aligned = ma.allocated = big_a, mc.aligned = mc.allocated = big_c;

  fake_set_no_algo(1);
  _mlir_ciface_dlcrt_gemm_f32(&ma, &mb, &mc, &mbias, NULL, DLCRT_GEMM_BIAS);
  fake_set_no_algo(0);
  dlcrt_status_t st = dlcrt_cuda_take_error();
  CHECK(st != NULL);
  CHECK_CONTAINS(dlcrt_status_message(st), "dlcrt_gemm_f32: ");
  CHECK_CONTAINS(dlcrt_status_message(st), "cublasLtMatmulAlgoGetHeuristic(m=2 n=4 k=3 batch=4");
  CHECK_CONTAINS(dlcrt_status_message(st), "found no algorithm");
  dlcrt_status_free(st);

  /* K of A and B disagree */
  dlcrt_memref3_t wrong = test_matrix(b, 1, K + 1, N, K * N, N, 1);
  _mlir_ciface_dlcrt_gemm_f32(&ma, &wrong, &mc, NULL, NULL, 0);
  st = dlcrt_cuda_take_error();
  CHECK(st && dlcrt_status_code(st) == DLCRT_STATUS_INVALID_ARGUMENT);
  CHECK_CONTAINS(dlcrt_status_message(st), "shapes do not match");
  dlcrt_status_free(st);

  /* strides with no unit dimension */
  dlcrt_memref3_t gappy = test_matrix(b, 1, K, N / 2, K * N, N, 2);
  dlcrt_memref3_t mc2 = test_matrix(big_c, 4, M, N / 2, M * N / 2, N / 2, 1);
  _mlir_ciface_dlcrt_gemm_f32(&ma, &gappy, &mc2, NULL, NULL, 0);
  st = dlcrt_cuda_take_error();
  CHECK(st && dlcrt_status_code(st) == DLCRT_STATUS_UNIMPLEMENTED);
  CHECK_CONTAINS(dlcrt_status_message(st), "strides cuBLASLt cannot express");
  dlcrt_status_free(st);

  /* the first error wins, and nothing runs while it is pending */
  int before = fake_matmul_count();
  _mlir_ciface_dlcrt_gemm_f32(&ma, &wrong, &mc, NULL, NULL, 0);
  _mlir_ciface_dlcrt_gemm_f32(&ma, &mb, &mc, NULL, NULL, 0);
  CHECK_EQ_INT(fake_matmul_count(), before);
  st = dlcrt_cuda_take_error();
  CHECK(st != NULL);
  CHECK_CONTAINS(dlcrt_status_message(st), "shapes do not match");
  dlcrt_status_free(st);
  _mlir_ciface_dlcrt_gemm_f32(&ma, &mb, &mc, NULL, NULL, 0);
  CHECK_OK(dlcrt_cuda_take_error());
  CHECK_EQ_INT(fake_matmul_count(), before + 1);
}

/* Descriptors and algorithms are made once per shape: a repeated GEMM asks the heuristic nothing, and
 * still uses the bias and buffers of its own call; another epilogue or alignment is another plan. */
static void test_plan_cache(void) {
  enum { M = 3, K = 5, N = 4 };
  float a[M * K], b[K * N], c[M * N + 1], bias1[N], bias2[N];
  fill(a, M * K, 20), fill(b, K * N, 21), fill(bias1, N, 22), fill(bias2, N, 23);
  dlcrt_memref3_t ma = test_matrix(a, 1, M, K, M * K, K, 1), mb = test_matrix(b, 1, K, N, K * N, N, 1),
                  mc = test_matrix(c, 1, M, N, M * N, N, 1);
  dlcrt_memref1_t mbias1 = {bias1, bias1, 0, {N}, {1}}, mbias2 = {bias2, bias2, 0, {N}, {1}};
  _mlir_ciface_dlcrt_gemm_f32(&ma, &mb, &mc, &mbias1, NULL, DLCRT_GEMM_BIAS);
  CHECK_OK(dlcrt_cuda_take_error());
  int heuristics = fake_heuristic_count();
  _mlir_ciface_dlcrt_gemm_f32(&ma, &mb, &mc, &mbias2, NULL, DLCRT_GEMM_BIAS);
  CHECK_OK(dlcrt_cuda_take_error());
  CHECK_EQ_INT(fake_heuristic_count(), heuristics);
  check_gemm("cached plan, second bias", &ma, &mb, &mc, bias2, DLCRT_GEMM_BIAS, 1e-4f);
  _mlir_ciface_dlcrt_gemm_f32(&ma, &mb, &mc, &mbias2, NULL, DLCRT_GEMM_BIAS | DLCRT_GEMM_RELU);
  CHECK_OK(dlcrt_cuda_take_error());
  CHECK_EQ_INT(fake_heuristic_count(), heuristics + 1);
  check_gemm("another epilogue", &ma, &mb, &mc, bias2, DLCRT_GEMM_BIAS | DLCRT_GEMM_RELU, 1e-4f);
  /* C one element further: a different alignment, so a different plan (the fake checks alignments) */
  dlcrt_memref3_t mc1 = mc;
  mc1.offset = 1;
  _mlir_ciface_dlcrt_gemm_f32(&ma, &mb, &mc1, &mbias1, NULL, DLCRT_GEMM_BIAS | DLCRT_GEMM_RELU);
  CHECK_OK(dlcrt_cuda_take_error());
  check_gemm("another alignment", &ma, &mb, &mc1, bias1, DLCRT_GEMM_BIAS | DLCRT_GEMM_RELU, 1e-4f);
}

/* A residual of C's shape is cuBLASLt's C with beta 1 (the result still goes to `c`), added before
 * the bias and the activation; it may have its own row stride. */
static void test_residual(void) {
  enum { M = 4, K = 6, N = 5, LDR = 7 };
  float a[M * K], b[K * N], c[M * N], bias[N], r[M * LDR];
  fill(a, M * K, 30), fill(b, K * N, 31), fill(bias, N, 32), fill(r, M * LDR, 33);
  dlcrt_memref3_t ma = test_matrix(a, 1, M, K, M * K, K, 1), mb = test_matrix(b, 1, K, N, K * N, N, 1),
                  mc = test_matrix(c, 1, M, N, M * N, N, 1), mr = test_matrix(r, 1, M, N, M * LDR, LDR, 1);
  dlcrt_memref1_t mbias = {bias, bias, 0, {N}, {1}};
  int64_t flags = DLCRT_GEMM_RESIDUAL | DLCRT_GEMM_BIAS | DLCRT_GEMM_RELU;
  _mlir_ciface_dlcrt_gemm_f32(&ma, &mb, &mc, &mbias, &mr, flags);
  CHECK_OK(dlcrt_cuda_take_error());
  CHECK(fake_last()->beta == 1.0f);
  CHECK_EQ_INT(fake_last()->c_is_d, 0);
  int bad = 0;
  for (int i = 0; i < M; ++i)
    for (int j = 0; j < N; ++j) {
      float want = bias[j] + r[i * LDR + j];
      for (int p = 0; p < K; ++p) want += a[i * K + p] * b[p * N + j];
      want = want > 0 ? want : 0;
      if (fabsf(c[i * N + j] - want) > 1e-4f) ++bad;
    }
  CHECK_EQ_INT(bad, 0);
  /* without the flag the residual argument is ignored: beta 0, in place */
  _mlir_ciface_dlcrt_gemm_f32(&ma, &mb, &mc, &mbias, &mr, DLCRT_GEMM_BIAS);
  CHECK_OK(dlcrt_cuda_take_error());
  CHECK(fake_last()->beta == 0.0f);
  CHECK_EQ_INT(fake_last()->c_is_d, 1);
  check_gemm("residual ignored", &ma, &mb, &mc, bias, DLCRT_GEMM_BIAS, 1e-4f);
  /* a residual of another shape is refused */
  dlcrt_memref3_t wrong = test_matrix(r, 1, M, N - 1, M * LDR, LDR, 1);
  _mlir_ciface_dlcrt_gemm_f32(&ma, &mb, &mc, &mbias, &wrong, flags);
  dlcrt_status_t st = dlcrt_cuda_take_error();
  CHECK(st != NULL);
  CHECK_CONTAINS(dlcrt_status_message(st), "the residual must have C's shape 1x4x5");
  dlcrt_status_free(st);
}

static void test_symbols(void) {
  int count = 0;
  for (const dlcrt_jit_symbol_t *s = dlcrt_cublaslt_jit_symbols(); s->name; ++s, ++count)
    CHECK(s->address != NULL && strncmp(s->name, "_mlir_ciface_dlcrt_gemm_", 24) == 0);
  CHECK_EQ_INT(count, 3);
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "";
  test_symbols();
  if (strcmp(mode, "nolib") == 0) {
    float x[4] = {0};
    dlcrt_memref3_t m = test_matrix(x, 1, 2, 2, 4, 2, 1);
    _mlir_ciface_dlcrt_gemm_f32(&m, &m, &m, NULL, NULL, 0);
    dlcrt_status_t st = dlcrt_cuda_take_error();
    CHECK(st && dlcrt_status_code(st) == DLCRT_STATUS_UNAVAILABLE);
    CHECK_CONTAINS(dlcrt_status_message(st), "dlcrt_gemm_f32: no cuBLASLt (DLC_CUBLASLT=");
    CHECK_CONTAINS(dlcrt_status_message(st), "cannot be loaded");
    if (st) fprintf(stderr, "message: %s\n", dlcrt_status_message(st));
    dlcrt_status_free(st);
    return DLC_TEST_RESULT();
  }
  if (strcmp(mode, "fake") != 0) {
    fprintf(stderr, "usage: %s fake|nolib\n", argv[0]);
    return 2;
  }
  void *fake = dlopen(getenv(DLCRT_CUBLASLT_ENV), RTLD_NOW | RTLD_LOCAL);
  CHECK(fake != NULL);
  if (!fake) return DLC_TEST_RESULT();
  *(void **)&fake_last = dlsym(fake, "fake_cublaslt_last");
  *(void **)&fake_set_no_algo = dlsym(fake, "fake_cublaslt_set_no_algo");
  *(void **)&fake_matmul_count = dlsym(fake, "fake_cublaslt_matmul_count");
  *(void **)&fake_heuristic_count = dlsym(fake, "fake_cublaslt_heuristic_count");
  CHECK(fake_last && fake_set_no_algo && fake_matmul_count && fake_heuristic_count);
  if (!fake_last || !fake_set_no_algo || !fake_matmul_count || !fake_heuristic_count) return DLC_TEST_RESULT();
  test_plain_and_epilogues();
  test_transposed_strides();
  test_batched();
  test_half_types();
  test_errors();
  test_plan_cache();
  test_residual();
  return DLC_TEST_RESULT();
}
