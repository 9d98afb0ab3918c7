/* ONNX reductions: ReduceSum/Mean/Max/Min/Prod map to dlc.reduce; ReduceL1, ReduceL2, ReduceSumSquare,
 * ReduceLogSum and ReduceLogSumExp are composed from it (LogSumExp subtracts the max for stability);
 * ArgMax/ArgMin map to dlc.argmax/argmin. Axes come from the attribute, or from the second input for
 * ReduceSum at opset >= 13; empty axes reduce everything unless noop_with_empty_axes. */
#include <string.h>

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "onnx_ops.h"

static dlcrt_status_t reduce(const dlc_onnx_node_t *node, const char *kind, MlirValue x, const int64_t *axes, int32_t n,
                             bool keepdims, MlirValue *out) {
  dlc_onnx_attr_kv_t kv[3] = {{"kind", dlc_onnx_str_attr(node, kind)},
                              {"axes", dlc_onnx_i64_array_attr(node, axes, n)},
                              {"keepdims", dlc_onnx_bool_attr(node, keepdims)}};
  return dlc_onnx_build(node, "reduce", &x, 1, kv, 3, (MlirType){NULL}, out);
}

static dlcrt_status_t build_reduce(const dlc_onnx_node_t *node) {
  const char *op = node->proto->op_type + strlen("Reduce");
  MlirValue x, y, t;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  int32_t rank = (int32_t)mlirShapedTypeGetRank(mlirValueGetType(x)), n;
  int64_t axes[DLCRT_MAX_RANK], keepdims, noop;
  if (dlc_onnx_has_input(node, 1)) {
    DLCRT_RETURN_IF_ERROR(dlc_onnx_input_ints(node, 1, "axes", axes, DLCRT_MAX_RANK, &n));
  } else {
    DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_ints(node, "axes", axes, DLCRT_MAX_RANK, &n));
  }
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "keepdims", 1, &keepdims));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "noop_with_empty_axes", 0, &noop));
  if (n <= 0) {
    if (noop) return dlc_onnx_set_output(node, 0, x);
    n = rank;
    for (int32_t d = 0; d < rank; ++d) axes[d] = d;
  }
  bool keep = keepdims != 0;
  if (strcmp(op, "Sum") == 0 || strcmp(op, "Mean") == 0 || strcmp(op, "Max") == 0 || strcmp(op, "Min") == 0 ||
      strcmp(op, "Prod") == 0) {
    char kind[8];
    snprintf(kind, sizeof(kind), "%s", op);
    kind[0] = (char)(kind[0] - 'A' + 'a');
    DLCRT_RETURN_IF_ERROR(reduce(node, kind, x, axes, n, keep, &y));
  } else if (strcmp(op, "L1") == 0) {
    DLCRT_RETURN_IF_ERROR(dlc_onnx_unary(node, "abs", x, &t));
    DLCRT_RETURN_IF_ERROR(reduce(node, "sum", t, axes, n, keep, &y));
  } else if (strcmp(op, "L2") == 0 || strcmp(op, "SumSquare") == 0) {
    DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "mul", x, x, &t));
    DLCRT_RETURN_IF_ERROR(reduce(node, "sum", t, axes, n, keep, &y));
    if (op[0] == 'L') DLCRT_RETURN_IF_ERROR(dlc_onnx_unary(node, "sqrt", y, &y));
  } else if (strcmp(op, "LogSum") == 0) {
    DLCRT_RETURN_IF_ERROR(reduce(node, "sum", x, axes, n, keep, &t));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_unary(node, "log", t, &y));
  } else { /* LogSumExp = m + log(sum(exp(x - m))), m = max over the axes */
    MlirValue m, mk;
    DLCRT_RETURN_IF_ERROR(reduce(node, "max", x, axes, n, true, &mk));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "sub", x, mk, &t));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_unary(node, "exp", t, &t));
    DLCRT_RETURN_IF_ERROR(reduce(node, "sum", t, axes, n, keep, &t));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_unary(node, "log", t, &t));
    DLCRT_RETURN_IF_ERROR(keep ? (m = mk, NULL) : reduce(node, "max", x, axes, n, false, &m));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "add", t, m, &y));
  }
  return dlc_onnx_set_output(node, 0, y);
}

static dlcrt_status_t build_arg(const dlc_onnx_node_t *node) {
  MlirValue x, y;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  int64_t axis, keepdims, last;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "axis", 0, &axis));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "keepdims", 1, &keepdims));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "select_last_index", 0, &last));
  dlc_onnx_attr_kv_t kv[3] = {{"axis", dlc_onnx_i64_attr(node, axis)},
                              {"keepdims", dlc_onnx_bool_attr(node, keepdims != 0)},
                              {"select_last_index", dlc_onnx_bool_attr(node, last != 0)}};
  bool is_max = strcmp(node->proto->op_type, "ArgMax") == 0;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, is_max ? "argmax" : "argmin", &x, 1, kv, 3, (MlirType){NULL}, &y));
  return dlc_onnx_set_output(node, 0, y);
}

const dlc_onnx_op_def_t dlc_onnx_reduce_ops[] = {
    {"ReduceSum", build_reduce},    {"ReduceMean", build_reduce},      {"ReduceMax", build_reduce},
    {"ReduceMin", build_reduce},    {"ReduceProd", build_reduce},      {"ReduceL1", build_reduce},
    {"ReduceL2", build_reduce},     {"ReduceSumSquare", build_reduce}, {"ReduceLogSum", build_reduce},
    {"ReduceLogSumExp", build_reduce}, {"ArgMax", build_arg},          {"ArgMin", build_arg},
    {NULL, NULL},
};
