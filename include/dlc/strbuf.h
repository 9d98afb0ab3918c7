/* A growable string builder. Used for diagnostics and for the MLIR text that conversions generate.
 * Allocation failure is sticky: once an append fails, `failed` is set and later appends are no-ops,
 * so callers check once at the end (dlc_strbuf_status) instead of after every append. */
#ifndef DLC_STRBUF_H
#define DLC_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

#include "dlc/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dlc_strbuf_t {
  char *data; /* always NUL-terminated once anything was appended; NULL when empty */
  size_t len;
  size_t cap;
  bool failed;
} dlc_strbuf_t;

void dlc_strbuf_init(dlc_strbuf_t *sb);
void dlc_strbuf_free(dlc_strbuf_t *sb);
void dlc_strbuf_clear(dlc_strbuf_t *sb);
void dlc_strbuf_append(dlc_strbuf_t *sb, const char *s);
void dlc_strbuf_append_n(dlc_strbuf_t *sb, const char *s, size_t n);
void dlc_strbuf_appendf(dlc_strbuf_t *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The contents ("" when empty). Valid until the next append. */
const char *dlc_strbuf_cstr(const dlc_strbuf_t *sb);
/* Hands the buffer to the caller (free() it); the builder is left empty. */
char *dlc_strbuf_take(dlc_strbuf_t *sb);
dlcrt_status_t dlc_strbuf_status(const dlc_strbuf_t *sb);

#ifdef __cplusplus
}
#endif
#endif /* DLC_STRBUF_H */
