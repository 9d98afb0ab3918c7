/* The dlc shape and dtype verifier: what IRDL cannot check. For each op it infers the result type
 * from the operands and attributes (dialect/op_params.c) and compares it with the declared one;
 * a dynamic dim on either side is compatible with anything. Messages name the op, the operand or
 * attribute, what was expected and what was found. This file holds the shared helpers (see
 * verify.h), most ops and the dispatch; verify_shape_ops.c holds the shape-computing ops. */
#include <stdarg.h>
#include <string.h>

#include "verify.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "mlir-c/Diagnostics.h"
#include "mlir-c/Dialect/Func.h"

dlcrt_status_t dlc_verr(const dlc_vctx_t *v, const char *fmt, ...) {
  dlc_strbuf_t sb;
  dlc_strbuf_init(&sb);
  dlc_strbuf_appendf(&sb, "'%s' op ", v->name);
  va_list args;
  va_start(args, fmt);
  char tmp[512];
  vsnprintf(tmp, sizeof(tmp), fmt, args);
  va_end(args);
  dlc_strbuf_append(&sb, tmp);
  dlcrt_status_t st = dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s", dlc_strbuf_cstr(&sb));
  dlc_strbuf_free(&sb);
  return st;
}

/* "tensor<2x?xf32>" into a small buffer, for messages. */
const char *dlc_vtype_str(MlirType t, char *buf, size_t n) {
  dlc_strbuf_t sb;
  dlc_strbuf_init(&sb);
  dlc_strbuf_append_type(&sb, t);
  snprintf(buf, n, "%s", dlc_strbuf_cstr(&sb));
  dlc_strbuf_free(&sb);
  return buf;
}

/* "tensor<2x?xf32>" for a shape, for messages. */
const char *dlc_vshape_str(const dlc_shape_t *s, char *buf, size_t n) {
  dlc_strbuf_t sb;
  dlc_strbuf_init(&sb);
  dlc_strbuf_append(&sb, "tensor<");
  for (int32_t i = 0; i < s->rank; ++i) {
    if (s->dims[i] == DLC_DYN) dlc_strbuf_append(&sb, "?x");
    else dlc_strbuf_appendf(&sb, "%lldx", (long long)s->dims[i]);
  }
  dlc_strbuf_append_type(&sb, s->elem);
  dlc_strbuf_append(&sb, ">");
  snprintf(buf, n, "%s", dlc_strbuf_cstr(&sb));
  dlc_strbuf_free(&sb);
  return buf;
}

const char *dlc_voperand_name(MlirOperation op, intptr_t i) {
  static const char *unary[] = {"input"}, *binary[] = {"lhs", "rhs"}, *conv[] = {"input", "filter", "bias"},
                    *ln[] = {"input", "scale", "bias"}, *gather[] = {"data", "indices"},
                    *where[] = {"condition", "lhs", "rhs"}, *range[] = {"start", "limit", "delta"},
                    *scatter[] = {"data", "indices", "updates"}, *trilu[] = {"input", "k"};
  const dlc_op_info_t *info = dlc_op_info(op);
  switch (info->op_class) {
    case DLC_OPC_RESHAPE: case DLC_OPC_EXPAND: return i < 1 ? unary[i] : "dims";
    case DLC_OPC_FILL: return "dims";
    case DLC_OPC_RANGE: return i < 3 ? range[i] : "?";
    case DLC_OPC_BINARY: case DLC_OPC_COMPARE: case DLC_OPC_MATMUL: case DLC_OPC_CONCAT: return i < 2 ? binary[i] : "?";
    case DLC_OPC_CONV2D: return i < 3 ? conv[i] : "?";
    case DLC_OPC_LAYER_NORM: return i < 3 ? ln[i] : "?";
    case DLC_OPC_GATHER: case DLC_OPC_GATHER_ELEMENTS: return i < 2 ? gather[i] : "?";
    case DLC_OPC_SCATTER_ELEMENTS: return i < 3 ? scatter[i] : "?";
    case DLC_OPC_TRILU: return i < 2 ? trilu[i] : "?";
    case DLC_OPC_WHERE: return i < 3 ? where[i] : "?";
    default: return i < 1 ? unary[i] : "?";
  }
}

/* Reads operand `i` as a ranked tensor. */
dlcrt_status_t dlc_vget_operand(const dlc_vctx_t *v, intptr_t i, dlc_shape_t *s) {
  MlirType t = mlirValueGetType(mlirOperationGetOperand(v->op, i));
  if (dlc_shape_from_type(t, s)) return NULL;
  char b[128];
  return dlc_verr(v, "operand #%ld (%s): expected a ranked tensor, got %s", (long)i, dlc_voperand_name(v->op, i),
                  dlc_vtype_str(t, b, sizeof(b)));
}

static bool is_float(MlirType t) { return mlirTypeIsAFloat(t); }
static bool is_int(MlirType t) { return mlirTypeIsAInteger(t); }

dlcrt_status_t dlc_vexpect_float(const dlc_vctx_t *v, intptr_t i, const dlc_shape_t *s) {
  if (is_float(s->elem)) return NULL;
  char b[128];
  return dlc_verr(v, "operand #%ld (%s): expected a floating-point element type, got %s", (long)i,
                  dlc_voperand_name(v->op, i), dlc_vshape_str(s, b, sizeof(b)));
}

dlcrt_status_t dlc_vexpect_same_elem(const dlc_vctx_t *v, intptr_t i, const dlc_shape_t *s, MlirType elem) {
  if (mlirTypeEqual(s->elem, elem)) return NULL;
  char b[128], e[64];
  return dlc_verr(v, "operand #%ld (%s): expected element type %s, got %s", (long)i, dlc_voperand_name(v->op, i),
                  dlc_vtype_str(elem, e, sizeof(e)), dlc_vshape_str(s, b, sizeof(b)));
}

dlcrt_status_t dlc_vexpect_rank(const dlc_vctx_t *v, intptr_t i, const dlc_shape_t *s, int32_t rank) {
  if (s->rank == rank) return NULL;
  char b[128];
  return dlc_verr(v, "operand #%ld (%s): expected rank %d, got %s", (long)i, dlc_voperand_name(v->op, i), (int)rank,
                  dlc_vshape_str(s, b, sizeof(b)));
}

bool dlc_vdims_compatible(int64_t a, int64_t b) { return a == DLC_DYN || b == DLC_DYN || a == b; }

/* Compares the declared result #i with the inferred shape. */
dlcrt_status_t dlc_vcheck_result(const dlc_vctx_t *v, intptr_t i, const dlc_shape_t *inferred) {
  if (v->inferred) {
    *v->inferred = *inferred;
    return NULL;
  }
  MlirType t = mlirValueGetType(mlirOperationGetResult(v->op, i));
  dlc_shape_t declared;
  char b[128], e[128];
  if (!dlc_shape_from_type(t, &declared))
    return dlc_verr(v, "result #%ld: expected a ranked tensor, got %s", (long)i, dlc_vtype_str(t, b, sizeof(b)));
  bool ok = declared.rank == inferred->rank && mlirTypeEqual(declared.elem, inferred->elem);
  for (int32_t d = 0; ok && d < declared.rank; ++d) ok = dlc_vdims_compatible(declared.dims[d], inferred->dims[d]);
  if (ok) return NULL;
  return dlc_verr(v, "result #%ld: expected %s from the operands, got %s", (long)i,
                  dlc_vshape_str(inferred, e, sizeof(e)), dlc_vshape_str(&declared, b, sizeof(b)));
}

dlcrt_status_t dlc_vexpect_counts(const dlc_vctx_t *v, intptr_t min_operands, intptr_t max_operands) {
  intptr_t n = mlirOperationGetNumOperands(v->op);
  if (n < min_operands || n > max_operands) {
    if (min_operands == max_operands) return dlc_verr(v, "expected %ld operands, got %ld", (long)min_operands, (long)n);
    return dlc_verr(v, "expected %ld to %ld operands, got %ld", (long)min_operands, (long)max_operands, (long)n);
  }
  if (mlirOperationGetNumResults(v->op) != 1)
    return dlc_verr(v, "expected 1 result, got %ld", (long)mlirOperationGetNumResults(v->op));
  return NULL;
}

/* numpy broadcasting of `n` shapes into `out` (element type left to the caller). */
static dlcrt_status_t broadcast(const dlc_vctx_t *v, const dlc_shape_t *shapes, int n, dlc_shape_t *out) {
  out->rank = 0;
  for (int k = 0; k < n; ++k) out->rank = shapes[k].rank > out->rank ? shapes[k].rank : out->rank;
  for (int32_t d = 0; d < out->rank; ++d) {
    int64_t r = 1;
    for (int k = 0; k < n; ++k) {
      int32_t sd = d - (out->rank - shapes[k].rank);
      if (sd < 0) continue;
      int64_t x = shapes[k].dims[sd];
      if (x == 1) continue;
      if (r == 1 || r == DLC_DYN) {
        r = (x == DLC_DYN && r != 1 && r != DLC_DYN) ? r : x;
      } else if (x != DLC_DYN && x != r) {
        char a[128], b[128];
        return dlc_verr(v, "operand #%d (%s): shape %s does not broadcast with %s (dim %d: %lld vs %lld)", k,
                        dlc_voperand_name(v->op, k), dlc_vshape_str(&shapes[k], a, sizeof(a)),
                        dlc_vshape_str(&shapes[0], b, sizeof(b)), (int)d, (long long)x, (long long)r);
      }
    }
    out->dims[d] = r;
  }
  return NULL;
}

/* Element types an elementwise op accepts. */
typedef enum elem_rule_e { ELEM_NUMERIC, ELEM_FLOAT, ELEM_BOOL } elem_rule_t;

static elem_rule_t elementwise_rule(dlc_op_class_t cls, dlc_op_kind_t kind) {
  switch (kind) {
    case DLC_NOT: case DLC_AND: case DLC_OR: case DLC_XOR: return ELEM_BOOL;
    case DLC_NEG: case DLC_ABS: case DLC_RELU: case DLC_SIGN: return ELEM_NUMERIC;
    case DLC_POW: return ELEM_FLOAT;
    default: return cls == DLC_OPC_UNARY ? ELEM_FLOAT : ELEM_NUMERIC;
  }
}

/* The CPU lowering computes with arith, which takes signless integers only: unsigned element types
 * are reported as unsupported (UNIMPLEMENTED), not as invalid IR. */
dlcrt_status_t dlc_vreject_unsigned(const dlc_vctx_t *v, intptr_t i, const dlc_shape_t *s) {
  if (!is_int(s->elem) || !mlirIntegerTypeIsUnsigned(s->elem)) return NULL;
  char t[128];
  dlcrt_status_t st = dlc_verr(v, "operand #%ld (%s): unsigned integer element types (%s) are not supported yet", (long)i,
                               dlc_voperand_name(v->op, i), dlc_vshape_str(s, t, sizeof(t)));
  dlcrt_status_t unsupported = dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "%s", dlcrt_status_message(st));
  dlcrt_status_free(st);
  return unsupported;
}

static dlcrt_status_t verify_elementwise(const dlc_vctx_t *v, dlc_op_class_t cls, dlc_op_kind_t kind) {
  intptr_t n = cls == DLC_OPC_UNARY ? 1 : cls == DLC_OPC_WHERE ? 3 : 2;
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, n, n));
  dlc_shape_t s[3], r;
  for (intptr_t i = 0; i < n; ++i) DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, i, &s[i]));
  intptr_t first_value = cls == DLC_OPC_WHERE ? 1 : 0;
  MlirType elem = s[first_value].elem;
  MlirType i1 = mlirIntegerTypeGet(mlirOperationGetContext(v->op), 1);
  if (cls == DLC_OPC_WHERE) DLCRT_RETURN_IF_ERROR(dlc_vexpect_same_elem(v, 0, &s[0], i1));
  elem_rule_t rule = elementwise_rule(cls, kind);
  if (rule == ELEM_FLOAT) DLCRT_RETURN_IF_ERROR(dlc_vexpect_float(v, first_value, &s[first_value]));
  else if (rule == ELEM_BOOL) DLCRT_RETURN_IF_ERROR(dlc_vexpect_same_elem(v, 0, &s[0], i1));
  else if (!is_float(elem) && !is_int(elem)) {
    char b[128];
    return dlc_verr(v, "operand #%ld (%s): expected an integer or floating-point element type, got %s", (long)first_value,
                    dlc_voperand_name(v->op, first_value), dlc_vshape_str(&s[first_value], b, sizeof(b)));
  }
  DLCRT_RETURN_IF_ERROR(dlc_vreject_unsigned(v, first_value, &s[first_value]));
  if (kind == DLC_GELU) {
    MlirStringRef approx;
    DLCRT_RETURN_IF_ERROR(dlc_attr_str(v->op, "approximate", "none", &approx));
    if (!dlc_sref_eq(approx, "none") && !dlc_sref_eq(approx, "tanh"))
      return dlc_verr(v, "attribute 'approximate': expected \"none\" or \"tanh\", got \"%.*s\"", (int)approx.length,
                      approx.data);
  }
  if (kind == DLC_MOD) {
    bool fmod;
    DLCRT_RETURN_IF_ERROR(dlc_attr_bool(v->op, "fmod", false, &fmod));
  }
  for (intptr_t i = first_value + 1; i < n; ++i) DLCRT_RETURN_IF_ERROR(dlc_vexpect_same_elem(v, i, &s[i], elem));
  DLCRT_RETURN_IF_ERROR(broadcast(v, s, (int)n, &r));
  r.elem = cls == DLC_OPC_COMPARE ? i1 : elem;
  return dlc_vcheck_result(v, 0, &r);
}

static dlcrt_status_t verify_matmul(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, 2, 2));
  dlc_shape_t a, b, r;
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 0, &a));
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 1, &b));
  dlc_matmul_params_t p;
  DLCRT_RETURN_IF_ERROR(dlc_matmul_params(v->op, &p));
  char sa[128], sb[128];
  if (a.rank < 2)
    return dlc_verr(v, "operand #0 (lhs): expected rank >= 2, got %s", dlc_vshape_str(&a, sa, sizeof(sa)));
  if (b.rank < 2)
    return dlc_verr(v, "operand #1 (rhs): expected rank >= 2, got %s", dlc_vshape_str(&b, sb, sizeof(sb)));
  if (!is_float(a.elem) && !is_int(a.elem))
    return dlc_verr(v, "operand #0 (lhs): expected a numeric element type, got %s", dlc_vshape_str(&a, sa, sizeof(sa)));
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_same_elem(v, 1, &b, a.elem));
  int64_t m = a.dims[a.rank - (p.transpose_a ? 1 : 2)], ka = a.dims[a.rank - (p.transpose_a ? 2 : 1)];
  int64_t kb = b.dims[b.rank - (p.transpose_b ? 1 : 2)], n = b.dims[b.rank - (p.transpose_b ? 2 : 1)];
  if (!dlc_vdims_compatible(ka, kb))
    return dlc_verr(v, "operand #1 (rhs): expected contracting dim %lld to match lhs, got %s (lhs %s)", (long long)ka,
                    dlc_vshape_str(&b, sb, sizeof(sb)), dlc_vshape_str(&a, sa, sizeof(sa)));
  dlc_shape_t batch[2] = {a, b};
  batch[0].rank -= 2;
  batch[1].rank -= 2;
  DLCRT_RETURN_IF_ERROR(broadcast(v, batch, 2, &r));
  r.dims[r.rank++] = m;
  r.dims[r.rank++] = n;
  r.elem = a.elem;
  return dlc_vcheck_result(v, 0, &r);
}

static int64_t window_dim(int64_t in, int64_t k, int64_t s, int64_t lo, int64_t hi, int64_t d) {
  return (in == DLC_DYN || k == DLC_DYN) ? DLC_DYN : dlc_window_out_dim(in, k, s, lo, hi, d);
}

static dlcrt_status_t verify_window(const dlc_vctx_t *v, bool conv) {
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, conv ? 2 : 1, conv ? 3 : 1));
  dlc_shape_t x, w, r;
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 0, &x));
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_rank(v, 0, &x, 4));
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_float(v, 0, &x));
  dlc_window_params_t p;
  DLCRT_RETURN_IF_ERROR(dlc_window_params(v->op, &p));
  r = x;
  if (conv) {
    DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 1, &w));
    DLCRT_RETURN_IF_ERROR(dlc_vexpect_rank(v, 1, &w, 4));
    DLCRT_RETURN_IF_ERROR(dlc_vexpect_same_elem(v, 1, &w, x.elem));
    p.kernel[0] = w.dims[2];
    p.kernel[1] = w.dims[3];
    char sx[128], sw[128];
    if (x.dims[1] != DLC_DYN && w.dims[1] != DLC_DYN && x.dims[1] != w.dims[1] * p.groups)
      return dlc_verr(v, "operand #1 (filter): expected %lld input channels per group (input %s, groups %lld), got %s",
                      (long long)(x.dims[1] / p.groups), dlc_vshape_str(&x, sx, sizeof(sx)), (long long)p.groups,
                      dlc_vshape_str(&w, sw, sizeof(sw)));
    if (w.dims[0] != DLC_DYN && w.dims[0] % p.groups != 0)
      return dlc_verr(v, "operand #1 (filter): output channels %lld are not divisible by groups %lld",
                      (long long)w.dims[0], (long long)p.groups);
    if (mlirOperationGetNumOperands(v->op) == 3) {
      dlc_shape_t bias;
      DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 2, &bias));
      DLCRT_RETURN_IF_ERROR(dlc_vexpect_same_elem(v, 2, &bias, x.elem));
      if (bias.rank != 1 || !dlc_vdims_compatible(bias.dims[0], w.dims[0]))
        return dlc_verr(v, "operand #2 (bias): expected one value per output channel (%lld), got %s",
                        (long long)w.dims[0], dlc_vshape_str(&bias, sx, sizeof(sx)));
    }
    r.dims[1] = w.dims[0];
  }
  for (int i = 0; i < 2; ++i)
    r.dims[2 + i] = window_dim(x.dims[2 + i], p.kernel[i], p.strides[i], p.pads[i], p.pads[i + 2], p.dilations[i]);
  return dlc_vcheck_result(v, 0, &r);
}

static dlcrt_status_t verify_same_shape_float(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, 1, 1));
  dlc_shape_t x;
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 0, &x));
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_float(v, 0, &x));
  int32_t axis;
  DLCRT_RETURN_IF_ERROR(dlc_axis_param(v->op, "axis", -1, x.rank, &axis));
  return dlc_vcheck_result(v, 0, &x);
}

static dlcrt_status_t verify_layer_norm(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, 3, 3));
  dlc_shape_t x, s[2];
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 0, &x));
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_float(v, 0, &x));
  int32_t axis;
  double eps;
  DLCRT_RETURN_IF_ERROR(dlc_axis_param(v->op, "axis", -1, x.rank, &axis));
  DLCRT_RETURN_IF_ERROR(dlc_attr_f64(v->op, "epsilon", 1e-5, &eps));
  for (int i = 0; i < 2; ++i) {
    DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 1 + i, &s[i]));
    DLCRT_RETURN_IF_ERROR(dlc_vexpect_same_elem(v, 1 + i, &s[i], x.elem));
    bool ok = s[i].rank == x.rank - axis;
    for (int32_t d = 0; ok && d < s[i].rank; ++d) ok = dlc_vdims_compatible(s[i].dims[d], x.dims[axis + d]);
    if (!ok) {
      dlc_shape_t want = x;
      want.rank = x.rank - axis;
      memmove(want.dims, x.dims + axis, sizeof(int64_t) * (size_t)want.rank);
      char a[128], b[128];
      return dlc_verr(v, "operand #%d (%s): expected %s (the normalized dims of the input), got %s", 1 + i,
                      dlc_voperand_name(v->op, 1 + i), dlc_vshape_str(&want, a, sizeof(a)),
                      dlc_vshape_str(&s[i], b, sizeof(b)));
    }
  }
  return dlc_vcheck_result(v, 0, &x);
}

static dlcrt_status_t verify_reduce(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, 1, 1));
  dlc_shape_t x, r;
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 0, &x));
  dlc_reduce_params_t p;
  DLCRT_RETURN_IF_ERROR(dlc_reduce_params(v->op, x.rank, &p));
  if (p.kind == DLC_REDUCE_MEAN) DLCRT_RETURN_IF_ERROR(dlc_vexpect_float(v, 0, &x));
  r.rank = 0;
  r.elem = x.elem;
  for (int32_t d = 0; d < x.rank; ++d) {
    if (!p.reduced[d]) r.dims[r.rank++] = x.dims[d];
    else if (p.keepdims) r.dims[r.rank++] = 1;
  }
  return dlc_vcheck_result(v, 0, &r);
}

static dlcrt_status_t verify_transpose(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, 1, 1));
  dlc_shape_t x, r;
  int64_t perm[DLCRT_MAX_RANK];
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 0, &x));
  DLCRT_RETURN_IF_ERROR(dlc_transpose_perm(v->op, x.rank, perm));
  r = x;
  for (int32_t d = 0; d < x.rank; ++d) r.dims[d] = x.dims[perm[d]];
  return dlc_vcheck_result(v, 0, &r);
}

static dlcrt_status_t verify_concat(const dlc_vctx_t *v) {
  intptr_t n = 2;
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, 2, 2));
  dlc_shape_t x0, xi, r;
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 0, &x0));
  int32_t axis;
  DLCRT_RETURN_IF_ERROR(dlc_axis_param(v->op, "axis", 0, x0.rank, &axis));
  r = x0;
  for (intptr_t i = 1; i < n; ++i) {
    DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, i, &xi));
    DLCRT_RETURN_IF_ERROR(dlc_vexpect_rank(v, i, &xi, x0.rank));
    DLCRT_RETURN_IF_ERROR(dlc_vexpect_same_elem(v, i, &xi, x0.elem));
    for (int32_t d = 0; d < x0.rank; ++d) {
      if (d == axis) {
        r.dims[d] = (r.dims[d] == DLC_DYN || xi.dims[d] == DLC_DYN) ? DLC_DYN : r.dims[d] + xi.dims[d];
      } else if (!dlc_vdims_compatible(xi.dims[d], x0.dims[d])) {
        char a[128], b[128];
        return dlc_verr(v, "operand #%ld (rhs): expected dim %d to be %lld like lhs (%s), got %s", (long)i,
                        (int)d, (long long)x0.dims[d], dlc_vshape_str(&x0, a, sizeof(a)),
                        dlc_vshape_str(&xi, b, sizeof(b)));
      }
    }
  }
  return dlc_vcheck_result(v, 0, &r);
}

static dlcrt_status_t verify_slice(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, 1, 1));
  dlc_shape_t x, r;
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 0, &x));
  dlc_slice_params_t p;
  DLCRT_RETURN_IF_ERROR(dlc_slice_params(v->op, x.rank, &p));
  r = x;
  for (int32_t d = 0; d < x.rank; ++d)
    r.dims[d] = x.dims[d] == DLC_DYN ? DLC_DYN : dlc_slice_static_len(x.dims[d], p.starts[d], p.ends[d], p.steps[d]);
  return dlc_vcheck_result(v, 0, &r);
}

static dlcrt_status_t verify_gather(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, 2, 2));
  dlc_shape_t x, idx, r;
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 0, &x));
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 1, &idx));
  char b[128];
  if (!is_int(idx.elem) || mlirIntegerTypeGetWidth(idx.elem) < 8)
    return dlc_verr(v, "operand #1 (indices): expected an integer element type (i32 or i64), got %s",
                    dlc_vshape_str(&idx, b, sizeof(b)));
  int32_t axis;
  DLCRT_RETURN_IF_ERROR(dlc_axis_param(v->op, "axis", 0, x.rank, &axis));
  if (x.rank - 1 + idx.rank > DLCRT_MAX_RANK) return dlc_verr(v, "result rank exceeds %d", DLCRT_MAX_RANK);
  r.rank = 0;
  r.elem = x.elem;
  for (int32_t d = 0; d < axis; ++d) r.dims[r.rank++] = x.dims[d];
  for (int32_t d = 0; d < idx.rank; ++d) r.dims[r.rank++] = idx.dims[d];
  for (int32_t d = axis + 1; d < x.rank; ++d) r.dims[r.rank++] = x.dims[d];
  return dlc_vcheck_result(v, 0, &r);
}

static dlcrt_status_t verify_cast(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, 1, 1));
  dlc_shape_t x, r;
  DLCRT_RETURN_IF_ERROR(dlc_vget_operand(v, 0, &x));
  r = x;
  MlirType rt = mlirValueGetType(mlirOperationGetResult(v->op, 0));
  if (!mlirTypeIsARankedTensor(rt)) return dlc_verr(v, "result #0: expected a ranked tensor");
  r.elem = mlirShapedTypeGetElementType(rt);
  DLCRT_RETURN_IF_ERROR(dlc_vreject_unsigned(v, 0, &x));
  if (is_int(r.elem) && mlirIntegerTypeIsUnsigned(r.elem))
    return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "'%s' op result #0: casts to unsigned integer types are not supported yet",
                             v->name);
  if (dlc_dtype_from_mlir(r.elem) == DLCRT_DTYPE_INVALID || dlc_dtype_from_mlir(x.elem) == DLCRT_DTYPE_INVALID) {
    char b[128];
    return dlc_verr(v, "cannot cast %s to %s: supported element types are f64, f32, f16, bf16, i64, i32, i16, i8, i1",
                    dlc_vshape_str(&x, b, sizeof(b)), dlc_vtype_str(r.elem, (char[64]){0}, 64));
  }
  return dlc_vcheck_result(v, 0, &r);
}

static dlcrt_status_t verify_constant(const dlc_vctx_t *v) {
  DLCRT_RETURN_IF_ERROR(dlc_vexpect_counts(v, 0, 0));
  MlirAttribute value = mlirOperationGetAttributeByName(v->op, dlc_sref("value"));
  if (!mlirAttributeIsAElements(value)) return dlc_verr(v, "attribute 'value': expected dense or dense_resource elements");
  dlc_shape_t s;
  MlirType vt = mlirAttributeGetType(value);
  if (!dlc_shape_from_type(vt, &s)) return dlc_verr(v, "attribute 'value': expected a ranked tensor type");
  return dlc_vcheck_result(v, 0, &s);
}

dlcrt_status_t dlc_check_op(MlirOperation op, dlc_shape_t *inferred) {
  const dlc_op_info_t *info = dlc_op_info(op);
  if (!info) return NULL;
  dlc_vctx_t v = {.op = op, .inferred = inferred};
  dlc_op_name(op, v.name, sizeof(v.name));
  switch (info->op_class) {
    case DLC_OPC_UNARY: case DLC_OPC_BINARY: case DLC_OPC_COMPARE: case DLC_OPC_WHERE:
      return verify_elementwise(&v, info->op_class, info->kind);
    case DLC_OPC_MATMUL: return verify_matmul(&v);
    case DLC_OPC_CONV2D: return verify_window(&v, true);
    case DLC_OPC_POOL2D: return verify_window(&v, false);
    case DLC_OPC_SOFTMAX: return verify_same_shape_float(&v);
    case DLC_OPC_LAYER_NORM: return verify_layer_norm(&v);
    case DLC_OPC_REDUCE: return verify_reduce(&v);
    case DLC_OPC_TRANSPOSE: return verify_transpose(&v);
    case DLC_OPC_RESHAPE: return dlc_verify_reshape(&v);
    case DLC_OPC_CONCAT: return verify_concat(&v);
    case DLC_OPC_SLICE: return verify_slice(&v);
    case DLC_OPC_GATHER: return verify_gather(&v);
    case DLC_OPC_CAST: return verify_cast(&v);
    case DLC_OPC_DIM: return dlc_verify_dim(&v);
    case DLC_OPC_FILL: return dlc_verify_fill(&v);
    case DLC_OPC_RANGE: return dlc_verify_range(&v);
    case DLC_OPC_EXPAND: return dlc_verify_expand(&v);
    case DLC_OPC_TILE: return dlc_verify_tile(&v);
    case DLC_OPC_PAD: return dlc_verify_pad(&v);
    case DLC_OPC_TRILU: return dlc_verify_trilu(&v);
    case DLC_OPC_ARG_REDUCE: return dlc_verify_arg_reduce(&v);
    case DLC_OPC_GATHER_ELEMENTS: return dlc_verify_gather_elements(&v);
    case DLC_OPC_SCATTER_ELEMENTS: return dlc_verify_scatter_elements(&v);
    case DLC_OPC_CUMSUM: return dlc_verify_cumsum(&v);
    case DLC_OPC_CONSTANT: return verify_constant(&v);
  }
  return NULL;
}

dlcrt_status_t dlc_verify_op(MlirOperation op) { return dlc_check_op(op, NULL); }

dlcrt_status_t dlc_infer_result_type(MlirOperation op) {
  const dlc_op_info_t *info = dlc_op_info(op);
  if (!info || mlirOperationGetNumResults(op) != 1) return NULL;
  MlirType declared = mlirValueGetType(mlirOperationGetResult(op, 0));
  dlc_shape_t shape;
  bool ranked = dlc_shape_from_type(declared, &shape);
  /* reshape, cast, fill and expand take their target from the declared type; range keeps a declared
   * rank-1 type (see dlc_verify_range); everything else is inferred. */
  dlc_op_kind_t k = info->kind;
  bool target = k == DLC_RESHAPE || k == DLC_CAST || k == DLC_FILL || k == DLC_EXPAND;
  if (target) {
    if (!ranked) return dlcrt_make_status(DLCRT_STATUS_INTERNAL, "'dlc.%s' needs a ranked result type", info->name);
    return dlc_check_op(op, NULL);
  }
  DLCRT_RETURN_IF_ERROR(dlc_check_op(op, &shape));
  mlirValueSetType(mlirOperationGetResult(op, 0), dlc_shape_to_type(mlirOperationGetContext(op), &shape));
  return NULL;
}

static MlirWalkResult dlc_verify_walk(MlirOperation op, void *user_data) {
  int *failures = user_data;
  dlcrt_status_t st = dlc_is_fusion_func(op) ? dlc_verify_fusion_func(op) : dlc_verify_op(op);
  if (st) {
    mlirEmitError(mlirOperationGetLocation(op), dlcrt_status_message(st));
    dlcrt_status_free(st);
    ++*failures;
  }
  return MlirWalkResultAdvance;
}

int dlc_verify_all(MlirOperation root) {
  int failures = 0;
  mlirOperationWalk(root, dlc_verify_walk, &failures, MlirWalkPreOrder);
  return failures;
}
