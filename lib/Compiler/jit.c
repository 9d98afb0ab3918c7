/* The JIT (see include/dlc/jit.h): lowers the module with the cpu pipeline (or the cuda one, whose host
 * code launches the kernels through the runtime's mgpu* entry points), hands it to MLIR's
 * ExecutionEngine and calls the function through its packed C interface. With cuda, each program owns
 * a call session (include/dlc/cuda.h, runtime/cuda/call_session.c): inputs are copied (DMA) into the
 * session's cached managed buffers, each call of the function is bracketed by dlcrt_cuda_call_begin/end
 * (one stream, cached allocations, a CUDA graph captured for each input-shape signature and replayed
 * unless options.no_graph), and the results, in session-owned buffers, are copied out after the call's
 * end has synchronised; nothing is freed per call. A replay does not run the host function: it would
 * return the descriptors the captured call returned (kept per program), so the call is staging, one
 * graph launch, one synchronisation and the copy-out.
 *
 * Calling convention (func.func with llvm.emit_c_interface): _mlir_ciface_F(results*, in0*, in1*, ...)
 * where each memref argument is a pointer to a descriptor {allocated, aligned, offset, sizes[r],
 * strides[r]} and the results come back as a struct of such descriptors through the first pointer
 * (absent when F has no results). The packed wrapper takes an array of pointers to each of those
 * arguments. Results are caller-owned: the buffer-deallocation pipeline clones anything the function
 * does not own, so each distinct `allocated` pointer is released with free() after copying out. */
#include "dlc/jit.h"

#include "dlc/cublaslt.h"
#include "dlc/cuda.h"
#include "dlc/jit_support.h"

#include <stdlib.h>
#include <string.h>

#include "dlc/mlir_util.h"
#include "dlc/passes.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/ExecutionEngine.h"

#define DLC_MAX_IO 256

struct dlc_program_t {
  MlirExecutionEngine engine;
  bool cuda; /* buffers crossing the boundary are CUDA managed memory */
  dlcrt_cuda_session_t *session; /* with cuda */
  /* With cuda graphs: the result descriptors the captured call returned, for its signature. A replay
   * returns the same ones (the same cached buffers), so replays skip the host function altogether. */
  int64_t *replay_results;
  size_t replay_words;
  uint64_t replay_signature;
  bool replay_valid;
  void (*entry)(void **args);
  char function[128];
  int32_t num_inputs, num_outputs;
  dlc_value_info_t inputs[DLC_MAX_IO], outputs[DLC_MAX_IO];
};

void dlc_value_info_format(const dlc_value_info_t *info, char *buf, size_t size) {
  size_t at = 0;
  buf[0] = '\0';
  for (int32_t d = 0; d < info->rank && at < size; ++d) {
    if (info->dims[d] < 0) at += (size_t)snprintf(buf + at, size - at, "?x");
    else at += (size_t)snprintf(buf + at, size - at, "%lldx", (long long)info->dims[d]);
  }
  if (at < size) snprintf(buf + at, size - at, "%s", dlcrt_dtype_name(info->dtype));
}

static dlcrt_status_t dlc_value_info_from_type(MlirType type, const char *what, int32_t index, dlc_value_info_t *out) {
  dlc_shape_t s;
  if (!dlc_shape_from_type(type, &s) || dlc_dtype_from_mlir(s.elem) == DLCRT_DTYPE_INVALID) {
    dlc_strbuf_t sb;
    dlc_strbuf_init(&sb);
    dlc_strbuf_append_type(&sb, type);
    dlcrt_status_t st = dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED,
                                          "%s #%d has type %s: only ranked tensors of f32, f64, f16, bf16, i64, i32, "
                                          "i16, i8, ui8 or i1 can cross the function boundary",
                                          what, (int)index, dlc_strbuf_cstr(&sb));
    dlc_strbuf_free(&sb);
    return st;
  }
  out->dtype = dlc_dtype_from_mlir(s.elem);
  out->rank = s.rank;
  for (int32_t d = 0; d < s.rank; ++d) out->dims[d] = s.dims[d] == DLC_DYN ? -1 : s.dims[d];
  return NULL;
}

static bool dlc_is_public_func(MlirOperation op) {
  if (!dlc_sref_eq(mlirIdentifierStr(mlirOperationGetName(op)), "func.func")) return false;
  MlirAttribute vis = mlirOperationGetAttributeByName(op, dlc_sref("sym_visibility"));
  if (!mlirAttributeIsNull(vis) && mlirAttributeIsAString(vis) && !dlc_sref_eq(mlirStringAttrGetValue(vis), "public"))
    return false;
  return mlirRegionIsNull(mlirOperationGetRegion(op, 0)) ? false
                                                         : !mlirBlockIsNull(mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0)));
}

static MlirStringRef dlc_func_name(MlirOperation fn) {
  return mlirStringAttrGetValue(mlirOperationGetAttributeByName(fn, dlc_sref("sym_name")));
}

/* Finds the function to run: by name, else "main", else the only public function. */
static dlcrt_status_t dlc_find_function(MlirModule module, const char *name, MlirOperation *out) {
  MlirOperation only = {NULL}, main_fn = {NULL};
  int publics = 0;
  dlc_strbuf_t names;
  dlc_strbuf_init(&names);
  for (MlirOperation op = mlirBlockGetFirstOperation(mlirModuleGetBody(module)); !mlirOperationIsNull(op);
       op = mlirOperationGetNextInBlock(op)) {
    if (!dlc_is_public_func(op)) continue;
    MlirStringRef fname = dlc_func_name(op);
    if (name && dlc_sref_eq(fname, name)) {
      *out = op;
      dlc_strbuf_free(&names);
      return NULL;
    }
    if (dlc_sref_eq(fname, "main")) main_fn = op;
    only = op;
    ++publics;
    dlc_strbuf_appendf(&names, "%s@%.*s", publics > 1 ? ", " : "", (int)fname.length, fname.data);
  }
  dlcrt_status_t st = NULL;
  if (name) {
    st = dlcrt_make_status(DLCRT_STATUS_NOT_FOUND, "no public function @%s (the module has: %s)", name,
                           publics ? dlc_strbuf_cstr(&names) : "none");
  } else if (!mlirOperationIsNull(main_fn)) {
    *out = main_fn;
  } else if (publics == 1) {
    *out = only;
  } else {
    st = dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT,
                           publics ? "several public functions (%s): choose one with --function=NAME"
                                   : "the module has no public function to run%s",
                           dlc_strbuf_cstr(&names));
  }
  dlc_strbuf_free(&names);
  return st;
}

static dlcrt_status_t dlc_read_signature(MlirOperation fn, dlc_program_t *p) {
  MlirType ft = mlirTypeAttrGetValue(mlirOperationGetAttributeByName(fn, dlc_sref("function_type")));
  intptr_t ni = mlirFunctionTypeGetNumInputs(ft), nr = mlirFunctionTypeGetNumResults(ft);
  if (ni > DLC_MAX_IO || nr > DLC_MAX_IO)
    return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "@%s has more than %d arguments or results", p->function,
                             DLC_MAX_IO);
  p->num_inputs = (int32_t)ni;
  p->num_outputs = (int32_t)nr;
  for (intptr_t i = 0; i < ni; ++i)
    DLCRT_RETURN_IF_ERROR(dlc_value_info_from_type(mlirFunctionTypeGetInput(ft, i), "argument", (int32_t)i, &p->inputs[i]));
  for (intptr_t i = 0; i < nr; ++i)
    DLCRT_RETURN_IF_ERROR(dlc_value_info_from_type(mlirFunctionTypeGetResult(ft, i), "result", (int32_t)i, &p->outputs[i]));
  return NULL;
}

static dlcrt_status_t dlc_lower(MlirModule module, const dlc_compile_options_t *options) {
  MlirPassManager pm = mlirPassManagerCreate(mlirModuleGetContext(module));
  dlc_pipeline_options_t pipeline = {.verify_each = false, .gpu_arch = options->gpu_arch, .no_fusion = options->no_fusion,
                                     .cubin = options->cuda,
                                     .allow_tf32 = options->allow_tf32};
  const char *name = options->cuda ? "cuda" : "cpu";
  dlcrt_status_t st = dlc_pipeline_add_named(mlirModuleGetContext(module), pm, name, &pipeline);
  if (!st && mlirLogicalResultIsFailure(mlirPassManagerRunOnOp(pm, mlirModuleGetOperation(module))))
    st = dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "lowering for the %s failed (see the diagnostics above)",
                           options->cuda ? "GPU" : "CPU");
  mlirPassManagerDestroy(pm);
  return st;
}

dlcrt_status_t dlc_program_compile(MlirModule module, const dlc_compile_options_t *options, dlc_program_t **out) {
  *out = NULL;
  MlirOperation fn = {NULL};
  DLCRT_RETURN_IF_ERROR(dlc_find_function(module, options->function, &fn));
  dlc_program_t *p = calloc(1, sizeof(*p));
  if (!p) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory");
  MlirStringRef fname = dlc_func_name(fn);
  snprintf(p->function, sizeof(p->function), "%.*s", (int)fname.length, fname.data);
  dlcrt_status_t st = dlc_read_signature(fn, p);
  if (!st) {
    mlirOperationSetAttributeByName(fn, dlc_sref("llvm.emit_c_interface"), mlirUnitAttrGet(mlirModuleGetContext(module)));
    st = dlc_lower(module, options);
  }
  if (!st) {
    p->engine = mlirExecutionEngineCreate(module, options->opt_level, 0, NULL, false, false);
    if (mlirExecutionEngineIsNull(p->engine))
      st = dlcrt_make_status(DLCRT_STATUS_INTERNAL, "the JIT could not compile @%s (see the diagnostics above)", p->function);
  }
  if (!st) {
    for (const dlcrt_jit_symbol_t *sym = dlcrt_jit_symbols(); sym->name; ++sym)
      mlirExecutionEngineRegisterSymbol(p->engine, dlc_sref(sym->name), sym->address);
    p->cuda = options->cuda;
    if (p->cuda) { /* the kernels' module is loaded by a global constructor: register, then initialize */
      for (const dlcrt_jit_symbol_t *sym = dlcrt_cuda_jit_symbols(); sym->name; ++sym)
        mlirExecutionEngineRegisterSymbol(p->engine, dlc_sref(sym->name), sym->address);
      for (const dlcrt_jit_symbol_t *sym = dlcrt_cuda_session_jit_symbols(); sym->name; ++sym)
        mlirExecutionEngineRegisterSymbol(p->engine, dlc_sref(sym->name), sym->address);
      for (const dlcrt_jit_symbol_t *sym = dlcrt_cublaslt_jit_symbols(); sym->name; ++sym)
        mlirExecutionEngineRegisterSymbol(p->engine, dlc_sref(sym->name), sym->address);
      mlirExecutionEngineInitialize(p->engine);
      st = dlcrt_cuda_take_error();
      dlcrt_cuda_session_options_t session_options = {
          .graphs = !options->no_graph, .profile = options->profile, .time_calls = true, .verbose = options->verbose};
      if (!st) st = dlcrt_cuda_session_create(&session_options, &p->session);
    }
  }
  if (!st) {
    char iface[160];
    snprintf(iface, sizeof(iface), "_mlir_ciface_%s", p->function);
    void *sym = mlirExecutionEngineLookupPacked(p->engine, dlc_sref(iface));
    if (!sym) st = dlcrt_make_status(DLCRT_STATUS_INTERNAL, "the JIT has no entry point for @%s", p->function);
    else memcpy(&p->entry, &sym, sizeof(sym));
  }
  if (st) {
    dlc_program_destroy(p);
    return st;
  }
  *out = p;
  return NULL;
}

void dlc_program_destroy(dlc_program_t *p) {
  if (!p) return;
  dlcrt_cuda_session_destroy(p->session); /* before the engine, whose destructors unload the kernels */
  free(p->replay_results);
  if (!mlirExecutionEngineIsNull(p->engine)) mlirExecutionEngineDestroy(p->engine);
  free(p);
}

const char *dlc_program_function(const dlc_program_t *p) { return p->function; }
int32_t dlc_program_num_inputs(const dlc_program_t *p) { return p->num_inputs; }
int32_t dlc_program_num_outputs(const dlc_program_t *p) { return p->num_outputs; }
const dlc_value_info_t *dlc_program_input(const dlc_program_t *p, int32_t i) { return &p->inputs[i]; }
const dlc_value_info_t *dlc_program_output(const dlc_program_t *p, int32_t i) { return &p->outputs[i]; }

dlcrt_status_t dlc_program_check_inputs(const dlc_program_t *p, const dlcrt_tensor_t *inputs, int32_t count) {
  if (count != p->num_inputs)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "@%s takes %d input%s, got %d", p->function,
                             (int)p->num_inputs, p->num_inputs == 1 ? "" : "s", (int)count);
  for (int32_t i = 0; i < count; ++i) {
    const dlc_value_info_t *want = &p->inputs[i];
    bool ok = inputs[i].dtype == want->dtype && inputs[i].rank == want->rank;
    for (int32_t d = 0; ok && d < want->rank; ++d) ok = want->dims[d] < 0 || want->dims[d] == inputs[i].shape[d];
    if (!ok) {
      char w[256], g[256];
      dlc_value_info_format(want, w, sizeof(w));
      dlcrt_tensor_format_type(&inputs[i], g, sizeof(g));
      return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "input #%d of @%s: expected %s, got %s", (int)i,
                               p->function, w, g);
    }
  }
  return NULL;
}

/* Descriptor words for a rank-r memref: allocated, aligned, offset, sizes[r], strides[r]. */
static size_t dlc_desc_words(int32_t rank) { return 3 + 2 * (size_t)rank; }

static void dlc_fill_input_desc(int64_t *desc, const dlcrt_tensor_t *t) {
  memcpy(&desc[0], &t->data, sizeof(void *));
  memcpy(&desc[1], &t->data, sizeof(void *));
  desc[2] = 0;
  int64_t stride = 1;
  for (int32_t d = t->rank - 1; d >= 0; --d) {
    desc[3 + d] = t->shape[d];
    desc[3 + t->rank + d] = stride;
    stride *= t->shape[d];
  }
}

/* Copies a (possibly strided) result memref into a new dense tensor. */
/* With cuda (session non-NULL) the elements the descriptor spans are first read into host memory
 * with one DMA copy (the CPU does not touch the device buffer: its pages stay on the device). */
static dlcrt_status_t dlc_copy_out(const int64_t *desc, const dlc_value_info_t *info, dlcrt_tensor_t *out,
                                   dlcrt_cuda_session_t *session) {
  int32_t r = info->rank;
  DLCRT_RETURN_IF_ERROR(dlcrt_tensor_create(dlcrt_allocator_system(), info->dtype, r, &desc[3], out));
  size_t es = dlcrt_dtype_size(info->dtype);
  int64_t n = dlcrt_tensor_element_count(out);
  char *base;
  memcpy(&base, &desc[1], sizeof(void *));
  base += desc[2] * (int64_t)es;
  char *host = NULL;
  if (session && n > 0) {
    int64_t span = 1; /* elements from the first to the last one addressed (strides are >= 0) */
    for (int32_t d = 0; d < r; ++d) span += (desc[3 + d] - 1) * desc[3 + r + d];
    host = malloc((size_t)span * es);
    dlcrt_status_t st = host ? dlcrt_cuda_session_download(session, host, base, (size_t)span * es)
                             : dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory reading a result");
    if (st) {
      free(host);
      dlcrt_tensor_release(out);
      return st;
    }
    base = host;
  }
  int64_t idx[DLCRT_MAX_RANK] = {0};
  for (int64_t i = 0; i < n; ++i) {
    int64_t off = 0;
    for (int32_t d = 0; d < r; ++d) off += idx[d] * desc[3 + r + d];
    memcpy((char *)out->data + i * (int64_t)es, base + off * (int64_t)es, es);
    for (int32_t d = r - 1; d >= 0; --d) {
      if (++idx[d] < desc[3 + d]) break;
      idx[d] = 0;
    }
  }
  free(host);
  return NULL;
}

dlcrt_status_t dlc_program_run(dlc_program_t *p, const dlcrt_tensor_t *inputs, int32_t num_inputs,
                               dlcrt_tensor_t *outputs) {
  DLCRT_RETURN_IF_ERROR(dlc_program_check_inputs(p, inputs, num_inputs));
  size_t in_words = 0, out_words = 0;
  for (int32_t i = 0; i < p->num_inputs; ++i) in_words += dlc_desc_words(p->inputs[i].rank);
  for (int32_t i = 0; i < p->num_outputs; ++i) out_words += dlc_desc_words(p->outputs[i].rank);
  int64_t *words = calloc(in_words + out_words + 1, sizeof(int64_t));
  void **args = calloc((size_t)p->num_inputs * 2 + 2, sizeof(void *));
  if (!words || !args) {
    free(words);
    free(args);
    return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory");
  }
  int64_t *results = words + in_words;
  void **desc_ptrs = args + p->num_inputs + 1; /* storage for the pointers the packed args point at */
  void *results_ptr = results;
  int32_t a = 0;
  if (p->num_outputs > 0) args[a++] = &results_ptr;
  int64_t *at = words;
  dlcrt_status_t st = NULL;
  uint64_t signature = 1469598103934665603ull; /* FNV-1a over the inputs' dtypes and shapes */
  for (int32_t i = 0; i < p->num_inputs; ++i) {
    dlcrt_tensor_t staged = inputs[i];
    if (p->cuda && !st) { /* the session's buffer for input #i: the same pointer every call of a shape */
      size_t bytes = dlcrt_tensor_byte_size(&inputs[i]);
      st = dlcrt_cuda_session_stage(p->session, i, bytes ? bytes : 1, &staged.data);
      if (!st && bytes) st = dlcrt_cuda_session_upload(p->session, staged.data, inputs[i].data, bytes);
      int64_t key[1 + DLCRT_MAX_RANK] = {(int64_t)inputs[i].dtype};
      for (int32_t d = 0; d < inputs[i].rank; ++d) key[1 + d] = inputs[i].shape[d];
      for (size_t b = 0; b < (size_t)(1 + inputs[i].rank) * sizeof(int64_t); ++b)
        signature = (signature ^ ((const unsigned char *)key)[b]) * 1099511628211ull;
    }
    dlc_fill_input_desc(at, &staged);
    desc_ptrs[i] = at;
    args[a++] = &desc_ptrs[i];
    at += dlc_desc_words(p->inputs[i].rank);
  }
  if (!p->cuda) {
    p->entry(args);
  } else {
    /* A call that did not run (capture refused, replay diverged) is made again; the session makes the
     * second attempt direct or a fresh capture, so two retries always suffice. */
    bool rerun = true;
    for (int attempt = 0; attempt < 3 && rerun && !st; ++attempt) {
      dlcrt_cuda_call_mode_t mode = DLCRT_CUDA_CALL_DIRECT;
      st = dlcrt_cuda_call_begin(p->session, signature, &mode);
      if (st) break;
      /* A replay of the captured signature: the host function would only walk the same cached buffers
       * and return the same descriptors (its host-side ownership bookkeeping frees nothing in a call);
       * the graph launched by call_end holds all its device work. */
      bool skip = mode == DLCRT_CUDA_CALL_REPLAY && p->replay_valid && p->replay_signature == signature;
      if (skip) memcpy(results, p->replay_results, out_words * sizeof(int64_t));
      else p->entry(args);
      st = dlcrt_cuda_call_end(p->session, &rerun);
      if (!st && !rerun && mode == DLCRT_CUDA_CALL_CAPTURE) { /* remember what the captured call returned */
        if (p->replay_words < out_words) {
          free(p->replay_results);
          p->replay_results = malloc((out_words ? out_words : 1) * sizeof(int64_t));
          p->replay_words = p->replay_results ? out_words : 0;
        }
        p->replay_valid = p->replay_results != NULL;
        if (p->replay_valid) memcpy(p->replay_results, results, out_words * sizeof(int64_t));
        p->replay_signature = signature;
      } else if (!skip && mode != DLCRT_CUDA_CALL_REPLAY) {
        p->replay_valid = false; /* a direct call or failed capture: the cached buffers may have changed */
      }
    }
    if (!st && rerun) st = dlcrt_make_status(DLCRT_STATUS_INTERNAL, "@%s: the CUDA call did not run after 3 attempts", p->function);
  }
  at = results;
  for (int32_t i = 0; i < p->num_outputs; ++i) {
    if (!st) st = dlc_copy_out(at, &p->outputs[i], &outputs[i], p->cuda ? p->session : NULL);
    at += dlc_desc_words(p->outputs[i].rank);
  }
  /* Release each distinct result buffer once (on the CPU; with cuda the session owns them). */
  at = results;
  for (int32_t i = 0; !p->cuda && i < p->num_outputs; ++i) {
    void *allocated;
    memcpy(&allocated, at, sizeof(void *));
    bool seen = false;
    int64_t *prev = results;
    for (int32_t j = 0; j < i && !seen; ++j) {
      void *other;
      memcpy(&other, prev, sizeof(void *));
      seen = other == allocated;
      prev += dlc_desc_words(p->outputs[j].rank);
    }
    if (!seen) free(allocated);
    at += dlc_desc_words(p->outputs[i].rank);
  }
  if (st)
    for (int32_t i = 0; i < p->num_outputs; ++i) dlcrt_tensor_release(&outputs[i]);
  free(words);
  free(args);
  return st;
}

dlcrt_status_t dlc_program_last_device_ms(const dlc_program_t *p, double *out_ms) {
  *out_ms = 0.0;
  if (!p->cuda) return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "@%s runs on the CPU: no device time", p->function);
  *out_ms = dlcrt_cuda_session_last_call_ms(p->session);
  return NULL;
}

dlcrt_status_t dlc_program_print_profile(const dlc_program_t *p, FILE *out) {
  if (!p->cuda) return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "@%s runs on the CPU: no kernel profile", p->function);
  return dlcrt_cuda_session_print_profile(p->session, out);
}

void dlc_program_cuda_stats(const dlc_program_t *p, dlcrt_cuda_session_stats_t *out) {
  memset(out, 0, sizeof(*out));
  if (p->cuda) dlcrt_cuda_session_stats(p->session, out);
}
