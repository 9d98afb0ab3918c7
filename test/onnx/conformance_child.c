/* One ONNX backend node test, run inside the forked child of the conformance runner: import and
 * verify model.onnx (dlc_load_source), compile it for the CPU, run every test_data_set_N on its
 * input_K.pb tensors and compare each result with output_K.pb at ONNX's tolerances (after converting
 * both to double; NaN equals NaN; dtype and shape must match exactly). A DLCRT_STATUS_UNIMPLEMENTED
 * status anywhere makes the test `unsupported`; every other problem makes it `fail`. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conformance.h"
#include "dlc/compiler.h"
#include "dlc/jit.h"
#include "dlc/onnx.h"

/* ONNX node tests have a handful of inputs and outputs; more is a broken test directory. */
#define CONF_MAX_IO 64

static bool conf_file_exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

/* Turns a status into the test's result: UNIMPLEMENTED is `unsupported`, the rest `fail`. */
static conf_status_t conf_from_status(dlcrt_status_t st, const char *stage, char *reason, size_t size) {
  conf_status_t result = dlcrt_status_code(st) == DLCRT_STATUS_UNIMPLEMENTED ? CONF_UNSUPPORTED : CONF_FAIL;
  char msg[CONF_REASON_MAX];
  if (result == CONF_UNSUPPORTED) conf_fmt(msg, sizeof(msg), "%s", dlcrt_status_message(st));
  else
    conf_fmt(msg, sizeof(msg), "%s: %s: %s", stage, dlcrt_status_code_name(dlcrt_status_code(st)),
             dlcrt_status_message(st));
  conf_set_reason(reason, size, msg);
  dlcrt_status_free(st);
  return result;
}

/* Reads `dir`/PREFIX_K.pb for K = 0, 1, ... until one is missing. */
static dlcrt_status_t conf_read_tensors(const char *dir, const char *prefix, dlcrt_tensor_t *out, int *count) {
  *count = 0;
  for (int k = 0;; ++k) {
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s_%d.pb", dir, prefix, k);
    if (!conf_file_exists(path)) return NULL;
    if (k == CONF_MAX_IO) return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s: more than %d %s files", dir, CONF_MAX_IO, prefix);
    DLCRT_RETURN_IF_ERROR(dlc_onnx_read_tensor_file(path, &out[k]));
    ++*count;
  }
}

static void conf_release(dlcrt_tensor_t *tensors, int count) {
  for (int i = 0; i < count; ++i) dlcrt_tensor_release(&tensors[i]);
}

/* "[1,0,3]": the multi-index of flat element `index` in `t`. */
static void conf_format_index(const dlcrt_tensor_t *t, int64_t index, char *buf, size_t size) {
  int64_t idx[DLCRT_MAX_RANK];
  for (int32_t d = t->rank - 1; d >= 0; --d) {
    int64_t dim = t->shape[d] > 0 ? t->shape[d] : 1;
    idx[d] = index % dim;
    index /= dim;
  }
  size_t n = (size_t)snprintf(buf, size, "[");
  for (int32_t d = 0; d < t->rank && n < size; ++d)
    n += (size_t)snprintf(buf + n, size - n, "%s%lld", d ? "," : "", (long long)idx[d]);
  if (n < size) snprintf(buf + n, size - n, "]");
}

static bool conf_close(double got, double want) {
  if (isnan(got) || isnan(want)) return isnan(got) && isnan(want);
  if (got == want) return true; /* also equal infinities */
  return fabs(got - want) <= CONF_ATOL + CONF_RTOL * fabs(want);
}

/* Compares output #`k` of data set `set`; on a mismatch writes why into `msg` and returns false. */
static bool conf_compare(const char *set, int k, const dlcrt_tensor_t *got, const dlcrt_tensor_t *want, char *msg,
                         size_t size) {
  char got_type[128], want_type[128];
  dlcrt_tensor_format_type(got, got_type, sizeof(got_type));
  dlcrt_tensor_format_type(want, want_type, sizeof(want_type));
  bool same_shape = got->dtype == want->dtype && got->rank == want->rank;
  for (int32_t d = 0; same_shape && d < got->rank; ++d) same_shape = got->shape[d] == want->shape[d];
  if (!same_shape) {
    conf_fmt(msg, size, "%s: output #%d: wrong %s: got %s, want %s", set, k,
             got->dtype != want->dtype ? "dtype" : "shape", got_type, want_type);
    return false;
  }
  int64_t n = dlcrt_tensor_element_count(want), bad = 0, worst = -1;
  double worst_err = -1.0;
  for (int64_t i = 0; i < n; ++i) {
    double g = dlcrt_tensor_get_f64(got, i), w = dlcrt_tensor_get_f64(want, i);
    if (conf_close(g, w)) continue;
    double err = isnan(g) || isnan(w) ? INFINITY : fabs(g - w);
    if (isnan(err)) err = INFINITY; /* inf vs -inf */
    ++bad;
    if (err > worst_err) {
      worst_err = err;
      worst = i;
    }
  }
  if (!bad) return true;
  char where[256];
  conf_format_index(want, worst, where, sizeof(where));
  conf_fmt(msg, size, "%s: output #%d (%s): wrong values: %lld of %lld differ, max |got - want| = %.6g at %s (got %.9g, want %.9g)",
           set, k, want_type, (long long)bad, (long long)n, worst_err, where, dlcrt_tensor_get_f64(got, worst),
           dlcrt_tensor_get_f64(want, worst));
  return false;
}

/* Runs one data set through `p`. Returns CONF_PASS or the failure, with `reason` filled. */
static conf_status_t conf_run_data_set(dlc_program_t *p, const char *set, char *reason, size_t size) {
  dlcrt_tensor_t inputs[CONF_MAX_IO], wants[CONF_MAX_IO], gots[CONF_MAX_IO];
  int n_in = 0, n_want = 0;
  dlcrt_status_t st = conf_read_tensors(set, "input", inputs, &n_in);
  if (!st) st = conf_read_tensors(set, "output", wants, &n_want);
  if (st) {
    conf_release(inputs, n_in);
    conf_release(wants, n_want);
    return conf_from_status(st, "reading test data", reason, size);
  }
  conf_status_t result = CONF_PASS;
  char msg[CONF_REASON_MAX];
  int n_out = dlc_program_num_outputs(p);
  if (n_in != dlc_program_num_inputs(p)) {
    conf_fmt(msg, sizeof(msg), "%s: %d input files, but the compiled function takes %d arguments", set, n_in,
             (int)dlc_program_num_inputs(p));
    conf_set_reason(reason, size, msg);
    result = CONF_FAIL;
  } else if (n_want != n_out) {
    conf_fmt(msg, sizeof(msg), "%s: %d output files, but the compiled function has %d results", set, n_want, n_out);
    conf_set_reason(reason, size, msg);
    result = CONF_FAIL;
  } else {
    st = dlc_program_check_inputs(p, inputs, n_in);
    if (st) result = conf_from_status(st, "checking inputs", reason, size);
  }
  if (result == CONF_PASS) {
    st = dlc_program_run(p, inputs, n_in, gots);
    if (st) {
      result = conf_from_status(st, "run", reason, size);
    } else {
      for (int k = 0; k < n_out && result == CONF_PASS; ++k)
        if (!conf_compare(set, k, &gots[k], &wants[k], msg, sizeof(msg))) {
          conf_set_reason(reason, size, msg);
          result = CONF_FAIL;
        }
      conf_release(gots, n_out);
    }
  }
  conf_release(inputs, n_in);
  conf_release(wants, n_want);
  return result;
}

/* Compiles the verified module and runs every data set. */
static conf_status_t conf_compile_and_run(MlirModule module, int opt_level, char *reason, size_t size) {
  dlc_compile_options_t options = {.function = NULL, .opt_level = opt_level};
  dlc_program_t *p = NULL;
  dlcrt_status_t st = dlc_program_compile(module, &options, &p);
  if (st) return conf_from_status(st, "compile", reason, size);
  conf_status_t result = CONF_PASS;
  int sets = 0;
  for (int s = 0; result == CONF_PASS; ++s, ++sets) {
    char set[64];
    snprintf(set, sizeof(set), "test_data_set_%d", s);
    if (!conf_file_exists(set)) break;
    result = conf_run_data_set(p, set, reason, size);
  }
  if (result == CONF_PASS && sets == 0) {
    conf_set_reason(reason, size, "no test_data_set_0 directory");
    result = CONF_FAIL;
  }
  dlc_program_destroy(p);
  return result;
}

conf_status_t conf_run_test(const char *test_dir, int opt_level, char *reason, size_t size) {
  reason[0] = '\0';
  if (chdir(test_dir) != 0) {
    conf_set_reason(reason, size, "cannot enter the test directory");
    return CONF_FAIL;
  }
  MlirContext ctx;
  dlcrt_status_t st = dlc_context_create(&ctx);
  if (st) return conf_from_status(st, "creating the MLIR context", reason, size);
  MlirModule module;
  conf_status_t result;
  st = dlc_load_source(ctx, "model.onnx", &module);
  if (st) {
    result = conf_from_status(st, "import", reason, size);
  } else {
    result = conf_compile_and_run(module, opt_level, reason, size);
    mlirModuleDestroy(module);
  }
  mlirContextDestroy(ctx);
  return result;
}
