/* Kernel units of DlcToGPU (see gpu_emit.h): membership queries, growing a single-op unit with
 * consumer ops (recomputing its inputs and outputs), and the text pieces every emitter's function
 * starts and ends with (signature, bufferization.to_buffer of the inputs, to_tensor of the outputs). */
#include <string.h>

#include "gpu_emit.h"
#include "mlir-c/BuiltinAttributes.h"

int dlc_gpu_unit_op_index(const dlc_gpu_unit_t *unit, MlirValue v) {
  if (!mlirValueIsAOpResult(v)) return -1;
  MlirOperation def = mlirOpResultGetOwner(v);
  for (int i = 0; i < unit->num_ops; ++i)
    if (mlirOperationEqual(unit->ops[i], def)) return i;
  return -1;
}

int dlc_gpu_unit_input_index(const dlc_gpu_unit_t *unit, MlirValue v) {
  for (int i = 0; i < unit->num_inputs; ++i)
    if (mlirValueEqual(unit->inputs[i], v)) return i;
  return -1;
}

bool dlc_gpu_is_elementwise_op(MlirOperation op) {
  const dlc_op_info_t *info = dlc_op_info(op);
  if (!info || mlirOperationGetNumResults(op) != 1) return false;
  switch (info->op_class) {
    case DLC_OPC_UNARY: case DLC_OPC_BINARY: case DLC_OPC_COMPARE: case DLC_OPC_WHERE: case DLC_OPC_CAST: return true;
    default: return false;
  }
}

static bool dlc_unit_contains(const dlc_gpu_unit_t *unit, MlirOperation op) {
  for (int i = 0; i < unit->num_ops; ++i)
    if (mlirOperationEqual(unit->ops[i], op)) return true;
  return false;
}

bool dlc_gpu_unit_only_internal_uses(const dlc_gpu_unit_t *unit, MlirValue v) {
  for (MlirOpOperand use = mlirValueGetFirstUse(v); !mlirOpOperandIsNull(use); use = mlirOpOperandGetNextUse(use))
    if (!dlc_unit_contains(unit, mlirOpOperandGetOwner(use))) return false;
  return true;
}

static bool dlc_value_listed(const MlirValue *values, int n, MlirValue v) {
  for (int i = 0; i < n; ++i)
    if (mlirValueEqual(values[i], v)) return true;
  return false;
}

/* Inputs: operands defined outside, in order of first use. Outputs: results with a use outside the
 * unit, or with no use at all (a lone op's result), in program order. */
static dlcrt_status_t dlc_unit_recompute(dlc_gpu_unit_t *unit) {
  unit->num_inputs = unit->num_outputs = 0;
  for (int i = 0; i < unit->num_ops; ++i) {
    MlirOperation op = unit->ops[i];
    for (intptr_t k = 0; k < mlirOperationGetNumOperands(op); ++k) {
      MlirValue v = mlirOperationGetOperand(op, k);
      if (dlc_gpu_unit_op_index(unit, v) >= 0 || dlc_value_listed(unit->inputs, unit->num_inputs, v)) continue;
      if (unit->num_inputs == DLC_GPU_MAX_UNIT_VALUES)
        return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "kernel unit with more than %d inputs",
                                 DLC_GPU_MAX_UNIT_VALUES);
      unit->inputs[unit->num_inputs++] = v;
    }
  }
  for (int i = 0; i < unit->num_ops; ++i) {
    MlirOperation op = unit->ops[i];
    for (intptr_t k = 0; k < mlirOperationGetNumResults(op); ++k) {
      MlirValue r = mlirOperationGetResult(op, k);
      bool unused = mlirOpOperandIsNull(mlirValueGetFirstUse(r));
      if (!unused && dlc_gpu_unit_only_internal_uses(unit, r)) continue;
      if (unit->num_outputs == DLC_GPU_MAX_UNIT_VALUES)
        return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "kernel unit with more than %d outputs",
                                 DLC_GPU_MAX_UNIT_VALUES);
      unit->outputs[unit->num_outputs++] = r;
    }
  }
  return NULL;
}

dlcrt_status_t dlc_gpu_unit_absorb(dlc_gpu_unit_t *unit, MlirOperation op) {
  if (!mlirOperationIsNull(unit->group))
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "a fusion group's unit cannot absorb ops");
  if (unit->num_ops == 0 || unit->num_ops == DLC_GPU_MAX_UNIT_OPS)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "kernel unit is empty or full");
  if (dlc_unit_contains(unit, op)) return NULL;
  MlirOperation last = unit->ops[unit->num_ops - 1];
  if (!mlirBlockEqual(mlirOperationGetBlock(last), mlirOperationGetBlock(op)))
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "absorbed op is not in the unit's block");
  /* The unit becomes one call at the position of its last op: no op between the current last op and
   * `op` may use a unit result (it would then precede its definition). */
  MlirOperation it = mlirOperationGetNextInBlock(last);
  for (; !mlirOperationIsNull(it) && !mlirOperationEqual(it, op); it = mlirOperationGetNextInBlock(it)) {
    for (intptr_t k = 0; k < mlirOperationGetNumOperands(it); ++k)
      if (dlc_gpu_unit_op_index(unit, mlirOperationGetOperand(it, k)) >= 0)
        return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "an op between the unit and the absorbed op uses the unit");
  }
  if (mlirOperationIsNull(it))
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "absorbed op does not follow the unit in its block");
  unit->ops[unit->num_ops++] = op;
  dlcrt_status_t st = dlc_unit_recompute(unit);
  if (st) {
    --unit->num_ops;
    dlcrt_status_free(dlc_unit_recompute(unit));
  }
  return st;
}

dlcrt_status_t dlc_gpu_unit_init_single(dlc_gpu_unit_t *unit, MlirOperation op) {
  unit->group = (MlirOperation){NULL};
  unit->ops[0] = op;
  unit->num_ops = 1;
  return dlc_unit_recompute(unit);
}

static MlirAttribute dlc_fusion_entry(const dlc_gpu_unit_t *unit, const char *name) {
  if (mlirOperationIsNull(unit->group)) return mlirAttributeGetNull();
  MlirAttribute dict = mlirOperationGetAttributeByName(unit->group, dlc_sref(DLC_FUSION_ATTR));
  if (mlirAttributeIsNull(dict) || !mlirAttributeIsADictionary(dict)) return mlirAttributeGetNull();
  return mlirDictionaryAttrGetElementByName(dict, dlc_sref(name));
}

int64_t dlc_gpu_fusion_int(const dlc_gpu_unit_t *unit, const char *name, int64_t dflt) {
  MlirAttribute a = dlc_fusion_entry(unit, name);
  return !mlirAttributeIsNull(a) && mlirAttributeIsAInteger(a) ? mlirIntegerAttrGetValueInt(a) : dflt;
}

bool dlc_gpu_fusion_kind_is(const dlc_gpu_unit_t *unit, const char *kind) {
  MlirAttribute a = dlc_fusion_entry(unit, "kind");
  return !mlirAttributeIsNull(a) && mlirAttributeIsAString(a) && dlc_sref_eq(mlirStringAttrGetValue(a), kind);
}

static void dlc_append_shaped(dlc_strbuf_t *sb, const char *kind, const dlc_shape_t *s) {
  dlc_strbuf_appendf(sb, "%s<", kind);
  for (int32_t d = 0; d < s->rank; ++d) {
    if (s->dims[d] == DLC_DYN) dlc_strbuf_append(sb, "?x");
    else dlc_strbuf_appendf(sb, "%lldx", (long long)s->dims[d]);
  }
  dlc_strbuf_append_type(sb, s->elem);
  dlc_strbuf_append(sb, ">");
}

void dlc_gpu_append_tensor_type(dlc_strbuf_t *sb, const dlc_shape_t *s) { dlc_append_shaped(sb, "tensor", s); }
void dlc_gpu_append_memref_type(dlc_strbuf_t *sb, const dlc_shape_t *s) { dlc_append_shaped(sb, "memref", s); }

bool dlc_gpu_input_shape(const dlc_gpu_unit_t *unit, int i, dlc_shape_t *out) {
  return i >= 0 && i < unit->num_inputs && dlc_shape_from_type(mlirValueGetType(unit->inputs[i]), out);
}
bool dlc_gpu_output_shape(const dlc_gpu_unit_t *unit, int i, dlc_shape_t *out) {
  return i >= 0 && i < unit->num_outputs && dlc_shape_from_type(mlirValueGetType(unit->outputs[i]), out);
}

bool dlc_gpu_append_prologue(const dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out) {
  dlc_shape_t s;
  for (int i = 0; i < unit->num_inputs; ++i)
    if (!dlc_gpu_input_shape(unit, i, &s)) return false;
  for (int i = 0; i < unit->num_outputs; ++i)
    if (!dlc_gpu_output_shape(unit, i, &s)) return false;
  dlc_strbuf_appendf(out, "func.func private @%s(", func_name);
  for (int i = 0; i < unit->num_inputs; ++i) {
    dlc_gpu_input_shape(unit, i, &s);
    dlc_strbuf_appendf(out, "%s%%arg%d: ", i ? ", " : "", i);
    dlc_gpu_append_tensor_type(out, &s);
  }
  dlc_strbuf_append(out, ") -> (");
  for (int i = 0; i < unit->num_outputs; ++i) {
    dlc_gpu_output_shape(unit, i, &s);
    if (i) dlc_strbuf_append(out, ", ");
    dlc_gpu_append_tensor_type(out, &s);
  }
  dlc_strbuf_append(out, ") {\n");
  for (int i = 0; i < unit->num_inputs; ++i) {
    dlc_gpu_input_shape(unit, i, &s);
    dlc_strbuf_appendf(out, "  %%in%d = bufferization.to_buffer %%arg%d read_only : ", i, i);
    dlc_gpu_append_tensor_type(out, &s);
    dlc_strbuf_append(out, " to ");
    dlc_gpu_append_memref_type(out, &s);
    dlc_strbuf_append(out, "\n");
  }
  return true;
}

void dlc_gpu_append_epilogue(const dlc_gpu_unit_t *unit, dlc_strbuf_t *out) {
  dlc_shape_t s;
  for (int i = 0; i < unit->num_outputs; ++i) {
    dlc_gpu_output_shape(unit, i, &s);
    dlc_strbuf_appendf(out, "  %%r%d = bufferization.to_tensor %%out%d restrict writable : ", i, i);
    dlc_gpu_append_memref_type(out, &s);
    dlc_strbuf_append(out, " to ");
    dlc_gpu_append_tensor_type(out, &s);
    dlc_strbuf_append(out, "\n");
  }
  dlc_strbuf_append(out, "  return");
  for (int i = 0; i < unit->num_outputs; ++i) dlc_strbuf_appendf(out, "%s%%r%d", i ? ", " : " ", i);
  if (unit->num_outputs) dlc_strbuf_append(out, " : ");
  for (int i = 0; i < unit->num_outputs; ++i) {
    dlc_gpu_output_shape(unit, i, &s);
    if (i) dlc_strbuf_append(out, ", ");
    dlc_gpu_append_tensor_type(out, &s);
  }
  dlc_strbuf_append(out, "\n}\n");
}

dlcrt_status_t dlc_gpu_finish_function(const dlc_gpu_unit_t *unit, dlc_strbuf_t *text, dlc_strbuf_t *out, bool *handled) {
  dlc_gpu_append_epilogue(unit, text);
  dlcrt_status_t st = dlc_strbuf_status(text);
  if (!st) {
    dlc_strbuf_append(out, dlc_strbuf_cstr(text));
    *handled = true;
  }
  return st;
}
