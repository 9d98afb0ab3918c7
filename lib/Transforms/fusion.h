/* Shared machinery of the fusion passes (lib/Transforms/fuse_*.c, assign_parallelism.c, fusion_stats.c):
 * the op graph of one function with union-find groups and the acyclicity check (fusion_graph.c), the one
 * outlining helper that turns a group into a private func.func with a `dlc.fusion` attribute called by
 * func.call (fusion_outline.c), op classification and cost estimates (cost_model.c), and the
 * --dlc-explain lines (fusion_explain.c). Internal to lib/Transforms. */
#ifndef DLC_TRANSFORMS_FUSION_H
#define DLC_TRANSFORMS_FUSION_H

#include <stdbool.h>
#include <stdint.h>

#include "dlc/cost_model.h"
#include "dlc/dialect.h"
#include "mlir-c/IR.h"

/* ---- op classification and estimates (cost_model.c) ---- */

/* Elementwise (unary, binary, compare, cast, where): one output element from the same position of
 * each (broadcast) operand. */
bool dlc_fusion_is_elementwise(MlirOperation op);
/* A dlc.reshape that only inserts or removes unit dims (pure metadata in any iteration space). */
bool dlc_fusion_is_unit_reshape(MlirOperation op);
/* Ops that cost no kernel of their own: dlc.constant, dlc.dim, any dlc.reshape. */
bool dlc_fusion_is_free(MlirOperation op);
/* A reduction over the trailing axes (dlc.reduce over the last k axes, softmax/log_softmax over the last
 * axis, layer_norm): sets the number of trailing (reduced) axes of its input. */
bool dlc_fusion_is_row_reduction(MlirOperation op, int32_t *trailing);
/* dlc.constant with at most `max_elems` elements (cloned into groups instead of passed in). */
bool dlc_fusion_is_small_constant(MlirOperation op, int64_t max_elems);

/* Elements and bytes of a value (dynamic dims count as the target's dynamic_dim). */
double dlc_fusion_value_elems(MlirValue v);
double dlc_fusion_value_bytes(MlirValue v);
int64_t dlc_fusion_elem_bytes(MlirValue v);
/* Flops of one op (matmul 2MNK, conv 2*out*Ci*Kh*Kw, transcendental ops 8 per element, ...). */
double dlc_fusion_op_flops(MlirOperation op);
/* Peak flops for the op's element type (tensor-core peaks for f16/bf16 GEMMs). */
double dlc_fusion_op_peak(MlirOperation op);

/* The cost of running `ops` (n of them) as one kernel: external inputs read once, outputs that have a
 * user outside the set written once, intermediates free; plus one launch. Constants with at most 16
 * elements are folded into the kernel. */
dlc_cost_t dlc_fusion_cost(const MlirOperation *ops, int n);
/* The same ops each in its own kernel (free ops cost nothing). */
dlc_cost_t dlc_fusion_cost_unfused(const MlirOperation *ops, int n);

/* ---- graph and groups of one function's entry block (fusion_graph.c) ---- */

typedef struct dlc_fgraph_t {
  MlirOperation func;
  MlirBlock block;
  int n;
  MlirOperation *ops; /* block order, terminator excluded */
  int *parent;        /* union-find */
  int *next;          /* circular member list of each group */
  int *size;
  int *claimed;       /* 0: free; otherwise the pass-specific kind of the group it belongs to */
  int *stamp;         /* DFS marks */
  int stamp_now;
  /* op -> index hash (open addressing on the op pointer) */
  void **keys;
  int *vals;
  int cap;
} dlc_fgraph_t;

bool dlc_fgraph_build(MlirOperation func, dlc_fgraph_t *g);
void dlc_fgraph_free(dlc_fgraph_t *g);
/* Index of `op` in the entry block, -1 when it is not there. */
int dlc_fgraph_index(const dlc_fgraph_t *g, MlirOperation op);
/* Index of the op defining `v` in the entry block, -1 for block arguments and ops elsewhere. */
int dlc_fgraph_def(const dlc_fgraph_t *g, MlirValue v);
int dlc_fgraph_find(dlc_fgraph_t *g, int i);
/* Would merging the groups of a and b create a cycle (a path leaving the merged group and coming back,
 * through any ops or other groups)? */
bool dlc_fgraph_merge_creates_cycle(dlc_fgraph_t *g, int a, int b);
/* The same for the groups of a, b and of extra[0..nextra) (at most 16) merged into one. */
bool dlc_fgraph_merge_creates_cycle_with(dlc_fgraph_t *g, int a, int b, const int *extra, int nextra);
void dlc_fgraph_union(dlc_fgraph_t *g, int a, int b);
/* Members of i's group in block order; returns the count (out has room for g->n). */
int dlc_fgraph_members(dlc_fgraph_t *g, int i, MlirOperation *out);
/* Every user of op i's results, as graph indices (-1 for users outside the block), into out[cap]. */
int dlc_fgraph_users(const dlc_fgraph_t *g, int i, int *out, int cap);

/* An epilogue segment (fuse_mlp_chain.c, fuse_conv_chain.c): an anchor op (a matmul, a conv2d) and the
 * unclaimed elementwise ops with its result type that consume its values, transitively; their other
 * operands come from the segment or from before the chain and pass the caller's check. */
#define DLC_SEGMENT_MAX_OPS 64
typedef struct dlc_fgraph_segment_t {
  int anchor;                   /* graph index of the matmul or conv */
  int ops[DLC_SEGMENT_MAX_OPS]; /* the elementwise ops, graph indices */
  int nops;
  int tail; /* graph index of the one value used outside (the anchor or one of ops) */
} dlc_fgraph_segment_t;
/* Whether `v` cannot depend on a chain starting at graph index `first`: defined before it, a block
 * argument or value from outside the block, or a dlc.constant. */
bool dlc_fgraph_before(const dlc_fgraph_t *g, MlirValue v, int first);
bool dlc_fgraph_segment_has(const dlc_fgraph_segment_t *s, int x);
/* Whether an operand from outside the segment (already known to come from before the chain) may enter. */
typedef bool (*dlc_fgraph_operand_ok_fn)(MlirValue v, void *user);
/* Grows `s` from s->anchor and sets s->tail; false when more than `max_ops` ops would join or the
 * segment's values are used outside it in more than one place. */
bool dlc_fgraph_grow_segment(dlc_fgraph_t *g, dlc_fgraph_segment_t *s, int first, int max_ops, dlc_fgraph_operand_ok_fn outside_ok,
                             void *user);

/* ---- outlining (fusion_outline.c) ---- */

/* Moves the ops of one group (block order) into a new private func.func `@<func>_<kind>_<k>` carrying
 * dlc.fusion = {kind = KIND}, inserted after the function; the ops are replaced by one func.call at the
 * place of the last one (outside users that came before it move after the call). Small constants are
 * cloned into the body (except for gemm_chain groups), other outside values become arguments; results used outside become results.
 * Writes the new function's name into name[size]. The group must be acyclic. */
bool dlc_fusion_outline(MlirOperation func, MlirOperation *ops, int n, const char *kind, char *name, size_t size);
/* Outlines every group of `g` with at least `min_size` members whose `claimed` is `claim`. Returns the
 * number of groups outlined, -1 on failure. */
int dlc_fusion_outline_groups(dlc_fgraph_t *g, int claim, int min_size, const char *kind, const char *pass);

/* ---- MLP chains (fuse_mlp_chain.c) ---- */

/* Forms GEMM (+ elementwise) -> GEMM (+ elementwise) -> ... chains that pay as one kernel: unions their
 * ops and sets the group's `claimed` to `claim`. */
void dlc_fuse_mlp_chains(dlc_fgraph_t *g, int claim);

/* ---- --dlc-explain (fusion_explain.c) ---- */

/* "dlc.add@/layers.0/Add" (the name location of an ONNX node) or "dlc.add@file:line:col". */
const char *dlc_fusion_op_label(MlirOperation op, char *buf, size_t size);
/* Prints "dlc-explain: PASS: ..." when --dlc-explain is on. */
void dlc_fusion_explain(const char *pass, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool dlc_fusion_explaining(void);
/* "1.5 KiB" */
const char *dlc_fusion_bytes_str(double bytes, char *buf, size_t size);

/* Group-level counts of one function after fusion: kernels (loop/stitch/attention groups and ops that
 * still need a kernel of their own), library calls (matmuls and gemm_chain groups), groups by kind. */
typedef struct dlc_fusion_counts_t {
  int ops;           /* dlc ops other than dlc.constant, group bodies included */
  int kernels;
  int library_calls;
  int groups_loop, groups_stitch, groups_gemm, groups_other;
  dlc_cost_t est;    /* the cost model over the final groups and the ops left alone */
} dlc_fusion_counts_t;
dlc_fusion_counts_t dlc_fusion_count(MlirOperation module, MlirOperation func);

#endif /* DLC_TRANSFORMS_FUSION_H */
