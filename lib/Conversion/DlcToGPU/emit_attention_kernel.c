/* DlcToGPU emitter for `kind = "attention"` fusion groups (formed by lib/Transforms/fuse_attention.c):
 * O = softmax(mask(scale(Q K^T))) V as ONE kernel, the score rows never written to memory.
 *
 * Accepted body (f32, rank 4, logical Q [B,H,Sq,D], K^T [B,H,D,Sk] (or K [B,H,Sk,D] with transpose_b),
 * V [B,H,Sk,Dv], D and Dv static <= 128): group inputs, each optionally through one dlc.transpose (the kernel reads the original
 * layout with strides: no transpose launch), matmul(Q, K^T), up to three score ops (mul/div by a scalar,
 * where(i1 mask, scalar, s) or where(mask, s, scalar), add of a broadcastable f32 mask; the mask is READ
 * as given, broadcast by numpy rules, so any mask, causal or not, is exact), softmax over the last axis,
 * matmul(P, V), optionally one transpose of the output (written in that layout with strides). Anything
 * else leaves the group unhandled (it is then lowered op by op: still correct).
 *
 * Kernel: a warp per (query row, key split), 4 rows per block, a 1-D grid over B*H*ceil(Sq/4) (rows
 * past Sq compute on the last row, so that every thread reaches the barriers, and store nothing). With 2
 * splits (when the doubled tiles fit 48 KiB of shared memory: D, Dv up to ~64) a block has 256 threads
 * and each step covers 64 keys, split s scoring keys 32s..32s+31 of it: twice the warps in flight and half
 * the serial steps per warp (1 split: 128 threads, 32 keys a step). The query rows go to shared memory
 * once. The loop over steps keeps flash-style online softmax state in registers (running max m, the
 * lane's part of the sum l, the accumulators of the lane's head dims l, l+32, ..., up to 4) and the
 * step's K and V values, loaded one step AHEAD: each iteration stores them into dynamic shared memory
 * (K rows at a pitch of D+1 floats, or with D % 4 == 0 of 4 mod 8 words so that vector<4> reads are
 * aligned and conflict-free; keys past Sk as zeros), passes a barrier, issues the next step's global
 * loads (unrolled, all in flight while the warp computes; thread tx covers head dim tx % w and every
 * (threads/w)-th key, w = the head dim rounded up to a power of two: coalesced along the head dim; no
 * per-key clamps when Sk is static and a multiple of the step), then lane j scores its key (q . k over D
 * from shared memory, fully unrolled with 4 independent FMA chains; then the score ops, keys past Sk
 * masked out), the warp takes the tile max with 5 xor shuffles, m' = max(m, tile max),
 * l_lane = l_lane e^(m-m') + p_lane, acc = acc e^(m-m') + sum_j p_j v_j over the tile's 32 keys
 * (unrolled, p_j broadcast from lane j by shuffle idx, FMA), and a barrier ends the step. After the loop
 * the lanes' l parts are summed once (5 shuffles); with 2 splits, split 1 leaves (m, l, acc) in shared
 * memory and split 0 rescales both to the common max; O = acc / l is stored in the output layout. No
 * inner scf loop is left in the step loop (nothing ptxas could not schedule across), and index math
 * folds to constants where shapes are static (the cuda pipeline sinks constants into the kernel:
 * gpu-launch-sink-index-computations). The key length is unbounded and may be dynamic (sizes from
 * memref.dim). FMA on CUDA cores (exact f32, no TF32; no tensor-core mma). Measured on an H100
 * (bert_tiny_s128, B=1 H=2 S=128 D=64): 5.3 us per call under Nsight Compute with cold caches (before
 * this schedule and the constant sinking: 55 us). f16/bf16 groups are not
 * handled (formation only makes f32 groups). What a group computes (the matched ops, operand layouts, key
 * splits) is its plan, built by attention_plan.c. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../scalar_op.h"
#include "attention_plan.h"
#include "gpu_emit.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

typedef struct att_emit_t {
  att_plan_t *p;
  dlc_strbuf_t *out;
  int next;    /* our fresh names %aN */
  int next_v;  /* dlc_emit_scalar_op's %vN */
  dlcrt_status_t error;
} att_emit_t;


/* ---------------------------------------------------------------------------------------- text --- */

static void att_line(att_emit_t *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void att_line(att_emit_t *e, const char *fmt, ...) {
  char buf[640];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof(buf), fmt, ap);
  va_end(ap);
  dlc_strbuf_appendf(e->out, "  %s\n", buf);
}

static const char *att_fresh(att_emit_t *e, char *buf) {
  snprintf(buf, 16, "%%a%d", e->next++);
  return buf;
}

static const char *att_idx(att_emit_t *e, int64_t v, char *buf) {
  att_fresh(e, buf);
  att_line(e, "%s = arith.constant %lld : index", buf, (long long)v);
  return buf;
}

static const char *att_bin(att_emit_t *e, const char *op, const char *a, const char *b, const char *ty, char *buf) {
  att_fresh(e, buf);
  att_line(e, "%s = %s %s, %s : %s", buf, op, a, b, ty);
  return buf;
}

/* Per input: physical dims %pI_d and row-major strides %sI_d; the flat view %fI. */
static void att_input_geometry(att_emit_t *e, int i) {
  dlc_shape_t s;
  dlc_gpu_input_shape(e->p->unit, i, &s);
  const char *et = mlirTypeIsAF32(s.elem) ? "f32" : "i1";
  for (int32_t d = 0; d < s.rank; ++d) {
    if (s.dims[d] != DLC_DYN) {
      att_line(e, "%%p%d_%d = arith.constant %lld : index", i, (int)d, (long long)s.dims[d]);
    } else {
      dlc_strbuf_appendf(e->out, "  %%pc%d_%d = arith.constant %d : index\n  %%p%d_%d = memref.dim %%in%d, %%pc%d_%d : ", i, (int)d,
                         (int)d, i, (int)d, i, i, (int)d);
      dlc_gpu_append_memref_type(e->out, &s);
      dlc_strbuf_append(e->out, "\n");
    }
  }
  for (int32_t d = s.rank - 1; d >= 0; --d) {
    if (d == s.rank - 1) att_line(e, "%%s%d_%d = arith.constant 1 : index", i, (int)d);
    else att_line(e, "%%s%d_%d = arith.muli %%s%d_%d, %%p%d_%d : index", i, (int)d, i, (int)d + 1, i, (int)d + 1);
  }
  if (s.rank == 0) {
    att_line(e, "%%f%d = memref.expand_shape %%in%d [] output_shape [1] : memref<%s> into memref<1x%s>", i, i, et, et);
    att_line(e, "%%g%d = memref.cast %%f%d : memref<1x%s> to memref<?x%s>", i, i, et, et);
    return;
  }
  bool dyn = false;
  int64_t n = 1;
  for (int32_t d = 0; d < s.rank; ++d) {
    if (s.dims[d] == DLC_DYN) dyn = true;
    else n *= s.dims[d];
  }
  char flat[32];
  if (dyn) snprintf(flat, sizeof(flat), "memref<?x%s>", et);
  else snprintf(flat, sizeof(flat), "memref<%lldx%s>", (long long)n, et);
  if (s.rank == 1) {
    att_line(e, "%%f%d = memref.cast %%in%d : %s to %s", i, i, flat, flat);
  } else {
    dlc_strbuf_appendf(e->out, "  %%f%d = memref.collapse_shape %%in%d [[", i, i);
    for (int32_t d = 0; d < s.rank; ++d) dlc_strbuf_appendf(e->out, "%s%d", d ? ", " : "", (int)d);
    dlc_strbuf_append(e->out, "]] : ");
    dlc_gpu_append_memref_type(e->out, &s);
    dlc_strbuf_appendf(e->out, " into %s\n", flat);
  }
  att_line(e, "%%g%d = memref.cast %%f%d : %s to memref<?x%s>", i, i, flat, et);
}

/* Offset of a broadcast operand (input i) at scores index (b, h, row, j) = idx[0..3] (row part when
 * `with_j` is false, the j part alone when true). Dynamic dims are clamped to dim-1, which reads a
 * run-time size of 1 as a broadcast. Empty result = "0" contribution. */
static void att_bcast_offset(att_emit_t *e, int i, char *const idx[4], bool j_part, char *out) {
  dlc_shape_t s;
  dlc_gpu_input_shape(e->p->unit, i, &s);
  char acc[16] = "";
  for (int32_t t = 0; t < s.rank; ++t) {
    int32_t sd = t + 4 - s.rank;
    if ((sd == 3) != j_part || s.dims[t] == 1) continue;
    char ix[16], term[16], tmp[16];
    const char *use = idx[sd];
    if (s.dims[t] == DLC_DYN) {
      char one[16], lim[16], dim[16];
      att_idx(e, 1, one);
      snprintf(dim, sizeof(dim), "%%p%d_%d", i, (int)t);
      att_bin(e, "arith.subi", dim, one, "index", lim);
      char lt[16];
      att_fresh(e, lt);
      att_line(e, "%s = arith.cmpi ult, %s, %s : index", lt, idx[sd], lim);
      att_fresh(e, ix);
      att_line(e, "%s = arith.select %s, %s, %s : index", ix, lt, idx[sd], lim);
      use = ix;
    }
    char st[16];
    snprintf(st, sizeof(st), "%%s%d_%d", i, (int)t);
    att_bin(e, "arith.muli", use, st, "index", term);
    if (acc[0]) {
      att_bin(e, "arith.addi", acc, term, "index", tmp);
      strcpy(acc, tmp);
    } else {
      strcpy(acc, term);
    }
  }
  if (!acc[0]) att_idx(e, 0, acc);
  strcpy(out, acc);
}

/* The scalar body of a dlc elementwise op. */
static void att_dlc_scalar(att_emit_t *e, MlirOperation op, const char *const args[], char *res) {
  int n = (int)mlirOperationGetNumOperands(op);
  dlc_emit_t x = {.op = op, .info = dlc_op_info(op), .body = e->out, .next_id = e->next_v, .num_in = n};
  for (int i = 0; i < n; ++i) dlc_shape_from_type(mlirValueGetType(mlirOperationGetOperand(op, i)), &x.in[i]);
  dlc_shape_from_type(mlirValueGetType(mlirOperationGetResult(op, 0)), &x.out);
  char r[16] = "%invalid";
  dlcrt_status_t st = dlc_emit_scalar_op(&x, args, r);
  e->next_v = x.next_id;
  if (st && !e->error) e->error = st;
  else dlcrt_status_free(st);
  snprintf(res, 16, "%s", r);
}

/* Warp-wide combine with `op` (arith.addf / arith.maximumf; every lane gets it). */
static void att_warp_combine(att_emit_t *e, const char *op, char *v) {
  char w[16];
  att_fresh(e, w);
  att_line(e, "%s = arith.constant 32 : i32", w);
  for (int o = 16; o >= 1; o /= 2) {
    char off[16], sh[16], ok[16], nv[16];
    att_fresh(e, off);
    att_fresh(e, sh);
    att_fresh(e, ok);
    att_line(e, "%s = arith.constant %d : i32", off, o);
    att_line(e, "%s, %s = gpu.shuffle xor %s, %s, %s : f32", sh, ok, v, off, w);
    att_bin(e, op, v, sh, "f32", nv);
    strcpy(v, nv);
  }
}

/* Register slot r of a head dim of size `dim`: lane + 32 r, clamped into range; *valid names the i1 (or
 * "" when always valid). */
static void att_slot(att_emit_t *e, int64_t dim, int r, const char *lane, char *col, char *valid) {
  char off[16], c[16];
  valid[0] = 0;
  if (r == 0) strcpy(c, lane);
  else att_bin(e, "arith.addi", lane, att_idx(e, 32 * r, off), "index", c);
  if ((r + 1) * 32 <= dim) {
    strcpy(col, c);
    return;
  }
  char lim[16], last[16];
  att_fresh(e, valid);
  att_line(e, "%s = arith.cmpi ult, %s, %s : index", valid, c, att_idx(e, dim, lim));
  att_idx(e, dim - 1, last);
  att_fresh(e, col);
  att_line(e, "%s = arith.select %s, %s, %s : index", col, valid, c, last);
}

/* How the block loads one operand's tiles (splits * 32 keys; K: att_k_pitch at offset 0; V: pitch Dv at
 * att_v_off) from global memory: thread tx covers head dim dd = tx % w (w = dim rounded up to a power
 * of two, at least 4; threads with dd >= dim load a clamped copy and store nothing) of the keys
 * kk0 + r i, kk0 = tx / w, r = threads / w, for `passes` = splits * 32 / r = w / 4 values of i. Consecutive threads read consecutive head dims:
 * coalesced where the head dim is the contiguous one. */
typedef struct att_tile_geo_t {
  int64_t dim, w, r, passes, pitch;
  int input;
  const char *skey;
  char ddok[16], gbase[16], kk0[16], sbase[16];
} att_tile_geo_t;

static void att_tile_geometry(att_emit_t *e, att_tile_geo_t *g, int64_t dim, const char *base, const char *sdim, const char *skey, int input,
                              int64_t smem_off, int64_t pitch) {
  memset(g, 0, sizeof(*g));
  g->dim = dim;
  g->w = 4;
  while (g->w < dim) g->w *= 2;
  g->r = ATT_ROWS_PER_BLOCK * 32 * e->p->splits / g->w; /* threads / w */
  g->passes = ATT_KEY_TILE * e->p->splits / g->r;
  g->pitch = pitch;
  g->input = input;
  g->skey = skey;
  char wc[16], dd[16], ddc[16], x[16], y[16], pc[16], so[16];
  att_idx(e, g->w, wc);
  att_bin(e, "arith.remui", "%tx", wc, "index", dd);
  att_bin(e, "arith.divui", "%tx", wc, "index", g->kk0);
  strcpy(ddc, dd);
  if (g->w != dim) {
    char lim[16], last[16];
    att_fresh(e, g->ddok);
    att_line(e, "%s = arith.cmpi ult, %s, %s : index", g->ddok, dd, att_idx(e, dim, lim));
    att_idx(e, dim - 1, last);
    att_fresh(e, ddc);
    att_line(e, "%s = arith.select %s, %s, %s : index", ddc, g->ddok, dd, last);
  }
  att_bin(e, "arith.muli", ddc, sdim, "index", x);
  att_bin(e, "arith.addi", base, x, "index", g->gbase);
  att_bin(e, "arith.muli", g->kk0, att_idx(e, pitch, pc), "index", x);
  att_bin(e, "arith.addi", x, dd, "index", y);
  att_bin(e, "arith.addi", y, att_idx(e, smem_off, so), "index", g->sbase);
}

/* The thread's values of the tiles at keys t.. (splits * 32 of them): keys past Sk read the last key
 * and give 0. With `full` (Sk static, a multiple of the step, t < Sk) every key is in range: no
 * per-load clamp or select, the addresses are one base plus constants. */
static void att_tile_loads(att_emit_t *e, const att_tile_geo_t *g, const char *t, bool full, const char *sk1, const char *zero,
                           char vals[][16]) {
  char k1[16];
  att_bin(e, "arith.addi", t, g->kk0, "index", k1);
  for (int64_t i = 0; full && i < g->passes; ++i) {
    char key[16], off[16], ix[16], ri[16];
    if (i) att_bin(e, "arith.addi", k1, att_idx(e, g->r * i, ri), "index", key);
    else strcpy(key, k1);
    att_bin(e, "arith.muli", key, g->skey, "index", off);
    att_bin(e, "arith.addi", g->gbase, off, "index", ix);
    att_fresh(e, vals[i]);
    att_line(e, "%s = memref.load %%g%d[%s] : memref<?xf32>", vals[i], g->input, ix);
  }
  for (int64_t i = 0; !full && i < g->passes; ++i) {
    char key[16], in[16], keyc[16], off[16], ix[16], x[16], ri[16];
    if (i) att_bin(e, "arith.addi", k1, att_idx(e, g->r * i, ri), "index", key);
    else strcpy(key, k1);
    att_fresh(e, in);
    att_line(e, "%s = arith.cmpi ult, %s, %%Sk : index", in, key);
    att_fresh(e, keyc);
    att_line(e, "%s = arith.select %s, %s, %s : index", keyc, in, key, sk1);
    att_bin(e, "arith.muli", keyc, g->skey, "index", off);
    att_bin(e, "arith.addi", g->gbase, off, "index", ix);
    att_fresh(e, x);
    att_line(e, "%s = memref.load %%g%d[%s] : memref<?xf32>", x, g->input, ix);
    att_fresh(e, vals[i]);
    att_line(e, "%s = arith.select %s, %s, %s : f32", vals[i], in, x, zero);
  }
}

static void att_tile_stores(att_emit_t *e, const att_tile_geo_t *g, char vals[][16]) {
  if (g->ddok[0]) att_line(e, "scf.if %s {", g->ddok);
  for (int64_t i = 0; i < g->passes; ++i) {
    char oc[16], dst[16];
    if (i) att_bin(e, "arith.addi", g->sbase, att_idx(e, g->r * i * g->pitch, oc), "index", dst);
    else strcpy(dst, g->sbase);
    att_line(e, "memref.store %s, %%tile[%s] : memref<%lldxf32, #gpu.address_space<workgroup>>", vals[i], dst,
             (long long)att_smem_floats(e->p));
  }
  if (g->ddok[0]) att_line(e, "}");
}

static void att_yield_list(att_emit_t *e, char vals[][16], int n) {
  dlc_strbuf_append(e->out, "  scf.yield ");
  for (int i = 0; i < n; ++i) dlc_strbuf_appendf(e->out, "%s%s", i ? ", " : "", vals[i]);
  dlc_strbuf_append(e->out, " : ");
  for (int i = 0; i < n; ++i) dlc_strbuf_appendf(e->out, "%sf32", i ? ", " : "");
  dlc_strbuf_append(e->out, "\n");
}

static dlcrt_status_t att_emit(att_emit_t *e, const char *func_name) {
  att_plan_t *p = e->p;
  dlc_gpu_unit_t *unit = p->unit;
  if (!dlc_gpu_append_prologue(unit, func_name, e->out))
    return dlcrt_make_status(DLCRT_STATUS_INTERNAL, "attention kernel: unit with an unranked value");
  att_line(e, "%%c0 = arith.constant 0 : index");
  att_line(e, "%%c1 = arith.constant 1 : index");
  for (int i = 0; i < unit->num_inputs; ++i) att_input_geometry(e, i);
  /* Logical sizes and strides. */
  const char *names[4] = {"B", "H", "Sq", "Sk"};
  int64_t src[4][2] = {{p->q.input, p->q.map[0]}, {p->q.input, p->q.map[1]}, {p->q.input, p->q.map[2]}, {p->k.input, p->k.map[3]}};
  for (int k = 0; k < 4; ++k) att_line(e, "%%%s = arith.addi %%p%lld_%lld, %%c0 : index", names[k], (long long)src[k][0], (long long)src[k][1]);
  const att_operand_t *ops[3] = {&p->q, &p->k, &p->v};
  const char *on[3] = {"q", "k", "v"};
  for (int t = 0; t < 3; ++t)
    for (int k = 0; k < 4; ++k)
      att_line(e, "%%%ss%d = arith.addi %%s%d_%lld, %%c0 : index", on[t], k, ops[t]->input, (long long)ops[t]->map[k]);
  /* Output buffer: physical dim k holds logical O dim m where out_map[m] = k. */
  dlc_shape_t os;
  dlc_gpu_output_shape(unit, 0, &os);
  char ologic[4][16];
  snprintf(ologic[0], 16, "%%B");
  snprintf(ologic[1], 16, "%%H");
  snprintf(ologic[2], 16, "%%Sq");
  att_idx(e, p->dv, ologic[3]);
  char ophys[4][16];
  for (int m = 0; m < 4; ++m) strcpy(ophys[p->out_map[m]], ologic[m]);
  dlc_strbuf_append(e->out, "  %out0 = memref.alloc(");
  bool first = true;
  for (int k = 0; k < 4; ++k)
    if (os.dims[k] == DLC_DYN) {
      dlc_strbuf_appendf(e->out, "%s%s", first ? "" : ", ", ophys[k]);
      first = false;
    }
  dlc_strbuf_append(e->out, ") : ");
  dlc_gpu_append_memref_type(e->out, &os);
  dlc_strbuf_append(e->out, "\n");
  att_line(e, "%%ost3 = arith.constant 1 : index");
  for (int k = 2; k >= 0; --k) att_line(e, "%%ost%d = arith.muli %%ost%d, %s : index", k, k + 1, ophys[k + 1]);
  for (int m = 0; m < 4; ++m) att_line(e, "%%os%d = arith.addi %%ost%lld, %%c0 : index", m, (long long)p->out_map[m]);
  dlc_strbuf_append(e->out, "  %oflat_c = memref.collapse_shape %out0 [[0, 1, 2, 3]] : ");
  dlc_gpu_append_memref_type(e->out, &os);
  bool odyn = !dlc_shape_is_static(&os);
  int64_t on_ = 1;
  for (int k = 0; k < 4; ++k) on_ *= os.dims[k] == DLC_DYN ? 1 : os.dims[k];
  char oflat[32];
  if (odyn) snprintf(oflat, sizeof(oflat), "memref<?xf32>");
  else snprintf(oflat, sizeof(oflat), "memref<%lldxf32>", (long long)on_);
  dlc_strbuf_appendf(e->out, " into %s\n", oflat);
  att_line(e, "%%oflat = memref.cast %%oflat_c : %s to memref<?xf32>", oflat);
  /* Grid: B*H*ceil(Sq/4) blocks of 128 * splits threads; none when empty. */
  att_line(e, "%%rpb = arith.constant %d : index", ATT_ROWS_PER_BLOCK);
  att_line(e, "%%rpb1 = arith.constant %d : index", ATT_ROWS_PER_BLOCK - 1);
  att_line(e, "%%sqr = arith.addi %%Sq, %%rpb1 : index");
  att_line(e, "%%nqb = arith.divui %%sqr, %%rpb : index");
  att_line(e, "%%BH = arith.muli %%B, %%H : index");
  att_line(e, "%%grid = arith.muli %%BH, %%nqb : index");
  att_line(e, "%%threads = arith.constant %d : index", 32 * ATT_ROWS_PER_BLOCK * p->splits);
  att_line(e, "%%any = arith.cmpi ugt, %%grid, %%c0 : index");
  att_line(e, "%%smem = arith.constant %lld : i32", (long long)(att_smem_floats(p) * 4));
  att_line(e, "scf.if %%any {");
  att_line(e, "gpu.launch blocks(%%bx, %%by, %%bz) in (%%gx = %%grid, %%gy = %%c1, %%gz = %%c1) threads(%%tx, %%ty, %%tz) in "
              "(%%sx = %%threads, %%sy = %%c1, %%sz = %%c1) dynamic_shared_memory_size %%smem {");
  char c32[16], lane[16], warp[16], bh[16], qb[16], b[16], h[16], row0[16], row[16], ok[16], tmp[16];
  att_idx(e, 32, c32);
  att_bin(e, "arith.remui", "%tx", c32, "index", lane);
  char wq[16], rpbc[16], split[16];
  att_bin(e, "arith.divui", "%tx", c32, "index", wq);
  att_bin(e, "arith.remui", wq, att_idx(e, ATT_ROWS_PER_BLOCK, rpbc), "index", warp); /* the block's row */
  att_bin(e, "arith.divui", wq, rpbc, "index", split);                                 /* the key split */
  att_bin(e, "arith.divui", "%bx", "%nqb", "index", bh);
  att_bin(e, "arith.remui", "%bx", "%nqb", "index", qb);
  att_bin(e, "arith.divui", bh, "%H", "index", b);
  att_bin(e, "arith.remui", bh, "%H", "index", h);
  att_bin(e, "arith.muli", qb, "%rpb", "index", row0);
  att_bin(e, "arith.addi", row0, warp, "index", row);
  att_fresh(e, ok);
  att_line(e, "%s = arith.cmpi ult, %s, %%Sq : index", ok, row);
  /* Rows past Sq compute on the last row (every thread must reach the barriers) and store nothing. */
  char sq1[16], rowc[16], raw[16];
  att_bin(e, "arith.subi", "%Sq", "%c1", "index", sq1);
  att_fresh(e, rowc);
  att_line(e, "%s = arith.select %s, %s, %s : index", rowc, ok, row, sq1);
  strcpy(row, rowc);
  att_fresh(e, raw);
  att_line(e, "%s = gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<workgroup>>", raw);
  att_line(e, "%%tile = memref.view %s[%%c0][] : memref<?xi8, #gpu.address_space<workgroup>> to memref<%lldxf32, "
              "#gpu.address_space<workgroup>>", raw, (long long)att_smem_floats(p));
  /* Bases: Q row, K and V heads, output row. */
  char qbase[16], kbase[16], vbase[16], obase[16];
  const char *bases[4][3] = {{"%qs0", "%qs1", "%qs2"}, {"%ks0", "%ks1", NULL}, {"%vs0", "%vs1", NULL}, {"%os0", "%os1", "%os2"}};
  char *outs[4] = {qbase, kbase, vbase, obase};
  for (int t = 0; t < 4; ++t) {
    char x[16], y[16], z[16];
    att_bin(e, "arith.muli", b, bases[t][0], "index", x);
    att_bin(e, "arith.muli", h, bases[t][1], "index", y);
    att_bin(e, "arith.addi", x, y, "index", z);
    if (bases[t][2]) {
      char w[16];
      att_bin(e, "arith.muli", row, bases[t][2], "index", w);
      att_bin(e, "arith.addi", z, w, "index", outs[t]);
    } else {
      strcpy(outs[t], z);
    }
  }
  int nq = (int)((p->d + 31) / 32), nv = (int)((p->dv + 31) / 32);
  char qcol[ATT_MAX_REGS][16], qval[ATT_MAX_REGS][16], qvalid[ATT_MAX_REGS][16];
  char vcol[ATT_MAX_REGS][16], vvalid[ATT_MAX_REGS][16];
  char zero[16];
  att_fresh(e, zero);
  att_line(e, "%s = arith.constant 0.000000e+00 : f32", zero);
  for (int r = 0; r < nq; ++r) {
    att_slot(e, p->d, r, lane, qcol[r], qvalid[r]);
    char off[16], ix[16], ld[16];
    att_bin(e, "arith.muli", qcol[r], "%qs3", "index", off);
    att_bin(e, "arith.addi", qbase, off, "index", ix);
    att_fresh(e, ld);
    att_line(e, "%s = memref.load %%g%d[%s] : memref<?xf32>", ld, p->q.input, ix);
    if (qvalid[r][0]) {
      att_fresh(e, qval[r]);
      att_line(e, "%s = arith.select %s, %s, %s : f32", qval[r], qvalid[r], ld, zero);
    } else {
      strcpy(qval[r], ld);
    }
  }
  for (int r = 0; r < nv; ++r) att_slot(e, p->dv, r, lane, vcol[r], vvalid[r]);
  /* Row parts of the broadcast operands of the score ops. */
  char *idx4[4] = {b, h, row, NULL};
  char rowoff[ATT_MAX_SCORE_OPS][3][16];
  for (int s = 0; s < p->nscore; ++s)
    for (int k = 0; k < (int)mlirOperationGetNumOperands(p->score[s]) && k < 3; ++k) {
      MlirValue o = mlirOperationGetOperand(p->score[s], k);
      int in = dlc_gpu_unit_input_index(unit, o);
      rowoff[s][k][0] = 0;
      if (in >= 0) att_bcast_offset(e, in, idx4, false, rowoff[s][k]);
    }
  char ninf[16];
  att_fresh(e, ninf);
  att_line(e, "%s = arith.constant -3.40282347e+38 : f32", ninf);
  /* The warp's query row into shared memory (every lane reads all of it when scoring its key; the first
   * barrier of the key loop orders these stores before the reads). */
  char qrow[16];
  {
    char qd[16], qo[16];
    att_bin(e, "arith.muli", warp, att_idx(e, p->d, qd), "index", tmp);
    att_bin(e, "arith.addi", tmp, att_idx(e, att_q_off(p), qo), "index", qrow);
    char first[16];
    if (p->splits > 1) { /* the row's other warps would store the same values */
      att_fresh(e, first);
      att_line(e, "%s = arith.cmpi eq, %s, %%c0 : index", first, split);
      att_line(e, "scf.if %s {", first);
    }
    for (int r = 0; r < nq; ++r) {
      char ix[16];
      att_bin(e, "arith.addi", qrow, qcol[r], "index", ix);
      if (qvalid[r][0]) att_line(e, "scf.if %s {", qvalid[r]);
      att_line(e, "memref.store %s, %%tile[%s] : memref<%lldxf32, #gpu.address_space<workgroup>>", qval[r], ix, (long long)att_smem_floats(p));
      if (qvalid[r][0]) att_line(e, "}");
    }
    if (p->splits > 1) att_line(e, "}");
  }
  /* Tile load geometry of K and V (loop invariant). */
  char sk1[16], kt[16];
  att_bin(e, "arith.subi", "%Sk", "%c1", "index", sk1);
  att_idx(e, ATT_KEY_TILE * p->splits, kt); /* the block's keys per step */
  /* The lane's key within the step: split s scores keys 32 s .. 32 s + 31 of it. */
  char lanekey[16], c32k[16];
  att_bin(e, "arith.muli", split, att_idx(e, ATT_KEY_TILE, c32k), "index", tmp);
  att_bin(e, "arith.addi", tmp, lane, "index", lanekey);
  att_tile_geo_t geo[2];
  att_tile_geometry(e, &geo[0], p->d, kbase, "%ks2", "%ks3", p->k.input, 0, att_k_pitch(p));
  att_tile_geometry(e, &geo[1], p->dv, vbase, "%vs3", "%vs2", p->v.input, att_v_off(p), p->dv);
  int nk = (int)geo[0].passes, nvl = (int)geo[1].passes, nreg = nk + nvl;
  /* The first tile's K and V values (none when there are no keys: the buffers may be empty). */
  char pre[16], skpos[16];
  att_fresh(e, skpos);
  att_line(e, "%s = arith.cmpi ugt, %%Sk, %%c0 : index", skpos);
  att_fresh(e, pre);
  dlc_strbuf_appendf(e->out, "  %s:%d = scf.if %s -> (", pre, nreg, skpos);
  for (int i = 0; i < nreg; ++i) dlc_strbuf_appendf(e->out, "%sf32", i ? ", " : "");
  dlc_strbuf_append(e->out, ") {\n");
  {
    char vals[2 * ATT_MAX_PASSES][16];
    att_tile_loads(e, &geo[0], "%c0", p->sk_full, sk1, zero, vals);
    att_tile_loads(e, &geo[1], "%c0", p->sk_full, sk1, zero, vals + nk);
    att_yield_list(e, vals, nreg);
  }
  att_line(e, "} else {");
  {
    char vals[2 * ATT_MAX_PASSES][16];
    for (int i = 0; i < nreg; ++i) strcpy(vals[i], zero);
    att_yield_list(e, vals, nreg);
  }
  att_line(e, "}");
  /* The loop over key tiles with online softmax state (m, the lane's part of the sum l, acc...) and the
   * tile's K/V values, loaded one tile ahead: they go to shared memory after the previous tile's last
   * barrier, the next tile's loads are issued right after the barrier and land while the warp computes. */
  char res[16], t[16], m[16], l[16], acc[ATT_MAX_REGS][16], reg[2 * ATT_MAX_PASSES][16];
  att_fresh(e, res);
  att_fresh(e, t);
  att_fresh(e, m);
  att_fresh(e, l);
  dlc_strbuf_appendf(e->out, "  %s:%d = scf.for %s = %%c0 to %%Sk step %s iter_args(%s = %s, %s = %s", res, 2 + nv + nreg, t, kt, m, ninf, l,
                     zero);
  for (int r = 0; r < nv; ++r) dlc_strbuf_appendf(e->out, ", %s = %s", att_fresh(e, acc[r]), zero);
  for (int i = 0; i < nreg; ++i) dlc_strbuf_appendf(e->out, ", %s = %s#%d", att_fresh(e, reg[i]), pre, i);
  dlc_strbuf_append(e->out, ") -> (f32, f32");
  for (int r = 0; r < nv + nreg; ++r) dlc_strbuf_append(e->out, ", f32");
  dlc_strbuf_append(e->out, ") {\n");
  att_tile_stores(e, &geo[0], reg);
  att_tile_stores(e, &geo[1], reg + nk);
  att_line(e, "%s", DLC_GPU_BARRIER);
  char nxt[2 * ATT_MAX_PASSES][16], tn[16];
  att_bin(e, "arith.addi", t, kt, "index", tn); /* past Sk: clamped to the last key, never used */
  if (p->sk_full) { /* past the last step: load step 0 again (never used) */
    char inr[16], tnc[16];
    att_fresh(e, inr);
    att_line(e, "%s = arith.cmpi ult, %s, %%Sk : index", inr, tn);
    att_fresh(e, tnc);
    att_line(e, "%s = arith.select %s, %s, %%c0 : index", tnc, inr, tn);
    strcpy(tn, tnc);
  }
  att_tile_loads(e, &geo[0], tn, p->sk_full, sk1, zero, nxt);
  att_tile_loads(e, &geo[1], tn, p->sk_full, sk1, zero, nxt + nk);
  /* Lane-per-key: lane l scores key t+l of the tile against the warp's query row (both from shared
   * memory), the dot product fully unrolled over D with four independent FMA chains. */
  char key[16], kvalid[16], jc[16];
  att_bin(e, "arith.addi", t, lanekey, "index", key);
  att_fresh(e, kvalid);
  att_line(e, "%s = arith.cmpi ult, %s, %%Sk : index", kvalid, key);
  att_fresh(e, jc);
  att_line(e, "%s = arith.select %s, %s, %s : index", jc, kvalid, key, sk1);
  char krow[16], dp1[16], dot[16];
  att_bin(e, "arith.muli", lanekey, att_idx(e, att_k_pitch(p), dp1), "index", krow);
  {
    char part[ATT_DOT_CHAINS][16];
    int nch = p->d < ATT_DOT_CHAINS ? (int)p->d : ATT_DOT_CHAINS;
    for (int c = 0; c < nch; ++c) strcpy(part[c], zero);
    const char *ty = "memref<%lldxf32, #gpu.address_space<workgroup>>";
    char tyb[96];
    snprintf(tyb, sizeof(tyb), ty, (long long)att_smem_floats(p));
    for (int64_t d = 0; att_k_vec(p) && d < p->d; d += 4) { /* vector<4> reads of q and k, chain c takes element c */
      char dc[16], qi[16], ki[16], qv[16], kv[16];
      att_idx(e, d, dc);
      att_bin(e, "arith.addi", qrow, dc, "index", qi);
      att_bin(e, "arith.addi", krow, dc, "index", ki);
      att_fresh(e, qv);
      att_line(e, "%s = vector.load %%tile[%s] {alignment = 16 : i64} : %s, vector<4xf32>", qv, qi, tyb);
      att_fresh(e, kv);
      att_line(e, "%s = vector.load %%tile[%s] {alignment = 16 : i64} : %s, vector<4xf32>", kv, ki, tyb);
      for (int c = 0; c < 4; ++c) {
        char qe[16], ke[16], f[16];
        att_fresh(e, qe);
        att_line(e, "%s = vector.extract %s[%d] : f32 from vector<4xf32>", qe, qv, c);
        att_fresh(e, ke);
        att_line(e, "%s = vector.extract %s[%d] : f32 from vector<4xf32>", ke, kv, c);
        att_fresh(e, f);
        att_line(e, "%s = math.fma %s, %s, %s : f32", f, qe, ke, part[c % nch]);
        strcpy(part[c % nch], f);
      }
    }
    for (int64_t d = 0; !att_k_vec(p) && d < p->d; ++d) {
      char dc[16], qi[16], ki[16], qv[16], kv[16], f[16];
      att_idx(e, d, dc);
      att_bin(e, "arith.addi", qrow, dc, "index", qi);
      att_bin(e, "arith.addi", krow, dc, "index", ki);
      att_fresh(e, qv);
      att_line(e, "%s = memref.load %%tile[%s] : memref<%lldxf32, #gpu.address_space<workgroup>>", qv, qi, (long long)att_smem_floats(p));
      att_fresh(e, kv);
      att_line(e, "%s = memref.load %%tile[%s] : memref<%lldxf32, #gpu.address_space<workgroup>>", kv, ki, (long long)att_smem_floats(p));
      att_fresh(e, f);
      att_line(e, "%s = math.fma %s, %s, %s : f32", f, qv, kv, part[d % nch]);
      strcpy(part[d % nch], f);
    }
    strcpy(dot, part[0]);
    for (int c = 1; c < nch; ++c) {
      char s2[16];
      att_bin(e, "arith.addf", dot, part[c], "f32", s2);
      strcpy(dot, s2);
    }
  }
  /* Score ops at key jc. */
  char sc[16];
  strcpy(sc, dot);
  char *idxj[4] = {b, h, row, jc};
  for (int s = 0; s < p->nscore; ++s) {
    MlirOperation op = p->score[s];
    int n = (int)mlirOperationGetNumOperands(op);
    char argn[3][16];
    const char *args[3];
    MlirValue prev = s == 0 ? mlirOperationGetResult(p->mm1, 0) : mlirOperationGetResult(p->score[s - 1], 0);
    for (int k = 0; k < n && k < 3; ++k) {
      MlirValue o = mlirOperationGetOperand(op, k);
      int in = dlc_gpu_unit_input_index(unit, o);
      double c;
      if (mlirValueEqual(o, prev)) {
        strcpy(argn[k], sc);
      } else if (in >= 0) {
        dlc_shape_t s2;
        dlc_gpu_input_shape(unit, in, &s2);
        char jo[16], ix[16];
        att_bcast_offset(e, in, idxj, true, jo);
        att_bin(e, "arith.addi", rowoff[s][k], jo, "index", ix);
        att_fresh(e, argn[k]);
        att_line(e, "%s = memref.load %%g%d[%s] : memref<?x%s>", argn[k], in, ix, mlirTypeIsAF32(s2.elem) ? "f32" : "i1");
      } else {
        int def = dlc_gpu_unit_op_index(unit, o);
        if (def < 0 || !dlc_attention_splat_f32(unit->ops[def], &c))
          return dlcrt_make_status(DLCRT_STATUS_INTERNAL, "attention kernel: unreadable score operand");
        att_fresh(e, argn[k]);
        att_line(e, "%s = arith.constant %.9e : f32", argn[k], c);
      }
      args[k] = argn[k];
    }
    att_dlc_scalar(e, op, args, sc);
  }
  /* Online softmax over the tile: the tile max over the warp (5 xor shuffles); the sum stays per lane
   * (l_lane = l_lane e^(m-m') + p_lane) and is combined once after the loop. */
  char sm_[16], mt[16], mn[16], d1[16], corr[16], d2[16], pe[16], pw[16], lc[16], ln[16];
  att_fresh(e, sm_);
  att_line(e, "%s = arith.select %s, %s, %s : f32", sm_, kvalid, sc, ninf);
  strcpy(mt, sm_);
  att_warp_combine(e, "arith.maximumf", mt);
  att_bin(e, "arith.maximumf", m, mt, "f32", mn);
  att_bin(e, "arith.subf", m, mn, "f32", d1);
  att_fresh(e, corr);
  att_line(e, "%s = math.exp %s : f32", corr, d1);
  att_bin(e, "arith.subf", sm_, mn, "f32", d2);
  att_fresh(e, pe);
  att_line(e, "%s = math.exp %s : f32", pe, d2);
  att_fresh(e, pw);
  att_line(e, "%s = arith.select %s, %s, %s : f32", pw, kvalid, pe, zero);
  att_bin(e, "arith.mulf", l, corr, "f32", lc);
  att_bin(e, "arith.addf", lc, pw, "f32", ln);
  /* acc = acc e^(m-m') + sum_j p_j v_j over the tile's 32 keys, unrolled (p of key j broadcast from
   * lane j; keys past Sk have p = 0 and zero V rows). */
  char cur[ATT_MAX_REGS][16];
  for (int r = 0; r < nv; ++r) att_bin(e, "arith.mulf", acc[r], corr, "f32", cur[r]);
  char w32[16];
  att_fresh(e, w32);
  att_line(e, "%s = arith.constant 32 : i32", w32);
  char vrow0[ATT_MAX_REGS][16];
  char vsplit[16], vsc[16];
  att_bin(e, "arith.muli", split, att_idx(e, ATT_KEY_TILE * p->dv, vsc), "index", vsplit);
  for (int r = 0; r < nv; ++r) {
    char voff[16];
    att_bin(e, "arith.addi", vcol[r], att_idx(e, att_v_off(p), voff), "index", tmp);
    att_bin(e, "arith.addi", tmp, vsplit, "index", vrow0[r]);
  }
  for (int j = 0; j < ATT_KEY_TILE; ++j) {
    char j32[16], pj[16], okj[16];
    att_fresh(e, j32);
    att_line(e, "%s = arith.constant %d : i32", j32, j);
    att_fresh(e, pj);
    att_fresh(e, okj);
    att_line(e, "%s, %s = gpu.shuffle idx %s, %s, %s : f32", pj, okj, pw, j32, w32);
    for (int r = 0; r < nv; ++r) {
      char jo[16], ix[16], vv[16], f[16];
      att_bin(e, "arith.addi", vrow0[r], att_idx(e, (int64_t)j * p->dv, jo), "index", ix);
      att_fresh(e, vv);
      att_line(e, "%s = memref.load %%tile[%s] : memref<%lldxf32, #gpu.address_space<workgroup>>", vv, ix, (long long)att_smem_floats(p));
      att_fresh(e, f);
      att_line(e, "%s = math.fma %s, %s, %s : f32", f, pj, vv, cur[r]);
      strcpy(cur[r], f);
    }
  }
  att_line(e, "%s", DLC_GPU_BARRIER); /* the tile is overwritten next */
  dlc_strbuf_appendf(e->out, "  scf.yield %s, %s", mn, ln);
  for (int r = 0; r < nv; ++r) dlc_strbuf_appendf(e->out, ", %s", cur[r]);
  for (int i = 0; i < nreg; ++i) dlc_strbuf_appendf(e->out, ", %s", nxt[i]);
  dlc_strbuf_append(e->out, " : f32, f32");
  for (int r = 0; r < nv + nreg; ++r) dlc_strbuf_append(e->out, ", f32");
  dlc_strbuf_append(e->out, "\n  }\n");
  /* l = the warp sum of the lanes' parts. */
  char lsum[32], mfin[32], accf[ATT_MAX_REGS][32];
  snprintf(lsum, sizeof(lsum), "%s#1", res);
  att_warp_combine(e, "arith.addf", lsum);
  snprintf(mfin, sizeof(mfin), "%s#0", res);
  for (int r = 0; r < nv; ++r) snprintf(accf[r], sizeof(accf[r]), "%s#%d", res, 2 + r);
  char is0[16] = "";
  if (p->splits > 1) {
    /* Merge the two splits of each row: split 1 leaves (m, l, acc) in shared memory, split 0 rescales
     * both to the common max and stores the row. */
    char mb[16], st[16], is1[16], l0[16], c2[16], mo[16];
    att_bin(e, "arith.muli", warp, att_idx(e, 2 + p->dv, st), "index", tmp);
    att_bin(e, "arith.addi", tmp, att_idx(e, att_merge_off(p), mo), "index", mb);
    att_fresh(e, is1);
    att_line(e, "%s = arith.cmpi eq, %s, %%c1 : index", is1, split);
    att_fresh(e, l0);
    att_line(e, "%s = arith.cmpi eq, %s, %%c0 : index", l0, lane);
    char mb1[16], mb2[16], acol[ATT_MAX_REGS][16];
    att_bin(e, "arith.addi", mb, "%c1", "index", mb1);
    att_bin(e, "arith.addi", mb, att_idx(e, 2, c2), "index", mb2);
    for (int r = 0; r < nv; ++r) att_bin(e, "arith.addi", mb2, vcol[r], "index", acol[r]);
    const char *ty = "memref<%lldxf32, #gpu.address_space<workgroup>>";
    char tyb[96];
    snprintf(tyb, sizeof(tyb), ty, (long long)att_smem_floats(p));
    att_line(e, "scf.if %s {", is1);
    att_line(e, "scf.if %s {", l0);
    att_line(e, "memref.store %s, %%tile[%s] : %s", mfin, mb, tyb);
    att_line(e, "memref.store %s, %%tile[%s] : %s", lsum, mb1, tyb);
    att_line(e, "}");
    for (int r = 0; r < nv; ++r) {
      if (vvalid[r][0]) att_line(e, "scf.if %s {", vvalid[r]);
      att_line(e, "memref.store %s, %%tile[%s] : %s", accf[r], acol[r], tyb);
      if (vvalid[r][0]) att_line(e, "}");
    }
    att_line(e, "}");
    att_line(e, "%s", DLC_GPU_BARRIER);
    char m1[16], l1[16], mm[16], x0[16], x1[16], c0[16], c1[16], a[16], b2[16], ln[16];
    att_fresh(e, m1);
    att_line(e, "%s = memref.load %%tile[%s] : %s", m1, mb, tyb);
    att_fresh(e, l1);
    att_line(e, "%s = memref.load %%tile[%s] : %s", l1, mb1, tyb);
    att_bin(e, "arith.maximumf", mfin, m1, "f32", mm);
    att_bin(e, "arith.subf", mfin, mm, "f32", x0);
    att_bin(e, "arith.subf", m1, mm, "f32", x1);
    att_fresh(e, c0);
    att_line(e, "%s = math.exp %s : f32", c0, x0);
    att_fresh(e, c1);
    att_line(e, "%s = math.exp %s : f32", c1, x1);
    att_bin(e, "arith.mulf", lsum, c0, "f32", a);
    att_bin(e, "arith.mulf", l1, c1, "f32", b2);
    att_bin(e, "arith.addf", a, b2, "f32", ln);
    strcpy(lsum, ln);
    for (int r = 0; r < nv; ++r) {
      char a1[16], y0[16], y1[16], s2[16];
      att_fresh(e, a1);
      att_line(e, "%s = memref.load %%tile[%s] : %s", a1, acol[r], tyb);
      att_bin(e, "arith.mulf", accf[r], c0, "f32", y0);
      att_bin(e, "arith.mulf", a1, c1, "f32", y1);
      att_bin(e, "arith.addf", y0, y1, "f32", s2);
      strcpy(accf[r], s2);
    }
    att_fresh(e, is0);
    att_line(e, "%s = arith.cmpi eq, %s, %%c0 : index", is0, split);
    att_line(e, "scf.if %s {", is0);
  }
  /* O = acc / l, in the output layout. */
  att_line(e, "scf.if %s {", ok);
  for (int r = 0; r < nv; ++r) {
    char ov[16], off[16], ix[16];
    att_bin(e, "arith.divf", accf[r], lsum, "f32", ov);
    att_bin(e, "arith.muli", vcol[r], "%os3", "index", off);
    att_bin(e, "arith.addi", obase, off, "index", ix);
    if (vvalid[r][0]) att_line(e, "scf.if %s {", vvalid[r]);
    att_line(e, "memref.store %s, %%oflat[%s] : memref<?xf32>", ov, ix);
    if (vvalid[r][0]) att_line(e, "}");
  }
  att_line(e, "}");
  if (is0[0]) att_line(e, "}");
  att_line(e, "gpu.terminator");
  att_line(e, "}");
  att_line(e, "}");
  dlc_gpu_append_epilogue(unit, e->out);
  return NULL;
}

dlcrt_status_t dlc_gpu_emit_attention_kernel(dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out, bool *handled) {
  *handled = false;
  if (mlirOperationIsNull(unit->group) || !dlc_gpu_fusion_kind_is(unit, "attention")) return NULL;
  att_plan_t p;
  if (!dlc_attention_plan_build(&p, unit)) return NULL;
  dlc_strbuf_t text;
  dlc_strbuf_init(&text);
  att_emit_t e = {.p = &p, .out = &text};
  dlcrt_status_t st = att_emit(&e, func_name);
  if (!st && e.error) st = e.error;
  else if (e.error) dlcrt_status_free(e.error);
  if (!st) st = dlc_strbuf_status(&text);
  if (!st) {
    dlc_strbuf_append(out, dlc_strbuf_cstr(&text));
    *handled = true;
  }
  dlc_strbuf_free(&text);
  return st;
}
