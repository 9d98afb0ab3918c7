/* ONNX indexing and scan ops: GatherElements -> dlc.gather_elements; ScatterElements (and the
 * deprecated Scatter, its opset-9 name without reduction) -> dlc.scatter_elements; CumSum -> dlc.cumsum.
 * CumSum's axis is an input: a constant becomes the op's attribute. A runtime axis (as in ONNX's own
 * node tests) is handled for a static rank: rank 1 has one valid axis; otherwise one dlc.cumsum per
 * possible axis is built and dlc.where picks the one whose index (or index - rank) equals the axis.
 * Trilu stays in onnx_ops_shape.c (dlc.trilu takes a runtime k as its optional second operand). */
#include <string.h>

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "onnx_ops.h"

static int32_t value_rank(MlirValue v) { return (int32_t)mlirShapedTypeGetRank(mlirValueGetType(v)); }

static dlcrt_status_t build_gather_elements(const dlc_onnx_node_t *node) {
  MlirValue operands[2], y;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &operands[0]));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 1, &operands[1]));
  int64_t axis;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "axis", 0, &axis));
  dlc_onnx_attr_kv_t kv[1] = {{"axis", dlc_onnx_i64_attr(node, axis)}};
  DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "gather_elements", operands, 2, kv, 1, (MlirType){NULL}, &y));
  return dlc_onnx_set_output(node, 0, y);
}

static dlcrt_status_t build_scatter_elements(const dlc_onnx_node_t *node) {
  MlirValue operands[3], y;
  for (int i = 0; i < 3; ++i) DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, i, &operands[i]));
  int64_t axis;
  char reduction[16];
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "axis", 0, &axis));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_string(node, "reduction", "none", reduction, sizeof(reduction)));
  dlc_onnx_attr_kv_t kv[2] = {{"axis", dlc_onnx_i64_attr(node, axis)},
                              {"reduction", dlc_onnx_str_attr(node, reduction)}};
  DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "scatter_elements", operands, 3, kv, 2, (MlirType){NULL}, &y));
  return dlc_onnx_set_output(node, 0, y);
}

static dlcrt_status_t cumsum(const dlc_onnx_node_t *node, MlirValue x, int64_t axis, bool exclusive, bool reverse,
                             MlirValue *out) {
  dlc_onnx_attr_kv_t kv[3] = {{"axis", dlc_onnx_i64_attr(node, axis)},
                              {"exclusive", dlc_onnx_bool_attr(node, exclusive)},
                              {"reverse", dlc_onnx_bool_attr(node, reverse)}};
  return dlc_onnx_build(node, "cumsum", &x, 1, kv, 3, (MlirType){NULL}, out);
}

static dlcrt_status_t build_cumsum(const dlc_onnx_node_t *node) {
  MlirValue x, y;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  int64_t exclusive, reverse;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "exclusive", 0, &exclusive));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "reverse", 0, &reverse));
  int32_t rank = value_rank(x);
  if (rank < 1) return dlc_onnx_node_error(node, DLCRT_STATUS_INVALID_ARGUMENT, "the input must have rank >= 1");
  double known;
  if (dlc_onnx_try_input_scalar(node, 1, &known)) {
    int32_t axis;
    DLCRT_RETURN_IF_ERROR(dlc_onnx_norm_axis(node, (int64_t)known, rank, &axis));
    DLCRT_RETURN_IF_ERROR(cumsum(node, x, axis, exclusive != 0, reverse != 0, &y));
    return dlc_onnx_set_output(node, 0, y);
  }
  /* A runtime axis: select among the cumsums along every possible axis. */
  MlirValue a;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 1, &a));
  MlirType at = mlirValueGetType(a), elem = mlirShapedTypeGetElementType(at);
  if (mlirShapedTypeGetRank(at) != 0 || !mlirTypeIsAInteger(elem))
    return dlc_onnx_node_error(node, DLCRT_STATUS_INVALID_ARGUMENT, "axis (input #1) must be a rank-0 integer tensor");
  DLCRT_RETURN_IF_ERROR(cumsum(node, x, rank - 1, exclusive != 0, reverse != 0, &y));
  for (int32_t d = rank - 2; d >= 0; --d) {
    MlirValue c, lo, hi, eq_lo, eq_hi, cond, s, operands[3];
    DLCRT_RETURN_IF_ERROR(dlc_onnx_scalar_const(node, elem, d, &lo));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_scalar_const(node, elem, d - rank, &hi));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "equal", a, lo, &eq_lo));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "equal", a, hi, &eq_hi));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "or", eq_lo, eq_hi, &cond));
    DLCRT_RETURN_IF_ERROR(cumsum(node, x, d, exclusive != 0, reverse != 0, &s));
    operands[0] = cond;
    operands[1] = s;
    operands[2] = y;
    DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "where", operands, 3, NULL, 0, (MlirType){NULL}, &c));
    y = c;
  }
  return dlc_onnx_set_output(node, 0, y);
}

const dlc_onnx_op_def_t dlc_onnx_index_ops[] = {
    {"GatherElements", build_gather_elements},
    {"ScatterElements", build_scatter_elements},
    {"Scatter", build_scatter_elements},
    {"CumSum", build_cumsum},
    {NULL, NULL},
};
