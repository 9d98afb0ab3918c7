/* DlcToLinalg for elementwise ops: unary, binary, compare, where and cast become one linalg.generic
 * over the result shape with numpy broadcasting expressed in the indexing maps (a static size-1
 * operand dim reads index 0). A dynamic dim is assumed not to broadcast at run time, as in
 * torch-mlir and IREE. f16/bf16 arithmetic is computed in f32 and rounded once. */
#include <string.h>

#include "../scalar_op.h"
#include "emit.h"
#include "mlir-c/BuiltinTypes.h"

typedef struct dlc_scalar_t {
  dlc_emit_t *e;
  MlirType elem;    /* storage element type of the operands */
  const char *ct;   /* compute type text: "f32" for f16/bf16, else the element type */
  bool widen;       /* f16/bf16 computed in f32 */
  bool is_unsigned;
} dlc_scalar_t;

static const char *sfresh(dlc_scalar_t *s, char *buf) { return dlc_emit_fresh(s->e, buf); }

static const char *sconst(dlc_scalar_t *s, const char *literal, char *buf) {
  sfresh(s, buf);
  dlc_strbuf_appendf(s->e->body, "    %s = arith.constant %s : %s\n", buf, literal, s->ct);
  return buf;
}
/* %r = OP %a, %b : TYPE (OP may carry a predicate: "arith.cmpf olt,") */
static const char *styped(dlc_scalar_t *s, const char *op, const char *a, const char *b, const char *type, char *buf) {
  sfresh(s, buf);
  dlc_strbuf_appendf(s->e->body, "    %s = %s %s, %s : %s\n", buf, op, a, b, type);
  return buf;
}
/* %r = OP %a, %b : CT */
static const char *sbin(dlc_scalar_t *s, const char *op, const char *a, const char *b, char *buf) {
  return styped(s, op, a, b, s->ct, buf);
}
/* %r = arith.select %c, %a, %b : CT */
static const char *ssel(dlc_scalar_t *s, const char *c, const char *a, const char *b, char *buf) {
  sfresh(s, buf);
  dlc_strbuf_appendf(s->e->body, "    %s = arith.select %s, %s, %s : %s\n", buf, c, a, b, s->ct);
  return buf;
}

/* sign(x): -1 where x < 0, 1 where x > 0, else x itself (0, -0.0, NaN). */
static const char *sign_of(dlc_scalar_t *s, bool fp, const char *x, char *out) {
  char zero[16], one[16], minus[16], gt[16], lt[16], t[16];
  sconst(s, fp ? "0.0" : "0", zero);
  sconst(s, fp ? "1.0" : "1", one);
  sconst(s, fp ? "-1.0" : "-1", minus);
  sbin(s, fp ? "arith.cmpf ogt," : "arith.cmpi sgt,", x, zero, gt);
  sbin(s, fp ? "arith.cmpf olt," : "arith.cmpi slt,", x, zero, lt);
  return ssel(s, gt, one, ssel(s, lt, minus, x, t), out);
}
static const char *sun(dlc_scalar_t *s, const char *op, const char *a, char *buf) {
  sfresh(s, buf);
  dlc_strbuf_appendf(s->e->body, "    %s = %s %s : %s\n", buf, op, a, s->ct);
  return buf;
}

static const char *unary_float(dlc_scalar_t *s, dlc_op_kind_t kind, const char *x, char *out) {
  char t0[16], t1[16], t2[16], t3[16], t4[16];
  switch (kind) {
    case DLC_RELU: return sbin(s, "arith.maximumf", x, sconst(s, "0.0", t0), out);
    case DLC_SIGMOID: case DLC_SILU: { /* 1 / (1 + e^-x), times x for silu; one statement per value:
                                        * C leaves the evaluation order of arguments unspecified */
      sconst(s, "1.0", t0);
      sun(s, "arith.negf", x, t1);
      sun(s, "math.exp", t1, t2);
      sbin(s, "arith.addf", t0, t2, t3);
      return sbin(s, "arith.divf", kind == DLC_SILU ? x : t0, t3, out);
    }
    case DLC_GELU: {
      MlirStringRef approx;
      dlcrt_status_t st = dlc_attr_str(s->e->op, "approximate", "none", &approx);
      dlcrt_status_free(st);
      const char *inner;
      if (dlc_sref_eq(approx, "tanh")) { /* tanh(sqrt(2/pi) * (x + 0.044715 x^3)) */
        sbin(s, "arith.mulf", x, sbin(s, "arith.mulf", x, x, t0), t1);
        sbin(s, "arith.addf", x, sbin(s, "arith.mulf", t1, sconst(s, "0.044715", t2), t3), t4);
        inner = sun(s, "math.tanh", sbin(s, "arith.mulf", t4, sconst(s, "0.7978845608028654", t0), t1), t2);
      } else { /* erf(x / sqrt(2)) */
        inner = sun(s, "math.erf", sbin(s, "arith.mulf", x, sconst(s, "0.7071067811865476", t0), t1), t2);
      }
      sbin(s, "arith.addf", inner, sconst(s, "1.0", t3), t4);
      return sbin(s, "arith.mulf", sbin(s, "arith.mulf", x, sconst(s, "0.5", t0), t1), t4, out);
    }
    case DLC_TANH: return sun(s, "math.tanh", x, out);
    case DLC_EXP: return sun(s, "math.exp", x, out);
    case DLC_LOG: return sun(s, "math.log", x, out);
    case DLC_SQRT: return sun(s, "math.sqrt", x, out);
    case DLC_RSQRT: return sun(s, "math.rsqrt", x, out);
    case DLC_ERF: return sun(s, "math.erf", x, out);
    case DLC_NEG: return sun(s, "arith.negf", x, out);
    case DLC_ABS: return sun(s, "math.absf", x, out);
    case DLC_RECIPROCAL: return sbin(s, "arith.divf", sconst(s, "1.0", t0), x, out);
    case DLC_FLOOR: return sun(s, "math.floor", x, out);
    case DLC_CEIL: return sun(s, "math.ceil", x, out);
    case DLC_ROUND: return sun(s, "math.roundeven", x, out);
    case DLC_SIN: return sun(s, "math.sin", x, out);
    case DLC_COS: return sun(s, "math.cos", x, out);
    case DLC_SIGN: return sign_of(s, true, x, out);
    case DLC_SOFTPLUS: /* max(x, 0) + log1p(exp(-|x|)): no overflow for large x */
      sun(s, "math.log1p", sun(s, "math.exp", sun(s, "arith.negf", sun(s, "math.absf", x, t0), t1), t2), t3);
      return sbin(s, "arith.addf", sbin(s, "arith.maximumf", x, sconst(s, "0.0", t0), t4), t3, out);
    default: return NULL;
  }
}

static const char *unary_int(dlc_scalar_t *s, dlc_op_kind_t kind, const char *x, char *out) {
  char t0[16];
  switch (kind) {
    case DLC_RELU: return sbin(s, s->is_unsigned ? "arith.maxui" : "arith.maxsi", x, sconst(s, "0", t0), out);
    case DLC_NEG: return sbin(s, "arith.subi", sconst(s, "0", t0), x, out);
    case DLC_ABS: return s->is_unsigned ? x : sun(s, "math.absi", x, out);
    case DLC_SIGN: return sign_of(s, false, x, out);
    case DLC_NOT: return sbin(s, "arith.xori", x, sconst(s, "1", t0), out);
    default: return NULL;
  }
}

static const char *binary_op_name(dlc_op_kind_t kind, bool fp, bool is_unsigned) {
  switch (kind) {
    case DLC_ADD: return fp ? "arith.addf" : "arith.addi";
    case DLC_SUB: return fp ? "arith.subf" : "arith.subi";
    case DLC_MUL: return fp ? "arith.mulf" : "arith.muli";
    case DLC_DIV: return fp ? "arith.divf" : is_unsigned ? "arith.divui" : "arith.divsi";
    case DLC_POW: return fp ? "math.powf" : NULL;
    case DLC_MAX: return fp ? "arith.maximumf" : is_unsigned ? "arith.maxui" : "arith.maxsi";
    case DLC_MIN: return fp ? "arith.minimumf" : is_unsigned ? "arith.minui" : "arith.minsi";
    case DLC_AND: return fp ? NULL : "arith.andi";
    case DLC_OR: return fp ? NULL : "arith.ori";
    case DLC_XOR: return fp ? NULL : "arith.xori";
    default: return NULL;
  }
}

/* a mod b: the C remainder (sign of a); unless `fmod`, a nonzero remainder whose sign differs from
 * b's gets b added (Python %, numpy.mod). */
static const char *binary_mod(dlc_scalar_t *s, bool fp, const char *a, const char *b, char *out) {
  bool fmod = false;
  dlcrt_status_free(dlc_attr_bool(s->e->op, "fmod", false, &fmod)); /* checked by the verifier */
  char r[16], zero[16], nz[16], rn[16], bn[16], diff[16], fix[16], sum[16];
  if (!fp && s->is_unsigned) return sbin(s, "arith.remui", a, b, out);
  sbin(s, fp ? "arith.remf" : "arith.remsi", a, b, r);
  if (fmod) return strcpy(out, r);
  sconst(s, fp ? "0.0" : "0", zero);
  sbin(s, fp ? "arith.cmpf one," : "arith.cmpi ne,", r, zero, nz);
  sbin(s, fp ? "arith.cmpf olt," : "arith.cmpi slt,", r, zero, rn);
  sbin(s, fp ? "arith.cmpf olt," : "arith.cmpi slt,", b, zero, bn);
  styped(s, "arith.andi", nz, styped(s, "arith.xori", rn, bn, "i1", diff), "i1", fix);
  return ssel(s, fix, sbin(s, fp ? "arith.addf" : "arith.addi", r, b, sum), r, out);
}

static const char *compare_predicate(dlc_op_kind_t kind, bool fp, bool is_unsigned) {
  switch (kind) {
    case DLC_EQUAL: return fp ? "oeq" : "eq";
    case DLC_LESS: return fp ? "olt" : is_unsigned ? "ult" : "slt";
    case DLC_LESS_EQUAL: return fp ? "ole" : is_unsigned ? "ule" : "sle";
    case DLC_GREATER: return fp ? "ogt" : is_unsigned ? "ugt" : "sgt";
    case DLC_GREATER_EQUAL: return fp ? "oge" : is_unsigned ? "uge" : "sge";
    default: return NULL;
  }
}

/* 16 for the half types computed in f32; other widths are computed as they are. */
static int float_width(MlirType t) {
  if (mlirTypeIsAF16(t) || mlirTypeIsABF16(t)) return 16;
  if (mlirTypeIsAF32(t)) return 32;
  if (mlirTypeIsAF64(t)) return 64;
  return 128;
}

/* Converts %x of type `from` to `to` (scalars), appending to the body; returns the value name. */
static const char *convert_scalar(dlc_emit_t *e, const char *x, MlirType from, MlirType to, char *out) {
  if (mlirTypeEqual(from, to)) return x;
  dlc_strbuf_t *b = e->body;
  bool ff = mlirTypeIsAFloat(from), tf = mlirTypeIsAFloat(to);
  dlc_emit_fresh(e, out);
  if (ff && tf) {
    int fw = float_width(from), tw = float_width(to);
    const char *op = fw < tw ? "arith.extf" : fw > tw ? "arith.truncf" : NULL;
    if (!op) { /* f16 <-> bf16: through f32 */
      char mid[16];
      dlc_emit_fresh(e, mid);
      dlc_strbuf_appendf(b, "    %s = arith.extf %s : ", mid, x);
      dlc_emit_elem_type(b, from);
      dlc_strbuf_appendf(b, " to f32\n    %s = arith.truncf %s : f32 to ", out, mid);
      dlc_emit_elem_type(b, to);
      dlc_strbuf_append(b, "\n");
      return out;
    }
    dlc_strbuf_appendf(b, "    %s = %s %s : ", out, op, x);
  } else if (!ff && !tf) {
    unsigned fw = mlirIntegerTypeGetWidth(from), tw = mlirIntegerTypeGetWidth(to);
    if (tw == 1) { /* nonzero -> true */
      char zero[16];
      dlc_emit_fresh(e, zero);
      dlc_strbuf_appendf(b, "    %s = arith.constant 0 : ", zero);
      dlc_emit_elem_type(b, from);
      dlc_strbuf_appendf(b, "\n    %s = arith.cmpi ne, %s, %s : ", out, x, zero);
      dlc_emit_elem_type(b, from);
      dlc_strbuf_append(b, "\n");
      return out;
    }
    bool zext = fw == 1 || mlirIntegerTypeIsUnsigned(from);
    const char *op = fw < tw ? (zext ? "arith.extui" : "arith.extsi") : fw > tw ? "arith.trunci" : NULL;
    if (!op) { /* same width, signedness differs: a bitcast */
      dlc_strbuf_appendf(b, "    %s = arith.bitcast %s : ", out, x);
    } else {
      dlc_strbuf_appendf(b, "    %s = %s %s : ", out, op, x);
    }
  } else if (ff) {
    if (mlirIntegerTypeGetWidth(to) == 1) { /* nonzero (or NaN) -> true */
      char zero[16];
      dlc_emit_fresh(e, zero);
      dlc_strbuf_appendf(b, "    %s = arith.constant 0.0 : ", zero);
      dlc_emit_elem_type(b, from);
      dlc_strbuf_appendf(b, "\n    %s = arith.cmpf une, %s, %s : ", out, x, zero);
      dlc_emit_elem_type(b, from);
      dlc_strbuf_append(b, "\n");
      return out;
    }
    dlc_strbuf_appendf(b, "    %s = %s %s : ", out, mlirIntegerTypeIsUnsigned(to) ? "arith.fptoui" : "arith.fptosi", x);
  } else {
    bool u = mlirIntegerTypeIsUnsigned(from) || mlirIntegerTypeGetWidth(from) == 1;
    dlc_strbuf_appendf(b, "    %s = %s %s : ", out, u ? "arith.uitofp" : "arith.sitofp", x);
  }
  dlc_emit_elem_type(b, from);
  dlc_strbuf_append(b, " to ");
  dlc_emit_elem_type(b, to);
  dlc_strbuf_append(b, "\n");
  return out;
}

/* The scalar computation of one elementwise op (see scalar_op.h). */
dlcrt_status_t dlc_emit_scalar_op(dlc_emit_t *e, const char *const operands[], char result[16]) {
  dlc_op_kind_t kind = e->info->kind;
  int first = e->info->op_class == DLC_OPC_WHERE ? 1 : 0;
  MlirType elem = e->in[first].elem;
  bool fp = mlirTypeIsAFloat(elem);
  MlirContext ctx = mlirTypeGetContext(elem);
  bool widen = fp && float_width(elem) == 16;
  MlirType ct = widen ? mlirF32TypeGet(ctx) : elem;
  dlc_strbuf_t cts;
  dlc_strbuf_init(&cts);
  dlc_emit_elem_type(&cts, ct);
  dlc_scalar_t s = {e, elem, dlc_strbuf_cstr(&cts), widen, !fp && mlirIntegerTypeIsUnsigned(elem)};
  char xs[3][16], tmp[16], res[16];
  const char *r = NULL;
  dlcrt_status_t st = NULL;
  if (e->info->op_class == DLC_OPC_CAST) {
    r = convert_scalar(e, operands[0], elem, e->out.elem, res);
  } else if (e->info->op_class == DLC_OPC_WHERE) {
    dlc_emit_fresh(e, res);
    dlc_strbuf_appendf(e->body, "    %s = arith.select %s, %s, %s : ", res, operands[0], operands[1], operands[2]);
    dlc_emit_elem_type(e->body, elem);
    dlc_strbuf_append(e->body, "\n");
    r = res;
  } else {
    int n = e->info->op_class == DLC_OPC_UNARY ? 1 : 2;
    for (int i = 0; i < n; ++i) {
      const char *v = widen ? convert_scalar(e, operands[i], elem, ct, xs[i]) : operands[i];
      if (v != xs[i]) snprintf(xs[i], sizeof(xs[i]), "%s", v);
    }
    if (e->info->op_class == DLC_OPC_UNARY) {
      r = fp ? unary_float(&s, kind, xs[0], tmp) : unary_int(&s, kind, xs[0], tmp);
    } else if (e->info->op_class == DLC_OPC_BINARY) {
      const char *op = binary_op_name(kind, fp, s.is_unsigned);
      if (kind == DLC_MOD) r = binary_mod(&s, fp, xs[0], xs[1], tmp);
      else r = op ? sbin(&s, op, xs[0], xs[1], tmp) : NULL;
    } else {
      const char *pred = compare_predicate(kind, fp, s.is_unsigned);
      dlc_emit_fresh(e, tmp);
      dlc_strbuf_appendf(e->body, "    %s = %s %s, %s, %s : %s\n", tmp, fp ? "arith.cmpf" : "arith.cmpi", pred, xs[0],
                         xs[1], s.ct);
      r = tmp;
    }
    if (r && widen && e->info->op_class != DLC_OPC_COMPARE) {
      char nr[16];
      r = convert_scalar(e, r, ct, elem, nr);
      snprintf(res, sizeof(res), "%s", r);
      r = res;
    }
  }
  if (!r) {
    char b[64] = {0};
    dlc_strbuf_t t;
    dlc_strbuf_init(&t);
    dlc_emit_elem_type(&t, elem);
    snprintf(b, sizeof(b), "%s", dlc_strbuf_cstr(&t));
    dlc_strbuf_free(&t);
    st = dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "'dlc.%s' on element type %s is not supported", e->info->name, b);
  } else {
    snprintf(result, 16, "%s", r);
  }
  dlc_strbuf_free(&cts);
  return st;
}

/* The body of the generic: block args %x0.. of the operands' element types, yielding the result. */
static dlcrt_status_t emit_scalar_body(dlc_emit_t *e) {
  static const char *const args[] = {"%x0", "%x1", "%x2"};
  char r[16];
  DLCRT_RETURN_IF_ERROR(dlc_emit_scalar_op(e, args, r));
  dlc_strbuf_appendf(e->body, "    linalg.yield %s : ", r);
  dlc_emit_elem_type(e->body, e->out.elem);
  dlc_strbuf_append(e->body, "\n");
  return NULL;
}

dlcrt_status_t dlc_emit_elementwise(dlc_emit_t *e) {
  const dlc_shape_t *out = &e->out;
  int32_t R = out->rank;
  /* Result dims: the declared static size, else the size of an operand that is not broadcast there. */
  char dyn[DLCRT_MAX_RANK][16];
  for (int32_t d = 0; d < R; ++d) {
    if (out->dims[d] != DLC_DYN) continue;
    bool found = false;
    for (int i = 0; i < e->num_in && !found; ++i) {
      int32_t sd = d - (R - e->in[i].rank);
      if (sd < 0 || e->in[i].dims[sd] == 1) continue;
      char name[16];
      snprintf(name, sizeof(name), "%%a%d", i);
      dlc_emit_dim(e, name, &e->in[i], sd, dyn[d]);
      found = true;
    }
    if (!found) dlc_emit_index(e, 1, dyn[d]);
  }
  char init[16], result[16];
  dlc_emit_empty(e, out, dyn, init);
  dlc_emit_fresh(e, result);
  dlc_strbuf_t *b = e->body;
  dlc_strbuf_appendf(b, "  %s = linalg.generic {indexing_maps = [", result);
  for (int i = 0; i < e->num_in; ++i) {
    dlc_strbuf_t exprs;
    dlc_strbuf_init(&exprs);
    for (int32_t sd = 0; sd < e->in[i].rank; ++sd) {
      int32_t d = sd + (R - e->in[i].rank);
      bool bcast = e->in[i].dims[sd] == 1 && out->dims[d] != 1;
      if (bcast) dlc_strbuf_appendf(&exprs, "%s0", sd ? ", " : "");
      else dlc_strbuf_appendf(&exprs, "%sd%d", sd ? ", " : "", (int)d);
    }
    dlc_emit_affine_map(b, R, dlc_strbuf_cstr(&exprs));
    dlc_strbuf_append(b, ", ");
    dlc_strbuf_free(&exprs);
  }
  dlc_strbuf_t ident;
  dlc_strbuf_init(&ident);
  for (int32_t d = 0; d < R; ++d) dlc_strbuf_appendf(&ident, "%sd%d", d ? ", " : "", (int)d);
  dlc_emit_affine_map(b, R, dlc_strbuf_cstr(&ident));
  dlc_strbuf_free(&ident);
  dlc_strbuf_append(b, "], iterator_types = [");
  for (int32_t d = 0; d < R; ++d) dlc_strbuf_appendf(b, "%s\"parallel\"", d ? ", " : "");
  dlc_strbuf_append(b, "]} ins(");
  for (int i = 0; i < e->num_in; ++i) dlc_strbuf_appendf(b, "%s%%a%d", i ? ", " : "", i);
  dlc_strbuf_append(b, " : ");
  for (int i = 0; i < e->num_in; ++i) {
    if (i) dlc_strbuf_append(b, ", ");
    dlc_emit_tensor_type(b, &e->in[i]);
  }
  dlc_strbuf_appendf(b, ") outs(%s : ", init);
  dlc_emit_tensor_type(b, out);
  dlc_strbuf_append(b, ") {\n  ^bb0(");
  for (int i = 0; i < e->num_in; ++i) {
    dlc_strbuf_appendf(b, "%%x%d: ", i);
    dlc_emit_elem_type(b, e->in[i].elem);
    dlc_strbuf_append(b, ", ");
  }
  dlc_strbuf_append(b, "%out: ");
  dlc_emit_elem_type(b, out->elem);
  dlc_strbuf_append(b, "):\n");
  DLCRT_RETURN_IF_ERROR(emit_scalar_body(e));
  dlc_strbuf_append(b, "  } -> ");
  dlc_emit_tensor_type(b, out);
  dlc_strbuf_append(b, "\n");
  dlc_emit_return(e, result, out);
  return NULL;
}
