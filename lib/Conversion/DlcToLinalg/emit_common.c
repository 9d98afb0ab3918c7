/* Shared text-emission helpers for the DlcToLinalg conversion (see emit.h). */
#include <stdio.h>
#include <string.h>

#include "emit.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

const char *dlc_emit_fresh(dlc_emit_t *e, char *buf) {
  snprintf(buf, 16, "%%v%d", e->next_id++);
  return buf;
}

void dlc_emit_elem_type(dlc_strbuf_t *sb, MlirType elem) { dlc_strbuf_append_type(sb, elem); }

void dlc_emit_tensor_type(dlc_strbuf_t *sb, const dlc_shape_t *s) {
  dlc_strbuf_append(sb, "tensor<");
  for (int32_t d = 0; d < s->rank; ++d) {
    if (s->dims[d] == DLC_DYN) dlc_strbuf_append(sb, "?x");
    else dlc_strbuf_appendf(sb, "%lldx", (long long)s->dims[d]);
  }
  dlc_emit_elem_type(sb, s->elem);
  dlc_strbuf_append(sb, ">");
}

const char *dlc_emit_index(dlc_emit_t *e, int64_t v, char *buf) {
  dlc_emit_fresh(e, buf);
  dlc_strbuf_appendf(e->body, "  %s = arith.constant %lld : index\n", buf, (long long)v);
  return buf;
}

const char *dlc_emit_dim(dlc_emit_t *e, const char *value, const dlc_shape_t *s, int32_t d, char *buf) {
  if (s->dims[d] != DLC_DYN) return dlc_emit_index(e, s->dims[d], buf);
  char c[16];
  dlc_emit_index(e, d, c);
  dlc_emit_fresh(e, buf);
  dlc_strbuf_appendf(e->body, "  %s = tensor.dim %s, %s : ", buf, value, c);
  dlc_emit_tensor_type(e->body, s);
  dlc_strbuf_append(e->body, "\n");
  return buf;
}

const char *dlc_emit_empty(dlc_emit_t *e, const dlc_shape_t *s, char dyn_dims[][16], char *buf) {
  dlc_emit_fresh(e, buf);
  dlc_strbuf_appendf(e->body, "  %s = tensor.empty(", buf);
  bool first = true;
  for (int32_t d = 0; d < s->rank; ++d) {
    if (s->dims[d] != DLC_DYN) continue;
    dlc_strbuf_appendf(e->body, "%s%s", first ? "" : ", ", dyn_dims[d]);
    first = false;
  }
  dlc_strbuf_append(e->body, ") : ");
  dlc_emit_tensor_type(e->body, s);
  dlc_strbuf_append(e->body, "\n");
  return buf;
}

const char *dlc_emit_scalar(dlc_emit_t *e, MlirType elem, const char *literal, char *buf) {
  dlc_emit_fresh(e, buf);
  dlc_strbuf_appendf(e->body, "  %s = arith.constant %s : ", buf, literal);
  dlc_emit_elem_type(e->body, elem);
  dlc_strbuf_append(e->body, "\n");
  return buf;
}

void dlc_emit_identity_exprs(dlc_strbuf_t *sb, int32_t num_dims) {
  for (int32_t d = 0; d < num_dims; ++d) dlc_strbuf_appendf(sb, "%sd%d", d ? ", " : "", (int)d);
}

void dlc_emit_affine_map(dlc_strbuf_t *sb, int32_t num_dims, const char *exprs) {
  dlc_strbuf_append(sb, "affine_map<(");
  for (int32_t d = 0; d < num_dims; ++d) dlc_strbuf_appendf(sb, "%sd%d", d ? ", " : "", (int)d);
  dlc_strbuf_appendf(sb, ") -> (%s)>", exprs);
}

void dlc_emit_return(dlc_emit_t *e, const char *value, const dlc_shape_t *s) {
  bool same = s->rank == e->out.rank && mlirTypeEqual(s->elem, e->out.elem);
  for (int32_t d = 0; same && d < s->rank; ++d) same = s->dims[d] == e->out.dims[d];
  const char *ret = value;
  char cast[16];
  if (!same) {
    ret = dlc_emit_fresh(e, cast);
    dlc_strbuf_appendf(e->body, "  %s = tensor.cast %s : ", cast, value);
    dlc_emit_tensor_type(e->body, s);
    dlc_strbuf_append(e->body, " to ");
    dlc_emit_tensor_type(e->body, &e->out);
    dlc_strbuf_append(e->body, "\n");
  }
  dlc_strbuf_appendf(e->body, "  return %s : ", ret);
  dlc_emit_tensor_type(e->body, &e->out);
  dlc_strbuf_append(e->body, "\n");
}

bool dlc_emit_is_float(MlirType t) { return mlirTypeIsAFloat(t); }

/* Bit patterns as hex float literals, which MLIR accepts for any float width. */
const char *dlc_emit_neg_inf_literal(MlirType elem) {
  if (mlirTypeIsAF64(elem)) return "0xFFF0000000000000";
  if (mlirTypeIsAF16(elem)) return "0xFC00";
  if (mlirTypeIsABF16(elem)) return "0xFF80";
  return "0xFF800000";
}

const char *dlc_emit_pos_inf_literal(MlirType elem) {
  if (mlirTypeIsAF64(elem)) return "0x7FF0000000000000";
  if (mlirTypeIsAF16(elem)) return "0x7C00";
  if (mlirTypeIsABF16(elem)) return "0x7F80";
  return "0x7F800000";
}

/* The MLIR text of an element type ("f32"). */
void dlc_emit_elem_name(MlirType elem, char *buf) {
  dlc_strbuf_t sb;
  dlc_strbuf_init(&sb);
  dlc_emit_elem_type(&sb, elem);
  snprintf(buf, 32, "%s", dlc_strbuf_cstr(&sb));
  dlc_strbuf_free(&sb);
}

/* `buf = linalg.fill ins(scalar) outs(empty)` of shape `s`. */
static const char *fill_into(dlc_emit_t *e, const dlc_shape_t *s, const char *empty, const char *scalar, char *buf) {
  dlc_emit_fresh(e, buf);
  dlc_strbuf_appendf(e->body, "  %s = linalg.fill ins(%s : ", buf, scalar);
  dlc_emit_elem_type(e->body, s->elem);
  dlc_strbuf_appendf(e->body, ") outs(%s : ", empty);
  dlc_emit_tensor_type(e->body, s);
  dlc_strbuf_append(e->body, ") -> ");
  dlc_emit_tensor_type(e->body, s);
  dlc_strbuf_append(e->body, "\n");
  return buf;
}

/* A tensor.empty of shape `s` filled with the scalar `literal` by linalg.fill. */
const char *dlc_emit_filled(dlc_emit_t *e, const dlc_shape_t *s, char dyn_dims[][16], const char *literal,
                            char *buf) {
  char empty[16], scalar[16];
  dlc_emit_empty(e, s, dyn_dims, empty);
  return fill_into(e, s, empty, dlc_emit_scalar(e, s->elem, literal, scalar), buf);
}

/* A tensor.empty of shape `s` filled with the scalar SSA value `scalar` by linalg.fill. */
const char *dlc_emit_fill_with(dlc_emit_t *e, const dlc_shape_t *s, char dyn_dims[][16], const char *scalar,
                               char *buf) {
  char empty[16];
  return fill_into(e, s, dlc_emit_empty(e, s, dyn_dims, empty), scalar, buf);
}

const char *dlc_emit_index_op(dlc_emit_t *e, const char *op, const char *a, const char *b, char *buf) {
  dlc_emit_fresh(e, buf);
  dlc_strbuf_appendf(e->body, "  %s = %s %s, %s : index\n", buf, op, a, b);
  return buf;
}

void dlc_emit_runtime_dims(dlc_emit_t *e, int first, const dlc_shape_t *s, char dyn_dims[][16]) {
  int k = first;
  for (int32_t d = 0; d < s->rank; ++d) {
    if (s->dims[d] != DLC_DYN) continue;
    char v[16];
    dlc_emit_fresh(e, v);
    dlc_emit_fresh(e, dyn_dims[d]);
    dlc_strbuf_appendf(e->body, "  %s = tensor.extract %%a%d[] : tensor<i64>\n  %s = arith.index_cast %s : i64 to index\n",
                       v, k++, dyn_dims[d], v);
  }
}

static void dlc_emit_print_callback(MlirStringRef s, void *user_data) {
  dlc_strbuf_append_n(user_data, s.data, s.length);
}

const char *dlc_emit_attr_scalar(dlc_emit_t *e, MlirAttribute attr, char *buf) {
  dlc_strbuf_t text;
  dlc_strbuf_init(&text);
  mlirAttributePrint(attr, dlc_emit_print_callback, &text);
  dlc_emit_fresh(e, buf);
  /* The text carries its type ("1.5 : f32"), except i1's "true"/"false", which arith.constant types itself. */
  dlc_strbuf_appendf(e->body, "  %s = arith.constant %s\n", buf, dlc_strbuf_cstr(&text));
  dlc_strbuf_free(&text);
  return buf;
}

const char *dlc_emit_f64_scalar(dlc_emit_t *e, MlirType elem, double v, char *buf) {
  MlirAttribute attr;
  if (mlirTypeIsAFloat(elem)) {
    attr = mlirFloatAttrDoubleGet(mlirTypeGetContext(elem), elem, v);
  } else {
    unsigned w = mlirIntegerTypeGetWidth(elem);
    double lim = w >= 64 ? 9.2233720368547748e18 : (double)(1ull << (w - 1));
    int64_t i = v != v ? 0 : v >= lim ? (int64_t)(lim - 1) : v <= -lim ? (int64_t)-lim : (int64_t)v;
    attr = mlirIntegerAttrGet(elem, w == 1 ? (v != 0) : i);
  }
  return dlc_emit_attr_scalar(e, attr, buf);
}

/* Opens `RESULT = linalg.generic` over `loops` dims (the first `parallel` parallel, the rest
 * reductions). Entries 0..nin-1 of the arrays are the inputs, entry nin the output; maps[i] lists the
 * results of operand i's indexing map ("d0, 0, d2"). The block arguments are %x0.. for the inputs and
 * %acc for the output; the caller appends the body and finishes with dlc_emit_generic_close. */
void dlc_emit_generic_open(dlc_emit_t *e, const char *result, int32_t loops, int32_t parallel, int nin,
                           const char *const values[], const dlc_shape_t *const shapes[], const char *const maps[]) {
  dlc_strbuf_t *b = e->body;
  dlc_strbuf_appendf(b, "  %s = linalg.generic {indexing_maps = [", result);
  for (int i = 0; i <= nin; ++i) {
    if (i) dlc_strbuf_append(b, ", ");
    dlc_emit_affine_map(b, loops, maps[i]);
  }
  dlc_strbuf_append(b, "], iterator_types = [");
  for (int32_t d = 0; d < loops; ++d) dlc_strbuf_appendf(b, "%s\"%s\"", d ? ", " : "", d < parallel ? "parallel" : "reduction");
  dlc_strbuf_append(b, "]}");
  if (nin) {
    dlc_strbuf_append(b, " ins(");
    for (int i = 0; i < nin; ++i) dlc_strbuf_appendf(b, "%s%s", i ? ", " : "", values[i]);
    dlc_strbuf_append(b, " : ");
    for (int i = 0; i < nin; ++i) {
      if (i) dlc_strbuf_append(b, ", ");
      dlc_emit_tensor_type(b, shapes[i]);
    }
    dlc_strbuf_append(b, ")");
  }
  dlc_strbuf_appendf(b, " outs(%s : ", values[nin]);
  dlc_emit_tensor_type(b, shapes[nin]);
  dlc_strbuf_append(b, ") {\n  ^bb0(");
  for (int i = 0; i <= nin; ++i) {
    if (i < nin) dlc_strbuf_appendf(b, "%%x%d: ", i);
    else dlc_strbuf_append(b, "%acc: ");
    dlc_emit_elem_type(b, shapes[i]->elem);
    if (i < nin) dlc_strbuf_append(b, ", ");
  }
  dlc_strbuf_append(b, "):\n");
}

void dlc_emit_generic_close(dlc_emit_t *e, const dlc_shape_t *out) {
  dlc_strbuf_append(e->body, "  } -> ");
  dlc_emit_tensor_type(e->body, out);
  dlc_strbuf_append(e->body, "\n");
}
