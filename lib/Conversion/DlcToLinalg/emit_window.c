/* DlcToLinalg for the NCHW window ops: conv2d (input, filter OIHW, optional bias [O]), max_pool2d
 * and avg_pool2d, with strides, pads (top, left, bottom, right), dilations and conv groups
 * (dlc_window_params). Output spatial sizes use floor mode (dlc_window_out_dim).
 *
 * The input is first padded with tensor.pad when any pad is non-zero (0 for conv/avg, -inf for max),
 * then one linalg.generic accumulates into a filled tensor (0, or -inf for max) over
 *   conv: (n, o, oh, ow, c, kh, kw), reading input (n, (o floordiv OPG) * CPG + c, oh*SH + kh*DH,
 *         ow*SW + kw*DW) and filter (o, c, kh, kw)  [OPG/CPG: out/in channels per group];
 *   pool: (n, c, oh, ow, kh, kw), reading input (n, c, oh*SH + kh*DH, ow*SW + kw*DW) and a
 *         tensor.empty of the kernel size, whose only job is to give kh/kw their ranges.
 * One elementwise epilogue then adds the bias, divides avg pools by the window size and rounds
 * f16/bf16 conv/avg results, which are accumulated in f32. The avg divisor is exact: rows[oh] *
 * cols[ow], two small 1-D tables computed with linalg.index that count, per output row/column, the
 * window taps inside the unpadded input (count_include_pad=false, ONNX) or the full kernel size
 * (count_include_pad=true).
 * Dynamic batch, spatial and (pool) channel dims are supported: a dynamic output spatial size is
 * max(0, (IN + pads - span) floordiv S + 1) by affine.max.
 * Limitations: conv2d needs static input channels and a static filter, else UNIMPLEMENTED. An avg
 * window lying entirely in the padding (pads >= kernel) divides by 0, giving NaN. */
#include <stdio.h>
#include <string.h>

#include "emit.h"
#include "mlir-c/BuiltinTypes.h"

typedef struct dlc_window_t {
  dlc_emit_t *e;
  dlc_window_params_t p;  /* for conv, kernel[] is filled in from the filter */
  dlc_op_kind_t kind;
  bool conv, has_bias, widen; /* widen: f16/bf16 conv/avg accumulated in f32 */
  int64_t cpg, opg;       /* conv: input / output channels per group */
  dlc_shape_t out, acc;   /* result shape; the same with the accumulator element type */
  char dyn[4][16];        /* values of the dynamic dims of `out` */
  char elem[32], acc_elem[32];
} dlc_window_t;

/* conv2d needs static input channels and filter (they shape the channel map and the kernel). */
static dlcrt_status_t check_static(const dlc_window_t *w) {
  if (!w->conv || (w->e->in[0].dims[1] != DLC_DYN && dlc_shape_is_static(&w->e->in[1]))) return NULL;
  return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED,
                           "'dlc.%s' with dynamic input channels or filter dims is not supported", w->e->info->name);
}

/* Result dim `d`: the declared static size, else the input's (a tensor.dim when dynamic). */
static void passthrough_dim(dlc_window_t *w, int32_t d) {
  int64_t size = w->e->out.dims[d] != DLC_DYN ? w->e->out.dims[d] : w->e->in[0].dims[d];
  w->out.dims[d] = size;
  if (size == DLC_DYN) dlc_emit_dim(w->e, "%a0", &w->e->in[0], d, w->dyn[d]);
}

/* Result spatial dim 2+i: static from dlc_window_out_dim, else max(0, (IN + PADS - SPAN) floordiv S + 1). */
static void spatial_dim(dlc_window_t *w, int i) {
  const dlc_window_params_t *p = &w->p;
  int32_t d = 2 + i;
  int64_t in = w->e->in[0].dims[d];
  int64_t size = w->e->out.dims[d] != DLC_DYN ? w->e->out.dims[d]
                 : in == DLC_DYN ? DLC_DYN
                                 : dlc_window_out_dim(in, p->kernel[i], p->strides[i], p->pads[i], p->pads[2 + i],
                                                      p->dilations[i]);
  w->out.dims[d] = size;
  if (size != DLC_DYN) return;
  char dim[16];
  long long c = (long long)(p->pads[i] + p->pads[2 + i] - p->dilations[i] * (p->kernel[i] - 1) - 1);
  dlc_emit_dim(w->e, "%a0", &w->e->in[0], d, dim);
  dlc_emit_fresh(w->e, w->dyn[d]);
  dlc_strbuf_appendf(w->e->body, "  %s = affine.max affine_map<()[s0] -> (0, (s0 %c %lld) floordiv %lld + 1)>()[%s]\n",
                     w->dyn[d], c < 0 ? '-' : '+', c < 0 ? -c : c, (long long)p->strides[i], dim);
}

static void result_shape(dlc_window_t *w) {
  const dlc_shape_t *x = &w->e->in[0];
  w->out.rank = 4;
  w->out.elem = x->elem;
  passthrough_dim(w, 0);
  if (w->conv) w->out.dims[1] = w->e->in[1].dims[0];
  else passthrough_dim(w, 1);
  spatial_dim(w, 0);
  spatial_dim(w, 1);
  w->acc = w->out;
  if (w->widen) w->acc.elem = mlirF32TypeGet(mlirTypeGetContext(x->elem));
}

/* The input padded by `pads` with the op's neutral value; `*padded` receives its shape. */
static const char *emit_pad(dlc_window_t *w, dlc_shape_t *padded, char *buf) {
  const int64_t *pads = w->p.pads;
  *padded = w->e->in[0];
  if (!pads[0] && !pads[1] && !pads[2] && !pads[3]) return "%a0";
  for (int i = 0; i < 2; ++i)
    if (padded->dims[2 + i] != DLC_DYN) padded->dims[2 + i] += pads[i] + pads[2 + i];
  const char *neutral = w->kind == DLC_MAX_POOL2D ? dlc_emit_neg_inf_literal(padded->elem) : "0.0";
  char value[16];
  dlc_emit_scalar(w->e, padded->elem, neutral, value);
  dlc_emit_fresh(w->e, buf);
  dlc_strbuf_appendf(w->e->body,
                     "  %s = tensor.pad %%a0 low[0, 0, %lld, %lld] high[0, 0, %lld, %lld] {\n"
                     "  ^bb0(%%i0: index, %%i1: index, %%i2: index, %%i3: index):\n"
                     "    tensor.yield %s : %s\n  } : ",
                     buf, (long long)pads[0], (long long)pads[1], (long long)pads[2], (long long)pads[3], value,
                     w->elem);
  dlc_emit_tensor_type(w->e->body, &w->e->in[0]);
  dlc_strbuf_append(w->e->body, " to ");
  dlc_emit_tensor_type(w->e->body, padded);
  dlc_strbuf_append(w->e->body, "\n");
  return buf;
}

/* Appends the input index along spatial dim i (0: h, 1: w), output loop d(2+i), kernel loop dk. */
static void spatial_expr(dlc_strbuf_t *sb, const dlc_window_t *w, int i, int dk) {
  dlc_strbuf_appendf(sb, ", d%d * %lld + d%d * %lld", 2 + i, (long long)w->p.strides[i], dk,
                     (long long)w->p.dilations[i]);
}

/* `%name = arith.extf %x : ELEM to f32` when widening, else `x` itself. */
static const char *widened(dlc_window_t *w, const char *x, char *buf) {
  if (!w->widen) return x;
  dlc_emit_fresh(w->e, buf);
  dlc_strbuf_appendf(w->e->body, "    %s = arith.extf %s : %s to %s\n", buf, x, w->elem, w->acc_elem);
  return buf;
}

/* The window body: acc (+)= x0 * x1 for conv, acc + x0 for avg, max(acc, x0) for max. */
static void emit_window_body(dlc_window_t *w) {
  char a[16], b[16], prod[16], r[16];
  const char *x = widened(w, "%x0", a);
  dlc_emit_fresh(w->e, r);
  if (w->conv) {
    const char *f = widened(w, "%x1", b);
    dlc_emit_fresh(w->e, prod);
    dlc_strbuf_appendf(w->e->body, "    %s = arith.mulf %s, %s : %s\n", prod, x, f, w->acc_elem);
    x = prod;
  }
  const char *op = w->kind == DLC_MAX_POOL2D ? "arith.maximumf" : "arith.addf";
  dlc_strbuf_appendf(w->e->body, "    %s = %s %%acc, %s : %s\n    linalg.yield %s : %s\n", r, op, x, w->acc_elem, r,
                     w->acc_elem);
}

/* The accumulating generic over the padded input; the result name goes to `buf`. */
static void emit_window_generic(dlc_window_t *w, const char *input, const dlc_shape_t *padded, char *buf) {
  dlc_emit_t *e = w->e;
  int dk = w->conv ? 5 : 4; /* first kernel loop */
  dlc_strbuf_t in_map;
  dlc_strbuf_init(&in_map);
  if (!w->conv) dlc_strbuf_append(&in_map, "d0, d1");
  else if (w->p.groups == 1) dlc_strbuf_append(&in_map, "d0, d4");
  else dlc_strbuf_appendf(&in_map, "d0, (d1 floordiv %lld) * %lld + d4", (long long)w->opg, (long long)w->cpg);
  spatial_expr(&in_map, w, 0, dk);
  spatial_expr(&in_map, w, 1, dk + 1);
  char init[16], window[16];
  const char *second = "%a1";
  dlc_shape_t kernel = {.rank = 2, .dims = {w->p.kernel[0], w->p.kernel[1]}, .elem = e->in[0].elem};
  const dlc_shape_t *second_shape = &e->in[1];
  if (!w->conv) { /* pools: a tensor of the kernel size gives kh/kw their ranges */
    second = dlc_emit_empty(e, &kernel, NULL, window);
    second_shape = &kernel;
  }
  const char *literal = w->kind == DLC_MAX_POOL2D ? dlc_emit_neg_inf_literal(w->acc.elem) : "0.0";
  dlc_emit_filled(e, &w->acc, w->dyn, literal, init);
  const char *values[] = {input, second, init};
  const dlc_shape_t *shapes[] = {padded, second_shape, &w->acc};
  const char *maps[] = {dlc_strbuf_cstr(&in_map), w->conv ? "d1, d4, d5, d6" : "d4, d5", "d0, d1, d2, d3"};
  dlc_emit_fresh(e, buf);
  dlc_emit_generic_open(e, buf, dk + 2, 4, 2, values, shapes, maps);
  dlc_strbuf_free(&in_map);
  emit_window_body(w);
  dlc_emit_generic_close(e, &w->acc);
}

/* A tensor<OUTxACC> of the avg divisor factor along spatial dim i per output position o: the kernel
 * size K (count_include_pad), else the number of taps inside the unpadded input, k in [lo, hi] with
 * lo = max(0, ceil((P - o*S) / D)) and hi = min(K - 1, floor((IN + P - 1 - o*S) / D)). Computed by a
 * small generic rather than a constant, so no large elements attribute is emitted. */
static void emit_count_table(dlc_window_t *w, int i, const dlc_shape_t *table, char *buf) {
  dlc_emit_t *e = w->e;
  long long k = w->p.kernel[i], s = w->p.strides[i], d = w->p.dilations[i], pad = w->p.pads[i];
  char in[16], init[16], o[16], lo[16], hi[16], n[16], n64[16], count[16];
  dlc_emit_dim(e, "%a0", &e->in[0], 2 + i, in);
  dlc_emit_empty(e, table, &w->dyn[2 + i], init);
  const char *values[] = {init}, *maps[] = {"d0"};
  const dlc_shape_t *shapes[] = {table};
  dlc_emit_fresh(e, buf);
  dlc_emit_generic_open(e, buf, 1, 1, 0, values, shapes, maps);
  dlc_emit_fresh(e, count);
  if (w->p.count_include_pad) {
    dlc_strbuf_appendf(e->body, "    %s = arith.constant %lld.0 : %s\n", count, k, w->acc_elem);
  } else {
    dlc_emit_fresh(e, o);
    dlc_emit_fresh(e, lo);
    dlc_emit_fresh(e, hi);
    dlc_emit_fresh(e, n);
    dlc_emit_fresh(e, n64);
    dlc_strbuf_appendf(e->body,
                       "    %s = linalg.index 0 : index\n"
                       "    %s = affine.max affine_map<(d0) -> (0, (%lld - d0 * %lld) ceildiv %lld)>(%s)\n"
                       "    %s = affine.min affine_map<(d0)[s0] -> (%lld, (s0 + %lld - d0 * %lld) floordiv %lld)>(%s)[%s]\n"
                       "    %s = affine.max affine_map<(d0, d1) -> (0, d1 - d0 + 1)>(%s, %s)\n"
                       "    %s = arith.index_cast %s : index to i64\n"
                       "    %s = arith.sitofp %s : i64 to %s\n",
                       o, lo, pad, s, d, o, hi, k - 1, pad - 1, s, d, o, in, n, lo, hi, n64, n, count, n64,
                       w->acc_elem);
  }
  dlc_strbuf_appendf(e->body, "    linalg.yield %s : %s\n", count, w->acc_elem);
  dlc_emit_generic_close(e, table);
}

/* The operand list of a linalg.generic being assembled (inputs, then the output). */
typedef struct dlc_operands_t {
  const char *values[5], *maps[5];
  const dlc_shape_t *shapes[5];
  int n;
} dlc_operands_t;

static void add_operand(dlc_operands_t *ops, const char *value, const dlc_shape_t *shape, const char *map) {
  ops->values[ops->n] = value;
  ops->shapes[ops->n] = shape;
  ops->maps[ops->n++] = map;
}

/* The elementwise epilogue over `acc`: + bias[o], / (rows[oh] * cols[ow]), round to the element type. */
static void emit_epilogue(dlc_window_t *w, const char *acc, char *buf) {
  dlc_emit_t *e = w->e;
  bool avg = w->kind == DLC_AVG_POOL2D;
  char rows[16], cols[16], init[16];
  dlc_shape_t tables[2] = {{.rank = 1, .dims = {w->out.dims[2]}, .elem = w->acc.elem},
                           {.rank = 1, .dims = {w->out.dims[3]}, .elem = w->acc.elem}};
  if (avg) {
    emit_count_table(w, 0, &tables[0], rows);
    emit_count_table(w, 1, &tables[1], cols);
  }
  dlc_emit_empty(e, &w->out, w->dyn, init);
  dlc_operands_t ops = {.n = 0};
  add_operand(&ops, acc, &w->acc, "d0, d1, d2, d3");
  if (w->has_bias) add_operand(&ops, "%a2", &e->in[2], "d1");
  if (avg) {
    add_operand(&ops, rows, &tables[0], "d2");
    add_operand(&ops, cols, &tables[1], "d3");
  }
  int nin = ops.n;
  add_operand(&ops, init, &w->out, "d0, d1, d2, d3");
  dlc_emit_fresh(e, buf);
  dlc_emit_generic_open(e, buf, 4, 4, nin, ops.values, ops.shapes, ops.maps);

  char v[16] = "%x0", t0[16], t1[16], t2[16];
  if (w->has_bias) {
    dlc_emit_fresh(e, t0);
    dlc_strbuf_appendf(e->body, "    %s = arith.addf %s, %s : %s\n", t0, v, widened(w, "%x1", t1), w->acc_elem);
    snprintf(v, sizeof(v), "%s", t0);
  }
  if (avg) {
    dlc_emit_fresh(e, t1);
    dlc_emit_fresh(e, t2);
    dlc_strbuf_appendf(e->body, "    %s = arith.mulf %%x%d, %%x%d : %s\n    %s = arith.divf %s, %s : %s\n", t1,
                       nin - 2, nin - 1, w->acc_elem, t2, v, t1, w->acc_elem);
    snprintf(v, sizeof(v), "%s", t2);
  }
  if (w->widen) {
    dlc_emit_fresh(e, t0);
    dlc_strbuf_appendf(e->body, "    %s = arith.truncf %s : %s to %s\n", t0, v, w->acc_elem, w->elem);
    snprintf(v, sizeof(v), "%s", t0);
  }
  dlc_strbuf_appendf(e->body, "    linalg.yield %s : %s\n", v, w->elem);
  dlc_emit_generic_close(e, &w->out);
}

dlcrt_status_t dlc_emit_window(dlc_emit_t *e) {
  dlc_window_t w = {.e = e, .kind = e->info->kind, .conv = e->info->kind == DLC_CONV2D};
  DLCRT_RETURN_IF_ERROR(dlc_window_params(e->op, &w.p));
  DLCRT_RETURN_IF_ERROR(check_static(&w));
  MlirType elem = e->in[0].elem;
  w.has_bias = w.conv && e->num_in == 3;
  w.widen = w.kind != DLC_MAX_POOL2D && (mlirTypeIsAF16(elem) || mlirTypeIsABF16(elem));
  if (w.conv) {
    w.p.kernel[0] = e->in[1].dims[2];
    w.p.kernel[1] = e->in[1].dims[3];
    w.cpg = e->in[1].dims[1];
    w.opg = e->in[1].dims[0] / w.p.groups;
  }
  result_shape(&w);
  dlc_emit_elem_name(elem, w.elem);
  dlc_emit_elem_name(w.acc.elem, w.acc_elem);

  dlc_shape_t padded;
  char pad[16], acc[16], result[16];
  const char *input = emit_pad(&w, &padded, pad);
  emit_window_generic(&w, input, &padded, acc);
  bool epilogue = w.has_bias || w.widen || w.kind == DLC_AVG_POOL2D;
  if (epilogue) emit_epilogue(&w, acc, result);
  dlc_emit_return(e, epilogue ? result : acc, &w.out);
  return NULL;
}
