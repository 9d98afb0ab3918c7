/* Whole-file output for the tools: write to a temporary file beside the target, then rename, so a
 * failure never leaves a partial output file. "-" writes to standard output. */
#ifndef DLC_FILE_IO_H
#define DLC_FILE_IO_H

#include <stddef.h>

#include "dlc/status.h"

dlcrt_status_t dlc_write_file_atomic(const char *path, const void *data, size_t size);

#endif /* DLC_FILE_IO_H */
