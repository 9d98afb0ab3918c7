/* --dlc-gpu-merge-modules: gathers every outlined kernel into one gpu.module, @dlc_kernels, so a
 * model compiles to a single PTX/cubin image (one module load at run time, one file for ptxas).
 * gpu-kernel-outlining makes one gpu.module per kernel and reuses kernel names across them; each
 * kernel is renamed after its (unique) module and every gpu.launch_func is pointed at the new home. */
#include <string.h>

#include "dlc/mlir_util.h"
#include "dlc/passes.h"
#include "mlir-c/BuiltinAttributes.h"

#define DLC_KERNEL_MODULE "dlc_kernels"

static bool dlc_op_named(MlirOperation op, const char *name) {
  return dlc_sref_eq(mlirIdentifierStr(mlirOperationGetName(op)), name);
}

static MlirStringRef dlc_sym_name(MlirOperation op) {
  return mlirStringAttrGetValue(mlirOperationGetAttributeByName(op, dlc_sref("sym_name")));
}

static MlirWalkResult dlc_retarget_launch(MlirOperation op, void *user_data) {
  (void)user_data;
  if (!dlc_op_named(op, "gpu.launch_func")) return MlirWalkResultAdvance;
  MlirAttribute kernel = mlirOperationGetAttributeByName(op, dlc_sref("kernel"));
  MlirContext ctx = mlirOperationGetContext(op);
  /* @module::@kernel -> @dlc_kernels::@module */
  MlirAttribute leaf = mlirFlatSymbolRefAttrGet(ctx, mlirSymbolRefAttrGetRootReference(kernel));
  MlirAttribute target = mlirSymbolRefAttrGet(ctx, dlc_sref(DLC_KERNEL_MODULE), 1, &leaf);
  mlirOperationSetAttributeByName(op, dlc_sref("kernel"), target);
  return MlirWalkResultAdvance;
}

bool dlc_run_gpu_merge_modules(MlirOperation module) {
  MlirContext ctx = mlirOperationGetContext(module);
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  MlirOperation home = {NULL};
  MlirOperation op = mlirBlockGetFirstOperation(body);
  while (!mlirOperationIsNull(op)) {
    MlirOperation next = mlirOperationGetNextInBlock(op);
    if (dlc_op_named(op, "gpu.module")) {
      MlirStringRef module_name = dlc_sym_name(op);
      MlirBlock mbody = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0));
      if (mlirOperationIsNull(home)) { /* the first module becomes the home of all kernels */
        home = op;
      }
      MlirBlock hbody = mlirRegionGetFirstBlock(mlirOperationGetRegion(home, 0));
      MlirOperation k = mlirBlockGetFirstOperation(mbody);
      while (!mlirOperationIsNull(k)) {
        MlirOperation knext = mlirOperationGetNextInBlock(k);
        if (dlc_op_named(k, "gpu.func")) {
          mlirOperationSetAttributeByName(k, dlc_sref("sym_name"), mlirStringAttrGet(ctx, module_name));
          if (!mlirOperationEqual(op, home)) {
            mlirOperationRemoveFromParent(k);
            mlirBlockAppendOwnedOperation(hbody, k);
          }
        }
        k = knext;
      }
      if (!mlirOperationEqual(op, home)) mlirOperationDestroy(op);
    }
    op = next;
  }
  if (mlirOperationIsNull(home)) return true;
  mlirOperationWalk(module, dlc_retarget_launch, NULL, MlirWalkPreOrder);
  mlirOperationSetAttributeByName(home, dlc_sref("sym_name"), mlirStringAttrGet(ctx, dlc_sref(DLC_KERNEL_MODULE)));
  return true;
}
