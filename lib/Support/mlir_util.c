/* Helpers over the MLIR C API (see include/dlc/mlir_util.h). */
#include "dlc/mlir_util.h"

#include <string.h>

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

bool dlc_sref_eq(MlirStringRef ref, const char *s) {
  size_t n = strlen(s);
  return ref.length == n && memcmp(ref.data, s, n) == 0;
}

void dlc_strbuf_callback(MlirStringRef chunk, void *user_data) {
  dlc_strbuf_append_n((dlc_strbuf_t *)user_data, chunk.data, chunk.length);
}

void dlc_strbuf_append_type(dlc_strbuf_t *sb, MlirType type) { mlirTypePrint(type, dlc_strbuf_callback, sb); }
void dlc_strbuf_append_attr(dlc_strbuf_t *sb, MlirAttribute attr) {
  mlirAttributePrint(attr, dlc_strbuf_callback, sb);
}
void dlc_strbuf_append_sref(dlc_strbuf_t *sb, MlirStringRef ref) { dlc_strbuf_append_n(sb, ref.data, ref.length); }

void dlc_strbuf_append_op(dlc_strbuf_t *sb, MlirOperation op, const dlc_print_options_t *options) {
  MlirOpPrintingFlags flags = mlirOpPrintingFlagsCreate();
  if (options->generic) mlirOpPrintingFlagsPrintGenericOpForm(flags);
  if (options->elide_elements_above > 0) mlirOpPrintingFlagsElideLargeElementsAttrs(flags, options->elide_elements_above);
  if (options->elide_resources_above > 0)
    mlirOpPrintingFlagsElideLargeResourceString(flags, options->elide_resources_above);
  mlirOperationPrintWithFlags(op, flags, dlc_strbuf_callback, sb);
  mlirOpPrintingFlagsDestroy(flags);
}

bool dlc_shape_from_type(MlirType type, dlc_shape_t *out) {
  if (mlirTypeIsNull(type) || !mlirTypeIsARankedTensor(type)) return false;
  int64_t rank = mlirShapedTypeGetRank(type);
  if (rank > DLCRT_MAX_RANK) return false;
  out->rank = (int32_t)rank;
  for (int64_t i = 0; i < rank; ++i) {
    int64_t d = mlirShapedTypeGetDimSize(type, i);
    out->dims[i] = mlirShapedTypeIsDynamicSize(d) ? DLC_DYN : d;
  }
  out->elem = mlirShapedTypeGetElementType(type);
  return true;
}

MlirType dlc_shape_to_type(MlirContext ctx, const dlc_shape_t *shape) {
  (void)ctx;
  int64_t dims[DLCRT_MAX_RANK];
  for (int32_t i = 0; i < shape->rank; ++i)
    dims[i] = shape->dims[i] == DLC_DYN ? mlirShapedTypeGetDynamicSize() : shape->dims[i];
  return mlirRankedTensorTypeGet(shape->rank, dims, shape->elem, mlirAttributeGetNull());
}

bool dlc_shape_is_static(const dlc_shape_t *shape) {
  for (int32_t i = 0; i < shape->rank; ++i)
    if (shape->dims[i] == DLC_DYN) return false;
  return true;
}

dlcrt_dtype_t dlc_dtype_from_mlir(MlirType t) {
  if (mlirTypeIsAF32(t)) return DLCRT_DTYPE_F32;
  if (mlirTypeIsAF64(t)) return DLCRT_DTYPE_F64;
  if (mlirTypeIsAF16(t)) return DLCRT_DTYPE_F16;
  if (mlirTypeIsABF16(t)) return DLCRT_DTYPE_BF16;
  if (!mlirTypeIsAInteger(t)) return DLCRT_DTYPE_INVALID;
  unsigned w = mlirIntegerTypeGetWidth(t);
  if (mlirIntegerTypeIsUnsigned(t)) return w == 8 ? DLCRT_DTYPE_U8 : DLCRT_DTYPE_INVALID;
  switch (w) {
    case 1: return DLCRT_DTYPE_BOOL;
    case 8: return DLCRT_DTYPE_I8;
    case 16: return DLCRT_DTYPE_I16;
    case 32: return DLCRT_DTYPE_I32;
    case 64: return DLCRT_DTYPE_I64;
    default: return DLCRT_DTYPE_INVALID;
  }
}

MlirType dlc_dtype_to_mlir(MlirContext ctx, dlcrt_dtype_t dtype) {
  switch (dtype) {
    case DLCRT_DTYPE_F32: return mlirF32TypeGet(ctx);
    case DLCRT_DTYPE_F64: return mlirF64TypeGet(ctx);
    case DLCRT_DTYPE_F16: return mlirF16TypeGet(ctx);
    case DLCRT_DTYPE_BF16: return mlirBF16TypeGet(ctx);
    case DLCRT_DTYPE_I64: return mlirIntegerTypeGet(ctx, 64);
    case DLCRT_DTYPE_I32: return mlirIntegerTypeGet(ctx, 32);
    case DLCRT_DTYPE_I16: return mlirIntegerTypeGet(ctx, 16);
    case DLCRT_DTYPE_I8: return mlirIntegerTypeGet(ctx, 8);
    case DLCRT_DTYPE_U8: return mlirIntegerTypeUnsignedGet(ctx, 8);
    case DLCRT_DTYPE_BOOL: return mlirIntegerTypeGet(ctx, 1);
    case DLCRT_DTYPE_INVALID: break;
  }
  return (MlirType){NULL};
}

const char *dlc_op_name(MlirOperation op, char *buf, size_t buf_size) {
  MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
  size_t n = name.length < buf_size - 1 ? name.length : buf_size - 1;
  memcpy(buf, name.data, n);
  buf[n] = '\0';
  return buf;
}
