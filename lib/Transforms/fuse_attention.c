/* Attention formation for --dlc-fuse-gemm-chain: matmul(Q, K^T) [scale by a scalar] [mask: where with
 * an i1 condition and a scalar, or add of a float mask] softmax(last axis) matmul(P, V) becomes ONE
 * group of kind "attention" (one kernel, emit_attention_kernel.c: online softmax over key positions, so
 * the score rows never reach memory and the key length is unbounded). Transposes feeding Q, K^T or V,
 * or consuming the output, join the group when they are the only path there: the kernel then reads and
 * writes the original layouts with strides instead of launching a transpose each.
 *
 * Rules (each miss is explained): rank-4 f32 operands with the same batch dims, head dims (of Q/K and of
 * V) static and at most 128, every intermediate used only by the next op of the chain, the merge
 * acyclic, and the cost model's fused estimate (at least the GEMM flops at 1/4 of the FMA peak: the kernel
 * is SIMT, on CUDA cores; at least the serial key steps of one warp) below the ops apart. Runs before stitch and elementwise
 * grouping (first fusion step), so those passes do not take the softmax or the scale. */
#include <string.h>

#include "dlc/mlir_util.h"
#include "mlir-c/BuiltinTypes.h"
#include "fusion.h"
#include "fuse_attention.h"

#define PASS "fuse-gemm-chain"
#define ATT_MAX_HEAD_DIM 128
#define ATT_SIMT_EFFICIENCY 0.25
/* Each warp walks its key range serially, one step of 64 keys (two warps per row, a 32-key tile each)
 * or of 32 keys when the head dims are too wide for two tiles in shared memory; a step costs about
 * 0.6 us of latency (measured on an H100: bert_tiny_s128's attention, Sk = 128 in 2 steps, 5.3 us under
 * Nsight Compute with cold caches, of which ~2 us launch and drain). */
#define ATT_STEP_US 0.6

/* The only user of op i's single result (and its only use), or -1. */
static int att_single_user(const dlc_fgraph_t *g, int i) {
  if (mlirOperationGetNumResults(g->ops[i]) != 1) return -1;
  MlirValue r = mlirOperationGetResult(g->ops[i], 0);
  int count = 0;
  for (MlirOpOperand u = mlirValueGetFirstUse(r); !mlirOpOperandIsNull(u); u = mlirOpOperandGetNextUse(u)) ++count;
  int users[2];
  if (count != 1 || dlc_fgraph_users(g, i, users, 2) != 1) return -1;
  return users[0];
}

static bool att_shape(MlirValue v, dlc_shape_t *s) { return dlc_shape_from_type(mlirValueGetType(v), s); }

/* A value with exactly one element known statically (a scalar scale or masked-fill value). */
static bool att_is_scalar(MlirValue v) {
  dlc_shape_t s;
  if (!att_shape(v, &s)) return false;
  for (int32_t d = 0; d < s.rank; ++d)
    if (s.dims[d] != 1) return false;
  return true;
}

/* `m` broadcasts (numpy rules, right-aligned) to the rank-4 scores shape without growing it. */
static bool att_broadcasts_to(MlirValue m, const dlc_shape_t *scores) {
  dlc_shape_t s;
  if (!att_shape(m, &s) || s.rank > scores->rank) return false;
  for (int32_t d = 0; d < s.rank; ++d) {
    int64_t a = s.dims[d], b = scores->dims[d + scores->rank - s.rank];
    if (a != 1 && a != DLC_DYN && b != DLC_DYN && a != b) return false;
  }
  return true;
}

/* One op between the first matmul and the softmax: scale (mul/div by a scalar) or mask (where with an
 * i1 condition and a scalar fill, add of a broadcastable float mask), with the scores as operand `in`. */
static bool att_is_score_op(MlirOperation op, MlirValue in, const dlc_shape_t *scores) {
  MlirValue a = mlirOperationGetOperand(op, 0);
  if (dlc_op_is(op, DLC_MUL)) {
    MlirValue b = mlirOperationGetOperand(op, 1);
    return (mlirValueEqual(a, in) && att_is_scalar(b)) || (mlirValueEqual(b, in) && att_is_scalar(a));
  }
  if (dlc_op_is(op, DLC_DIV)) return mlirValueEqual(a, in) && att_is_scalar(mlirOperationGetOperand(op, 1));
  if (dlc_op_is(op, DLC_ADD)) {
    MlirValue b = mlirOperationGetOperand(op, 1);
    MlirValue other = mlirValueEqual(a, in) ? b : a;
    dlc_shape_t s;
    return (mlirValueEqual(a, in) || mlirValueEqual(b, in)) && !mlirValueEqual(a, b) && att_shape(other, &s) &&
           mlirTypeIsAF32(s.elem) && att_broadcasts_to(other, scores);
  }
  if (dlc_op_is(op, DLC_WHERE)) {
    MlirValue t = mlirOperationGetOperand(op, 1), f = mlirOperationGetOperand(op, 2);
    if (mlirValueEqual(a, in) || mlirValueEqual(t, f)) return false;
    bool ok = (mlirValueEqual(t, in) && att_is_scalar(f)) || (mlirValueEqual(f, in) && att_is_scalar(t));
    return ok && att_broadcasts_to(a, scores);
  }
  return false;
}

static bool att_is_f32_rank4(MlirValue v, dlc_shape_t *s) { return att_shape(v, s) && s->rank == 4 && mlirTypeIsAF32(s->elem); }

/* A rank-4 transpose defining operand `v` of the chain, used only there: joins the group. */
static int att_operand_transpose(dlc_fgraph_t *g, MlirValue v) {
  int t = dlc_fgraph_def(g, v);
  if (t < 0 || !dlc_op_is(g->ops[t], DLC_TRANSPOSE) || g->claimed[dlc_fgraph_find(g, t)] || att_single_user(g, t) < 0) return -1;
  dlc_shape_t s;
  return att_is_f32_rank4(mlirOperationGetOperand(g->ops[t], 0), &s) ? t : -1;
}

/* Tries to form the attention group that starts at matmul i; explains the outcome when it found the
 * chain. Returns true when formed. */
static bool att_try(dlc_fgraph_t *g, int i, int claim) {
  MlirOperation mm1 = g->ops[i];
  char l1[160], l2[160];
  dlc_fusion_op_label(mm1, l1, sizeof(l1));
  int chain[8], nchain = 0, x = i, sm = -1;
  while (nchain < 4) { /* up to 3 score ops, then the softmax */
    int u = att_single_user(g, x);
    if (u < 0) return false;
    MlirOperation op = g->ops[u];
    dlc_shape_t sc;
    att_shape(mlirOperationGetResult(g->ops[x], 0), &sc);
    if (dlc_op_is(op, DLC_SOFTMAX)) {
      int32_t tr;
      if (!dlc_fusion_is_row_reduction(op, &tr)) {
        dlc_fusion_explain(PASS, "attention %s: not formed: the softmax is not over the last axis", l1);
        return false;
      }
      sm = u;
      break;
    }
    if (nchain == 3 || !att_is_score_op(op, mlirOperationGetResult(g->ops[x], 0), &sc)) return false;
    chain[nchain++] = u;
    x = u;
  }
  int mm2 = sm >= 0 ? att_single_user(g, sm) : -1;
  if (mm2 < 0 || !dlc_op_is(g->ops[mm2], DLC_MATMUL) ||
      !mlirValueEqual(mlirOperationGetOperand(g->ops[mm2], 0), mlirOperationGetResult(g->ops[sm], 0)))
    return false;
  dlc_fusion_op_label(g->ops[mm2], l2, sizeof(l2));
  if (dlc_attr_flag(mm1, "transpose_a") || dlc_attr_flag(g->ops[mm2], "transpose_a") || dlc_attr_flag(g->ops[mm2], "transpose_b")) {
    dlc_fusion_explain(PASS, "attention %s -> %s: not formed: a transposed Q or P/V operand (only K may be transposed)", l1, l2);
    return false;
  }
  dlc_shape_t q, kt, s, v, o;
  if (!att_is_f32_rank4(mlirOperationGetOperand(mm1, 0), &q) || !att_is_f32_rank4(mlirOperationGetOperand(mm1, 1), &kt) ||
      !att_is_f32_rank4(mlirOperationGetResult(mm1, 0), &s) || !att_is_f32_rank4(mlirOperationGetOperand(g->ops[mm2], 1), &v) ||
      !att_is_f32_rank4(mlirOperationGetResult(g->ops[mm2], 0), &o)) {
    dlc_fusion_explain(PASS, "attention %s -> %s: not formed: operands are not rank-4 f32 tensors", l1, l2);
    return false;
  }
  for (int d = 0; d < 2; ++d)
    if (q.dims[d] != kt.dims[d] || q.dims[d] != v.dims[d] || q.dims[d] != s.dims[d]) {
      dlc_fusion_explain(PASS, "attention %s -> %s: not formed: Q, K and V batch dims differ (broadcast)", l1, l2);
      return false;
    }
  if (q.dims[3] == DLC_DYN || v.dims[3] == DLC_DYN || q.dims[3] > ATT_MAX_HEAD_DIM || v.dims[3] > ATT_MAX_HEAD_DIM) {
    dlc_fusion_explain(PASS, "attention %s -> %s: not formed: head dims %lld/%lld are dynamic or above %d (the per-row "
                             "accumulator must fit registers)",
                       l1, l2, (long long)q.dims[3], (long long)v.dims[3], ATT_MAX_HEAD_DIM);
    return false;
  }
  int members[16], n = 0;
  members[n++] = i;
  for (int k = 0; k < nchain; ++k) members[n++] = chain[k];
  members[n++] = sm;
  members[n++] = mm2;
  for (int k = 0; k < n; ++k)
    if (g->claimed[dlc_fgraph_find(g, members[k])]) return false;
  /* Adjacent transposes: Q, K^T, V and the output, when this chain is their only path. */
  int tq = att_operand_transpose(g, mlirOperationGetOperand(mm1, 0));
  int tk = att_operand_transpose(g, mlirOperationGetOperand(mm1, 1));
  int tv = att_operand_transpose(g, mlirOperationGetOperand(g->ops[mm2], 1));
  int to = att_single_user(g, mm2);
  dlc_shape_t ts;
  if (to >= 0 && (!dlc_op_is(g->ops[to], DLC_TRANSPOSE) || g->claimed[dlc_fgraph_find(g, to)] ||
                  !att_is_f32_rank4(mlirOperationGetResult(g->ops[to], 0), &ts)))
    to = -1;
  int extra[4] = {tq, tk, tv, to}, nt = 0;
  for (int k = 0; k < 4; ++k)
    if (extra[k] >= 0 && (k != 2 || extra[2] != extra[0])) members[n + nt++] = extra[k];
  MlirOperation ops[16];
  for (int k = 0; k < n + nt; ++k) ops[k] = g->ops[members[k]];
  dlc_cost_t apart = dlc_fusion_cost_unfused(ops, n + nt), fused = dlc_fusion_cost(ops, n + nt);
  /* The kernel runs both GEMMs on CUDA cores (emit_attention_kernel.c): Q.K as one FMA per lane and
   * head dim (vector<4> shared reads), P.V as a shared load and an FMA per head dim plus one shuffle per
   * key, the softmax 5 shuffles and 2 exp per tile: about 1/4 of the FMA peak, and at least the serial
   * key steps of one warp (a dynamic key length counts one step). Long sequences make the flops the
   * bound: the library GEMMs then win. */
  double flops_us = (dlc_fusion_op_flops(mm1) + dlc_fusion_op_flops(g->ops[mm2])) / (dlc_fusion_op_peak(mm1) * ATT_SIMT_EFFICIENCY) * 1e6;
  int64_t keys_per_step = q.dims[3] + v.dims[3] <= 160 ? 64 : 32, sk = s.dims[3];
  double steps_us = (sk == DLC_DYN ? 1 : (double)((sk + keys_per_step - 1) / keys_per_step)) * ATT_STEP_US;
  double simt_us = (flops_us > steps_us ? flops_us : steps_us) + dlc_fusion_settings()->target.launch_us;
  if (simt_us > fused.us) fused.us = simt_us;
  if (!(fused.us < apart.us)) {
    dlc_fusion_explain(PASS, "attention %s -> %s: not formed: no gain (%.2f us fused vs %.2f us apart)", l1, l2, fused.us, apart.us);
    return false;
  }
  if (dlc_fgraph_merge_creates_cycle_with(g, i, members[1], members + 2, n + nt - 2)) {
    dlc_fusion_explain(PASS, "attention %s -> %s: not formed: the merged group would form a cycle", l1, l2);
    return false;
  }
  for (int k = 1; k < n + nt; ++k) dlc_fgraph_union(g, i, members[k]);
  g->claimed[dlc_fgraph_find(g, i)] = claim;
  char sb[32];
  dlc_fusion_explain(PASS, "attention %s -> %s: formed (%d ops, %d transposes absorbed; %.2f us fused vs %.2f us apart, saves %s)", l1, l2,
                     n + nt, nt, fused.us, apart.us, dlc_fusion_bytes_str(apart.bytes - fused.bytes, sb, sizeof(sb)));
  return true;
}

int dlc_fuse_attention_groups(dlc_fgraph_t *g, int claim) {
  int formed = 0;
  for (int i = 0; i < g->n; ++i)
    if (dlc_op_is(g->ops[i], DLC_MATMUL) && !g->claimed[dlc_fgraph_find(g, i)] && att_try(g, i, claim)) ++formed;
  return formed;
}
