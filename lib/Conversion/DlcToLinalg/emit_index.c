/* DlcToLinalg for gather_elements, scatter_elements and cumsum (ONNX GatherElements,
 * ScatterElements, CumSum).
 *   gather_elements: a linalg.generic over the result (the shape of indices) reads the index, wraps a
 *     negative one once (idx < 0 ? idx + dim : idx), clamps it into [0, dim - 1] and tensor.extract's
 *     the data element whose other coordinates are the result's (linalg.index).
 *   scatter_elements: linalg.copy of data into a fresh tensor, then a nest of scf.for loops over the
 *     updates (one per dim, in row-major order) carrying the tensor: each step reads the index and the
 *     update, wraps and clamps the index like gather_elements and tensor.insert's the update (for
 *     add/mul/max/min: combined with the element already there). The loop is sequential, so for
 *     "none" the last update to an element wins, as in the ONNX reference.
 *   cumsum: one scf.for over the axis (backwards with reverse) carrying the result and the running
 *     sum of one slice (the input's shape with the axis dim 1, starting at zero): each step extracts
 *     the input slice, adds it to the running sum with a linalg.generic and tensor.insert_slice's
 *     the sum into the result (exclusive: the running sum before the addition), so the work is
 *     linear in the axis length.
 * Limitations: an out-of-range index is clamped instead of failing (an index into an empty axis is
 * undefined, as for gather); integer arithmetic (scatter
 * reductions, cumsum) needs signless integers and wraps on overflow; float max/min propagate NaN
 * (arith.maximumf/minimumf). */
#include <stdio.h>
#include <string.h>

#include "emit.h"
#include "mlir-c/BuiltinTypes.h"

static bool signless_int(MlirType t) { return mlirTypeIsAInteger(t) && mlirIntegerTypeIsSignless(t); }

static dlcrt_status_t need_signless_indices(const dlc_emit_t *e, const dlc_shape_t *idx) {
  if (signless_int(idx->elem)) return NULL;
  return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "'dlc.%s' needs signless integer indices (i32 or i64)",
                           e->info->name);
}

/* The in-bounds index along the axis for the integer `raw` (of type `elem`): wrapped once when
 * negative, then clamped into [0, last]. Emitted with `indent`. */
static const char *wrap_index(dlc_emit_t *e, const char *indent, const char *raw, MlirType elem, const char *dim,
                              const char *zero, const char *last, char *buf) {
  dlc_strbuf_t *b = e->body;
  char i[16], neg[16], w[16], j[16], lo[16];
  dlc_emit_fresh(e, i);
  dlc_emit_fresh(e, neg);
  dlc_emit_fresh(e, w);
  dlc_emit_fresh(e, j);
  dlc_emit_fresh(e, lo);
  dlc_emit_fresh(e, buf);
  dlc_strbuf_appendf(b, "%s%s = arith.index_cast %s : ", indent, i, raw);
  dlc_emit_elem_type(b, elem);
  dlc_strbuf_appendf(b, " to index\n%s%s = arith.cmpi slt, %s, %s : index\n", indent, neg, i, zero);
  dlc_strbuf_appendf(b, "%s%s = arith.addi %s, %s : index\n%s%s = arith.select %s, %s, %s : index\n", indent, w, i, dim,
                     indent, j, neg, w, i);
  dlc_strbuf_appendf(b, "%s%s = arith.maxsi %s, %s : index\n%s%s = arith.minsi %s, %s : index\n", indent, lo, j, zero,
                     indent, buf, lo, last);
  return buf;
}

/* dim, 0 and dim - 1 of data (%a0) along `axis`. */
static void axis_bounds(dlc_emit_t *e, int32_t axis, char *dim, char *zero, char *last) {
  char one[16];
  dlc_emit_dim(e, "%a0", &e->in[0], axis, dim);
  dlc_emit_index(e, 0, zero);
  dlc_emit_index_op(e, "arith.subi", dim, dlc_emit_index(e, 1, one), last);
}

static dlcrt_status_t emit_gather_elements(dlc_emit_t *e) {
  const dlc_shape_t *x = &e->in[0], *idx = &e->in[1];
  dlc_index_params_t p;
  DLCRT_RETURN_IF_ERROR(dlc_index_params(e->op, x->rank, &p));
  DLCRT_RETURN_IF_ERROR(need_signless_indices(e, idx));
  dlc_shape_t out = *idx;
  out.elem = x->elem;
  char dyn[DLCRT_MAX_RANK][16], dim[16], zero[16], last[16], init[16], res[16], j[16], v[16];
  char coord[DLCRT_MAX_RANK][16];
  for (int32_t d = 0; d < out.rank; ++d)
    if (out.dims[d] == DLC_DYN) dlc_emit_dim(e, "%a1", idx, d, dyn[d]);
  axis_bounds(e, p.axis, dim, zero, last);
  dlc_emit_empty(e, &out, dyn, init);
  dlc_strbuf_t id;
  dlc_strbuf_init(&id);
  dlc_emit_identity_exprs(&id, out.rank);
  dlc_emit_fresh(e, res);
  const char *values[] = {"%a1", init};
  const dlc_shape_t *shapes[] = {idx, &out};
  const char *maps[] = {dlc_strbuf_cstr(&id), dlc_strbuf_cstr(&id)};
  dlc_emit_generic_open(e, res, out.rank, out.rank, 1, values, shapes, maps);
  dlcrt_status_t st = dlc_strbuf_status(&id);
  dlc_strbuf_free(&id);
  DLCRT_RETURN_IF_ERROR(st);
  wrap_index(e, "    ", "%x0", idx->elem, dim, zero, last, j);
  dlc_strbuf_t *b = e->body;
  for (int32_t d = 0; d < x->rank; ++d) {
    if (d == p.axis) continue;
    dlc_emit_fresh(e, coord[d]);
    dlc_strbuf_appendf(b, "    %s = linalg.index %d : index\n", coord[d], (int)d);
  }
  dlc_emit_fresh(e, v);
  dlc_strbuf_appendf(b, "    %s = tensor.extract %%a0[", v);
  for (int32_t d = 0; d < x->rank; ++d) dlc_strbuf_appendf(b, "%s%s", d ? ", " : "", d == p.axis ? j : coord[d]);
  dlc_strbuf_append(b, "] : ");
  dlc_emit_tensor_type(b, x);
  dlc_strbuf_appendf(b, "\n    linalg.yield %s : ", v);
  dlc_emit_elem_type(b, x->elem);
  dlc_strbuf_append(b, "\n");
  dlc_emit_generic_close(e, &out);
  dlc_emit_return(e, res, &out);
  return NULL;
}

/* `buf = OP old, upd` for a scatter reduction (NULL for none). */
static const char *combine(dlc_emit_t *e, const char *indent, dlc_scatter_reduction_t r, MlirType elem, const char *old,
                           const char *upd, char *buf) {
  bool fp = mlirTypeIsAFloat(elem);
  const char *op = NULL;
  switch (r) {
    case DLC_SCATTER_NONE: return NULL;
    case DLC_SCATTER_ADD: op = fp ? "arith.addf" : "arith.addi"; break;
    case DLC_SCATTER_MUL: op = fp ? "arith.mulf" : "arith.muli"; break;
    case DLC_SCATTER_MAX: op = fp ? "arith.maximumf" : "arith.maxsi"; break;
    case DLC_SCATTER_MIN: op = fp ? "arith.minimumf" : "arith.minsi"; break;
  }
  dlc_emit_fresh(e, buf);
  dlc_strbuf_appendf(e->body, "%s%s = %s %s, %s : ", indent, buf, op, old, upd);
  dlc_emit_elem_type(e->body, elem);
  dlc_strbuf_append(e->body, "\n");
  return buf;
}

static dlcrt_status_t emit_scatter_elements(dlc_emit_t *e) {
  const dlc_shape_t *x = &e->in[0], *idx = &e->in[1], *upd = &e->in[2];
  int32_t R = x->rank;
  dlc_index_params_t p;
  DLCRT_RETURN_IF_ERROR(dlc_index_params(e->op, R, &p));
  DLCRT_RETURN_IF_ERROR(need_signless_indices(e, idx));
  if (p.reduction != DLC_SCATTER_NONE && mlirTypeIsAInteger(x->elem) && !signless_int(x->elem))
    return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED,
                             "'dlc.scatter_elements' with reduction \"%s\" needs signless integers or floats",
                             dlc_scatter_reduction_name(p.reduction));
  char dyn[DLCRT_MAX_RANK][16], n[DLCRT_MAX_RANK][16], iv[DLCRT_MAX_RANK][16], t[DLCRT_MAX_RANK + 1][16],
      loop[DLCRT_MAX_RANK][16];
  char dim[16], zero[16], last[16], one[16], init[16], copy[16], raw[16], u[16], j[16], old[16], nv[16], ins[16];
  for (int32_t d = 0; d < R; ++d)
    if (x->dims[d] == DLC_DYN) dlc_emit_dim(e, "%a0", x, d, dyn[d]);
  axis_bounds(e, p.axis, dim, zero, last);
  dlc_emit_index(e, 1, one);
  for (int32_t d = 0; d < R; ++d) dlc_emit_dim(e, "%a2", upd, d, n[d]);
  dlc_emit_empty(e, x, dyn, init);
  dlc_strbuf_t *b = e->body, ty;
  dlc_strbuf_init(&ty);
  dlc_emit_tensor_type(&ty, x);
  const char *T = dlc_strbuf_cstr(&ty);
  dlc_emit_fresh(e, copy);
  dlc_strbuf_appendf(b, "  %s = linalg.copy ins(%%a0 : %s) outs(%s : %s) -> %s\n", copy, T, init, T, T);
  snprintf(t[0], sizeof(t[0]), "%s", copy);
  char indent[2 * DLCRT_MAX_RANK + 8];
  for (int32_t d = 0; d < R; ++d) {
    memset(indent, ' ', (size_t)(2 + 2 * d));
    indent[2 + 2 * d] = '\0';
    dlc_emit_fresh(e, loop[d]);
    dlc_emit_fresh(e, iv[d]);
    dlc_emit_fresh(e, t[d + 1]);
    dlc_strbuf_appendf(b, "%s%s = scf.for %s = %s to %s step %s iter_args(%s = %s) -> (%s) {\n", indent, loop[d], iv[d],
                       zero, n[d], one, t[d + 1], t[d], T);
  }
  memset(indent, ' ', (size_t)(2 + 2 * R));
  indent[2 + 2 * R] = '\0';
  dlc_strbuf_t ivs;
  dlc_strbuf_init(&ivs);
  for (int32_t d = 0; d < R; ++d) dlc_strbuf_appendf(&ivs, "%s%s", d ? ", " : "", iv[d]);
  dlc_emit_fresh(e, raw);
  dlc_strbuf_appendf(b, "%s%s = tensor.extract %%a1[%s] : ", indent, raw, dlc_strbuf_cstr(&ivs));
  dlc_emit_tensor_type(b, idx);
  dlc_emit_fresh(e, u);
  dlc_strbuf_appendf(b, "\n%s%s = tensor.extract %%a2[%s] : ", indent, u, dlc_strbuf_cstr(&ivs));
  dlc_emit_tensor_type(b, upd);
  dlc_strbuf_append(b, "\n");
  wrap_index(e, indent, raw, idx->elem, dim, zero, last, j);
  dlc_strbuf_t at;
  dlc_strbuf_init(&at);
  for (int32_t d = 0; d < R; ++d) dlc_strbuf_appendf(&at, "%s%s", d ? ", " : "", d == p.axis ? j : iv[d]);
  const char *value = u;
  if (p.reduction != DLC_SCATTER_NONE) {
    dlc_emit_fresh(e, old);
    dlc_strbuf_appendf(b, "%s%s = tensor.extract %s[%s] : %s\n", indent, old, t[R], dlc_strbuf_cstr(&at), T);
    value = combine(e, indent, p.reduction, x->elem, old, u, nv);
  }
  dlc_emit_fresh(e, ins);
  dlc_strbuf_appendf(b, "%s%s = tensor.insert %s into %s[%s] : %s\n", indent, ins, value, t[R], dlc_strbuf_cstr(&at), T);
  const char *yielded = ins;
  for (int32_t d = R - 1; d >= 0; --d) {
    memset(indent, ' ', (size_t)(2 + 2 * d));
    indent[2 + 2 * d] = '\0';
    dlc_strbuf_appendf(b, "%s  scf.yield %s : %s\n%s}\n", indent, yielded, T, indent);
    yielded = loop[d];
  }
  dlcrt_status_t st = dlc_strbuf_status(&ty);
  if (!st) st = dlc_strbuf_status(&ivs);
  if (!st) st = dlc_strbuf_status(&at);
  dlc_strbuf_free(&ty);
  dlc_strbuf_free(&ivs);
  dlc_strbuf_free(&at);
  DLCRT_RETURN_IF_ERROR(st);
  dlc_emit_return(e, R ? loop[0] : copy, x);
  return NULL;
}

/* Appends "[offsets] [sizes] [strides]" of the size-1 slice of x at `i` along `axis`. */
static void slice_spec(dlc_strbuf_t *b, const dlc_shape_t *x, int32_t axis, const char *i, char dims[][16]) {
  dlc_strbuf_append(b, "[");
  for (int32_t d = 0; d < x->rank; ++d) dlc_strbuf_appendf(b, "%s%s", d ? ", " : "", d == axis ? i : "0");
  dlc_strbuf_append(b, "] [");
  for (int32_t d = 0; d < x->rank; ++d) {
    if (d) dlc_strbuf_append(b, ", ");
    if (d == axis) dlc_strbuf_append(b, "1");
    else if (x->dims[d] == DLC_DYN) dlc_strbuf_append(b, dims[d]);
    else dlc_strbuf_appendf(b, "%lld", (long long)x->dims[d]);
  }
  dlc_strbuf_append(b, "] [");
  for (int32_t d = 0; d < x->rank; ++d) dlc_strbuf_append(b, d ? ", 1" : "1");
  dlc_strbuf_append(b, "]");
}

static dlcrt_status_t emit_cumsum(dlc_emit_t *e) {
  const dlc_shape_t *x = &e->in[0];
  dlc_cumsum_params_t p;
  DLCRT_RETURN_IF_ERROR(dlc_cumsum_params(e->op, x->rank, &p));
  bool fp = mlirTypeIsAFloat(x->elem);
  if (!fp && !signless_int(x->elem))
    return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "'dlc.cumsum' needs a float or signless integer input");
  dlc_shape_t s = *x; /* one slice along the axis */
  s.dims[p.axis] = 1;
  char dyn[DLCRT_MAX_RANK][16], n[16], zero[16], one[16], last[16], init[16], run0[16], res[16], k[16], i[16],
      out[16], run[16], xs[16], sum[16], o2[16], et[32];
  for (int32_t d = 0; d < x->rank; ++d)
    if (x->dims[d] == DLC_DYN) dlc_emit_dim(e, "%a0", x, d, dyn[d]);
  if (x->dims[p.axis] == DLC_DYN) snprintf(n, sizeof(n), "%s", dyn[p.axis]);
  else dlc_emit_index(e, x->dims[p.axis], n);
  dlc_emit_index(e, 0, zero);
  dlc_emit_index(e, 1, one);
  if (p.reverse) dlc_emit_index_op(e, "arith.subi", n, one, last);
  dlc_emit_empty(e, x, dyn, init);
  dlc_emit_filled(e, &s, dyn, fp ? "0.0" : "0", run0);
  dlc_emit_elem_name(x->elem, et);
  dlc_strbuf_t *b = e->body, tx, ts;
  dlc_strbuf_init(&tx);
  dlc_strbuf_init(&ts);
  dlc_emit_tensor_type(&tx, x);
  dlc_emit_tensor_type(&ts, &s);
  const char *TX = dlc_strbuf_cstr(&tx), *TS = dlc_strbuf_cstr(&ts);
  dlc_emit_fresh(e, res);
  dlc_emit_fresh(e, k);
  dlc_emit_fresh(e, out);
  dlc_emit_fresh(e, run);
  dlc_strbuf_appendf(b, "  %s:2 = scf.for %s = %s to %s step %s iter_args(%s = %s, %s = %s) -> (%s, %s) {\n", res, k,
                     zero, n, one, out, init, run, run0, TX, TS);
  if (p.reverse) {
    dlc_emit_fresh(e, i);
    dlc_strbuf_appendf(b, "    %s = arith.subi %s, %s : index\n", i, last, k);
  } else {
    snprintf(i, sizeof(i), "%s", k);
  }
  dlc_emit_fresh(e, xs);
  dlc_strbuf_appendf(b, "    %s = tensor.extract_slice %%a0", xs);
  slice_spec(b, x, p.axis, i, dyn);
  dlc_strbuf_appendf(b, " : %s to %s\n", TX, TS);
  /* exclusive: the sum so far goes in before this slice is added (and before %run is overwritten) */
  dlc_emit_fresh(e, o2);
  if (p.exclusive) {
    dlc_strbuf_appendf(b, "    %s = tensor.insert_slice %s into %s", o2, run, out);
    slice_spec(b, x, p.axis, i, dyn);
    dlc_strbuf_appendf(b, " : %s into %s\n", TS, TX);
  }
  dlc_strbuf_t id;
  dlc_strbuf_init(&id);
  dlc_emit_identity_exprs(&id, s.rank);
  dlc_emit_fresh(e, sum);
  const char *values[] = {xs, run};
  const dlc_shape_t *shapes[] = {&s, &s};
  const char *maps[] = {dlc_strbuf_cstr(&id), dlc_strbuf_cstr(&id)};
  /* the generic is indented one level deeper than usual: it sits in the loop body */
  dlc_strbuf_append(b, "  ");
  dlc_emit_generic_open(e, sum, s.rank, s.rank, 1, values, shapes, maps);
  char add[16];
  dlc_emit_fresh(e, add);
  dlc_strbuf_appendf(b, "      %s = %s %%acc, %%x0 : %s\n      linalg.yield %s : %s\n", add, fp ? "arith.addf" : "arith.addi",
                     et, add, et);
  dlc_strbuf_append(b, "  ");
  dlc_emit_generic_close(e, &s);
  if (!p.exclusive) {
    dlc_strbuf_appendf(b, "    %s = tensor.insert_slice %s into %s", o2, sum, out);
    slice_spec(b, x, p.axis, i, dyn);
    dlc_strbuf_appendf(b, " : %s into %s\n", TS, TX);
  }
  dlc_strbuf_appendf(b, "    scf.yield %s, %s : %s, %s\n  }\n", o2, sum, TX, TS);
  dlcrt_status_t st = dlc_strbuf_status(&tx);
  if (!st) st = dlc_strbuf_status(&ts);
  if (!st) st = dlc_strbuf_status(&id);
  dlc_strbuf_free(&tx);
  dlc_strbuf_free(&ts);
  dlc_strbuf_free(&id);
  DLCRT_RETURN_IF_ERROR(st);
  char r0[20];
  snprintf(r0, sizeof(r0), "%s#0", res);
  dlc_emit_return(e, r0, x);
  return NULL;
}

dlcrt_status_t dlc_emit_index_ops(dlc_emit_t *e) {
  switch (e->info->op_class) {
    case DLC_OPC_GATHER_ELEMENTS: return emit_gather_elements(e);
    case DLC_OPC_SCATTER_ELEMENTS: return emit_scatter_elements(e);
    case DLC_OPC_CUMSUM: return emit_cumsum(e);
    default: break;
  }
  return dlcrt_make_status(DLCRT_STATUS_INTERNAL, "'dlc.%s' is not an indexing op", e->info->name);
}
