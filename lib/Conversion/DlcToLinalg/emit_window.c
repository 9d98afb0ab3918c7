/* DlcToLinalg for conv2d, max_pool2d and avg_pool2d. (Lowering not written yet.) */
#include "emit.h"

dlcrt_status_t dlc_emit_window(dlc_emit_t *e) {
  return dlcrt_make_status(DLCRT_STATUS_UNIMPLEMENTED, "'dlc.%s' has no CPU lowering yet", e->info->name);
}
