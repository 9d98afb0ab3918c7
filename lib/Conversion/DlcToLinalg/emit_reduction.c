/* DlcToLinalg for reduce, softmax, log_softmax, layer_norm, argmax and argmin.
 *
 * Every lowering here is built from two kinds of linalg.generic over the input's iteration space,
 * in which a mask marks the reduced (or normalized) dims:
 *   - red_reduce: linalg.fill with the neutral element, then a generic with "reduction" iterators
 *     on the masked dims that combines the (optionally squared) input into a tensor of the kept dims;
 *   - a map (red_map_open/red_generic_close): an all-parallel generic whose operands are indexed by
 *     all dims, by the kept dims (a reduced tensor broadcast back) or by the masked dims.
 * dlc.reduce: one red_reduce; mean divides by the element count (product of the reduced dims,
 *   dynamic ones read with tensor.dim at run time); keepdims re-inserts the size-1 dims with
 *   tensor.expand_shape.
 * dlc.softmax / dlc.log_softmax (numerically stable): m = max(x), s = sum(exp(x - m)), then
 *   exp(x - m) / s, or (x - m) - log(s).
 * dlc.layer_norm over dims [axis, rank): d = x - mean, var = sum(d * d) / N (population),
 *   d / sqrt(var + epsilon) * scale + bias.
 * dlc.argmax / dlc.argmin: one reduction generic with two outputs, the best value and its i64
 *   index (NaN wins, like numpy; ties go to the first index, or the last with select_last_index).
 * Floats narrower than f32 (f16, bf16) are widened to f32 first and rounded once at the end
 * (argmax/argmin compare in the storage type).
 * Float max/min use arith.maximumf/minimumf, which propagate NaN.
 * Limitations: integer reduce needs signless integers (i1 is treated as unsigned: max is "or",
 * min is "and", sum is "xor"); integer sum/prod wrap on overflow; over zero elements a mean is NaN
 * and a float max/min is -inf/+inf (numpy raises for max/min). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "emit.h"
#include "mlir-c/BuiltinTypes.h"

/* How an operand of a generic over the iteration space is indexed. */
typedef enum red_map_e { MAP_ALL, MAP_KEPT, MAP_MASKED } red_map_t;

typedef struct red_operand_t {
  const char *value;
  const dlc_shape_t *shape;
  red_map_t map;
} red_operand_t;

/* One lowering in progress. */
typedef struct red_t {
  dlc_emit_t *e;
  dlc_shape_t full;             /* the iteration space; elem is the compute type */
  bool mask[DLCRT_MAX_RANK];    /* reduced / normalized dims */
  char dyn[DLCRT_MAX_RANK][16]; /* index values of the dynamic dims of `full` */
  MlirType elem;                /* the op's storage element type */
  bool widen;                   /* elem is a float narrower than f32: compute in f32 */
  char ct[32], et[32];          /* compute / storage element type text */
} red_t;

static bool selected(red_map_t m, bool masked) { return m == MAP_ALL || (m == MAP_MASKED) == masked; }

static void type_text(MlirType t, char *buf, size_t n) {
  dlc_strbuf_t sb;
  dlc_strbuf_init(&sb);
  dlc_emit_elem_type(&sb, t);
  snprintf(buf, n, "%s", dlc_strbuf_cstr(&sb));
  dlc_strbuf_free(&sb);
}

/* The iteration space is operand #0's shape; reads its dynamic dims once. */
static void red_init(red_t *r, dlc_emit_t *e, const bool *mask) {
  memset(r, 0, sizeof(*r));
  r->e = e;
  r->full = e->in[0];
  r->elem = e->in[0].elem;
  r->widen = mlirTypeIsAFloat(r->elem) && mlirFloatTypeGetWidth(r->elem) < 32;
  if (r->widen) r->full.elem = mlirF32TypeGet(mlirTypeGetContext(r->elem));
  memcpy(r->mask, mask, sizeof(r->mask));
  type_text(r->full.elem, r->ct, sizeof(r->ct));
  type_text(r->elem, r->et, sizeof(r->et));
  for (int32_t d = 0; d < r->full.rank; ++d)
    if (r->full.dims[d] == DLC_DYN) dlc_emit_dim(e, "%a0", &e->in[0], d, r->dyn[d]);
}

/* The same lowering seen over the kept dims only (for maps over a reduced tensor). */
static red_t red_kept_view(const red_t *r) {
  red_t k = *r;
  k.full.rank = 0;
  for (int32_t d = 0; d < r->full.rank; ++d) {
    if (r->mask[d]) continue;
    if (r->full.dims[d] == DLC_DYN) memcpy(k.dyn[k.full.rank], r->dyn[d], sizeof(k.dyn[0]));
    k.full.dims[k.full.rank++] = r->full.dims[d];
  }
  memset(k.mask, 0, sizeof(k.mask));
  return k;
}

static dlc_shape_t red_sub_shape(const red_t *r, red_map_t m, MlirType elem) {
  dlc_shape_t s = {.rank = 0, .elem = elem};
  for (int32_t d = 0; d < r->full.rank; ++d)
    if (selected(m, r->mask[d])) s.dims[s.rank++] = r->full.dims[d];
  return s;
}

/* tensor.empty of the selected dims with element type `elem`; `*shape` receives its shape. */
static const char *red_empty(red_t *r, red_map_t m, MlirType elem, dlc_shape_t *shape, char *buf) {
  char dyn[DLCRT_MAX_RANK][16];
  int32_t k = 0;
  for (int32_t d = 0; d < r->full.rank; ++d) {
    if (!selected(m, r->mask[d])) continue;
    if (r->full.dims[d] == DLC_DYN) memcpy(dyn[k], r->dyn[d], sizeof(dyn[0]));
    ++k;
  }
  *shape = red_sub_shape(r, m, elem);
  return dlc_emit_empty(r->e, shape, dyn, buf);
}

static void red_append_map(const red_t *r, red_map_t m) {
  dlc_strbuf_t ex;
  dlc_strbuf_init(&ex);
  for (int32_t d = 0; d < r->full.rank; ++d)
    if (selected(m, r->mask[d])) dlc_strbuf_appendf(&ex, "%sd%d", ex.len ? ", " : "", (int)d);
  dlc_emit_affine_map(r->e->body, r->full.rank, dlc_strbuf_cstr(&ex));
  dlc_strbuf_free(&ex);
}

/* Opens `res = linalg.generic` over the iteration space; the block arguments are %x0.. (the
 * operands) and %acc (the init). The caller appends the body and calls red_generic_close. */
static void red_generic_open(red_t *r, const char *res, const red_operand_t *ins, int nin, const char *init,
                             const dlc_shape_t *init_shape, red_map_t out_map, bool reduction) {
  dlc_strbuf_t *b = r->e->body;
  dlc_strbuf_appendf(b, "  %s = linalg.generic {indexing_maps = [", res);
  for (int i = 0; i < nin; ++i) {
    red_append_map(r, ins[i].map);
    dlc_strbuf_append(b, ", ");
  }
  red_append_map(r, out_map);
  dlc_strbuf_append(b, "], iterator_types = [");
  for (int32_t d = 0; d < r->full.rank; ++d)
    dlc_strbuf_appendf(b, "%s\"%s\"", d ? ", " : "", reduction && r->mask[d] ? "reduction" : "parallel");
  dlc_strbuf_append(b, "]} ins(");
  for (int i = 0; i < nin; ++i) dlc_strbuf_appendf(b, "%s%s", i ? ", " : "", ins[i].value);
  dlc_strbuf_append(b, " : ");
  for (int i = 0; i < nin; ++i) {
    if (i) dlc_strbuf_append(b, ", ");
    dlc_emit_tensor_type(b, ins[i].shape);
  }
  dlc_strbuf_appendf(b, ") outs(%s : ", init);
  dlc_emit_tensor_type(b, init_shape);
  dlc_strbuf_append(b, ") {\n  ^bb0(");
  for (int i = 0; i < nin; ++i) {
    dlc_strbuf_appendf(b, "%%x%d: ", i);
    dlc_emit_elem_type(b, ins[i].shape->elem);
    dlc_strbuf_append(b, ", ");
  }
  dlc_strbuf_append(b, "%acc: ");
  dlc_emit_elem_type(b, init_shape->elem);
  dlc_strbuf_append(b, "):\n");
}

static void red_generic_close(red_t *r, const char *yielded, const dlc_shape_t *out) {
  dlc_strbuf_appendf(r->e->body, "    linalg.yield %s : ", yielded);
  dlc_emit_elem_type(r->e->body, out->elem);
  dlc_strbuf_append(r->e->body, "\n  } -> ");
  dlc_emit_tensor_type(r->e->body, out);
  dlc_strbuf_append(r->e->body, "\n");
}

/* A scalar op inside a generic body: `buf = op a[, b] : type`. */
static const char *red_op(red_t *r, const char *op, const char *a, const char *b, const char *type, char *buf) {
  dlc_emit_fresh(r->e, buf);
  if (b) dlc_strbuf_appendf(r->e->body, "    %s = %s %s, %s : %s\n", buf, op, a, b, type);
  else dlc_strbuf_appendf(r->e->body, "    %s = %s %s : %s\n", buf, op, a, type);
  return buf;
}

/* Converts a scalar between the storage and compute types (no-op unless widening). */
static const char *red_convert(red_t *r, const char *v, bool to_compute, char *buf) {
  if (!r->widen) return v;
  dlc_emit_fresh(r->e, buf);
  dlc_strbuf_appendf(r->e->body, "    %s = %s %s : %s to %s\n", buf, to_compute ? "arith.extf" : "arith.truncf", v,
                     to_compute ? r->et : r->ct, to_compute ? r->ct : r->et);
  return buf;
}

/* Opens an all-parallel generic writing a new tensor of element type `elem` over the iteration space. */
static void red_map_open(red_t *r, const red_operand_t *ins, int nin, MlirType elem, dlc_shape_t *out, char *res) {
  char empty[16];
  red_empty(r, MAP_ALL, elem, out, empty);
  dlc_emit_fresh(r->e, res);
  red_generic_open(r, res, ins, nin, empty, out, MAP_ALL, false);
}

/* Combines `src` (the iteration space, compute type) over the masked dims into a tensor of the kept
 * dims: acc = combiner(x, acc), or combiner(x * x, acc) when `square`. */
static const char *red_reduce(red_t *r, const char *src, const char *combiner, const char *neutral, bool square,
                              dlc_shape_t *out, char *buf) {
  char empty[16], c[16], init[16], sq[16], acc[16];
  red_empty(r, MAP_KEPT, r->full.elem, out, empty);
  dlc_emit_scalar(r->e, r->full.elem, neutral, c);
  dlc_emit_fresh(r->e, init);
  dlc_strbuf_appendf(r->e->body, "  %s = linalg.fill ins(%s : %s) outs(%s : ", init, c, r->ct, empty);
  dlc_emit_tensor_type(r->e->body, out);
  dlc_strbuf_append(r->e->body, ") -> ");
  dlc_emit_tensor_type(r->e->body, out);
  dlc_strbuf_append(r->e->body, "\n");
  red_operand_t in = {src, &r->full, MAP_ALL};
  dlc_emit_fresh(r->e, buf);
  red_generic_open(r, buf, &in, 1, init, out, MAP_KEPT, true);
  const char *x = square ? red_op(r, "arith.mulf", "%x0", "%x0", r->ct, sq) : "%x0";
  red_generic_close(r, red_op(r, combiner, x, "%acc", r->ct, acc), out);
  return buf;
}

/* The input as a tensor of the compute type. */
static const char *red_widen_input(red_t *r, char *buf) {
  if (!r->widen) return "%a0";
  red_operand_t in = {"%a0", &r->e->in[0], MAP_ALL};
  dlc_shape_t out;
  char v[16];
  red_map_open(r, &in, 1, r->full.elem, &out, buf);
  red_generic_close(r, red_convert(r, "%x0", true, v), &out);
  return buf;
}

/* The number of elements in the masked dims, as a compute-type float scalar. */
static const char *red_count(red_t *r, char *buf) {
  int64_t n = 1;
  const char *prod = NULL;
  char p[2][16], c[16], i64[16];
  int k = 0;
  for (int32_t d = 0; d < r->full.rank; ++d) {
    if (!r->mask[d]) continue;
    if (r->full.dims[d] != DLC_DYN) {
      n *= r->full.dims[d];
    } else if (!prod) {
      prod = r->dyn[d];
    } else {
      dlc_emit_fresh(r->e, p[k]);
      dlc_strbuf_appendf(r->e->body, "  %s = arith.muli %s, %s : index\n", p[k], prod, r->dyn[d]);
      prod = p[k];
      k ^= 1;
    }
  }
  if (!prod) {
    char lit[32];
    snprintf(lit, sizeof(lit), "%lld.0", (long long)n);
    return dlc_emit_scalar(r->e, r->full.elem, lit, buf);
  }
  if (n != 1) {
    dlc_emit_index(r->e, n, c);
    dlc_emit_fresh(r->e, p[k]);
    dlc_strbuf_appendf(r->e->body, "  %s = arith.muli %s, %s : index\n", p[k], prod, c);
    prod = p[k];
  }
  dlc_emit_fresh(r->e, i64);
  dlc_emit_fresh(r->e, buf);
  dlc_strbuf_appendf(r->e->body, "  %s = arith.index_cast %s : index to i64\n  %s = arith.uitofp %s : i64 to %s\n", i64,
                     prod, buf, i64, r->ct);
  return buf;
}

/* Maps a reduced tensor (kept dims, compute type) to the storage type, dividing by the element
 * count first when `divide` (mean). */
static const char *red_finish_kept(red_t *r, const char *red, bool divide, dlc_shape_t *shape, char *buf) {
  char n[16], q[16], y[16];
  if (divide) red_count(r, n);
  red_t k = red_kept_view(r);
  dlc_shape_t in_shape = *shape;
  red_operand_t in = {red, &in_shape, MAP_ALL};
  red_map_open(&k, &in, 1, r->elem, shape, buf);
  const char *v = divide ? red_op(&k, "arith.divf", "%x0", n, k.ct, q) : "%x0";
  red_generic_close(&k, red_convert(&k, v, false, y), shape);
  return buf;
}

/* keepdims: re-inserts the masked dims as 1s. Each masked dim joins the group of the kept dim
 * before it (or the first kept dim); with no kept dims the reassociation is empty. */
static const char *red_expand(red_t *r, const char *src, dlc_shape_t *shape, char *buf) {
  dlc_strbuf_t *b = r->e->body;
  dlc_shape_t out = r->full;
  out.elem = shape->elem;
  int32_t kept = 0, group[DLCRT_MAX_RANK];
  for (int32_t d = 0; d < out.rank; ++d) {
    if (!r->mask[d]) ++kept;
    else out.dims[d] = 1;
    group[d] = kept > 0 ? kept - 1 : 0;
  }
  dlc_emit_fresh(r->e, buf);
  dlc_strbuf_appendf(b, "  %s = tensor.expand_shape %s [", buf, src);
  for (int32_t d = 0; kept > 0 && d < out.rank; ++d) {
    bool starts = d == 0 || group[d] != group[d - 1];
    dlc_strbuf_appendf(b, "%s%d", starts ? (d ? "], [" : "[") : ", ", (int)d);
  }
  dlc_strbuf_append(b, kept > 0 ? "]] output_shape [" : "] output_shape [");
  for (int32_t d = 0; d < out.rank; ++d) {
    if (d) dlc_strbuf_append(b, ", ");
    if (out.dims[d] == DLC_DYN) dlc_strbuf_append(b, r->dyn[d]);
    else dlc_strbuf_appendf(b, "%lld", (long long)out.dims[d]);
  }
  dlc_strbuf_append(b, "] : ");
  dlc_emit_tensor_type(b, shape);
  dlc_strbuf_append(b, " into ");
  dlc_emit_tensor_type(b, &out);
  dlc_strbuf_append(b, "\n");
  *shape = out;
  return buf;
}

/* The smallest / largest value of a signless integer type as a literal (i1 as unsigned: 0 / 1). */
static void int_limit(MlirType t, bool want_max, char *buf, size_t n) {
  unsigned w = mlirIntegerTypeGetWidth(t);
  if (w == 1) snprintf(buf, n, "%d", want_max ? 1 : 0);
  else if (w >= 64) snprintf(buf, n, "%s", want_max ? "9223372036854775807" : "-9223372036854775808");
  else snprintf(buf, n, "%lld", want_max ? ((1ll << (w - 1)) - 1) : -(1ll << (w - 1)));
}

/* The combiner op and neutral literal of a reduce kind for the compute type. */
static dlcrt_status_t reduce_combiner(const red_t *r, dlc_reduce_kind_t kind, const char **op, char *neutral) {
  MlirType t = r->full.elem;
  *op = NULL;
  if (mlirTypeIsAFloat(t)) {
    static const char *ops[] = {"arith.addf", "arith.addf", "arith.maximumf", "arith.minimumf", "arith.mulf"};
    const char *lits[] = {"0.0", "0.0", dlc_emit_neg_inf_literal(t), dlc_emit_pos_inf_literal(t), "1.0"};
    *op = ops[kind];
    snprintf(neutral, 32, "%s", lits[kind]);
    return NULL;
  }
  if (!mlirTypeIsAInteger(t) || !mlirIntegerTypeIsSignless(t))
    return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "'dlc.reduce' on element type %s is not supported", r->et);
  bool u = mlirIntegerTypeGetWidth(t) == 1;
  switch (kind) {
    case DLC_REDUCE_MAX: *op = u ? "arith.maxui" : "arith.maxsi"; int_limit(t, false, neutral, 32); break;
    case DLC_REDUCE_MIN: *op = u ? "arith.minui" : "arith.minsi"; int_limit(t, true, neutral, 32); break;
    case DLC_REDUCE_PROD: *op = "arith.muli"; snprintf(neutral, 32, "1"); break;
    case DLC_REDUCE_SUM: *op = "arith.addi"; snprintf(neutral, 32, "0"); break;
    case DLC_REDUCE_MEAN:
      return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "'dlc.reduce' mean needs a float element type");
  }
  return NULL;
}

static dlcrt_status_t emit_reduce(dlc_emit_t *e) {
  dlc_reduce_params_t p;
  DLCRT_RETURN_IF_ERROR(dlc_reduce_params(e->op, e->in[0].rank, &p));
  red_t r;
  red_init(&r, e, p.reduced);
  const char *op = NULL;
  char neutral[32], xb[16], sb[16], yb[16], kb[16];
  DLCRT_RETURN_IF_ERROR(reduce_combiner(&r, p.kind, &op, neutral));
  dlc_shape_t shape;
  const char *y = red_reduce(&r, red_widen_input(&r, xb), op, neutral, false, &shape, sb);
  bool mean = p.kind == DLC_REDUCE_MEAN;
  if (mean || r.widen) y = red_finish_kept(&r, y, mean, &shape, yb);
  if (p.keepdims) y = red_expand(&r, y, &shape, kb);
  dlc_emit_return(e, y, &shape);
  return NULL;
}

static dlcrt_status_t emit_softmax(dlc_emit_t *e) {
  int32_t axis;
  DLCRT_RETURN_IF_ERROR(dlc_axis_param(e->op, "axis", -1, e->in[0].rank, &axis));
  bool mask[DLCRT_MAX_RANK] = {false};
  mask[axis] = true;
  red_t r;
  red_init(&r, e, mask);
  char xb[16], mb[16], eb[16], sb[16], yb[16], t[4][16];
  dlc_shape_t kept, ex, full;
  const char *x = red_widen_input(&r, xb);
  red_reduce(&r, x, "arith.maximumf", dlc_emit_neg_inf_literal(r.full.elem), false, &kept, mb);
  red_operand_t xm[2] = {{x, &r.full, MAP_ALL}, {mb, &kept, MAP_KEPT}};
  red_map_open(&r, xm, 2, r.full.elem, &ex, eb);
  red_generic_close(&r, red_op(&r, "math.exp", red_op(&r, "arith.subf", "%x0", "%x1", r.ct, t[0]), NULL, r.ct, t[1]),
                    &ex);
  red_reduce(&r, eb, "arith.addf", "0.0", false, &kept, sb);
  const char *v;
  if (e->info->kind == DLC_LOG_SOFTMAX) { /* (x - m) - log(s) */
    red_operand_t ins[3] = {{x, &r.full, MAP_ALL}, {mb, &kept, MAP_KEPT}, {sb, &kept, MAP_KEPT}};
    red_map_open(&r, ins, 3, r.elem, &full, yb);
    red_op(&r, "arith.subf", "%x0", "%x1", r.ct, t[0]);
    v = red_op(&r, "arith.subf", t[0], red_op(&r, "math.log", "%x2", NULL, r.ct, t[1]), r.ct, t[2]);
  } else { /* exp(x - m) / s */
    red_operand_t ins[2] = {{eb, &ex, MAP_ALL}, {sb, &kept, MAP_KEPT}};
    red_map_open(&r, ins, 2, r.elem, &full, yb);
    v = red_op(&r, "arith.divf", "%x0", "%x1", r.ct, t[2]);
  }
  red_generic_close(&r, red_convert(&r, v, false, t[3]), &full);
  dlc_emit_return(e, yb, &full);
  return NULL;
}

static dlcrt_status_t emit_layer_norm(dlc_emit_t *e) {
  int32_t axis;
  double eps;
  DLCRT_RETURN_IF_ERROR(dlc_axis_param(e->op, "axis", -1, e->in[0].rank, &axis));
  DLCRT_RETURN_IF_ERROR(dlc_attr_f64(e->op, "epsilon", 1e-5, &eps));
  if (!isfinite(eps))
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "'dlc.layer_norm' attribute 'epsilon' must be finite");
  bool mask[DLCRT_MAX_RANK] = {false};
  for (int32_t d = axis; d < e->in[0].rank; ++d) mask[d] = true;
  red_t r;
  red_init(&r, e, mask);
  char xb[16], sb[16], nb[16], db[16], qb[16], epsb[16], yb[16], t[9][16], lit[40];
  dlc_shape_t kept, full, diff;
  const char *x = red_widen_input(&r, xb);
  red_reduce(&r, x, "arith.addf", "0.0", false, &kept, sb);
  const char *n = red_count(&r, nb);
  snprintf(lit, sizeof(lit), "%.17e", eps);
  dlc_emit_scalar(e, r.full.elem, lit, epsb);
  /* d = x - sum / n */
  red_operand_t xs[2] = {{x, &r.full, MAP_ALL}, {sb, &kept, MAP_KEPT}};
  red_map_open(&r, xs, 2, r.full.elem, &diff, db);
  red_generic_close(&r, red_op(&r, "arith.subf", "%x0", red_op(&r, "arith.divf", "%x1", n, r.ct, t[0]), r.ct, t[1]),
                    &diff);
  red_reduce(&r, db, "arith.addf", "0.0", true, &kept, qb);
  /* d / sqrt(sumsq / n + eps) * scale + bias (math.rsqrt has no libm function to lower to) */
  red_operand_t ins[4] = {
      {db, &diff, MAP_ALL}, {qb, &kept, MAP_KEPT}, {"%a1", &e->in[1], MAP_MASKED}, {"%a2", &e->in[2], MAP_MASKED}};
  red_map_open(&r, ins, 4, r.elem, &full, yb);
  red_op(&r, "arith.divf", "%x1", n, r.ct, t[0]);
  red_op(&r, "math.sqrt", red_op(&r, "arith.addf", t[0], epsb, r.ct, t[1]), NULL, r.ct, t[2]);
  red_op(&r, "arith.divf", "%x0", t[2], r.ct, t[3]);
  red_op(&r, "arith.mulf", t[3], red_convert(&r, "%x2", true, t[4]), r.ct, t[5]);
  red_op(&r, "arith.addf", t[5], red_convert(&r, "%x3", true, t[6]), r.ct, t[7]);
  red_generic_close(&r, red_convert(&r, t[7], false, t[8]), &full);
  dlc_emit_return(e, yb, &full);
  return NULL;
}

/* argmax/argmin body: whether element %x0 at position %pos replaces the accumulator (%acc, %idx).
 * Floats: a NaN beats any number; ties (and NaN vs NaN) go to the first or, with select_last_index,
 * the last position (the loop runs the axis in order). */
static const char *arg_take(red_t *r, bool is_max, bool last, char *buf) {
  dlc_emit_t *e = r->e;
  char c[16], xn[16], an[16], both[16];
  dlc_emit_fresh(e, c);
  if (!mlirTypeIsAFloat(r->elem)) {
    const char *pred = is_max ? (last ? "sge" : "sgt") : (last ? "sle" : "slt");
    dlc_strbuf_appendf(e->body, "    %s = arith.cmpi %s, %%x0, %%acc : %s\n", c, pred, r->et);
    return strcpy(buf, c);
  }
  const char *pred = is_max ? (last ? "oge" : "ogt") : (last ? "ole" : "olt");
  dlc_emit_fresh(e, xn);
  dlc_strbuf_appendf(e->body, "    %s = arith.cmpf %s, %%x0, %%acc : %s\n    %s = arith.cmpf uno, %%x0, %%x0 : %s\n", c, pred,
                     r->et, xn, r->et);
  const char *nan_wins = xn; /* last: any NaN replaces; first: only a NaN over a number */
  if (!last) {
    dlc_emit_fresh(e, an);
    dlc_emit_fresh(e, both);
    dlc_strbuf_appendf(e->body, "    %s = arith.cmpf ord, %%acc, %%acc : %s\n    %s = arith.andi %s, %s : i1\n", an, r->et,
                       both, xn, an);
    nan_wins = both;
  }
  dlc_emit_fresh(e, buf);
  dlc_strbuf_appendf(e->body, "    %s = arith.ori %s, %s : i1\n", buf, c, nan_wins);
  return buf;
}

/* argmax / argmin: one reduction generic with two outputs (best value, its i64 index), the value
 * starting at -inf/+inf (or the integer limit) and the index at 0. */
static dlcrt_status_t emit_arg_reduce(dlc_emit_t *e) {
  dlc_arg_reduce_params_t p;
  DLCRT_RETURN_IF_ERROR(dlc_arg_reduce_params(e->op, e->in[0].rank, &p));
  bool is_max = e->info->kind == DLC_ARGMAX, fp = mlirTypeIsAFloat(e->in[0].elem);
  if (!fp && !(mlirTypeIsAInteger(e->in[0].elem) && mlirIntegerTypeIsSignless(e->in[0].elem)))
    return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "'dlc.%s' needs a float or signless integer input",
                             e->info->name);
  bool mask[DLCRT_MAX_RANK] = {false};
  mask[p.axis] = true;
  red_t r;
  red_init(&r, e, mask);
  r.widen = false; /* compare in the storage type */
  r.full.elem = r.elem;
  snprintf(r.ct, sizeof(r.ct), "%s", r.et);
  char lit[32], vinit[16], iinit[16], res[16], pos[16], posi[16], take[16], nv[16], ni[16], out[16];
  if (fp) snprintf(lit, sizeof(lit), "%s", (is_max ? dlc_emit_neg_inf_literal : dlc_emit_pos_inf_literal)(r.elem));
  else int_limit(r.elem, !is_max, lit, sizeof(lit));
  red_t k = red_kept_view(&r);
  dlc_shape_t vshape = k.full, ishape = k.full;
  ishape.elem = mlirIntegerTypeGet(mlirTypeGetContext(r.elem), 64);
  char c[2][16];
  dlc_emit_fill_with(e, &vshape, k.dyn, dlc_emit_scalar(e, r.elem, lit, c[0]), vinit);
  dlc_emit_fill_with(e, &ishape, k.dyn, dlc_emit_scalar(e, ishape.elem, "0", c[1]), iinit);
  dlc_strbuf_t *b = e->body;
  dlc_emit_fresh(e, res);
  dlc_strbuf_appendf(b, "  %s:2 = linalg.generic {indexing_maps = [", res);
  red_append_map(&r, MAP_ALL);
  dlc_strbuf_append(b, ", ");
  red_append_map(&r, MAP_KEPT);
  dlc_strbuf_append(b, ", ");
  red_append_map(&r, MAP_KEPT);
  dlc_strbuf_append(b, "], iterator_types = [");
  for (int32_t d = 0; d < r.full.rank; ++d)
    dlc_strbuf_appendf(b, "%s\"%s\"", d ? ", " : "", mask[d] ? "reduction" : "parallel");
  dlc_strbuf_append(b, "]} ins(%a0 : ");
  dlc_emit_tensor_type(b, &e->in[0]);
  dlc_strbuf_appendf(b, ") outs(%s, %s : ", vinit, iinit);
  dlc_emit_tensor_type(b, &vshape);
  dlc_strbuf_append(b, ", ");
  dlc_emit_tensor_type(b, &ishape);
  dlc_strbuf_appendf(b, ") {\n  ^bb0(%%x0: %s, %%acc: %s, %%idx: i64):\n", r.et, r.et);
  dlc_emit_fresh(e, pos);
  dlc_emit_fresh(e, posi);
  dlc_strbuf_appendf(b, "    %s = linalg.index %d : index\n    %s = arith.index_cast %s : index to i64\n", pos, (int)p.axis,
                     posi, pos);
  arg_take(&r, is_max, p.select_last_index, take);
  dlc_emit_fresh(e, nv);
  dlc_emit_fresh(e, ni);
  dlc_strbuf_appendf(b, "    %s = arith.select %s, %%x0, %%acc : %s\n    %s = arith.select %s, %s, %%idx : i64\n", nv, take,
                     r.et, ni, take, posi);
  dlc_strbuf_appendf(b, "    linalg.yield %s, %s : %s, i64\n  } -> (", nv, ni, r.et);
  dlc_emit_tensor_type(b, &vshape);
  dlc_strbuf_append(b, ", ");
  dlc_emit_tensor_type(b, &ishape);
  dlc_strbuf_append(b, ")\n");
  char idx[24];
  snprintf(idx, sizeof(idx), "%s#1", res);
  const char *y = p.keepdims ? red_expand(&r, idx, &ishape, out) : idx;
  dlc_emit_return(e, y, &ishape);
  return NULL;
}

dlcrt_status_t dlc_emit_reduction(dlc_emit_t *e) {
  switch (e->info->op_class) {
    case DLC_OPC_REDUCE: return emit_reduce(e);
    case DLC_OPC_ARG_REDUCE: return emit_arg_reduce(e);
    case DLC_OPC_SOFTMAX: return emit_softmax(e);
    case DLC_OPC_LAYER_NORM: return emit_layer_norm(e);
    default: break;
  }
  return dlcrt_make_status(DLCRT_STATUS_INTERNAL, "'dlc.%s' is not a reduction", e->info->name);
}
