/* Unit tests for the .npy reader/writer: round trips, hand-made headers, numpy-made fixtures,
 * rejection of unsupported or corrupt files, and atomic writes that leave nothing behind on failure. */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <math.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dlc/npy.h"
#include "dlc_test.h"

#ifndef DLC_TEST_DATA_DIR
#error "DLC_TEST_DATA_DIR must name the directory holding the .npy fixtures"
#endif

#define PATH_CAPACITY 1024

static const dlcrt_dtype_t kNpyDtypes[] = {DLCRT_DTYPE_F32, DLCRT_DTYPE_F64, DLCRT_DTYPE_F16,
                                           DLCRT_DTYPE_I64, DLCRT_DTYPE_I32, DLCRT_DTYPE_I16,
                                           DLCRT_DTYPE_I8,  DLCRT_DTYPE_U8,  DLCRT_DTYPE_BOOL};

/* ---- file-system helpers ---- */

static void join(char *out, const char *dir, const char *name) {
  int n = snprintf(out, PATH_CAPACITY, "%s/%s", dir, name);
  CHECK(n > 0 && n < PATH_CAPACITY);
}

static int count_entries(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return -1;
  int count = 0;
  for (struct dirent *e; (e = readdir(d));)
    if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) ++count;
  closedir(d);
  return count;
}

/* Removes a directory tree (the tests only create one level of subdirectories). */
static void remove_tree(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return;
  char path[PATH_CAPACITY];
  for (struct dirent *e; (e = readdir(d));) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    join(path, dir, e->d_name);
    if (unlink(path) != 0) remove_tree(path);
  }
  closedir(d);
  rmdir(dir);
}

static void write_bytes(const char *path, const void *bytes, size_t size) {
  FILE *f = fopen(path, "wb");
  CHECK(f != NULL);
  if (!f) return;
  CHECK_EQ_INT(fwrite(bytes, 1, size, f), size);
  fclose(f);
}

/* Builds a .npy image: magic, version major.0, header length, `header` verbatim, then `data`. */
static size_t make_image(unsigned char *out, int major, const char *header, const void *data, size_t data_size) {
  size_t header_len = strlen(header), len_bytes = major == 1 ? 2 : 4;
  memcpy(out, "\x93NUMPY", 6);
  out[6] = (unsigned char)major;
  out[7] = 0;
  for (size_t i = 0; i < len_bytes; ++i) out[8 + i] = (unsigned char)(header_len >> (8 * i));
  memcpy(out + 8 + len_bytes, header, header_len);
  memcpy(out + 8 + len_bytes + header_len, data, data_size);
  return 8 + len_bytes + header_len + data_size;
}

/* ---- round trips ---- */

static void check_same_tensor(const dlcrt_tensor_t *a, const dlcrt_tensor_t *b) {
  CHECK_EQ_INT(a->dtype, b->dtype);
  CHECK_EQ_INT(a->rank, b->rank);
  for (int32_t i = 0; i < a->rank && i < b->rank; ++i) CHECK_EQ_INT(a->shape[i], b->shape[i]);
  CHECK_EQ_INT(dlcrt_tensor_byte_size(a), dlcrt_tensor_byte_size(b));
  if (dlcrt_tensor_byte_size(a) == dlcrt_tensor_byte_size(b))
    CHECK(memcmp(a->data, b->data, dlcrt_tensor_byte_size(a)) == 0);
}

/* The written header is format 1.0, ends with '\n' and puts the data on a 64-byte boundary. */
static void check_written_header(const char *path) {
  unsigned char bytes[16] = {0};
  FILE *f = fopen(path, "rb");
  CHECK(f != NULL);
  if (!f) return;
  CHECK_EQ_INT(fread(bytes, 1, 10, f), 10);
  size_t data_start = 10 + (size_t)(bytes[8] | bytes[9] << 8);
  CHECK(memcmp(bytes, "\x93NUMPY\x01\x00", 8) == 0);
  CHECK_EQ_INT(data_start % 64, 0);
  CHECK(fseek(f, (long)data_start - 1, SEEK_SET) == 0);
  CHECK_EQ_INT(fgetc(f), '\n');
  fclose(f);
}

static void test_round_trip(const char *dir) {
  static const int64_t kShape[] = {2, 3, 1, 4};
  char path[PATH_CAPACITY];
  join(path, dir, "round_trip.npy");
  for (size_t d = 0; d < sizeof(kNpyDtypes) / sizeof(kNpyDtypes[0]); ++d) {
    for (int32_t rank = 0; rank <= 4; ++rank) {
      dlcrt_tensor_t t, back;
      CHECK_OK(dlcrt_tensor_create(dlcrt_allocator_system(), kNpyDtypes[d], rank, kShape, &t));
      for (int64_t i = 0; i < dlcrt_tensor_element_count(&t); ++i)
        dlcrt_tensor_set_f64(&t, i, (double)((i * 37) % 23) - 11.5);
      CHECK_OK(dlcrt_npy_write(path, &t)); /* replaces the previous iteration's file */
      check_written_header(path);
      CHECK_OK(dlcrt_npy_read(dlcrt_allocator_system(), path, &back));
      check_same_tensor(&t, &back);
      dlcrt_tensor_release(&t);
      dlcrt_tensor_release(&back);
    }
  }
  CHECK_EQ_INT(count_entries(dir), 1); /* no temporary files left behind */
  unlink(path);
}

static void test_round_trip_empty_and_wide(const char *dir) {
  int64_t empty[] = {3, 0, 2};
  int64_t wide[DLCRT_MAX_RANK];
  for (int i = 0; i < DLCRT_MAX_RANK; ++i) wide[i] = 1;
  wide[0] = 123456789012; /* long dims must still fit the header; no data is allocated for rank 16 ones */
  wide[1] = 0;
  const int64_t *shapes[] = {empty, wide};
  int32_t ranks[] = {3, DLCRT_MAX_RANK};
  char path[PATH_CAPACITY];
  join(path, dir, "edge.npy");
  for (int i = 0; i < 2; ++i) {
    dlcrt_tensor_t t, back;
    CHECK_OK(dlcrt_tensor_create(dlcrt_allocator_system(), DLCRT_DTYPE_F32, ranks[i], shapes[i], &t));
    CHECK_OK(dlcrt_npy_write(path, &t));
    check_written_header(path);
    CHECK_OK(dlcrt_npy_read(dlcrt_allocator_system(), path, &back));
    check_same_tensor(&t, &back);
    dlcrt_tensor_release(&t);
    dlcrt_tensor_release(&back);
  }
  unlink(path);
}

/* ---- hand-made headers ---- */

static void test_parse_headers(void) {
  unsigned char image[512];
  dlcrt_tensor_t t;
  int32_t ints[6] = {1, -2, 3, -4, 5, 2147483647};
  size_t size = make_image(image, 1, "{'shape': (2, 3), 'fortran_order': False, 'descr': '<i4'}", ints, sizeof(ints));
  CHECK_OK(dlcrt_npy_parse(dlcrt_allocator_system(), image, size, &t));
  CHECK_EQ_INT(t.dtype, DLCRT_DTYPE_I32);
  CHECK_EQ_INT(t.rank, 2);
  CHECK_EQ_INT(t.shape[0] * 10 + t.shape[1], 23);
  CHECK(dlcrt_tensor_get_f64(&t, 5) == 2147483647.0);
  dlcrt_tensor_release(&t);

  unsigned char bytes[5] = {1, 2, 3, 4, 250};
  size = make_image(image, 1, "{ \"descr\" : '|u1' ,\n 'fortran_order':False,'shape':( 5 , ) , }\n   ", bytes, 5);
  CHECK_OK(dlcrt_npy_parse(dlcrt_allocator_system(), image, size, &t));
  CHECK_EQ_INT(t.dtype, DLCRT_DTYPE_U8);
  CHECK_EQ_INT(t.rank, 1);
  CHECK_EQ_INT(t.shape[0], 5);
  CHECK(dlcrt_tensor_get_f64(&t, 4) == 250.0);
  dlcrt_tensor_release(&t);

  double scalar = -0.125;
  size = make_image(image, 2, "{'descr': '<f8', 'fortran_order': False, 'shape': (), }\n", &scalar, 8);
  CHECK_OK(dlcrt_npy_parse(dlcrt_allocator_system(), image, size, &t));
  CHECK_EQ_INT(t.dtype, DLCRT_DTYPE_F64);
  CHECK_EQ_INT(t.rank, 0);
  CHECK(dlcrt_tensor_get_f64(&t, 0) == -0.125);
  dlcrt_tensor_release(&t);

  uint16_t halves[3] = {0x3C00, 0xC000, 0x7C00};
  size = make_image(image, 3, "{'descr': '=f2', 'fortran_order': False, 'shape': (3L,), }", halves, 6);
  CHECK_OK(dlcrt_npy_parse(dlcrt_allocator_system(), image, size, &t));
  CHECK_EQ_INT(t.dtype, DLCRT_DTYPE_F16);
  CHECK(dlcrt_tensor_get_f64(&t, 1) == -2.0);
  CHECK(dlcrt_tensor_get_f64(&t, 2) == INFINITY);
  dlcrt_tensor_release(&t);
}

/* ---- numpy-made fixtures ---- */

static dlcrt_tensor_t read_fixture(const char *name, dlcrt_dtype_t dtype, int32_t rank, const int64_t *shape) {
  char path[PATH_CAPACITY];
  join(path, DLC_TEST_DATA_DIR, name);
  dlcrt_tensor_t t;
  CHECK_OK(dlcrt_npy_read(dlcrt_allocator_system(), path, &t));
  CHECK_EQ_INT(t.dtype, dtype);
  CHECK_EQ_INT(t.rank, rank);
  for (int32_t i = 0; i < rank && i < t.rank; ++i) CHECK_EQ_INT(t.shape[i], shape[i]);
  return t;
}

static void check_fixture_values(const char *name, dlcrt_dtype_t dtype, int32_t rank, const int64_t *shape,
                                 const double *values) {
  dlcrt_tensor_t t = read_fixture(name, dtype, rank, shape);
  for (int64_t i = 0; t.data && i < dlcrt_tensor_element_count(&t); ++i)
    if (dlcrt_tensor_get_f64(&t, i) != values[i]) {
      fprintf(stderr, "    %s[%" PRId64 "] = %g, expected %g\n", name, i, dlcrt_tensor_get_f64(&t, i), values[i]);
      CHECK(dlcrt_tensor_get_f64(&t, i) == values[i]);
    }
  dlcrt_tensor_release(&t);
}

static void test_fixtures(void) {
  static const int64_t k2x3[] = {2, 3}, k2x1x1[] = {2, 1, 1}, k5[] = {5}, k3[] = {3}, k2x2[] = {2, 2},
                       k0x3[] = {0, 3}, k4[] = {4};
  static const double f32[] = {1.5, -2, 3, 4, 5, 6.25}, f64[] = {0.25, -1e300}, f16[] = {-0.5};
  static const double i32[] = {-2147483648.0, 0, 2147483647.0}, i16[] = {-32768, 1, 2, 32767};
  static const double u8[] = {0, 255, 7, 128}, bools[] = {1, 0, 0, 1};
  check_fixture_values("f32_2x3.npy", DLCRT_DTYPE_F32, 2, k2x3, f32);
  check_fixture_values("f64_2x1x1_v2.npy", DLCRT_DTYPE_F64, 3, k2x1x1, f64);
  check_fixture_values("f16_scalar.npy", DLCRT_DTYPE_F16, 0, NULL, f16);
  check_fixture_values("i32_3.npy", DLCRT_DTYPE_I32, 1, k3, i32);
  check_fixture_values("i16_2x2.npy", DLCRT_DTYPE_I16, 2, k2x2, i16);
  check_fixture_values("i8_0x3.npy", DLCRT_DTYPE_I8, 2, k0x3, NULL);
  check_fixture_values("u8_2x2.npy", DLCRT_DTYPE_U8, 2, k2x2, u8);
  check_fixture_values("bool_4.npy", DLCRT_DTYPE_BOOL, 1, k4, bools);
  /* i64 extremes are not exact as doubles: compare the raw values. */
  static const int64_t i64[] = {0, -1, INT64_C(1) << 40, INT64_MIN, INT64_MAX};
  dlcrt_tensor_t t = read_fixture("i64_5.npy", DLCRT_DTYPE_I64, 1, k5);
  CHECK(t.data && memcmp(t.data, i64, sizeof(i64)) == 0);
  dlcrt_tensor_release(&t);
}

/* ---- rejections ---- */

static void check_read_fails(const char *path, dlcrt_status_code_t code, const char *needle) {
  dlcrt_tensor_t t;
  dlcrt_status_t s = dlcrt_npy_read(dlcrt_allocator_system(), path, &t);
  CHECK_EQ_INT(dlcrt_status_code(s), code);
  CHECK_CONTAINS(dlcrt_status_message(s), path);
  CHECK_CONTAINS(dlcrt_status_message(s), needle);
  CHECK(t.data == NULL);
  dlcrt_status_free(s);
}

/* Writes a hand-made image to DIR/bad.npy and expects reading it to fail with INVALID_ARGUMENT. */
static void check_rejected(const char *dir, int major, const char *header, size_t data_size, const char *needle) {
  static const unsigned char kZeros[64] = {0};
  unsigned char image[1024];
  char path[PATH_CAPACITY];
  join(path, dir, "bad.npy");
  write_bytes(path, image, make_image(image, major, header, kZeros, data_size));
  check_read_fails(path, DLCRT_STATUS_INVALID_ARGUMENT, needle);
  unlink(path);
}

#define HEADER(descr, fortran, shape) "{'descr': '" descr "', 'fortran_order': " fortran ", 'shape': " shape ", }"

static void test_rejections(const char *dir) {
  check_rejected(dir, 1, HEADER(">f4", "False", "(2,)"), 8,
                 "unsupported dtype '>f4' (expected little-endian f32, f64, f16, i64, i32, i16, i8, u8 or bool)");
  check_rejected(dir, 1, HEADER("<c8", "False", "(2,)"), 16, "unsupported dtype '<c8'");
  check_rejected(dir, 1, HEADER("<U3", "False", "(2,)"), 24, "unsupported dtype '<U3'");
  check_rejected(dir, 1, HEADER("|O", "False", "(2,)"), 16, "unsupported dtype '|O'");
  check_rejected(dir, 1, HEADER("|f4", "False", "(2,)"), 8, "unsupported dtype '|f4'");
  check_rejected(dir, 1, "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }", 8, "structured");
  check_rejected(dir, 1, HEADER("<f4", "True", "(2, 3)"), 24, "fortran_order arrays are not supported");
  check_rejected(dir, 1, HEADER("<f4", "False", "(2, 3)"), 12, "file is truncated: expected 24 data bytes, found 12");
  check_rejected(dir, 1, HEADER("<f4", "False", "(2,)"), 12, "4 unexpected trailing bytes");
  check_rejected(dir, 1, HEADER("<f4", "False", "(-1, 3)"), 0, "negative");
  check_rejected(dir, 1, HEADER("<f4", "False", "(9223372036854775807, 4)"), 0, "too large");
  check_rejected(dir, 1, HEADER("<f4", "False", "(99999999999999999999,)"), 0, "too large");
  check_rejected(dir, 1, HEADER("<f4", "False", "(1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1)"), 4, "more than 16");
  check_rejected(dir, 1, HEADER("<f4", "maybe", "(2,)"), 8, "fortran_order' must be True or False");
  check_rejected(dir, 1, "{'descr': '<f4', 'shape': (2,), }", 8, "required");
  check_rejected(dir, 1, "{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (2,)}", 8, "duplicate");
  check_rejected(dir, 1, HEADER("<f4", "False", "(2,)") "x", 8, "unexpected text");
  check_rejected(dir, 1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'extra': 1}", 8, "unexpected key");
  check_rejected(dir, 1, "hello", 8, "expected '{'");
  check_rejected(dir, 1, HEADER("<f4", "False", "[2]"), 8, "not a tuple");
  check_rejected(dir, 4, HEADER("<f4", "False", "(2,)"), 8, "unsupported .npy format version 4.0");

  char path[PATH_CAPACITY];
  join(path, dir, "bad.npy");
  unsigned char overrun[] = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 0xE8, 0x03, '{', '}'};
  write_bytes(path, overrun, sizeof(overrun));
  check_read_fails(path, DLCRT_STATUS_INVALID_ARGUMENT, "header length 1000 overruns the file");
  write_bytes(path, "PK\x03\x04 not numpy", 15);
  check_read_fails(path, DLCRT_STATUS_INVALID_ARGUMENT, "not a .npy file (bad magic)");
  write_bytes(path, "", 0);
  check_read_fails(path, DLCRT_STATUS_INVALID_ARGUMENT, "not a .npy file (bad magic)");
  write_bytes(path, "\x93NUMPY\x01", 7);
  check_read_fails(path, DLCRT_STATUS_INVALID_ARGUMENT, "truncated");
  unlink(path);

  join(path, DLC_TEST_DATA_DIR, "f32_big_endian.npy");
  check_read_fails(path, DLCRT_STATUS_INVALID_ARGUMENT, "unsupported dtype '>f4'");
  join(path, DLC_TEST_DATA_DIR, "f32_fortran.npy");
  check_read_fails(path, DLCRT_STATUS_INVALID_ARGUMENT, "fortran_order arrays are not supported");
  join(path, dir, "missing.npy");
  check_read_fails(path, DLCRT_STATUS_NOT_FOUND, "No such file or directory");
  check_read_fails(dir, DLCRT_STATUS_IO_ERROR, "read failed"); /* a directory */
  CHECK_EQ_INT(count_entries(dir), 0);
}

static void test_parse_from_memory_errors(void) {
  dlcrt_tensor_t t;
  dlcrt_status_t s = dlcrt_npy_parse(dlcrt_allocator_system(), "nope", 4, &t);
  CHECK_EQ_INT(dlcrt_status_code(s), DLCRT_STATUS_INVALID_ARGUMENT);
  CHECK_STREQ(dlcrt_status_message(s), "not a .npy file (bad magic)");
  dlcrt_status_free(s);
}

/* ---- write failures ---- */

static void check_write_fails(const char *path, const dlcrt_tensor_t *t, dlcrt_status_code_t code,
                              const char *needle) {
  dlcrt_status_t s = dlcrt_npy_write(path, t);
  CHECK_EQ_INT(dlcrt_status_code(s), code);
  CHECK_CONTAINS(dlcrt_status_message(s), path);
  CHECK_CONTAINS(dlcrt_status_message(s), needle);
  dlcrt_status_free(s);
}

static void test_write_failures(const char *dir) {
  char path[PATH_CAPACITY];
  int64_t shape[] = {4};
  dlcrt_tensor_t t;
  CHECK_OK(dlcrt_tensor_create(dlcrt_allocator_system(), DLCRT_DTYPE_BF16, 1, shape, &t));
  join(path, dir, "bf16.npy");
  check_write_fails(path, &t, DLCRT_STATUS_INVALID_ARGUMENT, "bf16");
  dlcrt_tensor_release(&t);
  check_write_fails(path, &t, DLCRT_STATUS_INVALID_ARGUMENT, "invalid"); /* a released tensor */
  CHECK_EQ_INT(count_entries(dir), 0);

  CHECK_OK(dlcrt_tensor_create(dlcrt_allocator_system(), DLCRT_DTYPE_F32, 1, shape, &t));
  join(path, dir, "no/such/dir/x.npy");
  check_write_fails(path, &t, DLCRT_STATUS_NOT_FOUND, "No such file or directory");
  CHECK_EQ_INT(count_entries(dir), 0);

  /* The temporary file is written, then rename() onto a directory fails: it must be removed. */
  join(path, dir, "sub");
  CHECK(mkdir(path, 0755) == 0);
  check_write_fails(path, &t, DLCRT_STATUS_IO_ERROR, "cannot replace file");
  CHECK_EQ_INT(count_entries(dir), 1);
  CHECK_EQ_INT(count_entries(path), 0);
  rmdir(path);
  dlcrt_tensor_release(&t);
}

int main(void) {
  const char *tmp = getenv("TMPDIR");
  char dir[PATH_CAPACITY];
  snprintf(dir, sizeof(dir), "%s/dlc_test_npy_XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
  }
  test_round_trip(dir);
  test_round_trip_empty_and_wide(dir);
  DLC_RUN_TEST(test_parse_headers);
  DLC_RUN_TEST(test_fixtures);
  test_rejections(dir);
  DLC_RUN_TEST(test_parse_from_memory_errors);
  test_write_failures(dir);
  remove_tree(dir);
  return DLC_TEST_RESULT();
}
