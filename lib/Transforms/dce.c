/* --dlc-dce: removes dlc ops whose results are all unused, to a fixed point. Upstream canonicalize and
 * DCE keep them: IRDL ops carry no side-effect information, so MLIR must assume they have effects.
 * dlc ops are pure tensor computations, so an unused one is dead. */
#include "dlc/dialect.h"
#include "dlc/passes.h"

typedef struct dlc_dce_state_t {
  MlirOperation dead[256];
  int count;
} dlc_dce_state_t;

static bool dlc_op_is_dead(MlirOperation op) {
  if (!dlc_op_info(op)) return false;
  intptr_t n = mlirOperationGetNumResults(op);
  for (intptr_t i = 0; i < n; ++i)
    if (!mlirOpOperandIsNull(mlirValueGetFirstUse(mlirOperationGetResult(op, i)))) return false;
  return true;
}

static MlirWalkResult dlc_dce_collect(MlirOperation op, void *user_data) {
  dlc_dce_state_t *s = user_data;
  if (!dlc_op_is_dead(op)) return MlirWalkResultAdvance;
  if (s->count == (int)(sizeof(s->dead) / sizeof(s->dead[0]))) return MlirWalkResultInterrupt;
  s->dead[s->count++] = op;
  return MlirWalkResultAdvance;
}

bool dlc_run_dce(MlirOperation root) {
  for (;;) {
    /* Erase what is dead now and repeat until nothing is: each round frees the producers of the last.
     * Dead ops have no users, so none of one round's ops uses another. */
    dlc_dce_state_t s = {.count = 0};
    mlirOperationWalk(root, dlc_dce_collect, &s, MlirWalkPostOrder);
    if (s.count == 0) return true;
    for (int i = 0; i < s.count; ++i) mlirOperationDestroy(s.dead[i]);
  }
}
