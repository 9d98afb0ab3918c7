/* The conformance runner's files: the expected-results file (test/onnx/expected_results.txt, one
 * `name status  # reason` line per test), the Markdown report (docs/onnx-conformance.md) and the
 * grouping of non-pass reasons into a work list (node names, numbers and shapes normalised away, so
 * "node 'n0' (Resize, opset 13): unsupported op" and its siblings count as one reason). */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "conformance.h"

static const char *const conf_status_names[] = {"none", "pass", "unsupported", "fail"};

const char *conf_status_name(conf_status_t status) { return conf_status_names[status]; }

conf_status_t conf_status_from_name(const char *name, size_t len) {
  for (int s = CONF_PASS; s <= CONF_FAIL; ++s)
    if (strlen(conf_status_names[s]) == len && strncmp(conf_status_names[s], name, len) == 0) return (conf_status_t)s;
  return CONF_NONE;
}

void conf_fmt(char *dst, size_t size, const char *fmt, ...) {
  va_list args;
  va_start(args, fmt);
  vsnprintf(dst, size, fmt, args);
  va_end(args);
}

void conf_set_reason(char *dst, size_t size, const char *msg) {
  size_t n = 0;
  for (; msg[n] && n + 1 < size; ++n) dst[n] = (msg[n] == '\n' || msg[n] == '\t' || msg[n] == '\r') ? ' ' : msg[n];
  dst[n] = '\0';
  while (n > 0 && dst[n - 1] == ' ') dst[--n] = '\0';
}

/* ---- the expected-results file ---- */

static int conf_expected_cmp(const void *a, const void *b) {
  return strcmp(((const conf_expected_t *)a)->name, ((const conf_expected_t *)b)->name);
}

void conf_expected_free(conf_expected_set_t *set) {
  for (size_t i = 0; i < set->count; ++i) {
    free(set->items[i].name);
    free(set->items[i].comment);
  }
  free(set->items);
  set->items = NULL;
  set->count = 0;
}

static char *conf_strndup(const char *s, size_t n) {
  char *r = malloc(n + 1);
  if (!r) return NULL;
  memcpy(r, s, n);
  r[n] = '\0';
  return r;
}

/* Parses one non-comment line "NAME STATUS [# COMMENT]" into `e`. */
static dlcrt_status_t conf_parse_line(const char *path, int lineno, char *line, conf_expected_t *e) {
  char *p = line;
  while (isspace((unsigned char)*p)) ++p;
  char *name = p;
  while (*p && !isspace((unsigned char)*p)) ++p;
  size_t name_len = (size_t)(p - name);
  while (*p == ' ' || *p == '\t') ++p;
  char *status = p;
  while (*p && !isspace((unsigned char)*p) && *p != '#') ++p;
  e->status = conf_status_from_name(status, (size_t)(p - status));
  if (!e->status)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s:%d: expected 'NAME pass|unsupported|fail', got '%s'",
                             path, lineno, line);
  char *hash = strchr(p, '#');
  e->name = conf_strndup(name, name_len);
  e->comment = NULL;
  if (hash) {
    ++hash;
    while (*hash == ' ') ++hash;
    e->comment = conf_strndup(hash, strlen(hash));
  }
  if (!e->name || (hash && !e->comment)) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory");
  return NULL;
}

dlcrt_status_t conf_expected_read(const char *path, bool missing_ok, conf_expected_set_t *out) {
  out->items = NULL;
  out->count = 0;
  FILE *f = fopen(path, "r");
  if (!f) {
    if (missing_ok && errno == ENOENT) return NULL;
    return dlcrt_make_status(DLCRT_STATUS_NOT_FOUND, "%s: cannot open: %s (create it with --update)", path,
                             strerror(errno));
  }
  size_t cap = 0;
  char line[4096];
  dlcrt_status_t st = NULL;
  for (int lineno = 1; !st && fgets(line, sizeof(line), f); ++lineno) {
    line[strcspn(line, "\r\n")] = '\0';
    const char *p = line;
    while (isspace((unsigned char)*p)) ++p;
    if (!*p || *p == '#') continue;
    if (out->count == cap) {
      cap = cap ? cap * 2 : 1024;
      conf_expected_t *items = realloc(out->items, cap * sizeof(*items));
      if (!items) {
        st = dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory");
        break;
      }
      out->items = items;
    }
    conf_expected_t *e = &out->items[out->count];
    memset(e, 0, sizeof(*e));
    st = conf_parse_line(path, lineno, line, e);
    ++out->count; /* counted even on failure, so conf_expected_free releases its strings */
  }
  if (!st && ferror(f)) st = dlcrt_make_status(DLCRT_STATUS_IO_ERROR, "%s: read failed", path);
  fclose(f);
  if (st) {
    conf_expected_free(out);
    return st;
  }
  if (out->count) qsort(out->items, out->count, sizeof(*out->items), conf_expected_cmp);
  return NULL;
}

conf_expected_t *conf_expected_find(const conf_expected_set_t *set, const char *name) {
  if (!set->count) return NULL;
  conf_expected_t key = {.name = (char *)name};
  return bsearch(&key, set->items, set->count, sizeof(*set->items), conf_expected_cmp);
}

/* Writes `tmp` and renames it over `path`, so an interrupted run never leaves half a file. */
static dlcrt_status_t conf_commit_file(FILE *f, const char *tmp, const char *path) {
  bool failed = ferror(f) != 0;
  if (fclose(f) != 0) failed = true;
  if (failed || rename(tmp, path) != 0) {
    remove(tmp);
    return dlcrt_make_status(DLCRT_STATUS_IO_ERROR, "%s: write failed", path);
  }
  return NULL;
}

static dlcrt_status_t conf_open_tmp(const char *path, char *tmp, size_t size, FILE **out) {
  snprintf(tmp, size, "%s.tmp", path);
  *out = fopen(tmp, "w");
  if (!*out) return dlcrt_make_status(DLCRT_STATUS_IO_ERROR, "%s: cannot write: %s", tmp, strerror(errno));
  return NULL;
}

/* One merged line of the expected file, for sorting. */
typedef struct conf_line_t {
  const char *name;
  conf_status_t status;
  const char *comment;
} conf_line_t;

static int conf_line_cmp(const void *a, const void *b) {
  return strcmp(((const conf_line_t *)a)->name, ((const conf_line_t *)b)->name);
}

dlcrt_status_t conf_expected_write(const char *path, const conf_result_t *results, size_t count,
                                   const conf_expected_set_t *keep) {
  conf_line_t *lines = calloc(count + keep->count + 1, sizeof(*lines));
  if (!lines) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory");
  size_t n = 0;
  for (size_t i = 0; i < count; ++i) lines[n++] = (conf_line_t){results[i].name, results[i].status, results[i].reason};
  for (size_t i = 0; i < keep->count; ++i)
    if (!keep->items[i].seen) lines[n++] = (conf_line_t){keep->items[i].name, keep->items[i].status, keep->items[i].comment};
  qsort(lines, n, sizeof(*lines), conf_line_cmp);
  char tmp[4200];
  FILE *f;
  dlcrt_status_t st = conf_open_tmp(path, tmp, sizeof(tmp), &f);
  if (st) {
    free(lines);
    return st;
  }
  fprintf(f,
          "# Expected results of the ONNX backend node tests (test/onnx/onnx_conformance.c), one line per test:\n"
          "#   NAME STATUS  # REASON\n"
          "# STATUS is pass, unsupported (DLC reports UNIMPLEMENTED) or fail. The conformance test fails when a\n"
          "# test's status differs from the one here (a regression, or an unexpected pass). After an intended\n"
          "# change, regenerate this file and docs/onnx-conformance.md with\n"
          "#   ninja -C build onnx-conformance-update\n");
  for (size_t i = 0; i < n; ++i) {
    fprintf(f, "%s %s", lines[i].name, conf_status_name(lines[i].status));
    if (lines[i].comment && *lines[i].comment) fprintf(f, "  # %s", lines[i].comment);
    fputc('\n', f);
  }
  free(lines);
  return conf_commit_file(f, tmp, path);
}

/* ---- grouping of reasons ---- */

/* Writes `s` into a Markdown table cell: '|' escaped, '<' and '>' as entities. */
static void conf_md_cell(FILE *f, const char *s) {
  for (; *s; ++s) {
    if (*s == '|') fputs("\\|", f);
    else if (*s == '<') fputs("&lt;", f);
    else if (*s == '>') fputs("&gt;", f);
    else fputc(*s, f);
  }
}


/* Normalises a reason into its group key: drops the "model.onnx: " prefix, node names and the data
 * set, and turns every number into N (so shapes read NxNxf32). */
static void conf_group_key(const char *reason, char *key, size_t size) {
  const char *p = reason;
  if (strncmp(p, "model.onnx: ", 12) == 0) p += 12;
  if (strncmp(p, "test_data_set_", 14) == 0) {
    p += 14;
    while (isdigit((unsigned char)*p)) ++p;
    if (*p == ':') ++p;
    while (*p == ' ') ++p;
  }
  size_t n = 0;
  while (*p && n + 1 < size) {
    if (strncmp(p, "node '", 6) == 0) { /* node 'NAME' (Op, ...) -> (Op, ...) */
      const char *end = strstr(p + 6, "' (");
      if (end) {
        p = end + 2;
        continue;
      }
    }
    static const char *const named[] = {"graph input '", "graph output '", "tensor '"};
    bool skipped = false;
    for (size_t k = 0; k < sizeof(named) / sizeof(named[0]) && !skipped; ++k) {
      size_t len = strlen(named[k]);
      const char *end = strncmp(p, named[k], len) == 0 ? strchr(p + len, '\'') : NULL;
      if (!end) continue;
      for (size_t i = 0; i + 2 < len && n + 1 < size; ++i) key[n++] = named[k][i]; /* "graph input" */
      p = end + 1;
      skipped = true;
    }
    if (skipped) continue;
    if (strncmp(p, "max |got - want|", 16) == 0) break; /* the numbers after it are per-test detail */
    if (isdigit((unsigned char)*p) || (*p == '-' && isdigit((unsigned char)p[1]))) {
      key[n++] = 'N';
      if (*p == '-') ++p;
      while (isdigit((unsigned char)*p) || *p == '.' || *p == 'e' || *p == 'E' ||
             ((*p == '+' || *p == '-') && (p[-1] == 'e' || p[-1] == 'E')))
        ++p;
      continue;
    }
    key[n++] = *p++;
  }
  while (n > 0 && (key[n - 1] == ' ' || key[n - 1] == ',' || key[n - 1] == ';')) --n;
  key[n] = '\0';
}

typedef struct conf_group_t {
  char key[CONF_REASON_MAX];
  conf_status_t status;
  size_t count;
  size_t first; /* index of the first result in the group, for examples */
} conf_group_t;

static int conf_group_cmp(const void *a, const void *b) {
  const conf_group_t *x = a, *y = b;
  if (x->count != y->count) return x->count < y->count ? 1 : -1;
  return strcmp(x->key, y->key);
}

void conf_print_reason_groups(FILE *out, const conf_result_t *results, size_t count, size_t max_groups,
                              bool markdown) {
  conf_group_t *groups = calloc(count + 1, sizeof(*groups));
  size_t *group_of = calloc(count + 1, sizeof(*group_of));
  if (!groups || !group_of) {
    free(groups);
    free(group_of);
    fprintf(out, "(out of memory while grouping reasons)\n");
    return;
  }
  size_t n = 0;
  for (size_t i = 0; i < count; ++i) {
    if (results[i].status == CONF_PASS) continue;
    char key[CONF_REASON_MAX];
    conf_group_key(results[i].reason, key, sizeof(key));
    size_t g = 0;
    while (g < n && !(groups[g].status == results[i].status && strcmp(groups[g].key, key) == 0)) ++g;
    if (g == n) {
      snprintf(groups[n].key, sizeof(groups[n].key), "%s", key);
      groups[n].status = results[i].status;
      groups[n].first = i;
      ++n;
    }
    ++groups[g].count;
    group_of[i] = g;
  }
  /* Examples are collected before sorting moves the groups around. */
  char(*examples)[160] = calloc(n + 1, sizeof(*examples));
  for (size_t i = 0; examples && i < count; ++i) {
    if (results[i].status == CONF_PASS) continue;
    char *ex = examples[group_of[i]];
    size_t len = strlen(ex);
    if (len < 100) snprintf(ex + len, 160 - len, "%s%s", len ? ", " : "", results[i].name);
    else if (!strstr(ex, ", ...")) snprintf(ex + len, 160 - len, ", ...");
  }
  for (size_t g = 0; g < n; ++g) groups[g].first = g; /* now: index into examples */
  qsort(groups, n, sizeof(*groups), conf_group_cmp);
  for (size_t g = 0; g < n && g < max_groups; ++g) {
    const char *ex = examples ? examples[groups[g].first] : "";
    if (markdown) {
      fprintf(out, "| %zu | %s | ", groups[g].count, conf_status_name(groups[g].status));
      conf_md_cell(out, groups[g].key);
      fprintf(out, " | %s |\n", ex);
    } else
      fprintf(out, "  %4zu  %-11s  %s\n               e.g. %s\n", groups[g].count, conf_status_name(groups[g].status),
              groups[g].key, ex);
  }
  if (n > max_groups) fprintf(out, markdown ? "\n(%zu more reasons)\n" : "  (%zu more reasons)\n", n - max_groups);
  free(examples);
  free(groups);
  free(group_of);
}

/* ---- the Markdown report ---- */

dlcrt_status_t conf_report_write(const char *path, const conf_result_t *results, size_t count, const char *filter) {
  size_t totals[4] = {0};
  for (size_t i = 0; i < count; ++i) ++totals[results[i].status];
  char tmp[4200];
  FILE *f;
  DLCRT_RETURN_IF_ERROR(conf_open_tmp(path, tmp, sizeof(tmp), &f));
  fprintf(f,
          "# ONNX conformance\n\n"
          "Generated by `test/onnx/onnx_conformance` (`ninja -C build onnx-conformance-update`); do not edit.\n"
          "Every node test of ONNX's backend test data (Debian's `libonnx-testdata`) is imported, compiled for the\n"
          "CPU and run; each output is compared with the reference at ONNX's tolerances\n"
          "(|got - want| <= %g + %g * |want|, NaN equals NaN, dtype and shape exact).\n"
          "`unsupported` means DLC reported UNIMPLEMENTED (the reason names the op or feature); `fail` is\n"
          "anything else: an import or compile error, wrong values, a crash or a timeout.\n\n",
          CONF_ATOL, CONF_RTOL);
  if (filter) fprintf(f, "Only the tests whose name contains `%s`.\n\n", filter);
  fprintf(f, "| status | tests |\n|---|---:|\n| pass | %zu |\n| unsupported | %zu |\n| fail | %zu |\n| **total** | %zu |\n\n",
          totals[CONF_PASS], totals[CONF_UNSUPPORTED], totals[CONF_FAIL], count);
  fprintf(f, "## Most common reasons\n\n| tests | status | reason | e.g. |\n|---:|---|---|---|\n");
  conf_print_reason_groups(f, results, count, 30, true);
  fprintf(f, "\n## All tests\n\n| test | status | reason |\n|---|---|---|\n");
  for (size_t i = 0; i < count; ++i) {
    fprintf(f, "| %s | %s | ", results[i].name, conf_status_name(results[i].status));
    conf_md_cell(f, results[i].reason);
    fputs(" |\n", f);
  }
  return conf_commit_file(f, tmp, path);
}
