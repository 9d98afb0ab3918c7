/* NumPy .npy reader and writer (format versions 1.0, 2.0 and 3.0 headers; little-endian; C order).
 * Supported dtypes: f32, f64, f16, i64, i32, i16, i8, u8, bool. Anything else is a clear error. */
#ifndef DLC_NPY_H
#define DLC_NPY_H

#include "dlc/tensor.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Reads `path` into a new tensor. Errors name the file and what was wrong with it. */
dlcrt_status_t dlcrt_npy_read(dlcrt_allocator_t allocator, const char *path, dlcrt_tensor_t *out_tensor);
/* Parses an in-memory .npy image (used by the reader and by fuzzing/unit tests). */
dlcrt_status_t dlcrt_npy_parse(dlcrt_allocator_t allocator, const void *bytes, size_t size,
                               dlcrt_tensor_t *out_tensor);
/* Writes `tensor` to `path` (format 1.0). Writes to a temporary file and renames it, so a failure
 * never leaves a partial output file behind. */
dlcrt_status_t dlcrt_npy_write(const char *path, const dlcrt_tensor_t *tensor);

#ifdef __cplusplus
}
#endif
#endif /* DLC_NPY_H */
