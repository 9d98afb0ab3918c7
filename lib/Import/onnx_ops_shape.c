/* ONNX shape and data-movement ops. Shape computations (Shape, Size, Gather/Slice/Concat/Unsqueeze/
 * Squeeze/Reshape on shape vectors, Constant, ConstantOfShape, Range) fold into known values or stay
 * symbolic (see onnx_symbolic.c); tensors go through dlc ops (reshape with runtime dims, transpose,
 * slice, concat chains, gather, expand, tile, pad, trilu, fill). */
#include <stdint.h>
#include <string.h>

#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "onnx_ops.h"

static MlirType i64_type(const dlc_onnx_node_t *node) { return mlirIntegerTypeGet(dlc_onnx_context(node), 64); }

static void sym_init(dlc_onnx_value_t *s, int32_t rank, dlcrt_dtype_t dtype) {
  memset(s, 0, sizeof(*s));
  s->is_sym = true;
  s->sym_rank = rank;
  s->sym_dtype = dtype;
}

/* ---- reshaping with dynamic dims ---- */

/* Reshapes x to `dims` (DLC_DYN where the size is runtime[d]). With one dynamic dim the reshape
 * infers it from the element count; with several, their runtime sizes become operands. */
static dlcrt_status_t reshape_to(const dlc_onnx_node_t *node, MlirValue x, int32_t rank, const int64_t *dims,
                                 const MlirValue *runtime, MlirValue *out) {
  dlc_shape_t s = {.rank = rank};
  int dyn = 0;
  for (int32_t d = 0; d < rank; ++d) {
    s.dims[d] = dims[d];
    dyn += dims[d] == DLC_DYN;
  }
  return dlc_onnx_reshape(node, x, &s, dyn > 1 ? runtime : NULL, out);
}

/* The dims of x, with runtime sizes for the dynamic ones (created only when `need_runtime`). */
static dlcrt_status_t dims_of(const dlc_onnx_node_t *node, MlirValue x, bool need_runtime, dlc_shape_t *s,
                              MlirValue *runtime) {
  dlc_shape_from_type(mlirValueGetType(x), s);
  for (int32_t d = 0; d < s->rank; ++d) {
    runtime[d] = (MlirValue){NULL};
    if (s->dims[d] == DLC_DYN && need_runtime) DLCRT_RETURN_IF_ERROR(dlc_onnx_dim(node, x, d, &runtime[d]));
  }
  return NULL;
}

static int count_dynamic(const dlc_shape_t *s) {
  int n = 0;
  for (int32_t d = 0; d < s->rank; ++d) n += s->dims[d] == DLC_DYN;
  return n;
}

dlcrt_status_t dlc_onnx_unsqueeze(const dlc_onnx_node_t *node, MlirValue x, const int32_t *axes, int n, MlirValue *out) {
  dlc_shape_t s;
  MlirValue rt[DLCRT_MAX_RANK];
  dlc_shape_from_type(mlirValueGetType(x), &s);
  DLCRT_RETURN_IF_ERROR(dims_of(node, x, count_dynamic(&s) > 1, &s, rt));
  int32_t out_rank = s.rank + n;
  if (out_rank > DLCRT_MAX_RANK) return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "rank above %d", DLCRT_MAX_RANK);
  bool unit[DLCRT_MAX_RANK] = {false};
  for (int i = 0; i < n; ++i) {
    int32_t a;
    DLCRT_RETURN_IF_ERROR(dlc_onnx_norm_axis(node, axes[i], out_rank, &a));
    unit[a] = true;
  }
  int64_t dims[DLCRT_MAX_RANK];
  MlirValue runtime[DLCRT_MAX_RANK];
  for (int32_t d = 0, j = 0; d < out_rank; ++d) {
    dims[d] = unit[d] ? 1 : s.dims[j];
    runtime[d] = unit[d] ? (MlirValue){NULL} : rt[j];
    j += !unit[d];
  }
  return reshape_to(node, x, out_rank, dims, runtime, out);
}

dlcrt_status_t dlc_onnx_squeeze(const dlc_onnx_node_t *node, MlirValue x, const int32_t *axes, int n, MlirValue *out) {
  dlc_shape_t s;
  MlirValue rt[DLCRT_MAX_RANK];
  dlc_shape_from_type(mlirValueGetType(x), &s);
  DLCRT_RETURN_IF_ERROR(dims_of(node, x, count_dynamic(&s) > 1, &s, rt));
  bool drop[DLCRT_MAX_RANK] = {false};
  for (int i = 0; i < n; ++i) {
    int32_t a;
    DLCRT_RETURN_IF_ERROR(dlc_onnx_norm_axis(node, axes[i], s.rank, &a));
    if (s.dims[a] != 1 && s.dims[a] != DLC_DYN)
      return dlc_onnx_node_error(node, DLCRT_STATUS_INVALID_ARGUMENT, "cannot squeeze dim %d of size %lld", (int)a,
                                 (long long)s.dims[a]);
    drop[a] = true;
  }
  if (n == 0)
    for (int32_t d = 0; d < s.rank; ++d) drop[d] = s.dims[d] == 1;
  int64_t dims[DLCRT_MAX_RANK];
  MlirValue runtime[DLCRT_MAX_RANK];
  int32_t r = 0;
  for (int32_t d = 0; d < s.rank; ++d) {
    if (drop[d]) continue;
    dims[r] = s.dims[d];
    runtime[r++] = rt[d];
  }
  return reshape_to(node, x, r, dims, runtime, out);
}

/* Axes from the attribute (opset < 13) or the second input (opset >= 13). */
static dlcrt_status_t read_axes(const dlc_onnx_node_t *node, int64_t *axes, int32_t *n) {
  if (dlc_onnx_has_input(node, 1)) return dlc_onnx_input_ints(node, 1, "axes", axes, DLCRT_MAX_RANK, n);
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_ints(node, "axes", axes, DLCRT_MAX_RANK, n));
  if (*n < 0) *n = 0;
  return NULL;
}

static dlcrt_status_t build_squeeze_like(const dlc_onnx_node_t *node) {
  bool unsqueeze = strcmp(node->proto->op_type, "Unsqueeze") == 0;
  int64_t axes64[DLCRT_MAX_RANK];
  int32_t n, axes[DLCRT_MAX_RANK];
  DLCRT_RETURN_IF_ERROR(read_axes(node, axes64, &n));
  for (int32_t i = 0; i < n; ++i) axes[i] = (int32_t)axes64[i];
  dlc_onnx_value_t sym;
  if (dlc_onnx_input_sym(node, 0, &sym) && n == 1 && (axes[0] == 0 || axes[0] == -1) &&
      sym.sym_rank == (unsqueeze ? 0 : 1) && sym.sym_len == 1) { /* scalar <-> [1] on shape values */
    sym.sym_rank = unsqueeze ? 1 : 0;
    return dlc_onnx_set_output_sym(node, 0, &sym);
  }
  MlirValue x, y;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  DLCRT_RETURN_IF_ERROR(unsqueeze ? dlc_onnx_unsqueeze(node, x, axes, n, &y) : dlc_onnx_squeeze(node, x, axes, n, &y));
  return dlc_onnx_set_output(node, 0, y);
}

/* ---- Reshape, Flatten ---- */

static dlcrt_status_t runtime_product(const dlc_onnx_node_t *node, const dlc_shape_t *s, const MlirValue *rt,
                                      int32_t from, int32_t to, MlirValue *out) {
  int64_t known = 1;
  MlirValue acc = {NULL};
  for (int32_t d = from; d < to; ++d) {
    if (s->dims[d] != DLC_DYN) {
      known *= s->dims[d];
      continue;
    }
    if (mlirValueIsNull(acc)) acc = rt[d];
    else DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "mul", acc, rt[d], &acc));
  }
  MlirValue k;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_scalar_const(node, i64_type(node), (double)known, &k));
  if (mlirValueIsNull(acc)) {
    *out = k;
    return NULL;
  }
  return known == 1 ? (*out = acc, NULL) : dlc_onnx_binary(node, "mul", acc, k, out);
}

static dlcrt_status_t build_reshape(const dlc_onnx_node_t *node) {
  dlc_onnx_value_t target, xsym;
  if (!dlc_onnx_input_sym(node, 1, &target))
    return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "the target shape must be computable at compile time");
  int64_t allowzero;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "allowzero", 0, &allowzero));
  if (dlc_onnx_input_sym(node, 0, &xsym) && target.sym_len <= 1) { /* reshaping a shape value */
    xsym.sym_rank = target.sym_len == 0 ? 0 : 1;
    return dlc_onnx_set_output_sym(node, 0, &xsym);
  }
  MlirValue x, y, rt[DLCRT_MAX_RANK], runtime[DLCRT_MAX_RANK];
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  dlc_shape_t s;
  DLCRT_RETURN_IF_ERROR(dims_of(node, x, true, &s, rt));
  int64_t dims[DLCRT_MAX_RANK];
  int32_t infer = -1;
  int dyn = 0;
  for (int32_t k = 0; k < target.sym_len; ++k) {
    runtime[k] = target.sym_runtime[k];
    int64_t v = target.sym_known[k];
    if (!mlirValueIsNull(runtime[k])) {
      dims[k] = DLC_DYN;
    } else if (v == 0 && !allowzero) {
      if (k >= s.rank) return dlc_onnx_node_error(node, DLCRT_STATUS_INVALID_ARGUMENT, "shape[%d] = 0 copies a missing dim", (int)k);
      dims[k] = s.dims[k];
      runtime[k] = rt[k];
    } else if (v == -1) {
      if (infer >= 0) return dlc_onnx_node_error(node, DLCRT_STATUS_INVALID_ARGUMENT, "more than one -1 in the shape");
      infer = k;
      dims[k] = DLC_DYN;
    } else if (v < -1) {
      return dlc_onnx_node_error(node, DLCRT_STATUS_INVALID_ARGUMENT, "shape[%d] = %lld is invalid", (int)k, (long long)v);
    } else {
      dims[k] = v;
    }
    dyn += dims[k] == DLC_DYN;
  }
  if (infer >= 0 && !count_dynamic(&s)) { /* static input: resolve -1 now */
    int64_t total = 1, others = 1;
    for (int32_t d = 0; d < s.rank; ++d) total *= s.dims[d];
    for (int32_t k = 0; k < target.sym_len; ++k) others *= k == infer || dims[k] == DLC_DYN ? 1 : dims[k];
    if (dyn == 1 && others > 0) dims[infer] = total / others, --dyn;
  }
  if (infer >= 0 && dims[infer] == DLC_DYN && dyn > 1) { /* -1 among other runtime dims: compute it */
    MlirValue total, others;
    dlc_shape_t t = {.rank = target.sym_len};
    memcpy(t.dims, dims, sizeof(int64_t) * (size_t)t.rank);
    t.dims[infer] = 1;
    DLCRT_RETURN_IF_ERROR(runtime_product(node, &s, rt, 0, s.rank, &total));
    DLCRT_RETURN_IF_ERROR(runtime_product(node, &t, runtime, 0, t.rank, &others));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_binary(node, "div", total, others, &runtime[infer]));
  }
  DLCRT_RETURN_IF_ERROR(reshape_to(node, x, target.sym_len, dims, runtime, &y));
  return dlc_onnx_set_output(node, 0, y);
}

static dlcrt_status_t build_flatten(const dlc_onnx_node_t *node) {
  MlirValue x, y, rt[DLCRT_MAX_RANK], runtime[2];
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  dlc_shape_t s;
  DLCRT_RETURN_IF_ERROR(dims_of(node, x, true, &s, rt));
  int64_t axis_attr;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "axis", 1, &axis_attr));
  int32_t axis = (int32_t)(axis_attr < 0 ? axis_attr + s.rank : axis_attr);
  if (axis < 0 || axis > s.rank) return dlc_onnx_node_error(node, DLCRT_STATUS_INVALID_ARGUMENT, "axis out of range");
  int64_t dims[2] = {1, 1};
  for (int32_t d = 0; d < s.rank; ++d) {
    int64_t *part = &dims[d < axis ? 0 : 1];
    *part = (*part == DLC_DYN || s.dims[d] == DLC_DYN) ? DLC_DYN : *part * s.dims[d];
  }
  DLCRT_RETURN_IF_ERROR(runtime_product(node, &s, rt, 0, axis, &runtime[0]));
  DLCRT_RETURN_IF_ERROR(runtime_product(node, &s, rt, axis, s.rank, &runtime[1]));
  DLCRT_RETURN_IF_ERROR(reshape_to(node, x, 2, dims, runtime, &y));
  return dlc_onnx_set_output(node, 0, y);
}

/* ---- Shape, Size, Identity ---- */

static dlcrt_status_t build_shape(const dlc_onnx_node_t *node) {
  dlc_shape_t s;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input_shape(node, 0, &s));
  int64_t start, end;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "start", 0, &start));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "end", s.rank, &end));
  if (start < 0) start += s.rank;
  if (end < 0) end += s.rank;
  start = start < 0 ? 0 : start > s.rank ? s.rank : start;
  end = end < start ? start : end > s.rank ? s.rank : end;
  dlc_onnx_value_t sym;
  sym_init(&sym, 1, DLCRT_DTYPE_I64);
  MlirValue x = {NULL};
  for (int64_t d = start; d < end; ++d) {
    if (s.dims[d] != DLC_DYN) {
      sym.sym_known[sym.sym_len++] = s.dims[d];
      continue;
    }
    if (mlirValueIsNull(x)) DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_dim(node, x, (int32_t)d, &sym.sym_runtime[sym.sym_len++]));
  }
  return dlc_onnx_set_output_sym(node, 0, &sym);
}

static dlcrt_status_t build_size(const dlc_onnx_node_t *node) {
  MlirValue x, rt[DLCRT_MAX_RANK];
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  dlc_shape_t s;
  DLCRT_RETURN_IF_ERROR(dims_of(node, x, true, &s, rt));
  dlc_onnx_value_t sym;
  sym_init(&sym, 0, DLCRT_DTYPE_I64);
  sym.sym_len = 1;
  if (!count_dynamic(&s)) {
    sym.sym_known[0] = 1;
    for (int32_t d = 0; d < s.rank; ++d) sym.sym_known[0] *= s.dims[d];
  } else {
    DLCRT_RETURN_IF_ERROR(runtime_product(node, &s, rt, 0, s.rank, &sym.sym_runtime[0]));
  }
  return dlc_onnx_set_output_sym(node, 0, &sym);
}

static dlcrt_status_t build_identity(const dlc_onnx_node_t *node) {
  if (strcmp(node->proto->op_type, "Dropout") == 0) { /* inference (or ratio 0): identity */
    double training = 0, ratio = -1;
    bool zero_ratio = dlc_onnx_try_input_scalar(node, 1, &ratio) && ratio == 0;
    if (zero_ratio) training = 0;
    else if (dlc_onnx_has_input(node, 2) && !dlc_onnx_try_input_scalar(node, 2, &training))
      return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "a runtime training_mode is not supported");
    if (training != 0) return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "training-mode Dropout is not supported");
    if (dlc_onnx_num_outputs(node) > 1 && node->proto->output[1][0])
      return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "the mask output of Dropout is not supported");
  }
  dlc_onnx_value_t *v, sym;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input_info(node, 0, &v));
  if (mlirValueIsNull(v->value) && dlc_onnx_input_sym(node, 0, &sym)) return dlc_onnx_set_output_sym(node, 0, &sym);
  MlirValue x;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  return dlc_onnx_set_output(node, 0, x);
}

/* ---- Gather, Concat, Transpose, Slice, Split ---- */

static dlcrt_status_t build_gather(const dlc_onnx_node_t *node) {
  int64_t axis_attr, idx[DLC_SYM_MAX];
  int32_t n;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "axis", 0, &axis_attr));
  dlc_onnx_value_t data, indices;
  if (axis_attr == 0 && dlc_onnx_input_sym(node, 0, &data) && data.sym_rank == 1 && dlc_onnx_input_sym(node, 1, &indices) &&
      dlc_onnx_input_ints(node, 1, "indices", idx, DLC_SYM_MAX, &n) == NULL) {
    dlc_onnx_value_t r;
    sym_init(&r, indices.sym_rank, data.sym_dtype);
    for (int32_t k = 0; k < n; ++k) {
      int64_t i = idx[k] < 0 ? idx[k] + data.sym_len : idx[k];
      if (i < 0 || i >= data.sym_len)
        return dlc_onnx_node_error(node, DLCRT_STATUS_INVALID_ARGUMENT, "index %lld is out of range", (long long)idx[k]);
      r.sym_known[k] = data.sym_known[i];
      r.sym_runtime[k] = data.sym_runtime[i];
    }
    r.sym_len = n;
    return dlc_onnx_set_output_sym(node, 0, &r);
  }
  MlirValue operands[2], y;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &operands[0]));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 1, &operands[1]));
  dlc_onnx_attr_kv_t kv = {"axis", dlc_onnx_i64_attr(node, axis_attr)};
  DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "gather", operands, 2, &kv, 1, (MlirType){NULL}, &y));
  return dlc_onnx_set_output(node, 0, y);
}

static dlcrt_status_t build_concat(const dlc_onnx_node_t *node) {
  int64_t axis;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "axis", 0, &axis));
  int n = dlc_onnx_num_inputs(node);
  dlc_onnx_value_t r, part;
  sym_init(&r, 1, DLCRT_DTYPE_I64);
  bool symbolic = axis == 0 || axis == -1;
  for (int i = 0; i < n && symbolic; ++i) {
    symbolic = dlc_onnx_input_sym(node, i, &part) && part.sym_rank == 1 && r.sym_len + part.sym_len <= DLC_SYM_MAX;
    if (!symbolic) break;
    r.sym_dtype = part.sym_dtype;
    memcpy(&r.sym_known[r.sym_len], part.sym_known, sizeof(int64_t) * (size_t)part.sym_len);
    memcpy(&r.sym_runtime[r.sym_len], part.sym_runtime, sizeof(MlirValue) * (size_t)part.sym_len);
    r.sym_len += part.sym_len;
  }
  if (symbolic && n > 0) return dlc_onnx_set_output_sym(node, 0, &r);
  MlirValue acc, next;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &acc));
  dlc_onnx_attr_kv_t kv = {"axis", dlc_onnx_i64_attr(node, axis)};
  for (int i = 1; i < n; ++i) { /* n-ary concat as a chain of binary ones */
    DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, i, &next));
    MlirValue operands[2] = {acc, next};
    DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "concat", operands, 2, &kv, 1, (MlirType){NULL}, &acc));
  }
  return dlc_onnx_set_output(node, 0, acc);
}

static dlcrt_status_t build_transpose(const dlc_onnx_node_t *node) {
  MlirValue x, y;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  int32_t r = (int32_t)mlirShapedTypeGetRank(mlirValueGetType(x)), n;
  int64_t perm[DLCRT_MAX_RANK];
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_ints(node, "perm", perm, DLCRT_MAX_RANK, &n));
  if (n < 0)
    for (int32_t d = 0; d < r; ++d) perm[d] = r - 1 - d;
  dlc_onnx_attr_kv_t kv = {"perm", dlc_onnx_i64_array_attr(node, perm, r)};
  DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "transpose", &x, 1, &kv, 1, (MlirType){NULL}, &y));
  return dlc_onnx_set_output(node, 0, y);
}

/* dlc.slice of x with full per-dim starts/ends/steps. */
static dlcrt_status_t slice_full(const dlc_onnx_node_t *node, MlirValue x, const int64_t *starts, const int64_t *ends,
                                 const int64_t *steps, int32_t rank, MlirValue *out) {
  dlc_onnx_attr_kv_t kv[3] = {{"starts", dlc_onnx_i64_array_attr(node, starts, rank)},
                              {"ends", dlc_onnx_i64_array_attr(node, ends, rank)},
                              {"steps", dlc_onnx_i64_array_attr(node, steps, rank)}};
  return dlc_onnx_build(node, "slice", &x, 1, kv, 3, (MlirType){NULL}, out);
}

static dlcrt_status_t build_slice(const dlc_onnx_node_t *node) {
  int64_t st[DLCRT_MAX_RANK], en[DLCRT_MAX_RANK], ax[DLCRT_MAX_RANK], sp[DLCRT_MAX_RANK];
  int32_t ns, ne, na = -1, np = -1;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input_ints(node, 1, "starts", st, DLCRT_MAX_RANK, &ns));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input_ints(node, 2, "ends", en, DLCRT_MAX_RANK, &ne));
  if (dlc_onnx_has_input(node, 3)) DLCRT_RETURN_IF_ERROR(dlc_onnx_input_ints(node, 3, "axes", ax, DLCRT_MAX_RANK, &na));
  if (dlc_onnx_has_input(node, 4)) DLCRT_RETURN_IF_ERROR(dlc_onnx_input_ints(node, 4, "steps", sp, DLCRT_MAX_RANK, &np));
  if (ne != ns || (na >= 0 && na != ns) || (np >= 0 && np != ns))
    return dlc_onnx_node_error(node, DLCRT_STATUS_INVALID_ARGUMENT, "starts, ends, axes and steps differ in length");
  dlc_shape_t s;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input_shape(node, 0, &s));
  int64_t starts[DLCRT_MAX_RANK], ends[DLCRT_MAX_RANK], steps[DLCRT_MAX_RANK];
  for (int32_t d = 0; d < s.rank; ++d) starts[d] = 0, ends[d] = INT64_MAX, steps[d] = 1;
  for (int32_t i = 0; i < ns; ++i) {
    int32_t a;
    DLCRT_RETURN_IF_ERROR(dlc_onnx_norm_axis(node, na >= 0 ? ax[i] : i, s.rank, &a));
    starts[a] = st[i], ends[a] = en[i], steps[a] = np >= 0 ? sp[i] : 1;
    if (steps[a] <= 0) return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "negative or zero steps are not supported");
  }
  dlc_onnx_value_t sym;
  if (s.rank == 1 && dlc_onnx_input_sym(node, 0, &sym) && sym.sym_rank == 1) { /* slicing a shape value */
    dlc_onnx_value_t r;
    sym_init(&r, 1, sym.sym_dtype);
    int64_t lo = starts[0] < 0 ? starts[0] + sym.sym_len : starts[0], hi = ends[0] < 0 ? ends[0] + sym.sym_len : ends[0];
    lo = lo < 0 ? 0 : lo > sym.sym_len ? sym.sym_len : lo;
    hi = hi < 0 ? 0 : hi > sym.sym_len ? sym.sym_len : hi;
    for (int64_t k = lo; k < hi; k += steps[0]) {
      r.sym_known[r.sym_len] = sym.sym_known[k];
      r.sym_runtime[r.sym_len++] = sym.sym_runtime[k];
    }
    return dlc_onnx_set_output_sym(node, 0, &r);
  }
  MlirValue x, y;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  DLCRT_RETURN_IF_ERROR(slice_full(node, x, starts, ends, steps, s.rank, &y));
  return dlc_onnx_set_output(node, 0, y);
}

static dlcrt_status_t build_split(const dlc_onnx_node_t *node) {
  MlirValue x, y;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  dlc_shape_t s;
  dlc_shape_from_type(mlirValueGetType(x), &s);
  int64_t axis_attr, sizes[64];
  int32_t axis, n = -1, outs = dlc_onnx_num_outputs(node);
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "axis", 0, &axis_attr));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_norm_axis(node, axis_attr, s.rank, &axis));
  if (dlc_onnx_has_input(node, 1)) DLCRT_RETURN_IF_ERROR(dlc_onnx_input_ints(node, 1, "split", sizes, 64, &n));
  else DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_ints(node, "split", sizes, 64, &n));
  if (n < 0) { /* equal parts */
    if (s.dims[axis] == DLC_DYN)
      return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "an equal split of a dynamic dim is not supported");
    if (outs > 64 || outs < 1) return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "bad number of outputs");
    n = outs;
    for (int32_t i = 0; i < n; ++i) sizes[i] = (s.dims[axis] + n - 1) / n;
    sizes[n - 1] = s.dims[axis] - sizes[0] * (n - 1);
  }
  if (n != outs) return dlc_onnx_node_error(node, DLCRT_STATUS_INVALID_ARGUMENT, "%d split sizes for %d outputs", (int)n, (int)outs);
  int64_t starts[DLCRT_MAX_RANK], ends[DLCRT_MAX_RANK], steps[DLCRT_MAX_RANK];
  for (int32_t d = 0; d < s.rank; ++d) starts[d] = 0, ends[d] = INT64_MAX, steps[d] = 1;
  int64_t offset = 0;
  for (int32_t i = 0; i < n; ++i) {
    starts[axis] = offset;
    ends[axis] = offset + sizes[i];
    offset += sizes[i];
    DLCRT_RETURN_IF_ERROR(slice_full(node, x, starts, ends, steps, s.rank, &y));
    DLCRT_RETURN_IF_ERROR(dlc_onnx_set_output(node, i, y));
  }
  return NULL;
}

/* ---- constants ---- */

static dlcrt_status_t build_constant(const dlc_onnx_node_t *node) {
  dlcrt_tensor_t t;
  const Onnx__AttributeProto *a;
  if ((a = dlc_onnx_attr(node, "value")) != NULL) {
    DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_tensor(node, "value", &t));
  } else if ((a = dlc_onnx_attr(node, "value_float")) != NULL || (a = dlc_onnx_attr(node, "value_int")) != NULL) {
    bool is_float = strcmp(a->name, "value_float") == 0;
    DLCRT_RETURN_IF_ERROR(dlcrt_tensor_create(dlcrt_allocator_system(), is_float ? DLCRT_DTYPE_F32 : DLCRT_DTYPE_I64, 0, NULL, &t));
    dlcrt_tensor_set_f64(&t, 0, is_float ? (double)a->f : (double)a->i);
  } else if ((a = dlc_onnx_attr(node, "value_floats")) != NULL || (a = dlc_onnx_attr(node, "value_ints")) != NULL) {
    bool is_float = strcmp(a->name, "value_floats") == 0;
    int64_t n = (int64_t)(is_float ? a->n_floats : a->n_ints);
    DLCRT_RETURN_IF_ERROR(dlcrt_tensor_create(dlcrt_allocator_system(), is_float ? DLCRT_DTYPE_F32 : DLCRT_DTYPE_I64, 1, &n, &t));
    for (int64_t i = 0; i < n; ++i) dlcrt_tensor_set_f64(&t, i, is_float ? (double)a->floats[i] : (double)a->ints[i]);
  } else {
    return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "only value, value_float(s) and value_int(s) are supported");
  }
  return dlc_onnx_set_output_host(node, 0, &t);
}

/* A runtime 1-D shape tensor of static length as a symbolic vector of runtime elements. */
static dlcrt_status_t runtime_shape_sym(const dlc_onnx_node_t *node, int i, dlc_onnx_value_t *out) {
  MlirValue t;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, i, &t));
  dlc_shape_t s;
  dlc_shape_from_type(mlirValueGetType(t), &s);
  if (s.rank != 1 || s.dims[0] == DLC_DYN || s.dims[0] > DLC_SYM_MAX)
    return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "a runtime shape needs a static length (at most %d)",
                               DLC_SYM_MAX);
  MlirValue as_i64;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_cast_to(node, t, i64_type(node), &as_i64));
  sym_init(out, 1, DLCRT_DTYPE_I64);
  for (int64_t k = 0; k < s.dims[0]; ++k) { /* element k as a rank-0 tensor: gather(t, k) */
    MlirValue index, operands[2];
    DLCRT_RETURN_IF_ERROR(dlc_onnx_scalar_const(node, i64_type(node), (double)k, &index));
    operands[0] = as_i64;
    operands[1] = index;
    dlc_onnx_attr_kv_t axis = {"axis", dlc_onnx_i64_attr(node, 0)};
    DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "gather", operands, 2, &axis, 1, (MlirType){NULL}, &out->sym_runtime[k]));
  }
  out->sym_len = (int32_t)s.dims[0];
  return NULL;
}

static dlcrt_status_t build_constant_of_shape(const dlc_onnx_node_t *node) {
  dlc_onnx_value_t shape;
  if (!dlc_onnx_input_sym(node, 0, &shape)) DLCRT_RETURN_IF_ERROR(runtime_shape_sym(node, 0, &shape));
  dlcrt_tensor_t value;
  if (dlc_onnx_attr(node, "value")) {
    DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_tensor(node, "value", &value));
  } else {
    DLCRT_RETURN_IF_ERROR(dlcrt_tensor_create(dlcrt_allocator_system(), DLCRT_DTYPE_F32, 0, NULL, &value));
  }
  dlc_shape_t s = {.rank = shape.sym_len, .elem = dlc_dtype_to_mlir(dlc_onnx_context(node), value.dtype)};
  MlirValue dyn[DLC_SYM_MAX];
  int ndyn = 0;
  for (int32_t k = 0; k < shape.sym_len; ++k) {
    s.dims[k] = mlirValueIsNull(shape.sym_runtime[k]) ? shape.sym_known[k] : DLC_DYN;
    if (s.dims[k] == DLC_DYN) dyn[ndyn++] = shape.sym_runtime[k];
  }
  dlcrt_status_t st;
  if (ndyn == 0) { /* a known splat */
    dlcrt_tensor_t t;
    st = dlcrt_tensor_create(dlcrt_allocator_system(), value.dtype, s.rank, s.dims, &t);
    if (!st) {
      size_t es = dlcrt_dtype_size(value.dtype);
      for (int64_t i = 0; i < dlcrt_tensor_element_count(&t); ++i) memcpy((char *)t.data + i * (int64_t)es, value.data, es);
      st = dlc_onnx_set_output_host(node, 0, &t);
    }
  } else {
    dlcrt_tensor_t scalar = value;
    scalar.rank = 0;
    dlc_onnx_attr_kv_t kv = {"value", dlc_onnx_elements_attr(dlc_onnx_context(node), &scalar, "fill")};
    MlirValue y;
    st = dlc_onnx_build(node, "fill", dyn, ndyn, &kv, 1, dlc_shape_to_type(dlc_onnx_context(node), &s), &y);
    if (!st) st = dlc_onnx_set_output(node, 0, y);
  }
  dlcrt_tensor_release(&value);
  return st;
}

/* ---- Expand, Range, Tile, Pad, Trilu ---- */

static dlcrt_status_t build_expand(const dlc_onnx_node_t *node) {
  dlc_onnx_value_t target;
  if (!dlc_onnx_input_sym(node, 1, &target))
    return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "the target shape must be a shape computation");
  MlirValue x, y, operands[1 + DLC_SYM_MAX];
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  dlc_shape_t s, r;
  dlc_shape_from_type(mlirValueGetType(x), &s);
  r.rank = s.rank > target.sym_len ? s.rank : target.sym_len;
  r.elem = s.elem;
  int n = 0;
  operands[n++] = x;
  for (int32_t d = 0; d < r.rank; ++d) {
    int32_t xd = d - (r.rank - s.rank), td = d - (r.rank - target.sym_len);
    int64_t xs = xd >= 0 ? s.dims[xd] : 1;
    bool t_runtime = td >= 0 && !mlirValueIsNull(target.sym_runtime[td]);
    int64_t ts = td >= 0 && !t_runtime ? target.sym_known[td] : 1;
    if (t_runtime && xs != DLC_DYN && xs != 1) r.dims[d] = xs;
    else if (t_runtime) r.dims[d] = DLC_DYN, operands[n++] = target.sym_runtime[td];
    else if (ts == 1) r.dims[d] = xs;
    else r.dims[d] = ts;
    if (r.dims[d] == DLC_DYN && !t_runtime) DLCRT_RETURN_IF_ERROR(dlc_onnx_dim(node, x, xd, &operands[n++]));
  }
  DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "expand", operands, n, NULL, 0, dlc_shape_to_type(dlc_onnx_context(node), &r), &y));
  return dlc_onnx_set_output(node, 0, y);
}

static dlcrt_status_t build_range(const dlc_onnx_node_t *node) {
  double v[3];
  bool known = true;
  for (int i = 0; i < 3 && known; ++i) known = dlc_onnx_try_input_scalar(node, i, &v[i]);
  dlc_shape_t s;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input_shape(node, 0, &s));
  if (known) {
    if (v[2] == 0) return dlc_onnx_node_error(node, DLCRT_STATUS_INVALID_ARGUMENT, "delta is zero");
    double len = (v[1] - v[0]) / v[2];
    int64_t n = len > 0 ? (int64_t)(len + (len != (double)(int64_t)len)) : 0;
    dlcrt_tensor_t t;
    DLCRT_RETURN_IF_ERROR(dlcrt_tensor_create(dlcrt_allocator_system(), dlc_dtype_from_mlir(s.elem), 1, &n, &t));
    for (int64_t i = 0; i < n; ++i) dlcrt_tensor_set_f64(&t, i, v[0] + (double)i * v[2]);
    return dlc_onnx_set_output_host(node, 0, &t);
  }
  MlirValue operands[3], y;
  for (int i = 0; i < 3; ++i) DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, i, &operands[i]));
  dlc_shape_t r = {.rank = 1, .dims = {DLC_DYN}, .elem = s.elem};
  DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "range", operands, 3, NULL, 0, dlc_shape_to_type(dlc_onnx_context(node), &r), &y));
  return dlc_onnx_set_output(node, 0, y);
}

static dlcrt_status_t build_tile(const dlc_onnx_node_t *node) {
  MlirValue x, y;
  int64_t repeats[DLCRT_MAX_RANK];
  int32_t n;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input_ints(node, 1, "repeats", repeats, DLCRT_MAX_RANK, &n));
  dlc_onnx_attr_kv_t kv = {"repeats", dlc_onnx_i64_array_attr(node, repeats, n)};
  DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "tile", &x, 1, &kv, 1, (MlirType){NULL}, &y));
  return dlc_onnx_set_output(node, 0, y);
}

static dlcrt_status_t build_pad(const dlc_onnx_node_t *node) {
  MlirValue x, y;
  int64_t pads[2 * DLCRT_MAX_RANK];
  int32_t n;
  double value = 0;
  char mode[16];
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &x));
  if (dlc_onnx_has_input(node, 1)) DLCRT_RETURN_IF_ERROR(dlc_onnx_input_ints(node, 1, "pads", pads, 2 * DLCRT_MAX_RANK, &n));
  else DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_ints(node, "pads", pads, 2 * DLCRT_MAX_RANK, &n));
  if (dlc_onnx_has_input(node, 2)) DLCRT_RETURN_IF_ERROR(dlc_onnx_input_scalar(node, 2, "constant_value", &value));
  if (dlc_onnx_has_input(node, 3)) return dlc_onnx_node_error(node, DLCRT_STATUS_UNIMPLEMENTED, "the axes input is not supported");
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_string(node, "mode", "constant", mode, sizeof(mode)));
  dlc_onnx_attr_kv_t kv[3] = {{"pads", dlc_onnx_i64_array_attr(node, pads, n < 0 ? 0 : n)},
                              {"mode", dlc_onnx_str_attr(node, mode)},
                              {"value", dlc_onnx_f32_attr(node, value)}};
  DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "pad", &x, 1, kv, 3, (MlirType){NULL}, &y));
  return dlc_onnx_set_output(node, 0, y);
}

/* Trilu: k folds into the attribute when known, else it is operand #1 (a rank-0 tensor<i64>). */
static dlcrt_status_t build_trilu(const dlc_onnx_node_t *node) {
  MlirValue operands[2], y;
  int64_t upper;
  double k = 0;
  int n = 1, nkv = 1;
  DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 0, &operands[0]));
  DLCRT_RETURN_IF_ERROR(dlc_onnx_attr_int(node, "upper", 1, &upper));
  dlc_onnx_attr_kv_t kv[2] = {{"upper", dlc_onnx_bool_attr(node, upper != 0)}, {NULL, {NULL}}};
  if (dlc_onnx_try_input_scalar(node, 1, &k)) {
    kv[nkv++] = (dlc_onnx_attr_kv_t){"k", dlc_onnx_i64_attr(node, (int64_t)k)};
  } else if (dlc_onnx_has_input(node, 1)) {
    MlirValue kt;
    DLCRT_RETURN_IF_ERROR(dlc_onnx_input(node, 1, &kt));
    if (mlirShapedTypeGetRank(mlirValueGetType(kt)) != 0) {
      dlc_shape_t scalar = {.rank = 0};
      DLCRT_RETURN_IF_ERROR(dlc_onnx_reshape(node, kt, &scalar, NULL, &kt));
    }
    DLCRT_RETURN_IF_ERROR(dlc_onnx_cast_to(node, kt, i64_type(node), &operands[n++]));
  }
  DLCRT_RETURN_IF_ERROR(dlc_onnx_build(node, "trilu", operands, n, kv, nkv, (MlirType){NULL}, &y));
  return dlc_onnx_set_output(node, 0, y);
}

const dlc_onnx_op_def_t dlc_onnx_shape_ops[] = {
    {"Identity", build_identity},   {"Dropout", build_identity},  {"Shape", build_shape},
    {"Size", build_size},           {"Reshape", build_reshape},   {"Flatten", build_flatten},
    {"Unsqueeze", build_squeeze_like}, {"Squeeze", build_squeeze_like}, {"Gather", build_gather},
    {"Concat", build_concat},       {"Transpose", build_transpose}, {"Slice", build_slice},
    {"Split", build_split},         {"Constant", build_constant},  {"ConstantOfShape", build_constant_of_shape},
    {"Expand", build_expand},       {"Range", build_range},        {"Tile", build_tile},
    {"Pad", build_pad},             {"Trilu", build_trilu},
    {NULL, NULL},
};
