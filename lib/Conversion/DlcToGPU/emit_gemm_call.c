/* The GEMM emitter of dlc-lower-to-gpu (gpu_emit.h): dlc.matmul on f32, f16 and bf16 becomes one call
 * of the cuBLASLt entry point @dlcrt_gemm_<type> (runtime/cuda/cublaslt.c, include/dlc/cublaslt.h),
 * with the following bias add and activation computed by cuBLASLt's epilogue.
 *
 * Operands: every matrix is passed as a rank-3 strided view [batch, rows, cols] made with
 * memref.reinterpret_cast of the contiguous buffer: batch dims collapse into one; a transposed operand
 * (transpose_a/transpose_b) is the same buffer with its two last strides swapped, which the runtime reads
 * as CUBLAS_OP_T; an operand whose batch dims are all 1 against a batched other side is a batch of 1,
 * which the runtime broadcasts (batch stride 0). A rank-2 weight against a batched, untransposed lhs
 * folds the batch into M instead ([B, M, K] x [K, N] == [B*M, K] x [K, N]): one larger GEMM.
 *
 * Epilogues, absorbed into the unit with dlc_gpu_unit_absorb (or found in a "gemm_chain" fusion group
 * whose body is exactly matmul [+ add] [+ activation]):
 *  - a dlc.add of the matmul's result (its only user) and a bias broadcast along the rows (shape [N], or
 *    [1, ..., 1, N], of the result's element type): DLCRT_GEMM_BIAS;
 *  - then a dlc.add of that result (its only user) and a tensor of the same type, a residual
 *    (transformer blocks): cuBLASLt's C with beta = 1, DLCRT_GEMM_RESIDUAL;
 *  - then a dlc.relu of that result (its only user): DLCRT_GEMM_RELU;
 *  - or a dlc.gelu with approximate = "tanh": DLCRT_GEMM_GELU. cuBLASLt's GELU epilogue is the tanh
 *    approximation, so an exact (erf) gelu is NOT absorbed: it stays for the elementwise kernels, and
 *    the GEMM keeps only the bias.
 * f32 GEMMs may use TF32 tensor cores (DLCRT_GEMM_ALLOW_TF32) when the pass option allow_tf32 is set
 * (dlc-opt/dlc-run --allow-tf32) or the module carries the unit attribute `dlc.allow_tf32`.
 *
 * A dlc.conv2d unit is handed to emit_conv_gemm.c (im2col + one GEMM); the text helpers shared with it
 * are declared in gemm_call.h.
 *
 * Not handled (left to the generic path): other element types, a partially broadcast batch, a
 * transposed batched lhs against a rank-2 rhs whose batches would need different strides per dim. */
#include <stdio.h>
#include <string.h>

#include "gemm_call.h"
#include "mlir-c/BuiltinAttributes.h"

dlc_gemm_idx_t dlc_gemm_fresh(dlc_gemm_text_t *t) {
  dlc_gemm_idx_t v;
  snprintf(v.s, sizeof(v.s), "%%g%d", t->next++);
  return v;
}

dlc_gemm_idx_t dlc_gemm_const(dlc_gemm_text_t *t, int64_t value) {
  dlc_gemm_idx_t v = dlc_gemm_fresh(t);
  dlc_strbuf_appendf(t->out, "  %s = arith.constant %lld : index\n", v.s, (long long)value);
  return v;
}

dlc_gemm_idx_t dlc_gemm_arith(dlc_gemm_text_t *t, const char *op, dlc_gemm_idx_t a, dlc_gemm_idx_t b) {
  dlc_gemm_idx_t v = dlc_gemm_fresh(t);
  dlc_strbuf_appendf(t->out, "  %s = arith.%s %s, %s : index\n", v.s, op, a.s, b.s);
  return v;
}

dlc_gemm_idx_t dlc_gemm_mul(dlc_gemm_text_t *t, dlc_gemm_idx_t a, dlc_gemm_idx_t b) {
  dlc_gemm_idx_t v = dlc_gemm_fresh(t);
  dlc_strbuf_appendf(t->out, "  %s = arith.muli %s, %s : index\n", v.s, a.s, b.s);
  return v;
}

/* Dim `d` of input buffer %in<input> (shape `s`): a constant or a memref.dim. */
dlc_gemm_idx_t dlc_gemm_dim(dlc_gemm_text_t *t, int input, const dlc_shape_t *s, int d) {
  if (s->dims[d] != DLC_DYN) return dlc_gemm_const(t, s->dims[d]);
  dlc_gemm_idx_t c = dlc_gemm_const(t, d);
  dlc_gemm_idx_t v = dlc_gemm_fresh(t);
  dlc_strbuf_appendf(t->out, "  %s = memref.dim %%in%d, %s : ", v.s, input, c.s);
  dlc_gpu_append_memref_type(t->out, s);
  dlc_strbuf_append(t->out, "\n");
  return v;
}

/* Product of dims [from, to) of input %in<input>; 1 for an empty range. */
dlc_gemm_idx_t dlc_gemm_dims_product(dlc_gemm_text_t *t, int input, const dlc_shape_t *s, int from, int to) {
  int64_t folded = 1;
  bool dynamic = false;
  for (int d = from; d < to; ++d) {
    if (s->dims[d] == DLC_DYN) dynamic = true;
    else folded *= s->dims[d];
  }
  dlc_gemm_idx_t acc = dlc_gemm_const(t, folded);
  if (!dynamic) return acc;
  for (int d = from; d < to; ++d)
    if (s->dims[d] == DLC_DYN) acc = dlc_gemm_mul(t, acc, dlc_gemm_dim(t, input, s, d));
  return acc;
}

/* `%name = memref.reinterpret_cast %<src> to [sizes] [strides]` into the fully dynamic strided type. */
void dlc_gemm_view(dlc_gemm_text_t *t, const char *name, const char *src, const dlc_shape_t *src_shape,
                          const char *elem, int rank, const dlc_gemm_idx_t *sizes, const dlc_gemm_idx_t *strides) {
  dlc_gemm_idx_t zero = dlc_gemm_const(t, 0);
  dlc_strbuf_appendf(t->out, "  %s = memref.reinterpret_cast %s to offset: [%s], sizes: [", name, src, zero.s);
  for (int i = 0; i < rank; ++i) dlc_strbuf_appendf(t->out, "%s%s", i ? ", " : "", sizes[i].s);
  dlc_strbuf_append(t->out, "], strides: [");
  for (int i = 0; i < rank; ++i) dlc_strbuf_appendf(t->out, "%s%s", i ? ", " : "", strides[i].s);
  dlc_strbuf_append(t->out, "] : ");
  dlc_gpu_append_memref_type(t->out, src_shape);
  if (rank == 3) dlc_strbuf_appendf(t->out, " to memref<?x?x?x%s, strided<[?, ?, ?], offset: ?>>\n", elem);
  else dlc_strbuf_appendf(t->out, " to memref<?x%s, strided<[?], offset: ?>>\n", elem);
}

void dlc_gemm_append_call(dlc_gemm_text_t *t, const char *e, int64_t flags) {
  dlc_strbuf_appendf(t->out, "  %%gemm_flags = arith.constant %lld : i64\n", (long long)flags);
  dlc_strbuf_appendf(t->out,
                     "  func.call @dlcrt_gemm_%s(%%gemm_a, %%gemm_b, %%gemm_c, %%gemm_bias, %%gemm_res, %%gemm_flags) : "
                     "(memref<?x?x?x%s, strided<[?, ?, ?], offset: ?>>, memref<?x?x?x%s, strided<[?, ?, ?], offset: ?>>, "
                     "memref<?x?x?x%s, strided<[?, ?, ?], offset: ?>>, memref<?x%s, strided<[?], offset: ?>>, "
                     "memref<?x?x?x%s, strided<[?, ?, ?], offset: ?>>, i64) -> ()\n",
                     e, e, e, e, e, e);
}

void dlc_gemm_declare(dlc_gpu_unit_t *unit, const char *e) {
  char symbol[32], decl[640];
  snprintf(symbol, sizeof(symbol), "dlcrt_gemm_%s", e);
  snprintf(decl, sizeof(decl),
           "func.func private @%s(memref<?x?x?x%s, strided<[?, ?, ?], offset: ?>>, "
           "memref<?x?x?x%s, strided<[?, ?, ?], offset: ?>>, memref<?x?x?x%s, strided<[?, ?, ?], offset: ?>>, "
           "memref<?x%s, strided<[?], offset: ?>>, memref<?x?x?x%s, strided<[?, ?, ?], offset: ?>>, i64) "
           "attributes {llvm.emit_c_interface, dlc.library_call}\n",
           symbol, e, e, e, e, e);
  dlc_gpu_unit_declare(unit, symbol, decl);
}

void dlc_gemm_empty_residual(dlc_gemm_text_t *t, const char *src, const dlc_shape_t *src_shape, const char *elem) {
  dlc_gemm_idx_t zero = dlc_gemm_const(t, 0), one = dlc_gemm_const(t, 1);
  dlc_gemm_idx_t sizes[3] = {zero, zero, zero}, strides[3] = {one, one, one};
  dlc_gemm_view(t, "%gemm_res", src, src_shape, elem, 3, sizes, strides);
}

/*===-- Recognising the unit --------------------------------------------------------------------===*/

typedef struct dlc_gemm_plan_t {
  MlirOperation matmul, add, residual_add, act;
  MlirValue bias;     /* null without a bias */
  MlirValue residual; /* null without a residual */
  int64_t flags;
  const char *elem; /* "f32", "f16", "bf16" */
  bool ta, tb;
} dlc_gemm_plan_t;

static bool dlc_gemm_single_use(MlirValue v, MlirOperation *user) {
  MlirOpOperand use = mlirValueGetFirstUse(v);
  if (mlirOpOperandIsNull(use) || !mlirOpOperandIsNull(mlirOpOperandGetNextUse(use))) return false;
  *user = mlirOpOperandGetOwner(use);
  return true;
}

static bool dlc_gemm_same_shape(const dlc_shape_t *a, const dlc_shape_t *b) {
  if (a->rank != b->rank || !mlirTypeEqual(a->elem, b->elem)) return false;
  for (int32_t d = 0; d < a->rank; ++d)
    if (a->dims[d] != b->dims[d]) return false;
  return true;
}

/* `add` (a dlc.add with operand `result` of the matmul) adds a bias along the rows: the other operand
 * has shape [N] or [1, ..., 1, N] (rank at most the result's) and the add's result the matmul's type.
 * Returns the bias, or a null value. */
static MlirValue dlc_gemm_bias_of(MlirOperation add, MlirValue result) {
  MlirValue none = {NULL};
  if (!dlc_op_is(add, DLC_ADD) || mlirOperationGetNumOperands(add) != 2) return none;
  MlirValue lhs = mlirOperationGetOperand(add, 0), rhs = mlirOperationGetOperand(add, 1);
  MlirValue bias = mlirValueEqual(lhs, result) ? rhs : lhs;
  if (mlirValueEqual(bias, result)) return none;
  dlc_shape_t rs, bs, os;
  if (!dlc_shape_from_type(mlirValueGetType(result), &rs) || !dlc_shape_from_type(mlirValueGetType(bias), &bs) ||
      !dlc_shape_from_type(mlirValueGetType(mlirOperationGetResult(add, 0)), &os))
    return none;
  if (!dlc_gemm_same_shape(&rs, &os) || !mlirTypeEqual(bs.elem, rs.elem) || bs.rank < 1 || bs.rank > rs.rank)
    return none;
  int64_t n = rs.dims[rs.rank - 1];
  if (n == DLC_DYN || bs.dims[bs.rank - 1] != n) return none;
  for (int32_t d = 0; d + 1 < bs.rank; ++d)
    if (bs.dims[d] != 1) return none;
  return bias;
}

/* `add` (a dlc.add with operand `result`) adds a residual of the result's own type (both shapes
 * static or equal), which cuBLASLt adds as its C with beta = 1. Returns it, or a null value. */
MlirValue dlc_gemm_residual_of(MlirOperation add, MlirValue result) {
  MlirValue none = {NULL};
  if (!dlc_op_is(add, DLC_ADD) || mlirOperationGetNumOperands(add) != 2) return none;
  MlirValue lhs = mlirOperationGetOperand(add, 0), rhs = mlirOperationGetOperand(add, 1);
  MlirValue residual = mlirValueEqual(lhs, result) ? rhs : lhs;
  if (mlirValueEqual(residual, result)) return none;
  dlc_shape_t rs, xs, os;
  if (!dlc_shape_from_type(mlirValueGetType(result), &rs) || !dlc_shape_from_type(mlirValueGetType(residual), &xs) ||
      !dlc_shape_from_type(mlirValueGetType(mlirOperationGetResult(add, 0)), &os))
    return none;
  return dlc_gemm_same_shape(&rs, &xs) && dlc_gemm_same_shape(&rs, &os) ? residual : none;
}

/* The activation flag of `op`, or 0 when cuBLASLt has no epilogue for it. */
static int64_t dlc_gemm_activation_flag(MlirOperation op) {
  if (dlc_op_is(op, DLC_RELU)) return DLC_GEMM_RELU;
  if (dlc_op_is(op, DLC_GELU)) {
    MlirStringRef approximate;
    dlcrt_status_t st = dlc_attr_str(op, "approximate", "none", &approximate);
    bool tanh = !st && dlc_sref_eq(approximate, "tanh");
    dlcrt_status_free(st);
    /* cuBLASLt's GELU is the tanh approximation: the exact (erf) form stays an elementwise op */
    return tanh ? DLC_GEMM_GELU : 0;
  }
  return 0;
}

const char *dlc_gemm_elem_name(MlirType elem) {
  switch (dlc_dtype_from_mlir(elem)) {
    case DLCRT_DTYPE_F32: return "f32";
    case DLCRT_DTYPE_F16: return "f16";
    case DLCRT_DTYPE_BF16: return "bf16";
    default: return NULL;
  }
}

static MlirOperation dlc_gemm_module_of(MlirOperation op) {
  MlirOperation top = op;
  for (MlirOperation p = mlirOperationGetParentOperation(op); !mlirOperationIsNull(p);
       p = mlirOperationGetParentOperation(p))
    top = p;
  return top;
}

bool dlc_gemm_module_allows_tf32(MlirOperation op) {
  return !mlirAttributeIsNull(mlirOperationGetAttributeByName(dlc_gemm_module_of(op), dlc_sref("dlc.allow_tf32")));
}

/* The matmul itself: element types and transposes. */
static bool dlc_gemm_plan_matmul(MlirOperation matmul, dlc_gemm_plan_t *plan) {
  if (!dlc_op_is(matmul, DLC_MATMUL) || mlirOperationGetNumOperands(matmul) != 2) return false;
  dlc_shape_t a, b, c;
  if (!dlc_shape_from_type(mlirValueGetType(mlirOperationGetOperand(matmul, 0)), &a) ||
      !dlc_shape_from_type(mlirValueGetType(mlirOperationGetOperand(matmul, 1)), &b) ||
      !dlc_shape_from_type(mlirValueGetType(mlirOperationGetResult(matmul, 0)), &c))
    return false;
  plan->elem = dlc_gemm_elem_name(c.elem);
  if (!plan->elem || !mlirTypeEqual(a.elem, c.elem) || !mlirTypeEqual(b.elem, c.elem)) return false;
  if (a.rank < 2 || b.rank < 2 || c.rank < 2) return false;
  dlcrt_status_t st = dlc_attr_bool(matmul, "transpose_a", false, &plan->ta);
  if (!st) st = dlc_attr_bool(matmul, "transpose_b", false, &plan->tb);
  bool ok = st == NULL;
  dlcrt_status_free(st);
  plan->matmul = matmul;
  return ok;
}

/* A single-op unit: the matmul, then the epilogue ops it can absorb. */
static bool dlc_gemm_plan_single(dlc_gpu_unit_t *unit, dlc_gemm_plan_t *plan) {
  if (unit->num_ops != 1 || !dlc_gemm_plan_matmul(unit->ops[0], plan)) return false;
  if (unit->options->no_fusion) return true;
  MlirValue last = mlirOperationGetResult(plan->matmul, 0);
  MlirOperation user;
  if (dlc_gemm_single_use(last, &user)) {
    MlirValue bias = dlc_gemm_bias_of(user, last);
    if (!mlirValueIsNull(bias)) {
      dlcrt_status_t st = dlc_gpu_unit_absorb(unit, user);
      if (!st) {
        plan->add = user;
        plan->bias = bias;
        plan->flags |= DLC_GEMM_BIAS;
        last = mlirOperationGetResult(user, 0);
      }
      dlcrt_status_free(st);
    }
  }
  /* a residual add (transformer blocks: x + proj(h) + bias) is cuBLASLt's C with beta = 1 */
  if (dlc_gemm_single_use(last, &user)) {
    MlirValue residual = dlc_gemm_residual_of(user, last);
    if (!mlirValueIsNull(residual)) {
      dlcrt_status_t st = dlc_gpu_unit_absorb(unit, user);
      if (!st) {
        plan->residual_add = user;
        plan->residual = residual;
        plan->flags |= DLC_GEMM_RESIDUAL;
        last = mlirOperationGetResult(user, 0);
      }
      dlcrt_status_free(st);
    }
  }
  if (dlc_gemm_single_use(last, &user)) {
    int64_t act = dlc_gemm_activation_flag(user);
    if (act) {
      dlcrt_status_t st = dlc_gpu_unit_absorb(unit, user);
      if (!st) {
        plan->act = user;
        plan->flags |= act;
      }
      dlcrt_status_free(st);
    }
  }
  return true;
}

/* A "gemm_chain" fusion group whose body is exactly matmul [+ bias add] [+ relu / gelu-tanh], each
 * op consuming the previous one only, and which returns the last. */
static bool dlc_gemm_plan_group(dlc_gpu_unit_t *unit, dlc_gemm_plan_t *plan) {
  MlirAttribute fusion = mlirOperationGetAttributeByName(unit->group, dlc_sref("dlc.fusion"));
  if (mlirAttributeIsNull(fusion) || !mlirAttributeIsADictionary(fusion)) return false;
  MlirAttribute kind = mlirDictionaryAttrGetElementByName(fusion, dlc_sref("kind"));
  if (mlirAttributeIsNull(kind) || !mlirAttributeIsAString(kind) ||
      !dlc_sref_eq(mlirStringAttrGetValue(kind), "gemm_chain"))
    return false;
  if (unit->num_ops < 1 || unit->num_ops > 3 || unit->num_outputs != 1) return false;
  if (!dlc_gemm_plan_matmul(unit->ops[0], plan)) return false;
  MlirValue last = mlirOperationGetResult(plan->matmul, 0);
  int i = 1;
  MlirOperation user;
  if (i < unit->num_ops && dlc_gemm_single_use(last, &user) && mlirOperationEqual(user, unit->ops[i])) {
    MlirValue bias = dlc_gemm_bias_of(user, last);
    if (!mlirValueIsNull(bias) && dlc_gpu_unit_op_index(unit, bias) < 0) {
      plan->add = user;
      plan->bias = bias;
      plan->flags |= DLC_GEMM_BIAS;
      last = mlirOperationGetResult(user, 0);
      ++i;
    }
  }
  if (i < unit->num_ops && dlc_gemm_single_use(last, &user) && mlirOperationEqual(user, unit->ops[i])) {
    int64_t act = dlc_gemm_activation_flag(user);
    if (act) {
      plan->act = user;
      plan->flags |= act;
      last = mlirOperationGetResult(user, 0);
      ++i;
    }
  }
  return i == unit->num_ops && mlirValueEqual(unit->outputs[0], last);
}

/* How an operand's batch dims [0, rank-2) relate to the result's: the same dims (*full: the operand
 * has the whole batch), or all 1 (a batch of 1 that the runtime broadcasts with stride 0). False for
 * anything else (a partial broadcast). */
static bool dlc_gemm_batch_kind(const dlc_shape_t *x, const dlc_shape_t *c, bool *full) {
  int xb = x->rank - 2, cb = c->rank - 2;
  *full = xb == cb;
  for (int d = 0; d < xb && *full; ++d)
    if (x->dims[d] != c->dims[d]) *full = false;
  if (*full) return true;
  for (int d = 0; d < xb; ++d)
    if (x->dims[d] != 1) return false;
  return true;
}

static bool dlc_gemm_batch_is_one(const dlc_shape_t *c) {
  for (int d = 0; d + 2 < c->rank; ++d)
    if (c->dims[d] != 1) return false;
  return true;
}

/*===-- The emitter -----------------------------------------------------------------------------===*/

dlcrt_status_t dlc_gpu_emit_gemm_call(dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out, bool *handled) {
  *handled = false;
  if (mlirOperationIsNull(unit->group) && unit->num_ops == 1 && dlc_op_is(unit->ops[0], DLC_CONV2D))
    return dlc_gpu_emit_conv_gemm(unit, func_name, out, handled);
  dlc_gemm_plan_t plan;
  memset(&plan, 0, sizeof(plan));
  bool planned = mlirOperationIsNull(unit->group) ? dlc_gemm_plan_single(unit, &plan) : dlc_gemm_plan_group(unit, &plan);
  if (!planned || unit->num_outputs != 1) return NULL;
  MlirValue lhs = mlirOperationGetOperand(plan.matmul, 0), rhs = mlirOperationGetOperand(plan.matmul, 1);
  int ia = dlc_gpu_unit_input_index(unit, lhs), ib = dlc_gpu_unit_input_index(unit, rhs);
  int ibias = mlirValueIsNull(plan.bias) ? -1 : dlc_gpu_unit_input_index(unit, plan.bias);
  int ires = mlirValueIsNull(plan.residual) ? -1 : dlc_gpu_unit_input_index(unit, plan.residual);
  if (ia < 0 || ib < 0 || (!mlirValueIsNull(plan.bias) && ibias < 0) || (!mlirValueIsNull(plan.residual) && ires < 0))
    return NULL;
  dlc_shape_t as, bs, cs, biass;
  if (!dlc_gpu_input_shape(unit, ia, &as) || !dlc_gpu_input_shape(unit, ib, &bs) ||
      !dlc_gpu_output_shape(unit, 0, &cs) || (ibias >= 0 && !dlc_gpu_input_shape(unit, ibias, &biass)))
    return NULL;
  bool a_full, b_full;
  if (!dlc_gemm_batch_kind(&as, &cs, &a_full) || !dlc_gemm_batch_kind(&bs, &cs, &b_full)) return NULL;
  /* fold the lhs batch into M: [B, M, K] x [K, N] == [B*M, K] x [K, N] (needs rows of A contiguous) */
  bool fold = as.rank > 2 && bs.rank == 2 && !plan.ta && a_full;
  if (!a_full && !b_full && !dlc_gemm_batch_is_one(&cs)) return NULL; /* a batch only the result has */
  if (as.rank > 2 && bs.rank == 2 && plan.ta) return NULL;

  dlc_strbuf_t body;
  dlc_strbuf_init(&body);
  dlc_gemm_text_t t = {.out = &body, .next = 0};
  /* M, K from A; N from B; the batch from whichever operand has it */
  int ra = as.rank, rb = bs.rank;
  dlc_gemm_idx_t m = dlc_gemm_dim(&t, ia, &as, plan.ta ? ra - 1 : ra - 2);
  dlc_gemm_idx_t k = dlc_gemm_dim(&t, ia, &as, plan.ta ? ra - 2 : ra - 1);
  dlc_gemm_idx_t n = dlc_gemm_dim(&t, ib, &bs, plan.tb ? rb - 2 : rb - 1);
  dlc_gemm_idx_t one = dlc_gemm_const(&t, 1);
  dlc_gemm_idx_t a_batch = a_full ? dlc_gemm_dims_product(&t, ia, &as, 0, ra - 2) : one;
  dlc_gemm_idx_t b_batch = b_full ? dlc_gemm_dims_product(&t, ib, &bs, 0, rb - 2) : one;
  dlc_gemm_idx_t mk = dlc_gemm_mul(&t, m, k), kn = dlc_gemm_mul(&t, k, n), mn = dlc_gemm_mul(&t, m, n);

  /* the output buffer, with the result's dynamic dims from the operands */
  dlc_gemm_idx_t cdyn[DLCRT_MAX_RANK];
  int ndyn = 0;
  for (int d = 0; d < cs.rank; ++d) {
    if (cs.dims[d] != DLC_DYN) continue;
    if (d == cs.rank - 2) cdyn[ndyn++] = m;
    else if (d == cs.rank - 1) cdyn[ndyn++] = n;
    else if (a_full && as.rank == cs.rank) cdyn[ndyn++] = dlc_gemm_dim(&t, ia, &as, d);
    else cdyn[ndyn++] = dlc_gemm_dim(&t, ib, &bs, d);
  }
  dlc_strbuf_append(&body, "  %out0 = memref.alloc(");
  for (int i = 0; i < ndyn; ++i) dlc_strbuf_appendf(&body, "%s%s", i ? ", " : "", cdyn[i].s);
  dlc_strbuf_append(&body, ") : ");
  dlc_gpu_append_memref_type(&body, &cs);
  dlc_strbuf_append(&body, "\n");

  char src[16];
  dlc_gemm_idx_t sizes[3], strides[3];
  if (fold) { /* A [1, B*M, K], C [1, B*M, N] */
    dlc_gemm_idx_t bm = dlc_gemm_mul(&t, a_batch, m);
    sizes[0] = one, sizes[1] = bm, sizes[2] = k;
    strides[0] = dlc_gemm_mul(&t, bm, k), strides[1] = k, strides[2] = one;
    snprintf(src, sizeof(src), "%%in%d", ia);
    dlc_gemm_view(&t, "%gemm_a", src, &as, plan.elem, 3, sizes, strides);
    sizes[2] = n;
    strides[0] = dlc_gemm_mul(&t, bm, n), strides[1] = n;
    dlc_gemm_view(&t, "%gemm_c", "%out0", &cs, plan.elem, 3, sizes, strides);
    snprintf(src, sizeof(src), "%%in%d", ires);
    if (ires >= 0) dlc_gemm_view(&t, "%gemm_res", src, &cs, plan.elem, 3, sizes, strides);
  } else {
    /* A [batch, M, K]: row-major [.., M, K] or, transposed, the buffer [.., K, M] read with swapped strides */
    sizes[0] = a_batch, sizes[1] = m, sizes[2] = k;
    strides[0] = mk;
    strides[1] = plan.ta ? one : k;
    strides[2] = plan.ta ? m : one;
    snprintf(src, sizeof(src), "%%in%d", ia);
    dlc_gemm_view(&t, "%gemm_a", src, &as, plan.elem, 3, sizes, strides);
    sizes[0] = a_full ? a_batch : b_batch, sizes[1] = m, sizes[2] = n;
    strides[0] = mn, strides[1] = n, strides[2] = one;
    dlc_gemm_view(&t, "%gemm_c", "%out0", &cs, plan.elem, 3, sizes, strides);
    snprintf(src, sizeof(src), "%%in%d", ires);
    if (ires >= 0) dlc_gemm_view(&t, "%gemm_res", src, &cs, plan.elem, 3, sizes, strides);
  }
  /* B [batch, K, N]: row-major [.., K, N] or, transposed, the buffer [.., N, K] with swapped strides */
  sizes[0] = b_batch, sizes[1] = k, sizes[2] = n;
  strides[0] = kn;
  strides[1] = plan.tb ? one : n;
  strides[2] = plan.tb ? k : one;
  snprintf(src, sizeof(src), "%%in%d", ib);
  dlc_gemm_view(&t, "%gemm_b", src, &bs, plan.elem, 3, sizes, strides);
  /* the bias [N] (any leading 1 dims dropped); without one, an empty view of C that the runtime ignores */
  dlc_gemm_idx_t zero = dlc_gemm_const(&t, 0);
  if (ibias >= 0) {
    snprintf(src, sizeof(src), "%%in%d", ibias);
    dlc_gemm_view(&t, "%gemm_bias", src, &biass, plan.elem, 1, &n, &one);
  } else {
    dlc_gemm_view(&t, "%gemm_bias", "%out0", &cs, plan.elem, 1, &zero, &one);
  }
  if (ires < 0) dlc_gemm_empty_residual(&t, "%out0", &cs, plan.elem);
  int64_t flags = plan.flags;
  if (!strcmp(plan.elem, "f32") && (unit->options->allow_tf32 || dlc_gemm_module_allows_tf32(plan.matmul)))
    flags |= DLC_GEMM_ALLOW_TF32;
  dlc_gemm_append_call(&t, plan.elem, flags);

  if (!dlc_gpu_append_prologue(unit, func_name, out)) {
    dlc_strbuf_free(&body);
    return NULL;
  }
  dlcrt_status_t st = dlc_strbuf_status(&body);
  if (!st) {
    dlc_strbuf_append(out, dlc_strbuf_cstr(&body));
    dlc_gpu_append_epilogue(unit, out);
    dlc_gemm_declare(unit, plan.elem);
    *handled = true;
  }
  dlc_strbuf_free(&body);
  return st;
}
