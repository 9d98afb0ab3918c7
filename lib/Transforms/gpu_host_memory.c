/* --dlc-gpu-host-memory: makes the host code of the cuda pipeline free of data movement, so that every
 * byte the model touches is moved by work issued on the call's stream (and so can be captured into a
 * CUDA graph and replayed: host-side copies would run once, at capture time, and never again).
 *
 * In the host functions (outside gpu.module and gpu.launch; it runs before gpu-kernel-outlining):
 *  - memref.alloc becomes `gpu.alloc host_shared` (CUDA managed memory: the kernels, and the host code
 *    that remains - the deallocation pipeline's ownership flags and the result copy-out - reach it);
 *    at run time the allocations of a call come from the program's allocation cache (runtime/cuda/
 *    call_session.c), so they cost nothing after the first call;
 *  - memref.dealloc becomes an asynchronous gpu.dealloc between two gpu.wait (the form gpu-to-llvm
 *    lowers to mgpuMemFree; a no-op on cached buffers);
 *  - memref.get_global (constants live in host memory) becomes a call to the runtime's
 *    `dlcrt_gpu_constant_<elem>_<rank>` (C interface: the global's descriptor, its rank and element size
 *    in, a descriptor of a device-resident copy out), which uploads each global once per process and
 *    returns the cached copy afterwards;
 *  - memref.copy becomes device work: between identity-layout buffers of the same shape an asynchronous
 *    gpu.memcpy (cuMemcpyAsync on the call stream), otherwise (strided views) a call to a generated
 *    function holding a one-thread-per-element gpu.launch that kernel outlining turns into a kernel;
 *  - before every gpu.launch, a call `dlcrt_profile_next_launch_bytes(i64)` with the bytes of the memrefs
 *    the launch reads or writes (static sizes, memref.dim for dynamic ones): --profile divides them by
 *    the kernel's time (a store of a thread-local; it costs nothing measurable next to a launch). */
#include <stdio.h>
#include <string.h>

#include "dlc/mlir_util.h"
#include "dlc/passes.h"
#include "mlir-c/AffineMap.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Diagnostics.h"
#include "mlir-c/Dialect/GPU.h"

#define DLC_HOST_MEMORY_MAX_OPS 8192

typedef struct dlc_host_memory_t {
  MlirOperation ops[DLC_HOST_MEMORY_MAX_OPS];
  int count;
  bool overflow;
} dlc_host_memory_t;

static bool dlc_named(MlirOperation op, const char *name) {
  return dlc_sref_eq(mlirIdentifierStr(mlirOperationGetName(op)), name);
}

static bool dlc_push(dlc_host_memory_t *h, MlirOperation op) {
  if (h->count == DLC_HOST_MEMORY_MAX_OPS) {
    h->overflow = true;
    return false;
  }
  h->ops[h->count++] = op;
  return true;
}

static MlirWalkResult dlc_collect_memory_ops(MlirOperation op, void *user_data) {
  dlc_host_memory_t *h = user_data;
  if (dlc_named(op, "gpu.module") || dlc_named(op, "gpu.launch")) return MlirWalkResultSkip; /* device code */
  if (dlc_named(op, "memref.alloc") || dlc_named(op, "memref.dealloc") || dlc_named(op, "memref.get_global") ||
      dlc_named(op, "memref.copy"))
    if (!dlc_push(h, op)) return MlirWalkResultInterrupt;
  return MlirWalkResultAdvance;
}

static MlirWalkResult dlc_collect_launches(MlirOperation op, void *user_data) {
  dlc_host_memory_t *h = user_data;
  if (dlc_named(op, "gpu.module")) return MlirWalkResultSkip;
  if (dlc_named(op, "gpu.launch")) return dlc_push(h, op) ? MlirWalkResultSkip : MlirWalkResultInterrupt;
  return MlirWalkResultAdvance;
}

static MlirOperation dlc_build(const char *name, MlirLocation loc, intptr_t nops, MlirValue *ops, intptr_t nres,
                               MlirType *res, intptr_t nattrs, MlirNamedAttribute *attrs) {
  MlirOperationState st = mlirOperationStateGet(dlc_sref(name), loc);
  mlirOperationStateAddOperands(&st, nops, ops);
  mlirOperationStateAddResults(&st, nres, res);
  mlirOperationStateAddAttributes(&st, nattrs, attrs);
  return mlirOperationCreate(&st);
}

/* Builds an op before `before` and returns its first result (or a null value when it has none). */
static MlirValue dlc_insert(MlirOperation before, const char *name, intptr_t nops, MlirValue *ops, intptr_t nres,
                            MlirType *res, intptr_t nattrs, MlirNamedAttribute *attrs) {
  MlirOperation op = dlc_build(name, mlirOperationGetLocation(before), nops, ops, nres, res, nattrs, attrs);
  mlirBlockInsertOwnedOperationBefore(mlirOperationGetBlock(before), before, op);
  return nres ? mlirOperationGetResult(op, 0) : (MlirValue){NULL};
}

static MlirValue dlc_constant(MlirOperation before, MlirType type, int64_t value) {
  MlirContext ctx = mlirOperationGetContext(before);
  MlirNamedAttribute attr =
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("value")), mlirIntegerAttrGet(type, value));
  return dlc_insert(before, "arith.constant", 0, NULL, 1, &type, 1, &attr);
}

/* `gpu.alloc host_shared (dynamic sizes) : type`, inserted before `before`. */
static MlirValue dlc_managed_alloc(MlirOperation before, MlirType type, intptr_t ndyn, MlirValue *dyn) {
  MlirContext ctx = mlirOperationGetContext(before);
  int32_t segments[3] = {0, (int32_t)ndyn, 0};
  MlirNamedAttribute attrs[2] = {
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("hostShared")), mlirUnitAttrGet(ctx)),
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("operandSegmentSizes")), mlirDenseI32ArrayGet(ctx, 3, segments)),
  };
  return dlc_insert(before, "gpu.alloc", ndyn, dyn, 1, &type, 2, attrs);
}

/* gpu.wait async -> `op` async [token] operands -> gpu.wait, inserted before `before`. */
static void dlc_async_between_waits(MlirOperation before, const char *op, MlirValue a, MlirValue b, bool two) {
  MlirType token = mlirGPUAsyncTokenTypeGet(mlirOperationGetContext(before));
  MlirValue operands[3] = {dlc_insert(before, "gpu.wait", 0, NULL, 1, &token, 0, NULL), a, b};
  MlirValue done = dlc_insert(before, op, two ? 3 : 2, operands, 1, &token, 0, NULL);
  dlc_insert(before, "gpu.wait", 1, &done, 0, NULL, 0, NULL);
}

static bool dlc_identity_layout(MlirType memref) {
  MlirAttribute layout = mlirMemRefTypeGetLayout(memref);
  return mlirAttributeIsNull(layout) ||
         (mlirAttributeIsAAffineMap(layout) && mlirAffineMapIsIdentity(mlirAffineMapAttrGetValue(layout)));
}

/* Bytes of one element as memrefs store it (i1 takes a byte); 0 when unknown. */
static int64_t dlc_element_bytes(MlirType elem) {
  unsigned bits = 0;
  if (mlirTypeIsAInteger(elem)) bits = mlirIntegerTypeGetWidth(elem);
  else if (mlirTypeIsAIndex(elem)) bits = 64;
  else if (mlirTypeIsAFloat(elem)) bits = mlirFloatTypeGetWidth(elem);
  return (int64_t)(bits + 7) / 8;
}

/* Whether the module already has a top-level symbol `name`. */
static bool dlc_has_symbol(MlirOperation module, const char *name) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  for (MlirOperation op = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    MlirAttribute sym = mlirOperationGetAttributeByName(op, dlc_sref("sym_name"));
    if (!mlirAttributeIsNull(sym) && mlirAttributeIsAString(sym) && dlc_sref_eq(mlirStringAttrGetValue(sym), name))
      return true;
  }
  return false;
}

/* Parses one top-level op from `text` and appends it to the module. */
static bool dlc_append_parsed(MlirOperation module, const char *text) {
  MlirOperation op = mlirOperationCreateParse(mlirOperationGetContext(module), dlc_sref(text), dlc_sref("dlc-gpu-host-memory"));
  if (mlirOperationIsNull(op)) return false;
  mlirBlockAppendOwnedOperation(mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0)), op);
  return true;
}

/* The element types the runtime registers `dlcrt_gpu_constant_<elem>_<rank>` for (runtime/cuda/gpu_constants.c). */
static bool dlc_constant_elem_supported(const char *elem) {
  static const char *const known[] = {"f16", "bf16", "f32", "f64", "i1", "i8", "i16", "i32", "i64", "ui8", "index", NULL};
  for (int i = 0; known[i]; ++i)
    if (strcmp(elem, known[i]) == 0) return true;
  return false;
}

/* memref.get_global -> cast to dynamic sizes, call the runtime's constant cache, cast back. */
static bool dlc_rewrite_get_global(MlirOperation op, MlirOperation module) {
  MlirContext ctx = mlirOperationGetContext(op);
  MlirValue global = mlirOperationGetResult(op, 0);
  MlirType type = mlirValueGetType(global);
  intptr_t rank = mlirShapedTypeGetRank(type);
  MlirType elem = mlirShapedTypeGetElementType(type);
  dlc_strbuf_t elem_name, text;
  dlc_strbuf_init(&elem_name);
  dlc_strbuf_init(&text);
  dlc_strbuf_append_type(&elem_name, elem);
  bool ok = dlc_identity_layout(type) && rank <= 8 && dlc_constant_elem_supported(dlc_strbuf_cstr(&elem_name));
  if (!ok) {
    mlirEmitError(mlirOperationGetLocation(op),
                  "dlc-gpu-host-memory: no device constant entry for a global of this type (identity layout, rank "
                  "<= 8 and f16, bf16, f32, f64, i1, i8, i16, i32, i64, ui8 or index elements expected)");
    dlc_strbuf_free(&elem_name);
    dlc_strbuf_free(&text);
    return false;
  }
  int64_t dyn[8];
  for (intptr_t d = 0; d < rank; ++d) dyn[d] = mlirShapedTypeGetDynamicSize();
  MlirType dyn_type = mlirMemRefTypeContiguousGet(elem, rank, dyn, mlirAttributeGetNull());
  char name[96];
  snprintf(name, sizeof(name), "dlcrt_gpu_constant_%s_%d", dlc_strbuf_cstr(&elem_name), (int)rank);
  if (!dlc_has_symbol(module, name)) {
    dlc_strbuf_appendf(&text, "func.func private @%s(", name);
    dlc_strbuf_append_type(&text, dyn_type);
    dlc_strbuf_append(&text, ", i64, i64) -> ");
    dlc_strbuf_append_type(&text, dyn_type);
    dlc_strbuf_append(&text, " attributes {llvm.emit_c_interface}");
    ok = dlc_append_parsed(module, dlc_strbuf_cstr(&text));
  }
  dlc_strbuf_free(&elem_name);
  dlc_strbuf_free(&text);
  if (!ok) {
    mlirEmitError(mlirOperationGetLocation(op), "dlc-gpu-host-memory: could not declare the device constant entry");
    return false;
  }
  MlirOperation next = mlirOperationGetNextInBlock(op);
  MlirType i64 = mlirIntegerTypeGet(ctx, 64);
  MlirValue args[3] = {dlc_insert(next, "memref.cast", 1, &global, 1, &dyn_type, 0, NULL), dlc_constant(next, i64, rank),
                       dlc_constant(next, i64, dlc_element_bytes(elem))};
  MlirNamedAttribute callee =
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("callee")), mlirFlatSymbolRefAttrGet(ctx, dlc_sref(name)));
  MlirValue device = dlc_insert(next, "func.call", 3, args, 1, &dyn_type, 1, &callee);
  MlirOperation cast = dlc_build("memref.cast", mlirOperationGetLocation(op), 1, &device, 1, &type, 0, NULL);
  mlirBlockInsertOwnedOperationBefore(mlirOperationGetBlock(next), next, cast);
  MlirValue replacement = mlirOperationGetResult(cast, 0);
  /* every use but the first cast's */
  mlirValueReplaceAllUsesOfWith(global, replacement);
  mlirOperationSetOperand(mlirOpResultGetOwner(args[0]), 0, global);
  return true;
}

/* A private function `@name(%src: SRC, %dst: DST)` copying element by element in one gpu.launch of
 * 256-thread blocks (one thread per element, the linear index split over the dims). */
static bool dlc_append_copy_kernel(MlirOperation module, const char *name, MlirType src, MlirType dst) {
  intptr_t rank = mlirShapedTypeGetRank(src);
  dlc_strbuf_t t, s, d;
  dlc_strbuf_init(&t);
  dlc_strbuf_init(&s);
  dlc_strbuf_init(&d);
  dlc_strbuf_append_type(&s, src);
  dlc_strbuf_append_type(&d, dst);
  const char *S = dlc_strbuf_cstr(&s), *D = dlc_strbuf_cstr(&d);
  dlc_strbuf_appendf(&t, "func.func private @%s(%%src: %s, %%dst: %s) {\n", name, S, D);
  dlc_strbuf_append(&t, "  %c0 = arith.constant 0 : index\n  %c1 = arith.constant 1 : index\n"
                        "  %c255 = arith.constant 255 : index\n  %c256 = arith.constant 256 : index\n"
                        "  %n_init = arith.constant 1 : index\n");
  for (intptr_t i = 0; i < rank; ++i) {
    dlc_strbuf_appendf(&t, "  %%k%d = arith.constant %d : index\n  %%d%d = memref.dim %%src, %%k%d : %s\n", (int)i,
                       (int)i, (int)i, (int)i, S);
    if (i == 0) dlc_strbuf_append(&t, "  %n0 = arith.muli %n_init, %d0 : index\n");
    else dlc_strbuf_appendf(&t, "  %%n%d = arith.muli %%n%d, %%d%d : index\n", (int)i, (int)i - 1, (int)i);
  }
  if (rank == 0) dlc_strbuf_append(&t, "  %n = arith.addi %n_init, %c0 : index\n");
  else dlc_strbuf_appendf(&t, "  %%n = arith.addi %%n%d, %%c0 : index\n", (int)rank - 1);
  dlc_strbuf_append(&t, "  %nonempty = arith.cmpi ugt, %n, %c0 : index\n  scf.if %nonempty {\n"
                        "    %up = arith.addi %n, %c255 : index\n    %blocks = arith.divui %up, %c256 : index\n"
                        "    gpu.launch blocks(%bx, %by, %bz) in (%gx = %blocks, %gy = %c1, %gz = %c1) "
                        "threads(%tx, %ty, %tz) in (%sx = %c256, %sy = %c1, %sz = %c1) {\n"
                        "      %base = arith.muli %bx, %c256 : index\n      %id = arith.addi %base, %tx : index\n"
                        "      %in = arith.cmpi ult, %id, %n : index\n      scf.if %in {\n");
  dlc_strbuf_append(&t, "        %r_last = arith.addi %id, %c0 : index\n");
  char rest[32] = "%r_last";
  for (intptr_t i = rank - 1; i >= 0; --i) {
    dlc_strbuf_appendf(&t, "        %%i%d = arith.remui %s, %%d%d : index\n", (int)i, rest, (int)i);
    dlc_strbuf_appendf(&t, "        %%q%d = arith.divui %s, %%d%d : index\n", (int)i, rest, (int)i);
    snprintf(rest, sizeof(rest), "%%q%d", (int)i);
  }
  dlc_strbuf_append(&t, "        %v = memref.load %src[");
  for (intptr_t i = 0; i < rank; ++i) dlc_strbuf_appendf(&t, "%s%%i%d", i ? ", " : "", (int)i);
  dlc_strbuf_appendf(&t, "] : %s\n        memref.store %%v, %%dst[", S);
  for (intptr_t i = 0; i < rank; ++i) dlc_strbuf_appendf(&t, "%s%%i%d", i ? ", " : "", (int)i);
  dlc_strbuf_appendf(&t, "] : %s\n      }\n      gpu.terminator\n    }\n  }\n  return\n}\n", D);
  bool ok = dlc_strbuf_status(&t) == NULL && dlc_append_parsed(module, dlc_strbuf_cstr(&t));
  dlc_strbuf_free(&t);
  dlc_strbuf_free(&s);
  dlc_strbuf_free(&d);
  return ok;
}

static bool dlc_same_shape(MlirType a, MlirType b) {
  intptr_t rank = mlirShapedTypeGetRank(a);
  if (rank != mlirShapedTypeGetRank(b)) return false;
  for (intptr_t i = 0; i < rank; ++i)
    if (mlirShapedTypeGetDimSize(a, i) != mlirShapedTypeGetDimSize(b, i)) return false;
  return true;
}

/* memref.copy -> gpu.memcpy (contiguous, same shape) or a call to a generated copy kernel. */
static bool dlc_rewrite_copy(MlirOperation op, MlirOperation module, int *kernels) {
  MlirValue src = mlirOperationGetOperand(op, 0), dst = mlirOperationGetOperand(op, 1);
  MlirType st = mlirValueGetType(src), dt = mlirValueGetType(dst);
  if (!mlirTypeIsAMemRef(st) || !mlirTypeIsAMemRef(dt)) {
    mlirEmitError(mlirOperationGetLocation(op), "dlc-gpu-host-memory: memref.copy of unranked memrefs is not supported");
    return false;
  }
  if (dlc_identity_layout(st) && dlc_identity_layout(dt) && dlc_same_shape(st, dt)) {
    dlc_async_between_waits(op, "gpu.memcpy", dst, src, true);
    mlirOperationDestroy(op);
    return true;
  }
  char name[64];
  do snprintf(name, sizeof(name), "dlc_strided_copy_%d", (*kernels)++);
  while (dlc_has_symbol(module, name));
  if (!dlc_append_copy_kernel(module, name, st, dt)) {
    mlirEmitError(mlirOperationGetLocation(op), "dlc-gpu-host-memory: could not build the strided copy kernel");
    return false;
  }
  MlirContext ctx = mlirOperationGetContext(op);
  MlirNamedAttribute callee =
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("callee")), mlirFlatSymbolRefAttrGet(ctx, dlc_sref(name)));
  MlirValue args[2] = {src, dst};
  dlc_insert(op, "func.call", 2, args, 0, NULL, 1, &callee);
  mlirOperationDestroy(op);
  return true;
}

static bool dlc_rewrite_op(MlirOperation op, MlirOperation module, int *kernels) {
  if (dlc_named(op, "memref.dealloc")) {
    dlc_async_between_waits(op, "gpu.dealloc", mlirOperationGetOperand(op, 0), (MlirValue){NULL}, false);
    mlirOperationDestroy(op);
    return true;
  }
  if (dlc_named(op, "memref.copy")) return dlc_rewrite_copy(op, module, kernels);
  if (dlc_named(op, "memref.get_global")) return dlc_rewrite_get_global(op, module);
  MlirValue old = mlirOperationGetResult(op, 0); /* memref.alloc */
  MlirValue dyn[16];
  intptr_t n = mlirOperationGetNumOperands(op);
  for (intptr_t i = 0; i < n && i < 16; ++i) dyn[i] = mlirOperationGetOperand(op, i);
  mlirValueReplaceAllUsesOfWith(old, dlc_managed_alloc(op, mlirValueGetType(old), n < 16 ? n : 16, dyn));
  mlirOperationDestroy(op);
  return true;
}

/*===-- Bytes moved per launch, for --profile ---------------------------------------------------===*/

/* Whether `op` is `ancestor` or nested in it. */
static bool dlc_is_within(MlirOperation op, MlirOperation ancestor) {
  for (; !mlirOperationIsNull(op); op = mlirOperationGetParentOperation(op))
    if (mlirOperationEqual(op, ancestor)) return true;
  return false;
}

typedef struct dlc_captures_t {
  MlirOperation launch;
  MlirValue values[256];
  int count;
} dlc_captures_t;

/* Collects the memrefs defined outside the launch that ops inside it use. */
static MlirWalkResult dlc_collect_captures(MlirOperation op, void *user_data) {
  dlc_captures_t *c = user_data;
  for (intptr_t i = 0; i < mlirOperationGetNumOperands(op); ++i) {
    MlirValue v = mlirOperationGetOperand(op, i);
    if (!mlirTypeIsAMemRef(mlirValueGetType(v))) continue;
    MlirOperation def = mlirValueIsAOpResult(v) ? mlirOpResultGetOwner(v)
                                                : mlirBlockGetParentOperation(mlirBlockArgumentGetOwner(v));
    if (dlc_is_within(def, c->launch)) continue;
    bool seen = false;
    for (int k = 0; k < c->count && !seen; ++k) seen = mlirValueEqual(c->values[k], v);
    if (!seen && c->count < 256) c->values[c->count++] = v;
  }
  return MlirWalkResultAdvance;
}

static void dlc_insert_launch_bytes(MlirOperation launch) {
  MlirContext ctx = mlirOperationGetContext(launch);
  dlc_captures_t c = {.launch = launch, .count = 0};
  mlirOperationWalk(launch, dlc_collect_captures, &c, MlirWalkPreOrder);
  MlirType index = mlirIndexTypeGet(ctx), i64 = mlirIntegerTypeGet(ctx, 64);
  int64_t static_bytes = 0;
  MlirValue dynamic = {NULL};
  for (int k = 0; k < c.count; ++k) {
    MlirType t = mlirValueGetType(c.values[k]);
    int64_t bytes = dlc_element_bytes(mlirShapedTypeGetElementType(t));
    MlirValue scaled = {NULL};
    for (intptr_t d = 0; d < mlirShapedTypeGetRank(t); ++d) {
      if (!mlirShapedTypeIsDynamicDim(t, d)) {
        bytes *= mlirShapedTypeGetDimSize(t, d);
        continue;
      }
      MlirValue dim_operands[2] = {c.values[k], dlc_constant(launch, index, d)};
      MlirValue dim = dlc_insert(launch, "memref.dim", 2, dim_operands, 1, &index, 0, NULL);
      MlirValue mul[2] = {scaled, dim};
      scaled = mlirValueIsNull(scaled) ? dim : dlc_insert(launch, "arith.muli", 2, mul, 1, &index, 0, NULL);
    }
    if (mlirValueIsNull(scaled)) {
      static_bytes += bytes;
      continue;
    }
    MlirValue mul[2] = {scaled, dlc_constant(launch, index, bytes)};
    scaled = dlc_insert(launch, "arith.muli", 2, mul, 1, &index, 0, NULL);
    MlirValue add[2] = {dynamic, scaled};
    dynamic = mlirValueIsNull(dynamic) ? scaled : dlc_insert(launch, "arith.addi", 2, add, 1, &index, 0, NULL);
  }
  MlirValue total = dlc_constant(launch, i64, static_bytes);
  if (!mlirValueIsNull(dynamic)) {
    MlirValue as_i64 = dlc_insert(launch, "arith.index_cast", 1, &dynamic, 1, &i64, 0, NULL);
    MlirValue add[2] = {total, as_i64};
    total = dlc_insert(launch, "arith.addi", 2, add, 1, &i64, 0, NULL);
  }
  MlirNamedAttribute callee = mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("callee")),
                                                    mlirFlatSymbolRefAttrGet(ctx, dlc_sref("dlcrt_profile_next_launch_bytes")));
  dlc_insert(launch, "func.call", 1, &total, 0, NULL, 1, &callee);
}

static bool dlc_is_host_function(MlirOperation fn) {
  return dlc_named(fn, "func.func") && !mlirRegionIsNull(mlirOperationGetRegion(fn, 0)) &&
         !mlirBlockIsNull(mlirRegionGetFirstBlock(mlirOperationGetRegion(fn, 0)));
}

bool dlc_run_gpu_host_memory(MlirOperation module) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  static dlc_host_memory_t h; /* large: not on the stack (passes run one at a time per module) */
  int kernels = 0;
  for (MlirOperation fn = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(fn); fn = mlirOperationGetNextInBlock(fn)) {
    if (!dlc_is_host_function(fn)) continue;
    h.count = 0;
    h.overflow = false;
    mlirOperationWalk(fn, dlc_collect_memory_ops, &h, MlirWalkPreOrder);
    if (h.overflow) {
      mlirEmitError(mlirOperationGetLocation(fn), "dlc-gpu-host-memory: more than 8192 memory ops in one function");
      return false;
    }
    for (int i = 0; i < h.count; ++i)
      if (!dlc_rewrite_op(h.ops[i], module, &kernels)) return false;
  }
  /* The bytes of every launch, including those of the copy kernels just added. */
  bool any = false;
  for (MlirOperation fn = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(fn); fn = mlirOperationGetNextInBlock(fn)) {
    if (!dlc_is_host_function(fn)) continue;
    h.count = 0;
    h.overflow = false;
    mlirOperationWalk(fn, dlc_collect_launches, &h, MlirWalkPreOrder);
    if (h.overflow) {
      mlirEmitError(mlirOperationGetLocation(fn), "dlc-gpu-host-memory: more than 8192 launches in one function");
      return false;
    }
    for (int i = 0; i < h.count; ++i) dlc_insert_launch_bytes(h.ops[i]);
    any = any || h.count > 0;
  }
  if (any && !dlc_has_symbol(module, "dlcrt_profile_next_launch_bytes") &&
      !dlc_append_parsed(module, "func.func private @dlcrt_profile_next_launch_bytes(i64)")) {
    mlirEmitError(mlirOperationGetLocation(module), "dlc-gpu-host-memory: could not declare dlcrt_profile_next_launch_bytes");
    return false;
  }
  return true;
}
