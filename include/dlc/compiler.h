/* The compiler's embeddable entry points: an MLIR context with every dialect DLC uses (upstream
 * and dlc), loading a source file (.mlir now, .onnx through lib/Import), and verification. */
#ifndef DLC_COMPILER_H
#define DLC_COMPILER_H

#include "dlc/status.h"
#include "mlir-c/IR.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Creates a context with all upstream dialects, passes and LLVM translations registered and the
 * dlc dialect loaded. Destroy with mlirContextDestroy. */
dlcrt_status_t dlc_context_create(MlirContext *out_ctx);

/* Prints the context's diagnostics to stderr as FILE:LINE:COL: error: MESSAGE (done by dlc_context_create). */
void dlc_context_attach_diagnostics(MlirContext ctx);

/* Parses `path` ("-" for standard input) into a module and verifies it (MLIR's verifier, then the
 * dlc verifier). Diagnostics go through the context's handler (stderr by default); the status
 * names the file. */
dlcrt_status_t dlc_load_source(MlirContext ctx, const char *path, MlirModule *out_module);

/* Runs MLIR's verifier and the dlc verifier on `module`; `what` names the stage for the message. */
dlcrt_status_t dlc_verify_module(MlirModule module, const char *what);

#ifdef __cplusplus
}
#endif
#endif /* DLC_COMPILER_H */
