/* The epilogue a convolution absorbs on CUDA (emit_conv_kernel.c, emit_conv_gemm.c): a residual add that
 * is its only user (cuBLASLt's C with beta 1, or the implicit-GEMM kernel's epilogue), or a "loop" fusion
 * group that is exactly that add (+ relu), then a relu that is the only user of what came before. Nothing
 * under --no-fusion (dlc_gpu_options_t.no_fusion): one launch per op is the baseline fusion is measured
 * against. One copy for both convolution paths, with the lookup of the convolution's operands among the
 * unit's inputs once the epilogue is absorbed, and the output-size arithmetic both need. */
#include "gemm_call.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

/* The op holding the only use of `v`, or null (no use, or several). */
static MlirOperation dlc_only_user(MlirValue v) {
  MlirOpOperand use = mlirValueGetFirstUse(v);
  if (mlirOpOperandIsNull(use) || !mlirOpOperandIsNull(mlirOpOperandGetNextUse(use))) return (MlirOperation){NULL};
  return mlirOpOperandGetOwner(use);
}

/* A func.call of a "loop" fusion group whose body is exactly dlc.add(%arg0, %arg1) [, dlc.relu of it],
 * returned, with `v` passed as one of the two arguments and a tensor of v's type as the other: the
 * residual add (+ relu) that fuse-elementwise grouped before dlc-lower-to-gpu saw the conv. Returns the
 * other operand (the residual) and whether there is a relu, or a null value. The group function loses
 * its only call when the kernel absorbs it; the pipeline's symbol-dce removes it. */
static MlirValue dlc_residual_group(MlirOperation call, MlirValue v, bool *relu) {
  MlirValue none = {NULL};
  *relu = false;
  if (!dlc_sref_eq(mlirIdentifierStr(mlirOperationGetName(call)), "func.call") ||
      mlirOperationGetNumOperands(call) != 2 || mlirOperationGetNumResults(call) != 1)
    return none;
  MlirAttribute callee = mlirOperationGetAttributeByName(call, dlc_sref("callee"));
  if (mlirAttributeIsNull(callee) || !mlirAttributeIsAFlatSymbolRef(callee)) return none;
  MlirOperation m = call;
  while (!mlirOperationIsNull(m) && !dlc_sref_eq(mlirIdentifierStr(mlirOperationGetName(m)), "builtin.module"))
    m = mlirOperationGetParentOperation(m);
  if (mlirOperationIsNull(m)) return none;
  MlirSymbolTable table = mlirSymbolTableCreate(m);
  MlirOperation fn = mlirSymbolTableLookup(table, mlirFlatSymbolRefAttrGetValue(callee));
  mlirSymbolTableDestroy(table);
  if (mlirOperationIsNull(fn) || !dlc_is_fusion_func(fn)) return none;
  MlirAttribute fusion = mlirOperationGetAttributeByName(fn, dlc_sref("dlc.fusion"));
  MlirAttribute kind = mlirAttributeIsNull(fusion) || !mlirAttributeIsADictionary(fusion)
                           ? (MlirAttribute){NULL}
                           : mlirDictionaryAttrGetElementByName(fusion, dlc_sref("kind"));
  if (mlirAttributeIsNull(kind) || !mlirAttributeIsAString(kind) || !dlc_sref_eq(mlirStringAttrGetValue(kind), "loop"))
    return none;
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(fn, 0));
  if (mlirBlockIsNull(body) || mlirBlockGetNumArguments(body) != 2) return none;
  MlirOperation add = mlirBlockGetFirstOperation(body);
  if (mlirOperationIsNull(add) || !dlc_op_is(add, DLC_ADD) || mlirOperationGetNumOperands(add) != 2) return none;
  MlirValue a0 = mlirBlockGetArgument(body, 0), a1 = mlirBlockGetArgument(body, 1);
  MlirValue x0 = mlirOperationGetOperand(add, 0), x1 = mlirOperationGetOperand(add, 1);
  if (!((mlirValueEqual(x0, a0) && mlirValueEqual(x1, a1)) || (mlirValueEqual(x0, a1) && mlirValueEqual(x1, a0))))
    return none;
  MlirValue last = mlirOperationGetResult(add, 0);
  MlirOperation next = mlirOperationGetNextInBlock(add);
  if (!mlirOperationIsNull(next) && dlc_op_is(next, DLC_RELU) && mlirValueEqual(mlirOperationGetOperand(next, 0), last)) {
    *relu = true;
    last = mlirOperationGetResult(next, 0);
    next = mlirOperationGetNextInBlock(next);
  }
  if (mlirOperationIsNull(next) || !dlc_sref_eq(mlirIdentifierStr(mlirOperationGetName(next)), "func.return") ||
      mlirOperationGetNumOperands(next) != 1 || !mlirValueEqual(mlirOperationGetOperand(next, 0), last))
    return none;
  MlirValue c0 = mlirOperationGetOperand(call, 0), c1 = mlirOperationGetOperand(call, 1);
  MlirValue other = mlirValueEqual(c0, v) ? c1 : mlirValueEqual(c1, v) ? c0 : none;
  if (mlirValueIsNull(other) || mlirValueEqual(other, v) || !mlirTypeEqual(mlirValueGetType(other), mlirValueGetType(v)) ||
      !mlirTypeEqual(mlirValueGetType(mlirOperationGetResult(call, 0)), mlirValueGetType(v)))
    return none;
  return other;
}

void dlc_conv_absorb_epilogue(dlc_gpu_unit_t *unit, MlirOperation conv, bool loop_groups, MlirValue *residual, bool *relu) {
  MlirValue last = mlirOperationGetResult(conv, 0);
  *residual = (MlirValue){NULL};
  *relu = false;
  if (unit->options->no_fusion) return;
  MlirOperation add = dlc_only_user(last);
  MlirValue r = mlirOperationIsNull(add) ? (MlirValue){NULL} : dlc_gemm_residual_of(add, last);
  if (!mlirValueIsNull(r)) {
    dlcrt_status_t st = dlc_gpu_unit_absorb(unit, add);
    if (!st) *residual = r, last = mlirOperationGetResult(add, 0);
    dlcrt_status_free(st);
  }
  if (loop_groups && mlirValueIsNull(*residual)) {
    MlirOperation call = dlc_only_user(last);
    bool group_relu = false;
    r = mlirOperationIsNull(call) ? (MlirValue){NULL} : dlc_residual_group(call, last, &group_relu);
    if (!mlirValueIsNull(r)) {
      dlcrt_status_t st = dlc_gpu_unit_absorb(unit, call);
      if (!st) *residual = r, *relu = group_relu, last = mlirOperationGetResult(call, 0);
      dlcrt_status_free(st);
    }
  }
  if (!*relu) {
    MlirOperation op = dlc_only_user(last);
    if (!mlirOperationIsNull(op) && dlc_op_is(op, DLC_RELU)) {
      dlcrt_status_t st = dlc_gpu_unit_absorb(unit, op);
      *relu = st == NULL;
      dlcrt_status_free(st);
    }
  }
}

bool dlc_conv_input_indices(const dlc_gpu_unit_t *unit, MlirValue x, MlirValue w, MlirValue bias, MlirValue residual, int *ix,
                            int *iw, int *ib, int *ir) {
  if (unit->num_outputs != 1) return false;
  *ix = dlc_gpu_unit_input_index(unit, x);
  *iw = dlc_gpu_unit_input_index(unit, w);
  *ib = mlirValueIsNull(bias) ? -1 : dlc_gpu_unit_input_index(unit, bias);
  *ir = mlirValueIsNull(residual) ? -1 : dlc_gpu_unit_input_index(unit, residual);
  return *ix >= 0 && *iw >= 0 && (mlirValueIsNull(bias) || *ib >= 0) && (mlirValueIsNull(residual) || *ir >= 0);
}

dlc_gemm_idx_t dlc_conv_out_size(dlc_gemm_text_t *t, int64_t static_size, dlc_gemm_idx_t in, int64_t pads, int64_t dilation,
                                 int64_t k, int64_t stride) {
  if (static_size != DLC_DYN) return dlc_gemm_const(t, static_size);
  dlc_gemm_idx_t x = dlc_gemm_arith(t, "addi", in, dlc_gemm_const(t, pads - dilation * (k - 1) - 1));
  x = dlc_gemm_arith(t, "divsi", x, dlc_gemm_const(t, stride));
  return dlc_gemm_arith(t, "addi", x, dlc_gemm_const(t, 1));
}

bool dlc_conv_read_params(MlirOperation conv, dlc_window_params_t *out) {
  dlcrt_status_t st = dlc_window_params(conv, out);
  bool ok = st == NULL;
  dlcrt_status_free(st);
  return ok;
}
