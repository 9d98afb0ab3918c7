/* MLP chains for --dlc-fuse-gemm-chain: GEMM (+ elementwise epilogue) -> GEMM (+ epilogue) -> ... as ONE
 * gemm_chain group, lowered by DlcToGPU/emit_gemm_chain_kernel.c to one kernel in which each block owns
 * a tile of rows and keeps the intermediate rows in shared memory.
 *
 * A chain is a sequence of segments. A segment is a 2-D dlc.matmul [M, K] x W (W a rank-2 f32 weight
 * defined before the chain: [K, N], or [N, K] with transpose_b) and the elementwise ops that follow it:
 * every op whose operands are the segment's values or values defined before the chain, and whose result
 * has the segment's [M, N] type (bias adds, relu, erf-gelu written out as ops, scaling, ...). Exactly
 * one value of a segment may be used outside it (its tail); the next segment's matmul reads the tail as
 * its left operand. Two segments at least.
 *
 * Formed only when it pays, on CUDA cores: f32 only (f16/bf16 GEMMs belong on tensor cores, i.e. in the
 * library), no matmul compute-bound (arithmetic intensity above the ridge point), the block's rows of
 * the widest intermediate (two ping-pong buffers of DLC_MLP_ROWS x N x 4 bytes) fit in a block's shared
 * memory, and the estimate of the fused kernel (weights re-read by every block of rows, FMA throughput
 * of the SMs the blocks occupy) beats one library GEMM with its epilogue per segment. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dlc/mlir_util.h"
#include "fusion.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#define PASS "fuse-gemm-chain"
#define DLC_MLP_MAX_SEGMENTS 16
#define DLC_MLP_SMEM_LIMIT (48 * 1024) /* dynamic shared memory without an opt-in attribute */
#define DLC_MLP_ROWS DLC_GEMM_CHAIN_ROWS

typedef struct dlc_mlp_segment_t {
  dlc_fgraph_segment_t seg; /* anchor: the matmul */
  int64_t n;
} dlc_mlp_segment_t;

static bool dlc_mlp_is_f32_rank2(MlirValue v, dlc_shape_t *s) {
  return dlc_shape_from_type(mlirValueGetType(v), s) && s->rank == 2 && mlirTypeIsAF32(s->elem);
}

/* A matmul the chain kernel computes: [M, K] x [K, N] (or [N, K] transposed) in f32, weight before `first`. */
static bool dlc_mlp_matmul_ok(const dlc_fgraph_t *g, int i, int first, int64_t *n) {
  MlirOperation mm = g->ops[i];
  if (!dlc_op_is(mm, DLC_MATMUL) || dlc_attr_flag(mm, "transpose_a")) return false;
  dlc_shape_t a, w, r;
  if (!dlc_mlp_is_f32_rank2(mlirOperationGetOperand(mm, 0), &a) || !dlc_mlp_is_f32_rank2(mlirOperationGetOperand(mm, 1), &w) ||
      !dlc_mlp_is_f32_rank2(mlirOperationGetResult(mm, 0), &r))
    return false;
  if (w.dims[0] == DLC_DYN || w.dims[1] == DLC_DYN || a.dims[1] == DLC_DYN || r.dims[1] == DLC_DYN) return false;
  if (!dlc_fgraph_before(g, mlirOperationGetOperand(mm, 1), first)) return false;
  *n = r.dims[1];
  return true;
}

/* An outside operand of an epilogue op: rank <= 2 (broadcast to [M, N] by the kernel). */
static bool dlc_mlp_operand_ok(MlirValue v, void *user) {
  (void)user;
  dlc_shape_t sh;
  return dlc_shape_from_type(mlirValueGetType(v), &sh) && sh.rank <= 2;
}

/* Estimated time of the chain as one kernel (rows of DLC_MLP_ROWS per block, FMA on CUDA cores). */
static double dlc_mlp_fused_us(const dlc_fgraph_t *g, const dlc_mlp_segment_t *segs, int ns, double m, double *smem) {
  const dlc_target_t *t = &dlc_fusion_settings()->target;
  double rows = m < DLC_MLP_ROWS ? m : DLC_MLP_ROWS;
  double blocks = ceil(m / rows);
  double weights = 0, flops = 0, nmax = 0;
  for (int k = 0; k < ns; ++k) {
    weights += dlc_fusion_value_bytes(mlirOperationGetOperand(g->ops[segs[k].seg.anchor], 1));
    flops += dlc_fusion_op_flops(g->ops[segs[k].seg.anchor]);
    if (k + 1 < ns && segs[k].n > nmax) nmax = (double)segs[k].n;
  }
  *smem = (ns > 2 ? 2 : 1) * rows * nmax * 4;
  double bytes = dlc_fusion_value_bytes(mlirOperationGetOperand(g->ops[segs[0].seg.anchor], 0)) +
                 dlc_fusion_value_bytes(mlirOperationGetResult(g->ops[segs[ns - 1].seg.tail], 0)) + blocks * weights;
  double used_sms = blocks < t->sm_count ? blocks : t->sm_count;
  /* a simple k-loop reaches about half of the FMA peak of the SMs it occupies */
  double compute = flops / (t->fp32_flops * used_sms / t->sm_count * 0.5);
  double mem = bytes / t->hbm_bytes_per_s;
  return (mem > compute ? mem : compute) * 1e6 + t->launch_us;
}

/* One library GEMM + epilogue per segment (what the chain replaces). */
static double dlc_mlp_library_us(const dlc_fgraph_t *g, const dlc_mlp_segment_t *segs, int ns) {
  double us = 0;
  for (int k = 0; k < ns; ++k) {
    MlirOperation ops[65];
    int n = 0;
    ops[n++] = g->ops[segs[k].seg.anchor];
    for (int j = 0; j < segs[k].seg.nops; ++j) ops[n++] = g->ops[segs[k].seg.ops[j]];
    us += dlc_fusion_cost(ops, n).us;
  }
  return us;
}

static bool dlc_mlp_compute_bound(MlirOperation mm) {
  dlc_cost_t c = dlc_fusion_cost(&mm, 1);
  double ridge = dlc_fusion_op_peak(mm) / dlc_fusion_settings()->target.hbm_bytes_per_s;
  return c.bytes > 0 && c.flops / c.bytes > ridge;
}

/* Tries the chain that starts at matmul `i`; forms it (claims with `claim`) when it pays. */
static void dlc_mlp_try(dlc_fgraph_t *g, int i, int claim) {
  dlc_mlp_segment_t *segs = calloc(DLC_MLP_MAX_SEGMENTS, sizeof(dlc_mlp_segment_t));
  if (!segs) return;
  int ns = 0;
  int64_t n;
  int mm = i;
  char la[160], lb[160];
  dlc_fusion_op_label(g->ops[i], la, sizeof(la));
  while (ns < DLC_MLP_MAX_SEGMENTS && mm >= 0 && !g->claimed[dlc_fgraph_find(g, mm)] && dlc_mlp_matmul_ok(g, mm, i, &n)) {
    dlc_mlp_segment_t *s = &segs[ns];
    memset(s, 0, sizeof(*s));
    s->seg.anchor = mm;
    s->n = n;
    if (!dlc_fgraph_grow_segment(g, &s->seg, i, DLC_SEGMENT_MAX_OPS, dlc_mlp_operand_ok, NULL)) break;
    ++ns;
    /* the next segment: the tail's only user is a matmul reading it as its left operand */
    int users[4];
    MlirValue tv = mlirOperationGetResult(g->ops[s->seg.tail], 0);
    int nuses = 0;
    for (MlirOpOperand u = mlirValueGetFirstUse(tv); !mlirOpOperandIsNull(u); u = mlirOpOperandGetNextUse(u)) ++nuses;
    mm = -1;
    if (nuses == 1 && dlc_fgraph_users(g, s->seg.tail, users, 4) == 1 && users[0] >= 0 && dlc_op_is(g->ops[users[0]], DLC_MATMUL) &&
        mlirValueEqual(mlirOperationGetOperand(g->ops[users[0]], 0), tv))
      mm = users[0];
  }
  if (ns < 2) {
    free(segs);
    return;
  }
  dlc_fusion_op_label(g->ops[segs[ns - 1].seg.anchor], lb, sizeof(lb));
  for (int k = 0; k < ns; ++k)
    if (dlc_mlp_compute_bound(g->ops[segs[k].seg.anchor])) {
      char lc[160];
      dlc_fusion_explain(PASS, "mlp chain %s -> %s (%d GEMMs): not formed: %s is compute-bound: it stays a library GEMM", la, lb, ns,
                         dlc_fusion_op_label(g->ops[segs[k].seg.anchor], lc, sizeof(lc)));
      free(segs);
      return;
    }
  dlc_shape_t a;
  dlc_shape_from_type(mlirValueGetType(mlirOperationGetOperand(g->ops[segs[0].seg.anchor], 0)), &a);
  double m = a.dims[0] == DLC_DYN ? (double)dlc_fusion_settings()->target.dynamic_dim : (double)a.dims[0];
  double smem;
  double fused = dlc_mlp_fused_us(g, segs, ns, m, &smem), library = dlc_mlp_library_us(g, segs, ns);
  int64_t limit = dlc_fusion_settings()->target.smem_per_block;
  if (limit <= 0 || limit > DLC_MLP_SMEM_LIMIT) limit = DLC_MLP_SMEM_LIMIT;
  if (smem > (double)limit) {
    dlc_fusion_explain(PASS, "mlp chain %s -> %s (%d GEMMs): not formed: intermediate rows need %.0f B of shared memory per block (> %lld)", la,
                       lb, ns, smem, (long long)limit);
  } else if (!(fused < library)) {
    dlc_fusion_explain(PASS, "mlp chain %s -> %s (%d GEMMs): not formed: one kernel on CUDA cores (~%.2f us) is not faster than %d library GEMMs (~%.2f us)",
                       la, lb, ns, fused, ns, library);
  } else {
    int total = 0;
    for (int k = 0; k < ns; ++k) {
      dlc_fgraph_union(g, i, segs[k].seg.anchor);
      for (int j = 0; j < segs[k].seg.nops; ++j) dlc_fgraph_union(g, i, segs[k].seg.ops[j]);
      total += 1 + segs[k].seg.nops;
    }
    g->claimed[dlc_fgraph_find(g, i)] = claim;
    dlc_fusion_explain(PASS, "mlp chain %s -> %s: gemm_chain of %d GEMMs + %d elementwise ops in one kernel (~%.2f us vs ~%.2f us as library GEMMs; %.0f B shared memory per block)",
                       la, lb, ns, total - ns, fused, library, smem);
  }
  free(segs);
}

void dlc_fuse_mlp_chains(dlc_fgraph_t *g, int claim) {
  for (int i = 0; i < g->n; ++i)
    if (dlc_op_is(g->ops[i], DLC_MATMUL) && !g->claimed[dlc_fgraph_find(g, i)]) dlc_mlp_try(g, i, claim);
}
