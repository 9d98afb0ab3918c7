/* --dlc-fuse-stitch (FusionStitching): groups around reductions over the trailing axes. A "stitch"
 * group is one kernel in which a block owns whole rows: it reduces a row, keeps it in shared memory,
 * and applies the elementwise ops before and after the reductions to the same rows. Softmax, layer
 * norm and RMS norm as ONNX exporters decompose them (ReduceMean -> Sub -> Pow -> ReduceMean -> Add
 * -> Sqrt -> Div -> Mul -> Add) become one group each; several reductions are stitched when they share
 * rows. Seeds are dlc.reduce over the last axes, dlc.softmax/log_softmax and dlc.layer_norm; the group
 * grows over producers and consumers that are elementwise (or unit reshapes, or further reductions)
 * on the same rows: a result shaped like the rows plus the reduced axes (full) or like the rows alone.
 * Refused: rows too large for shared memory (row bytes x reductions > the target's per-block limit),
 * ops in another iteration space, merges that create a cycle, merges the cost model finds no faster. */
#include <stdlib.h>
#include <string.h>

#include "dlc/mlir_util.h"
#include "dlc/passes.h"
#include "fusion.h"

enum { DLC_CLAIM_STITCH = 2 };
#define PASS "fuse-stitch"

typedef struct dlc_rows_t {
  int32_t rank, trailing; /* full rank; reduced trailing axes */
  int64_t dims[DLCRT_MAX_RANK];
  double row_bytes;       /* one row of the reduced axes */
} dlc_rows_t;

static bool dlc_dims_eq(const int64_t *a, const int64_t *b, int n) {
  for (int i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

/* Shape class of `v` against the rows: 2 full, 1 rows only (with or without unit reduced axes), 0 other. */
static int dlc_rows_class(const dlc_rows_t *r, MlirValue v) {
  dlc_shape_t s;
  if (!dlc_shape_from_type(mlirValueGetType(v), &s)) return 0;
  int lead = r->rank - r->trailing;
  if (s.rank == r->rank && dlc_dims_eq(s.dims, r->dims, r->rank)) return 2;
  if (s.rank == r->rank && dlc_dims_eq(s.dims, r->dims, lead)) {
    for (int i = lead; i < s.rank; ++i)
      if (s.dims[i] != 1) return 0;
    return 1;
  }
  if (s.rank == lead && dlc_dims_eq(s.dims, r->dims, lead)) return 1;
  return 0;
}

static bool dlc_rows_of(MlirOperation op, dlc_rows_t *r) {
  int32_t t;
  dlc_shape_t s;
  if (!dlc_fusion_is_row_reduction(op, &t) || !dlc_shape_from_type(mlirValueGetType(mlirOperationGetOperand(op, 0)), &s))
    return false;
  r->rank = s.rank;
  r->trailing = t;
  memcpy(r->dims, s.dims, sizeof(r->dims));
  double cols = 1;
  for (int i = s.rank - t; i < s.rank; ++i)
    cols *= s.dims[i] == DLC_DYN ? (double)dlc_fusion_settings()->target.dynamic_dim : (double)s.dims[i];
  r->row_bytes = cols * (double)dlc_fusion_elem_bytes(mlirOperationGetOperand(op, 0));
  return true;
}

/* Can `op` join a stitch group on rows `r`? Sets *is_reduction. */
static bool dlc_stitch_fits(const dlc_rows_t *r, MlirOperation op, bool *is_reduction) {
  *is_reduction = false;
  if (mlirOperationGetNumResults(op) != 1) return false;
  dlc_rows_t other;
  if (dlc_rows_of(op, &other)) {
    *is_reduction = true;
    return other.rank == r->rank && other.trailing == r->trailing && dlc_dims_eq(other.dims, r->dims, r->rank);
  }
  if (dlc_fusion_is_elementwise(op)) return dlc_rows_class(r, mlirOperationGetResult(op, 0)) != 0;
  if (dlc_fusion_is_unit_reshape(op))
    return dlc_rows_class(r, mlirOperationGetResult(op, 0)) != 0 && dlc_rows_class(r, mlirOperationGetOperand(op, 0)) != 0;
  return false;
}

static int dlc_count_reductions(const MlirOperation *ops, int n) {
  int c = 0;
  int32_t t;
  for (int i = 0; i < n; ++i) c += dlc_fusion_is_row_reduction(ops[i], &t);
  return c;
}

/* Tries to add op j to the group of member i (rows r). Returns true when merged. */
static bool dlc_stitch_try(dlc_fgraph_t *g, const dlc_rows_t *r, int i, int j, MlirOperation *scratch) {
  if (j < 0 || dlc_fgraph_find(g, i) == dlc_fgraph_find(g, j)) return false;
  int rj = dlc_fgraph_find(g, j);
  if (g->claimed[rj] && g->claimed[rj] != DLC_CLAIM_STITCH) return false;
  bool red;
  MlirOperation op = g->ops[j];
  char ol[160], sl[160];
  if (!dlc_op_info(op) || dlc_op_is(op, DLC_CONSTANT)) return false;
  if (!dlc_stitch_fits(r, op, &red)) {
    if (dlc_fusion_explaining() && !dlc_fusion_is_free(op))
      dlc_fusion_explain(PASS, "not stitched %s into the group of %s: not elementwise on the same rows", dlc_fusion_op_label(op, ol, sizeof(ol)),
                         dlc_fusion_op_label(g->ops[dlc_fgraph_find(g, i)], sl, sizeof(sl)));
    return false;
  }
  dlc_fusion_op_label(op, ol, sizeof(ol));
  dlc_fusion_op_label(g->ops[i], sl, sizeof(sl));
  if (dlc_fgraph_merge_creates_cycle(g, i, j)) {
    dlc_fusion_explain(PASS, "not stitched %s with %s: the group would depend on itself through an op outside it (cycle)", ol, sl);
    return false;
  }
  int na = dlc_fgraph_members(g, i, scratch);
  int nb = dlc_fgraph_members(g, j, scratch + na);
  const dlc_target_t *t = &dlc_fusion_settings()->target;
  int reductions = dlc_count_reductions(scratch, na + nb);
  double smem = r->row_bytes * reductions;
  if (smem > (double)t->smem_per_block) {
    char b1[32], b2[32];
    dlc_fusion_explain(PASS, "not stitched %s with %s: %d reductions of %s rows need %s of shared memory (limit %s per block)", ol, sl,
                       reductions, dlc_fusion_bytes_str(r->row_bytes, b1, sizeof(b1)), dlc_fusion_bytes_str(smem, b2, sizeof(b2)),
                       dlc_fusion_bytes_str((double)t->smem_per_block, b1, sizeof(b1)));
    return false;
  }
  dlc_cost_t a = dlc_fusion_cost(scratch, na), b = dlc_fusion_cost(scratch + na, nb), m = dlc_fusion_cost(scratch, na + nb);
  if (!(m.us < a.us + b.us)) {
    dlc_fusion_explain(PASS, "not stitched %s with %s: no gain (%.2f us vs %.2f us apart)", ol, sl, m.us, a.us + b.us);
    return false;
  }
  char saved[32];
  dlc_fusion_explain(PASS, "stitched %s with %s: saves %s and %.2f us", ol, sl,
                     dlc_fusion_bytes_str(a.bytes + b.bytes - m.bytes, saved, sizeof(saved)), a.us + b.us - m.us);
  dlc_fgraph_union(g, i, j);
  g->claimed[dlc_fgraph_find(g, i)] = DLC_CLAIM_STITCH;
  return true;
}

static bool dlc_fuse_stitch_func(MlirOperation func) {
  dlc_fgraph_t g;
  if (!dlc_fgraph_build(func, &g)) return false;
  MlirOperation *scratch = malloc(sizeof(MlirOperation) * (size_t)(2 * g.n + 2));
  int *work = malloc(sizeof(int) * (size_t)(g.n + 1) * 4);
  int *users = malloc(sizeof(int) * (size_t)(g.n + 1));
  bool ok = scratch && work && users;
  const dlc_target_t *t = &dlc_fusion_settings()->target;
  for (int s = 0; ok && s < g.n; ++s) {
    dlc_rows_t r;
    if (!dlc_rows_of(g.ops[s], &r)) continue;
    if (g.claimed[dlc_fgraph_find(&g, s)] == DLC_CLAIM_STITCH) continue; /* already stitched with an earlier seed */
    char sl[160];
    dlc_fusion_op_label(g.ops[s], sl, sizeof(sl));
    if (r.row_bytes > (double)t->smem_per_block) {
      char b1[32], b2[32];
      dlc_fusion_explain(PASS, "not formed around %s: a row of %s exceeds %s of shared memory per block", sl,
                         dlc_fusion_bytes_str(r.row_bytes, b1, sizeof(b1)), dlc_fusion_bytes_str((double)t->smem_per_block, b2, sizeof(b2)));
      continue;
    }
    g.claimed[s] = DLC_CLAIM_STITCH;
    /* Grow to a fixed point over producers and consumers of the members. */
    int head = 0, tail = 0;
    work[tail++] = s;
    while (head < tail) {
      int m = work[head++];
      intptr_t no = mlirOperationGetNumOperands(g.ops[m]);
      for (intptr_t k = 0; k < no; ++k) {
        int j = dlc_fgraph_def(&g, mlirOperationGetOperand(g.ops[m], k));
        if (dlc_stitch_try(&g, &r, m, j, scratch) && tail < 4 * (g.n + 1)) work[tail++] = j;
      }
      int nu = dlc_fgraph_users(&g, m, users, g.n + 1);
      for (int k = 0; k < nu; ++k)
        if (dlc_stitch_try(&g, &r, m, users[k], scratch) && tail < 4 * (g.n + 1)) work[tail++] = users[k];
    }
    if (g.size[dlc_fgraph_find(&g, s)] < 2) {
      dlc_fusion_explain(PASS, "not formed around %s: nothing on its rows to stitch with (stays one kernel)", sl);
      g.claimed[s] = 0;
    }
  }
  int formed = ok ? dlc_fusion_outline_groups(&g, DLC_CLAIM_STITCH, 2, "stitch", PASS) : -1;
  free(scratch);
  free(work);
  free(users);
  dlc_fgraph_free(&g);
  return formed >= 0;
}

bool dlc_run_fuse_stitch(MlirOperation module) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  for (MlirOperation op = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    char name[64];
    if (strcmp(dlc_op_name(op, name, sizeof(name)), "func.func") != 0 || dlc_is_fusion_func(op)) continue;
    if (!dlc_fuse_stitch_func(op)) return false;
  }
  return true;
}
