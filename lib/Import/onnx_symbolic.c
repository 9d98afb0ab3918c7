/* Known values and symbolic integer vectors of the ONNX importer (see onnx_importer.h): their lazy
 * materialization as MLIR tensors, and runtime dims (dlc.dim). A symbolic vector whose elements are
 * all known materializes as one constant; otherwise each element becomes a rank-0 tensor<i64>
 * (constant or runtime) and the vector is assembled with reshape + concat, so dynamic shape
 * arithmetic stays in the IR as scalar ops. */
#include <string.h>

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "onnx_importer.h"

static MlirType dlc_i64(const dlc_onnx_node_t *node) { return mlirIntegerTypeGet(node->imp->ctx, 64); }

dlcrt_status_t dlc_onnx_dim(const dlc_onnx_node_t *node, MlirValue x, int32_t d, MlirValue *out) {
  dlc_shape_t s;
  dlc_shape_from_type(mlirValueGetType(x), &s);
  if (s.dims[d] != DLC_DYN) return dlc_onnx_scalar_const(node, dlc_i64(node), (double)s.dims[d], out);
  dlc_onnx_attr_kv_t axis = {"axis", dlc_onnx_i64_attr(node, d)};
  return dlc_onnx_build(node, "dim", &x, 1, &axis, 1, mlirRankedTensorTypeGet(0, NULL, dlc_i64(node), mlirAttributeGetNull()),
                        out);
}

dlcrt_status_t dlc_onnx_sym_element(const dlc_onnx_node_t *node, const dlc_onnx_value_t *sym, int32_t k,
                                    MlirValue *out) {
  if (!mlirValueIsNull(sym->sym_runtime[k])) {
    *out = sym->sym_runtime[k];
    return NULL;
  }
  return dlc_onnx_scalar_const(node, dlc_i64(node), (double)sym->sym_known[k], out);
}

bool dlc_onnx_input_sym(const dlc_onnx_node_t *node, int i, dlc_onnx_value_t *out) {
  if (!dlc_onnx_has_input(node, i)) return false;
  dlc_onnx_value_t *v = dlc_onnx_lookup(node->imp, node->proto->input[i]);
  if (!v) return false;
  if (v->is_sym) {
    *out = *v;
    return true;
  }
  if (!v->has_host || dlcrt_dtype_is_float(v->host.dtype) || v->host.dtype == DLCRT_DTYPE_BOOL || v->host.rank > 1)
    return false;
  int64_t n = dlcrt_tensor_element_count(&v->host);
  if (n > DLC_SYM_MAX) return false;
  memset(out, 0, sizeof(*out));
  out->is_sym = true;
  out->sym_rank = v->host.rank;
  out->sym_len = (int32_t)n;
  out->sym_dtype = v->host.dtype;
  for (int64_t k = 0; k < n; ++k) out->sym_known[k] = (int64_t)dlcrt_tensor_get_f64(&v->host, k);
  return true;
}

static bool dlc_sym_all_known(const dlc_onnx_value_t *v) {
  for (int32_t k = 0; k < v->sym_len; ++k)
    if (!mlirValueIsNull(v->sym_runtime[k])) return false;
  return true;
}

/* Builds the MLIR value of a symbolic vector with runtime elements. */
static dlcrt_status_t dlc_materialize_runtime_sym(const dlc_onnx_node_t *node, dlc_onnx_value_t *v, MlirValue *out) {
  MlirValue acc = {NULL};
  dlc_shape_t one = {.rank = 1, .dims = {1}};
  for (int32_t k = 0; k < v->sym_len; ++k) {
    MlirValue scalar, piece;
    DLCRT_RETURN_IF_ERROR(dlc_onnx_sym_element(node, v, k, &scalar));
    if (v->sym_rank == 0) {
      acc = scalar;
      break;
    }
    DLCRT_RETURN_IF_ERROR(dlc_onnx_reshape(node, scalar, &one, NULL, &piece));
    if (mlirValueIsNull(acc)) {
      acc = piece;
    } else {
      MlirValue operands[2] = {acc, piece};
      dlc_onnx_attr_kv_t axis = {"axis", dlc_onnx_i64_attr(node, 0)};
      DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "concat", operands, 2, &axis, 1, (MlirType){NULL}, &acc));
    }
  }
  if (v->sym_dtype != DLCRT_DTYPE_I64 && v->sym_dtype != DLCRT_DTYPE_INVALID) {
    dlc_shape_t s;
    dlc_shape_from_type(mlirValueGetType(acc), &s);
    s.elem = dlc_dtype_to_mlir(node->imp->ctx, v->sym_dtype);
    DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "cast", &acc, 1, NULL, 0, dlc_shape_to_type(node->imp->ctx, &s), &acc));
  }
  *out = acc;
  return NULL;
}

dlcrt_status_t dlc_onnx_materialize(const dlc_onnx_node_t *node, dlc_onnx_value_t *v) {
  if (!mlirValueIsNull(v->value)) return NULL;
  if (v->has_host) {
    DLCRT_RETURN_IF_ERROR(dlc_onnx_const_named(node, &v->host, v->name, &v->value));
    /* Large weights are now owned by MLIR; keep only small constants on the host for folding. */
    if (dlcrt_tensor_element_count(&v->host) > DLC_HOST_CONST_MAX) {
      dlcrt_tensor_release(&v->host);
      v->has_host = false;
    }
    return NULL;
  }
  if (v->is_sym) {
    if (dlc_sym_all_known(v)) {
      dlcrt_tensor_t t;
      int64_t len = v->sym_len;
      dlcrt_dtype_t dtype = v->sym_dtype == DLCRT_DTYPE_INVALID ? DLCRT_DTYPE_I64 : v->sym_dtype;
      DLCRT_RETURN_IF_ERROR(dlcrt_tensor_create(dlcrt_allocator_system(), dtype, v->sym_rank, &len, &t));
      for (int32_t k = 0; k < v->sym_len; ++k) dlcrt_tensor_set_f64(&t, k, (double)v->sym_known[k]);
      dlcrt_status_t st = dlc_onnx_const_tensor(node, &t, &v->value);
      dlcrt_tensor_release(&t);
      return st;
    }
    return dlc_materialize_runtime_sym(node, v, &v->value);
  }
  return dlc_onnx_node_error(node, DLCRT_STATUS_INTERNAL, "value '%s' has no definition", v->name ? v->name : "");
}
