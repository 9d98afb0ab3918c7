/* --dlc-plan-memory: one arena per function, offsets fixed at compile time from liveness. Runs on
 * bufferized IR. Every memref.alloc of the function body with a static shape and identity layout
 * that does not escape (returned, passed to a call, or its base buffer taken) gets a live interval: from the alloc to the
 * last op that uses it or any view of it (subview, cast, expand/collapse_shape, reinterpret_cast,
 * view, transpose). Buffers are placed first-fit, largest first, so that buffers whose intervals
 * overlap never share bytes; each alloc becomes a memref.view into one 64-byte-aligned arena
 * allocated at the top of the function and freed before it returns, and the buffers' deallocs go.
 * (buffer-deallocation-pipeline frees at the end of the block, so deallocs say nothing about
 * liveness; uses do.) The plan is recorded as `dlc.memory_plan` on the function. Buffers with
 * dynamic shapes stay separate allocations. */
#include <stdlib.h>
#include <string.h>

#include "dlc/mlir_util.h"
#include "dlc/passes.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#define DLC_ARENA_ALIGN 64

typedef struct dlc_buffer_t {
  MlirOperation alloc;
  int64_t bytes, offset;
  int first, last; /* positions in the function body */
} dlc_buffer_t;

typedef struct dlc_plan_t {
  MlirBlock body;
  MlirOperation *ops; /* body ops in order; position = index */
  int num_ops;
  dlc_buffer_t *buffers;
  int num_buffers;
} dlc_plan_t;

static bool dlc_named(MlirOperation op, const char *name) {
  return dlc_sref_eq(mlirIdentifierStr(mlirOperationGetName(op)), name);
}

static bool dlc_is_view_like(MlirOperation op) {
  static const char *const views[] = {"memref.subview", "memref.cast", "memref.expand_shape", "memref.collapse_shape",
                                      "memref.reinterpret_cast", "memref.view", "memref.transpose", NULL};
  for (int i = 0; views[i]; ++i)
    if (dlc_named(op, views[i])) return true;
  return false;
}

/* Position of the top-level body op that contains `op`, or -1. */
static int dlc_position(const dlc_plan_t *p, MlirOperation op) {
  while (!mlirOperationIsNull(op) && !mlirBlockEqual(mlirOperationGetBlock(op), p->body)) op = mlirOperationGetParentOperation(op);
  if (mlirOperationIsNull(op)) return -1;
  for (int i = 0; i < p->num_ops; ++i)
    if (mlirOperationEqual(p->ops[i], op)) return i;
  return -1;
}

/* The last position using `v` or a view of it; -1 when the buffer escapes. */
static int dlc_last_use(const dlc_plan_t *p, MlirValue v, int last) {
  for (MlirOpOperand use = mlirValueGetFirstUse(v); !mlirOpOperandIsNull(use); use = mlirOpOperandGetNextUse(use)) {
    MlirOperation owner = mlirOpOperandGetOwner(use);
    /* Escapes: returned, handed to a callee, or its base buffer taken (ownership-based deallocation
     * frees extract_strided_metadata's base buffer, which for a view would be the whole arena). */
    if (dlc_named(owner, "func.return") || dlc_named(owner, "func.call") ||
        dlc_named(owner, "memref.extract_strided_metadata"))
      return -1;
    if (dlc_named(owner, "memref.dealloc")) continue;
    int pos = dlc_position(p, owner);
    if (pos < 0) return -1;
    if (pos > last) last = pos;
    if (dlc_is_view_like(owner)) {
      last = dlc_last_use(p, mlirOperationGetResult(owner, 0), last);
      if (last < 0) return -1;
    }
  }
  return last;
}

/* Bytes of a static, identity-layout memref in the default memory space; -1 otherwise. */
static int64_t dlc_static_bytes(MlirType t) {
  if (!mlirTypeIsAMemRef(t) || !mlirShapedTypeHasStaticShape(t)) return -1;
  if (!mlirAttributeIsNull(mlirMemRefTypeGetMemorySpace(t))) return -1;
  if (!mlirAffineMapIsIdentity(mlirMemRefTypeGetAffineMap(t))) return -1;
  MlirType elem = mlirShapedTypeGetElementType(t);
  int64_t bits = -1;
  if (mlirTypeIsAInteger(elem)) bits = (int64_t)mlirIntegerTypeGetWidth(elem);
  else if (mlirTypeIsAF64(elem)) bits = 64;
  else if (mlirTypeIsAF32(elem)) bits = 32;
  else if (mlirTypeIsAF16(elem) || mlirTypeIsABF16(elem)) bits = 16;
  if (bits <= 0) return -1;
  int64_t n = 1;
  for (int64_t d = 0; d < mlirShapedTypeGetRank(t); ++d) n *= mlirShapedTypeGetDimSize(t, d);
  int64_t bytes = n * ((bits + 7) / 8);
  return (bytes + DLC_ARENA_ALIGN - 1) / DLC_ARENA_ALIGN * DLC_ARENA_ALIGN;
}

/* Largest first; equal sizes in program order, so the plan (and the printed IR) is deterministic. */
static int dlc_by_size_desc(const void *a, const void *b) {
  const dlc_buffer_t *x = a, *y = b;
  if (x->bytes != y->bytes) return (x->bytes < y->bytes) - (x->bytes > y->bytes);
  return (x->first > y->first) - (x->first < y->first);
}

/* First fit: the lowest offset at which `b` overlaps no already placed buffer live at the same time. */
static int64_t dlc_place(const dlc_buffer_t *placed, int n, const dlc_buffer_t *b) {
  int64_t offset = 0;
  for (bool moved = true; moved;) {
    moved = false;
    for (int i = 0; i < n; ++i) {
      const dlc_buffer_t *o = &placed[i];
      bool live_together = o->first <= b->last && b->first <= o->last;
      bool bytes_overlap = o->offset < offset + b->bytes && offset < o->offset + o->bytes;
      if (live_together && bytes_overlap) {
        offset = o->offset + o->bytes;
        moved = true;
      }
    }
  }
  return offset;
}

static MlirOperation dlc_create(const char *name, MlirLocation loc, int nops, MlirValue *ops, MlirType result,
                                int nattrs, MlirNamedAttribute *attrs) {
  MlirOperationState st = mlirOperationStateGet(dlc_sref(name), loc);
  mlirOperationStateAddOperands(&st, nops, ops);
  mlirOperationStateAddResults(&st, 1, &result);
  mlirOperationStateAddAttributes(&st, nattrs, attrs);
  return mlirOperationCreate(&st);
}

/* Rewrites the planned allocs into views of one arena. */
static void dlc_rewrite(dlc_plan_t *p, MlirOperation fn, int64_t arena_bytes) {
  MlirContext ctx = mlirOperationGetContext(fn);
  MlirLocation loc = mlirOperationGetLocation(fn);
  MlirType i8 = mlirIntegerTypeGet(ctx, 8), index = mlirIndexTypeGet(ctx);
  MlirType arena_type = mlirMemRefTypeContiguousGet(i8, 1, &arena_bytes, mlirAttributeGetNull());
  int32_t segments[2] = {0, 0};
  MlirNamedAttribute alloc_attrs[2] = {
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("alignment")),
                            mlirIntegerAttrGet(mlirIntegerTypeGet(ctx, 64), DLC_ARENA_ALIGN)),
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("operandSegmentSizes")), mlirDenseI32ArrayGet(ctx, 2, segments)),
  };
  MlirOperation arena = dlc_create("memref.alloc", loc, 0, NULL, arena_type, 2, alloc_attrs);
  mlirBlockInsertOwnedOperationBefore(p->body, mlirBlockGetFirstOperation(p->body), arena);
  MlirOperation anchor = arena; /* new ops go after the arena, in order; planned allocs may be first */
  for (int i = 0; i < p->num_buffers; ++i) {
    dlc_buffer_t *b = &p->buffers[i];
    MlirNamedAttribute value =
        mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("value")), mlirIntegerAttrGet(index, b->offset));
    MlirOperation offset = dlc_create("arith.constant", loc, 0, NULL, index, 1, &value);
    mlirBlockInsertOwnedOperationAfter(p->body, anchor, offset);
    MlirValue operands[2] = {mlirOperationGetResult(arena, 0), mlirOperationGetResult(offset, 0)};
    MlirValue old = mlirOperationGetResult(b->alloc, 0);
    MlirOperation view = dlc_create("memref.view", loc, 2, operands, mlirValueGetType(old), 0, NULL);
    mlirBlockInsertOwnedOperationAfter(p->body, offset, view);
    anchor = view;
    /* drop the buffer's deallocs, then point every other use at the view */
    for (MlirOpOperand use = mlirValueGetFirstUse(old); !mlirOpOperandIsNull(use);) {
      MlirOperation owner = mlirOpOperandGetOwner(use);
      use = mlirOpOperandGetNextUse(use);
      if (dlc_named(owner, "memref.dealloc")) mlirOperationDestroy(owner);
    }
    mlirValueReplaceAllUsesOfWith(old, mlirOperationGetResult(view, 0));
    mlirOperationDestroy(b->alloc);
  }
  MlirOperation terminator = mlirBlockGetTerminator(p->body);
  MlirValue arena_value = mlirOperationGetResult(arena, 0);
  MlirOperationState st = mlirOperationStateGet(dlc_sref("memref.dealloc"), loc);
  mlirOperationStateAddOperands(&st, 1, &arena_value);
  mlirBlockInsertOwnedOperationBefore(p->body, terminator, mlirOperationCreate(&st));
}

static bool dlc_plan_function(MlirOperation fn) {
  MlirRegion region = mlirOperationGetRegion(fn, 0);
  dlc_plan_t p = {.body = mlirRegionGetFirstBlock(region)};
  if (mlirBlockIsNull(p.body) || !mlirBlockIsNull(mlirBlockGetNextInRegion(p.body))) return true; /* one block only */
  for (MlirOperation op = mlirBlockGetFirstOperation(p.body); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op))
    ++p.num_ops;
  p.ops = calloc((size_t)p.num_ops + 1, sizeof(MlirOperation));
  p.buffers = calloc((size_t)p.num_ops + 1, sizeof(dlc_buffer_t));
  if (!p.ops || !p.buffers) {
    free(p.ops);
    free(p.buffers);
    return false;
  }
  int i = 0;
  for (MlirOperation op = mlirBlockGetFirstOperation(p.body); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op))
    p.ops[i++] = op;
  for (i = 0; i < p.num_ops; ++i) {
    if (!dlc_named(p.ops[i], "memref.alloc")) continue;
    int64_t bytes = dlc_static_bytes(mlirValueGetType(mlirOperationGetResult(p.ops[i], 0)));
    int last = bytes > 0 ? dlc_last_use(&p, mlirOperationGetResult(p.ops[i], 0), i) : -1;
    if (last < 0) continue;
    p.buffers[p.num_buffers++] = (dlc_buffer_t){p.ops[i], bytes, 0, i, last};
  }
  int64_t arena = 0, separate = 0;
  if (p.num_buffers > 0) {
    qsort(p.buffers, (size_t)p.num_buffers, sizeof(dlc_buffer_t), dlc_by_size_desc);
    for (i = 0; i < p.num_buffers; ++i) {
      p.buffers[i].offset = dlc_place(p.buffers, i, &p.buffers[i]);
      if (p.buffers[i].offset + p.buffers[i].bytes > arena) arena = p.buffers[i].offset + p.buffers[i].bytes;
      separate += p.buffers[i].bytes;
    }
    dlc_rewrite(&p, fn, arena);
  }
  if (p.num_buffers == 0) {
    free(p.ops);
    free(p.buffers);
    return true;
  }
  MlirContext ctx = mlirOperationGetContext(fn);
  MlirType i64 = mlirIntegerTypeGet(ctx, 64);
  MlirNamedAttribute plan[3] = { /* arena size, buffers in it, and what they would take unshared */
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("arena_bytes")), mlirIntegerAttrGet(i64, arena)),
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("buffers")), mlirIntegerAttrGet(i64, p.num_buffers)),
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("unshared_bytes")), mlirIntegerAttrGet(i64, separate)),
  };
  mlirOperationSetAttributeByName(fn, dlc_sref("dlc.memory_plan"), mlirDictionaryAttrGet(ctx, 3, plan));
  free(p.ops);
  free(p.buffers);
  return true;
}

bool dlc_run_plan_memory(MlirOperation module) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  for (MlirOperation op = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op))
    if (dlc_named(op, "func.func") && !dlc_plan_function(op)) return false;
  return true;
}
