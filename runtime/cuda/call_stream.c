/* The stream of the model call in flight, on which library calls (cuBLASLt GEMMs) are issued, and
 * whether that call replays a CUDA graph (then library calls must enqueue nothing: the graph holds
 * them). Outside a call (no dlcrt_cuda_call_begin on this thread) the stream is NULL, the legacy
 * default stream, and nothing replays. The call itself lives in runtime/cuda/call_session.c. */
#include "cuda_driver_internal.h"

CUstream dlcrt_cuda_call_stream(void) {
  dlcrt_cuda_session_t *session = dlcrt_cuda_active_session();
  return session ? dlcrt_cuda_session_cu_stream(session) : NULL;
}

bool dlcrt_cuda_call_replaying(void) {
  dlcrt_cuda_session_t *session = dlcrt_cuda_active_session();
  return session && dlcrt_cuda_session_mode(session) == DLCRT_CUDA_CALL_REPLAY;
}
