/* The device copies of a model's constants. lib/Transforms/gpu_host_memory.c turns every
 * memref.get_global of the host code into a call of `dlcrt_gpu_constant_<elem>_<rank>` (C interface:
 * _mlir_ciface_..., the global's descriptor cast to dynamic sizes, its rank and element size): the
 * host global is uploaded into managed memory on the first call of the program and the cached copy is
 * returned afterwards, so a model's weights cross the bus once, not once per call. The cache belongs
 * to the call session of the program (its globals' addresses die with its JIT), so a call must be in
 * flight. All element types share one C function: a descriptor's layout depends only on the rank. */
#include <string.h>

#include "cuda_driver_internal.h"

/* Descriptor words of a rank-r memref: allocated, aligned, offset, sizes[r], strides[r]. */
static void dlcrt_gpu_constant(int64_t *result, const int64_t *source, int64_t rank, int64_t element_bytes) {
  memcpy(result, source, (size_t)(3 + 2 * rank) * sizeof(int64_t)); /* on failure: the host copy, unused */
  dlcrt_cuda_session_t *session = dlcrt_cuda_active_session();
  if (!session) {
    dlcrt_cuda_record_error(dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT,
                                              "dlcrt_gpu_constant: called outside a CUDA call session"));
    return;
  }
  int64_t elements = 1;
  for (int64_t d = 0; d < rank; ++d) elements *= source[3 + d];
  const char *aligned;
  memcpy(&aligned, &source[1], sizeof(aligned));
  const void *host = aligned + source[2] * element_bytes;
  void *device = NULL;
  dlcrt_status_t status = dlcrt_cuda_session_constant(session, host, (size_t)(elements * element_bytes), &device);
  if (status) {
    dlcrt_cuda_record_error(dlcrt_status_annotate(status, "dlcrt_gpu_constant: "));
    return;
  }
  memcpy(&result[0], &device, sizeof(device));
  memcpy(&result[1], &device, sizeof(device));
  result[2] = 0;
}

#define DLCRT_CONSTANT_SYMBOL(elem, rank) {"_mlir_ciface_dlcrt_gpu_constant_" #elem "_" #rank, (void *)dlcrt_gpu_constant},
#define DLCRT_CONSTANT_RANKS(elem)                                                                        \
  DLCRT_CONSTANT_SYMBOL(elem, 0) DLCRT_CONSTANT_SYMBOL(elem, 1) DLCRT_CONSTANT_SYMBOL(elem, 2)            \
  DLCRT_CONSTANT_SYMBOL(elem, 3) DLCRT_CONSTANT_SYMBOL(elem, 4) DLCRT_CONSTANT_SYMBOL(elem, 5)            \
  DLCRT_CONSTANT_SYMBOL(elem, 6) DLCRT_CONSTANT_SYMBOL(elem, 7) DLCRT_CONSTANT_SYMBOL(elem, 8)

const dlcrt_jit_symbol_t *dlcrt_cuda_session_jit_symbols(void) {
  /* The element types must match the list in lib/Transforms/gpu_host_memory.c. */
  static const dlcrt_jit_symbol_t symbols[] = {
      DLCRT_CONSTANT_RANKS(f16) DLCRT_CONSTANT_RANKS(bf16) DLCRT_CONSTANT_RANKS(f32) DLCRT_CONSTANT_RANKS(f64)
      DLCRT_CONSTANT_RANKS(i1) DLCRT_CONSTANT_RANKS(i8) DLCRT_CONSTANT_RANKS(i16) DLCRT_CONSTANT_RANKS(i32)
      DLCRT_CONSTANT_RANKS(i64) DLCRT_CONSTANT_RANKS(ui8) DLCRT_CONSTANT_RANKS(index)
      {"dlcrt_profile_next_launch_bytes", (void *)dlcrt_profile_next_launch_bytes},
      {NULL, NULL},
  };
  return symbols;
}
