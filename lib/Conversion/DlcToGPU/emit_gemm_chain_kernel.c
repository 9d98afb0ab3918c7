/* DlcToGPU GEMM-chain kernels: a "gemm_chain" fusion group with two or more matmuls (an MLP block
 * formed by lib/Transforms/fuse_mlp_chain.c: GEMM (+ elementwise) -> GEMM (+ elementwise) -> ...)
 * becomes ONE gpu.launch instead of one library GEMM per layer.
 *
 * Schedule. Block b owns rows [b*R, b*R + R) of M (R = DLC_CHAIN_ROWS, or M when M is static and
 * smaller); the grid is ceil(M / R) blocks (M read with memref.dim when dynamic; no launch for M = 0),
 * of dlc_gemm_chain_threads(widest N) threads (4 to 16 warps; assign_parallelism's choice when it made
 * one). The left operand of layer 0 is the input (rows clamped to M - 1 so every load is in bounds);
 * of a later layer, the previous layer's R rows in shared memory. Each layer has one of two forms:
 *  - weights [N, K] (transpose_b: every torch Linear): split-K by warps. Warp w takes the column groups
 *    g = w, w + W, ... of C columns each (C = 4, 2 or 1 as R grows, so that a lane keeps R x C <= 16
 *    partial sums; fewer when the layer has few columns per warp). Its 32 lanes split K: lane l reads
 *    k = 4l, 4l + 128, ... as 16-byte vector.loads ({alignment = 16}) of the C weight rows and of the R
 *    left-operand rows (K % 4 != 0: k = l, l + 32, ... by scalar loads), so a warp reads 512 contiguous
 *    bytes of each weight row per step (coalesced) with C x R independent FMA chains. A butterfly of
 *    gpu.shuffle xor then sums across the lanes: while the number V of values a lane holds is even, a
 *    step halves it (the lanes with the offset bit set keep the upper half and send the lower, the
 *    others the reverse: V/2 shuffles); otherwise a step adds the partner's copy of each value (V
 *    shuffles). Afterwards every lane holds full sums of distinct (row, column) pairs (or copies of
 *    its partner's), runs the epilogue for them and stores them (copies store the same value).
 *  - weights [K, N]: thread t takes output columns t, t + T, ...; per column a k-loop keeps R f32
 *    accumulators (scf.for iter_args), eight k per iteration when K % 8 == 0 and R <= 4, four when
 *    K % 4 == 0: W[k, n] as scalar loads coalesced across the threads, the left-operand rows as
 *    16-byte vectors (the same address across the warp: a broadcast), every load of the iteration
 *    issued before its FMAs.
 * The layer's elementwise ops (bias, activation, erf-gelu written out, ...) run per value through
 * dlc_emit_scalar_op, the formulas shared with every other conversion; their other operands are group
 * inputs broadcast to [M, N_k] (rank <= 2). The result goes to a shared-memory buffer (two ping-pong
 * buffers of R x max N f32, the dynamic shared memory of the launch) followed by DLC_GPU_BARRIER, or
 * for the last layer to the output (rows < M only). f32 only: other element types are not handled (the group then falls through and is
 * lowered op by op). */
#include <stdlib.h>
#include <string.h>

#include "../scalar_op.h"
#include "dlc/cost_model.h"
#include "gpu_emit.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#define DLC_CHAIN_ROWS DLC_GEMM_CHAIN_ROWS /* include/dlc/cost_model.h: shared with fusion */
#define DLC_CHAIN_MAX_LAYERS 16
#define DLC_CHAIN_SMEM_LIMIT (48 * 1024)

typedef char dlc_name_t[16];

typedef struct dlc_chain_layer_t {
  int matmul;     /* unit op index */
  int first, end; /* its elementwise ops: unit ops (first, end) */
  int w_input;    /* unit input index of the weight */
  bool trans_b;
  int64_t k, n;
  int tail; /* unit op index of the value the next layer reads (or the output) */
} dlc_chain_layer_t;

typedef struct dlc_chain_t {
  dlc_gpu_unit_t *unit;
  dlc_strbuf_t *b;
  dlc_chain_layer_t layers[DLC_CHAIN_MAX_LAYERS];
  int nl;
  int a_input; /* unit input index of layer 0's left operand */
  bool m_dynamic;
  int64_t m, rows, threads, nmax;
  int64_t buf_elems; /* f32 elements of one shared-memory buffer (R x nmax, rounded up to 4: 16-byte aligned) */
  int next;
  dlc_name_t op_val[DLC_GPU_MAX_UNIT_OPS]; /* scalar of each op for the current row */
} dlc_chain_t;

static const char *dlc_chain_fresh(dlc_chain_t *c, char *buf) {
  snprintf(buf, 16, "%%q%d", c->next++);
  return buf;
}

/* Every value of the element type f32. */
static bool dlc_chain_f32(MlirValue v, dlc_shape_t *s) {
  return dlc_shape_from_type(mlirValueGetType(v), s) && mlirTypeIsAF32(s->elem);
}

/* An input operand of an epilogue op: f32 of rank <= 2 broadcasting to [M, n]. */
static bool dlc_chain_epilogue_input_ok(const dlc_chain_t *c, const dlc_shape_t *s, int64_t n) {
  if (s->rank > 2) return false;
  if (s->rank >= 1 && s->dims[s->rank - 1] != 1 && s->dims[s->rank - 1] != n) return false;
  if (s->rank == 2) {
    int64_t d = s->dims[0];
    if (d != 1 && !(c->m_dynamic ? d == DLC_DYN : d == c->m)) return false;
  }
  return true;
}

/* Splits the group into layers and checks every rule of the kernel. */
static bool dlc_chain_plan(dlc_chain_t *c) {
  dlc_gpu_unit_t *u = c->unit;
  if (mlirOperationIsNull(u->group) || !dlc_gpu_fusion_kind_is(u, "gemm_chain") || u->num_outputs != 1) return false;
  c->nl = 0;
  for (int i = 0; i < u->num_ops; ++i) {
    MlirOperation op = u->ops[i];
    if (dlc_op_is(op, DLC_MATMUL)) {
      if (c->nl >= DLC_CHAIN_MAX_LAYERS || dlc_attr_flag(op, "transpose_a")) return false;
      dlc_chain_layer_t *l = &c->layers[c->nl];
      dlc_shape_t a, w, r;
      MlirValue av = mlirOperationGetOperand(op, 0), wv = mlirOperationGetOperand(op, 1);
      if (!dlc_chain_f32(av, &a) || !dlc_chain_f32(wv, &w) || !dlc_chain_f32(mlirOperationGetResult(op, 0), &r) || a.rank != 2 ||
          w.rank != 2 || r.rank != 2)
        return false;
      l->matmul = i;
      l->first = i;
      l->end = i + 1;
      l->tail = i;
      l->trans_b = dlc_attr_flag(op, "transpose_b");
      l->w_input = dlc_gpu_unit_input_index(u, wv);
      l->k = a.dims[1];
      l->n = r.dims[1];
      if (l->w_input < 0 || l->k == DLC_DYN || l->n == DLC_DYN || w.dims[l->trans_b ? 1 : 0] != l->k ||
          w.dims[l->trans_b ? 0 : 1] != l->n)
        return false;
      if (c->nl == 0) {
        c->a_input = dlc_gpu_unit_input_index(u, av);
        if (c->a_input < 0) return false;
        c->m_dynamic = a.dims[0] == DLC_DYN;
        c->m = a.dims[0];
      } else {
        dlc_chain_layer_t *p = &c->layers[c->nl - 1];
        int d = dlc_gpu_unit_op_index(u, av);
        /* the previous layer's last op feeds this matmul, and nothing else of it is read later */
        if (d != p->end - 1 || (c->m_dynamic ? a.dims[0] != DLC_DYN : a.dims[0] != c->m)) return false;
        p->tail = d;
        if (!dlc_gpu_unit_only_internal_uses(u, mlirOperationGetResult(u->ops[d], 0))) return false;
      }
      ++c->nl;
      continue;
    }
    if (c->nl == 0 || !dlc_gpu_is_elementwise_op(op)) return false;
    dlc_chain_layer_t *l = &c->layers[c->nl - 1];
    MlirType ty = mlirValueGetType(mlirOperationGetResult(u->ops[l->matmul], 0));
    if (!mlirTypeEqual(mlirValueGetType(mlirOperationGetResult(op, 0)), ty)) return false;
    for (intptr_t o = 0; o < mlirOperationGetNumOperands(op); ++o) {
      MlirValue v = mlirOperationGetOperand(op, o);
      int d = dlc_gpu_unit_op_index(u, v);
      dlc_shape_t s;
      if (d >= 0) {
        if (d < l->matmul) return false; /* a value of an earlier layer: not kept */
        continue;
      }
      if (dlc_gpu_unit_input_index(u, v) < 0 || !dlc_chain_f32(v, &s) || !dlc_chain_epilogue_input_ok(c, &s, l->n)) return false;
    }
    l->end = i + 1;
    l->tail = i;
  }
  if (c->nl < 2) return false;
  dlc_chain_layer_t *last = &c->layers[c->nl - 1];
  if (last->end != u->num_ops || dlc_gpu_unit_op_index(u, u->outputs[0]) != last->end - 1) return false;
  /* layer values other than the tail stay inside their layer */
  for (int k = 0; k < c->nl; ++k)
    for (int i = c->layers[k].first; i < c->layers[k].end; ++i) {
      if (i == c->layers[k].end - 1) continue;
      MlirValue v = mlirOperationGetResult(u->ops[i], 0);
      for (MlirOpOperand use = mlirValueGetFirstUse(v); !mlirOpOperandIsNull(use); use = mlirOpOperandGetNextUse(use)) {
        int user = -1;
        MlirOperation owner = mlirOpOperandGetOwner(use);
        for (int j = 0; j < u->num_ops; ++j)
          if (mlirOperationEqual(u->ops[j], owner)) user = j;
        if (user < c->layers[k].first || user >= c->layers[k].end) return false;
      }
    }
  c->rows = !c->m_dynamic && c->m < DLC_CHAIN_ROWS ? c->m : DLC_CHAIN_ROWS;
  if (c->rows < 1) return false;
  int64_t nall = 0;
  c->nmax = 0;
  for (int k = 0; k < c->nl; ++k) {
    if (k + 1 < c->nl && c->layers[k].n > c->nmax) c->nmax = c->layers[k].n;
    if (c->layers[k].n > nall) nall = c->layers[k].n;
  }
  c->buf_elems = (c->rows * c->nmax + 3) / 4 * 4;
  if ((c->nl > 2 ? 2 : 1) * c->buf_elems * 4 > DLC_CHAIN_SMEM_LIMIT) return false;
  c->threads = dlc_gemm_chain_threads(nall);
  /* assign_parallelism's choice when it made one (a multiple of a warp) */
  int64_t t = dlc_gpu_fusion_int(u, "threads", c->threads);
  if (t >= 32 && t <= 1024 && t % 32 == 0) c->threads = t;
  return true;
}

/* The scalar of unit input `i` (shape s, broadcast to [M, n]) at row value `row` (clamped) and column `col`. */
static void dlc_chain_load_input(dlc_chain_t *c, int i, const dlc_shape_t *s, const char *row, const char *col, char *name) {
  dlc_chain_fresh(c, name);
  dlc_strbuf_appendf(c->b, "          %s = memref.load %%in%d[", name, i);
  for (int32_t d = 0; d < s->rank; ++d) {
    const char *ix = s->dims[d] == 1 ? "%c0" : (d == s->rank - 1 ? col : row);
    dlc_strbuf_appendf(c->b, "%s%s", d ? ", " : "", ix);
  }
  dlc_strbuf_append(c->b, "] : ");
  dlc_gpu_append_memref_type(c->b, s);
  dlc_strbuf_append(c->b, "\n");
}

/* Layer k's elementwise ops on the GEMM value `acc` of row `rowc` (clamped) and column `col` (in
 * bounds); the result's name is c->op_val[l->end - 1]. col_in (may be NULL) holds the row-independent
 * inputs already loaded for this column. */
static dlcrt_status_t dlc_chain_epilogue(dlc_chain_t *c, int k, dlc_emit_t *e, const char *acc, const char *rowc, const char *col,
                                         dlc_name_t *col_in) {
  dlc_gpu_unit_t *u = c->unit;
  dlc_chain_layer_t *l = &c->layers[k];
  snprintf(c->op_val[l->matmul], sizeof(dlc_name_t), "%s", acc);
  for (int i = l->first + 1; i < l->end; ++i) {
    MlirOperation op = u->ops[i];
    e->op = op;
    e->info = dlc_op_info(op);
    e->num_in = (int)mlirOperationGetNumOperands(op);
    if (e->num_in > 3) return dlcrt_make_status(DLCRT_STATUS_INTERNAL, "'dlc.%s' with %d operands in a GEMM chain", e->info->name, e->num_in);
    const char *names[3];
    dlc_name_t loaded[3];
    for (int j = 0; j < e->num_in; ++j) {
      MlirValue v = mlirOperationGetOperand(op, j);
      dlc_shape_from_type(mlirValueGetType(v), &e->in[j]);
      int d = dlc_gpu_unit_op_index(u, v);
      if (d >= 0) {
        names[j] = c->op_val[d];
        continue;
      }
      int in = dlc_gpu_unit_input_index(u, v);
      if (col_in && col_in[in][0]) {
        names[j] = col_in[in];
      } else {
        dlc_chain_load_input(c, in, &e->in[j], rowc, col, loaded[j]);
        names[j] = loaded[j];
      }
    }
    dlc_shape_from_type(mlirValueGetType(mlirOperationGetResult(op, 0)), &e->out);
    dlcrt_status_t st = dlc_emit_scalar_op(e, names, c->op_val[i]);
    if (st) return st;
  }
  return NULL;
}

/* Weights [K, N]: thread t takes columns t, t + T, ...; per column a k-loop of R accumulators, U k
 * per iteration (8 when K % 8 == 0 and R <= 4, 4 when K % 4 == 0, else 1): the U weights W[k, n]
 * (scalar loads coalesced across the threads) and the left-operand rows (16-byte vectors) loaded
 * first, then the U x R FMAs. */
static dlcrt_status_t dlc_chain_layer_columns(dlc_chain_t *c, int k, dlc_emit_t *e) {
  dlc_gpu_unit_t *u = c->unit;
  dlc_chain_layer_t *l = &c->layers[k];
  dlc_strbuf_t *b = c->b;
  int64_t R = c->rows;
  dlc_shape_t ws, as;
  dlc_gpu_input_shape(u, l->w_input, &ws);
  dlc_gpu_input_shape(u, c->a_input, &as);
  const char *prev_buf = k % 2 ? "%buf0" : "%buf1";
  const char *next_buf = k % 2 ? "%buf1" : "%buf0";
  dlc_strbuf_appendf(b, "      %%N%d = arith.constant %lld : index\n      %%K%d = arith.constant %lld : index\n", k, (long long)l->n, k,
                     (long long)l->k);
  dlc_strbuf_appendf(b, "      scf.for %%n = %%tx to %%N%d step %%nthreads {\n", k);
  /* k per iteration: 8 (two 16-byte vectors per row) when few rows keep the registers low, else 4 */
  int U = l->k % 8 == 0 && R <= 4 ? 8 : l->k % 4 == 0 ? 4 : 1;
  dlc_strbuf_appendf(b, "        %%acc%d:%lld = scf.for %%kk = %%c0 to %%K%d step %%c%d iter_args(", k, (long long)R, k, U);
  for (int64_t r = 0; r < R; ++r) dlc_strbuf_appendf(b, "%s%%s%lld = %%zero", r ? ", " : "", (long long)r);
  dlc_strbuf_append(b, ") -> (");
  for (int64_t r = 0; r < R; ++r) dlc_strbuf_appendf(b, "%sf32", r ? ", " : "");
  dlc_strbuf_append(b, ") {\n");
  char w[8][16], kj[8][16];
  for (int j = 0; j < U; ++j) {
    if (j == 0) {
      snprintf(kj[0], sizeof(kj[0]), "%%kk");
    } else {
      char cj[16];
      dlc_chain_fresh(c, cj);
      dlc_chain_fresh(c, kj[j]);
      dlc_strbuf_appendf(b, "          %s = arith.constant %d : index\n          %s = arith.addi %%kk, %s : index\n", cj, j, kj[j], cj);
    }
  }
  /* every load of the iteration first (weights, then the R left-operand vectors), the FMAs after */
  for (int j = 0; j < U; ++j) {
    dlc_chain_fresh(c, w[j]);
    dlc_strbuf_appendf(b, "          %s = memref.load %%in%d[", w[j], l->w_input);
    dlc_strbuf_appendf(b, l->trans_b ? "%%n, %s] : " : "%s, %%n] : ", kj[j]);
    dlc_gpu_append_memref_type(b, &ws);
    dlc_strbuf_append(b, "\n");
  }
  char x[DLC_CHAIN_ROWS][8][16];
  for (int64_t r = 0; r < R; ++r) {
    if (U == 1) {
      char ix[16];
      dlc_chain_fresh(c, x[r][0]);
      if (k == 0) {
        dlc_strbuf_appendf(b, "          %s = memref.load %%in%d[%%rc%lld, %%kk] : ", x[r][0], c->a_input, (long long)r);
        dlc_gpu_append_memref_type(b, &as);
        dlc_strbuf_append(b, "\n");
      } else {
        char off[16];
        dlc_chain_fresh(c, off);
        dlc_chain_fresh(c, ix);
        dlc_strbuf_appendf(b, "          %s = arith.constant %lld : index\n          %s = arith.addi %s, %%kk : index\n", off,
                           (long long)(r * l->k), ix, off);
        dlc_strbuf_appendf(b, "          %s = memref.load %s[%s] : memref<%lldxf32, #gpu.address_space<workgroup>>\n", x[r][0], prev_buf, ix,
                           (long long)c->buf_elems);
      }
      continue;
    }
    for (int h = 0; h < U / 4; ++h) { /* 16-byte vectors of the row at k + 4h */
      char xv[16], ix[16];
      dlc_chain_fresh(c, xv);
      if (k == 0) {
        dlc_strbuf_appendf(b, "          %s = vector.load %%in%d[%%rc%lld, %s] {alignment = 16 : i64} : ", xv, c->a_input, (long long)r,
                           kj[4 * h]);
        dlc_gpu_append_memref_type(b, &as);
      } else {
        char off[16];
        dlc_chain_fresh(c, off);
        dlc_chain_fresh(c, ix);
        dlc_strbuf_appendf(b, "          %s = arith.constant %lld : index\n          %s = arith.addi %s, %%kk : index\n", off,
                           (long long)(r * l->k + 4 * h), ix, off);
        dlc_strbuf_appendf(b, "          %s = vector.load %s[%s] {alignment = 16 : i64} : memref<%lldxf32, #gpu.address_space<workgroup>>", xv,
                           prev_buf, ix, (long long)c->buf_elems);
      }
      dlc_strbuf_append(b, ", vector<4xf32>\n");
      for (int j = 0; j < 4; ++j) {
        dlc_chain_fresh(c, x[r][4 * h + j]);
        dlc_strbuf_appendf(b, "          %s = vector.extract %s[%d] : f32 from vector<4xf32>\n", x[r][4 * h + j], xv, j);
      }
    }
  }
  char sums[DLC_CHAIN_ROWS][16];
  for (int64_t r = 0; r < R; ++r) {
    char acc[16];
    snprintf(acc, sizeof(acc), "%%s%d", (int)r % 100);
    for (int j = 0; j < U; ++j) {
      dlc_chain_fresh(c, sums[r]);
      dlc_strbuf_appendf(b, "          %s = math.fma %s, %s, %s : f32\n", sums[r], x[r][j], w[j], acc);
      memcpy(acc, sums[r], sizeof(acc));
    }
  }
  dlc_strbuf_append(b, "          scf.yield ");
  for (int64_t r = 0; r < R; ++r) dlc_strbuf_appendf(b, "%s%s", r ? ", " : "", sums[r]);
  dlc_strbuf_append(b, " : ");
  for (int64_t r = 0; r < R; ++r) dlc_strbuf_appendf(b, "%sf32", r ? ", " : "");
  dlc_strbuf_append(b, "\n        }\n");
  /* row-independent epilogue inputs: loaded once per column */
  dlc_name_t *col_in = calloc((size_t)u->num_inputs, sizeof(dlc_name_t));
  if (!col_in) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory in the GEMM-chain kernel emitter");
  for (int i = l->first + 1; i < l->end; ++i)
    for (intptr_t o = 0; o < mlirOperationGetNumOperands(u->ops[i]); ++o) {
      int in = dlc_gpu_unit_input_index(u, mlirOperationGetOperand(u->ops[i], o));
      dlc_shape_t s;
      if (in < 0 || col_in[in][0]) continue;
      dlc_gpu_input_shape(u, in, &s);
      if (s.rank == 2 && s.dims[0] != 1) continue;
      dlc_chain_load_input(c, in, &s, "%c0", "%n", col_in[in]);
    }
  dlcrt_status_t st = NULL;
  for (int64_t r = 0; r < R && !st; ++r) {
    char acc[16], rowc[16];
    snprintf(acc, sizeof(acc), "%%acc%d#%d", k % 100, (int)r % 100);
    snprintf(rowc, sizeof(rowc), "%%rc%d", (int)r % 100);
    st = dlc_chain_epilogue(c, k, e, acc, rowc, "%n", col_in);
    if (st) break;
    const char *v = c->op_val[l->end - 1];
    if (k + 1 < c->nl) {
      char off[16], ix[16];
      dlc_chain_fresh(c, off);
      dlc_chain_fresh(c, ix);
      dlc_strbuf_appendf(b, "          %s = arith.constant %lld : index\n          %s = arith.addi %s, %%n : index\n", off,
                         (long long)(r * l->n), ix, off);
      dlc_strbuf_appendf(b, "          memref.store %s, %s[%s] : memref<%lldxf32, #gpu.address_space<workgroup>>\n", v, next_buf, ix,
                         (long long)c->buf_elems);
    } else {
      dlc_strbuf_appendf(b, "          scf.if %%ok%lld {\n            memref.store %s, %%out0[%%rg%lld, %%n] : ", (long long)r, v, (long long)r);
      dlc_shape_t os;
      dlc_gpu_output_shape(u, 0, &os);
      dlc_gpu_append_memref_type(b, &os);
      dlc_strbuf_append(b, "\n          }\n");
    }
  }
  free(col_in);
  if (st) return st;
  dlc_strbuf_append(b, "      }\n");
  return NULL;
}

#define DLC_CHAIN_MAX_COLS 8

/* Output columns one warp takes at once (independent loads in flight): R x C partial sums per lane
 * stay at most 16 (C at most 8), and no more columns than spread the layer over every warp. */
static int64_t dlc_chain_warp_cols(const dlc_chain_t *c, const dlc_chain_layer_t *l) {
  int64_t cols = c->rows >= 16 ? 1 : c->rows >= 5 ? 2 : c->rows >= 3 ? 4 : DLC_CHAIN_MAX_COLS;
  int64_t spread = (l->n + c->threads / 32 - 1) / (c->threads / 32);
  if (cols > spread) cols = spread;
  return cols < 1 ? 1 : cols;
}

/* Weights [N, K] (transpose_b): warp w takes the column groups g = w, w + W, ... (W warps), a group
 * being C columns n = g*C + c; its 32 lanes split K (lane l: k = 4l, 4l + 128, ... as 16-byte vector
 * loads of W rows and left-operand rows when K % 4 == 0, else k = l, l + 32, ... by scalar): each warp
 * load of a weight row reads contiguous memory. R x C partial sums per lane, then a butterfly of
 * gpu.shuffle xor: while the number of values V a lane holds is even, a step halves it (lanes with
 * the offset bit set keep the upper half and send the lower, the others the reverse: V/2 shuffles);
 * otherwise a step adds the partner's copy of every value (V shuffles). After the 5 steps each lane
 * holds the full sums of values off(lane) + j, j < V_end; it runs the epilogue for them (value index i
 * = c*R + r: column g*C + c, row r) and stores them (the lanes holding the same value store the same
 * result). Which values a lane ends with depends on the lane alone, so their rows and columns and the
 * epilogue's input operands are computed and loaded before the k-loop (their latency hides behind it). */
static dlcrt_status_t dlc_chain_layer_warps(dlc_chain_t *c, int k, dlc_emit_t *e) {
  dlc_gpu_unit_t *u = c->unit;
  dlc_chain_layer_t *l = &c->layers[k];
  dlc_strbuf_t *b = c->b;
  int64_t R = c->rows, C = dlc_chain_warp_cols(c, l), V = R * C;
  int64_t groups = (l->n + C - 1) / C;
  int width = l->k % 4 == 0 ? 4 : 1;
  dlc_shape_t ws, as, os;
  dlc_gpu_input_shape(u, l->w_input, &ws);
  dlc_gpu_input_shape(u, c->a_input, &as);
  dlc_gpu_output_shape(u, 0, &os);
  const char *prev_buf = k % 2 ? "%buf0" : "%buf1";
  const char *next_buf = k % 2 ? "%buf1" : "%buf0";
  dlc_strbuf_appendf(b,
                     "      %%N%d = arith.constant %lld : index\n      %%K%d = arith.constant %lld : index\n"
                     "      %%G%d = arith.constant %lld : index\n      %%Nl%d = arith.constant %lld : index\n"
                     "      %%C%d = arith.constant %lld : index\n",
                     k, (long long)l->n, k, (long long)l->k, k, (long long)groups, k, (long long)(l->n - 1), k, (long long)C);
  /* the butterfly's plan: which steps halve the values, the lane's flag for each, and the index of
   * the first value the lane ends with */
  bool halve[5];
  char hi[5][16], off[16];
  int64_t n = V;
  snprintf(off, sizeof(off), "%%c0");
  for (int s = 0, o = 16; s < 5; ++s, o /= 2) {
    halve[s] = n % 2 == 0;
    if (!halve[s]) continue;
    char t[16], bit[16], hc[16], h[16], noff[16];
    dlc_chain_fresh(c, t);
    dlc_chain_fresh(c, bit);
    dlc_chain_fresh(c, hi[s]);
    dlc_chain_fresh(c, hc);
    dlc_chain_fresh(c, h);
    dlc_chain_fresh(c, noff);
    dlc_strbuf_appendf(b,
                       "      %s = arith.divui %%lane, %%c%d : index\n      %s = arith.remui %s, %%c2 : index\n"
                       "      %s = arith.cmpi ne, %s, %%c0 : index\n      %s = arith.constant %lld : index\n"
                       "      %s = arith.select %s, %s, %%c0 : index\n      %s = arith.addi %s, %s : index\n",
                       t, o, bit, t, hi[s], bit, hc, (long long)(n / 2), h, hi[s], hc, noff, off, h);
    snprintf(off, sizeof(off), "%s", noff);
    n /= 2;
  }
  dlc_strbuf_appendf(b, "      scf.for %%g = %%warp to %%G%d step %%nwarps {\n        %%nb = arith.muli %%g, %%C%d : index\n", k, k);
  /* the values this lane ends with: row, column (clamped; in bounds?), and the epilogue's inputs */
  typedef struct {
    char r[16], rg[16], col[16], okn[16], ncl[16], rc[16];
  } dlc_chain_val_t;
  dlc_chain_val_t *vals_at = calloc((size_t)n, sizeof(dlc_chain_val_t));
  dlc_name_t *pre = calloc((size_t)(n * u->num_inputs), sizeof(dlc_name_t));
  char(*vals)[16] = calloc((size_t)V, 16);
  if (!vals_at || !pre || !vals) {
    free(vals_at);
    free(pre);
    free(vals);
    return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory in the GEMM-chain kernel emitter");
  }
  for (int64_t j = 0; j < n; ++j) {
    dlc_chain_val_t *a = &vals_at[j];
    char cj[16], idx[16], cc[16];
    dlc_chain_fresh(c, cj);
    dlc_chain_fresh(c, idx);
    dlc_chain_fresh(c, cc);
    dlc_chain_fresh(c, a->r);
    dlc_chain_fresh(c, a->col);
    dlc_chain_fresh(c, a->okn);
    dlc_chain_fresh(c, a->ncl);
    dlc_chain_fresh(c, a->rg);
    dlc_chain_fresh(c, a->rc);
    dlc_strbuf_appendf(b,
                       "        %s = arith.constant %lld : index\n        %s = arith.addi %s, %s : index\n"
                       "        %s = arith.divui %s, %%rows : index\n        %s = arith.remui %s, %%rows : index\n"
                       "        %s = arith.addi %%nb, %s : index\n        %s = arith.cmpi ult, %s, %%N%d : index\n"
                       "        %s = arith.minui %s, %%Nl%d : index\n        %s = arith.addi %%row0, %s : index\n"
                       "        %s = arith.minui %s, %%mlast : index\n",
                       cj, (long long)j, idx, off, cj, cc, idx, a->r, idx, a->col, cc, a->okn, a->col, k, a->ncl, a->col, k, a->rg, a->r,
                       a->rc, a->rg);
    for (int i = l->first + 1; i < l->end; ++i)
      for (intptr_t o = 0; o < mlirOperationGetNumOperands(u->ops[i]); ++o) {
        int in = dlc_gpu_unit_input_index(u, mlirOperationGetOperand(u->ops[i], o));
        dlc_shape_t s;
        if (in < 0 || pre[j * u->num_inputs + in][0]) continue;
        dlc_gpu_input_shape(u, in, &s);
        dlc_chain_load_input(c, in, &s, a->rc, a->ncl, pre[j * u->num_inputs + in]);
      }
  }
  char wrow[DLC_CHAIN_MAX_COLS][16];
  for (int64_t j = 0; j < C; ++j) { /* weight rows, clamped for a partial last group (its results are not stored) */
    char cj[16], nj[16];
    dlc_chain_fresh(c, cj);
    dlc_chain_fresh(c, nj);
    dlc_chain_fresh(c, wrow[j]);
    dlc_strbuf_appendf(b,
                       "        %s = arith.constant %lld : index\n        %s = arith.addi %%nb, %s : index\n"
                       "        %s = arith.minui %s, %%Nl%d : index\n",
                       cj, (long long)j, nj, cj, wrow[j], nj, k);
  }
  dlc_strbuf_appendf(b, "        %%acc%d:%lld = scf.for %%kk = %s to %%K%d step %s iter_args(", k, (long long)V,
                     width == 4 ? "%lane4" : "%lane", k, width == 4 ? "%c128" : "%c32");
  for (int64_t i = 0; i < V; ++i) dlc_strbuf_appendf(b, "%s%%s%lld = %%zero", i ? ", " : "", (long long)i);
  dlc_strbuf_append(b, ") -> (");
  for (int64_t i = 0; i < V; ++i) dlc_strbuf_appendf(b, "%sf32", i ? ", " : "");
  dlc_strbuf_append(b, ") {\n");
  /* the loads of the iteration first: C weight rows, R left-operand rows */
  char w[DLC_CHAIN_MAX_COLS][4][16], x[DLC_CHAIN_ROWS][4][16];
  for (int64_t j = 0; j < C; ++j) {
    char wv[16];
    dlc_chain_fresh(c, wv);
    if (width == 4) {
      dlc_strbuf_appendf(b, "          %s = vector.load %%in%d[%s, %%kk] {alignment = 16 : i64} : ", wv, l->w_input, wrow[j]);
      dlc_gpu_append_memref_type(b, &ws);
      dlc_strbuf_append(b, ", vector<4xf32>\n");
      for (int q = 0; q < 4; ++q) {
        dlc_chain_fresh(c, w[j][q]);
        dlc_strbuf_appendf(b, "          %s = vector.extract %s[%d] : f32 from vector<4xf32>\n", w[j][q], wv, q);
      }
    } else {
      dlc_chain_fresh(c, w[j][0]);
      dlc_strbuf_appendf(b, "          %s = memref.load %%in%d[%s, %%kk] : ", w[j][0], l->w_input, wrow[j]);
      dlc_gpu_append_memref_type(b, &ws);
      dlc_strbuf_append(b, "\n");
    }
  }
  for (int64_t r = 0; r < R; ++r) {
    char xv[16], ix[16] = "";
    if (k > 0) {
      char xo[16];
      dlc_chain_fresh(c, xo);
      dlc_chain_fresh(c, ix);
      dlc_strbuf_appendf(b, "          %s = arith.constant %lld : index\n          %s = arith.addi %s, %%kk : index\n", xo,
                         (long long)(r * l->k), ix, xo);
    }
    dlc_chain_fresh(c, xv);
    if (width == 1) dlc_chain_fresh(c, x[r][0]);
    const char *dst = width == 4 ? xv : x[r][0];
    if (k == 0) {
      dlc_strbuf_appendf(b, "          %s = %s %%in%d[%%rc%lld, %%kk]%s : ", dst, width == 4 ? "vector.load" : "memref.load", c->a_input,
                         (long long)r, width == 4 ? " {alignment = 16 : i64}" : "");
      dlc_gpu_append_memref_type(b, &as);
    } else {
      dlc_strbuf_appendf(b, "          %s = %s %s[%s]%s : memref<%lldxf32, #gpu.address_space<workgroup>>", dst,
                         width == 4 ? "vector.load" : "memref.load", prev_buf, ix, width == 4 ? " {alignment = 16 : i64}" : "",
                         (long long)c->buf_elems);
    }
    dlc_strbuf_append(b, width == 4 ? ", vector<4xf32>\n" : "\n");
    if (width == 4)
      for (int q = 0; q < 4; ++q) {
        dlc_chain_fresh(c, x[r][q]);
        dlc_strbuf_appendf(b, "          %s = vector.extract %s[%d] : f32 from vector<4xf32>\n", x[r][q], xv, q);
      }
  }
  for (int64_t j = 0; j < C; ++j)
    for (int64_t r = 0; r < R; ++r) {
      char *acc = vals[j * R + r];
      snprintf(acc, 16, "%%s%d", (int)(j * R + r) % 1000);
      for (int q = 0; q < width; ++q) {
        char s[16];
        dlc_chain_fresh(c, s);
        dlc_strbuf_appendf(b, "          %s = math.fma %s, %s, %s : f32\n", s, x[r][q], w[j][q], acc);
        memcpy(acc, s, 16);
      }
    }
  dlc_strbuf_append(b, "          scf.yield ");
  for (int64_t i = 0; i < V; ++i) dlc_strbuf_appendf(b, "%s%s", i ? ", " : "", vals[i]);
  dlc_strbuf_append(b, " : ");
  for (int64_t i = 0; i < V; ++i) dlc_strbuf_appendf(b, "%sf32", i ? ", " : "");
  dlc_strbuf_append(b, "\n        }\n");
  /* the butterfly across the warp's lanes */
  for (int64_t i = 0; i < V; ++i) snprintf(vals[i], 16, "%%acc%d#%d", k % 100, (int)i % 1000);
  int64_t m = V;
  for (int s = 0, o = 16; s < 5; ++s, o /= 2) {
    if (halve[s]) {
      int64_t half = m / 2;
      for (int64_t i = 0; i < half; ++i) {
        char send[16], keep[16], recv[16], ok[16], sum[16];
        dlc_chain_fresh(c, send);
        dlc_chain_fresh(c, keep);
        dlc_chain_fresh(c, recv);
        dlc_chain_fresh(c, ok);
        dlc_chain_fresh(c, sum);
        dlc_strbuf_appendf(b,
                           "        %s = arith.select %s, %s, %s : f32\n        %s = arith.select %s, %s, %s : f32\n"
                           "        %s, %s = gpu.shuffle xor %s, %%sh%d, %%sh32 : f32\n        %s = arith.addf %s, %s : f32\n",
                           send, hi[s], vals[i], vals[i + half], keep, hi[s], vals[i + half], vals[i], recv, ok, send, o, sum, keep, recv);
        snprintf(vals[i], 16, "%s", sum);
      }
      m = half;
    } else {
      for (int64_t i = 0; i < m; ++i) {
        char recv[16], ok[16], sum[16];
        dlc_chain_fresh(c, recv);
        dlc_chain_fresh(c, ok);
        dlc_chain_fresh(c, sum);
        dlc_strbuf_appendf(b, "        %s, %s = gpu.shuffle xor %s, %%sh%d, %%sh32 : f32\n        %s = arith.addf %s, %s : f32\n", recv, ok,
                           vals[i], o, sum, vals[i], recv);
        snprintf(vals[i], 16, "%s", sum);
      }
    }
  }
  /* the epilogue and the store of the values this lane holds */
  dlcrt_status_t st = NULL;
  for (int64_t j = 0; j < n && !st; ++j) {
    dlc_chain_val_t *a = &vals_at[j];
    st = dlc_chain_epilogue(c, k, e, vals[j], a->rc, a->ncl, &pre[j * u->num_inputs]);
    if (st) break;
    const char *v = c->op_val[l->end - 1];
    const char *guard = a->okn;
    if (k + 1 < c->nl) {
      char base[16], six[16];
      dlc_chain_fresh(c, base);
      dlc_chain_fresh(c, six);
      dlc_strbuf_appendf(b, "        %s = arith.muli %s, %%N%d : index\n        %s = arith.addi %s, %s : index\n", base, a->r, k, six, base,
                         a->col);
      if (l->n % C == 0) /* every column of every group exists */
        dlc_strbuf_appendf(b, "        memref.store %s, %s[%s] : memref<%lldxf32, #gpu.address_space<workgroup>>\n", v, next_buf, six,
                           (long long)c->buf_elems);
      else
        dlc_strbuf_appendf(b, "        scf.if %s {\n          memref.store %s, %s[%s] : memref<%lldxf32, #gpu.address_space<workgroup>>\n        }\n",
                           guard, v, next_buf, six, (long long)c->buf_elems);
    } else {
      char okm[16], both[16];
      dlc_chain_fresh(c, okm);
      dlc_chain_fresh(c, both);
      dlc_strbuf_appendf(b, "        %s = arith.cmpi ult, %s, %%M : index\n", okm, a->rg);
      if (l->n % C != 0) {
        dlc_strbuf_appendf(b, "        %s = arith.andi %s, %s : i1\n", both, okm, a->okn);
        guard = both;
      } else {
        guard = okm;
      }
      dlc_strbuf_appendf(b, "        scf.if %s {\n          memref.store %s, %%out0[%s, %s] : ", guard, v, a->rg, a->col);
      dlc_gpu_append_memref_type(b, &os);
      dlc_strbuf_append(b, "\n        }\n");
    }
  }
  free(vals_at);
  free(pre);
  free(vals);
  if (st) return st;
  dlc_strbuf_append(b, "      }\n");
  return NULL;
}

static dlcrt_status_t dlc_chain_layer(dlc_chain_t *c, int k, dlc_emit_t *e) {
  dlcrt_status_t st = c->layers[k].trans_b ? dlc_chain_layer_warps(c, k, e) : dlc_chain_layer_columns(c, k, e);
  if (!st && k + 1 < c->nl) dlc_strbuf_append(c->b, "      " DLC_GPU_BARRIER "\n");
  return st;
}

dlcrt_status_t dlc_gpu_emit_gemm_chain_kernel(dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out, bool *handled) {
  *handled = false;
  dlc_chain_t *c = calloc(1, sizeof(dlc_chain_t));
  if (!c) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory in the GEMM-chain kernel emitter");
  c->unit = unit;
  dlc_strbuf_t text;
  dlc_strbuf_init(&text);
  c->b = &text;
  dlcrt_status_t st = NULL;
  if (!dlc_chain_plan(c) || !dlc_gpu_append_prologue(unit, func_name, &text)) goto done;
  dlc_strbuf_t *b = &text;
  dlc_shape_t as, os;
  dlc_gpu_input_shape(unit, c->a_input, &as);
  dlc_gpu_output_shape(unit, 0, &os);
  int64_t R = c->rows;
  dlc_strbuf_append(b, "  %c0 = arith.constant 0 : index\n  %c1 = arith.constant 1 : index\n  %c4 = arith.constant 4 : index\n"
                       "  %zero = arith.constant 0.000000e+00 : f32\n");
  if (c->m_dynamic) {
    dlc_strbuf_appendf(b, "  %%M = memref.dim %%in%d, %%c0 : ", c->a_input);
    dlc_gpu_append_memref_type(b, &as);
    dlc_strbuf_append(b, "\n  %out0 = memref.alloc(%M) : ");
  } else {
    dlc_strbuf_appendf(b, "  %%M = arith.constant %lld : index\n  %%out0 = memref.alloc() : ", (long long)c->m);
  }
  dlc_gpu_append_memref_type(b, &os);
  int64_t buf_elems = c->buf_elems;
  int64_t smem = (c->nl > 2 ? 2 : 1) * buf_elems * 4;
  dlc_strbuf_appendf(b,
                     "\n  %%rows = arith.constant %lld : index\n  %%rows1 = arith.constant %lld : index\n"
                     "  %%grid_n = arith.addi %%M, %%rows1 : index\n  %%grid = arith.divui %%grid_n, %%rows : index\n"
                     "  %%nthreads = arith.constant %lld : index\n  %%smem = arith.constant %lld : i32\n"
                     "  %%any = arith.cmpi ugt, %%M, %%c0 : index\n  scf.if %%any {\n",
                     (long long)R, (long long)(R - 1), (long long)c->threads, (long long)smem);
  dlc_strbuf_append(b, "    gpu.launch blocks(%bx, %by, %bz) in (%gx = %grid, %gy = %c1, %gz = %c1) threads(%tx, %ty, %tz) in "
                       "(%sx = %nthreads, %sy = %c1, %sz = %c1) dynamic_shared_memory_size %smem {\n"
                       "      %raw = gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<workgroup>>\n");
  dlc_strbuf_appendf(b, "      %%buf0 = memref.view %%raw[%%c0][] : memref<?xi8, #gpu.address_space<workgroup>> to memref<%lldxf32, "
                        "#gpu.address_space<workgroup>>\n",
                     (long long)buf_elems);
  if (c->nl > 2)
    dlc_strbuf_appendf(b, "      %%boff = arith.constant %lld : index\n      %%buf1 = memref.view %%raw[%%boff][] : memref<?xi8, "
                          "#gpu.address_space<workgroup>> to memref<%lldxf32, #gpu.address_space<workgroup>>\n",
                       (long long)(buf_elems * 4), (long long)buf_elems);
  dlc_strbuf_append(b, "      %row0 = arith.muli %bx, %rows : index\n      %mlast = arith.subi %M, %c1 : index\n");
  /* lanes and warps (the layers with transposed weights: a warp per column group, the lanes split K) */
  dlc_strbuf_append(b, "      %c2 = arith.constant 2 : index\n      %c8 = arith.constant 8 : index\n      %c16 = arith.constant 16 : index\n"
                       "      %c32 = arith.constant 32 : index\n      %c128 = arith.constant 128 : index\n"
                       "      %lane = arith.remui %tx, %c32 : index\n      %lane4 = arith.muli %lane, %c4 : index\n"
                       "      %warp = arith.divui %tx, %c32 : index\n      %nwarps = arith.divui %nthreads, %c32 : index\n");
  for (int o = 1; o <= 32; o *= 2) dlc_strbuf_appendf(b, "      %%sh%d = arith.constant %d : i32\n", o, o);
  for (int64_t r = 0; r < R; ++r) /* global row, in bounds?, and the row clamped for loads */
    dlc_strbuf_appendf(b,
                       "      %%rr%lld = arith.constant %lld : index\n      %%rg%lld = arith.addi %%row0, %%rr%lld : index\n"
                       "      %%ok%lld = arith.cmpi ult, %%rg%lld, %%M : index\n      %%rc%lld = arith.minui %%rg%lld, %%mlast : index\n",
                       (long long)r, (long long)r, (long long)r, (long long)r, (long long)r, (long long)r, (long long)r, (long long)r);
  dlc_emit_t e = {.body = b};
  for (int k = 0; k < c->nl && !st; ++k) st = dlc_chain_layer(c, k, &e);
  if (st) { /* a combination the scalar formulas do not cover: leave the group to the generic path */
    dlcrt_status_free(st);
    st = NULL;
    goto done;
  }
  dlc_strbuf_append(b, "      gpu.terminator\n    }\n  }\n");
  st = dlc_gpu_finish_function(unit, &text, out, handled);
done:
  dlc_strbuf_free(&text);
  free(c);
  return st;
}
