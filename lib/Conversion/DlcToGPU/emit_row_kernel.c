/* DlcToGPU row kernels: reductions over the trailing dims of a tensor (dlc.softmax, dlc.log_softmax,
 * dlc.layer_norm, dlc.reduce) and "stitch" fusion groups built from them, as one hand-scheduled
 * gpu.launch (see gpu_emit.h for the function form every emitter writes).
 *
 * A unit is first translated into a *row program* (row_program.h: values classified as ROW, RSCALAR,
 * COL or SCALAR over the rows of one iteration shape, computed by loads, constants, scalar formulas and
 * reductions), which this file turns into kernel text.
 *
 * Schedule. Buffers are addressed flat (collapse_shape): a ROW element at row*N + col, COL at col,
 * RSCALAR at row. Rows of at most 1024 static elements get one warp each (T/32 rows per block of T
 * threads, T = 256 or the group's `threads`); longer rows get one block each; for rows of dynamic
 * length both launches are emitted and the host picks one at run time (N <= 1024: warp). A lane
 * handles the columns lane, lane + S, lane + 2S, ... (S = 32 or T). When N is static, a multiple of S
 * and N/S <= 32, each lane keeps its N/S elements of every row value in registers (straight-line
 * code, every value computed once; when N/S is a multiple of 4 they are groups of 4 adjacent
 * columns, read and written with 16-byte vector loads/stores, ld/st.global.v4); otherwise every pass
 * over the row is an scf.for that re-reads the inputs and recomputes the element chain. Reductions
 * run in program order, each one pass: a lane combines its elements, a gpu.shuffle xor butterfly
 * (16, 8, 4, 2, 1) combines the warp (every lane ends with the result), and in the block form lane 0
 * of each warp writes workgroup memory, after a block barrier every thread combines the T/32
 * partials in order, and a second barrier frees the workgroup buffer for the next reduction (the
 * barrier and the buffer follow gpu_emit.h's rules: DLC_GPU_BARRIER, dynamic shared memory). ROW
 * outputs are stored by every lane, RSCALAR outputs by the row's first lane. Numerics follow the CPU
 * lowering (emit_reduction.c): softmax subtracts the row max, layer_norm computes the mean, then the
 * mean of (x - mean)^2, then (x - mean) / sqrt(var + eps) * scale + bias; only the summation order
 * differs. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../scalar_op.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "row_program.h"

#define RK_MAX_REGS 32       /* elements a lane keeps in registers per row value */
#define RK_MAX_WARP_ROW 1024 /* longest static row given one warp */
#define RK_DEFAULT_THREADS 256

/* Per-element values of one column a lane handles (one per register slot, or one per loop body). */
typedef struct rk_slot_t {
  int index;     /* register slot number; -1 for a loop body */
  char col[16];  /* index of the column */
  char gidx[16]; /* row * N + col, once emitted */
  char (*vals)[16];
} rk_slot_t;

typedef struct rk_emit_t {
  rk_program_t *p;
  dlc_gpu_unit_t *unit;
  dlc_strbuf_t *out;
  int next_id;
  int threads, stride; /* T, S */
  bool warp_mode, registers;
  bool choose_at_run_time; /* dynamic row length: warp per row if it is short, else block per row */
  int64_t regs; /* N / S in register mode */
  bool vec4;    /* register mode with N a multiple of 4S: slots 4g..4g+3 are 4 adjacent columns, read
                   and written with one 16-byte vector access */
  rk_slot_t *slots;
  char row[16], rbase[16], lane[16], warp[16], lane_in_row[16], n_index[16], shm[16];
  dlcrt_status_t error;
} rk_emit_t;

static const char *rk_fresh(rk_emit_t *k, char *buf) {
  snprintf(buf, 16, "%%k%d", k->next_id++);
  return buf;
}

/* ---------------------------------------------------------------------------- kernel text ---- */

static void rk_line(rk_emit_t *k, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void rk_line(rk_emit_t *k, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof(buf), fmt, ap);
  va_end(ap);
  dlc_strbuf_appendf(k->out, "      %s\n", buf);
}

static const char *rk_index(rk_emit_t *k, int64_t v, char *buf) {
  rk_fresh(k, buf);
  rk_line(k, "%s = arith.constant %lld : index", buf, (long long)v);
  return buf;
}

static const char *rk_f32(rk_emit_t *k, double v, char *buf) {
  rk_fresh(k, buf);
  if (isinf(v)) rk_line(k, "%s = arith.constant %s : f32", buf, v > 0 ? "0x7F800000" : "0xFF800000");
  else rk_line(k, "%s = arith.constant %.9e : f32", buf, v);
  return buf;
}

static const char *rk_combine_op(rk_combine_t c) {
  static const char *ops[] = {"arith.addf", "arith.maximumf", "arith.minimumf", "arith.mulf"};
  return ops[c];
}
static double rk_neutral(rk_combine_t c) {
  static const double v[] = {0.0, -INFINITY, INFINITY, 1.0};
  return v[c];
}

/* The flat index of a ROW element in slot `s`. */
static const char *rk_gidx(rk_emit_t *k, rk_slot_t *s) {
  if (!s->gidx[0]) {
    rk_fresh(k, s->gidx);
    rk_line(k, "%s = arith.addi %s, %s : index", s->gidx, k->rbase, s->col);
  }
  return s->gidx;
}

/* Scalar body of an elementwise dlc op on f32 operands `args`, into `res`. */
static void rk_dlc_scalar(rk_emit_t *k, MlirOperation op, const char *const args[], int nargs, char *res) {
  dlc_emit_t e = {.op = op, .info = dlc_op_info(op), .body = k->out, .next_id = k->next_id, .num_in = nargs};
  for (int i = 0; i < nargs; ++i) dlc_shape_from_type(mlirValueGetType(mlirOperationGetOperand(op, i)), &e.in[i]);
  dlc_shape_from_type(mlirValueGetType(mlirOperationGetResult(op, 0)), &e.out);
  char r[16] = "%invalid";
  dlcrt_status_t st = dlc_emit_scalar_op(&e, args, r);
  k->next_id = e.next_id;
  if (st && !k->error) k->error = st;
  else dlcrt_status_free(st);
  snprintf(res, 16, "%s", r);
}

static const char *rk_value(rk_emit_t *k, rk_slot_t *s, int id);

/* A scalar op node from its operands' names. */
static void rk_scalar_node(rk_emit_t *k, rk_slot_t *s, int id, char *res) {
  rk_node_t *n = &k->p->nodes[id];
  char names[3][16];
  const char *args[3];
  for (int i = 0; i < n->nargs; ++i) args[i] = strcpy(names[i], rk_value(k, s, n->args[i]));
  if (n->op == RK_DLC) {
    rk_dlc_scalar(k, n->dlc_op, args, n->nargs, res);
    return;
  }
  rk_fresh(k, res);
  if (n->nargs == 1) rk_line(k, "%s = %s %s : f32", res, n->arith, args[0]);
  else rk_line(k, "%s = %s %s, %s : f32", res, n->arith, args[0], args[1]);
}

/* The value of node `id` for the column of slot `s` (per-element nodes are computed once per slot;
 * row-level nodes were emitted before). */
static const char *rk_value(rk_emit_t *k, rk_slot_t *s, int id) {
  rk_node_t *n = &k->p->nodes[id];
  if (n->cls == RK_RSCALAR || n->cls == RK_SCALAR) return n->name;
  if (s->vals[id][0]) return s->vals[id];
  char *res = s->vals[id];
  if (n->op == RK_INPUT && k->vec4 && s->index >= 0 && !n->is_i1) { /* one vector load fills 4 slots */
    rk_slot_t *first = &k->slots[s->index - s->index % 4];
    char gi[16];
    const char *idx = n->gather ? rk_fresh(k, gi) : n->cls == RK_ROW ? rk_gidx(k, first) : first->col;
    if (n->gather) rk_line(k, "%s = arith.addi %s, %s : index", gi, n->rowoff, first->col);
    char vec[16];
    rk_fresh(k, vec);
    rk_line(k, "%s = vector.load %%fi%d[%s] {alignment = 16 : i64} : memref<?xf32>, vector<4xf32>", vec, n->input, idx);
    for (int e = 0; e < 4; ++e) {
      char *v = first[e].vals[id];
      rk_fresh(k, v);
      rk_line(k, "%s = vector.extract %s[%d] : f32 from vector<4xf32>", v, vec, e);
    }
  } else if (n->op == RK_INPUT) {
    char gi[16];
    const char *idx = n->gather ? rk_fresh(k, gi) : n->cls == RK_ROW ? rk_gidx(k, s) : s->col;
    if (n->gather) rk_line(k, "%s = arith.addi %s, %s : index", gi, n->rowoff, s->col);
    rk_fresh(k, res);
    rk_line(k, "%s = memref.load %%fi%d[%s] : memref<?x%s>", res, n->input, idx, n->is_i1 ? "i1" : "f32");
  } else {
    rk_scalar_node(k, s, id, res);
  }
  return res;
}

static void rk_slot_init(rk_emit_t *k, rk_slot_t *s, int index, const char *col) {
  s->index = index;
  memset(s->vals, 0, sizeof(char[16]) * (size_t)k->p->num_nodes);
  snprintf(s->col, sizeof(s->col), "%s", col);
  s->gidx[0] = 0;
}

/* Combines `v` across the lanes of a warp (every lane gets the result). */
static void rk_warp_combine(rk_emit_t *k, rk_combine_t c, char *v) {
  char w[16], off[16], sh[16], ok[16], nv[16];
  rk_fresh(k, w);
  rk_line(k, "%s = arith.constant 32 : i32", w);
  for (int o = 16; o >= 1; o /= 2) {
    rk_fresh(k, off);
    rk_fresh(k, sh);
    rk_fresh(k, ok);
    rk_fresh(k, nv);
    rk_line(k, "%s = arith.constant %d : i32", off, o);
    rk_line(k, "%s, %s = gpu.shuffle xor %s, %s, %s : f32", sh, ok, v, off, w);
    rk_line(k, "%s = %s %s, %s : f32", nv, rk_combine_op(c), v, sh);
    strcpy(v, nv);
  }
}

/* One pass over the row combining node `arg`; the per-row result lands in node `id`'s name. */
static void rk_emit_reduce(rk_emit_t *k, rk_slot_t *slots, rk_slot_t *loop_slot, int id) {
  rk_node_t *n = &k->p->nodes[id];
  rk_combine_t c = n->combine;
  char acc[16];
  if (k->registers) {
    strcpy(acc, rk_value(k, &slots[0], n->args[0]));
    for (int64_t j = 1; j < k->regs; ++j) {
      char v[16], nv[16];
      strcpy(v, rk_value(k, &slots[j], n->args[0]));
      rk_fresh(k, nv);
      rk_line(k, "%s = %s %s, %s : f32", nv, rk_combine_op(c), acc, v);
      strcpy(acc, nv);
    }
  } else {
    char init[16], step[16], iv[16], it[16], nv[16];
    rk_f32(k, rk_neutral(c), init);
    rk_index(k, k->stride, step);
    rk_fresh(k, acc);
    rk_fresh(k, iv);
    rk_fresh(k, it);
    rk_line(k, "%s = scf.for %s = %s to %s step %s iter_args(%s = %s) -> (f32) {", acc, iv, k->lane_in_row, k->n_index,
            step, it, init);
    rk_slot_init(k, loop_slot, -1, iv);
    const char *v = rk_value(k, loop_slot, n->args[0]);
    rk_fresh(k, nv);
    rk_line(k, "%s = %s %s, %s : f32", nv, rk_combine_op(c), it, v);
    rk_line(k, "scf.yield %s : f32", nv);
    rk_line(k, "}");
  }
  rk_warp_combine(k, c, acc);
  if (k->warp_mode) {
    strcpy(n->name, acc);
    return;
  }
  /* Across the warps of the block through workgroup memory. */
  char c0[16], first[16];
  rk_index(k, 0, c0);
  rk_fresh(k, first);
  rk_line(k, "%s = arith.cmpi eq, %s, %s : index", first, k->lane, c0);
  rk_line(k, "scf.if %s {", first);
  rk_line(k, "  memref.store %s, %s[%s] : memref<%dxf32, #gpu.address_space<workgroup>>", acc, k->shm, k->warp,
          k->threads / 32);
  rk_line(k, "}");
  rk_line(k, DLC_GPU_BARRIER);
  char total[16] = {0};
  for (int w = 0; w < k->threads / 32; ++w) {
    char wi[16], v[16], nv[16];
    rk_index(k, w, wi);
    rk_fresh(k, v);
    rk_line(k, "%s = memref.load %s[%s] : memref<%dxf32, #gpu.address_space<workgroup>>", v, k->shm, wi,
            k->threads / 32);
    if (!total[0]) {
      strcpy(total, v);
      continue;
    }
    rk_fresh(k, nv);
    rk_line(k, "%s = %s %s, %s : f32", nv, rk_combine_op(c), total, v);
    strcpy(total, nv);
  }
  rk_line(k, DLC_GPU_BARRIER);
  strcpy(n->name, total);
}

/* The row-level node `id`: loads of RSCALAR/SCALAR inputs, constants, scalar ops of row-level
 * values, reductions. */
static void rk_emit_row_node(rk_emit_t *k, rk_slot_t *slots, rk_slot_t *loop_slot, int id) {
  rk_node_t *n = &k->p->nodes[id];
  switch (n->op) {
    case RK_INPUT:
      rk_fresh(k, n->name);
      if (n->cls == RK_RSCALAR) {
        rk_line(k, "%s = memref.load %%fi%d[%s] : memref<?x%s>", n->name, n->input, n->gather ? n->rowoff : k->row,
                n->is_i1 ? "i1" : "f32");
      } else {
        char c0[16];
        rk_index(k, 0, c0);
        rk_line(k, "%s = memref.load %%fi%d[%s] : memref<?x%s>", n->name, n->input, c0, n->is_i1 ? "i1" : "f32");
      }
      break;
    case RK_CONST: rk_f32(k, n->value, n->name); break;
    case RK_COUNT: {
      char i64[16];
      rk_fresh(k, i64);
      rk_fresh(k, n->name);
      rk_line(k, "%s = arith.index_cast %s : index to i64", i64, k->n_index);
      rk_line(k, "%s = arith.uitofp %s : i64 to f32", n->name, i64);
      break;
    }
    case RK_REDUCE: rk_emit_reduce(k, slots, loop_slot, id); break;
    case RK_ARITH: case RK_DLC: rk_scalar_node(k, NULL, id, n->name); break;
  }
}

/* rowoff of every gathered input: the row's coordinates in the outer dims (from the last, by
 * remainder and division), times the input's strides in the dims it has. */
static void rk_emit_row_offsets(rk_emit_t *k) {
  rk_program_t *p = k->p;
  char coord[DLCRT_MAX_RANK][16];
  bool have = false;
  for (int i = 0; i < p->num_nodes && !have; ++i) have = p->nodes[i].op == RK_INPUT && p->nodes[i].gather;
  if (!have) return;
  char rem[16];
  snprintf(rem, sizeof(rem), "%s", k->row);
  for (int32_t d = p->split - 1; d >= 0; --d) {
    char q[16];
    rk_fresh(k, coord[d]);
    rk_line(k, "%s = arith.remui %s, %%sd%d : index", coord[d], rem, (int)d);
    if (d == 0) break;
    rk_fresh(k, q);
    rk_line(k, "%s = arith.divui %s, %%sd%d : index", q, rem, (int)d);
    strcpy(rem, q);
  }
  for (int i = 0; i < p->num_nodes; ++i) {
    rk_node_t *n = &p->nodes[i];
    if (n->op != RK_INPUT || !n->gather) continue;
    char acc[16], stride[16];
    rk_index(k, 0, acc);
    if (n->cls == RK_ROW) snprintf(stride, sizeof(stride), "%s", k->n_index);
    else rk_index(k, 1, stride);
    for (int32_t d = p->split - 1; d >= 0; --d) {
      if (!n->outer_match[d]) continue;
      char t[16], a2[16], s2[16];
      rk_fresh(k, t);
      rk_fresh(k, a2);
      rk_line(k, "%s = arith.muli %s, %s : index", t, coord[d], stride);
      rk_line(k, "%s = arith.addi %s, %s : index", a2, acc, t);
      strcpy(acc, a2);
      rk_fresh(k, s2);
      rk_line(k, "%s = arith.muli %s, %%sd%d : index", s2, stride, (int)d);
      strcpy(stride, s2);
    }
    snprintf(n->rowoff, sizeof(n->rowoff), "%s", acc);
  }
}

/* The body for one row: row-level nodes in program order, then the stores. */
static void rk_emit_row_body(rk_emit_t *k, rk_slot_t *slots, rk_slot_t *loop_slot) {
  rk_program_t *p = k->p;
  rk_fresh(k, k->rbase);
  rk_line(k, "%s = arith.muli %s, %s : index", k->rbase, k->row, k->n_index);
  rk_emit_row_offsets(k);
  for (int i = 0; i < p->num_nodes; ++i)
    if (p->nodes[i].cls == RK_RSCALAR || p->nodes[i].cls == RK_SCALAR) rk_emit_row_node(k, slots, loop_slot, i);
  int num_out = k->unit->num_outputs;
  bool any_row = false;
  for (int o = 0; o < num_out; ++o) any_row |= p->nodes[p->outputs[o]].cls == RK_ROW;
  if (any_row && k->vec4) {
    for (int64_t j = 0; j < k->regs; j += 4)
      for (int o = 0; o < num_out; ++o) {
        if (p->nodes[p->outputs[o]].cls != RK_ROW) continue;
        char v[4][16], vec[16];
        for (int e = 0; e < 4; ++e) strcpy(v[e], rk_value(k, &slots[j + e], p->outputs[o]));
        rk_fresh(k, vec);
        rk_line(k, "%s = vector.from_elements %s, %s, %s, %s : vector<4xf32>", vec, v[0], v[1], v[2], v[3]);
        rk_line(k, "vector.store %s, %%fo%d[%s] {alignment = 16 : i64} : memref<?xf32>, vector<4xf32>", vec, o,
                rk_gidx(k, &slots[j]));
      }
  } else if (any_row && k->registers) {
    for (int64_t j = 0; j < k->regs; ++j)
      for (int o = 0; o < num_out; ++o) {
        if (p->nodes[p->outputs[o]].cls != RK_ROW) continue;
        char v[16];
        strcpy(v, rk_value(k, &slots[j], p->outputs[o]));
        rk_line(k, "memref.store %s, %%fo%d[%s] : memref<?xf32>", v, o, rk_gidx(k, &slots[j]));
      }
  } else if (any_row) {
    char step[16], iv[16];
    rk_index(k, k->stride, step);
    rk_fresh(k, iv);
    rk_line(k, "scf.for %s = %s to %s step %s {", iv, k->lane_in_row, k->n_index, step);
    rk_slot_init(k, loop_slot, -1, iv);
    for (int o = 0; o < num_out; ++o) {
      if (p->nodes[p->outputs[o]].cls != RK_ROW) continue;
      char v[16];
      strcpy(v, rk_value(k, loop_slot, p->outputs[o]));
      rk_line(k, "memref.store %s, %%fo%d[%s] : memref<?xf32>", v, o, rk_gidx(k, loop_slot));
    }
    rk_line(k, "}");
  }
  bool any_scalar = false;
  for (int o = 0; o < num_out; ++o) any_scalar |= p->nodes[p->outputs[o]].cls == RK_RSCALAR;
  if (any_scalar) {
    char c0[16], first[16];
    rk_index(k, 0, c0);
    rk_fresh(k, first);
    rk_line(k, "%s = arith.cmpi eq, %s, %s : index", first, k->lane_in_row, c0);
    rk_line(k, "scf.if %s {", first);
    for (int o = 0; o < num_out; ++o)
      if (p->nodes[p->outputs[o]].cls == RK_RSCALAR)
        rk_line(k, "  memref.store %s, %%fo%d[%s] : memref<?xf32>", p->nodes[p->outputs[o]].name, o, k->row);
    rk_line(k, "}");
  }
}

/* Appends `%name = <buf as a flat memref<?xf32>>` for a buffer of shape `s` (identity layout). */
static void rk_flatten(rk_emit_t *k, const char *name, const char *buf, const dlc_shape_t *s) {
  dlc_strbuf_t *o = k->out;
  const char *et = mlirTypeIsAF32(s->elem) ? "f32" : "i1";
  int64_t n = 1;
  bool dyn = false;
  for (int32_t d = 0; d < s->rank; ++d) {
    if (s->dims[d] == DLC_DYN) dyn = true;
    else n *= s->dims[d];
  }
  char flat[24];
  if (dyn) snprintf(flat, sizeof(flat), "memref<?x%s>", et);
  else snprintf(flat, sizeof(flat), "memref<%lldx%s>", (long long)n, et);
  if (s->rank == 0) {
    dlc_strbuf_appendf(o, "  %s_f = memref.expand_shape %s [] output_shape [1] : memref<%s> into %s\n", name, buf, et,
                       flat);
  } else if (s->rank == 1) {
    dlc_strbuf_appendf(o, "  %s_f = memref.cast %s : %s to %s\n", name, buf, flat, flat);
  } else {
    dlc_strbuf_appendf(o, "  %s_f = memref.collapse_shape %s [[", name, buf);
    for (int32_t d = 0; d < s->rank; ++d) dlc_strbuf_appendf(o, "%s%d", d ? ", " : "", (int)d);
    dlc_strbuf_append(o, "]] : ");
    dlc_gpu_append_memref_type(o, s);
    dlc_strbuf_appendf(o, " into %s\n", flat);
  }
  dlc_strbuf_appendf(o, "  %s = memref.cast %s_f : %s to memref<?x%s>\n", name, name, flat, et);
}

/* Index values of S's dims at function level (dynamic ones read with memref.dim from an input that
 * has them); false when a dynamic dim of S appears in no input. */
static bool rk_full_dims(rk_emit_t *k, char dims[][16]) {
  rk_program_t *p = k->p;
  int32_t r = p->full.rank;
  for (int32_t d = 0; d < r; ++d) {
    snprintf(dims[d], 16, "%%sd%d", (int)d);
    if (p->full.dims[d] != DLC_DYN) {
      dlc_strbuf_appendf(k->out, "  %s = arith.constant %lld : index\n", dims[d], (long long)p->full.dims[d]);
      continue;
    }
    bool found = false;
    for (int i = 0; i < k->unit->num_inputs && !found; ++i) {
      dlc_shape_t s;
      dlc_gpu_input_shape(k->unit, i, &s);
      int32_t sd = d - (r - s.rank);
      if (sd < 0 || s.dims[sd] != DLC_DYN) continue;
      dlc_strbuf_appendf(k->out, "  %%sdc%d = arith.constant %d : index\n  %s = memref.dim %%in%d, %%sdc%d : ", (int)d, (int)sd,
                         dims[d], i, (int)d);
      dlc_gpu_append_memref_type(k->out, &s);
      dlc_strbuf_append(k->out, "\n");
      found = true;
    }
    if (!found) return false;
  }
  return true;
}

/* The product of dims [lo, hi) into `name`. */
static void rk_product(rk_emit_t *k, const char *name, char dims[][16], int32_t lo, int32_t hi) {
  const char *prev = NULL;
  char buf[2][24];
  if (lo == hi) {
    dlc_strbuf_appendf(k->out, "  %s = arith.constant 1 : index\n", name);
    return;
  }
  for (int32_t d = lo; d < hi; ++d) {
    if (!prev) {
      prev = dims[d];
      continue;
    }
    char *nb = buf[d & 1];
    snprintf(nb, 24, "%s_%d", name, (int)d);
    dlc_strbuf_appendf(k->out, "  %s = arith.muli %s, %s : index\n", nb, prev, dims[d]);
    prev = nb;
  }
  dlc_strbuf_appendf(k->out, "  %s = arith.addi %s, %%rk_zero : index\n", name, prev);
}

/* The block size: the group's `threads` when it is a whole number of warps, else 256. */
static int rk_group_threads(const dlc_gpu_unit_t *unit) {
  int64_t v = dlc_gpu_fusion_int(unit, "threads", RK_DEFAULT_THREADS);
  return v >= 32 && v <= 1024 && v % 32 == 0 ? (int)v : RK_DEFAULT_THREADS;
}

static bool rk_is_stitch_or_single(const dlc_gpu_unit_t *unit) {
  return mlirOperationIsNull(unit->group) ? unit->num_ops == 1 : dlc_gpu_fusion_kind_is(unit, "stitch");
}

/* One gpu.launch in the current mode (k->warp_mode, k->stride, k->registers); `pfx` names its
 * host values and region arguments apart from another variant's. */
static dlcrt_status_t rk_emit_launch(rk_emit_t *k, const char *pfx) {
  rk_program_t *p = k->p;
  dlc_strbuf_t *o = k->out;
  int rows_per_block = k->threads / 32;
  if (k->warp_mode) {
    dlc_strbuf_appendf(o, "  %%%s_rpb = arith.constant %d : index\n  %%%s_rpb1 = arith.constant %d : index\n", pfx,
                       rows_per_block, pfx, rows_per_block - 1);
    dlc_strbuf_appendf(o, "  %%%s_grid_n = arith.addi %%rk_rows, %%%s_rpb1 : index\n"
                          "  %%%s_grid = arith.divui %%%s_grid_n, %%%s_rpb : index\n", pfx, pfx, pfx, pfx, pfx);
  } else {
    dlc_strbuf_appendf(o, "  %%%s_smem = arith.constant %d : i32\n", pfx, rows_per_block * 4);
    dlc_strbuf_appendf(o, "  %%%s_grid = arith.addi %%rk_rows, %%rk_zero : index\n", pfx);
  }
  dlc_strbuf_appendf(o, "    gpu.launch blocks(%%%s_bx, %%%s_by, %%%s_bz) in (%%%s_gx = %%%s_grid, %%%s_gy = %%rk_one, "
                        "%%%s_gz = %%rk_one) threads(%%%s_tx, %%%s_ty, %%%s_tz) in (%%%s_sx = %%rk_threads, "
                        "%%%s_sy = %%rk_one, %%%s_sz = %%rk_one)",
                     pfx, pfx, pfx, pfx, pfx, pfx, pfx, pfx, pfx, pfx, pfx, pfx, pfx);
  if (!k->warp_mode) dlc_strbuf_appendf(o, " dynamic_shared_memory_size %%%s_smem", pfx);
  dlc_strbuf_append(o, " {\n");
  char bx[16], tx[16];
  snprintf(bx, sizeof(bx), "%%%s_bx", pfx);
  snprintf(tx, sizeof(tx), "%%%s_tx", pfx);
  if (!k->warp_mode) {
    char raw[16];
    rk_fresh(k, raw);
    rk_fresh(k, k->shm);
    rk_line(k, "%s = gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<workgroup>>", raw);
    rk_line(k, "%s = memref.view %s[%%rk_zero][] : memref<?xi8, #gpu.address_space<workgroup>> to "
               "memref<%dxf32, #gpu.address_space<workgroup>>", k->shm, raw, rows_per_block);
  }
  snprintf(k->n_index, sizeof(k->n_index), "%%rk_n");
  char c32[16];
  rk_index(k, 32, c32);
  rk_fresh(k, k->lane);
  rk_fresh(k, k->warp);
  rk_line(k, "%s = arith.remui %s, %s : index", k->lane, tx, c32);
  rk_line(k, "%s = arith.divui %s, %s : index", k->warp, tx, c32);
  size_t nslots = (size_t)(k->registers ? k->regs : 0) + 1;
  char(*vals)[16] = calloc(nslots * (size_t)p->num_nodes, 16);
  rk_slot_t *slots = calloc(nslots, sizeof(rk_slot_t));
  if (!vals || !slots) {
    free(vals);
    free(slots);
    return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory in the row kernel emitter");
  }
  for (size_t j = 0; j < nslots; ++j) slots[j].vals = vals + j * (size_t)p->num_nodes;
  rk_slot_t *loop_slot = &slots[nslots - 1];
  if (k->warp_mode) {
    char rpb[16], base[16], ok[16];
    rk_index(k, rows_per_block, rpb);
    rk_fresh(k, base);
    rk_fresh(k, k->row);
    rk_fresh(k, ok);
    rk_line(k, "%s = arith.muli %s, %s : index", base, bx, rpb);
    rk_line(k, "%s = arith.addi %s, %s : index", k->row, base, k->warp);
    rk_line(k, "%s = arith.cmpi ult, %s, %%rk_rows : index", ok, k->row);
    rk_line(k, "scf.if %s {", ok);
    snprintf(k->lane_in_row, sizeof(k->lane_in_row), "%s", k->lane);
  } else {
    snprintf(k->row, sizeof(k->row), "%s", bx);
    snprintf(k->lane_in_row, sizeof(k->lane_in_row), "%s", tx);
  }
  k->slots = slots;
  if (k->registers) {
    /* Slot j's column: lane + j*S, or with vec4 4*lane + (j/4)*4S + j%4. */
    char first[16], four[16];
    snprintf(first, sizeof(first), "%s", k->lane_in_row);
    if (k->vec4) {
      rk_index(k, 4, four);
      rk_fresh(k, first);
      rk_line(k, "%s = arith.muli %s, %s : index", first, k->lane_in_row, four);
    }
    for (int64_t j = 0; j < k->regs; ++j) {
      char off[16], col[16];
      int64_t o = k->vec4 ? (j / 4) * 4 * k->stride + j % 4 : j * k->stride;
      if (o == 0) {
        rk_slot_init(k, &slots[j], (int)j, first);
        continue;
      }
      rk_index(k, o, off);
      rk_fresh(k, col);
      rk_line(k, "%s = arith.addi %s, %s : index", col, first, off);
      rk_slot_init(k, &slots[j], (int)j, col);
    }
  }
  rk_emit_row_body(k, slots, loop_slot);
  if (k->warp_mode) rk_line(k, "}");
  rk_line(k, "gpu.terminator");
  dlc_strbuf_append(o, "    }\n");
  free(vals);
  free(slots);
  return NULL;
}

/* The whole function text for a unit whose row program is built. */
static dlcrt_status_t rk_emit_function(rk_emit_t *k, const char *func_name) {
  rk_program_t *p = k->p;
  dlc_gpu_unit_t *unit = k->unit;
  dlc_strbuf_t *o = k->out;
  if (!dlc_gpu_append_prologue(unit, func_name, o))
    return dlcrt_make_status(DLCRT_STATUS_INTERNAL, "row kernel: unit with an unranked value");
  dlc_strbuf_append(o, "  %rk_zero = arith.constant 0 : index\n  %rk_one = arith.constant 1 : index\n");
  char dims[DLCRT_MAX_RANK][16];
  rk_full_dims(k, dims); /* checked by the caller */
  rk_product(k, "%rk_rows", dims, 0, p->split);
  rk_product(k, "%rk_n", dims, p->split, p->full.rank);
  for (int i = 0; i < unit->num_inputs; ++i) {
    dlc_shape_t s;
    char name[16], buf[16];
    dlc_gpu_input_shape(unit, i, &s);
    snprintf(name, sizeof(name), "%%fi%d", i);
    snprintf(buf, sizeof(buf), "%%in%d", i);
    rk_flatten(k, name, buf, &s);
  }
  for (int i = 0; i < unit->num_outputs; ++i) {
    dlc_shape_t s;
    dlc_gpu_output_shape(unit, i, &s);
    bool outer_only = p->nodes[p->outputs[i]].cls == RK_RSCALAR && dlc_row_is_outer(p, &s) &&
                      dlc_row_classify(p, &s) != RK_RSCALAR;
    dlc_strbuf_appendf(o, "  %%out%d = memref.alloc(", i);
    bool first = true;
    for (int32_t d = 0; d < s.rank; ++d) {
      if (s.dims[d] != DLC_DYN) continue;
      int32_t fd = outer_only ? d : d + (p->full.rank - s.rank);
      dlc_strbuf_appendf(o, "%s%s", first ? "" : ", ", dims[fd]);
      first = false;
    }
    dlc_strbuf_append(o, ") : ");
    dlc_gpu_append_memref_type(o, &s);
    dlc_strbuf_append(o, "\n");
    char name[16], buf[16];
    snprintf(name, sizeof(name), "%%fo%d", i);
    snprintf(buf, sizeof(buf), "%%out%d", i);
    rk_flatten(k, name, buf, &s);
  }
  dlc_strbuf_appendf(o, "  %%rk_threads = arith.constant %d : index\n", k->threads);
  /* No launch for zero rows (CUDA rejects an empty grid). */
  dlc_strbuf_append(o, "  %rk_any = arith.cmpi ugt, %rk_rows, %rk_zero : index\n  scf.if %rk_any {\n");
  dlcrt_status_t st;
  if (k->choose_at_run_time) { /* a row of dynamic length: a warp per row when it is short */
    dlc_strbuf_appendf(o, "  %%rk_short_max = arith.constant %d : index\n"
                          "  %%rk_short = arith.cmpi ule, %%rk_n, %%rk_short_max : index\n  scf.if %%rk_short {\n",
                       RK_MAX_WARP_ROW);
    k->warp_mode = true;
    k->stride = 32;
    st = rk_emit_launch(k, "rkw");
    dlc_strbuf_append(o, "  } else {\n");
    k->warp_mode = false;
    k->stride = k->threads;
    if (!st) st = rk_emit_launch(k, "rkb");
    dlc_strbuf_append(o, "  }\n");
  } else {
    st = rk_emit_launch(k, "rk");
  }
  dlc_strbuf_append(o, "  }\n");
  if (st) return st;
  dlc_gpu_append_epilogue(unit, o);
  return NULL;
}

dlcrt_status_t dlc_gpu_emit_row_kernel(dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out, bool *handled) {
  *handled = false;
  if (!rk_is_stitch_or_single(unit)) return NULL;
  if (mlirOperationIsNull(unit->group) && !dlc_row_is_reduction(dlc_op_info(unit->ops[0]))) return NULL;
  rk_program_t p;
  memset(&p, 0, sizeof(p));
  p.nodes = calloc(RK_MAX_NODES, sizeof(rk_node_t));
  if (!p.nodes) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory in the row kernel emitter");
  dlcrt_status_t st = NULL;
  if (dlc_row_program_build(&p, unit)) {
    rk_emit_t k = {.p = &p, .unit = unit, .threads = rk_group_threads(unit)};
    int64_t n = 1;
    bool static_n = true;
    for (int32_t d = p.split; d < p.full.rank; ++d) {
      if (p.full.dims[d] == DLC_DYN) static_n = false;
      else n *= p.full.dims[d];
    }
    k.warp_mode = static_n && n <= RK_MAX_WARP_ROW;
    k.choose_at_run_time = !static_n;
    k.stride = k.warp_mode ? 32 : k.threads;
    k.registers = static_n && n > 0 && n % k.stride == 0 && n / k.stride <= RK_MAX_REGS;
    k.regs = k.registers ? n / k.stride : 0;
    k.vec4 = k.registers && k.regs % 4 == 0;
    char dims[DLCRT_MAX_RANK][16];
    dlc_strbuf_t probe;
    dlc_strbuf_init(&probe);
    rk_emit_t pk = k;
    pk.out = &probe;
    bool dims_ok = rk_full_dims(&pk, dims);
    dlc_strbuf_free(&probe);
    if (dims_ok) {
      dlc_strbuf_t text;
      dlc_strbuf_init(&text);
      k.out = &text;
      st = rk_emit_function(&k, func_name);
      if (!st && k.error) st = k.error;
      else if (k.error) dlcrt_status_free(k.error);
      if (!st) st = dlc_strbuf_status(&text);
      if (!st) {
        dlc_strbuf_append(out, dlc_strbuf_cstr(&text));
        *handled = true;
      }
      dlc_strbuf_free(&text);
    }
  }
  free(p.nodes);
  return st;
}
