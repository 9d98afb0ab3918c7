/* The rules and estimates behind conv-chain fusion (include/dlc/conv_chain.h, include/dlc/cost_model.h):
 * which convolutions a chain takes (shared by the fusion rule and the kernel emitter), the shared memory and time of the
 * conv_chain kernel (DlcToGPU/emit_conv_chain_kernel.c) for a given output tile, the choice of that tile,
 * and the time of one convolution as the implicit-GEMM kernel it replaces (DlcToGPU/emit_conv_kernel.c).
 * Both kernels run FMAs on CUDA cores from shared memory; such direct loops reach about a quarter of
 * the f32 peak with enough busy threads (the same assumption as emit_conv_kernel.c's cost rule),
 * so both estimates use that one efficiency and the comparison is between the launches, the traffic
 * of the intermediate tensor and the recomputed halo of conv A. Not measured on a GPU yet. */
#include <math.h>
#include <stdio.h>

#include "dlc/conv_chain.h"
#include "dlc/cost_model.h"
#include "dlc/dialect.h"
#include "dlc/mlir_util.h"
#include "dlc/op_params.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

#define DLC_CONV_EFFICIENCY 0.25
#define DLC_CONV_BUSY_THREADS 256.0

/* Time of a kernel whose `active` threads (summed over its blocks) do the FMAs: a quarter of the f32
 * peak once there are 256 busy threads per SM, proportionally less below (idle SMs, or blocks whose
 * tile has fewer elements than threads). */
static double dlc_ccc_time_us(const dlc_target_t *t, double flops, double active, double bytes) {
  double frac = active / ((double)t->sm_count * DLC_CONV_BUSY_THREADS);
  if (frac > 1) frac = 1;
  if (frac < 1.0 / ((double)t->sm_count * DLC_CONV_BUSY_THREADS)) frac = 1.0 / ((double)t->sm_count * DLC_CONV_BUSY_THREADS);
  double compute = flops / (t->fp32_flops * DLC_CONV_EFFICIENCY * frac);
  double mem = bytes / t->hbm_bytes_per_s;
  return (compute > mem ? compute : mem) * 1e6 + t->launch_us;
}

int64_t dlc_conv_chain_smem(const dlc_conv_chain_dims_t *d, int64_t th, int64_t tw) {
  int64_t in = (th + d->ka_h + d->kb_h - 2) * (tw + d->ka_w + d->kb_w - 2) * d->c_in;
  int64_t mid = (th + d->kb_h - 1) * (tw + d->kb_w - 1) * d->c_mid;
  return (in + mid) * 4;
}

double dlc_conv_chain_us(const dlc_target_t *t, const dlc_conv_chain_dims_t *d, int64_t th, int64_t tw) {
  double tiles = ceil((double)d->h_out / (double)th) * ceil((double)d->w_out / (double)tw);
  double blocks = (double)d->n * tiles;
  double mid = (double)(th + d->kb_h - 1) * (double)(tw + d->kb_w - 1);
  double macs_a = blocks * mid * (double)d->c_mid * (double)d->c_in * (double)(d->ka_h * d->ka_w);
  double macs_b = (double)d->n * (double)d->h_out * (double)d->w_out * (double)d->c_out * (double)d->c_mid * (double)(d->kb_h * d->kb_w);
  /* the input is read with its halo by every tile; the weights once per block from L2, once from HBM */
  double halo = (double)(th + d->ka_h + d->kb_h - 2) * (double)(tw + d->ka_w + d->kb_w - 2) / (double)(th * tw);
  double bytes = d->io_bytes * (halo > 1 ? 1 + (halo - 1) * 0.5 : 1) + d->weight_bytes;
  /* busy threads per block: the output elements of its tile, at most the block's threads */
  double per_block = (double)(th * tw * d->c_out);
  if (per_block > DLC_CONV_CHAIN_THREADS) per_block = DLC_CONV_CHAIN_THREADS;
  return dlc_ccc_time_us(t, 2 * (macs_a + macs_b), blocks * per_block, bytes);
}

bool dlc_conv_chain_pick_tile(const dlc_target_t *t, const dlc_conv_chain_dims_t *d, int64_t smem_limit, dlc_conv_chain_tile_t *out) {
  static const int64_t sizes[] = {16, 8, 4, 2, 1};
  bool found = false;
  for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); ++i) {
    int64_t th = sizes[i] < d->h_out ? sizes[i] : d->h_out, tw = sizes[i] < d->w_out ? sizes[i] : d->w_out;
    if (th < 1 || tw < 1) continue;
    int64_t smem = dlc_conv_chain_smem(d, th, tw);
    if (smem > smem_limit) continue;
    double us = dlc_conv_chain_us(t, d, th, tw);
    if (found && !(us < out->us)) continue;
    out->th = th;
    out->tw = tw;
    out->blocks = d->n * ((d->h_out + th - 1) / th) * ((d->w_out + tw - 1) / tw);
    out->smem = smem;
    out->us = us;
    found = true;
  }
  return found;
}

double dlc_conv_kernel_us(const dlc_target_t *t, double macs, double pixels, double channels, double bytes) {
  double tn = channels <= 16 ? 16 : 32;
  double blocks = ceil(pixels / 64) * ceil(channels / tn);
  return dlc_ccc_time_us(t, 2 * macs, blocks * 256, bytes); /* 256 threads per block, all busy */
}

/* ---- which convolutions a chain takes (include/dlc/conv_chain.h) ---- */

static bool dlc_ccc_static_f32(MlirValue v, int rank, dlc_shape_t *s) {
  return dlc_shape_from_type(mlirValueGetType(v), s) && s->rank == rank && mlirTypeIsAF32(s->elem) && dlc_shape_is_static(s);
}

const char *dlc_conv_chain_conv(MlirOperation conv, dlc_conv_chain_conv_t *out) {
  if (!dlc_op_is(conv, DLC_CONV2D)) return "not a dlc.conv2d";
  intptr_t nops = mlirOperationGetNumOperands(conv);
  if (nops < 2 || nops > 3) return "unexpected operands";
  dlc_shape_t xs, ws, ys, bs;
  MlirValue x = mlirOperationGetOperand(conv, 0), w = mlirOperationGetOperand(conv, 1);
  if (!dlc_shape_from_type(mlirValueGetType(x), &xs) || !mlirTypeIsAF32(xs.elem)) return "not f32";
  if (!dlc_ccc_static_f32(x, 4, &xs) || !dlc_ccc_static_f32(w, 4, &ws) || !dlc_ccc_static_f32(mlirOperationGetResult(conv, 0), 4, &ys))
    return "dynamic or not rank-4 shapes";
  if (nops == 3 && (!dlc_ccc_static_f32(mlirOperationGetOperand(conv, 2), 1, &bs) || bs.dims[0] != ws.dims[0]))
    return "a bias that is not [C_out] f32";
  dlc_window_params_t wp;
  dlcrt_status_t st = dlc_window_params(conv, &wp);
  if (st) {
    dlcrt_status_free(st);
    return "unreadable attributes";
  }
  const int64_t groups = wp.groups, *strides = wp.strides, *dil = wp.dilations, *pads = wp.pads;
  static char why[64]; /* the passes run on one thread */
  if (groups != 1) return "grouped (groups != 1)";
  if (strides[0] != 1 || strides[1] != 1) {
    snprintf(why, sizeof(why), "stride %lld x %lld", (long long)strides[0], (long long)strides[1]);
    return why;
  }
  if (dil[0] != 1 || dil[1] != 1) {
    snprintf(why, sizeof(why), "dilation %lld x %lld", (long long)dil[0], (long long)dil[1]);
    return why;
  }
  if (ws.dims[2] * ws.dims[3] > DLC_CONV_CHAIN_MAX_TAPS) return "a filter window of more than 49 taps";
  if (xs.dims[1] != ws.dims[1] || ys.dims[1] != ws.dims[0] || ys.dims[0] != xs.dims[0] ||
      ys.dims[2] != xs.dims[2] + pads[0] + pads[2] - ws.dims[2] + 1 || ys.dims[3] != xs.dims[3] + pads[1] + pads[3] - ws.dims[3] + 1)
    return "inconsistent shapes";
  if (ys.dims[0] <= 0 || ys.dims[2] <= 0 || ys.dims[3] <= 0 || ws.dims[0] <= 0 || ws.dims[1] <= 0) return "an empty tensor";
  out->n = xs.dims[0];
  out->c_in = xs.dims[1];
  out->h_in = xs.dims[2];
  out->w_in = xs.dims[3];
  out->c_out = ws.dims[0];
  out->kh = ws.dims[2];
  out->kw = ws.dims[3];
  out->h_out = ys.dims[2];
  out->w_out = ys.dims[3];
  for (int i = 0; i < 4; ++i) out->pads[i] = pads[i];
  out->bias = nops == 3;
  return NULL;
}
