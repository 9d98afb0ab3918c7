/* MLIR context set-up for DLC: all upstream dialects, passes and LLVM IR translations, plus dlc. */
#include <threads.h>

#include "dlc/compiler.h"
#include "dlc/dialect.h"
#include "mlir-c/RegisterEverything.h"

static once_flag dlc_passes_once = ONCE_FLAG_INIT;
/* The pass registry is process-global in MLIR; registering twice is an error, so do it once. */
static void dlc_register_upstream_passes(void) { mlirRegisterAllPasses(); }

dlcrt_status_t dlc_context_create(MlirContext *out_ctx) {
  call_once(&dlc_passes_once, dlc_register_upstream_passes);
  MlirContext ctx = mlirContextCreateWithThreading(false);
  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  mlirRegisterAllDialects(registry);
  mlirContextAppendDialectRegistry(ctx, registry);
  mlirDialectRegistryDestroy(registry);
  mlirRegisterAllLLVMTranslations(ctx);
  dlc_context_attach_diagnostics(ctx);
  /* Dialects DLC's own (external) passes create ops of: external passes cannot declare dependent
   * dialects by name, so they are loaded up front. */
  static const char *const dialects[] = {"irdl", "func", "arith", "math", "tensor", "linalg", "memref",
                                         "scf", "gpu", "bufferization", NULL};
  for (int i = 0; dialects[i]; ++i) mlirContextGetOrLoadDialect(ctx, dlc_sref(dialects[i]));
  dlcrt_status_t status = dlc_dialect_load(ctx);
  if (status) {
    mlirContextDestroy(ctx);
    return status;
  }
  *out_ctx = ctx;
  return NULL;
}
