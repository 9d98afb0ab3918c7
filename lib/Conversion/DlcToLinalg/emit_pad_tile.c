/* DlcToLinalg for pad, tile and trilu (ONNX Pad, Tile, Trilu).
 *   tile: a linalg.generic broadcasts the input into a tensor of shape [r0, n0, r1, n1, ...] (a
 *     repeat dim r_d only where r_d != 1) and tensor.collapse_shape merges each [r_d, n_d] pair, so
 *     the copy is a plain affine-indexed generic with no division.
 *   pad: a linalg.generic over the result reads the input at src = i - begin per dim:
 *     constant: when src is out of [0, n) in any padded dim the value is yielded instead, inside an
 *       scf.if so that no out-of-bounds element is read; edge: src is clamped into [0, n - 1];
 *       reflect: src is folded by the period 2 (n - 1) (numpy's reflect, also for pads >= n).
 *     Dims that are only cropped (begin and end <= 0) need no check. A dynamic result dim is
 *     max(n + begin + end, 0).
 *   trilu: a linalg.generic keeps x where col - row >= k (upper) or <= k (lower), else zero; k is
 *     an index constant, or read from the rank-0 tensor<i64> operand when there is one.
 * Limitations: edge and reflect padding of a dim that is empty at run time is undefined (the
 * verifier rejects a static one); tile needs rank + (number of repeats != 1) <= 16. */
#include <stdio.h>
#include <string.h>

#include "emit.h"
#include "mlir-c/BuiltinTypes.h"

static dlcrt_status_t emit_tile(dlc_emit_t *e) {
  const dlc_shape_t *x = &e->in[0];
  int64_t repeats[DLCRT_MAX_RANK];
  DLCRT_RETURN_IF_ERROR(dlc_tile_repeats(e->op, x->rank, repeats));
  dlc_shape_t mid = {.rank = 0, .elem = x->elem}, out = *x;
  int32_t pos[DLCRT_MAX_RANK];
  char dyn[DLCRT_MAX_RANK][16], init[16], res[16], coll[16];
  for (int32_t d = 0; d < x->rank; ++d) {
    if (mid.rank + (repeats[d] != 1) >= DLCRT_MAX_RANK)
      return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "'dlc.tile': rank plus repeated dims exceeds %d",
                               DLCRT_MAX_RANK);
    if (repeats[d] != 1) mid.dims[mid.rank++] = repeats[d];
    pos[d] = mid.rank;
    mid.dims[mid.rank] = x->dims[d];
    if (x->dims[d] == DLC_DYN) dlc_emit_dim(e, "%a0", x, d, dyn[mid.rank]);
    ++mid.rank;
    out.dims[d] = x->dims[d] == DLC_DYN ? DLC_DYN : x->dims[d] * repeats[d];
  }
  if (mid.rank == x->rank) { /* every repeat is 1 */
    dlc_emit_return(e, "%a0", x);
    return NULL;
  }
  dlc_strbuf_t in_map, out_map;
  dlc_strbuf_init(&in_map);
  dlc_strbuf_init(&out_map);
  for (int32_t d = 0; d < x->rank; ++d) dlc_strbuf_appendf(&in_map, "%sd%d", d ? ", " : "", (int)pos[d]);
  dlc_emit_identity_exprs(&out_map, mid.rank);
  dlc_emit_empty(e, &mid, dyn, init);
  dlc_emit_fresh(e, res);
  const char *values[] = {"%a0", init};
  const dlc_shape_t *shapes[] = {x, &mid};
  const char *maps[] = {dlc_strbuf_cstr(&in_map), dlc_strbuf_cstr(&out_map)};
  dlc_emit_generic_open(e, res, mid.rank, mid.rank, 1, values, shapes, maps);
  dlc_strbuf_append(e->body, "    linalg.yield %x0 : ");
  dlc_emit_elem_type(e->body, x->elem);
  dlc_strbuf_append(e->body, "\n");
  dlc_emit_generic_close(e, &mid);
  dlcrt_status_t st = dlc_strbuf_status(&in_map);
  if (!st) st = dlc_strbuf_status(&out_map);
  dlc_strbuf_free(&in_map);
  dlc_strbuf_free(&out_map);
  DLCRT_RETURN_IF_ERROR(st);
  dlc_emit_fresh(e, coll);
  dlc_strbuf_appendf(e->body, "  %s = tensor.collapse_shape %s [", coll, res);
  for (int32_t d = 0; d < x->rank; ++d) {
    if (repeats[d] != 1) dlc_strbuf_appendf(e->body, "%s[%d, %d]", d ? ", " : "", (int)pos[d] - 1, (int)pos[d]);
    else dlc_strbuf_appendf(e->body, "%s[%d]", d ? ", " : "", (int)pos[d]);
  }
  dlc_strbuf_append(e->body, "] : ");
  dlc_emit_tensor_type(e->body, &mid);
  dlc_strbuf_append(e->body, " into ");
  dlc_emit_tensor_type(e->body, &out);
  dlc_strbuf_append(e->body, "\n");
  dlc_emit_return(e, coll, &out);
  return NULL;
}

/* Per-dim values of a pad computed before the generic. */
typedef struct pad_dim_t {
  char n[16];      /* input size */
  char begin[16];  /* the begin pad */
  char last[16];   /* n - 1 (edge) */
  char period[16]; /* max(2 (n - 1), 1) (reflect) */
  bool checked;    /* padded on some side: src may leave [0, n) */
} pad_dim_t;

static void pad_prepare(dlc_emit_t *e, const dlc_pad_params_t *p, pad_dim_t *pd, dlc_shape_t *out, char dyn[][16],
                        const char *zero, const char *one) {
  const dlc_shape_t *x = &e->in[0];
  char t[16], two[16], sum[16];
  if (p->mode == DLC_PAD_REFLECT) dlc_emit_index(e, 2, two);
  for (int32_t d = 0; d < x->rank; ++d) {
    pad_dim_t *q = &pd[d];
    dlc_emit_dim(e, "%a0", x, d, q->n);
    dlc_emit_index(e, p->begins[d], q->begin);
    q->checked = p->begins[d] > 0 || p->ends[d] > 0;
    out->dims[d] = x->dims[d] == DLC_DYN ? DLC_DYN : x->dims[d] + p->begins[d] + p->ends[d];
    if (out->dims[d] == DLC_DYN) {
      dlc_emit_index_op(e, "arith.addi", q->n, dlc_emit_index(e, p->begins[d] + p->ends[d], t), sum);
      dlc_emit_index_op(e, "arith.maxsi", sum, zero, dyn[d]);
    }
    if (!q->checked || p->mode == DLC_PAD_CONSTANT) continue;
    dlc_emit_index_op(e, "arith.subi", q->n, one, q->last);
    if (p->mode == DLC_PAD_REFLECT)
      dlc_emit_index_op(e, "arith.maxsi", dlc_emit_index_op(e, "arith.muli", q->last, two, t), one, q->period);
  }
}

/* The source index of result dim d (in the generic's body); `ok` accumulates the in-bounds test
 * of constant mode ("" while none). */
static const char *pad_source(dlc_emit_t *e, const dlc_pad_params_t *p, const pad_dim_t *q, int32_t d,
                              const char *zero, char *ok, char *buf) {
  char i[16], s[16], t[4][16];
  dlc_emit_fresh(e, i);
  dlc_strbuf_appendf(e->body, "    %s = linalg.index %d : index\n", i, (int)d);
  if (p->begins[d] == 0) snprintf(s, sizeof(s), "%s", i);
  else dlc_emit_index_op(e, "arith.subi", i, q->begin, s);
  if (!q->checked) return strcpy(buf, s);
  if (p->mode == DLC_PAD_EDGE) {
    dlc_emit_index_op(e, "arith.maxsi", s, zero, t[0]);
    return dlc_emit_index_op(e, "arith.minsi", t[0], q->last, buf);
  }
  if (p->mode == DLC_PAD_REFLECT) { /* a = |s| mod period; a < n ? a : period - a */
    dlc_emit_index_op(e, "arith.maxsi", s, dlc_emit_index_op(e, "arith.subi", zero, s, t[0]), t[1]);
    dlc_emit_index_op(e, "arith.remui", t[1], q->period, t[2]);
    dlc_emit_index_op(e, "arith.subi", q->period, t[2], t[3]);
    dlc_emit_fresh(e, t[0]);
    dlc_emit_fresh(e, buf);
    dlc_strbuf_appendf(e->body, "    %s = arith.cmpi slt, %s, %s : index\n    %s = arith.select %s, %s, %s : index\n",
                       t[0], t[2], q->n, buf, t[0], t[2], t[3]);
    return buf;
  }
  dlc_emit_fresh(e, t[0]);
  dlc_emit_fresh(e, t[1]);
  dlc_strbuf_appendf(e->body, "    %s = arith.cmpi sge, %s, %s : index\n    %s = arith.cmpi slt, %s, %s : index\n", t[0],
                     s, zero, t[1], s, q->n);
  dlc_emit_fresh(e, t[2]);
  dlc_strbuf_appendf(e->body, "    %s = arith.andi %s, %s : i1\n", t[2], t[0], t[1]);
  if (ok[0]) {
    dlc_emit_fresh(e, t[3]);
    dlc_strbuf_appendf(e->body, "    %s = arith.andi %s, %s : i1\n", t[3], ok, t[2]);
    strcpy(ok, t[3]);
  } else {
    strcpy(ok, t[2]);
  }
  return strcpy(buf, s);
}

static dlcrt_status_t emit_pad(dlc_emit_t *e) {
  const dlc_shape_t *x = &e->in[0];
  dlc_pad_params_t p;
  DLCRT_RETURN_IF_ERROR(dlc_pad_params(e->op, x->rank, &p));
  if (x->rank == 0) {
    dlc_emit_return(e, "%a0", x);
    return NULL;
  }
  pad_dim_t pd[DLCRT_MAX_RANK];
  dlc_shape_t out = *x;
  char zero[16], one[16], value[16], dyn[DLCRT_MAX_RANK][16], init[16], res[16], src[DLCRT_MAX_RANK][16], ok[16] = "",
       v[16], t[32];
  dlc_emit_index(e, 0, zero);
  dlc_emit_index(e, 1, one);
  pad_prepare(e, &p, pd, &out, dyn, zero, one);
  if (p.mode == DLC_PAD_CONSTANT) dlc_emit_f64_scalar(e, x->elem, p.value, value);
  dlc_emit_elem_name(x->elem, t);
  dlc_strbuf_t id;
  dlc_strbuf_init(&id);
  dlc_emit_identity_exprs(&id, out.rank);
  dlc_emit_empty(e, &out, dyn, init);
  dlc_emit_fresh(e, res);
  const char *values[] = {init};
  const dlc_shape_t *shapes[] = {&out};
  const char *maps[] = {dlc_strbuf_cstr(&id)};
  dlc_emit_generic_open(e, res, out.rank, out.rank, 0, values, shapes, maps);
  dlcrt_status_t st = dlc_strbuf_status(&id);
  dlc_strbuf_free(&id);
  DLCRT_RETURN_IF_ERROR(st);
  for (int32_t d = 0; d < x->rank; ++d) pad_source(e, &p, &pd[d], d, zero, ok, src[d]);
  dlc_strbuf_t ex;
  dlc_strbuf_init(&ex);
  for (int32_t d = 0; d < x->rank; ++d) dlc_strbuf_appendf(&ex, "%s%s", d ? ", " : "", src[d]);
  dlc_strbuf_t *b = e->body;
  dlc_emit_fresh(e, v);
  bool guarded = ok[0] != 0;
  if (guarded) dlc_strbuf_appendf(b, "    %s = scf.if %s -> (%s) {\n  ", v, ok, t);
  char read[16];
  dlc_emit_fresh(e, read);
  dlc_strbuf_appendf(b, "    %s = tensor.extract %%a0[%s] : ", guarded ? read : v, dlc_strbuf_cstr(&ex));
  dlc_emit_tensor_type(b, x);
  dlc_strbuf_append(b, "\n");
  if (guarded)
    dlc_strbuf_appendf(b, "      scf.yield %s : %s\n    } else {\n      scf.yield %s : %s\n    }\n", read, t, value, t);
  dlc_strbuf_appendf(b, "    linalg.yield %s : %s\n", v, t);
  st = dlc_strbuf_status(&ex);
  dlc_strbuf_free(&ex);
  DLCRT_RETURN_IF_ERROR(st);
  dlc_emit_generic_close(e, &out);
  dlc_emit_return(e, res, &out);
  return NULL;
}

static dlcrt_status_t emit_trilu(dlc_emit_t *e) {
  const dlc_shape_t *x = &e->in[0];
  dlc_trilu_params_t p;
  DLCRT_RETURN_IF_ERROR(dlc_trilu_params(e->op, &p));
  int32_t R = x->rank;
  char dyn[DLCRT_MAX_RANK][16], zero[16], k[16], init[16], res[16], row[16], col[16], diff[16], keep[16], v[16], t[32];
  for (int32_t d = 0; d < R; ++d)
    if (x->dims[d] == DLC_DYN) dlc_emit_dim(e, "%a0", x, d, dyn[d]);
  dlc_emit_f64_scalar(e, x->elem, 0.0, zero);
  if (p.k_operand) { /* the runtime diagonal */
    char kv[16];
    dlc_emit_fresh(e, kv);
    dlc_emit_fresh(e, k);
    dlc_strbuf_appendf(e->body, "  %s = tensor.extract %%a1[] : tensor<i64>\n  %s = arith.index_cast %s : i64 to index\n", kv,
                       k, kv);
  } else {
    dlc_emit_index(e, p.k, k);
  }
  dlc_emit_empty(e, x, dyn, init);
  dlc_emit_elem_name(x->elem, t);
  dlc_strbuf_t id;
  dlc_strbuf_init(&id);
  dlc_emit_identity_exprs(&id, R);
  dlc_emit_fresh(e, res);
  const char *values[] = {"%a0", init};
  const dlc_shape_t *shapes[] = {x, x};
  const char *maps[] = {dlc_strbuf_cstr(&id), dlc_strbuf_cstr(&id)};
  dlc_emit_generic_open(e, res, R, R, 1, values, shapes, maps);
  dlcrt_status_t st = dlc_strbuf_status(&id);
  dlc_strbuf_free(&id);
  DLCRT_RETURN_IF_ERROR(st);
  dlc_emit_fresh(e, row);
  dlc_emit_fresh(e, col);
  dlc_strbuf_appendf(e->body, "    %s = linalg.index %d : index\n    %s = linalg.index %d : index\n", row, (int)(R - 2),
                     col, (int)(R - 1));
  dlc_emit_index_op(e, "arith.subi", col, row, diff);
  dlc_emit_fresh(e, keep);
  dlc_emit_fresh(e, v);
  dlc_strbuf_appendf(e->body, "    %s = arith.cmpi %s, %s, %s : index\n    %s = arith.select %s, %%x0, %s : %s\n", keep,
                     p.upper ? "sge" : "sle", diff, k, v, keep, zero, t);
  dlc_strbuf_appendf(e->body, "    linalg.yield %s : %s\n", v, t);
  dlc_emit_generic_close(e, x);
  dlc_emit_return(e, res, x);
  return NULL;
}

dlcrt_status_t dlc_emit_pad_tile(dlc_emit_t *e) {
  switch (e->info->op_class) {
    case DLC_OPC_TILE: return emit_tile(e);
    case DLC_OPC_PAD: return emit_pad(e);
    case DLC_OPC_TRILU: return emit_trilu(e);
    default: break;
  }
  return dlcrt_make_status(DLCRT_STATUS_INTERNAL, "'dlc.%s' is not a pad/tile op", e->info->name);
}
