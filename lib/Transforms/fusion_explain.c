/* --dlc-explain output of the fusion passes: one line per decision, "dlc-explain: PASS: ...", naming
 * ops by their ONNX node name (the name location the importer gives them) or file:line:col. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dlc/mlir_util.h"
#include "fusion.h"

typedef struct dlc_label_buf_t {
  char *buf;
  size_t size, len;
} dlc_label_buf_t;

static void dlc_label_append(MlirStringRef s, void *user_data) {
  dlc_label_buf_t *b = user_data;
  for (size_t i = 0; i < s.length && b->len + 1 < b->size; ++i) b->buf[b->len++] = s.data[i];
  b->buf[b->len] = 0;
}

const char *dlc_fusion_op_label(MlirOperation op, char *buf, size_t size) {
  char name[64];
  dlc_op_name(op, name, sizeof(name));
  MlirLocation loc = mlirOperationGetLocation(op);
  if (mlirLocationIsAName(loc)) {
    MlirStringRef s = mlirIdentifierStr(mlirLocationNameGetName(loc));
    snprintf(buf, size, "%s@%.*s", name, (int)s.length, s.data);
    return buf;
  }
  if (mlirLocationIsAFileLineColRange(loc)) {
    MlirStringRef f = mlirIdentifierStr(mlirLocationFileLineColRangeGetFilename(loc));
    /* The file's base name keeps lines short and stable across checkouts. */
    size_t start = 0;
    for (size_t i = 0; i < f.length; ++i)
      if (f.data[i] == '/') start = i + 1;
    snprintf(buf, size, "%s@%.*s:%d:%d", name, (int)(f.length - start), f.data + start,
             mlirLocationFileLineColRangeGetStartLine(loc), mlirLocationFileLineColRangeGetStartColumn(loc));
    return buf;
  }
  dlc_label_buf_t b = {buf, size, 0};
  snprintf(buf, size, "%s@", name);
  b.len = strlen(buf);
  mlirLocationPrint(loc, dlc_label_append, &b);
  return buf;
}

bool dlc_fusion_explaining(void) { return dlc_fusion_settings()->explain != NULL; }

void dlc_fusion_explain(const char *pass, const char *fmt, ...) {
  FILE *out = dlc_fusion_settings()->explain;
  if (!out) return;
  fprintf(out, "dlc-explain: %s: ", pass);
  va_list ap;
  va_start(ap, fmt);
  vfprintf(out, fmt, ap);
  va_end(ap);
  fputc('\n', out);
  fflush(out);
}

const char *dlc_fusion_bytes_str(double bytes, char *buf, size_t size) {
  if (bytes < 1024) snprintf(buf, size, "%.0f B", bytes);
  else if (bytes < 1024.0 * 1024) snprintf(buf, size, "%.1f KiB", bytes / 1024);
  else snprintf(buf, size, "%.1f MiB", bytes / (1024.0 * 1024));
  return buf;
}
