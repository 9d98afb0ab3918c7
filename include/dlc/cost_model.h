/* The GPU target description and the cost model that every fusion decision asks.
 *
 * A target is a handful of numbers (SMs, shared memory and registers per SM, HBM bandwidth, L2, peak
 * throughputs, launch overheads). Built-in: "h100" (H100 SXM, the default) and "a100" (A100 SXM 80GB);
 * any other name is read as a file of `key = value` lines (see docs/fusion.md for the keys; '#' starts a
 * comment; keys left out keep the H100 value).
 *
 * The estimate of a group of ops: bytes moved (its external inputs and outputs; intermediates stay in
 * registers or shared memory), flops, and time = max(bytes / bandwidth, flops / peak) + launch overhead.
 * Dynamic dims ('?') count as `dynamic_dim` elements (a target key, 128 by default). */
#ifndef DLC_COST_MODEL_H
#define DLC_COST_MODEL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "dlc/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dlc_target_t {
  char name[32];
  int32_t sm_count;
  int64_t smem_per_sm;       /* bytes of shared memory per SM */
  int64_t smem_per_block;    /* the most one block may use */
  int32_t regs_per_sm;       /* 32-bit registers per SM */
  int32_t max_regs_per_thread;
  int32_t max_threads_per_sm;
  int32_t max_threads_per_block;
  int32_t max_blocks_per_sm;
  double hbm_bytes_per_s;    /* DRAM bandwidth */
  int64_t l2_bytes;
  double fp32_flops;         /* peak per second (non-tensor-core FP32) */
  double tf32_flops;         /* dense tensor-core peaks */
  double fp16_flops;
  double bf16_flops;
  double launch_us;          /* one kernel launch (stream) */
  double graph_node_us;      /* one kernel node of a replayed CUDA graph */
  double mem_latency_ns;     /* DRAM latency: bytes in flight needed = bandwidth * latency */
  int64_t dynamic_dim;       /* the size assumed for a '?' dim in estimates */
} dlc_target_t;

/* The built-in targets; NULL for an unknown name. */
const dlc_target_t *dlc_target_builtin(const char *name);
/* "h100", "a100" or a FILE of key = value lines. */
dlcrt_status_t dlc_target_load(const char *name_or_file, dlc_target_t *out);

/* Process-wide fusion settings, set by the tools before passes run (passes take no options). */
typedef struct dlc_fusion_settings_t {
  dlc_target_t target;
  FILE *explain; /* --dlc-explain: one line per decision goes here; NULL: silent */
  /* --fixed-parallelism: every loop and stitch group gets 256 threads and one element per thread
   * (the non-adaptive baseline that adaptive ILP/TLP is measured against). */
  bool fixed_parallelism;
} dlc_fusion_settings_t;
const dlc_fusion_settings_t *dlc_fusion_settings(void);
void dlc_fusion_set_target(const dlc_target_t *target);
void dlc_fusion_set_explain(FILE *out);
void dlc_fusion_set_fixed_parallelism(bool fixed);

/* The cost of one group (or of one op alone). */
/* Rows of M one block of an MLP chain kernel owns (a multi-GEMM gemm_chain group: formed by
 * lib/Transforms/fuse_mlp_chain.c, scheduled by assign_parallelism.c, emitted by
 * DlcToGPU/emit_gemm_chain_kernel.c); M itself when static and smaller. */
#define DLC_GEMM_CHAIN_ROWS 16
/* Threads per block of that kernel: one warp per group of output columns (split-K across the lanes),
 * a quarter of the widest layer's columns in warps, at least 4 warps and at most 16. */
static inline int64_t dlc_gemm_chain_threads(int64_t widest_n) {
  int64_t warps = (widest_n + 3) / 4;
  return 32 * (warps < 4 ? 4 : warps > 16 ? 16 : warps);
}

/* Conv chains: conv A (+ elementwise) -> conv B (+ elementwise) as ONE kernel ("conv_chain" groups:
 * formed by lib/Transforms/fuse_conv_chain.c, emitted by DlcToGPU/emit_conv_chain_kernel.c; the
 * estimates are in lib/Transforms/conv_chain_cost.c). One block per image and TH x TW tile of B's
 * output; A's input halo tile ((TH + KAh + KBh - 2) x (TW + KAw + KBw - 2), all C_in channels) and A's
 * output on the (TH + KBh - 1) x (TW + KBw - 1) tile (all C_mid channels; the halo recomputed by the
 * neighbouring blocks) live in the block's shared memory. */
#define DLC_CONV_CHAIN_THREADS 256
#define DLC_CONV_CHAIN_SMEM_LIMIT (48 * 1024) /* dynamic shared memory without an opt-in attribute */

typedef struct dlc_conv_chain_dims_t {
  int64_t n, c_in, c_mid, c_out;
  int64_t h_out, w_out;           /* B's output (stride 1: A's output is its size + KB - 1 - B's pads) */
  int64_t ka_h, ka_w, kb_h, kb_w; /* filter sizes */
  double io_bytes;                /* what the kernel reads and writes once: x, epilogue inputs, output */
  double weight_bytes;            /* both filters and biases */
} dlc_conv_chain_dims_t;

typedef struct dlc_conv_chain_tile_t {
  int64_t th, tw;  /* output tile of one block */
  int64_t blocks;  /* n * tiles */
  int64_t smem;    /* bytes of shared memory per block */
  double us;       /* estimate */
} dlc_conv_chain_tile_t;

/* Shared memory of one block for a th x tw tile (input halo + intermediate halo, f32). */
int64_t dlc_conv_chain_smem(const dlc_conv_chain_dims_t *d, int64_t th, int64_t tw);
/* The estimate of the chain kernel with a th x tw tile (A's halo recompute included). */
double dlc_conv_chain_us(const dlc_target_t *t, const dlc_conv_chain_dims_t *d, int64_t th, int64_t tw);
/* The fastest square tile (16, 8, 4, 2 or 1, clamped to the output) whose shared memory fits in
 * `smem_limit`; false when none fits. */
bool dlc_conv_chain_pick_tile(const dlc_target_t *t, const dlc_conv_chain_dims_t *d, int64_t smem_limit, dlc_conv_chain_tile_t *out);
/* The estimate of one convolution as the implicit-GEMM kernel of DlcToGPU/emit_conv_kernel.c (64 output
 * pixels x 16 or 32 channels per block, CUDA cores): `macs` multiply-adds, `pixels` output pixels
 * (N*OH*OW), `channels` output channels, `bytes` moved. */
double dlc_conv_kernel_us(const dlc_target_t *t, double macs, double pixels, double channels, double bytes);

typedef struct dlc_cost_t {
  double bytes; /* external reads + writes */
  double flops;
  double us;    /* max(bytes / bandwidth, flops / peak) + launch */
  int32_t kernels;
} dlc_cost_t;

#ifdef __cplusplus
}
#endif
#endif /* DLC_COST_MODEL_H */
