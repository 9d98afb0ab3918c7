/* --dlc-fuse-conv-chain: conv A (+ elementwise epilogue) -> conv B (+ elementwise epilogue) as ONE
 * "conv_chain" group, lowered by DlcToGPU/emit_conv_chain_kernel.c to one kernel in which each block owns
 * a tile of B's output and keeps A's output on that tile (with B's halo) in shared memory: the
 * intermediate tensor never goes to memory and one launch replaces two. A ResNet basic block
 * (conv -> relu -> conv -> + shortcut -> relu) is such a chain.
 *
 * A chain is two segments. A segment is a dlc.conv2d the kernel takes (include/dlc/conv_chain.h: f32,
 * static shapes, groups 1, stride 1, dilation 1; filter and bias defined before the chain) and the
 * elementwise ops that follow it: every op whose operands are the segment's values or values defined
 * before the chain (f32, static, broadcasting to the conv's output: a residual of the same shape, a
 * per-channel scale, a scalar), and whose result has the conv's output type. Exactly one value of a
 * segment is used outside it (its tail). A's tail must have exactly one use: conv B's input. B's tail
 * is the group's result.
 *
 * Formed only when it pays: a tile of B's output whose shared memory (input halo tile for all C_in
 * channels + intermediate halo tile for all C_mid channels, f32) fits in a block (<= 48 KiB), and the
 * estimate of the fused kernel with the best such tile (the halo of A recomputed by neighbouring
 * blocks, cost_model.h) beats two convolution kernels with their epilogues. --dlc-explain says why a
 * chain was or was not formed. The group's dlc.fusion carries the chosen tile and thread count. Runs
 * first among the fusion passes, so that the epilogue ops are not taken by loop or stitch groups. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlc/conv_chain.h"
#include "dlc/mlir_util.h"
#include "dlc/passes.h"
#include "fusion.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#define PASS "fuse-conv-chain"
#define DLC_CC_MAX_OPS 32
#define DLC_CC_CLAIM 5


typedef struct dlc_cc_chain_t {
  MlirOperation ops[2 * DLC_CC_MAX_OPS + 2]; /* block order */
  int n;
  int64_t tile[2], threads;
} dlc_cc_chain_t;

/* An outside operand of an epilogue op: f32, static, broadcasting to the 4-D result shape `r`. */
static bool dlc_cc_broadcasts(MlirValue v, const dlc_shape_t *r) {
  dlc_shape_t s;
  if (!dlc_shape_from_type(mlirValueGetType(v), &s) || !mlirTypeIsAF32(s.elem) || !dlc_shape_is_static(&s) || s.rank > 4) return false;
  for (int d = 0; d < s.rank; ++d) {
    int64_t want = r->dims[4 - s.rank + d];
    if (s.dims[d] != 1 && s.dims[d] != want) return false;
  }
  return true;
}

static int dlc_cc_num_uses(MlirValue v) {
  int n = 0;
  for (MlirOpOperand u = mlirValueGetFirstUse(v); !mlirOpOperandIsNull(u); u = mlirOpOperandGetNextUse(u)) ++n;
  return n;
}

/* An outside operand of an epilogue op: broadcasts to the conv's result (user: its dlc_shape_t). */
static bool dlc_cc_operand_ok(MlirValue v, void *user) { return dlc_cc_broadcasts(v, user); }

/* Grows segment `s` from its conv (the elementwise consumers of its values); false when its values
 * escape in more than one place or the segment is too long. */
static bool dlc_cc_grow(dlc_fgraph_t *g, dlc_fgraph_segment_t *s, int first) {
  dlc_shape_t rs;
  dlc_shape_from_type(mlirValueGetType(mlirOperationGetResult(g->ops[s->anchor], 0)), &rs);
  return dlc_fgraph_grow_segment(g, s, first, DLC_CC_MAX_OPS, dlc_cc_operand_ok, &rs);
}

/* Filter and bias of conv i defined before the chain (they are the kernel's inputs). */
static bool dlc_cc_params_before(const dlc_fgraph_t *g, int i, int first) {
  for (intptr_t o = 1; o < mlirOperationGetNumOperands(g->ops[i]); ++o)
    if (!dlc_fgraph_before(g, mlirOperationGetOperand(g->ops[i], o), first)) return false;
  return true;
}

/* The two-kernel alternative of one segment: the implicit-GEMM conv kernel with its epilogue when the
 * conv is small enough for it (emit_conv_kernel.c's rule), else the library path as the cost model
 * sees it. */
static double dlc_cc_segment_us(const dlc_fgraph_t *g, const dlc_fgraph_segment_t *s, const dlc_conv_chain_conv_t *c) {
  MlirOperation ops[DLC_CC_MAX_OPS + 1];
  int n = 0;
  ops[n++] = g->ops[s->anchor];
  for (int k = 0; k < s->nops; ++k) ops[n++] = g->ops[s->ops[k]];
  dlc_cost_t cost = dlc_fusion_cost(ops, n);
  double pixels = (double)(c->n * c->h_out * c->w_out);
  double macs = pixels * (double)(c->c_out * c->c_in * c->kh * c->kw);
  if (macs > (double)(INT64_C(1) << 26)) return cost.us;
  return dlc_conv_kernel_us(&dlc_fusion_settings()->target, macs, pixels, (double)c->c_out, cost.bytes);
}

/* Tries the chain that starts at conv `i`; forms it (claims it, adds it to `chains`) when it pays. */
static void dlc_cc_try(dlc_fgraph_t *g, int i, dlc_cc_chain_t *chains, int *nchains) {
  dlc_fgraph_segment_t sa = {.anchor = i}, sb;
  if (!dlc_cc_grow(g, &sa, i)) return;
  MlirValue tv = mlirOperationGetResult(g->ops[sa.tail], 0);
  /* the next conv: a user of A's tail reading it as its input */
  int users[16];
  int nu = dlc_fgraph_users(g, sa.tail, users, 16), b = -1;
  for (int k = 0; k < nu && b < 0; ++k)
    if (users[k] >= 0 && dlc_op_is(g->ops[users[k]], DLC_CONV2D) && mlirValueEqual(mlirOperationGetOperand(g->ops[users[k]], 0), tv))
      b = users[k];
  if (b < 0) return; /* no conv follows: nothing to say */
  char la[160], lb[160], lt[160];
  dlc_fusion_op_label(g->ops[i], la, sizeof(la));
  dlc_fusion_op_label(g->ops[b], lb, sizeof(lb));
  dlc_conv_chain_conv_t ca, cb;
  const char *why = dlc_conv_chain_conv(g->ops[i], &ca);
  if (why) {
    dlc_fusion_explain(PASS, "conv chain %s -> %s: not formed: %s: %s (the chain kernel takes f32, static shapes, groups 1, stride 1, dilation 1)", la, lb, la, why);
    return;
  }
  why = dlc_conv_chain_conv(g->ops[b], &cb);
  if (why) {
    dlc_fusion_explain(PASS, "conv chain %s -> %s: not formed: %s: %s (the chain kernel takes f32, static shapes, groups 1, stride 1, dilation 1)", la, lb, lb, why);
    return;
  }
  int nuses = dlc_cc_num_uses(tv);
  if (nuses != 1) {
    dlc_fusion_explain(PASS, "conv chain %s -> %s: not formed: the intermediate %s has %d uses (it must only feed %s)", la, lb,
                       dlc_fusion_op_label(g->ops[sa.tail], lt, sizeof(lt)), nuses, lb);
    return;
  }
  if (g->claimed[dlc_fgraph_find(g, b)] || !dlc_cc_params_before(g, i, i) || !dlc_cc_params_before(g, b, i)) {
    dlc_fusion_explain(PASS, "conv chain %s -> %s: not formed: a filter or bias is computed inside the chain, or %s is taken", la, lb, lb);
    return;
  }
  memset(&sb, 0, sizeof(sb));
  sb.anchor = b;
  if (!dlc_cc_grow(g, &sb, i)) {
    dlc_fusion_explain(PASS, "conv chain %s -> %s: not formed: more than one value of %s's epilogue is used after it", la, lb, lb);
    return;
  }
  /* the estimates */
  dlc_conv_chain_dims_t d = {.n = cb.n, .c_in = ca.c_in, .c_mid = ca.c_out, .c_out = cb.c_out, .h_out = cb.h_out, .w_out = cb.w_out,
                             .ka_h = ca.kh, .ka_w = ca.kw, .kb_h = cb.kh, .kb_w = cb.kw};
  MlirOperation all[2 * DLC_CC_MAX_OPS + 2];
  int n = 0;
  all[n++] = g->ops[i];
  for (int k = 0; k < sa.nops; ++k) all[n++] = g->ops[sa.ops[k]];
  all[n++] = g->ops[b];
  for (int k = 0; k < sb.nops; ++k) all[n++] = g->ops[sb.ops[k]];
  for (int k = 0; k < n; ++k)
    for (intptr_t o = 1; o < mlirOperationGetNumOperands(all[k]); ++o)
      if (dlc_op_is(all[k], DLC_CONV2D)) d.weight_bytes += dlc_fusion_value_bytes(mlirOperationGetOperand(all[k], o));
  d.io_bytes = dlc_fusion_cost(all, n).bytes - d.weight_bytes;
  const dlc_target_t *t = &dlc_fusion_settings()->target;
  int64_t limit = t->smem_per_block;
  if (limit <= 0 || limit > DLC_CONV_CHAIN_SMEM_LIMIT) limit = DLC_CONV_CHAIN_SMEM_LIMIT;
  dlc_conv_chain_tile_t tile;
  int64_t th1 = d.h_out < 1 ? d.h_out : 1, tw1 = d.w_out < 1 ? d.w_out : 1;
  if (!dlc_conv_chain_pick_tile(t, &d, limit, &tile)) {
    dlc_fusion_explain(PASS, "conv chain %s -> %s: not formed: even a %lldx%lld output tile needs %lld B of shared memory per block (input halo for %lld + intermediate halo for %lld channels; > %lld)",
                       la, lb, (long long)th1, (long long)tw1, (long long)dlc_conv_chain_smem(&d, th1, tw1), (long long)d.c_in,
                       (long long)d.c_mid, (long long)limit);
    return;
  }
  double two = dlc_cc_segment_us(g, &sa, &ca) + dlc_cc_segment_us(g, &sb, &cb);
  if (!(tile.us < two)) {
    dlc_fusion_explain(PASS, "conv chain %s -> %s: not formed: one kernel (~%.2f us with %lldx%lld tiles, the halo of %s recomputed) is not faster than two convolution kernels (~%.2f us)",
                       la, lb, tile.us, (long long)tile.th, (long long)tile.tw, la, two);
    return;
  }
  for (int k = 0; k < n; ++k) dlc_fgraph_union(g, i, dlc_fgraph_index(g, all[k]));
  g->claimed[dlc_fgraph_find(g, i)] = DLC_CC_CLAIM;
  dlc_cc_chain_t *c = &chains[(*nchains)++];
  c->n = dlc_fgraph_members(g, i, c->ops);
  c->tile[0] = tile.th;
  c->tile[1] = tile.tw;
  c->threads = DLC_CONV_CHAIN_THREADS;
  dlc_fusion_explain(PASS, "conv chain %s -> %s: conv_chain of 2 convolutions + %d elementwise ops in one kernel (~%.2f us vs ~%.2f us as two kernels; tile %lldx%lld, %lld blocks, %lld B shared memory per block)",
                     la, lb, n - 2, tile.us, two, (long long)tile.th, (long long)tile.tw, (long long)tile.blocks, (long long)tile.smem);
}

static bool dlc_fuse_conv_chain_func(MlirOperation func) {
  dlc_fgraph_t g;
  if (!dlc_fgraph_build(func, &g)) return false;
  int convs = 0;
  for (int i = 0; i < g.n; ++i) convs += dlc_op_is(g.ops[i], DLC_CONV2D);
  dlc_cc_chain_t *chains = convs ? calloc((size_t)convs, sizeof(dlc_cc_chain_t)) : NULL;
  int nchains = 0;
  bool ok = convs == 0 || chains;
  for (int i = 0; ok && i < g.n; ++i)
    if (dlc_op_is(g.ops[i], DLC_CONV2D) && !g.claimed[dlc_fgraph_find(&g, i)]) dlc_cc_try(&g, i, chains, &nchains);
  MlirContext ctx = mlirOperationGetContext(func);
  MlirOperation module = mlirOperationGetParentOperation(func);
  for (int k = 0; ok && k < nchains; ++k) {
    char name[256], first[160], last[160];
    dlc_cc_chain_t *c = &chains[k];
    if (c->n > 2 * DLC_CC_MAX_OPS + 2) {
      ok = false;
      break;
    }
    dlc_cost_t fused = dlc_fusion_cost(c->ops, c->n);
    dlc_fusion_op_label(c->ops[0], first, sizeof(first));
    dlc_fusion_op_label(c->ops[c->n - 1], last, sizeof(last));
    if (!dlc_fusion_outline(func, c->ops, c->n, "conv_chain", name, sizeof(name))) {
      ok = false;
      break;
    }
    /* the schedule chosen here: assign-parallelism keeps it, the emitter reads it */
    MlirSymbolTable table = mlirSymbolTableCreate(module);
    MlirOperation fn = mlirSymbolTableLookup(table, dlc_sref(name));
    mlirSymbolTableDestroy(table);
    char dict[160];
    snprintf(dict, sizeof(dict), "{kind = \"conv_chain\", tile = array<i64: %lld, %lld>, threads = %lld : i64}", (long long)c->tile[0],
             (long long)c->tile[1], (long long)c->threads);
    MlirAttribute attr = mlirAttributeParseGet(ctx, dlc_sref(dict));
    if (mlirOperationIsNull(fn) || mlirAttributeIsNull(attr)) {
      ok = false;
      break;
    }
    mlirOperationSetAttributeByName(fn, dlc_sref(DLC_FUSION_ATTR), attr);
    char b1[32];
    dlc_fusion_explain(PASS, "formed @%s (conv_chain, %d ops, %s .. %s): est %s moved as 1 kernel", name, c->n, first, last,
                       dlc_fusion_bytes_str(fused.bytes, b1, sizeof(b1)));
  }
  free(chains);
  dlc_fgraph_free(&g);
  return ok;
}

bool dlc_run_fuse_conv_chain(MlirOperation module) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  for (MlirOperation op = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    char name[64];
    if (strcmp(dlc_op_name(op, name, sizeof(name)), "func.func") != 0 || dlc_is_fusion_func(op)) continue;
    if (!dlc_fuse_conv_chain_func(op)) return false;
  }
  return true;
}
