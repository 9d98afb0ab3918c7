/* Parsing dlc-run --input specifications into host tensors (see input_spec.h). */
#include "input_spec.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dlc/npy.h"

/* splitmix64: small, seedable, and the same on every platform. */
static uint64_t dlc_next_random(uint64_t *state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* "2x3xf32" -> dtype and shape. */
static dlcrt_status_t dlc_parse_type(const char *spec, const char *type, size_t len, dlcrt_dtype_t *dtype,
                                     int32_t *rank, int64_t *shape) {
  *rank = 0;
  const char *p = type, *end = type + len;
  for (;;) {
    const char *x = memchr(p, 'x', (size_t)(end - p));
    if (!x || !(p < x && p[0] >= '0' && p[0] <= '9')) break;
    if (*rank == DLCRT_MAX_RANK)
      return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "--input=%s: rank above %d", spec, DLCRT_MAX_RANK);
    char *num_end;
    errno = 0;
    long long d = strtoll(p, &num_end, 10);
    if (num_end != x || d < 0 || errno)
      return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "--input=%s: bad dimension '%.*s'", spec, (int)(x - p), p);
    shape[(*rank)++] = d;
    p = x + 1;
  }
  *dtype = dlcrt_dtype_from_name(p, (size_t)(end - p));
  if (*dtype == DLCRT_DTYPE_INVALID)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT,
                             "--input=%s: unknown element type '%.*s' (expected f32, f64, f16, bf16, i64, i32, i16, "
                             "i8, ui8 or i1)",
                             spec, (int)(end - p), p);
  return NULL;
}

static void dlc_fill_random(dlcrt_tensor_t *t, uint64_t *state) {
  int64_t n = dlcrt_tensor_element_count(t);
  for (int64_t i = 0; i < n; ++i) {
    uint64_t r = dlc_next_random(state);
    double v;
    if (dlcrt_dtype_is_float(t->dtype)) v = (double)(r >> 11) / 9007199254740992.0 * 2.0 - 1.0; /* [-1, 1) */
    else if (t->dtype == DLCRT_DTYPE_BOOL) v = (double)(r & 1);
    else if (t->dtype == DLCRT_DTYPE_U8) v = (double)(r % 10);
    else v = (double)(int64_t)(r % 11) - 5.0; /* [-5, 5] */
    dlcrt_tensor_set_f64(t, i, v);
  }
}

static dlcrt_status_t dlc_fill_values(const char *spec, const char *values, dlcrt_tensor_t *t) {
  int64_t n = dlcrt_tensor_element_count(t), count = 0;
  const char *p = values;
  double first = 0;
  for (;;) {
    while (*p == ' ' || *p == ',' || *p == '\t' || *p == '\n') ++p;
    if (!*p) break;
    char *end;
    double v;
    if (strncmp(p, "true", 4) == 0) { v = 1; end = (char *)p + 4; }
    else if (strncmp(p, "false", 5) == 0) { v = 0; end = (char *)p + 5; }
    else v = strtod(p, &end);
    if (end == p)
      return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "--input=%s: '%s' is not a number", spec, p);
    if (count < n) dlcrt_tensor_set_f64(t, count, v);
    if (count == 0) first = v;
    ++count;
    p = end;
  }
  if (count == 1) { /* a single value fills the tensor */
    for (int64_t i = 1; i < n; ++i) dlcrt_tensor_set_f64(t, i, first);
    return NULL;
  }
  if (count != n)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "--input=%s: expected %lld values (or 1 to fill), got %lld",
                             spec, (long long)n, (long long)count);
  return NULL;
}

dlcrt_status_t dlc_parse_input_spec(const char *spec, uint64_t *state, dlcrt_tensor_t *out) {
  memset(out, 0, sizeof(*out));
  if (spec[0] == '@') return dlcrt_npy_read(dlcrt_allocator_system(), spec + 1, out);
  const char *eq = strchr(spec, '=');
  if (!eq)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT,
                             "--input=%s: expected @FILE.npy, TYPE=random or TYPE=VALUES (e.g. 2x2xf32=1 2 3 4)", spec);
  dlcrt_dtype_t dtype;
  int32_t rank;
  int64_t shape[DLCRT_MAX_RANK];
  DLCRT_RETURN_IF_ERROR(dlc_parse_type(spec, spec, (size_t)(eq - spec), &dtype, &rank, shape));
  DLCRT_RETURN_IF_ERROR(dlcrt_tensor_create(dlcrt_allocator_system(), dtype, rank, shape, out));
  if (strcmp(eq + 1, "random") == 0) {
    dlc_fill_random(out, state);
    return NULL;
  }
  dlcrt_status_t st = dlc_fill_values(spec, eq + 1, out);
  if (st) dlcrt_tensor_release(out);
  return st;
}
