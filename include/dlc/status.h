/* Status values for DLC and its runtime: every fallible function returns a dlcrt_status_t.
 * NULL means success; anything else owns a heap message that the caller must consume with
 * dlcrt_status_free (or pass upward). Modelled on IREE's iree_status_t, minus the bit tricks. */
#ifndef DLC_STATUS_H
#define DLC_STATUS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum dlcrt_status_code_e {
  DLCRT_STATUS_OK = 0,
  DLCRT_STATUS_INVALID_ARGUMENT,   /* bad input: file contents, flags, shapes */
  DLCRT_STATUS_NOT_FOUND,          /* a file, function or symbol that is not there */
  DLCRT_STATUS_UNIMPLEMENTED,      /* valid input that DLC does not support (yet) */
  DLCRT_STATUS_RESOURCE_EXHAUSTED, /* out of memory */
  DLCRT_STATUS_IO_ERROR,           /* the OS refused a read or write */
  DLCRT_STATUS_UNAVAILABLE,        /* a device or library that is not present */
  DLCRT_STATUS_INTERNAL,           /* a broken invariant inside DLC */
} dlcrt_status_code_t;

typedef struct dlcrt_status_s *dlcrt_status_t;
#define dlcrt_ok_status() ((dlcrt_status_t)NULL)

/* Creates a status with a printf-style message. Never returns NULL for a non-OK code; when memory
 * runs out it returns a static "out of memory" status that dlcrt_status_free ignores. */
dlcrt_status_t dlcrt_make_status(dlcrt_status_code_t code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
dlcrt_status_t dlcrt_make_status_v(dlcrt_status_code_t code, const char *fmt, va_list args);

/* Prefixes context ("while reading x.npy: ") to the message of a failed status; OK passes through. */
dlcrt_status_t dlcrt_status_annotate(dlcrt_status_t status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static inline bool dlcrt_status_is_ok(dlcrt_status_t status) { return status == NULL; }
dlcrt_status_code_t dlcrt_status_code(dlcrt_status_t status);
const char *dlcrt_status_code_name(dlcrt_status_code_t code);
const char *dlcrt_status_message(dlcrt_status_t status); /* "" for OK */
void dlcrt_status_free(dlcrt_status_t status);

/* Prints "PREFIX: error: MESSAGE\n" to `stream` and frees the status; returns the exit code to use (0 if OK). */
int dlcrt_status_report(dlcrt_status_t status, FILE *stream, const char *prefix);

#define DLCRT_RETURN_IF_ERROR(expr)            \
  do {                                         \
    dlcrt_status_t dlcrt_status_tmp_ = (expr); \
    if (dlcrt_status_tmp_) return dlcrt_status_tmp_; \
  } while (0)

#ifdef __cplusplus
}
#endif
#endif /* DLC_STATUS_H */
