/* GEMMs through cuBLASLt (include/dlc/cublaslt.h): the library is dlopen()ed at the first GEMM, its
 * few entry points resolved by name; one handle and one 32 MiB workspace are created lazily on CUDA
 * device 0 (the device of DLC's compiled code, which never calls mgpuSetDefaultDevice) and kept for
 * the process.
 *
 * Layouts: DLC's matrices are row-major; cuBLASLt's are column-major by default, and its bias epilogue
 * adds a vector along the rows of a column-major D. Both are served by computing the transposed
 * product: the row-major C [M, N] is the column-major D' = C^T [N, M] = B^T x A^T, so cuBLASLt's "A"
 * is DLC's B and its "B" is DLC's A, and a bias of N elements is one per row of D'. A row-major
 * operand read this way needs no transpose (its memory is its transpose, column-major); an operand
 * whose row stride is 1 (a transposed view, e.g. the weight of dlc.matmul {transpose_b}) is
 * column-major itself and gets CUBLAS_OP_T.
 *
 * Plans: the descriptors, layouts and the heuristic's algorithm are made once per shape, epilogue and
 * alignment and cached (dlcrt_gemm_plan_t); a call sets only the bias pointer and runs cublasLtMatmul.
 * The handle, workspace and plans are made by the first GEMM of a shape, so under CUDA graph capture a
 * model call must have run once before (cublasLtCreate and cuMemAlloc are not capturable).
 *
 * Types and enum values come from cublasLt.h when the build found it (DLC_HAVE_CUBLASLT_H: only its
 * types and constants are used, and every declaration below is checked against it); otherwise from the
 * minimal copies below, which mirror the cuBLASLt ABI, so the build needs no CUDA toolkit. */
#define _POSIX_C_SOURCE 200809L

#include "dlc/cublaslt.h"

#include <dlfcn.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "cuda_driver_internal.h"

#ifdef DLC_HAVE_CUBLASLT_H
#include <cublasLt.h>
#else
typedef int cublasStatus_t;
typedef struct cublasLtContext *cublasLtHandle_t;
typedef struct { uint64_t data[32]; } cublasLtMatmulDescOpaque_t;
typedef cublasLtMatmulDescOpaque_t *cublasLtMatmulDesc_t;
typedef struct { uint64_t data[8]; } cublasLtMatrixLayoutOpaque_t;
typedef cublasLtMatrixLayoutOpaque_t *cublasLtMatrixLayout_t;
typedef struct { uint64_t data[8]; } cublasLtMatmulPreferenceOpaque_t;
typedef cublasLtMatmulPreferenceOpaque_t *cublasLtMatmulPreference_t;
typedef struct { uint64_t data[8]; } cublasLtMatmulAlgo_t;
typedef struct {
  cublasLtMatmulAlgo_t algo;
  size_t workspaceSize;
  cublasStatus_t state;
  float wavesCount;
  int reserved[4];
} cublasLtMatmulHeuristicResult_t;
typedef int cublasComputeType_t;  /* enums in cublasLt.h / library_types.h: the same size and ABI */
typedef int cudaDataType_t;
typedef int cublasLtMatmulDescAttributes_t;
typedef int cublasLtMatrixLayoutAttribute_t;
typedef int cublasLtMatmulPreferenceAttributes_t;
typedef struct CUstream_st *cudaStream_t;
typedef int cudaDataType;
enum { CUBLAS_STATUS_SUCCESS = 0, CUBLAS_STATUS_NOT_SUPPORTED = 15 };
enum { CUBLAS_COMPUTE_32F = 68, CUBLAS_COMPUTE_32F_FAST_TF32 = 77 };
enum { CUDA_R_32F = 0, CUDA_R_16F = 2, CUDA_R_16BF = 14 };
enum { CUBLAS_OP_N = 0, CUBLAS_OP_T = 1 };
enum {
  CUBLASLT_MATMUL_DESC_TRANSA = 3,
  CUBLASLT_MATMUL_DESC_TRANSB = 4,
  CUBLASLT_MATMUL_DESC_EPILOGUE = 7,
  CUBLASLT_MATMUL_DESC_BIAS_POINTER = 8,
};
enum {
  CUBLASLT_EPILOGUE_DEFAULT = 1,
  CUBLASLT_EPILOGUE_RELU = 2,
  CUBLASLT_EPILOGUE_BIAS = 4,
  CUBLASLT_EPILOGUE_RELU_BIAS = 6,
  CUBLASLT_EPILOGUE_GELU = 32,
  CUBLASLT_EPILOGUE_GELU_BIAS = 36,
};
enum { CUBLASLT_MATRIX_LAYOUT_BATCH_COUNT = 5, CUBLASLT_MATRIX_LAYOUT_STRIDED_BATCH_OFFSET = 6 };
enum {
  CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES = 1,
  CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_A_BYTES = 5,
  CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_B_BYTES = 6,
  CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_C_BYTES = 7,
  CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_D_BYTES = 8,
};
#endif

/* The cuBLASLt entry points DLC uses: X(field, return, parameters, symbol, required). */
#define DLCRT_CUBLASLT_ENTRY_POINTS(X)                                                                              \
  X(Create, cublasStatus_t, (cublasLtHandle_t * handle), cublasLtCreate, true)                                      \
  X(Destroy, cublasStatus_t, (cublasLtHandle_t handle), cublasLtDestroy, true)                                      \
  X(GetStatusName, const char *, (cublasStatus_t status), cublasLtGetStatusName, false)                             \
  X(MatmulDescCreate, cublasStatus_t,                                                                               \
    (cublasLtMatmulDesc_t * desc, cublasComputeType_t compute, cudaDataType_t scale), cublasLtMatmulDescCreate, true) \
  X(MatmulDescDestroy, cublasStatus_t, (cublasLtMatmulDesc_t desc), cublasLtMatmulDescDestroy, true)               \
  X(MatmulDescSetAttribute, cublasStatus_t,                                                                         \
    (cublasLtMatmulDesc_t desc, cublasLtMatmulDescAttributes_t attr, const void *buf, size_t size),                 \
    cublasLtMatmulDescSetAttribute, true)                                                                           \
  X(MatrixLayoutCreate, cublasStatus_t,                                                                             \
    (cublasLtMatrixLayout_t * layout, cudaDataType type, uint64_t rows, uint64_t cols, int64_t ld),                 \
    cublasLtMatrixLayoutCreate, true)                                                                               \
  X(MatrixLayoutDestroy, cublasStatus_t, (cublasLtMatrixLayout_t layout), cublasLtMatrixLayoutDestroy, true)       \
  X(MatrixLayoutSetAttribute, cublasStatus_t,                                                                       \
    (cublasLtMatrixLayout_t layout, cublasLtMatrixLayoutAttribute_t attr, const void *buf, size_t size),            \
    cublasLtMatrixLayoutSetAttribute, true)                                                                         \
  X(MatmulPreferenceCreate, cublasStatus_t, (cublasLtMatmulPreference_t * pref), cublasLtMatmulPreferenceCreate,   \
    true)                                                                                                           \
  X(MatmulPreferenceDestroy, cublasStatus_t, (cublasLtMatmulPreference_t pref), cublasLtMatmulPreferenceDestroy,   \
    true)                                                                                                           \
  X(MatmulPreferenceSetAttribute, cublasStatus_t,                                                                   \
    (cublasLtMatmulPreference_t pref, cublasLtMatmulPreferenceAttributes_t attr, const void *buf, size_t size),     \
    cublasLtMatmulPreferenceSetAttribute, true)                                                                     \
  X(MatmulAlgoGetHeuristic, cublasStatus_t,                                                                         \
    (cublasLtHandle_t handle, cublasLtMatmulDesc_t desc, cublasLtMatrixLayout_t a, cublasLtMatrixLayout_t b,        \
     cublasLtMatrixLayout_t c, cublasLtMatrixLayout_t d, cublasLtMatmulPreference_t pref, int requested,            \
     cublasLtMatmulHeuristicResult_t results[], int *returned),                                                     \
    cublasLtMatmulAlgoGetHeuristic, true)                                                                           \
  X(Matmul, cublasStatus_t,                                                                                         \
    (cublasLtHandle_t handle, cublasLtMatmulDesc_t desc, const void *alpha, const void *a, cublasLtMatrixLayout_t   \
     a_layout, const void *b, cublasLtMatrixLayout_t b_layout, const void *beta, const void *c,                     \
     cublasLtMatrixLayout_t c_layout, void *d, cublasLtMatrixLayout_t d_layout, const cublasLtMatmulAlgo_t *algo,   \
     void *workspace, size_t workspace_size, cudaStream_t stream),                                                  \
    cublasLtMatmul, true)

#if defined(DLC_HAVE_CUBLASLT_H) && defined(__GNUC__)
/* With the toolkit's cublasLt.h at hand, check every entry point's type against its prototype. */
#define DLCRT_CUBLASLT_CHECK_PROTOTYPE(field, ret, params, symbol, required)                           \
  _Static_assert(__builtin_types_compatible_p(ret(*) params, __typeof__(&symbol)), #symbol " type");
DLCRT_CUBLASLT_ENTRY_POINTS(DLCRT_CUBLASLT_CHECK_PROTOTYPE)
#undef DLCRT_CUBLASLT_CHECK_PROTOTYPE
/* ... and the constants that the fallback definitions copy. */
_Static_assert(CUBLAS_STATUS_SUCCESS == 0 && CUBLAS_STATUS_NOT_SUPPORTED == 15, "cublasStatus_t values");
_Static_assert(CUBLAS_COMPUTE_32F == 68 && CUBLAS_COMPUTE_32F_FAST_TF32 == 77, "compute types");
_Static_assert(CUDA_R_32F == 0 && CUDA_R_16F == 2 && CUDA_R_16BF == 14, "data types");
_Static_assert(CUBLAS_OP_N == 0 && CUBLAS_OP_T == 1, "operations");
_Static_assert(CUBLASLT_MATMUL_DESC_TRANSA == 3 && CUBLASLT_MATMUL_DESC_TRANSB == 4 &&
                   CUBLASLT_MATMUL_DESC_EPILOGUE == 7 && CUBLASLT_MATMUL_DESC_BIAS_POINTER == 8,
               "matmul attributes");
_Static_assert(CUBLASLT_EPILOGUE_DEFAULT == 1 && CUBLASLT_EPILOGUE_RELU == 2 && CUBLASLT_EPILOGUE_BIAS == 4 &&
                   CUBLASLT_EPILOGUE_RELU_BIAS == 6 && CUBLASLT_EPILOGUE_GELU == 32 && CUBLASLT_EPILOGUE_GELU_BIAS == 36,
               "epilogues");
_Static_assert(CUBLASLT_MATRIX_LAYOUT_BATCH_COUNT == 5 && CUBLASLT_MATRIX_LAYOUT_STRIDED_BATCH_OFFSET == 6 &&
                   CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES == 1 && CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_A_BYTES == 5 &&
                   CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_B_BYTES == 6 && CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_C_BYTES == 7 &&
                   CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_D_BYTES == 8,
               "layout and preference attributes");
_Static_assert(sizeof(cublasLtMatmulHeuristicResult_t) == 96 && sizeof(cublasLtMatmulAlgo_t) == 64,
               "heuristic result layout");
#endif

#define DLCRT_CUBLASLT_DECLARE_FIELD(field, ret, params, symbol, required) ret(*field) params;
typedef struct dlcrt_cublaslt_api_t {
  DLCRT_CUBLASLT_ENTRY_POINTS(DLCRT_CUBLASLT_DECLARE_FIELD)
} dlcrt_cublaslt_api_t;
#undef DLCRT_CUBLASLT_DECLARE_FIELD

enum { DLCRT_CUBLASLT_WORKSPACE_BYTES = 32 << 20 };

static struct {
  once_flag load_once;
  bool loaded;            /* the library and its entry points; else `reason` says why not */
  char reason[512];
  dlcrt_cublaslt_api_t api;
  mtx_t lock;             /* guards the handle and workspace below, created on first use */
  bool handle_ready;
  cublasLtHandle_t handle;
  CUdeviceptr workspace;
} dlcrt_cublaslt = {.load_once = ONCE_FLAG_INIT};

/*===-- Loading ---------------------------------------------------------------------------------===*/

static void dlcrt_cublaslt_load_once(void) {
  mtx_init(&dlcrt_cublaslt.lock, mtx_plain);
  static const char *const kDefaultNames[] = {"libcublasLt.so.13", "libcublasLt.so.12", "libcublasLt.so"};
  const char *override = getenv(DLCRT_CUBLASLT_ENV);
  void *library = NULL;
  const char *path = NULL;
  char tried[256] = "";
  if (override && *override) {
    path = override;
    dlerror();
    library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
      const char *error = dlerror();
      snprintf(dlcrt_cublaslt.reason, sizeof(dlcrt_cublaslt.reason), "no cuBLASLt (%s=%s cannot be loaded: %s)",
               DLCRT_CUBLASLT_ENV, path, error ? error : "unknown error");
      return;
    }
  } else {
    for (size_t i = 0; i < sizeof(kDefaultNames) / sizeof(kDefaultNames[0]) && !library; ++i) {
      path = kDefaultNames[i];
      library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
      size_t used = strlen(tried);
      snprintf(tried + used, sizeof(tried) - used, "%s%s", i ? ", " : "", path);
    }
    if (!library) {
      snprintf(dlcrt_cublaslt.reason, sizeof(dlcrt_cublaslt.reason),
               "no cuBLASLt (none of %s found; install the CUDA toolkit's cuBLAS or set %s)", tried,
               DLCRT_CUBLASLT_ENV);
      return;
    }
  }
  dlcrt_cublaslt_api_t *api = &dlcrt_cublaslt.api;
#define DLCRT_CUBLASLT_RESOLVE(field, ret, params, symbol, required)                                         \
  {                                                                                                          \
    void *address = dlsym(library, #symbol);                                                                 \
    memcpy(&api->field, &address, sizeof(address));                                                         \
    if (!address && required) {                                                                              \
      snprintf(dlcrt_cublaslt.reason, sizeof(dlcrt_cublaslt.reason), "cuBLASLt too old (%s has no %s)", path, \
               #symbol);                                                                                     \
      return;                                                                                                \
    }                                                                                                        \
  }
  DLCRT_CUBLASLT_ENTRY_POINTS(DLCRT_CUBLASLT_RESOLVE)
#undef DLCRT_CUBLASLT_RESOLVE
  dlcrt_cublaslt.loaded = true;
}

static const char *dlcrt_cublaslt_status_name(cublasStatus_t status) {
  const char *name = dlcrt_cublaslt.api.GetStatusName ? dlcrt_cublaslt.api.GetStatusName(status) : NULL;
  return name ? name : "unknown cuBLAS status";
}

/* The loaded API with a handle and workspace on device 0 (whose primary context is made current), or
 * NULL with *out_status set. */
static const dlcrt_cublaslt_api_t *dlcrt_cublaslt_ready(const dlcrt_cuda_driver_t **out_cu, dlcrt_status_t *out_status) {
  const dlcrt_cuda_driver_t *cu = NULL;
  CUcontext context = NULL;
  dlcrt_status_t status = dlcrt_cuda_driver(&cu);
  if (!status) status = dlcrt_cuda_cached_primary_context(cu, 0, &context);
  if (!status) status = dlcrt_cuda_error(cu, cu->CtxSetCurrent(context), "cuCtxSetCurrent(primary context of CUDA device 0)");
  if (status) {
    *out_status = status;
    return NULL;
  }
  call_once(&dlcrt_cublaslt.load_once, dlcrt_cublaslt_load_once);
  if (!dlcrt_cublaslt.loaded) {
    *out_status = dlcrt_make_status(DLCRT_STATUS_UNAVAILABLE, "%s", dlcrt_cublaslt.reason);
    return NULL;
  }
  const dlcrt_cublaslt_api_t *api = &dlcrt_cublaslt.api;
  mtx_lock(&dlcrt_cublaslt.lock);
  if (!dlcrt_cublaslt.handle_ready) {
    cublasStatus_t result = api->Create(&dlcrt_cublaslt.handle);
    if (result != CUBLAS_STATUS_SUCCESS) {
      status = dlcrt_make_status(DLCRT_STATUS_UNAVAILABLE, "cublasLtCreate on CUDA device 0 failed: %s",
                                 dlcrt_cublaslt_status_name(result));
    } else {
      status = dlcrt_cuda_error(cu, cu->MemAlloc(&dlcrt_cublaslt.workspace, DLCRT_CUBLASLT_WORKSPACE_BYTES),
                                "cuMemAlloc(%d bytes of cuBLASLt workspace) on CUDA device 0",
                                (int)DLCRT_CUBLASLT_WORKSPACE_BYTES);
      /* without a workspace cuBLASLt still works, with fewer algorithms */
      if (status) dlcrt_cublaslt.workspace = 0;
      dlcrt_status_free(status);
      status = NULL;
      dlcrt_cublaslt.handle_ready = true;
    }
  }
  mtx_unlock(&dlcrt_cublaslt.lock);
  if (status) {
    *out_status = status;
    return NULL;
  }
  *out_cu = cu;
  return api;
}

/*===-- One GEMM --------------------------------------------------------------------------------===*/

/* One operand as cuBLASLt sees it: a column-major rows x cols matrix with leading dimension ld, read
 * transposed or not, `batch_stride` elements apart. */
typedef struct dlcrt_gemm_operand_t {
  uint64_t rows, cols;
  int64_t ld, batch_stride;
  int32_t op;
} dlcrt_gemm_operand_t;

/* Describes the row-major logical [r, c] matrix of `m` (dims 1 and 2) as the column-major c x r matrix
 * its memory is (op N), or, when its row stride is 1, as the column-major r x c matrix read
 * transposed (op T); false when neither describes its strides. */
static bool dlcrt_gemm_describe(const dlcrt_memref3_t *m, int64_t batch, dlcrt_gemm_operand_t *out) {
  int64_t r = m->sizes[1], c = m->sizes[2], sr = m->strides[1], sc = m->strides[2];
  int64_t batch_stride = (m->sizes[0] == 1 && batch > 1) ? 0 : m->strides[0];
  if ((sc == 1 || c == 1) && (r == 1 || sr >= (c > 1 ? c : 1))) {
    *out = (dlcrt_gemm_operand_t){.rows = (uint64_t)c, .cols = (uint64_t)r, .ld = r == 1 ? (c > 1 ? c : 1) : sr,
                                  .batch_stride = batch_stride, .op = CUBLAS_OP_N};
    return true;
  }
  if ((sr == 1 || r == 1) && (c == 1 || sc >= (r > 1 ? r : 1))) {
    *out = (dlcrt_gemm_operand_t){.rows = (uint64_t)r, .cols = (uint64_t)c, .ld = c == 1 ? (r > 1 ? r : 1) : sc,
                                  .batch_stride = batch_stride, .op = CUBLAS_OP_T};
    return true;
  }
  return false;
}

static cublasStatus_t dlcrt_gemm_layout(const dlcrt_cublaslt_api_t *api, cudaDataType type,
                                        const dlcrt_gemm_operand_t *operand, int64_t batch,
                                        cublasLtMatrixLayout_t *out) {
  cublasStatus_t result = api->MatrixLayoutCreate(out, type, operand->rows, operand->cols, operand->ld);
  if (result != CUBLAS_STATUS_SUCCESS || batch <= 1) return result;
  int32_t count = (int32_t)batch;
  result = api->MatrixLayoutSetAttribute(*out, CUBLASLT_MATRIX_LAYOUT_BATCH_COUNT, &count, sizeof(count));
  if (result == CUBLAS_STATUS_SUCCESS)
    result = api->MatrixLayoutSetAttribute(*out, CUBLASLT_MATRIX_LAYOUT_STRIDED_BATCH_OFFSET, &operand->batch_stride,
                                           sizeof(operand->batch_stride));
  return result;
}

/* The alignment the heuristic may assume for a matrix at `ptr`: the largest power of two dividing the
 * address, at most 256 (cuBLASLt's default assumption, which views at an offset or arena buffers
 * 64 bytes apart would break). */
static uint32_t dlcrt_gemm_alignment(const void *ptr) {
  uintptr_t address = (uintptr_t)ptr;
  uint32_t alignment = 256;
  while (alignment > 1 && address % alignment != 0) alignment /= 2;
  return alignment;
}

static int32_t dlcrt_gemm_epilogue(int64_t flags) {
  bool bias = flags & DLCRT_GEMM_BIAS;
  if (flags & DLCRT_GEMM_RELU) return bias ? CUBLASLT_EPILOGUE_RELU_BIAS : CUBLASLT_EPILOGUE_RELU;
  if (flags & DLCRT_GEMM_GELU) return bias ? CUBLASLT_EPILOGUE_GELU_BIAS : CUBLASLT_EPILOGUE_GELU;
  return bias ? CUBLASLT_EPILOGUE_BIAS : CUBLASLT_EPILOGUE_DEFAULT;
}

/* What decides a GEMM's descriptors and algorithm, everything but the pointers (the bias pointer is
 * set on the descriptor per call): type, compute type, epilogue, batch, then rows, cols, ld, batch
 * stride and op of cuBLASLt's A, B and D, the alignments of A, B and D, the workspace size, then the
 * residual's (cuBLASLt's C when it is not D) rows, cols, ld, batch stride, op and alignment, or zeros. */
enum { DLCRT_GEMM_KEY_WORKSPACE = 22, DLCRT_GEMM_KEY_RESIDUAL = 23, DLCRT_GEMM_KEY_LENGTH = 29 };
typedef struct dlcrt_gemm_key_t {
  int64_t values[DLCRT_GEMM_KEY_LENGTH];
} dlcrt_gemm_key_t;

/* Descriptors, layouts and the heuristic's algorithm for one key, kept for the process: the heuristic
 * and the descriptors cost more than a small GEMM, and a model repeats the same shapes every call. */
typedef struct dlcrt_gemm_plan_t {
  dlcrt_gemm_key_t key;
  cublasLtMatmulDesc_t desc;
  cublasLtMatrixLayout_t la, lb, lc, lr; /* lr: the residual's layout (C), or NULL when C is D */
  cublasLtMatmulAlgo_t algo;
  bool used;
} dlcrt_gemm_plan_t;

enum { DLCRT_GEMM_PLAN_CACHE = 128 };
static dlcrt_gemm_plan_t dlcrt_gemm_plans[DLCRT_GEMM_PLAN_CACHE]; /* guarded by dlcrt_cublaslt.lock */
static size_t dlcrt_gemm_next_victim;

static void dlcrt_gemm_plan_release(const dlcrt_cublaslt_api_t *api, dlcrt_gemm_plan_t *plan) {
  if (plan->lr) api->MatrixLayoutDestroy(plan->lr);
  if (plan->lc) api->MatrixLayoutDestroy(plan->lc);
  if (plan->lb) api->MatrixLayoutDestroy(plan->lb);
  if (plan->la) api->MatrixLayoutDestroy(plan->la);
  if (plan->desc) api->MatmulDescDestroy(plan->desc);
  memset(plan, 0, sizeof(*plan));
}

/* Releases the plans, the handle and the workspace (the next GEMM makes them again). Called when the
 * last CUDA call session is destroyed, so that a program's teardown leaves no driver object behind. */
void dlcrt_cublaslt_release(void) {
  if (!dlcrt_cublaslt.loaded) return;
  const dlcrt_cublaslt_api_t *api = &dlcrt_cublaslt.api;
  mtx_lock(&dlcrt_cublaslt.lock);
  for (size_t i = 0; i < DLCRT_GEMM_PLAN_CACHE; ++i)
    if (dlcrt_gemm_plans[i].used) dlcrt_gemm_plan_release(api, &dlcrt_gemm_plans[i]);
  dlcrt_gemm_next_victim = 0;
  if (dlcrt_cublaslt.handle_ready) {
    const dlcrt_cuda_driver_t *cu = NULL;
    CUcontext context = NULL;
    dlcrt_status_t status = dlcrt_cuda_driver(&cu);
    if (!status) status = dlcrt_cuda_cached_primary_context(cu, 0, &context);
    if (!status && cu->CtxSetCurrent(context) == CUDA_SUCCESS && dlcrt_cublaslt.workspace)
      cu->MemFree(dlcrt_cublaslt.workspace);
    dlcrt_status_free(status);
    api->Destroy(dlcrt_cublaslt.handle);
    dlcrt_cublaslt.workspace = 0;
    dlcrt_cublaslt.handle_ready = false;
  }
  mtx_unlock(&dlcrt_cublaslt.lock);
}

/* Makes the descriptors of `key` and asks the heuristic for an algorithm, into *plan. */
static dlcrt_status_t dlcrt_gemm_plan_create(const dlcrt_cublaslt_api_t *api, const dlcrt_gemm_key_t *key,
                                             const char *shape, dlcrt_gemm_plan_t *plan) {
  memset(plan, 0, sizeof(*plan));
  plan->key = *key;
  const int64_t *k = key->values;
  cudaDataType type = (cudaDataType)k[0];
  cublasComputeType_t compute = (cublasComputeType_t)k[1];
  int32_t epilogue = (int32_t)k[2];
  int64_t batch = k[3];
  dlcrt_gemm_operand_t operand[4];
  for (int i = 0; i < 4; ++i) {
    const int64_t *o = i < 3 ? k + 4 + 5 * i : k + DLCRT_GEMM_KEY_RESIDUAL;
    operand[i] = (dlcrt_gemm_operand_t){.rows = (uint64_t)o[0], .cols = (uint64_t)o[1], .ld = o[2],
                                        .batch_stride = o[3], .op = (int32_t)o[4]};
  }
  const char *call = "cublasLtMatmulDescCreate";
  cublasStatus_t result = api->MatmulDescCreate(&plan->desc, compute, CUDA_R_32F);
  if (result == CUBLAS_STATUS_SUCCESS) {
    call = "cublasLtMatmulDescSetAttribute(TRANSA)";
    result = api->MatmulDescSetAttribute(plan->desc, CUBLASLT_MATMUL_DESC_TRANSA, &operand[0].op, sizeof(int32_t));
  }
  if (result == CUBLAS_STATUS_SUCCESS) {
    call = "cublasLtMatmulDescSetAttribute(TRANSB)";
    result = api->MatmulDescSetAttribute(plan->desc, CUBLASLT_MATMUL_DESC_TRANSB, &operand[1].op, sizeof(int32_t));
  }
  if (result == CUBLAS_STATUS_SUCCESS && epilogue != CUBLASLT_EPILOGUE_DEFAULT) {
    call = "cublasLtMatmulDescSetAttribute(EPILOGUE)";
    result = api->MatmulDescSetAttribute(plan->desc, CUBLASLT_MATMUL_DESC_EPILOGUE, &epilogue, sizeof(epilogue));
  }
  if (result == CUBLAS_STATUS_SUCCESS && (epilogue & CUBLASLT_EPILOGUE_BIAS)) {
    /* the heuristic needs to know there is a bias; the real pointer is set per call */
    static const float kPlaceholder[4] __attribute__((aligned(16)));
    const void *placeholder = kPlaceholder;
    call = "cublasLtMatmulDescSetAttribute(BIAS_POINTER)";
    result = api->MatmulDescSetAttribute(plan->desc, CUBLASLT_MATMUL_DESC_BIAS_POINTER, &placeholder,
                                         sizeof(placeholder));
  }
  if (result == CUBLAS_STATUS_SUCCESS) {
    call = "cublasLtMatrixLayoutCreate";
    result = dlcrt_gemm_layout(api, type, &operand[0], batch, &plan->la);
    if (result == CUBLAS_STATUS_SUCCESS) result = dlcrt_gemm_layout(api, type, &operand[1], batch, &plan->lb);
    if (result == CUBLAS_STATUS_SUCCESS) result = dlcrt_gemm_layout(api, type, &operand[2], batch, &plan->lc);
    if (result == CUBLAS_STATUS_SUCCESS && operand[3].rows)
      result = dlcrt_gemm_layout(api, type, &operand[3], batch, &plan->lr);
  }
  cublasLtMatmulPreference_t pref = NULL;
  if (result == CUBLAS_STATUS_SUCCESS) {
    call = "cublasLtMatmulPreferenceCreate";
    result = api->MatmulPreferenceCreate(&pref);
  }
  uint64_t workspace_bytes = (uint64_t)k[DLCRT_GEMM_KEY_WORKSPACE];
  if (result == CUBLAS_STATUS_SUCCESS) {
    call = "cublasLtMatmulPreferenceSetAttribute(MAX_WORKSPACE_BYTES)";
    result = api->MatmulPreferenceSetAttribute(pref, CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES, &workspace_bytes,
                                               sizeof(workspace_bytes));
  }
  /* cuBLASLt assumes 256-byte alignment unless told: views at an offset and arena buffers are less aligned */
  static const int kAlignmentAttributes[4] = {
      CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_A_BYTES, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_B_BYTES,
      CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_C_BYTES, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_D_BYTES};
  for (int i = 0; i < 4 && result == CUBLAS_STATUS_SUCCESS; ++i) {
    uint32_t alignment = (uint32_t)(i == 2 && plan->lr ? k[DLCRT_GEMM_KEY_RESIDUAL + 5] : k[19 + (i < 3 ? i : 2)]);
    call = "cublasLtMatmulPreferenceSetAttribute(MIN_ALIGNMENT)";
    result = api->MatmulPreferenceSetAttribute(pref, kAlignmentAttributes[i], &alignment, sizeof(alignment));
  }
  dlcrt_status_t status = NULL;
  if (result == CUBLAS_STATUS_SUCCESS) {
    cublasLtMatmulHeuristicResult_t heuristic;
    memset(&heuristic, 0, sizeof(heuristic));
    int found = 0;
    call = "cublasLtMatmulAlgoGetHeuristic";
    result = api->MatmulAlgoGetHeuristic(dlcrt_cublaslt.handle, plan->desc, plan->la, plan->lb,
                                         plan->lr ? plan->lr : plan->lc, plan->lc, pref, 1, &heuristic, &found);
    if (result == CUBLAS_STATUS_SUCCESS && found < 1)
      status = dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED,
                                 "cublasLtMatmulAlgoGetHeuristic(%s, epilogue %d, %s compute) found no algorithm", shape,
                                 (int)epilogue, compute == CUBLAS_COMPUTE_32F_FAST_TF32 ? "TF32" : "f32");
    plan->algo = heuristic.algo;
  }
  if (pref) api->MatmulPreferenceDestroy(pref);
  if (result != CUBLAS_STATUS_SUCCESS && !status)
    status = dlcrt_make_status(result == CUBLAS_STATUS_NOT_SUPPORTED ? DLCRT_STATUS_UNIMPLEMENTED : DLCRT_STATUS_INTERNAL,
                               "%s(%s) failed: %s", call, shape, dlcrt_cublaslt_status_name(result));
  if (status) dlcrt_gemm_plan_release(api, plan);
  else plan->used = true;
  return status;
}

/* The cached plan of `key`, made on a miss (evicting round-robin when the cache is full); NULL with
 * *out_status on failure. Call with dlcrt_cublaslt.lock held. */
static dlcrt_gemm_plan_t *dlcrt_gemm_plan_lookup(const dlcrt_cublaslt_api_t *api, const dlcrt_gemm_key_t *key,
                                                 const char *shape, dlcrt_status_t *out_status) {
  for (size_t i = 0; i < DLCRT_GEMM_PLAN_CACHE; ++i)
    if (dlcrt_gemm_plans[i].used && memcmp(&dlcrt_gemm_plans[i].key, key, sizeof(*key)) == 0) return &dlcrt_gemm_plans[i];
  size_t slot = DLCRT_GEMM_PLAN_CACHE;
  for (size_t i = 0; i < DLCRT_GEMM_PLAN_CACHE && slot == DLCRT_GEMM_PLAN_CACHE; ++i)
    if (!dlcrt_gemm_plans[i].used) slot = i;
  if (slot == DLCRT_GEMM_PLAN_CACHE) {
    slot = dlcrt_gemm_next_victim;
    dlcrt_gemm_next_victim = (dlcrt_gemm_next_victim + 1) % DLCRT_GEMM_PLAN_CACHE;
    dlcrt_gemm_plan_release(api, &dlcrt_gemm_plans[slot]);
  }
  *out_status = dlcrt_gemm_plan_create(api, key, shape, &dlcrt_gemm_plans[slot]);
  return *out_status ? NULL : &dlcrt_gemm_plans[slot];
}

/* The GEMM, or the status of its failure (named by the entry point in the caller). */
static dlcrt_status_t dlcrt_gemm(cudaDataType type, size_t element_bytes, const dlcrt_memref3_t *a,
                                 const dlcrt_memref3_t *b, const dlcrt_memref3_t *c, const dlcrt_memref1_t *bias,
                                 const dlcrt_memref3_t *residual, int64_t flags) {
  int64_t batch = c->sizes[0], m = c->sizes[1], n = c->sizes[2], k = a->sizes[2];
  const int64_t known = DLCRT_GEMM_BIAS | DLCRT_GEMM_RELU | DLCRT_GEMM_GELU | DLCRT_GEMM_ALLOW_TF32 | DLCRT_GEMM_RESIDUAL;
  if ((flags & ~known) || ((flags & DLCRT_GEMM_RELU) && (flags & DLCRT_GEMM_GELU)))
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "invalid flags 0x%" PRIx64, (uint64_t)flags);
  if (a->sizes[1] != m || b->sizes[1] != k || b->sizes[2] != n || (a->sizes[0] != batch && a->sizes[0] != 1) ||
      (b->sizes[0] != batch && b->sizes[0] != 1))
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT,
                             "shapes do not match: A %" PRId64 "x%" PRId64 "x%" PRId64 ", B %" PRId64 "x%" PRId64
                             "x%" PRId64 ", C %" PRId64 "x%" PRId64 "x%" PRId64,
                             a->sizes[0], a->sizes[1], a->sizes[2], b->sizes[0], b->sizes[1], b->sizes[2], batch, m, n);
  if ((flags & DLCRT_GEMM_BIAS) && (!bias || bias->sizes[0] != n || (n > 1 && bias->strides[0] != 1)))
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "the bias must have n=%" PRId64 " contiguous elements", n);
  bool has_residual = flags & DLCRT_GEMM_RESIDUAL;
  if (has_residual && (!residual || residual->sizes[0] != batch || residual->sizes[1] != m || residual->sizes[2] != n))
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "the residual must have C's shape %" PRId64 "x%" PRId64
                             "x%" PRId64, batch, m, n);
  if (batch == 0 || m == 0 || n == 0) return NULL;
  char shape[128];
  snprintf(shape, sizeof(shape), "m=%" PRId64 " n=%" PRId64 " k=%" PRId64 " batch=%" PRId64, m, n, k, batch);
  dlcrt_gemm_operand_t a_op, b_op, c_op, r_op;
  memset(&r_op, 0, sizeof(r_op));
  if (!dlcrt_gemm_describe(a, batch, &a_op) || !dlcrt_gemm_describe(b, batch, &b_op) ||
      !dlcrt_gemm_describe(c, batch, &c_op) || c_op.op != CUBLAS_OP_N || c->sizes[0] != batch ||
      (has_residual && (!dlcrt_gemm_describe(residual, batch, &r_op) || r_op.op != CUBLAS_OP_N)))
    return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED,
                             "(%s) strides cuBLASLt cannot express: A [%" PRId64 ", %" PRId64 ", %" PRId64
                             "], B [%" PRId64 ", %" PRId64 ", %" PRId64 "], C [%" PRId64 ", %" PRId64 ", %" PRId64
                             "] (every matrix needs a unit row or column stride, C and a residual a unit column stride)",
                             shape, a->strides[0], a->strides[1], a->strides[2], b->strides[0], b->strides[1],
                             b->strides[2], c->strides[0], c->strides[1], c->strides[2]);

  dlcrt_status_t status = NULL;
  const dlcrt_cuda_driver_t *cu = NULL;
  const dlcrt_cublaslt_api_t *api = dlcrt_cublaslt_ready(&cu, &status);
  if (!api) return status;

  /* D' [N, M] = op(B') [N, K] x op(A') [K, M]: cuBLASLt's A is DLC's B, its B is DLC's A. */
  bool tf32 = type == CUDA_R_32F && (flags & DLCRT_GEMM_ALLOW_TF32);
  const void *a_ptr = (const char *)a->aligned + a->offset * (int64_t)element_bytes;
  const void *b_ptr = (const char *)b->aligned + b->offset * (int64_t)element_bytes;
  void *c_ptr = (char *)c->aligned + c->offset * (int64_t)element_bytes;
  const void *bias_ptr = (flags & DLCRT_GEMM_BIAS) ? (const char *)bias->aligned + bias->offset * (int64_t)element_bytes
                                                   : NULL;
  dlcrt_gemm_key_t key;
  memset(&key, 0, sizeof(key));
  int64_t *k_ = key.values;
  *k_++ = type, *k_++ = tf32 ? CUBLAS_COMPUTE_32F_FAST_TF32 : CUBLAS_COMPUTE_32F, *k_++ = dlcrt_gemm_epilogue(flags);
  *k_++ = batch;
  const dlcrt_gemm_operand_t *ops[3] = {&b_op, &a_op, &c_op}; /* cuBLASLt's A, B, C/D */
  for (int i = 0; i < 3; ++i)
    *k_++ = (int64_t)ops[i]->rows, *k_++ = (int64_t)ops[i]->cols, *k_++ = ops[i]->ld, *k_++ = ops[i]->batch_stride,
    *k_++ = ops[i]->op;
  *k_++ = dlcrt_gemm_alignment(b_ptr), *k_++ = dlcrt_gemm_alignment(a_ptr), *k_++ = dlcrt_gemm_alignment(c_ptr);
  *k_++ = dlcrt_cublaslt.workspace ? DLCRT_CUBLASLT_WORKSPACE_BYTES : 0;
  const void *r_ptr = has_residual ? (const char *)residual->aligned + residual->offset * (int64_t)element_bytes : NULL;
  if (has_residual)
    *k_++ = (int64_t)r_op.rows, *k_++ = (int64_t)r_op.cols, *k_++ = r_op.ld, *k_++ = r_op.batch_stride, *k_++ = r_op.op,
    *k_++ = dlcrt_gemm_alignment(r_ptr);

  CUstream stream = dlcrt_cuda_call_stream();
  mtx_lock(&dlcrt_cublaslt.lock);
  dlcrt_gemm_plan_t *plan = dlcrt_gemm_plan_lookup(api, &key, shape, &status);
  cublasStatus_t result = CUBLAS_STATUS_SUCCESS;
  const char *call = "cublasLtMatmulDescSetAttribute(BIAS_POINTER)";
  if (plan && bias_ptr)
    result = api->MatmulDescSetAttribute(plan->desc, CUBLASLT_MATMUL_DESC_BIAS_POINTER, &bias_ptr, sizeof(bias_ptr));
  if (plan && result == CUBLAS_STATUS_SUCCESS) {
    /* D = A x B (+ 1 * residual as cuBLASLt's C), then bias and activation */
    const float alpha = 1.0f, beta = has_residual ? 1.0f : 0.0f;
    call = "cublasLtMatmul";
    result = api->Matmul(dlcrt_cublaslt.handle, plan->desc, &alpha, b_ptr, plan->la, a_ptr, plan->lb, &beta,
                         has_residual ? r_ptr : c_ptr, plan->lr ? plan->lr : plan->lc, c_ptr, plan->lc, &plan->algo,
                         (void *)(uintptr_t)dlcrt_cublaslt.workspace,
                         (size_t)key.values[DLCRT_GEMM_KEY_WORKSPACE], (cudaStream_t)stream);
  }
  mtx_unlock(&dlcrt_cublaslt.lock);
  if (plan && result != CUBLAS_STATUS_SUCCESS)
    status = dlcrt_make_status(result == CUBLAS_STATUS_NOT_SUPPORTED ? DLCRT_STATUS_UNIMPLEMENTED : DLCRT_STATUS_INTERNAL,
                               "%s(%s) failed: %s", call, shape, dlcrt_cublaslt_status_name(result));
  /* no call in flight: the kernels around the GEMM synchronise their own streams, so this one must too */
  if (!status && !stream)
    status = dlcrt_cuda_error(cu, cu->StreamSynchronize(NULL), "cuStreamSynchronize(default stream) after cublasLtMatmul(%s)",
                              shape);
  return status;
}

/* The entry point: does nothing while a CUDA error is pending, records its own failure. */
static void dlcrt_gemm_entry(const char *fn, cudaDataType type, size_t element_bytes, dlcrt_memref3_t *a,
                             dlcrt_memref3_t *b, dlcrt_memref3_t *c, dlcrt_memref1_t *bias, dlcrt_memref3_t *residual,
                             int64_t flags) {
  dlcrt_status_t pending = dlcrt_cuda_take_error();
  if (pending) {
    dlcrt_cuda_record_error(pending);
    return;
  }
  dlcrt_status_t status = dlcrt_gemm(type, element_bytes, a, b, c, bias, residual, flags);
  if (status) dlcrt_cuda_record_error(dlcrt_status_annotate(status, "%s: ", fn));
}

void _mlir_ciface_dlcrt_gemm_f32(dlcrt_memref3_t *a, dlcrt_memref3_t *b, dlcrt_memref3_t *c, dlcrt_memref1_t *bias,
                                 dlcrt_memref3_t *residual, int64_t flags) {
  dlcrt_gemm_entry("dlcrt_gemm_f32", CUDA_R_32F, 4, a, b, c, bias, residual, flags);
}

void _mlir_ciface_dlcrt_gemm_f16(dlcrt_memref3_t *a, dlcrt_memref3_t *b, dlcrt_memref3_t *c, dlcrt_memref1_t *bias,
                                 dlcrt_memref3_t *residual, int64_t flags) {
  dlcrt_gemm_entry("dlcrt_gemm_f16", CUDA_R_16F, 2, a, b, c, bias, residual, flags);
}

void _mlir_ciface_dlcrt_gemm_bf16(dlcrt_memref3_t *a, dlcrt_memref3_t *b, dlcrt_memref3_t *c, dlcrt_memref1_t *bias,
                                  dlcrt_memref3_t *residual, int64_t flags) {
  dlcrt_gemm_entry("dlcrt_gemm_bf16", CUDA_R_16BF, 2, a, b, c, bias, residual, flags);
}

const dlcrt_jit_symbol_t *dlcrt_cublaslt_jit_symbols(void) {
  static const dlcrt_jit_symbol_t symbols[] = {
      {"_mlir_ciface_dlcrt_gemm_f32", (void *)_mlir_ciface_dlcrt_gemm_f32},
      {"_mlir_ciface_dlcrt_gemm_f16", (void *)_mlir_ciface_dlcrt_gemm_f16},
      {"_mlir_ciface_dlcrt_gemm_bf16", (void *)_mlir_ciface_dlcrt_gemm_bf16},
      {NULL, NULL},
  };
  return symbols;
}
