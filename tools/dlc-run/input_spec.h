/* dlc-run's --input specifications: "@x.npy", "2x3xf32=random", "2x2xf32=1 2 3 4" (a single value
 * fills the whole tensor), "f32=0.5" for a rank-0 tensor. */
#ifndef DLC_TOOLS_DLC_RUN_INPUT_SPEC_H
#define DLC_TOOLS_DLC_RUN_INPUT_SPEC_H

#include <stdint.h>

#include "dlc/tensor.h"

/* `state` is the random generator's state, advanced by each random input (seeded by --seed). */
dlcrt_status_t dlc_parse_input_spec(const char *spec, uint64_t *state, dlcrt_tensor_t *out);

#endif /* DLC_TOOLS_DLC_RUN_INPUT_SPEC_H */
