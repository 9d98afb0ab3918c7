/* DlcToGPU elementwise kernels: one elementwise op (unary, binary with numpy broadcasting, compare,
 * where, cast) or a fusion group of kind "loop" (a DAG of elementwise ops whose outputs all have one
 * shape O; inputs and intermediates broadcast to it) becomes ONE gpu.launch.
 *
 * Schedule. The output is cut into groups of V consecutive elements along the innermost dim: V = 16
 * bytes / the output element size (4 x f32, 8 x f16; at most 8) when O's innermost dim (its element count
 * when no input broadcasts) is a multiple of V and no value is i1, else V = 1; when that dim is dynamic, both kernels are emitted and the host picks
 * one at run time (scf.if on dim % V). The grid is exact: a block of T threads covers T * ilp
 * consecutive groups, thread t handling groups t, t + T, ... (so every load instruction of a warp reads
 * one contiguous span), with a bounds check per group; blocks = max(1, ceil(groups / (T * ilp))). T and
 * ilp come from the group's `dlc.fusion` {threads, ilp} when present, else T = 256 and ilp = 1, 2 or 4
 * as the static group count fills 1, 2 or more waves of 132 SMs x 8 blocks (2 when dynamic).
 * Operands whose innermost dim is equal to O's (static, or both dynamic) are read with one 16-byte vector.load per
 * group ({alignment} set: ld.global.v4); an operand broadcast along the innermost dim (size 1 or lower
 * rank) is read once per group and splatted; with V = 1 everything is scalar memref.load. Broadcast dims
 * read index 0. Each lane's scalar arithmetic is dlc_emit_scalar_op (shared with DlcToLinalg), so the
 * formulas exist once; results are assembled with vector.from_elements and stored with vector.store.
 * Dynamic dims of O are read with memref.dim from an input that is not broadcast there (a dynamic dim is
 * assumed not to broadcast at run time, as in DlcToLinalg). */
#include <stdlib.h>
#include <string.h>

#include "../scalar_op.h"
#include "gpu_emit.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#define DLC_EW_DEFAULT_THREADS 256
#define DLC_EW_WAVE_BLOCKS (132 * 8) /* resident blocks of 256 threads on an H100 */

typedef char dlc_name_t[16];

typedef struct dlc_ew_t {
  dlc_gpu_unit_t *unit;
  dlc_strbuf_t *b;
  dlc_shape_t out; /* O */
  int V;
  dlc_name_t dims[DLCRT_MAX_RANK]; /* index values of O's dims (host side) */
  /* per-lane scalar names of each input and each op result */
  dlc_name_t in_lanes[DLC_GPU_MAX_UNIT_VALUES][8];
  dlc_name_t op_lanes[DLC_GPU_MAX_UNIT_OPS][8];
  /* How each input is indexed (rank > 1 outputs): FLAT (O's elements in O's order: through a 1-D view
   * %fin<i> at the linear index %e), SUFFIX (broadcast only along leading dims, e.g. a bias: the view at
   * %e mod the size of the trailing dims), PREFIX (broadcast only along trailing dims, e.g. per-row
   * statistics: the view at %e div the size of those dims) or GENERAL (per-dim indices). The outputs
   * are written through 1-D views %fout<o> at %e. */
  int mode[DLC_GPU_MAX_UNIT_VALUES];
  dlc_name_t modulus[DLC_GPU_MAX_UNIT_VALUES]; /* host value of the SUFFIX modulus / PREFIX divisor */
  dlc_shape_t view[DLC_GPU_MAX_UNIT_VALUES];   /* the 1-D view of a non-GENERAL input */
  dlc_name_t ix[DLC_GPU_MAX_UNIT_VALUES];      /* its index in the current group */
  dlc_shape_t flat_shape;
  int next;
} dlc_ew_t;

/* A dlc.constant holding one value (a splat): inside a loop group (the fusion passes clone small
 * scalar constants into the groups that use them) it is an arith.constant in the kernel. */
static bool dlc_is_splat_constant(MlirOperation op) {
  const dlc_op_info_t *info = dlc_op_info(op);
  if (!info || info->op_class != DLC_OPC_CONSTANT || mlirOperationGetNumResults(op) != 1) return false;
  MlirAttribute a = mlirOperationGetAttributeByName(op, dlc_sref("value"));
  return !mlirAttributeIsNull(a) && mlirAttributeIsADenseElements(a) && mlirDenseElementsAttrIsSplat(a);
}

/* Storage bytes of a scalar element type; 0 for i1 and for anything that is not an int or float. */
static int dlc_elem_bytes(MlirType t) {
  unsigned w = 0;
  if (mlirTypeIsAInteger(t)) w = mlirIntegerTypeGetWidth(t);
  else if (mlirTypeIsAF16(t) || mlirTypeIsABF16(t)) w = 16;
  else if (mlirTypeIsAF32(t)) w = 32;
  else if (mlirTypeIsAF64(t)) w = 64;
  return w == 8 || w == 16 || w == 32 || w == 64 ? (int)(w / 8) : 0;
}

/* `s` broadcasts to O by numpy rules (right-aligned; a static 1 broadcasts; dynamic dims match). */
static bool dlc_broadcasts_to(const dlc_shape_t *s, const dlc_shape_t *o) {
  if (s->rank > o->rank) return false;
  for (int32_t sd = 0; sd < s->rank; ++sd) {
    int64_t a = s->dims[sd], b = o->dims[sd + o->rank - s->rank];
    if (a == 1 || a == b || a == DLC_DYN || b == DLC_DYN) continue;
    return false;
  }
  return true;
}

/* Dim d of O read at index 0 by `s` (a static 1 where O's dim is not a static 1). */
static bool dlc_reads_zero(const dlc_shape_t *s, const dlc_shape_t *o, int32_t sd) {
  return s->dims[sd] == 1 && o->dims[sd + o->rank - s->rank] != 1;
}

static const char *dlc_fresh(dlc_ew_t *k, char *buf) {
  snprintf(buf, 16, "%%k%d", k->next++);
  return buf;
}

static const char *dlc_index_const(dlc_ew_t *k, int64_t v, char *buf) {
  dlc_fresh(k, buf);
  dlc_strbuf_appendf(k->b, "  %s = arith.constant %lld : index\n", buf, (long long)v);
  return buf;
}

/* Whether the unit is one this emitter computes, and O. */
static bool dlc_ew_accepts(dlc_gpu_unit_t *unit, dlc_shape_t *out) {
  if (!mlirOperationIsNull(unit->group) && !dlc_gpu_fusion_kind_is(unit, "loop")) return false;
  if (unit->num_outputs < 1 || !dlc_gpu_output_shape(unit, 0, out) || out->rank < 1) return false;
  for (int i = 0; i < unit->num_ops; ++i) {
    if (!dlc_gpu_is_elementwise_op(unit->ops[i]) && !(!mlirOperationIsNull(unit->group) && dlc_is_splat_constant(unit->ops[i])))
      return false;
    dlc_shape_t r;
    if (!dlc_shape_from_type(mlirValueGetType(mlirOperationGetResult(unit->ops[i], 0)), &r) || !dlc_broadcasts_to(&r, out))
      return false;
  }
  for (int i = 0; i < unit->num_outputs; ++i)
    if (!mlirTypeEqual(mlirValueGetType(unit->outputs[i]), mlirValueGetType(unit->outputs[0]))) return false;
  for (int i = 0; i < unit->num_inputs; ++i) {
    dlc_shape_t s;
    if (!dlc_gpu_input_shape(unit, i, &s) || !dlc_broadcasts_to(&s, out)) return false;
    if (dlc_elem_bytes(s.elem) == 0 && !(mlirTypeIsAInteger(s.elem) && mlirIntegerTypeGetWidth(s.elem) == 1)) return false;
  }
  return true;
}

/* The vector width: 1 unless every value is at least a byte wide and `inner` (O's inner dim; its element
 * count when every input is read flat) allows it; a dynamic `inner` gives the candidate width and sets
 * *runtime (the kernel checks at run time). */
static int dlc_ew_vector_width(const dlc_gpu_unit_t *unit, const dlc_shape_t *out, int64_t inner, bool *runtime) {
  *runtime = false;
  int bytes = dlc_elem_bytes(out->elem);
  if (bytes == 0) return 1;
  for (int i = 0; i < unit->num_inputs; ++i)
    if (dlc_elem_bytes(mlirShapedTypeGetElementType(mlirValueGetType(unit->inputs[i]))) == 0) return 1;
  for (int i = 0; i < unit->num_ops; ++i)
    if (dlc_elem_bytes(mlirShapedTypeGetElementType(mlirValueGetType(mlirOperationGetResult(unit->ops[i], 0)))) == 0)
      return 1;
  int V = 16 / bytes > 8 ? 8 : 16 / bytes;
  if (V < 2) return 1;
  if (inner == DLC_DYN) {
    *runtime = true;
    return V;
  }
  return inner % V == 0 ? V : 1;
}

/* Host side: the index value of each dim of O; false when a dynamic dim has no input to read it from. */
static bool dlc_ew_dims(dlc_ew_t *k) {
  const dlc_shape_t *o = &k->out;
  for (int32_t d = 0; d < o->rank; ++d) {
    if (o->dims[d] != DLC_DYN) {
      dlc_index_const(k, o->dims[d], k->dims[d]);
      continue;
    }
    bool found = false;
    for (int i = 0; i < k->unit->num_inputs && !found; ++i) {
      dlc_shape_t s;
      dlc_gpu_input_shape(k->unit, i, &s);
      int32_t sd = d - (o->rank - s.rank);
      if (sd < 0 || s.dims[sd] != DLC_DYN) continue;
      char c[16];
      dlc_index_const(k, sd, c);
      dlc_fresh(k, k->dims[d]);
      dlc_strbuf_appendf(k->b, "  %s = memref.dim %%in%d, %s : ", k->dims[d], i, c);
      dlc_gpu_append_memref_type(k->b, &s);
      dlc_strbuf_append(k->b, "\n");
      found = true;
    }
    if (!found) return false;
  }
  return true;
}

/* Appends "[i0, i1, ...]" for operand shape `s` at output indices idx (broadcast dims read %c0). */
static void dlc_ew_indices(dlc_ew_t *k, const dlc_shape_t *s, dlc_name_t idx[]) {
  dlc_strbuf_append(k->b, "[");
  for (int32_t sd = 0; sd < s->rank; ++sd) {
    int32_t d = sd + k->out.rank - s->rank;
    dlc_strbuf_appendf(k->b, "%s%s", sd ? ", " : "", dlc_reads_zero(s, &k->out, sd) ? "%c0" : idx[d]);
  }
  dlc_strbuf_append(k->b, "]");
}

enum { DLC_EW_GENERAL, DLC_EW_FLAT, DLC_EW_SUFFIX, DLC_EW_PREFIX };

/* The indexing mode of an operand of shape `s` (see dlc_ew_t); *split is the first dim of the
 * trailing range (SUFFIX: after the broadcast dims; PREFIX: the first broadcast dim). */
static int dlc_ew_mode(const dlc_shape_t *s, const dlc_shape_t *o, int32_t *split) {
  int32_t R = o->rank;
  if (s->rank == 0 || R < 2) return DLC_EW_GENERAL;
  int32_t first_b = R, last_b = -1, first_m = R, last_m = -1;
  for (int32_t d = 0; d < R; ++d) {
    if (o->dims[d] == 1) continue; /* a unit dim of O fits either side */
    int32_t sd = d - (R - s->rank);
    bool bcast = sd < 0 || dlc_reads_zero(s, o, sd);
    if (!bcast && s->dims[sd] != o->dims[d] && s->dims[sd] != DLC_DYN && o->dims[d] != DLC_DYN) return DLC_EW_GENERAL;
    if (bcast) {
      if (first_b == R) first_b = d;
      last_b = d;
    } else {
      if (first_m == R) first_m = d;
      last_m = d;
    }
  }
  if (last_b < 0) return DLC_EW_FLAT;
  if (last_b < first_m) {
    *split = last_b + 1;
    return DLC_EW_SUFFIX;
  }
  if (first_b > last_m) {
    *split = first_b;
    return DLC_EW_PREFIX;
  }
  return DLC_EW_GENERAL;
}

/* Appends input i's reference "%in<i>[indices]" (or "%fin<i>[index]" through its 1-D view). */
static void dlc_ew_ref(dlc_ew_t *k, int i, const dlc_shape_t *s, dlc_name_t idx[]) {
  if (k->mode[i] != DLC_EW_GENERAL) {
    dlc_strbuf_appendf(k->b, "%%fin%d[%s]", i, k->ix[i]);
    return;
  }
  dlc_strbuf_appendf(k->b, "%%in%d", i);
  dlc_ew_indices(k, s, idx);
}
static void dlc_ew_mtype(dlc_ew_t *k, int i, const dlc_shape_t *s) {
  dlc_gpu_append_memref_type(k->b, k->mode[i] != DLC_EW_GENERAL ? &k->view[i] : s);
}

/* Loads input i's lanes at output indices idx (inner index is the group's first element). */
static void dlc_ew_load_input(dlc_ew_t *k, int i, dlc_name_t idx[]) {
  dlc_shape_t s;
  dlc_gpu_input_shape(k->unit, i, &s);
  dlc_strbuf_t ty;
  dlc_strbuf_init(&ty);
  dlc_strbuf_append_type(&ty, s.elem);
  const char *et = dlc_strbuf_cstr(&ty);
  int32_t R = k->out.rank;
  /* contiguous along the inner dim and as long as O's (a dynamic inner dim is assumed not to broadcast) */
  bool inner_vector = k->mode[i] == DLC_EW_FLAT || (s.rank >= 1 && s.dims[s.rank - 1] == k->out.dims[R - 1]);
  bool inner_bcast = s.rank == 0 || dlc_reads_zero(&s, &k->out, s.rank - 1);
  if (k->V > 1 && inner_vector) {
    char vec[16];
    dlc_fresh(k, vec);
    dlc_strbuf_appendf(k->b, "        %s = vector.load ", vec);
    dlc_ew_ref(k, i, &s, idx);
    dlc_strbuf_appendf(k->b, " {alignment = %d : i64} : ", k->V * dlc_elem_bytes(s.elem));
    dlc_ew_mtype(k, i, &s);
    dlc_strbuf_appendf(k->b, ", vector<%dx%s>\n", k->V, et);
    for (int l = 0; l < k->V; ++l) {
      dlc_fresh(k, k->in_lanes[i][l]);
      dlc_strbuf_appendf(k->b, "        %s = vector.extract %s[%d] : %s from vector<%dx%s>\n", k->in_lanes[i][l], vec, l, et,
                         k->V, et);
    }
  } else if (k->V == 1 || inner_bcast) {
    dlc_fresh(k, k->in_lanes[i][0]);
    dlc_strbuf_appendf(k->b, "        %s = memref.load ", k->in_lanes[i][0]);
    dlc_ew_ref(k, i, &s, idx);
    dlc_strbuf_append(k->b, " : ");
    dlc_ew_mtype(k, i, &s);
    dlc_strbuf_append(k->b, "\n");
    for (int l = 1; l < k->V; ++l) memcpy(k->in_lanes[i][l], k->in_lanes[i][0], sizeof(dlc_name_t));
  } else { /* not broadcast along the inner dim, but not provably contiguous: one scalar load per lane */
    bool view = k->mode[i] != DLC_EW_GENERAL; /* through the 1-D view: lane l at ix + l */
    dlc_name_t lane_idx[DLCRT_MAX_RANK];
    memcpy(lane_idx, idx, sizeof(dlc_name_t) * (size_t)R);
    dlc_name_t base;
    memcpy(base, view ? k->ix[i] : idx[R - 1], sizeof(base));
    for (int l = 0; l < k->V; ++l) {
      dlc_name_t lane;
      memcpy(lane, base, sizeof(lane));
      if (l > 0) {
        char off[16];
        dlc_fresh(k, off);
        dlc_strbuf_appendf(k->b, "        %s = arith.constant %d : index\n", off, l);
        dlc_fresh(k, lane);
        dlc_strbuf_appendf(k->b, "        %s = arith.addi %s, %s : index\n", lane, base, off);
      }
      memcpy(lane_idx[R - 1], lane, sizeof(lane));
      dlc_fresh(k, k->in_lanes[i][l]);
      if (view) {
        dlc_strbuf_appendf(k->b, "        %s = memref.load %%fin%d[%s] : ", k->in_lanes[i][l], i, lane);
        dlc_gpu_append_memref_type(k->b, &k->view[i]);
      } else {
        dlc_strbuf_appendf(k->b, "        %s = memref.load %%in%d", k->in_lanes[i][l], i);
        dlc_ew_indices(k, &s, lane_idx);
        dlc_strbuf_append(k->b, " : ");
        dlc_gpu_append_memref_type(k->b, &s);
      }
      dlc_strbuf_append(k->b, "\n");
    }
  }
  dlc_strbuf_free(&ty);
}

/* The per-lane scalar names of `v` (an input or an op result of the unit). */
static dlc_name_t *dlc_ew_lanes(dlc_ew_t *k, MlirValue v) {
  int op = dlc_gpu_unit_op_index(k->unit, v);
  if (op >= 0) return k->op_lanes[op];
  for (int i = 0; i < k->unit->num_inputs; ++i)
    if (mlirValueEqual(k->unit->inputs[i], v)) return k->in_lanes[i];
  return NULL;
}

/* Every op, lane by lane, through the shared scalar formulas. */
static dlcrt_status_t dlc_ew_compute(dlc_ew_t *k) {
  dlc_emit_t e = {.body = k->b};
  for (int i = 0; i < k->unit->num_ops; ++i) {
    MlirOperation op = k->unit->ops[i];
    if (dlc_is_splat_constant(op)) { /* "2.000000e+00 : f32", "true", "3 : i64": arith.constant's syntax */
      MlirAttribute a = mlirOperationGetAttributeByName(op, dlc_sref("value"));
      dlc_fresh(k, k->op_lanes[i][0]);
      dlc_strbuf_appendf(k->b, "        %s = arith.constant ", k->op_lanes[i][0]);
      mlirAttributePrint(mlirDenseElementsAttrGetSplatValue(a), dlc_strbuf_callback, k->b);
      dlc_strbuf_append(k->b, "\n");
      for (int l = 1; l < k->V; ++l) memcpy(k->op_lanes[i][l], k->op_lanes[i][0], sizeof(dlc_name_t));
      continue;
    }
    e.op = op;
    e.info = dlc_op_info(op);
    e.num_in = (int)mlirOperationGetNumOperands(op);
    if (e.num_in > 3) return dlcrt_make_status(DLCRT_STATUS_INTERNAL, "'dlc.%s' with %d operands", e.info->name, e.num_in);
    dlc_name_t *lanes[3];
    for (int j = 0; j < e.num_in; ++j) {
      MlirValue v = mlirOperationGetOperand(op, j);
      dlc_shape_from_type(mlirValueGetType(v), &e.in[j]);
      lanes[j] = dlc_ew_lanes(k, v);
      if (!lanes[j]) return dlcrt_make_status(DLCRT_STATUS_INTERNAL, "operand of 'dlc.%s' not in the unit", e.info->name);
    }
    dlc_shape_from_type(mlirValueGetType(mlirOperationGetResult(op, 0)), &e.out);
    for (int l = 0; l < k->V; ++l) {
      const char *names[3];
      for (int j = 0; j < e.num_in; ++j) names[j] = lanes[j][l];
      DLCRT_RETURN_IF_ERROR(dlc_emit_scalar_op(&e, names, k->op_lanes[i][l]));
    }
  }
  return NULL;
}

static void dlc_ew_store_outputs(dlc_ew_t *k, dlc_name_t idx[]) {
  dlc_strbuf_t ty;
  dlc_strbuf_init(&ty);
  dlc_strbuf_append_type(&ty, k->out.elem);
  const char *et = dlc_strbuf_cstr(&ty);
  for (int o = 0; o < k->unit->num_outputs; ++o) {
    dlc_name_t *lanes = dlc_ew_lanes(k, k->unit->outputs[o]);
    if (k->V > 1) {
      char vec[16];
      dlc_fresh(k, vec);
      dlc_strbuf_appendf(k->b, "        %s = vector.from_elements ", vec);
      for (int l = 0; l < k->V; ++l) dlc_strbuf_appendf(k->b, "%s%s", l ? ", " : "", lanes[l]);
      dlc_strbuf_appendf(k->b, " : vector<%dx%s>\n", k->V, et);
      dlc_strbuf_appendf(k->b, "        vector.store %s, %%%sout%d", vec, k->out.rank > 1 ? "f" : "", o);
      if (k->out.rank > 1) dlc_strbuf_append(k->b, "[%e]");
      else dlc_ew_indices(k, &k->out, idx);
      dlc_strbuf_appendf(k->b, " {alignment = %d : i64} : ", k->V * dlc_elem_bytes(k->out.elem));
      dlc_gpu_append_memref_type(k->b, k->out.rank > 1 ? &k->flat_shape : &k->out);
      dlc_strbuf_appendf(k->b, ", vector<%dx%s>\n", k->V, et);
    } else {
      dlc_strbuf_appendf(k->b, "        memref.store %s, %%%sout%d", lanes[0], k->out.rank > 1 ? "f" : "", o);
      if (k->out.rank > 1) dlc_strbuf_append(k->b, "[%e]");
      else dlc_ew_indices(k, &k->out, idx);
      dlc_strbuf_append(k->b, " : ");
      dlc_gpu_append_memref_type(k->b, k->out.rank > 1 ? &k->flat_shape : &k->out);
      dlc_strbuf_append(k->b, "\n");
    }
  }
  dlc_strbuf_free(&ty);
}

/* One launch with vector width k->V over `numel` elements (static_numel >= 0 when known). */
static dlcrt_status_t dlc_ew_launch(dlc_ew_t *k, const char *numel, int64_t static_numel, int64_t threads, int64_t ilp) {
  dlc_strbuf_t *b = k->b;
  int32_t R = k->out.rank;
  char groups[16], tmp[16], per_block[16], grid[16], nthreads[16], nilp[16], vw[16];
  dlc_index_const(k, k->V, vw);
  dlc_index_const(k, threads, nthreads);
  dlc_index_const(k, ilp, nilp);
  dlc_index_const(k, threads * ilp, per_block);
  if (static_numel >= 0) { /* static shapes: the launch shape is constant */
    int64_t groups_static = static_numel / k->V;
    int64_t blocks = (groups_static + threads * ilp - 1) / (threads * ilp);
    dlc_index_const(k, groups_static, groups);
    dlc_index_const(k, blocks > 1 ? blocks : 1, grid);
  } else {
    dlc_fresh(k, groups);
    dlc_strbuf_appendf(b, "  %s = arith.divui %s, %s : index\n", groups, numel, vw);
    dlc_fresh(k, tmp);
    dlc_strbuf_appendf(b, "  %s = arith.ceildivui %s, %s : index\n", tmp, groups, per_block);
    dlc_fresh(k, grid);
    dlc_strbuf_appendf(b, "  %s = arith.maxui %s, %%c1 : index\n", grid, tmp);
  }
  dlc_strbuf_appendf(b,
                     "  gpu.launch blocks(%%bx, %%by, %%bz) in (%%gx = %s, %%gy = %%c1, %%gz = %%c1) "
                     "threads(%%tx, %%ty, %%tz) in (%%sx = %s, %%sy = %%c1, %%sz = %%c1) {\n",
                     grid, nthreads);
  dlc_strbuf_appendf(b,
                     "    %%bid = gpu.block_id x\n    %%tid = gpu.thread_id x\n"
                     "    %%first = arith.muli %%bid, %s : index\n    %%base = arith.addi %%first, %%tid : index\n"
                     "    scf.for %%it = %%c0 to %s step %%c1 {\n"
                     "      %%step = arith.muli %%it, %s : index\n      %%g = arith.addi %%base, %%step : index\n"
                     "      %%inside = arith.cmpi ult, %%g, %s : index\n      scf.if %%inside {\n"
                     "        %%e = arith.muli %%g, %s : index\n",
                     per_block, nilp, nthreads, groups, vw);
  /* the 1-D views' indices */
  bool need_index = R == 1;
  for (int i = 0; i < k->unit->num_inputs; ++i) {
    if (k->mode[i] == DLC_EW_FLAT) snprintf(k->ix[i], sizeof(k->ix[i]), "%%e");
    if (k->mode[i] != DLC_EW_SUFFIX && k->mode[i] != DLC_EW_PREFIX) continue;
    dlc_fresh(k, k->ix[i]);
    dlc_strbuf_appendf(b, "        %s = %s %%e, %s : index\n", k->ix[i],
                       k->mode[i] == DLC_EW_SUFFIX ? "arith.remui" : "arith.divui", k->modulus[i]);
  }
  for (int i = 0; i < k->unit->num_inputs; ++i) {
    dlc_shape_t si;
    dlc_gpu_input_shape(k->unit, i, &si);
    need_index = need_index || (k->mode[i] == DLC_EW_GENERAL && si.rank > 0);
  }
  /* multi-index of the group's first element, innermost first (only for GENERAL inputs) */
  dlc_name_t idx[DLCRT_MAX_RANK];
  char rest[16];
  snprintf(rest, sizeof(rest), "%%e");
  for (int32_t d = R - 1; d >= 0 && need_index; --d) {
    if (d == 0) {
      snprintf(idx[0], sizeof(idx[0]), "%s", rest);
      break;
    }
    dlc_fresh(k, idx[d]);
    dlc_strbuf_appendf(b, "        %s = arith.remui %s, %s : index\n", idx[d], rest, k->dims[d]);
    dlc_fresh(k, tmp);
    dlc_strbuf_appendf(b, "        %s = arith.divui %s, %s : index\n", tmp, rest, k->dims[d]);
    memcpy(rest, tmp, sizeof(tmp));
  }
  for (int i = 0; i < k->unit->num_inputs; ++i) dlc_ew_load_input(k, i, idx);
  DLCRT_RETURN_IF_ERROR(dlc_ew_compute(k));
  dlc_ew_store_outputs(k, idx);
  dlc_strbuf_append(b, "      }\n    }\n    gpu.terminator\n  }\n");
  return NULL;
}

dlcrt_status_t dlc_gpu_emit_elementwise_kernel(dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out,
                                               bool *handled) {
  *handled = false;
  dlc_ew_t *k = calloc(1, sizeof(dlc_ew_t));
  if (!k) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory in the elementwise kernel emitter");
  k->unit = unit;
  dlc_strbuf_t text;
  dlc_strbuf_init(&text);
  k->b = &text;
  dlcrt_status_t st = NULL;
  if (!dlc_ew_accepts(unit, &k->out) || !dlc_gpu_append_prologue(unit, func_name, &text)) goto done;
  int32_t R = k->out.rank;
  int64_t static_numel = 1;
  for (int32_t d = 0; d < R; ++d) static_numel = k->out.dims[d] == DLC_DYN || static_numel < 0 ? -1 : static_numel * k->out.dims[d];
  /* how each input is indexed; when all are read flat (or are scalars), vectors run along the flat
   * index and only the element count must be a multiple of V */
  int32_t splits[DLC_GPU_MAX_UNIT_VALUES];
  bool all_flat = R > 1;
  for (int i = 0; i < unit->num_inputs; ++i) {
    dlc_shape_t si;
    dlc_gpu_input_shape(unit, i, &si);
    splits[i] = 0;
    k->mode[i] = dlc_ew_mode(&si, &k->out, &splits[i]);
    all_flat = all_flat && (k->mode[i] == DLC_EW_FLAT || si.rank == 0);
  }
  bool runtime_inner = false;
  int64_t inner = all_flat ? (static_numel >= 0 ? static_numel : DLC_DYN) : k->out.dims[R - 1];
  int V = dlc_ew_vector_width(unit, &k->out, inner, &runtime_inner);
  dlc_strbuf_append(&text, "  %c0 = arith.constant 0 : index\n  %c1 = arith.constant 1 : index\n");
  if (!dlc_ew_dims(k)) goto done;
  int64_t threads = dlc_gpu_fusion_int(unit, "threads", DLC_EW_DEFAULT_THREADS);
  int64_t groups_static = static_numel >= 0 ? static_numel / V : -1;
  int64_t ilp_default = groups_static < 0                                          ? 2
                        : groups_static <= threads * DLC_EW_WAVE_BLOCKS             ? 1
                        : groups_static <= 2 * threads * DLC_EW_WAVE_BLOCKS         ? 2
                                                                                    : 4;
  int64_t ilp = dlc_gpu_fusion_int(unit, "ilp", ilp_default);
  if (threads < 1 || threads > 1024 || ilp < 1 || ilp > 64) goto done;
  char numel[16] = "", tmp[16];
  snprintf(numel, sizeof(numel), "%s", k->dims[0]);
  for (int32_t d = 1; d < R && static_numel < 0; ++d) {
    dlc_fresh(k, tmp);
    dlc_strbuf_appendf(&text, "  %s = arith.muli %s, %s : index\n", tmp, numel, k->dims[d]);
    memcpy(numel, tmp, sizeof(tmp));
  }
  /* output buffers */
  for (int o = 0; o < unit->num_outputs; ++o) {
    dlc_strbuf_appendf(&text, "  %%out%d = memref.alloc(", o);
    bool first = true;
    for (int32_t d = 0; d < R; ++d)
      if (k->out.dims[d] == DLC_DYN) {
        dlc_strbuf_appendf(&text, "%s%s", first ? "" : ", ", k->dims[d]);
        first = false;
      }
    dlc_strbuf_append(&text, ") : ");
    dlc_gpu_append_memref_type(&text, &k->out);
    dlc_strbuf_append(&text, "\n");
  }
  /* 1-D views of the inputs read by linear index (FLAT, SUFFIX, PREFIX) and of the outputs */
  k->flat_shape = k->out;
  k->flat_shape.rank = 1;
  k->flat_shape.dims[0] = static_numel >= 0 ? static_numel : DLC_DYN;
  dlc_strbuf_t reassoc;
  dlc_strbuf_init(&reassoc);
  dlc_strbuf_append(&reassoc, "[[");
  for (int32_t d = 0; d < R; ++d) dlc_strbuf_appendf(&reassoc, "%s%d", d ? ", " : "", (int)d);
  dlc_strbuf_append(&reassoc, "]]");
  for (int i = 0; i < unit->num_inputs; ++i) {
    dlc_shape_t si;
    dlc_gpu_input_shape(unit, i, &si);
    int32_t split = splits[i];
    if (k->mode[i] == DLC_EW_GENERAL) continue;
    /* the view has the operand's element count; the modulus / divisor is O's size from `split` on */
    dlc_shape_t *v = &k->view[i];
    *v = si;
    v->rank = 1;
    v->dims[0] = 1;
    for (int32_t d = 0; d < si.rank; ++d)
      v->dims[0] = si.dims[d] == DLC_DYN || v->dims[0] == DLC_DYN ? DLC_DYN : v->dims[0] * si.dims[d];
    if (k->mode[i] != DLC_EW_FLAT) {
      int64_t m = 1;
      for (int32_t d = split; d < R; ++d) m = k->out.dims[d] == DLC_DYN || m == DLC_DYN ? DLC_DYN : m * k->out.dims[d];
      if (m != DLC_DYN) {
        dlc_index_const(k, m, k->modulus[i]);
      } else {
        snprintf(k->modulus[i], sizeof(k->modulus[i]), "%s", k->dims[split]);
        for (int32_t d = split + 1; d < R; ++d) {
          dlc_fresh(k, tmp);
          dlc_strbuf_appendf(&text, "  %s = arith.muli %s, %s : index\n", tmp, k->modulus[i], k->dims[d]);
          memcpy(k->modulus[i], tmp, sizeof(tmp));
        }
      }
    }
    if (si.rank == 1) {
      dlc_strbuf_appendf(&text, "  %%fin%d = memref.cast %%in%d : ", i, i);
      dlc_gpu_append_memref_type(&text, &si);
      dlc_strbuf_append(&text, " to ");
    } else {
      dlc_strbuf_appendf(&text, "  %%fin%d = memref.collapse_shape %%in%d [[", i, i);
      for (int32_t d = 0; d < si.rank; ++d) dlc_strbuf_appendf(&text, "%s%d", d ? ", " : "", (int)d);
      dlc_strbuf_append(&text, "]] : ");
      dlc_gpu_append_memref_type(&text, &si);
      dlc_strbuf_append(&text, " into ");
    }
    dlc_gpu_append_memref_type(&text, v);
    dlc_strbuf_append(&text, "\n");
  }
  for (int o = 0; o < unit->num_outputs && R > 1; ++o) {
    dlc_strbuf_appendf(&text, "  %%fout%d = memref.collapse_shape %%out%d %s : ", o, o, dlc_strbuf_cstr(&reassoc));
    dlc_gpu_append_memref_type(&text, &k->out);
    dlc_strbuf_append(&text, " into ");
    dlc_gpu_append_memref_type(&text, &k->flat_shape);
    dlc_strbuf_append(&text, "\n");
  }
  dlc_strbuf_free(&reassoc);
  if (runtime_inner) { /* the vector kernel when the run-time inner dim is a multiple of V, else scalar */
    char vw[16], rem[16], ok[16];
    dlc_index_const(k, V, vw);
    dlc_fresh(k, rem);
    dlc_strbuf_appendf(&text, "  %s = arith.remui %s, %s : index\n", rem, all_flat ? numel : k->dims[R - 1], vw);
    dlc_fresh(k, ok);
    dlc_strbuf_appendf(&text, "  %s = arith.cmpi eq, %s, %%c0 : index\n  scf.if %s {\n", ok, rem, ok);
    k->V = V;
    st = dlc_ew_launch(k, numel, static_numel, threads, ilp);
    dlc_strbuf_append(&text, "  } else {\n");
    k->V = 1;
    if (!st) st = dlc_ew_launch(k, numel, static_numel, threads, ilp);
    dlc_strbuf_append(&text, "  }\n");
  } else {
    k->V = V;
    st = dlc_ew_launch(k, numel, static_numel, threads, ilp);
  }
  if (st) { /* a type combination the scalar formulas do not cover: leave it to the generic path */
    dlcrt_status_free(st);
    st = NULL;
    goto done;
  }
  st = dlc_gpu_finish_function(unit, &text, out, handled);
done:
  dlc_strbuf_free(&text);
  free(k);
  return st;
}
