/* ONNX neural-network ops: MatMul (1-D operands promoted as numpy does), Gemm, Conv and pooling
 * (1-D through the 2-D ops with a unit height; auto_pad resolved from static sizes), Softmax and
 * LogSoftmax (the pre-13 "flatten to 2-D" semantics included), LayerNormalization and inference
 * BatchNormalization (as a per-channel affine x * a + b; a and b are computed from the statistics
 * in the IR). */
#include <math.h>
#include <string.h>

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "onnx_ops.h"

static dlcrt_status_t scalar_op(const dlc_onnx_node_t *node, const char *op, MlirValue a, double s, MlirValue *out) {
  MlirValue c;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_scalar_const(node, dlc_onnx_elem(a), s, &c));
  return dlc_onnx_binary(node, op, a, c, out);
}

static int32_t rank_of(MlirValue v) { return (int32_t)mlirShapedTypeGetRank(mlirValueGetType(v)); }

/* ---- MatMul, Gemm ---- */

static dlcrt_status_t build_matmul(const dlc_onnx_node_t *node) {
  MlirValue a, b, y;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &a));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 1, &b));
  bool a1 = rank_of(a) == 1, b1 = rank_of(b) == 1;
  int32_t zero = 0, last = -1;
  if (a1) DLCRT_RETURN_IF_ERROR(dlc_onnx_unsqueeze(node, a, &zero, 1, &a));
  if (b1) DLCRT_RETURN_IF_ERROR(dlc_onnx_unsqueeze(node, b, &last, 1, &b));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "matmul", a, b, &y));
  int32_t minus2 = -2;
  if (b1) DLCRT_RETURN_IF_ERROR(dlc_onnx_squeeze(node, y, &last, 1, &y));
  if (a1) DLCRT_RETURN_IF_ERROR(dlc_onnx_squeeze(node, y, b1 ? &last : &minus2, 1, &y));
  return dlc_onnx_set_output(node, 0, y);
}

static dlcrt_status_t build_gemm(const dlc_onnx_node_t *node) {
  MlirValue ab[2], y, c;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &ab[0]));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 1, &ab[1]));
  int64_t ta, tb;
  double alpha, beta;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "transA", 0, &ta));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "transB", 0, &tb));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_float(node, "alpha", 1.0, &alpha));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_float(node, "beta", 1.0, &beta));
  dlc_onnx_attr_kv_t kv[2] = {{"transpose_a", dlc_onnx_bool_attr(node, ta != 0)},
                              {"transpose_b", dlc_onnx_bool_attr(node, tb != 0)}};
  DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "matmul", ab, 2, kv, 2, (MlirType){NULL}, &y));
  if (alpha != 1.0) DLCRT_RETURN_IF_ERROR(scalar_op(node, "mul", y, alpha, &y));
  if (dlc_onnx_has_input(node, 2) && beta != 0.0) {
    DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 2, &c));
    if (beta != 1.0) DLCRT_RETURN_IF_ERROR(scalar_op(node, "mul", c, beta, &c));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "add", y, c, &y));
  }
  return dlc_onnx_set_output(node, 0, y);
}

/* ---- Conv and pooling ---- */

typedef struct dlc_window_t {
  int32_t spatial; /* 1 or 2 */
  int64_t kernel[2], strides[2], dilations[2], pads[4]; /* pads: begin h, begin w, end h, end w */
} dlc_window_t;

/* Reads kernel_shape/strides/dilations/pads/auto_pad for `spatial` dims of input `x`. */
static dlcrt_status_t read_window(const dlc_onnx_node_t *node, MlirValue x, const int64_t *kernel_from_weight,
                                  dlc_window_t *w) {
  dlc_shape_t xs;
  dlc_shape_from_type(mlirValueGetType(x), &xs);
  int32_t n = xs.rank - 2;
  if (n != 1 && n != 2)
    return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "only 1-D and 2-D windows are supported (input rank %d)",
                               (int)xs.rank);
  w->spatial = n;
  int64_t tmp[4];
  int32_t count;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_ints(node, "kernel_shape", tmp, 2, &count));
  for (int32_t i = 0; i < n; ++i) w->kernel[i] = count == n ? tmp[i] : kernel_from_weight ? kernel_from_weight[i] : 0;
  if (count != n && !kernel_from_weight)
    return dlc_onnx_node_error(node, DLCRT_STATUS_INVALID_ARGUMENT, "attribute 'kernel_shape' needs %d entries", (int)n);
  static const char *const names[2] = {"strides", "dilations"};
  int64_t *dst[2] = {w->strides, w->dilations};
  for (int a = 0; a < 2; ++a) {
    DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_ints(node, names[a], tmp, 2, &count));
    for (int32_t i = 0; i < n; ++i) dst[a][i] = count == n ? tmp[i] : 1;
  }
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_ints(node, "pads", tmp, 4, &count));
  for (int32_t i = 0; i < 2 * n; ++i) tmp[i] = count == 2 * n ? tmp[i] : 0;
  for (int32_t i = 0; i < n; ++i) {
    w->pads[i] = tmp[i];
    w->pads[2 + i] = tmp[n + i];
  }
  char auto_pad[32];
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_string(node, "auto_pad", "NOTSET", auto_pad, sizeof(auto_pad)));
  if (strcmp(auto_pad, "VALID") == 0) memset(w->pads, 0, sizeof(w->pads));
  if (strncmp(auto_pad, "SAME_", 5) == 0) {
    for (int32_t i = 0; i < n; ++i) {
      int64_t in = xs.dims[2 + i];
      if (in == DLC_DYN)
        return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "auto_pad=%s needs static spatial dims", auto_pad);
      int64_t out = (in + w->strides[i] - 1) / w->strides[i];
      int64_t total = (out - 1) * w->strides[i] + (w->kernel[i] - 1) * w->dilations[i] + 1 - in;
      if (total < 0) total = 0;
      bool upper = strcmp(auto_pad, "SAME_UPPER") == 0;
      w->pads[i] = upper ? total / 2 : total - total / 2;
      w->pads[2 + i] = total - w->pads[i];
    }
  }
  if (n == 1) { /* as 2-D with a unit height */
    w->kernel[1] = w->kernel[0], w->kernel[0] = 1;
    w->strides[1] = w->strides[0], w->strides[0] = 1;
    w->dilations[1] = w->dilations[0], w->dilations[0] = 1;
    int64_t b = w->pads[0], e = w->pads[2];
    w->pads[0] = 0, w->pads[1] = b, w->pads[2] = 0, w->pads[3] = e;
  }
  return NULL;
}

static void window_attrs(const dlc_onnx_node_t *node, const dlc_window_t *w, bool pool, dlc_onnx_attr_kv_t *kv,
                         int *n) {
  if (pool) kv[(*n)++] = (dlc_onnx_attr_kv_t){"kernel", dlc_onnx_i64_array_attr(node, w->kernel, 2)};
  kv[(*n)++] = (dlc_onnx_attr_kv_t){"strides", dlc_onnx_i64_array_attr(node, w->strides, 2)};
  kv[(*n)++] = (dlc_onnx_attr_kv_t){"pads", dlc_onnx_i64_array_attr(node, w->pads, 4)};
  kv[(*n)++] = (dlc_onnx_attr_kv_t){"dilations", dlc_onnx_i64_array_attr(node, w->dilations, 2)};
}

static dlcrt_status_t build_conv(const dlc_onnx_node_t *node) {
  MlirValue operands[3], y;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &operands[0]));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 1, &operands[1]));
  int n = 2;
  if (dlc_onnx_has_input(node, 2)) DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 2, &operands[n++]));
  dlc_shape_t ws;
  dlc_shape_from_type(mlirValueGetType(operands[1]), &ws);
  dlc_window_t w;
  DLCRT_RETURN_IF_ERROR(read_window(node, operands[0], &ws.dims[2], &w));
  int64_t group;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "group", 1, &group));
  int32_t h_axis = 2;
  if (w.spatial == 1) {
    DLCRT_RETURN_IF_ERROR(dlc_onnx_unsqueeze(node, operands[0], &h_axis, 1, &operands[0]));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_unsqueeze(node, operands[1], &h_axis, 1, &operands[1]));
  }
  dlc_onnx_attr_kv_t kv[6];
  int nkv = 0;
  window_attrs(node, &w, false, kv, &nkv);
  kv[nkv++] = (dlc_onnx_attr_kv_t){"groups", dlc_onnx_i64_attr(node, group)};
  DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "conv2d", operands, n, kv, nkv, (MlirType){NULL}, &y));
  if (w.spatial == 1) DLCRT_RETURN_IF_ERROR(dlc_onnx_squeeze(node, y, &h_axis, 1, &y));
  return dlc_onnx_set_output(node, 0, y);
}

static dlcrt_status_t build_pool(const dlc_onnx_node_t *node) {
  bool max = strcmp(node->proto->op_type, "MaxPool") == 0;
  if (dlc_onnx_num_outputs(node) > 1 && node->proto->output[1][0])
    return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "the Indices output of MaxPool is not supported");
  MlirValue x, y;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  if (!mlirTypeIsAFloat(dlc_onnx_elem(x)))
    return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "pooling of integer tensors is not supported");
  dlc_window_t w;
  DLCRT_RETURN_IF_ERROR(read_window(node, x, NULL, &w));
  int64_t ceil_mode, include_pad;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "ceil_mode", 0, &ceil_mode));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "count_include_pad", 0, &include_pad));
  if (ceil_mode) return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "ceil_mode=1 is not supported");
  int32_t h_axis = 2;
  if (w.spatial == 1) DLCRT_RETURN_IF_ERROR(dlc_onnx_unsqueeze(node, x, &h_axis, 1, &x));
  dlc_onnx_attr_kv_t kv[6];
  int nkv = 0;
  window_attrs(node, &w, true, kv, &nkv);
  if (!max) kv[nkv++] = (dlc_onnx_attr_kv_t){"count_include_pad", dlc_onnx_bool_attr(node, include_pad != 0)};
  DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, max ? "max_pool2d" : "avg_pool2d", &x, 1, kv, nkv, (MlirType){NULL}, &y));
  if (w.spatial == 1) DLCRT_RETURN_IF_ERROR(dlc_onnx_squeeze(node, y, &h_axis, 1, &y));
  return dlc_onnx_set_output(node, 0, y);
}

static dlcrt_status_t build_global_pool(const dlc_onnx_node_t *node) {
  MlirValue x, y;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  int32_t r = rank_of(x);
  int64_t axes[DLCRT_MAX_RANK];
  for (int32_t d = 2; d < r; ++d) axes[d - 2] = d;
  bool max = strcmp(node->proto->op_type, "GlobalMaxPool") == 0;
  dlc_onnx_attr_kv_t kv[3] = {{"kind", dlc_onnx_str_attr(node, max ? "max" : "mean")},
                              {"axes", dlc_onnx_i64_array_attr(node, axes, r - 2)},
                              {"keepdims", dlc_onnx_bool_attr(node, true)}};
  DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "reduce", &x, 1, kv, 3, (MlirType){NULL}, &y));
  return dlc_onnx_set_output(node, 0, y);
}

/* ---- Softmax, LogSoftmax ---- */

static dlcrt_status_t build_softmax(const dlc_onnx_node_t *node) {
  const char *op = strcmp(node->proto->op_type, "Softmax") == 0 ? "softmax" : "log_softmax";
  MlirValue x, y;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  dlc_shape_t s;
  dlc_shape_from_type(mlirValueGetType(x), &s);
  int64_t axis_attr;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "axis", node->opset >= 13 ? -1 : 1, &axis_attr));
  int32_t axis;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_norm_axis(node, axis_attr, s.rank, &axis));
  bool flatten = node->opset < 13 && axis != s.rank - 1;
  if (flatten) { /* opset < 13: softmax over the flattened dims [axis, rank) */
    dlc_shape_t two = {.rank = 2, .dims = {1, 1}, .elem = s.elem};
    for (int32_t d = 0; d < s.rank; ++d) {
      if (s.dims[d] == DLC_DYN)
        return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "opset %lld %s over several dims needs static shapes",
                                   (long long)node->opset, node->proto->op_type);
      two.dims[d < axis ? 0 : 1] *= s.dims[d];
    }
    DLCRT_RETURN_IF_ERROR(dlc_onnx_reshape(node, x, &two, NULL, &x));
  }
  dlc_onnx_attr_kv_t kv = {"axis", dlc_onnx_i64_attr(node, flatten ? 1 : axis)};
  DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, op, &x, 1, &kv, 1, (MlirType){NULL}, &y));
  if (flatten) DLCRT_RETURN_IF_ERROR(dlc_onnx_reshape(node, y, &s, NULL, &y));
  return dlc_onnx_set_output(node, 0, y);
}

/* ---- normalization ---- */

static bool output_requested(const dlc_onnx_node_t *node, int i) {
  return dlc_onnx_num_outputs(node) > i && node->proto->output[i] && node->proto->output[i][0];
}

static dlcrt_status_t keep_reduce(const dlc_onnx_node_t *node, MlirValue x, const int64_t *axes, int32_t n,
                                  MlirValue *out) {
  dlc_onnx_attr_kv_t kv[3] = {{"kind", dlc_onnx_str_attr(node, "mean")},
                              {"axes", dlc_onnx_i64_array_attr(node, axes, n)},
                              {"keepdims", dlc_onnx_bool_attr(node, true)}};
  return dlc_onnx_build(node, "reduce", &x, 1, kv, 3, (MlirType){NULL}, out);
}

/* LayerNormalization with its Mean and InvStdDev outputs requested: the same computation spelled out
 * with reductions, so the statistics are there to return. */
static dlcrt_status_t layer_norm_with_stats(const dlc_onnx_node_t *node, const MlirValue *xsb, int64_t axis, double eps) {
  int32_t r = rank_of(xsb[0]), a;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_norm_axis(node, axis, r, &a));
  int64_t axes[DLCRT_MAX_RANK];
  for (int32_t d = a; d < r; ++d) axes[d - a] = d;
  MlirValue mean, diff, sq, var, inv, y;
  DLCRT_RETURN_IF_ERROR(keep_reduce(node, xsb[0], axes, r - a, &mean));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "sub", xsb[0], mean, &diff));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "mul", diff, diff, &sq));
  DLCRT_RETURN_IF_ERROR(keep_reduce(node, sq, axes, r - a, &var));
  DLCRT_RETURN_IF_ERROR(scalar_op(node, "add", var, eps, &var));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_unary(node, "rsqrt", var, &inv));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "mul", diff, inv, &y));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "mul", y, xsb[1], &y));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "add", y, xsb[2], &y));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_set_output(node, 0, y));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_set_output(node, 1, mean));
  return dlc_onnx_set_output(node, 2, inv);
}

static dlcrt_status_t build_layer_norm(const dlc_onnx_node_t *node) {
  MlirValue operands[3], y;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &operands[0]));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 1, &operands[1]));
  if (dlc_onnx_has_input(node, 2)) {
    DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 2, &operands[2]));
  } else { /* no bias: zeros of the scale's shape */
    MlirValue zero;
    DLCRT_RETURN_IF_ERROR(dlc_onnx_scalar_const(node, dlc_onnx_elem(operands[1]), 0, &zero));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "mul", operands[1], zero, &operands[2]));
  }
  int64_t axis;
  double eps;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "axis", -1, &axis));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_float(node, "epsilon", 1e-5, &eps));
  if (output_requested(node, 1) || output_requested(node, 2)) return layer_norm_with_stats(node, operands, axis, eps);
  dlc_onnx_attr_kv_t kv[2] = {{"axis", dlc_onnx_i64_attr(node, axis)}, {"epsilon", dlc_onnx_f32_attr(node, eps)}};
  DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "layer_norm", operands, 3, kv, 2, (MlirType){NULL}, &y));
  return dlc_onnx_set_output(node, 0, y);
}

/* y = x * a + b with a = scale / sqrt(var + eps), b = bias - mean * a, per channel (dim 1). */
static dlcrt_status_t build_batch_norm(const dlc_onnx_node_t *node) {
  int64_t training;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "training_mode", 0, &training));
  if (training || output_requested(node, 1))
    return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "training-mode BatchNormalization is not supported");
  double eps;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_float(node, "epsilon", 1e-5, &eps));
  MlirValue x, p[4], a, b, t, y;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  for (int i = 0; i < 4; ++i) DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 1 + i, &p[i]));
  /* scale, bias, mean, var as [C, 1, ..., 1] to broadcast over dim 1 */
  int32_t r = rank_of(x);
  int32_t axes[DLCRT_MAX_RANK];
  for (int32_t d = 1; d < r - 1; ++d) axes[d - 1] = d;
  for (int i = 0; i < 4 && r > 2; ++i) DLCRT_RETURN_IF_ERROR(dlc_onnx_unsqueeze(node, p[i], axes, r - 2, &p[i]));
  DLCRT_RETURN_IF_ERROR(scalar_op(node, "add", p[3], eps, &t));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_unary(node, "sqrt", t, &t));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "div", p[0], t, &a));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "mul", p[2], a, &t));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "sub", p[1], t, &b));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "mul", x, a, &t));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "add", t, b, &y));
  return dlc_onnx_set_output(node, 0, y);
}

/* Hardmax: 1 where the (first) maximum along the axis is, else 0: equal(iota, argmax). Opset < 13
 * flattens to 2-D around the axis like Softmax. */
static dlcrt_status_t build_hardmax(const dlc_onnx_node_t *node) {
  MlirValue x, y, idx, eq;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  dlc_shape_t s;
  dlc_shape_from_type(mlirValueGetType(x), &s);
  int64_t axis_attr;
  int32_t axis;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "axis", node->opset >= 13 ? -1 : 1, &axis_attr));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_norm_axis(node, axis_attr, s.rank, &axis));
  dlc_shape_t work = s;
  if (node->opset < 13 && axis != s.rank - 1) { /* flatten to [prod(:axis), prod(axis:)] */
    work.rank = 2;
    work.dims[0] = work.dims[1] = 1;
    for (int32_t d = 0; d < s.rank; ++d) {
      if (s.dims[d] == DLC_DYN)
        return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "opset < 13 Hardmax needs static shapes");
      work.dims[d < axis ? 0 : 1] *= s.dims[d];
    }
    DLCRT_RETURN_IF_ERROR(dlc_onnx_reshape(node, x, &work, NULL, &x));
    axis = 1;
  }
  int64_t n = work.dims[axis];
  if (n == DLC_DYN) return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "Hardmax over a dynamic dim");
  dlc_onnx_attr_kv_t kv[3] = {{"axis", dlc_onnx_i64_attr(node, axis)},
                              {"keepdims", dlc_onnx_bool_attr(node, true)},
                              {"select_last_index", dlc_onnx_bool_attr(node, false)}};
  DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "argmax", &x, 1, kv, 3, (MlirType){NULL}, &idx));
  int64_t iota_shape[DLCRT_MAX_RANK]; /* [n, 1, ..., 1] broadcasting against dims after the axis */
  int32_t iota_rank = work.rank - axis;
  for (int32_t d = 0; d < iota_rank; ++d) iota_shape[d] = d == 0 ? n : 1;
  dlcrt_tensor_t iota;
  DLCRT_RETURN_IF_ERROR(dlcrt_tensor_create(dlcrt_allocator_system(), DLCRT_DTYPE_I64, iota_rank, iota_shape, &iota));
  for (int64_t i = 0; i < n; ++i) dlcrt_tensor_set_f64(&iota, i, (double)i);
  MlirValue iv;
  dlcrt_status_t st = dlc_onnx_const_tensor(node, &iota, &iv);
  dlcrt_tensor_release(&iota);
  DLCRT_RETURN_IF_ERROR(st);
  DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "equal", idx, iv, &eq));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_cast_to(node, eq, work.elem, &y));
  if (work.rank != s.rank) DLCRT_RETURN_IF_ERROR(dlc_onnx_reshape(node, y, &s, NULL, &y));
  return dlc_onnx_set_output(node, 0, y);
}

const dlc_onnx_op_def_t dlc_onnx_nn_ops[] = {
    {"Hardmax", build_hardmax},
    {"MatMul", build_matmul},
    {"Gemm", build_gemm},
    {"Conv", build_conv},
    {"MaxPool", build_pool},
    {"AveragePool", build_pool},
    {"GlobalAveragePool", build_global_pool},
    {"GlobalMaxPool", build_global_pool},
    {"Softmax", build_softmax},
    {"LogSoftmax", build_softmax},
    {"LayerNormalization", build_layer_norm},
    {"BatchNormalization", build_batch_norm},
    {NULL, NULL},
};
