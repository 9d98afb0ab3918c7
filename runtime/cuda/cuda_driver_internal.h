/* Internal to runtime/cuda: the CUDA driver types, the table of driver entry points resolved with
 * dlsym, and helpers shared by cuda_driver.c and mgpu_wrappers.c. Not installed, not for other code.
 *
 * Types and enum values come from the toolkit's cuda.h when the build found it (DLC_HAVE_CUDA_H: only
 * its types and constants are used, its prototypes are never called), else from the minimal copies
 * below, which mirror the driver ABI; when cuda.h is available the build checks every function
 * pointer type and constant here against it. */
#ifndef DLC_RUNTIME_CUDA_DRIVER_INTERNAL_H
#define DLC_RUNTIME_CUDA_DRIVER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "dlc/cuda.h"
#include "dlc/status.h"

#ifdef DLC_HAVE_CUDA_H
#include <cuda.h>
#else
typedef int CUresult; /* an enum in cuda.h: the same size and ABI */
typedef int CUdevice;
typedef unsigned long long CUdeviceptr;
typedef struct CUctx_st *CUcontext;
typedef struct CUmod_st *CUmodule;
typedef struct CUfunc_st *CUfunction;
typedef struct CUstream_st *CUstream;
typedef struct CUevent_st *CUevent;
typedef struct CUgraph_st *CUgraph;
typedef struct CUgraphExec_st *CUgraphExec;
typedef int CUdevice_attribute;
typedef int CUjit_option;
typedef int CUstreamCaptureMode;
enum {
  CUDA_SUCCESS = 0,
  CUDA_ERROR_INVALID_VALUE = 1,
  CUDA_ERROR_OUT_OF_MEMORY = 2,
  CUDA_ERROR_NOT_INITIALIZED = 3,
  CUDA_ERROR_STUB_LIBRARY = 34,
  CUDA_ERROR_CALL_REQUIRES_NEWER_DRIVER = 36,
  CUDA_ERROR_DEVICE_UNAVAILABLE = 46,
  CUDA_ERROR_NO_DEVICE = 100,
  CUDA_ERROR_INVALID_DEVICE = 101,
  CUDA_ERROR_INVALID_IMAGE = 200,
  CUDA_ERROR_NO_BINARY_FOR_GPU = 209,
  CUDA_ERROR_INVALID_PTX = 218,
  CUDA_ERROR_JIT_COMPILER_NOT_FOUND = 221,
  CUDA_ERROR_UNSUPPORTED_PTX_VERSION = 222,
  CUDA_ERROR_NOT_FOUND = 500,
  CUDA_ERROR_NOT_SUPPORTED = 801,
  CUDA_ERROR_SYSTEM_NOT_READY = 802,
  CUDA_ERROR_SYSTEM_DRIVER_MISMATCH = 803,
  CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE = 804,
};
enum {
  CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT = 16,
  CU_DEVICE_ATTRIBUTE_MEMORY_CLOCK_RATE = 36,
  CU_DEVICE_ATTRIBUTE_GLOBAL_MEMORY_BUS_WIDTH = 37,
  CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR = 75,
  CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 76,
};
enum { CU_JIT_ERROR_LOG_BUFFER = 5, CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES = 6, CU_JIT_OPTIMIZATION_LEVEL = 7 };
enum { CU_STREAM_NON_BLOCKING = 1 };
enum { CU_EVENT_DEFAULT = 0, CU_EVENT_DISABLE_TIMING = 2 };
enum { CU_STREAM_CAPTURE_MODE_GLOBAL = 0, CU_STREAM_CAPTURE_MODE_THREAD_LOCAL = 1, CU_STREAM_CAPTURE_MODE_RELAXED = 2 };
enum { CU_MEM_ATTACH_GLOBAL = 1 };
#endif

/* The driver entry points DLC uses: X(field, return, parameters, symbol, fallback symbol name or NULL,
 * required). The symbol (an identifier, stringised for dlsym and, with cuda.h, type-checked against
 * its prototype) is the versioned ABI name that cuda.h's macros map the API name to (cuMemAlloc ->
 * cuMemAlloc_v2, cuGraphInstantiate -> cuGraphInstantiateWithFlags...); the fallback is tried when a
 * driver lacks it (cuEventElapsedTime_v2 arrived in CUDA 12.8). Optional entry points may stay NULL. */
#define DLCRT_CUDA_DRIVER_ENTRY_POINTS(X)                                                                             \
  X(GetErrorName, CUresult, (CUresult error, const char **str), cuGetErrorName, NULL, true)                           \
  X(GetErrorString, CUresult, (CUresult error, const char **str), cuGetErrorString, NULL, true)                       \
  X(Init, CUresult, (unsigned int flags), cuInit, NULL, true)                                                         \
  X(DeviceGetCount, CUresult, (int *count), cuDeviceGetCount, NULL, true)                                             \
  X(DeviceGet, CUresult, (CUdevice * device, int ordinal), cuDeviceGet, NULL, true)                                   \
  X(DeviceGetName, CUresult, (char *name, int len, CUdevice dev), cuDeviceGetName, NULL, true)                        \
  X(DeviceGetAttribute, CUresult, (int *value, CUdevice_attribute attribute, CUdevice dev), cuDeviceGetAttribute,     \
    NULL, true)                                                                                                       \
  X(DeviceTotalMem, CUresult, (size_t * bytes, CUdevice dev), cuDeviceTotalMem_v2, NULL, true)                        \
  X(DevicePrimaryCtxRetain, CUresult, (CUcontext * ctx, CUdevice dev), cuDevicePrimaryCtxRetain, NULL, true)          \
  X(DevicePrimaryCtxRelease, CUresult, (CUdevice dev), cuDevicePrimaryCtxRelease_v2, NULL, true)                      \
  X(CtxSetCurrent, CUresult, (CUcontext ctx), cuCtxSetCurrent, NULL, true)                                            \
  X(ModuleLoadData, CUresult, (CUmodule * module, const void *image), cuModuleLoadData, NULL, true)                   \
  X(ModuleLoadDataEx, CUresult,                                                                                       \
    (CUmodule * module, const void *image, unsigned int num_options, CUjit_option *options, void **option_values),    \
    cuModuleLoadDataEx, NULL, true)                                                                                   \
  X(ModuleGetFunction, CUresult, (CUfunction * function, CUmodule module, const char *name), cuModuleGetFunction,     \
    NULL, true)                                                                                                       \
  X(ModuleUnload, CUresult, (CUmodule module), cuModuleUnload, NULL, true)                                            \
  X(FuncGetName, CUresult, (const char **name, CUfunction function), cuFuncGetName, NULL, false)                      \
  X(LaunchKernel, CUresult,                                                                                           \
    (CUfunction f, unsigned int grid_x, unsigned int grid_y, unsigned int grid_z, unsigned int block_x,               \
     unsigned int block_y, unsigned int block_z, unsigned int shared_bytes, CUstream stream, void **params,           \
     void **extra),                                                                                                   \
    cuLaunchKernel, NULL, true)                                                                                       \
  X(StreamCreate, CUresult, (CUstream * stream, unsigned int flags), cuStreamCreate, NULL, true)                      \
  X(StreamSynchronize, CUresult, (CUstream stream), cuStreamSynchronize, NULL, true)                                  \
  X(StreamDestroy, CUresult, (CUstream stream), cuStreamDestroy_v2, NULL, true)                                       \
  X(StreamWaitEvent, CUresult, (CUstream stream, CUevent event, unsigned int flags), cuStreamWaitEvent, NULL, true)   \
  X(EventCreate, CUresult, (CUevent * event, unsigned int flags), cuEventCreate, NULL, true)                          \
  X(EventRecord, CUresult, (CUevent event, CUstream stream), cuEventRecord, NULL, true)                               \
  X(EventSynchronize, CUresult, (CUevent event), cuEventSynchronize, NULL, true)                                      \
  X(EventElapsedTime, CUresult, (float *ms, CUevent start, CUevent end), cuEventElapsedTime_v2, "cuEventElapsedTime", \
    true)                                                                                                             \
  X(EventDestroy, CUresult, (CUevent event), cuEventDestroy_v2, NULL, true)                                           \
  X(MemAlloc, CUresult, (CUdeviceptr * ptr, size_t bytes), cuMemAlloc_v2, NULL, true)                                 \
  X(MemAllocManaged, CUresult, (CUdeviceptr * ptr, size_t bytes, unsigned int flags), cuMemAllocManaged, NULL, true)  \
  X(MemFree, CUresult, (CUdeviceptr ptr), cuMemFree_v2, NULL, true)                                                   \
  /* The synchronous copies are resolved for completeness; dlcrt_cuda_copy_* use the Async entry points */            \
  /* on the context's stream plus a stream synchronisation, which orders them after earlier work. */                  \
  X(MemcpyHtoD, CUresult, (CUdeviceptr dst, const void *src, size_t bytes), cuMemcpyHtoD_v2, NULL, true)              \
  X(MemcpyDtoH, CUresult, (void *dst, CUdeviceptr src, size_t bytes), cuMemcpyDtoH_v2, NULL, true)                    \
  X(MemcpyDtoD, CUresult, (CUdeviceptr dst, CUdeviceptr src, size_t bytes), cuMemcpyDtoD_v2, NULL, true)              \
  X(MemcpyHtoDAsync, CUresult, (CUdeviceptr dst, const void *src, size_t bytes, CUstream stream),                     \
    cuMemcpyHtoDAsync_v2, NULL, true)                                                                                 \
  X(MemcpyDtoHAsync, CUresult, (void *dst, CUdeviceptr src, size_t bytes, CUstream stream), cuMemcpyDtoHAsync_v2,     \
    NULL, true)                                                                                                       \
  X(MemcpyDtoDAsync, CUresult, (CUdeviceptr dst, CUdeviceptr src, size_t bytes, CUstream stream),                     \
    cuMemcpyDtoDAsync_v2, NULL, true)                                                                                 \
  X(MemcpyAsync, CUresult, (CUdeviceptr dst, CUdeviceptr src, size_t bytes, CUstream stream), cuMemcpyAsync, NULL,    \
    true)                                                                                                             \
  X(MemsetD32Async, CUresult, (CUdeviceptr dst, unsigned int value, size_t count, CUstream stream), cuMemsetD32Async, \
    NULL, true)                                                                                                       \
  X(MemsetD16Async, CUresult, (CUdeviceptr dst, unsigned short value, size_t count, CUstream stream),                 \
    cuMemsetD16Async, NULL, true)                                                                                     \
  X(StreamBeginCapture, CUresult, (CUstream stream, CUstreamCaptureMode mode), cuStreamBeginCapture_v2, NULL, true)   \
  X(StreamEndCapture, CUresult, (CUstream stream, CUgraph * graph), cuStreamEndCapture, NULL, true)                   \
  X(GraphInstantiateWithFlags, CUresult, (CUgraphExec * exec, CUgraph graph, unsigned long long flags),               \
    cuGraphInstantiateWithFlags, NULL, true)                                                                          \
  X(GraphLaunch, CUresult, (CUgraphExec exec, CUstream stream), cuGraphLaunch, NULL, true)                            \
  X(GraphExecDestroy, CUresult, (CUgraphExec exec), cuGraphExecDestroy, NULL, true)                                   \
  X(GraphDestroy, CUresult, (CUgraph graph), cuGraphDestroy, NULL, true)

#define DLCRT_CUDA_DECLARE_FIELD(field, ret, params, symbol, fallback, required) ret(*field) params;
typedef struct dlcrt_cuda_driver_t {
  DLCRT_CUDA_DRIVER_ENTRY_POINTS(DLCRT_CUDA_DECLARE_FIELD)
} dlcrt_cuda_driver_t;
#undef DLCRT_CUDA_DECLARE_FIELD

/* Loads the driver on first use (thread-safe, once per process) and returns its entry points; fails
 * with UNAVAILABLE and the one-line reason when there is no usable driver, or no device. */
dlcrt_status_t dlcrt_cuda_driver(const dlcrt_cuda_driver_t **out_driver);

/* "NAME (description)" for a CUresult, e.g. "CUDA_ERROR_OUT_OF_MEMORY (out of memory)". */
void dlcrt_cuda_describe_error(const dlcrt_cuda_driver_t *cu, CUresult result, char *buf, size_t buf_size);

/* The status for a failed driver call: "<what> failed: CUDA_ERROR_X (description)", where `what` is a
 * printf-style description of the call ("cuMemAlloc(64 bytes) on CUDA device 0"). OK for CUDA_SUCCESS. */
dlcrt_status_t dlcrt_cuda_error(const dlcrt_cuda_driver_t *cu, CUresult result, const char *what_fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The primary context of a device, retained once per process on first use and kept until exit (for
 * the mgpu* wrappers, which have no object to own it). */
dlcrt_status_t dlcrt_cuda_cached_primary_context(const dlcrt_cuda_driver_t *cu, int ordinal, CUcontext *out_context);

/* Loads a module image with cuModuleLoadDataEx, capturing the JIT error log into the status;
 * opt_level in [0, 4] sets CU_JIT_OPTIMIZATION_LEVEL, anything else leaves the driver default.
 * `what` names the caller for the message. */
dlcrt_status_t dlcrt_cuda_load_image(const dlcrt_cuda_driver_t *cu, const void *image, int opt_level, const char *what,
                                     CUmodule *out_module);

/* The stream on which library calls of the model call in flight (cuBLASLt GEMMs) are issued; NULL (the
 * legacy default stream) when no call is in flight. runtime/cuda/call_stream.c. */
CUstream dlcrt_cuda_call_stream(void);
/* True while the call in flight replays a CUDA graph: the host function runs only to reproduce its
 * allocations, so entry points that enqueue work (launches, copies, library calls) must do nothing -
 * the graph launched at the end of the call holds that work. runtime/cuda/call_stream.c. */
bool dlcrt_cuda_call_replaying(void);
/* Releases cuBLASLt's handle, workspace and cached plans (runtime/cuda/cublaslt.c); the next GEMM makes
 * them again. The last call session to be destroyed calls it. */
void dlcrt_cublaslt_release(void);

/* Keeps `status` as the calling thread's pending CUDA error, the slot dlcrt_cuda_take_error() empties,
 * unless one is pending already (first error wins; the extra one is freed). NULL is a no-op. For
 * entry points of compiled code outside mgpu_wrappers.c (runtime/cuda/cublaslt.c). */
void dlcrt_cuda_record_error(dlcrt_status_t status);

/*===-- The call in flight (runtime/cuda/call_session.c), for the mgpu* wrappers -----------------===*/

/* The session whose call is in flight on this thread, or NULL outside dlcrt_cuda_call_begin/end. */
dlcrt_cuda_session_t *dlcrt_cuda_active_session(void);
CUstream dlcrt_cuda_session_cu_stream(const dlcrt_cuda_session_t *session);
dlcrt_cuda_call_mode_t dlcrt_cuda_session_mode(const dlcrt_cuda_session_t *session);
/* Allocation #i of the call: the cached buffer of slot i when its size and kind match, else a new one
 * (the old one is released at the next call's start). NULL with *error set on failure. */
void *dlcrt_cuda_session_alloc(dlcrt_cuda_session_t *session, uint64_t bytes, bool managed, dlcrt_status_t *error);
/* The device copy of the constant at `host` (`bytes` long), uploaded on first use and kept until the
 * session is destroyed. */
dlcrt_status_t dlcrt_cuda_session_constant(dlcrt_cuda_session_t *session, const void *host, size_t bytes, void **out);
/* Profiling (no-ops unless the session profiles): events recorded around one kernel launch. */
void dlcrt_cuda_session_launch_begin(dlcrt_cuda_session_t *session, CUfunction function);
void dlcrt_cuda_session_launch_end(dlcrt_cuda_session_t *session);

#endif /* DLC_RUNTIME_CUDA_DRIVER_INTERNAL_H */
