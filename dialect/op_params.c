/* Normalized op parameters (see include/dlc/op_params.h). */
#include "dlc/op_params.h"

#include <string.h>

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

static dlcrt_status_t dlc_param_error(MlirOperation op, const char *fmt_attr, const char *what) {
  char opname[64];
  dlc_op_name(op, opname, sizeof(opname));
  return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "'%s' op attribute '%s': %s", opname, fmt_attr, what);
}

dlcrt_status_t dlc_matmul_params(MlirOperation op, dlc_matmul_params_t *out) {
  DLCRT_RETURN_IF_ERROR(dlc_attr_bool(op, "transpose_a", false, &out->transpose_a));
  return dlc_attr_bool(op, "transpose_b", false, &out->transpose_b);
}

/* Reads an optional i64 array of exactly `n` elements, each >= `min`, defaulting to `dflt`. */
static dlcrt_status_t dlc_fixed_array(MlirOperation op, const char *name, int32_t n, int64_t dflt, int64_t min,
                                      int64_t *out) {
  int32_t count;
  DLCRT_RETURN_IF_ERROR(dlc_attr_i64_array(op, name, out, n, &count));
  if (count < 0) {
    for (int32_t i = 0; i < n; ++i) out[i] = dflt;
    return NULL;
  }
  if (count != n) {
    char what[64];
    snprintf(what, sizeof(what), "expected %d elements, got %d", (int)n, (int)count);
    return dlc_param_error(op, name, what);
  }
  for (int32_t i = 0; i < n; ++i) {
    if (out[i] < min) {
      char what[64];
      snprintf(what, sizeof(what), "elements must be >= %lld", (long long)min);
      return dlc_param_error(op, name, what);
    }
  }
  return NULL;
}

dlcrt_status_t dlc_window_params(MlirOperation op, dlc_window_params_t *out) {
  memset(out, 0, sizeof(*out));
  bool is_pool = !dlc_op_is(op, DLC_CONV2D);
  if (is_pool) {
    int32_t count;
    DLCRT_RETURN_IF_ERROR(dlc_attr_i64_array(op, "kernel", out->kernel, 2, &count));
    if (count != 2) return dlc_param_error(op, "kernel", "expected 2 elements (kh, kw)");
    if (out->kernel[0] < 1 || out->kernel[1] < 1) return dlc_param_error(op, "kernel", "elements must be >= 1");
  }
  DLCRT_RETURN_IF_ERROR(dlc_fixed_array(op, "strides", 2, 1, 1, out->strides));
  DLCRT_RETURN_IF_ERROR(dlc_fixed_array(op, "pads", 4, 0, 0, out->pads));
  DLCRT_RETURN_IF_ERROR(dlc_fixed_array(op, "dilations", 2, 1, 1, out->dilations));
  DLCRT_RETURN_IF_ERROR(dlc_attr_i64(op, "groups", 1, &out->groups));
  if (out->groups < 1) return dlc_param_error(op, "groups", "must be >= 1");
  return dlc_attr_bool(op, "count_include_pad", false, &out->count_include_pad);
}

dlcrt_status_t dlc_axis_param(MlirOperation op, const char *name, int64_t dflt, int32_t rank, int32_t *out) {
  int64_t axis;
  DLCRT_RETURN_IF_ERROR(dlc_attr_i64(op, name, dflt, &axis));
  if (axis < -rank || axis >= rank) {
    char what[96];
    snprintf(what, sizeof(what), "axis %lld is out of range for rank %d", (long long)axis, (int)rank);
    return dlc_param_error(op, name, what);
  }
  *out = (int32_t)(axis < 0 ? axis + rank : axis);
  return NULL;
}

const char *dlc_reduce_kind_name(dlc_reduce_kind_t kind) {
  static const char *names[] = {"sum", "mean", "max", "min", "prod"};
  return names[kind];
}

dlcrt_status_t dlc_reduce_params(MlirOperation op, int32_t rank, dlc_reduce_params_t *out) {
  memset(out, 0, sizeof(*out));
  MlirStringRef kind;
  DLCRT_RETURN_IF_ERROR(dlc_attr_str(op, "kind", "", &kind));
  bool found = false;
  for (int k = DLC_REDUCE_SUM; k <= DLC_REDUCE_PROD; ++k) {
    if (dlc_sref_eq(kind, dlc_reduce_kind_name((dlc_reduce_kind_t)k))) {
      out->kind = (dlc_reduce_kind_t)k;
      found = true;
    }
  }
  if (!found) return dlc_param_error(op, "kind", "expected one of \"sum\", \"mean\", \"max\", \"min\", \"prod\"");
  int64_t axes[DLCRT_MAX_RANK];
  int32_t count;
  DLCRT_RETURN_IF_ERROR(dlc_attr_i64_array(op, "axes", axes, DLCRT_MAX_RANK, &count));
  if (count < 0) return dlc_param_error(op, "axes", "is required");
  for (int32_t i = 0; i < count; ++i) {
    int64_t a = axes[i] < 0 ? axes[i] + rank : axes[i];
    if (a < 0 || a >= rank) return dlc_param_error(op, "axes", "an axis is out of range for the input rank");
    if (out->reduced[a]) return dlc_param_error(op, "axes", "an axis is repeated");
    out->reduced[a] = true;
  }
  return dlc_attr_bool(op, "keepdims", false, &out->keepdims);
}

dlcrt_status_t dlc_transpose_perm(MlirOperation op, int32_t rank, int64_t *perm) {
  int32_t count;
  DLCRT_RETURN_IF_ERROR(dlc_attr_i64_array(op, "perm", perm, DLCRT_MAX_RANK, &count));
  if (count != rank) return dlc_param_error(op, "perm", "expected one entry per input dim");
  bool seen[DLCRT_MAX_RANK] = {false};
  for (int32_t i = 0; i < rank; ++i) {
    if (perm[i] < 0 || perm[i] >= rank || seen[perm[i]])
      return dlc_param_error(op, "perm", "expected a permutation of [0, rank)");
    seen[perm[i]] = true;
  }
  return NULL;
}

dlcrt_status_t dlc_slice_params(MlirOperation op, int32_t rank, dlc_slice_params_t *out) {
  int32_t ns, ne, nt;
  DLCRT_RETURN_IF_ERROR(dlc_attr_i64_array(op, "starts", out->starts, DLCRT_MAX_RANK, &ns));
  DLCRT_RETURN_IF_ERROR(dlc_attr_i64_array(op, "ends", out->ends, DLCRT_MAX_RANK, &ne));
  DLCRT_RETURN_IF_ERROR(dlc_attr_i64_array(op, "steps", out->steps, DLCRT_MAX_RANK, &nt));
  if (ns != rank) return dlc_param_error(op, "starts", "expected one entry per input dim");
  if (ne != rank) return dlc_param_error(op, "ends", "expected one entry per input dim");
  if (nt < 0) {
    for (int32_t i = 0; i < rank; ++i) out->steps[i] = 1;
  } else if (nt != rank) {
    return dlc_param_error(op, "steps", "expected one entry per input dim");
  }
  for (int32_t i = 0; i < rank; ++i)
    if (out->steps[i] <= 0) return dlc_param_error(op, "steps", "steps must be > 0");
  return NULL;
}

dlcrt_status_t dlc_pad_params(MlirOperation op, int32_t rank, dlc_pad_params_t *out) {
  int64_t pads[2 * DLCRT_MAX_RANK];
  int32_t count;
  DLCRT_RETURN_IF_ERROR(dlc_attr_i64_array(op, "pads", pads, 2 * DLCRT_MAX_RANK, &count));
  if (count != 2 * rank) {
    char what[96];
    snprintf(what, sizeof(what), "expected %d entries (begins, then ends, one per input dim), got %d", (int)(2 * rank),
             (int)(count < 0 ? 0 : count));
    return dlc_param_error(op, "pads", what);
  }
  for (int32_t d = 0; d < rank; ++d) {
    out->begins[d] = pads[d];
    out->ends[d] = pads[rank + d];
  }
  MlirStringRef mode;
  DLCRT_RETURN_IF_ERROR(dlc_attr_str(op, "mode", "constant", &mode));
  if (dlc_sref_eq(mode, "constant")) out->mode = DLC_PAD_CONSTANT;
  else if (dlc_sref_eq(mode, "reflect")) out->mode = DLC_PAD_REFLECT;
  else if (dlc_sref_eq(mode, "edge")) out->mode = DLC_PAD_EDGE;
  else return dlc_param_error(op, "mode", "expected one of \"constant\", \"reflect\", \"edge\"");
  return dlc_attr_f64(op, "value", 0.0, &out->value);
}

dlcrt_status_t dlc_tile_repeats(MlirOperation op, int32_t rank, int64_t *repeats) {
  int32_t count;
  DLCRT_RETURN_IF_ERROR(dlc_attr_i64_array(op, "repeats", repeats, DLCRT_MAX_RANK, &count));
  if (count != rank) return dlc_param_error(op, "repeats", "expected one entry per input dim");
  for (int32_t d = 0; d < rank; ++d)
    if (repeats[d] < 0) return dlc_param_error(op, "repeats", "elements must be >= 0");
  return NULL;
}

dlcrt_status_t dlc_trilu_params(MlirOperation op, dlc_trilu_params_t *out) {
  out->k_operand = mlirOperationGetNumOperands(op) > 1;
  DLCRT_RETURN_IF_ERROR(dlc_attr_bool(op, "upper", true, &out->upper));
  return dlc_attr_i64(op, "k", 0, &out->k);
}

const char *dlc_scatter_reduction_name(dlc_scatter_reduction_t r) {
  static const char *names[] = {"none", "add", "mul", "max", "min"};
  return names[r];
}

dlcrt_status_t dlc_index_params(MlirOperation op, int32_t rank, dlc_index_params_t *out) {
  DLCRT_RETURN_IF_ERROR(dlc_axis_param(op, "axis", 0, rank, &out->axis));
  out->reduction = DLC_SCATTER_NONE;
  if (!dlc_op_is(op, DLC_SCATTER_ELEMENTS)) return NULL;
  MlirStringRef r;
  DLCRT_RETURN_IF_ERROR(dlc_attr_str(op, "reduction", "none", &r));
  for (int k = DLC_SCATTER_NONE; k <= DLC_SCATTER_MIN; ++k) {
    if (dlc_sref_eq(r, dlc_scatter_reduction_name((dlc_scatter_reduction_t)k))) {
      out->reduction = (dlc_scatter_reduction_t)k;
      return NULL;
    }
  }
  return dlc_param_error(op, "reduction", "expected one of \"none\", \"add\", \"mul\", \"max\", \"min\"");
}

dlcrt_status_t dlc_cumsum_params(MlirOperation op, int32_t rank, dlc_cumsum_params_t *out) {
  DLCRT_RETURN_IF_ERROR(dlc_axis_param(op, "axis", 0, rank, &out->axis));
  DLCRT_RETURN_IF_ERROR(dlc_attr_bool(op, "exclusive", false, &out->exclusive));
  return dlc_attr_bool(op, "reverse", false, &out->reverse);
}

dlcrt_status_t dlc_arg_reduce_params(MlirOperation op, int32_t rank, dlc_arg_reduce_params_t *out) {
  DLCRT_RETURN_IF_ERROR(dlc_axis_param(op, "axis", 0, rank, &out->axis));
  DLCRT_RETURN_IF_ERROR(dlc_attr_bool(op, "keepdims", true, &out->keepdims));
  return dlc_attr_bool(op, "select_last_index", false, &out->select_last_index);
}

dlcrt_status_t dlc_fill_value(MlirOperation op, MlirAttribute *scalar) {
  MlirAttribute value = mlirOperationGetAttributeByName(op, dlc_sref("value"));
  const char *expected = "expected dense elements with one integer or float element (e.g. dense<0.0> : tensor<f32>)";
  if (mlirAttributeIsNull(value) || !mlirAttributeIsADenseElements(value) || mlirElementsAttrGetNumElements(value) != 1)
    return dlc_param_error(op, "value", expected);
  *scalar = mlirDenseElementsAttrGetSplatValue(value);
  if (!mlirAttributeIsAInteger(*scalar) && !mlirAttributeIsAFloat(*scalar)) return dlc_param_error(op, "value", expected);
  return NULL;
}

static int64_t dlc_clamp_index(int64_t v, int64_t dim) {
  if (v < 0) v += dim;
  if (v < 0) return 0;
  return v > dim ? dim : v;
}

int64_t dlc_slice_static_len(int64_t dim, int64_t start, int64_t end, int64_t step) {
  int64_t s = dlc_clamp_index(start, dim), e = dlc_clamp_index(end, dim);
  return e > s ? (e - s - 1) / step + 1 : 0; /* ceil((e - s) / step) without overflow for huge steps */
}

int64_t dlc_window_out_dim(int64_t in, int64_t kernel, int64_t stride, int64_t pad_lo, int64_t pad_hi, int64_t dil) {
  int64_t span = dil * (kernel - 1) + 1;
  int64_t padded = in + pad_lo + pad_hi;
  return padded < span ? 0 : (padded - span) / stride + 1;
}
