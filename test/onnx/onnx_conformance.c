/* onnx_conformance: runs ONNX's backend node tests (Debian's libonnx-testdata: one directory per test
 * with model.onnx and test_data_set_N/{input,output}_K.pb) through DLC on the CPU and compares the
 * statuses with the committed expected results.
 *
 *   onnx_conformance [--data-dir=DIR] [--expected=FILE] [--report=FILE] [--update] [--filter=SUBSTR]
 *                    [-j N] [--timeout=SECONDS] [--opt-level=N] [-v]
 *
 * Each test runs in a forked child (conformance_child.c), so a crash or a hang in the importer, the
 * compiler or the JIT-compiled code costs one test, and memory stays bounded; up to -j children run at
 * once, each with a wall-clock timeout. A test is `pass`, `unsupported` (UNIMPLEMENTED: the message
 * names the op) or `fail` (anything else, with the reason: the error, the worst wrong value and where,
 * the crash signal and the sanitizer's first line, or the timeout). The child's stdout and stderr go to
 * an unlinked temporary file that the parent mines for a diagnostic line.
 *
 * Without --update the exit status is 1 when any test's status differs from the expected-results file
 * (a regression or an unexpected pass; each difference is printed), 2 on a usage or I/O error. With
 * --update the expected file is rewritten (with --filter only the filtered lines change) and the
 * report goes to docs/onnx-conformance.md unless --report names another file. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "conformance.h"

#ifndef DLC_CONF_SOURCE_DIR
#define DLC_CONF_SOURCE_DIR "."
#endif
#define CONF_DEFAULT_DATA_DIR "/usr/share/libonnx-testdata/data/node"
#define CONF_DEFAULT_EXPECTED DLC_CONF_SOURCE_DIR "/test/onnx/expected_results.txt"
#define CONF_DEFAULT_REPORT DLC_CONF_SOURCE_DIR "/docs/onnx-conformance.md"
/* The most of a child's log that is searched for a diagnostic line. */
#define CONF_LOG_MAX (1 << 20)

typedef struct conf_args_t {
  const char *data_dir, *expected, *report, *filter;
  bool update, verbose;
  long jobs, timeout_s, opt_level;
} conf_args_t;

/* One running child. */
typedef struct conf_slot_t {
  pid_t pid; /* 0: free */
  size_t test;
  FILE *result; /* unlinked temporary files shared with the child */
  FILE *log;
  double start;
  bool timed_out;
} conf_slot_t;

static double conf_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void conf_print_help(FILE *out) {
  fprintf(out,
          "usage: onnx_conformance [options]\n\n"
          "  --data-dir=DIR      the node tests (default " CONF_DEFAULT_DATA_DIR ")\n"
          "  --expected=FILE     expected statuses (default " CONF_DEFAULT_EXPECTED ")\n"
          "  --report=FILE       write the Markdown report there (with --update: default " CONF_DEFAULT_REPORT ")\n"
          "  --update            rewrite the expected file from this run instead of comparing\n"
          "  --filter=SUBSTR     only the tests whose name contains SUBSTR\n"
          "  -j N, --jobs=N      children in flight (default: the number of CPUs)\n"
          "  --timeout=SECONDS   per-test wall-clock limit (default 60)\n"
          "  --opt-level=N       LLVM optimization level of the JIT, 0-3 (default 0)\n"
          "  -v, --verbose       print every test's result\n");
}

static dlcrt_status_t conf_parse_long(const char *flag, const char *s, long min, long max, long *out) {
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (end == s || *end || errno || v < min || v > max)
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s expects an integer in [%ld, %ld], got '%s'", flag, min,
                             max, s);
  *out = v;
  return NULL;
}

static dlcrt_status_t conf_parse_args(int argc, char **argv, conf_args_t *a, bool *help) {
  long cpus = sysconf(_SC_NPROCESSORS_ONLN);
  *a = (conf_args_t){.data_dir = CONF_DEFAULT_DATA_DIR, .expected = CONF_DEFAULT_EXPECTED, .jobs = cpus > 0 ? cpus : 1,
                     .timeout_s = 60, .opt_level = 0};
  for (int i = 1; i < argc; ++i) {
    const char *arg = argv[i];
    if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) *help = true;
    else if (strncmp(arg, "--data-dir=", 11) == 0) a->data_dir = arg + 11;
    else if (strncmp(arg, "--expected=", 11) == 0) a->expected = arg + 11;
    else if (strncmp(arg, "--report=", 9) == 0) a->report = arg + 9;
    else if (strncmp(arg, "--filter=", 9) == 0) a->filter = arg + 9;
    else if (strcmp(arg, "--update") == 0) a->update = true;
    else if (strcmp(arg, "-v") == 0 || strcmp(arg, "--verbose") == 0) a->verbose = true;
    else if (strncmp(arg, "--jobs=", 7) == 0) DLCRT_RETURN_IF_ERROR(conf_parse_long("--jobs", arg + 7, 1, 1024, &a->jobs));
    else if (strcmp(arg, "-j") == 0) {
      if (i + 1 == argc) return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "-j needs a number");
      DLCRT_RETURN_IF_ERROR(conf_parse_long("-j", argv[++i], 1, 1024, &a->jobs));
    } else if (strncmp(arg, "-j", 2) == 0) DLCRT_RETURN_IF_ERROR(conf_parse_long("-j", arg + 2, 1, 1024, &a->jobs));
    else if (strncmp(arg, "--timeout=", 10) == 0)
      DLCRT_RETURN_IF_ERROR(conf_parse_long("--timeout", arg + 10, 1, 86400, &a->timeout_s));
    else if (strncmp(arg, "--opt-level=", 12) == 0)
      DLCRT_RETURN_IF_ERROR(conf_parse_long("--opt-level", arg + 12, 0, 3, &a->opt_level));
    else return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "unknown argument '%s' (see --help)", arg);
  }
  if (a->update && !a->report && !a->filter) a->report = CONF_DEFAULT_REPORT;
  return NULL;
}

/* ---- the test list ---- */

static int conf_result_cmp(const void *a, const void *b) {
  return strcmp(((const conf_result_t *)a)->name, ((const conf_result_t *)b)->name);
}

static void conf_results_free(conf_result_t *results, size_t count) {
  for (size_t i = 0; i < count; ++i) free(results[i].name);
  free(results);
}

/* Lists the directories of `dir` that hold a model.onnx and whose name contains `filter`, sorted. */
static dlcrt_status_t conf_list_tests(const char *dir, const char *filter, conf_result_t **out, size_t *count) {
  *out = NULL;
  *count = 0;
  DIR *d = opendir(dir);
  if (!d)
    return dlcrt_make_status(DLCRT_STATUS_NOT_FOUND, "%s: cannot open: %s (install libonnx-testdata, or pass --data-dir)",
                             dir, strerror(errno));
  size_t cap = 0;
  dlcrt_status_t st = NULL;
  for (struct dirent *e; !st && (e = readdir(d)) != NULL;) {
    if (e->d_name[0] == '.' || (filter && !strstr(e->d_name, filter))) continue;
    char path[8192];
    struct stat sb;
    snprintf(path, sizeof(path), "%s/%s/model.onnx", dir, e->d_name);
    if (stat(path, &sb) != 0) continue;
    if (*count == cap) {
      cap = cap ? cap * 2 : 1024;
      conf_result_t *r = realloc(*out, cap * sizeof(*r));
      if (!r) {
        st = dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory");
        break;
      }
      *out = r;
    }
    conf_result_t *r = &(*out)[*count];
    memset(r, 0, sizeof(*r));
    r->name = strdup(e->d_name);
    if (!r->name) st = dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory");
    else ++*count;
  }
  closedir(d);
  if (st) {
    conf_results_free(*out, *count);
    *out = NULL;
    *count = 0;
    return st;
  }
  if (*count) qsort(*out, *count, sizeof(**out), conf_result_cmp);
  return NULL;
}

/* ---- children ---- */

/* The child: stdout and stderr into the log, run the test, write "STATUS REASON\n" to the result file. */
static _Noreturn void conf_child(const conf_args_t *a, const char *name, int result_fd, int log_fd) {
  prctl(PR_SET_PDEATHSIG, SIGKILL); /* no orphans when the runner itself is killed (ctest's timeout) */
  dup2(log_fd, STDOUT_FILENO);
  dup2(log_fd, STDERR_FILENO);
  char dir[8192], reason[CONF_REASON_MAX], line[CONF_REASON_MAX + 32];
  snprintf(dir, sizeof(dir), "%s/%s", a->data_dir, name);
  conf_status_t status = conf_run_test(dir, (int)a->opt_level, reason, sizeof(reason));
  int n = snprintf(line, sizeof(line), "%s %s\n", conf_status_name(status), reason);
  for (ssize_t off = 0, w; off < n; off += w) {
    w = write(result_fd, line + off, (size_t)(n - off));
    if (w <= 0) _exit(3);
  }
  fflush(NULL);
  exit(0); /* a normal exit: in sanitizer builds LeakSanitizer checks the child too */
}

static dlcrt_status_t conf_spawn(const conf_args_t *a, conf_result_t *results, size_t test, conf_slot_t *slot) {
  slot->result = tmpfile();
  slot->log = slot->result ? tmpfile() : NULL;
  if (!slot->log) {
    if (slot->result) fclose(slot->result);
    return dlcrt_make_status(DLCRT_STATUS_IO_ERROR, "cannot create a temporary file: %s", strerror(errno));
  }
  fflush(NULL); /* nothing buffered may be written twice by the child's exit */
  pid_t pid = fork();
  if (pid < 0) {
    fclose(slot->result);
    fclose(slot->log);
    return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "fork failed: %s", strerror(errno));
  }
  if (pid == 0) conf_child(a, results[test].name, fileno(slot->result), fileno(slot->log));
  slot->pid = pid;
  slot->test = test;
  slot->start = conf_now();
  slot->timed_out = false;
  return NULL;
}

/* Reads up to `max` bytes of `f` from its start into a new NUL-terminated buffer (NULL when empty). */
static char *conf_slurp(FILE *f, size_t max) {
  int fd = fileno(f);
  off_t size = lseek(fd, 0, SEEK_END);
  if (size <= 0) return NULL;
  size_t n = (size_t)size < max ? (size_t)size : max;
  char *buf = malloc(n + 1);
  if (!buf) return NULL;
  ssize_t got = pread(fd, buf, n, 0);
  if (got < 0) got = 0;
  buf[got] = '\0';
  return buf;
}

/* " at FUNC FILE:LINE < CALLER FILE:LINE < ..." for the first three frames of a sanitizer report
 * (starting at `report`) that lie in DLC's sources, skipping the status and allocator helpers that
 * only allocate; "" when none does. */
static void conf_first_frame(const char *report, char *out, size_t size) {
  out[0] = '\0';
  int frames = 0;
  const char *src = DLC_CONF_SOURCE_DIR "/";
  size_t src_len = strlen(src);
  for (const char *line = strchr(report, '\n'); line; line = strchr(line, '\n')) {
    ++line;
    const char *end = strchr(line, '\n');
    size_t len = end ? (size_t)(end - line) : strlen(line);
    char frame[1024];
    conf_fmt(frame, sizeof(frame), "%.*s", (int)len, line);
    if (strncmp(frame, "SUMMARY:", 8) == 0 || (frames && !strstr(frame, "#"))) return; /* one stack only */
    const char *in = strstr(frame, " in "), *file = strstr(frame, src);
    if (!strstr(frame, "#") || !in || !file || strstr(file, "runtime/status.c") || strstr(file, "runtime/allocator.c"))
      continue;
    const char *fn = in + 4, *fn_end = strchr(fn, ' ');
    if (!fn_end) continue;
    size_t n = strlen(out);
    conf_fmt(out + n, size - n, "%s%.*s %s", frames ? " < " : " at ", (int)(fn_end - fn), fn, file + src_len);
    if (++frames == 3) return;
  }
}

/* The most telling line of a child's log: a sanitizer report (with the first frame in DLC's sources),
 * else the first error, else "". Sanitizer pids ("==1234==") are dropped to keep reports stable. */
static void conf_log_hint(const char *log, char *out, size_t size) {
  out[0] = '\0';
  if (!log) return;
  static const char *const keys[] = {"ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:",
                                     "SUMMARY:", "error:", "Assertion", "LLVM ERROR", "terminate called"};
  for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); ++k) {
    const char *hit = strstr(log, keys[k]);
    if (!hit) continue;
    const char *begin = hit, *end = strchr(hit, '\n');
    while (begin > log && begin[-1] != '\n') --begin;
    if (begin[0] == '=' && begin[1] == '=') {
      const char *q = strstr(begin + 2, "==");
      if (q && q < hit) begin = q + 2;
    }
    size_t len = end ? (size_t)(end - begin) : strlen(begin);
    char where[CONF_REASON_MAX], line[CONF_REASON_MAX * 2];
    where[0] = '\0';
    if (k < 3) conf_first_frame(hit, where, sizeof(where));
    conf_fmt(line, sizeof(line), "%.*s%s", (int)(len < CONF_REASON_MAX ? len : CONF_REASON_MAX), begin, where);
    conf_set_reason(out, size, line);
    return;
  }
}

static void conf_append(char *dst, size_t size, const char *fmt, const char *s) {
  size_t n = strlen(dst);
  if (n + 1 < size) snprintf(dst + n, size - n, fmt, s);
}

/* Turns a finished child (its wait status, result line and log) into the test's result. */
static void conf_finish(const conf_args_t *a, conf_slot_t *slot, int wstatus, conf_result_t *r) {
  r->seconds = conf_now() - slot->start;
  char *line = conf_slurp(slot->result, CONF_REASON_MAX + 32);
  char *log = conf_slurp(slot->log, CONF_LOG_MAX);
  fclose(slot->result);
  fclose(slot->log);
  slot->pid = 0;
  char hint[CONF_REASON_MAX], msg[CONF_REASON_MAX * 2];
  conf_log_hint(log, hint, sizeof(hint));
  conf_status_t child_status = CONF_NONE;
  const char *child_reason = "";
  if (line) {
    line[strcspn(line, "\n")] = '\0';
    size_t len = strcspn(line, " ");
    child_status = conf_status_from_name(line, len);
    child_reason = line[len] ? line + len + 1 : "";
  }
  bool clean_exit = WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0;
  if (slot->timed_out) {
    r->status = CONF_FAIL;
    snprintf(msg, sizeof(msg), "timeout: killed after %ld s", a->timeout_s);
  } else if (WIFSIGNALED(wstatus)) {
    r->status = CONF_FAIL;
    int sig = WTERMSIG(wstatus);
    snprintf(msg, sizeof(msg), "crash: signal %d (%s)%s%s", sig, strsignal(sig), child_status ? " after reporting " : "",
             child_status ? conf_status_name(child_status) : "");
  } else if (!child_status) {
    r->status = CONF_FAIL;
    snprintf(msg, sizeof(msg), "crash: exit status %d without a result", WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1);
  } else if (!clean_exit) { /* e.g. LeakSanitizer at exit */
    r->status = CONF_FAIL;
    snprintf(msg, sizeof(msg), "exit status %d after reporting %s%s%s", WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1,
             conf_status_name(child_status), *child_reason ? ": " : "", child_reason);
  } else {
    r->status = child_status;
    snprintf(msg, sizeof(msg), "%s", child_reason);
  }
  /* Failures get the log's telling line unless the message already says it (crashes always do). */
  if (r->status == CONF_FAIL && hint[0] && !strstr(msg, hint)) conf_append(msg, sizeof(msg), " [%s]", hint);
  conf_set_reason(r->reason, sizeof(r->reason), msg);
  if (a->verbose && log && r->status == CONF_FAIL) fprintf(stderr, "---- %s: log ----\n%s----\n", r->name, log);
  free(line);
  free(log);
}

/* Reaps finished children and kills the ones past the timeout. Returns how many finished. */
static size_t conf_reap(const conf_args_t *a, conf_slot_t *slots, size_t nslots, conf_result_t *results) {
  size_t done = 0;
  double now = conf_now();
  for (size_t s = 0; s < nslots; ++s) {
    conf_slot_t *slot = &slots[s];
    if (!slot->pid) continue;
    int wstatus = 0;
    pid_t got = waitpid(slot->pid, &wstatus, WNOHANG);
    if (got == 0 && now - slot->start > (double)a->timeout_s) {
      slot->timed_out = true;
      kill(slot->pid, SIGKILL);
      got = waitpid(slot->pid, &wstatus, 0);
    }
    if (got == 0) continue;
    if (got < 0) wstatus = 0x7f00; /* cannot happen for our own child; reads as "exit status 127" */
    conf_result_t *r = &results[slot->test];
    conf_finish(a, slot, wstatus, r);
    ++done;
    if (a->verbose) printf("%-60s %-11s %.1fs %s\n", r->name, conf_status_name(r->status), r->seconds, r->reason);
  }
  return done;
}

/* Runs every test, `jobs` at a time. */
static dlcrt_status_t conf_run_all(const conf_args_t *a, conf_result_t *results, size_t count) {
  size_t nslots = (size_t)a->jobs;
  conf_slot_t *slots = calloc(nslots, sizeof(*slots));
  if (!slots) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory");
  size_t next = 0, finished = 0, active = 0, last_progress = 0;
  dlcrt_status_t st = NULL;
  while (finished < count) {
    for (size_t s = 0; s < nslots && next < count && !st; ++s)
      if (!slots[s].pid) {
        st = conf_spawn(a, results, next++, &slots[s]);
        if (!st) ++active;
      }
    if (st && !active) break;
    size_t done = conf_reap(a, slots, nslots, results);
    finished += done;
    active -= done;
    if (st && !active) break;
    if (!done) nanosleep(&(struct timespec){0, 5 * 1000 * 1000}, NULL);
    if (!a->verbose && finished - last_progress >= 100) {
      printf("onnx_conformance: %zu/%zu tests done\n", finished, count);
      fflush(stdout);
      last_progress = finished;
    }
  }
  free(slots);
  return st;
}

/* ---- comparing with the expected results ---- */

/* A failure found by a sanitizer (in sanitizer builds): a bug to fix, never a status to accept. */
static bool conf_is_sanitizer_report(const char *reason) {
  return strstr(reason, "Sanitizer") || strstr(reason, "runtime error:");
}

static size_t conf_compare_expected(const conf_args_t *a, conf_result_t *results, size_t count,
                                    conf_expected_set_t *expected, size_t *sanitizer_diffs) {
  size_t diffs = 0;
  *sanitizer_diffs = 0;
  for (size_t i = 0; i < count; ++i) {
    const conf_result_t *r = &results[i];
    conf_expected_t *e = conf_expected_find(expected, r->name);
    if (e) e->seen = true;
    if (e && e->status == r->status) continue;
    ++diffs;
    if (!e)
      printf("NEW          %s: %s (not in the expected file)%s%s\n", r->name, conf_status_name(r->status),
             *r->reason ? ": " : "", r->reason);
    else if (r->status == CONF_PASS)
      printf("UNEXPECTED PASS %s: expected %s, now passes (was: %s)\n", r->name, conf_status_name(e->status),
             e->comment ? e->comment : "");
    else if (conf_is_sanitizer_report(r->reason) && ++*sanitizer_diffs)
      printf("SANITIZER    %s: expected %s, got %s: %s\n", r->name, conf_status_name(e->status),
             conf_status_name(r->status), r->reason);
    else
      printf("%s %s: expected %s, got %s: %s\n", e->status == CONF_PASS ? "REGRESSION  " : "CHANGED     ", r->name,
             conf_status_name(e->status), conf_status_name(r->status), r->reason);
  }
  for (size_t i = 0; i < expected->count; ++i) {
    conf_expected_t *e = &expected->items[i];
    if (e->seen || (a->filter && !strstr(e->name, a->filter))) continue;
    ++diffs;
    printf("MISSING      %s: expected %s, but there is no such test in %s\n", e->name, conf_status_name(e->status),
           a->data_dir);
  }
  return diffs;
}

static int conf_main(const conf_args_t *a) {
  conf_result_t *results;
  size_t count;
  dlcrt_status_t st = conf_list_tests(a->data_dir, a->filter, &results, &count);
  if (st) return dlcrt_status_report(st, stderr, "onnx_conformance") ? 2 : 0;
  conf_expected_set_t expected;
  st = conf_expected_read(a->expected, a->update, &expected);
  if (st) {
    conf_results_free(results, count);
    return dlcrt_status_report(st, stderr, "onnx_conformance") ? 2 : 0;
  }
  printf("onnx_conformance: %zu tests from %s, %ld at a time (opt level %ld, timeout %ld s)\n", count, a->data_dir,
         a->jobs, a->opt_level, a->timeout_s);
  fflush(stdout);
  double t0 = conf_now();
  st = conf_run_all(a, results, count);
  double wall = conf_now() - t0;
  size_t totals[4] = {0};
  for (size_t i = 0; i < count; ++i) ++totals[results[i].status];
  int rc = 0;
  if (!st) {
    printf("onnx_conformance: %zu tests in %.1f s: %zu pass, %zu unsupported, %zu fail\n", count, wall,
           totals[CONF_PASS], totals[CONF_UNSUPPORTED], totals[CONF_FAIL]);
    printf("most common reasons:\n");
    conf_print_reason_groups(stdout, results, count, 20, false);
    /* the slowest tests, to keep an eye on the sanitizer build's run time */
    size_t slow[5] = {0}, nslow = 0;
    for (size_t i = 0; i < count; ++i) {
      size_t k;
      if (nslow < 5) k = nslow++;
      else if (results[i].seconds > results[slow[4]].seconds) k = 4;
      else continue;
      for (; k > 0 && results[slow[k - 1]].seconds < results[i].seconds; --k) slow[k] = slow[k - 1];
      slow[k] = i;
    }
    printf("slowest:");
    for (size_t k = 0; k < nslow; ++k) printf(" %s (%.1f s)", results[slow[k]].name, results[slow[k]].seconds);
    printf("\n");
  }
  if (!st && a->report) {
    st = conf_report_write(a->report, results, count, a->filter);
    if (!st) printf("onnx_conformance: wrote %s\n", a->report);
  }
  if (!st && a->update) {
    for (size_t i = 0; i < count; ++i) {
      conf_expected_t *e = conf_expected_find(&expected, results[i].name);
      if (e) e->seen = true;
    }
    if (!a->filter) /* a full run replaces the file: tests gone from the data dir disappear */
      for (size_t i = 0; i < expected.count; ++i) expected.items[i].seen = true;
    st = conf_expected_write(a->expected, results, count, &expected);
    if (!st) printf("onnx_conformance: wrote %s\n", a->expected);
  } else if (!st) {
    size_t sanitizer_diffs;
    size_t diffs = conf_compare_expected(a, results, count, &expected, &sanitizer_diffs);
    if (sanitizer_diffs)
      printf("onnx_conformance: %zu test%s failed only because a sanitizer reported a bug (a leak, a bad memory\n"
             "access or undefined behaviour; the frames in DLC's sources are shown): fix those, do not update.\n",
             sanitizer_diffs, sanitizer_diffs == 1 ? "" : "s");
    if (diffs) {
      printf("onnx_conformance: %zu test%s differ%s from %s.\n"
             "If the change is intended, update the expected results (and the report) with\n"
             "  ninja -C BUILD_DIR onnx-conformance-update\n"
             "or run this program with --update%s.\n"
             "To see one test's full log (diagnostics, sanitizer report): onnx_conformance --filter=NAME -v\n",
             diffs, diffs == 1 ? "" : "s", diffs == 1 ? "s" : "", a->expected,
             a->filter ? " (with the same --filter, only those lines change)" : "");
      rc = 1;
    } else {
      printf("onnx_conformance: every status matches %s\n", a->expected);
    }
  }
  conf_expected_free(&expected);
  conf_results_free(results, count);
  if (st) return dlcrt_status_report(st, stderr, "onnx_conformance") ? 2 : 0;
  return rc;
}

int main(int argc, char **argv) {
  conf_args_t args;
  bool help = false;
  dlcrt_status_t st = conf_parse_args(argc, argv, &args, &help);
  if (st) return dlcrt_status_report(st, stderr, "onnx_conformance") ? 2 : 0;
  if (help) {
    conf_print_help(stdout);
    return 0;
  }
  return conf_main(&args);
}
