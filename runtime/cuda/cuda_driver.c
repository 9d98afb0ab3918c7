/* The CUDA driver API, dlopen()ed at first use (see include/dlc/cuda.h): loading, error statuses,
 * device queries, and the context / module / launch / memory / event / graph wrappers.
 *
 * Global state: `dlcrt_cuda_state` below is the runtime's one piece of process-wide state. It holds the
 * driver's dlopen handle and its table of entry points, written exactly once under C11 call_once and
 * read-only afterwards (call_once orders the writes before every reader), plus the per-device cache
 * of retained primary contexts for the mgpu* wrappers, updated lock-free with atomics. The driver is
 * never unloaded: CUDA objects may outlive any owner we could tie a dlclose to, and the driver tears
 * itself down at process exit. */
#define _POSIX_C_SOURCE 200809L

#include <dlfcn.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "cuda_driver_internal.h"

/* The mgpu* primary-context cache covers this many device ordinals; higher ones are refused. */
#define DLCRT_CUDA_MAX_CACHED_DEVICES 64

_Static_assert(sizeof(void *) == sizeof(void (*)(void)), "dlsym results must fit function pointers");
_Static_assert(sizeof(CUdeviceptr) == sizeof(dlcrt_cuda_deviceptr_t), "CUdeviceptr is 64-bit");
_Static_assert(sizeof(CUresult) == sizeof(int), "CUresult is an int-sized enum");

#if defined(DLC_HAVE_CUDA_H) && defined(__GNUC__)
/* With the toolkit's cuda.h at hand, check every entry point's type against its prototype, and the
 * constants the fallback typedefs would otherwise provide. */
#define DLCRT_CUDA_CHECK_PROTOTYPE(field, ret, params, symbol, fallback, required)                                 \
  _Static_assert(__builtin_types_compatible_p(__typeof__(((dlcrt_cuda_driver_t *)0)->field), __typeof__(&symbol)), \
                 "dlcrt_cuda_driver_t." #field " does not match cuda.h's " #symbol);
DLCRT_CUDA_DRIVER_ENTRY_POINTS(DLCRT_CUDA_CHECK_PROTOTYPE)
#undef DLCRT_CUDA_CHECK_PROTOTYPE
_Static_assert(__builtin_types_compatible_p(CUdeviceptr, unsigned long long), "CUdeviceptr");
_Static_assert(CUDA_ERROR_NO_DEVICE == 100 && CUDA_ERROR_NOT_FOUND == 500 && CUDA_ERROR_STUB_LIBRARY == 34,
               "CUresult values");
_Static_assert(CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT == 16 && CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR == 75 &&
                   CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR == 76,
               "device attributes");
_Static_assert(CU_JIT_ERROR_LOG_BUFFER == 5 && CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES == 6 &&
                   CU_JIT_OPTIMIZATION_LEVEL == 7,
               "JIT options");
_Static_assert(CU_STREAM_NON_BLOCKING == 1 && CU_EVENT_DEFAULT == 0 && CU_EVENT_DISABLE_TIMING == 2 &&
                   CU_STREAM_CAPTURE_MODE_THREAD_LOCAL == 1 && CU_MEM_ATTACH_GLOBAL == 1,
               "flags");
#endif

static struct {
  once_flag once;
  void *library;            /* dlopen handle, never closed; NULL when the driver could not be loaded */
  dlcrt_cuda_driver_t api;  /* entry points, valid when `usable` */
  bool usable;              /* loaded, resolved, cuInit succeeded and at least one device */
  dlcrt_status_code_t code; /* when !usable: UNAVAILABLE */
  char reason[384];         /* when !usable: one line, e.g. "no CUDA driver (libcuda.so.1 not found)" */
  int device_count;
  _Atomic(CUcontext) primary[DLCRT_CUDA_MAX_CACHED_DEVICES]; /* mgpu* primary contexts, retained once */
} dlcrt_cuda_state = {.once = ONCE_FLAG_INIT};

/*===-- Loading ---------------------------------------------------------------------------------===*/

static void dlcrt_cuda_set_reason(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void dlcrt_cuda_set_reason(const char *fmt, ...) {
  va_list args;
  va_start(args, fmt);
  vsnprintf(dlcrt_cuda_state.reason, sizeof(dlcrt_cuda_state.reason), fmt, args);
  va_end(args);
  dlcrt_cuda_state.code = DLCRT_STATUS_UNAVAILABLE;
}

/* Resolves `symbol`, else `fallback`; stores it in *slot (a function pointer). */
static bool dlcrt_cuda_resolve(void *library, const char *symbol, const char *fallback, void *slot) {
  void *address = dlsym(library, symbol);
  if (!address && fallback) address = dlsym(library, fallback);
  memcpy(slot, &address, sizeof(address));
  return address != NULL;
}

static void dlcrt_cuda_load_once(void) {
  const char *path = getenv(DLCRT_CUDA_DRIVER_ENV);
  if (!path || !*path) path = "libcuda.so.1";
  dlerror();
  void *library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char *error = dlerror();
    if (!error || strstr(error, "No such file"))
      dlcrt_cuda_set_reason("no CUDA driver (%s not found)", path);
    else
      dlcrt_cuda_set_reason("no CUDA driver (%s cannot be loaded: %s)", path, error);
    return;
  }
  dlcrt_cuda_state.library = library;
  dlcrt_cuda_driver_t *api = &dlcrt_cuda_state.api;
#define DLCRT_CUDA_RESOLVE(field, ret, params, symbol, fallback, required)                                     \
  if (!dlcrt_cuda_resolve(library, #symbol, fallback, &api->field) && required) {                              \
    dlcrt_cuda_set_reason("CUDA driver too old (%s has no %s); install a newer NVIDIA driver", path, #symbol); \
    return;                                                                                                    \
  }
  DLCRT_CUDA_DRIVER_ENTRY_POINTS(DLCRT_CUDA_RESOLVE)
#undef DLCRT_CUDA_RESOLVE

  CUresult result = api->Init(0);
  char error[160];
  if (result == CUDA_ERROR_NO_DEVICE) {
    dlcrt_cuda_set_reason("CUDA driver found but no CUDA device");
    return;
  }
  if (result == CUDA_ERROR_STUB_LIBRARY) {
    dlcrt_cuda_set_reason("no CUDA driver (%s is the CUDA toolkit's stub library)", path);
    return;
  }
  if (result != CUDA_SUCCESS) {
    dlcrt_cuda_describe_error(api, result, error, sizeof(error));
    dlcrt_cuda_set_reason("CUDA driver found but cuInit failed: %s", error);
    return;
  }
  int count = 0;
  result = api->DeviceGetCount(&count);
  if (result != CUDA_SUCCESS) {
    dlcrt_cuda_describe_error(api, result, error, sizeof(error));
    dlcrt_cuda_set_reason("CUDA driver found but cuDeviceGetCount failed: %s", error);
    return;
  }
  if (count <= 0) {
    dlcrt_cuda_set_reason("CUDA driver found but no CUDA device");
    return;
  }
  dlcrt_cuda_state.device_count = count;
  dlcrt_cuda_state.usable = true;
}

dlcrt_status_t dlcrt_cuda_driver(const dlcrt_cuda_driver_t **out_driver) {
  call_once(&dlcrt_cuda_state.once, dlcrt_cuda_load_once);
  if (!dlcrt_cuda_state.usable) {
    *out_driver = NULL;
    return dlcrt_make_status(dlcrt_cuda_state.code, "%s", dlcrt_cuda_state.reason);
  }
  *out_driver = &dlcrt_cuda_state.api;
  return dlcrt_ok_status();
}

/*===-- Errors ----------------------------------------------------------------------------------===*/

void dlcrt_cuda_describe_error(const dlcrt_cuda_driver_t *cu, CUresult result, char *buf, size_t buf_size) {
  const char *name = NULL, *description = NULL;
  if (cu && cu->GetErrorName(result, &name) != CUDA_SUCCESS) name = NULL;
  if (cu && cu->GetErrorString(result, &description) != CUDA_SUCCESS) description = NULL;
  if (name && description)
    snprintf(buf, buf_size, "%s (%s)", name, description);
  else if (name)
    snprintf(buf, buf_size, "%s", name);
  else
    snprintf(buf, buf_size, "CUresult %d", (int)result);
}

static dlcrt_status_code_t dlcrt_cuda_status_code(CUresult result) {
  switch ((int)result) {
    case CUDA_ERROR_OUT_OF_MEMORY: return DLCRT_STATUS_RESOURCE_EXHAUSTED;
    case CUDA_ERROR_INVALID_VALUE:
    case CUDA_ERROR_INVALID_DEVICE:
    case CUDA_ERROR_INVALID_IMAGE:
    case CUDA_ERROR_INVALID_PTX:
    case CUDA_ERROR_NO_BINARY_FOR_GPU: return DLCRT_STATUS_INVALID_ARGUMENT;
    case CUDA_ERROR_NOT_FOUND: return DLCRT_STATUS_NOT_FOUND;
    case CUDA_ERROR_NOT_SUPPORTED: return DLCRT_STATUS_UNIMPLEMENTED;
    case CUDA_ERROR_NOT_INITIALIZED:
    case CUDA_ERROR_STUB_LIBRARY:
    case CUDA_ERROR_CALL_REQUIRES_NEWER_DRIVER:
    case CUDA_ERROR_DEVICE_UNAVAILABLE:
    case CUDA_ERROR_NO_DEVICE:
    case CUDA_ERROR_JIT_COMPILER_NOT_FOUND:
    case CUDA_ERROR_UNSUPPORTED_PTX_VERSION:
    case CUDA_ERROR_SYSTEM_NOT_READY:
    case CUDA_ERROR_SYSTEM_DRIVER_MISMATCH:
    case CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE: return DLCRT_STATUS_UNAVAILABLE;
    default: return DLCRT_STATUS_INTERNAL;
  }
}

dlcrt_status_t dlcrt_cuda_error(const dlcrt_cuda_driver_t *cu, CUresult result, const char *what_fmt, ...) {
  if (result == CUDA_SUCCESS) return dlcrt_ok_status();
  char what[512], error[256];
  va_list args;
  va_start(args, what_fmt);
  vsnprintf(what, sizeof(what), what_fmt, args);
  va_end(args);
  dlcrt_cuda_describe_error(cu, result, error, sizeof(error));
  return dlcrt_make_status(dlcrt_cuda_status_code(result), "%s failed: %s", what, error);
}

static dlcrt_status_t dlcrt_cuda_check_ordinal(int ordinal) {
  if (ordinal < 0 || ordinal >= dlcrt_cuda_state.device_count)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "CUDA device %d does not exist (%d device%s)", ordinal,
                             dlcrt_cuda_state.device_count, dlcrt_cuda_state.device_count == 1 ? "" : "s");
  return dlcrt_ok_status();
}

dlcrt_status_t dlcrt_cuda_cached_primary_context(const dlcrt_cuda_driver_t *cu, int ordinal, CUcontext *out_context) {
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_check_ordinal(ordinal));
  if (ordinal >= DLCRT_CUDA_MAX_CACHED_DEVICES)
    return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "CUDA device %d: only devices 0-%d are supported here",
                             ordinal, DLCRT_CUDA_MAX_CACHED_DEVICES - 1);
  CUcontext context = atomic_load(&dlcrt_cuda_state.primary[ordinal]);
  if (!context) {
    CUdevice device;
    DLCRT_RETURN_IF_ERROR(dlcrt_cuda_error(cu, cu->DeviceGet(&device, ordinal), "cuDeviceGet(%d)", ordinal));
    DLCRT_RETURN_IF_ERROR(dlcrt_cuda_error(cu, cu->DevicePrimaryCtxRetain(&context, device),
                                           "cuDevicePrimaryCtxRetain on CUDA device %d", ordinal));
    CUcontext expected = NULL;
    if (!atomic_compare_exchange_strong(&dlcrt_cuda_state.primary[ordinal], &expected, context)) {
      cu->DevicePrimaryCtxRelease(device); /* another thread won the race: drop our extra reference */
      context = expected;
    }
  }
  *out_context = context;
  return dlcrt_ok_status();
}

/* Copies a JIT/loader log into `out` as one line: line breaks become "; ", trailing blanks go. */
static void dlcrt_cuda_flatten_log(const char *log, char *out, size_t out_size) {
  size_t w = 0;
  bool separator = false;
  for (const char *r = log; *r && w + 3 < out_size; ++r) {
    if (*r == '\n' || *r == '\r') {
      while (w > 0 && (out[w - 1] == ' ' || out[w - 1] == '\t')) --w;
      separator = w > 0;
      continue;
    }
    if (separator) {
      out[w++] = ';';
      out[w++] = ' ';
      separator = false;
    }
    out[w++] = *r;
  }
  while (w > 0 && (out[w - 1] == ' ' || out[w - 1] == '\t')) --w;
  out[w] = '\0';
}

dlcrt_status_t dlcrt_cuda_load_image(const dlcrt_cuda_driver_t *cu, const void *image, int opt_level, const char *what,
                                     CUmodule *out_module) {
  char log[4096] = {0};
  CUjit_option options[3] = {CU_JIT_ERROR_LOG_BUFFER, CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES, CU_JIT_OPTIMIZATION_LEVEL};
  void *values[3] = {log, (void *)(uintptr_t)sizeof(log), (void *)(uintptr_t)(opt_level < 0 ? 0 : opt_level)};
  unsigned int num_options = opt_level >= 0 && opt_level <= 4 ? 3 : 2;
  *out_module = NULL;
  CUresult result = cu->ModuleLoadDataEx(out_module, image, num_options, options, values);
  if (result == CUDA_SUCCESS) return dlcrt_ok_status();
  *out_module = NULL;
  log[sizeof(log) - 1] = '\0';
  char flat[sizeof(log) + 1024];
  dlcrt_cuda_flatten_log(log, flat, sizeof(flat));
  dlcrt_status_t status = dlcrt_cuda_error(cu, result, "%s", what);
  if (flat[0]) {
    dlcrt_status_t with_log =
        dlcrt_make_status(dlcrt_status_code(status), "%s: %s", dlcrt_status_message(status), flat);
    dlcrt_status_free(status);
    status = with_log;
  }
  return status;
}

/*===-- Availability and devices ----------------------------------------------------------------===*/

dlcrt_status_t dlcrt_cuda_available(bool *out_available, char *why, size_t why_size) {
  if (!out_available) return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "dlcrt_cuda_available: NULL output");
  const dlcrt_cuda_driver_t *cu;
  dlcrt_status_t status = dlcrt_cuda_driver(&cu);
  *out_available = status == NULL;
  if (why && why_size > 0) snprintf(why, why_size, "%s", dlcrt_status_message(status));
  dlcrt_status_free(status);
  return dlcrt_ok_status();
}

dlcrt_status_t dlcrt_cuda_device_count(int *out_count) {
  if (!out_count) return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "dlcrt_cuda_device_count: NULL output");
  *out_count = 0;
  const dlcrt_cuda_driver_t *cu;
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_driver(&cu));
  *out_count = dlcrt_cuda_state.device_count;
  return dlcrt_ok_status();
}

dlcrt_status_t dlcrt_cuda_device_info(int ordinal, dlcrt_cuda_device_info_t *out_info) {
  if (!out_info) return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "dlcrt_cuda_device_info: NULL output");
  memset(out_info, 0, sizeof(*out_info));
  const dlcrt_cuda_driver_t *cu;
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_driver(&cu));
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_check_ordinal(ordinal));
  CUdevice device;
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_error(cu, cu->DeviceGet(&device, ordinal), "cuDeviceGet(%d)", ordinal));
  out_info->ordinal = ordinal;
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_error(cu, cu->DeviceGetName(out_info->name, (int)sizeof(out_info->name), device),
                                         "cuDeviceGetName on CUDA device %d", ordinal));
  out_info->name[sizeof(out_info->name) - 1] = '\0';
  static const struct {
    CUdevice_attribute attribute;
    const char *name;
    size_t offset;
  } kAttributes[] = {
      {CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT, "MULTIPROCESSOR_COUNT", offsetof(dlcrt_cuda_device_info_t, sm_count)},
      {CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, "COMPUTE_CAPABILITY_MAJOR",
       offsetof(dlcrt_cuda_device_info_t, compute_major)},
      {CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, "COMPUTE_CAPABILITY_MINOR",
       offsetof(dlcrt_cuda_device_info_t, compute_minor)},
  };
  for (size_t i = 0; i < sizeof(kAttributes) / sizeof(kAttributes[0]); ++i) {
    int value = 0;
    DLCRT_RETURN_IF_ERROR(dlcrt_cuda_error(cu, cu->DeviceGetAttribute(&value, kAttributes[i].attribute, device),
                                           "cuDeviceGetAttribute(CU_DEVICE_ATTRIBUTE_%s) on CUDA device %d",
                                           kAttributes[i].name, ordinal));
    memcpy((char *)out_info + kAttributes[i].offset, &value, sizeof(value));
  }
  size_t bytes = 0;
  DLCRT_RETURN_IF_ERROR(
      dlcrt_cuda_error(cu, cu->DeviceTotalMem(&bytes, device), "cuDeviceTotalMem on CUDA device %d", ordinal));
  out_info->total_memory = bytes;
  return dlcrt_ok_status();
}

/*===-- Contexts --------------------------------------------------------------------------------===*/

struct dlcrt_cuda_context_t {
  dlcrt_allocator_t allocator;
  const dlcrt_cuda_driver_t *cu;
  int ordinal;
  CUdevice device;
  CUcontext primary; /* retained by this context; NULL until retained */
  CUstream stream;   /* non-blocking; NULL until created */
  bool capturing;    /* between dlcrt_cuda_capture_begin and _end */
};

#define DLCRT_CUDA_CHECK_ARG(cond, fn)                                                                               \
  do {                                                                                                               \
    if (!(cond)) return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s: NULL argument (needs %s)", fn, #cond); \
  } while (0)

/* Makes the context's primary context current on the calling thread. */
static dlcrt_status_t dlcrt_cuda_enter(const dlcrt_cuda_context_t *context) {
  return dlcrt_cuda_error(context->cu, context->cu->CtxSetCurrent(context->primary),
                          "cuCtxSetCurrent(primary context of CUDA device %d)", context->ordinal);
}

static dlcrt_status_t dlcrt_cuda_refuse_while_capturing(const dlcrt_cuda_context_t *context, const char *fn) {
  if (!context->capturing) return dlcrt_ok_status();
  return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT,
                           "%s: the stream of CUDA device %d is being captured into a CUDA graph; only launches, "
                           "async copies and memsets may be issued until dlcrt_cuda_capture_end",
                           fn, context->ordinal);
}

void dlcrt_cuda_context_destroy(dlcrt_cuda_context_t *context) {
  if (!context) return;
  const dlcrt_cuda_driver_t *cu = context->cu;
  if (context->primary) {
    cu->CtxSetCurrent(context->primary);
    if (context->stream) {
      if (context->capturing) {
        CUgraph graph = NULL;
        if (cu->StreamEndCapture(context->stream, &graph) == CUDA_SUCCESS && graph) cu->GraphDestroy(graph);
      }
      cu->StreamSynchronize(context->stream);
      cu->StreamDestroy(context->stream);
    }
    cu->DevicePrimaryCtxRelease(context->device);
  }
  dlcrt_allocator_free(context->allocator, context);
}

dlcrt_status_t dlcrt_cuda_context_create(dlcrt_allocator_t allocator, int ordinal, dlcrt_cuda_context_t **out_context) {
  DLCRT_CUDA_CHECK_ARG(out_context, "dlcrt_cuda_context_create");
  *out_context = NULL;
  const dlcrt_cuda_driver_t *cu;
  dlcrt_status_t status = dlcrt_cuda_driver(&cu);
  if (!status) status = dlcrt_cuda_check_ordinal(ordinal);
  if (status) return dlcrt_status_annotate(status, "cannot create a CUDA context on device %d: ", ordinal);
  dlcrt_cuda_context_t *context;
  DLCRT_RETURN_IF_ERROR(dlcrt_allocator_malloc(allocator, sizeof(*context), (void **)&context));
  context->allocator = allocator;
  context->cu = cu;
  context->ordinal = ordinal;
  status = dlcrt_cuda_error(cu, cu->DeviceGet(&context->device, ordinal), "cuDeviceGet(%d)", ordinal);
  if (!status) {
    CUcontext primary = NULL;
    status = dlcrt_cuda_error(cu, cu->DevicePrimaryCtxRetain(&primary, context->device),
                              "cuDevicePrimaryCtxRetain on CUDA device %d", ordinal);
    context->primary = primary;
  }
  if (!status) status = dlcrt_cuda_enter(context);
  if (!status) {
    CUstream stream = NULL;
    status = dlcrt_cuda_error(cu, cu->StreamCreate(&stream, CU_STREAM_NON_BLOCKING), "cuStreamCreate on CUDA device %d",
                              ordinal);
    if (!status) context->stream = stream;
  }
  if (status) {
    dlcrt_cuda_context_destroy(context);
    return status;
  }
  *out_context = context;
  return dlcrt_ok_status();
}

int dlcrt_cuda_context_ordinal(const dlcrt_cuda_context_t *context) { return context ? context->ordinal : -1; }

void *dlcrt_cuda_context_stream(const dlcrt_cuda_context_t *context) {
  return context ? (void *)context->stream : NULL;
}

dlcrt_status_t dlcrt_cuda_context_synchronize(dlcrt_cuda_context_t *context) {
  DLCRT_CUDA_CHECK_ARG(context, "dlcrt_cuda_context_synchronize");
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_refuse_while_capturing(context, "dlcrt_cuda_context_synchronize"));
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_enter(context));
  return dlcrt_cuda_error(context->cu, context->cu->StreamSynchronize(context->stream),
                          "cuStreamSynchronize on CUDA device %d", context->ordinal);
}

/*===-- Modules and launches --------------------------------------------------------------------===*/

struct dlcrt_cuda_function_t {
  CUfunction handle;
  dlcrt_cuda_function_t *next;
  char name[]; /* NUL-terminated */
};

struct dlcrt_cuda_module_t {
  dlcrt_cuda_context_t *context;
  CUmodule handle;
  dlcrt_cuda_function_t *functions; /* looked up so far; freed on unload */
};

/* cubin (ELF), fatbin, or fatbin wrapper: binary images; anything else is taken as PTX text. */
static bool dlcrt_cuda_is_binary_image(const unsigned char *image, size_t size) {
  if (size >= 4 && image[0] == 0x7f && image[1] == 'E' && image[2] == 'L' && image[3] == 'F') return true;
  if (size >= 4) {
    uint32_t magic = (uint32_t)image[0] | (uint32_t)image[1] << 8 | (uint32_t)image[2] << 16 | (uint32_t)image[3] << 24;
    if (magic == 0xBA55ED50u || magic == 0x466243B1u) return true;
  }
  return false;
}

dlcrt_status_t dlcrt_cuda_module_load(dlcrt_cuda_context_t *context, const void *image, size_t image_size,
                                      dlcrt_cuda_module_t **out_module) {
  DLCRT_CUDA_CHECK_ARG(context && image && out_module, "dlcrt_cuda_module_load");
  *out_module = NULL;
  if (image_size == 0) return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "dlcrt_cuda_module_load: empty image");
  bool binary = dlcrt_cuda_is_binary_image(image, image_size);
  char *terminated = NULL; /* a NUL-terminated copy of PTX that came without its terminator */
  if (!binary && !memchr(image, '\0', image_size)) {
    DLCRT_RETURN_IF_ERROR(dlcrt_allocator_malloc(context->allocator, image_size + 1, (void **)&terminated));
    memcpy(terminated, image, image_size);
    image = terminated;
  }
  dlcrt_cuda_module_t *module = NULL;
  dlcrt_status_t status = dlcrt_cuda_enter(context);
  if (!status) status = dlcrt_allocator_malloc(context->allocator, sizeof(*module), (void **)&module);
  if (!status) {
    char what[128];
    snprintf(what, sizeof(what), "cuModuleLoadDataEx(%s, %zu bytes) on CUDA device %d", binary ? "binary" : "PTX",
             image_size, context->ordinal);
    status = dlcrt_cuda_load_image(context->cu, image, -1, what, &module->handle);
  }
  dlcrt_allocator_free(context->allocator, terminated);
  if (status) {
    if (module) dlcrt_allocator_free(context->allocator, module);
    return status;
  }
  module->context = context;
  *out_module = module;
  return dlcrt_ok_status();
}

void dlcrt_cuda_module_unload(dlcrt_cuda_module_t *module) {
  if (!module) return;
  dlcrt_cuda_context_t *context = module->context;
  context->cu->CtxSetCurrent(context->primary);
  context->cu->ModuleUnload(module->handle);
  for (dlcrt_cuda_function_t *f = module->functions, *next; f; f = next) {
    next = f->next;
    dlcrt_allocator_free(context->allocator, f);
  }
  dlcrt_allocator_free(context->allocator, module);
}

dlcrt_status_t dlcrt_cuda_module_get_function(dlcrt_cuda_module_t *module, const char *name,
                                              const dlcrt_cuda_function_t **out_function) {
  DLCRT_CUDA_CHECK_ARG(module && name && out_function, "dlcrt_cuda_module_get_function");
  *out_function = NULL;
  for (dlcrt_cuda_function_t *f = module->functions; f; f = f->next) {
    if (strcmp(f->name, name) == 0) {
      *out_function = f;
      return dlcrt_ok_status();
    }
  }
  dlcrt_cuda_context_t *context = module->context;
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_enter(context));
  CUfunction handle = NULL;
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_error(context->cu, context->cu->ModuleGetFunction(&handle, module->handle, name),
                                         "cuModuleGetFunction(%s) on CUDA device %d", name, context->ordinal));
  size_t len = strlen(name);
  dlcrt_cuda_function_t *function;
  DLCRT_RETURN_IF_ERROR(dlcrt_allocator_malloc(context->allocator, sizeof(*function) + len + 1, (void **)&function));
  function->handle = handle;
  memcpy(function->name, name, len + 1);
  function->next = module->functions;
  module->functions = function;
  *out_function = function;
  return dlcrt_ok_status();
}

const char *dlcrt_cuda_function_name(const dlcrt_cuda_function_t *function) { return function ? function->name : ""; }

dlcrt_status_t dlcrt_cuda_launch(dlcrt_cuda_context_t *context, const dlcrt_cuda_function_t *function,
                                 const dlcrt_cuda_launch_config_t *config, void **args) {
  DLCRT_CUDA_CHECK_ARG(context && function && config, "dlcrt_cuda_launch");
  const uint32_t *g = config->grid, *b = config->block;
  if (!g[0] || !g[1] || !g[2] || !b[0] || !b[1] || !b[2])
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT,
                             "launch of kernel %s: empty grid %ux%ux%u or block %ux%ux%u", function->name, g[0], g[1],
                             g[2], b[0], b[1], b[2]);
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_enter(context));
  CUresult result = context->cu->LaunchKernel(function->handle, g[0], g[1], g[2], b[0], b[1], b[2],
                                              config->shared_memory_bytes, context->stream, args, NULL);
  return dlcrt_cuda_error(
      context->cu, result, "cuLaunchKernel(%s, grid %ux%ux%u, block %ux%ux%u, %u bytes shared) on CUDA device %d",
      function->name, g[0], g[1], g[2], b[0], b[1], b[2], config->shared_memory_bytes, context->ordinal);
}

/*===-- Memory ----------------------------------------------------------------------------------===*/

dlcrt_status_t dlcrt_cuda_malloc(dlcrt_cuda_context_t *context, size_t bytes, dlcrt_cuda_deviceptr_t *out_ptr) {
  DLCRT_CUDA_CHECK_ARG(context && out_ptr, "dlcrt_cuda_malloc");
  *out_ptr = 0;
  if (bytes == 0) return dlcrt_ok_status();
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_enter(context));
  CUdeviceptr ptr = 0;
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_error(context->cu, context->cu->MemAlloc(&ptr, bytes),
                                         "cuMemAlloc(%zu bytes) on CUDA device %d", bytes, context->ordinal));
  *out_ptr = ptr;
  return dlcrt_ok_status();
}

dlcrt_status_t dlcrt_cuda_free(dlcrt_cuda_context_t *context, dlcrt_cuda_deviceptr_t ptr) {
  DLCRT_CUDA_CHECK_ARG(context, "dlcrt_cuda_free");
  if (!ptr) return dlcrt_ok_status();
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_enter(context));
  return dlcrt_cuda_error(context->cu, context->cu->MemFree(ptr), "cuMemFree(0x%llx) on CUDA device %d",
                          (unsigned long long)ptr, context->ordinal);
}

typedef enum { DLCRT_COPY_TO_DEVICE, DLCRT_COPY_TO_HOST, DLCRT_COPY_DEVICE } dlcrt_cuda_copy_kind_t;

/* All copies go through the context's stream, so they are ordered after the work issued on it; the
 * synchronous flavour then waits for the stream (the driver's synchronous cuMemcpy* run on the legacy
 * default stream, which a non-blocking stream does not order against). */
static dlcrt_status_t dlcrt_cuda_copy(dlcrt_cuda_context_t *context, dlcrt_cuda_copy_kind_t kind, void *host,
                                      dlcrt_cuda_deviceptr_t dst, dlcrt_cuda_deviceptr_t src, size_t bytes,
                                      bool synchronous, const char *fn) {
  DLCRT_CUDA_CHECK_ARG(context, fn);
  if (bytes == 0) return dlcrt_ok_status();
  if (synchronous) DLCRT_RETURN_IF_ERROR(dlcrt_cuda_refuse_while_capturing(context, fn));
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_enter(context));
  const dlcrt_cuda_driver_t *cu = context->cu;
  CUresult result;
  const char *call;
  switch (kind) {
    case DLCRT_COPY_TO_DEVICE:
      result = cu->MemcpyHtoDAsync(dst, host, bytes, context->stream);
      call = "cuMemcpyHtoDAsync";
      break;
    case DLCRT_COPY_TO_HOST:
      result = cu->MemcpyDtoHAsync(host, src, bytes, context->stream);
      call = "cuMemcpyDtoHAsync";
      break;
    default:
      result = cu->MemcpyDtoDAsync(dst, src, bytes, context->stream);
      call = "cuMemcpyDtoDAsync";
      break;
  }
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_error(cu, result, "%s(%zu bytes) on CUDA device %d", call, bytes, context->ordinal));
  if (!synchronous) return dlcrt_ok_status();
  return dlcrt_cuda_error(cu, cu->StreamSynchronize(context->stream),
                          "cuStreamSynchronize after %s(%zu bytes) on CUDA device %d", call, bytes, context->ordinal);
}

dlcrt_status_t dlcrt_cuda_copy_to_device(dlcrt_cuda_context_t *context, dlcrt_cuda_deviceptr_t dst, const void *src,
                                         size_t bytes) {
  return dlcrt_cuda_copy(context, DLCRT_COPY_TO_DEVICE, (void *)src, dst, 0, bytes, true, "dlcrt_cuda_copy_to_device");
}
dlcrt_status_t dlcrt_cuda_copy_to_host(dlcrt_cuda_context_t *context, void *dst, dlcrt_cuda_deviceptr_t src,
                                       size_t bytes) {
  return dlcrt_cuda_copy(context, DLCRT_COPY_TO_HOST, dst, 0, src, bytes, true, "dlcrt_cuda_copy_to_host");
}
dlcrt_status_t dlcrt_cuda_copy_device(dlcrt_cuda_context_t *context, dlcrt_cuda_deviceptr_t dst,
                                      dlcrt_cuda_deviceptr_t src, size_t bytes) {
  return dlcrt_cuda_copy(context, DLCRT_COPY_DEVICE, NULL, dst, src, bytes, true, "dlcrt_cuda_copy_device");
}
dlcrt_status_t dlcrt_cuda_copy_to_device_async(dlcrt_cuda_context_t *context, dlcrt_cuda_deviceptr_t dst,
                                               const void *src, size_t bytes) {
  return dlcrt_cuda_copy(context, DLCRT_COPY_TO_DEVICE, (void *)src, dst, 0, bytes, false,
                         "dlcrt_cuda_copy_to_device_async");
}
dlcrt_status_t dlcrt_cuda_copy_to_host_async(dlcrt_cuda_context_t *context, void *dst, dlcrt_cuda_deviceptr_t src,
                                             size_t bytes) {
  return dlcrt_cuda_copy(context, DLCRT_COPY_TO_HOST, dst, 0, src, bytes, false, "dlcrt_cuda_copy_to_host_async");
}
dlcrt_status_t dlcrt_cuda_copy_device_async(dlcrt_cuda_context_t *context, dlcrt_cuda_deviceptr_t dst,
                                            dlcrt_cuda_deviceptr_t src, size_t bytes) {
  return dlcrt_cuda_copy(context, DLCRT_COPY_DEVICE, NULL, dst, src, bytes, false, "dlcrt_cuda_copy_device_async");
}

dlcrt_status_t dlcrt_cuda_memset_d32_async(dlcrt_cuda_context_t *context, dlcrt_cuda_deviceptr_t dst, uint32_t value,
                                           size_t count) {
  DLCRT_CUDA_CHECK_ARG(context, "dlcrt_cuda_memset_d32_async");
  if (count == 0) return dlcrt_ok_status();
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_enter(context));
  return dlcrt_cuda_error(context->cu, context->cu->MemsetD32Async(dst, value, count, context->stream),
                          "cuMemsetD32Async(%zu words) on CUDA device %d", count, context->ordinal);
}

/*===-- Events ----------------------------------------------------------------------------------===*/

struct dlcrt_cuda_event_t {
  dlcrt_cuda_context_t *context;
  CUevent handle;
};

dlcrt_status_t dlcrt_cuda_event_create(dlcrt_cuda_context_t *context, dlcrt_cuda_event_t **out_event) {
  DLCRT_CUDA_CHECK_ARG(context && out_event, "dlcrt_cuda_event_create");
  *out_event = NULL;
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_enter(context));
  CUevent handle = NULL;
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_error(context->cu, context->cu->EventCreate(&handle, CU_EVENT_DEFAULT),
                                         "cuEventCreate on CUDA device %d", context->ordinal));
  dlcrt_cuda_event_t *event;
  dlcrt_status_t status = dlcrt_allocator_malloc(context->allocator, sizeof(*event), (void **)&event);
  if (status) {
    context->cu->EventDestroy(handle);
    return status;
  }
  event->context = context;
  event->handle = handle;
  *out_event = event;
  return dlcrt_ok_status();
}

void dlcrt_cuda_event_destroy(dlcrt_cuda_event_t *event) {
  if (!event) return;
  dlcrt_cuda_context_t *context = event->context;
  context->cu->CtxSetCurrent(context->primary);
  context->cu->EventDestroy(event->handle);
  dlcrt_allocator_free(context->allocator, event);
}

dlcrt_status_t dlcrt_cuda_event_record(dlcrt_cuda_event_t *event) {
  DLCRT_CUDA_CHECK_ARG(event, "dlcrt_cuda_event_record");
  dlcrt_cuda_context_t *context = event->context;
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_enter(context));
  return dlcrt_cuda_error(context->cu, context->cu->EventRecord(event->handle, context->stream),
                          "cuEventRecord on CUDA device %d", context->ordinal);
}

dlcrt_status_t dlcrt_cuda_event_synchronize(dlcrt_cuda_event_t *event) {
  DLCRT_CUDA_CHECK_ARG(event, "dlcrt_cuda_event_synchronize");
  dlcrt_cuda_context_t *context = event->context;
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_enter(context));
  return dlcrt_cuda_error(context->cu, context->cu->EventSynchronize(event->handle),
                          "cuEventSynchronize on CUDA device %d", context->ordinal);
}

dlcrt_status_t dlcrt_cuda_event_elapsed_ms(const dlcrt_cuda_event_t *start, const dlcrt_cuda_event_t *end,
                                           float *out_ms) {
  DLCRT_CUDA_CHECK_ARG(start && end && out_ms, "dlcrt_cuda_event_elapsed_ms");
  *out_ms = 0.0f;
  dlcrt_cuda_context_t *context = start->context;
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_enter(context));
  return dlcrt_cuda_error(context->cu, context->cu->EventElapsedTime(out_ms, start->handle, end->handle),
                          "cuEventElapsedTime on CUDA device %d", context->ordinal);
}

/*===-- CUDA graphs -----------------------------------------------------------------------------===*/

struct dlcrt_cuda_graph_t {
  dlcrt_cuda_context_t *context;
  CUgraphExec exec;
};

dlcrt_status_t dlcrt_cuda_capture_begin(dlcrt_cuda_context_t *context) {
  DLCRT_CUDA_CHECK_ARG(context, "dlcrt_cuda_capture_begin");
  if (context->capturing)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT,
                             "dlcrt_cuda_capture_begin: CUDA device %d's stream is already being captured",
                             context->ordinal);
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_enter(context));
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_error(
      context->cu, context->cu->StreamBeginCapture(context->stream, CU_STREAM_CAPTURE_MODE_THREAD_LOCAL),
      "cuStreamBeginCapture on CUDA device %d", context->ordinal));
  context->capturing = true;
  return dlcrt_ok_status();
}

dlcrt_status_t dlcrt_cuda_capture_end(dlcrt_cuda_context_t *context, dlcrt_cuda_graph_t **out_graph) {
  DLCRT_CUDA_CHECK_ARG(context && out_graph, "dlcrt_cuda_capture_end");
  *out_graph = NULL;
  if (!context->capturing)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT,
                             "dlcrt_cuda_capture_end: CUDA device %d's stream is not being captured", context->ordinal);
  const dlcrt_cuda_driver_t *cu = context->cu;
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_enter(context));
  CUgraph graph = NULL;
  CUresult result = cu->StreamEndCapture(context->stream, &graph);
  context->capturing = false;
  dlcrt_status_t status = dlcrt_cuda_error(cu, result, "cuStreamEndCapture on CUDA device %d", context->ordinal);
  if (status) {
    if (graph) cu->GraphDestroy(graph);
    return status;
  }
  CUgraphExec exec = NULL;
  result = cu->GraphInstantiateWithFlags(&exec, graph, 0);
  cu->GraphDestroy(graph); /* the executable graph does not need its template */
  DLCRT_RETURN_IF_ERROR(
      dlcrt_cuda_error(cu, result, "cuGraphInstantiateWithFlags on CUDA device %d", context->ordinal));
  dlcrt_cuda_graph_t *out;
  status = dlcrt_allocator_malloc(context->allocator, sizeof(*out), (void **)&out);
  if (status) {
    cu->GraphExecDestroy(exec);
    return status;
  }
  out->context = context;
  out->exec = exec;
  *out_graph = out;
  return dlcrt_ok_status();
}

dlcrt_status_t dlcrt_cuda_graph_launch(dlcrt_cuda_graph_t *graph) {
  DLCRT_CUDA_CHECK_ARG(graph, "dlcrt_cuda_graph_launch");
  dlcrt_cuda_context_t *context = graph->context;
  DLCRT_RETURN_IF_ERROR(dlcrt_cuda_enter(context));
  return dlcrt_cuda_error(context->cu, context->cu->GraphLaunch(graph->exec, context->stream),
                          "cuGraphLaunch on CUDA device %d", context->ordinal);
}

void dlcrt_cuda_graph_destroy(dlcrt_cuda_graph_t *graph) {
  if (!graph) return;
  dlcrt_cuda_context_t *context = graph->context;
  context->cu->CtxSetCurrent(context->primary);
  context->cu->GraphExecDestroy(graph->exec);
  dlcrt_allocator_free(context->allocator, graph);
}
