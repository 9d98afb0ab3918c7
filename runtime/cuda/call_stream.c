/* The stream of the model call in flight, on which library calls (cuBLASLt GEMMs) are issued.
 *
 * This minimal definition returns NULL, the legacy default stream: today every kernel runs on its own
 * stream that the compiled code synchronises after the launch, so nothing is in flight on another
 * stream when a library call starts, and the library call synchronises the default stream before it
 * returns. The CUDA runtime's stream rework replaces this with the stream of the current call. */
#include "cuda_driver_internal.h"

CUstream dlcrt_cuda_call_stream(void) { return NULL; }
