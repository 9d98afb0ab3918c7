/* Runtime functions that code compiled by DLC calls, registered into the JIT by name. Debian does
 * not ship MLIR's runner-utils as something to link statically, and DLC's binaries should not depend
 * on them at run time, so the runtime provides the few that the lowering emits. */
#ifndef DLC_JIT_SUPPORT_H
#define DLC_JIT_SUPPORT_H

#include <stdint.h>

/* MLIR's unranked memref: {rank, pointer to a ranked descriptor}. */
typedef struct dlcrt_unranked_memref_t {
  int64_t rank;
  void *descriptor;
} dlcrt_unranked_memref_t;

/* `memrefCopy`: copies src into dst, both of the same shape, any strides. */
void dlcrt_memref_copy(int64_t elem_size, dlcrt_unranked_memref_t *src, dlcrt_unranked_memref_t *dst);

typedef struct dlcrt_jit_symbol_t {
  const char *name;
  void *address;
} dlcrt_jit_symbol_t;

/* The symbols to register into a JIT, terminated by a {NULL, NULL} entry. */
const dlcrt_jit_symbol_t *dlcrt_jit_symbols(void);

#endif /* DLC_JIT_SUPPORT_H */
