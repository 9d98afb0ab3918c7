/* Atomic whole-file output (see include/dlc/file_io.h). */
#define _POSIX_C_SOURCE 200809L
#include "dlc/file_io.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

dlcrt_status_t dlc_write_file_atomic(const char *path, const void *data, size_t size) {
  if (strcmp(path, "-") == 0) {
    if (fwrite(data, 1, size, stdout) != size || fflush(stdout) != 0)
      return dlcrt_make_status(DLCRT_STATUS_IO_ERROR, "<stdout>: write failed");
    return NULL;
  }
  size_t n = strlen(path);
  char *tmp = malloc(n + 16);
  if (!tmp) return dlcrt_make_status(DLCRT_STATUS_RESOURCE_EXHAUSTED, "out of memory");
  snprintf(tmp, n + 16, "%s.tmpXXXXXX", path);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    dlcrt_status_t st = dlcrt_make_status(DLCRT_STATUS_IO_ERROR, "%s: cannot create: %s", path, strerror(errno));
    free(tmp);
    return st;
  }
  FILE *f = fdopen(fd, "wb");
  bool ok = f && fwrite(data, 1, size, f) == size;
  int saved = errno;
  if (f) ok = (fclose(f) == 0) && ok;
  else close(fd);
  if (ok && rename(tmp, path) != 0) {
    ok = false;
    saved = errno;
  }
  dlcrt_status_t st = NULL;
  if (!ok) {
    remove(tmp);
    st = dlcrt_make_status(DLCRT_STATUS_IO_ERROR, "%s: write failed: %s", path, strerror(saved));
  }
  free(tmp);
  return st;
}
