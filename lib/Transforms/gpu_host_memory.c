/* --dlc-gpu-host-memory: makes every buffer of the host code reachable from the GPU kernels. In the host
 * functions (not inside gpu.module), memref.alloc becomes `gpu.alloc host_shared` (CUDA managed memory:
 * the kernels and the host code that remains, memref.copy and scalar loads, both touch it), memref.dealloc
 * becomes an asynchronous gpu.dealloc between two gpu.wait (the form gpu-to-llvm lowers to mgpuMemFree),
 * and each memref.get_global (constants live in host memory) is copied once per call into a managed buffer
 * freed before returning. Correctness first: the liveness arena (dlc-plan-memory, which runs before) is
 * one managed allocation per call; uploading constants once per model is the next step. */
#include "dlc/mlir_util.h"
#include "dlc/passes.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Diagnostics.h"
#include "mlir-c/Dialect/GPU.h"

typedef struct dlc_host_memory_t {
  MlirOperation ops[4096];
  int count;
  bool overflow;
} dlc_host_memory_t;

static bool dlc_named(MlirOperation op, const char *name) {
  return dlc_sref_eq(mlirIdentifierStr(mlirOperationGetName(op)), name);
}

static MlirWalkResult dlc_collect_memory_ops(MlirOperation op, void *user_data) {
  dlc_host_memory_t *h = user_data;
  if (dlc_named(op, "gpu.module") || dlc_named(op, "gpu.launch")) return MlirWalkResultSkip; /* device code */
  if (dlc_named(op, "memref.alloc") || dlc_named(op, "memref.dealloc") || dlc_named(op, "memref.get_global")) {
    if (h->count == (int)(sizeof(h->ops) / sizeof(h->ops[0]))) {
      h->overflow = true;
      return MlirWalkResultInterrupt;
    }
    h->ops[h->count++] = op;
  }
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

/* `gpu.alloc host_shared (dynamic sizes) : type`, inserted before `before`. */
static MlirValue dlc_managed_alloc(MlirOperation before, MlirType type, intptr_t ndyn, MlirValue *dyn) {
  MlirContext ctx = mlirOperationGetContext(before);
  int32_t segments[3] = {0, (int32_t)ndyn, 0};
  MlirNamedAttribute attrs[2] = {
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("hostShared")), mlirUnitAttrGet(ctx)),
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("operandSegmentSizes")), mlirDenseI32ArrayGet(ctx, 3, segments)),
  };
  MlirOperation alloc = dlc_build("gpu.alloc", mlirOperationGetLocation(before), ndyn, dyn, 1, &type, 2, attrs);
  mlirBlockInsertOwnedOperationBefore(mlirOperationGetBlock(before), before, alloc);
  return mlirOperationGetResult(alloc, 0);
}

/* gpu.wait async -> gpu.dealloc async -> gpu.wait, inserted before `before`. */
static void dlc_managed_free(MlirOperation before, MlirValue buffer) {
  MlirContext ctx = mlirOperationGetContext(before);
  MlirLocation loc = mlirOperationGetLocation(before);
  MlirBlock block = mlirOperationGetBlock(before);
  MlirType token = mlirGPUAsyncTokenTypeGet(ctx);
  MlirOperation wait = dlc_build("gpu.wait", loc, 0, NULL, 1, &token, 0, NULL);
  mlirBlockInsertOwnedOperationBefore(block, before, wait);
  MlirValue operands[2] = {mlirOperationGetResult(wait, 0), buffer};
  MlirOperation dealloc = dlc_build("gpu.dealloc", loc, 2, operands, 1, &token, 0, NULL);
  mlirBlockInsertOwnedOperationBefore(block, before, dealloc);
  MlirValue done = mlirOperationGetResult(dealloc, 0);
  MlirOperation sync = dlc_build("gpu.wait", loc, 1, &done, 0, NULL, 0, NULL);
  mlirBlockInsertOwnedOperationBefore(block, before, sync);
}

static void dlc_rewrite_op(MlirOperation op, MlirOperation fn) {
  if (dlc_named(op, "memref.dealloc")) {
    dlc_managed_free(op, mlirOperationGetOperand(op, 0));
    mlirOperationDestroy(op);
    return;
  }
  MlirValue old = mlirOperationGetResult(op, 0);
  if (dlc_named(op, "memref.alloc")) {
    MlirValue dyn[16];
    intptr_t n = mlirOperationGetNumOperands(op);
    for (intptr_t i = 0; i < n && i < 16; ++i) dyn[i] = mlirOperationGetOperand(op, i);
    mlirValueReplaceAllUsesOfWith(old, dlc_managed_alloc(op, mlirValueGetType(old), n < 16 ? n : 16, dyn));
    mlirOperationDestroy(op);
    return;
  }
  /* memref.get_global: copy the constant into a managed buffer right after it, freed before returning */
  MlirOperation next = mlirOperationGetNextInBlock(op);
  MlirValue copy = dlc_managed_alloc(next, mlirValueGetType(old), 0, NULL);
  mlirValueReplaceAllUsesOfWith(old, copy);
  MlirValue operands[2] = {old, copy};
  MlirOperation memcpy_op = dlc_build("memref.copy", mlirOperationGetLocation(op), 2, operands, 0, NULL, 0, NULL);
  mlirBlockInsertOwnedOperationBefore(mlirOperationGetBlock(next), next, memcpy_op);
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(fn, 0));
  dlc_managed_free(mlirBlockGetTerminator(body), copy);
}

bool dlc_run_gpu_host_memory(MlirOperation module) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  for (MlirOperation fn = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(fn); fn = mlirOperationGetNextInBlock(fn)) {
    if (!dlc_named(fn, "func.func") || mlirRegionIsNull(mlirOperationGetRegion(fn, 0)) ||
        mlirBlockIsNull(mlirRegionGetFirstBlock(mlirOperationGetRegion(fn, 0))))
      continue;
    dlc_host_memory_t h = {.count = 0, .overflow = false};
    mlirOperationWalk(fn, dlc_collect_memory_ops, &h, MlirWalkPreOrder);
    if (h.overflow) {
      mlirEmitError(mlirOperationGetLocation(fn), "dlc-gpu-host-memory: more than 4096 buffers in one function");
      return false;
    }
    for (int i = 0; i < h.count; ++i) dlc_rewrite_op(h.ops[i], fn);
  }
  return true;
}
