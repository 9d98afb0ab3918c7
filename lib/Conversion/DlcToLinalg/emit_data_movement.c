/* DlcToLinalg for transpose, reshape, concat, slice and gather.
 *   transpose: linalg.transpose into a tensor.empty of the permuted dims.
 *   reshape: tensor.collapse_shape of the input to 1-D (rank 0: tensor.expand_shape to
 *     tensor<1x..>), then tensor.expand_shape to the declared shape (rank 0: collapse_shape). The
 *     dynamic dim is the `dims` operand (tensor.extract + arith.index_cast) or, without one, the
 *     runtime element count divided by the product of the static result dims. With several dynamic
 *     dims (given as `dims` operands) it is one tensor.reshape by a tensor.from_elements shape,
 *     because MLIR 22's expand-strided-metadata crashes on a memref.expand_shape with two dynamic
 *     dims in one group.
 *   concat: tensor.concat (bufferizes to one allocation plus a subview copy per input).
 *   slice: tensor.extract_slice. ONNX clamping (negative starts/ends count from the end, then clamp
 *     to [0, dim]) and the length ceil((end - start) / step), at least 0, are folded for static dims
 *     and computed with index arithmetic for dynamic ones.
 *   gather: a linalg.generic over the result that reads the index from `indices` (wrapping a
 *     negative index once: idx < 0 ? idx + dim : idx) and tensor.extract's the data element, the
 *     other coordinates coming from linalg.index.
 * Limitations: reshape does not check at run time that the element counts agree; gather clamps an
 * out-of-range index into [0, dim - 1] instead of failing like numpy (a gather from an empty axis
 * is undefined); gather needs signless integer indices. */
#include <stdio.h>
#include <string.h>

#include "emit.h"
#include "mlir-c/BuiltinTypes.h"

/* `buf = tensor.cast value : from to to`, or `value` when the shapes are the same. */
static const char *cast_to(dlc_emit_t *e, const char *value, const dlc_shape_t *from, const dlc_shape_t *to,
                           char *buf) {
  if (memcmp(from->dims, to->dims, sizeof(int64_t) * (size_t)from->rank) == 0) return value;
  dlc_emit_fresh(e, buf);
  dlc_strbuf_appendf(e->body, "  %s = tensor.cast %s : ", buf, value);
  dlc_emit_tensor_type(e->body, from);
  dlc_strbuf_append(e->body, " to ");
  dlc_emit_tensor_type(e->body, to);
  dlc_strbuf_append(e->body, "\n");
  return buf;
}

/* Appends ": FROM into TO\n" (the tail of collapse_shape / expand_shape). */
static void append_from_into(dlc_emit_t *e, const dlc_shape_t *from, const dlc_shape_t *to) {
  dlc_strbuf_append(e->body, " : ");
  dlc_emit_tensor_type(e->body, from);
  dlc_strbuf_append(e->body, " into ");
  dlc_emit_tensor_type(e->body, to);
  dlc_strbuf_append(e->body, "\n");
}

static dlcrt_status_t emit_transpose(dlc_emit_t *e) {
  const dlc_shape_t *x = &e->in[0];
  int64_t perm[DLCRT_MAX_RANK];
  DLCRT_RETURN_IF_ERROR(dlc_transpose_perm(e->op, x->rank, perm));
  if (x->rank == 0) {
    dlc_emit_return(e, "%a0", x);
    return NULL;
  }
  dlc_shape_t out = *x;
  char dyn[DLCRT_MAX_RANK][16], init[16], res[16];
  for (int32_t d = 0; d < x->rank; ++d) {
    out.dims[d] = x->dims[perm[d]];
    if (out.dims[d] == DLC_DYN) dlc_emit_dim(e, "%a0", x, (int32_t)perm[d], dyn[d]);
  }
  dlc_emit_empty(e, &out, dyn, init);
  dlc_emit_fresh(e, res);
  dlc_strbuf_appendf(e->body, "  %s = linalg.transpose ins(%%a0 : ", res);
  dlc_emit_tensor_type(e->body, x);
  dlc_strbuf_appendf(e->body, ") outs(%s : ", init);
  dlc_emit_tensor_type(e->body, &out);
  dlc_strbuf_append(e->body, ") permutation = [");
  for (int32_t d = 0; d < x->rank; ++d) dlc_strbuf_appendf(e->body, "%s%lld", d ? ", " : "", (long long)perm[d]);
  dlc_strbuf_append(e->body, "]\n");
  dlc_emit_return(e, res, &out);
  return NULL;
}

/* The input as a 1-D tensor; `*flat` receives its shape. */
static const char *reshape_flatten(dlc_emit_t *e, dlc_shape_t *flat, char *buf) {
  const dlc_shape_t *x = &e->in[0];
  *flat = (dlc_shape_t){.rank = 1, .dims = {1}, .elem = x->elem};
  if (x->rank == 1) {
    *flat = *x;
    return "%a0";
  }
  dlc_emit_fresh(e, buf);
  if (x->rank == 0) {
    dlc_strbuf_appendf(e->body, "  %s = tensor.expand_shape %%a0 [] output_shape [1]", buf);
  } else {
    for (int32_t d = 0; d < x->rank; ++d)
      flat->dims[0] = (x->dims[d] == DLC_DYN || flat->dims[0] == DLC_DYN) ? DLC_DYN : flat->dims[0] * x->dims[d];
    dlc_strbuf_appendf(e->body, "  %s = tensor.collapse_shape %%a0 [[", buf);
    for (int32_t d = 0; d < x->rank; ++d) dlc_strbuf_appendf(e->body, "%s%d", d ? ", " : "", (int)d);
    dlc_strbuf_append(e->body, "]]");
  }
  append_from_into(e, x, flat);
  return buf;
}

/* tensor.reshape of the input to the declared shape, the dynamic dims from the dims operands. */
static void reshape_by_shape_tensor(dlc_emit_t *e) {
  const dlc_shape_t *out = &e->out;
  char v[DLCRT_MAX_RANK][16], shape[16], res[16];
  int k = 1;
  for (int32_t d = 0; d < out->rank; ++d) {
    dlc_emit_fresh(e, v[d]);
    if (out->dims[d] == DLC_DYN)
      dlc_strbuf_appendf(e->body, "  %s = tensor.extract %%a%d[] : tensor<i64>\n", v[d], k++);
    else
      dlc_strbuf_appendf(e->body, "  %s = arith.constant %lld : i64\n", v[d], (long long)out->dims[d]);
  }
  dlc_emit_fresh(e, shape);
  dlc_strbuf_appendf(e->body, "  %s = tensor.from_elements ", shape);
  for (int32_t d = 0; d < out->rank; ++d) dlc_strbuf_appendf(e->body, "%s%s", d ? ", " : "", v[d]);
  dlc_strbuf_appendf(e->body, " : tensor<%dxi64>\n", (int)out->rank);
  dlc_emit_fresh(e, res);
  dlc_strbuf_appendf(e->body, "  %s = tensor.reshape %%a0(%s) : (", res, shape);
  dlc_emit_tensor_type(e->body, &e->in[0]);
  dlc_strbuf_appendf(e->body, ", tensor<%dxi64>) -> ", (int)out->rank);
  dlc_emit_tensor_type(e->body, out);
  dlc_strbuf_append(e->body, "\n");
  dlc_emit_return(e, res, out);
}

static dlcrt_status_t emit_reshape(dlc_emit_t *e) {
  const dlc_shape_t *out = &e->out;
  bool has_dims = e->num_in > 1;
  int32_t dyn_dim = -1, num_dyn = 0;
  int64_t static_count = 1;
  for (int32_t d = 0; d < out->rank; ++d) {
    if (out->dims[d] == DLC_DYN) dyn_dim = d, ++num_dyn;
    else static_count *= out->dims[d];
  }
  if (num_dyn > 1) { /* expand_shape with two dynamic dims in one group crashes expand-strided-metadata */
    reshape_by_shape_tensor(e);
    return NULL;
  }
  /* The flat tensor is static exactly when the result is. */
  dlc_shape_t flat, want = {.rank = 1, .dims = {dyn_dim >= 0 ? DLC_DYN : static_count}, .elem = out->elem};
  char fb[16], cb[16], total[16], divisor[16], dyn[DLCRT_MAX_RANK][16], res[16];
  const char *f = cast_to(e, reshape_flatten(e, &flat, fb), &flat, &want, cb);
  if (out->rank == 1) {
    dlc_emit_return(e, f, &want);
    return NULL;
  }
  dlc_emit_fresh(e, res);
  if (out->rank == 0) {
    dlc_strbuf_appendf(e->body, "  %s = tensor.collapse_shape %s []", res, f);
    append_from_into(e, &want, out);
    dlc_emit_return(e, res, out);
    return NULL;
  }
  if (has_dims) { /* one runtime size per dynamic dim */
    dlc_emit_runtime_dims(e, 1, out, dyn);
  } else if (dyn_dim >= 0) { /* a zero static count leaves nothing to infer: the dynamic dim gets the total (0) */
    dlc_emit_dim(e, f, &want, 0, total);
    dlc_emit_index_op(e, "arith.divui", total, dlc_emit_index(e, static_count ? static_count : 1, divisor),
                      dyn[dyn_dim]);
  }
  dlc_strbuf_appendf(e->body, "  %s = tensor.expand_shape %s [[", res, f);
  for (int32_t d = 0; d < out->rank; ++d) dlc_strbuf_appendf(e->body, "%s%d", d ? ", " : "", (int)d);
  dlc_strbuf_append(e->body, "]] output_shape [");
  for (int32_t d = 0; d < out->rank; ++d) {
    if (d) dlc_strbuf_append(e->body, ", ");
    if (out->dims[d] == DLC_DYN) dlc_strbuf_append(e->body, dyn[d]);
    else dlc_strbuf_appendf(e->body, "%lld", (long long)out->dims[d]);
  }
  dlc_strbuf_append(e->body, "]");
  append_from_into(e, &want, out);
  dlc_emit_return(e, res, out);
  return NULL;
}

static dlcrt_status_t emit_concat(dlc_emit_t *e) {
  int32_t axis;
  DLCRT_RETURN_IF_ERROR(dlc_axis_param(e->op, "axis", 0, e->in[0].rank, &axis));
  if (e->num_in == 1) {
    dlc_emit_return(e, "%a0", &e->in[0]);
    return NULL;
  }
  /* The type tensor.concat infers: summed axis (dynamic if any input is), else any static size. */
  dlc_shape_t out = e->in[0];
  for (int i = 1; i < e->num_in; ++i) {
    for (int32_t d = 0; d < out.rank; ++d) {
      int64_t x = e->in[i].dims[d];
      if (d == axis) out.dims[d] = (out.dims[d] == DLC_DYN || x == DLC_DYN) ? DLC_DYN : out.dims[d] + x;
      else if (out.dims[d] == DLC_DYN) out.dims[d] = x;
    }
  }
  char res[16];
  dlc_emit_fresh(e, res);
  dlc_strbuf_appendf(e->body, "  %s = tensor.concat dim(%d)", res, (int)axis);
  for (int i = 0; i < e->num_in; ++i) dlc_strbuf_appendf(e->body, "%s %%a%d", i ? "," : "", i);
  dlc_strbuf_append(e->body, " : (");
  for (int i = 0; i < e->num_in; ++i) {
    if (i) dlc_strbuf_append(e->body, ", ");
    dlc_emit_tensor_type(e->body, &e->in[i]);
  }
  dlc_strbuf_append(e->body, ") -> ");
  dlc_emit_tensor_type(e->body, &out);
  dlc_strbuf_append(e->body, "\n");
  dlc_emit_return(e, res, &out);
  return NULL;
}

/* ONNX clamping of a start/end `v` into [0, dim] for a static dim. */
static int64_t clamp_static(int64_t v, int64_t dim) {
  if (v < 0) v += dim;
  return v < 0 ? 0 : v > dim ? dim : v;
}

/* The same at run time: min(v, dim) for v >= 0, max(v + dim, 0) otherwise. */
static const char *clamp_dynamic(dlc_emit_t *e, int64_t v, const char *dim, const char *zero, char *buf) {
  char c[16], t[16];
  dlc_emit_index(e, v, c);
  if (v >= 0) return dlc_emit_index_op(e, "arith.minsi", c, dim, buf);
  return dlc_emit_index_op(e, "arith.maxsi", dlc_emit_index_op(e, "arith.addi", c, dim, t), zero, buf);
}

/* Appends the offset and size of sliced dim `d` to `offs` / `sizes`; sets out->dims[d]. */
static void slice_dim(dlc_emit_t *e, const dlc_slice_params_t *p, int32_t d, dlc_strbuf_t *offs, dlc_strbuf_t *sizes,
                      dlc_shape_t *out) {
  const dlc_shape_t *x = &e->in[0];
  int64_t n = x->dims[d], step = p->steps[d];
  const char *sep = d ? ", " : "";
  if (n != DLC_DYN) {
    out->dims[d] = dlc_slice_static_len(n, p->starts[d], p->ends[d], step);
    dlc_strbuf_appendf(offs, "%s%lld", sep, (long long)clamp_static(p->starts[d], n));
    dlc_strbuf_appendf(sizes, "%s%lld", sep, (long long)out->dims[d]);
    return;
  }
  char dim[16], zero[16], s[16], t[16], diff[16], bias[16], sum[16], cstep[16], len[16];
  dlc_emit_dim(e, "%a0", x, d, dim);
  dlc_emit_index(e, 0, zero);
  clamp_dynamic(e, p->starts[d], dim, zero, s);
  dlc_emit_index_op(e, "arith.subi", clamp_dynamic(e, p->ends[d], dim, zero, t), s, diff);
  const char *l = dlc_emit_index_op(e, "arith.maxsi", diff, zero, len);
  if (step != 1) { /* ceil(l / step) */
    dlc_emit_index_op(e, "arith.addi", l, dlc_emit_index(e, step - 1, bias), sum);
    l = dlc_emit_index_op(e, "arith.divui", sum, dlc_emit_index(e, step, cstep), len);
  }
  out->dims[d] = DLC_DYN;
  dlc_strbuf_appendf(offs, "%s%s", sep, s);
  dlc_strbuf_appendf(sizes, "%s%s", sep, l);
}

static dlcrt_status_t emit_slice(dlc_emit_t *e) {
  const dlc_shape_t *x = &e->in[0];
  dlc_slice_params_t p;
  DLCRT_RETURN_IF_ERROR(dlc_slice_params(e->op, x->rank, &p));
  if (x->rank == 0) {
    dlc_emit_return(e, "%a0", x);
    return NULL;
  }
  dlc_shape_t out = *x;
  dlc_strbuf_t offs, sizes;
  dlc_strbuf_init(&offs);
  dlc_strbuf_init(&sizes);
  for (int32_t d = 0; d < x->rank; ++d) slice_dim(e, &p, d, &offs, &sizes, &out);
  char res[16];
  dlc_emit_fresh(e, res);
  dlc_strbuf_appendf(e->body, "  %s = tensor.extract_slice %%a0[%s] [%s] [", res, dlc_strbuf_cstr(&offs),
                     dlc_strbuf_cstr(&sizes));
  for (int32_t d = 0; d < x->rank; ++d) dlc_strbuf_appendf(e->body, "%s%lld", d ? ", " : "", (long long)p.steps[d]);
  dlc_strbuf_append(e->body, "] : ");
  dlc_emit_tensor_type(e->body, x);
  dlc_strbuf_append(e->body, " to ");
  dlc_emit_tensor_type(e->body, &out);
  dlc_strbuf_append(e->body, "\n");
  dlcrt_status_t st = dlc_strbuf_status(&offs);
  if (!st) st = dlc_strbuf_status(&sizes);
  dlc_strbuf_free(&offs);
  dlc_strbuf_free(&sizes);
  if (!st) dlc_emit_return(e, res, &out);
  return st;
}

/* The result shape of a gather and an index value for each of its dynamic dims. */
static void gather_shape(dlc_emit_t *e, int32_t axis, dlc_shape_t *out, char dyn[][16]) {
  const dlc_shape_t *x = &e->in[0], *idx = &e->in[1];
  out->rank = 0;
  out->elem = x->elem;
  for (int32_t d = 0; d < x->rank; ++d) {
    bool from_idx = d == axis;
    int32_t n = from_idx ? idx->rank : 1;
    for (int32_t k = 0; k < n; ++k) {
      const dlc_shape_t *s = from_idx ? idx : x;
      int32_t sd = from_idx ? k : d;
      out->dims[out->rank] = s->dims[sd];
      if (s->dims[sd] == DLC_DYN) dlc_emit_dim(e, from_idx ? "%a1" : "%a0", s, sd, dyn[out->rank]);
      ++out->rank;
    }
  }
}

/* The generic's body: wraps and clamps the index, then extracts the data element. */
static void gather_body(dlc_emit_t *e, int32_t axis, const char *dim, const char *zero, const char *last) {
  const dlc_shape_t *x = &e->in[0], *idx = &e->in[1];
  dlc_strbuf_t *b = e->body;
  char i[16], neg[16], w[16], j[16], lo[16], hi[16], v[16], coord[DLCRT_MAX_RANK][16];
  dlc_emit_fresh(e, i);
  dlc_emit_fresh(e, neg);
  dlc_emit_fresh(e, w);
  dlc_emit_fresh(e, j);
  dlc_emit_fresh(e, lo);
  dlc_emit_fresh(e, hi);
  dlc_strbuf_appendf(b, "    %s = arith.index_cast %%x0 : ", i);
  dlc_emit_elem_type(b, idx->elem);
  dlc_strbuf_appendf(b, " to index\n    %s = arith.cmpi slt, %s, %s : index\n", neg, i, zero);
  dlc_strbuf_appendf(b, "    %s = arith.addi %s, %s : index\n    %s = arith.select %s, %s, %s : index\n", w, i, dim, j,
                     neg, w, i);
  dlc_strbuf_appendf(b, "    %s = arith.maxsi %s, %s : index\n    %s = arith.minsi %s, %s : index\n", lo, j, zero, hi,
                     lo, last);
  for (int32_t d = 0; d < x->rank; ++d) {
    if (d == axis) continue;
    dlc_emit_fresh(e, coord[d]);
    dlc_strbuf_appendf(b, "    %s = linalg.index %d : index\n", coord[d], (int)(d < axis ? d : d - 1 + idx->rank));
  }
  dlc_emit_fresh(e, v);
  dlc_strbuf_appendf(b, "    %s = tensor.extract %%a0[", v);
  for (int32_t d = 0; d < x->rank; ++d) dlc_strbuf_appendf(b, "%s%s", d ? ", " : "", d == axis ? hi : coord[d]);
  dlc_strbuf_append(b, "] : ");
  dlc_emit_tensor_type(b, x);
  dlc_strbuf_appendf(b, "\n    linalg.yield %s : ", v);
  dlc_emit_elem_type(b, x->elem);
  dlc_strbuf_append(b, "\n");
}

static dlcrt_status_t emit_gather(dlc_emit_t *e) {
  const dlc_shape_t *x = &e->in[0], *idx = &e->in[1];
  int32_t axis;
  DLCRT_RETURN_IF_ERROR(dlc_axis_param(e->op, "axis", 0, x->rank, &axis));
  if (!mlirTypeIsAInteger(idx->elem) || !mlirIntegerTypeIsSignless(idx->elem))
    return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "'dlc.gather' needs signless integer indices (i32 or i64)");
  dlc_shape_t out;
  char dyn[DLCRT_MAX_RANK][16], dim[16], zero[16], one[16], last[16], init[16], res[16];
  gather_shape(e, axis, &out, dyn);
  dlc_emit_dim(e, "%a0", x, axis, dim);
  dlc_emit_index(e, 0, zero);
  dlc_emit_index_op(e, "arith.subi", dim, dlc_emit_index(e, 1, one), last);
  dlc_emit_empty(e, &out, dyn, init);
  dlc_strbuf_t *b = e->body, ex;
  dlc_strbuf_init(&ex);
  for (int32_t k = 0; k < idx->rank; ++k) dlc_strbuf_appendf(&ex, "%sd%d", k ? ", " : "", (int)(axis + k));
  dlc_emit_fresh(e, res);
  dlc_strbuf_appendf(b, "  %s = linalg.generic {indexing_maps = [", res);
  dlc_emit_affine_map(b, out.rank, dlc_strbuf_cstr(&ex));
  dlc_strbuf_clear(&ex);
  for (int32_t d = 0; d < out.rank; ++d) dlc_strbuf_appendf(&ex, "%sd%d", d ? ", " : "", (int)d);
  dlc_strbuf_append(b, ", ");
  dlc_emit_affine_map(b, out.rank, dlc_strbuf_cstr(&ex));
  dlcrt_status_t st = dlc_strbuf_status(&ex);
  dlc_strbuf_free(&ex);
  DLCRT_RETURN_IF_ERROR(st);
  dlc_strbuf_append(b, "], iterator_types = [");
  for (int32_t d = 0; d < out.rank; ++d) dlc_strbuf_appendf(b, "%s\"parallel\"", d ? ", " : "");
  dlc_strbuf_append(b, "]} ins(%a1 : ");
  dlc_emit_tensor_type(b, idx);
  dlc_strbuf_appendf(b, ") outs(%s : ", init);
  dlc_emit_tensor_type(b, &out);
  dlc_strbuf_append(b, ") {\n  ^bb0(%x0: ");
  dlc_emit_elem_type(b, idx->elem);
  dlc_strbuf_append(b, ", %out: ");
  dlc_emit_elem_type(b, out.elem);
  dlc_strbuf_append(b, "):\n");
  gather_body(e, axis, dim, zero, last);
  dlc_strbuf_append(b, "  } -> ");
  dlc_emit_tensor_type(b, &out);
  dlc_strbuf_append(b, "\n");
  dlc_emit_return(e, res, &out);
  return NULL;
}

dlcrt_status_t dlc_emit_data_movement(dlc_emit_t *e) {
  switch (e->info->op_class) {
    case DLC_OPC_TRANSPOSE: return emit_transpose(e);
    case DLC_OPC_RESHAPE: return emit_reshape(e);
    case DLC_OPC_CONCAT: return emit_concat(e);
    case DLC_OPC_SLICE: return emit_slice(e);
    case DLC_OPC_GATHER: return emit_gather(e);
    default: break;
  }
  return dlcrt_make_status(DLCRT_STATUS_INTERNAL, "'dlc.%s' is not a data movement op", e->info->name);
}
