/* Functions called by compiled code (see include/dlc/jit_support.h). */
#include "dlc/jit_support.h"

#include <string.h>

/* Ranked descriptor layout: allocated, aligned, offset, sizes[rank], strides[rank] (all 8 bytes). */
typedef struct dlcrt_strided_view_t {
  char *base;
  int64_t rank;
  const int64_t *sizes, *strides;
} dlcrt_strided_view_t;

static dlcrt_strided_view_t dlcrt_view(const dlcrt_unranked_memref_t *m, int64_t elem_size) {
  const int64_t *words = m->descriptor;
  char *aligned;
  memcpy(&aligned, &words[1], sizeof(aligned));
  dlcrt_strided_view_t v = {aligned + words[2] * elem_size, m->rank, &words[3], &words[3 + m->rank]};
  return v;
}

void dlcrt_memref_copy(int64_t elem_size, dlcrt_unranked_memref_t *src, dlcrt_unranked_memref_t *dst) {
  dlcrt_strided_view_t s = dlcrt_view(src, elem_size), d = dlcrt_view(dst, elem_size);
  int64_t count = 1;
  for (int64_t i = 0; i < s.rank; ++i) count *= s.sizes[i];
  if (count == 0) return;
  int64_t index[64] = {0};
  int64_t so = 0, doff = 0;
  for (int64_t n = 0; n < count; ++n) {
    memcpy(d.base + doff * elem_size, s.base + so * elem_size, (size_t)elem_size);
    for (int64_t k = s.rank - 1; k >= 0; --k) { /* odometer increment, innermost dim first */
      so += s.strides[k];
      doff += d.strides[k];
      if (++index[k] < s.sizes[k]) break;
      so -= s.strides[k] * s.sizes[k];
      doff -= d.strides[k] * d.sizes[k];
      index[k] = 0;
    }
  }
}

const dlcrt_jit_symbol_t *dlcrt_jit_symbols(void) {
  static const dlcrt_jit_symbol_t symbols[] = {
      {"memrefCopy", (void *)dlcrt_memref_copy},
      {NULL, NULL},
  };
  return symbols;
}
