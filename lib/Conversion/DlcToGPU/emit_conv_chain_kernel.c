/* DlcToGPU conv-chain kernels: a "conv_chain" fusion group (conv A (+ elementwise) -> conv B
 * (+ elementwise), formed by lib/Transforms/fuse_conv_chain.c; a ResNet basic block) becomes ONE
 * gpu.launch instead of two convolution kernels with the intermediate tensor in between.
 *
 * Schedule. The group's dlc.fusion gives the output tile TH x TW and the threads T (fuse_conv_chain.c
 * chose them with include/dlc/cost_model.h; without them the same choice is made here). Block (x, y)
 * owns image n = y and tile x (row-major over ceil(H2/TH) x ceil(W2/TW)) of B's output, all C_out
 * channels. With A's filter KAh x KAw, B's KBh x KBw and B's top/left pads PBt/PBl (A's PAt/PAl):
 *   phase 1: the input halo tile x[n, :, oh0 - PBt - PAt + (0 .. TH+KAh+KBh-3), ow0 - PBl - PAl + ...]
 *            for all C_in channels into shared memory, 0 outside the image (A's zero padding): clamped
 *            in-bounds loads and a select, so no load diverges; DLC_GPU_BARRIER;
 *   phase 2: A (+ bias, + its epilogue ops) on the (TH+KBh-1) x (TW+KBw-1) intermediate tile for all
 *            C_mid channels, from shared memory, into shared memory; an intermediate position outside
 *            A's output is 0 (it is B's zero padding, not A applied to padding); DLC_GPU_BARRIER;
 *   phase 3: B (+ bias, + its epilogue ops: residual adds, relu, ...) for TH x TW x C_out, stored NCHW
 *            (positions past the image skipped).
 * Every phase is a block-strided loop over its elements (consecutive threads: consecutive columns, the
 * same channel, so filter loads are broadcasts); the filter window is unrolled (at most 49 taps), the
 * channel loop is an scf.for with the accumulator in iter_args; FMAs on CUDA cores. Epilogue ops are
 * computed by dlc_emit_scalar_op (lib/Conversion/scalar_op.h), the formulas every conversion shares;
 * their outside operands are group inputs broadcast to the conv's output (a residual of the same
 * shape, a per-channel tensor, a scalar), loaded at the element's (clamped) position. f32 only; a group
 * outside these rules (include/dlc/conv_chain.h) is not handled and falls through op by op. */
#include <stdlib.h>
#include <string.h>

#include "../scalar_op.h"
#include "dlc/conv_chain.h"
#include "dlc/cost_model.h"
#include "gpu_emit.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#define WG "#gpu.address_space<workgroup>"

typedef char dlc_cc_name_t[24];

typedef struct dlc_cc_t {
  dlc_gpu_unit_t *unit;
  dlc_strbuf_t *b;      /* the function text */
  dlc_strbuf_t *consts; /* index constants, emitted before the launch */
  int next;
  int64_t const_vals[256];
  int nconsts;
  int a, bconv;        /* unit op indices of the convolutions */
  dlc_conv_chain_conv_t ca, cb;
  int ix, iwa, iba, iwb, ibb; /* unit input indices: x, filters, biases (-1: none) */
  int64_t th, tw, threads;
  int64_t ih, iw, mh, mw; /* halo tile sizes: input, intermediate */
  dlc_cc_name_t val[DLC_GPU_MAX_UNIT_OPS]; /* scalar of each op for the current element */
  dlc_emit_t e;
} dlc_cc_t;

static const char *dlc_cc_fresh(dlc_cc_t *c, char *buf) {
  snprintf(buf, sizeof(dlc_cc_name_t), "%%cc%d", c->next++);
  return buf;
}

/* An index constant (defined once, before the launch). */
static const char *dlc_cc_const(dlc_cc_t *c, int64_t v, char *buf) {
  int k = 0;
  for (; k < c->nconsts; ++k)
    if (c->const_vals[k] == v) break;
  if (k == 256) { /* table full: a local constant, used right where it is made */
    dlc_cc_fresh(c, buf);
    dlc_strbuf_appendf(c->b, "      %s = arith.constant %lld : index\n", buf, (long long)v);
    return buf;
  }
  if (k == c->nconsts) {
    c->const_vals[c->nconsts++] = v;
    dlc_strbuf_appendf(c->consts, "  %%ci%d = arith.constant %lld : index\n", k, (long long)v);
  }
  snprintf(buf, sizeof(dlc_cc_name_t), "%%ci%d", k);
  return buf;
}

/* `%fresh = arith.<op> a, b : index`; b a constant when `bs` is NULL. */
static const char *dlc_cc_op(dlc_cc_t *c, const char *op, const char *a, const char *bs, int64_t bv, char *out) {
  dlc_cc_name_t k;
  if (!bs) bs = dlc_cc_const(c, bv, k);
  dlc_cc_fresh(c, out);
  dlc_strbuf_appendf(c->b, "      %s = arith.%s %s, %s : index\n", out, op, a, bs);
  return out;
}

/* An outside operand broadcasting to the 4-D shape `r` (f32, static, each dim 1 or r's). */
static bool dlc_cc_broadcasts(const dlc_shape_t *s, const dlc_shape_t *r) {
  if (!mlirTypeIsAF32(s->elem) || !dlc_shape_is_static(s) || s->rank > 4) return false;
  for (int d = 0; d < s->rank; ++d)
    if (s->dims[d] != 1 && s->dims[d] != r->dims[4 - s->rank + d]) return false;
  return true;
}

/* The epilogue ops (unit ops first..end) of the conv at unit op `conv`: elementwise, result of the
 * conv's type, operands from the segment (conv .. op) or broadcasting group inputs. */
static bool dlc_cc_segment_ok(const dlc_cc_t *c, int conv, int first, int end) {
  const dlc_gpu_unit_t *u = c->unit;
  MlirType ty = mlirValueGetType(mlirOperationGetResult(u->ops[conv], 0));
  dlc_shape_t rs;
  dlc_shape_from_type(ty, &rs);
  for (int i = first; i < end; ++i) {
    MlirOperation op = u->ops[i];
    if (!dlc_gpu_is_elementwise_op(op) || !mlirTypeEqual(mlirValueGetType(mlirOperationGetResult(op, 0)), ty) ||
        mlirOperationGetNumOperands(op) > 3)
      return false;
    for (intptr_t o = 0; o < mlirOperationGetNumOperands(op); ++o) {
      MlirValue v = mlirOperationGetOperand(op, o);
      int d = dlc_gpu_unit_op_index(u, v);
      dlc_shape_t s;
      if (d >= 0 ? !(d == conv || (d >= first && d < i)) : (dlc_gpu_unit_input_index(u, v) < 0 || !dlc_shape_from_type(mlirValueGetType(v), &s) ||
                                                              !dlc_cc_broadcasts(&s, &rs)))
        return false;
    }
  }
  return true;
}

/* Checks the group against the kernel's rules and fills the plan. */
static bool dlc_cc_plan(dlc_cc_t *c) {
  dlc_gpu_unit_t *u = c->unit;
  if (mlirOperationIsNull(u->group) || !dlc_gpu_fusion_kind_is(u, "conv_chain") || u->num_outputs != 1 || u->num_ops < 2) return false;
  c->a = 0;
  c->bconv = -1;
  for (int i = 1; i < u->num_ops; ++i)
    if (dlc_op_is(u->ops[i], DLC_CONV2D)) {
      if (c->bconv >= 0) return false;
      c->bconv = i;
    }
  if (c->bconv < 0 || !dlc_op_is(u->ops[0], DLC_CONV2D)) return false;
  MlirOperation A = u->ops[c->a], B = u->ops[c->bconv];
  if (dlc_conv_chain_conv(A, &c->ca) || dlc_conv_chain_conv(B, &c->cb)) return false;
  if (c->cb.c_in != c->ca.c_out || c->cb.h_in != c->ca.h_out || c->cb.w_in != c->ca.w_out || c->cb.n != c->ca.n) return false;
  if (!dlc_cc_segment_ok(c, c->a, 1, c->bconv) || !dlc_cc_segment_ok(c, c->bconv, c->bconv + 1, u->num_ops)) return false;
  /* B reads A's segment; A's segment is used by nothing else */
  int tail = dlc_gpu_unit_op_index(u, mlirOperationGetOperand(B, 0));
  if (tail < 0 || tail >= c->bconv) return false;
  for (int i = 0; i < c->bconv; ++i) {
    MlirValue r = mlirOperationGetResult(u->ops[i], 0);
    for (MlirOpOperand use = mlirValueGetFirstUse(r); !mlirOpOperandIsNull(use); use = mlirOpOperandGetNextUse(use)) {
      MlirOperation owner = mlirOpOperandGetOwner(use);
      int k = -1;
      for (int j = 0; j < u->num_ops && k < 0; ++j)
        if (mlirOperationEqual(u->ops[j], owner)) k = j;
      if (k < 0 || (k >= c->bconv && !(k == c->bconv && mlirOpOperandGetOperandNumber(use) == 0))) return false;
    }
  }
  int out_def = dlc_gpu_unit_op_index(u, u->outputs[0]);
  if (out_def < c->bconv) return false;
  c->ix = dlc_gpu_unit_input_index(u, mlirOperationGetOperand(A, 0));
  c->iwa = dlc_gpu_unit_input_index(u, mlirOperationGetOperand(A, 1));
  c->iwb = dlc_gpu_unit_input_index(u, mlirOperationGetOperand(B, 1));
  c->iba = c->ca.bias ? dlc_gpu_unit_input_index(u, mlirOperationGetOperand(A, 2)) : -1;
  c->ibb = c->cb.bias ? dlc_gpu_unit_input_index(u, mlirOperationGetOperand(B, 2)) : -1;
  if (c->ix < 0 || c->iwa < 0 || c->iwb < 0 || (c->ca.bias && c->iba < 0) || (c->cb.bias && c->ibb < 0)) return false;
  /* the schedule: the group's tile and threads, or the cost model's choice */
  MlirAttribute dict = mlirOperationGetAttributeByName(u->group, dlc_sref(DLC_FUSION_ATTR));
  MlirAttribute tile = mlirAttributeIsNull(dict) ? dict : mlirDictionaryAttrGetElementByName(dict, dlc_sref("tile"));
  dlc_conv_chain_dims_t d = {.n = c->cb.n, .c_in = c->ca.c_in, .c_mid = c->ca.c_out, .c_out = c->cb.c_out, .h_out = c->cb.h_out,
                             .w_out = c->cb.w_out, .ka_h = c->ca.kh, .ka_w = c->ca.kw, .kb_h = c->cb.kh, .kb_w = c->cb.kw};
  if (!mlirAttributeIsNull(tile) && mlirAttributeIsADenseI64Array(tile) && mlirDenseArrayGetNumElements(tile) == 2) {
    c->th = mlirDenseI64ArrayGetElement(tile, 0);
    c->tw = mlirDenseI64ArrayGetElement(tile, 1);
  } else {
    dlc_conv_chain_tile_t t;
    if (!dlc_conv_chain_pick_tile(&dlc_fusion_settings()->target, &d, DLC_CONV_CHAIN_SMEM_LIMIT, &t)) return false;
    c->th = t.th;
    c->tw = t.tw;
  }
  c->threads = dlc_gpu_fusion_int(u, "threads", DLC_CONV_CHAIN_THREADS);
  if (c->th < 1 || c->tw < 1 || c->threads < 32 || c->threads > 1024 || dlc_conv_chain_smem(&d, c->th, c->tw) > DLC_CONV_CHAIN_SMEM_LIMIT)
    return false;
  c->mh = c->th + c->cb.kh - 1;
  c->mw = c->tw + c->cb.kw - 1;
  c->ih = c->mh + c->ca.kh - 1;
  c->iw = c->mw + c->ca.kw - 1;
  return true;
}

/* Loads group input `in` broadcast to the 4-D position (n, ch, h, w) into `out`. */
static void dlc_cc_load_input(dlc_cc_t *c, int in, const char *const pos[4], char *out) {
  dlc_shape_t s;
  dlc_gpu_input_shape(c->unit, in, &s);
  dlc_cc_name_t zero;
  dlc_cc_const(c, 0, zero);
  dlc_cc_fresh(c, out);
  dlc_strbuf_appendf(c->b, "      %s = memref.load %%in%d[", out, in);
  for (int d = 0; d < s.rank; ++d) dlc_strbuf_appendf(c->b, "%s%s", d ? ", " : "", s.dims[d] == 1 ? zero : pos[4 - s.rank + d]);
  dlc_strbuf_append(c->b, "] : ");
  dlc_gpu_append_memref_type(c->b, &s);
  dlc_strbuf_append(c->b, "\n");
}

/* The conv's value (accumulator + bias) and its epilogue ops (unit ops first..end) at position `pos`;
 * returns the name of the segment's last value in `result`. */
static dlcrt_status_t dlc_cc_epilogue(dlc_cc_t *c, int conv, int bias_in, int first, int end, const char *acc, const char *const pos[4],
                                      char *result) {
  dlc_gpu_unit_t *u = c->unit;
  if (bias_in >= 0) {
    dlc_cc_name_t bv;
    dlc_cc_fresh(c, bv);
    dlc_strbuf_appendf(c->b, "      %s = memref.load %%in%d[%s] : memref<%lldxf32>\n", bv, bias_in, pos[1],
                       (long long)(conv == c->a ? c->ca.c_out : c->cb.c_out));
    dlc_cc_fresh(c, c->val[conv]);
    dlc_strbuf_appendf(c->b, "      %s = arith.addf %s, %s : f32\n", c->val[conv], acc, bv);
  } else {
    snprintf(c->val[conv], sizeof(dlc_cc_name_t), "%s", acc);
  }
  const char *last = c->val[conv];
  for (int i = first; i < end; ++i) {
    MlirOperation op = u->ops[i];
    dlc_emit_t *e = &c->e;
    e->op = op;
    e->info = dlc_op_info(op);
    e->num_in = (int)mlirOperationGetNumOperands(op);
    const char *names[3];
    dlc_cc_name_t loaded[3];
    for (int j = 0; j < e->num_in; ++j) {
      MlirValue v = mlirOperationGetOperand(op, j);
      dlc_shape_from_type(mlirValueGetType(v), &e->in[j]);
      int d = dlc_gpu_unit_op_index(u, v);
      if (d >= 0) {
        names[j] = c->val[d];
      } else {
        dlc_cc_load_input(c, dlc_gpu_unit_input_index(u, v), pos, loaded[j]);
        names[j] = loaded[j];
      }
    }
    dlc_shape_from_type(mlirValueGetType(mlirOperationGetResult(op, 0)), &e->out);
    char r[16];
    DLCRT_RETURN_IF_ERROR(dlc_emit_scalar_op(e, names, r));
    snprintf(c->val[i], sizeof(dlc_cc_name_t), "%s", r);
    last = c->val[i];
  }
  /* the segment's tail: A's is B's input, B's the group's output */
  int tail = conv == c->a ? dlc_gpu_unit_op_index(u, mlirOperationGetOperand(u->ops[c->bconv], 0)) : dlc_gpu_unit_op_index(u, u->outputs[0]);
  snprintf(result, sizeof(dlc_cc_name_t), "%s", tail >= 0 ? c->val[tail] : last);
  return NULL;
}

/* sum over channels ch < nch and the unrolled kh x kw window of src[ch*rows*cols + (r+kh)*cols + q+kw]
 * * w[((o*nch + ch)*kh + i)*kw + j]: `%acc` name written into `out`. */
static void dlc_cc_window(dlc_cc_t *c, const char *src, int64_t src_elems, const char *wbuf, int64_t w_elems, int64_t nch, int64_t rows,
                          int64_t cols, int64_t kh, int64_t kw, const char *o, const char *r, const char *q, char *out) {
  dlc_cc_name_t k0, k1, chn, zero, t1, t2, sbase0, wbase0;
  dlc_cc_const(c, 0, zero);
  dlc_cc_const(c, 1, k1);
  dlc_cc_const(c, nch, chn);
  (void)k0;
  /* sbase0 = r*cols + q ; wbase0 = o*nch*kh*kw */
  dlc_cc_op(c, "muli", r, NULL, cols, t1);
  dlc_cc_op(c, "addi", t1, q, 0, sbase0);
  dlc_cc_op(c, "muli", o, NULL, nch * kh * kw, wbase0);
  dlc_cc_name_t ch, a;
  dlc_cc_fresh(c, out);
  dlc_cc_fresh(c, ch);
  dlc_cc_fresh(c, a);
  dlc_strbuf_appendf(c->b, "      %s = scf.for %s = %s to %s step %s iter_args(%s = %%cc_zf) -> (f32) {\n", out, ch, zero, chn, k1, a);
  dlc_cc_name_t sb, wb;
  dlc_cc_op(c, "muli", ch, NULL, rows * cols, t2);
  dlc_cc_op(c, "addi", t2, sbase0, 0, sb);
  dlc_cc_op(c, "muli", ch, NULL, kh * kw, t1);
  dlc_cc_op(c, "addi", t1, wbase0, 0, wb);
  char acc[24];
  snprintf(acc, sizeof(acc), "%s", a);
  for (int64_t i = 0; i < kh; ++i)
    for (int64_t j = 0; j < kw; ++j) {
      dlc_cc_name_t si, wi, xv, wv, s;
      dlc_cc_op(c, "addi", sb, NULL, i * cols + j, si);
      dlc_cc_op(c, "addi", wb, NULL, i * kw + j, wi);
      dlc_cc_fresh(c, xv);
      dlc_cc_fresh(c, wv);
      dlc_cc_name_t p;
      dlc_cc_fresh(c, p);
      dlc_cc_fresh(c, s);
      dlc_strbuf_appendf(c->b, "      %s = memref.load %s[%s] : memref<%lldxf32, " WG ">\n", xv, src, si, (long long)src_elems);
      dlc_strbuf_appendf(c->b, "      %s = memref.load %s[%s] : memref<%lldxf32>\n", wv, wbuf, wi, (long long)w_elems);
      /* mulf + addf with contract: one fma.rn.f32 in the PTX */
      dlc_strbuf_appendf(c->b, "      %s = arith.mulf %s, %s fastmath<contract> : f32\n      %s = arith.addf %s, %s fastmath<contract> : f32\n", p, xv,
                         wv, s, acc, p);
      snprintf(acc, sizeof(acc), "%s", s);
    }
  dlc_strbuf_appendf(c->b, "      scf.yield %s : f32\n      }\n", acc);
}

/* e -> (channel, row, col) of a rows x cols tile per channel. */
static void dlc_cc_split(dlc_cc_t *c, const char *e, int64_t rows, int64_t cols, char *ch, char *r, char *q) {
  dlc_cc_name_t rem;
  dlc_cc_op(c, "divui", e, NULL, rows * cols, ch);
  dlc_cc_op(c, "remui", e, NULL, rows * cols, rem);
  dlc_cc_op(c, "divui", rem, NULL, cols, r);
  dlc_cc_op(c, "remui", rem, NULL, cols, q);
}

/* ok = 0 <= v < hi (signed); clamped = min(max(v, 0), hi - 1). */
static void dlc_cc_bounds(dlc_cc_t *c, const char *v, int64_t hi, char *ok, char *clamped) {
  dlc_cc_name_t zero, top, lo_ok, hi_ok, mx;
  dlc_cc_const(c, 0, zero);
  dlc_cc_const(c, hi, top);
  dlc_cc_fresh(c, lo_ok);
  dlc_cc_fresh(c, hi_ok);
  dlc_cc_fresh(c, ok);
  dlc_strbuf_appendf(c->b, "      %s = arith.cmpi sge, %s, %s : index\n      %s = arith.cmpi slt, %s, %s : index\n"
                           "      %s = arith.andi %s, %s : i1\n",
                     lo_ok, v, zero, hi_ok, v, top, ok, lo_ok, hi_ok);
  dlc_cc_fresh(c, mx);
  dlc_strbuf_appendf(c->b, "      %s = arith.maxsi %s, %s : index\n", mx, v, zero);
  dlc_cc_op(c, "minsi", mx, NULL, hi - 1, clamped);
}

static dlcrt_status_t dlc_cc_kernel(dlc_cc_t *c) {
  dlc_gpu_unit_t *u = c->unit;
  dlc_strbuf_t *b = c->b;
  dlc_shape_t xs, ys;
  dlc_gpu_input_shape(u, c->ix, &xs);
  dlc_gpu_output_shape(u, 0, &ys);
  const int64_t tiles_w = (c->cb.w_out + c->tw - 1) / c->tw, tiles = ((c->cb.h_out + c->th - 1) / c->th) * tiles_w;
  const int64_t in_elems = c->ih * c->iw * c->ca.c_in, mid_elems = c->mh * c->mw * c->ca.c_out, out_elems = c->th * c->tw * c->cb.c_out;
  const int64_t wa_elems = c->ca.c_out * c->ca.c_in * c->ca.kh * c->ca.kw, wb_elems = c->cb.c_out * c->cb.c_in * c->cb.kh * c->cb.kw;
  dlc_cc_name_t grid, nimg, thr, one, zero, in_n, mid_n, out_n, off;
  dlc_cc_const(c, tiles, grid);
  dlc_cc_const(c, c->cb.n, nimg);
  dlc_cc_const(c, c->threads, thr);
  dlc_cc_const(c, 1, one);
  dlc_cc_const(c, 0, zero);
  dlc_cc_const(c, in_elems, in_n);
  dlc_cc_const(c, mid_elems, mid_n);
  dlc_cc_const(c, out_elems, out_n);
  dlc_cc_const(c, in_elems * 4, off);
  dlc_strbuf_append(b, "  %out0 = memref.alloc() : ");
  dlc_gpu_append_memref_type(b, &ys);
  dlc_strbuf_append(b, "\n");
  dlc_shape_t ws;
  dlc_gpu_input_shape(u, c->iwa, &ws);
  dlc_strbuf_appendf(b, "  %%cc_wa = memref.collapse_shape %%in%d [[0, 1, 2, 3]] : ", c->iwa);
  dlc_gpu_append_memref_type(b, &ws);
  dlc_strbuf_appendf(b, " into memref<%lldxf32>\n", (long long)wa_elems);
  dlc_gpu_input_shape(u, c->iwb, &ws);
  dlc_strbuf_appendf(b, "  %%cc_wb = memref.collapse_shape %%in%d [[0, 1, 2, 3]] : ", c->iwb);
  dlc_gpu_append_memref_type(b, &ws);
  dlc_strbuf_appendf(b, " into memref<%lldxf32>\n", (long long)wb_elems);
  dlc_strbuf_appendf(b, "  %%cc_zf = arith.constant 0.0 : f32\n  %%cc_smem = arith.constant %lld : i32\n",
                     (long long)((in_elems + mid_elems) * 4));
  dlc_strbuf_append(b, "  @@CONSTS@@\n");
  dlc_strbuf_appendf(b,
                     "  gpu.launch blocks(%%cc_bx, %%cc_by, %%cc_bz) in (%%cc_gx = %s, %%cc_gy = %s, %%cc_gz = %s) "
                     "threads(%%cc_tx, %%cc_ty, %%cc_tz) in (%%cc_sx = %s, %%cc_sy = %s, %%cc_sz = %s) "
                     "dynamic_shared_memory_size %%cc_smem {\n",
                     grid, nimg, one, thr, one, one);
  dlc_strbuf_append(b, "      %cc_bid = gpu.block_id x\n      %cc_n = gpu.block_id y\n      %cc_tid = gpu.thread_id x\n");
  dlc_strbuf_appendf(b, "      %%cc_raw = gpu.dynamic_shared_memory : memref<?xi8, " WG ">\n");
  dlc_strbuf_appendf(b, "      %%cc_sin = memref.view %%cc_raw[%s][] : memref<?xi8, " WG "> to memref<%lldxf32, " WG ">\n", zero,
                     (long long)in_elems);
  dlc_strbuf_appendf(b, "      %%cc_smid = memref.view %%cc_raw[%s][] : memref<?xi8, " WG "> to memref<%lldxf32, " WG ">\n", off,
                     (long long)mid_elems);
  dlc_cc_name_t trow, tcol, oh0, ow0, t1;
  dlc_cc_op(c, "divui", "%cc_bid", NULL, tiles_w, trow);
  dlc_cc_op(c, "remui", "%cc_bid", NULL, tiles_w, tcol);
  dlc_cc_op(c, "muli", trow, NULL, c->th, oh0);
  dlc_cc_op(c, "muli", tcol, NULL, c->tw, ow0);

  /* phase 1: the input halo tile */
  dlc_strbuf_appendf(b, "      scf.for %%cc_e1 = %%cc_tid to %s step %s {\n", in_n, thr);
  {
    dlc_cc_name_t ch, r, q, ih, iw, okh, okw, ihc, iwc, ok, v, s;
    dlc_cc_split(c, "%cc_e1", c->ih, c->iw, ch, r, q);
    dlc_cc_op(c, "addi", oh0, r, 0, t1);
    dlc_cc_op(c, "subi", t1, NULL, c->cb.pads[0] + c->ca.pads[0], ih);
    dlc_cc_op(c, "addi", ow0, q, 0, t1);
    dlc_cc_op(c, "subi", t1, NULL, c->cb.pads[1] + c->ca.pads[1], iw);
    dlc_cc_bounds(c, ih, c->ca.h_in, okh, ihc);
    dlc_cc_bounds(c, iw, c->ca.w_in, okw, iwc);
    dlc_cc_fresh(c, ok);
    dlc_cc_fresh(c, v);
    dlc_cc_fresh(c, s);
    dlc_strbuf_appendf(b, "      %s = arith.andi %s, %s : i1\n      %s = memref.load %%in%d[%%cc_n, %s, %s, %s] : ", ok, okh, okw, v, c->ix,
                       ch, ihc, iwc);
    dlc_gpu_append_memref_type(b, &xs);
    dlc_strbuf_appendf(b, "\n      %s = arith.select %s, %s, %%cc_zf : f32\n", s, ok, v);
    dlc_strbuf_appendf(b, "      memref.store %s, %%cc_sin[%%cc_e1] : memref<%lldxf32, " WG ">\n      }\n", s, (long long)in_elems);
  }
  dlc_strbuf_append(b, "      " DLC_GPU_BARRIER "\n");

  /* phase 2: A (+ epilogue) on the intermediate halo tile, 0 outside A's output */
  dlc_strbuf_appendf(b, "      scf.for %%cc_e2 = %%cc_tid to %s step %s {\n", mid_n, thr);
  {
    dlc_cc_name_t cm, r, q, mh, mw, okh, okw, mhc, mwc, ok, acc, v, s;
    dlc_cc_split(c, "%cc_e2", c->mh, c->mw, cm, r, q);
    dlc_cc_window(c, "%cc_sin", in_elems, "%cc_wa", wa_elems, c->ca.c_in, c->ih, c->iw, c->ca.kh, c->ca.kw, cm, r, q, acc);
    dlc_cc_op(c, "addi", oh0, r, 0, t1);
    dlc_cc_op(c, "subi", t1, NULL, c->cb.pads[0], mh);
    dlc_cc_op(c, "addi", ow0, q, 0, t1);
    dlc_cc_op(c, "subi", t1, NULL, c->cb.pads[1], mw);
    dlc_cc_bounds(c, mh, c->ca.h_out, okh, mhc);
    dlc_cc_bounds(c, mw, c->ca.w_out, okw, mwc);
    const char *pos[4] = {"%cc_n", cm, mhc, mwc};
    DLCRT_RETURN_IF_ERROR(dlc_cc_epilogue(c, c->a, c->iba, 1, c->bconv, acc, pos, v));
    dlc_cc_fresh(c, ok);
    dlc_cc_fresh(c, s);
    dlc_strbuf_appendf(b, "      %s = arith.andi %s, %s : i1\n      %s = arith.select %s, %s, %%cc_zf : f32\n", ok, okh, okw, s, ok, v);
    dlc_strbuf_appendf(b, "      memref.store %s, %%cc_smid[%%cc_e2] : memref<%lldxf32, " WG ">\n      }\n", s, (long long)mid_elems);
  }
  dlc_strbuf_append(b, "      " DLC_GPU_BARRIER "\n");

  /* phase 3: B (+ epilogue) on the output tile */
  dlc_strbuf_appendf(b, "      scf.for %%cc_e3 = %%cc_tid to %s step %s {\n", out_n, thr);
  {
    dlc_cc_name_t co, r, q, oh, ow, okh, okw, ok, acc, v, hmax, wmax;
    dlc_cc_split(c, "%cc_e3", c->th, c->tw, co, r, q);
    dlc_cc_op(c, "addi", oh0, r, 0, oh);
    dlc_cc_op(c, "addi", ow0, q, 0, ow);
    dlc_cc_const(c, c->cb.h_out, hmax);
    dlc_cc_const(c, c->cb.w_out, wmax);
    dlc_cc_fresh(c, okh);
    dlc_cc_fresh(c, okw);
    dlc_cc_fresh(c, ok);
    dlc_strbuf_appendf(b, "      %s = arith.cmpi ult, %s, %s : index\n      %s = arith.cmpi ult, %s, %s : index\n"
                          "      %s = arith.andi %s, %s : i1\n      scf.if %s {\n",
                       okh, oh, hmax, okw, ow, wmax, ok, okh, okw, ok);
    dlc_cc_window(c, "%cc_smid", mid_elems, "%cc_wb", wb_elems, c->cb.c_in, c->mh, c->mw, c->cb.kh, c->cb.kw, co, r, q, acc);
    const char *pos[4] = {"%cc_n", co, oh, ow};
    DLCRT_RETURN_IF_ERROR(dlc_cc_epilogue(c, c->bconv, c->ibb, c->bconv + 1, u->num_ops, acc, pos, v));
    dlc_strbuf_appendf(b, "      memref.store %s, %%out0[%%cc_n, %s, %s, %s] : ", v, co, oh, ow);
    dlc_gpu_append_memref_type(b, &ys);
    dlc_strbuf_append(b, "\n      }\n      }\n");
  }
  dlc_strbuf_append(b, "      gpu.terminator\n  }\n");
  return NULL;
}

dlcrt_status_t dlc_gpu_emit_conv_chain_kernel(dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out, bool *handled) {
  *handled = false;
  dlc_cc_t *c = calloc(1, sizeof(dlc_cc_t));
  if (!c) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory in the conv-chain kernel emitter");
  c->unit = unit;
  dlc_strbuf_t text, body, consts;
  dlc_strbuf_init(&text);
  dlc_strbuf_init(&body);
  dlc_strbuf_init(&consts);
  c->b = &body;
  c->consts = &consts;
  c->e.body = &body;
  dlcrt_status_t st = NULL;
  if (!dlc_cc_plan(c) || !dlc_gpu_append_prologue(unit, func_name, &text)) goto done;
  st = dlc_cc_kernel(c);
  if (st) { /* a combination the scalar formulas do not cover: leave the group to the generic path */
    dlcrt_status_free(st);
    st = NULL;
    goto done;
  }
  st = dlc_strbuf_status(&body);
  if (!st) st = dlc_strbuf_status(&consts);
  if (st) goto done;
  /* the index constants go before the launch, where the marker is */
  const char *full = dlc_strbuf_cstr(&body);
  const char *mark = strstr(full, "  @@CONSTS@@\n");
  if (!mark) goto done;
  dlc_strbuf_appendf(&text, "%.*s", (int)(mark - full), full);
  dlc_strbuf_append(&text, dlc_strbuf_cstr(&consts));
  dlc_strbuf_append(&text, mark + strlen("  @@CONSTS@@\n"));
  st = dlc_gpu_finish_function(unit, &text, out, handled);
done:
  dlc_strbuf_free(&text);
  dlc_strbuf_free(&body);
  dlc_strbuf_free(&consts);
  free(c);
  return st;
}
