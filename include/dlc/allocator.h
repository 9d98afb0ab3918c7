/* Explicit host allocators: everything in DLC that allocates takes one, so embedders can route memory
 * (arenas, tracking, failure injection in tests). dlcrt_allocator_system() wraps malloc/free. */
#ifndef DLC_ALLOCATOR_H
#define DLC_ALLOCATOR_H

#include <stddef.h>

#include "dlc/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dlcrt_allocator_t {
  void *self;
  /* Returns NULL on failure. size 0 returns a unique non-NULL pointer. */
  void *(*alloc)(void *self, size_t size);
  void *(*realloc)(void *self, void *ptr, size_t size);
  void (*free)(void *self, void *ptr);
} dlcrt_allocator_t;

dlcrt_allocator_t dlcrt_allocator_system(void);

/* Status-returning helpers: zero-initialised allocation, and overflow-checked count*size. */
dlcrt_status_t dlcrt_allocator_malloc(dlcrt_allocator_t allocator, size_t size, void **out_ptr);
dlcrt_status_t dlcrt_allocator_malloc_array(dlcrt_allocator_t allocator, size_t count, size_t elem_size,
                                            void **out_ptr);
dlcrt_status_t dlcrt_allocator_realloc_array(dlcrt_allocator_t allocator, size_t count, size_t elem_size,
                                             void **inout_ptr);
void dlcrt_allocator_free(dlcrt_allocator_t allocator, void *ptr);

#ifdef __cplusplus
}
#endif
#endif /* DLC_ALLOCATOR_H */
