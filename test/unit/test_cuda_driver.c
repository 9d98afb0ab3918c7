/* Tests for the dlopen()ed CUDA driver layer (runtime/cuda): include/dlc/cuda.h and the mgpu* wrappers.
 * The mode is argv[1]:
 *   nodriver  ctest unit.cuda_driver: DLC_CUDA_DRIVER names a library that does not exist, so this is the
 *             path of every machine without a driver: "no CUDA driver (...)", UNAVAILABLE contexts, mgpu*
 *             calls that record an error instead of crashing.
 *   fake      ctest unit.cuda_driver_fake: DLC_CUDA_DRIVER is the fake driver (fake_libcuda.c, 2 devices),
 *             which runs the device checks (the same as the GPU smoke test) plus injected driver failures,
 *             and checks that every driver object the runtime creates is released.
 *   nodevice  ctest unit.cuda_driver_fake_nodevice: the fake driver with no device.
 *   smoke     ctest gpu.cuda_driver_smoke: the real libcuda.so.1 and a real kernel; prints
 *             "SKIP: no CUDA device (<reason>)" and exits 77 when there is none.
 *   print-ptx prints the test kernel (ctest unit.cuda_driver_ptx checks it with ptxas). */
#define _POSIX_C_SOURCE 200809L
/*===------------------------------------------------------------------------------------------===
 * The test program
 *===------------------------------------------------------------------------------------------===*/
#include <dlfcn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "dlc/cuda.h"
#include "dlc_test.h"

/* add_one(float *data, uint32_t n): data[i] += 1 for i < n; one thread per element. Hand-written for
 * sm_80 (PTX ISA 7.0), JIT-compiled by the driver for newer GPUs. */
static const char kAddOnePtx[] =
    ".version 7.0\n"
    ".target sm_80\n"
    ".address_size 64\n"
    "\n"
    ".visible .entry add_one(.param .u64 add_one_data, .param .u32 add_one_n)\n"
    "{\n"
    "  .reg .pred %p<2>;\n"
    "  .reg .b32 %r<6>;\n"
    "  .reg .f32 %f<3>;\n"
    "  .reg .b64 %rd<5>;\n"
    "\n"
    "  ld.param.u64 %rd1, [add_one_data];\n"
    "  ld.param.u32 %r1, [add_one_n];\n"
    "  mov.u32 %r2, %ctaid.x;\n"
    "  mov.u32 %r3, %ntid.x;\n"
    "  mov.u32 %r4, %tid.x;\n"
    "  mad.lo.s32 %r5, %r2, %r3, %r4;\n"
    "  setp.ge.u32 %p1, %r5, %r1;\n"
    "  @%p1 bra DONE;\n"
    "  cvta.to.global.u64 %rd2, %rd1;\n"
    "  mul.wide.u32 %rd3, %r5, 4;\n"
    "  add.s64 %rd4, %rd2, %rd3;\n"
    "  ld.global.f32 %f1, [%rd4];\n"
    "  add.f32 %f2, %f1, 0f3F800000;\n"
    "  st.global.f32 [%rd4], %f2;\n"
    "DONE:\n"
    "  ret;\n"
    "}\n";

/* Fails to JIT-compile (line 6). */
static const char kBrokenPtx[] =
    ".version 7.0\n"
    ".target sm_80\n"
    ".address_size 64\n"
    ".visible .entry broken()\n"
    "{\n"
    "  bogus.instruction;\n"
    "  ret;\n"
    "}\n";

#define N 1000 /* elements in the test buffers: not a multiple of the block size */
#define HUGE_BYTES ((size_t)1 << 50)

static uint32_t f32_bits(float f) {
  uint32_t u;
  memcpy(&u, &f, sizeof(u));
  return u;
}

/* Frees `s` after checking its code and that its message contains each of the NULL-terminated needles. */
static void check_status(dlcrt_status_t s, dlcrt_status_code_t code, const char *needle, ...) {
  CHECK(s != NULL);
  CHECK_EQ_INT(dlcrt_status_code(s), code);
  va_list args;
  va_start(args, needle);
  for (const char *n = needle; n; n = va_arg(args, const char *)) CHECK_CONTAINS(dlcrt_status_message(s), n);
  va_end(args);
  dlcrt_status_free(s);
}

static int count_equal(const float *a, float value, int n) {
  int k = 0;
  for (int i = 0; i < n; ++i) k += a[i] == value;
  return k;
}

/*===-- Without a driver ------------------------------------------------------------------------===*/

static char g_expected_reason[512];

static void test_not_available(void) {
  bool available = true;
  char why[256] = "unchanged";
  CHECK_OK(dlcrt_cuda_available(&available, why, sizeof(why)));
  CHECK(!available);
  CHECK_STREQ(why, g_expected_reason);
  /* Cached, truncated to the buffer, and tolerant of no buffer. */
  char small[8], expected_small[8];
  CHECK_OK(dlcrt_cuda_available(&available, small, sizeof(small)));
  memcpy(expected_small, g_expected_reason, sizeof(expected_small) - 1);
  expected_small[sizeof(expected_small) - 1] = '\0';
  CHECK_STREQ(small, expected_small);
  CHECK_OK(dlcrt_cuda_available(&available, NULL, 0));
  CHECK(!available);
  check_status(dlcrt_cuda_available(NULL, why, sizeof(why)), DLCRT_STATUS_INVALID_ARGUMENT, "NULL", NULL);

  int count = -1;
  check_status(dlcrt_cuda_device_count(&count), DLCRT_STATUS_UNAVAILABLE, g_expected_reason, NULL);
  CHECK_EQ_INT(count, 0);
  dlcrt_cuda_device_info_t info;
  check_status(dlcrt_cuda_device_info(0, &info), DLCRT_STATUS_UNAVAILABLE, g_expected_reason, NULL);
}

static void test_context_unavailable(void) {
  dlcrt_cuda_context_t *context = (dlcrt_cuda_context_t *)&context; /* must be reset to NULL */
  dlcrt_status_t s = dlcrt_cuda_context_create(dlcrt_allocator_system(), 0, &context);
  CHECK(context == NULL);
  char expected[640];
  snprintf(expected, sizeof(expected), "cannot create a CUDA context on device 0: %s", g_expected_reason);
  CHECK_EQ_INT(dlcrt_status_code(s), DLCRT_STATUS_UNAVAILABLE);
  CHECK_STREQ(dlcrt_status_message(s), expected);
  dlcrt_status_free(s);
  dlcrt_cuda_context_destroy(NULL); /* no-op */
}

/* Every mgpu* call, on a thread whose first call fails: nothing may crash, the first error is kept. */
static void test_mgpu_records_error(void) {
  CHECK(dlcrt_cuda_take_error() == NULL);
  float host[16] = {0};
  void *module = mgpuModuleLoadJIT((void *)kAddOnePtx, 2);
  CHECK(module == NULL);
  CHECK(mgpuModuleLoad((void *)kAddOnePtx, sizeof(kAddOnePtx)) == NULL);
  CHECK(mgpuModuleGetFunction(module, "add_one") == NULL);
  void *stream = mgpuStreamCreate();
  CHECK(stream == NULL);
  void *event = mgpuEventCreate();
  CHECK(event == NULL);
  void *ptr = mgpuMemAlloc(sizeof(host), stream, false);
  CHECK(ptr == NULL);
  CHECK(mgpuMemAlloc(sizeof(host), stream, true) == NULL);
  mgpuMemcpy(ptr, host, sizeof(host), stream);
  mgpuMemset32(ptr, 0, 16, stream);
  mgpuMemset16(ptr, 0, 32, stream);
  void *params[2] = {&ptr, &ptr};
  mgpuLaunchKernel(NULL, 1, 1, 1, 32, 1, 1, 0, stream, params, NULL, 2);
  mgpuEventRecord(event, stream);
  mgpuStreamWaitEvent(stream, event);
  mgpuEventSynchronize(event);
  mgpuStreamSynchronize(stream);
  mgpuMemFree(ptr, stream);
  mgpuEventDestroy(event);
  mgpuStreamDestroy(stream);
  mgpuModuleUnload(module);
  mgpuSetDefaultDevice(0);

  char expected[640];
  snprintf(expected, sizeof(expected), "mgpuModuleLoadJIT: %s", g_expected_reason);
  dlcrt_status_t s = dlcrt_cuda_take_error();
  CHECK_EQ_INT(dlcrt_status_code(s), DLCRT_STATUS_UNAVAILABLE);
  CHECK_STREQ(dlcrt_status_message(s), expected);
  dlcrt_status_free(s);
  CHECK(dlcrt_cuda_take_error() == NULL); /* taken means cleared */

  /* Once taken, the next failing call records its own error; a release call with a handle is one. */
  mgpuMemFree((void *)(uintptr_t)0x1000, NULL);
  snprintf(expected, sizeof(expected), "mgpuMemFree: %s", g_expected_reason);
  s = dlcrt_cuda_take_error();
  CHECK_STREQ(dlcrt_status_message(s), expected);
  dlcrt_status_free(s);
  CHECK(dlcrt_cuda_take_error() == NULL);
}

/* The pending error is per thread: threads racing through the first load each keep their own. */
static int record_own_error(void *arg) {
  (void)arg;
  if (dlcrt_cuda_take_error() != NULL) return 1;
  mgpuSetDefaultDevice(3); /* per thread too */
  if (mgpuStreamCreate() != NULL) return 2;
  dlcrt_status_t s = dlcrt_cuda_take_error();
  int bad = !s || !strstr(dlcrt_status_message(s), "mgpuStreamCreate: ") ||
            !strstr(dlcrt_status_message(s), g_expected_reason);
  dlcrt_status_free(s);
  return bad ? 3 : 0;
}

static void test_mgpu_error_is_thread_local(void) {
  enum { kThreads = 8 };
  thrd_t threads[kThreads];
  for (int i = 0; i < kThreads; ++i) CHECK_EQ_INT(thrd_create(&threads[i], record_own_error, NULL), thrd_success);
  for (int i = 0; i < kThreads; ++i) {
    int result = -1;
    CHECK_EQ_INT(thrd_join(threads[i], &result), thrd_success);
    CHECK_EQ_INT(result, 0);
  }
  CHECK(dlcrt_cuda_take_error() == NULL); /* nothing leaked into this thread's slot */
}

static void test_jit_symbols(void) {
  static const char *const kExpected[] = {
      "mgpuModuleLoad",   "mgpuModuleLoadJIT",    "mgpuModuleUnload",      "mgpuModuleGetFunction", "mgpuLaunchKernel",
      "mgpuStreamCreate", "mgpuStreamDestroy",    "mgpuStreamSynchronize", "mgpuStreamWaitEvent",   "mgpuEventCreate",
      "mgpuEventDestroy", "mgpuEventSynchronize", "mgpuEventRecord",       "mgpuMemAlloc",          "mgpuMemFree",
      "mgpuMemcpy",       "mgpuMemset32",         "mgpuMemset16",          "mgpuSetDefaultDevice"};
  const size_t expected_count = sizeof(kExpected) / sizeof(kExpected[0]);
  const dlcrt_jit_symbol_t *symbols = dlcrt_cuda_jit_symbols();
  size_t count = 0;
  for (const dlcrt_jit_symbol_t *s = symbols; s->name; ++s, ++count) CHECK(s->address != NULL);
  CHECK_EQ_INT(count, expected_count);
  for (size_t i = 0; i < expected_count; ++i) {
    const dlcrt_jit_symbol_t *s = symbols;
    while (s->name && strcmp(s->name, kExpected[i]) != 0) ++s;
    if (!s->name) fprintf(stderr, "missing JIT symbol %s\n", kExpected[i]);
    CHECK(s->name != NULL);
  }
  for (const dlcrt_jit_symbol_t *s = symbols; s->name; ++s)
    if (strcmp(s->name, "mgpuMemAlloc") == 0) CHECK(s->address == (void *)mgpuMemAlloc);
}

/*===-- With a device (fake or real) -------------------------------------------------------------===*/

static int g_ordinal; /* the device the tests below use */

static void test_device_info(void) {
  int ordinal = g_ordinal;
  dlcrt_cuda_device_info_t info;
  CHECK_OK(dlcrt_cuda_device_info(ordinal, &info));
  CHECK_EQ_INT(info.ordinal, ordinal);
  CHECK(info.name[0] != '\0');
  CHECK(info.sm_count > 0);
  CHECK(info.compute_major >= 3);
  CHECK(info.total_memory > 0);
  printf("device %d: %s, %d SMs, compute capability %d.%d, %.1f GiB\n", ordinal, info.name, info.sm_count,
         info.compute_major, info.compute_minor, (double)info.total_memory / (1 << 30));
  int count = 0;
  CHECK_OK(dlcrt_cuda_device_count(&count));
  check_status(dlcrt_cuda_device_info(count, &info), DLCRT_STATUS_INVALID_ARGUMENT, "does not exist", NULL);
}

/* Context, round-trip copies, memset, a PTX kernel timed with events, a captured graph replayed, and
 * the error statuses of a missing kernel, bad PTX and an impossible allocation. */
static void test_context_kernels_and_graphs(void) {
  int ordinal = g_ordinal;
  dlcrt_allocator_t allocator = dlcrt_allocator_system();
  dlcrt_cuda_context_t *ctx = NULL;
  CHECK_OK(dlcrt_cuda_context_create(allocator, ordinal, &ctx));
  if (!ctx) return;
  CHECK_EQ_INT(dlcrt_cuda_context_ordinal(ctx), ordinal);
  CHECK(dlcrt_cuda_context_stream(ctx) != NULL);

  static float host[N], back[N];
  for (int i = 0; i < N; ++i) host[i] = (float)i;
  dlcrt_cuda_deviceptr_t d = 0, d2 = 0, none = 1;
  CHECK_OK(dlcrt_cuda_malloc(ctx, sizeof(host), &d));
  CHECK_OK(dlcrt_cuda_malloc(ctx, sizeof(host), &d2));
  CHECK_OK(dlcrt_cuda_malloc(ctx, 0, &none));
  CHECK(d != 0 && d2 != 0 && none == 0);
  CHECK_OK(dlcrt_cuda_free(ctx, 0));

  /* Round trip host -> device -> device -> host. */
  CHECK_OK(dlcrt_cuda_copy_to_device(ctx, d, host, sizeof(host)));
  CHECK_OK(dlcrt_cuda_copy_device(ctx, d2, d, sizeof(host)));
  CHECK_OK(dlcrt_cuda_copy_to_host(ctx, back, d2, sizeof(back)));
  CHECK(memcmp(host, back, sizeof(host)) == 0);

  /* Async flavours and memset. */
  CHECK_OK(dlcrt_cuda_memset_d32_async(ctx, d2, f32_bits(2.0f), N));
  CHECK_OK(dlcrt_cuda_copy_to_host_async(ctx, back, d2, sizeof(back)));
  CHECK_OK(dlcrt_cuda_context_synchronize(ctx));
  CHECK_EQ_INT(count_equal(back, 2.0f, N), N);
  CHECK_OK(dlcrt_cuda_copy_device_async(ctx, d2, d, sizeof(host)));
  CHECK_OK(dlcrt_cuda_copy_to_device_async(ctx, d, host, sizeof(host)));

  /* A kernel, from PTX given without its terminating NUL. */
  dlcrt_cuda_module_t *module = NULL;
  CHECK_OK(dlcrt_cuda_module_load(ctx, kAddOnePtx, strlen(kAddOnePtx), &module));
  if (!module) {
    dlcrt_cuda_context_destroy(ctx);
    return;
  }
  const dlcrt_cuda_function_t *add_one = NULL, *again = NULL;
  CHECK_OK(dlcrt_cuda_module_get_function(module, "add_one", &add_one));
  CHECK_OK(dlcrt_cuda_module_get_function(module, "add_one", &again));
  CHECK(add_one != NULL && again == add_one);
  CHECK_STREQ(dlcrt_cuda_function_name(add_one), "add_one");
  const dlcrt_cuda_function_t *missing = (const dlcrt_cuda_function_t *)&missing;
  check_status(dlcrt_cuda_module_get_function(module, "no_such_kernel", &missing), DLCRT_STATUS_NOT_FOUND,
               "cuModuleGetFunction(no_such_kernel)", "CUDA_ERROR_NOT_FOUND", NULL);
  CHECK(missing == NULL);

  dlcrt_cuda_event_t *start = NULL, *stop = NULL;
  CHECK_OK(dlcrt_cuda_event_create(ctx, &start));
  CHECK_OK(dlcrt_cuda_event_create(ctx, &stop));
  uint32_t n = N;
  void *args[] = {&d, &n};
  dlcrt_cuda_launch_config_t config = {{(N + 127) / 128, 1, 1}, {128, 1, 1}, 0};
  CHECK_OK(dlcrt_cuda_event_record(start));
  CHECK_OK(dlcrt_cuda_launch(ctx, add_one, &config, args));
  CHECK_OK(dlcrt_cuda_event_record(stop));
  CHECK_OK(dlcrt_cuda_event_synchronize(stop));
  float ms = -1.0f;
  CHECK_OK(dlcrt_cuda_event_elapsed_ms(start, stop, &ms));
  CHECK(ms >= 0.0f);
  printf("add_one over %d floats: %.3f ms\n", N, (double)ms);
  CHECK_OK(dlcrt_cuda_copy_to_host(ctx, back, d, sizeof(back)));
  int right = 0;
  for (int i = 0; i < N; ++i) right += back[i] == (float)i + 1.0f;
  CHECK_EQ_INT(right, N);
  dlcrt_cuda_launch_config_t empty = {{0, 1, 1}, {128, 1, 1}, 0};
  check_status(dlcrt_cuda_launch(ctx, add_one, &empty, args), DLCRT_STATUS_INVALID_ARGUMENT, "add_one", NULL);

  /* Capture two launches into a CUDA graph and replay it twice: +4. */
  CHECK_OK(dlcrt_cuda_capture_begin(ctx));
  check_status(dlcrt_cuda_capture_begin(ctx), DLCRT_STATUS_INVALID_ARGUMENT, "already being captured", NULL);
  check_status(dlcrt_cuda_copy_to_host(ctx, back, d, sizeof(back)), DLCRT_STATUS_INVALID_ARGUMENT, "being captured",
               NULL);
  CHECK_OK(dlcrt_cuda_launch(ctx, add_one, &config, args));
  CHECK_OK(dlcrt_cuda_launch(ctx, add_one, &config, args));
  dlcrt_cuda_graph_t *graph = NULL;
  CHECK_OK(dlcrt_cuda_capture_end(ctx, &graph));
  CHECK(graph != NULL);
  dlcrt_cuda_graph_t *no_graph = (dlcrt_cuda_graph_t *)&no_graph;
  check_status(dlcrt_cuda_capture_end(ctx, &no_graph), DLCRT_STATUS_INVALID_ARGUMENT, "not being captured", NULL);
  CHECK(no_graph == NULL);
  CHECK_OK(dlcrt_cuda_copy_to_host(ctx, back, d, sizeof(back)));
  CHECK(back[7] == 8.0f); /* capturing did not run the launches */
  CHECK_OK(dlcrt_cuda_graph_launch(graph));
  CHECK_OK(dlcrt_cuda_graph_launch(graph));
  CHECK_OK(dlcrt_cuda_copy_to_host(ctx, back, d, sizeof(back)));
  right = 0;
  for (int i = 0; i < N; ++i) right += back[i] == (float)i + 5.0f;
  CHECK_EQ_INT(right, N);
  dlcrt_cuda_graph_destroy(graph);

  /* Errors name the CUDA error and the call. */
  dlcrt_cuda_module_t *broken = (dlcrt_cuda_module_t *)&broken;
  check_status(dlcrt_cuda_module_load(ctx, kBrokenPtx, sizeof(kBrokenPtx), &broken), DLCRT_STATUS_INVALID_ARGUMENT,
               "cuModuleLoadDataEx(PTX", "CUDA_ERROR_INVALID_PTX", "bogus", NULL);
  CHECK(broken == NULL);
  dlcrt_cuda_deviceptr_t huge = 1;
  check_status(dlcrt_cuda_malloc(ctx, HUGE_BYTES, &huge), DLCRT_STATUS_RESOURCE_EXHAUSTED,
               "cuMemAlloc(1125899906842624 bytes) on CUDA device", "CUDA_ERROR_OUT_OF_MEMORY", NULL);
  CHECK(huge == 0);

  dlcrt_cuda_event_destroy(start);
  dlcrt_cuda_event_destroy(stop);
  dlcrt_cuda_module_unload(module);
  CHECK_OK(dlcrt_cuda_free(ctx, d));
  CHECK_OK(dlcrt_cuda_free(ctx, d2));
  CHECK_OK(dlcrt_cuda_context_synchronize(ctx));
  dlcrt_cuda_context_destroy(ctx);
}

/* The mgpu* wrappers as compiled host code calls them. */
static void test_mgpu_on_device(void) {
  int ordinal = g_ordinal;
  static float host[N], back[N];
  for (int i = 0; i < N; ++i) host[i] = (float)i;
  CHECK(dlcrt_cuda_take_error() == NULL);
  mgpuSetDefaultDevice(ordinal);
  void *stream = mgpuStreamCreate(), *stream2 = mgpuStreamCreate();
  void *dev = mgpuMemAlloc(sizeof(host), stream, false);
  CHECK(mgpuMemAlloc(0, stream, false) == NULL);
  mgpuMemcpy(dev, host, sizeof(host), stream);
  void *module = mgpuModuleLoadJIT((void *)kAddOnePtx, 2);
  void *function = mgpuModuleGetFunction(module, "add_one");
  CHECK(stream && stream2 && dev && module && function);
  uint64_t dptr = (uint64_t)(uintptr_t)dev;
  uint32_t n = N;
  void *params[] = {&dptr, &n};
  mgpuLaunchKernel(function, (N + 127) / 128, 1, 1, 128, 1, 1, 0, stream, params, NULL, 2);
  void *event = mgpuEventCreate();
  mgpuEventRecord(event, stream);
  mgpuStreamWaitEvent(stream2, event); /* stream2's copy sees the kernel's result */
  mgpuMemcpy(back, dev, sizeof(back), stream2);
  mgpuStreamSynchronize(stream2);
  mgpuEventSynchronize(event);
  CHECK_OK(dlcrt_cuda_take_error());
  int right = 0;
  for (int i = 0; i < N; ++i) right += back[i] == (float)i + 1.0f;
  CHECK_EQ_INT(right, N);

  mgpuMemset16(dev, 0x3C00, 2 * N, stream);
  mgpuMemcpy(back, dev, sizeof(back), stream);
  mgpuStreamSynchronize(stream);
  uint32_t bits;
  memcpy(&bits, &back[N - 1], sizeof(bits));
  CHECK_EQ_INT(bits, 0x3C003C00u);
  mgpuMemset32(dev, f32_bits(5.0f), N, stream);
  mgpuMemcpy(back, dev, sizeof(back), stream);
  mgpuStreamSynchronize(stream);
  CHECK_EQ_INT(count_equal(back, 5.0f, N), N);

  /* Host-shared (managed) memory is readable on the host. */
  float *shared = mgpuMemAlloc(sizeof(host), stream, true);
  CHECK(shared != NULL);
  mgpuMemcpy(shared, host, sizeof(host), stream);
  mgpuStreamSynchronize(stream);
  CHECK_OK(dlcrt_cuda_take_error());
  if (shared) CHECK(shared[N - 1] == (float)(N - 1));

  /* mgpuModuleLoad takes any image cuModuleLoadData does, PTX included. */
  void *module2 = mgpuModuleLoad((void *)kAddOnePtx, sizeof(kAddOnePtx));
  CHECK(module2 != NULL);
  mgpuModuleUnload(module2);
  CHECK_OK(dlcrt_cuda_take_error());

  /* A failure is kept, later work is skipped (the memset below), release calls still release. */
  CHECK(mgpuModuleGetFunction(module, "no_such_kernel") == NULL);
  mgpuMemset32(dev, 0, N, stream);
  CHECK(mgpuStreamCreate() == NULL);
  check_status(dlcrt_cuda_take_error(), DLCRT_STATUS_NOT_FOUND,
               "mgpuModuleGetFunction: cuModuleGetFunction(no_such_kernel) failed: CUDA_ERROR_NOT_FOUND", NULL);
  mgpuMemcpy(back, dev, sizeof(back), stream);
  mgpuStreamSynchronize(stream);
  CHECK_EQ_INT(count_equal(back, 5.0f, N), N);

  /* A bad launch configuration names the kernel; a bad device names the device. */
  mgpuLaunchKernel(function, 0, 1, 1, 128, 1, 1, 0, stream, params, NULL, 2);
  check_status(dlcrt_cuda_take_error(), DLCRT_STATUS_INVALID_ARGUMENT, "mgpuLaunchKernel: kernel ",
               "grid 0x1x1, block 128x1x1 has a dimension outside [1, ", NULL);
  mgpuSetDefaultDevice(77);
  CHECK(mgpuStreamCreate() == NULL);
  check_status(dlcrt_cuda_take_error(), DLCRT_STATUS_INVALID_ARGUMENT,
               "mgpuStreamCreate: CUDA device 77 does not exist", NULL);
  mgpuSetDefaultDevice(ordinal);

  /* An impossible allocation, then cleanup while the error is pending. */
  CHECK(mgpuMemAlloc(HUGE_BYTES, stream, false) == NULL);
  mgpuEventDestroy(event);
  mgpuMemFree(dev, stream);
  mgpuMemFree(shared, stream);
  mgpuModuleUnload(module);
  mgpuStreamDestroy(stream);
  mgpuStreamDestroy(stream2);
  check_status(dlcrt_cuda_take_error(), DLCRT_STATUS_RESOURCE_EXHAUSTED,
               "mgpuMemAlloc: cuMemAlloc(1125899906842624 bytes) on CUDA device", "CUDA_ERROR_OUT_OF_MEMORY", NULL);
  CHECK(dlcrt_cuda_take_error() == NULL);
}

/*===-- Fake-driver only: injected failures and leak accounting ----------------------------------===*/

static void (*fake_fail_next)(const char *symbol, int code);
static int (*fake_live_objects)(void);
static int (*fake_context_refs)(int device);


/*===-- Call sessions (runtime/cuda/call_session.c) ---------------------------------------------===*/

static void *g_session_add_one;

/* What compiled host code does in one call: a stream, a buffer, a memset and two add_one launches
 * (each element ends at 2.0), a synchronisation, a free; returns the buffer (as a result would be). */
static float *session_host_function(uint32_t n) {
  void *stream = mgpuStreamCreate();
  float *buf = mgpuMemAlloc((uint64_t)n * sizeof(float), stream, true);
  mgpuMemset32(buf, 0, n, stream);
  uint64_t dptr = (uint64_t)(uintptr_t)buf;
  void *params[] = {&dptr, &n};
  dlcrt_profile_next_launch_bytes((int64_t)n * 4);
  mgpuLaunchKernel(g_session_add_one, (n + 127) / 128, 1, 1, 128, 1, 1, 0, stream, params, NULL, 2);
  dlcrt_profile_next_launch_bytes((int64_t)n * 4);
  mgpuLaunchKernel(g_session_add_one, (n + 127) / 128, 1, 1, 128, 1, 1, 0, stream, params, NULL, 2);
  mgpuStreamSynchronize(stream);
  mgpuStreamDestroy(stream);
  return buf;
}

/* One call: begin, host function, end, again while the session asks for a re-run. */
static float *session_call(dlcrt_cuda_session_t *s, uint64_t signature, uint32_t n, dlcrt_cuda_call_mode_t *mode,
                           int *runs) {
  float *buf = NULL;
  bool rerun = true;
  *runs = 0;
  for (int attempt = 0; attempt < 3 && rerun; ++attempt) {
    CHECK_OK(dlcrt_cuda_call_begin(s, signature, attempt == 0 ? mode : NULL));
    buf = session_host_function(n);
    CHECK_OK(dlcrt_cuda_call_end(s, &rerun));
    ++*runs;
  }
  return buf;
}

static void test_call_sessions(void) {
  mgpuSetDefaultDevice(0);
  void *module = mgpuModuleLoadJIT((void *)kAddOnePtx, 2);
  g_session_add_one = mgpuModuleGetFunction(module, "add_one");
  CHECK_OK(dlcrt_cuda_take_error());
  int live = fake_live_objects();

  /* Graphs: direct, capture, replay; then a new signature is re-captured. */
  dlcrt_cuda_session_options_t options = {.graphs = true, .time_calls = true};
  dlcrt_cuda_session_t *s = NULL;
  CHECK_OK(dlcrt_cuda_session_create(&options, &s));
  dlcrt_cuda_call_mode_t mode;
  int runs = 0;
  float *first = session_call(s, 1, N, &mode, &runs);
  CHECK_EQ_INT(mode, DLCRT_CUDA_CALL_DIRECT);
  CHECK_EQ_INT(count_equal(first, 2.0f, N), N);
  first[0] = 7.0f;
  float *second = session_call(s, 1, N, &mode, &runs);
  CHECK_EQ_INT(mode, DLCRT_CUDA_CALL_CAPTURE);
  CHECK(second == first); /* allocation #0 of every call: the same buffer */
  CHECK_EQ_INT(count_equal(second, 2.0f, N), N);
  for (int i = 0; i < 3; ++i) {
    second[0] = 7.0f;
    float *again = session_call(s, 1, N, &mode, &runs);
    CHECK_EQ_INT(mode, DLCRT_CUDA_CALL_REPLAY);
    CHECK(again == first);
    CHECK_EQ_INT(count_equal(again, 2.0f, N), N); /* the graph ran: memset and both launches */
  }
  CHECK(dlcrt_cuda_session_last_call_ms(s) > 0.0f);
  dlcrt_cuda_session_stats_t stats;
  dlcrt_cuda_session_stats(s, &stats);
  CHECK_EQ_INT(stats.calls, 5);
  CHECK_EQ_INT(stats.direct_calls, 1);
  CHECK_EQ_INT(stats.captures, 1);
  CHECK_EQ_INT(stats.replays, 3);
  CHECK_EQ_INT(stats.device_allocations, 1); /* no allocation after the first call */
  /* A replay whose allocations differ (same signature, other size) is abandoned and run again directly;
   * the next call of the signature captures anew. */
  float *diverged = session_call(s, 1, N / 2, &mode, &runs);
  CHECK_EQ_INT(mode, DLCRT_CUDA_CALL_REPLAY);
  CHECK_EQ_INT(runs, 2);
  CHECK_EQ_INT(count_equal(diverged, 2.0f, N / 2), N / 2);
  dlcrt_cuda_session_stats(s, &stats);
  CHECK_EQ_INT(stats.captures, 1);
  CHECK_EQ_INT(stats.reruns, 1);
  CHECK_EQ_INT(stats.direct_calls, 2);
  session_call(s, 1, N / 2, &mode, &runs);
  CHECK_EQ_INT(mode, DLCRT_CUDA_CALL_CAPTURE);
  dlcrt_cuda_session_stats(s, &stats);
  CHECK_EQ_INT(stats.captures, 2);
  /* A new signature: direct first (the cache is refilled), then a fresh capture, then replays. */
  session_call(s, 2, N / 4, &mode, &runs);
  CHECK_EQ_INT(mode, DLCRT_CUDA_CALL_DIRECT);
  session_call(s, 2, N / 4, &mode, &runs);
  CHECK_EQ_INT(mode, DLCRT_CUDA_CALL_CAPTURE);
  float *small = session_call(s, 2, N / 4, &mode, &runs);
  CHECK_EQ_INT(mode, DLCRT_CUDA_CALL_REPLAY);
  CHECK_EQ_INT(count_equal(small, 2.0f, N / 4), N / 4);
  dlcrt_cuda_session_stats(s, &stats);
  CHECK_EQ_INT(stats.captures, 3);
  /* Staged inputs keep their buffer while it is large enough. */
  void *in1 = NULL, *in2 = NULL;
  CHECK_OK(dlcrt_cuda_session_stage(s, 0, 64, &in1));
  CHECK_OK(dlcrt_cuda_session_stage(s, 0, 32, &in2));
  CHECK(in1 && in1 == in2);
  /* A call in flight refuses a second begin. */
  CHECK_OK(dlcrt_cuda_call_begin(s, 3, NULL));
  check_status(dlcrt_cuda_call_begin(s, 3, NULL), DLCRT_STATUS_INVALID_ARGUMENT, "already in flight", NULL);
  bool rerun = false;
  CHECK_OK(dlcrt_cuda_call_end(s, &rerun));
  dlcrt_cuda_session_destroy(s);
  CHECK_EQ_INT(fake_live_objects(), live); /* buffers, graph, events and stream released */

  /* Without graphs: never a capture. */
  options.graphs = false;
  CHECK_OK(dlcrt_cuda_session_create(&options, &s));
  for (int i = 0; i < 3; ++i) {
    float *buf = session_call(s, 1, N, &mode, &runs);
    CHECK_EQ_INT(mode, DLCRT_CUDA_CALL_DIRECT);
    CHECK_EQ_INT(count_equal(buf, 2.0f, N), N);
  }
  dlcrt_cuda_session_stats(s, &stats);
  CHECK_EQ_INT(stats.captures, 0);
  CHECK_EQ_INT(stats.device_allocations, 1);
  dlcrt_cuda_session_destroy(s);

  /* A capture the driver refuses (instantiation fails): the call re-runs directly, graphs stay off. */
  options.graphs = true;
  CHECK_OK(dlcrt_cuda_session_create(&options, &s));
  session_call(s, 1, N, &mode, &runs);
  fake_fail_next("cuGraphInstantiateWithFlags", 1);
  float *fallback = session_call(s, 1, N, &mode, &runs);
  CHECK_EQ_INT(mode, DLCRT_CUDA_CALL_CAPTURE);
  CHECK_EQ_INT(runs, 2);
  CHECK_EQ_INT(count_equal(fallback, 2.0f, N), N);
  session_call(s, 1, N, &mode, &runs);
  CHECK_EQ_INT(mode, DLCRT_CUDA_CALL_DIRECT);
  dlcrt_cuda_session_stats(s, &stats);
  CHECK_EQ_INT(stats.capture_fallbacks, 1);
  dlcrt_cuda_session_destroy(s);

  /* Constants: uploaded once per session, device copy returned while a call is in flight. */
  void (*constant)(int64_t *, const int64_t *, int64_t, int64_t) = NULL;
  for (const dlcrt_jit_symbol_t *sym = dlcrt_cuda_session_jit_symbols(); sym->name; ++sym)
    if (strcmp(sym->name, "_mlir_ciface_dlcrt_gpu_constant_f32_1") == 0) memcpy(&constant, &sym->address, sizeof(constant));
  CHECK(constant != NULL);
  static const float weights[4] = {1, 2, 3, 4};
  int64_t desc[5] = {0xdeadbeef, 0, 0, 4, 1}, out1[5], out2[5];
  const float *w = weights;
  memcpy(&desc[1], &w, sizeof(w));
  CHECK_OK(dlcrt_cuda_session_create(&options, &s));
  if (constant) {
    constant(out1, desc, 1, 4); /* outside a call: an error */
    check_status(dlcrt_cuda_take_error(), DLCRT_STATUS_INVALID_ARGUMENT, "outside a CUDA call session", NULL);
    CHECK_OK(dlcrt_cuda_call_begin(s, 1, NULL));
    constant(out1, desc, 1, 4);
    constant(out2, desc, 1, 4);
    CHECK_OK(dlcrt_cuda_call_end(s, &rerun));
    CHECK(out1[1] == out2[1] && out1[1] != desc[1] && out1[2] == 0 && out1[3] == 4 && out1[4] == 1);
    float *copy;
    memcpy(&copy, &out1[1], sizeof(copy));
    CHECK(memcmp(copy, weights, sizeof(weights)) == 0);
    dlcrt_cuda_session_stats(s, &stats);
    CHECK_EQ_INT(stats.constants, 1);
  }
  dlcrt_cuda_session_destroy(s);

  /* Profiles: per kernel launches, bytes and bandwidth, sorted by time, a total line. */
  options = (dlcrt_cuda_session_options_t){.graphs = true, .profile = true};
  CHECK_OK(dlcrt_cuda_session_create(&options, &s));
  for (int i = 0; i < 3; ++i) {
    session_call(s, 1, N, &mode, &runs);
    CHECK_EQ_INT(mode, DLCRT_CUDA_CALL_DIRECT); /* profiling turns graphs off */
  }
  char table[4096] = "";
  FILE *f = tmpfile();
  CHECK(f != NULL);
  if (f) {
    CHECK_OK(dlcrt_cuda_session_print_profile(s, f));
    rewind(f);
    size_t got = fread(table, 1, sizeof(table) - 1, f);
    table[got] = '\0';
    fclose(f);
  }
  CHECK_CONTAINS(table, "peak memory bandwidth 3352 GB/s");
  CHECK_CONTAINS(table, "add_one");
  CHECK_CONTAINS(table, "       4 "); /* 2 launches x 3 calls, the first call left out */
  CHECK_CONTAINS(table, "           4000 "); /* bytes per launch: N floats */
  CHECK_CONTAINS(table, "\ntotal ");
  dlcrt_cuda_session_destroy(s);
  mgpuModuleUnload(module);
  CHECK_OK(dlcrt_cuda_take_error());
  printf("call sessions: direct, capture, replay, re-capture, fallback, constants and profile checked\n%s", table);
}

static bool bind_fake_controls(void) {
  void *lib = dlopen(getenv(DLCRT_CUDA_DRIVER_ENV), RTLD_NOW | RTLD_NOLOAD);
  if (!lib) return false;
  void *a = dlsym(lib, "dlc_fake_cuda_fail_next"), *b = dlsym(lib, "dlc_fake_cuda_live_objects"),
       *c = dlsym(lib, "dlc_fake_cuda_context_refs");
  memcpy(&fake_fail_next, &a, sizeof(a));
  memcpy(&fake_live_objects, &b, sizeof(b));
  memcpy(&fake_context_refs, &c, sizeof(c));
  dlclose(lib); /* the runtime keeps it loaded */
  return a && b && c;
}

static void test_fake_devices(void) {
  bool available = false;
  char why[256] = "unchanged";
  CHECK_OK(dlcrt_cuda_available(&available, why, sizeof(why)));
  CHECK(available);
  CHECK_STREQ(why, "");
  int count = 0;
  CHECK_OK(dlcrt_cuda_device_count(&count));
  CHECK_EQ_INT(count, 2);
  dlcrt_cuda_device_info_t info;
  CHECK_OK(dlcrt_cuda_device_info(1, &info));
  CHECK_STREQ(info.name, "DLC Fake GPU 1");
  CHECK_EQ_INT(info.sm_count, 132);
  CHECK_EQ_INT(info.compute_major, 9);
  CHECK_EQ_INT(info.compute_minor, 0);
  CHECK(info.total_memory == (uint64_t)80 << 30);
  dlcrt_cuda_context_t *ctx = NULL;
  check_status(dlcrt_cuda_context_create(dlcrt_allocator_system(), 2, &ctx), DLCRT_STATUS_INVALID_ARGUMENT,
               "cannot create a CUDA context on device 2: CUDA device 2 does not exist (2 devices)", NULL);
  CHECK(ctx == NULL);
}

static void test_fake_failures(void) {
  int refs0 = fake_context_refs(0), refs1 = fake_context_refs(1), live = fake_live_objects();
  dlcrt_cuda_context_t *ctx = NULL;
  fake_fail_next("cuStreamCreate", 2);
  check_status(dlcrt_cuda_context_create(dlcrt_allocator_system(), 0, &ctx), DLCRT_STATUS_RESOURCE_EXHAUSTED,
               "cuStreamCreate on CUDA device 0 failed: CUDA_ERROR_OUT_OF_MEMORY (out of memory)", NULL);
  CHECK(ctx == NULL);
  CHECK_EQ_INT(fake_context_refs(0), refs0); /* the failed create released what it retained */

  CHECK_OK(dlcrt_cuda_context_create(dlcrt_allocator_system(), 1, &ctx));
  CHECK_EQ_INT(fake_context_refs(1), refs1 + 1);
  dlcrt_cuda_module_t *module = NULL;
  const dlcrt_cuda_function_t *add_one = NULL;
  CHECK_OK(dlcrt_cuda_module_load(ctx, kAddOnePtx, sizeof(kAddOnePtx), &module));
  CHECK_OK(dlcrt_cuda_module_get_function(module, "add_one", &add_one));
  dlcrt_cuda_deviceptr_t d = 0;
  CHECK_OK(dlcrt_cuda_malloc(ctx, 64, &d));
  uint32_t n = 16;
  void *args[] = {&d, &n};
  dlcrt_cuda_launch_config_t config = {{1, 1, 1}, {32, 1, 1}, 0};
  fake_fail_next("cuLaunchKernel", 700);
  check_status(dlcrt_cuda_launch(ctx, add_one, &config, args), DLCRT_STATUS_INTERNAL,
               "cuLaunchKernel(add_one, grid 1x1x1, block 32x1x1, 0 bytes shared) on CUDA device 1 failed: "
               "CUDA_ERROR_ILLEGAL_ADDRESS (an illegal memory access was encountered)",
               NULL);

  /* A capture invalidated by the driver: ending it reports so, and capture can start again. */
  CHECK_OK(dlcrt_cuda_capture_begin(ctx));
  mgpuSetDefaultDevice(1);
  mgpuStreamSynchronize(dlcrt_cuda_context_stream(ctx)); /* illegal during capture */
  mgpuSetDefaultDevice(0);
  check_status(dlcrt_cuda_take_error(), DLCRT_STATUS_INTERNAL, "CUDA_ERROR_STREAM_CAPTURE_UNSUPPORTED", NULL);
  dlcrt_cuda_graph_t *graph = (dlcrt_cuda_graph_t *)&graph;
  check_status(dlcrt_cuda_capture_end(ctx, &graph), DLCRT_STATUS_INTERNAL,
               "cuStreamEndCapture on CUDA device 1 failed: CUDA_ERROR_STREAM_CAPTURE_INVALIDATED", NULL);
  CHECK(graph == NULL);
  CHECK_OK(dlcrt_cuda_capture_begin(ctx));
  CHECK_OK(dlcrt_cuda_capture_end(ctx, &graph));
  dlcrt_cuda_graph_destroy(graph);
  /* Destroying a context mid-capture ends the capture. */
  CHECK_OK(dlcrt_cuda_capture_begin(ctx));

  /* The JIT log is flattened into one line. */
  dlcrt_cuda_module_t *broken = NULL;
  dlcrt_status_t s = dlcrt_cuda_module_load(ctx, kBrokenPtx, sizeof(kBrokenPtx), &broken);
  char expected[512];
  snprintf(expected, sizeof(expected),
           "cuModuleLoadDataEx(PTX, %zu bytes) on CUDA device 1 failed: CUDA_ERROR_INVALID_PTX (a PTX JIT "
           "compilation failed): ptxas application ptx input, line 6; error   : Not a name of any known "
           "instruction: 'bogus'; ptxas fatal   : Ptx assembly aborted due to errors",
           sizeof(kBrokenPtx));
  CHECK_STREQ(dlcrt_status_message(s), expected);
  dlcrt_status_free(s);

  /* mgpuLaunchKernel names the kernel (cuFuncGetName). */
  void *jit_module = mgpuModuleLoadJIT((void *)kAddOnePtx, -1); /* -1: the driver's default level */
  void *function = mgpuModuleGetFunction(jit_module, "add_one");
  CHECK_OK(dlcrt_cuda_take_error());
  fake_fail_next("cuLaunchKernel", 700);
  mgpuLaunchKernel(function, 1, 1, 1, 32, 1, 1, 0, NULL, args, NULL, 2);
  check_status(dlcrt_cuda_take_error(), DLCRT_STATUS_INTERNAL,
               "mgpuLaunchKernel: cuLaunchKernel(add_one, grid 1x1x1, block 32x1x1, 0 bytes shared) on CUDA device 0 "
               "failed: CUDA_ERROR_ILLEGAL_ADDRESS",
               NULL);

  /* While an error is pending, a failing release call does not replace it: the first error wins. */
  void *p = mgpuMemAlloc(64, NULL, false);
  CHECK(mgpuMemAlloc(HUGE_BYTES, NULL, false) == NULL);
  fake_fail_next("cuMemFree", 700);
  mgpuMemFree(p, NULL);
  check_status(dlcrt_cuda_take_error(), DLCRT_STATUS_RESOURCE_EXHAUSTED, "mgpuMemAlloc: cuMemAlloc", NULL);
  /* ...and with none pending, a failing release call records its own. */
  p = mgpuMemAlloc(64, NULL, false);
  fake_fail_next("cuMemFree", 700);
  mgpuMemFree(p, NULL);
  check_status(dlcrt_cuda_take_error(), DLCRT_STATUS_INTERNAL, "mgpuMemFree: cuMemFree(", "CUDA_ERROR_ILLEGAL_ADDRESS",
               NULL);

  mgpuModuleUnload(jit_module);
  CHECK_OK(dlcrt_cuda_free(ctx, d));
  dlcrt_cuda_module_unload(module);
  dlcrt_cuda_context_destroy(ctx); /* mid-capture */
  CHECK_EQ_INT(fake_context_refs(1), refs1);
  CHECK_EQ_INT(fake_live_objects(), live);
}

/*===-- Modes -----------------------------------------------------------------------------------===*/

static int run_without_driver(const char *expected_reason) {
  snprintf(g_expected_reason, sizeof(g_expected_reason), "%s", expected_reason);
  DLC_RUN_TEST(test_mgpu_error_is_thread_local); /* first, so that the threads race to load the driver */
  DLC_RUN_TEST(test_not_available);
  DLC_RUN_TEST(test_context_unavailable);
  DLC_RUN_TEST(test_mgpu_records_error);
  DLC_RUN_TEST(test_jit_symbols);
  return DLC_TEST_RESULT();
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "nodriver";
  if (strcmp(mode, "print-ptx") == 0) {
    fputs(kAddOnePtx, stdout);
    return 0;
  }
  if (strcmp(mode, "nodriver") == 0) {
    const char *driver = getenv(DLCRT_CUDA_DRIVER_ENV);
    char reason[512];
    snprintf(reason, sizeof(reason), "no CUDA driver (%s not found)", driver && *driver ? driver : "libcuda.so.1");
    return run_without_driver(reason);
  }
  if (strcmp(mode, "nodevice") == 0) return run_without_driver("CUDA driver found but no CUDA device");
  if (strcmp(mode, "fake") == 0) {
    bool loaded = false;
    CHECK_OK(dlcrt_cuda_available(&loaded, NULL, 0)); /* loads the driver, which the controls live in */
    if (!bind_fake_controls()) {
      fprintf(stderr, "cannot load the fake driver named by %s\n", DLCRT_CUDA_DRIVER_ENV);
      return 1;
    }
    DLC_RUN_TEST(test_fake_devices);
    if (dlc_test_failures) return 1;
    int live = fake_live_objects();
    g_ordinal = 1;
    DLC_RUN_TEST(test_device_info);
    DLC_RUN_TEST(test_context_kernels_and_graphs);
    DLC_RUN_TEST(test_mgpu_on_device);
    CHECK_EQ_INT(fake_live_objects(), live); /* every driver object created was released */
    CHECK_EQ_INT(fake_context_refs(1), 1);   /* the mgpu* wrappers keep device 1's primary context */
    DLC_RUN_TEST(test_fake_failures);
    DLC_RUN_TEST(test_jit_symbols);
    DLC_RUN_TEST(test_call_sessions);
    return DLC_TEST_RESULT();
  }
  if (strcmp(mode, "smoke") == 0) {
    bool available = false;
    char why[256] = "";
    CHECK_OK(dlcrt_cuda_available(&available, why, sizeof(why)));
    if (!available) {
      printf("SKIP: no CUDA device (%s)\n", why);
      return 77;
    }
    DLC_RUN_TEST(test_jit_symbols);
    g_ordinal = 0;
    DLC_RUN_TEST(test_device_info);
    DLC_RUN_TEST(test_context_kernels_and_graphs);
    DLC_RUN_TEST(test_mgpu_on_device);
    if (!dlc_test_failures) printf("gpu smoke test passed\n");
    return DLC_TEST_RESULT();
  }
  fprintf(stderr, "usage: %s nodriver|nodevice|fake|smoke|print-ptx\n", argv[0]);
  return 2;
}
