/* The `mgpu*` functions that MLIR 22's `gpu-to-llvm` host lowering emits calls to (upstream ships them
 * as libmlir_cuda_runtime, which Debian does not package), on top of cuda_driver.c. The C signatures
 * match the declarations that lowering produces, e.g. `ptr @mgpuMemAlloc(i64, ptr, i8)`,
 * `void @mgpuLaunchKernel(ptr, i64 x6, i32, ptr, ptr, ptr, i64)`, `ptr @mgpuModuleLoadJIT(ptr, i32)`.
 *
 * Errors: these functions cannot return a status, and unlike MLIR's wrappers they do not print or
 * abort. The first failure on a thread is kept in that thread's `dlcrt_mgpu_error` slot; while it is
 * pending, work calls do nothing (returning NULL where they return a handle) and release calls still
 * release non-NULL handles but drop their own errors. dlcrt_cuda_take_error() hands the error over and
 * clears the slot. Messages read "mgpuMemAlloc: cuMemAlloc(64 bytes) on CUDA device 0 failed:
 * CUDA_ERROR_OUT_OF_MEMORY (out of memory)".
 *
 * Thread-local state (besides the error slot): the default device set by mgpuSetDefaultDevice, per
 * thread as in MLIR's wrappers. The device's primary context comes from cuda_driver.c's process-wide
 * cache and is made current on the calling thread by every call. */
#define _POSIX_C_SOURCE 200809L

#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#include "cuda_driver_internal.h"

static _Thread_local dlcrt_status_t dlcrt_mgpu_error = NULL;
static _Thread_local int32_t dlcrt_mgpu_default_device = 0;

/* Keeps `status` as the thread's pending error unless one is pending already (first error wins). */
static void dlcrt_mgpu_record(dlcrt_status_t status) {
  if (!status) return;
  if (dlcrt_mgpu_error)
    dlcrt_status_free(status);
  else
    dlcrt_mgpu_error = status;
}

/* Loads the driver and makes the default device's primary context current. Returns NULL when that
 * fails (recording the error if `record`). */
static const dlcrt_cuda_driver_t *dlcrt_mgpu_driver(const char *fn, bool record) {
  const dlcrt_cuda_driver_t *cu = NULL;
  CUcontext context = NULL;
  int device = dlcrt_mgpu_default_device;
  dlcrt_status_t status = dlcrt_cuda_driver(&cu);
  if (!status) status = dlcrt_cuda_cached_primary_context(cu, device, &context);
  if (!status)
    status =
        dlcrt_cuda_error(cu, cu->CtxSetCurrent(context), "cuCtxSetCurrent(primary context of CUDA device %d)", device);
  if (!status) return cu;
  if (record)
    dlcrt_mgpu_record(dlcrt_status_annotate(status, "%s: ", fn));
  else
    dlcrt_status_free(status);
  return NULL;
}

/* Start of a work call: NULL (do nothing) while an error is pending or when there is no driver. */
static const dlcrt_cuda_driver_t *dlcrt_mgpu_begin(const char *fn) {
  if (dlcrt_mgpu_error) return NULL;
  return dlcrt_mgpu_driver(fn, true);
}

/* Start of a release call: runs even while an error is pending, so that unwinding leaks nothing. */
static const dlcrt_cuda_driver_t *dlcrt_mgpu_begin_release(const char *fn, const void *handle) {
  if (!handle) return NULL;
  return dlcrt_mgpu_driver(fn, dlcrt_mgpu_error == NULL);
}

/* Records a failed driver call as "<fn>: <what> failed: CUDA_ERROR_X (...)". Returns whether it succeeded. */
static bool dlcrt_mgpu_check(const dlcrt_cuda_driver_t *cu, CUresult result, const char *fn, const char *what_fmt, ...)
    __attribute__((format(printf, 4, 5)));
static bool dlcrt_mgpu_check(const dlcrt_cuda_driver_t *cu, CUresult result, const char *fn, const char *what_fmt,
                             ...) {
  if (result == CUDA_SUCCESS) return true;
  char what[512];
  va_list args;
  va_start(args, what_fmt);
  vsnprintf(what, sizeof(what), what_fmt, args);
  va_end(args);
  dlcrt_mgpu_record(dlcrt_status_annotate(dlcrt_cuda_error(cu, result, "%s", what), "%s: ", fn));
  return false;
}

static void dlcrt_mgpu_invalid(const char *fn, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void dlcrt_mgpu_invalid(const char *fn, const char *fmt, ...) {
  char message[512];
  va_list args;
  va_start(args, fmt);
  vsnprintf(message, sizeof(message), fmt, args);
  va_end(args);
  dlcrt_mgpu_record(dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s: %s", fn, message));
}

/* The kernel's name for messages, when the driver can tell it (cuFuncGetName, CUDA 12.3+). */
static const char *dlcrt_mgpu_kernel_name(const dlcrt_cuda_driver_t *cu, CUfunction function) {
  const char *name = NULL;
  if (cu->FuncGetName && function && cu->FuncGetName(&name, function) == CUDA_SUCCESS && name) return name;
  return "<unnamed kernel>";
}

void dlcrt_cuda_record_error(dlcrt_status_t status) { dlcrt_mgpu_record(status); }

dlcrt_status_t dlcrt_cuda_take_error(void) {
  dlcrt_status_t status = dlcrt_mgpu_error;
  dlcrt_mgpu_error = NULL;
  return status;
}

/*===-- Modules ---------------------------------------------------------------------------------===*/

void *mgpuModuleLoad(void *data, size_t gpuBlobSize) {
  const dlcrt_cuda_driver_t *cu = dlcrt_mgpu_begin("mgpuModuleLoad");
  if (!cu) return NULL;
  CUmodule module = NULL;
  if (!dlcrt_mgpu_check(cu, cu->ModuleLoadData(&module, data), "mgpuModuleLoad",
                        "cuModuleLoadData(%zu-byte image) on CUDA device %d", gpuBlobSize, dlcrt_mgpu_default_device))
    return NULL;
  return module;
}

void *mgpuModuleLoadJIT(void *data, int optLevel) {
  const dlcrt_cuda_driver_t *cu = dlcrt_mgpu_begin("mgpuModuleLoadJIT");
  if (!cu) return NULL;
  char what[96];
  snprintf(what, sizeof(what), "cuModuleLoadDataEx(PTX, -O%d) on CUDA device %d", optLevel, dlcrt_mgpu_default_device);
  CUmodule module = NULL;
  dlcrt_status_t status = dlcrt_cuda_load_image(cu, data, optLevel, what, &module);
  if (status) {
    dlcrt_mgpu_record(dlcrt_status_annotate(status, "mgpuModuleLoadJIT: "));
    return NULL;
  }
  return module;
}

void mgpuModuleUnload(void *module) {
  const dlcrt_cuda_driver_t *cu = dlcrt_mgpu_begin_release("mgpuModuleUnload", module);
  if (!cu) return;
  dlcrt_mgpu_check(cu, cu->ModuleUnload(module), "mgpuModuleUnload", "cuModuleUnload");
}

void *mgpuModuleGetFunction(void *module, const char *name) {
  const dlcrt_cuda_driver_t *cu = dlcrt_mgpu_begin("mgpuModuleGetFunction");
  if (!cu) return NULL;
  CUfunction function = NULL;
  if (!dlcrt_mgpu_check(cu, cu->ModuleGetFunction(&function, module, name), "mgpuModuleGetFunction",
                        "cuModuleGetFunction(%s)", name ? name : "(null)"))
    return NULL;
  return function;
}

/*===-- Launches --------------------------------------------------------------------------------===*/

void mgpuLaunchKernel(void *function, intptr_t gridX, intptr_t gridY, intptr_t gridZ, intptr_t blockX, intptr_t blockY,
                      intptr_t blockZ, int32_t smem, void *stream, void **params, void **extra, size_t paramsCount) {
  (void)paramsCount; /* cuLaunchKernel finds the parameter count in the kernel's metadata */
  const dlcrt_cuda_driver_t *cu = dlcrt_mgpu_begin("mgpuLaunchKernel");
  if (!cu) return;
  const intptr_t dims[6] = {gridX, gridY, gridZ, blockX, blockY, blockZ};
  for (int i = 0; i < 6; ++i) {
    if (dims[i] < 1 || (uintmax_t)dims[i] > UINT_MAX) {
      dlcrt_mgpu_invalid("mgpuLaunchKernel",
                         "kernel %s: grid %" PRIdPTR "x%" PRIdPTR "x%" PRIdPTR ", block %" PRIdPTR "x%" PRIdPTR
                         "x%" PRIdPTR " has a dimension outside [1, %u]",
                         dlcrt_mgpu_kernel_name(cu, function), gridX, gridY, gridZ, blockX, blockY, blockZ, UINT_MAX);
      return;
    }
  }
  if (smem < 0) {
    dlcrt_mgpu_invalid("mgpuLaunchKernel", "kernel %s: negative shared memory size %d",
                       dlcrt_mgpu_kernel_name(cu, function), (int)smem);
    return;
  }
  CUresult result = cu->LaunchKernel(function, (unsigned)gridX, (unsigned)gridY, (unsigned)gridZ, (unsigned)blockX,
                                     (unsigned)blockY, (unsigned)blockZ, (unsigned)smem, stream, params, extra);
  if (result != CUDA_SUCCESS)
    dlcrt_mgpu_check(cu, result, "mgpuLaunchKernel",
                     "cuLaunchKernel(%s, grid %ux%ux%u, block %ux%ux%u, %d bytes shared) on CUDA device %d",
                     dlcrt_mgpu_kernel_name(cu, function), (unsigned)gridX, (unsigned)gridY, (unsigned)gridZ,
                     (unsigned)blockX, (unsigned)blockY, (unsigned)blockZ, (int)smem, dlcrt_mgpu_default_device);
}

/*===-- Streams and events ----------------------------------------------------------------------===*/

void *mgpuStreamCreate(void) {
  const dlcrt_cuda_driver_t *cu = dlcrt_mgpu_begin("mgpuStreamCreate");
  if (!cu) return NULL;
  CUstream stream = NULL;
  if (!dlcrt_mgpu_check(cu, cu->StreamCreate(&stream, CU_STREAM_NON_BLOCKING), "mgpuStreamCreate",
                        "cuStreamCreate on CUDA device %d", dlcrt_mgpu_default_device))
    return NULL;
  return stream;
}

void mgpuStreamDestroy(void *stream) {
  const dlcrt_cuda_driver_t *cu = dlcrt_mgpu_begin_release("mgpuStreamDestroy", stream);
  if (!cu) return;
  dlcrt_mgpu_check(cu, cu->StreamDestroy(stream), "mgpuStreamDestroy", "cuStreamDestroy");
}

void mgpuStreamSynchronize(void *stream) {
  const dlcrt_cuda_driver_t *cu = dlcrt_mgpu_begin("mgpuStreamSynchronize");
  if (!cu) return;
  dlcrt_mgpu_check(cu, cu->StreamSynchronize(stream), "mgpuStreamSynchronize",
                   "cuStreamSynchronize on CUDA device %d (an earlier kernel or copy on the stream may have failed)",
                   dlcrt_mgpu_default_device);
}

void mgpuStreamWaitEvent(void *stream, void *event) {
  const dlcrt_cuda_driver_t *cu = dlcrt_mgpu_begin("mgpuStreamWaitEvent");
  if (!cu) return;
  dlcrt_mgpu_check(cu, cu->StreamWaitEvent(stream, event, 0), "mgpuStreamWaitEvent", "cuStreamWaitEvent");
}

void *mgpuEventCreate(void) {
  const dlcrt_cuda_driver_t *cu = dlcrt_mgpu_begin("mgpuEventCreate");
  if (!cu) return NULL;
  CUevent event = NULL;
  if (!dlcrt_mgpu_check(cu, cu->EventCreate(&event, CU_EVENT_DISABLE_TIMING), "mgpuEventCreate",
                        "cuEventCreate on CUDA device %d", dlcrt_mgpu_default_device))
    return NULL;
  return event;
}

void mgpuEventDestroy(void *event) {
  const dlcrt_cuda_driver_t *cu = dlcrt_mgpu_begin_release("mgpuEventDestroy", event);
  if (!cu) return;
  dlcrt_mgpu_check(cu, cu->EventDestroy(event), "mgpuEventDestroy", "cuEventDestroy");
}

void mgpuEventSynchronize(void *event) {
  const dlcrt_cuda_driver_t *cu = dlcrt_mgpu_begin("mgpuEventSynchronize");
  if (!cu) return;
  dlcrt_mgpu_check(cu, cu->EventSynchronize(event), "mgpuEventSynchronize", "cuEventSynchronize");
}

void mgpuEventRecord(void *event, void *stream) {
  const dlcrt_cuda_driver_t *cu = dlcrt_mgpu_begin("mgpuEventRecord");
  if (!cu) return;
  dlcrt_mgpu_check(cu, cu->EventRecord(event, stream), "mgpuEventRecord", "cuEventRecord");
}

/*===-- Memory ----------------------------------------------------------------------------------===*/

void *mgpuMemAlloc(uint64_t sizeBytes, void *stream, bool isHostShared) {
  (void)stream; /* allocation is synchronous, as in MLIR's wrappers */
  const dlcrt_cuda_driver_t *cu = dlcrt_mgpu_begin("mgpuMemAlloc");
  if (!cu || sizeBytes == 0) return NULL;
  CUdeviceptr ptr = 0;
  bool ok = isHostShared ? dlcrt_mgpu_check(cu, cu->MemAllocManaged(&ptr, (size_t)sizeBytes, CU_MEM_ATTACH_GLOBAL),
                                            "mgpuMemAlloc", "cuMemAllocManaged(%" PRIu64 " bytes) on CUDA device %d",
                                            sizeBytes, dlcrt_mgpu_default_device)
                         : dlcrt_mgpu_check(cu, cu->MemAlloc(&ptr, (size_t)sizeBytes), "mgpuMemAlloc",
                                            "cuMemAlloc(%" PRIu64 " bytes) on CUDA device %d", sizeBytes,
                                            dlcrt_mgpu_default_device);
  return ok ? (void *)(uintptr_t)ptr : NULL;
}

void mgpuMemFree(void *ptr, void *stream) {
  (void)stream;
  const dlcrt_cuda_driver_t *cu = dlcrt_mgpu_begin_release("mgpuMemFree", ptr);
  if (!cu) return;
  dlcrt_mgpu_check(cu, cu->MemFree((CUdeviceptr)(uintptr_t)ptr), "mgpuMemFree", "cuMemFree(%p)", ptr);
}

void mgpuMemcpy(void *dst, void *src, size_t sizeBytes, void *stream) {
  const dlcrt_cuda_driver_t *cu = dlcrt_mgpu_begin("mgpuMemcpy");
  if (!cu || sizeBytes == 0) return;
  dlcrt_mgpu_check(cu, cu->MemcpyAsync((CUdeviceptr)(uintptr_t)dst, (CUdeviceptr)(uintptr_t)src, sizeBytes, stream),
                   "mgpuMemcpy", "cuMemcpyAsync(%zu bytes, %p -> %p)", sizeBytes, src, dst);
}

void mgpuMemset32(void *dst, unsigned int value, size_t count, void *stream) {
  const dlcrt_cuda_driver_t *cu = dlcrt_mgpu_begin("mgpuMemset32");
  if (!cu || count == 0) return;
  dlcrt_mgpu_check(cu, cu->MemsetD32Async((CUdeviceptr)(uintptr_t)dst, value, count, stream), "mgpuMemset32",
                   "cuMemsetD32Async(%zu words at %p)", count, dst);
}

void mgpuMemset16(void *dst, unsigned short value, size_t count, void *stream) {
  const dlcrt_cuda_driver_t *cu = dlcrt_mgpu_begin("mgpuMemset16");
  if (!cu || count == 0) return;
  dlcrt_mgpu_check(cu, cu->MemsetD16Async((CUdeviceptr)(uintptr_t)dst, value, count, stream), "mgpuMemset16",
                   "cuMemsetD16Async(%zu half-words at %p)", count, dst);
}

void mgpuSetDefaultDevice(int32_t device) { dlcrt_mgpu_default_device = device; }

/*===-- JIT registration ------------------------------------------------------------------------===*/

const dlcrt_jit_symbol_t *dlcrt_cuda_jit_symbols(void) {
  static const dlcrt_jit_symbol_t symbols[] = {
      {"mgpuModuleLoad", (void *)mgpuModuleLoad},
      {"mgpuModuleLoadJIT", (void *)mgpuModuleLoadJIT},
      {"mgpuModuleUnload", (void *)mgpuModuleUnload},
      {"mgpuModuleGetFunction", (void *)mgpuModuleGetFunction},
      {"mgpuLaunchKernel", (void *)mgpuLaunchKernel},
      {"mgpuStreamCreate", (void *)mgpuStreamCreate},
      {"mgpuStreamDestroy", (void *)mgpuStreamDestroy},
      {"mgpuStreamSynchronize", (void *)mgpuStreamSynchronize},
      {"mgpuStreamWaitEvent", (void *)mgpuStreamWaitEvent},
      {"mgpuEventCreate", (void *)mgpuEventCreate},
      {"mgpuEventDestroy", (void *)mgpuEventDestroy},
      {"mgpuEventSynchronize", (void *)mgpuEventSynchronize},
      {"mgpuEventRecord", (void *)mgpuEventRecord},
      {"mgpuMemAlloc", (void *)mgpuMemAlloc},
      {"mgpuMemFree", (void *)mgpuMemFree},
      {"mgpuMemcpy", (void *)mgpuMemcpy},
      {"mgpuMemset32", (void *)mgpuMemset32},
      {"mgpuMemset16", (void *)mgpuMemset16},
      {"mgpuSetDefaultDevice", (void *)mgpuSetDefaultDevice},
      {NULL, NULL},
  };
  return symbols;
}
