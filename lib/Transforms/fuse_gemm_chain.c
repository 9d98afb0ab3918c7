/* --dlc-fuse-gemm-chain: GEMMs with their epilogues, and the cross-GEMM decisions.
 *
 * 1. Epilogue groups ("gemm_chain"): a dlc.matmul whose only user adds a bias along its last dim,
 *    optionally followed by relu or tanh-gelu, becomes one group: the cuBLASLt call with a bias (+
 *    activation) epilogue. Other epilogue ops (residual add, scaling, cast, erf-gelu) are reported and
 *    left to loop fusion: the library call takes no such epilogue, and a group it cannot handle would be
 *    lowered op by op. A matmul with no epilogue stays alone (a plain library call).
 * 0. Attention first (fuse_attention.c): matmul -> [scale] [mask] softmax -> matmul with its adjacent
 *    transposes becomes one "attention" group (one kernel, emit_attention_kernel.c).
 * 2. GEMM chains: GEMM -> elementwise -> GEMM (MLP block) and GEMM -> [scale, mask] softmax -> GEMM
 *    (attention chains that step 0 did not form) are found and costed: bytes of the intermediate saved against
 *    whether either GEMM is compute-bound (arithmetic intensity above the target's ridge point, where
 *    keeping it in a library kernel wins). MLP chains that pay as one kernel are formed first, as one
 *    multi-GEMM gemm_chain group (fuse_mlp_chain.c; DlcToGPU/emit_gemm_chain_kernel.c makes the kernel);
 *    attention chains are NOT formed: no fused attention kernel generator exists yet, and --dlc-explain
 *    says so with the estimate. */
#include <stdlib.h>
#include <string.h>

#include "dlc/mlir_util.h"
#include "dlc/passes.h"
#include "fuse_attention.h"
#include "fusion.h"

enum { DLC_CLAIM_GEMM = 3, DLC_CLAIM_ATTENTION = 4 };
#define PASS "fuse-gemm-chain"

static int dlc_single_user(const dlc_fgraph_t *g, int i) {
  int users[4];
  MlirValue r = mlirOperationGetResult(g->ops[i], 0);
  int count = 0;
  for (MlirOpOperand u = mlirValueGetFirstUse(r); !mlirOpOperandIsNull(u); u = mlirOpOperandGetNextUse(u)) ++count;
  if (count != 1 || dlc_fgraph_users(g, i, users, 4) != 1) return -1;
  return users[0];
}

/* `v` is a bias for a GEMM result of shape `res`: rank 1 of the last dim, or that with unit dims before. */
static bool dlc_is_bias(MlirValue v, MlirValue res) {
  dlc_shape_t b, r;
  if (!dlc_shape_from_type(mlirValueGetType(v), &b) || !dlc_shape_from_type(mlirValueGetType(res), &r) || b.rank < 1 || r.rank < 1)
    return false;
  if (b.dims[b.rank - 1] != r.dims[r.rank - 1] || b.dims[b.rank - 1] == DLC_DYN) return false;
  for (int i = 0; i < b.rank - 1; ++i)
    if (b.dims[i] != 1) return false;
  return b.rank <= r.rank;
}

static bool dlc_is_library_activation(MlirOperation op) {
  if (dlc_op_is(op, DLC_RELU)) return true;
  if (!dlc_op_is(op, DLC_GELU)) return false;
  MlirStringRef approx;
  dlcrt_status_t st = dlc_attr_str(op, "approximate", "none", &approx);
  if (st) {
    dlcrt_status_free(st);
    return false;
  }
  return dlc_sref_eq(approx, "tanh");
}

/* Compute-bound: flops per byte above the ridge (peak / bandwidth). */
static bool dlc_gemm_compute_bound(MlirOperation mm, double *intensity, double *ridge) {
  dlc_cost_t c = dlc_fusion_cost(&mm, 1);
  const dlc_target_t *t = &dlc_fusion_settings()->target;
  *intensity = c.bytes > 0 ? c.flops / c.bytes : 0;
  *ridge = dlc_fusion_op_peak(mm) / t->hbm_bytes_per_s;
  return *intensity > *ridge;
}

/* Looks for a second GEMM fed (as either operand) by a chain of elementwise / softmax / reduction /
 * reshape / transpose ops that starts at GEMM i. Prints the decision. */
static void dlc_explain_chain(dlc_fgraph_t *g, int i) {
  int queue[64], depth[64], head = 0, tail = 0;
  bool softmax = false, elementwise = false;
  int found = -1;
  int visited_path[64], npath = 0;
  queue[tail] = i;
  depth[tail++] = 0;
  ++g->stamp_now;
  g->stamp[i] = g->stamp_now;
  int users[64];
  while (head < tail && found < 0) {
    int x = queue[head], d = depth[head++];
    int nu = dlc_fgraph_users(g, x, users, 64);
    for (int k = 0; k < nu && found < 0; ++k) {
      int u = users[k];
      if (u < 0 || g->stamp[u] == g->stamp_now) continue;
      g->stamp[u] = g->stamp_now;
      MlirOperation op = g->ops[u];
      int32_t tr;
      if (dlc_op_is(op, DLC_MATMUL)) {
        found = u;
        break;
      }
      bool through = dlc_fusion_is_elementwise(op) || dlc_op_is(op, DLC_RESHAPE) || dlc_op_is(op, DLC_TRANSPOSE) ||
                     (dlc_op_is(op, DLC_SOFTMAX) && dlc_fusion_is_row_reduction(op, &tr));
      /* An op that also reads a reduction's result (a norm's statistics) ends the chain: rows must be
       * reduced in full before it, which a fused GEMM chain cannot do on the fly. */
      intptr_t nops = mlirOperationGetNumOperands(op);
      for (intptr_t k = 0; k < nops && through; ++k) {
        int p = dlc_fgraph_def(g, mlirOperationGetOperand(op, k));
        if (p >= 0 && dlc_op_is(g->ops[p], DLC_REDUCE)) through = false;
      }
      if (!through || d >= 12 || tail >= 64) continue;
      if (dlc_op_is(op, DLC_SOFTMAX)) softmax = true;
      if (dlc_fusion_is_elementwise(op)) elementwise = true;
      if (npath < 64) visited_path[npath++] = u;
      queue[tail] = u;
      depth[tail++] = d + 1;
    }
  }
  if (found < 0) return;
  char a[160], b[160];
  dlc_fusion_op_label(g->ops[i], a, sizeof(a));
  dlc_fusion_op_label(g->ops[found], b, sizeof(b));
  const char *kind = softmax ? "attention" : elementwise ? "mlp" : "gemm-gemm";
  double ia, ib, ridge;
  bool cba = dlc_gemm_compute_bound(g->ops[i], &ia, &ridge), cbb = dlc_gemm_compute_bound(g->ops[found], &ib, &ridge);
  if (cba || cbb) {
    dlc_fusion_explain(PASS, "%s chain %s -> %s: not formed: %s is compute-bound (%.1f flop/B > ridge %.1f): it stays a library GEMM", kind,
                       a, b, cba ? a : b, cba ? ia : ib, ridge);
    return;
  }
  /* What the chain would save: the intermediates between the two GEMMs, written and read once each. */
  double saved = 0;
  for (int p = 0; p < npath; ++p)
    if (!dlc_fusion_is_free(g->ops[visited_path[p]])) saved += 2 * dlc_fusion_value_bytes(mlirOperationGetResult(g->ops[visited_path[p]], 0));
  saved += 2 * dlc_fusion_value_bytes(mlirOperationGetResult(g->ops[i], 0));
  char sb[32];
  if (softmax) { /* fuse_attention.c had its chance: the chain is outside its rules */
    dlc_fusion_explain(PASS, "attention chain %s -> %s (%d ops between): not formed: outside the attention kernel's rules (rank-4 f32 "
                             "operands, single-use scale/mask/softmax chain, head dim <= 128) (would save ~%s)",
                       a, b, npath, dlc_fusion_bytes_str(saved, sb, sizeof(sb)));
    return;
  }
  if (!softmax && elementwise) { /* fuse_mlp_chain.c decided (and explained) the chains it can form */
    dlc_fusion_explain(PASS, "%s chain %s -> %s (%d ops between): not formed as one kernel: not a chain the MLP-chain kernel takes (f32 2-D GEMMs, elementwise epilogues, one value passed on) or not paying (would save ~%s)",
                       kind, a, b, npath, dlc_fusion_bytes_str(saved, sb, sizeof(sb)));
    return;
  }
  dlc_fusion_explain(PASS, "%s chain %s -> %s (%d ops between): not formed: no fused GEMM-chain kernel generator yet (would save ~%s, %.2f us)",
                     kind, a, b, npath, dlc_fusion_bytes_str(saved, sb, sizeof(sb)),
                     saved / dlc_fusion_settings()->target.hbm_bytes_per_s * 1e6 + npath * dlc_fusion_settings()->target.launch_us);
}

static bool dlc_fuse_gemm_func(MlirOperation func) {
  dlc_fgraph_t g;
  if (!dlc_fgraph_build(func, &g)) return false;
  dlc_fuse_attention_groups(&g, DLC_CLAIM_ATTENTION); /* attention first: fuse_attention.c */
  dlc_fuse_mlp_chains(&g, DLC_CLAIM_GEMM);           /* then multi-GEMM MLP chains: fuse_mlp_chain.c */
  for (int i = 0; i < g.n; ++i)
    if (dlc_op_is(g.ops[i], DLC_MATMUL) && !g.claimed[dlc_fgraph_find(&g, i)]) dlc_explain_chain(&g, i);
  for (int i = 0; i < g.n; ++i) {
    if (!dlc_op_is(g.ops[i], DLC_MATMUL) || g.claimed[dlc_fgraph_find(&g, i)]) continue;
    char ml[160], el[160];
    dlc_fusion_op_label(g.ops[i], ml, sizeof(ml));
    MlirValue res = mlirOperationGetResult(g.ops[i], 0);
    int u = dlc_single_user(&g, i);
    MlirOperation add = u >= 0 ? g.ops[u] : (MlirOperation){NULL};
    bool bias = u >= 0 && dlc_op_is(add, DLC_ADD) &&
                mlirTypeEqual(mlirValueGetType(mlirOperationGetResult(add, 0)), mlirValueGetType(res)) &&
                (dlc_is_bias(mlirOperationGetOperand(add, 0), res) || dlc_is_bias(mlirOperationGetOperand(add, 1), res));
    if (!bias) {
      if (u >= 0 && dlc_op_info(g.ops[u]))
        dlc_fusion_explain(PASS, "%s stays alone (library call): its consumer %s is no bias epilogue of the library GEMM", ml,
                           dlc_fusion_op_label(g.ops[u], el, sizeof(el)));
      else
        dlc_fusion_explain(PASS, "%s stays alone (library call): no single-use epilogue", ml);
      continue;
    }
    MlirOperation members[2] = {g.ops[i], add};
    dlc_cost_t apart = dlc_fusion_cost_unfused(members, 2), fused = dlc_fusion_cost(members, 2);
    if (!(fused.us < apart.us)) {
      dlc_fusion_explain(PASS, "%s stays alone: bias epilogue brings no gain (%.2f us vs %.2f us)", ml, fused.us, apart.us);
      continue;
    }
    dlc_fgraph_union(&g, i, u);
    g.claimed[dlc_fgraph_find(&g, i)] = DLC_CLAIM_GEMM;
    char sb[32];
    dlc_fusion_explain(PASS, "%s + bias %s: gemm_chain (library GEMM with bias epilogue, saves %s)", ml,
                       dlc_fusion_op_label(add, el, sizeof(el)), dlc_fusion_bytes_str(apart.bytes - fused.bytes, sb, sizeof(sb)));
    int a = dlc_single_user(&g, u);
    if (a >= 0 && dlc_is_library_activation(g.ops[a])) {
      dlc_fgraph_union(&g, i, a);
      dlc_fusion_explain(PASS, "%s: activation %s joins the epilogue", ml, dlc_fusion_op_label(g.ops[a], el, sizeof(el)));
    } else if (a >= 0 && dlc_op_info(g.ops[a]) && dlc_fusion_is_elementwise(g.ops[a])) {
      dlc_fusion_explain(PASS, "%s: epilogue op %s not absorbed: the library call takes bias and relu/gelu(tanh) only; left to loop fusion", ml,
                         dlc_fusion_op_label(g.ops[a], el, sizeof(el)));
    }
  }
  int formed = dlc_fusion_outline_groups(&g, DLC_CLAIM_GEMM, 2, "gemm_chain", PASS);
  if (formed >= 0) formed = dlc_fusion_outline_groups(&g, DLC_CLAIM_ATTENTION, 2, "attention", PASS);
  dlc_fgraph_free(&g);
  return formed >= 0;
}

bool dlc_run_fuse_gemm_chain(MlirOperation module) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  for (MlirOperation op = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    char name[64];
    if (strcmp(dlc_op_name(op, name, sizeof(name)), "func.func") != 0 || dlc_is_fusion_func(op)) continue;
    if (!dlc_fuse_gemm_func(op)) return false;
  }
  return true;
}
