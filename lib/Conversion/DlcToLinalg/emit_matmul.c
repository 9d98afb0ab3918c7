/* DlcToLinalg for dlc.matmul, plus the linalg.generic text builders that emit_window.c shares.
 *
 * matmul(lhs, rhs) becomes a linalg.fill of zero into a tensor.empty of the result shape and one
 * linalg.generic over (batch..., m, n, k) with k the only reduction. The indexing maps encode
 * everything else: transpose_a / transpose_b swap the last two operand dims, a missing leading batch
 * dim is simply not read, and a static size-1 batch dim reads index 0 (numpy broadcasting). A
 * dynamic batch dim is assumed not to broadcast at run time, as for elementwise ops. f16/bf16
 * inputs are extended and accumulated in f32, then rounded once by a final elementwise generic.
 * Integer matmul accumulates in the element type (wrapping on overflow).
 * Limitation: integer operands must be signless (ui8/si* are UNIMPLEMENTED: arith has no typed
 * unsigned ops). */
#include <stdio.h>
#include <string.h>

#include "emit.h"
#include "mlir-c/BuiltinTypes.h"

/* ---- matmul ---- */

typedef struct dlc_matmul_t {
  dlc_emit_t *e;
  dlc_matmul_params_t p;
  int32_t batch;          /* batch rank of the result */
  dlc_shape_t out;        /* result shape from the operands (declared static dims win) */
  dlc_shape_t acc;        /* `out` with the accumulator element type */
  char dyn[DLCRT_MAX_RANK][16]; /* values of the dynamic dims of `out` */
  bool fp, widen;         /* float; f16/bf16 accumulated in f32 */
} dlc_matmul_t;

/* Operand i's dim that feeds result dim `d` (batch dims right-aligned), or -1 when it has none. */
static int32_t operand_dim(const dlc_matmul_t *m, int i, int32_t d) {
  const dlc_shape_t *s = &m->e->in[i];
  int32_t r = s->rank;
  if (d < m->batch) {
    int32_t sd = d - (m->batch - (r - 2));
    return sd >= 0 && s->dims[sd] != 1 ? sd : -1;
  }
  bool t = i == 0 ? m->p.transpose_a : m->p.transpose_b;
  if (d == m->batch) return i == 0 ? r - (t ? 1 : 2) : -1;    /* m: from lhs */
  return i == 1 ? r - (t ? 2 : 1) : -1;                       /* n: from rhs */
}

/* Result dim `d`: the declared static size, else a static operand size, else a tensor.dim. */
static void result_dim(dlc_matmul_t *m, int32_t d) {
  int64_t size = m->e->out.dims[d];
  int dyn_operand = -1;
  for (int i = 0; i < 2 && size == DLC_DYN; ++i) {
    int32_t sd = operand_dim(m, i, d);
    if (sd < 0) continue;
    if (m->e->in[i].dims[sd] != DLC_DYN) size = m->e->in[i].dims[sd];
    else if (dyn_operand < 0) dyn_operand = i;
  }
  if (size == DLC_DYN && dyn_operand < 0) size = 1; /* every operand broadcasts here */
  m->out.dims[d] = size;
  if (size != DLC_DYN) return;
  char name[16];
  snprintf(name, sizeof(name), "%%a%d", dyn_operand);
  dlc_emit_dim(m->e, name, &m->e->in[dyn_operand], operand_dim(m, dyn_operand, d), m->dyn[d]);
}

/* The indexing-map results of operand i over loops (batch..., m, n, k). */
static void operand_map(const dlc_matmul_t *m, int i, dlc_strbuf_t *sb) {
  const dlc_shape_t *s = &m->e->in[i];
  int32_t lead = m->batch - (s->rank - 2);
  for (int32_t sd = 0; sd < s->rank - 2; ++sd) {
    if (s->dims[sd] == 1) dlc_strbuf_append(sb, "0, ");
    else dlc_strbuf_appendf(sb, "d%d, ", (int)(sd + lead));
  }
  int dm = (int)m->batch, dn = dm + 1, dk = dm + 2;
  bool t = i == 0 ? m->p.transpose_a : m->p.transpose_b;
  int rows = i == 0 ? dm : dk, cols = i == 0 ? dk : dn;
  dlc_strbuf_appendf(sb, "d%d, d%d", t ? cols : rows, t ? rows : cols);
}

/* The contraction generic accumulating into `init`; its result name goes to `buf`. */
static void emit_contraction(dlc_matmul_t *m, const char *init, char *buf) {
  dlc_emit_t *e = m->e;
  dlc_strbuf_t maps[3];
  for (int i = 0; i < 3; ++i) dlc_strbuf_init(&maps[i]);
  operand_map(m, 0, &maps[0]);
  operand_map(m, 1, &maps[1]);
  for (int32_t d = 0; d < m->batch + 2; ++d) dlc_strbuf_appendf(&maps[2], "%sd%d", d ? ", " : "", (int)d);
  const char *values[] = {"%a0", "%a1", init};
  const dlc_shape_t *shapes[] = {&e->in[0], &e->in[1], &m->acc};
  const char *map_text[] = {dlc_strbuf_cstr(&maps[0]), dlc_strbuf_cstr(&maps[1]), dlc_strbuf_cstr(&maps[2])};
  dlc_emit_fresh(e, buf);
  dlc_emit_generic_open(e, buf, m->batch + 3, m->batch + 2, 2, values, shapes, map_text);
  for (int i = 0; i < 3; ++i) dlc_strbuf_free(&maps[i]);

  char elem[32], acc[32], x[2][16], prod[16], sum[16];
  dlc_emit_elem_name(e->in[0].elem, elem);
  dlc_emit_elem_name(m->acc.elem, acc);
  for (int i = 0; i < 2; ++i) {
    snprintf(x[i], sizeof(x[i]), "%%x%d", i);
    if (!m->widen) continue;
    char ext[16];
    dlc_emit_fresh(e, ext);
    dlc_strbuf_appendf(e->body, "    %s = arith.extf %s : %s to %s\n", ext, x[i], elem, acc);
    snprintf(x[i], sizeof(x[i]), "%s", ext);
  }
  dlc_emit_fresh(e, prod);
  dlc_emit_fresh(e, sum);
  dlc_strbuf_appendf(e->body, "    %s = %s %s, %s : %s\n", prod, m->fp ? "arith.mulf" : "arith.muli", x[0], x[1], acc);
  dlc_strbuf_appendf(e->body, "    %s = %s %%acc, %s : %s\n", sum, m->fp ? "arith.addf" : "arith.addi", prod, acc);
  dlc_strbuf_appendf(e->body, "    linalg.yield %s : %s\n", sum, acc);
  dlc_emit_generic_close(e, &m->acc);
}

/* Rounds the f32 accumulator `acc` to the result element type; the result name goes to `buf`. */
static void emit_round(dlc_matmul_t *m, const char *acc, char *buf) {
  dlc_emit_t *e = m->e;
  char init[16], from[32], to[32], t[16];
  dlc_emit_empty(e, &m->out, m->dyn, init);
  dlc_strbuf_t ident;
  dlc_strbuf_init(&ident);
  for (int32_t d = 0; d < m->out.rank; ++d) dlc_strbuf_appendf(&ident, "%sd%d", d ? ", " : "", (int)d);
  const char *values[] = {acc, init};
  const dlc_shape_t *shapes[] = {&m->acc, &m->out};
  const char *maps[] = {dlc_strbuf_cstr(&ident), dlc_strbuf_cstr(&ident)};
  dlc_emit_fresh(e, buf);
  dlc_emit_generic_open(e, buf, m->out.rank, m->out.rank, 1, values, shapes, maps);
  dlc_strbuf_free(&ident);
  dlc_emit_elem_name(m->acc.elem, from);
  dlc_emit_elem_name(m->out.elem, to);
  dlc_emit_fresh(e, t);
  dlc_strbuf_appendf(e->body, "    %s = arith.truncf %%x0 : %s to %s\n    linalg.yield %s : %s\n", t, from, to, t, to);
  dlc_emit_generic_close(e, &m->out);
}

dlcrt_status_t dlc_emit_matmul(dlc_emit_t *e) {
  dlc_matmul_t m = {.e = e};
  DLCRT_RETURN_IF_ERROR(dlc_matmul_params(e->op, &m.p));
  MlirType elem = e->in[0].elem;
  m.fp = mlirTypeIsAFloat(elem);
  if (!m.fp && !(mlirTypeIsAInteger(elem) && mlirIntegerTypeIsSignless(elem))) {
    char name[32];
    dlc_emit_elem_name(elem, name);
    return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "'dlc.%s' on element type %s is not supported (float or "
                             "signless integer only)", e->info->name, name);
  }
  m.widen = mlirTypeIsAF16(elem) || mlirTypeIsABF16(elem);
  m.batch = e->out.rank - 2;
  m.out.rank = e->out.rank;
  m.out.elem = elem;
  for (int32_t d = 0; d < m.out.rank; ++d) result_dim(&m, d);
  m.acc = m.out;
  if (m.widen) m.acc.elem = mlirF32TypeGet(mlirTypeGetContext(elem));
  char init[16], result[16], rounded[16];
  dlc_emit_filled(e, &m.acc, m.dyn, m.fp ? "0.0" : "0", init);
  emit_contraction(&m, init, result);
  if (m.widen) emit_round(&m, result, rounded);
  dlc_emit_return(e, m.widen ? rounded : result, &m.out);
  return NULL;
}
