/* Loading a model source into a verified module: MLIR text from a file or standard input, or an ONNX
 * model (*.onnx) through the importer (lib/Import). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dlc/compiler.h"
#include "dlc/dialect.h"
#include "dlc/onnx.h"
#include "dlc/passes.h"
#include "dlc/strbuf.h"

static bool dlc_has_suffix(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

static dlcrt_status_t dlc_read_stream(FILE *f, dlc_strbuf_t *out) {
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) dlc_strbuf_append_n(out, chunk, n);
  if (ferror(f)) return dlcrt_make_status(DLCRT_STATUS_IO_ERROR, "<stdin>: read failed");
  return dlc_strbuf_status(out);
}

dlcrt_status_t dlc_verify_module(MlirModule module, const char *what) {
  MlirOperation op = mlirModuleGetOperation(module);
  if (!mlirOperationVerify(op))
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s: the module does not verify", what);
  int failures = dlc_verify_all(op);
  if (failures)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s: %d dlc op%s failed verification", what, failures,
                             failures == 1 ? "" : "s");
  return NULL;
}

dlcrt_status_t dlc_load_source(MlirContext ctx, const char *path, MlirModule *out_module) {
  MlirModule module;
  if (strcmp(path, "-") == 0) {
    dlc_strbuf_t text;
    dlc_strbuf_init(&text);
    dlcrt_status_t st = dlc_read_stream(stdin, &text);
    if (st) {
      dlc_strbuf_free(&text);
      return st;
    }
    module = mlirModuleCreateParse(ctx, mlirStringRefCreate(dlc_strbuf_cstr(&text), text.len));
    dlc_strbuf_free(&text);
  } else {
    if (dlc_has_suffix(path, ".onnx")) {
      DLCRT_RETURN_IF_ERROR(dlc_onnx_import_file(ctx, path, &module));
      dlc_run_dce(mlirModuleGetOperation(module)); /* shape computations that folded leave dead ops */
      dlcrt_status_t st = dlc_verify_module(module, path);
      if (st) mlirModuleDestroy(module);
      else *out_module = module;
      return st;
    }
    FILE *f = fopen(path, "rb");
    if (!f) return dlcrt_make_status(DLCRT_STATUS_NOT_FOUND, "%s: cannot open: %s", path, strerror(errno));
    fclose(f);
    module = mlirModuleCreateParseFromFile(ctx, dlc_sref(path));
  }
  if (mlirModuleIsNull(module))
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s: failed to parse MLIR", path);
  dlcrt_status_t st = dlc_verify_module(module, path);
  if (st) {
    mlirModuleDestroy(module);
    return st;
  }
  *out_module = module;
  return NULL;
}
