/* The row program of DlcToGPU's row kernels (emit_row_kernel.c): what a unit (a reduction over trailing
 * dims, or a stitch fusion group) computes, as a small dataflow graph over rows, built from the dlc ops
 * (row_program.c) and turned into kernel text by the emitter.
 *
 * A unit is first translated into a *row program*: the reduced trailing dims [split, rank) of one
 * iteration shape S are a row of N elements, the leading dims give R rows. Every value of the unit is
 * one of
 *   ROW      shape S: one element per (row, column);
 *   RSCALAR  one element per row: a reduction's result (keepdims or not) or an input of shape
 *            (outer dims, 1...);
 *   COL      one element per column, the same for every row (layer_norm's scale and bias);
 *   SCALAR   one element (constants, size-1 inputs),
 * computed by loads, constants, scalar ops (the formulas of softmax/layer_norm, or a dlc elementwise
 * op or where whose scalar body comes from the shared emitter, scalar_op.h) and reductions (sum, max,
 * min, prod; mean = sum / N) of a ROW value to an RSCALAR one. An input broadcast over only some
 * outer dims (an attention mask [q, k] against scores [b, h, q, k]) is *gathered*: a ROW or RSCALAR
 * value whose row starts at an offset computed per row from the row's coordinates. Reshapes that
 * keep a value's flat layout are no-ops. A dynamic dim is assumed not to broadcast at run time (as
 * in the linalg lowering). Anything else (other ops, element types other than f32 (and i1 for a
 * where's condition),
 * reductions over non-trailing dims, groups whose reductions disagree on S) is "not handled" and goes
 * the generic way. */
#ifndef DLC_CONVERSION_DLCTOGPU_ROW_PROGRAM_H
#define DLC_CONVERSION_DLCTOGPU_ROW_PROGRAM_H

#include "dlc/op_params.h"
#include "gpu_emit.h"

#define RK_MAX_NODES 1024

typedef enum rk_class_e { RK_ROW, RK_RSCALAR, RK_COL, RK_SCALAR } rk_class_t;
typedef enum rk_op_e { RK_INPUT, RK_CONST, RK_COUNT, RK_ARITH, RK_DLC, RK_REDUCE } rk_op_t;
typedef enum rk_combine_e { RK_SUM, RK_MAX, RK_MIN, RK_PROD } rk_combine_t;

typedef struct rk_node_t {
  rk_op_t op;
  rk_class_t cls;
  int input;            /* RK_INPUT: the unit input */
  bool is_i1;           /* RK_INPUT: an i1 input (a where's condition); otherwise f32 */
  bool gather;          /* RK_INPUT: outer dims partly broadcast; the row's element is at `rowoff` */
  bool outer_match[DLCRT_MAX_RANK]; /* gather: the outer dims the input has (the others broadcast) */
  char rowoff[16];      /* gather: the flat index of the row's first element, per row */
  double value;         /* RK_CONST */
  const char *arith;    /* RK_ARITH: "arith.subf", "math.exp", ... (f32, one or two operands) */
  MlirOperation dlc_op; /* RK_DLC: an elementwise dlc op */
  int args[3], nargs;
  rk_combine_t combine; /* RK_REDUCE */
  char name[16];        /* the per-row SSA value (row-level nodes), once emitted */
} rk_node_t;

typedef struct rk_program_t {
  rk_node_t *nodes;
  int num_nodes;
  bool have_shape;
  dlc_shape_t full; /* S */
  int32_t split;    /* reduced dims are [split, rank) */
  MlirValue values[RK_MAX_NODES];
  int value_node[RK_MAX_NODES];
  int num_values;
  int outputs[DLC_GPU_MAX_UNIT_VALUES];
} rk_program_t;

/* The class of a value of shape `s` in the program's iteration shape (an rk_class_t), or -1. */
int dlc_row_classify(const rk_program_t *p, const dlc_shape_t *s);
/* `s` has the outer dims of the iteration shape and size-1 (or no) trailing dims: one element per row. */
bool dlc_row_is_outer(const rk_program_t *p, const dlc_shape_t *s);
/* softmax, log_softmax, layer_norm and reduce: the ops that define the row split. */
bool dlc_row_is_reduction(const dlc_op_info_t *info);
/* Translates `unit` into `p`, whose p->nodes the caller provides (RK_MAX_NODES zeroed nodes); false when
 * the unit is not a row computation the row kernels take. */
bool dlc_row_program_build(rk_program_t *p, dlc_gpu_unit_t *unit);

#endif /* DLC_CONVERSION_DLCTOGPU_ROW_PROGRAM_H */
