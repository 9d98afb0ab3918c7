/* The context's diagnostic handler: prints MLIR diagnostics as "FILE:LINE:COL: error: MESSAGE" (the
 * form compilers and editors understand), with notes indented below. ONNX node locations (a name
 * over the model file) print as "MODEL: node 'NAME'"; others in MLIR's own loc(...) syntax. */
#include <stdio.h>

#include "dlc/compiler.h"
#include "dlc/mlir_util.h"
#include "mlir-c/Diagnostics.h"

static void dlc_print_location(MlirLocation loc, FILE *out) {
  if (mlirLocationIsAName(loc)) { /* ONNX nodes: FILE: node 'NAME' */
    MlirLocation child = mlirLocationNameGetChildLoc(loc);
    MlirStringRef name = mlirIdentifierStr(mlirLocationNameGetName(loc));
    if (mlirLocationIsAFileLineColRange(child)) {
      MlirStringRef file = mlirIdentifierStr(mlirLocationFileLineColRangeGetFilename(child));
      fprintf(out, "%.*s: node '%.*s'", (int)file.length, file.data, (int)name.length, name.data);
      return;
    }
  }
  if (mlirLocationIsAFileLineColRange(loc)) {
    MlirStringRef file = mlirIdentifierStr(mlirLocationFileLineColRangeGetFilename(loc));
    fprintf(out, "%.*s:%d:%d", (int)file.length, file.data, mlirLocationFileLineColRangeGetStartLine(loc),
            mlirLocationFileLineColRangeGetStartColumn(loc));
    return;
  }
  dlc_strbuf_t sb;
  dlc_strbuf_init(&sb);
  mlirLocationPrint(loc, dlc_strbuf_callback, &sb);
  fputs(dlc_strbuf_cstr(&sb), out);
  dlc_strbuf_free(&sb);
}

static const char *dlc_severity_name(MlirDiagnosticSeverity severity) {
  switch (severity) {
    case MlirDiagnosticError: return "error";
    case MlirDiagnosticWarning: return "warning";
    case MlirDiagnosticNote: return "note";
    case MlirDiagnosticRemark: return "remark";
  }
  return "error";
}

static void dlc_print_diagnostic(MlirDiagnostic diag, FILE *out, const char *indent) {
  fputs(indent, out);
  dlc_print_location(mlirDiagnosticGetLocation(diag), out);
  fprintf(out, ": %s: ", dlc_severity_name(mlirDiagnosticGetSeverity(diag)));
  dlc_strbuf_t sb;
  dlc_strbuf_init(&sb);
  mlirDiagnosticPrint(diag, dlc_strbuf_callback, &sb);
  fprintf(out, "%s\n", dlc_strbuf_cstr(&sb));
  dlc_strbuf_free(&sb);
  intptr_t n = mlirDiagnosticGetNumNotes(diag);
  for (intptr_t i = 0; i < n; ++i) dlc_print_diagnostic(mlirDiagnosticGetNote(diag, i), out, "  ");
}

static MlirLogicalResult dlc_diagnostic_handler(MlirDiagnostic diag, void *user_data) {
  (void)user_data;
  dlc_print_diagnostic(diag, stderr, "");
  return mlirLogicalResultSuccess();
}

void dlc_context_attach_diagnostics(MlirContext ctx) {
  mlirContextAttachDiagnosticHandler(ctx, dlc_diagnostic_handler, NULL, NULL);
}
