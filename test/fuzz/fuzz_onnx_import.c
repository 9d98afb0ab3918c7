/* libFuzzer target for the ONNX importer: each input is taken as a serialized ModelProto, imported
 * with dlc_onnx_import_bytes, verified with dlc_verify_module (MLIR's verifier and the dlc verifier)
 * and destroyed. Any status is fine (most inputs are not valid models); a crash, a sanitizer report, a
 * leak or a hang is a bug. Built only with -DDLC_FUZZ=ON and clang; run it with test/fuzz/run_fuzz.sh.
 *
 * One MLIR context serves many inputs: creating one costs more than most imports. It is replaced
 * every FUZZ_CONTEXT_RUNS inputs, because a context never forgets what it uniqued (the fuzzed names,
 * locations and attributes, and the weight blobs it owns), which would otherwise grow the process past
 * -rss_limit_mb within a minute. Its diagnostics are dropped (the verifier reports most bad inputs). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "dlc/compiler.h"
#include "dlc/onnx.h"
#include "mlir-c/Diagnostics.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CONTEXT_RUNS 4096

/* The state shared by all inputs: libFuzzer's entry points take no user data, so it is global. The
 * context lives until the process exits (libFuzzer has no teardown hook); being reachable, it is not a
 * leak to LeakSanitizer. */
static struct {
  MlirContext ctx;
  unsigned runs; /* inputs run in `ctx` */
} fuzz_state;

static MlirLogicalResult fuzz_drop_diagnostic(MlirDiagnostic diag, void *user_data) {
  (void)diag;
  (void)user_data;
  return mlirLogicalResultSuccess();
}

static void fuzz_new_context(void) {
  if (!mlirContextIsNull(fuzz_state.ctx)) mlirContextDestroy(fuzz_state.ctx);
  dlcrt_status_t st = dlc_context_create(&fuzz_state.ctx);
  if (st) {
    dlcrt_status_report(st, stderr, "fuzz_onnx_import");
    abort();
  }
  /* The handler attached last is asked first; returning success keeps the printing one quiet. */
  mlirContextAttachDiagnosticHandler(fuzz_state.ctx, fuzz_drop_diagnostic, NULL, NULL);
  fuzz_state.runs = 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  fuzz_new_context();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (++fuzz_state.runs > FUZZ_CONTEXT_RUNS) fuzz_new_context();
  MlirModule module;
  dlcrt_status_t st = dlc_onnx_import_bytes(fuzz_state.ctx, data, size, "fuzz.onnx", &module);
  if (st) {
    /* Touch the message: a status must always carry a readable, terminated one. */
    volatile size_t sink = 0;
    for (const char *m = dlcrt_status_message(st); *m; ++m) sink += (unsigned char)*m;
    (void)sink;
    dlcrt_status_free(st);
    return 0;
  }
  dlcrt_status_free(dlc_verify_module(module, "fuzz.onnx"));
  mlirModuleDestroy(module);
  return 0;
}
