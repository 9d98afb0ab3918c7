/* The plan of DlcToGPU's attention kernels (emit_attention_kernel.c): which ops of a `kind = "attention"`
 * fusion group are Q K^T, the score ops, the softmax and P V, which group input (through which transpose)
 * each operand is, the output layout, the head dims and the kernel's shared-memory layout. Built from the
 * dlc ops by attention_plan.c; turned into kernel text by the emitter. */
#ifndef DLC_CONVERSION_DLCTOGPU_ATTENTION_PLAN_H
#define DLC_CONVERSION_DLCTOGPU_ATTENTION_PLAN_H

#include "gpu_emit.h"

#define ATT_ROWS_PER_BLOCK 4
#define ATT_MAX_SCORE_OPS 3
#define ATT_MAX_REGS 4
#define ATT_KEY_TILE 32
#define ATT_MAX_PASSES 32 /* tile values per thread and operand: 32 keys x 128 dims / 128 threads */
#define ATT_DOT_CHAINS 4  /* independent FMA chains of the q . k dot product */
#define ATT_SMEM_LIMIT (48 * 1024) /* bytes of dynamic shared memory without an opt-in attribute */

typedef struct att_operand_t {
  int input;      /* group input index */
  int64_t map[4]; /* logical dim k lives in physical dim map[k] of that input */
} att_operand_t;

typedef struct att_plan_t {
  dlc_gpu_unit_t *unit;
  MlirOperation mm1, sm, mm2, out_tr;
  MlirOperation score[ATT_MAX_SCORE_OPS];
  int nscore;
  att_operand_t q, k, v;
  int64_t out_map[4]; /* logical O dim m lives in physical output dim out_map[m] */
  int64_t d, dv;
  int splits;   /* key splits: warps per query row (each takes every splits-th key tile) */
  bool sk_full; /* the key length is static and a multiple of the block's keys per step */
} att_plan_t;

/* The K rows' pitch in shared memory: D+1 (lane-per-key scalar reads hit distinct banks), or with
 * D % 4 == 0 a pitch = 4 mod 8 words (D+4 or D+8) that keeps rows 16-byte aligned for vector<4> reads,
 * each quarter-warp phase of 8 lanes then covering the 32 banks once. */
static inline bool att_k_vec(const att_plan_t *p) { return p->d % 4 == 0; }
static inline int64_t att_k_pitch(const att_plan_t *p) { return att_k_vec(p) ? p->d + (p->d % 8 == 0 ? 4 : 8) : p->d + 1; }

/* Shared memory (f32 elements): the K tiles [splits*KT][pitch], the V tiles [splits*KT][Dv], the block's query rows [4][D], and with 2 splits the second
 * split's state per row [4][2 + Dv] (m, l, acc) for the final merge. */
static inline int64_t att_v_off(const att_plan_t *p) { return p->splits * ATT_KEY_TILE * att_k_pitch(p); }
static inline int64_t att_q_off(const att_plan_t *p) { return att_v_off(p) + p->splits * ATT_KEY_TILE * p->dv; }
static inline int64_t att_merge_off(const att_plan_t *p) { return att_q_off(p) + ATT_ROWS_PER_BLOCK * p->d; }
static inline int64_t att_smem_floats(const att_plan_t *p) {
  return att_merge_off(p) + (p->splits - 1) * ATT_ROWS_PER_BLOCK * (2 + p->dv);
}

/* Whether `op` is a dlc.constant splat of a float (its value in *v). */
bool dlc_attention_splat_f32(MlirOperation op, double *v);
/* Matches the unit's body (see the emitter's top comment for what is accepted); false leaves the group
 * to the op-by-op lowering. */
bool dlc_attention_plan_build(att_plan_t *p, dlc_gpu_unit_t *unit);

#endif /* DLC_CONVERSION_DLCTOGPU_ATTENTION_PLAN_H */
