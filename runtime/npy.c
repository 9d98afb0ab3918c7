/* NumPy .npy reader and writer (see include/dlc/npy.h): header dict parsing, dtype mapping, and an
 * atomic temp-file-and-rename writer. Assumes a little-endian host. */
#define _POSIX_C_SOURCE 200809L

#include "dlc/npy.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char kNpyMagic[6] = {'\x93', 'N', 'U', 'M', 'P', 'Y'};

/* .npy type strings (without the byte-order character) and their dtypes. */
static const struct {
  const char *code;
  dlcrt_dtype_t dtype;
} kNpyTypes[] = {
    {"f4", DLCRT_DTYPE_F32}, {"f8", DLCRT_DTYPE_F64}, {"f2", DLCRT_DTYPE_F16}, {"i8", DLCRT_DTYPE_I64},
    {"i4", DLCRT_DTYPE_I32}, {"i2", DLCRT_DTYPE_I16}, {"i1", DLCRT_DTYPE_I8},  {"u1", DLCRT_DTYPE_U8},
    {"b1", DLCRT_DTYPE_BOOL},
};
#define DLCRT_NPY_TYPE_COUNT (sizeof(kNpyTypes) / sizeof(kNpyTypes[0]))

typedef struct dlcrt_npy_header_t {
  dlcrt_dtype_t dtype;
  bool fortran_order;
  int32_t rank;
  int64_t shape[DLCRT_MAX_RANK];
  bool has_descr, has_fortran_order, has_shape;
} dlcrt_npy_header_t;

/* A position in the header text. */
typedef struct dlcrt_npy_cursor_t {
  const char *p;
  const char *end;
} dlcrt_npy_cursor_t;

static dlcrt_status_t dlcrt_npy_invalid(const char *what) {
  return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s", what);
}

/* ---- header dict parsing ---- */

static void dlcrt_npy_skip_space(dlcrt_npy_cursor_t *c) {
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r')) ++c->p;
}

/* Skips whitespace, then consumes `ch` if it is next. */
static bool dlcrt_npy_accept(dlcrt_npy_cursor_t *c, char ch) {
  dlcrt_npy_skip_space(c);
  if (c->p < c->end && *c->p == ch) {
    ++c->p;
    return true;
  }
  return false;
}

/* A quoted Python string literal without escapes: 'abc' or "abc". */
static bool dlcrt_npy_parse_string(dlcrt_npy_cursor_t *c, const char **out, size_t *out_len) {
  dlcrt_npy_skip_space(c);
  if (c->p >= c->end || (*c->p != '\'' && *c->p != '"')) return false;
  char quote = *c->p++;
  const char *close = memchr(c->p, quote, (size_t)(c->end - c->p));
  if (!close) return false;
  *out = c->p;
  *out_len = (size_t)(close - c->p);
  c->p = close + 1;
  return true;
}

static bool dlcrt_npy_accept_word(dlcrt_npy_cursor_t *c, const char *word) {
  dlcrt_npy_skip_space(c);
  size_t len = strlen(word);
  if ((size_t)(c->end - c->p) < len || memcmp(c->p, word, len) != 0) return false;
  c->p += len;
  return true;
}

static dlcrt_dtype_t dlcrt_npy_dtype_from_descr(const char *descr, size_t len) {
  if (len != 3 || !strchr("<=|", descr[0])) return DLCRT_DTYPE_INVALID;
  for (size_t i = 0; i < DLCRT_NPY_TYPE_COUNT; ++i) {
    if (memcmp(descr + 1, kNpyTypes[i].code, 2) != 0) continue;
    dlcrt_dtype_t dtype = kNpyTypes[i].dtype;
    /* '|' (not applicable) is only meaningful for single-byte types. */
    return descr[0] == '|' && dlcrt_dtype_size(dtype) != 1 ? DLCRT_DTYPE_INVALID : dtype;
  }
  return DLCRT_DTYPE_INVALID;
}

static dlcrt_status_t dlcrt_npy_parse_descr(dlcrt_npy_cursor_t *c, dlcrt_npy_header_t *h) {
  const char *descr;
  size_t len;
  if (!dlcrt_npy_parse_string(c, &descr, &len))
    return dlcrt_npy_invalid("unsupported dtype: 'descr' is not a type string (structured arrays are not supported)");
  h->dtype = dlcrt_npy_dtype_from_descr(descr, len);
  if (h->dtype == DLCRT_DTYPE_INVALID)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT,
                             "unsupported dtype '%.*s' (expected little-endian f32, f64, f16, i64, i32, i16, "
                             "i8, u8 or bool)",
                             (int)(len > 32 ? 32 : len), descr);
  return dlcrt_ok_status();
}

static dlcrt_status_t dlcrt_npy_parse_fortran_order(dlcrt_npy_cursor_t *c, dlcrt_npy_header_t *h) {
  if (dlcrt_npy_accept_word(c, "True"))
    h->fortran_order = true;
  else if (dlcrt_npy_accept_word(c, "False"))
    h->fortran_order = false;
  else
    return dlcrt_npy_invalid("malformed header: 'fortran_order' must be True or False");
  return dlcrt_ok_status();
}

/* A non-negative decimal integer, optionally with Python 2's 'L' suffix. */
static dlcrt_status_t dlcrt_npy_parse_dim(dlcrt_npy_cursor_t *c, int64_t *out) {
  dlcrt_npy_skip_space(c);
  if (c->p < c->end && *c->p == '-') return dlcrt_npy_invalid("shape has a negative dimension");
  if (c->p >= c->end || *c->p < '0' || *c->p > '9') return dlcrt_npy_invalid("malformed header: bad 'shape' tuple");
  int64_t value = 0;
  for (; c->p < c->end && *c->p >= '0' && *c->p <= '9'; ++c->p) {
    int digit = *c->p - '0';
    if (value > (INT64_MAX - digit) / 10) return dlcrt_npy_invalid("shape has a dimension that is too large");
    value = value * 10 + digit;
  }
  if (c->p < c->end && (*c->p == 'L' || *c->p == 'l')) ++c->p;
  *out = value;
  return dlcrt_ok_status();
}

/* (), (5,), (2, 3) and also (5) and (2, 3,). */
static dlcrt_status_t dlcrt_npy_parse_shape(dlcrt_npy_cursor_t *c, dlcrt_npy_header_t *h) {
  if (!dlcrt_npy_accept(c, '(')) return dlcrt_npy_invalid("malformed header: 'shape' is not a tuple");
  h->rank = 0;
  while (!dlcrt_npy_accept(c, ')')) {
    if (h->rank == DLCRT_MAX_RANK)
      return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "shape has more than %d dimensions", DLCRT_MAX_RANK);
    DLCRT_RETURN_IF_ERROR(dlcrt_npy_parse_dim(c, &h->shape[h->rank++]));
    if (!dlcrt_npy_accept(c, ',')) {
      if (!dlcrt_npy_accept(c, ')')) return dlcrt_npy_invalid("malformed header: bad 'shape' tuple");
      break;
    }
  }
  return dlcrt_ok_status();
}

static dlcrt_status_t dlcrt_npy_parse_entry(dlcrt_npy_cursor_t *c, dlcrt_npy_header_t *h) {
  const char *key;
  size_t len;
  if (!dlcrt_npy_parse_string(c, &key, &len)) return dlcrt_npy_invalid("malformed header: expected a quoted key");
  if (!dlcrt_npy_accept(c, ':')) return dlcrt_npy_invalid("malformed header: expected ':' after a key");
  bool *seen;
  dlcrt_status_t (*parse)(dlcrt_npy_cursor_t *, dlcrt_npy_header_t *);
  if (len == 5 && memcmp(key, "descr", 5) == 0) {
    seen = &h->has_descr;
    parse = dlcrt_npy_parse_descr;
  } else if (len == 13 && memcmp(key, "fortran_order", 13) == 0) {
    seen = &h->has_fortran_order;
    parse = dlcrt_npy_parse_fortran_order;
  } else if (len == 5 && memcmp(key, "shape", 5) == 0) {
    seen = &h->has_shape;
    parse = dlcrt_npy_parse_shape;
  } else {
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "malformed header: unexpected key '%.*s'",
                             (int)(len > 32 ? 32 : len), key);
  }
  if (*seen)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "malformed header: duplicate key '%.*s'", (int)len, key);
  *seen = true;
  return parse(c, h);
}

static dlcrt_status_t dlcrt_npy_parse_header(const char *text, size_t len, dlcrt_npy_header_t *h) {
  dlcrt_npy_cursor_t c = {text, text + len};
  memset(h, 0, sizeof(*h));
  if (!dlcrt_npy_accept(&c, '{')) return dlcrt_npy_invalid("malformed header: expected '{'");
  while (!dlcrt_npy_accept(&c, '}')) {
    DLCRT_RETURN_IF_ERROR(dlcrt_npy_parse_entry(&c, h));
    if (!dlcrt_npy_accept(&c, ',')) {
      if (!dlcrt_npy_accept(&c, '}')) return dlcrt_npy_invalid("malformed header: expected ',' or '}'");
      break;
    }
  }
  dlcrt_npy_skip_space(&c);
  if (c.p != c.end) return dlcrt_npy_invalid("malformed header: unexpected text after the dictionary");
  if (!h->has_descr || !h->has_fortran_order || !h->has_shape)
    return dlcrt_npy_invalid("malformed header: 'descr', 'fortran_order' and 'shape' are all required");
  if (h->fortran_order) return dlcrt_npy_invalid("fortran_order arrays are not supported");
  return dlcrt_ok_status();
}

/* ---- reading ---- */

static uint32_t dlcrt_npy_load_le(const unsigned char *p, int bytes) {
  uint32_t value = 0;
  for (int i = bytes - 1; i >= 0; --i) value = (value << 8) | p[i];
  return value;
}

/* Finds the header text: magic, version, little-endian header length (u16 for 1.0, u32 for 2.0/3.0). */
static dlcrt_status_t dlcrt_npy_locate_header(const unsigned char *bytes, size_t size, size_t *out_start,
                                              size_t *out_len) {
  if (size < sizeof(kNpyMagic) || memcmp(bytes, kNpyMagic, sizeof(kNpyMagic)) != 0)
    return dlcrt_npy_invalid("not a .npy file (bad magic)");
  if (size < 8) return dlcrt_npy_invalid("file is truncated: incomplete header");
  int major = bytes[6], minor = bytes[7];
  if (minor != 0 || major < 1 || major > 3)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "unsupported .npy format version %d.%d", major, minor);
  int len_bytes = major == 1 ? 2 : 4;
  size_t start = 8 + (size_t)len_bytes;
  if (size < start) return dlcrt_npy_invalid("file is truncated: incomplete header");
  size_t len = dlcrt_npy_load_le(bytes + 8, len_bytes);
  if (len > size - start)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "header length %zu overruns the file (%zu bytes)", len,
                             size);
  *out_start = start;
  *out_len = len;
  return dlcrt_ok_status();
}

static dlcrt_status_t dlcrt_npy_data_size(const dlcrt_npy_header_t *h, size_t *out_size) {
  uint64_t bytes = dlcrt_dtype_size(h->dtype);
  for (int32_t i = 0; i < h->rank; ++i) {
    uint64_t dim = (uint64_t)h->shape[i];
    if (dim && bytes > SIZE_MAX / dim) return dlcrt_npy_invalid("shape is too large (its byte size overflows)");
    bytes *= dim;
  }
  *out_size = (size_t)bytes;
  return dlcrt_ok_status();
}

dlcrt_status_t dlcrt_npy_parse(dlcrt_allocator_t allocator, const void *bytes, size_t size,
                               dlcrt_tensor_t *out_tensor) {
  memset(out_tensor, 0, sizeof(*out_tensor));
  const unsigned char *image = bytes;
  size_t header_start = 0, header_len = 0, data_size = 0;
  DLCRT_RETURN_IF_ERROR(dlcrt_npy_locate_header(image, size, &header_start, &header_len));
  dlcrt_npy_header_t header;
  DLCRT_RETURN_IF_ERROR(dlcrt_npy_parse_header((const char *)image + header_start, header_len, &header));
  DLCRT_RETURN_IF_ERROR(dlcrt_npy_data_size(&header, &data_size));
  size_t data_start = header_start + header_len;
  size_t available = size - data_start;
  if (available < data_size)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "file is truncated: expected %zu data bytes, found %zu",
                             data_size, available);
  if (available > data_size)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT,
                             "file has %zu unexpected trailing bytes after the data (expected %zu data bytes)",
                             available - data_size, data_size);
  DLCRT_RETURN_IF_ERROR(dlcrt_tensor_create(allocator, header.dtype, header.rank, header.shape, out_tensor));
  if (data_size) memcpy(out_tensor->data, image + data_start, data_size);
  return dlcrt_ok_status();
}

/* An OS error ("WHAT: strerror"): NOT_FOUND for missing files or directories, IO_ERROR otherwise. */
static dlcrt_status_t dlcrt_npy_os_error(int err, const char *what) {
  dlcrt_status_code_t code = err == ENOENT || err == ENOTDIR ? DLCRT_STATUS_NOT_FOUND : DLCRT_STATUS_IO_ERROR;
  return dlcrt_make_status(code, "%s: %s", what, strerror(err));
}

static dlcrt_status_t dlcrt_npy_read_stream(dlcrt_allocator_t allocator, FILE *file, unsigned char **out_bytes,
                                            size_t *out_size) {
  size_t size = 0, capacity = 0;
  unsigned char *buffer = NULL;
  for (;;) {
    if (size == capacity) {
      capacity = capacity ? capacity * 2 : 4096;
      void *grown = buffer;
      dlcrt_status_t status = capacity < size ? dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "file is too large")
                                              : dlcrt_allocator_realloc_array(allocator, capacity, 1, &grown);
      if (status) {
        dlcrt_allocator_free(allocator, buffer);
        return status;
      }
      buffer = grown;
    }
    size_t n = fread(buffer + size, 1, capacity - size, file);
    size += n;
    if (n == 0) break;
  }
  if (ferror(file)) {
    int err = errno;
    dlcrt_allocator_free(allocator, buffer);
    return dlcrt_npy_os_error(err, "read failed");
  }
  *out_bytes = buffer;
  *out_size = size;
  return dlcrt_ok_status();
}

dlcrt_status_t dlcrt_npy_read(dlcrt_allocator_t allocator, const char *path, dlcrt_tensor_t *out_tensor) {
  memset(out_tensor, 0, sizeof(*out_tensor));
  FILE *file = fopen(path, "rb");
  if (!file) return dlcrt_status_annotate(dlcrt_npy_os_error(errno, "cannot open"), "%s: ", path);
  unsigned char *bytes = NULL;
  size_t size = 0;
  dlcrt_status_t status = dlcrt_npy_read_stream(allocator, file, &bytes, &size);
  fclose(file);
  if (!status) {
    status = dlcrt_npy_parse(allocator, bytes, size, out_tensor);
    dlcrt_allocator_free(allocator, bytes);
  }
  return dlcrt_status_annotate(status, "%s: ", path);
}

/* ---- writing ---- */

/* Room for the magic and a dict with DLCRT_MAX_RANK 20-digit dimensions, padded to 64 bytes. */
#define DLCRT_NPY_HEADER_CAPACITY 512

/* The .npy type string for `dtype` ("<f4", "|u1"...), or false if .npy cannot store it. */
static bool dlcrt_npy_descr(dlcrt_dtype_t dtype, char out[4]) {
  for (size_t i = 0; i < DLCRT_NPY_TYPE_COUNT; ++i) {
    if (kNpyTypes[i].dtype != dtype) continue;
    out[0] = dlcrt_dtype_size(dtype) == 1 ? '|' : '<';
    memcpy(out + 1, kNpyTypes[i].code, 3);
    return true;
  }
  return false;
}

/* Version 1.0 preamble and dict, space-padded and '\n'-terminated so the data is 64-byte aligned. */
static size_t dlcrt_npy_format_header(const dlcrt_tensor_t *t, const char *descr, char *buf, size_t capacity) {
  memcpy(buf, kNpyMagic, sizeof(kNpyMagic));
  buf[6] = 1;
  buf[7] = 0;
  size_t len = 10;
  len += (size_t)snprintf(buf + len, capacity - len, "{'descr': '%s', 'fortran_order': False, 'shape': (", descr);
  for (int32_t i = 0; i < t->rank; ++i)
    len += (size_t)snprintf(buf + len, capacity - len, "%s%" PRId64, i ? ", " : "", t->shape[i]);
  len += (size_t)snprintf(buf + len, capacity - len, "%s), }", t->rank == 1 ? "," : "");
  size_t total = (len + 1 + 63) / 64 * 64;
  memset(buf + len, ' ', total - 1 - len);
  buf[total - 1] = '\n';
  buf[8] = (char)((total - 10) & 0xFF);
  buf[9] = (char)((total - 10) >> 8);
  return total;
}

static dlcrt_status_t dlcrt_npy_check_writable(const dlcrt_tensor_t *t, char descr[4]) {
  if (t->dtype == DLCRT_DTYPE_BF16) return dlcrt_npy_invalid("bf16 tensors cannot be stored in .npy files");
  if (!dlcrt_npy_descr(t->dtype, descr))
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "cannot write a tensor of dtype %s",
                             dlcrt_dtype_name(t->dtype));
  if (t->rank < 0 || t->rank > DLCRT_MAX_RANK || !t->data) return dlcrt_npy_invalid("cannot write an invalid tensor");
  return dlcrt_ok_status();
}

/* Writes header and data to `fd` and closes it. */
static dlcrt_status_t dlcrt_npy_write_fd(int fd, const char *header, size_t header_size, const dlcrt_tensor_t *t) {
  (void)fchmod(fd, 0644); /* mkstemp creates 0600; best effort to give the usual permissions */
  FILE *file = fdopen(fd, "wb");
  if (!file) {
    int err = errno;
    close(fd);
    return dlcrt_npy_os_error(err, "cannot open temporary file");
  }
  size_t data_size = dlcrt_tensor_byte_size(t);
  bool ok = fwrite(header, 1, header_size, file) == header_size &&
            (data_size == 0 || fwrite(t->data, 1, data_size, file) == data_size);
  int err = errno;
  if (fclose(file) != 0 && ok) {
    ok = false;
    err = errno;
  }
  return ok ? dlcrt_ok_status() : dlcrt_npy_os_error(err, "write failed");
}

dlcrt_status_t dlcrt_npy_write(const char *path, const dlcrt_tensor_t *tensor) {
  char descr[4];
  dlcrt_status_t status = dlcrt_npy_check_writable(tensor, descr);
  if (status) return dlcrt_status_annotate(status, "%s: ", path);
  char header[DLCRT_NPY_HEADER_CAPACITY];
  size_t header_size = dlcrt_npy_format_header(tensor, descr, header, sizeof(header));
  static const char kSuffix[] = ".tmpXXXXXX"; /* same directory, so rename() is atomic */
  size_t path_len = strlen(path);
  char *temp_path = malloc(path_len + sizeof(kSuffix));
  if (!temp_path) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "%s: out of memory", path);
  memcpy(temp_path, path, path_len);
  memcpy(temp_path + path_len, kSuffix, sizeof(kSuffix));
  int fd = mkstemp(temp_path);
  if (fd < 0) {
    status = dlcrt_npy_os_error(errno, "cannot create a temporary file");
  } else {
    status = dlcrt_npy_write_fd(fd, header, header_size, tensor);
    if (!status && rename(temp_path, path) != 0) status = dlcrt_npy_os_error(errno, "cannot replace file");
    if (status) unlink(temp_path);
  }
  free(temp_path);
  return dlcrt_status_annotate(status, "%s: ", path);
}
