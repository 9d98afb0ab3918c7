/* --dlc-verify: runs the dlc shape/dtype verifier (dialect/verify_ops.c) over the module. dlc-opt adds
 * it after parsing and after every pass, so a pass that breaks an invariant is caught where it happens. */
#include "dlc/dialect.h"
#include "dlc/passes.h"

bool dlc_run_verify(MlirOperation op) { return dlc_verify_all(op) == 0; }
