/* Unit tests for dlcrt_status_t: creation, annotation, code names, reporting and the OOM sentinel. */
#define _POSIX_C_SOURCE 200809L

#include <stdlib.h>

#include "dlc/status.h"
#include "dlc_test.h"

static void test_ok_status(void) {
  dlcrt_status_t ok = dlcrt_ok_status();
  CHECK(dlcrt_status_is_ok(ok));
  CHECK_EQ_INT(dlcrt_status_code(ok), DLCRT_STATUS_OK);
  CHECK_STREQ(dlcrt_status_message(ok), "");
  CHECK(dlcrt_status_annotate(ok, "context %d: ", 1) == NULL);
  CHECK(dlcrt_make_status(DLCRT_STATUS_OK, "ignored") == NULL);
  dlcrt_status_free(ok); /* no-op */
}

static void test_make_and_free(void) {
  dlcrt_status_t s = dlcrt_make_status(DLCRT_STATUS_NOT_FOUND, "file %s missing (%d)", "x.npy", 42);
  CHECK(!dlcrt_status_is_ok(s));
  CHECK_EQ_INT(dlcrt_status_code(s), DLCRT_STATUS_NOT_FOUND);
  CHECK_STREQ(dlcrt_status_message(s), "file x.npy missing (42)");
  dlcrt_status_free(s);
}

static void test_annotate(void) {
  dlcrt_status_t s = dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "bad magic");
  s = dlcrt_status_annotate(s, "%s: ", "x.npy");
  s = dlcrt_status_annotate(s, "while loading input %d: ", 0);
  CHECK_EQ_INT(dlcrt_status_code(s), DLCRT_STATUS_INVALID_ARGUMENT);
  CHECK_STREQ(dlcrt_status_message(s), "while loading input 0: x.npy: bad magic");
  dlcrt_status_free(s);
}

static dlcrt_status_t fail_if(int fail) {
  return fail ? dlcrt_make_status(DLCRT_STATUS_INTERNAL, "failed") : dlcrt_ok_status();
}

static dlcrt_status_t propagate(int fail, int *reached_end) {
  DLCRT_RETURN_IF_ERROR(fail_if(fail));
  *reached_end = 1;
  return dlcrt_ok_status();
}

static void test_return_if_error(void) {
  int reached = 0;
  CHECK_OK(propagate(0, &reached));
  CHECK_EQ_INT(reached, 1);
  reached = 0;
  dlcrt_status_t s = propagate(1, &reached);
  CHECK_EQ_INT(reached, 0);
  CHECK_EQ_INT(dlcrt_status_code(s), DLCRT_STATUS_INTERNAL);
  dlcrt_status_free(s);
}

static void test_code_names(void) {
  CHECK_STREQ(dlcrt_status_code_name(DLCRT_STATUS_OK), "ok");
  CHECK_STREQ(dlcrt_status_code_name(DLCRT_STATUS_INVALID_ARGUMENT), "invalid argument");
  CHECK_STREQ(dlcrt_status_code_name(DLCRT_STATUS_NOT_FOUND), "not found");
  CHECK_STREQ(dlcrt_status_code_name(DLCRT_STATUS_UNIMPLEMENTED), "unimplemented");
  CHECK_STREQ(dlcrt_status_code_name(DLCRT_STATUS_RESOURCE_EXHAUSTED), "resource exhausted");
  CHECK_STREQ(dlcrt_status_code_name(DLCRT_STATUS_IO_ERROR), "I/O error");
  CHECK_STREQ(dlcrt_status_code_name(DLCRT_STATUS_UNAVAILABLE), "unavailable");
  CHECK_STREQ(dlcrt_status_code_name(DLCRT_STATUS_INTERNAL), "internal error");
  CHECK_STREQ(dlcrt_status_code_name((dlcrt_status_code_t)99), "unknown");
}

/* When the message cannot be formatted, make_status falls back to the static OOM status: here an
 * unencodable wide character in the C locale makes vsnprintf fail with EILSEQ. */
static void test_oom_sentinel(void) {
  dlcrt_status_t a = dlcrt_make_status(DLCRT_STATUS_INTERNAL, "%ls", L"\x100");
  dlcrt_status_t b = dlcrt_make_status(DLCRT_STATUS_IO_ERROR, "%ls", L"\x100");
  CHECK(a != NULL);
  CHECK(a == b); /* one shared static sentinel */
  CHECK_EQ_INT(dlcrt_status_code(a), DLCRT_STATUS_RESOURCE_EXHAUSTED);
  CHECK_STREQ(dlcrt_status_message(a), "out of memory");
  CHECK(dlcrt_status_annotate(a, "context: ") == a);
  CHECK_STREQ(dlcrt_status_message(a), "out of memory"); /* the sentinel is never modified */
  dlcrt_status_free(a);                                   /* no-op, so freeing twice is fine */
  dlcrt_status_free(b);
  CHECK_STREQ(dlcrt_status_message(a), "out of memory");
}

static void test_report(void) {
  char *text = NULL;
  size_t len = 0;
  FILE *stream = open_memstream(&text, &len);
  CHECK(stream != NULL);
  if (!stream) return;
  CHECK_EQ_INT(dlcrt_status_report(NULL, stream, "dlc-run"), 0);
  dlcrt_status_t s = dlcrt_make_status(DLCRT_STATUS_NOT_FOUND, "%s: no such function", "main");
  CHECK_EQ_INT(dlcrt_status_report(s, stream, "dlc-run"), 1); /* frees s */
  fclose(stream);
  CHECK_STREQ(text, "dlc-run: error: main: no such function\n");
  free(text);
}

int main(void) {
  DLC_RUN_TEST(test_ok_status);
  DLC_RUN_TEST(test_make_and_free);
  DLC_RUN_TEST(test_annotate);
  DLC_RUN_TEST(test_return_if_error);
  DLC_RUN_TEST(test_code_names);
  DLC_RUN_TEST(test_oom_sentinel);
  DLC_RUN_TEST(test_report);
  return DLC_TEST_RESULT();
}
