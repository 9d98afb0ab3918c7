/* The cost model of the fusion passes (see include/dlc/cost_model.h): which dlc ops are elementwise,
 * metadata or row reductions, and what a set of ops costs as one kernel: bytes moved (external inputs
 * and outputs only: intermediates stay on chip), flops, and time = max(bytes / HBM bandwidth,
 * flops / peak) + one launch. Every fusion decision compares the fused estimate with the unfused one. */
#include <math.h>
#include <string.h>

#include "dlc/mlir_util.h"
#include "fusion.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

bool dlc_fusion_is_elementwise(MlirOperation op) {
  const dlc_op_info_t *info = dlc_op_info(op);
  if (!info) return false;
  switch (info->op_class) {
  case DLC_OPC_UNARY:
  case DLC_OPC_BINARY:
  case DLC_OPC_COMPARE:
  case DLC_OPC_CAST:
  case DLC_OPC_WHERE:
    return true;
  default:
    return false;
  }
}

bool dlc_fusion_is_unit_reshape(MlirOperation op) {
  if (!dlc_op_is(op, DLC_RESHAPE) || mlirOperationGetNumOperands(op) != 1) return false;
  dlc_shape_t in, out;
  if (!dlc_shape_from_type(mlirValueGetType(mlirOperationGetOperand(op, 0)), &in) ||
      !dlc_shape_from_type(mlirValueGetType(mlirOperationGetResult(op, 0)), &out))
    return false;
  /* The non-unit dims must be the same sequence. */
  int i = 0, j = 0;
  for (;;) {
    while (i < in.rank && in.dims[i] == 1) ++i;
    while (j < out.rank && out.dims[j] == 1) ++j;
    if (i == in.rank || j == out.rank) return i == in.rank && j == out.rank;
    if (in.dims[i] != out.dims[j] || in.dims[i] == DLC_DYN) return false;
    ++i;
    ++j;
  }
}

bool dlc_fusion_is_free(MlirOperation op) {
  return dlc_op_is(op, DLC_CONSTANT) || dlc_op_is(op, DLC_DIM) || dlc_op_is(op, DLC_RESHAPE);
}

bool dlc_fusion_is_row_reduction(MlirOperation op, int32_t *trailing) {
  dlc_shape_t in;
  if (!dlc_op_info(op) || mlirOperationGetNumOperands(op) < 1 ||
      !dlc_shape_from_type(mlirValueGetType(mlirOperationGetOperand(op, 0)), &in) || in.rank == 0)
    return false;
  if (dlc_op_is(op, DLC_SOFTMAX) || dlc_op_is(op, DLC_LOG_SOFTMAX) || dlc_op_is(op, DLC_LAYER_NORM)) {
    int64_t axis = -1;
    dlcrt_status_t st = dlc_attr_i64(op, "axis", -1, &axis);
    if (st) {
      dlcrt_status_free(st);
      return false;
    }
    if (axis < 0) axis += in.rank;
    if (axis < 0 || axis >= in.rank) return false;
    if (!dlc_op_is(op, DLC_LAYER_NORM) && axis != in.rank - 1) return false;
    *trailing = (int32_t)(in.rank - axis);
    return true;
  }
  if (!dlc_op_is(op, DLC_REDUCE)) return false;
  int64_t axes[DLCRT_MAX_RANK];
  int32_t count = 0;
  dlcrt_status_t st = dlc_attr_i64_array(op, "axes", axes, DLCRT_MAX_RANK, &count);
  if (st) {
    dlcrt_status_free(st);
    return false;
  }
  if (count <= 0) return false;
  bool seen[DLCRT_MAX_RANK] = {false};
  for (int32_t i = 0; i < count; ++i) {
    int64_t a = axes[i] < 0 ? axes[i] + in.rank : axes[i];
    if (a < 0 || a >= in.rank) return false;
    seen[a] = true;
  }
  /* The reduced axes must be exactly the last `count` axes. */
  for (int32_t a = 0; a < in.rank; ++a)
    if (seen[a] != (a >= in.rank - count)) return false;
  *trailing = count;
  return true;
}

bool dlc_fusion_is_small_constant(MlirOperation op, int64_t max_elems) {
  if (!dlc_op_is(op, DLC_CONSTANT)) return false;
  dlc_shape_t s;
  if (!dlc_shape_from_type(mlirValueGetType(mlirOperationGetResult(op, 0)), &s) || !dlc_shape_is_static(&s)) return false;
  int64_t n = 1;
  for (int32_t i = 0; i < s.rank; ++i) n *= s.dims[i];
  return n <= max_elems;
}

double dlc_fusion_value_elems(MlirValue v) {
  dlc_shape_t s;
  if (!dlc_shape_from_type(mlirValueGetType(v), &s)) return 1;
  double n = 1;
  for (int32_t i = 0; i < s.rank; ++i) n *= s.dims[i] == DLC_DYN ? (double)dlc_fusion_settings()->target.dynamic_dim : (double)s.dims[i];
  return n;
}

int64_t dlc_fusion_elem_bytes(MlirValue v) {
  MlirType t = mlirValueGetType(v);
  if (!mlirTypeIsAShaped(t)) return 8;
  MlirType e = mlirShapedTypeGetElementType(t);
  if (mlirTypeIsAInteger(e)) {
    unsigned w = mlirIntegerTypeGetWidth(e);
    return w <= 8 ? 1 : (int64_t)(w / 8);
  }
  if (mlirTypeIsAF16(e) || mlirTypeIsABF16(e)) return 2;
  if (mlirTypeIsAF64(e)) return 8;
  return 4;
}

double dlc_fusion_value_bytes(MlirValue v) { return dlc_fusion_value_elems(v) * (double)dlc_fusion_elem_bytes(v); }

static double dlc_dim_or_dyn(int64_t d) { return d == DLC_DYN ? (double)dlc_fusion_settings()->target.dynamic_dim : (double)d; }

double dlc_fusion_op_flops(MlirOperation op) {
  const dlc_op_info_t *info = dlc_op_info(op);
  if (!info || mlirOperationGetNumResults(op) < 1) return 0;
  MlirValue res = mlirOperationGetResult(op, 0);
  double out = dlc_fusion_value_elems(res);
  switch (info->kind) {
  case DLC_GELU: case DLC_SILU: case DLC_SIGMOID: case DLC_TANH: case DLC_EXP: case DLC_LOG: case DLC_SQRT:
  case DLC_RSQRT: case DLC_ERF: case DLC_SIN: case DLC_COS: case DLC_SOFTPLUS: case DLC_POW: case DLC_DIV:
    return 8 * out; /* special-function or multi-instruction sequences */
  case DLC_SOFTMAX: case DLC_LOG_SOFTMAX:
    return 12 * out;
  case DLC_LAYER_NORM:
    return 10 * out;
  case DLC_REDUCE:
    return dlc_fusion_value_elems(mlirOperationGetOperand(op, 0));
  case DLC_MATMUL: {
    /* 2 * (batch * M * N) * K; K from lhs (its last dim, or second to last with transpose_a). */
    dlc_shape_t a;
    if (!dlc_shape_from_type(mlirValueGetType(mlirOperationGetOperand(op, 0)), &a) || a.rank < 1) return 2 * out;
    bool ta = false;
    dlcrt_status_t st = dlc_attr_bool(op, "transpose_a", false, &ta);
    if (st) dlcrt_status_free(st);
    int64_t k = a.rank == 1 ? a.dims[0] : (ta ? a.dims[a.rank - 2] : a.dims[a.rank - 1]);
    return 2 * out * dlc_dim_or_dyn(k);
  }
  case DLC_CONV2D: {
    dlc_shape_t w;
    if (!dlc_shape_from_type(mlirValueGetType(mlirOperationGetOperand(op, 1)), &w) || w.rank != 4) return 2 * out;
    return 2 * out * dlc_dim_or_dyn(w.dims[1]) * dlc_dim_or_dyn(w.dims[2]) * dlc_dim_or_dyn(w.dims[3]);
  }
  case DLC_CONSTANT: case DLC_DIM: case DLC_RESHAPE: case DLC_TRANSPOSE: case DLC_SLICE: case DLC_CONCAT:
  case DLC_GATHER: case DLC_FILL: case DLC_EXPAND: case DLC_TILE: case DLC_PAD:
    return 0;
  default:
    return out;
  }
}

double dlc_fusion_op_peak(MlirOperation op) {
  const dlc_target_t *t = &dlc_fusion_settings()->target;
  if ((dlc_op_is(op, DLC_MATMUL) || dlc_op_is(op, DLC_CONV2D)) && mlirOperationGetNumOperands(op) > 0) {
    int64_t eb = dlc_fusion_elem_bytes(mlirOperationGetOperand(op, 0));
    if (eb == 2) return t->fp16_flops;
  }
  return t->fp32_flops;
}

static bool dlc_in_set(const MlirOperation *ops, int n, MlirOperation op) {
  for (int i = 0; i < n; ++i)
    if (mlirOperationEqual(ops[i], op)) return true;
  return false;
}

static bool dlc_value_seen(const MlirValue *vals, int n, MlirValue v) {
  for (int i = 0; i < n; ++i)
    if (mlirValueEqual(vals[i], v)) return true;
  return false;
}

dlc_cost_t dlc_fusion_cost(const MlirOperation *ops, int n) {
  const dlc_target_t *t = &dlc_fusion_settings()->target;
  dlc_cost_t c = {0, 0, 0, 0};
  MlirValue seen[512];
  int nseen = 0;
  double compute_us = 0;
  bool any_kernel = false;
  for (int i = 0; i < n; ++i) {
    MlirOperation op = ops[i];
    if (!dlc_fusion_is_free(op)) any_kernel = true;
    double f = dlc_fusion_op_flops(op);
    c.flops += f;
    compute_us += f / dlc_fusion_op_peak(op) * 1e6;
    /* Inputs from outside, each read once. */
    intptr_t nin = mlirOperationGetNumOperands(op);
    for (intptr_t k = 0; k < nin; ++k) {
      MlirValue v = mlirOperationGetOperand(op, k);
      if (mlirValueIsAOpResult(v)) {
        MlirOperation def = mlirOpResultGetOwner(v);
        if (dlc_in_set(ops, n, def)) continue;
        if (dlc_fusion_is_small_constant(def, 16)) continue;
      }
      if (dlc_value_seen(seen, nseen, v)) continue;
      if (nseen < (int)(sizeof(seen) / sizeof(seen[0]))) seen[nseen++] = v;
      c.bytes += dlc_fusion_value_bytes(v);
    }
    /* Results with a user outside the set (or none at all: a returned value is used by func.return). */
    intptr_t nout = mlirOperationGetNumResults(op);
    for (intptr_t k = 0; k < nout; ++k) {
      MlirValue r = mlirOperationGetResult(op, k);
      bool outside = false;
      for (MlirOpOperand u = mlirValueGetFirstUse(r); !mlirOpOperandIsNull(u); u = mlirOpOperandGetNextUse(u))
        if (!dlc_in_set(ops, n, mlirOpOperandGetOwner(u))) outside = true;
      if (outside) c.bytes += dlc_fusion_value_bytes(r);
    }
  }
  if (!any_kernel) {
    c.bytes = 0;
    return c;
  }
  c.kernels = 1;
  double mem_us = c.bytes / t->hbm_bytes_per_s * 1e6;
  c.us = (mem_us > compute_us ? mem_us : compute_us) + t->launch_us;
  return c;
}

dlc_cost_t dlc_fusion_cost_unfused(const MlirOperation *ops, int n) {
  dlc_cost_t total = {0, 0, 0, 0};
  for (int i = 0; i < n; ++i) {
    if (dlc_fusion_is_free(ops[i])) continue;
    dlc_cost_t c = dlc_fusion_cost(&ops[i], 1);
    total.bytes += c.bytes;
    total.flops += c.flops;
    total.us += c.us;
    total.kernels += c.kernels;
  }
  return total;
}
