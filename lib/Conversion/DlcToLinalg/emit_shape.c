/* DlcToLinalg for the ops that compute or take runtime shapes: dim, fill, range, expand.
 *   dim: tensor.dim, arith.index_cast to i64, tensor.from_elements into a tensor<i64>.
 *   fill: linalg.fill of the `value` constant into a tensor.empty whose dynamic dims are the `dims`
 *     operands (tensor.extract + arith.index_cast, see dlc_emit_runtime_dims).
 *   range: the length max(ceil((limit - start) / delta), 0) is computed at run time (in f64 for
 *     floats, with arith.ceildivsi for integers) unless the result type is static; then a
 *     linalg.generic writes start + i * delta (computed in the element type, like numpy.arange).
 *   expand: a linalg.generic over the result. A static size-1 input dim broadcasts through its
 *     indexing map (index 0); when the input has dynamic dims the generic reads it with
 *     tensor.extract instead, at index (dim == 1 ? 0 : i) for each dynamic dim, so a runtime 1 is
 *     broadcast too.
 * Limitations: a float range whose delta is 0 is undefined (ONNX too; an integer one is empty);
 * fill/expand/reshape trust the runtime dims operands (a negative size is undefined). */
#include <stdio.h>
#include <string.h>

#include "emit.h"
#include "mlir-c/BuiltinTypes.h"

static dlcrt_status_t emit_dim(dlc_emit_t *e) {
  int32_t axis;
  DLCRT_RETURN_IF_ERROR(dlc_axis_param(e->op, "axis", 0, e->in[0].rank, &axis));
  char d[16], i[16], res[16];
  dlc_emit_dim(e, "%a0", &e->in[0], axis, d);
  dlc_emit_fresh(e, i);
  dlc_emit_fresh(e, res);
  dlc_strbuf_appendf(e->body, "  %s = arith.index_cast %s : index to i64\n  %s = tensor.from_elements %s : tensor<i64>\n",
                     i, d, res, i);
  dlc_emit_return(e, res, &e->out);
  return NULL;
}

static dlcrt_status_t emit_fill(dlc_emit_t *e) {
  MlirAttribute scalar;
  DLCRT_RETURN_IF_ERROR(dlc_fill_value(e->op, &scalar));
  char dyn[DLCRT_MAX_RANK][16], v[16], res[16];
  dlc_emit_runtime_dims(e, 0, &e->out, dyn);
  dlc_emit_fill_with(e, &e->out, dyn, dlc_emit_attr_scalar(e, scalar, v), res);
  dlc_emit_return(e, res, &e->out);
  return NULL;
}

/* `buf = op args : type` (one line of a scalar computation). */
static const char *scalar_op(dlc_emit_t *e, const char *indent, const char *op, const char *args, const char *type,
                             char *buf) {
  dlc_emit_fresh(e, buf);
  dlc_strbuf_appendf(e->body, "%s%s = %s %s : %s\n", indent, buf, op, args, type);
  return buf;
}

/* The range's length max(ceil((limit - start) / delta), 0) as an index value. */
static const char *range_length(dlc_emit_t *e, const char *const v[3], const char *t, bool fp, char *buf) {
  char w[3][16], args[64], diff[16], q[16], c[16], n[16], zero[16];
  if (fp) {
    const char *x[3];
    for (int i = 0; i < 3; ++i) {
      x[i] = v[i];
      if (strcmp(t, "f64") == 0) continue;
      dlc_emit_fresh(e, w[i]);
      dlc_strbuf_appendf(e->body, "  %s = arith.extf %s : %s to f64\n", w[i], v[i], t);
      x[i] = w[i];
    }
    snprintf(args, sizeof(args), "%s, %s", x[1], x[0]);
    scalar_op(e, "  ", "arith.subf", args, "f64", diff);
    snprintf(args, sizeof(args), "%s, %s", diff, x[2]);
    scalar_op(e, "  ", "math.ceil", scalar_op(e, "  ", "arith.divf", args, "f64", q), "f64", c);
    dlc_emit_fresh(e, n);
    dlc_strbuf_appendf(e->body, "  %s = arith.fptosi %s : f64 to i64\n", n, c);
    t = "i64";
  } else { /* a zero delta gives an empty range instead of a division trap */
    char z[16], o[16], is0[16], safe[16];
    snprintf(args, sizeof(args), "%s, %s", v[1], v[0]);
    scalar_op(e, "  ", "arith.subi", args, t, diff);
    scalar_op(e, "  ", "arith.constant", "0", t, z);
    scalar_op(e, "  ", "arith.constant", "1", t, o);
    snprintf(args, sizeof(args), "eq, %s, %s", v[2], z);
    scalar_op(e, "  ", "arith.cmpi", args, t, is0);
    snprintf(args, sizeof(args), "%s, %s, %s", is0, o, v[2]);
    scalar_op(e, "  ", "arith.select", args, t, safe);
    snprintf(args, sizeof(args), "%s, %s", diff, safe);
    scalar_op(e, "  ", "arith.ceildivsi", args, t, q);
    snprintf(args, sizeof(args), "%s, %s, %s", is0, z, q);
    scalar_op(e, "  ", "arith.select", args, t, n);
  }
  char idx[16];
  dlc_emit_fresh(e, idx);
  dlc_strbuf_appendf(e->body, "  %s = arith.index_cast %s : %s to index\n", idx, n, t);
  return dlc_emit_index_op(e, "arith.maxsi", idx, dlc_emit_index(e, 0, zero), buf);
}

static dlcrt_status_t emit_range(dlc_emit_t *e) {
  MlirType elem = e->in[0].elem;
  bool fp = mlirTypeIsAFloat(elem);
  if (!fp && !(mlirTypeIsAInteger(elem) && mlirIntegerTypeIsSignless(elem)))
    return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "'dlc.range' needs a float or signless integer type");
  char t[32], v[3][16], dyn[1][16], init[16], res[16], i[16], ii[16], f[16], m[16], r[16], args[64];
  dlc_emit_elem_name(elem, t);
  for (int k = 0; k < 3; ++k) {
    dlc_emit_fresh(e, v[k]);
    dlc_strbuf_appendf(e->body, "  %s = tensor.extract %%a%d[] : tensor<%s>\n", v[k], k, t);
  }
  dlc_shape_t out = {.rank = 1, .dims = {e->out.dims[0]}, .elem = elem};
  if (out.dims[0] == DLC_DYN) range_length(e, (const char *const[]){v[0], v[1], v[2]}, t, fp, dyn[0]);
  dlc_emit_empty(e, &out, dyn, init);
  dlc_emit_fresh(e, res);
  const char *values[] = {init};
  const dlc_shape_t *shapes[] = {&out};
  const char *maps[] = {"d0"};
  dlc_emit_generic_open(e, res, 1, 1, 0, values, shapes, maps);
  dlc_emit_fresh(e, i);
  dlc_emit_fresh(e, ii);
  dlc_strbuf_appendf(e->body, "    %s = linalg.index 0 : index\n", i);
  if (fp) {
    dlc_emit_fresh(e, f);
    dlc_strbuf_appendf(e->body, "    %s = arith.index_cast %s : index to i64\n    %s = arith.sitofp %s : i64 to %s\n", ii,
                       i, f, ii, t);
  } else {
    dlc_strbuf_appendf(e->body, "    %s = arith.index_cast %s : index to %s\n", ii, i, t);
  }
  snprintf(args, sizeof(args), "%s, %s", fp ? f : ii, v[2]);
  scalar_op(e, "    ", fp ? "arith.mulf" : "arith.muli", args, t, m);
  snprintf(args, sizeof(args), "%s, %s", v[0], m);
  scalar_op(e, "    ", fp ? "arith.addf" : "arith.addi", args, t, r);
  dlc_strbuf_appendf(e->body, "    linalg.yield %s : %s\n", r, t);
  dlc_emit_generic_close(e, &out);
  dlc_emit_return(e, res, &out);
  return NULL;
}

/* expand with dynamic input dims: read the input with tensor.extract, broadcasting a runtime 1. */
static void expand_extract_body(dlc_emit_t *e, int32_t offset) {
  const dlc_shape_t *x = &e->in[0];
  char zero[16], one[16], idx[DLCRT_MAX_RANK][16], is1[DLCRT_MAX_RANK][16], pos[16], v[16], dim[16];
  dlc_emit_index(e, 0, zero);
  dlc_emit_index(e, 1, one);
  for (int32_t sd = 0; sd < x->rank; ++sd) { /* whether each dynamic dim broadcasts, once */
    if (x->dims[sd] != DLC_DYN) continue;
    dlc_emit_dim(e, "%a0", x, sd, dim);
    dlc_emit_fresh(e, is1[sd]);
    dlc_strbuf_appendf(e->body, "  %s = arith.cmpi eq, %s, %s : index\n", is1[sd], dim, one);
  }
  dlc_strbuf_t id;
  dlc_strbuf_init(&id);
  dlc_emit_identity_exprs(&id, e->out.rank);
  const char *maps[] = {dlc_strbuf_cstr(&id)};
  const dlc_shape_t *shapes[] = {&e->out};
  char init[16], res[16], dyn[DLCRT_MAX_RANK][16];
  dlc_emit_runtime_dims(e, 1, &e->out, dyn);
  const char *values[] = {dlc_emit_empty(e, &e->out, dyn, init)};
  dlc_emit_fresh(e, res);
  dlc_emit_generic_open(e, res, e->out.rank, e->out.rank, 0, values, shapes, maps);
  dlc_strbuf_free(&id);
  for (int32_t sd = 0; sd < x->rank; ++sd) {
    int32_t d = sd + offset;
    if (x->dims[sd] == 1 && e->out.dims[d] != 1) {
      snprintf(idx[sd], sizeof(idx[sd]), "%s", zero);
      continue;
    }
    dlc_emit_fresh(e, idx[sd]);
    dlc_strbuf_appendf(e->body, "    %s = linalg.index %d : index\n", idx[sd], (int)d);
    if (x->dims[sd] != DLC_DYN) continue;
    snprintf(pos, sizeof(pos), "%s", idx[sd]);
    dlc_emit_fresh(e, idx[sd]);
    dlc_strbuf_appendf(e->body, "    %s = arith.select %s, %s, %s : index\n", idx[sd], is1[sd], zero, pos);
  }
  dlc_emit_fresh(e, v);
  dlc_strbuf_appendf(e->body, "    %s = tensor.extract %%a0[", v);
  for (int32_t sd = 0; sd < x->rank; ++sd) dlc_strbuf_appendf(e->body, "%s%s", sd ? ", " : "", idx[sd]);
  dlc_strbuf_append(e->body, "] : ");
  dlc_emit_tensor_type(e->body, x);
  dlc_strbuf_appendf(e->body, "\n    linalg.yield %s : ", v);
  dlc_emit_elem_type(e->body, x->elem);
  dlc_strbuf_append(e->body, "\n");
  dlc_emit_generic_close(e, &e->out);
  dlc_emit_return(e, res, &e->out);
}

static dlcrt_status_t emit_expand(dlc_emit_t *e) {
  const dlc_shape_t *x = &e->in[0], *out = &e->out;
  int32_t offset = out->rank - x->rank;
  bool dynamic = false;
  for (int32_t sd = 0; sd < x->rank; ++sd) dynamic |= x->dims[sd] == DLC_DYN;
  if (dynamic) {
    expand_extract_body(e, offset);
    return NULL;
  }
  dlc_strbuf_t in_map, out_map;
  dlc_strbuf_init(&in_map);
  dlc_strbuf_init(&out_map);
  for (int32_t sd = 0; sd < x->rank; ++sd) {
    bool bcast = x->dims[sd] == 1 && out->dims[sd + offset] != 1;
    if (bcast) dlc_strbuf_appendf(&in_map, "%s0", sd ? ", " : "");
    else dlc_strbuf_appendf(&in_map, "%sd%d", sd ? ", " : "", (int)(sd + offset));
  }
  dlc_emit_identity_exprs(&out_map, out->rank);
  char dyn[DLCRT_MAX_RANK][16], init[16], res[16];
  dlc_emit_runtime_dims(e, 1, out, dyn);
  dlc_emit_empty(e, out, dyn, init);
  dlc_emit_fresh(e, res);
  const char *values[] = {"%a0", init};
  const dlc_shape_t *shapes[] = {x, out};
  const char *maps[] = {dlc_strbuf_cstr(&in_map), dlc_strbuf_cstr(&out_map)};
  dlc_emit_generic_open(e, res, out->rank, out->rank, 1, values, shapes, maps);
  dlc_strbuf_append(e->body, "    linalg.yield %x0 : ");
  dlc_emit_elem_type(e->body, x->elem);
  dlc_strbuf_append(e->body, "\n");
  dlc_emit_generic_close(e, out);
  dlcrt_status_t st = dlc_strbuf_status(&in_map);
  if (!st) st = dlc_strbuf_status(&out_map);
  dlc_strbuf_free(&in_map);
  dlc_strbuf_free(&out_map);
  if (!st) dlc_emit_return(e, res, out);
  return st;
}

dlcrt_status_t dlc_emit_shape(dlc_emit_t *e) {
  switch (e->info->op_class) {
    case DLC_OPC_DIM: return emit_dim(e);
    case DLC_OPC_FILL: return emit_fill(e);
    case DLC_OPC_RANGE: return emit_range(e);
    case DLC_OPC_EXPAND: return emit_expand(e);
    default: break;
  }
  return dlcrt_make_status(DLCRT_STATUS_INTERNAL, "'dlc.%s' is not a shape op", e->info->name);
}
