/* Reading the PTX out of a module compiled by the cuda pipeline: every gpu.binary holds
 * #gpu.object attributes whose payload, in "isa" format, is the PTX text. */
#include "dlc/mlir_util.h"
#include "dlc/passes.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/Dialect/GPU.h"

typedef struct dlc_ptx_walk_t {
  dlc_strbuf_t *out;
  int objects;
} dlc_ptx_walk_t;

static MlirWalkResult dlc_collect_binary(MlirOperation op, void *user_data) {
  dlc_ptx_walk_t *w = user_data;
  if (!dlc_sref_eq(mlirIdentifierStr(mlirOperationGetName(op)), "gpu.binary")) return MlirWalkResultAdvance;
  MlirAttribute objects = mlirOperationGetAttributeByName(op, dlc_sref("objects"));
  for (intptr_t i = 0; mlirAttributeIsAArray(objects) && i < mlirArrayAttrGetNumElements(objects); ++i) {
    MlirAttribute object = mlirArrayAttrGetElement(objects, i);
    if (!mlirAttributeIsAGPUObjectAttr(object)) continue;
    dlc_strbuf_append_sref(w->out, mlirGPUObjectAttrGetObject(object));
    ++w->objects;
  }
  return MlirWalkResultSkip;
}

dlcrt_status_t dlc_collect_ptx(MlirOperation module, dlc_strbuf_t *out) {
  dlc_ptx_walk_t w = {out, 0};
  mlirOperationWalk(module, dlc_collect_binary, &w, MlirWalkPreOrder);
  if (w.objects == 0)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT,
                             "--emit=ptx: the module has no GPU binary (run --dlc-pipeline=cuda first)");
  return dlc_strbuf_status(out);
}
