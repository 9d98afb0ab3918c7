/* Shared text-emission helpers for the DlcToLinalg conversion (see emit.h). */
#include <stdio.h>
#include <string.h>

#include "emit.h"
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
