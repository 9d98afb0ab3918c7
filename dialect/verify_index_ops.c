/* The dlc verifier for the ONNX-style indexing and scan ops (see verify.h):
 *   gather_elements: data and integer indices of the same rank; every non-axis dim of indices fits in
 *     data's; the result has the shape of indices and the element type of data;
 *   scatter_elements: the same rules for indices, plus updates with the shape of indices and the
 *     element type of data; reduction = none | add | mul | max | min (not on i1 for the arithmetic
 *     ones); the result has data's type;
 *   cumsum: an integer (not i1) or floating-point input; the result has its type.
 * Unsigned integers are unsupported (UNIMPLEMENTED) where the lowering does arithmetic on the
 * elements: cumsum and the scatter reductions. */
#include "mlir-c/BuiltinTypes.h"
#include "verify.h"

static bool is_numeric(MlirType t) {
  return mlirTypeIsAFloat(t) || (mlirTypeIsAInteger(t) && mlirIntegerTypeGetWidth(t) > 1);
}

/* Operand #1 (indices): integer elements and data's rank; its non-axis dims fit in data's. */
static dlcrt_status_t check_indices(const dlc_vctx_t *v, const dlc_shape_t *x, const dlc_shape_t *idx, int32_t axis) {
  char a[128], b[128];
  if (!mlirTypeIsAInteger(idx->elem) || mlirIntegerTypeGetWidth(idx->elem) < 8)
    return dlc_verr(v, "operand #1 (indices): expected an integer element type (i32 or i64), got %s",
                    dlc_vshape_str(idx, b, sizeof(b)));
  for (int32_t d = 0; d < x->rank; ++d) {
    if (d == axis || x->dims[d] == DLC_DYN || idx->dims[d] == DLC_DYN || idx->dims[d] <= x->dims[d]) continue;
    return dlc_verr(v, "operand #1 (indices): dim %d of %s is larger than dim %d of data %s (only the axis dim may be)",
                    (int)d, dlc_vshape_str(idx, b, sizeof(b)), (int)d, dlc_vshape_str(x, a, sizeof(a)));
  }
  return NULL;
}

/* Reads data (#0) and indices (#1), checks their ranks agree and reads the axis/reduction. */
static dlcrt_status_t read_data_indices(const dlc_vctx_t *v, dlc_shape_t *x, dlc_shape_t *idx, dlc_index_params_t *p) {
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 0, x));
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 1, idx));
  if (idx->rank != x->rank) {
    char a[128], b[128];
    return dlc_verr(v, "operand #1 (indices): expected rank %d (the rank of data, %s), got %s", (int)x->rank,
                    dlc_vshape_str(x, a, sizeof(a)), dlc_vshape_str(idx, b, sizeof(b)));
  }
  DLCRT_RETURN_IF_ERROR(dlc_index_params(v->op, x->rank, p));
  return check_indices(v, x, idx, p->axis);
}

dlcrt_status_t dlc_verify_gather_elements(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, 2, 2));
  dlc_shape_t x, idx;
  dlc_index_params_t p;
  DLCRT_RETURN_IF_ERROR(read_data_indices(v, &x, &idx, &p));
  dlc_shape_t r = idx;
  r.elem = x.elem;
  return dlc_vcheck_result(v, 0, &r);
}

dlcrt_status_t dlc_verify_scatter_elements(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, 3, 3));
  dlc_shape_t x, idx, upd;
  dlc_index_params_t p;
  char a[128], b[128];
  DLCRT_RETURN_IF_ERROR(read_data_indices(v, &x, &idx, &p));
  if (!mlirTypeIsAFloat(x.elem) && !mlirTypeIsAInteger(x.elem))
    return dlc_verr(v, "operand #0 (data): expected an integer or floating-point element type, got %s",
                    dlc_vshape_str(&x, b, sizeof(b)));
  if (p.reduction != DLC_SCATTER_NONE && !is_numeric(x.elem))
    return dlc_verr(v, "attribute 'reduction': \"%s\" needs an integer (not i1) or floating-point element type, got %s",
                    dlc_scatter_reduction_name(p.reduction), dlc_vshape_str(&x, b, sizeof(b)));
  if (p.reduction != DLC_SCATTER_NONE) DLCRT_RETURN_IF_ERROR(dlc_vreject_unsigned(v, 0, &x));
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 2, &upd));
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_same_elem(v, 2, &upd, x.elem));
  bool same = upd.rank == idx.rank;
  for (int32_t d = 0; same && d < idx.rank; ++d) same = dlc_vdims_compatible(upd.dims[d], idx.dims[d]);
  if (!same) {
    dlc_shape_t want = idx;
    want.elem = x.elem;
    return dlc_verr(v, "operand #2 (updates): expected the shape of indices (%s), got %s",
                    dlc_vshape_str(&want, a, sizeof(a)), dlc_vshape_str(&upd, b, sizeof(b)));
  }
  return dlc_vcheck_result(v, 0, &x);
}

dlcrt_status_t dlc_verify_cumsum(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, 1, 1));
  dlc_shape_t x;
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 0, &x));
  char b[128];
  if (!is_numeric(x.elem))
    return dlc_verr(v, "operand #0 (input): expected an integer (not i1) or floating-point element type, got %s",
                    dlc_vshape_str(&x, b, sizeof(b)));
  DLCRT_RETURN_IF_ERROR(dlc_vreject_unsigned(v, 0, &x));
  dlc_cumsum_params_t p;
  DLCRT_RETURN_IF_ERROR(dlc_cumsum_params(v->op, x.rank, &p));
  return dlc_vcheck_result(v, 0, &x);
}
