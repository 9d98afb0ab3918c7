/* Status values (see include/dlc/status.h): a code plus a heap-allocated message. */
#include "dlc/status.h"

#include <stdlib.h>
#include <string.h>

struct dlcrt_status_s {
  dlcrt_status_code_t code;
  char *message;
};

/* Returned when a status cannot be allocated; never freed. */
static struct dlcrt_status_s dlcrt_oom_status = {DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory"};

static char *dlcrt_vformat(const char *fmt, va_list args) {
  va_list copy;
  va_copy(copy, args);
  int len = vsnprintf(NULL, 0, fmt, copy);
  va_end(copy);
  if (len < 0) return NULL;
  char *buf = malloc((size_t)len + 1);
  if (!buf) return NULL;
  vsnprintf(buf, (size_t)len + 1, fmt, args);
  return buf;
}

dlcrt_status_t dlcrt_make_status_v(dlcrt_status_code_t code, const char *fmt, va_list args) {
  if (code == DLCRT_STATUS_OK) return NULL;
  dlcrt_status_t status = malloc(sizeof(*status));
  if (!status) return &dlcrt_oom_status;
  status->code = code;
  status->message = dlcrt_vformat(fmt, args);
  if (!status->message) {
    free(status);
    return &dlcrt_oom_status;
  }
  return status;
}

dlcrt_status_t dlcrt_make_status(dlcrt_status_code_t code, const char *fmt, ...) {
  va_list args;
  va_start(args, fmt);
  dlcrt_status_t status = dlcrt_make_status_v(code, fmt, args);
  va_end(args);
  return status;
}

dlcrt_status_t dlcrt_status_annotate(dlcrt_status_t status, const char *fmt, ...) {
  if (!status || status == &dlcrt_oom_status) return status;
  va_list args;
  va_start(args, fmt);
  char *prefix = dlcrt_vformat(fmt, args);
  va_end(args);
  if (!prefix) return status;
  size_t plen = strlen(prefix), mlen = strlen(status->message);
  char *joined = malloc(plen + mlen + 1);
  if (joined) {
    memcpy(joined, prefix, plen);
    memcpy(joined + plen, status->message, mlen + 1);
    free(status->message);
    status->message = joined;
  }
  free(prefix);
  return status;
}

dlcrt_status_code_t dlcrt_status_code(dlcrt_status_t status) {
  return status ? status->code : DLCRT_STATUS_OK;
}

const char *dlcrt_status_code_name(dlcrt_status_code_t code) {
  switch (code) {
    case DLCRT_STATUS_OK: return "ok";
    case DLCRT_STATUS_INVALID_ARGUMENT: return "invalid argument";
    case DLCRT_STATUS_NOT_FOUND: return "not found";
    case DLCRT_STATUS_UNIMPLEMENTED: return "unimplemented";
    case DLCRT_STATUS_RESOURCE_EXHAUSTED: return "resource exhausted";
    case DLCRT_STATUS_IO_ERROR: return "I/O error";
    case DLCRT_STATUS_UNAVAILABLE: return "unavailable";
    case DLCRT_STATUS_INTERNAL: return "internal error";
  }
  return "unknown";
}

const char *dlcrt_status_message(dlcrt_status_t status) { return status ? status->message : ""; }

void dlcrt_status_free(dlcrt_status_t status) {
  if (!status || status == &dlcrt_oom_status) return;
  free(status->message);
  free(status);
}

int dlcrt_status_report(dlcrt_status_t status, FILE *stream, const char *prefix) {
  if (!status) return 0;
  fprintf(stream, "%s: error: %s\n", prefix, status->message);
  dlcrt_status_free(status);
  return 1;
}
