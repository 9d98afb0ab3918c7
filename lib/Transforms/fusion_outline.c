/* The one outlining helper of the fusion passes (fusion.h): a group of ops of a function's entry block
 * becomes a private func.func carrying dlc.fusion = {kind = ...}, and the ops become one func.call.
 * Small constants are cloned into the body (a kernel folds them; not into gemm_chain groups, whose body
 * stays exactly the GEMM and its epilogue), other outside values are arguments,
 * and results used outside the group are results. The call takes the place of the group's last op;
 * outside ops between the group's first and last op that depend on it move after the call, which is
 * valid because the group is acyclic (checked by dlc_fgraph_merge_creates_cycle when it was formed). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlc/mlir_util.h"
#include "fusion.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/BuiltinTypes.h"

static bool dlc_member(const MlirOperation *ops, int n, MlirOperation op) {
  for (int i = 0; i < n; ++i)
    if (mlirOperationEqual(ops[i], op)) return true;
  return false;
}

static int dlc_value_index(const MlirValue *vals, int n, MlirValue v) {
  for (int i = 0; i < n; ++i)
    if (mlirValueEqual(vals[i], v)) return i;
  return -1;
}

/* Does an op (or any op nested in it) use a group member or an op already moved? */
typedef struct dlc_depends_t {
  const MlirOperation *ops;
  int n;
  const MlirOperation *moved;
  int nmoved;
  bool depends;
} dlc_depends_t;

static MlirWalkResult dlc_depends_walk(MlirOperation op, void *user_data) {
  dlc_depends_t *d = user_data;
  intptr_t no = mlirOperationGetNumOperands(op);
  for (intptr_t k = 0; k < no && !d->depends; ++k) {
    MlirValue v = mlirOperationGetOperand(op, k);
    if (!mlirValueIsAOpResult(v)) continue;
    MlirOperation def = mlirOpResultGetOwner(v);
    d->depends = dlc_member(d->ops, d->n, def) || dlc_member(d->moved, d->nmoved, def);
  }
  return d->depends ? MlirWalkResultInterrupt : MlirWalkResultAdvance;
}

/* A symbol name not yet taken in `module`: @<func>_<kind>_<k>. */
static void dlc_fresh_name(MlirOperation module, const char *func, const char *kind, char *name, size_t size) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  for (int k = 0;; ++k) {
    snprintf(name, size, "%s_%s_%d", func, kind, k);
    bool taken = false;
    for (MlirOperation op = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(op) && !taken;
         op = mlirOperationGetNextInBlock(op)) {
      MlirAttribute sym = mlirOperationGetAttributeByName(op, dlc_sref("sym_name"));
      taken = !mlirAttributeIsNull(sym) && mlirAttributeIsAString(sym) && dlc_sref_eq(mlirStringAttrGetValue(sym), name);
    }
    if (!taken) return;
  }
}

bool dlc_fusion_outline(MlirOperation func, MlirOperation *ops, int n, const char *kind, char *name, size_t size) {
  if (n <= 0) return false;
  MlirContext ctx = mlirOperationGetContext(func);
  MlirOperation module = mlirOperationGetParentOperation(func);
  MlirBlock block = mlirOperationGetBlock(ops[0]);
  MlirLocation loc = mlirOperationGetLocation(ops[n - 1]);

  /* Inputs, constants to clone, outputs. */
  int cap = 64;
  for (int i = 0; i < n; ++i) cap += (int)mlirOperationGetNumOperands(ops[i]) + (int)mlirOperationGetNumResults(ops[i]);
  MlirValue *inputs = malloc(sizeof(MlirValue) * (size_t)cap);
  MlirValue *consts = malloc(sizeof(MlirValue) * (size_t)cap);
  MlirValue *outputs = malloc(sizeof(MlirValue) * (size_t)cap);
  MlirType *types = malloc(sizeof(MlirType) * (size_t)cap);
  MlirLocation *locs = malloc(sizeof(MlirLocation) * (size_t)cap);
  MlirOperation *moved = malloc(sizeof(MlirOperation) * (size_t)cap);
  bool ok = inputs && consts && outputs && types && locs && moved;
  int nin = 0, nconst = 0, nout = 0, nmoved = 0;
  /* A gemm_chain body stays exactly matmul [+ bias] [+ activation]: its operands, constants included, are
   * arguments (the library call takes them as pointers). */
  bool clone_constants = strcmp(kind, "gemm_chain") != 0 && strcmp(kind, "conv_chain") != 0; /* conv_chain: biases are kernel inputs */
  for (int i = 0; ok && i < n; ++i) {
    intptr_t no = mlirOperationGetNumOperands(ops[i]);
    for (intptr_t k = 0; k < no; ++k) {
      MlirValue v = mlirOperationGetOperand(ops[i], k);
      if (mlirValueIsAOpResult(v)) {
        MlirOperation def = mlirOpResultGetOwner(v);
        if (dlc_member(ops, n, def)) continue;
        if (clone_constants && dlc_fusion_is_small_constant(def, 16)) {
          if (dlc_value_index(consts, nconst, v) < 0) consts[nconst++] = v;
          continue;
        }
      }
      if (dlc_value_index(inputs, nin, v) < 0) inputs[nin++] = v;
    }
    intptr_t nr = mlirOperationGetNumResults(ops[i]);
    for (intptr_t k = 0; k < nr; ++k) {
      MlirValue r = mlirOperationGetResult(ops[i], k);
      for (MlirOpOperand u = mlirValueGetFirstUse(r); !mlirOpOperandIsNull(u); u = mlirOpOperandGetNextUse(u))
        if (!dlc_member(ops, n, mlirOpOperandGetOwner(u))) {
          outputs[nout++] = r;
          break;
        }
    }
  }
  if (!ok) goto done;

  /* Outside ops between the first and the last member that depend on the group (directly or through
   * each other): they move after the call. */
  for (MlirOperation op = mlirOperationGetNextInBlock(ops[0]); !mlirOperationEqual(op, ops[n - 1]);
       op = mlirOperationGetNextInBlock(op)) {
    if (dlc_member(ops, n, op)) continue;
    dlc_depends_t d = {ops, n, moved, nmoved, false};
    mlirOperationWalk(op, dlc_depends_walk, &d, MlirWalkPreOrder); /* nested regions' operands too */
    if (d.depends && nmoved < cap) moved[nmoved++] = op;
  }

  /* The function. */
  for (int i = 0; i < nin; ++i) {
    types[i] = mlirValueGetType(inputs[i]);
    locs[i] = loc;
  }
  MlirType *rtypes = types + nin;
  for (int i = 0; i < nout; ++i) rtypes[i] = mlirValueGetType(outputs[i]);
  char fname[256] = "group";
  MlirAttribute fsym = mlirOperationGetAttributeByName(func, dlc_sref("sym_name"));
  if (!mlirAttributeIsNull(fsym)) {
    MlirStringRef s = mlirStringAttrGetValue(fsym);
    snprintf(fname, sizeof(fname), "%.*s", (int)(s.length > 200 ? 200 : s.length), s.data);
  }
  dlc_fresh_name(module, fname, kind, name, size);
  MlirBlock body = mlirBlockCreate(nin, types, locs);
  MlirRegion region = mlirRegionCreate();
  mlirRegionAppendOwnedBlock(region, body);
  char dict[128];
  snprintf(dict, sizeof(dict), "{kind = \"%s\"}", kind);
  MlirNamedAttribute attrs[4] = {
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("sym_name")), mlirStringAttrGet(ctx, dlc_sref(name))),
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("function_type")),
                            mlirTypeAttrGet(mlirFunctionTypeGet(ctx, nin, types, nout, rtypes))),
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("sym_visibility")), mlirStringAttrGet(ctx, dlc_sref("private"))),
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref(DLC_FUSION_ATTR)), mlirAttributeParseGet(ctx, dlc_sref(dict))),
  };
  MlirOperationState fst = mlirOperationStateGet(dlc_sref("func.func"), loc);
  mlirOperationStateAddAttributes(&fst, 4, attrs);
  mlirOperationStateAddOwnedRegions(&fst, 1, &region);
  MlirOperation group = mlirOperationCreate(&fst);
  /* After the function and the groups already outlined from it, so groups print in the order formed. */
  MlirOperation after = func;
  for (MlirOperation next = mlirOperationGetNextInBlock(after); !mlirOperationIsNull(next) && dlc_is_fusion_func(next);
       next = mlirOperationGetNextInBlock(next))
    after = next;
  mlirBlockInsertOwnedOperationAfter(mlirOperationGetBlock(func), after, group);

  /* The call, after the last member. */
  MlirOperationState cst = mlirOperationStateGet(dlc_sref("func.call"), loc);
  mlirOperationStateAddOperands(&cst, nin, inputs);
  mlirOperationStateAddResults(&cst, nout, rtypes);
  MlirNamedAttribute callee =
      mlirNamedAttributeGet(mlirIdentifierGet(ctx, dlc_sref("callee")), mlirFlatSymbolRefAttrGet(ctx, dlc_sref(name)));
  mlirOperationStateAddAttributes(&cst, 1, &callee);
  MlirOperation call = mlirOperationCreate(&cst);
  mlirBlockInsertOwnedOperationAfter(block, ops[n - 1], call);
  MlirOperation anchor = call;
  for (int i = 0; i < nmoved; ++i) {
    mlirOperationMoveAfter(moved[i], anchor);
    anchor = moved[i];
  }

  /* Outside uses of the outputs read the call's results. */
  for (int i = 0; i < nout; ++i) {
    MlirValue r = outputs[i], repl = mlirOperationGetResult(call, i);
    for (;;) {
      MlirOpOperand outside = {NULL};
      for (MlirOpOperand u = mlirValueGetFirstUse(r); !mlirOpOperandIsNull(u); u = mlirOpOperandGetNextUse(u))
        if (!dlc_member(ops, n, mlirOpOperandGetOwner(u))) {
          outside = u;
          break;
        }
      if (mlirOpOperandIsNull(outside)) break;
      mlirOperationSetOperand(mlirOpOperandGetOwner(outside), (intptr_t)mlirOpOperandGetOperandNumber(outside), repl);
    }
  }

  /* The body: cloned constants, then the members in order, then the return. */
  MlirValue *const_clones = malloc(sizeof(MlirValue) * (size_t)(nconst + 1));
  for (int i = 0; i < nconst; ++i) {
    MlirOperation c = mlirOperationClone(mlirOpResultGetOwner(consts[i]));
    mlirBlockAppendOwnedOperation(body, c);
    const_clones[i] = mlirOperationGetResult(c, 0);
  }
  for (int i = 0; i < n; ++i) {
    mlirOperationRemoveFromParent(ops[i]);
    mlirBlockAppendOwnedOperation(body, ops[i]);
    intptr_t no = mlirOperationGetNumOperands(ops[i]);
    for (intptr_t k = 0; k < no; ++k) {
      MlirValue v = mlirOperationGetOperand(ops[i], k);
      int j = dlc_value_index(inputs, nin, v);
      if (j >= 0) {
        mlirOperationSetOperand(ops[i], k, mlirBlockGetArgument(body, j));
        continue;
      }
      j = dlc_value_index(consts, nconst, v);
      if (j >= 0 && const_clones) mlirOperationSetOperand(ops[i], k, const_clones[j]);
    }
  }
  MlirOperationState rst = mlirOperationStateGet(dlc_sref("func.return"), loc);
  mlirOperationStateAddOperands(&rst, nout, outputs);
  mlirBlockAppendOwnedOperation(body, mlirOperationCreate(&rst));
  free(const_clones);

done:
  free(inputs);
  free(consts);
  free(outputs);
  free(types);
  free(locs);
  free(moved);
  return ok;
}

int dlc_fusion_outline_groups(dlc_fgraph_t *g, int claim, int min_size, const char *kind, const char *pass) {
  /* Collect the groups first: outlining removes ops from the block the graph describes. */
  MlirOperation *members = malloc(sizeof(MlirOperation) * (size_t)(g->n + 1));
  int *roots = malloc(sizeof(int) * (size_t)(g->n + 1));
  if (!members || !roots) {
    free(members);
    free(roots);
    return -1;
  }
  int nroots = 0;
  for (int i = 0; i < g->n; ++i) {
    int r = dlc_fgraph_find(g, i);
    if (r != i || g->claimed[r] != claim || g->size[r] < min_size) continue;
    roots[nroots++] = r;
  }
  /* Member lists of every group, saved before any moves. */
  MlirOperation **lists = calloc((size_t)nroots + 1, sizeof(MlirOperation *));
  int *counts = calloc((size_t)nroots + 1, sizeof(int));
  int done = 0;
  for (int k = 0; lists && counts && k < nroots; ++k) {
    int c = dlc_fgraph_members(g, roots[k], members);
    lists[k] = malloc(sizeof(MlirOperation) * (size_t)c);
    if (!lists[k]) break;
    memcpy(lists[k], members, sizeof(MlirOperation) * (size_t)c);
    counts[k] = c;
  }
  for (int k = 0; lists && counts && k < nroots; ++k) {
    if (!lists[k]) {
      done = -1;
      break;
    }
    char name[256], first[160], last[160];
    dlc_fusion_op_label(lists[k][0], first, sizeof(first));
    dlc_fusion_op_label(lists[k][counts[k] - 1], last, sizeof(last));
    dlc_cost_t fused = dlc_fusion_cost(lists[k], counts[k]);
    dlc_cost_t alone = dlc_fusion_cost_unfused(lists[k], counts[k]);
    if (!dlc_fusion_outline(g->func, lists[k], counts[k], kind, name, sizeof(name))) {
      done = -1;
      break;
    }
    ++done;
    char b1[32], b2[32];
    dlc_fusion_explain(pass, "formed @%s (%s, %d ops, %s .. %s): est %s %.2f us as 1 kernel vs %s %.2f us in %d kernels",
                       name, kind, counts[k], first, last, dlc_fusion_bytes_str(fused.bytes, b1, sizeof(b1)), fused.us,
                       dlc_fusion_bytes_str(alone.bytes, b2, sizeof(b2)), alone.us, alone.kernels);
  }
  for (int k = 0; lists && k < nroots; ++k) free(lists[k]);
  free(lists);
  free(counts);
  free(members);
  free(roots);
  return done;
}
