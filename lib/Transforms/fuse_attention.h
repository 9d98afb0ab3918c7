/* Attention formation (fuse_attention.c), one step of --dlc-fuse-gemm-chain: internal to lib/Transforms. */
#ifndef DLC_TRANSFORMS_FUSE_ATTENTION_H
#define DLC_TRANSFORMS_FUSE_ATTENTION_H

#include "fusion.h"

/* Forms every attention group of `g` (matmul -> [scale] [mask] softmax -> matmul, with the adjacent
 * transposes), marking each group's root `claimed = claim`; explains each decision. Returns the count. */
int dlc_fuse_attention_groups(dlc_fgraph_t *g, int claim);

#endif /* DLC_TRANSFORMS_FUSE_ATTENTION_H */
