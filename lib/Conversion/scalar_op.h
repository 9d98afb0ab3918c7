/* The scalar arithmetic of dlc's elementwise ops (unary, binary, compare, where, cast), shared by
 * every conversion that computes them one element at a time: DlcToLinalg's linalg.generic bodies and
 * DlcToGPU's elementwise kernels call this one function, so each op's formula exists once
 * (implemented in DlcToLinalg/emit_elementwise.c). */
#ifndef DLC_CONVERSION_SCALAR_OP_H
#define DLC_CONVERSION_SCALAR_OP_H

#include "DlcToLinalg/emit.h"

/* Appends to e->body the scalar computation of the elementwise op e->op (e->info its op info) on the
 * scalar SSA values operands[0..] (of element types e->in[i].elem; where: i1 condition, then the two
 * values), and writes the name of the result (of element type e->out.elem) into `result`. Fresh names
 * come from dlc_emit_fresh(e) ("%vN"), so a caller emitting several ops into one body keeps one e and
 * only changes op, info, in[] and out between them. f16/bf16 arithmetic is computed in f32 and rounded
 * once. Fails (naming the op and the element type) for a combination the op does not support. */
dlcrt_status_t dlc_emit_scalar_op(dlc_emit_t *e, const char *const operands[], char result[16]);

#endif /* DLC_CONVERSION_SCALAR_OP_H */
