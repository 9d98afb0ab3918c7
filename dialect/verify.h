/* Internal interface of the dlc shape and dtype verifier, split over three files:
 *   verify_ops.c: the helpers below, the elementwise, linear-algebra, window, normalization and
 *     layout ops, and the dispatch (dlc_check_op, dlc_verify_op, dlc_infer_result_type);
 *   verify_shape_ops.c: the ops whose result shape comes from the declared type or from runtime
 *     values (reshape, fill, expand, range, dim) and the ONNX-style shape ops (tile, pad, trilu,
 *     argmax/argmin);
 *   verify_index_ops.c: gather_elements, scatter_elements, cumsum.
 * A checker infers result #0 from the operands and attributes and hands it to dlc_vcheck_result,
 * which compares it with the declared type (or records it, in infer mode). */
#ifndef DLC_DIALECT_VERIFY_H
#define DLC_DIALECT_VERIFY_H

#include "dlc/op_params.h"

typedef struct dlc_vctx_t {
  MlirOperation op;
  char name[64];
  dlc_shape_t *inferred; /* infer mode: record result #0's shape here instead of comparing */
} dlc_vctx_t;

/* An INVALID_ARGUMENT status "'dlc.OP' op MESSAGE". */
dlcrt_status_t dlc_verr(const dlc_vctx_t *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "tensor<2x?xf32>" of a type / a shape into `buf`, for messages. */
const char *dlc_vtype_str(MlirType t, char *buf, size_t n);
const char *dlc_vshape_str(const dlc_shape_t *s, char *buf, size_t n);
/* The name of operand #i of `op` ("lhs", "dims"), for messages. */
const char *dlc_voperand_name(MlirOperation op, intptr_t i);
/* Operand #i as a ranked tensor. */
dlcrt_status_t dlc_vget_operand(const dlc_vctx_t *v, intptr_t i, dlc_shape_t *s);
/* UNIMPLEMENTED when operand i has an unsigned integer element type (the CPU lowering computes with
 * arith, which takes signless integers only). */
dlcrt_status_t dlc_vreject_unsigned(const dlc_vctx_t *v, intptr_t i, const dlc_shape_t *s);
dlcrt_status_t dlc_vexpect_float(const dlc_vctx_t *v, intptr_t i, const dlc_shape_t *s);
dlcrt_status_t dlc_vexpect_same_elem(const dlc_vctx_t *v, intptr_t i, const dlc_shape_t *s, MlirType elem);
dlcrt_status_t dlc_vexpect_rank(const dlc_vctx_t *v, intptr_t i, const dlc_shape_t *s, int32_t rank);
/* Operand count in [min, max] and one result. */
dlcrt_status_t dlc_vexpect_counts(const dlc_vctx_t *v, intptr_t min_operands, intptr_t max_operands);
bool dlc_vdims_compatible(int64_t a, int64_t b);
/* Compares the declared result #i with `inferred` (a dynamic dim on either side matches anything). */
dlcrt_status_t dlc_vcheck_result(const dlc_vctx_t *v, intptr_t i, const dlc_shape_t *inferred);

/* Checkers of verify_shape_ops.c. */
dlcrt_status_t dlc_verify_reshape(const dlc_vctx_t *v);
dlcrt_status_t dlc_verify_dim(const dlc_vctx_t *v);
dlcrt_status_t dlc_verify_fill(const dlc_vctx_t *v);
dlcrt_status_t dlc_verify_range(const dlc_vctx_t *v);
dlcrt_status_t dlc_verify_expand(const dlc_vctx_t *v);
dlcrt_status_t dlc_verify_tile(const dlc_vctx_t *v);
dlcrt_status_t dlc_verify_pad(const dlc_vctx_t *v);
dlcrt_status_t dlc_verify_trilu(const dlc_vctx_t *v);
dlcrt_status_t dlc_verify_arg_reduce(const dlc_vctx_t *v);

/* Checkers of verify_index_ops.c. */
dlcrt_status_t dlc_verify_gather_elements(const dlc_vctx_t *v);
dlcrt_status_t dlc_verify_scatter_elements(const dlc_vctx_t *v);
dlcrt_status_t dlc_verify_cumsum(const dlc_vctx_t *v);

/* Checks one op; with `inferred`, records result #0's shape there instead of comparing. */
dlcrt_status_t dlc_check_op(MlirOperation op, dlc_shape_t *inferred);

#endif /* DLC_DIALECT_VERIFY_H */
