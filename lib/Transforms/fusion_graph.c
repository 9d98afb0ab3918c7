/* The op graph of one function's entry block for the fusion passes (fusion.h): ops in block order, an
 * op -> index map, union-find groups with member lists, and the check that merging two groups keeps
 * the graph of groups acyclic (a group becomes one call: its inputs must not depend on its outputs). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fusion.h"

static uint64_t dlc_ptr_hash(const void *p) {
  uint64_t x = (uint64_t)(uintptr_t)p;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  return x;
}

static void dlc_map_put(dlc_fgraph_t *g, const void *key, int val) {
  uint64_t h = dlc_ptr_hash(key) & (uint64_t)(g->cap - 1);
  while (g->keys[h]) h = (h + 1) & (uint64_t)(g->cap - 1);
  g->keys[h] = (void *)key;
  g->vals[h] = val;
}

int dlc_fgraph_index(const dlc_fgraph_t *g, MlirOperation op) {
  if (mlirOperationIsNull(op) || g->cap == 0) return -1;
  uint64_t h = dlc_ptr_hash(op.ptr) & (uint64_t)(g->cap - 1);
  while (g->keys[h]) {
    if (g->keys[h] == op.ptr) return g->vals[h];
    h = (h + 1) & (uint64_t)(g->cap - 1);
  }
  return -1;
}

int dlc_fgraph_def(const dlc_fgraph_t *g, MlirValue v) {
  if (!mlirValueIsAOpResult(v)) return -1;
  return dlc_fgraph_index(g, mlirOpResultGetOwner(v));
}

bool dlc_fgraph_build(MlirOperation func, dlc_fgraph_t *g) {
  memset(g, 0, sizeof(*g));
  g->func = func;
  MlirRegion body = mlirOperationGetRegion(func, 0);
  g->block = mlirRegionGetFirstBlock(body);
  if (mlirBlockIsNull(g->block)) return true;
  MlirOperation term = mlirBlockGetTerminator(g->block);
  int n = 0;
  for (MlirOperation op = mlirBlockGetFirstOperation(g->block); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op))
    if (!mlirOperationEqual(op, term)) ++n;
  g->n = n;
  g->cap = 16;
  while (g->cap < 2 * n + 2) g->cap *= 2;
  g->ops = calloc((size_t)n + 1, sizeof(MlirOperation));
  g->parent = calloc((size_t)n + 1, sizeof(int));
  g->next = calloc((size_t)n + 1, sizeof(int));
  g->size = calloc((size_t)n + 1, sizeof(int));
  g->claimed = calloc((size_t)n + 1, sizeof(int));
  g->stamp = calloc((size_t)n + 1, sizeof(int));
  g->keys = calloc((size_t)g->cap, sizeof(void *));
  g->vals = calloc((size_t)g->cap, sizeof(int));
  if (!g->ops || !g->parent || !g->next || !g->size || !g->claimed || !g->stamp || !g->keys || !g->vals) {
    dlc_fgraph_free(g);
    return false;
  }
  int i = 0;
  for (MlirOperation op = mlirBlockGetFirstOperation(g->block); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    if (mlirOperationEqual(op, term)) continue;
    g->ops[i] = op;
    g->parent[i] = i;
    g->next[i] = i;
    g->size[i] = 1;
    dlc_map_put(g, op.ptr, i);
    ++i;
  }
  return true;
}

void dlc_fgraph_free(dlc_fgraph_t *g) {
  free(g->ops);
  free(g->parent);
  free(g->next);
  free(g->size);
  free(g->claimed);
  free(g->stamp);
  free(g->keys);
  free(g->vals);
  memset(g, 0, sizeof(*g));
}

int dlc_fgraph_find(dlc_fgraph_t *g, int i) {
  while (g->parent[i] != i) {
    g->parent[i] = g->parent[g->parent[i]];
    i = g->parent[i];
  }
  return i;
}

void dlc_fgraph_union(dlc_fgraph_t *g, int a, int b) {
  int ra = dlc_fgraph_find(g, a), rb = dlc_fgraph_find(g, b);
  if (ra == rb) return;
  if (g->size[ra] < g->size[rb]) {
    int t = ra;
    ra = rb;
    rb = t;
  }
  g->parent[rb] = ra;
  g->size[ra] += g->size[rb];
  /* Splice the two circular member lists. */
  int t = g->next[ra];
  g->next[ra] = g->next[rb];
  g->next[rb] = t;
  if (g->claimed[rb] && !g->claimed[ra]) g->claimed[ra] = g->claimed[rb];
}

int dlc_fgraph_members(dlc_fgraph_t *g, int i, MlirOperation *out) {
  int root = dlc_fgraph_find(g, i);
  /* Member indices, sorted (block order). */
  int *idx = malloc(sizeof(int) * (size_t)g->size[root]);
  if (!idx) return 0;
  int n = 0, m = root;
  do {
    idx[n++] = m;
    m = g->next[m];
  } while (m != root);
  for (int a = 1; a < n; ++a)
    for (int b = a; b > 0 && idx[b - 1] > idx[b]; --b) {
      int t = idx[b];
      idx[b] = idx[b - 1];
      idx[b - 1] = t;
    }
  for (int k = 0; k < n; ++k) out[k] = g->ops[idx[k]];
  free(idx);
  return n;
}

int dlc_fgraph_users(const dlc_fgraph_t *g, int i, int *out, int cap) {
  int n = 0;
  MlirOperation op = g->ops[i];
  intptr_t nr = mlirOperationGetNumResults(op);
  for (intptr_t r = 0; r < nr; ++r)
    for (MlirOpOperand u = mlirValueGetFirstUse(mlirOperationGetResult(op, r)); !mlirOpOperandIsNull(u);
         u = mlirOpOperandGetNextUse(u)) {
      /* Users nested in a region of an op of the block count as that op. */
      MlirOperation owner = mlirOpOperandGetOwner(u);
      int j = dlc_fgraph_index(g, owner);
      while (j < 0 && !mlirOperationIsNull(owner)) {
        owner = mlirOperationGetParentOperation(owner);
        if (mlirOperationIsNull(owner) || mlirOperationEqual(owner, g->func)) break;
        j = dlc_fgraph_index(g, owner);
      }
      bool dup = false;
      for (int k = 0; k < n; ++k) dup = dup || out[k] == j;
      if (!dup && n < cap) out[n++] = j;
    }
  return n;
}

/* Depth-first from the users of the merged group's members, through ops (and whole groups) outside it:
 * reaching a member again means the merge would make the group depend on itself. */
bool dlc_fgraph_merge_creates_cycle(dlc_fgraph_t *g, int a, int b) { return dlc_fgraph_merge_creates_cycle_with(g, a, b, NULL, 0); }

/* Is x in the merged set: a's group, b's group or one of the extra ops' groups? */
static bool dlc_in_merged(dlc_fgraph_t *g, int x, int ra, int rb, const int *extra, int nextra) {
  int r = dlc_fgraph_find(g, x);
  if (r == ra || r == rb) return true;
  for (int i = 0; i < nextra; ++i)
    if (dlc_fgraph_find(g, extra[i]) == r) return true;
  return false;
}

bool dlc_fgraph_merge_creates_cycle_with(dlc_fgraph_t *g, int a, int b, const int *extra, int nextra) {
  int ra = dlc_fgraph_find(g, a), rb = dlc_fgraph_find(g, b);
  if (ra == rb && nextra == 0) return false;
  ++g->stamp_now;
  int *stack = malloc(sizeof(int) * (size_t)(g->n + 1) * 2);
  int *users = malloc(sizeof(int) * (size_t)(g->n + 1));
  if (!stack || !users) {
    free(stack);
    free(users);
    return true; /* cannot check: refuse */
  }
  int sp = 0;
  bool cycle = false;
  /* Seed: outside users of every member. */
  int roots[2 + 16];
  int nroots = 0;
  roots[nroots++] = ra;
  if (rb != ra) roots[nroots++] = rb;
  for (int i = 0; i < nextra && nroots < 18; ++i) roots[nroots++] = dlc_fgraph_find(g, extra[i]);
  for (int r = 0; r < nroots; ++r) {
    int m = roots[r];
    do {
      int nu = dlc_fgraph_users(g, m, users, g->n + 1);
      for (int k = 0; k < nu; ++k) {
        int u = users[k];
        if (u < 0) continue;
        if (dlc_in_merged(g, u, ra, rb, extra, nextra) || g->stamp[u] == g->stamp_now) continue;
        g->stamp[u] = g->stamp_now;
        stack[sp++] = u;
      }
      m = g->next[m];
    } while (m != roots[r]);
  }
  while (sp > 0 && !cycle) {
    int x = stack[--sp];
    /* A node is its whole group: walk every member of x's group. */
    int rx = dlc_fgraph_find(g, x), m = rx;
    do {
      if (g->stamp[m] != g->stamp_now) g->stamp[m] = g->stamp_now;
      int nu = dlc_fgraph_users(g, m, users, g->n + 1);
      for (int k = 0; k < nu && !cycle; ++k) {
        int u = users[k];
        if (u < 0) continue;
        if (dlc_in_merged(g, u, ra, rb, extra, nextra)) {
          cycle = true;
          break;
        }
        if (g->stamp[u] == g->stamp_now) continue;
        g->stamp[u] = g->stamp_now;
        if (sp < 2 * (g->n + 1)) stack[sp++] = u;
      }
      m = g->next[m];
    } while (m != rx && !cycle);
  }
  free(stack);
  free(users);
  return cycle;
}

/*===-- Epilogue segments -----------------------------------------------------------------------===*/

bool dlc_fgraph_before(const dlc_fgraph_t *g, MlirValue v, int first) {
  int d = dlc_fgraph_def(g, v);
  return d < first || dlc_op_is(g->ops[d], DLC_CONSTANT);
}

bool dlc_fgraph_segment_has(const dlc_fgraph_segment_t *s, int x) {
  if (x == s->anchor) return true;
  for (int k = 0; k < s->nops; ++k)
    if (s->ops[k] == x) return true;
  return false;
}

bool dlc_fgraph_grow_segment(dlc_fgraph_t *g, dlc_fgraph_segment_t *s, int first, int max_ops, dlc_fgraph_operand_ok_fn outside_ok,
                             void *user) {
  if (max_ops > DLC_SEGMENT_MAX_OPS) max_ops = DLC_SEGMENT_MAX_OPS;
  MlirType ty = mlirValueGetType(mlirOperationGetResult(g->ops[s->anchor], 0));
  bool changed = true;
  while (changed) {
    changed = false;
    for (int m = -1; m < s->nops; ++m) {
      int x = m < 0 ? s->anchor : s->ops[m];
      int users[64];
      int nu = dlc_fgraph_users(g, x, users, 64);
      for (int k = 0; k < nu; ++k) {
        int u = users[k];
        if (u < 0 || dlc_fgraph_segment_has(s, u) || g->claimed[dlc_fgraph_find(g, u)]) continue;
        MlirOperation op = g->ops[u];
        if (!dlc_fusion_is_elementwise(op) || mlirOperationGetNumResults(op) != 1 ||
            !mlirTypeEqual(mlirValueGetType(mlirOperationGetResult(op, 0)), ty))
          continue;
        bool ok = true;
        for (intptr_t o = 0; o < mlirOperationGetNumOperands(op) && ok; ++o) {
          MlirValue v = mlirOperationGetOperand(op, o);
          int d = dlc_fgraph_def(g, v);
          ok = (d >= 0 && dlc_fgraph_segment_has(s, d)) || (dlc_fgraph_before(g, v, first) && outside_ok(v, user));
        }
        if (!ok) continue;
        if (s->nops >= max_ops) return false;
        s->ops[s->nops++] = u;
        changed = true;
      }
    }
  }
  s->tail = -1; /* exactly one value used outside the segment */
  for (int m = -1; m < s->nops; ++m) {
    int x = m < 0 ? s->anchor : s->ops[m];
    int users[64];
    int nu = dlc_fgraph_users(g, x, users, 64);
    bool outside = nu == 0;
    for (int k = 0; k < nu; ++k)
      if (users[k] < 0 || !dlc_fgraph_segment_has(s, users[k])) outside = true;
    if (!outside) continue;
    if (s->tail >= 0) return false;
    s->tail = x;
  }
  return s->tail >= 0;
}
