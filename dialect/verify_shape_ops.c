/* The dlc verifier for ops whose result shape is declared or depends on runtime values, and for the
 * ONNX-style shape ops (see verify.h):
 *   reshape, fill, expand: the declared type is the target; each dynamic result dim takes its size
 *     from one rank-0 tensor<i64> `dims` operand, in order (reshape may instead have none and infer
 *     one dynamic dim from the element count);
 *   range: rank-0 operands of one type; the length is a runtime value, so the result is tensor<?xT>
 *     unless the declared type gives a static length, which is trusted;
 *   dim: a rank-0 tensor<i64>;
 *   tile, pad, trilu, argmax/argmin: inferred from the input and the attributes (trilu's optional
 *     operand k is a rank-0 tensor<i64>). */
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "verify.h"

static int64_t static_count(const dlc_shape_t *s, int *dynamic) {
  int64_t n = 1;
  *dynamic = 0;
  for (int32_t d = 0; d < s->rank; ++d) {
    if (s->dims[d] == DLC_DYN) ++*dynamic;
    else n *= s->dims[d];
  }
  return n;
}

/* The declared result #0, which must be a ranked tensor. */
static dlcrt_status_t declared_result(const dlc_vctx_t *v, dlc_shape_t *r) {
  MlirType t = mlirValueGetType(mlirOperationGetResult(v->op, 0));
  if (dlc_shape_from_type(t, r)) return NULL;
  char b[128];
  return dlc_verr(v, "result #0: expected a ranked tensor, got %s", dlc_vtype_str(t, b, sizeof(b)));
}

/* Operand count `first` or more, and one result. */
static dlcrt_status_t expect_at_least(const dlc_vctx_t *v, intptr_t first) {
  intptr_t n = mlirOperationGetNumOperands(v->op);
  return dlc_vexpect_counts(v, first, n > first ? n : first);
}

/* Operands first.. are the runtime sizes of the dynamic dims of `r`, in order: one rank-0
 * tensor<i64> per dynamic dim (with `optional`, none at all is accepted too). */
static dlcrt_status_t check_dims_operands(const dlc_vctx_t *v, intptr_t first, const dlc_shape_t *r, bool optional) {
  intptr_t n = mlirOperationGetNumOperands(v->op) - first;
  int dyn;
  static_count(r, &dyn);
  char b[128];
  if (n != dyn && !(optional && n == 0))
    return dlc_verr(v, "expected %d dims operand%s (one rank-0 tensor<i64> per dynamic dim of the result %s), got %ld",
                    dyn, dyn == 1 ? "" : "s", dlc_vshape_str(r, b, sizeof(b)), (long)n);
  MlirType i64 = mlirIntegerTypeGet(mlirOperationGetContext(v->op), 64);
  for (intptr_t i = first; i < first + n; ++i) {
    MlirType t = mlirValueGetType(mlirOperationGetOperand(v->op, i));
    if (!mlirTypeIsARankedTensor(t) || mlirShapedTypeGetRank(t) != 0 ||
        !mlirTypeEqual(mlirShapedTypeGetElementType(t), i64))
      return dlc_verr(v, "operand #%ld (dims): expected a rank-0 tensor<i64>, got %s", (long)i,
                      dlc_vtype_str(t, b, sizeof(b)));
  }
  return NULL;
}

/* The declared result has the input's element type. */
static dlcrt_status_t expect_result_elem(const dlc_vctx_t *v, const dlc_shape_t *x, const dlc_shape_t *r) {
  if (mlirTypeEqual(r->elem, x->elem)) return NULL;
  char a[128], b[128];
  return dlc_verr(v, "result #0: expected element type of the input (%s), got %s", dlc_vshape_str(x, a, sizeof(a)),
                  dlc_vshape_str(r, b, sizeof(b)));
}

dlcrt_status_t dlc_verify_reshape(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(expect_at_least(v, 1));
  dlc_shape_t x, r;
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 0, &x));
  DLCRT_RETURN_IF_ERROR(declared_result(v, &r));
  DLCRT_RETURN_IF_ERROR(expect_result_elem(v, &x, &r));
  DLCRT_RETURN_IF_ERROR(check_dims_operands(v, 1, &r, true));
  bool has_dims = mlirOperationGetNumOperands(v->op) > 1;
  char a[128], b[128];
  int xdyn, rdyn;
  int64_t xn = static_count(&x, &xdyn), rn = static_count(&r, &rdyn);
  if (rdyn > 1 && !has_dims)
    return dlc_verr(v, "result #0: at most one dynamic dim can be inferred, got %s (pass dims operands for more)",
                    dlc_vshape_str(&r, b, sizeof(b)));
  if (!xdyn && !rdyn && xn != rn)
    return dlc_verr(v, "result #0: expected %lld elements like the input %s, got %s (%lld elements)", (long long)xn,
                    dlc_vshape_str(&x, a, sizeof(a)), dlc_vshape_str(&r, b, sizeof(b)), (long long)rn);
  /* Without dims the dynamic dim is count / rn, so rn must divide a nonzero count; with dims only the
   * divisibility is checkable. */
  bool fits = rn == 0 ? (has_dims && xn == 0) : xn % rn == 0;
  if (!xdyn && rdyn && !fits)
    return dlc_verr(v, "result #0: %s cannot hold the %lld elements of %s", dlc_vshape_str(&r, b, sizeof(b)),
                    (long long)xn, dlc_vshape_str(&x, a, sizeof(a)));
  return dlc_vcheck_result(v, 0, &r);
}

dlcrt_status_t dlc_verify_dim(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, 1, 1));
  dlc_shape_t x;
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 0, &x));
  if (mlirAttributeIsNull(mlirOperationGetAttributeByName(v->op, dlc_sref("axis"))))
    return dlc_verr(v, "attribute 'axis': is required");
  int32_t axis;
  DLCRT_RETURN_IF_ERROR(dlc_axis_param(v->op, "axis", 0, x.rank, &axis));
  dlc_shape_t r = {.rank = 0, .elem = mlirIntegerTypeGet(mlirOperationGetContext(v->op), 64)};
  return dlc_vcheck_result(v, 0, &r);
}

dlcrt_status_t dlc_verify_fill(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(expect_at_least(v, 0));
  dlc_shape_t r;
  DLCRT_RETURN_IF_ERROR(declared_result(v, &r));
  MlirAttribute scalar;
  DLCRT_RETURN_IF_ERROR(dlc_fill_value(v->op, &scalar));
  MlirType elem = mlirAttributeGetType(scalar);
  if (!mlirTypeEqual(elem, r.elem)) {
    char a[64], b[128];
    return dlc_verr(v, "result #0: expected element type %s (of attribute 'value'), got %s",
                    dlc_vtype_str(elem, a, sizeof(a)), dlc_vshape_str(&r, b, sizeof(b)));
  }
  DLCRT_RETURN_IF_ERROR(check_dims_operands(v, 0, &r, false));
  return dlc_vcheck_result(v, 0, &r);
}

dlcrt_status_t dlc_verify_range(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, 3, 3));
  dlc_shape_t s[3];
  char b[128];
  for (intptr_t i = 0; i < 3; ++i) {
    DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, i, &s[i]));
    DLCRT_RETURN_IF_ERROR(dlc_vexpect_rank(v, i, &s[i], 0));
  }
  MlirType t = s[0].elem;
  bool ok = mlirTypeIsAFloat(t) ||
            (mlirTypeIsAInteger(t) && mlirIntegerTypeIsSignless(t) && mlirIntegerTypeGetWidth(t) > 1);
  if (!ok)
    return dlc_verr(v, "operand #0 (start): expected a signless integer or floating-point element type, got %s",
                    dlc_vshape_str(&s[0], b, sizeof(b)));
  for (intptr_t i = 1; i < 3; ++i) DLCRT_RETURN_IF_ERROR(dlc_vexpect_same_elem(v, i, &s[i], t));
  dlc_shape_t r = {.rank = 1, .dims = {DLC_DYN}, .elem = t}, declared;
  if (dlc_shape_from_type(mlirValueGetType(mlirOperationGetResult(v->op, 0)), &declared) && declared.rank == 1)
    r.dims[0] = declared.dims[0]; /* a static length is the builder's promise */
  return dlc_vcheck_result(v, 0, &r);
}

dlcrt_status_t dlc_verify_expand(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(expect_at_least(v, 1));
  dlc_shape_t x, r;
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 0, &x));
  DLCRT_RETURN_IF_ERROR(declared_result(v, &r));
  DLCRT_RETURN_IF_ERROR(expect_result_elem(v, &x, &r));
  char a[128], b[128];
  if (r.rank < x.rank)
    return dlc_verr(v, "result #0: expected rank >= %d (the input's, %s), got %s", (int)x.rank,
                    dlc_vshape_str(&x, a, sizeof(a)), dlc_vshape_str(&r, b, sizeof(b)));
  for (int32_t sd = 0; sd < x.rank; ++sd) {
    int64_t xd = x.dims[sd], rd = r.dims[sd + r.rank - x.rank];
    if (xd != 1 && !dlc_vdims_compatible(xd, rd))
      return dlc_verr(v, "operand #0 (input): dim %d of %s (size %lld) must be 1 or %lld to broadcast to %s", (int)sd,
                      dlc_vshape_str(&x, a, sizeof(a)), (long long)xd, (long long)rd, dlc_vshape_str(&r, b, sizeof(b)));
  }
  DLCRT_RETURN_IF_ERROR(check_dims_operands(v, 1, &r, false));
  return dlc_vcheck_result(v, 0, &r);
}

dlcrt_status_t dlc_verify_tile(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, 1, 1));
  dlc_shape_t x, r;
  int64_t repeats[DLCRT_MAX_RANK];
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 0, &x));
  DLCRT_RETURN_IF_ERROR(dlc_tile_repeats(v->op, x.rank, repeats));
  r = x;
  for (int32_t d = 0; d < x.rank; ++d)
    r.dims[d] = repeats[d] == 0 ? 0 : x.dims[d] == DLC_DYN ? DLC_DYN : x.dims[d] * repeats[d];
  return dlc_vcheck_result(v, 0, &r);
}

dlcrt_status_t dlc_verify_pad(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, 1, 1));
  dlc_shape_t x, r;
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 0, &x));
  dlc_pad_params_t p;
  DLCRT_RETURN_IF_ERROR(dlc_pad_params(v->op, x.rank, &p));
  r = x;
  for (int32_t d = 0; d < x.rank; ++d) {
    int64_t n = x.dims[d], lo = p.begins[d], hi = p.ends[d];
    if (n == DLC_DYN) {
      r.dims[d] = DLC_DYN;
      continue;
    }
    r.dims[d] = n + lo + hi;
    if (r.dims[d] < 0)
      return dlc_verr(v, "attribute 'pads': dim %d of size %lld cannot be cropped by %lld and %lld", (int)d,
                      (long long)n, (long long)-lo, (long long)-hi);
    if (p.mode != DLC_PAD_CONSTANT && n == 0 && (lo > 0 || hi > 0))
      return dlc_verr(v, "attribute 'pads': the empty dim %d can only be padded in constant mode", (int)d);
  }
  return dlc_vcheck_result(v, 0, &r);
}

dlcrt_status_t dlc_verify_trilu(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, 1, 2));
  dlc_shape_t x;
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 0, &x));
  char b[128];
  if (x.rank < 2)
    return dlc_verr(v, "operand #0 (input): expected rank >= 2 (a batch of matrices), got %s",
                    dlc_vshape_str(&x, b, sizeof(b)));
  if (mlirOperationGetNumOperands(v->op) == 2) { /* the runtime diagonal */
    MlirType t = mlirValueGetType(mlirOperationGetOperand(v->op, 1));
    if (!mlirTypeIsARankedTensor(t) || mlirShapedTypeGetRank(t) != 0 ||
        !mlirTypeEqual(mlirShapedTypeGetElementType(t), mlirIntegerTypeGet(mlirOperationGetContext(v->op), 64)))
      return dlc_verr(v, "operand #1 (k): expected a rank-0 tensor<i64>, got %s", dlc_vtype_str(t, b, sizeof(b)));
  }
  dlc_trilu_params_t p;
  DLCRT_RETURN_IF_ERROR(dlc_trilu_params(v->op, &p));
  return dlc_vcheck_result(v, 0, &x);
}

dlcrt_status_t dlc_verify_arg_reduce(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, 1, 1));
  dlc_shape_t x;
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 0, &x));
  char b[128];
  bool numeric = mlirTypeIsAFloat(x.elem) || (mlirTypeIsAInteger(x.elem) && mlirIntegerTypeGetWidth(x.elem) > 1);
  if (!numeric)
    return dlc_verr(v, "operand #0 (input): expected an integer (not i1) or floating-point element type, got %s",
                    dlc_vshape_str(&x, b, sizeof(b)));
  dlc_arg_reduce_params_t p;
  DLCRT_RETURN_IF_ERROR(dlc_arg_reduce_params(v->op, x.rank, &p));
  if (x.dims[p.axis] == 0)
    return dlc_verr(v, "operand #0 (input): axis %d of %s is empty", (int)p.axis, dlc_vshape_str(&x, b, sizeof(b)));
  dlc_shape_t r = {.rank = 0, .elem = mlirIntegerTypeGet(mlirOperationGetContext(v->op), 64)};
  for (int32_t d = 0; d < x.rank; ++d) {
    if (d != p.axis) r.dims[r.rank++] = x.dims[d];
    else if (p.keepdims) r.dims[r.rank++] = 1;
  }
  return dlc_vcheck_result(v, 0, &r);
}
