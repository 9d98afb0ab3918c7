/* The dlc dialect: loading its IRDL definition, the op table (one entry per op, with its class
 * and kind, which drive verification, lowering and docs), attribute accessors with defaults,
 * and the shape/dtype verifier that IRDL cannot express. */
#ifndef DLC_DIALECT_H
#define DLC_DIALECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dlc/mlir_util.h"
#include "dlc/status.h"
#include "mlir-c/IR.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum dlc_op_class_e {
  DLC_OPC_UNARY,      /* elementwise, one operand */
  DLC_OPC_BINARY,     /* elementwise, two operands, numpy broadcasting */
  DLC_OPC_COMPARE,    /* like binary, i1 result */
  DLC_OPC_MATMUL,
  DLC_OPC_CONV2D,
  DLC_OPC_POOL2D,
  DLC_OPC_SOFTMAX,    /* softmax and log_softmax */
  DLC_OPC_LAYER_NORM,
  DLC_OPC_REDUCE,
  DLC_OPC_TRANSPOSE,
  DLC_OPC_RESHAPE,
  DLC_OPC_CONCAT,
  DLC_OPC_SLICE,
  DLC_OPC_GATHER,
  DLC_OPC_CAST,
  DLC_OPC_WHERE,
  DLC_OPC_DIM,        /* runtime size of one dim, as a rank-0 tensor<i64> */
  DLC_OPC_FILL,       /* splat of the declared type; runtime dims as operands */
  DLC_OPC_RANGE,
  DLC_OPC_EXPAND,     /* broadcast to the declared type; runtime dims as operands */
  DLC_OPC_TILE,
  DLC_OPC_PAD,
  DLC_OPC_TRILU,
  DLC_OPC_ARG_REDUCE, /* argmax and argmin */
  DLC_OPC_GATHER_ELEMENTS,
  DLC_OPC_SCATTER_ELEMENTS,
  DLC_OPC_CUMSUM,
  DLC_OPC_CONSTANT,
} dlc_op_class_t;

typedef enum dlc_op_kind_e {
  /* unary */
  DLC_RELU, DLC_GELU, DLC_SILU, DLC_SIGMOID, DLC_TANH, DLC_EXP, DLC_LOG, DLC_SQRT, DLC_RSQRT, DLC_ERF,
  DLC_NEG, DLC_ABS, DLC_RECIPROCAL, DLC_FLOOR, DLC_CEIL, DLC_ROUND, DLC_SIGN, DLC_SIN, DLC_COS, DLC_NOT,
  DLC_SOFTPLUS,
  /* binary */
  DLC_ADD, DLC_SUB, DLC_MUL, DLC_DIV, DLC_POW, DLC_MAX, DLC_MIN, DLC_AND, DLC_OR, DLC_XOR, DLC_MOD,
  /* compare */
  DLC_EQUAL, DLC_LESS, DLC_LESS_EQUAL, DLC_GREATER, DLC_GREATER_EQUAL,
  /* the rest: one op per class */
  DLC_MATMUL, DLC_CONV2D, DLC_MAX_POOL2D, DLC_AVG_POOL2D, DLC_SOFTMAX, DLC_LOG_SOFTMAX, DLC_LAYER_NORM,
  DLC_REDUCE, DLC_TRANSPOSE, DLC_RESHAPE, DLC_CONCAT, DLC_SLICE, DLC_GATHER, DLC_CAST, DLC_WHERE,
  DLC_DIM, DLC_FILL, DLC_RANGE, DLC_EXPAND, DLC_TILE, DLC_PAD, DLC_TRILU, DLC_ARGMAX, DLC_ARGMIN,
  DLC_GATHER_ELEMENTS, DLC_SCATTER_ELEMENTS, DLC_CUMSUM,
  DLC_CONSTANT,
  DLC_OP_KIND_COUNT
} dlc_op_kind_t;

typedef struct dlc_op_info_t {
  const char *name;      /* without the "dlc." prefix */
  dlc_op_kind_t kind;
  dlc_op_class_t op_class;
  const char *summary;   /* one line, for docs and --help */
} dlc_op_info_t;

/* All ops, in dlc_op_kind_t order. */
const dlc_op_info_t *dlc_op_table(size_t *count);
/* The info of a dlc op, or NULL when `op` is not in the dlc dialect. */
const dlc_op_info_t *dlc_op_info(MlirOperation op);
bool dlc_op_is(MlirOperation op, dlc_op_kind_t kind);

/* Loads the IRDL dialect into `ctx` (once per context) and checks that every op of the table exists. */
dlcrt_status_t dlc_dialect_load(MlirContext ctx);

/* Attribute accessors: a missing attribute yields `dflt`; one of the wrong kind is an error. */
dlcrt_status_t dlc_attr_i64(MlirOperation op, const char *name, int64_t dflt, int64_t *out);
dlcrt_status_t dlc_attr_f64(MlirOperation op, const char *name, double dflt, double *out);
dlcrt_status_t dlc_attr_bool(MlirOperation op, const char *name, bool dflt, bool *out);
/* A boolean flag such as a matmul's transpose_a, for pattern matchers: missing -> false, and one of the
 * wrong kind counts as set (so that a matcher refuses what it cannot read). */
bool dlc_attr_flag(MlirOperation op, const char *name);
/* `*out` points into the context (valid as long as the attribute); missing -> dflt. */
dlcrt_status_t dlc_attr_str(MlirOperation op, const char *name, const char *dflt, MlirStringRef *out);
/* Copies an array<i64: ...> attribute into `out` (capacity `cap`); missing -> *count = -1. */
dlcrt_status_t dlc_attr_i64_array(MlirOperation op, const char *name, int64_t *out, int32_t cap, int32_t *count);

/* Checks one dlc op's operand and result types and attributes. The message names the op,
 * the operand and what was expected ("operand #1 (rhs): expected ..., got tensor<...>"). */
dlcrt_status_t dlc_verify_op(MlirOperation op);
/* Fusion groups. IRDL variadics must share one type, so a fusion group is not an op: it is a private
 * func.func (its body; one fused function becomes one kernel) carrying a `dlc.fusion` dictionary
 * attribute with the schedule: kind = "loop" | "input" | "stitch" | "gemm_chain" | "attention" | "conv_chain"
 * (required), and tile, vpad (array<i64>, sizes >= 1), threads, ilp (1..1024). Calls launch it. */
#define DLC_FUSION_ATTR "dlc.fusion"
bool dlc_is_fusion_func(MlirOperation op);
dlcrt_status_t dlc_verify_fusion_func(MlirOperation fn);

/* Sets result #0's type to what the operands and attributes imply (for builders such as the ONNX
 * importer, which create ops with a placeholder result type). dlc.reshape, dlc.cast, dlc.fill and
 * dlc.expand keep their declared (target) type and are only checked; dlc.range keeps a declared
 * rank-1 type (its length is a runtime value) and otherwise gets tensor<?xT>. */
dlcrt_status_t dlc_infer_result_type(MlirOperation op);
/* Verifies every dlc op under `root`, emitting an MLIR error diagnostic at each bad op's location.
 * Returns the number of ops that failed. */
int dlc_verify_all(MlirOperation root);

#ifdef __cplusplus
}
#endif
#endif /* DLC_DIALECT_H */
