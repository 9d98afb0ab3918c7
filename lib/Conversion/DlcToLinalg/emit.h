/* Internal interface of the DlcToLinalg conversion. Each dlc op is lowered by generating the text of
 * a private helper function in linalg/tensor/arith/math that computes it for the op's exact operand
 * and result types; the driver (lower_to_linalg.c) parses it, replaces the op with a func.call, and
 * the `inline` pass later splices the body in. Text keeps every lowering readable next to the IR it
 * produces; generated functions are deduplicated by their text.
 *
 * An emitter appends the body (everything between the braces) to `e->body`, using:
 *   - operand values %a0, %a1, ... whose shapes are e->in[i];
 *   - fresh SSA names from dlc_emit_fresh();
 *   - dlc_emit_return() to finish with the declared result type (it inserts a tensor.cast when the
 *     emitter computed a more dynamic type than declared). */
#ifndef DLC_CONVERSION_DLCTOLINALG_EMIT_H
#define DLC_CONVERSION_DLCTOLINALG_EMIT_H

#include "dlc/op_params.h"
#include "dlc/strbuf.h"

#define DLC_EMIT_MAX_OPERANDS 16

typedef struct dlc_emit_t {
  MlirOperation op;
  const dlc_op_info_t *info;
  dlc_strbuf_t *body;
  int next_id;
  int num_in;
  dlc_shape_t in[DLC_EMIT_MAX_OPERANDS];
  dlc_shape_t out; /* declared result type */
} dlc_emit_t;

/* A fresh SSA name "%vN" into `buf` (size >= 16). */
const char *dlc_emit_fresh(dlc_emit_t *e, char *buf);
/* Appends the MLIR type text of `shape` ("tensor<?x4xf32>") / its element type ("f32"). */
void dlc_emit_tensor_type(dlc_strbuf_t *sb, const dlc_shape_t *shape);
void dlc_emit_elem_type(dlc_strbuf_t *sb, MlirType elem);
/* An index SSA value holding dim `d` of `value` (shape `s`): a constant when static. */
const char *dlc_emit_dim(dlc_emit_t *e, const char *value, const dlc_shape_t *s, int32_t d, char *buf);
/* An index constant. */
const char *dlc_emit_index(dlc_emit_t *e, int64_t v, char *buf);
/* `tensor.empty` of shape `s` whose dynamic dims are the index values `dyn_dims[d]` (only read for
 * dynamic d). */
const char *dlc_emit_empty(dlc_emit_t *e, const dlc_shape_t *s, char dyn_dims[][16], char *buf);
/* A scalar constant of element type `elem` with value `v` ("0.0", "-inf", "1"): the text is an MLIR literal. */
const char *dlc_emit_scalar(dlc_emit_t *e, MlirType elem, const char *literal, char *buf);
/* Appends "d0, d1, ..., dN-1" (the results of an identity indexing map). */
void dlc_emit_identity_exprs(dlc_strbuf_t *sb, int32_t num_dims);
/* Appends "affine_map<(d0, ..., dN-1) -> (EXPRS)>" where exprs are given as a string. */
void dlc_emit_affine_map(dlc_strbuf_t *sb, int32_t num_dims, const char *exprs);
/* The MLIR text of an element type ("f32") into `buf` (>= 32 bytes). */
void dlc_emit_elem_name(MlirType elem, char *buf);
/* A tensor.empty of shape `s` filled with the scalar `literal` by linalg.fill. */
const char *dlc_emit_filled(dlc_emit_t *e, const dlc_shape_t *s, char dyn_dims[][16], const char *literal,
                            char *buf);
/* The same filled with the scalar SSA value `scalar` (of element type s->elem). */
const char *dlc_emit_fill_with(dlc_emit_t *e, const dlc_shape_t *s, char dyn_dims[][16], const char *scalar,
                               char *buf);
/* `buf = op a, b : index`. */
const char *dlc_emit_index_op(dlc_emit_t *e, const char *op, const char *a, const char *b, char *buf);
/* Index values for the dynamic dims of `s` read from the rank-0 tensor<i64> operands %a<first>,
 * %a<first+1>, ... (one per dynamic dim, in order) into dyn_dims[d]. */
void dlc_emit_runtime_dims(dlc_emit_t *e, int first, const dlc_shape_t *s, char dyn_dims[][16]);
/* A scalar arith.constant holding `attr` (an integer or float attribute, exact as printed by MLIR). */
const char *dlc_emit_attr_scalar(dlc_emit_t *e, MlirAttribute attr, char *buf);
/* A scalar constant of element type `elem` holding `v`: rounded to a float type; truncated toward
 * zero and saturated for an integer type (NaN -> 0; i1: v != 0). */
const char *dlc_emit_f64_scalar(dlc_emit_t *e, MlirType elem, double v, char *buf);
/* Opens `RESULT = linalg.generic` over `loops` dims (the first `parallel` parallel, the rest
 * reductions). Entries 0..nin-1 of the arrays are the inputs, entry nin the output; maps[i] lists the
 * results of operand i's indexing map ("d0, 0, d2"). Block arguments are %x0.. for the inputs and
 * %acc for the output; the caller appends the body and finishes with dlc_emit_generic_close. */
void dlc_emit_generic_open(dlc_emit_t *e, const char *result, int32_t loops, int32_t parallel, int nin,
                           const char *const values[], const dlc_shape_t *const shapes[], const char *const maps[]);
void dlc_emit_generic_close(dlc_emit_t *e, const dlc_shape_t *out);
/* Finishes the body: returns `value` (of shape `s`) as the op's declared result type. */
void dlc_emit_return(dlc_emit_t *e, const char *value, const dlc_shape_t *s);
bool dlc_emit_is_float(MlirType t);
/* The float literal for the identity/neutral values (e.g. "0xFF800000" for -inf in f32). */
const char *dlc_emit_neg_inf_literal(MlirType elem);
const char *dlc_emit_pos_inf_literal(MlirType elem);

/* One emitter per op family; each returns a status naming the op when it cannot lower it. */
dlcrt_status_t dlc_emit_elementwise(dlc_emit_t *e); /* unary, binary, compare, where, cast */
dlcrt_status_t dlc_emit_matmul(dlc_emit_t *e);
dlcrt_status_t dlc_emit_window(dlc_emit_t *e);      /* conv2d, max_pool2d, avg_pool2d */
dlcrt_status_t dlc_emit_reduction(dlc_emit_t *e);   /* reduce, softmax, log_softmax, layer_norm, argmax, argmin */
dlcrt_status_t dlc_emit_data_movement(dlc_emit_t *e); /* transpose, reshape, concat, slice, gather */
dlcrt_status_t dlc_emit_shape(dlc_emit_t *e);       /* dim, fill, range, expand */
dlcrt_status_t dlc_emit_pad_tile(dlc_emit_t *e);    /* pad, tile, trilu */
dlcrt_status_t dlc_emit_index_ops(dlc_emit_t *e);   /* gather_elements, scatter_elements, cumsum */

#endif /* DLC_CONVERSION_DLCTOLINALG_EMIT_H */
