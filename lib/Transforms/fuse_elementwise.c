/* --dlc-fuse-elementwise: producer-consumer chains of elementwise ops (with numpy broadcasts, and
 * unit-dim reshapes between them) become one "loop" group each: one kernel over the consumer's
 * iteration space, intermediates in registers. For every edge producer -> consumer it asks:
 *   - are both elementwise (a transpose, matmul, slice... reads the whole tensor in another iteration
 *     space: it stays an external consumer)?
 *   - does a broadcast producer (fewer elements than its consumer), or any member smaller than the
 *     group's iteration space, have users outside the group (it would have to be written in its own
 *     shape by a kernel iterating over another: refused)?
 *   - would the merged group depend on itself through an op outside it (cycle)?
 *   - does the cost model estimate the merged group faster than the two apart, and does its register
 *     estimate stay within the target's per-thread limit?
 * Groups formed by earlier passes are calls: opaque here. Every decision prints with --dlc-explain. */
#include <stdlib.h>
#include <string.h>

#include "dlc/passes.h"
#include "fusion.h"

enum { DLC_CLAIM_LOOP = 1 };
#define PASS "fuse-elementwise"

static bool dlc_loop_fusible(MlirOperation op) { return dlc_fusion_is_elementwise(op) || dlc_fusion_is_unit_reshape(op); }

/* Registers per thread of a loop kernel holding `n` ops: a base plus a few live values per op. */
static int dlc_loop_regs(int n) { return 16 + 4 * n; }

/* Tries to merge op i with the producer group of operand value `v` (through unit reshapes). */
static void dlc_try_fuse(dlc_fgraph_t *g, int i, MlirValue v, MlirOperation *scratch) {
  int j = dlc_fgraph_def(g, v);
  if (j < 0) return;
  int path[16], npath = 0;
  while (dlc_fusion_is_unit_reshape(g->ops[j]) && dlc_fgraph_find(g, j) != dlc_fgraph_find(g, i) && npath < 16) {
    path[npath++] = j;
    int k = dlc_fgraph_def(g, mlirOperationGetOperand(g->ops[j], 0));
    if (k < 0 || !dlc_loop_fusible(g->ops[k])) break;
    j = k;
  }
  MlirOperation prod = g->ops[j], cons = g->ops[i];
  char pl[160], cl[160];
  if (dlc_fgraph_find(g, i) == dlc_fgraph_find(g, j)) return;
  if (!dlc_loop_fusible(prod)) return;
  if (g->claimed[dlc_fgraph_find(g, j)] && g->claimed[dlc_fgraph_find(g, j)] != DLC_CLAIM_LOOP) return;
  dlc_fusion_op_label(prod, pl, sizeof(pl));
  dlc_fusion_op_label(cons, cl, sizeof(cl));
  /* A broadcast producer must have no users outside the merged group. */
  double pe = dlc_fusion_value_elems(mlirOperationGetResult(prod, 0));
  double ce = dlc_fusion_value_elems(mlirOperationGetResult(cons, 0));
  if (pe < ce) {
    int users[64];
    int nu = dlc_fgraph_users(g, j, users, 64);
    for (int k = 0; k < nu; ++k) {
      int u = users[k];
      bool inside = u >= 0 && (dlc_fgraph_find(g, u) == dlc_fgraph_find(g, i) || dlc_fgraph_find(g, u) == dlc_fgraph_find(g, j));
      for (int p = 0; p < npath; ++p) inside = inside || u == path[p];
      if (!inside) {
        dlc_fusion_explain(PASS, "not fused %s -> %s: the producer is broadcast into a larger iteration space and also used outside",
                           pl, cl);
        return;
      }
    }
  }
  if (dlc_fgraph_merge_creates_cycle_with(g, i, j, path, npath)) {
    dlc_fusion_explain(PASS, "not fused %s -> %s: the group would depend on itself through an op outside it (cycle)", pl, cl);
    return;
  }
  /* Cost: the two groups apart (and the reshapes between them) against merged. */
  int na = dlc_fgraph_members(g, i, scratch);
  int nb = dlc_fgraph_members(g, j, scratch + na);
  int nall = na + nb;
  for (int p = 0; p < npath; ++p)
    if (dlc_fgraph_find(g, path[p]) != dlc_fgraph_find(g, i)) scratch[nall++] = g->ops[path[p]];
  /* Every result the group writes must cover its whole iteration space (one kernel, one index space). */
  double space = 0;
  for (int k = 0; k < nall; ++k) {
    double e = dlc_fusion_value_elems(mlirOperationGetResult(scratch[k], 0));
    if (e > space) space = e;
  }
  for (int k = 0; k < nall; ++k) {
    MlirValue r = mlirOperationGetResult(scratch[k], 0);
    if (dlc_fusion_value_elems(r) == space) continue;
    bool outside = false;
    for (MlirOpOperand u = mlirValueGetFirstUse(r); !mlirOpOperandIsNull(u) && !outside; u = mlirOpOperandGetNextUse(u)) {
      MlirOperation owner = mlirOpOperandGetOwner(u);
      bool in = false;
      for (int m = 0; m < nall && !in; ++m) in = mlirOperationEqual(scratch[m], owner);
      outside = !in;
    }
    if (outside) {
      char ol[160];
      dlc_fusion_explain(PASS, "not fused %s -> %s: %s would be a group result smaller than the group's iteration space", pl, cl,
                         dlc_fusion_op_label(scratch[k], ol, sizeof(ol)));
      return;
    }
  }
  dlc_cost_t a = dlc_fusion_cost(scratch, na), b = dlc_fusion_cost(scratch + na, nall - na);
  dlc_cost_t merged = dlc_fusion_cost(scratch, nall);
  int regs = dlc_loop_regs(nall);
  const dlc_target_t *t = &dlc_fusion_settings()->target;
  if (regs > t->max_regs_per_thread) {
    dlc_fusion_explain(PASS, "not fused %s -> %s: %d ops need ~%d registers per thread (limit %d)", pl, cl, nall, regs,
                       t->max_regs_per_thread);
    return;
  }
  if (!(merged.us < a.us + b.us)) {
    dlc_fusion_explain(PASS, "not fused %s -> %s: no gain (%.2f us fused vs %.2f us apart)", pl, cl, merged.us, a.us + b.us);
    return;
  }
  char saved[32];
  dlc_fusion_explain(PASS, "fused %s -> %s: saves %s and %.2f us", pl, cl,
                     dlc_fusion_bytes_str(a.bytes + b.bytes - merged.bytes, saved, sizeof(saved)), a.us + b.us - merged.us);
  dlc_fgraph_union(g, i, j);
  for (int p = 0; p < npath; ++p) dlc_fgraph_union(g, i, path[p]);
  g->claimed[dlc_fgraph_find(g, i)] = DLC_CLAIM_LOOP;
}

static bool dlc_fuse_elementwise_func(MlirOperation func) {
  dlc_fgraph_t g;
  if (!dlc_fgraph_build(func, &g)) return false;
  MlirOperation *scratch = malloc(sizeof(MlirOperation) * (size_t)(2 * g.n + 2));
  if (!scratch) {
    dlc_fgraph_free(&g);
    return false;
  }
  for (int i = 0; i < g.n; ++i) {
    MlirOperation op = g.ops[i];
    if (!dlc_fusion_is_elementwise(op)) {
      /* Say why an elementwise producer's consumer is not taken. */
      if (dlc_fusion_explaining() && dlc_op_info(op) && !dlc_fusion_is_free(op) && !dlc_fusion_is_unit_reshape(op)) {
        intptr_t no = mlirOperationGetNumOperands(op);
        for (intptr_t k = 0; k < no; ++k) {
          int j = dlc_fgraph_def(&g, mlirOperationGetOperand(op, k));
          if (j < 0 || !dlc_fusion_is_elementwise(g.ops[j])) continue;
          char pl[160], cl[160];
          dlc_fusion_explain(PASS, "not fused %s -> %s: the consumer reads the whole tensor in another iteration space",
                             dlc_fusion_op_label(g.ops[j], pl, sizeof(pl)), dlc_fusion_op_label(op, cl, sizeof(cl)));
        }
      }
      continue;
    }
    intptr_t no = mlirOperationGetNumOperands(op);
    for (intptr_t k = 0; k < no; ++k) dlc_try_fuse(&g, i, mlirOperationGetOperand(op, k), scratch);
  }
  int formed = dlc_fusion_outline_groups(&g, DLC_CLAIM_LOOP, 2, "loop", PASS);
  free(scratch);
  dlc_fgraph_free(&g);
  return formed >= 0;
}

bool dlc_run_fuse_elementwise(MlirOperation module) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  for (MlirOperation op = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    char name[64];
    if (strcmp(dlc_op_name(op, name, sizeof(name)), "func.func") != 0 || dlc_is_fusion_func(op)) continue;
    if (!dlc_fuse_elementwise_func(op)) return false;
  }
  return true;
}
