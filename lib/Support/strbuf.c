/* Growable string builder (see include/dlc/strbuf.h). */
#include "dlc/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dlc_strbuf_init(dlc_strbuf_t *sb) { memset(sb, 0, sizeof(*sb)); }

void dlc_strbuf_free(dlc_strbuf_t *sb) {
  free(sb->data);
  dlc_strbuf_init(sb);
}

void dlc_strbuf_clear(dlc_strbuf_t *sb) {
  sb->len = 0;
  if (sb->data) sb->data[0] = '\0';
}

static bool dlc_strbuf_reserve(dlc_strbuf_t *sb, size_t extra) {
  if (sb->failed) return false;
  size_t need = sb->len + extra + 1;
  if (need <= sb->cap) return true;
  size_t cap = sb->cap ? sb->cap : 64;
  while (cap < need) cap *= 2;
  char *p = realloc(sb->data, cap);
  if (!p) {
    sb->failed = true;
    return false;
  }
  sb->data = p;
  sb->cap = cap;
  return true;
}

void dlc_strbuf_append_n(dlc_strbuf_t *sb, const char *s, size_t n) {
  if (!dlc_strbuf_reserve(sb, n)) return;
  memcpy(sb->data + sb->len, s, n);
  sb->len += n;
  sb->data[sb->len] = '\0';
}

void dlc_strbuf_append(dlc_strbuf_t *sb, const char *s) { dlc_strbuf_append_n(sb, s, strlen(s)); }

void dlc_strbuf_appendf(dlc_strbuf_t *sb, const char *fmt, ...) {
  va_list args, copy;
  va_start(args, fmt);
  va_copy(copy, args);
  int n = vsnprintf(NULL, 0, fmt, copy);
  va_end(copy);
  if (n >= 0 && dlc_strbuf_reserve(sb, (size_t)n)) {
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, args);
    sb->len += (size_t)n;
  } else if (n < 0) {
    sb->failed = true;
  }
  va_end(args);
}

const char *dlc_strbuf_cstr(const dlc_strbuf_t *sb) { return sb->data ? sb->data : ""; }

char *dlc_strbuf_take(dlc_strbuf_t *sb) {
  char *p = sb->data;
  if (!p) p = calloc(1, 1);
  dlc_strbuf_init(sb);
  return p;
}

dlcrt_status_t dlc_strbuf_status(const dlc_strbuf_t *sb) {
  return sb->failed ? dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory building a string") : NULL;
}
