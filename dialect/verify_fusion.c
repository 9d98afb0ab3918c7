/* Verification of fusion groups: private func.func ops carrying a `dlc.fusion` dictionary (see
 * include/dlc/dialect.h for why a group is a function and not an op). Checks the schedule attributes
 * that the fusion and parallelism passes record. */
#include <stdio.h>

#include "dlc/dialect.h"
#include "mlir-c/BuiltinAttributes.h"

bool dlc_is_fusion_func(MlirOperation op) {
  return dlc_sref_eq(mlirIdentifierStr(mlirOperationGetName(op)), "func.func") &&
         !mlirAttributeIsNull(mlirOperationGetAttributeByName(op, dlc_sref(DLC_FUSION_ATTR)));
}

static dlcrt_status_t fusion_error(MlirOperation fn, const char *fmt, const char *detail) {
  MlirStringRef name = mlirStringAttrGetValue(mlirOperationGetAttributeByName(fn, dlc_sref("sym_name")));
  char what[256];
  snprintf(what, sizeof(what), fmt, detail);
  return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "fusion group @%.*s: %s", (int)name.length, name.data, what);
}

static dlcrt_status_t check_array(MlirOperation fn, MlirAttribute dict, const char *key) {
  MlirAttribute a = mlirDictionaryAttrGetElementByName(dict, dlc_sref(key));
  if (mlirAttributeIsNull(a)) return NULL;
  if (!mlirAttributeIsADenseI64Array(a)) return fusion_error(fn, "'%s' must be array<i64: ...>", key);
  for (intptr_t i = 0; i < mlirDenseArrayGetNumElements(a); ++i)
    if (mlirDenseI64ArrayGetElement(a, i) < 1) return fusion_error(fn, "'%s' sizes must be >= 1", key);
  return NULL;
}

static dlcrt_status_t check_count(MlirOperation fn, MlirAttribute dict, const char *key) {
  MlirAttribute a = mlirDictionaryAttrGetElementByName(dict, dlc_sref(key));
  if (mlirAttributeIsNull(a)) return NULL;
  if (!mlirAttributeIsAInteger(a)) return fusion_error(fn, "'%s' must be an integer", key);
  int64_t v = mlirIntegerAttrGetValueInt(a);
  if (v < 1 || v > 1024) return fusion_error(fn, "'%s' must be in 1..1024", key);
  return NULL;
}

dlcrt_status_t dlc_verify_fusion_func(MlirOperation fn) {
  MlirAttribute dict = mlirOperationGetAttributeByName(fn, dlc_sref(DLC_FUSION_ATTR));
  if (!mlirAttributeIsADictionary(dict))
    return fusion_error(fn, "'%s' must be a dictionary {kind = \"...\", ...}", DLC_FUSION_ATTR);
  MlirAttribute vis = mlirOperationGetAttributeByName(fn, dlc_sref("sym_visibility"));
  if (mlirAttributeIsNull(vis) || !dlc_sref_eq(mlirStringAttrGetValue(vis), "private"))
    return fusion_error(fn, "%s must be private (it is launched through calls)", "the function");
  MlirAttribute kind = mlirDictionaryAttrGetElementByName(dict, dlc_sref("kind"));
  static const char *const kinds[] = {"loop", "input", "stitch", "gemm_chain", "attention", "conv_chain", NULL};
  bool known = false;
  if (!mlirAttributeIsNull(kind) && mlirAttributeIsAString(kind))
    for (int i = 0; kinds[i]; ++i) known = known || dlc_sref_eq(mlirStringAttrGetValue(kind), kinds[i]);
  if (!known)
    return fusion_error(fn, "'kind' must be one of %s", "\"loop\", \"input\", \"stitch\", \"gemm_chain\", \"attention\", \"conv_chain\"");
  DLCRT_RETURN_IF_ERROR(check_array(fn, dict, "tile"));
  DLCRT_RETURN_IF_ERROR(check_array(fn, dict, "vpad"));
  DLCRT_RETURN_IF_ERROR(check_count(fn, dict, "threads"));
  return check_count(fn, dict, "ilp");
}
