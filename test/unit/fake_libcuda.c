/* A fake libcuda for the tests of the dlopen()ed CUDA driver layer (runtime/cuda) and of the CUDA host
 * path (test/cuda): loaded through DLC_CUDA_DRIVER in place of libcuda.so.1. Device memory is host memory,
 * the "add_one" test kernel runs on the host, other kernels are looked up by their PTX .entry names and
 * recorded (not run), stream capture records operations that graph launches replay, and
 * dlc_fake_cuda_fail_next() makes the next call of a named entry point fail. It exports only the legacy
 * cuEventElapsedTime (not _v2), so it also exercises the runtime's fallback symbol.
 *
 * Kernels other than add_one do nothing but are still stream work: captured like any other and counted
 * when they "run" (directly or from a graph launch); each run advances the fake clock that events read
 * by an amount that grows with the grid, so profiles of different kernels differ. With the environment
 * variable DLC_FAKE_CUDA_STATS=FILE, the counters are written to FILE at exit (for test/cuda scripts):
 *   kernels_direct N / kernels_graph N / captures N / graph_launches N / allocations N / live_objects N /
 *   function_lookups N (cuModuleGetFunction calls: compiled host code makes one per launch it runs) /
 *   modules_ptx N / modules_cubin N (images loaded as PTX text and as cubins) */
#define _POSIX_C_SOURCE 200809L
/*===------------------------------------------------------------------------------------------===
 * The fake driver
 *===------------------------------------------------------------------------------------------===*/
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int CUresult;
typedef unsigned long long CUdeviceptr;
typedef struct CUctx_st {
  int device;
} * CUcontext;

enum {
  FAKE_SUCCESS = 0,
  FAKE_INVALID_VALUE = 1,
  FAKE_OUT_OF_MEMORY = 2,
  FAKE_NO_DEVICE = 100,
  FAKE_INVALID_DEVICE = 101,
  FAKE_INVALID_CONTEXT = 201,
  FAKE_INVALID_PTX = 218,
  FAKE_INVALID_HANDLE = 400,
  FAKE_ILLEGAL_STATE = 401,
  FAKE_NOT_FOUND = 500,
  FAKE_ILLEGAL_ADDRESS = 700,
  FAKE_CAPTURE_UNSUPPORTED = 900,
  FAKE_CAPTURE_INVALIDATED = 901,
};

static const struct {
  int code;
  const char *name, *text;
} kFakeErrors[] = {
    {FAKE_SUCCESS, "CUDA_SUCCESS", "no error"},
    {FAKE_INVALID_VALUE, "CUDA_ERROR_INVALID_VALUE", "invalid argument"},
    {FAKE_OUT_OF_MEMORY, "CUDA_ERROR_OUT_OF_MEMORY", "out of memory"},
    {FAKE_NO_DEVICE, "CUDA_ERROR_NO_DEVICE", "no CUDA-capable device is detected"},
    {FAKE_INVALID_DEVICE, "CUDA_ERROR_INVALID_DEVICE", "invalid device ordinal"},
    {FAKE_INVALID_CONTEXT, "CUDA_ERROR_INVALID_CONTEXT", "invalid device context"},
    {FAKE_INVALID_PTX, "CUDA_ERROR_INVALID_PTX", "a PTX JIT compilation failed"},
    {FAKE_INVALID_HANDLE, "CUDA_ERROR_INVALID_HANDLE", "invalid resource handle"},
    {FAKE_ILLEGAL_STATE, "CUDA_ERROR_ILLEGAL_STATE", "the operation cannot be performed in the present state"},
    {FAKE_NOT_FOUND, "CUDA_ERROR_NOT_FOUND", "named symbol not found"},
    {FAKE_ILLEGAL_ADDRESS, "CUDA_ERROR_ILLEGAL_ADDRESS", "an illegal memory access was encountered"},
    {801, "CUDA_ERROR_NOT_SUPPORTED", "operation not supported"},
    {FAKE_CAPTURE_UNSUPPORTED, "CUDA_ERROR_STREAM_CAPTURE_UNSUPPORTED",
     "operation not permitted when stream is capturing"},
    {FAKE_CAPTURE_INVALIDATED, "CUDA_ERROR_STREAM_CAPTURE_INVALIDATED",
     "operation failed due to a previous error during capture"},
};

#define FAKE_MAX_DEVICES 8
static struct CUctx_st fake_contexts[FAKE_MAX_DEVICES];
static int fake_context_refs[FAKE_MAX_DEVICES];
static int fake_live_objects; /* allocations, modules, streams, events, graphs, executable graphs */
static char fake_fail_symbol[64];
static int fake_fail_code;
static double fake_clock_ms;
static long fake_kernels_direct, fake_kernels_graph, fake_captures, fake_graph_launches, fake_allocations,
    fake_function_lookups, fake_modules_ptx, fake_modules_cubin;
static bool fake_in_graph_launch;

/* Test controls, found by the test program with dlsym. */
void dlc_fake_cuda_fail_next(const char *symbol, int code) {
  snprintf(fake_fail_symbol, sizeof(fake_fail_symbol), "%s", symbol);
  fake_fail_code = code;
}
int dlc_fake_cuda_live_objects(void) { return fake_live_objects; }
int dlc_fake_cuda_context_refs(int device) {
  return device >= 0 && device < FAKE_MAX_DEVICES ? fake_context_refs[device] : -1;
}

/* DLC_FAKE_CUDA_FAIL_ALWAYS=SYMBOL: that entry point always fails with CUDA_ERROR_NOT_SUPPORTED (801), for
 * scripts that cannot call dlc_fake_cuda_fail_next (e.g. graph capture refused under dlc-run). */
static bool fake_fails_always(const char *symbol) {
  const char *env = getenv("DLC_FAKE_CUDA_FAIL_ALWAYS");
  return env && strcmp(env, symbol) == 0;
}
#define FAKE_INJECT(symbol)                                             \
  do {                                                                  \
    if (fake_fail_symbol[0] && strcmp(fake_fail_symbol, symbol) == 0) { \
      fake_fail_symbol[0] = '\0';                                       \
      return fake_fail_code;                                            \
    }                                                                   \
    if (fake_fails_always(symbol)) return 801;                          \
  } while (0)

static int fake_device_count(void) {
  const char *env = getenv("DLC_FAKE_CUDA_DEVICES");
  int n = env ? atoi(env) : 1;
  return n < 0 ? 0 : n > FAKE_MAX_DEVICES ? FAKE_MAX_DEVICES : n;
}

CUresult cuGetErrorName(CUresult error, const char **str) {
  for (size_t i = 0; i < sizeof(kFakeErrors) / sizeof(kFakeErrors[0]); ++i)
    if (kFakeErrors[i].code == error) return *str = kFakeErrors[i].name, FAKE_SUCCESS;
  *str = NULL;
  return FAKE_INVALID_VALUE;
}
CUresult cuGetErrorString(CUresult error, const char **str) {
  for (size_t i = 0; i < sizeof(kFakeErrors) / sizeof(kFakeErrors[0]); ++i)
    if (kFakeErrors[i].code == error) return *str = kFakeErrors[i].text, FAKE_SUCCESS;
  *str = NULL;
  return FAKE_INVALID_VALUE;
}
CUresult cuInit(unsigned int flags) {
  if (flags != 0) return FAKE_INVALID_VALUE;
  return fake_device_count() == 0 ? FAKE_NO_DEVICE : FAKE_SUCCESS;
}
CUresult cuDeviceGetCount(int *count) {
  *count = fake_device_count();
  return FAKE_SUCCESS;
}
CUresult cuDeviceGet(int *device, int ordinal) {
  if (ordinal < 0 || ordinal >= fake_device_count()) return FAKE_INVALID_DEVICE;
  *device = ordinal;
  return FAKE_SUCCESS;
}
CUresult cuDeviceGetName(char *name, int len, int device) {
  if (device < 0 || device >= fake_device_count()) return FAKE_INVALID_DEVICE;
  snprintf(name, (size_t)len, "DLC Fake GPU %d", device);
  return FAKE_SUCCESS;
}
CUresult cuDeviceGetAttribute(int *value, int attribute, int device) {
  if (device < 0 || device >= fake_device_count()) return FAKE_INVALID_DEVICE;
  switch (attribute) {
    case 16: *value = 132; return FAKE_SUCCESS; /* multiprocessors */
    case 75: *value = 9; return FAKE_SUCCESS;   /* compute capability major */
    case 76: *value = 0; return FAKE_SUCCESS;   /* minor */
    case 36: *value = 2619000; return FAKE_SUCCESS; /* memory clock, kHz (H100 SXM) */
    case 37: *value = 5120; return FAKE_SUCCESS;    /* memory bus width, bits */
    default: return FAKE_INVALID_VALUE;
  }
}
CUresult cuDeviceTotalMem_v2(size_t *bytes, int device) {
  if (device < 0 || device >= fake_device_count()) return FAKE_INVALID_DEVICE;
  *bytes = (size_t)80 << 30;
  return FAKE_SUCCESS;
}
CUresult cuDevicePrimaryCtxRetain(CUcontext *context, int device) {
  if (device < 0 || device >= fake_device_count()) return FAKE_INVALID_DEVICE;
  fake_contexts[device].device = device;
  ++fake_context_refs[device];
  *context = &fake_contexts[device];
  return FAKE_SUCCESS;
}
CUresult cuDevicePrimaryCtxRelease_v2(int device) {
  if (device < 0 || device >= fake_device_count()) return FAKE_INVALID_DEVICE;
  if (fake_context_refs[device] == 0) return FAKE_INVALID_CONTEXT;
  --fake_context_refs[device];
  return FAKE_SUCCESS;
}
CUresult cuCtxSetCurrent(CUcontext context) {
  if (context && fake_context_refs[context->device] == 0) return FAKE_INVALID_CONTEXT;
  return FAKE_SUCCESS;
}

/* Modules: PTX text; a function exists if the text has ".entry NAME(" or ".entry NAME ". */
typedef struct CUfunc_st {
  char name[64];
  struct CUfunc_st *next;
} * CUfunction;
typedef struct CUmod_st {
  char *text;
  struct CUfunc_st *functions;
} * CUmodule;

static const char kFakePtxLog[] =
    "ptxas application ptx input, line 6; error   : Not a name of any known instruction: 'bogus'\n"
    "ptxas fatal   : Ptx assembly aborted due to errors\n";

/* A cubin (ELF64, as gpu-module-to-binary{format=bin} embeds it when ptxas is there) as the PTX-like
 * text the lookups read: one ".entry NAME(" line per ".text.NAME" section name in the image. The image's
 * size comes from its ELF header (the section headers end it). NULL when it is not an ELF64 image. */
static char *fake_cubin_entries(const unsigned char *elf) {
  if (memcmp(elf, "\x7f" "ELF", 4) != 0 || elf[4] != 2) return NULL;
  uint64_t shoff;
  uint16_t shentsize, shnum;
  memcpy(&shoff, elf + 0x28, sizeof(shoff));
  memcpy(&shentsize, elf + 0x3A, sizeof(shentsize));
  memcpy(&shnum, elf + 0x3C, sizeof(shnum));
  size_t size = (size_t)(shoff + (uint64_t)shentsize * shnum), cap = 64, len = 0;
  char *text = calloc(1, cap);
  for (size_t i = 0; text && i + 6 < size; ++i) {
    if (memcmp(elf + i, ".text.", 6) != 0 || (i > 0 && elf[i - 1] != 0)) continue;
    const char *name = (const char *)elf + i + 6;
    size_t n = strnlen(name, size - i - 6);
    if (len + n + 16 > cap) {
      while (len + n + 16 > cap) cap *= 2;
      char *grown = realloc(text, cap);
      if (!grown) {
        free(text);
        return NULL;
      }
      text = grown;
    }
    len += (size_t)snprintf(text + len, cap - len, ".entry %.*s(\n", (int)n, name);
  }
  return text;
}

static CUresult fake_load(CUmodule *module, const void *image, char *log, size_t log_size) {
  FAKE_INJECT("cuModuleLoadData");
  if (!module || !image) return FAKE_INVALID_VALUE;
  char *cubin = fake_cubin_entries(image);
  if (cubin) {
    CUmodule m = calloc(1, sizeof(*m));
    m->text = cubin;
    *module = m;
    ++fake_live_objects;
    ++fake_modules_cubin;
    return FAKE_SUCCESS;
  }
  if (strstr(image, "bogus")) {
    if (log && log_size) snprintf(log, log_size, "%s", kFakePtxLog);
    return FAKE_INVALID_PTX;
  }
  CUmodule m = calloc(1, sizeof(*m));
  m->text = strdup(image);
  *module = m;
  ++fake_live_objects;
  ++fake_modules_ptx;
  return FAKE_SUCCESS;
}
CUresult cuModuleLoadData(CUmodule *module, const void *image) { return fake_load(module, image, NULL, 0); }
CUresult cuModuleLoadDataEx(CUmodule *module, const void *image, unsigned int num_options, int *options,
                            void **values) {
  char *log = NULL;
  size_t log_size = 0;
  for (unsigned int i = 0; i < num_options; ++i) {
    if (options[i] == 5)
      log = values[i];
    else if (options[i] == 6)
      log_size = (size_t)(uintptr_t)values[i];
    else if (options[i] == 7 && (uintptr_t)values[i] > 4)
      return FAKE_INVALID_VALUE;
    else if (options[i] != 7)
      return FAKE_INVALID_VALUE;
  }
  return fake_load(module, image, log, log_size);
}
CUresult cuModuleUnload(CUmodule module) {
  if (!module) return FAKE_INVALID_HANDLE;
  for (CUfunction f = module->functions, next; f; f = next) {
    next = f->next;
    free(f);
  }
  free(module->text);
  free(module);
  --fake_live_objects;
  return FAKE_SUCCESS;
}
CUresult cuModuleGetFunction(CUfunction *function, CUmodule module, const char *name) {
  if (!module) return FAKE_INVALID_HANDLE;
  ++fake_function_lookups;
  size_t len = strlen(name);
  for (const char *p = module->text; (p = strstr(p, ".entry ")) != NULL; ++p) {
    const char *q = p + 7;
    if (strncmp(q, name, len) == 0 && (q[len] == '(' || q[len] == ' ' || q[len] == '\n')) {
      CUfunction f = calloc(1, sizeof(*f));
      snprintf(f->name, sizeof(f->name), "%s", name);
      f->next = module->functions;
      module->functions = f;
      *function = f;
      return FAKE_SUCCESS;
    }
  }
  return FAKE_NOT_FOUND;
}
CUresult cuFuncGetName(const char **name, CUfunction function) {
  if (!function) return FAKE_INVALID_HANDLE;
  *name = function->name;
  return FAKE_SUCCESS;
}

/* Stream work: run at once, or recorded while the stream is being captured. */
typedef enum { FAKE_OP_ADD_ONE, FAKE_OP_COPY, FAKE_OP_SET32, FAKE_OP_SET16, FAKE_OP_KERNEL } fake_op_kind_t;
typedef struct fake_op {
  fake_op_kind_t kind;
  void *dst;
  const void *src;
  size_t count; /* bytes for copies, elements otherwise */
  unsigned value;
  struct fake_op *next;
} fake_op_t;
typedef struct {
  fake_op_t *head, *tail;
} fake_ops_t;
typedef struct CUstream_st {
  bool capturing, invalidated;
  fake_ops_t captured;
} * CUstream;
typedef struct CUgraph_st {
  fake_ops_t ops;
} * CUgraph;
typedef struct CUgraphExec_st {
  fake_ops_t ops;
} * CUgraphExec;

static void fake_run(const fake_op_t *op) {
  if (op->kind == FAKE_OP_ADD_ONE || op->kind == FAKE_OP_KERNEL) {
    if (fake_in_graph_launch) ++fake_kernels_graph;
    else ++fake_kernels_direct;
    fake_clock_ms += 0.001 * (double)op->value; /* op->value: blocks in the grid */
  }
  switch (op->kind) {
    case FAKE_OP_KERNEL: break;
    case FAKE_OP_ADD_ONE:
      for (size_t i = 0; i < op->count; ++i) ((float *)op->dst)[i] += 1.0f;
      break;
    case FAKE_OP_COPY: memmove(op->dst, op->src, op->count); break;
    case FAKE_OP_SET32:
      for (size_t i = 0; i < op->count; ++i) ((uint32_t *)op->dst)[i] = op->value;
      break;
    case FAKE_OP_SET16:
      for (size_t i = 0; i < op->count; ++i) ((uint16_t *)op->dst)[i] = (uint16_t)op->value;
      break;
  }
}
static void fake_append(fake_ops_t *ops, const fake_op_t *op) {
  fake_op_t *copy = malloc(sizeof(*copy));
  *copy = *op;
  copy->next = NULL;
  if (ops->tail)
    ops->tail->next = copy;
  else
    ops->head = copy;
  ops->tail = copy;
}
static void fake_clear(fake_ops_t *ops) {
  for (fake_op_t *op = ops->head, *next; op; op = next) {
    next = op->next;
    free(op);
  }
  ops->head = ops->tail = NULL;
}
static CUresult fake_issue(CUstream stream, fake_op_t op) {
  if (stream && stream->capturing)
    fake_append(&stream->captured, &op);
  else
    fake_run(&op);
  return FAKE_SUCCESS;
}

CUresult cuLaunchKernel(CUfunction f, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by, unsigned bz,
                        unsigned shared, CUstream stream, void **params, void **extra) {
  FAKE_INJECT("cuLaunchKernel");
  (void)shared;
  if (!f) return FAKE_INVALID_HANDLE;
  if (extra || (unsigned long long)bx * by * bz > 1024 || !gx || !gy || !gz) return FAKE_INVALID_VALUE;
  unsigned blocks = gx * gy * gz;
  if (strcmp(f->name, "add_one") != 0) { /* other kernels do nothing, but are stream work */
    fake_op_t op = {FAKE_OP_KERNEL, NULL, NULL, 0, blocks, NULL};
    return fake_issue(stream, op);
  }
  if (!params) return FAKE_INVALID_VALUE;
  CUdeviceptr data;
  unsigned n;
  memcpy(&data, params[0], sizeof(data));
  memcpy(&n, params[1], sizeof(n));
  unsigned long long threads = (unsigned long long)gx * gy * gz * bx * by * bz;
  fake_op_t op = {FAKE_OP_ADD_ONE, (void *)(uintptr_t)data, NULL, n < threads ? n : threads, blocks, NULL};
  return fake_issue(stream, op);
}

CUresult cuStreamCreate(CUstream *stream, unsigned int flags) {
  FAKE_INJECT("cuStreamCreate");
  if (flags > 1) return FAKE_INVALID_VALUE;
  *stream = calloc(1, sizeof(**stream));
  ++fake_live_objects;
  return FAKE_SUCCESS;
}
CUresult cuStreamSynchronize(CUstream stream) {
  if (stream && stream->capturing) {
    stream->invalidated = true;
    return FAKE_CAPTURE_UNSUPPORTED;
  }
  return FAKE_SUCCESS;
}
CUresult cuStreamDestroy_v2(CUstream stream) {
  if (!stream) return FAKE_INVALID_HANDLE;
  fake_clear(&stream->captured);
  free(stream);
  --fake_live_objects;
  return FAKE_SUCCESS;
}
CUresult cuStreamWaitEvent(CUstream stream, void *event, unsigned int flags) {
  (void)stream;
  return event && flags == 0 ? FAKE_SUCCESS : FAKE_INVALID_HANDLE;
}
CUresult cuStreamBeginCapture_v2(CUstream stream, int mode) {
  FAKE_INJECT("cuStreamBeginCapture");
  if (!stream || mode < 0 || mode > 2) return FAKE_INVALID_VALUE;
  if (stream->capturing) return FAKE_ILLEGAL_STATE;
  stream->capturing = true;
  stream->invalidated = false;
  ++fake_captures;
  return FAKE_SUCCESS;
}
CUresult cuStreamEndCapture(CUstream stream, CUgraph *graph) {
  if (!stream || !stream->capturing) return FAKE_ILLEGAL_STATE;
  stream->capturing = false;
  *graph = NULL;
  if (stream->invalidated) {
    fake_clear(&stream->captured);
    return FAKE_CAPTURE_INVALIDATED;
  }
  *graph = calloc(1, sizeof(**graph));
  (*graph)->ops = stream->captured;
  stream->captured.head = stream->captured.tail = NULL;
  ++fake_live_objects;
  return FAKE_SUCCESS;
}
CUresult cuGraphInstantiateWithFlags(CUgraphExec *exec, CUgraph graph, unsigned long long flags) {
  FAKE_INJECT("cuGraphInstantiateWithFlags");
  if (!graph || flags) return FAKE_INVALID_VALUE;
  *exec = calloc(1, sizeof(**exec));
  for (fake_op_t *op = graph->ops.head; op; op = op->next) fake_append(&(*exec)->ops, op);
  ++fake_live_objects;
  return FAKE_SUCCESS;
}
CUresult cuGraphLaunch(CUgraphExec exec, CUstream stream) {
  if (!exec) return FAKE_INVALID_HANDLE;
  ++fake_graph_launches;
  fake_in_graph_launch = true;
  for (fake_op_t *op = exec->ops.head; op; op = op->next) fake_issue(stream, *op);
  fake_in_graph_launch = false;
  return FAKE_SUCCESS;
}
CUresult cuGraphExecDestroy(CUgraphExec exec) {
  if (!exec) return FAKE_INVALID_HANDLE;
  fake_clear(&exec->ops);
  free(exec);
  --fake_live_objects;
  return FAKE_SUCCESS;
}
CUresult cuGraphDestroy(CUgraph graph) {
  if (!graph) return FAKE_INVALID_HANDLE;
  fake_clear(&graph->ops);
  free(graph);
  --fake_live_objects;
  return FAKE_SUCCESS;
}

typedef struct CUevent_st {
  unsigned flags;
  bool recorded;
  double time_ms;
} * CUevent;
CUresult cuEventCreate(CUevent *event, unsigned int flags) {
  *event = calloc(1, sizeof(**event));
  (*event)->flags = flags;
  ++fake_live_objects;
  return FAKE_SUCCESS;
}
CUresult cuEventRecord(CUevent event, CUstream stream) {
  (void)stream;
  if (!event) return FAKE_INVALID_HANDLE;
  event->recorded = true;
  event->time_ms = fake_clock_ms += 0.25;
  return FAKE_SUCCESS;
}
CUresult cuEventSynchronize(CUevent event) { return event ? FAKE_SUCCESS : FAKE_INVALID_HANDLE; }
CUresult cuEventElapsedTime(float *ms, CUevent start, CUevent end) { /* the pre-12.8 name only */
  if (!start || !end || !start->recorded || !end->recorded || (start->flags & 2) || (end->flags & 2))
    return FAKE_INVALID_HANDLE;
  *ms = (float)(end->time_ms - start->time_ms);
  return FAKE_SUCCESS;
}
CUresult cuEventDestroy_v2(CUevent event) {
  if (!event) return FAKE_INVALID_HANDLE;
  free(event);
  --fake_live_objects;
  return FAKE_SUCCESS;
}

static void *fake_ptr(CUdeviceptr p) { return (void *)(uintptr_t)p; }
static CUresult fake_alloc(CUdeviceptr *ptr, size_t bytes) {
  if (bytes == 0) return FAKE_INVALID_VALUE;
  if (bytes >= (size_t)1 << 40) return FAKE_OUT_OF_MEMORY;
  void *p = calloc(1, bytes);
  if (!p) return FAKE_OUT_OF_MEMORY;
  *ptr = (CUdeviceptr)(uintptr_t)p;
  ++fake_live_objects;
  ++fake_allocations;
  return FAKE_SUCCESS;
}
CUresult cuMemAlloc_v2(CUdeviceptr *ptr, size_t bytes) {
  FAKE_INJECT("cuMemAlloc");
  return fake_alloc(ptr, bytes);
}
CUresult cuMemAllocManaged(CUdeviceptr *ptr, size_t bytes, unsigned int flags) {
  if (flags != 1 && flags != 2) return FAKE_INVALID_VALUE;
  return fake_alloc(ptr, bytes);
}
CUresult cuMemFree_v2(CUdeviceptr ptr) {
  if (!ptr) return FAKE_INVALID_VALUE;
  free(fake_ptr(ptr));
  --fake_live_objects;
  FAKE_INJECT("cuMemFree"); /* after freeing: an injected failure leaks nothing */
  return FAKE_SUCCESS;
}
CUresult cuMemcpyHtoD_v2(CUdeviceptr dst, const void *src, size_t n) {
  memcpy(fake_ptr(dst), src, n);
  return FAKE_SUCCESS;
}
CUresult cuMemcpyDtoH_v2(void *dst, CUdeviceptr src, size_t n) {
  memcpy(dst, fake_ptr(src), n);
  return FAKE_SUCCESS;
}
CUresult cuMemcpyDtoD_v2(CUdeviceptr dst, CUdeviceptr src, size_t n) {
  memmove(fake_ptr(dst), fake_ptr(src), n);
  return FAKE_SUCCESS;
}
static CUresult fake_copy(void *dst, const void *src, size_t n, CUstream stream) {
  fake_op_t op = {FAKE_OP_COPY, dst, src, n, 0, NULL};
  return fake_issue(stream, op);
}
CUresult cuMemcpyHtoDAsync_v2(CUdeviceptr dst, const void *src, size_t n, CUstream s) {
  return fake_copy(fake_ptr(dst), src, n, s);
}
CUresult cuMemcpyDtoHAsync_v2(void *dst, CUdeviceptr src, size_t n, CUstream s) {
  return fake_copy(dst, fake_ptr(src), n, s);
}
CUresult cuMemcpyDtoDAsync_v2(CUdeviceptr dst, CUdeviceptr src, size_t n, CUstream s) {
  return fake_copy(fake_ptr(dst), fake_ptr(src), n, s);
}
CUresult cuMemcpyAsync(CUdeviceptr dst, CUdeviceptr src, size_t n, CUstream s) {
  return fake_copy(fake_ptr(dst), fake_ptr(src), n, s);
}
CUresult cuMemsetD32Async(CUdeviceptr dst, unsigned int value, size_t count, CUstream s) {
  fake_op_t op = {FAKE_OP_SET32, fake_ptr(dst), NULL, count, value, NULL};
  return fake_issue(s, op);
}
CUresult cuMemsetD16Async(CUdeviceptr dst, unsigned short value, size_t count, CUstream s) {
  fake_op_t op = {FAKE_OP_SET16, fake_ptr(dst), NULL, count, value, NULL};
  return fake_issue(s, op);
}

/* DLC_FAKE_CUDA_STATS=FILE: the counters, written when the process exits. */
__attribute__((destructor)) static void fake_write_stats(void) {
  const char *path = getenv("DLC_FAKE_CUDA_STATS");
  if (!path || !*path) return;
  FILE *f = fopen(path, "w");
  if (!f) return;
  fprintf(f,
          "kernels_direct %ld\nkernels_graph %ld\ncaptures %ld\ngraph_launches %ld\nallocations %ld\nlive_objects %d\n"
          "function_lookups %ld\nmodules_ptx %ld\nmodules_cubin %ld\n",
          fake_kernels_direct, fake_kernels_graph, fake_captures, fake_graph_launches, fake_allocations, fake_live_objects,
          fake_function_lookups, fake_modules_ptx, fake_modules_cubin);
  fclose(f);
}
