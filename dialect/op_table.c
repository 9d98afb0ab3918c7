/* The dlc op table: one row per op of dialect/dlc.irdl.mlir, in dlc_op_kind_t order.
 * Verification, lowering, dlc-opt --help and docs/ops.md all read it, so they cannot disagree. */
#include <string.h>

#include "dlc/dialect.h"

static const dlc_op_info_t dlc_ops[DLC_OP_KIND_COUNT] = {
    {"relu", DLC_RELU, DLC_OPC_UNARY, "max(x, 0)"},
    {"gelu", DLC_GELU, DLC_OPC_UNARY, "Gaussian error linear unit; approximate = \"none\" | \"tanh\""},
    {"silu", DLC_SILU, DLC_OPC_UNARY, "x * sigmoid(x)"},
    {"sigmoid", DLC_SIGMOID, DLC_OPC_UNARY, "1 / (1 + exp(-x))"},
    {"tanh", DLC_TANH, DLC_OPC_UNARY, "hyperbolic tangent"},
    {"exp", DLC_EXP, DLC_OPC_UNARY, "e^x"},
    {"log", DLC_LOG, DLC_OPC_UNARY, "natural logarithm"},
    {"sqrt", DLC_SQRT, DLC_OPC_UNARY, "square root"},
    {"rsqrt", DLC_RSQRT, DLC_OPC_UNARY, "1 / sqrt(x)"},
    {"erf", DLC_ERF, DLC_OPC_UNARY, "error function"},
    {"neg", DLC_NEG, DLC_OPC_UNARY, "-x"},
    {"abs", DLC_ABS, DLC_OPC_UNARY, "|x|"},
    {"reciprocal", DLC_RECIPROCAL, DLC_OPC_UNARY, "1 / x"},
    {"floor", DLC_FLOOR, DLC_OPC_UNARY, "largest integer <= x"},
    {"ceil", DLC_CEIL, DLC_OPC_UNARY, "smallest integer >= x"},
    {"round", DLC_ROUND, DLC_OPC_UNARY, "nearest integer, halves to even (ONNX Round)"},
    {"sign", DLC_SIGN, DLC_OPC_UNARY, "-1, 0 or 1 by the sign of x (NaN stays NaN); floats and integers"},
    {"sin", DLC_SIN, DLC_OPC_UNARY, "sine"},
    {"cos", DLC_COS, DLC_OPC_UNARY, "cosine"},
    {"not", DLC_NOT, DLC_OPC_UNARY, "logical not (i1 only)"},
    {"softplus", DLC_SOFTPLUS, DLC_OPC_UNARY, "log(1 + exp(x)), computed as max(x, 0) + log1p(exp(-|x|))"},
    {"add", DLC_ADD, DLC_OPC_BINARY, "a + b, numpy broadcasting"},
    {"sub", DLC_SUB, DLC_OPC_BINARY, "a - b, numpy broadcasting"},
    {"mul", DLC_MUL, DLC_OPC_BINARY, "a * b, numpy broadcasting"},
    {"div", DLC_DIV, DLC_OPC_BINARY, "a / b, numpy broadcasting (integer division truncates)"},
    {"pow", DLC_POW, DLC_OPC_BINARY, "a ^ b, numpy broadcasting"},
    {"max", DLC_MAX, DLC_OPC_BINARY, "max(a, b), numpy broadcasting (NaN propagates)"},
    {"min", DLC_MIN, DLC_OPC_BINARY, "min(a, b), numpy broadcasting (NaN propagates)"},
    {"and", DLC_AND, DLC_OPC_BINARY, "a and b, numpy broadcasting (i1 only)"},
    {"or", DLC_OR, DLC_OPC_BINARY, "a or b, numpy broadcasting (i1 only)"},
    {"xor", DLC_XOR, DLC_OPC_BINARY, "a xor b, numpy broadcasting (i1 only)"},
    {"mod", DLC_MOD, DLC_OPC_BINARY,
     "remainder, numpy broadcasting; fmod = false (default): sign of the divisor (Python %), true: sign of the "
     "dividend (C fmod)"},
    {"equal", DLC_EQUAL, DLC_OPC_COMPARE, "a == b, numpy broadcasting, i1 result"},
    {"less", DLC_LESS, DLC_OPC_COMPARE, "a < b, numpy broadcasting, i1 result"},
    {"less_equal", DLC_LESS_EQUAL, DLC_OPC_COMPARE, "a <= b, numpy broadcasting, i1 result"},
    {"greater", DLC_GREATER, DLC_OPC_COMPARE, "a > b, numpy broadcasting, i1 result"},
    {"greater_equal", DLC_GREATER_EQUAL, DLC_OPC_COMPARE, "a >= b, numpy broadcasting, i1 result"},
    {"matmul", DLC_MATMUL, DLC_OPC_MATMUL,
     "batched matmul (rank >= 2), batch dims broadcast; optional transpose_a, transpose_b"},
    {"conv2d", DLC_CONV2D, DLC_OPC_CONV2D,
     "NCHW input, OIHW filter, optional bias [O]; strides, pads (t,l,b,r), dilations, groups"},
    {"max_pool2d", DLC_MAX_POOL2D, DLC_OPC_POOL2D, "NCHW max pooling; kernel, optional strides, pads (t,l,b,r)"},
    {"avg_pool2d", DLC_AVG_POOL2D, DLC_OPC_POOL2D,
     "NCHW average pooling; kernel, optional strides, pads (t,l,b,r), count_include_pad"},
    {"softmax", DLC_SOFTMAX, DLC_OPC_SOFTMAX, "softmax along axis (default -1)"},
    {"log_softmax", DLC_LOG_SOFTMAX, DLC_OPC_SOFTMAX, "log-softmax along axis (default -1)"},
    {"layer_norm", DLC_LAYER_NORM, DLC_OPC_LAYER_NORM,
     "(x - mean) / sqrt(var + epsilon) * scale + bias over dims [axis, rank); axis default -1, epsilon 1e-5"},
    {"reduce", DLC_REDUCE, DLC_OPC_REDUCE, "reduce kind = sum|mean|max|min|prod over axes; keepdims (default false)"},
    {"transpose", DLC_TRANSPOSE, DLC_OPC_TRANSPOSE, "permute dimensions by perm"},
    {"reshape", DLC_RESHAPE, DLC_OPC_RESHAPE,
     "reshape to the result type; one rank-0 tensor<i64> operand per dynamic result dim, or none and at most one "
     "dynamic dim, inferred from the element count"},
    {"concat", DLC_CONCAT, DLC_OPC_CONCAT, "concatenate lhs and rhs along axis (n-ary: a chain)"},
    {"slice", DLC_SLICE, DLC_OPC_SLICE,
     "strided slice: starts, ends (one per dim, clamped like ONNX, negative counts from the end), steps > 0"},
    {"gather", DLC_GATHER, DLC_OPC_GATHER, "numpy take along axis (default 0); negative indices wrap"},
    {"cast", DLC_CAST, DLC_OPC_CAST, "convert to the result element type"},
    {"where", DLC_WHERE, DLC_OPC_WHERE, "condition ? lhs : rhs, numpy broadcasting"},
    {"dim", DLC_DIM, DLC_OPC_DIM, "the runtime size of dim `axis` (negative counts from the end) as a tensor<i64>"},
    {"fill", DLC_FILL, DLC_OPC_FILL,
     "the declared type filled with the one-element `value`; one rank-0 tensor<i64> operand per dynamic dim"},
    {"range", DLC_RANGE, DLC_OPC_RANGE,
     "start + i * delta for i < max(ceil((limit - start) / delta), 0) (ONNX Range); rank-0 operands"},
    {"expand", DLC_EXPAND, DLC_OPC_EXPAND,
     "numpy-broadcast the input to the declared type (ONNX Expand); one rank-0 tensor<i64> per dynamic dim"},
    {"tile", DLC_TILE, DLC_OPC_TILE, "repeat the input `repeats` times along each dim (ONNX Tile)"},
    {"pad", DLC_PAD, DLC_OPC_PAD,
     "pad by `pads` (begins then ends; negative crops); mode = constant (with `value`) | reflect | edge"},
    {"trilu", DLC_TRILU, DLC_OPC_TRILU,
     "keep the upper (default) or lower triangle of the last two dims from diagonal k (attribute, or a rank-0 "
     "tensor<i64> operand); zero elsewhere"},
    {"argmax", DLC_ARGMAX, DLC_OPC_ARG_REDUCE,
     "i64 index of the largest element along axis (default 0); keepdims (true), select_last_index (false); NaN wins"},
    {"argmin", DLC_ARGMIN, DLC_OPC_ARG_REDUCE,
     "i64 index of the smallest element along axis (default 0); keepdims (true), select_last_index (false); NaN wins"},
    {"gather_elements", DLC_GATHER_ELEMENTS, DLC_OPC_GATHER_ELEMENTS,
     "ONNX GatherElements: data read at indices along axis (default 0); result shape = indices shape; negative "
     "indices wrap"},
    {"scatter_elements", DLC_SCATTER_ELEMENTS, DLC_OPC_SCATTER_ELEMENTS,
     "ONNX ScatterElements: data with updates written at indices along axis (default 0); reduction = none | add | "
     "mul | max | min (later updates win for none); negative indices wrap"},
    {"cumsum", DLC_CUMSUM, DLC_OPC_CUMSUM,
     "ONNX CumSum: running sum along axis; exclusive, reverse (default false)"},
    {"constant", DLC_CONSTANT, DLC_OPC_CONSTANT, "a tensor constant (dense or dense_resource elements)"},
};

const dlc_op_info_t *dlc_op_table(size_t *count) {
  *count = DLC_OP_KIND_COUNT;
  return dlc_ops;
}

const dlc_op_info_t *dlc_op_info(MlirOperation op) {
  MlirStringRef name = mlirIdentifierStr(mlirOperationGetName(op));
  if (name.length < 5 || memcmp(name.data, "dlc.", 4) != 0) return NULL;
  for (int i = 0; i < DLC_OP_KIND_COUNT; ++i) {
    size_t n = strlen(dlc_ops[i].name);
    if (name.length == n + 4 && memcmp(name.data + 4, dlc_ops[i].name, n) == 0) return &dlc_ops[i];
  }
  return NULL;
}

bool dlc_op_is(MlirOperation op, dlc_op_kind_t kind) {
  const dlc_op_info_t *info = dlc_op_info(op);
  return info && info->kind == kind;
}
