/* A fake libcublasLt for the tests of runtime/cuda/cublaslt.c and of the CUDA host path (test/cuda):
 * loaded through DLC_CUBLASLT in place of libcublasLt.so. Device memory of the fake libcuda is host
 * memory, so cublasLtMatmul really computes D = op(A) x op(B) (+ bias, relu, gelu-tanh) on the host,
 * column-major with leading dimensions, transposes and strided batches as cuBLASLt defines them, for
 * f32, f16 and bf16 data. Descriptors are plain structs. Hooks for the tests (found with dlsym):
 * fake_cublaslt_last() describes the last matmul, fake_cublaslt_set_no_algo() makes the heuristic find
 * nothing, fake_cublaslt_matmul_count() and fake_cublaslt_heuristic_count() count calls. With DLC_FAKE_CUBLASLT_TRACE set, every matmul
 * prints one line "fake cublasLt: matmul ..." to stderr (test/cuda counts them). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int cublasStatus_t;
enum {
  FAKE_SUCCESS = 0,
  FAKE_NOT_INITIALIZED = 1,
  FAKE_INVALID_VALUE = 7,
  FAKE_NOT_SUPPORTED = 15,
  FAKE_MISALIGNED = 16, /* not a cuBLAS status: the fake's own, so that tests see what failed */
};
enum { FAKE_R_32F = 0, FAKE_R_16F = 2, FAKE_R_16BF = 14 };
enum { FAKE_COMPUTE_32F = 68, FAKE_COMPUTE_32F_FAST_TF32 = 77 };
enum { FAKE_EPI_DEFAULT = 1, FAKE_EPI_RELU = 2, FAKE_EPI_BIAS = 4, FAKE_EPI_GELU = 32 };

typedef struct cublasLtContext {
  int magic;
} * cublasLtHandle_t;

typedef struct fake_desc_t {
  int compute, scale, transa, transb, epilogue;
  const void *bias;
} fake_desc_t;

typedef struct fake_layout_t {
  int type;
  uint64_t rows, cols;
  int64_t ld, batch_stride;
  int32_t batch;
} fake_layout_t;

typedef struct fake_pref_t {
  uint64_t max_workspace;
  uint32_t min_alignment[4]; /* A, B, C, D; 256 unless set, as in cuBLASLt */
} fake_pref_t;

typedef struct {
  uint64_t data[8];
} cublasLtMatmulAlgo_t;
typedef struct {
  cublasLtMatmulAlgo_t algo;
  size_t workspaceSize;
  cublasStatus_t state;
  float wavesCount;
  int reserved[4];
} cublasLtMatmulHeuristicResult_t;

/* What the tests read back about the last matmul. */
typedef struct fake_cublaslt_call_t {
  int compute, transa, transb, epilogue, type;
  uint64_t m, n, k;
  int32_t batch;
  int has_bias;
  uint64_t workspace_bytes;
  float beta;
  int c_is_d;
} fake_cublaslt_call_t;

static fake_cublaslt_call_t fake_last;
static int fake_no_algo = 0;
static int fake_matmuls = 0;
static int fake_heuristics = 0;

const fake_cublaslt_call_t *fake_cublaslt_last(void) { return &fake_last; }
void fake_cublaslt_set_no_algo(int on) { fake_no_algo = on; }
int fake_cublaslt_matmul_count(void) { return fake_matmuls; }
int fake_cublaslt_heuristic_count(void) { return fake_heuristics; }

const char *cublasLtGetStatusName(cublasStatus_t status) {
  switch (status) {
  case FAKE_SUCCESS: return "CUBLAS_STATUS_SUCCESS";
  case FAKE_NOT_INITIALIZED: return "CUBLAS_STATUS_NOT_INITIALIZED";
  case FAKE_INVALID_VALUE: return "CUBLAS_STATUS_INVALID_VALUE";
  case FAKE_NOT_SUPPORTED: return "CUBLAS_STATUS_NOT_SUPPORTED";
  case FAKE_MISALIGNED: return "FAKE_STATUS_MISALIGNED (a pointer breaks the alignment the heuristic assumed)";
  default: return "CUBLAS_STATUS_UNKNOWN";
  }
}

cublasStatus_t cublasLtCreate(cublasLtHandle_t *handle) {
  *handle = calloc(1, sizeof(**handle));
  (*handle)->magic = 0x17;
  return FAKE_SUCCESS;
}

cublasStatus_t cublasLtDestroy(cublasLtHandle_t handle) {
  if (!handle || handle->magic != 0x17) return FAKE_INVALID_VALUE;
  free(handle);
  return FAKE_SUCCESS;
}

cublasStatus_t cublasLtMatmulDescCreate(fake_desc_t **desc, int compute, int scale) {
  if (compute != FAKE_COMPUTE_32F && compute != FAKE_COMPUTE_32F_FAST_TF32) return FAKE_NOT_SUPPORTED;
  *desc = calloc(1, sizeof(**desc));
  **desc = (fake_desc_t){.compute = compute, .scale = scale, .epilogue = FAKE_EPI_DEFAULT};
  return FAKE_SUCCESS;
}
cublasStatus_t cublasLtMatmulDescDestroy(fake_desc_t *desc) {
  free(desc);
  return FAKE_SUCCESS;
}
cublasStatus_t cublasLtMatmulDescSetAttribute(fake_desc_t *desc, int attr, const void *buf, size_t size) {
  switch (attr) {
  case 3: /* TRANSA */
  case 4: /* TRANSB */
  case 7: /* EPILOGUE */
    if (size != sizeof(int32_t)) return FAKE_INVALID_VALUE;
    memcpy(attr == 3 ? &desc->transa : attr == 4 ? &desc->transb : &desc->epilogue, buf, sizeof(int32_t));
    return FAKE_SUCCESS;
  case 8: /* BIAS_POINTER */
    if (size != sizeof(void *)) return FAKE_INVALID_VALUE;
    memcpy(&desc->bias, buf, sizeof(void *));
    return FAKE_SUCCESS;
  default: return FAKE_INVALID_VALUE;
  }
}

cublasStatus_t cublasLtMatrixLayoutCreate(fake_layout_t **layout, int type, uint64_t rows, uint64_t cols, int64_t ld) {
  if (ld < (int64_t)rows || ld < 1) return FAKE_INVALID_VALUE; /* cuBLASLt: ld >= rows for column-major */
  *layout = calloc(1, sizeof(**layout));
  **layout = (fake_layout_t){.type = type, .rows = rows, .cols = cols, .ld = ld, .batch = 1};
  return FAKE_SUCCESS;
}
cublasStatus_t cublasLtMatrixLayoutDestroy(fake_layout_t *layout) {
  free(layout);
  return FAKE_SUCCESS;
}
cublasStatus_t cublasLtMatrixLayoutSetAttribute(fake_layout_t *layout, int attr, const void *buf, size_t size) {
  if (attr == 5 && size == sizeof(int32_t)) { /* BATCH_COUNT */
    memcpy(&layout->batch, buf, size);
    return FAKE_SUCCESS;
  }
  if (attr == 6 && size == sizeof(int64_t)) { /* STRIDED_BATCH_OFFSET */
    memcpy(&layout->batch_stride, buf, size);
    return FAKE_SUCCESS;
  }
  return FAKE_INVALID_VALUE;
}

cublasStatus_t cublasLtMatmulPreferenceCreate(fake_pref_t **pref) {
  *pref = calloc(1, sizeof(**pref));
  for (int i = 0; i < 4; ++i) (*pref)->min_alignment[i] = 256;
  return FAKE_SUCCESS;
}
cublasStatus_t cublasLtMatmulPreferenceDestroy(fake_pref_t *pref) {
  free(pref);
  return FAKE_SUCCESS;
}
cublasStatus_t cublasLtMatmulPreferenceSetAttribute(fake_pref_t *pref, int attr, const void *buf, size_t size) {
  if (attr >= 5 && attr <= 8 && size == sizeof(uint32_t)) { /* MIN_ALIGNMENT_{A,B,C,D}_BYTES */
    memcpy(&pref->min_alignment[attr - 5], buf, size);
    return FAKE_SUCCESS;
  }
  if (attr != 1 || size != sizeof(uint64_t)) return FAKE_INVALID_VALUE;
  memcpy(&pref->max_workspace, buf, size);
  return FAKE_SUCCESS;
}

/* The shapes of op(A) [m, k], op(B) [k, n], C and D [m, n] must agree, as cuBLASLt checks. */
static int fake_shapes(const fake_desc_t *d, const fake_layout_t *a, const fake_layout_t *b, const fake_layout_t *c,
                       const fake_layout_t *dl, uint64_t *m, uint64_t *n, uint64_t *k) {
  uint64_t am = d->transa ? a->cols : a->rows, ak = d->transa ? a->rows : a->cols;
  uint64_t bk = d->transb ? b->cols : b->rows, bn = d->transb ? b->rows : b->cols;
  if (ak != bk || dl->rows != am || dl->cols != bn || c->rows != dl->rows || c->cols != dl->cols) return 0;
  if (a->type != dl->type || b->type != dl->type || c->type != dl->type || c->batch != dl->batch) return 0;
  *m = am, *n = bn, *k = ak;
  return 1;
}

cublasStatus_t cublasLtMatmulAlgoGetHeuristic(cublasLtHandle_t handle, fake_desc_t *desc, fake_layout_t *a,
                                              fake_layout_t *b, fake_layout_t *c, fake_layout_t *d, fake_pref_t *pref,
                                              int requested, cublasLtMatmulHeuristicResult_t results[],
                                              int *returned) {
  uint64_t m, n, k;
  if (!handle || !desc || !pref || requested < 1 || !fake_shapes(desc, a, b, c, d, &m, &n, &k))
    return FAKE_INVALID_VALUE;
  *returned = 0;
  ++fake_heuristics;
  if (fake_no_algo) return FAKE_SUCCESS;
  memset(&results[0], 0, sizeof(results[0]));
  results[0].algo.data[0] = 0xa160;
  /* like a real algorithm, the one found may rely on the alignments the preference promised */
  for (int i = 0; i < 4; ++i) results[0].algo.data[1 + i] = pref->min_alignment[i];
  *returned = 1;
  return FAKE_SUCCESS;
}

static float fake_load(int type, const void *base, int64_t index) {
  if (type == FAKE_R_32F) return ((const float *)base)[index];
  uint16_t h = ((const uint16_t *)base)[index];
  if (type == FAKE_R_16BF) {
    uint32_t bits = (uint32_t)h << 16;
    float f;
    memcpy(&f, &bits, sizeof(f));
    return f;
  }
  /* IEEE half */
  uint32_t sign = (uint32_t)(h >> 15) << 31, exp = (h >> 10) & 31, man = h & 1023;
  float f;
  if (exp == 0) {
    f = ldexpf((float)man, -24);
    return sign ? -f : f;
  }
  if (exp == 31) return sign ? -INFINITY : (man ? NAN : INFINITY);
  uint32_t bits = sign | ((exp + 112) << 23) | (man << 13);
  memcpy(&f, &bits, sizeof(f));
  return f;
}

static void fake_store(int type, void *base, int64_t index, float value) {
  if (type == FAKE_R_32F) {
    ((float *)base)[index] = value;
    return;
  }
  uint32_t bits;
  memcpy(&bits, &value, sizeof(bits));
  uint16_t h;
  if (type == FAKE_R_16BF) {
    h = (uint16_t)((bits + 0x7fff + ((bits >> 16) & 1)) >> 16); /* round to nearest even */
  } else {
    uint32_t sign = (bits >> 16) & 0x8000;
    float a = fabsf(value);
    if (a >= 65520.0f) h = (uint16_t)(sign | 0x7c00);
    else if (a < ldexpf(1.0f, -14)) h = (uint16_t)(sign | (uint32_t)lrintf(a * ldexpf(1.0f, 24)));
    else {
      int e;
      float fr = frexpf(a, &e); /* a = fr * 2^e, fr in [0.5, 1) */
      uint32_t man = (uint32_t)lrintf((fr * 2.0f - 1.0f) * 1024.0f);
      uint32_t exp = (uint32_t)(e - 1 + 15);
      if (man == 1024) man = 0, ++exp;
      h = (uint16_t)(sign | (exp << 10) | man);
    }
  }
  ((uint16_t *)base)[index] = h;
}

static size_t fake_size(int type) { return type == FAKE_R_32F ? 4 : 2; }

cublasStatus_t cublasLtMatmul(cublasLtHandle_t handle, fake_desc_t *desc, const void *alpha, const void *a,
                              fake_layout_t *la, const void *b, fake_layout_t *lb, const void *beta, const void *c,
                              fake_layout_t *lc, void *d, fake_layout_t *ld, const cublasLtMatmulAlgo_t *algo,
                              void *workspace, size_t workspace_size, void *stream) {
  (void)workspace, (void)stream;
  uint64_t m, n, k;
  if (!handle || !algo || algo->data[0] != 0xa160 || !fake_shapes(desc, la, lb, lc, ld, &m, &n, &k) || !alpha || !beta)
    return FAKE_INVALID_VALUE;
  const void *pointers[4] = {a, b, c, d};
  for (int i = 0; i < 4; ++i)
    if ((uintptr_t)pointers[i] % algo->data[1 + i] != 0) return FAKE_MISALIGNED;
  int32_t batch = ld->batch;
  if (la->batch != batch || lb->batch != batch) return FAKE_INVALID_VALUE;
  if ((desc->epilogue & FAKE_EPI_BIAS) && !desc->bias) return FAKE_INVALID_VALUE;
  float al, be;
  memcpy(&al, alpha, sizeof(al));
  memcpy(&be, beta, sizeof(be));
  int type = ld->type;
  size_t es = fake_size(type);
  for (int32_t bi = 0; bi < batch; ++bi) {
    const char *ab = (const char *)a + (size_t)(bi * la->batch_stride) * es;
    const char *bb = (const char *)b + (size_t)(bi * lb->batch_stride) * es;
    const char *cb = (const char *)c + (size_t)(bi * lc->batch_stride) * es;
    char *db = (char *)d + (size_t)(bi * ld->batch_stride) * es;
    for (uint64_t j = 0; j < n; ++j) {
      for (uint64_t i = 0; i < m; ++i) {
        double sum = 0;
        for (uint64_t p = 0; p < k; ++p) {
          int64_t ai = desc->transa ? (int64_t)(p + i * la->ld) : (int64_t)(i + p * la->ld);
          int64_t bidx = desc->transb ? (int64_t)(j + p * lb->ld) : (int64_t)(p + j * lb->ld);
          sum += (double)fake_load(type, ab, ai) * (double)fake_load(type, bb, bidx);
        }
        int64_t di = (int64_t)(i + j * ld->ld), ci = (int64_t)(i + j * lc->ld);
        float v = al * (float)sum + (be != 0.0f ? be * fake_load(type, cb, ci) : 0.0f);
        if (desc->epilogue & FAKE_EPI_BIAS) v += fake_load(type, desc->bias, (int64_t)i);
        if (desc->epilogue & FAKE_EPI_RELU) v = v > 0 ? v : 0;
        if (desc->epilogue & FAKE_EPI_GELU)
          v = 0.5f * v * (1.0f + tanhf(0.7978845608f * (v + 0.044715f * v * v * v)));
        fake_store(type, db, di, v);
      }
    }
  }
  fake_last = (fake_cublaslt_call_t){.compute = desc->compute, .transa = desc->transa, .transb = desc->transb,
                                     .epilogue = desc->epilogue, .type = type, .m = m, .n = n, .k = k,
                                     .batch = batch, .has_bias = desc->bias != NULL,
                                     .workspace_bytes = workspace_size, .beta = be, .c_is_d = c == d};
  ++fake_matmuls;
  if (getenv("DLC_FAKE_CUBLASLT_TRACE"))
    fprintf(stderr, "fake cublasLt: matmul m=%llu n=%llu k=%llu batch=%d epilogue=%d compute=%d\n",
            (unsigned long long)m, (unsigned long long)n, (unsigned long long)k, (int)batch, desc->epilogue,
            desc->compute);
  return FAKE_SUCCESS;
}
