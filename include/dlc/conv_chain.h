/* What a convolution must be to take part in a conv chain (conv A -> elementwise -> conv B as ONE
 * kernel: "conv_chain" fusion groups). Shared by the fusion rule (lib/Transforms/fuse_conv_chain.c) and
 * the kernel emitter (lib/Conversion/DlcToGPU/emit_conv_chain_kernel.c), so both take exactly the same
 * convolutions; implemented in lib/Transforms/conv_chain_cost.c next to the estimates (cost_model.h). */
#ifndef DLC_CONV_CHAIN_H
#define DLC_CONV_CHAIN_H

#include <stdbool.h>
#include <stdint.h>

#include "mlir-c/IR.h"

#define DLC_CONV_CHAIN_MAX_TAPS 49 /* KH * KW: the kernel unrolls the filter window */

typedef struct dlc_conv_chain_conv_t {
  int64_t n, c_in, h_in, w_in; /* x: N x C_in x H x W */
  int64_t c_out, kh, kw;       /* filter: C_out x C_in x KH x KW */
  int64_t h_out, w_out;
  int64_t pads[4];             /* top, left, bottom, right */
  bool bias;                   /* a third operand: bias[C_out] */
} dlc_conv_chain_conv_t;

/* NULL when `conv` is a dlc.conv2d the chain kernel computes: f32 x, filter, bias and result, all
 * shapes static and rank 4, groups 1, strides 1, dilations 1, at most DLC_CONV_CHAIN_MAX_TAPS filter
 * taps, bias (if any) of shape [C_out]; *out filled. Otherwise a short reason ("stride 2 x 2", "not f32", ...). */
const char *dlc_conv_chain_conv(MlirOperation conv, dlc_conv_chain_conv_t *out);

#endif /* DLC_CONV_CHAIN_H */
