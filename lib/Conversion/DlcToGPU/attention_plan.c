/* Builds the plan of an attention kernel (attention_plan.h) from a fusion group's dlc ops: finds the two
 * matmuls, the softmax between them and the score ops on the way, traces Q, K and V to group inputs
 * through at most one transpose each, reads the output's layout, and chooses the key splits from the
 * shared memory the tiles need. Anything it does not recognize makes it return false. */
#include <string.h>

#include "attention_plan.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

static bool att_rank4_f32(MlirValue v, dlc_shape_t *s) {
  return dlc_shape_from_type(mlirValueGetType(v), s) && s->rank == 4 && mlirTypeIsAF32(s->elem);
}

/* `v` is a group input, or one transpose of a group input (inside the group). */
static bool att_trace_operand(const dlc_gpu_unit_t *unit, MlirValue v, att_operand_t *o) {
  dlc_shape_t s;
  if (!att_rank4_f32(v, &s)) return false;
  for (int k = 0; k < 4; ++k) o->map[k] = k;
  o->input = dlc_gpu_unit_input_index(unit, v);
  if (o->input >= 0) return true;
  int def = dlc_gpu_unit_op_index(unit, v);
  if (def < 0 || !dlc_op_is(unit->ops[def], DLC_TRANSPOSE)) return false;
  MlirOperation tr = unit->ops[def];
  int64_t perm[DLCRT_MAX_RANK];
  int32_t n = 0;
  dlcrt_status_t st = dlc_attr_i64_array(tr, "perm", perm, DLCRT_MAX_RANK, &n);
  if (st) {
    dlcrt_status_free(st);
    return false;
  }
  if (n != 4) return false;
  o->input = dlc_gpu_unit_input_index(unit, mlirOperationGetOperand(tr, 0));
  for (int k = 0; k < 4; ++k) o->map[k] = perm[k];
  return o->input >= 0 && att_rank4_f32(mlirOperationGetOperand(tr, 0), &s);
}

bool dlc_attention_splat_f32(MlirOperation op, double *v) {
  if (!dlc_op_is(op, DLC_CONSTANT)) return false;
  MlirAttribute a = mlirOperationGetAttributeByName(op, dlc_sref("value"));
  if (mlirAttributeIsNull(a) || !mlirAttributeIsADenseElements(a) || !mlirDenseElementsAttrIsSplat(a)) return false;
  MlirAttribute e = mlirDenseElementsAttrGetSplatValue(a);
  if (!mlirAttributeIsAFloat(e)) return false;
  *v = mlirFloatAttrGetValueDouble(e);
  return true;
}

/* Whether operand `v` of a score op is something the kernel can read: a splat constant of the group, or
 * a group input (f32 or i1) broadcastable to the scores. */
static bool att_readable(const dlc_gpu_unit_t *unit, MlirValue v) {
  double c;
  int def = dlc_gpu_unit_op_index(unit, v);
  if (def >= 0) return dlc_attention_splat_f32(unit->ops[def], &c);
  dlc_shape_t s;
  return dlc_gpu_unit_input_index(unit, v) >= 0 && dlc_shape_from_type(mlirValueGetType(v), &s) && s.rank <= 4 &&
         (mlirTypeIsAF32(s.elem) || (mlirTypeIsAInteger(s.elem) && mlirIntegerTypeGetWidth(s.elem) == 1));
}

bool dlc_attention_plan_build(att_plan_t *p, dlc_gpu_unit_t *unit) {
  memset(p, 0, sizeof(*p));
  p->unit = unit;
  if (unit->num_outputs != 1) return false;
  int nmm = 0;
  MlirOperation mms[2];
  for (int i = 0; i < unit->num_ops; ++i) {
    MlirOperation op = unit->ops[i];
    if (dlc_op_is(op, DLC_MATMUL)) {
      if (nmm == 2) return false;
      mms[nmm++] = op;
    } else if (dlc_op_is(op, DLC_SOFTMAX)) {
      if (!mlirOperationIsNull(p->sm)) return false;
      p->sm = op;
    }
  }
  if (nmm != 2 || mlirOperationIsNull(p->sm)) return false;
  p->mm1 = mms[0];
  p->mm2 = mms[1];
  int64_t axis = -1;
  dlcrt_status_t st = dlc_attr_i64(p->sm, "axis", -1, &axis);
  if (st) {
    dlcrt_status_free(st);
    return false;
  }
  if (axis != -1 && axis != 3) return false;
  if (!mlirValueEqual(mlirOperationGetOperand(p->mm2, 0), mlirOperationGetResult(p->sm, 0))) return false;
  /* The score chain mm1 -> ... -> softmax, every link the single use of the previous value. */
  MlirValue cur = mlirOperationGetResult(p->mm1, 0);
  for (;;) {
    MlirOpOperand use = mlirValueGetFirstUse(cur);
    if (mlirOpOperandIsNull(use) || !mlirOpOperandIsNull(mlirOpOperandGetNextUse(use))) return false;
    MlirOperation op = mlirOpOperandGetOwner(use);
    if (mlirOperationEqual(op, p->sm)) break;
    if (p->nscore == ATT_MAX_SCORE_OPS || dlc_gpu_unit_op_index(unit, mlirOperationGetResult(op, 0)) < 0) return false;
    bool kind_ok = dlc_op_is(op, DLC_MUL) || dlc_op_is(op, DLC_DIV) || dlc_op_is(op, DLC_ADD) || dlc_op_is(op, DLC_WHERE);
    if (!kind_ok) return false;
    dlc_shape_t rs;
    if (!att_rank4_f32(mlirOperationGetResult(op, 0), &rs)) return false;
    intptr_t n = mlirOperationGetNumOperands(op);
    int scores_at = -1;
    for (intptr_t k = 0; k < n; ++k) {
      MlirValue o = mlirOperationGetOperand(op, k);
      if (mlirValueEqual(o, cur)) {
        if (scores_at >= 0) return false;
        scores_at = (int)k;
      } else if (!att_readable(unit, o)) {
        return false;
      }
    }
    if (scores_at < 0 || (dlc_op_is(op, DLC_WHERE) && scores_at == 0)) return false;
    p->score[p->nscore++] = op;
    cur = mlirOperationGetResult(op, 0);
  }
  if (!att_trace_operand(unit, mlirOperationGetOperand(p->mm1, 0), &p->q) ||
      !att_trace_operand(unit, mlirOperationGetOperand(p->mm1, 1), &p->k) ||
      !att_trace_operand(unit, mlirOperationGetOperand(p->mm2, 1), &p->v))
    return false;
  if (dlc_attr_flag(p->mm1, "transpose_a") || dlc_attr_flag(p->mm2, "transpose_a") || dlc_attr_flag(p->mm2, "transpose_b")) return false;
  if (dlc_attr_flag(p->mm1, "transpose_b")) { /* K given as [B,H,Sk,D]: K^T's dims 2 and 3 swap */
    int64_t t = p->k.map[2];
    p->k.map[2] = p->k.map[3];
    p->k.map[3] = t;
  }
  dlc_shape_t q, v, o;
  if (!att_rank4_f32(mlirOperationGetOperand(p->mm1, 0), &q) || !att_rank4_f32(mlirOperationGetOperand(p->mm2, 1), &v) ||
      !att_rank4_f32(mlirOperationGetResult(p->mm2, 0), &o))
    return false;
  p->d = q.dims[3];
  p->dv = v.dims[3];
  if (p->d == DLC_DYN || p->dv == DLC_DYN || p->d < 1 || p->dv < 1 || p->d > 32 * ATT_MAX_REGS || p->dv > 32 * ATT_MAX_REGS) return false;
  /* The output: mm2's result, or one transpose of it. */
  for (int k = 0; k < 4; ++k) p->out_map[k] = k;
  MlirValue res = mlirOperationGetResult(p->mm2, 0);
  if (!mlirValueEqual(unit->outputs[0], res)) {
    MlirOpOperand use = mlirValueGetFirstUse(res);
    if (mlirOpOperandIsNull(use) || !mlirOpOperandIsNull(mlirOpOperandGetNextUse(use))) return false;
    MlirOperation tr = mlirOpOperandGetOwner(use);
    if (!dlc_op_is(tr, DLC_TRANSPOSE) || !mlirValueEqual(mlirOperationGetResult(tr, 0), unit->outputs[0])) return false;
    int64_t perm[DLCRT_MAX_RANK];
    int32_t n = 0;
    st = dlc_attr_i64_array(tr, "perm", perm, DLCRT_MAX_RANK, &n);
    if (st) {
      dlcrt_status_free(st);
      return false;
    }
    if (n != 4) return false;
    for (int k = 0; k < 4; ++k) p->out_map[perm[k]] = k; /* Out dim k = O dim perm[k] */
    p->out_tr = tr;
  }
  /* Every op of the group is accounted for (splat constants are read as literals). */
  int transposes = 0;
  for (int i = 0; i < unit->num_ops; ++i) {
    MlirOperation op = unit->ops[i];
    double c;
    if (dlc_op_is(op, DLC_TRANSPOSE)) ++transposes;
    else if (!dlc_op_is(op, DLC_MATMUL) && !dlc_op_is(op, DLC_SOFTMAX) && !dlc_attention_splat_f32(op, &c)) {
      bool score = false;
      for (int k = 0; k < p->nscore; ++k) score |= mlirOperationEqual(op, p->score[k]);
      if (!score) return false;
    }
  }
  if (transposes > 4) return false;
  /* Two warps per query row (half the key tiles each: twice the warps in flight, half the serial work
   * per warp) when the doubled tiles fit the default 48 KiB of dynamic shared memory. */
  p->splits = 2;
  if (att_smem_floats(p) * 4 > ATT_SMEM_LIMIT) p->splits = 1;
  dlc_shape_t ks;
  int64_t sk = att_rank4_f32(mlirOperationGetOperand(p->mm1, 1), &ks) ? ks.dims[dlc_attr_flag(p->mm1, "transpose_b") ? 2 : 3] : DLC_DYN;
  p->sk_full = sk != DLC_DYN && sk > 0 && sk % (ATT_KEY_TILE * p->splits) == 0;
  return true;
}
