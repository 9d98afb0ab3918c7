/* The CUDA driver, loaded at first use: device queries, contexts, modules, launches, memory, events and
 * CUDA graphs, plus the `mgpu*` entry points that MLIR's `gpu-to-llvm` host lowering calls.
 *
 * Nothing here links against libcuda. The first call that needs the driver dlopen()s "libcuda.so.1"
 * (or the file named by the DLC_CUDA_DRIVER environment variable, which tests use to load a fake
 * driver or to force the no-driver path) once per process and resolves its entry points by name, so
 * every tool runs on machines without a GPU and reports one clear line when CUDA is asked for and
 * absent. The driver stays loaded until the process exits.
 *
 * Every CUDA failure becomes a status whose message names the CUDA error (cuGetErrorName, e.g.
 * CUDA_ERROR_OUT_OF_MEMORY) and the call or kernel that raised it, e.g.
 *   "cuMemAlloc(1125899906842624 bytes) on CUDA device 0 failed: CUDA_ERROR_OUT_OF_MEMORY (out of memory)".
 * Status codes: no driver / no device -> UNAVAILABLE, out of memory -> RESOURCE_EXHAUSTED, bad image or
 * argument -> INVALID_ARGUMENT, unknown symbol -> NOT_FOUND, anything else -> INTERNAL. */
#ifndef DLC_CUDA_H
#define DLC_CUDA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "dlc/allocator.h"
#include "dlc/jit_support.h"
#include "dlc/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Environment variable naming the driver library to dlopen instead of "libcuda.so.1". Read once. */
#define DLCRT_CUDA_DRIVER_ENV "DLC_CUDA_DRIVER"

/* A device address (CUdeviceptr). 0 is the null device pointer. */
typedef uint64_t dlcrt_cuda_deviceptr_t;

/*===-- Availability and devices ----------------------------------------------------------------===*/

/* Whether a CUDA driver is loadable, initialises, and sees at least one device. Never fails for lack
 * of CUDA: *out_available is false and `why` (if non-NULL, `why_size` > 0) receives one line such as
 * "no CUDA driver (libcuda.so.1 not found)" or "CUDA driver found but no CUDA device"; it is set to ""
 * when CUDA is available. Returns a non-OK status only for a NULL `out_available`. */
dlcrt_status_t dlcrt_cuda_available(bool *out_available, char *why, size_t why_size);

/* Number of CUDA devices; UNAVAILABLE (with the reason above) when there is no usable driver. */
dlcrt_status_t dlcrt_cuda_device_count(int *out_count);

typedef struct dlcrt_cuda_device_info_t {
  int ordinal;
  char name[256];
  int sm_count;      /* streaming multiprocessors */
  int compute_major; /* compute capability, e.g. 9.0 for H100 */
  int compute_minor;
  uint64_t total_memory; /* bytes of device memory */
} dlcrt_cuda_device_info_t;

dlcrt_status_t dlcrt_cuda_device_info(int ordinal, dlcrt_cuda_device_info_t *out_info);

/*===-- Contexts --------------------------------------------------------------------------------===*/

/* A device, its retained primary context and one non-blocking stream on which everything below is
 * issued. Every call makes the primary context current on the calling thread first, so a context may
 * be used from any thread (though not concurrently: calls on one context must be serialised). */
typedef struct dlcrt_cuda_context_t dlcrt_cuda_context_t;

/* UNAVAILABLE when there is no driver or device ("cannot create a CUDA context on device 0: no CUDA
 * driver (libcuda.so.1 not found)"); INVALID_ARGUMENT for an ordinal out of range. */
dlcrt_status_t dlcrt_cuda_context_create(dlcrt_allocator_t allocator, int ordinal, dlcrt_cuda_context_t **out_context);
/* Waits for the stream, destroys it and releases the primary context. NULL is a no-op. Errors are
 * ignored here: call dlcrt_cuda_context_synchronize first to observe them. Destroy modules, events and
 * graphs of the context before it; free its device memory before it too. */
void dlcrt_cuda_context_destroy(dlcrt_cuda_context_t *context);
int dlcrt_cuda_context_ordinal(const dlcrt_cuda_context_t *context);
/* The context's CUstream, for passing to code that takes a stream (e.g. mgpu-lowered host code). */
void *dlcrt_cuda_context_stream(const dlcrt_cuda_context_t *context);
/* Waits for all work issued on the context's stream; reports asynchronous errors (failed kernels). */
dlcrt_status_t dlcrt_cuda_context_synchronize(dlcrt_cuda_context_t *context);

/*===-- Modules and launches --------------------------------------------------------------------===*/

typedef struct dlcrt_cuda_module_t dlcrt_cuda_module_t;
typedef struct dlcrt_cuda_function_t dlcrt_cuda_function_t; /* owned by its module */

/* Loads PTX text, a cubin or a fatbin. PTX need not be NUL-terminated within `image_size` (a
 * terminated copy is made). The driver's JIT error log, if any, is part of a failure's message. */
dlcrt_status_t dlcrt_cuda_module_load(dlcrt_cuda_context_t *context, const void *image, size_t image_size,
                                      dlcrt_cuda_module_t **out_module);
/* Unloads the module and frees its functions. NULL is a no-op. */
void dlcrt_cuda_module_unload(dlcrt_cuda_module_t *module);
/* NOT_FOUND (naming the kernel and CUDA_ERROR_NOT_FOUND) when the module has no such kernel. */
dlcrt_status_t dlcrt_cuda_module_get_function(dlcrt_cuda_module_t *module, const char *name,
                                              const dlcrt_cuda_function_t **out_function);
const char *dlcrt_cuda_function_name(const dlcrt_cuda_function_t *function);

typedef struct dlcrt_cuda_launch_config_t {
  uint32_t grid[3];  /* blocks in x, y, z (each >= 1) */
  uint32_t block[3]; /* threads per block in x, y, z (each >= 1) */
  uint32_t shared_memory_bytes;
} dlcrt_cuda_launch_config_t;

/* Enqueues `function` on the context's stream (asynchronous; errors during execution surface at the
 * next synchronisation). `args[i]` points at the value of kernel parameter i, as for cuLaunchKernel. */
dlcrt_status_t dlcrt_cuda_launch(dlcrt_cuda_context_t *context, const dlcrt_cuda_function_t *function,
                                 const dlcrt_cuda_launch_config_t *config, void **args);

/*===-- Memory ----------------------------------------------------------------------------------===*/

/* 0 bytes gives the null device pointer; freeing 0 is a no-op. */
dlcrt_status_t dlcrt_cuda_malloc(dlcrt_cuda_context_t *context, size_t bytes, dlcrt_cuda_deviceptr_t *out_ptr);
dlcrt_status_t dlcrt_cuda_free(dlcrt_cuda_context_t *context, dlcrt_cuda_deviceptr_t ptr);

/* Synchronous copies: ordered after earlier work on the context's stream and complete on return (they
 * synchronise the stream, so they are refused while the stream is being captured). */
dlcrt_status_t dlcrt_cuda_copy_to_device(dlcrt_cuda_context_t *context, dlcrt_cuda_deviceptr_t dst, const void *src,
                                         size_t bytes);
dlcrt_status_t dlcrt_cuda_copy_to_host(dlcrt_cuda_context_t *context, void *dst, dlcrt_cuda_deviceptr_t src,
                                       size_t bytes);
dlcrt_status_t dlcrt_cuda_copy_device(dlcrt_cuda_context_t *context, dlcrt_cuda_deviceptr_t dst,
                                      dlcrt_cuda_deviceptr_t src, size_t bytes);
/* Asynchronous versions, enqueued on the context's stream: host buffers must stay alive (and, for
 * copies to host, unread) until the stream is synchronised. */
dlcrt_status_t dlcrt_cuda_copy_to_device_async(dlcrt_cuda_context_t *context, dlcrt_cuda_deviceptr_t dst,
                                               const void *src, size_t bytes);
dlcrt_status_t dlcrt_cuda_copy_to_host_async(dlcrt_cuda_context_t *context, void *dst, dlcrt_cuda_deviceptr_t src,
                                             size_t bytes);
dlcrt_status_t dlcrt_cuda_copy_device_async(dlcrt_cuda_context_t *context, dlcrt_cuda_deviceptr_t dst,
                                            dlcrt_cuda_deviceptr_t src, size_t bytes);
/* Sets `count` 32-bit words at `dst` to `value`. */
dlcrt_status_t dlcrt_cuda_memset_d32_async(dlcrt_cuda_context_t *context, dlcrt_cuda_deviceptr_t dst, uint32_t value,
                                           size_t count);

/*===-- Events ----------------------------------------------------------------------------------===*/

typedef struct dlcrt_cuda_event_t dlcrt_cuda_event_t;

/* A timing event of the context. */
dlcrt_status_t dlcrt_cuda_event_create(dlcrt_cuda_context_t *context, dlcrt_cuda_event_t **out_event);
void dlcrt_cuda_event_destroy(dlcrt_cuda_event_t *event); /* NULL is a no-op */
/* Records the event on its context's stream. */
dlcrt_status_t dlcrt_cuda_event_record(dlcrt_cuda_event_t *event);
dlcrt_status_t dlcrt_cuda_event_synchronize(dlcrt_cuda_event_t *event);
/* Milliseconds between two recorded, completed events (synchronise `end` first). */
dlcrt_status_t dlcrt_cuda_event_elapsed_ms(const dlcrt_cuda_event_t *start, const dlcrt_cuda_event_t *end,
                                           float *out_ms);

/*===-- CUDA graphs -----------------------------------------------------------------------------===*/

/* An instantiated CUDA graph (CUgraphExec), replayable on its context's stream. */
typedef struct dlcrt_cuda_graph_t dlcrt_cuda_graph_t;

/* Starts capturing the context's stream (CU_STREAM_CAPTURE_MODE_THREAD_LOCAL): launches, async copies
 * and memsets issued on the context are recorded instead of run. Synchronous calls on the context,
 * dlcrt_cuda_malloc/free and other unsafe driver calls from this thread fail until capture ends. */
dlcrt_status_t dlcrt_cuda_capture_begin(dlcrt_cuda_context_t *context);
/* Ends the capture and instantiates the captured work. Ends the capture even when it fails (e.g.
 * CUDA_ERROR_STREAM_CAPTURE_INVALIDATED after an illegal call during capture). */
dlcrt_status_t dlcrt_cuda_capture_end(dlcrt_cuda_context_t *context, dlcrt_cuda_graph_t **out_graph);
/* Replays the graph on its context's stream (asynchronous). */
dlcrt_status_t dlcrt_cuda_graph_launch(dlcrt_cuda_graph_t *graph);
void dlcrt_cuda_graph_destroy(dlcrt_cuda_graph_t *graph); /* NULL is a no-op */

/*===-- Call sessions: one stream, cached allocations, CUDA graphs ------------------------------===*/

/* A session runs the calls of one compiled program (runtime/cuda/call_session.c). Every call of the
 * compiled host function is bracketed by dlcrt_cuda_call_begin/end; inside, the mgpu* entry points use
 * the session's one stream (mgpuStreamCreate returns it, mgpuStreamSynchronize and mgpuStreamDestroy do
 * nothing: the call's end synchronises once), allocation #i of the call returns the same cached buffer
 * every call (mgpuMemFree does nothing; the session frees everything when destroyed), and constants are
 * uploaded once. With graphs, the first call of an input-shape signature runs directly (filling the
 * caches: no allocation or upload ever happens under capture), the second is captured into a CUDA
 * graph and launched, later ones replay it: the graph is launched at the call's end. Between begin and
 * end of a replay, the caller may run the host function again (launches, copies and memsets are then
 * skipped, allocations walk the cache and must match) or, knowing what the captured call returned,
 * not run it at all (lib/Compiler/jit.c does the latter). */
typedef struct dlcrt_cuda_session_t dlcrt_cuda_session_t;

typedef enum dlcrt_cuda_call_mode_t {
  DLCRT_CUDA_CALL_DIRECT,  /* work runs on the call stream as it is issued */
  DLCRT_CUDA_CALL_CAPTURE, /* work is captured into a graph, launched at the call's end */
  DLCRT_CUDA_CALL_REPLAY,  /* work is skipped; the captured graph is launched at the call's end */
} dlcrt_cuda_call_mode_t;

typedef struct dlcrt_cuda_session_options_t {
  bool graphs;     /* capture each input-shape signature into a CUDA graph and replay it */
  bool profile;    /* time every kernel launch with events (forces direct execution) */
  bool time_calls; /* time each call with events on the call stream (dlcrt_cuda_session_last_call_ms) */
  bool verbose;    /* one line on stderr when a capture fails and the call falls back to direct execution */
} dlcrt_cuda_session_options_t;

typedef struct dlcrt_cuda_session_stats_t {
  int64_t calls, direct_calls, captures, replays, capture_fallbacks, reruns;
  int64_t device_allocations; /* cuMemAlloc/cuMemAllocManaged calls made by the session */
  int64_t constants;          /* constants uploaded */
} dlcrt_cuda_session_stats_t;

/* Creates the session's stream on the primary context of device 0. */
dlcrt_status_t dlcrt_cuda_session_create(const dlcrt_cuda_session_options_t *options, dlcrt_cuda_session_t **out);
/* Destroys the graph and the stream, frees every cached buffer and constant. NULL is a no-op. */
void dlcrt_cuda_session_destroy(dlcrt_cuda_session_t *session);
/* A managed buffer of at least `bytes` for input #slot, the same one every call unless it must grow. */
dlcrt_status_t dlcrt_cuda_session_stage(dlcrt_cuda_session_t *session, int32_t slot, size_t bytes, void **out);
/* Copies `bytes` from host memory into a staged (or any session) buffer, on the session's stream, so
 * that it is ordered before the next call's work; `src` must stay valid until that call ends. */
dlcrt_status_t dlcrt_cuda_session_upload(dlcrt_cuda_session_t *session, void *dst, const void *src, size_t bytes);
/* Copies `bytes` of a session buffer (a result) to host memory and waits for the copy. */
dlcrt_status_t dlcrt_cuda_session_download(dlcrt_cuda_session_t *session, void *dst, const void *src, size_t bytes);
/* Starts a call whose inputs have the shape signature `signature` (any hash of the input shapes);
 * *out_mode says how the call's work is issued. Errors pending from earlier calls are dropped. */
dlcrt_status_t dlcrt_cuda_call_begin(dlcrt_cuda_session_t *session, uint64_t signature, dlcrt_cuda_call_mode_t *out_mode);
/* Ends the call: ends a capture (instantiating and launching the graph), or launches the replayed graph,
 * then synchronises the stream once. Returns the first CUDA error of the call. *out_rerun is true when
 * the call did not run and must be made again (begin, host function, end): the capture failed (the
 * session then stops using graphs) or a replay's allocations diverged from the captured ones (the next
 * attempt runs directly, the next call re-captures). */
dlcrt_status_t dlcrt_cuda_call_end(dlcrt_cuda_session_t *session, bool *out_rerun);
/* Milliseconds of the last call between events recorded at its start and end (time_calls). */
float dlcrt_cuda_session_last_call_ms(const dlcrt_cuda_session_t *session);
void dlcrt_cuda_session_stats(const dlcrt_cuda_session_t *session, dlcrt_cuda_session_stats_t *out);
/* With profile: per kernel, its total time, launches, bytes moved, achieved GB/s and the fraction of
 * the device's peak memory bandwidth (memory clock x bus width x 2), sorted by time; then a total line. */
dlcrt_status_t dlcrt_cuda_session_print_profile(const dlcrt_cuda_session_t *session, FILE *out);

/* Called by compiled host code before each kernel launch with the bytes of the launch's memref
 * operands; the next launch's profile record keeps them. */
void dlcrt_profile_next_launch_bytes(int64_t bytes);

/* The entry points compiled code calls besides mgpu*: the constant cache (_mlir_ciface_dlcrt_gpu_constant_
 * <elem>_<rank>, see lib/Transforms/gpu_host_memory.c) and dlcrt_profile_next_launch_bytes; terminated
 * by {NULL, NULL}. */
const dlcrt_jit_symbol_t *dlcrt_cuda_session_jit_symbols(void);

/*===-- MLIR host-lowering entry points (mgpu*) -------------------------------------------------===*/

/* The functions that MLIR 22's `gpu-to-llvm` lowering calls, with the exact C ABI it emits (the
 * handles are CUmodule, CUfunction, CUstream and CUevent). They run on the primary context of the
 * thread's default device (mgpuSetDefaultDevice, 0 unless set), made current on the calling thread.
 *
 * MLIR's own wrappers abort on error; these cannot return a status through that ABI, so they keep the
 * FIRST error in a thread-local slot and turn every later work call on that thread (load, launch,
 * copy, memset, alloc, stream/event create, record, wait, synchronize) into a no-op returning NULL,
 * until dlcrt_cuda_take_error() hands the error over and clears the slot. Release calls
 * (mgpuMemFree, mgpuModuleUnload, mgpuStreamDestroy, mgpuEventDestroy) still release their non-NULL
 * handle while an error is pending, so that unwinding leaks nothing; their own failures are then
 * dropped. Callers of compiled code must call dlcrt_cuda_take_error() after it returns. */
void *mgpuModuleLoad(void *data, size_t gpuBlobSize);
void *mgpuModuleLoadJIT(void *data, int optLevel);
void mgpuModuleUnload(void *module);
void *mgpuModuleGetFunction(void *module, const char *name);
void mgpuLaunchKernel(void *function, intptr_t gridX, intptr_t gridY, intptr_t gridZ, intptr_t blockX, intptr_t blockY,
                      intptr_t blockZ, int32_t smem, void *stream, void **params, void **extra, size_t paramsCount);
void *mgpuStreamCreate(void);
void mgpuStreamDestroy(void *stream);
void mgpuStreamSynchronize(void *stream);
void mgpuStreamWaitEvent(void *stream, void *event);
void *mgpuEventCreate(void);
void mgpuEventDestroy(void *event);
void mgpuEventSynchronize(void *event);
void mgpuEventRecord(void *event, void *stream);
void *mgpuMemAlloc(uint64_t sizeBytes, void *stream, bool isHostShared);
void mgpuMemFree(void *ptr, void *stream);
void mgpuMemcpy(void *dst, void *src, size_t sizeBytes, void *stream);
void mgpuMemset32(void *dst, unsigned int value, size_t count, void *stream);
void mgpuMemset16(void *dst, unsigned short value, size_t count, void *stream);
void mgpuSetDefaultDevice(int32_t device);

/* Returns the calling thread's first pending mgpu* error (naming the mgpu function, the CUDA call or
 * kernel, and the CUDA error) and clears it; OK when none is pending. */
dlcrt_status_t dlcrt_cuda_take_error(void);

/* The mgpu* symbols to register into a JIT, terminated by a {NULL, NULL} entry (see dlcrt_jit_symbols). */
const dlcrt_jit_symbol_t *dlcrt_cuda_jit_symbols(void);

/* The managed-memory entry points that compiled host code calls, also used by the JIT to stage its
 * inputs and release its results (MLIR's C ABI: mgpuMemAlloc(bytes, stream, host_shared)). */
void *mgpuMemAlloc(uint64_t sizeBytes, void *stream, bool isHostShared);
void mgpuMemFree(void *ptr, void *stream);

#ifdef __cplusplus
}
#endif
#endif /* DLC_CUDA_H */
