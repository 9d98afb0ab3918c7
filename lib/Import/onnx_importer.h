/* Internal interface of the ONNX importer (lib/Import). The importer walks a ModelProto's graph in
 * order and builds one func.func in the dlc dialect. Each ONNX value is tracked as:
 *   - a tensor: an MLIR value (`value`), or
 *   - a known constant on the host (`host`, only for small tensors: shape arithmetic folds on them), or
 *   - a symbolic integer vector (`sym`): a rank-0/1 integer tensor produced by shape computations,
 *     whose elements are each a known integer or a runtime rank-0 tensor<i64> (from dlc.dim).
 * Known and symbolic values are materialized as MLIR values only when an op needs them as tensors,
 * so Shape -> Gather -> Concat -> Reshape chains fold away where shapes are static and stay as
 * scalar shape arithmetic where they are dynamic.
 *
 * Op builders (onnx_ops_*.c) take a dlc_onnx_node_t and use the accessors below; they report errors
 * with dlc_onnx_node_error, which names the model file, node, op_type and opset. */
#ifndef DLC_LIB_IMPORT_ONNX_IMPORTER_H
#define DLC_LIB_IMPORT_ONNX_IMPORTER_H

#include <stdbool.h>
#include <stdint.h>

#include "dlc/dialect.h"
#include "dlc/tensor.h"
#include "onnx/onnx.pb-c.h"

#define DLC_SYM_MAX 16          /* longest symbolic vector (shape rank) */
#define DLC_HOST_CONST_MAX 4096 /* largest constant also kept on the host for folding */

typedef struct dlc_onnx_value_t {
  char *name;
  MlirValue value;     /* null until materialized */
  bool has_host;
  dlcrt_tensor_t host; /* known contents */
  bool is_sym;
  int32_t sym_rank; /* 0 or 1 */
  int32_t sym_len;
  int64_t sym_known[DLC_SYM_MAX];
  MlirValue sym_runtime[DLC_SYM_MAX]; /* null where the element is known */
  dlcrt_dtype_t sym_dtype;            /* the ONNX dtype of the vector (i64 or i32) */
} dlc_onnx_value_t;

typedef struct dlc_onnx_importer_t dlc_onnx_importer_t;

typedef struct dlc_onnx_node_t {
  dlc_onnx_importer_t *imp;
  const Onnx__NodeProto *proto;
  MlirLocation loc;
  int64_t opset; /* of the default (ai.onnx) domain */
} dlc_onnx_node_t;

MlirContext dlc_onnx_context(const dlc_onnx_node_t *node);

/* ---- errors ---- */
dlcrt_status_t dlc_onnx_node_error(const dlc_onnx_node_t *node, dlcrt_status_code_t code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- inputs ---- */
int dlc_onnx_num_inputs(const dlc_onnx_node_t *node);
/* False when input i is absent or named "" (an omitted optional input). */
bool dlc_onnx_has_input(const dlc_onnx_node_t *node, int i);
dlcrt_status_t dlc_onnx_input_info(const dlc_onnx_node_t *node, int i, dlc_onnx_value_t **out);
/* Input i as an MLIR tensor value (materializing constants and symbolic vectors). */
dlcrt_status_t dlc_onnx_input(const dlc_onnx_node_t *node, int i, MlirValue *out);
/* Input i's ranked tensor shape. */
dlcrt_status_t dlc_onnx_input_shape(const dlc_onnx_node_t *node, int i, dlc_shape_t *out);
/* Input i as a known integer vector (all elements known), e.g. Reshape's shape or Slice's starts;
 * `what` names it in the error when it is not known at compile time. */
dlcrt_status_t dlc_onnx_input_ints(const dlc_onnx_node_t *node, int i, const char *what, int64_t *out, int32_t cap,
                                   int32_t *count);
/* Input i as a known scalar (any numeric dtype, converted to double); the try_ form reports whether
 * it is one without making an error. */
bool dlc_onnx_try_input_scalar(const dlc_onnx_node_t *node, int i, double *out);
dlcrt_status_t dlc_onnx_input_scalar(const dlc_onnx_node_t *node, int i, const char *what, double *out);

/* ---- attributes (missing -> default; wrong kind -> error naming the attribute) ---- */
const Onnx__AttributeProto *dlc_onnx_attr(const dlc_onnx_node_t *node, const char *name);
dlcrt_status_t dlc_onnx_attr_int(const dlc_onnx_node_t *node, const char *name, int64_t dflt, int64_t *out);
dlcrt_status_t dlc_onnx_attr_float(const dlc_onnx_node_t *node, const char *name, double dflt, double *out);
dlcrt_status_t dlc_onnx_attr_string(const dlc_onnx_node_t *node, const char *name, const char *dflt, char *out,
                                    size_t cap);
/* *count = -1 when absent. */
dlcrt_status_t dlc_onnx_attr_ints(const dlc_onnx_node_t *node, const char *name, int64_t *out, int32_t cap,
                                  int32_t *count);
/* Tensor attribute as a host tensor (caller releases). */
dlcrt_status_t dlc_onnx_attr_tensor(const dlc_onnx_node_t *node, const char *name, dlcrt_tensor_t *out);

/* ---- building ops ---- */
typedef struct dlc_onnx_attr_kv_t {
  const char *name;
  MlirAttribute value;
} dlc_onnx_attr_kv_t;

/* Creates "dlc.<op>" (or any op name containing a '.') at the end of the function body with the given
 * operands and attributes. The result type is inferred by the dlc verifier (dlc_infer_result_type);
 * `result_type` is needed only for ops that take their target from it (reshape, cast, fill...), else
 * pass a null type. Verification failures become node errors. */
dlcrt_status_t dlc_onnx_build(const dlc_onnx_node_t *node, const char *op, const MlirValue *operands, int n,
                              const dlc_onnx_attr_kv_t *attrs, int nattrs, MlirType result_type, MlirValue *out);
/* Shorthands for the common shapes of op. */
dlcrt_status_t dlc_onnx_unary(const dlc_onnx_node_t *node, const char *op, MlirValue x, MlirValue *out);
dlcrt_status_t dlc_onnx_binary(const dlc_onnx_node_t *node, const char *op, MlirValue a, MlirValue b, MlirValue *out);
/* A rank-0 constant of element type `elem` (a dlc.constant). */
dlcrt_status_t dlc_onnx_scalar_const(const dlc_onnx_node_t *node, MlirType elem, double v, MlirValue *out);
/* A dlc.constant holding `t`; a large one becomes a dense_resource blob named after `name`
 * (dlc_onnx_const_tensor names it after the node's first output). */
dlcrt_status_t dlc_onnx_const_named(const dlc_onnx_node_t *node, const dlcrt_tensor_t *t, const char *name,
                                    MlirValue *out);
dlcrt_status_t dlc_onnx_const_tensor(const dlc_onnx_node_t *node, const dlcrt_tensor_t *t, MlirValue *out);
/* dlc.reshape of x to `shape` (dims may be DLC_DYN; runtime sizes then come from `dyn`, one rank-0
 * tensor<i64> per dynamic dim, or are inferred when there is exactly one and `dyn` is NULL). */
dlcrt_status_t dlc_onnx_reshape(const dlc_onnx_node_t *node, MlirValue x, const dlc_shape_t *shape,
                                const MlirValue *dyn, MlirValue *out);

/* Attribute constructors. */
MlirAttribute dlc_onnx_i64_attr(const dlc_onnx_node_t *node, int64_t v);
MlirAttribute dlc_onnx_f32_attr(const dlc_onnx_node_t *node, double v);
MlirAttribute dlc_onnx_bool_attr(const dlc_onnx_node_t *node, bool v);
MlirAttribute dlc_onnx_str_attr(const dlc_onnx_node_t *node, const char *v);
MlirAttribute dlc_onnx_i64_array_attr(const dlc_onnx_node_t *node, const int64_t *v, int32_t n);

/* ---- outputs ---- */
int dlc_onnx_num_outputs(const dlc_onnx_node_t *node);
dlcrt_status_t dlc_onnx_set_output(const dlc_onnx_node_t *node, int i, MlirValue value);
/* Output i is a known constant (takes ownership of `t`). */
dlcrt_status_t dlc_onnx_set_output_host(const dlc_onnx_node_t *node, int i, dlcrt_tensor_t *t);
/* Output i is a symbolic integer vector (copied). */
dlcrt_status_t dlc_onnx_set_output_sym(const dlc_onnx_node_t *node, int i, const dlc_onnx_value_t *sym);

/* ---- symbolic integer vectors (onnx_symbolic.c) ---- */
/* Views input i as a symbolic vector when it is one, or a small known integer tensor; false otherwise. */
bool dlc_onnx_input_sym(const dlc_onnx_node_t *node, int i, dlc_onnx_value_t *out);
/* Element k as a rank-0 tensor<i64> value (constant or runtime). */
dlcrt_status_t dlc_onnx_sym_element(const dlc_onnx_node_t *node, const dlc_onnx_value_t *sym, int32_t k,
                                    MlirValue *out);
/* A rank-0 tensor<i64> holding dim d of x (a dlc.dim op, or a constant when static). */
dlcrt_status_t dlc_onnx_dim(const dlc_onnx_node_t *node, MlirValue x, int32_t d, MlirValue *out);

/* ---- dtypes ---- */
/* ONNX TensorProto.DataType -> runtime dtype (INVALID when DLC does not support it). */
dlcrt_dtype_t dlc_onnx_dtype(int32_t onnx_type);
const char *dlc_onnx_dtype_name(int32_t onnx_type);

/* ---- tensors (onnx_tensor.c) ---- */
/* Decodes a TensorProto (raw_data or typed fields; external data relative to `base_dir`). */
dlcrt_status_t dlc_onnx_tensor_decode(const Onnx__TensorProto *t, const char *base_dir, dlcrt_tensor_t *out);
/* An MLIR elements attribute for `t`: dense for small tensors, a dense_resource blob named `name`
 * otherwise (the blob is copied and owned by MLIR). */
MlirAttribute dlc_onnx_elements_attr(MlirContext ctx, const dlcrt_tensor_t *t, const char *name);

/* ---- importer state (onnx_graph.c owns it; onnx_node.c and onnx_symbolic.c read it) ---- */
struct dlc_onnx_importer_t {
  MlirContext ctx;
  const char *path;     /* the model file, for messages */
  char base_dir[4096];  /* where external data lives */
  int64_t opset;
  MlirBlock body;       /* the function body being built */
  MlirLocation file_loc;
  dlc_onnx_value_t *values;
  size_t num_values, cap_values;
  size_t *table; /* open-addressing hash of name -> value index + 1 */
  size_t table_cap;
};

/* Looks up a value by ONNX name (NULL when unknown). */
dlc_onnx_value_t *dlc_onnx_lookup(dlc_onnx_importer_t *imp, const char *name);
/* Adds (or replaces) the value named `name`; returns it zeroed except for the name. */
dlcrt_status_t dlc_onnx_define(dlc_onnx_importer_t *imp, const char *name, dlc_onnx_value_t **out);
/* Materializes a known or symbolic value as an MLIR tensor (onnx_symbolic.c). */
dlcrt_status_t dlc_onnx_materialize(const dlc_onnx_node_t *node, dlc_onnx_value_t *v);
void dlc_onnx_value_release(dlc_onnx_value_t *v);

/* ---- op builders: one table, implemented across onnx_ops_*.c ---- */
typedef dlcrt_status_t (*dlc_onnx_builder_fn)(const dlc_onnx_node_t *node);
typedef struct dlc_onnx_op_def_t {
  const char *op_type;
  dlc_onnx_builder_fn build;
} dlc_onnx_op_def_t;
/* The builder for `op_type`, or NULL when DLC does not support it. */
dlc_onnx_builder_fn dlc_onnx_find_builder(const char *op_type);

#endif /* DLC_LIB_IMPORT_ONNX_IMPORTER_H */
