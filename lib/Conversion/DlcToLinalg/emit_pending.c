/* Temporary: emitters being written (replaced file by file). */
#include "emit.h"
static dlcrt_status_t pending(dlc_emit_t *e) {
  return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "'dlc.%s' has no CPU lowering yet", e->info->name);
}
dlcrt_status_t dlc_emit_matmul(dlc_emit_t *e) { return pending(e); }
dlcrt_status_t dlc_emit_window(dlc_emit_t *e) { return pending(e); }
dlcrt_status_t dlc_emit_reduction(dlc_emit_t *e) { return pending(e); }
dlcrt_status_t dlc_emit_data_movement(dlc_emit_t *e) { return pending(e); }
