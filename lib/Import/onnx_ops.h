/* The builder tables of the ONNX op families, and helpers shared between family files. */
#ifndef DLC_LIB_IMPORT_ONNX_OPS_H
#define DLC_LIB_IMPORT_ONNX_OPS_H

#include "onnx_importer.h"

extern const dlc_onnx_op_def_t dlc_onnx_elementwise_ops[]; /* onnx_ops_elementwise.c */
extern const dlc_onnx_op_def_t dlc_onnx_nn_ops[];          /* onnx_ops_nn.c */
extern const dlc_onnx_op_def_t dlc_onnx_shape_ops[];       /* onnx_ops_shape.c */
extern const dlc_onnx_op_def_t dlc_onnx_reduce_ops[];      /* onnx_ops_reduce.c */
extern const dlc_onnx_op_def_t dlc_onnx_index_ops[];       /* onnx_ops_index.c */

/* Normalizes a possibly negative axis against `rank`; errors name the node. */
dlcrt_status_t dlc_onnx_norm_axis(const dlc_onnx_node_t *node, int64_t axis, int32_t rank, int32_t *out);
/* x converted to element type `elem` (no op when it already has it). */
dlcrt_status_t dlc_onnx_cast_to(const dlc_onnx_node_t *node, MlirValue x, MlirType elem, MlirValue *out);
/* x with unit dims inserted at `axes` (relative to the result rank; negative counts from its end), or
 * removed at `axes` (relative to x's rank; those dims must be 1). Dynamic dims carry over. */
dlcrt_status_t dlc_onnx_unsqueeze(const dlc_onnx_node_t *node, MlirValue x, const int32_t *axes, int n, MlirValue *out);
dlcrt_status_t dlc_onnx_squeeze(const dlc_onnx_node_t *node, MlirValue x, const int32_t *axes, int n, MlirValue *out);
/* Element type of a value. */
MlirType dlc_onnx_elem(MlirValue v);

#endif /* DLC_LIB_IMPORT_ONNX_OPS_H */
