/* ONNX import: a ModelProto (protobuf-c, generated at build time from Debian's onnx.proto) becomes a
 * module with one func.func in the dlc dialect whose arguments and results carry the ONNX names. */
#ifndef DLC_ONNX_H
#define DLC_ONNX_H

#include "dlc/tensor.h"
#include "mlir-c/IR.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The opsets of the default domain that DLC accepts. */
#define DLC_ONNX_MIN_OPSET 11
#define DLC_ONNX_MAX_OPSET 17

/* Imports `path` (external data is read from beside it). Errors name the file and, for graph
 * problems, the node, its op_type and the opset. The module is not yet verified. */
dlcrt_status_t dlc_onnx_import_file(MlirContext ctx, const char *path, MlirModule *out_module);
/* Imports an in-memory model (`name` is used in messages and locations; no external data). */
dlcrt_status_t dlc_onnx_import_bytes(MlirContext ctx, const void *data, size_t size, const char *name,
                                     MlirModule *out_module);
/* Reads a serialized TensorProto file (the ONNX test-data input_*.pb / output_*.pb format). */
dlcrt_status_t dlc_onnx_read_tensor_file(const char *path, dlcrt_tensor_t *out);

#ifdef __cplusplus
}
#endif
#endif /* DLC_ONNX_H */
