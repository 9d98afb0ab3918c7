/* dlc.conv2d (NCHW x OIHW, groups = 1, f32/f16/bf16, static filter) on the GPU as im2col + one
 * cuBLASLt GEMM, reached through dlc_gpu_emit_gemm_call (emit_gemm_call.c):
 *
 *   1. an im2col kernel (one thread per element) writes col [N, C*KH*KW, OH*OW] from the input, zero
 *      where a tap falls into the padding: col[n, (c*KH + kh)*KW + kw, oh*OW + ow] =
 *      x[n, c, oh*sh + kh*dh - pad_top, ow*sw + kw*dw - pad_left];
 *   2. the GEMM out[n] [O, OH*OW] = filter [O, C*KH*KW] x col[n], batched over n with the filter
 *      broadcast (batch of 1): the result is already NCHW;
 *      A following dlc.add of the conv's result (its only user) and a tensor of the same type (a
 *      ResNet shortcut) is absorbed as the GEMM's residual (cuBLASLt's C with beta 1);
 *   3. when there is a bias, or a dlc.relu that is the only user of the conv (or of the absorbed add),
 *      an epilogue kernel adds bias[o] and applies the relu in place. (cuBLASLt's bias epilogue adds
 *      along the other dimension of this product, so it cannot be used here; the bias goes after the
 *      residual, which is the same sum.)
 *
 * The kernels are gpu.launch ops with 256-thread blocks; the GEMM call runs after the im2col launch
 * has completed (a synchronous launch) and synchronises before the epilogue launch. Other convolutions
 * (groups > 1, dynamic filters, other types) are left to the generic path. */
#include <stdio.h>
#include <string.h>

#include "gemm_call.h"

/* Opens a 1-D launch of ceil(total / 256) blocks of 256 threads; %<prefix>_i is the element index,
 * inside an scf.if i < total. */
static void dlc_conv_open_launch(dlc_gemm_text_t *t, const char *prefix, dlc_gemm_idx_t total) {
  dlc_gemm_idx_t threads = dlc_gemm_const(t, 256), one = dlc_gemm_const(t, 1);
  dlc_gemm_idx_t grid = dlc_gemm_arith(t, "ceildivui", total, threads);
  dlc_strbuf_appendf(t->out,
                     "  gpu.launch blocks(%%%s_bx, %%%s_by, %%%s_bz) in (%%%s_gx = %s, %%%s_gy = %s, %%%s_gz = %s) "
                     "threads(%%%s_tx, %%%s_ty, %%%s_tz) in (%%%s_sx = %s, %%%s_sy = %s, %%%s_sz = %s) {\n",
                     prefix, prefix, prefix, prefix, grid.s, prefix, one.s, prefix, one.s, prefix, prefix, prefix, prefix,
                     threads.s, prefix, one.s, prefix, one.s);
  dlc_strbuf_appendf(t->out, "  %%%s_bid = gpu.block_id x\n  %%%s_tid = gpu.thread_id x\n", prefix, prefix);
  dlc_strbuf_appendf(t->out, "  %%%s_base = arith.muli %%%s_bid, %s : index\n", prefix, prefix, threads.s);
  dlc_strbuf_appendf(t->out, "  %%%s_i = arith.addi %%%s_base, %%%s_tid : index\n", prefix, prefix, prefix);
  dlc_strbuf_appendf(t->out, "  %%%s_in = arith.cmpi ult, %%%s_i, %s : index\n", prefix, prefix, total.s);
  dlc_strbuf_appendf(t->out, "  scf.if %%%s_in {\n", prefix);
}

static void dlc_conv_close_launch(dlc_gemm_text_t *t) { dlc_strbuf_append(t->out, "  }\n  gpu.terminator\n  }\n"); }

dlcrt_status_t dlc_gpu_emit_conv_gemm(dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out, bool *handled) {
  *handled = false;
  MlirOperation conv = unit->ops[0];
  intptr_t nops = mlirOperationGetNumOperands(conv);
  dlc_window_params_t at;
  if (nops < 2 || nops > 3 || !dlc_conv_read_params(conv, &at) || at.groups != 1) return NULL;
  MlirValue x = mlirOperationGetOperand(conv, 0), w = mlirOperationGetOperand(conv, 1);
  MlirValue bias = nops == 3 ? mlirOperationGetOperand(conv, 2) : (MlirValue){NULL};
  dlc_shape_t xs, ws, ys, bs;
  if (!dlc_shape_from_type(mlirValueGetType(x), &xs) || !dlc_shape_from_type(mlirValueGetType(w), &ws) ||
      !dlc_shape_from_type(mlirValueGetType(mlirOperationGetResult(conv, 0)), &ys))
    return NULL;
  const char *e = dlc_gemm_elem_name(ys.elem);
  if (!e || xs.rank != 4 || ws.rank != 4 || ys.rank != 4 || !dlc_shape_is_static(&ws) ||
      !mlirTypeEqual(xs.elem, ys.elem) || !mlirTypeEqual(ws.elem, ys.elem) || xs.dims[1] != ws.dims[1])
    return NULL;
  if (!mlirValueIsNull(bias) &&
      (!dlc_shape_from_type(mlirValueGetType(bias), &bs) || bs.rank != 1 || bs.dims[0] != ws.dims[0] ||
       !mlirTypeEqual(bs.elem, ys.elem)))
    return NULL;
  /* a residual add that is the conv's only user goes to the GEMM, a relu after it to the epilogue kernel */
  MlirValue residual;
  bool relu;
  dlc_conv_absorb_epilogue(unit, conv, false, &residual, &relu);
  int ix, iw, ib, ir;
  if (!dlc_conv_input_indices(unit, x, w, bias, residual, &ix, &iw, &ib, &ir)) return NULL;

  dlc_strbuf_t body;
  dlc_strbuf_init(&body);
  dlc_gemm_text_t t = {.out = &body, .next = 0};
  const int64_t o_ = ws.dims[0], c_ = ws.dims[1], kh_ = ws.dims[2], kw_ = ws.dims[3];
  dlc_gemm_idx_t n = dlc_gemm_dim(&t, ix, &xs, 0), h = dlc_gemm_dim(&t, ix, &xs, 2), wd = dlc_gemm_dim(&t, ix, &xs, 3);
  dlc_gemm_idx_t oh = dlc_conv_out_size(&t, ys.dims[2], h, at.pads[0] + at.pads[2], at.dilations[0], kh_, at.strides[0]);
  dlc_gemm_idx_t ow = dlc_conv_out_size(&t, ys.dims[3], wd, at.pads[1] + at.pads[3], at.dilations[1], kw_, at.strides[1]);
  dlc_gemm_idx_t o = dlc_gemm_const(&t, o_), ckk = dlc_gemm_const(&t, c_ * kh_ * kw_), one = dlc_gemm_const(&t, 1);
  dlc_gemm_idx_t ohw = dlc_gemm_mul(&t, oh, ow);
  dlc_gemm_idx_t ydyn[4] = {n, o, oh, ow};
  dlc_strbuf_append(&body, "  %out0 = memref.alloc(");
  for (int d = 0, k = 0; d < 4; ++d)
    if (ys.dims[d] == DLC_DYN) dlc_strbuf_appendf(&body, "%s%s", k++ ? ", " : "", ydyn[d].s);
  dlc_strbuf_append(&body, ") : ");
  dlc_gpu_append_memref_type(&body, &ys);
  dlc_strbuf_append(&body, "\n");
  dlc_strbuf_appendf(&body, "  %%col = memref.alloc(%s, %s, %s) : memref<?x?x?x%s>\n", n.s, ckk.s, ohw.s, e);

  /* 1. im2col */
  dlc_gemm_idx_t total = dlc_gemm_mul(&t, dlc_gemm_mul(&t, n, ckk), ohw);
  dlc_gemm_idx_t zero_i = dlc_gemm_const(&t, 0), kwc = dlc_gemm_const(&t, kw_), khc = dlc_gemm_const(&t, kh_);
  dlc_gemm_idx_t sh = dlc_gemm_const(&t, at.strides[0]), sw = dlc_gemm_const(&t, at.strides[1]);
  dlc_gemm_idx_t dh = dlc_gemm_const(&t, at.dilations[0]), dw = dlc_gemm_const(&t, at.dilations[1]);
  dlc_gemm_idx_t pt = dlc_gemm_const(&t, at.pads[0]), pl = dlc_gemm_const(&t, at.pads[1]);
  dlc_strbuf_appendf(&body, "  %%zero = arith.constant 0.0 : %s\n", e);
  dlc_conv_open_launch(&t, "im", total);
  {
    dlc_gemm_idx_t i;
    snprintf(i.s, sizeof(i.s), "%%im_i");
    dlc_gemm_idx_t p = dlc_gemm_arith(&t, "remui", i, ohw), t1 = dlc_gemm_arith(&t, "divui", i, ohw);
    dlc_gemm_idx_t q = dlc_gemm_arith(&t, "remui", t1, ckk), ni = dlc_gemm_arith(&t, "divui", t1, ckk);
    dlc_gemm_idx_t owi = dlc_gemm_arith(&t, "remui", p, ow), ohi = dlc_gemm_arith(&t, "divui", p, ow);
    dlc_gemm_idx_t kwi = dlc_gemm_arith(&t, "remui", q, kwc), t2 = dlc_gemm_arith(&t, "divui", q, kwc);
    dlc_gemm_idx_t khi = dlc_gemm_arith(&t, "remui", t2, khc), ci = dlc_gemm_arith(&t, "divui", t2, khc);
    dlc_gemm_idx_t ih = dlc_gemm_arith(&t, "subi",
                                       dlc_gemm_arith(&t, "addi", dlc_gemm_mul(&t, ohi, sh), dlc_gemm_mul(&t, khi, dh)), pt);
    dlc_gemm_idx_t iwi = dlc_gemm_arith(&t, "subi",
                                        dlc_gemm_arith(&t, "addi", dlc_gemm_mul(&t, owi, sw), dlc_gemm_mul(&t, kwi, dw)), pl);
    dlc_strbuf_appendf(&body, "  %%im_ok0 = arith.cmpi sge, %s, %s : index\n", ih.s, zero_i.s);
    dlc_strbuf_appendf(&body, "  %%im_ok1 = arith.cmpi slt, %s, %s : index\n", ih.s, h.s);
    dlc_strbuf_appendf(&body, "  %%im_ok2 = arith.cmpi sge, %s, %s : index\n", iwi.s, zero_i.s);
    dlc_strbuf_appendf(&body, "  %%im_ok3 = arith.cmpi slt, %s, %s : index\n", iwi.s, wd.s);
    dlc_strbuf_append(&body, "  %im_ok01 = arith.andi %im_ok0, %im_ok1 : i1\n  %im_ok23 = arith.andi %im_ok2, %im_ok3 : i1\n"
                             "  %im_ok = arith.andi %im_ok01, %im_ok23 : i1\n");
    dlc_strbuf_appendf(&body, "  %%im_v = scf.if %%im_ok -> (%s) {\n  %%im_x = memref.load %%in%d[%s, %s, %s, %s] : ", e, ix,
                       ni.s, ci.s, ih.s, iwi.s);
    dlc_gpu_append_memref_type(&body, &xs);
    dlc_strbuf_appendf(&body, "\n  scf.yield %%im_x : %s\n  } else {\n  scf.yield %%zero : %s\n  }\n", e, e);
    dlc_strbuf_appendf(&body, "  memref.store %%im_v, %%col[%s, %s, %s] : memref<?x?x?x%s>\n", ni.s, q.s, p.s, e);
  }
  dlc_conv_close_launch(&t);

  /* 2. the GEMM: filter [1, O, CKK] x col [N, CKK, OHW] -> out [N, O, OHW] */
  dlc_gemm_idx_t sizes[3] = {one, o, ckk}, strides[3] = {dlc_gemm_mul(&t, o, ckk), ckk, one};
  char src[16];
  snprintf(src, sizeof(src), "%%in%d", iw);
  dlc_gemm_view(&t, "%gemm_a", src, &ws, e, 3, sizes, strides);
  dlc_shape_t cols = {.rank = 3, .dims = {DLC_DYN, DLC_DYN, DLC_DYN}, .elem = ys.elem};
  sizes[0] = n, sizes[1] = ckk, sizes[2] = ohw;
  strides[0] = dlc_gemm_mul(&t, ckk, ohw), strides[1] = ohw, strides[2] = one;
  dlc_gemm_view(&t, "%gemm_b", "%col", &cols, e, 3, sizes, strides);
  sizes[0] = n, sizes[1] = o, sizes[2] = ohw;
  strides[0] = dlc_gemm_mul(&t, o, ohw), strides[1] = ohw, strides[2] = one;
  dlc_gemm_view(&t, "%gemm_c", "%out0", &ys, e, 3, sizes, strides);
  dlc_gemm_view(&t, "%gemm_bias", "%out0", &ys, e, 1, &zero_i, &one);
  if (ir >= 0) {
    snprintf(src, sizeof(src), "%%in%d", ir);
    dlc_gemm_view(&t, "%gemm_res", src, &ys, e, 3, sizes, strides); /* the output's own [N, O, OHW] view */
  } else {
    dlc_gemm_empty_residual(&t, "%out0", &ys, e);
  }
  int64_t flags = !strcmp(e, "f32") && (unit->options->allow_tf32 || dlc_gemm_module_allows_tf32(conv))
                      ? DLC_GEMM_ALLOW_TF32
                      : 0;
  if (ir >= 0) flags |= DLC_GEMM_RESIDUAL;
  dlc_gemm_append_call(&t, e, flags);

  /* 3. bias and relu, in place on out viewed as [N, O, OHW] */
  if (ib >= 0 || relu) {
    dlc_gemm_idx_t total_out = dlc_gemm_mul(&t, dlc_gemm_mul(&t, n, o), ohw);
    dlc_conv_open_launch(&t, "ep", total_out);
    dlc_gemm_idx_t i;
    snprintf(i.s, sizeof(i.s), "%%ep_i");
    dlc_gemm_idx_t p = dlc_gemm_arith(&t, "remui", i, ohw), t1 = dlc_gemm_arith(&t, "divui", i, ohw);
    dlc_gemm_idx_t oi = dlc_gemm_arith(&t, "remui", t1, o), ni = dlc_gemm_arith(&t, "divui", t1, o);
    dlc_strbuf_appendf(&body,
                       "  %%ep_y = memref.load %%gemm_c[%s, %s, %s] : memref<?x?x?x%s, strided<[?, ?, ?], offset: ?>>\n",
                       ni.s, oi.s, p.s, e);
    const char *v = "%ep_y";
    if (ib >= 0) {
      dlc_strbuf_appendf(&body, "  %%ep_b = memref.load %%in%d[%s] : ", ib, oi.s);
      dlc_gpu_append_memref_type(&body, &bs);
      dlc_strbuf_appendf(&body, "\n  %%ep_yb = arith.addf %s, %%ep_b : %s\n", v, e);
      v = "%ep_yb";
    }
    if (relu) {
      dlc_strbuf_appendf(&body, "  %%ep_yr = arith.maximumf %s, %%zero : %s\n", v, e);
      v = "%ep_yr";
    }
    dlc_strbuf_appendf(&body,
                       "  memref.store %s, %%gemm_c[%s, %s, %s] : memref<?x?x?x%s, strided<[?, ?, ?], offset: ?>>\n", v,
                       ni.s, oi.s, p.s, e);
    dlc_conv_close_launch(&t);
  }

  dlcrt_status_t st = dlc_strbuf_status(&body);
  if (!st && dlc_gpu_append_prologue(unit, func_name, out)) {
    dlc_strbuf_append(out, dlc_strbuf_cstr(&body));
    dlc_gpu_append_epilogue(unit, out);
    dlc_gemm_declare(unit, e);
    *handled = true;
  }
  dlc_strbuf_free(&body);
  return st;
}
