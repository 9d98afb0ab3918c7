/* Normalized parameters of dlc ops, read from attributes with defaults applied and axes made
 * non-negative. The verifier and every lowering read ops through these, so they agree on semantics. */
#ifndef DLC_OP_PARAMS_H
#define DLC_OP_PARAMS_H

#include "dlc/dialect.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dlc_matmul_params_t {
  bool transpose_a, transpose_b;
} dlc_matmul_params_t;

typedef struct dlc_window_params_t { /* conv2d and pooling */
  int64_t kernel[2];     /* pooling only (conv reads it from the filter) */
  int64_t strides[2];
  int64_t pads[4];       /* top, left, bottom, right */
  int64_t dilations[2];
  int64_t groups;        /* conv only */
  bool count_include_pad; /* avg pool only */
} dlc_window_params_t;

typedef enum dlc_reduce_kind_e { DLC_REDUCE_SUM, DLC_REDUCE_MEAN, DLC_REDUCE_MAX, DLC_REDUCE_MIN, DLC_REDUCE_PROD } dlc_reduce_kind_t;

typedef struct dlc_reduce_params_t {
  dlc_reduce_kind_t kind;
  bool reduced[DLCRT_MAX_RANK]; /* per input dim */
  bool keepdims;
} dlc_reduce_params_t;

typedef struct dlc_slice_params_t {
  int64_t starts[DLCRT_MAX_RANK], ends[DLCRT_MAX_RANK], steps[DLCRT_MAX_RANK]; /* as written */
} dlc_slice_params_t;

typedef enum dlc_pad_mode_e { DLC_PAD_CONSTANT, DLC_PAD_REFLECT, DLC_PAD_EDGE } dlc_pad_mode_t;

typedef struct dlc_pad_params_t {
  int64_t begins[DLCRT_MAX_RANK], ends[DLCRT_MAX_RANK]; /* negative crops */
  dlc_pad_mode_t mode;                                  /* default constant */
  double value;                                         /* constant mode; default 0 */
} dlc_pad_params_t;

typedef struct dlc_trilu_params_t {
  bool upper;      /* default true */
  int64_t k;       /* the attribute; default 0 */
  bool k_operand;  /* operand #1 (a rank-0 tensor<i64>) holds k at run time; the attribute is then ignored */
} dlc_trilu_params_t;

typedef enum dlc_scatter_reduction_e {
  DLC_SCATTER_NONE, DLC_SCATTER_ADD, DLC_SCATTER_MUL, DLC_SCATTER_MAX, DLC_SCATTER_MIN
} dlc_scatter_reduction_t;

typedef struct dlc_index_params_t { /* gather_elements, scatter_elements */
  int32_t axis;                      /* default 0, normalized */
  dlc_scatter_reduction_t reduction; /* scatter_elements; default none */
} dlc_index_params_t;

typedef struct dlc_cumsum_params_t {
  int32_t axis;   /* required, normalized */
  bool exclusive; /* default false */
  bool reverse;   /* default false */
} dlc_cumsum_params_t;

typedef struct dlc_arg_reduce_params_t { /* argmax, argmin */
  int32_t axis;           /* default 0, normalized */
  bool keepdims;          /* default true */
  bool select_last_index; /* default false */
} dlc_arg_reduce_params_t;

/* Each reads `op` (of the matching class) given its operand shapes; errors name the attribute. */
dlcrt_status_t dlc_matmul_params(MlirOperation op, dlc_matmul_params_t *out);
dlcrt_status_t dlc_window_params(MlirOperation op, dlc_window_params_t *out);
/* Axis attribute (`name`, default `dflt`) normalized into [0, rank). */
dlcrt_status_t dlc_axis_param(MlirOperation op, const char *name, int64_t dflt, int32_t rank, int32_t *out);
dlcrt_status_t dlc_reduce_params(MlirOperation op, int32_t rank, dlc_reduce_params_t *out);
dlcrt_status_t dlc_transpose_perm(MlirOperation op, int32_t rank, int64_t *perm);
dlcrt_status_t dlc_slice_params(MlirOperation op, int32_t rank, dlc_slice_params_t *out);
dlcrt_status_t dlc_pad_params(MlirOperation op, int32_t rank, dlc_pad_params_t *out);
/* repeats: one entry >= 0 per input dim. */
dlcrt_status_t dlc_tile_repeats(MlirOperation op, int32_t rank, int64_t *repeats);
dlcrt_status_t dlc_trilu_params(MlirOperation op, dlc_trilu_params_t *out);
dlcrt_status_t dlc_arg_reduce_params(MlirOperation op, int32_t rank, dlc_arg_reduce_params_t *out);
dlcrt_status_t dlc_index_params(MlirOperation op, int32_t rank, dlc_index_params_t *out);
dlcrt_status_t dlc_cumsum_params(MlirOperation op, int32_t rank, dlc_cumsum_params_t *out);
const char *dlc_scatter_reduction_name(dlc_scatter_reduction_t r);
/* dlc.fill's `value`: dense elements with exactly one element; `*scalar` receives that element as an
 * integer or float attribute (its type is the element type). */
dlcrt_status_t dlc_fill_value(MlirOperation op, MlirAttribute *scalar);
/* The static length of a sliced dim of static size `dim` (ONNX clamping rules). */
int64_t dlc_slice_static_len(int64_t dim, int64_t start, int64_t end, int64_t step);
/* The window's output size along one spatial dim (static inputs only). */
int64_t dlc_window_out_dim(int64_t in, int64_t kernel, int64_t stride, int64_t pad_lo, int64_t pad_hi, int64_t dil);
const char *dlc_reduce_kind_name(dlc_reduce_kind_t kind);

#ifdef __cplusplus
}
#endif
#endif /* DLC_OP_PARAMS_H */
