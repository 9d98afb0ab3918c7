/* Shared declarations of the ONNX backend conformance runner (onnx_conformance.c): the result of one
 * test, the code that runs one test inside a forked child (conformance_child.c), and the result files
 * (conformance_files.c): the expected-results file, the Markdown report and the grouped reasons. */
#ifndef DLC_TEST_ONNX_CONFORMANCE_H
#define DLC_TEST_ONNX_CONFORMANCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "dlc/status.h"

/* ONNX's backend-test tolerances: |got - want| <= atol + rtol * |want|. */
#define CONF_RTOL 1e-3
#define CONF_ATOL 1e-7
/* The longest reason kept for one test (messages are cut there, on one line). */
#define CONF_REASON_MAX 512

typedef enum conf_status_e {
  CONF_NONE = 0, /* not run / not listed */
  CONF_PASS,
  CONF_UNSUPPORTED, /* DLCRT_STATUS_UNIMPLEMENTED somewhere on the way: the message names the op */
  CONF_FAIL,        /* anything else: import error, wrong values, crash, timeout */
} conf_status_t;

const char *conf_status_name(conf_status_t status);
conf_status_t conf_status_from_name(const char *name, size_t len);

/* One test: the directory name under the data dir, and what happened. */
typedef struct conf_result_t {
  char *name;
  conf_status_t status;
  char reason[CONF_REASON_MAX];
  double seconds; /* wall time of the forked child */
} conf_result_t;

/* One line of the expected-results file. */
typedef struct conf_expected_t {
  char *name;
  conf_status_t status;
  char *comment; /* the reason recorded with it, or NULL */
  bool seen;     /* matched by a test of this run */
} conf_expected_t;

typedef struct conf_expected_set_t {
  conf_expected_t *items; /* sorted by name */
  size_t count;
} conf_expected_set_t;

/* ---- conformance_child.c ---- */

/* Runs the test in `test_dir` in this process: imports and verifies model.onnx, compiles it at
 * `opt_level`, runs every test_data_set_* and compares the outputs. Changes the working directory to
 * `test_dir` (so messages name model.onnx and test_data_set_0/... without the data dir). Writes a
 * one-line reason (empty on success) into `reason`. */
conf_status_t conf_run_test(const char *test_dir, int opt_level, char *reason, size_t reason_size);

/* ---- conformance_files.c ---- */

/* snprintf that may cut its output on purpose (reasons are bounded); never warns about truncation. */
void conf_fmt(char *dst, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Copies `msg` into `dst` on one line (newlines and tabs become spaces), cut to `size`. */
void conf_set_reason(char *dst, size_t size, const char *msg);

/* Reads the expected-results file; a missing file is an empty set when `missing_ok`. */
dlcrt_status_t conf_expected_read(const char *path, bool missing_ok, conf_expected_set_t *out);
conf_expected_t *conf_expected_find(const conf_expected_set_t *set, const char *name);
void conf_expected_free(conf_expected_set_t *set);

/* Writes the expected-results file: the results of this run, plus (with a filter) the entries of
 * `keep` that this run did not touch. */
dlcrt_status_t conf_expected_write(const char *path, const conf_result_t *results, size_t count,
                                   const conf_expected_set_t *keep);

/* Writes the Markdown report: totals, the most common reasons, then one row per test. `filter` (or
 * NULL) is noted in the header. */
dlcrt_status_t conf_report_write(const char *path, const conf_result_t *results, size_t count, const char *filter);

/* Prints the `max_groups` most common (normalised) non-pass reasons with their counts and examples. */
void conf_print_reason_groups(FILE *out, const conf_result_t *results, size_t count, size_t max_groups,
                              bool markdown);

#endif /* DLC_TEST_ONNX_CONFORMANCE_H */
