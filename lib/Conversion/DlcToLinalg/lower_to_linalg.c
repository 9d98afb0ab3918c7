/* --dlc-lower-to-linalg (DlcToLinalg): replaces every dlc op with a call to a generated private
 * function in linalg/tensor/arith/math (see emit.h), and dlc.constant with arith.constant; the
 * `inline` pass of the cpu pipeline then splices the bodies in. Generated functions are shared between ops with identical types and attributes.
 * Fusion groups are functions called with func.call, so they need nothing here. */
#include <stdlib.h>
#include <string.h>

#include "dlc/passes.h"
#include "emit.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/Diagnostics.h"

typedef struct dlc_helper_t {
  uint64_t hash;
  char *key; /* types + body text */
  char name[48];
} dlc_helper_t;

typedef struct dlc_lowering_t {
  MlirOperation module;
  MlirContext ctx;
  MlirOperation *ops; /* the dlc ops to lower, collected before rewriting */
  size_t num_ops, cap_ops;
  dlc_helper_t *helpers;
  size_t num_helpers, cap_helpers;
  bool out_of_memory;
} dlc_lowering_t;

static uint64_t dlc_fnv1a(const char *s) {
  uint64_t h = 1469598103934665603ull;
  for (; *s; ++s) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

static bool dlc_grow(void **ptr, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return true;
  size_t n = *cap ? *cap * 2 : 64;
  while (n < need) n *= 2;
  void *p = realloc(*ptr, n * elem);
  if (!p) return false;
  *ptr = p;
  *cap = n;
  return true;
}

static MlirWalkResult dlc_collect(MlirOperation op, void *user_data) {
  dlc_lowering_t *l = user_data;
  if (!dlc_op_info(op)) return MlirWalkResultAdvance;
  if (!dlc_grow((void **)&l->ops, &l->cap_ops, l->num_ops + 1, sizeof(MlirOperation))) {
    l->out_of_memory = true;
    return MlirWalkResultInterrupt;
  }
  l->ops[l->num_ops++] = op;
  return MlirWalkResultAdvance;
}

static MlirOperation dlc_create_call(MlirOperation op, MlirStringRef callee) {
  MlirContext ctx = mlirOperationGetContext(op);
  MlirOperationState st = mlirOperationStateGet(dlc_sref("func.call"), mlirOperationGetLocation(op));
  intptr_t nin = mlirOperationGetNumOperands(op), nout = mlirOperationGetNumResults(op);
  MlirValue operands[64];
  MlirType results[64];
  for (intptr_t i = 0; i < nin && i < 64; ++i) operands[i] = mlirOperationGetOperand(op, i);
  for (intptr_t i = 0; i < nout && i < 64; ++i) results[i] = mlirValueGetType(mlirOperationGetResult(op, i));
  mlirOperationStateAddOperands(&st, nin, operands);
  mlirOperationStateAddResults(&st, nout, results);
  MlirNamedAttribute attr = mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("callee")),
                                                  mlirFlatSymbolRefAttrGet(ctx, callee));
  mlirOperationStateAddAttributes(&st, 1, &attr);
  return mlirOperationCreate(&st);
}

/* Replaces `op` with `repl` (same result count), inserted before it. */
static void dlc_replace(MlirOperation op, MlirOperation repl) {
  mlirBlockInsertOwnedOperationBefore(mlirOperationGetBlock(op), op, repl);
  intptr_t n = mlirOperationGetNumResults(op);
  for (intptr_t i = 0; i < n; ++i)
    mlirValueReplaceAllUsesOfWith(mlirOperationGetResult(op, i), mlirOperationGetResult(repl, i));
  mlirOperationDestroy(op);
}

static dlcrt_status_t dlc_lower_constant(MlirOperation op) {
  MlirOperationState st = mlirOperationStateGet(dlc_sref("arith.constant"), mlirOperationGetLocation(op));
  MlirType type = mlirValueGetType(mlirOperationGetResult(op, 0));
  mlirOperationStateAddResults(&st, 1, &type);
  MlirNamedAttribute value = mlirNamedAttributeGet(mlirIdentifierGet(mlirOperationGetContext(op), dlc_sref("value")),
                                                   mlirOperationGetAttributeByName(op, dlc_sref("value")));
  mlirOperationStateAddAttributes(&st, 1, &value);
  dlc_replace(op, mlirOperationCreate(&st));
  return NULL;
}

static dlcrt_status_t dlc_emit_body(dlc_emit_t *e) {
  switch (e->info->op_class) {
    case DLC_OPC_UNARY: case DLC_OPC_BINARY: case DLC_OPC_COMPARE: case DLC_OPC_WHERE: case DLC_OPC_CAST:
      return dlc_emit_elementwise(e);
    case DLC_OPC_MATMUL: return dlc_emit_matmul(e);
    case DLC_OPC_CONV2D: case DLC_OPC_POOL2D: return dlc_emit_window(e);
    case DLC_OPC_SOFTMAX: case DLC_OPC_LAYER_NORM: case DLC_OPC_REDUCE: return dlc_emit_reduction(e);
    case DLC_OPC_TRANSPOSE: case DLC_OPC_RESHAPE: case DLC_OPC_CONCAT: case DLC_OPC_SLICE: case DLC_OPC_GATHER:
      return dlc_emit_data_movement(e);
    case DLC_OPC_ARG_REDUCE: return dlc_emit_reduction(e);
    case DLC_OPC_DIM: case DLC_OPC_FILL: case DLC_OPC_RANGE: case DLC_OPC_EXPAND: return dlc_emit_shape(e);
    case DLC_OPC_TILE: case DLC_OPC_PAD: case DLC_OPC_TRILU: return dlc_emit_pad_tile(e);
    case DLC_OPC_GATHER_ELEMENTS: case DLC_OPC_SCATTER_ELEMENTS: case DLC_OPC_CUMSUM: return dlc_emit_index_ops(e);
    case DLC_OPC_CONSTANT: break;
  }
  return dlcrt_make_status(DLCRT_STATUS_INTERNAL, "no emitter for 'dlc.%s'", e->info->name);
}

/* Parses the helper function text and appends it to the module. */
static dlcrt_status_t dlc_materialize_helper(dlc_lowering_t *l, const char *name, const char *signature,
                                             const char *body) {
  dlc_strbuf_t text;
  dlc_strbuf_init(&text);
  dlc_strbuf_appendf(&text, "func.func private @%s%s {\n%s}\n", name, signature, body);
  DLCRT_RETURN_IF_ERROR(dlc_strbuf_status(&text));
  MlirModule parsed = mlirModuleCreateParse(l->ctx, mlirStringRefCreate(text.data, text.len));
  if (mlirModuleIsNull(parsed)) {
    dlcrt_status_t st = dlcrt_make_status(DLCRT_STATUS_INTERNAL, "generated lowering does not parse:\n%s", text.data);
    dlc_strbuf_free(&text);
    return st;
  }
  dlc_strbuf_free(&text);
  MlirOperation fn = mlirBlockGetFirstOperation(mlirModuleGetBody(parsed));
  mlirOperationRemoveFromParent(fn);
  mlirModuleDestroy(parsed);
  mlirBlockAppendOwnedOperation(mlirRegionGetFirstBlock(mlirOperationGetRegion(l->module, 0)), fn);
  return NULL;
}

/* Finds or creates the helper for `key`; `*name` receives its symbol name. */
static dlcrt_status_t dlc_get_helper(dlc_lowering_t *l, const dlc_op_info_t *info, const char *signature,
                                     dlc_strbuf_t *key, const char *body, const char **name) {
  uint64_t h = dlc_fnv1a(dlc_strbuf_cstr(key));
  for (size_t i = 0; i < l->num_helpers; ++i) {
    if (l->helpers[i].hash == h && strcmp(l->helpers[i].key, dlc_strbuf_cstr(key)) == 0) {
      *name = l->helpers[i].name;
      return NULL;
    }
  }
  if (!dlc_grow((void **)&l->helpers, &l->cap_helpers, l->num_helpers + 1, sizeof(dlc_helper_t)))
    return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory in dlc-lower-to-linalg");
  dlc_helper_t *helper = &l->helpers[l->num_helpers];
  snprintf(helper->name, sizeof(helper->name), "__dlc_%s_%zu", info->name, l->num_helpers);
  DLCRT_RETURN_IF_ERROR(dlc_materialize_helper(l, helper->name, signature, body));
  helper->hash = h;
  helper->key = dlc_strbuf_take(key);
  ++l->num_helpers;
  *name = helper->name;
  return NULL;
}

static dlcrt_status_t dlc_lower_op(dlc_lowering_t *l, MlirOperation op) {
  const dlc_op_info_t *info = dlc_op_info(op);
  if (info->kind == DLC_CONSTANT) return dlc_lower_constant(op);
  dlc_emit_t e = {.op = op, .info = info};
  e.num_in = (int)mlirOperationGetNumOperands(op);
  if (e.num_in > DLC_EMIT_MAX_OPERANDS)
    return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "'dlc.%s' with %d operands: at most %d are supported",
                             info->name, e.num_in, DLC_EMIT_MAX_OPERANDS);
  dlc_strbuf_t signature, body, key;
  dlc_strbuf_init(&signature);
  dlc_strbuf_init(&body);
  dlc_strbuf_init(&key);
  dlc_strbuf_append(&signature, "(");
  for (int i = 0; i < e.num_in; ++i) {
    dlc_shape_from_type(mlirValueGetType(mlirOperationGetOperand(op, i)), &e.in[i]);
    dlc_strbuf_appendf(&signature, "%s%%a%d: ", i ? ", " : "", i);
    dlc_emit_tensor_type(&signature, &e.in[i]);
  }
  dlc_shape_from_type(mlirValueGetType(mlirOperationGetResult(op, 0)), &e.out);
  dlc_strbuf_append(&signature, ") -> ");
  dlc_emit_tensor_type(&signature, &e.out);
  e.body = &body;
  dlcrt_status_t st = dlc_emit_body(&e);
  if (!st) st = dlc_strbuf_status(&body);
  if (!st) {
    dlc_strbuf_appendf(&key, "%s%s", dlc_strbuf_cstr(&signature), dlc_strbuf_cstr(&body));
    const char *name = NULL;
    st = dlc_get_helper(l, info, dlc_strbuf_cstr(&signature), &key, dlc_strbuf_cstr(&body), &name);
    if (!st) dlc_replace(op, dlc_create_call(op, dlc_sref(name)));
  }
  dlc_strbuf_free(&signature);
  dlc_strbuf_free(&body);
  dlc_strbuf_free(&key);
  return st;
}

bool dlc_run_lower_to_linalg(MlirOperation module) {
  dlc_lowering_t l = {.module = module, .ctx = mlirOperationGetContext(module)};
  mlirOperationWalk(module, dlc_collect, &l, MlirWalkPreOrder);
  bool ok = !l.out_of_memory;
  for (size_t i = 0; ok && i < l.num_ops; ++i) {
    MlirLocation loc = mlirOperationGetLocation(l.ops[i]);
    dlcrt_status_t st = dlc_lower_op(&l, l.ops[i]);
    if (st) {
      mlirEmitError(loc, dlcrt_status_message(st));
      dlcrt_status_free(st);
      ok = false;
    }
  }
  for (size_t i = 0; i < l.num_helpers; ++i) free(l.helpers[i].key);
  free(l.helpers);
  free(l.ops);
  return ok;
}
