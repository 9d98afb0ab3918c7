/* dlc.conv2d (NCHW x OIHW, f32, static filter) on the GPU as ONE kernel with its epilogue fused,
 * instead of emit_conv_gemm.c's im2col kernel + cuBLASLt GEMM + bias kernel: groups = 1 as an implicit
 * GEMM; grouped and depthwise convolutions (groups > 1) as a direct kernel, one thread per output
 * element (dlc_ck_emit_direct), with the same epilogue.
 *
 * The GEMM is out[m, o] = sum_k col[m, k] * w[o, k] with m = (n, oh, ow) (M = N*OH*OW output pixels),
 * o an output channel (O) and k = (c, kh, kw) (K = C*KH*KW). One block of 256 threads computes a tile
 * of 64 pixels x 32 channels: thread t owns pixel t % 64 and the 8 channels 8*(t / 64) .. +7,
 * accumulated in registers (scf.for iter_args); with at most 16 output channels the tile is 64 x 16,
 * 4 channels per thread. The K loop walks tiles of 16: each thread gathers 4 input taps of its own
 * pixel straight from x (the im2col done on the fly; a tap in the padding, a k past K or a pixel past
 * M reads a clamped in-bounds address and selects 0, so there is no divergent load) into shared memory
 * A[16][64], and 2 (or 1) filter elements into B[16][32 (or 16)] (zero past K or O); DLC_GPU_BARRIER;
 * 16 x 8 (or 4) FMAs from shared memory (A reads consecutive across a warp, B reads a broadcast);
 * barrier. The epilogue runs in registers: + bias[o], + the residual (a dlc.add of the conv's result,
 * its only user, and a tensor of the same type: a ResNet shortcut), relu (a dlc.relu that is the only
 * user of the conv or of that add), and stores NCHW (consecutive lanes write consecutive ow). In the
 * cuda pipeline fuse-elementwise has usually grouped such an add (+ relu) into a "loop" fusion group
 * already: a call of a group whose body is exactly that add (+ relu) is absorbed the same way. With
 * --no-fusion nothing is absorbed. An empty output launches nothing.
 *
 * Cost rule (which path a convolution takes). The kernel runs on CUDA cores (no tensor cores; about a
 * quarter of the f32 FMA peak is what such tiles reach); the im2col path is three launches (im2col,
 * GEMM, bias epilogue), writes and re-reads the K x M column matrix, and reaches cuBLASLt's efficiency
 * only for large GEMMs. A small convolution is bound by launches and memory traffic, a large one by
 * the FMAs. We take the kernel when the convolution has at most DLC_CONV_KERNEL_MAX_MACS multiply-adds
 * (N*OH*OW*O*C*KH*KW, a dynamic dim counted as 128 as in the cost model's estimates): 2^26 MACs are
 * ~9 us at a quarter of an H100's f32 peak (67 TFLOP/s), the order of the im2col path's extra launches
 * and column traffic at that size; above it cuBLASLt's GEMM wins. The module attribute
 * `dlc.conv_kernel_max_macs = N : i64` overrides the threshold (0: always the cuBLASLt path; tests use
 * it to pin a path). Not measured on a GPU yet (no device in this session): the threshold is an
 * estimate. Other convolutions (f16/bf16, a dynamic filter, anything above the threshold) are left to
 * emit_conv_gemm.c (groups 1) / the generic path. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "gemm_call.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#define DLC_CONV_KERNEL_MAX_MACS (INT64_C(1) << 26)
#define DLC_CK_TM 64      /* output pixels per block */
#define DLC_CK_TK 16      /* k per shared-memory tile */
#define DLC_CK_THREADS 256
#define DLC_CK_CGROUPS (DLC_CK_THREADS / DLC_CK_TM) /* channel groups per block: 4 */

/* The threshold: the enclosing module's `dlc.conv_kernel_max_macs` or the default. */
static int64_t dlc_ck_max_macs(MlirOperation op) {
  MlirOperation m = op;
  while (!mlirOperationIsNull(m) && !dlc_sref_eq(mlirIdentifierStr(mlirOperationGetName(m)), "builtin.module"))
    m = mlirOperationGetParentOperation(m);
  if (mlirOperationIsNull(m)) return DLC_CONV_KERNEL_MAX_MACS;
  MlirAttribute a = mlirOperationGetAttributeByName(m, dlc_sref("dlc.conv_kernel_max_macs"));
  if (mlirAttributeIsNull(a) || !mlirAttributeIsAInteger(a)) return DLC_CONV_KERNEL_MAX_MACS;
  return mlirIntegerAttrGetValueInt(a);
}

/* A dynamic dim counts as 128 in the cost rule, as in the fusion cost model's estimates. */
static int64_t dlc_ck_static(int64_t d) { return d == DLC_DYN ? 128 : d; }

/* `%name = arith.<op> a, b : index` with a fresh name. */
static dlc_gemm_idx_t dlc_ck_cmp(dlc_gemm_text_t *t, const char *pred, dlc_gemm_idx_t a, dlc_gemm_idx_t b) {
  dlc_gemm_idx_t v = dlc_gemm_fresh(t);
  dlc_strbuf_appendf(t->out, "  %s = arith.cmpi %s, %s, %s : index\n", v.s, pred, a.s, b.s);
  return v;
}

static dlc_gemm_idx_t dlc_ck_and(dlc_gemm_text_t *t, dlc_gemm_idx_t a, dlc_gemm_idx_t b) {
  dlc_gemm_idx_t v = dlc_gemm_fresh(t);
  dlc_strbuf_appendf(t->out, "  %s = arith.andi %s, %s : i1\n", v.s, a.s, b.s);
  return v;
}

/* min(max(v, 0), hi - 1): an in-bounds index for a load whose value is then selected away. */
static dlc_gemm_idx_t dlc_ck_clamp(dlc_gemm_text_t *t, dlc_gemm_idx_t v, dlc_gemm_idx_t zero, dlc_gemm_idx_t hi,
                                   dlc_gemm_idx_t one) {
  dlc_gemm_idx_t top = dlc_gemm_arith(t, "subi", hi, one);
  return dlc_gemm_arith(t, "minsi", dlc_gemm_arith(t, "maxsi", v, zero), top);
}

/* What the direct (grouped) kernel needs of the convolution. */
typedef struct dlc_ck_direct_t {
  int ix, ib, ir;
  bool relu;
  int64_t o, cg, opg, kh, kw; /* output channels, input channels per group, output channels per group, filter */
  const dlc_shape_t *bs;
  const char *xty, *yty;
} dlc_ck_direct_t;

/* Grouped and depthwise convolutions (groups > 1): one thread per output element (consecutive threads
 * consecutive ow: coalesced stores), its group's Cg*KH*KW taps in a loop (clamped loads, zero selected
 * in the padding), then the same register epilogue. A tile shared across output channels would cross
 * groups (depthwise: every channel its own input), so there is no shared memory here. geo: n, oh, ow,
 * h, w, stride h/w, dilation h/w, pad top/left, zero. */
static void dlc_ck_emit_direct(dlc_gemm_text_t *t, const dlc_ck_direct_t *k, const dlc_gemm_idx_t *geo,
                               dlc_gemm_idx_t one, dlc_gemm_idx_t thr) {
  dlc_gemm_idx_t n = geo[0], oh = geo[1], ow = geo[2], h = geo[3], wd = geo[4], zero = geo[11];
  dlc_gemm_idx_t oc = dlc_gemm_const(t, k->o), kc = dlc_gemm_const(t, k->cg * k->kh * k->kw);
  dlc_gemm_idx_t khw = dlc_gemm_const(t, k->kh * k->kw), kwc = dlc_gemm_const(t, k->kw);
  dlc_gemm_idx_t opg = dlc_gemm_const(t, k->opg), cgc = dlc_gemm_const(t, k->cg);
  dlc_gemm_idx_t total = dlc_gemm_mul(t, dlc_gemm_mul(t, n, oc), dlc_gemm_mul(t, oh, ow));
  dlc_gemm_idx_t grid = dlc_gemm_arith(t, "ceildivui", total, thr);
  dlc_strbuf_appendf(t->out, "  scf.if %s {\n", dlc_ck_cmp(t, "ugt", total, zero).s); /* no launch of 0 blocks */
  dlc_strbuf_appendf(t->out,
                     "  gpu.launch blocks(%%ck_bx, %%ck_by, %%ck_bz) in (%%ck_gx = %s, %%ck_gy = %s, %%ck_gz = %s) "
                     "threads(%%ck_tx, %%ck_ty, %%ck_tz) in (%%ck_sx = %s, %%ck_sy = %s, %%ck_sz = %s) {\n",
                     grid.s, one.s, one.s, thr.s, one.s, one.s);
  dlc_strbuf_append(t->out, "  %ck_bid = gpu.block_id x\n  %ck_tid = gpu.thread_id x\n");
  dlc_gemm_idx_t bid = {"%ck_bid"}, tid = {"%ck_tid"};
  dlc_gemm_idx_t i = dlc_gemm_arith(t, "addi", dlc_gemm_mul(t, bid, thr), tid);
  dlc_gemm_idx_t in = dlc_ck_cmp(t, "ult", i, total);
  dlc_strbuf_appendf(t->out, "  scf.if %s {\n", in.s);
  dlc_gemm_idx_t owi = dlc_gemm_arith(t, "remui", i, ow), t1 = dlc_gemm_arith(t, "divui", i, ow);
  dlc_gemm_idx_t ohi = dlc_gemm_arith(t, "remui", t1, oh), t2 = dlc_gemm_arith(t, "divui", t1, oh);
  dlc_gemm_idx_t o = dlc_gemm_arith(t, "remui", t2, oc), ni = dlc_gemm_arith(t, "divui", t2, oc);
  dlc_gemm_idx_t cbase = dlc_gemm_mul(t, dlc_gemm_arith(t, "divui", o, opg), cgc);
  dlc_gemm_idx_t ih0 = dlc_gemm_arith(t, "subi", dlc_gemm_mul(t, ohi, geo[5]), geo[9]);
  dlc_gemm_idx_t iw0 = dlc_gemm_arith(t, "subi", dlc_gemm_mul(t, owi, geo[6]), geo[10]);
  dlc_gemm_idx_t wbase = dlc_gemm_mul(t, o, kc);
  dlc_strbuf_appendf(t->out, "  %%ck_dacc = scf.for %%ck_k = %s to %s step %s iter_args(%%ck_da = %%ck_zf) -> (f32) {\n",
                     zero.s, kc.s, one.s);
  dlc_gemm_idx_t kk = {"%ck_k"};
  dlc_gemm_idx_t cl = dlc_gemm_arith(t, "divui", kk, khw), rem = dlc_gemm_arith(t, "remui", kk, khw);
  dlc_gemm_idx_t khi = dlc_gemm_arith(t, "divui", rem, kwc), kwi = dlc_gemm_arith(t, "remui", rem, kwc);
  dlc_gemm_idx_t ih = dlc_gemm_arith(t, "addi", ih0, dlc_gemm_mul(t, khi, geo[7]));
  dlc_gemm_idx_t iwv = dlc_gemm_arith(t, "addi", iw0, dlc_gemm_mul(t, kwi, geo[8]));
  dlc_gemm_idx_t ok = dlc_ck_and(t, dlc_ck_cmp(t, "sge", ih, zero), dlc_ck_cmp(t, "slt", ih, h));
  ok = dlc_ck_and(t, ok, dlc_ck_cmp(t, "sge", iwv, zero));
  ok = dlc_ck_and(t, ok, dlc_ck_cmp(t, "slt", iwv, wd));
  dlc_gemm_idx_t ihc = dlc_ck_clamp(t, ih, zero, h, one), iwc = dlc_ck_clamp(t, iwv, zero, wd, one);
  dlc_gemm_idx_t ci = dlc_gemm_arith(t, "addi", cbase, cl), wi = dlc_gemm_arith(t, "addi", wbase, kk);
  dlc_strbuf_appendf(t->out, "  %%ck_dxv = memref.load %%in%d[%s, %s, %s, %s] : %s\n", k->ix, ni.s, ci.s, ihc.s, iwc.s,
                     k->xty);
  dlc_strbuf_appendf(t->out, "  %%ck_dxs = arith.select %s, %%ck_dxv, %%ck_zf : f32\n", ok.s);
  dlc_strbuf_appendf(t->out, "  %%ck_dwv = memref.load %%ck_w[%s] : memref<%" PRId64 "xf32>\n", wi.s,
                     k->o * k->cg * k->kh * k->kw);
  dlc_strbuf_append(t->out, "  %ck_dp = arith.mulf %ck_dxs, %ck_dwv fastmath<contract> : f32\n"
                            "  %ck_ds = arith.addf %ck_da, %ck_dp fastmath<contract> : f32\n  scf.yield %ck_ds : f32\n  }\n");
  const char *v = "%ck_dacc";
  if (k->ib >= 0) {
    dlc_strbuf_appendf(t->out, "  %%ck_dbias = memref.load %%in%d[%s] : ", k->ib, o.s);
    dlc_gpu_append_memref_type(t->out, k->bs);
    dlc_strbuf_appendf(t->out, "\n  %%ck_dyb = arith.addf %s, %%ck_dbias : f32\n", v);
    v = "%ck_dyb";
  }
  if (k->ir >= 0) {
    dlc_strbuf_appendf(t->out, "  %%ck_dres = memref.load %%in%d[%s, %s, %s, %s] : %s\n", k->ir, ni.s, o.s, ohi.s, owi.s,
                       k->yty);
    dlc_strbuf_appendf(t->out, "  %%ck_dyr = arith.addf %s, %%ck_dres : f32\n", v);
    v = "%ck_dyr";
  }
  if (k->relu) {
    dlc_strbuf_appendf(t->out, "  %%ck_dya = arith.maximumf %s, %%ck_zf : f32\n", v);
    v = "%ck_dya";
  }
  dlc_strbuf_appendf(t->out, "  memref.store %s, %%out0[%s, %s, %s, %s] : %s\n  }\n  gpu.terminator\n  }\n  }\n", v, ni.s,
                     o.s, ohi.s, owi.s, k->yty);
}

dlcrt_status_t dlc_gpu_emit_conv_kernel(dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out,
                                        bool *handled) {
  *handled = false;
  if (!mlirOperationIsNull(unit->group) || unit->num_ops != 1 || !dlc_op_is(unit->ops[0], DLC_CONV2D)) return NULL;
  MlirOperation conv = unit->ops[0];
  intptr_t nops = mlirOperationGetNumOperands(conv);
  dlc_window_params_t at;
  if (nops < 2 || nops > 3 || !dlc_conv_read_params(conv, &at)) return NULL;
  MlirValue x = mlirOperationGetOperand(conv, 0), w = mlirOperationGetOperand(conv, 1);
  MlirValue bias = nops == 3 ? mlirOperationGetOperand(conv, 2) : (MlirValue){NULL};
  dlc_shape_t xs, ws, ys, bs;
  if (!dlc_shape_from_type(mlirValueGetType(x), &xs) || !dlc_shape_from_type(mlirValueGetType(w), &ws) ||
      !dlc_shape_from_type(mlirValueGetType(mlirOperationGetResult(conv, 0)), &ys))
    return NULL;
  if (!mlirTypeIsAF32(ys.elem) || xs.rank != 4 || ws.rank != 4 || ys.rank != 4 || !dlc_shape_is_static(&ws) ||
      !mlirTypeEqual(xs.elem, ys.elem) || !mlirTypeEqual(ws.elem, ys.elem) || xs.dims[1] != ws.dims[1] * at.groups ||
      ys.dims[1] != ws.dims[0] || ws.dims[0] % at.groups != 0)
    return NULL;
  if (!mlirValueIsNull(bias) &&
      (!dlc_shape_from_type(mlirValueGetType(bias), &bs) || bs.rank != 1 || bs.dims[0] != ws.dims[0] ||
       !mlirTypeEqual(bs.elem, ys.elem)))
    return NULL;
  const int64_t o_ = ws.dims[0], c_ = ws.dims[1], kh_ = ws.dims[2], kw_ = ws.dims[3], k_ = c_ * kh_ * kw_;
  if (o_ <= 0 || k_ <= 0) return NULL;
  /* the cost rule (see the top of the file) */
  double macs = (double)dlc_ck_static(ys.dims[0]) * (double)dlc_ck_static(ys.dims[2]) *
                (double)dlc_ck_static(ys.dims[3]) * (double)o_ * (double)k_;
  if (macs > (double)dlc_ck_max_macs(conv)) return NULL;

  /* epilogue: residual add (or a loop group that is exactly that), then relu */
  MlirValue residual;
  bool relu;
  dlc_conv_absorb_epilogue(unit, conv, true, &residual, &relu);
  int ix, iw, ib, ir;
  if (!dlc_conv_input_indices(unit, x, w, bias, residual, &ix, &iw, &ib, &ir)) return NULL;

  dlc_strbuf_t body;
  dlc_strbuf_init(&body);
  dlc_gemm_text_t t = {.out = &body, .next = 0};
  dlc_strbuf_t xty, yty;
  dlc_strbuf_init(&xty);
  dlc_strbuf_init(&yty);
  dlc_gpu_append_memref_type(&xty, &xs);
  dlc_gpu_append_memref_type(&yty, &ys);
  const char *sm = "#gpu.address_space<workgroup>";

  /* sizes (host side) */
  dlc_gemm_idx_t zero = dlc_gemm_const(&t, 0), one = dlc_gemm_const(&t, 1);
  dlc_gemm_idx_t n = dlc_gemm_dim(&t, ix, &xs, 0), h = dlc_gemm_dim(&t, ix, &xs, 2), wd = dlc_gemm_dim(&t, ix, &xs, 3);
  dlc_gemm_idx_t oh = dlc_conv_out_size(&t, ys.dims[2], h, at.pads[0] + at.pads[2], at.dilations[0], kh_, at.strides[0]);
  dlc_gemm_idx_t ow = dlc_conv_out_size(&t, ys.dims[3], wd, at.pads[1] + at.pads[3], at.dilations[1], kw_, at.strides[1]);
  dlc_gemm_idx_t ohw = dlc_gemm_mul(&t, oh, ow), m = dlc_gemm_mul(&t, n, ohw);
  dlc_gemm_idx_t oc = dlc_gemm_const(&t, o_), kc = dlc_gemm_const(&t, k_), khw = dlc_gemm_const(&t, kh_ * kw_);
  /* 8 channels per thread (a 64 x 32 tile), or 4 (64 x 16) when there are at most 16 output channels:
   * no thread then computes channels that do not exist, and a block does half the FMAs */
  const int jn = o_ <= 16 ? 4 : 8, tn_ = jn * DLC_CK_CGROUPS;
  dlc_gemm_idx_t kwc = dlc_gemm_const(&t, kw_), tm = dlc_gemm_const(&t, DLC_CK_TM), tn = dlc_gemm_const(&t, tn_);
  dlc_gemm_idx_t tk = dlc_gemm_const(&t, DLC_CK_TK), thr = dlc_gemm_const(&t, DLC_CK_THREADS);
  dlc_gemm_idx_t sh = dlc_gemm_const(&t, at.strides[0]), sw = dlc_gemm_const(&t, at.strides[1]);
  dlc_gemm_idx_t dh = dlc_gemm_const(&t, at.dilations[0]), dw = dlc_gemm_const(&t, at.dilations[1]);
  dlc_gemm_idx_t pt = dlc_gemm_const(&t, at.pads[0]), pl = dlc_gemm_const(&t, at.pads[1]);
  dlc_gemm_idx_t grid_x = dlc_gemm_arith(&t, "ceildivui", m, tm), grid_y = dlc_gemm_arith(&t, "ceildivui", oc, tn);
  dlc_gemm_idx_t ydyn[4] = {n, oc, oh, ow};
  dlc_strbuf_append(&body, "  %out0 = memref.alloc(");
  for (int d = 0, k = 0; d < 4; ++d)
    if (ys.dims[d] == DLC_DYN) dlc_strbuf_appendf(&body, "%s%s", k++ ? ", " : "", ydyn[d].s);
  dlc_strbuf_appendf(&body, ") : %s\n", dlc_strbuf_cstr(&yty));
  dlc_strbuf_appendf(&body, "  %%ck_w = memref.collapse_shape %%in%d [[0, 1, 2, 3]] : ", iw);
  dlc_gpu_append_memref_type(&body, &ws);
  dlc_strbuf_appendf(&body, " into memref<%" PRId64 "xf32>\n", o_ * k_);
  dlc_strbuf_append(&body, "  %ck_zf = arith.constant 0.0 : f32\n");
  const int a_bytes = DLC_CK_TK * DLC_CK_TM * 4, b_bytes = DLC_CK_TK * tn_ * 4;
  dlc_strbuf_appendf(&body, "  %%ck_smem = arith.constant %d : i32\n", a_bytes + b_bytes);
  dlc_gemm_idx_t b_off = dlc_gemm_const(&t, a_bytes);
  if (at.groups > 1) {
    dlc_ck_direct_t dk = {.ix = ix, .ib = ib, .ir = ir, .relu = relu, .o = o_, .cg = c_, .opg = o_ / at.groups,
                          .kh = kh_, .kw = kw_, .bs = &bs, .xty = dlc_strbuf_cstr(&xty), .yty = dlc_strbuf_cstr(&yty)};
    dlc_gemm_idx_t geo[12] = {n, oh, ow, h, wd, sh, sw, dh, dw, pt, pl, zero};
    dlc_ck_emit_direct(&t, &dk, geo, one, thr);
    goto done;
  }

  dlc_strbuf_appendf(&body, "  scf.if %s {\n", dlc_ck_cmp(&t, "ugt", m, zero).s); /* no launch of 0 blocks */
  dlc_strbuf_appendf(&body,
                     "  gpu.launch blocks(%%ck_bx, %%ck_by, %%ck_bz) in (%%ck_gx = %s, %%ck_gy = %s, %%ck_gz = %s) "
                     "threads(%%ck_tx, %%ck_ty, %%ck_tz) in (%%ck_sx = %s, %%ck_sy = %s, %%ck_sz = %s) "
                     "dynamic_shared_memory_size %%ck_smem {\n",
                     grid_x.s, grid_y.s, one.s, thr.s, one.s, one.s);
  dlc_strbuf_append(&body, "  %ck_bid = gpu.block_id x\n  %ck_bidy = gpu.block_id y\n  %ck_tid = gpu.thread_id x\n");
  dlc_strbuf_appendf(&body, "  %%ck_raw = gpu.dynamic_shared_memory : memref<?xi8, %s>\n", sm);
  dlc_strbuf_appendf(&body, "  %%ck_a = memref.view %%ck_raw[%s][] : memref<?xi8, %s> to memref<%dx%dxf32, %s>\n",
                     zero.s, sm, DLC_CK_TK, DLC_CK_TM, sm);
  dlc_strbuf_appendf(&body, "  %%ck_b = memref.view %%ck_raw[%s][] : memref<?xi8, %s> to memref<%dx%dxf32, %s>\n",
                     b_off.s, sm, DLC_CK_TK, tn_, sm);
  dlc_gemm_idx_t bid = {"%ck_bid"}, bidy = {"%ck_bidy"}, tid = {"%ck_tid"};
  dlc_gemm_idx_t m0 = dlc_gemm_mul(&t, bid, tm), o0 = dlc_gemm_mul(&t, bidy, tn);
  dlc_gemm_idx_t p = dlc_gemm_arith(&t, "remui", tid, tm), cg = dlc_gemm_arith(&t, "divui", tid, tm);
  dlc_gemm_idx_t mi = dlc_gemm_arith(&t, "addi", m0, p);
  dlc_gemm_idx_t m_ok = dlc_ck_cmp(&t, "ult", mi, m);
  dlc_gemm_idx_t mc = dlc_gemm_arith(&t, "minui", mi, dlc_gemm_arith(&t, "subi", m, one));
  dlc_gemm_idx_t owi = dlc_gemm_arith(&t, "remui", mc, ow), t1 = dlc_gemm_arith(&t, "divui", mc, ow);
  dlc_gemm_idx_t ohi = dlc_gemm_arith(&t, "remui", t1, oh), ni = dlc_gemm_arith(&t, "divui", t1, oh);
  dlc_gemm_idx_t ih0 = dlc_gemm_arith(&t, "subi", dlc_gemm_mul(&t, ohi, sh), pt);
  dlc_gemm_idx_t iw0 = dlc_gemm_arith(&t, "subi", dlc_gemm_mul(&t, owi, sw), pl);
  dlc_gemm_idx_t jbase = dlc_gemm_mul(&t, cg, dlc_gemm_const(&t, jn));

  /* the K loop over tiles of TK, the accumulators as iter_args */
  dlc_strbuf_appendf(&body, "  %%ck_acc:%d = scf.for %%ck_k0 = %s to %s step %s iter_args(", jn, zero.s, kc.s,
                     tk.s);
  for (int j = 0; j < jn; ++j) dlc_strbuf_appendf(&body, "%s%%ck_a%d = %%ck_zf", j ? ", " : "", j);
  dlc_strbuf_append(&body, ") -> (");
  for (int j = 0; j < jn; ++j) dlc_strbuf_appendf(&body, "%sf32", j ? ", " : "");
  dlc_strbuf_append(&body, ") {\n");
  dlc_gemm_idx_t k0 = {"%ck_k0"};
  /* A tile: rows kk = cg + 4r of this thread's pixel column p */
  for (int r = 0; r < DLC_CK_TK * DLC_CK_TM / DLC_CK_THREADS; ++r) {
    dlc_gemm_idx_t kk = dlc_gemm_arith(&t, "addi", cg, dlc_gemm_const(&t, r * (DLC_CK_THREADS / DLC_CK_TM)));
    dlc_gemm_idx_t k = dlc_gemm_arith(&t, "addi", k0, kk);
    dlc_gemm_idx_t k_ok = dlc_ck_cmp(&t, "ult", k, kc);
    dlc_gemm_idx_t kcl = dlc_gemm_arith(&t, "minui", k, dlc_gemm_arith(&t, "subi", kc, one));
    dlc_gemm_idx_t ci = dlc_gemm_arith(&t, "divui", kcl, khw), rem = dlc_gemm_arith(&t, "remui", kcl, khw);
    dlc_gemm_idx_t khi = dlc_gemm_arith(&t, "divui", rem, kwc), kwi = dlc_gemm_arith(&t, "remui", rem, kwc);
    dlc_gemm_idx_t ih = dlc_gemm_arith(&t, "addi", ih0, dlc_gemm_mul(&t, khi, dh));
    dlc_gemm_idx_t iwv = dlc_gemm_arith(&t, "addi", iw0, dlc_gemm_mul(&t, kwi, dw));
    dlc_gemm_idx_t ok = dlc_ck_and(&t, m_ok, k_ok);
    ok = dlc_ck_and(&t, ok, dlc_ck_cmp(&t, "sge", ih, zero));
    ok = dlc_ck_and(&t, ok, dlc_ck_cmp(&t, "slt", ih, h));
    ok = dlc_ck_and(&t, ok, dlc_ck_cmp(&t, "sge", iwv, zero));
    ok = dlc_ck_and(&t, ok, dlc_ck_cmp(&t, "slt", iwv, wd));
    dlc_gemm_idx_t ihc = dlc_ck_clamp(&t, ih, zero, h, one), iwc = dlc_ck_clamp(&t, iwv, zero, wd, one);
    dlc_strbuf_appendf(&body, "  %%ck_xv%d = memref.load %%in%d[%s, %s, %s, %s] : %s\n", r, ix, ni.s, ci.s, ihc.s, iwc.s,
                       dlc_strbuf_cstr(&xty));
    dlc_strbuf_appendf(&body, "  %%ck_xs%d = arith.select %s, %%ck_xv%d, %%ck_zf : f32\n", r, ok.s, r);
    dlc_strbuf_appendf(&body, "  memref.store %%ck_xs%d, %%ck_a[%s, %s] : memref<%dx%dxf32, %s>\n", r, kk.s, p.s,
                       DLC_CK_TK, DLC_CK_TM, sm);
  }
  /* B tile: element e = tid + 256 r is (oo = e / TK, kk = e % TK): consecutive lanes read consecutive k */
  for (int r = 0; r < DLC_CK_TK * tn_ / DLC_CK_THREADS; ++r) {
    dlc_gemm_idx_t e = dlc_gemm_arith(&t, "addi", tid, dlc_gemm_const(&t, r * DLC_CK_THREADS));
    dlc_gemm_idx_t oo = dlc_gemm_arith(&t, "divui", e, tk), kk = dlc_gemm_arith(&t, "remui", e, tk);
    dlc_gemm_idx_t k = dlc_gemm_arith(&t, "addi", k0, kk), o = dlc_gemm_arith(&t, "addi", o0, oo);
    dlc_gemm_idx_t ok = dlc_ck_and(&t, dlc_ck_cmp(&t, "ult", k, kc), dlc_ck_cmp(&t, "ult", o, oc));
    dlc_gemm_idx_t kcl = dlc_gemm_arith(&t, "minui", k, dlc_gemm_arith(&t, "subi", kc, one));
    dlc_gemm_idx_t ocl = dlc_gemm_arith(&t, "minui", o, dlc_gemm_arith(&t, "subi", oc, one));
    dlc_gemm_idx_t flat = dlc_gemm_arith(&t, "addi", dlc_gemm_mul(&t, ocl, kc), kcl);
    dlc_strbuf_appendf(&body, "  %%ck_wv%d = memref.load %%ck_w[%s] : memref<%" PRId64 "xf32>\n", r, flat.s, o_ * k_);
    dlc_strbuf_appendf(&body, "  %%ck_ws%d = arith.select %s, %%ck_wv%d, %%ck_zf : f32\n", r, ok.s, r);
    dlc_strbuf_appendf(&body, "  memref.store %%ck_ws%d, %%ck_b[%s, %s] : memref<%dx%dxf32, %s>\n", r, kk.s, oo.s,
                       DLC_CK_TK, tn_, sm);
  }
  dlc_strbuf_append(&body, "  " DLC_GPU_BARRIER "\n");
  /* TK x JN FMAs */
  dlc_strbuf_appendf(&body, "  %%ck_in:%d = scf.for %%ck_kk = %s to %s step %s iter_args(", jn, zero.s, tk.s,
                     one.s);
  for (int j = 0; j < jn; ++j) dlc_strbuf_appendf(&body, "%s%%ck_i%d = %%ck_a%d", j ? ", " : "", j, j);
  dlc_strbuf_append(&body, ") -> (");
  for (int j = 0; j < jn; ++j) dlc_strbuf_appendf(&body, "%sf32", j ? ", " : "");
  dlc_strbuf_append(&body, ") {\n");
  dlc_strbuf_appendf(&body, "  %%ck_av = memref.load %%ck_a[%%ck_kk, %s] : memref<%dx%dxf32, %s>\n", p.s, DLC_CK_TK,
                     DLC_CK_TM, sm);
  for (int j = 0; j < jn; ++j) {
    dlc_gemm_idx_t col = dlc_gemm_arith(&t, "addi", jbase, dlc_gemm_const(&t, j));
    dlc_strbuf_appendf(&body, "  %%ck_bv%d = memref.load %%ck_b[%%ck_kk, %s] : memref<%dx%dxf32, %s>\n", j, col.s,
                       DLC_CK_TK, tn_, sm);
    dlc_strbuf_appendf(&body, "  %%ck_pr%d = arith.mulf %%ck_av, %%ck_bv%d fastmath<contract> : f32\n", j, j);
    dlc_strbuf_appendf(&body, "  %%ck_s%d = arith.addf %%ck_i%d, %%ck_pr%d fastmath<contract> : f32\n", j, j, j);
  }
  dlc_strbuf_append(&body, "  scf.yield ");
  for (int j = 0; j < jn; ++j) dlc_strbuf_appendf(&body, "%s%%ck_s%d", j ? ", " : "", j);
  dlc_strbuf_append(&body, " : ");
  for (int j = 0; j < jn; ++j) dlc_strbuf_appendf(&body, "%sf32", j ? ", " : "");
  dlc_strbuf_append(&body, "\n  }\n");
  dlc_strbuf_append(&body, "  " DLC_GPU_BARRIER "\n  scf.yield ");
  for (int j = 0; j < jn; ++j) dlc_strbuf_appendf(&body, "%s%%ck_in#%d", j ? ", " : "", j);
  dlc_strbuf_append(&body, " : ");
  for (int j = 0; j < jn; ++j) dlc_strbuf_appendf(&body, "%sf32", j ? ", " : "");
  dlc_strbuf_append(&body, "\n  }\n");

  /* epilogue in registers, stored NCHW */
  for (int j = 0; j < jn; ++j) {
    dlc_gemm_idx_t o = dlc_gemm_arith(&t, "addi", o0, dlc_gemm_arith(&t, "addi", jbase, dlc_gemm_const(&t, j)));
    dlc_gemm_idx_t ok = dlc_ck_and(&t, m_ok, dlc_ck_cmp(&t, "ult", o, oc));
    dlc_strbuf_appendf(&body, "  scf.if %s {\n", ok.s);
    char v[32];
    snprintf(v, sizeof(v), "%%ck_acc#%d", j);
    if (ib >= 0) {
      dlc_strbuf_appendf(&body, "  %%ck_bias%d = memref.load %%in%d[%s] : ", j, ib, o.s);
      dlc_gpu_append_memref_type(&body, &bs);
      dlc_strbuf_appendf(&body, "\n  %%ck_yb%d = arith.addf %s, %%ck_bias%d : f32\n", j, v, j);
      snprintf(v, sizeof(v), "%%ck_yb%d", j);
    }
    if (ir >= 0) {
      dlc_strbuf_appendf(&body, "  %%ck_res%d = memref.load %%in%d[%s, %s, %s, %s] : %s\n", j, ir, ni.s, o.s, ohi.s,
                         owi.s, dlc_strbuf_cstr(&yty));
      dlc_strbuf_appendf(&body, "  %%ck_yr%d = arith.addf %s, %%ck_res%d : f32\n", j, v, j);
      snprintf(v, sizeof(v), "%%ck_yr%d", j);
    }
    if (relu) {
      dlc_strbuf_appendf(&body, "  %%ck_ya%d = arith.maximumf %s, %%ck_zf : f32\n", j, v);
      snprintf(v, sizeof(v), "%%ck_ya%d", j);
    }
    dlc_strbuf_appendf(&body, "  memref.store %s, %%out0[%s, %s, %s, %s] : %s\n  }\n", v, ni.s, o.s, ohi.s, owi.s,
                       dlc_strbuf_cstr(&yty));
  }
  dlc_strbuf_append(&body, "  gpu.terminator\n  }\n  }\n");

done:;
  dlcrt_status_t st = dlc_strbuf_status(&body);
  if (!st) st = dlc_strbuf_status(&xty);
  if (!st) st = dlc_strbuf_status(&yty);
  if (!st && dlc_gpu_append_prologue(unit, func_name, out)) {
    dlc_strbuf_append(out, dlc_strbuf_cstr(&body));
    dlc_gpu_append_epilogue(unit, out);
    *handled = true;
  }
  dlc_strbuf_free(&body);
  dlc_strbuf_free(&xty);
  dlc_strbuf_free(&yty);
  return st;
}
