/* The node-level API of the ONNX importer (see onnx_importer.h): errors that name the node, input and
 * attribute accessors, op creation with inferred result types, and output binding. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "onnx_importer.h"

MlirContext dlc_onnx_context(const dlc_onnx_node_t *node) { return node->imp->ctx; }

dlcrt_status_t dlc_onnx_node_error(const dlc_onnx_node_t *node, dlcrt_status_code_t code, const char *fmt, ...) {
  char msg[1024];
  va_list args;
  va_start(args, fmt);
  vsnprintf(msg, sizeof(msg), fmt, args);
  va_end(args);
  if (!node->proto) return dlcrt_make_status(code, "%s: %s", node->imp->path, msg);
  const char *name = node->proto->name && *node->proto->name ? node->proto->name : "<unnamed>";
  return dlcrt_make_status(code, "%s: node '%s' (%s, opset %lld): %s", node->imp->path, name,
                           node->proto->op_type ? node->proto->op_type : "?", (long long)node->opset, msg);
}

/* ---- inputs ---- */

int dlc_onnx_num_inputs(const dlc_onnx_node_t *node) { return (int)node->proto->n_input; }

bool dlc_onnx_has_input(const dlc_onnx_node_t *node, int i) {
  return i >= 0 && (size_t)i < node->proto->n_input && node->proto->input[i] && node->proto->input[i][0];
}

dlcrt_status_t dlc_onnx_input_info(const dlc_onnx_node_t *node, int i, dlc_onnx_value_t **out) {
  if (!dlc_onnx_has_input(node, i))
    return dlc_onnx_node_error(node, DLCRT_STATUS_INVALID_ARGUMENT, "input #%d is required but missing", i);
  *out = dlc_onnx_lookup(node->imp, node->proto->input[i]);
  if (!*out)
    return dlc_onnx_node_error(node, DLCRT_STATUS_INVALID_ARGUMENT,
                               "input #%d '%s' is not defined by any graph input, initializer or earlier node", i,
                               node->proto->input[i]);
  return NULL;
}

dlcrt_status_t dlc_onnx_input(const dlc_onnx_node_t *node, int i, MlirValue *out) {
  dlc_onnx_value_t *v;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input_info(node, i, &v));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_materialize(node, v));
  *out = v->value;
  return NULL;
}

dlcrt_status_t dlc_onnx_input_shape(const dlc_onnx_node_t *node, int i, dlc_shape_t *out) {
  dlc_onnx_value_t *v;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input_info(node, i, &v));
  if (mlirValueIsNull(v->value) && v->has_host) {
    out->rank = v->host.rank;
    memcpy(out->dims, v->host.shape, sizeof(int64_t) * (size_t)v->host.rank);
    out->elem = dlc_dtype_to_mlir(node->imp->ctx, v->host.dtype);
    return NULL;
  }
  if (mlirValueIsNull(v->value) && v->is_sym) {
    out->rank = v->sym_rank;
    out->dims[0] = v->sym_len;
    out->elem = dlc_dtype_to_mlir(node->imp->ctx, v->sym_dtype);
    return NULL;
  }
  DLCRT_RETURN_IF_ERROR(dlc_onnx_materialize(node, v));
  if (!dlc_shape_from_type(mlirValueGetType(v->value), out))
    return dlc_onnx_node_error(node, DLCRT_STATUS_INTERNAL, "input #%d is not a ranked tensor", i);
  return NULL;
}

dlcrt_status_t dlc_onnx_input_ints(const dlc_onnx_node_t *node, int i, const char *what, int64_t *out, int32_t cap,
                                   int32_t *count) {
  dlc_onnx_value_t *v;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input_info(node, i, &v));
  if (v->has_host && !dlcrt_dtype_is_float(v->host.dtype) && v->host.rank <= 1) {
    int64_t n = dlcrt_tensor_element_count(&v->host);
    if (n > cap) return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "%s has %lld entries (at most %d)", what, (long long)n, (int)cap);
    for (int64_t k = 0; k < n; ++k) out[k] = (int64_t)dlcrt_tensor_get_f64(&v->host, k);
    *count = (int32_t)n;
    return NULL;
  }
  if (v->is_sym) {
    for (int32_t k = 0; k < v->sym_len; ++k) {
      if (!mlirValueIsNull(v->sym_runtime[k]))
        return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED,
                                   "%s depends on a dynamic dimension and must be known at compile time", what);
      if (k < cap) out[k] = v->sym_known[k];
    }
    if (v->sym_len > cap) return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "%s has too many entries", what);
    *count = v->sym_len;
    return NULL;
  }
  return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "%s (input #%d) must be a constant integer tensor", what, i);
}

bool dlc_onnx_try_input_scalar(const dlc_onnx_node_t *node, int i, double *out) {
  dlc_onnx_value_t *v = dlc_onnx_has_input(node, i) ? dlc_onnx_lookup(node->imp, node->proto->input[i]) : NULL;
  if (v && v->has_host && dlcrt_tensor_element_count(&v->host) == 1) {
    *out = dlcrt_tensor_get_f64(&v->host, 0);
    return true;
  }
  if (v && v->is_sym && v->sym_len == 1 && mlirValueIsNull(v->sym_runtime[0])) {
    *out = (double)v->sym_known[0];
    return true;
  }
  return false;
}

dlcrt_status_t dlc_onnx_input_scalar(const dlc_onnx_node_t *node, int i, const char *what, double *out) {
  dlc_onnx_value_t *v;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input_info(node, i, &v));
  if (dlc_onnx_try_input_scalar(node, i, out)) return NULL;
  return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "%s (input #%d) must be a constant scalar", what, i);
}

/* ---- attributes ---- */

const Onnx__AttributeProto *dlc_onnx_attr(const dlc_onnx_node_t *node, const char *name) {
  for (size_t i = 0; i < node->proto->n_attribute; ++i)
    if (node->proto->attribute[i]->name && strcmp(node->proto->attribute[i]->name, name) == 0)
      return node->proto->attribute[i];
  return NULL;
}

static dlcrt_status_t dlc_attr_kind(const dlc_onnx_node_t *node, const Onnx__AttributeProto *a, int kind,
                                    const char *expected) {
  if (a->has_type && (int)a->type != kind)
    return dlc_onnx_node_error(node, DLCRT_STATUS_INVALID_ARGUMENT, "attribute '%s' must be %s", a->name, expected);
  return NULL;
}

dlcrt_status_t dlc_onnx_attr_int(const dlc_onnx_node_t *node, const char *name, int64_t dflt, int64_t *out) {
  const Onnx__AttributeProto *a = dlc_onnx_attr(node, name);
  *out = dflt;
  if (!a) return NULL;
  DLCRT_RETURN_IF_ERROR(dlc_attr_kind(node, a, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INT, "an int"));
  *out = a->i;
  return NULL;
}

dlcrt_status_t dlc_onnx_attr_float(const dlc_onnx_node_t *node, const char *name, double dflt, double *out) {
  const Onnx__AttributeProto *a = dlc_onnx_attr(node, name);
  *out = dflt;
  if (!a) return NULL;
  DLCRT_RETURN_IF_ERROR(dlc_attr_kind(node, a, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__FLOAT, "a float"));
  *out = a->f;
  return NULL;
}

dlcrt_status_t dlc_onnx_attr_string(const dlc_onnx_node_t *node, const char *name, const char *dflt, char *out,
                                    size_t cap) {
  const Onnx__AttributeProto *a = dlc_onnx_attr(node, name);
  snprintf(out, cap, "%s", dflt);
  if (!a) return NULL;
  DLCRT_RETURN_IF_ERROR(dlc_attr_kind(node, a, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__STRING, "a string"));
  size_t n = a->s.len < cap - 1 ? a->s.len : cap - 1;
  memcpy(out, a->s.data, n);
  out[n] = '\0';
  return NULL;
}

dlcrt_status_t dlc_onnx_attr_ints(const dlc_onnx_node_t *node, const char *name, int64_t *out, int32_t cap,
                                  int32_t *count) {
  const Onnx__AttributeProto *a = dlc_onnx_attr(node, name);
  *count = -1;
  if (!a) return NULL;
  DLCRT_RETURN_IF_ERROR(dlc_attr_kind(node, a, ONNX__ATTRIBUTE_PROTO__ATTRIBUTE_TYPE__INTS, "a list of ints"));
  if (a->n_ints > (size_t)cap)
    return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "attribute '%s' has %zu entries (at most %d)", name,
                               a->n_ints, (int)cap);
  memcpy(out, a->ints, a->n_ints * sizeof(int64_t));
  *count = (int32_t)a->n_ints;
  return NULL;
}

dlcrt_status_t dlc_onnx_attr_tensor(const dlc_onnx_node_t *node, const char *name, dlcrt_tensor_t *out) {
  const Onnx__AttributeProto *a = dlc_onnx_attr(node, name);
  if (!a || !a->t) return dlc_onnx_node_error(node, DLCRT_STATUS_INVALID_ARGUMENT, "attribute '%s' (a tensor) is missing", name);
  dlcrt_status_t st = dlc_onnx_tensor_decode(a->t, node->imp->base_dir, out);
  return st ? dlcrt_status_annotate(st, "%s: node '%s': ", node->imp->path, node->proto->name ? node->proto->name : "")
            : NULL;
}

/* ---- attribute constructors ---- */

MlirAttribute dlc_onnx_i64_attr(const dlc_onnx_node_t *node, int64_t v) {
  return mlirIntegerAttrGet(mlirIntegerTypeGet(node->imp->ctx, 64), v);
}
MlirAttribute dlc_onnx_f32_attr(const dlc_onnx_node_t *node, double v) {
  return mlirFloatAttrDoubleGet(node->imp->ctx, mlirF32TypeGet(node->imp->ctx), v);
}
MlirAttribute dlc_onnx_bool_attr(const dlc_onnx_node_t *node, bool v) { return mlirBoolAttrGet(node->imp->ctx, v); }
MlirAttribute dlc_onnx_str_attr(const dlc_onnx_node_t *node, const char *v) {
  return mlirStringAttrGet(node->imp->ctx, dlc_sref(v));
}
MlirAttribute dlc_onnx_i64_array_attr(const dlc_onnx_node_t *node, const int64_t *v, int32_t n) {
  return mlirDenseI64ArrayGet(node->imp->ctx, n, v);
}

/* ---- building ops ---- */

dlcrt_status_t dlc_onnx_build(const dlc_onnx_node_t *node, const char *op, const MlirValue *operands, int n,
                              const dlc_onnx_attr_kv_t *attrs, int nattrs, MlirType result_type, MlirValue *out) {
  MlirContext ctx = node->imp->ctx;
  char name[64];
  snprintf(name, sizeof(name), strchr(op, '.') ? "%s" : "dlc.%s", op);
  MlirOperationState st = mlirOperationStateGet(dlc_sref(name), node->loc);
  mlirOperationStateAddOperands(&st, n, operands);
  MlirType type = mlirTypeIsNull(result_type) ? mlirRankedTensorTypeGet(0, NULL, mlirF32TypeGet(ctx), mlirAttributeGetNull())
                                              : result_type;
  mlirOperationStateAddResults(&st, 1, &type);
  MlirNamedAttribute named[16];
  for (int i = 0; i < nattrs && i < 16; ++i)
    named[i] = mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref(attrs[i].name)), attrs[i].value);
  mlirOperationStateAddAttributes(&st, nattrs < 16 ? nattrs : 16, named);
  MlirOperation created = mlirOperationCreate(&st);
  mlirBlockAppendOwnedOperation(node->imp->body, created);
  dlcrt_status_t status = dlc_infer_result_type(created);
  if (status) {
    dlcrt_status_t err = dlc_onnx_node_error(node, dlcrt_status_code(status), "%s", dlcrt_status_message(status));
    dlcrt_status_free(status);
    return err;
  }
  *out = mlirOperationGetResult(created, 0);
  return NULL;
}

dlcrt_status_t dlc_onnx_unary(const dlc_onnx_node_t *node, const char *op, MlirValue x, MlirValue *out) {
  return dlc_onnx_build(node, op, &x, 1, NULL, 0, (MlirType){NULL}, out);
}

dlcrt_status_t dlc_onnx_binary(const dlc_onnx_node_t *node, const char *op, MlirValue a, MlirValue b, MlirValue *out) {
  MlirValue operands[2] = {a, b};
  return dlc_onnx_build(node, op, operands, 2, NULL, 0, (MlirType){NULL}, out);
}

dlcrt_status_t dlc_onnx_const_tensor(const dlc_onnx_node_t *node, const dlcrt_tensor_t *t, MlirValue *out) {
  return dlc_onnx_const_named(node, t, node->proto && node->proto->n_output ? node->proto->output[0] : "const", out);
}

dlcrt_status_t dlc_onnx_const_named(const dlc_onnx_node_t *node, const dlcrt_tensor_t *t, const char *name,
                                    MlirValue *out) {
  MlirAttribute value = dlc_onnx_elements_attr(node->imp->ctx, t, name);
  if (mlirAttributeIsNull(value)) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory");
  dlc_onnx_attr_kv_t kv = {"value", value};
  return dlc_onnx_build(node, "constant", NULL, 0, &kv, 1, mlirAttributeGetType(value), out);
}

dlcrt_status_t dlc_onnx_scalar_const(const dlc_onnx_node_t *node, MlirType elem, double v, MlirValue *out) {
  dlcrt_tensor_t t;
  DLCRT_RETURN_IF_ERROR(dlcrt_tensor_create(dlcrt_allocator_system(), dlc_dtype_from_mlir(elem), 0, NULL, &t));
  dlcrt_tensor_set_f64(&t, 0, v);
  dlcrt_status_t st = dlc_onnx_const_tensor(node, &t, out);
  dlcrt_tensor_release(&t);
  return st;
}

dlcrt_status_t dlc_onnx_reshape(const dlc_onnx_node_t *node, MlirValue x, const dlc_shape_t *shape,
                                const MlirValue *dyn, MlirValue *out) {
  dlc_shape_t target = *shape;
  target.elem = mlirShapedTypeGetElementType(mlirValueGetType(x));
  MlirValue operands[1 + DLCRT_MAX_RANK];
  int n = 0;
  operands[n++] = x;
  if (dyn)
    for (int32_t d = 0; d < target.rank; ++d)
      if (target.dims[d] == DLC_DYN) operands[n++] = dyn[d];
  return dlc_onnx_build(node, "reshape", operands, n, NULL, 0, dlc_shape_to_type(node->imp->ctx, &target), out);
}

/* ---- outputs ---- */

int dlc_onnx_num_outputs(const dlc_onnx_node_t *node) { return (int)node->proto->n_output; }

/* Defines output i, or returns NULL in *out when the output is omitted (empty name). */
static dlcrt_status_t dlc_define_output(const dlc_onnx_node_t *node, int i, dlc_onnx_value_t **out) {
  *out = NULL;
  if (i < 0 || (size_t)i >= node->proto->n_output || !node->proto->output[i] || !node->proto->output[i][0]) return NULL;
  return dlc_onnx_define(node->imp, node->proto->output[i], out);
}

dlcrt_status_t dlc_onnx_set_output(const dlc_onnx_node_t *node, int i, MlirValue value) {
  dlc_onnx_value_t *v;
  DLCRT_RETURN_IF_ERROR(dlc_define_output(node, i, &v));
  if (v) v->value = value;
  return NULL;
}

dlcrt_status_t dlc_onnx_set_output_host(const dlc_onnx_node_t *node, int i, dlcrt_tensor_t *t) {
  dlc_onnx_value_t *v;
  dlcrt_status_t st = dlc_define_output(node, i, &v);
  if (st || !v) {
    dlcrt_tensor_release(t);
    return st;
  }
  v->host = *t;
  v->has_host = true;
  memset(t, 0, sizeof(*t));
  return NULL;
}

dlcrt_status_t dlc_onnx_set_output_sym(const dlc_onnx_node_t *node, int i, const dlc_onnx_value_t *sym) {
  dlc_onnx_value_t *v;
  DLCRT_RETURN_IF_ERROR(dlc_define_output(node, i, &v));
  if (!v) return NULL;
  char *name = v->name;
  *v = *sym;
  v->name = name;
  v->value = (MlirValue){NULL};
  v->has_host = false;
  memset(&v->host, 0, sizeof(v->host));
  v->is_sym = true;
  return NULL;
}
