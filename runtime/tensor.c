/* Host tensors (see include/dlc/tensor.h): dtype table, allocation, element access with f16/bf16
 * conversion, and numpy-like printing. Assumes a little-endian host with IEEE-754 floats. */
#include "dlc/tensor.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

typedef struct dlcrt_dtype_info_t {
  const char *name;
  size_t size;
  bool is_float;
} dlcrt_dtype_info_t;

static const dlcrt_dtype_info_t kDtypeInfo[] = {
    [DLCRT_DTYPE_INVALID] = {"invalid", 0, false}, [DLCRT_DTYPE_F32] = {"f32", 4, true},
    [DLCRT_DTYPE_F64] = {"f64", 8, true},          [DLCRT_DTYPE_F16] = {"f16", 2, true},
    [DLCRT_DTYPE_BF16] = {"bf16", 2, true},        [DLCRT_DTYPE_I64] = {"i64", 8, false},
    [DLCRT_DTYPE_I32] = {"i32", 4, false},         [DLCRT_DTYPE_I16] = {"i16", 2, false},
    [DLCRT_DTYPE_I8] = {"i8", 1, false},           [DLCRT_DTYPE_U8] = {"ui8", 1, false},
    [DLCRT_DTYPE_BOOL] = {"i1", 1, false},
};
#define DLCRT_DTYPE_COUNT (sizeof(kDtypeInfo) / sizeof(kDtypeInfo[0]))

/* Elements shown at each end of a long dimension when printing is summarised (numpy's edgeitems). */
#define DLCRT_PRINT_EDGE_ITEMS 3

static const dlcrt_dtype_info_t *dlcrt_dtype_info(dlcrt_dtype_t dtype) {
  size_t i = (size_t)dtype;
  return i < DLCRT_DTYPE_COUNT ? &kDtypeInfo[i] : &kDtypeInfo[DLCRT_DTYPE_INVALID];
}

size_t dlcrt_dtype_size(dlcrt_dtype_t dtype) { return dlcrt_dtype_info(dtype)->size; }
const char *dlcrt_dtype_name(dlcrt_dtype_t dtype) { return dlcrt_dtype_info(dtype)->name; }
bool dlcrt_dtype_is_float(dlcrt_dtype_t dtype) { return dlcrt_dtype_info(dtype)->is_float; }

static bool dlcrt_name_equals(const char *name, size_t len, const char *literal) {
  return strlen(literal) == len && memcmp(name, literal, len) == 0;
}

dlcrt_dtype_t dlcrt_dtype_from_name(const char *name, size_t len) {
  if (!name) return DLCRT_DTYPE_INVALID;
  for (size_t i = 1; i < DLCRT_DTYPE_COUNT; ++i)
    if (dlcrt_name_equals(name, len, kDtypeInfo[i].name)) return (dlcrt_dtype_t)i;
  if (dlcrt_name_equals(name, len, "bool")) return DLCRT_DTYPE_BOOL;
  if (dlcrt_name_equals(name, len, "u8")) return DLCRT_DTYPE_U8;
  return DLCRT_DTYPE_INVALID;
}

/* ---- f16 / bf16 conversion ---- */

static double dlcrt_f16_to_f64(uint16_t h) {
  double sign = (h & 0x8000) ? -1.0 : 1.0;
  int exponent = (h >> 10) & 0x1F;
  int mantissa = h & 0x3FF;
  if (exponent == 0x1F) return mantissa ? copysign(NAN, sign) : sign * INFINITY;
  if (exponent == 0) return sign * ldexp(mantissa, -24);
  return sign * ldexp(mantissa | 0x400, exponent - 25);
}

/* value >> shift (shift in [1, 63]) rounded to nearest, ties to even. */
static uint64_t dlcrt_shift_right_rne(uint64_t value, int shift) {
  uint64_t kept = value >> shift;
  uint64_t rest = value & ((UINT64_C(1) << shift) - 1);
  uint64_t half = UINT64_C(1) << (shift - 1);
  if (rest > half || (rest == half && (kept & 1))) ++kept;
  return kept;
}

static uint16_t dlcrt_f64_to_f16(double value) {
  uint64_t bits;
  memcpy(&bits, &value, sizeof(bits));
  uint16_t sign = (uint16_t)((bits >> 48) & 0x8000);
  int biased = (int)((bits >> 52) & 0x7FF);
  uint64_t mantissa = bits & ((UINT64_C(1) << 52) - 1);
  if (biased == 0x7FF) return (uint16_t)(sign | (mantissa ? 0x7E00 : 0x7C00));
  if (biased == 0) return sign; /* zero and f64 subnormals are far below f16's range */
  int exponent = biased - 1023;
  if (exponent > 15) return (uint16_t)(sign | 0x7C00);
  uint64_t significand = mantissa | (UINT64_C(1) << 52);
  if (exponent < -14) {
    /* f16 subnormal: count units of 2^-24. A carry into 0x400 yields the smallest normal. */
    int shift = 28 - exponent;
    return shift > 63 ? sign : (uint16_t)(sign | dlcrt_shift_right_rne(significand, shift));
  }
  uint64_t kept = dlcrt_shift_right_rne(significand, 42); /* 11 significant bits */
  if (kept >> 11) {
    kept >>= 1;
    ++exponent;
  }
  if (exponent > 15) return (uint16_t)(sign | 0x7C00);
  return (uint16_t)(sign | ((exponent + 15) << 10) | (kept & 0x3FF));
}

static double dlcrt_bf16_to_f64(uint16_t b) {
  uint32_t bits = (uint32_t)b << 16;
  float f;
  memcpy(&f, &bits, sizeof(f));
  return f;
}

static uint16_t dlcrt_f64_to_bf16(double value) {
  float f = (float)value;
  uint32_t bits;
  memcpy(&bits, &f, sizeof(bits));
  if (isnan(f)) return (uint16_t)((bits >> 16) | 0x40);
  bits += 0x7FFF + ((bits >> 16) & 1);
  return (uint16_t)(bits >> 16);
}

/* ---- element access ---- */

/* Converts with truncation toward zero, saturating at the type's bounds; NaN becomes 0. */
static int64_t dlcrt_saturate(double value, int64_t lo, int64_t hi) {
  if (isnan(value)) return 0;
  if (value <= (double)lo) return lo;
  if (value >= (double)hi) return hi;
  return (int64_t)value;
}

/* Reads an integer or bool element. */
static int64_t dlcrt_load_int(const dlcrt_tensor_t *t, int64_t i) {
  switch (t->dtype) {
    case DLCRT_DTYPE_I64: return ((const int64_t *)t->data)[i];
    case DLCRT_DTYPE_I32: return ((const int32_t *)t->data)[i];
    case DLCRT_DTYPE_I16: return ((const int16_t *)t->data)[i];
    case DLCRT_DTYPE_I8: return ((const int8_t *)t->data)[i];
    case DLCRT_DTYPE_U8: return ((const uint8_t *)t->data)[i];
    case DLCRT_DTYPE_BOOL: return ((const uint8_t *)t->data)[i] != 0;
    default: return 0;
  }
}

static double dlcrt_load_f64(const dlcrt_tensor_t *t, int64_t i) {
  switch (t->dtype) {
    case DLCRT_DTYPE_F32: return ((const float *)t->data)[i];
    case DLCRT_DTYPE_F64: return ((const double *)t->data)[i];
    case DLCRT_DTYPE_F16: return dlcrt_f16_to_f64(((const uint16_t *)t->data)[i]);
    case DLCRT_DTYPE_BF16: return dlcrt_bf16_to_f64(((const uint16_t *)t->data)[i]);
    default: return (double)dlcrt_load_int(t, i);
  }
}

static void dlcrt_store_f64(dlcrt_tensor_t *t, int64_t i, double v) {
  switch (t->dtype) {
    case DLCRT_DTYPE_F32: ((float *)t->data)[i] = (float)v; break;
    case DLCRT_DTYPE_F64: ((double *)t->data)[i] = v; break;
    case DLCRT_DTYPE_F16: ((uint16_t *)t->data)[i] = dlcrt_f64_to_f16(v); break;
    case DLCRT_DTYPE_BF16: ((uint16_t *)t->data)[i] = dlcrt_f64_to_bf16(v); break;
    case DLCRT_DTYPE_I64: ((int64_t *)t->data)[i] = dlcrt_saturate(v, INT64_MIN, INT64_MAX); break;
    case DLCRT_DTYPE_I32: ((int32_t *)t->data)[i] = (int32_t)dlcrt_saturate(v, INT32_MIN, INT32_MAX); break;
    case DLCRT_DTYPE_I16: ((int16_t *)t->data)[i] = (int16_t)dlcrt_saturate(v, INT16_MIN, INT16_MAX); break;
    case DLCRT_DTYPE_I8: ((int8_t *)t->data)[i] = (int8_t)dlcrt_saturate(v, INT8_MIN, INT8_MAX); break;
    case DLCRT_DTYPE_U8: ((uint8_t *)t->data)[i] = (uint8_t)dlcrt_saturate(v, 0, UINT8_MAX); break;
    case DLCRT_DTYPE_BOOL: ((uint8_t *)t->data)[i] = v != 0; break;
    default: break;
  }
}

static bool dlcrt_index_valid(const dlcrt_tensor_t *t, int64_t index) {
  return t->data && index >= 0 && index < dlcrt_tensor_element_count(t);
}

double dlcrt_tensor_get_f64(const dlcrt_tensor_t *tensor, int64_t index) {
  return dlcrt_index_valid(tensor, index) ? dlcrt_load_f64(tensor, index) : NAN;
}

void dlcrt_tensor_set_f64(dlcrt_tensor_t *tensor, int64_t index, double value) {
  if (dlcrt_index_valid(tensor, index)) dlcrt_store_f64(tensor, index, value);
}

/* ---- lifetime ---- */

dlcrt_status_t dlcrt_tensor_create(dlcrt_allocator_t allocator, dlcrt_dtype_t dtype, int32_t rank,
                                   const int64_t *shape, dlcrt_tensor_t *out_tensor) {
  memset(out_tensor, 0, sizeof(*out_tensor));
  size_t elem_size = dlcrt_dtype_size(dtype);
  if (!elem_size) return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "invalid dtype %d", (int)dtype);
  if (rank < 0 || rank > DLCRT_MAX_RANK)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "rank %d is out of range [0, %d]", (int)rank,
                             DLCRT_MAX_RANK);
  int64_t count = 1;
  for (int32_t i = 0; i < rank; ++i) {
    if (shape[i] < 0)
      return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "dimension %d is negative (%" PRId64 ")",
                               (int)i, shape[i]);
    if (shape[i] && count > INT64_MAX / shape[i])
      return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "tensor shape has too many elements");
    count *= shape[i];
  }
  if ((uint64_t)count > (uint64_t)(SIZE_MAX / elem_size))
    return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "tensor of %" PRId64 " elements is too large", count);
  void *data = NULL;
  DLCRT_RETURN_IF_ERROR(dlcrt_allocator_malloc(allocator, (size_t)count * elem_size, &data));
  memset(data, 0, (size_t)count * elem_size);
  out_tensor->dtype = dtype;
  out_tensor->rank = rank;
  if (rank) memcpy(out_tensor->shape, shape, (size_t)rank * sizeof(shape[0]));
  out_tensor->data = data;
  out_tensor->allocator = allocator;
  return dlcrt_ok_status();
}

void dlcrt_tensor_release(dlcrt_tensor_t *tensor) {
  if (!tensor) return;
  if (tensor->data) dlcrt_allocator_free(tensor->allocator, tensor->data);
  memset(tensor, 0, sizeof(*tensor));
}

int64_t dlcrt_tensor_element_count(const dlcrt_tensor_t *tensor) {
  int64_t count = 1;
  for (int32_t i = 0; i < tensor->rank; ++i) count *= tensor->shape[i];
  return count;
}

size_t dlcrt_tensor_byte_size(const dlcrt_tensor_t *tensor) {
  return (size_t)dlcrt_tensor_element_count(tensor) * dlcrt_dtype_size(tensor->dtype);
}

/* ---- formatting ---- */

void dlcrt_tensor_format_type(const dlcrt_tensor_t *tensor, char *buf, size_t buf_size) {
  if (!buf_size) return;
  buf[0] = '\0';
  size_t used = 0;
  for (int32_t i = 0; i < tensor->rank && used < buf_size; ++i) {
    int n = snprintf(buf + used, buf_size - used, "%" PRId64 "x", tensor->shape[i]);
    if (n < 0) return;
    used += (size_t)n;
  }
  if (used < buf_size) snprintf(buf + used, buf_size - used, "%s", dlcrt_dtype_name(tensor->dtype));
}

typedef struct dlcrt_print_ctx_t {
  const dlcrt_tensor_t *tensor;
  FILE *stream;
  bool summarize;
  int64_t strides[DLCRT_MAX_RANK];
} dlcrt_print_ctx_t;

static void dlcrt_print_float(double v, FILE *stream) {
  if (isnan(v))
    fputs("nan", stream);
  else if (isinf(v))
    fputs(v < 0 ? "-inf" : "inf", stream);
  else
    fprintf(stream, "%.6g", v);
}

static void dlcrt_print_element(const dlcrt_tensor_t *t, int64_t i, FILE *stream) {
  if (dlcrt_dtype_is_float(t->dtype))
    dlcrt_print_float(dlcrt_load_f64(t, i), stream);
  else if (t->dtype == DLCRT_DTYPE_BOOL)
    fputs(dlcrt_load_int(t, i) ? "true" : "false", stream);
  else
    fprintf(stream, "%" PRId64, dlcrt_load_int(t, i));
}

/* Between items of `axis`: ", " on the innermost axis; otherwise ",", one newline per inner axis
 * (so 3-D blocks are separated by a blank line) and an indent past the open brackets. */
static void dlcrt_print_separator(const dlcrt_print_ctx_t *ctx, int32_t axis) {
  if (axis + 1 == ctx->tensor->rank) {
    fputs(", ", ctx->stream);
    return;
  }
  fputc(',', ctx->stream);
  for (int32_t i = axis + 1; i < ctx->tensor->rank; ++i) fputc('\n', ctx->stream);
  fprintf(ctx->stream, "%*s", (int)axis + 1, "");
}

static void dlcrt_print_block(const dlcrt_print_ctx_t *ctx, int32_t axis, int64_t offset) {
  if (axis == ctx->tensor->rank) {
    dlcrt_print_element(ctx->tensor, offset, ctx->stream);
    return;
  }
  int64_t n = ctx->tensor->shape[axis];
  bool elide = ctx->summarize && n > 2 * DLCRT_PRINT_EDGE_ITEMS;
  fputc('[', ctx->stream);
  for (int64_t i = 0; i < n; ++i) {
    if (elide && i == DLCRT_PRINT_EDGE_ITEMS) {
      fputs("...", ctx->stream);
      dlcrt_print_separator(ctx, axis);
      i = n - DLCRT_PRINT_EDGE_ITEMS;
    }
    dlcrt_print_block(ctx, axis + 1, offset + i * ctx->strides[axis]);
    if (i + 1 < n) dlcrt_print_separator(ctx, axis);
  }
  fputc(']', ctx->stream);
}

void dlcrt_tensor_print(const dlcrt_tensor_t *tensor, const char *name, int64_t max_elements, FILE *stream) {
  char type[DLCRT_MAX_RANK * 21 + 8];
  dlcrt_tensor_format_type(tensor, type, sizeof(type));
  if (name) fprintf(stream, "%s: %s\n", name, type);
  if (!tensor->data || !dlcrt_dtype_size(tensor->dtype)) {
    fputs("<no data>\n", stream);
    return;
  }
  dlcrt_print_ctx_t ctx = {tensor, stream, false, {0}};
  int64_t count = dlcrt_tensor_element_count(tensor);
  ctx.summarize = max_elements >= 0 && count > max_elements;
  int64_t stride = 1;
  for (int32_t axis = tensor->rank - 1; axis >= 0; --axis) {
    ctx.strides[axis] = stride;
    stride *= tensor->shape[axis];
  }
  dlcrt_print_block(&ctx, 0, 0);
  fputc('\n', stream);
}
