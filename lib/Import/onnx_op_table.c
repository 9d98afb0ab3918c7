/* The ONNX op_type -> builder lookup: each family file (onnx_ops_*.c) exports a NULL-terminated
 * table, and this file searches them in order. */
#include <string.h>

#include "onnx_importer.h"
#include "onnx_ops.h"

dlc_onnx_builder_fn dlc_onnx_find_builder(const char *op_type) {
  const dlc_onnx_op_def_t *const families[] = {dlc_onnx_elementwise_ops, dlc_onnx_nn_ops, dlc_onnx_shape_ops,
                                               dlc_onnx_reduce_ops, dlc_onnx_index_ops};
  for (size_t f = 0; f < sizeof(families) / sizeof(families[0]); ++f)
    for (const dlc_onnx_op_def_t *d = families[f]; d->op_type; ++d)
      if (strcmp(d->op_type, op_type) == 0) return d->build;
  return NULL;
}
