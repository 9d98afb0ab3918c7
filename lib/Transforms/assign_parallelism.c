/* --dlc-assign-parallelism: adaptive ILP/TLP per fusion group. For every private function carrying
 * `dlc.fusion`, chooses threads per block, work per thread (ilp) and a tile, and records them in the
 * attribute: {kind, tile, threads, ilp}. The rules come from the target description:
 *   - registers per thread are estimated from the group (a base plus live values per op and per extra
 *     element in flight); occupancy = resident threads per SM from registers, threads and block limits;
 *   - a memory-bound kernel needs bandwidth x latency bytes in flight (Little's law): ilp is the least
 *     of 1, 2, 4, 8 that puts enough bytes in flight per SM with the resident threads; so when register
 *     use cuts thread-level parallelism, ilp rises instead;
 *   - small tensors get fewer threads per block so that the grid still spreads over the SMs, and ilp
 *     never shrinks the grid below one block per SM;
 *   - stitch groups (occupancy also limited by the shared memory a block caches: one row per reduction):
 *     a block owns whole rows (threads x ilp cover a row; short rows are packed several
 *     per block while the grid keeps two blocks per SM); tile = [rows per block, row length];
 *   - gemm_chain groups: a library GEMM; tile = [BM, BN, BK], 128x128 tiles when they give every SM a
 *     tile, else 64x64; a multi-GEMM chain (MLP block, one kernel): tile = [rows per block, widest
 *     intermediate], warps over the widest layer's columns (dlc_gemm_chain_threads).
 * With --dlc-explain it prints the choice per group and, per function, the group-level counts expected
 * after fusion (kernels, library calls) against the same counts without fusion. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "dlc/mlir_util.h"
#include "dlc/passes.h"
#include "fusion.h"
#include "mlir-c/BuiltinAttributes.h"

#define PASS "assign-parallelism"

typedef struct dlc_schedule_t {
  int64_t threads, ilp, tile[3];
  int tile_rank;
  int regs;
  double occupancy; /* resident threads / max threads per SM */
  int64_t blocks;
} dlc_schedule_t;

static int64_t dlc_pow2_ceil(double x) {
  int64_t p = 1;
  while ((double)p < x && p < (1ll << 40)) p *= 2;
  return p;
}

static int64_t dlc_pow2_floor(double x) {
  int64_t p = 1;
  while ((double)(p * 2) <= x && p < (1ll << 40)) p *= 2;
  return p;
}

/* Resident threads per SM for blocks of `threads` using `regs` registers each (rounded up to 8) and
 * `smem` bytes of shared memory per block. */
static int64_t dlc_resident_threads_smem(const dlc_target_t *t, int64_t threads, int regs, double smem) {
  int64_t r = (regs + 7) / 8 * 8;
  int64_t by_regs = t->regs_per_sm / (r * threads);
  int64_t by_threads = t->max_threads_per_sm / threads;
  int64_t blocks = by_regs < by_threads ? by_regs : by_threads;
  if (smem > 0 && (int64_t)((double)t->smem_per_sm / smem) < blocks) blocks = (int64_t)((double)t->smem_per_sm / smem);
  if (blocks > t->max_blocks_per_sm) blocks = t->max_blocks_per_sm;
  return blocks * threads;
}

static int64_t dlc_resident_threads(const dlc_target_t *t, int64_t threads, int regs) {
  return dlc_resident_threads_smem(t, threads, regs, 0);
}

typedef struct dlc_group_shape_t {
  int ops;          /* kernel ops in the body */
  int inputs;
  double work;      /* elements of the largest result */
  double in_bytes;  /* bytes read per output element */
  double rows, cols;
  int reductions;
} dlc_group_shape_t;

static dlc_group_shape_t dlc_group_shape(MlirOperation fn) {
  dlc_group_shape_t s = {0, 0, 1, 4, 1, 1, 0};
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(fn, 0));
  s.inputs = (int)mlirBlockGetNumArguments(body);
  double in_total = 0;
  for (intptr_t i = 0; i < mlirBlockGetNumArguments(body); ++i) in_total += dlc_fusion_value_bytes(mlirBlockGetArgument(body, i));
  bool have_rows = false;
  for (MlirOperation op = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    if (!dlc_op_info(op)) continue;
    if (!dlc_fusion_is_free(op)) ++s.ops;
    for (intptr_t r = 0; r < mlirOperationGetNumResults(op); ++r) {
      double e = dlc_fusion_value_elems(mlirOperationGetResult(op, r));
      if (e > s.work) s.work = e;
    }
    int32_t trailing;
    if (dlc_fusion_is_row_reduction(op, &trailing)) {
      ++s.reductions;
      if (!have_rows) {
        MlirValue in = mlirOperationGetOperand(op, 0);
        dlc_shape_t sh;
        dlc_shape_from_type(mlirValueGetType(in), &sh);
        double cols = 1;
        for (int d = sh.rank - trailing; d < sh.rank; ++d)
          cols *= sh.dims[d] == DLC_DYN ? (double)dlc_fusion_settings()->target.dynamic_dim : (double)sh.dims[d];
        s.cols = cols;
        s.rows = dlc_fusion_value_elems(in) / cols;
        have_rows = true;
      }
    }
  }
  s.in_bytes = in_total / s.work;
  if (s.in_bytes < 1) s.in_bytes = 1;
  return s;
}

/* Loop groups. */
static dlc_schedule_t dlc_schedule_loop(const dlc_target_t *t, const dlc_group_shape_t *s) {
  dlc_schedule_t sc = {.threads = 256, .ilp = 1, .tile_rank = 1};
  /* Small tensors: fewer threads per block so the grid still covers the SMs. */
  if (s->work < (double)t->sm_count * 256) {
    sc.threads = dlc_pow2_floor(s->work / t->sm_count);
    if (sc.threads < 32) sc.threads = 32;
  }
  int base_regs = 16 + 4 * s->ops, per_elem = 2 + 2 * s->inputs;
  double need = t->hbm_bytes_per_s * t->mem_latency_ns * 1e-9 / t->sm_count; /* bytes in flight per SM */
  for (int64_t ilp = 1; ilp <= 8; ilp *= 2) {
    int regs = base_regs + (int)(ilp - 1) * per_elem;
    if (regs > t->max_regs_per_thread) break;
    double blocks = ceil(s->work / (double)(sc.threads * ilp));
    if (ilp > 1 && blocks < t->sm_count) break; /* more work per thread would leave SMs idle */
    sc.ilp = ilp;
    sc.regs = regs;
    int64_t resident = dlc_resident_threads(t, sc.threads, regs);
    double per_sm_blocks = blocks / t->sm_count;
    double resident_now = fmin((double)resident, fmax(1, per_sm_blocks) * (double)sc.threads);
    if (resident_now * (double)ilp * s->in_bytes >= need) break;
    if (blocks <= t->sm_count) break; /* the grid is one wave: more ilp cannot add bytes in flight */
  }
  int64_t resident = dlc_resident_threads(t, sc.threads, sc.regs);
  sc.occupancy = (double)resident / t->max_threads_per_sm;
  sc.blocks = (int64_t)ceil(s->work / (double)(sc.threads * sc.ilp));
  sc.tile[0] = sc.threads * sc.ilp;
  return sc;
}

/* Stitch groups: blocks own rows. */
static dlc_schedule_t dlc_schedule_stitch(const dlc_target_t *t, const dlc_group_shape_t *s) {
  dlc_schedule_t sc = {.ilp = 1, .tile_rank = 2};
  int base_regs = 24 + 4 * s->ops;
  /* ilp: elements per thread so that a row fits 1024 threads, doubled while registers cut occupancy below half. */
  while (s->cols / (double)sc.ilp > t->max_threads_per_block && sc.ilp < 8) sc.ilp *= 2;
  int64_t row_threads = dlc_pow2_ceil(s->cols / (double)sc.ilp);
  if (row_threads < 32) row_threads = 32;
  if (row_threads > t->max_threads_per_block) row_threads = t->max_threads_per_block;
  /* Shared memory per block: one row per reduction (the rows a block caches between phases). */
  double smem_row = s->cols * 4 * (s->reductions > 0 ? s->reductions : 1);
  for (;;) {
    int regs = base_regs + (int)(sc.ilp - 1) * 4;
    int64_t resident = dlc_resident_threads_smem(t, row_threads, regs, smem_row);
    if (resident * 2 >= t->max_threads_per_sm || row_threads <= 32 || sc.ilp >= 8 || regs > t->max_regs_per_thread) {
      sc.regs = regs;
      break;
    }
    row_threads /= 2;
    sc.ilp *= 2;
  }
  /* Short rows: several per block while the grid keeps two blocks per SM. */
  int64_t rows_per_block = 1;
  while (row_threads * rows_per_block * 2 <= 256 && s->cols * (double)rows_per_block * 2 <= (double)(row_threads * rows_per_block * 2 * sc.ilp) &&
         s->rows / (double)(rows_per_block * 2) >= 2.0 * t->sm_count)
    rows_per_block *= 2;
  sc.threads = row_threads * rows_per_block;
  sc.tile[0] = rows_per_block;
  sc.tile[1] = (int64_t)s->cols;
  sc.occupancy = (double)dlc_resident_threads_smem(t, sc.threads, sc.regs, smem_row * (double)rows_per_block) / t->max_threads_per_sm;
  sc.blocks = (int64_t)ceil(s->rows / (double)rows_per_block);
  return sc;
}

/* --fixed-parallelism: 256 threads, one element per thread, whatever the group (stitch groups: a warp
 * per row, eight rows per block, as the row kernel does without a schedule). */
static dlc_schedule_t dlc_schedule_fixed(const dlc_target_t *t, const dlc_group_shape_t *s) {
  dlc_schedule_t sc = {.threads = 256, .ilp = 1, .tile_rank = 1, .regs = 16 + 4 * s->ops};
  sc.tile[0] = 256;
  sc.blocks = (int64_t)ceil(s->reductions ? s->rows / 8.0 : s->work / 256.0);
  sc.occupancy = (double)dlc_resident_threads(t, sc.threads, sc.regs) / t->max_threads_per_sm;
  return sc;
}

/* A multi-GEMM chain (MLP block, one kernel): tile = [rows per block, widest intermediate], threads
 * from the widest layer's columns (dlc_gemm_chain_threads: a warp per group of columns, 4 to 16 warps). */
static bool dlc_schedule_mlp_chain(const dlc_target_t *t, MlirOperation fn, dlc_schedule_t *sc) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(fn, 0));
  int matmuls = 0;
  int64_t nmax = 0, ninter = 0;
  double m = 0;
  for (MlirOperation op = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    dlc_shape_t r;
    if (!dlc_op_is(op, DLC_MATMUL) || !dlc_shape_from_type(mlirValueGetType(mlirOperationGetResult(op, 0)), &r) || r.rank != 2 ||
        r.dims[1] == DLC_DYN)
      continue;
    if (matmuls++ > 0 && nmax > ninter) ninter = nmax; /* the previous layer's width was an intermediate */
    nmax = r.dims[1] > nmax ? r.dims[1] : nmax;
    m = r.dims[0] == DLC_DYN ? (double)t->dynamic_dim : (double)r.dims[0];
  }
  if (matmuls < 2) return false;
  int64_t rows = m < DLC_GEMM_CHAIN_ROWS ? (int64_t)m : DLC_GEMM_CHAIN_ROWS;
  if (rows < 1) rows = 1;
  *sc = (dlc_schedule_t){.threads = (int)dlc_gemm_chain_threads(nmax), .ilp = 1, .tile_rank = 2, .tile = {rows, ninter}};
  sc->blocks = (int64_t)ceil(m / (double)rows);
  return true;
}

static dlc_schedule_t dlc_schedule_gemm(const dlc_target_t *t, MlirOperation fn) {
  dlc_schedule_t sc = {.threads = 256, .ilp = 1, .tile_rank = 3, .tile = {128, 128, 32}};
  if (dlc_schedule_mlp_chain(t, fn, &sc)) return sc;
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(fn, 0));
  for (MlirOperation op = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    if (!dlc_op_is(op, DLC_MATMUL)) continue;
    dlc_shape_t r;
    if (!dlc_shape_from_type(mlirValueGetType(mlirOperationGetResult(op, 0)), &r) || r.rank < 2) break;
    double n = r.dims[r.rank - 1] == DLC_DYN ? (double)t->dynamic_dim : (double)r.dims[r.rank - 1];
    double m = dlc_fusion_value_elems(mlirOperationGetResult(op, 0)) / n;
    if (ceil(m / 128) * ceil(n / 128) < t->sm_count) sc.tile[0] = sc.tile[1] = 64;
    sc.blocks = (int64_t)(ceil(m / (double)sc.tile[0]) * ceil(n / (double)sc.tile[1]));
    break;
  }
  return sc;
}

static bool dlc_assign_one(MlirOperation fn) {
  MlirContext ctx = mlirOperationGetContext(fn);
  MlirAttribute old = mlirOperationGetAttributeByName(fn, dlc_sref(DLC_FUSION_ATTR));
  MlirAttribute kind_attr = mlirDictionaryAttrGetElementByName(old, dlc_sref("kind"));
  if (mlirAttributeIsNull(kind_attr) || !mlirAttributeIsAString(kind_attr)) return true;
  MlirStringRef kind = mlirStringAttrGetValue(kind_attr);
  if (dlc_sref_eq(kind, "conv_chain")) { /* fuse_conv_chain.c chose its tile and threads with the chain's own cost model */
    MlirStringRef name = mlirStringAttrGetValue(mlirOperationGetAttributeByName(fn, dlc_sref("sym_name")));
    char text[256];
    dlc_strbuf_t s;
    dlc_strbuf_init(&s);
    dlc_strbuf_append_attr(&s, old);
    snprintf(text, sizeof(text), "%s", s.data ? dlc_strbuf_cstr(&s) : "");
    dlc_strbuf_free(&s);
    dlc_fusion_explain(PASS, "@%.*s (conv_chain): schedule kept from fuse-conv-chain: %s", (int)name.length, name.data, text);
    return true;
  }
  const dlc_target_t *t = &dlc_fusion_settings()->target;
  dlc_group_shape_t s = dlc_group_shape(fn);
  dlc_schedule_t sc;
  if (dlc_sref_eq(kind, "gemm_chain")) sc = dlc_schedule_gemm(t, fn);
  else if (dlc_fusion_settings()->fixed_parallelism) sc = dlc_schedule_fixed(t, &s);
  else if (dlc_sref_eq(kind, "stitch") && s.reductions > 0) sc = dlc_schedule_stitch(t, &s);
  else sc = dlc_schedule_loop(t, &s);
  char text[256], tile[96] = "";
  int len = 0;
  for (int i = 0; i < sc.tile_rank; ++i) len += snprintf(tile + len, sizeof(tile) - (size_t)len, "%s%lld", i ? ", " : "", (long long)sc.tile[i]);
  /* Keep any other keys (vpad) the attribute already has. */
  dlc_strbuf_t extra;
  dlc_strbuf_init(&extra);
  MlirAttribute vpad = mlirDictionaryAttrGetElementByName(old, dlc_sref("vpad"));
  if (!mlirAttributeIsNull(vpad)) {
    dlc_strbuf_append(&extra, ", vpad = ");
    dlc_strbuf_append_attr(&extra, vpad);
  }
  snprintf(text, sizeof(text), "{kind = \"%.*s\", tile = array<i64: %s>, threads = %lld : i64, ilp = %lld : i64%s}", (int)kind.length,
           kind.data, tile, (long long)sc.threads, (long long)sc.ilp, extra.data ? dlc_strbuf_cstr(&extra) : "");
  dlc_strbuf_free(&extra);
  MlirAttribute attr = mlirAttributeParseGet(ctx, dlc_sref(text));
  if (mlirAttributeIsNull(attr)) return false;
  mlirOperationSetAttributeByName(fn, dlc_sref(DLC_FUSION_ATTR), attr);
  MlirStringRef name = mlirStringAttrGetValue(mlirOperationGetAttributeByName(fn, dlc_sref("sym_name")));
  if (dlc_sref_eq(kind, "gemm_chain"))
    dlc_fusion_explain(PASS, "@%.*s (gemm_chain): tile %s, %lld output tiles for %d SMs", (int)name.length, name.data, tile, (long long)sc.blocks,
                       t->sm_count);
  else
    dlc_fusion_explain(PASS, "@%.*s (%.*s, %.0f elements%s): threads=%lld ilp=%lld tile=[%s] blocks=%lld, ~%d regs/thread, occupancy %.0f%%",
                       (int)name.length, name.data, (int)kind.length, kind.data, s.work, s.reductions ? " in rows" : "", (long long)sc.threads,
                       (long long)sc.ilp, tile, (long long)sc.blocks, sc.regs, sc.occupancy * 100);
  return true;
}

bool dlc_run_assign_parallelism(MlirOperation module) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  for (MlirOperation op = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op))
    if (dlc_is_fusion_func(op) && !dlc_assign_one(op)) return false;
  if (!dlc_fusion_explaining()) return true;
  for (MlirOperation op = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    char name[64];
    if (strcmp(dlc_op_name(op, name, sizeof(name)), "func.func") != 0 || dlc_is_fusion_func(op)) continue;
    MlirAttribute vis = mlirOperationGetAttributeByName(op, dlc_sref("sym_visibility"));
    if (!mlirAttributeIsNull(vis) && dlc_sref_eq(mlirStringAttrGetValue(vis), "private")) continue;
    dlc_fusion_counts_t c = dlc_fusion_count(module, op);
    MlirStringRef fname = mlirStringAttrGetValue(mlirOperationGetAttributeByName(op, dlc_sref("sym_name")));
    char b[32];
    dlc_fusion_explain("summary",
                       "func=%.*s ops=%d groups: loop=%d stitch=%d gemm_chain=%d other=%d; expected kernels=%d library_calls=%d; est %s %.1f us",
                       (int)fname.length, fname.data, c.ops, c.groups_loop, c.groups_stitch, c.groups_gemm, c.groups_other, c.kernels,
                       c.library_calls, dlc_fusion_bytes_str(c.est.bytes, b, sizeof(b)), c.est.us);
  }
  return true;
}
