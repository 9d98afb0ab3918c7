/* Loads the dlc dialect (dialect/dlc.irdl.mlir, embedded at build time) into an MLIR context with
 * mlirLoadIRDLDialects, then checks that every op in the C op table was registered. */
#include <stdio.h>

#include "dlc/dialect.h"
#include "mlir-c/Dialect/IRDL.h"

extern const char dlc_irdl_source[];
extern const unsigned long dlc_irdl_source_size;

dlcrt_status_t dlc_dialect_load(MlirContext ctx) {
  if (mlirContextIsRegisteredOperation(ctx, dlc_sref("dlc.relu"))) return NULL; /* already loaded */
  MlirModule irdl = mlirModuleCreateParse(ctx, mlirStringRefCreate(dlc_irdl_source, dlc_irdl_source_size));
  if (mlirModuleIsNull(irdl))
    return dlcrt_make_status(DLCRT_STATUS_INTERNAL, "the embedded dlc.irdl.mlir does not parse");
  MlirLogicalResult loaded = mlirLoadIRDLDialects(irdl);
  mlirModuleDestroy(irdl);
  if (mlirLogicalResultIsFailure(loaded))
    return dlcrt_make_status(DLCRT_STATUS_INTERNAL, "loading the dlc IRDL dialect failed");
  size_t count;
  const dlc_op_info_t *ops = dlc_op_table(&count);
  for (size_t i = 0; i < count; ++i) {
    char name[64];
    snprintf(name, sizeof(name), "dlc.%s", ops[i].name);
    if (!mlirContextIsRegisteredOperation(ctx, dlc_sref(name)))
      return dlcrt_make_status(DLCRT_STATUS_INTERNAL, "op '%s' is in the op table but not in dlc.irdl.mlir", name);
  }
  return NULL;
}
