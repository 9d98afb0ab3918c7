/* A tiny assertion kit for the C unit tests: CHECK macros report file:line and the failing expression,
 * count failures, and DLC_TEST_RESULT() turns the count into main's return value. */
#ifndef DLC_TEST_H
#define DLC_TEST_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "dlc/status.h"

static int dlc_test_failures = 0;

static inline void dlc_test_fail(const char *file, int line, const char *expr) {
  fprintf(stderr, "%s:%d: CHECK failed: %s\n", file, line, expr);
  ++dlc_test_failures;
}

#define CHECK(cond)                                                \
  do {                                                             \
    if (!(cond)) dlc_test_fail(__FILE__, __LINE__, #cond);         \
  } while (0)

#define CHECK_EQ_INT(a, b)                                                                       \
  do {                                                                                           \
    long long dlc_a_ = (long long)(a), dlc_b_ = (long long)(b);                                  \
    if (dlc_a_ != dlc_b_) {                                                                      \
      dlc_test_fail(__FILE__, __LINE__, #a " == " #b);                                           \
      fprintf(stderr, "    left: %lld\n   right: %lld\n", dlc_a_, dlc_b_);                       \
    }                                                                                            \
  } while (0)

#define CHECK_STREQ(a, b)                                                                        \
  do {                                                                                           \
    const char *dlc_a_ = (a), *dlc_b_ = (b);                                                     \
    if (!dlc_a_ || !dlc_b_ || strcmp(dlc_a_, dlc_b_) != 0) {                                     \
      dlc_test_fail(__FILE__, __LINE__, #a " == " #b);                                           \
      fprintf(stderr, "    left: \"%s\"\n   right: \"%s\"\n", dlc_a_ ? dlc_a_ : "(null)",        \
              dlc_b_ ? dlc_b_ : "(null)");                                                       \
    }                                                                                            \
  } while (0)

/* `haystack` contains `needle`. */
#define CHECK_CONTAINS(haystack, needle)                                                         \
  do {                                                                                           \
    const char *dlc_h_ = (haystack), *dlc_n_ = (needle);                                         \
    if (!dlc_h_ || !strstr(dlc_h_, dlc_n_)) {                                                    \
      dlc_test_fail(__FILE__, __LINE__, #haystack " contains " #needle);                         \
      fprintf(stderr, "    text: \"%s\"\n  needle: \"%s\"\n", dlc_h_ ? dlc_h_ : "(null)", dlc_n_); \
    }                                                                                            \
  } while (0)

/* The status is OK; otherwise reports its message and frees it. */
#define CHECK_OK(expr)                                                                           \
  do {                                                                                           \
    dlcrt_status_t dlc_s_ = (expr);                                                              \
    if (dlc_s_) {                                                                                \
      dlc_test_fail(__FILE__, __LINE__, #expr " is OK");                                         \
      fprintf(stderr, "    status: %s\n", dlcrt_status_message(dlc_s_));                         \
      dlcrt_status_free(dlc_s_);                                                                 \
    }                                                                                            \
  } while (0)

/* Runs a test function and names it if it added failures. */
#define DLC_RUN_TEST(fn)                                                    \
  do {                                                                      \
    int dlc_before_ = dlc_test_failures;                                    \
    fn();                                                                   \
    if (dlc_test_failures != dlc_before_) fprintf(stderr, "FAILED: %s\n", #fn); \
  } while (0)

#define DLC_TEST_RESULT() (dlc_test_failures ? 1 : 0)

#endif /* DLC_TEST_H */
