/* --dlc-lower-to-gpu (DlcToGPU): the first step of the cuda pipeline. Cuts every function into kernel
 * units (each fusion group's body; each other dlc op that is not pure metadata) and offers each unit to
 * the emitters of dlc_gpu_emitters[] in order; the first that has a tuned kernel or library call writes
 * a private function for it (see gpu_emit.h for the form). A handled single-op unit (possibly grown by
 * its emitter with consumer ops) becomes a func.call of that function (identical texts share one); a
 * handled fusion group keeps its name and `dlc.fusion`, gets the generated body and the unit attribute
 * `dlc.gpu_kernel`. A group no emitter takes is offered op by op. Everything not handled stays a dlc op
 * for dlc-lower-to-linalg and the generic tiled loops, so every model still compiles.
 *
 * Reshape, constant and dim ops are metadata (views, constants, sizes) and are never offered. */
#include <stdlib.h>
#include <string.h>

#include "dlc/passes.h"
#include "gpu_emit.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/Diagnostics.h"

#define DLC_GPU_PENDING_NAME "__dlc_gpu_pending"

/* The emitters, tried in this order (gemm chain, conv chain, conv kernel, gemm, row, elementwise, transpose); NULL ends the table. */
static const dlc_gpu_emitter_fn dlc_gpu_emitters[] = {
    dlc_gpu_emit_gemm_chain_kernel, /* multi-GEMM gemm_chain groups (MLP blocks) as one kernel */
    dlc_gpu_emit_conv_chain_kernel, /* conv_chain groups (conv -> conv, a ResNet block) as one kernel */
    dlc_gpu_emit_conv_kernel,       /* small convolutions as one implicit-GEMM kernel */
    dlc_gpu_emit_gemm_call,
    dlc_gpu_emit_attention_kernel,
    dlc_gpu_emit_row_kernel,
    dlc_gpu_emit_elementwise_kernel,
    dlc_gpu_emit_transpose_kernel,
    NULL,
};

typedef struct dlc_gpu_helper_t {
  char *key; /* the generated text under the pending name */
  char name[64];
} dlc_gpu_helper_t;

typedef struct dlc_gpu_driver_t {
  MlirOperation module;
  MlirContext ctx;
  dlc_gpu_options_t options;
  dlc_gpu_helper_t *helpers;
  size_t num_helpers, cap_helpers;
  char **declared; /* symbols the current unit declared through dlc_gpu_unit_declare */
  size_t num_declared, cap_declared;
  bool out_of_memory;
} dlc_gpu_driver_t;

static bool dlc_grow(void **ptr, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return true;
  size_t n = *cap ? *cap * 2 : 32;
  while (n < need) n *= 2;
  void *p = realloc(*ptr, n * elem);
  if (!p) return false;
  *ptr = p;
  *cap = n;
  return true;
}

static bool dlc_named(MlirOperation op, const char *name) {
  return dlc_sref_eq(mlirIdentifierStr(mlirOperationGetName(op)), name);
}

static MlirBlock dlc_module_body(MlirOperation module) {
  return mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
}

static bool dlc_module_has_symbol(MlirOperation module, const char *symbol) {
  MlirSymbolTable table = mlirSymbolTableCreate(module);
  bool found = !mlirOperationIsNull(mlirSymbolTableLookup(table, dlc_sref(symbol)));
  mlirSymbolTableDestroy(table);
  return found;
}

void dlc_gpu_unit_declare(dlc_gpu_unit_t *unit, const char *symbol, const char *text) {
  dlc_gpu_driver_t *d = unit->driver;
  for (size_t i = 0; i < d->num_declared; ++i)
    if (strcmp(d->declared[i], symbol) == 0) return;
  size_t len = strlen(symbol);
  char *copy = malloc(len + 1);
  if (copy) memcpy(copy, symbol, len + 1);
  if (!copy || !dlc_grow((void **)&d->declared, &d->cap_declared, d->num_declared + 1, sizeof(char *))) {
    free(copy);
    d->out_of_memory = true;
    return;
  }
  d->declared[d->num_declared++] = copy;
  dlc_strbuf_append(unit->decls, text);
  if (text[0] && text[strlen(text) - 1] != '\n') dlc_strbuf_append(unit->decls, "\n");
}

/* A function declaration (no body) whose symbol the module has already: the unit's declarations are
 * parsed with its function every time (so that the function verifies), and an emitter may also repeat
 * them in its function text; those already present are dropped instead of moved. */
static bool dlc_is_known_declaration(dlc_gpu_driver_t *d, MlirOperation op) {
  if (!dlc_named(op, "func.func") || !mlirBlockIsNull(mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0)))) return false;
  MlirStringRef name = mlirStringAttrGetValue(mlirOperationGetAttributeByName(op, mlirSymbolTableGetSymbolAttributeName()));
  char symbol[256];
  snprintf(symbol, sizeof(symbol), "%.*s", (int)name.length, name.data);
  return dlc_module_has_symbol(d->module, symbol);
}

/* Parses the unit's declarations followed by its function text as one module (so the function's calls
 * verify) and moves the ops to the end of the module, except declarations the module already has;
 * `*generated` receives the function (the one func.func with a body). */
static dlcrt_status_t dlc_parse_into_module(dlc_gpu_driver_t *d, const char *decls, const char *func_text,
                                            MlirOperation *generated) {
  dlc_strbuf_t text;
  dlc_strbuf_init(&text);
  dlc_strbuf_append(&text, decls);
  dlc_strbuf_append(&text, func_text);
  DLCRT_RETURN_IF_ERROR(dlc_strbuf_status(&text));
  MlirModule parsed = mlirModuleCreateParse(d->ctx, dlc_sref(dlc_strbuf_cstr(&text)));
  if (mlirModuleIsNull(parsed)) {
    dlcrt_status_t st = dlcrt_make_status(DLCRT_STATUS_INTERNAL, "dlc-lower-to-gpu: generated function does not parse:\n%s",
                                          dlc_strbuf_cstr(&text));
    dlc_strbuf_free(&text);
    return st;
  }
  dlc_strbuf_free(&text);
  MlirBlock body = mlirModuleGetBody(parsed);
  *generated = (MlirOperation){NULL};
  for (MlirOperation op = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(op);) {
    MlirOperation next = mlirOperationGetNextInBlock(op);
    if (!dlc_is_known_declaration(d, op)) { /* else it stays in `parsed`, destroyed with it */
      mlirOperationRemoveFromParent(op);
      mlirBlockAppendOwnedOperation(dlc_module_body(d->module), op);
      if (mlirOperationIsNull(*generated) && dlc_named(op, "func.func") &&
          !mlirBlockIsNull(mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0))))
        *generated = op;
    }
    op = next;
  }
  mlirModuleDestroy(parsed);
  if (mlirOperationIsNull(*generated))
    return dlcrt_make_status(DLCRT_STATUS_INTERNAL, "dlc-lower-to-gpu: the generated text has no function with a body");
  return NULL;
}

/* Replaces every "@__dlc_gpu_pending" of `text` with "@name". */
static dlcrt_status_t dlc_rename(const char *text, const char *name, dlc_strbuf_t *out) {
  const char *pending = "@" DLC_GPU_PENDING_NAME;
  size_t plen = strlen(pending);
  for (const char *p = text;;) {
    const char *hit = strstr(p, pending);
    if (!hit) {
      dlc_strbuf_append(out, p);
      break;
    }
    dlc_strbuf_append_n(out, p, (size_t)(hit - p));
    dlc_strbuf_appendf(out, "@%s", name);
    p = hit + plen;
  }
  return dlc_strbuf_status(out);
}

/* The function for a handled single-op unit's text: an existing one with the same text, or a new one. */
static dlcrt_status_t dlc_get_helper(dlc_gpu_driver_t *d, const dlc_gpu_unit_t *unit, dlc_strbuf_t *text,
                                     const char *decls, const char **name) {
  for (size_t i = 0; i < d->num_helpers; ++i)
    if (strcmp(d->helpers[i].key, dlc_strbuf_cstr(text)) == 0) {
      *name = d->helpers[i].name;
      return NULL;
    }
  if (!dlc_grow((void **)&d->helpers, &d->cap_helpers, d->num_helpers + 1, sizeof(dlc_gpu_helper_t)))
    return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory in dlc-lower-to-gpu");
  dlc_gpu_helper_t *h = &d->helpers[d->num_helpers];
  const dlc_op_info_t *info = dlc_op_info(unit->ops[0]);
  snprintf(h->name, sizeof(h->name), "__dlc_gpu_%s_%zu", info ? info->name : "kernel", d->num_helpers);
  dlc_strbuf_t renamed;
  dlc_strbuf_init(&renamed);
  dlcrt_status_t st = dlc_rename(dlc_strbuf_cstr(text), h->name, &renamed);
  MlirOperation generated;
  if (!st) st = dlc_parse_into_module(d, decls, dlc_strbuf_cstr(&renamed), &generated);
  dlc_strbuf_free(&renamed);
  if (st) return st;
  h->key = dlc_strbuf_take(text);
  if (!h->key) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory in dlc-lower-to-gpu");
  ++d->num_helpers;
  *name = h->name;
  return NULL;
}

/* Replaces the unit's ops by one func.call of `callee`, placed where the unit's last op was. */
static void dlc_replace_unit(dlc_gpu_unit_t *unit, const char *callee) {
  MlirOperation last = unit->ops[unit->num_ops - 1];
  MlirContext ctx = mlirOperationGetContext(last);
  MlirOperationState st = mlirOperationStateGet(dlc_sref("func.call"), mlirOperationGetLocation(unit->ops[0]));
  MlirType types[DLC_GPU_MAX_UNIT_VALUES];
  for (int i = 0; i < unit->num_outputs; ++i) types[i] = mlirValueGetType(unit->outputs[i]);
  mlirOperationStateAddOperands(&st, unit->num_inputs, unit->inputs);
  mlirOperationStateAddResults(&st, unit->num_outputs, types);
  MlirNamedAttribute attr =
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("callee")), mlirFlatSymbolRefAttrGet(ctx, dlc_sref(callee)));
  mlirOperationStateAddAttributes(&st, 1, &attr);
  MlirOperation call = mlirOperationCreate(&st);
  mlirBlockInsertOwnedOperationBefore(mlirOperationGetBlock(last), last, call);
  for (int i = 0; i < unit->num_outputs; ++i) mlirValueReplaceAllUsesOfWith(unit->outputs[i], mlirOperationGetResult(call, i));
  for (int i = unit->num_ops - 1; i >= 0; --i) mlirOperationDestroy(unit->ops[i]);
}

/* Offers `unit` to the emitters. On success with *handled, `text` holds the function (under the
 * pending name) and `decls` its declarations. A single-op unit is reset between emitters (an emitter
 * that absorbed ops but declined leaves nothing behind). */
static dlcrt_status_t dlc_try_emitters(dlc_gpu_driver_t *d, dlc_gpu_unit_t *unit, dlc_strbuf_t *text, dlc_strbuf_t *decls,
                                       bool *handled) {
  *handled = false;
  MlirOperation single = unit->ops[0];
  for (int i = 0; dlc_gpu_emitters[i] && !*handled; ++i) {
    if (mlirOperationIsNull(unit->group) && i > 0) DLCRT_RETURN_IF_ERROR(dlc_gpu_unit_init_single(unit, single));
    dlc_strbuf_clear(text);
    dlc_strbuf_clear(decls);
    while (d->num_declared > 0) free(d->declared[--d->num_declared]);
    DLCRT_RETURN_IF_ERROR(dlc_gpu_emitters[i](unit, DLC_GPU_PENDING_NAME, text, handled));
    DLCRT_RETURN_IF_ERROR(dlc_strbuf_status(text));
    DLCRT_RETURN_IF_ERROR(dlc_strbuf_status(decls));
    if (d->out_of_memory) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory in dlc-lower-to-gpu");
  }
  return NULL;
}

static bool dlc_is_offered(MlirOperation op) {
  const dlc_op_info_t *info = dlc_op_info(op);
  if (!info) return false;
  switch (info->op_class) {
    case DLC_OPC_RESHAPE: case DLC_OPC_CONSTANT: case DLC_OPC_DIM: return false;
    default: return true;
  }
}

/* Offers each top-level dlc op of `fn` as a single-op unit, in program order. */
static dlcrt_status_t dlc_lower_ops(dlc_gpu_driver_t *d, MlirOperation fn) {
  MlirOperation *ops = NULL;
  size_t n = 0, cap = 0;
  MlirRegion region = mlirOperationGetRegion(fn, 0);
  for (MlirBlock b = mlirRegionGetFirstBlock(region); !mlirBlockIsNull(b); b = mlirBlockGetNextInRegion(b))
    for (MlirOperation op = mlirBlockGetFirstOperation(b); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
      if (!dlc_is_offered(op)) continue;
      if (!dlc_grow((void **)&ops, &cap, n + 1, sizeof(MlirOperation))) {
        free(ops);
        return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory in dlc-lower-to-gpu");
      }
      ops[n++] = op;
    }
  bool *gone = calloc(n + 1, sizeof(bool));
  dlc_gpu_unit_t *unit = calloc(1, sizeof(dlc_gpu_unit_t));
  dlc_strbuf_t text, decls;
  dlc_strbuf_init(&text);
  dlc_strbuf_init(&decls);
  dlcrt_status_t st = gone && unit ? NULL : dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory in dlc-lower-to-gpu");
  for (size_t i = 0; !st && i < n; ++i) {
    if (gone[i]) continue;
    unit->options = &d->options;
    unit->decls = &decls;
    unit->driver = d;
    st = dlc_gpu_unit_init_single(unit, ops[i]);
    if (st) { /* too many operands for a unit: leave the op to the generic path */
      dlcrt_status_free(st);
      st = NULL;
      continue;
    }
    bool handled = false;
    st = dlc_try_emitters(d, unit, &text, &decls, &handled);
    if (st) {
      char where[160];
      const dlc_op_info_t *info = dlc_op_info(ops[i]);
      snprintf(where, sizeof(where), "dlc-lower-to-gpu: 'dlc.%s': ", info->name);
      dlcrt_status_t wrapped = dlcrt_make_status(DLCRT_STATUS_INTERNAL, "%s%s", where, dlcrt_status_message(st));
      dlcrt_status_free(st);
      st = wrapped;
      break;
    }
    if (!handled) continue;
    const char *name = NULL;
    st = dlc_get_helper(d, unit, &text, dlc_strbuf_cstr(&decls), &name);
    if (st) break;
    for (int k = 1; k < unit->num_ops; ++k) /* absorbed ops come later in `ops` */
      for (size_t j = i + 1; j < n; ++j)
        if (mlirOperationEqual(ops[j], unit->ops[k])) gone[j] = true;
    dlc_replace_unit(unit, name);
  }
  dlc_strbuf_free(&text);
  dlc_strbuf_free(&decls);
  free(unit);
  free(gone);
  free(ops);
  return st;
}

/* A fusion group as one unit: its body's dlc ops, its arguments, its returned values. Returns false
 * (without error) when the group's body has something else than dlc ops, several blocks, too many
 * ops, or returns a value it does not compute. */
static bool dlc_group_unit(MlirOperation fn, dlc_gpu_unit_t *unit) {
  MlirRegion region = mlirOperationGetRegion(fn, 0);
  MlirBlock body = mlirRegionGetFirstBlock(region);
  if (mlirBlockIsNull(body) || !mlirBlockIsNull(mlirBlockGetNextInRegion(body))) return false;
  unit->group = fn;
  unit->num_ops = unit->num_inputs = unit->num_outputs = 0;
  MlirOperation ret = mlirBlockGetTerminator(body);
  for (MlirOperation op = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    if (mlirOperationEqual(op, ret)) break;
    if (!dlc_op_info(op) || unit->num_ops == DLC_GPU_MAX_UNIT_OPS) return false;
    unit->ops[unit->num_ops++] = op;
  }
  intptr_t nargs = mlirBlockGetNumArguments(body), nret = mlirOperationGetNumOperands(ret);
  if (nargs > DLC_GPU_MAX_UNIT_VALUES || nret > DLC_GPU_MAX_UNIT_VALUES || nret == 0) return false;
  for (intptr_t i = 0; i < nargs; ++i) unit->inputs[unit->num_inputs++] = mlirBlockGetArgument(body, i);
  for (intptr_t i = 0; i < nret; ++i) {
    MlirValue v = mlirOperationGetOperand(ret, i);
    if (dlc_gpu_unit_op_index(unit, v) < 0) return false;
    unit->outputs[unit->num_outputs++] = v;
  }
  return true;
}

/* Tries the group as one kernel; *handled says whether its body was replaced. */
static dlcrt_status_t dlc_lower_group(dlc_gpu_driver_t *d, MlirOperation fn, bool *handled) {
  *handled = false;
  dlc_gpu_unit_t *unit = calloc(1, sizeof(dlc_gpu_unit_t));
  if (!unit) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory in dlc-lower-to-gpu");
  dlc_strbuf_t text, decls;
  dlc_strbuf_init(&text);
  dlc_strbuf_init(&decls);
  unit->options = &d->options;
  unit->decls = &decls;
  unit->driver = d;
  dlcrt_status_t st = NULL;
  if (dlc_group_unit(fn, unit)) st = dlc_try_emitters(d, unit, &text, &decls, handled);
  MlirOperation generated = {NULL};
  if (!st && *handled) st = dlc_parse_into_module(d, dlc_strbuf_cstr(&decls), dlc_strbuf_cstr(&text), &generated);
  if (!st && *handled) {
    mlirRegionTakeBody(mlirOperationGetRegion(fn, 0), mlirOperationGetRegion(generated, 0));
    mlirOperationDestroy(generated);
    mlirOperationSetAttributeByName(fn, dlc_sref("dlc.gpu_kernel"), mlirUnitAttrGet(d->ctx));
  }
  if (st) {
    MlirAttribute sym = mlirOperationGetAttributeByName(fn, mlirSymbolTableGetSymbolAttributeName());
    MlirStringRef name = mlirStringAttrGetValue(sym);
    dlcrt_status_t wrapped = dlcrt_make_status(DLCRT_STATUS_INTERNAL, "dlc-lower-to-gpu: fusion group @%.*s: %s",
                                               (int)name.length, name.data, dlcrt_status_message(st));
    dlcrt_status_free(st);
    st = wrapped;
  }
  dlc_strbuf_free(&text);
  dlc_strbuf_free(&decls);
  free(unit);
  return st;
}

static bool dlc_lower_module(MlirOperation module, const dlc_gpu_options_t *options) {
  dlc_gpu_driver_t d = {.module = module, .ctx = mlirOperationGetContext(module), .options = *options};
  /* The functions present before the pass; generated ones are appended after them and skipped. */
  MlirOperation fns[4096];
  int nfns = 0;
  for (MlirOperation op = mlirBlockGetFirstOperation(dlc_module_body(module)); !mlirOperationIsNull(op);
       op = mlirOperationGetNextInBlock(op)) {
    if (!dlc_named(op, "func.func") || mlirBlockIsNull(mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0)))) continue;
    if (!mlirAttributeIsNull(mlirOperationGetAttributeByName(op, dlc_sref("dlc.gpu_kernel")))) continue;
    if (nfns == (int)(sizeof(fns) / sizeof(fns[0]))) {
      mlirEmitError(mlirOperationGetLocation(module), "dlc-lower-to-gpu: more than 4096 functions");
      return false;
    }
    fns[nfns++] = op;
  }
  dlcrt_status_t st = NULL;
  for (int i = 0; !st && i < nfns; ++i) {
    bool handled = false;
    if (dlc_is_fusion_func(fns[i])) st = dlc_lower_group(&d, fns[i], &handled);
    if (!st && !handled) st = dlc_lower_ops(&d, fns[i]);
    if (st) mlirEmitError(mlirOperationGetLocation(fns[i]), dlcrt_status_message(st));
  }
  dlcrt_status_free(st);
  for (size_t i = 0; i < d.num_helpers; ++i) free(d.helpers[i].key);
  for (size_t i = 0; i < d.num_declared; ++i) free(d.declared[i]);
  free(d.helpers);
  free(d.declared);
  return st == NULL;
}

/* Defaults when the pass is added by flag without pipeline options. */
bool dlc_run_lower_to_gpu(MlirOperation module) {
  dlc_gpu_options_t options = {.arch = "sm_90", .allow_tf32 = false};
  return dlc_lower_module(module, &options);
}

/* The pass with options: its user data is a heap copy of the options (cloned per pass instance). */
static void dlc_gpu_pass_construct(void *user_data) { (void)user_data; }
static void dlc_gpu_pass_destruct(void *user_data) { free(user_data); }
static void *dlc_gpu_pass_clone(void *user_data) {
  dlc_gpu_options_t *copy = malloc(sizeof(dlc_gpu_options_t));
  if (copy) *copy = *(const dlc_gpu_options_t *)user_data;
  return copy;
}
static void dlc_gpu_pass_run(MlirOperation op, MlirExternalPass pass, void *user_data) {
  if (!user_data || !dlc_lower_module(op, user_data)) mlirExternalPassSignalFailure(pass);
}

MlirPass dlc_lower_to_gpu_pass_create(const dlc_pass_def_t *def, const char *gpu_arch, bool allow_tf32, bool no_fusion) {
  dlc_gpu_options_t *options = calloc(1, sizeof(dlc_gpu_options_t));
  if (options) {
    snprintf(options->arch, sizeof(options->arch), "%s", gpu_arch ? gpu_arch : "sm_90");
    options->allow_tf32 = allow_tf32;
    options->no_fusion = no_fusion;
  }
  MlirExternalPassCallbacks callbacks = {dlc_gpu_pass_construct, dlc_gpu_pass_destruct, NULL, dlc_gpu_pass_clone,
                                         dlc_gpu_pass_run};
  return mlirCreateExternalPass(mlirTypeIDCreate(def), dlc_sref(def->flag), dlc_sref(def->flag), dlc_sref(def->summary),
                                dlc_sref(def->anchor), 0, NULL, callbacks, options);
}
