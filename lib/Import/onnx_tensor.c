/* ONNX tensors: decoding TensorProto (raw_data, the typed repeated fields, or external data stored
 * beside the model) into host tensors, ONNX dtype mapping, and building MLIR elements attributes:
 * dense for small tensors, dense_resource blobs (which dlc-opt can elide) for weights. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlc/mlir_util.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"
#include "onnx_importer.h"

/* Tensors above this many elements become dense_resource blobs. */
#define DLC_DENSE_MAX_ELEMENTS 64

dlcrt_dtype_t dlc_onnx_dtype(int32_t t) {
  switch (t) {
    case ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT: return DLCRT_DTYPE_F32;
    case ONNX__TENSOR_PROTO__DATA_TYPE__DOUBLE: return DLCRT_DTYPE_F64;
    case ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT16: return DLCRT_DTYPE_F16;
    case ONNX__TENSOR_PROTO__DATA_TYPE__BFLOAT16: return DLCRT_DTYPE_BF16;
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT64: return DLCRT_DTYPE_I64;
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT32: return DLCRT_DTYPE_I32;
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT16: return DLCRT_DTYPE_I16;
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT8: return DLCRT_DTYPE_I8;
    case ONNX__TENSOR_PROTO__DATA_TYPE__UINT8: return DLCRT_DTYPE_U8;
    case ONNX__TENSOR_PROTO__DATA_TYPE__BOOL: return DLCRT_DTYPE_BOOL;
    default: return DLCRT_DTYPE_INVALID;
  }
}

const char *dlc_onnx_dtype_name(int32_t t) {
  static const char *const names[] = {"undefined", "float", "uint8",  "int8",   "uint16",    "int16",
                                      "int32",     "int64", "string", "bool",   "float16",   "double",
                                      "uint32",    "uint64", "complex64", "complex128", "bfloat16"};
  return t >= 0 && t < (int32_t)(sizeof(names) / sizeof(names[0])) ? names[t] : "unknown";
}

/* Reads `length` bytes at `offset` of the external data file into `dst`. */
static dlcrt_status_t dlc_read_external(const Onnx__TensorProto *t, const char *base_dir, void *dst, size_t size) {
  const char *location = NULL;
  long long offset = 0, length = -1;
  for (size_t i = 0; i < t->n_external_data; ++i) {
    const Onnx__StringStringEntryProto *kv = t->external_data[i];
    if (!kv->key || !kv->value) continue;
    if (strcmp(kv->key, "location") == 0) location = kv->value;
    else if (strcmp(kv->key, "offset") == 0) offset = atoll(kv->value);
    else if (strcmp(kv->key, "length") == 0) length = atoll(kv->value);
  }
  if (!location || strstr(location, "..") || location[0] == '/')
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "tensor '%s': external data needs a relative 'location'",
                             t->name ? t->name : "");
  if (length >= 0 && (size_t)length != size)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "tensor '%s': external data length %lld, expected %zu",
                             t->name ? t->name : "", length, size);
  char path[4096];
  snprintf(path, sizeof(path), "%s/%s", base_dir, location);
  FILE *f = fopen(path, "rb");
  if (!f)
    return dlcrt_make_status(DLCRT_STATUS_NOT_FOUND, "tensor '%s': cannot open external data %s: %s",
                             t->name ? t->name : "", path, strerror(errno));
  bool ok = fseek(f, (long)offset, SEEK_SET) == 0 && fread(dst, 1, size, f) == size;
  fclose(f);
  if (!ok)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "tensor '%s': external data %s is shorter than %zu bytes",
                             t->name ? t->name : "", path, size);
  return NULL;
}

/* Copies the typed repeated field matching the dtype into `out`. */
static dlcrt_status_t dlc_read_typed(const Onnx__TensorProto *t, dlcrt_tensor_t *out, int64_t n) {
  const char *name = t->name ? t->name : "";
  size_t have;
  switch (t->data_type) {
    case ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT: have = t->n_float_data; break;
    case ONNX__TENSOR_PROTO__DATA_TYPE__DOUBLE: have = t->n_double_data; break;
    case ONNX__TENSOR_PROTO__DATA_TYPE__INT64: have = t->n_int64_data; break;
    default: have = t->n_int32_data; break; /* int32, int16, int8, uint8, bool, float16, bfloat16 */
  }
  if (have != (size_t)n)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "tensor '%s': has %zu values, its shape needs %lld", name,
                             have, (long long)n);
  for (int64_t i = 0; i < n; ++i) {
    char *dst = (char *)out->data + i * (int64_t)dlcrt_dtype_size(out->dtype);
    switch (t->data_type) {
      case ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT: memcpy(dst, &t->float_data[i], 4); break;
      case ONNX__TENSOR_PROTO__DATA_TYPE__DOUBLE: memcpy(dst, &t->double_data[i], 8); break;
      case ONNX__TENSOR_PROTO__DATA_TYPE__INT64: memcpy(dst, &t->int64_data[i], 8); break;
      case ONNX__TENSOR_PROTO__DATA_TYPE__INT32: memcpy(dst, &t->int32_data[i], 4); break;
      case ONNX__TENSOR_PROTO__DATA_TYPE__FLOAT16: case ONNX__TENSOR_PROTO__DATA_TYPE__BFLOAT16:
      case ONNX__TENSOR_PROTO__DATA_TYPE__INT16: {
        uint16_t v = (uint16_t)t->int32_data[i];
        memcpy(dst, &v, 2);
        break;
      }
      default: { /* int8, uint8, bool */
        uint8_t v = (uint8_t)t->int32_data[i];
        if (t->data_type == ONNX__TENSOR_PROTO__DATA_TYPE__BOOL) v = v != 0;
        memcpy(dst, &v, 1);
        break;
      }
    }
  }
  return NULL;
}

dlcrt_status_t dlc_onnx_tensor_decode(const Onnx__TensorProto *t, const char *base_dir, dlcrt_tensor_t *out) {
  memset(out, 0, sizeof(*out));
  const char *name = t->name ? t->name : "";
  dlcrt_dtype_t dtype = dlc_onnx_dtype(t->data_type);
  if (dtype == DLCRT_DTYPE_INVALID)
    return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "tensor '%s': unsupported dtype %s", name,
                             dlc_onnx_dtype_name(t->data_type));
  if (t->n_dims > DLCRT_MAX_RANK)
    return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "tensor '%s': rank %zu above %d", name, t->n_dims,
                             DLCRT_MAX_RANK);
  for (size_t i = 0; i < t->n_dims; ++i)
    if (t->dims[i] < 0)
      return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "tensor '%s': negative dim %lld", name,
                               (long long)t->dims[i]);
  DLCRT_RETURN_IF_ERROR(dlcrt_tensor_create(dlcrt_allocator_system(), dtype, (int32_t)t->n_dims, t->dims, out));
  int64_t n = dlcrt_tensor_element_count(out);
  size_t bytes = dlcrt_tensor_byte_size(out);
  dlcrt_status_t st = NULL;
  if (t->has_data_location && t->data_location == ONNX__TENSOR_PROTO__DATA_LOCATION__EXTERNAL) {
    st = dlc_read_external(t, base_dir, out->data, bytes);
  } else if (t->has_raw_data) {
    if (t->raw_data.len != bytes)
      st = dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "tensor '%s': raw_data has %zu bytes, its shape needs %zu",
                             name, t->raw_data.len, bytes);
    else if (bytes)
      memcpy(out->data, t->raw_data.data, bytes);
    if (!st && dtype == DLCRT_DTYPE_BOOL)
      for (int64_t i = 0; i < n; ++i) ((uint8_t *)out->data)[i] = ((uint8_t *)out->data)[i] != 0;
  } else {
    st = dlc_read_typed(t, out, n);
  }
  if (st) dlcrt_tensor_release(out);
  return st;
}

static void dlc_free_blob(void *user_data, const void *data, size_t size, size_t align) {
  (void)user_data;
  (void)size;
  (void)align;
  free((void *)data);
}

static bool dlc_is_splat(const dlcrt_tensor_t *t) {
  size_t es = dlcrt_dtype_size(t->dtype);
  int64_t n = dlcrt_tensor_element_count(t);
  for (int64_t i = 1; i < n; ++i)
    if (memcmp((char *)t->data + i * (int64_t)es, t->data, es) != 0) return false;
  return n > 0;
}

MlirAttribute dlc_onnx_elements_attr(MlirContext ctx, const dlcrt_tensor_t *t, const char *name) {
  dlc_shape_t s = {.rank = t->rank, .elem = dlc_dtype_to_mlir(ctx, t->dtype)};
  memcpy(s.dims, t->shape, sizeof(int64_t) * (size_t)t->rank);
  MlirType type = dlc_shape_to_type(ctx, &s);
  int64_t n = dlcrt_tensor_element_count(t);
  size_t es = dlcrt_dtype_size(t->dtype);
  if (t->dtype == DLCRT_DTYPE_BOOL) { /* i1 is bit-packed in dense attributes: go through ints */
    int *bits = malloc(sizeof(int) * (size_t)(n ? n : 1));
    if (!bits) return mlirAttributeGetNull();
    for (int64_t i = 0; i < n; ++i) bits[i] = ((uint8_t *)t->data)[i] != 0;
    MlirAttribute a = mlirDenseElementsAttrBoolGet(type, (intptr_t)n, bits);
    free(bits);
    return a;
  }
  bool splat = dlc_is_splat(t);
  if (n <= DLC_DENSE_MAX_ELEMENTS || splat)
    return mlirDenseElementsAttrRawBufferGet(type, splat ? es : (size_t)n * es, t->data);
  void *blob = malloc((size_t)n * es);
  if (!blob) return mlirAttributeGetNull();
  memcpy(blob, t->data, (size_t)n * es);
  /* Resource keys print bare: keep identifier characters only. */
  char key[128];
  size_t k = 0;
  if (name && *name >= '0' && *name <= '9') key[k++] = 't'; /* keys must not start with a digit */
  for (const char *p = name && *name ? name : "weight"; *p && k + 1 < sizeof(key); ++p)
    key[k++] = ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')) ? *p : '_';
  key[k] = '\0';
  return mlirUnmanagedDenseResourceElementsAttrGet(type, dlc_sref(key), blob, (size_t)n * es, es < 4 ? 4 : es, false,
                                                   dlc_free_blob, NULL);
}
