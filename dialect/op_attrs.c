/* Attribute accessors with defaults (see include/dlc/dialect.h). A present attribute of the wrong
 * kind is an error naming the op and attribute, never silently replaced by the default. */
#include <stdio.h>

#include "dlc/dialect.h"
#include "mlir-c/BuiltinAttributes.h"

static dlcrt_status_t dlc_attr_kind_error(MlirOperation op, const char *name, const char *expected) {
  char opname[64];
  dlc_op_name(op, opname, sizeof(opname));
  return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "'%s' op attribute '%s': expected %s", opname, name,
                           expected);
}

static MlirAttribute dlc_attr_get(MlirOperation op, const char *name) {
  return mlirOperationGetAttributeByName(op, dlc_sref(name));
}

dlcrt_status_t dlc_attr_i64(MlirOperation op, const char *name, int64_t dflt, int64_t *out) {
  MlirAttribute a = dlc_attr_get(op, name);
  *out = dflt;
  if (mlirAttributeIsNull(a)) return NULL;
  if (!mlirAttributeIsAInteger(a)) return dlc_attr_kind_error(op, name, "an integer (e.g. 1 : i64)");
  *out = mlirIntegerAttrGetValueInt(a);
  return NULL;
}

dlcrt_status_t dlc_attr_f64(MlirOperation op, const char *name, double dflt, double *out) {
  MlirAttribute a = dlc_attr_get(op, name);
  *out = dflt;
  if (mlirAttributeIsNull(a)) return NULL;
  if (!mlirAttributeIsAFloat(a)) return dlc_attr_kind_error(op, name, "a float (e.g. 1.0e-05 : f32)");
  *out = mlirFloatAttrGetValueDouble(a);
  return NULL;
}

dlcrt_status_t dlc_attr_bool(MlirOperation op, const char *name, bool dflt, bool *out) {
  MlirAttribute a = dlc_attr_get(op, name);
  *out = dflt;
  if (mlirAttributeIsNull(a)) return NULL;
  if (!mlirAttributeIsABool(a)) return dlc_attr_kind_error(op, name, "a bool (true or false)");
  *out = mlirBoolAttrGetValue(a);
  return NULL;
}

bool dlc_attr_flag(MlirOperation op, const char *name) {
  bool v = false;
  dlcrt_status_t st = dlc_attr_bool(op, name, false, &v);
  if (st) {
    dlcrt_status_free(st);
    return true;
  }
  return v;
}

dlcrt_status_t dlc_attr_str(MlirOperation op, const char *name, const char *dflt, MlirStringRef *out) {
  MlirAttribute a = dlc_attr_get(op, name);
  *out = dlc_sref(dflt ? dflt : "");
  if (mlirAttributeIsNull(a)) return NULL;
  if (!mlirAttributeIsAString(a)) return dlc_attr_kind_error(op, name, "a string");
  *out = mlirStringAttrGetValue(a);
  return NULL;
}

dlcrt_status_t dlc_attr_i64_array(MlirOperation op, const char *name, int64_t *out, int32_t cap, int32_t *count) {
  MlirAttribute a = dlc_attr_get(op, name);
  *count = -1;
  if (mlirAttributeIsNull(a)) return NULL;
  if (!mlirAttributeIsADenseI64Array(a)) return dlc_attr_kind_error(op, name, "array<i64: ...>");
  intptr_t n = mlirDenseArrayGetNumElements(a);
  if (n > cap) {
    char msg[64];
    snprintf(msg, sizeof(msg), "at most %d elements", (int)cap);
    return dlc_attr_kind_error(op, name, msg);
  }
  for (intptr_t i = 0; i < n; ++i) out[i] = mlirDenseI64ArrayGetElement(a, i);
  *count = (int32_t)n;
  return NULL;
}
