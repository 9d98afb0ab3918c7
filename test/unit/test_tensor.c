/* Unit tests for dlcrt tensors: lifetime, dtype names, element conversions (f16, bf16, ints) and printing. */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdlib.h>

#include "dlc/tensor.h"
#include "dlc_test.h"

static const dlcrt_dtype_t kAllDtypes[] = {DLCRT_DTYPE_F32, DLCRT_DTYPE_F64, DLCRT_DTYPE_F16, DLCRT_DTYPE_BF16,
                                           DLCRT_DTYPE_I64, DLCRT_DTYPE_I32, DLCRT_DTYPE_I16, DLCRT_DTYPE_I8,
                                           DLCRT_DTYPE_U8,  DLCRT_DTYPE_BOOL};
#define ALL_DTYPE_COUNT (sizeof(kAllDtypes) / sizeof(kAllDtypes[0]))

/* Creates a tensor filled with `values` (element_count of them; may be NULL for zeros). */
static dlcrt_tensor_t make_tensor(dlcrt_dtype_t dtype, int32_t rank, const int64_t *shape, const double *values) {
  dlcrt_tensor_t t;
  CHECK_OK(dlcrt_tensor_create(dlcrt_allocator_system(), dtype, rank, shape, &t));
  for (int64_t i = 0; values && t.data && i < dlcrt_tensor_element_count(&t); ++i)
    dlcrt_tensor_set_f64(&t, i, values[i]);
  return t;
}

/* Fills with 0, 1, 2, ... */
static dlcrt_tensor_t make_iota(dlcrt_dtype_t dtype, int32_t rank, const int64_t *shape) {
  dlcrt_tensor_t t = make_tensor(dtype, rank, shape, NULL);
  for (int64_t i = 0; t.data && i < dlcrt_tensor_element_count(&t); ++i) dlcrt_tensor_set_f64(&t, i, (double)i);
  return t;
}

static char *print_to_string(const dlcrt_tensor_t *t, const char *name, int64_t max_elements) {
  char *text = NULL;
  size_t len = 0;
  FILE *stream = open_memstream(&text, &len);
  if (!stream) return NULL;
  dlcrt_tensor_print(t, name, max_elements, stream);
  fclose(stream);
  return text;
}

#define CHECK_PRINTS(tensor, name, max_elements, expected)           \
  do {                                                                 \
    char *dlc_text_ = print_to_string(&(tensor), name, max_elements); \
    CHECK_STREQ(dlc_text_, expected);                                  \
    free(dlc_text_);                                                   \
  } while (0)

/* ---- lifetime ---- */

static void test_create_release(void) {
  int64_t shape[] = {2, 3};
  dlcrt_tensor_t t = make_tensor(DLCRT_DTYPE_F32, 2, shape, NULL);
  CHECK_EQ_INT(t.dtype, DLCRT_DTYPE_F32);
  CHECK_EQ_INT(t.rank, 2);
  CHECK_EQ_INT(t.shape[0], 2);
  CHECK_EQ_INT(t.shape[1], 3);
  CHECK_EQ_INT(dlcrt_tensor_element_count(&t), 6);
  CHECK_EQ_INT(dlcrt_tensor_byte_size(&t), 24);
  for (int64_t i = 0; i < 6; ++i) CHECK(dlcrt_tensor_get_f64(&t, i) == 0.0);
  dlcrt_tensor_release(&t);
  CHECK(t.data == NULL);
  CHECK_EQ_INT(t.rank, 0);
  CHECK_EQ_INT(t.dtype, DLCRT_DTYPE_INVALID);
  dlcrt_tensor_release(&t); /* releasing a zeroed tensor is a no-op */
  dlcrt_tensor_release(NULL);
}

static void test_create_scalar_and_empty(void) {
  dlcrt_tensor_t scalar = make_tensor(DLCRT_DTYPE_F64, 0, NULL, NULL);
  CHECK_EQ_INT(dlcrt_tensor_element_count(&scalar), 1);
  CHECK_EQ_INT(dlcrt_tensor_byte_size(&scalar), 8);
  dlcrt_tensor_release(&scalar);
  int64_t shape[] = {4, 0, 3};
  dlcrt_tensor_t empty = make_tensor(DLCRT_DTYPE_I16, 3, shape, NULL);
  CHECK_EQ_INT(dlcrt_tensor_element_count(&empty), 0);
  CHECK_EQ_INT(dlcrt_tensor_byte_size(&empty), 0);
  CHECK(isnan(dlcrt_tensor_get_f64(&empty, 0))); /* out of range */
  dlcrt_tensor_release(&empty);
}

static void check_create_fails(dlcrt_dtype_t dtype, int32_t rank, const int64_t *shape, dlcrt_status_code_t code,
                               const char *needle) {
  dlcrt_tensor_t t;
  dlcrt_status_t s = dlcrt_tensor_create(dlcrt_allocator_system(), dtype, rank, shape, &t);
  CHECK_EQ_INT(dlcrt_status_code(s), code);
  CHECK_CONTAINS(dlcrt_status_message(s), needle);
  CHECK(t.data == NULL);
  dlcrt_status_free(s);
}

static void test_create_errors(void) {
  int64_t negative[] = {2, -1};
  int64_t overflow[] = {INT64_MAX / 2, 3};
  int64_t big[DLCRT_MAX_RANK + 1] = {0};
  check_create_fails(DLCRT_DTYPE_F32, 2, negative, DLCRT_STATUS_INVALID_ARGUMENT, "negative");
  check_create_fails(DLCRT_DTYPE_F32, 2, overflow, DLCRT_STATUS_INVALID_ARGUMENT, "too many elements");
  check_create_fails(DLCRT_DTYPE_F32, DLCRT_MAX_RANK + 1, big, DLCRT_STATUS_INVALID_ARGUMENT, "rank 17");
  check_create_fails(DLCRT_DTYPE_F32, -1, big, DLCRT_STATUS_INVALID_ARGUMENT, "rank -1");
  check_create_fails(DLCRT_DTYPE_INVALID, 1, big, DLCRT_STATUS_INVALID_ARGUMENT, "dtype");
  int64_t huge_bytes[] = {INT64_MAX / 4, 4};
  check_create_fails(DLCRT_DTYPE_F64, 2, huge_bytes, DLCRT_STATUS_RESOURCE_EXHAUSTED, "too large");
}

/* ---- dtypes ---- */

static void test_dtype_names(void) {
  static const char *const kNames[] = {"f32", "f64", "f16", "bf16", "i64", "i32", "i16", "i8", "ui8", "i1"};
  static const size_t kSizes[] = {4, 8, 2, 2, 8, 4, 2, 1, 1, 1};
  for (size_t i = 0; i < ALL_DTYPE_COUNT; ++i) {
    dlcrt_dtype_t d = kAllDtypes[i];
    CHECK_STREQ(dlcrt_dtype_name(d), kNames[i]);
    CHECK_EQ_INT(dlcrt_dtype_size(d), kSizes[i]);
    CHECK_EQ_INT(dlcrt_dtype_from_name(kNames[i], strlen(kNames[i])), d);
    CHECK_EQ_INT(dlcrt_dtype_is_float(d), i < 4);
  }
  CHECK_EQ_INT(dlcrt_dtype_from_name("bool", 4), DLCRT_DTYPE_BOOL);
  CHECK_EQ_INT(dlcrt_dtype_from_name("u8", 2), DLCRT_DTYPE_U8);
  CHECK_EQ_INT(dlcrt_dtype_from_name("f32x4", 3), DLCRT_DTYPE_F32); /* not NUL-terminated at len */
  CHECK_EQ_INT(dlcrt_dtype_from_name("f32", 2), DLCRT_DTYPE_INVALID);
  CHECK_EQ_INT(dlcrt_dtype_from_name("f3", 2), DLCRT_DTYPE_INVALID);
  CHECK_EQ_INT(dlcrt_dtype_from_name("", 0), DLCRT_DTYPE_INVALID);
  CHECK_EQ_INT(dlcrt_dtype_from_name("F32", 3), DLCRT_DTYPE_INVALID);
  CHECK_EQ_INT(dlcrt_dtype_from_name("invalid", 7), DLCRT_DTYPE_INVALID);
  CHECK_EQ_INT(dlcrt_dtype_from_name(NULL, 0), DLCRT_DTYPE_INVALID);
  CHECK_EQ_INT(dlcrt_dtype_size(DLCRT_DTYPE_INVALID), 0);
  CHECK_STREQ(dlcrt_dtype_name((dlcrt_dtype_t)1000), "invalid");
}

/* ---- conversions ---- */

static uint16_t store_bits(dlcrt_tensor_t *t, double value) {
  dlcrt_tensor_set_f64(t, 0, value);
  return ((const uint16_t *)t->data)[0];
}

static double load_bits(dlcrt_tensor_t *t, uint16_t bits) {
  ((uint16_t *)t->data)[0] = bits;
  return dlcrt_tensor_get_f64(t, 0);
}

static void test_f16_set(void) {
  dlcrt_tensor_t t = make_tensor(DLCRT_DTYPE_F16, 0, NULL, NULL);
  CHECK_EQ_INT(store_bits(&t, 1.0), 0x3C00);
  CHECK_EQ_INT(store_bits(&t, -2.0), 0xC000);
  CHECK_EQ_INT(store_bits(&t, 0.1), 0x2E66);
  CHECK_EQ_INT(store_bits(&t, 65504.0), 0x7BFF);       /* largest finite */
  CHECK_EQ_INT(store_bits(&t, 65519.0), 0x7BFF);       /* rounds down */
  CHECK_EQ_INT(store_bits(&t, 65520.0), 0x7C00);       /* ties to even: overflows to inf */
  CHECK_EQ_INT(store_bits(&t, 1e10), 0x7C00);
  CHECK_EQ_INT(store_bits(&t, -1e10), 0xFC00);
  CHECK_EQ_INT(store_bits(&t, INFINITY), 0x7C00);
  CHECK_EQ_INT(store_bits(&t, -INFINITY), 0xFC00);
  CHECK_EQ_INT(store_bits(&t, ldexp(1, -14)), 0x0400);  /* smallest normal */
  CHECK_EQ_INT(store_bits(&t, ldexp(1, -24)), 0x0001);  /* smallest subnormal */
  CHECK_EQ_INT(store_bits(&t, ldexp(1023, -24)), 0x03FF); /* largest subnormal */
  CHECK_EQ_INT(store_bits(&t, ldexp(2047, -25)), 0x0400); /* tie between 0x3FF and 0x400 -> even */
  CHECK_EQ_INT(store_bits(&t, ldexp(1, -25)), 0x0000);  /* tie between 0 and 1 -> even */
  CHECK_EQ_INT(store_bits(&t, ldexp(3, -26)), 0x0001);  /* above the tie */
  CHECK_EQ_INT(store_bits(&t, ldexp(3, -25)), 0x0002);  /* tie between 1 and 2 -> even */
  CHECK_EQ_INT(store_bits(&t, 1e-30), 0x0000);
  CHECK_EQ_INT(store_bits(&t, -1e-30), 0x8000);
  CHECK_EQ_INT(store_bits(&t, 4.9e-324), 0x0000);       /* f64 subnormal */
  CHECK_EQ_INT(store_bits(&t, 1.0 + ldexp(1, -11)), 0x3C00); /* tie -> even */
  CHECK_EQ_INT(store_bits(&t, 1.0 + ldexp(3, -11)), 0x3C02); /* tie -> even (up) */
  CHECK_EQ_INT(store_bits(&t, 0.0), 0x0000);
  CHECK_EQ_INT(store_bits(&t, -0.0), 0x8000);
  uint16_t nan_bits = store_bits(&t, NAN);
  CHECK((nan_bits & 0x7C00) == 0x7C00 && (nan_bits & 0x03FF) != 0);
  dlcrt_tensor_release(&t);
}

static void test_f16_get(void) {
  dlcrt_tensor_t t = make_tensor(DLCRT_DTYPE_F16, 0, NULL, NULL);
  CHECK(load_bits(&t, 0x3C00) == 1.0);
  CHECK(load_bits(&t, 0x3555) == 0.333251953125);
  CHECK(load_bits(&t, 0x7BFF) == 65504.0);
  CHECK(load_bits(&t, 0x0001) == ldexp(1, -24));
  CHECK(load_bits(&t, 0x03FF) == ldexp(1023, -24));
  CHECK(load_bits(&t, 0x0400) == ldexp(1, -14));
  CHECK(load_bits(&t, 0xC000) == -2.0);
  double negative_zero = load_bits(&t, 0x8000);
  CHECK(negative_zero == 0.0 && signbit(negative_zero));
  CHECK(load_bits(&t, 0x7C00) == INFINITY);
  CHECK(load_bits(&t, 0xFC00) == -INFINITY);
  CHECK(isnan(load_bits(&t, 0x7E00)));
  CHECK(isnan(load_bits(&t, 0x7C01)));
  /* Every finite f16 survives a round trip through double. */
  for (uint32_t bits = 0; bits <= 0xFFFF; ++bits) {
    if ((bits & 0x7C00) == 0x7C00) continue;
    double v = load_bits(&t, (uint16_t)bits);
    if (store_bits(&t, v) != bits) {
      CHECK_EQ_INT(store_bits(&t, v), bits);
      break;
    }
  }
  dlcrt_tensor_release(&t);
}

static void test_bf16(void) {
  dlcrt_tensor_t t = make_tensor(DLCRT_DTYPE_BF16, 0, NULL, NULL);
  CHECK_EQ_INT(store_bits(&t, 1.0), 0x3F80);
  CHECK_EQ_INT(store_bits(&t, -2.0), 0xC000);
  CHECK_EQ_INT(store_bits(&t, 3.140625), 0x4049);
  CHECK_EQ_INT(store_bits(&t, 1.0 + ldexp(1, -8)), 0x3F80); /* f32 0x3F808000: tie -> even */
  CHECK_EQ_INT(store_bits(&t, 1.0 + ldexp(3, -8)), 0x3F82); /* f32 0x3F818000: tie -> even (up) */
  CHECK_EQ_INT(store_bits(&t, 1.0 + ldexp(1, -7) + ldexp(1, -12)), 0x3F81);
  CHECK_EQ_INT(store_bits(&t, 3.4e38), 0x7F80);             /* rounds past the largest finite to inf */
  CHECK_EQ_INT(store_bits(&t, INFINITY), 0x7F80);
  CHECK_EQ_INT(store_bits(&t, -INFINITY), 0xFF80);
  CHECK_EQ_INT(store_bits(&t, -0.0), 0x8000);
  uint16_t nan_bits = store_bits(&t, NAN);
  CHECK((nan_bits & 0x7F80) == 0x7F80 && (nan_bits & 0x007F) != 0);
  CHECK(load_bits(&t, 0x4049) == 3.140625);
  CHECK(load_bits(&t, 0x0001) == ldexp(1, -133)); /* bf16 subnormal */
  CHECK(load_bits(&t, 0xFF80) == -INFINITY);
  CHECK(isnan(load_bits(&t, 0x7FC0)));
  dlcrt_tensor_release(&t);
}

static double round_trip(dlcrt_dtype_t dtype, double value) {
  dlcrt_tensor_t t = make_tensor(dtype, 0, NULL, NULL);
  dlcrt_tensor_set_f64(&t, 0, value);
  double result = dlcrt_tensor_get_f64(&t, 0);
  dlcrt_tensor_release(&t);
  return result;
}

static void test_int_conversions(void) {
  CHECK(round_trip(DLCRT_DTYPE_I32, 3.7) == 3.0);   /* truncates toward zero */
  CHECK(round_trip(DLCRT_DTYPE_I32, -3.7) == -3.0);
  CHECK(round_trip(DLCRT_DTYPE_I8, 300.0) == 127.0); /* saturates */
  CHECK(round_trip(DLCRT_DTYPE_I8, -300.0) == -128.0);
  CHECK(round_trip(DLCRT_DTYPE_U8, -5.0) == 0.0);
  CHECK(round_trip(DLCRT_DTYPE_U8, 255.0) == 255.0);
  CHECK(round_trip(DLCRT_DTYPE_U8, 1e9) == 255.0);
  CHECK(round_trip(DLCRT_DTYPE_I16, -32768.0) == -32768.0);
  CHECK(round_trip(DLCRT_DTYPE_I64, ldexp(1, 62)) == ldexp(1, 62));
  CHECK(round_trip(DLCRT_DTYPE_I64, 1e30) == (double)INT64_MAX);
  CHECK(round_trip(DLCRT_DTYPE_I64, -1e30) == (double)INT64_MIN);
  CHECK(round_trip(DLCRT_DTYPE_I32, NAN) == 0.0);
  CHECK(round_trip(DLCRT_DTYPE_I32, INFINITY) == (double)INT32_MAX);
  CHECK(round_trip(DLCRT_DTYPE_BOOL, 2.5) == 1.0);
  CHECK(round_trip(DLCRT_DTYPE_BOOL, 0.0) == 0.0);
  CHECK(round_trip(DLCRT_DTYPE_F32, 0.1) == (double)0.1f);
  CHECK(round_trip(DLCRT_DTYPE_F64, 0.1) == 0.1);
}

/* ---- formatting ---- */

static void test_format_type(void) {
  char buf[64];
  int64_t shape[] = {2, 3};
  dlcrt_tensor_t t = make_tensor(DLCRT_DTYPE_F32, 2, shape, NULL);
  dlcrt_tensor_format_type(&t, buf, sizeof(buf));
  CHECK_STREQ(buf, "2x3xf32");
  dlcrt_tensor_format_type(&t, buf, 5); /* truncated, still terminated */
  CHECK_STREQ(buf, "2x3x");
  dlcrt_tensor_release(&t);
  dlcrt_tensor_t scalar = make_tensor(DLCRT_DTYPE_BOOL, 0, NULL, NULL);
  dlcrt_tensor_format_type(&scalar, buf, sizeof(buf));
  CHECK_STREQ(buf, "i1");
  dlcrt_tensor_release(&scalar);
  int64_t empty_shape[] = {0, 4};
  dlcrt_tensor_t empty = make_tensor(DLCRT_DTYPE_U8, 2, empty_shape, NULL);
  dlcrt_tensor_format_type(&empty, buf, sizeof(buf));
  CHECK_STREQ(buf, "0x4xui8");
  dlcrt_tensor_release(&empty);
}

static void test_print_basic(void) {
  int64_t shape[] = {2, 3};
  dlcrt_tensor_t t = make_iota(DLCRT_DTYPE_F32, 2, shape);
  dlcrt_tensor_set_f64(&t, 0, 1.5);
  CHECK_PRINTS(t, "x", 1000, "x: 2x3xf32\n[[1.5, 1, 2],\n [3, 4, 5]]\n");
  CHECK_PRINTS(t, NULL, 1000, "[[1.5, 1, 2],\n [3, 4, 5]]\n");
  dlcrt_tensor_release(&t);
  double v = 2.5;
  dlcrt_tensor_t scalar = make_tensor(DLCRT_DTYPE_F64, 0, NULL, &v);
  CHECK_PRINTS(scalar, "s", 0, "s: f64\n2.5\n");
  dlcrt_tensor_release(&scalar);
}

static void test_print_values(void) {
  int64_t n6[] = {6}, n3[] = {3};
  double floats[] = {NAN, INFINITY, -INFINITY, 0.1, 1e-7, 123456789.0};
  dlcrt_tensor_t f = make_tensor(DLCRT_DTYPE_F64, 1, n6, floats);
  CHECK_PRINTS(f, "f", 100, "f: 6xf64\n[nan, inf, -inf, 0.1, 1e-07, 1.23457e+08]\n");
  dlcrt_tensor_release(&f);
  double halves[] = {-NAN, 65504, -0.5};
  dlcrt_tensor_t h = make_tensor(DLCRT_DTYPE_F16, 1, n3, halves);
  CHECK_PRINTS(h, "h", 100, "h: 3xf16\n[nan, 65504, -0.5]\n");
  dlcrt_tensor_release(&h);
  double bools[] = {1, 0, 1};
  dlcrt_tensor_t b = make_tensor(DLCRT_DTYPE_BOOL, 1, n3, bools);
  CHECK_PRINTS(b, "b", 100, "b: 3xi1\n[true, false, true]\n");
  dlcrt_tensor_release(&b);
  dlcrt_tensor_t i = make_tensor(DLCRT_DTYPE_I64, 1, n3, NULL);
  ((int64_t *)i.data)[0] = INT64_MIN;
  ((int64_t *)i.data)[1] = 9007199254740993; /* not representable as a double */
  ((int64_t *)i.data)[2] = -7;
  CHECK_PRINTS(i, "i", 100, "i: 3xi64\n[-9223372036854775808, 9007199254740993, -7]\n");
  dlcrt_tensor_release(&i);
  double bytes[] = {255, 0, 7};
  dlcrt_tensor_t u = make_tensor(DLCRT_DTYPE_U8, 1, n3, bytes);
  CHECK_PRINTS(u, "u", 100, "u: 3xui8\n[255, 0, 7]\n");
  dlcrt_tensor_release(&u);
}

static void test_print_nested(void) {
  int64_t shape[] = {2, 2, 2};
  dlcrt_tensor_t t = make_iota(DLCRT_DTYPE_I32, 3, shape);
  CHECK_PRINTS(t, "t", 100, "t: 2x2x2xi32\n[[[0, 1],\n  [2, 3]],\n\n [[4, 5],\n  [6, 7]]]\n");
  dlcrt_tensor_release(&t);
  int64_t empty_1d[] = {0}, empty_2d[] = {2, 0};
  dlcrt_tensor_t e1 = make_tensor(DLCRT_DTYPE_F32, 1, empty_1d, NULL);
  CHECK_PRINTS(e1, "e", 0, "e: 0xf32\n[]\n");
  dlcrt_tensor_release(&e1);
  dlcrt_tensor_t e2 = make_tensor(DLCRT_DTYPE_F32, 2, empty_2d, NULL);
  CHECK_PRINTS(e2, "e", 0, "e: 2x0xf32\n[[],\n []]\n");
  dlcrt_tensor_release(&e2);
  dlcrt_tensor_t released = make_tensor(DLCRT_DTYPE_F32, 0, NULL, NULL);
  dlcrt_tensor_release(&released);
  CHECK_PRINTS(released, "r", 10, "r: invalid\n<no data>\n");
}

/* Expected strings match numpy.array2string(a, separator=', ', threshold=MAX, edgeitems=3,
 * formatter={'all': lambda x: '%g' % x}, max_line_width=large). */
static void test_print_elision(void) {
  int64_t n10[] = {10};
  dlcrt_tensor_t v = make_iota(DLCRT_DTYPE_I32, 1, n10);
  CHECK_PRINTS(v, "v", 5, "v: 10xi32\n[0, 1, 2, ..., 7, 8, 9]\n");
  CHECK_PRINTS(v, "v", 10, "v: 10xi32\n[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n");
  CHECK_PRINTS(v, "v", -1, "v: 10xi32\n[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n"); /* negative: never elide */
  dlcrt_tensor_release(&v);

  int64_t square[] = {8, 8};
  dlcrt_tensor_t m = make_iota(DLCRT_DTYPE_F32, 2, square);
  CHECK_PRINTS(m, "m", 10,
               "m: 8x8xf32\n"
               "[[0, 1, 2, ..., 5, 6, 7],\n [8, 9, 10, ..., 13, 14, 15],\n [16, 17, 18, ..., 21, 22, 23],\n"
               " ...,\n [40, 41, 42, ..., 45, 46, 47],\n [48, 49, 50, ..., 53, 54, 55],\n"
               " [56, 57, 58, ..., 61, 62, 63]]\n");
  dlcrt_tensor_release(&m);

  int64_t cube[] = {8, 2, 7};
  dlcrt_tensor_t c = make_iota(DLCRT_DTYPE_I16, 3, cube);
  CHECK_PRINTS(c, "c", 10,
               "c: 8x2x7xi16\n"
               "[[[0, 1, 2, ..., 4, 5, 6],\n  [7, 8, 9, ..., 11, 12, 13]],\n\n"
               " [[14, 15, 16, ..., 18, 19, 20],\n  [21, 22, 23, ..., 25, 26, 27]],\n\n"
               " [[28, 29, 30, ..., 32, 33, 34],\n  [35, 36, 37, ..., 39, 40, 41]],\n\n"
               " ...,\n\n"
               " [[70, 71, 72, ..., 74, 75, 76],\n  [77, 78, 79, ..., 81, 82, 83]],\n\n"
               " [[84, 85, 86, ..., 88, 89, 90],\n  [91, 92, 93, ..., 95, 96, 97]],\n\n"
               " [[98, 99, 100, ..., 102, 103, 104],\n  [105, 106, 107, ..., 109, 110, 111]]]\n");
  dlcrt_tensor_release(&c);

  int64_t column[] = {7, 1, 2};
  dlcrt_tensor_t col = make_iota(DLCRT_DTYPE_I64, 3, column);
  CHECK_PRINTS(col, "k", 10,
               "k: 7x1x2xi64\n[[[0, 1]],\n\n [[2, 3]],\n\n [[4, 5]],\n\n ...,\n\n [[8, 9]],\n\n [[10, 11]],\n\n"
               " [[12, 13]]]\n");
  dlcrt_tensor_release(&col);
}

int main(void) {
  DLC_RUN_TEST(test_create_release);
  DLC_RUN_TEST(test_create_scalar_and_empty);
  DLC_RUN_TEST(test_create_errors);
  DLC_RUN_TEST(test_dtype_names);
  DLC_RUN_TEST(test_f16_set);
  DLC_RUN_TEST(test_f16_get);
  DLC_RUN_TEST(test_bf16);
  DLC_RUN_TEST(test_int_conversions);
  DLC_RUN_TEST(test_format_type);
  DLC_RUN_TEST(test_print_basic);
  DLC_RUN_TEST(test_print_values);
  DLC_RUN_TEST(test_print_nested);
  DLC_RUN_TEST(test_print_elision);
  return DLC_TEST_RESULT();
}
