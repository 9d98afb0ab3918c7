/* ONNX graph import: unpacks a ModelProto with protobuf-c, checks the opset, and builds @main in the
 * dlc dialect: graph inputs become arguments (dim_param names kept as `onnx.dim_params`, `?` in the
 * type), initializers and Constant nodes become known values, each node goes to its builder
 * (onnx_ops_*.c), and graph outputs become the results. Arguments and results carry `onnx.name`. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlc/onnx.h"
#include "dlc/strbuf.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "onnx_importer.h"

/* ---- the value table ---- */

static uint64_t dlc_hash(const char *s) {
  uint64_t h = 1469598103934665603ull;
  for (; *s; ++s) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

dlc_onnx_value_t *dlc_onnx_lookup(dlc_onnx_importer_t *imp, const char *name) {
  if (!imp->table_cap) return NULL;
  for (size_t i = dlc_hash(name) & (imp->table_cap - 1);; i = (i + 1) & (imp->table_cap - 1)) {
    size_t slot = imp->table[i];
    if (!slot) return NULL;
    if (strcmp(imp->values[slot - 1].name, name) == 0) return &imp->values[slot - 1];
  }
}

static dlcrt_status_t dlc_table_grow(dlc_onnx_importer_t *imp) {
  size_t cap = imp->table_cap ? imp->table_cap * 2 : 256;
  size_t *table = calloc(cap, sizeof(size_t));
  if (!table) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory");
  for (size_t v = 0; v < imp->num_values; ++v) {
    size_t i = dlc_hash(imp->values[v].name) & (cap - 1);
    while (table[i]) i = (i + 1) & (cap - 1);
    table[i] = v + 1;
  }
  free(imp->table);
  imp->table = table;
  imp->table_cap = cap;
  return NULL;
}

dlcrt_status_t dlc_onnx_define(dlc_onnx_importer_t *imp, const char *name, dlc_onnx_value_t **out) {
  dlc_onnx_value_t *existing = dlc_onnx_lookup(imp, name);
  if (existing) { /* ONNX is SSA, but be tolerant of a redefinition: the last one wins */
    char *keep = existing->name;
    existing->name = NULL;
    dlc_onnx_value_release(existing);
    memset(existing, 0, sizeof(*existing));
    existing->name = keep;
    *out = existing;
    return NULL;
  }
  if ((imp->num_values + 1) * 2 > imp->table_cap) DLCRT_RETURN_IF_ERROR(dlc_table_grow(imp));
  if (imp->num_values == imp->cap_values) {
    size_t cap = imp->cap_values ? imp->cap_values * 2 : 256;
    dlc_onnx_value_t *v = realloc(imp->values, cap * sizeof(*v));
    if (!v) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory");
    imp->values = v;
    imp->cap_values = cap;
  }
  dlc_onnx_value_t *v = &imp->values[imp->num_values];
  memset(v, 0, sizeof(*v));
  v->name = strdup(name);
  if (!v->name) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory");
  size_t i = dlc_hash(name) & (imp->table_cap - 1);
  while (imp->table[i]) i = (i + 1) & (imp->table_cap - 1);
  imp->table[i] = ++imp->num_values;
  *out = v;
  return NULL;
}

void dlc_onnx_value_release(dlc_onnx_value_t *v) {
  free(v->name);
  if (v->has_host) dlcrt_tensor_release(&v->host);
}

/* ---- types of graph inputs and outputs ---- */

static dlcrt_status_t dlc_value_info_type(dlc_onnx_importer_t *imp, const Onnx__ValueInfoProto *vi, const char *what,
                                          MlirType *out, MlirAttribute *dim_params) {
  const char *name = vi->name ? vi->name : "";
  if (!vi->type || vi->type->value_case != ONNX__TYPE_PROTO__VALUE_TENSOR_TYPE || !vi->type->tensor_type)
    return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "%s: graph %s '%s' is not a tensor", imp->path, what, name);
  const Onnx__TypeProto__Tensor *tt = vi->type->tensor_type;
  dlcrt_dtype_t dtype = dlc_onnx_dtype(tt->elem_type);
  if (dtype == DLCRT_DTYPE_INVALID)
    return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "%s: graph %s '%s' has unsupported dtype %s", imp->path, what,
                             name, dlc_onnx_dtype_name(tt->elem_type));
  if (!tt->shape)
    return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "%s: graph %s '%s' has no shape (unranked tensors are not supported)",
                             imp->path, what, name);
  if (tt->shape->n_dim > DLCRT_MAX_RANK)
    return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "%s: graph %s '%s' has rank %zu (at most %d)", imp->path, what,
                             name, tt->shape->n_dim, DLCRT_MAX_RANK);
  dlc_shape_t s = {.rank = (int32_t)tt->shape->n_dim, .elem = dlc_dtype_to_mlir(imp->ctx, dtype)};
  MlirAttribute params[DLCRT_MAX_RANK];
  bool any_param = false;
  for (int32_t d = 0; d < s.rank; ++d) {
    const Onnx__TensorShapeProto__Dimension *dim = tt->shape->dim[d];
    bool has_value = dim->value_case == ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_VALUE && dim->dim_value >= 0;
    s.dims[d] = has_value ? dim->dim_value : DLC_DYN;
    const char *param = dim->value_case == ONNX__TENSOR_SHAPE_PROTO__DIMENSION__VALUE_DIM_PARAM && dim->dim_param
                            ? dim->dim_param
                            : "";
    any_param = any_param || *param;
    params[d] = mlirStringAttrGet(imp->ctx, dlc_sref(param));
  }
  *out = dlc_shape_to_type(imp->ctx, &s);
  if (dim_params) *dim_params = any_param ? mlirArrayAttrGet(imp->ctx, s.rank, params) : mlirAttributeGetNull();
  return NULL;
}

/* {onnx.name = NAME, onnx.dim_params = [...]} for one argument or result. */
static MlirAttribute dlc_name_dict(MlirContext ctx, const char *name, MlirAttribute dim_params) {
  MlirNamedAttribute entries[2];
  int n = 0;
  entries[n++] = mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("onnx.name")), mlirStringAttrGet(ctx, dlc_sref(name)));
  if (!mlirAttributeIsNull(dim_params))
    entries[n++] = mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("onnx.dim_params")), dim_params);
  return mlirDictionaryAttrGet(ctx, n, entries);
}

/* ---- the graph ---- */

static bool dlc_is_initializer(const Onnx__GraphProto *g, const char *name) {
  for (size_t i = 0; i < g->n_initializer; ++i)
    if (g->initializer[i]->name && strcmp(g->initializer[i]->name, name) == 0) return true;
  return false;
}

static dlcrt_status_t dlc_import_initializers(dlc_onnx_importer_t *imp, const Onnx__GraphProto *g) {
  for (size_t i = 0; i < g->n_initializer; ++i) {
    const Onnx__TensorProto *t = g->initializer[i];
    if (!t->name || !*t->name)
      return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s: initializer #%zu has no name", imp->path, i);
    dlc_onnx_value_t *v;
    DLCRT_RETURN_IF_ERROR(dlc_onnx_define(imp, t->name, &v));
    dlcrt_status_t st = dlc_onnx_tensor_decode(t, imp->base_dir, &v->host);
    if (st) return dlcrt_status_annotate(st, "%s: ", imp->path);
    v->has_host = true;
  }
  return NULL;
}

typedef struct dlc_signature_t {
  MlirType types[256];
  MlirAttribute attrs[256];
  const char *names[256];
  int n;
} dlc_signature_t;

static dlcrt_status_t dlc_collect_inputs(dlc_onnx_importer_t *imp, const Onnx__GraphProto *g, dlc_signature_t *sig) {
  sig->n = 0;
  for (size_t i = 0; i < g->n_input; ++i) {
    const Onnx__ValueInfoProto *vi = g->input[i];
    if (!vi->name || dlc_is_initializer(g, vi->name)) continue; /* IR < 4 lists initializers as inputs */
    if (sig->n == 256) return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "%s: more than 256 graph inputs", imp->path);
    MlirAttribute params;
    DLCRT_RETURN_IF_ERROR(dlc_value_info_type(imp, vi, "input", &sig->types[sig->n], &params));
    sig->attrs[sig->n] = dlc_name_dict(imp->ctx, vi->name, params);
    sig->names[sig->n] = vi->name;
    ++sig->n;
  }
  return NULL;
}

static dlcrt_status_t dlc_import_node(dlc_onnx_importer_t *imp, const Onnx__NodeProto *proto, size_t index) {
  const char *op_type = proto->op_type ? proto->op_type : "";
  char label[512];
  snprintf(label, sizeof(label), "%s", proto->name && *proto->name ? proto->name : op_type);
  dlc_onnx_node_t node = {imp, proto, mlirLocationNameGet(imp->ctx, dlc_sref(label), imp->file_loc), imp->opset};
  (void)index;
  if (proto->domain && *proto->domain && strcmp(proto->domain, "ai.onnx") != 0)
    return dlc_onnx_node_error(&node, DLCRT_STATUS_UNIMPLEMENTED, "domain '%s' is not supported", proto->domain);
  dlc_onnx_builder_fn build = dlc_onnx_find_builder(op_type);
  if (!build) return dlc_onnx_node_error(&node, DLCRT_STATUS_UNIMPLEMENTED, "unsupported op");
  return build(&node);
}

static dlcrt_status_t dlc_import_outputs(dlc_onnx_importer_t *imp, const Onnx__GraphProto *g, MlirValue *results,
                                         dlc_signature_t *sig) {
  sig->n = 0;
  for (size_t i = 0; i < g->n_output && i < 256; ++i) {
    const Onnx__ValueInfoProto *vi = g->output[i];
    const char *name = vi->name ? vi->name : "";
    dlc_onnx_value_t *v = dlc_onnx_lookup(imp, name);
    if (!v) return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s: graph output '%s' is never produced", imp->path, name);
    dlc_onnx_node_t node = {imp, NULL, mlirLocationNameGet(imp->ctx, dlc_sref(name), imp->file_loc), imp->opset};
    DLCRT_RETURN_IF_ERROR(dlc_onnx_materialize(&node, v));
    results[i] = v->value;
    MlirType declared;
    MlirAttribute params = mlirAttributeGetNull();
    /* The declared type, when it is one DLC knows, must agree on the dtype (dims may differ by name). */
    dlcrt_status_t declared_st = vi->type ? dlc_value_info_type(imp, vi, "output", &declared, &params) : NULL;
    if (vi->type && !declared_st &&
        !mlirTypeEqual(mlirShapedTypeGetElementType(declared), mlirShapedTypeGetElementType(mlirValueGetType(v->value))))
      return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s: graph output '%s' is declared with another dtype than it has",
                               imp->path, name);
    if (declared_st) params = mlirAttributeGetNull();
    dlcrt_status_free(declared_st);
    sig->types[i] = mlirValueGetType(v->value);
    sig->attrs[i] = dlc_name_dict(imp->ctx, name, params);
    ++sig->n;
  }
  if (g->n_output > 256) return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "%s: more than 256 graph outputs", imp->path);
  return NULL;
}

/* Wraps the finished body into `func.func @main` inside a new module. */
static MlirModule dlc_make_module(dlc_onnx_importer_t *imp, MlirRegion region, const dlc_signature_t *in,
                                  const dlc_signature_t *out) {
  MlirContext ctx = imp->ctx;
  MlirType ftype = mlirFunctionTypeGet(ctx, in->n, in->types, out->n, out->types);
  MlirNamedAttribute attrs[4] = {
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("sym_name")), mlirStringAttrGet(ctx, dlc_sref("main"))),
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("function_type")), mlirTypeAttrGet(ftype)),
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("arg_attrs")), mlirArrayAttrGet(ctx, in->n, in->attrs)),
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("res_attrs")), mlirArrayAttrGet(ctx, out->n, out->attrs)),
  };
  MlirOperationState st = mlirOperationStateGet(dlc_sref("func.func"), imp->file_loc);
  mlirOperationStateAddAttributes(&st, 4, attrs);
  mlirOperationStateAddOwnedRegions(&st, 1, &region);
  MlirOperation fn = mlirOperationCreate(&st);
  MlirModule module = mlirModuleCreateEmpty(imp->file_loc);
  mlirBlockAppendOwnedOperation(mlirModuleGetBody(module), fn);
  return module;
}

static dlcrt_status_t dlc_import_graph(dlc_onnx_importer_t *imp, const Onnx__GraphProto *g, MlirModule *out) {
  dlc_signature_t *in = calloc(1, sizeof(*in)), *res = calloc(1, sizeof(*res));
  MlirValue *results = calloc(256, sizeof(MlirValue));
  if (!in || !res || !results) {
    free(in);
    free(res);
    free(results);
    return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory");
  }
  MlirRegion region = mlirRegionCreate();
  dlcrt_status_t st = dlc_import_initializers(imp, g);
  if (!st) st = dlc_collect_inputs(imp, g, in);
  if (!st) {
    MlirLocation locs[256];
    for (int i = 0; i < in->n; ++i) locs[i] = imp->file_loc;
    imp->body = mlirBlockCreate(in->n, in->types, locs);
    mlirRegionAppendOwnedBlock(region, imp->body);
    for (int i = 0; i < in->n && !st; ++i) {
      dlc_onnx_value_t *v;
      st = dlc_onnx_define(imp, in->names[i], &v);
      if (!st) v->value = mlirBlockGetArgument(imp->body, i);
    }
  }
  for (size_t i = 0; i < g->n_node && !st; ++i) st = dlc_import_node(imp, g->node[i], i);
  if (!st) st = dlc_import_outputs(imp, g, results, res);
  if (!st) {
    MlirOperationState ret = mlirOperationStateGet(dlc_sref("func.return"), imp->file_loc);
    mlirOperationStateAddOperands(&ret, res->n, results);
    mlirBlockAppendOwnedOperation(imp->body, mlirOperationCreate(&ret));
    *out = dlc_make_module(imp, region, in, res);
  } else {
    mlirRegionDestroy(region);
  }
  free(in);
  free(res);
  free(results);
  return st;
}

/* ---- entry points ---- */

static dlcrt_status_t dlc_import_model(MlirContext ctx, const void *data, size_t size, const char *path,
                                       const char *base_dir, MlirModule *out) {
  Onnx__ModelProto *model = onnx__model_proto__unpack(NULL, size, data);
  if (!model)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s: not a valid ONNX model: the protobuf does not parse (truncated, or not an ONNX file)", path);
  dlc_onnx_importer_t imp = {.ctx = ctx, .path = path, .opset = -1};
  snprintf(imp.base_dir, sizeof(imp.base_dir), "%s", base_dir);
  imp.file_loc = mlirLocationFileLineColGet(ctx, dlc_sref(path), 0, 0);
  dlcrt_status_t st = NULL;
  for (size_t i = 0; i < model->n_opset_import; ++i) {
    const Onnx__OperatorSetIdProto *o = model->opset_import[i];
    if (!o->domain || !*o->domain || strcmp(o->domain, "ai.onnx") == 0) imp.opset = o->has_version ? o->version : 1;
  }
  if (!model->graph)
    st = dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s: the model has no graph", path);
  else if (imp.opset < 0 && model->n_opset_import > 0) /* e.g. only ai.onnx.preview.training */
    st = dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "%s: the model uses only non-default domains (first: '%s')", path,
                           model->opset_import[0]->domain ? model->opset_import[0]->domain : "");
  else if (imp.opset < 0)
    st = dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s: the model imports no opset of the default ONNX domain", path);
  else if (imp.opset < DLC_ONNX_MIN_OPSET || imp.opset > DLC_ONNX_MAX_OPSET)
    st = dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "%s: opset %lld is not supported (DLC imports opsets %d to %d)",
                           path, (long long)imp.opset, DLC_ONNX_MIN_OPSET, DLC_ONNX_MAX_OPSET);
  if (!st) st = dlc_import_graph(&imp, model->graph, out);
  for (size_t i = 0; i < imp.num_values; ++i) dlc_onnx_value_release(&imp.values[i]);
  free(imp.values);
  free(imp.table);
  onnx__model_proto__free_unpacked(model, NULL);
  return st;
}

static dlcrt_status_t dlc_read_whole_file(const char *path, void **data, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return dlcrt_make_status(DLCRT_STATUS_NOT_FOUND, "%s: cannot open: %s", path, strerror(errno));
  dlc_strbuf_t sb;
  dlc_strbuf_init(&sb);
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) dlc_strbuf_append_n(&sb, chunk, n);
  bool failed = ferror(f);
  fclose(f);
  if (failed || sb.failed) {
    dlc_strbuf_free(&sb);
    return dlcrt_make_status(DLCRT_STATUS_IO_ERROR, "%s: read failed", path);
  }
  *size = sb.len;
  *data = dlc_strbuf_take(&sb);
  return NULL;
}

dlcrt_status_t dlc_onnx_import_file(MlirContext ctx, const char *path, MlirModule *out_module) {
  void *data;
  size_t size;
  DLCRT_RETURN_IF_ERROR(dlc_read_whole_file(path, &data, &size));
  char base_dir[4096];
  snprintf(base_dir, sizeof(base_dir), "%s", path);
  char *slash = strrchr(base_dir, '/');
  if (slash) *slash = '\0';
  else snprintf(base_dir, sizeof(base_dir), ".");
  dlcrt_status_t st = dlc_import_model(ctx, data, size, path, base_dir, out_module);
  free(data);
  return st;
}

dlcrt_status_t dlc_onnx_import_bytes(MlirContext ctx, const void *data, size_t size, const char *name,
                                     MlirModule *out_module) {
  return dlc_import_model(ctx, data, size, name, ".", out_module);
}

dlcrt_status_t dlc_onnx_read_tensor_file(const char *path, dlcrt_tensor_t *out) {
  void *data;
  size_t size;
  DLCRT_RETURN_IF_ERROR(dlc_read_whole_file(path, &data, &size));
  Onnx__TensorProto *t = onnx__tensor_proto__unpack(NULL, size, data);
  free(data);
  if (!t) return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s: not a serialized ONNX TensorProto", path);
  char base_dir[4096];
  snprintf(base_dir, sizeof(base_dir), "%s", path);
  char *slash = strrchr(base_dir, '/');
  if (slash) *slash = '\0';
  dlcrt_status_t st = dlc_onnx_tensor_decode(t, base_dir, out);
  onnx__tensor_proto__free_unpacked(t, NULL);
  return st ? dlcrt_status_annotate(st, "%s: ", path) : NULL;
}
