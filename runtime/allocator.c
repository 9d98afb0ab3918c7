/* Host allocators (see include/dlc/allocator.h): the system allocator and checked helpers. */
#include "dlc/allocator.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void *dlcrt_system_alloc(void *self, size_t size) {
  (void)self;
  return calloc(1, size ? size : 1);
}
static void *dlcrt_system_realloc(void *self, void *ptr, size_t size) {
  (void)self;
  return realloc(ptr, size ? size : 1);
}
static void dlcrt_system_free(void *self, void *ptr) {
  (void)self;
  free(ptr);
}

dlcrt_allocator_t dlcrt_allocator_system(void) {
  dlcrt_allocator_t allocator = {NULL, dlcrt_system_alloc, dlcrt_system_realloc, dlcrt_system_free};
  return allocator;
}

dlcrt_status_t dlcrt_allocator_malloc(dlcrt_allocator_t allocator, size_t size, void **out_ptr) {
  *out_ptr = allocator.alloc(allocator.self, size);
  if (!*out_ptr) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory allocating %zu bytes", size);
  return NULL;
}

dlcrt_status_t dlcrt_allocator_malloc_array(dlcrt_allocator_t allocator, size_t count, size_t elem_size,
                                            void **out_ptr) {
  *out_ptr = NULL;
  if (elem_size && count > SIZE_MAX / elem_size)
    return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "allocation of %zu x %zu bytes overflows", count, elem_size);
  return dlcrt_allocator_malloc(allocator, count * elem_size, out_ptr);
}

dlcrt_status_t dlcrt_allocator_realloc_array(dlcrt_allocator_t allocator, size_t count, size_t elem_size,
                                             void **inout_ptr) {
  if (elem_size && count > SIZE_MAX / elem_size)
    return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "allocation of %zu x %zu bytes overflows", count, elem_size);
  void *p = allocator.realloc(allocator.self, *inout_ptr, count * elem_size);
  if (!p) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory growing to %zu bytes", count * elem_size);
  *inout_ptr = p;
  return NULL;
}

void dlcrt_allocator_free(dlcrt_allocator_t allocator, void *ptr) {
  if (ptr) allocator.free(allocator.self, ptr);
}
