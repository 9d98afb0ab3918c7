/* Building the row program of a unit (row_program.h): each dlc op of a reduction or stitch group becomes
 * nodes of a dataflow graph over rows (loads, constants, scalar formulas, reductions), each value
 * classified as ROW, RSCALAR, COL or SCALAR against the iteration shape; anything outside those rules
 * makes the unit "not handled". */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "row_program.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

static bool dims_equal(int64_t a, int64_t b) { return a == b; }

/* Classes `s` can have against S with numpy (right-aligned) broadcasting; -1 when none. */
int dlc_row_classify(const rk_program_t *p, const dlc_shape_t *s) {
  int32_t r = p->full.rank, off = r - s->rank;
  if (off < 0) return -1;
  bool outer_match = true, outer_ones = true, inner_match = true, inner_ones = true;
  for (int32_t d = 0; d < r; ++d) {
    int64_t v = d < off ? 1 : s->dims[d - off];
    /* A dynamic dim is assumed not to broadcast at run time (as in the linalg lowering), so it
     * matches any size of S but 1; a static 1 against a dynamic size of S broadcasts. */
    int64_t f = p->full.dims[d];
    bool match = v == f || (v == DLC_DYN && f != 1) || (f == DLC_DYN && v != 1);
    bool one = v == 1 || (v == DLC_DYN && f == 1);
    if (d < p->split) outer_match &= match, outer_ones &= one;
    else inner_match &= match, inner_ones &= one;
  }
  if (outer_match && inner_match) return RK_ROW;
  if (outer_match && inner_ones) return RK_RSCALAR;
  if (outer_ones && inner_match) return RK_COL;
  if (outer_ones && inner_ones) return RK_SCALAR;
  return -1;
}

/* An input whose inner dims all match S (or are all 1) but whose outer dims mix matching and
 * broadcast ones (an attention mask of shape [q, k] against scores [b, h, q, k]): its element for a
 * row is at rowoff(row) + col (or rowoff(row)), rowoff summing the row's coordinates in the dims it
 * has times its strides. Fills `outer` and returns RK_ROW / RK_RSCALAR, or -1. */
static int rk_gather_class(const rk_program_t *p, const dlc_shape_t *s, bool *outer) {
  int32_t r = p->full.rank, off = r - s->rank;
  if (off < 0) return -1;
  bool inner_match = true, inner_ones = true;
  for (int32_t d = 0; d < r; ++d) {
    int64_t v = d < off ? 1 : s->dims[d - off], f = p->full.dims[d];
    bool match = v == f || (v == DLC_DYN && f != 1) || (f == DLC_DYN && v != 1);
    bool one = v == 1 || (v == DLC_DYN && f == 1);
    if (d < p->split) {
      if (!match && !one) return -1;
      outer[d] = match && !(one && f != 1);
    } else {
      inner_match &= match, inner_ones &= one;
    }
  }
  return inner_match ? RK_ROW : inner_ones ? RK_RSCALAR : -1;
}

/* A shape that is exactly the outer dims (a reduction result without keepdims). */
bool dlc_row_is_outer(const rk_program_t *p, const dlc_shape_t *s) {
  if (s->rank != p->split || p->split == p->full.rank) return false;
  for (int32_t d = 0; d < s->rank; ++d)
    if (!dims_equal(s->dims[d], p->full.dims[d])) return false;
  return true;
}

/* A static shape holding exactly the elements of a ROW value (R*N) or of an RSCALAR one (R): a
 * reshape to it keeps the flat layout (row-major), so the value keeps its class. Consumers still
 * check their operands' shapes against the class, so only reshapes and outputs use this. */
static bool rk_flat_alias(const rk_program_t *p, rk_class_t c, const dlc_shape_t *s) {
  if ((c != RK_ROW && c != RK_RSCALAR) || !dlc_shape_is_static(s) || !dlc_shape_is_static(&p->full)) return false;
  int64_t want = 1, have = 1;
  int32_t end = c == RK_ROW ? p->full.rank : p->split;
  for (int32_t d = 0; d < end; ++d) want *= p->full.dims[d];
  for (int32_t d = 0; d < s->rank; ++d) have *= s->dims[d];
  return want == have;
}

static bool rk_is_f32(MlirType t) { return mlirTypeIsAF32(t); }

static int rk_add(rk_program_t *p, rk_op_t op, rk_class_t cls) {
  if (p->num_nodes == RK_MAX_NODES) return -1;
  rk_node_t *n = &p->nodes[p->num_nodes];
  memset(n, 0, sizeof(*n));
  n->op = op;
  n->cls = cls;
  return p->num_nodes++;
}

/* The class of a scalar op's result from its operands' classes. */
static rk_class_t rk_join(const rk_program_t *p, const int *args, int nargs) {
  bool outer = false, inner = false;
  for (int i = 0; i < nargs; ++i) {
    rk_class_t c = p->nodes[args[i]].cls;
    outer |= c == RK_ROW || c == RK_RSCALAR;
    inner |= c == RK_ROW || c == RK_COL;
  }
  return outer && inner ? RK_ROW : outer ? RK_RSCALAR : inner ? RK_COL : RK_SCALAR;
}

static int rk_arith(rk_program_t *p, const char *op, int a, int b) {
  if (a < 0 || (b < -1)) return -1;
  int args[2] = {a, b};
  int nargs = b >= 0 ? 2 : 1;
  int id = rk_add(p, RK_ARITH, rk_join(p, args, nargs));
  if (id < 0) return -1;
  p->nodes[id].arith = op;
  p->nodes[id].nargs = nargs;
  memcpy(p->nodes[id].args, args, sizeof(args));
  return id;
}

static int rk_reduce(rk_program_t *p, rk_combine_t c, int a) {
  if (a < 0 || p->nodes[a].cls != RK_ROW) return -1;
  int id = rk_add(p, RK_REDUCE, RK_RSCALAR);
  if (id < 0) return -1;
  p->nodes[id].combine = c;
  p->nodes[id].args[0] = a;
  p->nodes[id].nargs = 1;
  return id;
}

static int rk_const(rk_program_t *p, double v) {
  int id = rk_add(p, RK_CONST, RK_SCALAR);
  if (id >= 0) p->nodes[id].value = v;
  return id;
}

static int rk_count(rk_program_t *p) {
  for (int i = 0; i < p->num_nodes; ++i)
    if (p->nodes[i].op == RK_COUNT) return i;
  return rk_add(p, RK_COUNT, RK_SCALAR);
}

static int rk_node_of(const rk_program_t *p, MlirValue v) {
  for (int i = p->num_values - 1; i >= 0; --i)
    if (mlirValueEqual(p->values[i], v)) return p->value_node[i];
  return -1;
}

static bool rk_bind(rk_program_t *p, MlirValue v, int node) {
  if (node < 0 || p->num_values == RK_MAX_NODES) return false;
  p->values[p->num_values] = v;
  p->value_node[p->num_values++] = node;
  return true;
}

/* The trailing reduced dims [split, rank) of a reduction op over `rank` dims; false when the reduced
 * dims are not trailing. */
static bool rk_op_split(MlirOperation op, const dlc_op_info_t *info, int32_t rank, int32_t *split) {
  dlcrt_status_t st = NULL;
  if (info->kind == DLC_SOFTMAX || info->kind == DLC_LOG_SOFTMAX) {
    int32_t axis;
    st = dlc_axis_param(op, "axis", -1, rank, &axis);
    if (st || axis != rank - 1) goto fail;
    *split = axis;
    return true;
  }
  if (info->kind == DLC_LAYER_NORM) {
    int32_t axis;
    st = dlc_axis_param(op, "axis", -1, rank, &axis);
    if (st) goto fail;
    *split = axis;
    return true;
  }
  if (info->kind == DLC_REDUCE) {
    dlc_reduce_params_t rp;
    st = dlc_reduce_params(op, rank, &rp);
    if (st) goto fail;
    int32_t a = rank;
    while (a > 0 && rp.reduced[a - 1]) --a;
    for (int32_t d = 0; d < a; ++d)
      if (rp.reduced[d]) return false;
    if (a == rank) return false; /* nothing reduced */
    *split = a;
    return true;
  }
  return false;
fail:
  dlcrt_status_free(st);
  return false;
}

bool dlc_row_is_reduction(const dlc_op_info_t *info) {
  return info && (info->op_class == DLC_OPC_SOFTMAX || info->op_class == DLC_OPC_LAYER_NORM ||
                  info->op_class == DLC_OPC_REDUCE);
}

/* S and the split from the unit's reductions, which must all agree. */
static bool rk_find_shape(rk_program_t *p, const dlc_gpu_unit_t *unit) {
  for (int i = 0; i < unit->num_ops; ++i) {
    const dlc_op_info_t *info = dlc_op_info(unit->ops[i]);
    if (!dlc_row_is_reduction(info)) continue;
    dlc_shape_t s;
    int32_t split;
    if (!dlc_shape_from_type(mlirValueGetType(mlirOperationGetOperand(unit->ops[i], 0)), &s)) return false;
    if (s.rank == 0 || !rk_op_split(unit->ops[i], info, s.rank, &split)) return false;
    if (!p->have_shape) {
      p->full = s;
      p->split = split;
      p->have_shape = true;
      continue;
    }
    if (s.rank != p->full.rank || split != p->split) return false;
    for (int32_t d = 0; d < s.rank; ++d)
      if (!dims_equal(s.dims[d], p->full.dims[d])) return false;
  }
  return p->have_shape;
}

/* A splat f32 constant's value. */
static bool rk_splat_value(MlirOperation op, double *v) {
  MlirAttribute a = mlirOperationGetAttributeByName(op, dlc_sref("value"));
  if (mlirAttributeIsNull(a) || !mlirAttributeIsADenseElements(a) || !mlirDenseElementsAttrIsSplat(a)) return false;
  MlirAttribute e = mlirDenseElementsAttrGetSplatValue(a);
  if (!mlirAttributeIsAFloat(e)) return false;
  *v = mlirFloatAttrGetValueDouble(e);
  return true;
}

/* Adds the nodes computing `op` (whose operands are bound); false when the op is not handled. */
static bool rk_add_op(rk_program_t *p, MlirOperation op) {
  const dlc_op_info_t *info = dlc_op_info(op);
  if (!info || mlirOperationGetNumResults(op) != 1) return false;
  MlirValue res = mlirOperationGetResult(op, 0);
  dlc_shape_t rs;
  if (!dlc_shape_from_type(mlirValueGetType(res), &rs) || !rk_is_f32(rs.elem)) return false;
  int nin = (int)mlirOperationGetNumOperands(op);
  int args[3] = {-1, -1, -1};
  if (nin > 3) return false;
  for (int i = 0; i < nin; ++i) {
    MlirValue v = mlirOperationGetOperand(op, i);
    dlc_shape_t s;
    bool cond = info->op_class == DLC_OPC_WHERE && i == 0;
    if (!dlc_shape_from_type(mlirValueGetType(v), &s)) return false;
    if (cond ? !mlirTypeIsAInteger(s.elem) || mlirIntegerTypeGetWidth(s.elem) != 1 : !rk_is_f32(s.elem)) return false;
    if ((args[i] = rk_node_of(p, v)) < 0) return false;
    if (cond != (p->nodes[args[i]].op == RK_INPUT && p->nodes[args[i]].is_i1)) return false;
  }
  int cls = dlc_row_classify(p, &rs);
  switch (info->op_class) {
    case DLC_OPC_CONSTANT: {
      double v;
      return rk_splat_value(op, &v) && rk_bind(p, res, rk_const(p, v));
    }
    case DLC_OPC_UNARY: case DLC_OPC_BINARY: case DLC_OPC_WHERE: {
      /* Each operand's broadcast must be what its class says (right-aligned numpy rules); a gathered
       * input's broadcast is in its load index. */
      for (int i = 0; i < nin; ++i) {
        dlc_shape_t s;
        dlc_shape_from_type(mlirValueGetType(mlirOperationGetOperand(op, i)), &s);
        if (p->nodes[args[i]].gather) continue;
        if (dlc_row_classify(p, &s) != (int)p->nodes[args[i]].cls) return false;
      }
      rk_class_t c = rk_join(p, args, nin);
      if (cls != (int)c) return false;
      int id = rk_add(p, RK_DLC, c);
      if (id < 0) return false;
      p->nodes[id].dlc_op = op;
      p->nodes[id].nargs = nin;
      memcpy(p->nodes[id].args, args, sizeof(args));
      return rk_bind(p, res, id);
    }
    case DLC_OPC_RESHAPE: { /* a no-op on the flat buffer when the class stays */
      rk_class_t c = p->nodes[args[0]].cls;
      bool same = cls == (int)c || (c == RK_RSCALAR && dlc_row_is_outer(p, &rs)) || rk_flat_alias(p, c, &rs);
      return same && rk_bind(p, res, args[0]);
    }
    case DLC_OPC_SOFTMAX: {
      int x = args[0];
      if (p->nodes[x].cls != RK_ROW || cls != RK_ROW) return false;
      int m = rk_reduce(p, RK_MAX, x);
      int xm = rk_arith(p, "arith.subf", x, m);
      int e = rk_arith(p, "math.exp", xm, -1);
      int s = rk_reduce(p, RK_SUM, e);
      int y = info->kind == DLC_LOG_SOFTMAX ? rk_arith(p, "arith.subf", xm, rk_arith(p, "math.log", s, -1))
                                            : rk_arith(p, "arith.divf", e, s);
      return rk_bind(p, res, y);
    }
    case DLC_OPC_LAYER_NORM: {
      int x = args[0];
      double eps;
      dlcrt_status_t st = dlc_attr_f64(op, "epsilon", 1e-5, &eps);
      if (st) {
        dlcrt_status_free(st);
        return false;
      }
      if (!isfinite(eps) || p->nodes[x].cls != RK_ROW || cls != RK_ROW) return false;
      bool one_row = true; /* then a ROW value is indexed like a COL one */
      for (int32_t dd = 0; dd < p->split; ++dd) one_row &= p->full.dims[dd] == 1;
      for (int i = 1; i < 3; ++i) { /* scale and bias: one value per column (or one for all) */
        rk_class_t c = p->nodes[args[i]].cls;
        if (c != RK_COL && c != RK_SCALAR && !(c == RK_ROW && one_row)) return false;
      }
      int n = rk_count(p);
      int mean = rk_arith(p, "arith.divf", rk_reduce(p, RK_SUM, x), n);
      int d = rk_arith(p, "arith.subf", x, mean);
      int var = rk_arith(p, "arith.divf", rk_reduce(p, RK_SUM, rk_arith(p, "arith.mulf", d, d)), n);
      int sd = rk_arith(p, "math.sqrt", rk_arith(p, "arith.addf", var, rk_const(p, eps)), -1);
      int y = rk_arith(p, "arith.addf", rk_arith(p, "arith.mulf", rk_arith(p, "arith.divf", d, sd), args[1]), args[2]);
      return rk_bind(p, res, y);
    }
    case DLC_OPC_REDUCE: {
      dlc_reduce_params_t rp;
      dlcrt_status_t st = dlc_reduce_params(op, p->full.rank, &rp);
      if (st) {
        dlcrt_status_free(st);
        return false;
      }
      if (p->nodes[args[0]].cls != RK_ROW) return false;
      if (!(cls == RK_RSCALAR || dlc_row_is_outer(p, &rs))) return false;
      static const rk_combine_t combine[] = {[DLC_REDUCE_SUM] = RK_SUM, [DLC_REDUCE_MEAN] = RK_SUM,
                                             [DLC_REDUCE_MAX] = RK_MAX, [DLC_REDUCE_MIN] = RK_MIN,
                                             [DLC_REDUCE_PROD] = RK_PROD};
      int r = rk_reduce(p, combine[rp.kind], args[0]);
      if (rp.kind == DLC_REDUCE_MEAN) r = rk_arith(p, "arith.divf", r, rk_count(p));
      return rk_bind(p, res, r);
    }
    default: return false;
  }
}

bool dlc_row_program_build(rk_program_t *p, dlc_gpu_unit_t *unit) {
  if (!rk_find_shape(p, unit) || !rk_is_f32(p->full.elem)) return false;
  for (int i = 0; i < unit->num_inputs; ++i) {
    dlc_shape_t s;
    if (!dlc_gpu_input_shape(unit, i, &s)) return false;
    bool is_i1 = mlirTypeIsAInteger(s.elem) && mlirIntegerTypeGetWidth(s.elem) == 1;
    if (!rk_is_f32(s.elem) && !is_i1) return false;
    bool outer[DLCRT_MAX_RANK] = {false};
    int cls = dlc_row_classify(p, &s);
    bool gather = cls < 0;
    if (gather) cls = rk_gather_class(p, &s, outer);
    if (cls < 0) return false;
    int id = rk_add(p, RK_INPUT, (rk_class_t)cls);
    if (id < 0) return false;
    p->nodes[id].input = i;
    p->nodes[id].is_i1 = is_i1;
    p->nodes[id].gather = gather;
    memcpy(p->nodes[id].outer_match, outer, sizeof(outer));
    if (!rk_bind(p, unit->inputs[i], id)) return false;
  }
  for (int i = 0; i < unit->num_ops; ++i)
    if (!rk_add_op(p, unit->ops[i])) return false;
  if (unit->num_outputs == 0) return false;
  for (int i = 0; i < unit->num_outputs; ++i) {
    dlc_shape_t s;
    int n = rk_node_of(p, unit->outputs[i]);
    if (n < 0 || !dlc_gpu_output_shape(unit, i, &s)) return false;
    rk_class_t c = p->nodes[n].cls;
    if (c != RK_ROW && c != RK_RSCALAR) return false;
    bool fits = c == RK_ROW ? dlc_row_classify(p, &s) == RK_ROW : dlc_row_classify(p, &s) == RK_RSCALAR || dlc_row_is_outer(p, &s);
    if (!fits && !rk_flat_alias(p, c, &s)) return false;
    p->outputs[i] = n;
  }
  return true;
}

