/* Small helpers over the MLIR C API shared by the dialect, passes, conversions and tools:
 * printing types/attributes/ops into a dlc_strbuf_t, string refs, ranked-tensor shapes. */
#ifndef DLC_MLIR_UTIL_H
#define DLC_MLIR_UTIL_H

#include <stdbool.h>
#include <stdint.h>

#include "dlc/strbuf.h"
#include "dlc/tensor.h"
#include "mlir-c/IR.h"

#ifdef __cplusplus
extern "C" {
#endif

static inline MlirStringRef dlc_sref(const char *s) { return mlirStringRefCreateFromCString(s); }
bool dlc_sref_eq(MlirStringRef ref, const char *s);

/* Appends the textual form to `sb`. */
void dlc_strbuf_append_type(dlc_strbuf_t *sb, MlirType type);
void dlc_strbuf_append_attr(dlc_strbuf_t *sb, MlirAttribute attr);
/* How to print an op. Elision makes output readable but no longer re-parseable; 0 prints everything. */
typedef struct dlc_print_options_t {
  bool generic;                 /* every op in generic form */
  int64_t elide_elements_above; /* elements attributes with more elements print as __elided__ */
  int64_t elide_resources_above; /* dense_resource blobs of more bytes print as __elided__ */
} dlc_print_options_t;
void dlc_strbuf_append_op(dlc_strbuf_t *sb, MlirOperation op, const dlc_print_options_t *options);
void dlc_strbuf_append_sref(dlc_strbuf_t *sb, MlirStringRef ref);
/* MlirStringCallback that appends to the dlc_strbuf_t passed as user data. */
void dlc_strbuf_callback(MlirStringRef chunk, void *user_data);

/* A ranked tensor's shape; dims use DLC_DYN for '?'. */
#define DLC_DYN INT64_MIN
typedef struct dlc_shape_t {
  int32_t rank;
  int64_t dims[DLCRT_MAX_RANK];
  MlirType elem;
} dlc_shape_t;

/* False when `type` is not a ranked tensor of rank <= DLCRT_MAX_RANK. */
bool dlc_shape_from_type(MlirType type, dlc_shape_t *out);
MlirType dlc_shape_to_type(MlirContext ctx, const dlc_shape_t *shape);
bool dlc_shape_is_static(const dlc_shape_t *shape);
/* Maps an MLIR element type to a runtime dtype (INVALID when unsupported), and back. */
dlcrt_dtype_t dlc_dtype_from_mlir(MlirType elem);
MlirType dlc_dtype_to_mlir(MlirContext ctx, dlcrt_dtype_t dtype);

/* The op name as a C string in `buf` ("dlc.matmul"). */
const char *dlc_op_name(MlirOperation op, char *buf, size_t buf_size);

#ifdef __cplusplus
}
#endif
#endif /* DLC_MLIR_UTIL_H */
