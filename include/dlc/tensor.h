/* Host tensors: a dtype, a shape and a dense C-order buffer. The currency between .npy files,
 * dlc-run's input parsing and the compiled code's memref descriptors. */
#ifndef DLC_TENSOR_H
#define DLC_TENSOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dlc/allocator.h"
#include "dlc/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DLCRT_MAX_RANK 16

typedef enum dlcrt_dtype_e {
  DLCRT_DTYPE_INVALID = 0,
  DLCRT_DTYPE_F32,
  DLCRT_DTYPE_F64,
  DLCRT_DTYPE_F16,
  DLCRT_DTYPE_BF16,
  DLCRT_DTYPE_I64,
  DLCRT_DTYPE_I32,
  DLCRT_DTYPE_I16,
  DLCRT_DTYPE_I8,
  DLCRT_DTYPE_U8,
  DLCRT_DTYPE_BOOL,
} dlcrt_dtype_t;

size_t dlcrt_dtype_size(dlcrt_dtype_t dtype);
/* MLIR spelling: "f32", "i64", "i1" (bool), "ui8"... and its inverse (accepts "bool" too). */
const char *dlcrt_dtype_name(dlcrt_dtype_t dtype);
dlcrt_dtype_t dlcrt_dtype_from_name(const char *name, size_t len);
bool dlcrt_dtype_is_float(dlcrt_dtype_t dtype);

typedef struct dlcrt_tensor_t {
  dlcrt_dtype_t dtype;
  int32_t rank;
  int64_t shape[DLCRT_MAX_RANK];
  void *data; /* owned; dense, C order */
  dlcrt_allocator_t allocator;
} dlcrt_tensor_t;

/* Allocates a zero-filled tensor. */
dlcrt_status_t dlcrt_tensor_create(dlcrt_allocator_t allocator, dlcrt_dtype_t dtype, int32_t rank,
                                   const int64_t *shape, dlcrt_tensor_t *out_tensor);
void dlcrt_tensor_release(dlcrt_tensor_t *tensor);
int64_t dlcrt_tensor_element_count(const dlcrt_tensor_t *tensor);
size_t dlcrt_tensor_byte_size(const dlcrt_tensor_t *tensor);
/* Reads element i as a double (any dtype), and writes one. */
double dlcrt_tensor_get_f64(const dlcrt_tensor_t *tensor, int64_t index);
void dlcrt_tensor_set_f64(dlcrt_tensor_t *tensor, int64_t index, double value);
/* "2x3xf32" */
void dlcrt_tensor_format_type(const dlcrt_tensor_t *tensor, char *buf, size_t buf_size);
/* Prints shape, dtype and values (elided past `max_elements`) in a numpy-like layout. */
void dlcrt_tensor_print(const dlcrt_tensor_t *tensor, const char *name, int64_t max_elements, FILE *stream);

#ifdef __cplusplus
}
#endif
#endif /* DLC_TENSOR_H */
