/* ONNX elementwise ops: unary math and activations (some decomposed: LeakyRelu, HardSigmoid, Elu,
 * Selu, Clip, ...), binary arithmetic and comparisons with numpy broadcasting, variadic Sum/Mean/
 * Max/Min, Where and Cast. Integer Add/Sub/Mul/Div on symbolic shape vectors are computed
 * symbolically (known elements fold, dynamic ones become scalar dlc ops). */
#include <math.h>
#include <string.h>

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "onnx_ops.h"

MlirType dlc_onnx_elem(MlirValue v) { return mlirShapedTypeGetElementType(mlirValueGetType(v)); }

dlcrt_status_t dlc_onnx_norm_axis(const dlc_onnx_node_t *node, int64_t axis, int32_t rank, int32_t *out) {
  if (axis < -rank || axis >= rank)
    return dlc_onnx_node_error(node, DLCRT_STATUS_INVALID_ARGUMENT, "axis %lld is out of range for rank %d",
                               (long long)axis, (int)rank);
  *out = (int32_t)(axis < 0 ? axis + rank : axis);
  return NULL;
}

dlcrt_status_t dlc_onnx_cast_to(const dlc_onnx_node_t *node, MlirValue x, MlirType elem, MlirValue *out) {
  if (mlirTypeEqual(dlc_onnx_elem(x), elem)) {
    *out = x;
    return NULL;
  }
  dlc_shape_t s;
  dlc_shape_from_type(mlirValueGetType(x), &s);
  s.elem = elem;
  return dlc_onnx_build(node, "cast", &x, 1, NULL, 0, dlc_shape_to_type(dlc_onnx_context(node), &s), out);
}

/* ---- unary ---- */

static const struct {
  const char *onnx, *dlc;
} dlc_unary_map[] = {
    {"Relu", "relu"},   {"Sigmoid", "sigmoid"}, {"Tanh", "tanh"},     {"Exp", "exp"},     {"Log", "log"},
    {"Sqrt", "sqrt"},   {"Erf", "erf"},         {"Neg", "neg"},       {"Abs", "abs"},     {"Reciprocal", "reciprocal"},
    {"Floor", "floor"}, {"Ceil", "ceil"},       {"Round", "round"},   {"Sign", "sign"},   {"Sin", "sin"},
    {"Cos", "cos"},     {"Not", "not"},         {"Softplus", "softplus"},
};

static dlcrt_status_t build_unary(const dlc_onnx_node_t *node) {
  for (size_t i = 0; i < sizeof(dlc_unary_map) / sizeof(dlc_unary_map[0]); ++i) {
    if (strcmp(node->proto->op_type, dlc_unary_map[i].onnx) != 0) continue;
    MlirValue x, y;
    DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_unary(node, dlc_unary_map[i].dlc, x, &y));
    return dlc_onnx_set_output(node, 0, y);
  }
  return dlc_onnx_node_error(node, DLCRT_STATUS_INTERNAL, "no unary mapping");
}

/* a OP scalar, with the scalar in a's element type. */
static dlcrt_status_t with_scalar(const dlc_onnx_node_t *node, const char *op, MlirValue a, double s, MlirValue *out) {
  MlirValue c;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_scalar_const(node, dlc_onnx_elem(a), s, &c));
  return dlc_onnx_binary(node, op, a, c, out);
}

/* x >= 0 ? pos : neg, the shape of LeakyRelu, PRelu, Elu and Selu. */
static dlcrt_status_t leaky(const dlc_onnx_node_t *node, MlirValue x, MlirValue pos, MlirValue neg, MlirValue *out) {
  MlirValue zero, cond;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_scalar_const(node, dlc_onnx_elem(x), 0, &zero));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "greater_equal", x, zero, &cond));
  MlirValue operands[3] = {cond, pos, neg};
  return dlc_onnx_build(node, "where", operands, 3, NULL, 0, (MlirType){NULL}, out);
}

static dlcrt_status_t build_activation(const dlc_onnx_node_t *node) {
  const char *op = node->proto->op_type;
  MlirValue x, y, t, u;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  double alpha, beta, gamma;
  if (strcmp(op, "LeakyRelu") == 0) {
    DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_float(node, "alpha", 0.01, &alpha));
    DLCRT_RETURN_IF_ERROR(with_scalar(node, "mul", x, alpha, &t));
    DLCRT_RETURN_IF_ERROR(leaky(node, x, x, t, &y));
  } else if (strcmp(op, "PRelu") == 0) {
    MlirValue slope;
    DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 1, &slope));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "mul", x, slope, &t));
    DLCRT_RETURN_IF_ERROR(leaky(node, x, x, t, &y));
  } else if (strcmp(op, "HardSigmoid") == 0) { /* max(0, min(1, alpha x + beta)) */
    DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_float(node, "alpha", 0.2, &alpha));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_float(node, "beta", 0.5, &beta));
    DLCRT_RETURN_IF_ERROR(with_scalar(node, "mul", x, alpha, &t));
    DLCRT_RETURN_IF_ERROR(with_scalar(node, "add", t, beta, &u));
    DLCRT_RETURN_IF_ERROR(with_scalar(node, "min", u, 1.0, &t));
    DLCRT_RETURN_IF_ERROR(with_scalar(node, "max", t, 0.0, &y));
  } else if (strcmp(op, "HardSwish") == 0) { /* x * max(0, min(1, x/6 + 1/2)) */
    DLCRT_RETURN_IF_ERROR(with_scalar(node, "mul", x, 1.0 / 6.0, &t));
    DLCRT_RETURN_IF_ERROR(with_scalar(node, "add", t, 0.5, &u));
    DLCRT_RETURN_IF_ERROR(with_scalar(node, "min", u, 1.0, &t));
    DLCRT_RETURN_IF_ERROR(with_scalar(node, "max", t, 0.0, &u));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "mul", x, u, &y));
  } else if (strcmp(op, "Elu") == 0 || strcmp(op, "Selu") == 0) { /* x >= 0 ? g x : g alpha (e^x - 1) */
    bool selu = op[0] == 'S';
    DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_float(node, "alpha", selu ? 1.67326319217681884765625 : 1.0, &alpha));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_float(node, "gamma", selu ? 1.05070102214813232421875 : 1.0, &gamma));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_unary(node, "exp", x, &t));
    DLCRT_RETURN_IF_ERROR(with_scalar(node, "sub", t, 1.0, &u));
    DLCRT_RETURN_IF_ERROR(with_scalar(node, "mul", u, alpha * gamma, &t));
    DLCRT_RETURN_IF_ERROR(with_scalar(node, "mul", x, gamma, &u));
    DLCRT_RETURN_IF_ERROR(leaky(node, x, u, t, &y));
  } else if (strcmp(op, "Celu") == 0) { /* max(0,x) + min(0, alpha (e^(x/alpha) - 1)) */
    DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_float(node, "alpha", 1.0, &alpha));
    DLCRT_RETURN_IF_ERROR(with_scalar(node, "div", x, alpha, &t));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_unary(node, "exp", t, &u));
    DLCRT_RETURN_IF_ERROR(with_scalar(node, "sub", u, 1.0, &t));
    DLCRT_RETURN_IF_ERROR(with_scalar(node, "mul", t, alpha, &u));
    DLCRT_RETURN_IF_ERROR(with_scalar(node, "min", u, 0.0, &t));
    DLCRT_RETURN_IF_ERROR(with_scalar(node, "max", x, 0.0, &u));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "add", u, t, &y));
  } else if (strcmp(op, "ThresholdedRelu") == 0) { /* x > alpha ? x : 0 */
    MlirValue a, zero, cond;
    DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_float(node, "alpha", 1.0, &alpha));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_scalar_const(node, dlc_onnx_elem(x), alpha, &a));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_scalar_const(node, dlc_onnx_elem(x), 0, &zero));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "greater", x, a, &cond));
    MlirValue operands[3] = {cond, x, zero};
    DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "where", operands, 3, NULL, 0, (MlirType){NULL}, &y));
  } else if (strcmp(op, "Softsign") == 0) { /* x / (1 + |x|) */
    DLCRT_RETURN_IF_ERROR(dlc_onnx_unary(node, "abs", x, &t));
    DLCRT_RETURN_IF_ERROR(with_scalar(node, "add", t, 1.0, &u));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "div", x, u, &y));
  } else { /* Clip: min/max are optional inputs, constant or runtime scalars */
    y = x;
    for (int i = 1; i <= 2; ++i) {
      if (!dlc_onnx_has_input(node, i)) continue;
      MlirValue bound;
      DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, i, &bound));
      DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, i == 1 ? "max" : "min", y, bound, &y));
    }
  }
  return dlc_onnx_set_output(node, 0, y);
}

/* ---- binary ---- */

static const struct {
  const char *onnx, *dlc;
} dlc_binary_map[] = {
    {"Add", "add"},       {"Sub", "sub"},     {"Mul", "mul"},         {"Div", "div"},
    {"Pow", "pow"},       {"Equal", "equal"}, {"Less", "less"},       {"LessOrEqual", "less_equal"},
    {"Greater", "greater"}, {"GreaterOrEqual", "greater_equal"},      {"And", "and"},
    {"Or", "or"},         {"Xor", "xor"},     {"Max", "max"},         {"Min", "min"},
    {"Sum", "add"},       {"Mean", "add"},    {"Mod", "mod"},
};

static const char *binary_name(const char *op_type) {
  for (size_t i = 0; i < sizeof(dlc_binary_map) / sizeof(dlc_binary_map[0]); ++i)
    if (strcmp(op_type, dlc_binary_map[i].onnx) == 0) return dlc_binary_map[i].dlc;
  return NULL;
}

static int64_t sym_fold(const char *op, int64_t a, int64_t b) {
  switch (op[0]) {
    case 'a': return a + b;
    case 's': return a - b;
    case 'm': return a * b;
    default: { /* integer Div truncates toward zero, like the dlc op */
      return b == 0 ? 0 : a / b;
    }
  }
}

/* Add/Sub/Mul/Div of two symbolic vectors (broadcasting a length-1 side). */
static bool try_symbolic_binary(const dlc_onnx_node_t *node, const char *op, dlcrt_status_t *st) {
  dlc_onnx_value_t a, b, r;
  if (!(strcmp(op, "add") == 0 || strcmp(op, "sub") == 0 || strcmp(op, "mul") == 0 || strcmp(op, "div") == 0))
    return false;
  if (!dlc_onnx_input_sym(node, 0, &a) || !dlc_onnx_input_sym(node, 1, &b)) return false;
  if (a.sym_len != b.sym_len && a.sym_len != 1 && b.sym_len != 1) return false;
  memset(&r, 0, sizeof(r));
  r.is_sym = true;
  r.sym_rank = a.sym_rank > b.sym_rank ? a.sym_rank : b.sym_rank;
  r.sym_len = a.sym_len > b.sym_len ? a.sym_len : b.sym_len;
  r.sym_dtype = a.sym_dtype;
  *st = NULL;
  for (int32_t k = 0; k < r.sym_len && !*st; ++k) {
    int32_t ka = a.sym_len == 1 ? 0 : k, kb = b.sym_len == 1 ? 0 : k;
    if (mlirValueIsNull(a.sym_runtime[ka]) && mlirValueIsNull(b.sym_runtime[kb])) {
      r.sym_known[k] = sym_fold(op, a.sym_known[ka], b.sym_known[kb]);
      continue;
    }
    MlirValue x, y;
    *st = dlc_onnx_sym_element(node, &a, ka, &x);
    if (!*st) *st = dlc_onnx_sym_element(node, &b, kb, &y);
    if (!*st) *st = dlc_onnx_binary(node, op, x, y, &r.sym_runtime[k]);
  }
  if (!*st) *st = dlc_onnx_set_output_sym(node, 0, &r);
  return true;
}

static dlcrt_status_t build_binary(const dlc_onnx_node_t *node) {
  const char *op = binary_name(node->proto->op_type);
  dlcrt_status_t st;
  if (dlc_onnx_num_inputs(node) == 2 && try_symbolic_binary(node, op, &st)) return st;
  MlirValue acc, rhs;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &acc));
  int n = dlc_onnx_num_inputs(node);
  if (n < 1 || (n < 2 && strcmp(op, "add") != 0 && strcmp(op, "max") != 0 && strcmp(op, "min") != 0))
    return dlc_onnx_node_error(node, DLCRT_STATUS_INVALID_ARGUMENT, "expected 2 inputs, got %d", n);
  for (int i = 1; i < n; ++i) {
    DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, i, &rhs));
    if (strcmp(op, "pow") == 0 && !mlirTypeIsAFloat(dlc_onnx_elem(acc))) { /* integer power, exact in f64 */
      MlirType f64 = mlirF64TypeGet(dlc_onnx_context(node)), elem = dlc_onnx_elem(acc);
      MlirValue a64, b64;
      DLCRT_RETURN_IF_ERROR(dlc_onnx_cast_to(node, acc, f64, &a64));
      DLCRT_RETURN_IF_ERROR(dlc_onnx_cast_to(node, rhs, f64, &b64));
      DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "pow", a64, b64, &acc));
      DLCRT_RETURN_IF_ERROR(dlc_onnx_cast_to(node, acc, elem, &acc));
      continue;
    }
    if (strcmp(op, "pow") == 0) DLCRT_RETURN_IF_ERROR(dlc_onnx_cast_to(node, rhs, dlc_onnx_elem(acc), &rhs));
    if (strcmp(op, "mod") == 0) {
      int64_t fmod;
      DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "fmod", 0, &fmod));
      MlirValue operands[2] = {acc, rhs};
      dlc_onnx_attr_kv_t kv = {"fmod", dlc_onnx_bool_attr(node, fmod != 0)};
      DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "mod", operands, 2, &kv, 1, (MlirType){NULL}, &acc));
      continue;
    }
    DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, op, acc, rhs, &acc));
  }
  if (strcmp(node->proto->op_type, "Mean") == 0 && n > 1)
    DLCRT_RETURN_IF_ERROR(with_scalar(node, "div", acc, (double)n, &acc));
  return dlc_onnx_set_output(node, 0, acc);
}

/* ---- Where, Cast, Identity-likes ---- */

static dlcrt_status_t build_where(const dlc_onnx_node_t *node) {
  MlirValue operands[3], y;
  for (int i = 0; i < 3; ++i) DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, i, &operands[i]));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "where", operands, 3, NULL, 0, (MlirType){NULL}, &y));
  return dlc_onnx_set_output(node, 0, y);
}

static dlcrt_status_t build_cast(const dlc_onnx_node_t *node) {
  dlcrt_dtype_t dtype;
  if (strcmp(node->proto->op_type, "CastLike") == 0) { /* the dtype of the second input */
    dlc_shape_t like;
    DLCRT_RETURN_IF_ERROR(dlc_onnx_input_shape(node, 1, &like));
    dtype = dlc_dtype_from_mlir(like.elem);
  } else {
    int64_t to;
    DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "to", 0, &to));
    dtype = dlc_onnx_dtype((int32_t)to);
    if (dtype == DLCRT_DTYPE_INVALID)
      return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "cast to %s is not supported",
                                 dlc_onnx_dtype_name((int32_t)to));
  }
  dlc_onnx_value_t sym;
  bool int_target = !dlcrt_dtype_is_float(dtype) && dtype != DLCRT_DTYPE_BOOL;
  if (int_target && dlc_onnx_input_sym(node, 0, &sym)) { /* shape arithmetic stays symbolic */
    sym.sym_dtype = dtype;
    return dlc_onnx_set_output_sym(node, 0, &sym);
  }
  MlirValue x, y;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_cast_to(node, x, dlc_dtype_to_mlir(dlc_onnx_context(node), dtype), &y));
  return dlc_onnx_set_output(node, 0, y);
}

const dlc_onnx_op_def_t dlc_onnx_elementwise_ops[] = {
    {"Relu", build_unary},     {"Sigmoid", build_unary},        {"Tanh", build_unary},
    {"Exp", build_unary},      {"Log", build_unary},            {"Sqrt", build_unary},
    {"Erf", build_unary},      {"Neg", build_unary},            {"Abs", build_unary},
    {"Reciprocal", build_unary}, {"Floor", build_unary},        {"Ceil", build_unary},
    {"Round", build_unary},    {"Sign", build_unary},           {"Sin", build_unary},
    {"Cos", build_unary},      {"Not", build_unary},            {"Softplus", build_unary},
    {"LeakyRelu", build_activation}, {"PRelu", build_activation}, {"HardSigmoid", build_activation},
    {"HardSwish", build_activation}, {"Elu", build_activation},  {"Selu", build_activation},
    {"Celu", build_activation}, {"ThresholdedRelu", build_activation}, {"Softsign", build_activation},
    {"Clip", build_activation},
    {"Add", build_binary},     {"Sub", build_binary},           {"Mul", build_binary},
    {"Div", build_binary},     {"Pow", build_binary},           {"Equal", build_binary},
    {"Less", build_binary},    {"LessOrEqual", build_binary},   {"Greater", build_binary},
    {"GreaterOrEqual", build_binary}, {"And", build_binary},    {"Or", build_binary},
    {"Xor", build_binary},     {"Max", build_binary},           {"Min", build_binary},
    {"Sum", build_binary},     {"Mean", build_binary},          {"Mod", build_binary},
    {"Where", build_where},    {"Cast", build_cast},            {"CastLike", build_cast},
    {NULL, NULL},
};
