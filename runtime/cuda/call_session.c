/* Call sessions (include/dlc/cuda.h): how the calls of one compiled program run on the GPU.
 *
 * Why one stream: the generated host code would create, synchronise and destroy a stream per launch;
 * inside a call the mgpu* wrappers hand out the session's stream instead and make synchronisation a
 * no-op, so the whole forward pass is one ordered stream of work, synchronised once at the call's end,
 * and capturable as one CUDA graph.
 *
 * Why allocations are cached by sequence: a graph bakes in every pointer its kernels and copies use, so
 * a replay must find the same buffers at the same addresses. The host function is deterministic for a
 * given input-shape signature: its k-th allocation always has the same size. The session therefore
 * keeps, per program, a table "allocation #k of a call -> buffer": allocation #k returns the cached
 * buffer when the size (and kind: managed or device) matches, else allocates a new one and retires the
 * old (freed at the next call's start, outside any capture). Frees inside a call do nothing. After the
 * first call, a call makes no cuMemAlloc at all, whether it runs directly or replays a graph; the
 * liveness arena of dlc-plan-memory is simply allocation #0.
 *
 * Why the first call of a signature runs directly: it fills the allocation cache and uploads the
 * constants, so that nothing but kernel launches and device copies happens under capture (allocating
 * or copying from the host while capturing is either illegal or fragile). The second call captures (in
 * relaxed mode) and launches the graph; later calls replay it. A caller may run the host function
 * again during a replay: the wrappers then skip launches, copies and memsets (the graph has them) but
 * walk the same allocation sequence, and should a size differ the replay is abandoned, the call re-run
 * directly and the next one captured; or it may skip the host function, reusing what the captured call returned (the JIT
 * does: a replay is then one graph launch). A shape
 * signature change drops the graph (the cache may be re-filled), so the next call of that signature
 * captures anew. If capture fails, the session stops using graphs and the call re-runs directly. */
#define _POSIX_C_SOURCE 200809L

#include <inttypes.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cuda_driver_internal.h"

typedef struct dlcrt_cached_buffer_t {
  void *ptr;
  uint64_t bytes;
  bool managed;
} dlcrt_cached_buffer_t;

typedef struct dlcrt_constant_t {
  const void *host;
  size_t bytes;
  void *device;
} dlcrt_constant_t;

typedef struct dlcrt_launch_record_t {
  CUfunction function;
  CUevent start, end;
  int64_t bytes;
} dlcrt_launch_record_t;

typedef struct dlcrt_kernel_total_t {
  char name[160]; /* totals are keyed by name: handles of one kernel may differ between lookups */
  double ms;
  int64_t launches;
  int64_t bytes; /* summed over launches; -1 when some launch's bytes were unknown */
} dlcrt_kernel_total_t;

/* A growable array of `type`: items, count, capacity. */
#define DLCRT_VEC(type) \
  struct {              \
    type *items;        \
    size_t count, cap;  \
  }

struct dlcrt_cuda_session_t {
  const dlcrt_cuda_driver_t *cu;
  CUcontext context;
  CUstream stream;
  dlcrt_cuda_session_options_t options;
  DLCRT_VEC(dlcrt_cached_buffer_t) buffers; /* allocation #k of a call */
  DLCRT_VEC(dlcrt_cached_buffer_t) staged;  /* input #slot */
  DLCRT_VEC(void *) retired;                /* replaced buffers, freed at the next call's start */
  DLCRT_VEC(dlcrt_constant_t) constants;
  DLCRT_VEC(dlcrt_launch_record_t) records; /* this call's profiled launches */
  DLCRT_VEC(dlcrt_kernel_total_t) totals;   /* profile over all calls */
  size_t next_buffer;
  bool in_call, diverged, graph_disabled, have_signature;
  dlcrt_cuda_call_mode_t mode;
  uint64_t signature, last_signature, graph_signature;
  CUgraphExec graph;
  CUevent call_start, call_end;
  float last_call_ms;
  int64_t profiled_calls; /* calls whose launches were collected (the first one is left out) */
  dlcrt_cuda_session_stats_t stats;
};

static _Thread_local dlcrt_cuda_session_t *dlcrt_active_session = NULL;
static _Thread_local int64_t dlcrt_next_launch_bytes = -1;

static bool dlcrt_vec_reserve(void **items, size_t *cap, size_t need, size_t item_size) {
  if (need <= *cap) return true;
  size_t n = *cap ? *cap * 2 : 16;
  while (n < need) n *= 2;
  void *grown = realloc(*items, n * item_size);
  if (!grown) return false;
  *items = grown;
  *cap = n;
  return true;
}
#define DLCRT_VEC_PUSH(vec, value)                                                                         \
  (dlcrt_vec_reserve((void **)&(vec).items, &(vec).cap, (vec).count + 1, sizeof(*(vec).items))             \
       ? ((vec).items[(vec).count++] = (value), true)                                                      \
       : false)

static dlcrt_status_t dlcrt_session_oom(void) {
  return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of host memory in the CUDA call session");
}

dlcrt_cuda_session_t *dlcrt_cuda_active_session(void) { return dlcrt_active_session; }
CUstream dlcrt_cuda_session_cu_stream(const dlcrt_cuda_session_t *s) { return s->stream; }
dlcrt_cuda_call_mode_t dlcrt_cuda_session_mode(const dlcrt_cuda_session_t *s) { return s->mode; }
float dlcrt_cuda_session_last_call_ms(const dlcrt_cuda_session_t *s) { return s->last_call_ms; }
void dlcrt_cuda_session_stats(const dlcrt_cuda_session_t *s, dlcrt_cuda_session_stats_t *out) { *out = s->stats; }

void dlcrt_profile_next_launch_bytes(int64_t bytes) { dlcrt_next_launch_bytes = bytes; }

static dlcrt_status_t dlcrt_session_make_current(const dlcrt_cuda_session_t *s) {
  return dlcrt_cuda_error(s->cu, s->cu->CtxSetCurrent(s->context), "cuCtxSetCurrent(primary context of CUDA device 0)");
}

/* Live sessions: library state shared by all of them (cuBLASLt's handle and workspace) is released
 * with the last one, so that destroying every program leaves no driver object behind. */
static atomic_int dlcrt_live_sessions;

dlcrt_status_t dlcrt_cuda_session_create(const dlcrt_cuda_session_options_t *options, dlcrt_cuda_session_t **out) {
  *out = NULL;
  const dlcrt_cuda_driver_t *cu = NULL;
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_driver(&cu));
  dlcrt_cuda_session_t *s = calloc(1, sizeof(*s));
  if (!s) return dlcrt_session_oom();
  s->cu = cu;
  atomic_fetch_add(&dlcrt_live_sessions, 1);
  s->options = *options;
  if (s->options.profile) s->options.graphs = false; /* per-launch events need direct execution */
  dlcrt_status_t st = dlcrt_cuda_cached_primary_context(cu, 0, &s->context);
  if (!st) st = dlcrt_session_make_current(s);
  if (!st)
    st = dlcrt_cuda_error(cu, cu->StreamCreate(&s->stream, CU_STREAM_NON_BLOCKING), "cuStreamCreate for the call session");
  if (!st && s->options.time_calls) {
    st = dlcrt_cuda_error(cu, cu->EventCreate(&s->call_start, CU_EVENT_DEFAULT), "cuEventCreate (call timing)");
    if (!st) st = dlcrt_cuda_error(cu, cu->EventCreate(&s->call_end, CU_EVENT_DEFAULT), "cuEventCreate (call timing)");
  }
  if (st) {
    dlcrt_cuda_session_destroy(s);
    return st;
  }
  *out = s;
  return NULL;
}

static void dlcrt_session_free_ptr(dlcrt_cuda_session_t *s, void *ptr) {
  if (ptr) s->cu->MemFree((CUdeviceptr)(uintptr_t)ptr);
}

static void dlcrt_session_drop_records(dlcrt_cuda_session_t *s) {
  for (size_t i = 0; i < s->records.count; ++i) {
    if (s->records.items[i].start) s->cu->EventDestroy(s->records.items[i].start);
    if (s->records.items[i].end) s->cu->EventDestroy(s->records.items[i].end);
  }
  s->records.count = 0;
}

static void dlcrt_session_drop_graph(dlcrt_cuda_session_t *s) {
  if (s->graph) s->cu->GraphExecDestroy(s->graph);
  s->graph = NULL;
}

void dlcrt_cuda_session_destroy(dlcrt_cuda_session_t *s) {
  if (!s) return;
  if (dlcrt_active_session == s) dlcrt_active_session = NULL;
  if (s->context) dlcrt_status_free(dlcrt_session_make_current(s));
  if (s->stream) s->cu->StreamSynchronize(s->stream);
  dlcrt_session_drop_graph(s);
  dlcrt_session_drop_records(s);
  for (size_t i = 0; i < s->buffers.count; ++i) dlcrt_session_free_ptr(s, s->buffers.items[i].ptr);
  for (size_t i = 0; i < s->staged.count; ++i) dlcrt_session_free_ptr(s, s->staged.items[i].ptr);
  for (size_t i = 0; i < s->retired.count; ++i) dlcrt_session_free_ptr(s, s->retired.items[i]);
  for (size_t i = 0; i < s->constants.count; ++i) dlcrt_session_free_ptr(s, s->constants.items[i].device);
  if (s->call_start) s->cu->EventDestroy(s->call_start);
  if (s->call_end) s->cu->EventDestroy(s->call_end);
  if (s->stream) s->cu->StreamDestroy(s->stream);
  free(s->buffers.items);
  free(s->staged.items);
  free(s->retired.items);
  free(s->constants.items);
  free(s->records.items);
  free(s->totals.items);
  free(s);
  if (atomic_fetch_sub(&dlcrt_live_sessions, 1) == 1) dlcrt_cublaslt_release();
}

static void *dlcrt_session_raw_alloc(dlcrt_cuda_session_t *s, uint64_t bytes, bool managed, dlcrt_status_t *error) {
  CUdeviceptr ptr = 0;
  size_t n = bytes ? (size_t)bytes : 1;
  CUresult r = managed ? s->cu->MemAllocManaged(&ptr, n, CU_MEM_ATTACH_GLOBAL) : s->cu->MemAlloc(&ptr, n);
  if (r != CUDA_SUCCESS) {
    *error = dlcrt_cuda_error(s->cu, r, "%s(%" PRIu64 " bytes) on CUDA device 0", managed ? "cuMemAllocManaged" : "cuMemAlloc",
                              bytes);
    return NULL;
  }
  ++s->stats.device_allocations;
  return (void *)(uintptr_t)ptr;
}

void *dlcrt_cuda_session_alloc(dlcrt_cuda_session_t *s, uint64_t bytes, bool managed, dlcrt_status_t *error) {
  *error = NULL;
  size_t k = s->next_buffer++;
  if (k < s->buffers.count && s->buffers.items[k].bytes == bytes && s->buffers.items[k].managed == managed)
    return s->buffers.items[k].ptr;
  if (s->mode == DLCRT_CUDA_CALL_REPLAY) s->diverged = true; /* the graph uses other buffers: re-capture */
  void *ptr = dlcrt_session_raw_alloc(s, bytes, managed, error);
  if (!ptr) return NULL;
  dlcrt_cached_buffer_t entry = {ptr, bytes, managed};
  if (k < s->buffers.count) {
    if (!DLCRT_VEC_PUSH(s->retired, s->buffers.items[k].ptr)) {
      dlcrt_session_free_ptr(s, ptr);
      *error = dlcrt_session_oom();
      return NULL;
    }
    s->buffers.items[k] = entry;
    return ptr;
  }
  /* k == count: slots are filled in order */
  if (!DLCRT_VEC_PUSH(s->buffers, entry)) {
    dlcrt_session_free_ptr(s, ptr);
    *error = dlcrt_session_oom();
    return NULL;
  }
  return ptr;
}

dlcrt_status_t dlcrt_cuda_session_stage(dlcrt_cuda_session_t *s, int32_t slot, size_t bytes, void **out) {
  *out = NULL;
  if (slot < 0) return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "negative staging slot %d", (int)slot);
  DLCRT_RETURN_IF_ERROR(dlcrt_session_make_current(s));
  while (s->staged.count <= (size_t)slot) {
    dlcrt_cached_buffer_t empty = {NULL, 0, true};
    if (!DLCRT_VEC_PUSH(s->staged, empty)) return dlcrt_session_oom();
  }
  dlcrt_cached_buffer_t *b = &s->staged.items[slot];
  if (b->ptr && b->bytes >= bytes) {
    *out = b->ptr;
    return NULL;
  }
  dlcrt_status_t st = NULL;
  void *ptr = dlcrt_session_raw_alloc(s, bytes, true, &st);
  if (!ptr) return dlcrt_status_annotate(st, "staging input #%d: ", (int)slot);
  if (b->ptr && !DLCRT_VEC_PUSH(s->retired, b->ptr)) {
    dlcrt_session_free_ptr(s, ptr);
    return dlcrt_session_oom();
  }
  b->ptr = ptr;
  b->bytes = bytes;
  *out = ptr;
  return NULL;
}

/* Host <-> staged-buffer copies go through the copy engines (cuMemcpy*Async on the session's stream)
 * rather than the CPU: a CPU store into a managed buffer moves its pages back to the host, and the
 * first kernel of the next call then faults them over one by one (measured on an H100: ~100-200 us per
 * call for a few hundred KB). With DMA copies the pages stay on the device. */
dlcrt_status_t dlcrt_cuda_session_upload(dlcrt_cuda_session_t *s, void *dst, const void *src, size_t bytes) {
  if (!bytes) return NULL;
  DLCRT_RETURN_IF_ERROR(dlcrt_session_make_current(s));
  return dlcrt_cuda_error(s->cu, s->cu->MemcpyHtoDAsync((CUdeviceptr)(uintptr_t)dst, src, bytes, s->stream),
                          "cuMemcpyHtoDAsync(%zu bytes) staging an input", bytes);
}

dlcrt_status_t dlcrt_cuda_session_download(dlcrt_cuda_session_t *s, void *dst, const void *src, size_t bytes) {
  if (!bytes) return NULL;
  DLCRT_RETURN_IF_ERROR(dlcrt_session_make_current(s));
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_error(s->cu, s->cu->MemcpyDtoHAsync(dst, (CUdeviceptr)(uintptr_t)src, bytes, s->stream),
                                         "cuMemcpyDtoHAsync(%zu bytes) reading a result", bytes));
  return dlcrt_cuda_error(s->cu, s->cu->StreamSynchronize(s->stream), "cuStreamSynchronize after reading a result");
}

dlcrt_status_t dlcrt_cuda_session_constant(dlcrt_cuda_session_t *s, const void *host, size_t bytes, void **out) {
  for (size_t i = 0; i < s->constants.count; ++i) {
    if (s->constants.items[i].host == host && s->constants.items[i].bytes == bytes) {
      *out = s->constants.items[i].device;
      return NULL;
    }
  }
  /* Managed memory, written by the host: no stream work, so this is legal in any mode (it happens on
   * the first, direct, call of a signature in practice). */
  dlcrt_status_t st = NULL;
  void *device = dlcrt_session_raw_alloc(s, bytes, true, &st);
  if (!device) return dlcrt_status_annotate(st, "uploading a %zu-byte constant: ", bytes);
  if (bytes) memcpy(device, host, bytes);
  dlcrt_constant_t entry = {host, bytes, device};
  if (!DLCRT_VEC_PUSH(s->constants, entry)) {
    dlcrt_session_free_ptr(s, device);
    return dlcrt_session_oom();
  }
  ++s->stats.constants;
  *out = device;
  return NULL;
}

/*===-- Calls -----------------------------------------------------------------------------------===*/

dlcrt_status_t dlcrt_cuda_call_begin(dlcrt_cuda_session_t *s, uint64_t signature, dlcrt_cuda_call_mode_t *out_mode) {
  if (s->in_call || dlcrt_active_session)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "dlcrt_cuda_call_begin: a call is already in flight");
  DLCRT_RETURN_IF_ERROR(dlcrt_session_make_current(s));
  dlcrt_status_free(dlcrt_cuda_take_error()); /* stale errors of earlier work belong to no call */
  for (size_t i = 0; i < s->retired.count; ++i) dlcrt_session_free_ptr(s, s->retired.items[i]);
  s->retired.count = 0;
  /* A graph holds the buffers of its own signature; another signature may change them. */
  if (s->graph && s->graph_signature != signature) dlcrt_session_drop_graph(s);
  dlcrt_cuda_call_mode_t mode = DLCRT_CUDA_CALL_DIRECT;
  if (s->options.graphs && !s->graph_disabled) {
    if (s->graph) mode = DLCRT_CUDA_CALL_REPLAY;
    else if (s->have_signature && s->last_signature == signature) mode = DLCRT_CUDA_CALL_CAPTURE;
  }
  if (s->options.time_calls)
    DLCRT_RETURN_IF_ERROR(dlcrt_cuda_error(s->cu, s->cu->EventRecord(s->call_start, s->stream), "cuEventRecord (call start)"));
  if (mode == DLCRT_CUDA_CALL_CAPTURE) {
    CUresult r = s->cu->StreamBeginCapture(s->stream, CU_STREAM_CAPTURE_MODE_RELAXED);
    if (r != CUDA_SUCCESS) {
      if (s->options.verbose) {
        dlcrt_status_t why = dlcrt_cuda_error(s->cu, r, "cuStreamBeginCapture");
        fprintf(stderr, "dlc: CUDA graphs off, running directly (%s)\n", dlcrt_status_message(why));
        dlcrt_status_free(why);
      }
      s->graph_disabled = true;
      ++s->stats.capture_fallbacks;
      mode = DLCRT_CUDA_CALL_DIRECT;
    }
  }
  s->mode = mode;
  s->signature = signature;
  s->next_buffer = 0;
  s->diverged = false;
  s->in_call = true;
  dlcrt_next_launch_bytes = -1;
  dlcrt_active_session = s;
  if (out_mode) *out_mode = mode;
  return NULL;
}

static void dlcrt_session_add_total(dlcrt_cuda_session_t *s, CUfunction function, double ms, int64_t bytes) {
  const char *name = NULL;
  if (!s->cu->FuncGetName || s->cu->FuncGetName(&name, function) != CUDA_SUCCESS || !name) name = "<unnamed kernel>";
  dlcrt_kernel_total_t *t = NULL;
  for (size_t i = 0; i < s->totals.count && !t; ++i)
    if (strcmp(s->totals.items[i].name, name) == 0) t = &s->totals.items[i];
  if (!t) {
    dlcrt_kernel_total_t fresh = {"", 0.0, 0, 0};
    snprintf(fresh.name, sizeof(fresh.name), "%s", name);
    if (!DLCRT_VEC_PUSH(s->totals, fresh)) return;
    t = &s->totals.items[s->totals.count - 1];
  }
  t->ms += ms;
  ++t->launches;
  t->bytes = bytes < 0 || t->bytes < 0 ? -1 : t->bytes + bytes;
}

/* After the stream is synchronised: folds this call's launch events into the per-kernel totals. The
 * session's first profiled call is left out: its launches include loading each module and the first
 * touch of every buffer (on an H100, ~100-200 us per kernel), which later calls do not pay. */
static dlcrt_status_t dlcrt_session_collect_profile(dlcrt_cuda_session_t *s) {
  dlcrt_status_t st = NULL;
  bool first = s->records.count > 0 && s->profiled_calls++ == 0;
  for (size_t i = 0; i < s->records.count && !st && !first; ++i) {
    dlcrt_launch_record_t *r = &s->records.items[i];
    float ms = 0.0f;
    if (!r->start || !r->end) continue;
    st = dlcrt_cuda_error(s->cu, s->cu->EventElapsedTime(&ms, r->start, r->end), "cuEventElapsedTime (kernel profile)");
    if (!st) dlcrt_session_add_total(s, r->function, ms, r->bytes);
  }
  dlcrt_session_drop_records(s);
  return st;
}

dlcrt_status_t dlcrt_cuda_call_end(dlcrt_cuda_session_t *s, bool *out_rerun) {
  *out_rerun = false;
  if (!s->in_call) return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "dlcrt_cuda_call_end: no call in flight");
  dlcrt_active_session = NULL;
  s->in_call = false;
  ++s->stats.calls;
  dlcrt_status_t st = dlcrt_cuda_take_error();
  const dlcrt_cuda_driver_t *cu = s->cu;
  dlcrt_status_free(dlcrt_session_make_current(s));
  if (s->mode == DLCRT_CUDA_CALL_CAPTURE) {
    CUgraph graph = NULL;
    CUresult r = cu->StreamEndCapture(s->stream, &graph); /* always end the capture */
    dlcrt_status_t why = st ? st : dlcrt_cuda_error(cu, r, "cuStreamEndCapture");
    if (!why) why = dlcrt_cuda_error(cu, cu->GraphInstantiateWithFlags(&s->graph, graph, 0), "cuGraphInstantiate");
    if (graph) cu->GraphDestroy(graph);
    if (why) {
      if (s->options.verbose) fprintf(stderr, "dlc: CUDA graph capture failed, running directly (%s)\n", dlcrt_status_message(why));
      dlcrt_status_free(why);
      s->graph = NULL;
      s->graph_disabled = true;
      ++s->stats.capture_fallbacks;
      ++s->stats.reruns;
      *out_rerun = true;
      return NULL;
    }
    s->graph_signature = s->signature;
    ++s->stats.captures;
  } else if (s->mode == DLCRT_CUDA_CALL_REPLAY) {
    if (!st && s->diverged) {
      /* The graph uses other buffers: drop it; the re-run runs directly (so that new buffers are never
       * allocated under capture) and the next call of the signature captures anew. */
      dlcrt_session_drop_graph(s);
      s->have_signature = false;
      ++s->stats.reruns;
      *out_rerun = true;
      return NULL;
    }
    if (!st) ++s->stats.replays;
  } else {
    ++s->stats.direct_calls;
  }
  if (!st && s->graph && s->mode != DLCRT_CUDA_CALL_DIRECT)
    st = dlcrt_cuda_error(cu, cu->GraphLaunch(s->graph, s->stream), "cuGraphLaunch");
  if (!st && s->options.time_calls)
    st = dlcrt_cuda_error(cu, cu->EventRecord(s->call_end, s->stream), "cuEventRecord (call end)");
  dlcrt_status_t sync = dlcrt_cuda_error(cu, cu->StreamSynchronize(s->stream),
                                         "cuStreamSynchronize at the end of the call (a kernel or copy of the call failed)");
  if (!st) st = sync;
  else dlcrt_status_free(sync);
  if (!st && s->options.time_calls)
    st = dlcrt_cuda_error(cu, cu->EventElapsedTime(&s->last_call_ms, s->call_start, s->call_end), "cuEventElapsedTime (call)");
  if (!st && s->options.profile) st = dlcrt_session_collect_profile(s);
  dlcrt_session_drop_records(s);
  s->last_signature = s->signature;
  s->have_signature = true;
  return st;
}

/*===-- Profiling -------------------------------------------------------------------------------===*/

void dlcrt_cuda_session_launch_begin(dlcrt_cuda_session_t *s, CUfunction function) {
  int64_t bytes = dlcrt_next_launch_bytes;
  dlcrt_next_launch_bytes = -1;
  if (!s->options.profile || s->mode != DLCRT_CUDA_CALL_DIRECT) return;
  dlcrt_launch_record_t r = {function, NULL, NULL, bytes};
  if (s->cu->EventCreate(&r.start, CU_EVENT_DEFAULT) != CUDA_SUCCESS) r.start = NULL;
  if (s->cu->EventCreate(&r.end, CU_EVENT_DEFAULT) != CUDA_SUCCESS) r.end = NULL;
  if (r.start) s->cu->EventRecord(r.start, s->stream);
  if (!DLCRT_VEC_PUSH(s->records, r)) {
    if (r.start) s->cu->EventDestroy(r.start);
    if (r.end) s->cu->EventDestroy(r.end);
  }
}

void dlcrt_cuda_session_launch_end(dlcrt_cuda_session_t *s) {
  if (!s->options.profile || s->mode != DLCRT_CUDA_CALL_DIRECT || s->records.count == 0) return;
  dlcrt_launch_record_t *r = &s->records.items[s->records.count - 1];
  if (r->end) s->cu->EventRecord(r->end, s->stream);
}

static int dlcrt_total_by_time(const void *a, const void *b) {
  const dlcrt_kernel_total_t *x = a, *y = b;
  return (x->ms < y->ms) - (x->ms > y->ms); /* descending */
}

dlcrt_status_t dlcrt_cuda_session_print_profile(const dlcrt_cuda_session_t *s, FILE *out) {
  if (!s->options.profile)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "the session was created without profiling");
  size_t n = s->totals.count;
  dlcrt_kernel_total_t *sorted = malloc((n ? n : 1) * sizeof(*sorted));
  if (!sorted) return dlcrt_session_oom();
  if (n) memcpy(sorted, s->totals.items, n * sizeof(*sorted));
  qsort(sorted, n, sizeof(*sorted), dlcrt_total_by_time);
  int clock_khz = 0, bus_bits = 0;
  double peak_gbs = 0.0;
  if (s->cu->DeviceGetAttribute(&clock_khz, CU_DEVICE_ATTRIBUTE_MEMORY_CLOCK_RATE, 0) == CUDA_SUCCESS &&
      s->cu->DeviceGetAttribute(&bus_bits, CU_DEVICE_ATTRIBUTE_GLOBAL_MEMORY_BUS_WIDTH, 0) == CUDA_SUCCESS)
    peak_gbs = (double)clock_khz * 1e3 * 2.0 * ((double)bus_bits / 8.0) / 1e9; /* double data rate */
  double total_ms = 0.0;
  int64_t total_launches = 0, total_bytes = 0;
  for (size_t i = 0; i < n; ++i) {
    total_ms += sorted[i].ms;
    total_launches += sorted[i].launches;
    if (sorted[i].bytes > 0) total_bytes += sorted[i].bytes;
  }
  if (peak_gbs > 0) fprintf(out, "profile: %zu kernels, peak memory bandwidth %.0f GB/s (memory clock x bus width x 2)\n", n, peak_gbs);
  else fprintf(out, "profile: %zu kernels, peak memory bandwidth unknown\n", n);
  fprintf(out, "%-48s %8s %12s %10s %14s %10s %8s\n", "kernel", "launches", "total ms", "avg us", "bytes/launch",
          "GB/s", "%peak");
  for (size_t i = 0; i < n; ++i) {
    const dlcrt_kernel_total_t *t = &sorted[i];
    const char *name = t->name;
    double avg_us = t->launches ? t->ms * 1e3 / (double)t->launches : 0.0;
    if (t->bytes < 0) {
      fprintf(out, "%-48.48s %8" PRId64 " %12.4f %10.2f %14s %10s %8s\n", name, t->launches, t->ms, avg_us, "?", "?", "?");
      continue;
    }
    double gbs = t->ms > 0 ? (double)t->bytes / (t->ms * 1e-3) / 1e9 : 0.0;
    char peak[16] = "?";
    if (peak_gbs > 0) snprintf(peak, sizeof(peak), "%.1f%%", 100.0 * gbs / peak_gbs);
    fprintf(out, "%-48.48s %8" PRId64 " %12.4f %10.2f %14" PRId64 " %10.1f %8s\n", name, t->launches, t->ms, avg_us,
            t->launches ? t->bytes / t->launches : 0, gbs, peak);
  }
  double total_gbs = total_ms > 0 ? (double)total_bytes / (total_ms * 1e-3) / 1e9 : 0.0;
  char peak[16] = "?";
  if (peak_gbs > 0) snprintf(peak, sizeof(peak), "%.1f%%", 100.0 * total_gbs / peak_gbs);
  fprintf(out, "%-48s %8" PRId64 " %12.4f %10s %14" PRId64 " %10.1f %8s\n", "total", total_launches, total_ms, "",
          total_bytes, total_gbs, peak);
  free(sorted);
  return NULL;
}
