/* Target descriptions for the cost model (include/dlc/cost_model.h): the built-in H100 SXM and A100
 * SXM figures, a reader for `key = value` files, and the process-wide fusion settings the tools set. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "dlc/cost_model.h"

/* H100 SXM5: 132 SMs, 228 KB shared memory per SM (227 KB per block), 64K registers, 3.35 TB/s HBM3,
 * 50 MB L2; 67 TFLOP/s FP32, dense tensor cores 495 (TF32) / 989 (FP16, BF16) TFLOP/s. */
static const dlc_target_t dlc_h100 = {
    .name = "h100", .sm_count = 132, .smem_per_sm = 228 * 1024, .smem_per_block = 227 * 1024,
    .regs_per_sm = 65536, .max_regs_per_thread = 255, .max_threads_per_sm = 2048, .max_threads_per_block = 1024,
    .max_blocks_per_sm = 32, .hbm_bytes_per_s = 3.35e12, .l2_bytes = 50ll * 1024 * 1024, .fp32_flops = 67e12,
    .tf32_flops = 495e12, .fp16_flops = 989e12, .bf16_flops = 989e12, .launch_us = 4.0, .graph_node_us = 1.0,
    .mem_latency_ns = 600, .dynamic_dim = 128,
};

/* A100 SXM 80GB: 108 SMs, 164 KB shared memory per SM (163 KB per block), 2.04 TB/s HBM2e, 40 MB L2;
 * 19.5 TFLOP/s FP32, 156 (TF32) / 312 (FP16, BF16) TFLOP/s dense. */
static const dlc_target_t dlc_a100 = {
    .name = "a100", .sm_count = 108, .smem_per_sm = 164 * 1024, .smem_per_block = 163 * 1024,
    .regs_per_sm = 65536, .max_regs_per_thread = 255, .max_threads_per_sm = 2048, .max_threads_per_block = 1024,
    .max_blocks_per_sm = 32, .hbm_bytes_per_s = 2.04e12, .l2_bytes = 40ll * 1024 * 1024, .fp32_flops = 19.5e12,
    .tf32_flops = 156e12, .fp16_flops = 312e12, .bf16_flops = 312e12, .launch_us = 4.0, .graph_node_us = 1.0,
    .mem_latency_ns = 600, .dynamic_dim = 128,
};

const dlc_target_t *dlc_target_builtin(const char *name) {
  if (strcmp(name, "h100") == 0) return &dlc_h100;
  if (strcmp(name, "a100") == 0) return &dlc_a100;
  return NULL;
}

static char *dlc_trim(char *s) {
  while (isspace((unsigned char)*s)) ++s;
  char *e = s + strlen(s);
  while (e > s && isspace((unsigned char)e[-1])) *--e = 0;
  return s;
}

/* Sets one key; integer keys reject fractions. */
static dlcrt_status_t dlc_target_set(dlc_target_t *t, const char *file, int line, const char *key, const char *value) {
  struct {
    const char *key;
    int kind; /* 0: i32, 1: i64, 2: double */
    void *field;
  } keys[] = {
      {"sm_count", 0, &t->sm_count}, {"smem_per_sm", 1, &t->smem_per_sm}, {"smem_per_block", 1, &t->smem_per_block},
      {"regs_per_sm", 0, &t->regs_per_sm}, {"max_regs_per_thread", 0, &t->max_regs_per_thread},
      {"max_threads_per_sm", 0, &t->max_threads_per_sm}, {"max_threads_per_block", 0, &t->max_threads_per_block},
      {"max_blocks_per_sm", 0, &t->max_blocks_per_sm}, {"hbm_bytes_per_s", 2, &t->hbm_bytes_per_s},
      {"l2_bytes", 1, &t->l2_bytes}, {"fp32_flops", 2, &t->fp32_flops}, {"tf32_flops", 2, &t->tf32_flops},
      {"fp16_flops", 2, &t->fp16_flops}, {"bf16_flops", 2, &t->bf16_flops}, {"launch_us", 2, &t->launch_us},
      {"graph_node_us", 2, &t->graph_node_us}, {"mem_latency_ns", 2, &t->mem_latency_ns},
      {"dynamic_dim", 1, &t->dynamic_dim},
  };
  if (strcmp(key, "name") == 0) {
    snprintf(t->name, sizeof(t->name), "%s", value);
    return NULL;
  }
  for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); ++i) {
    if (strcmp(keys[i].key, key) != 0) continue;
    char *end;
    errno = 0;
    double v = strtod(value, &end);
    if (end == value || *end || errno || !(v > 0))
      return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s:%d: %s = '%s': expected a positive number", file, line, key, value);
    if (keys[i].kind != 2 && v != (double)(int64_t)v)
      return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s:%d: %s = '%s': expected an integer", file, line, key, value);
    if (keys[i].kind == 0) *(int32_t *)keys[i].field = (int32_t)v;
    else if (keys[i].kind == 1) *(int64_t *)keys[i].field = (int64_t)v;
    else *(double *)keys[i].field = v;
    return NULL;
  }
  return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s:%d: unknown target key '%s' (see docs/fusion.md)", file, line, key);
}

dlcrt_status_t dlc_target_load(const char *name_or_file, dlc_target_t *out) {
  const dlc_target_t *builtin = dlc_target_builtin(name_or_file);
  if (builtin) {
    *out = *builtin;
    return NULL;
  }
  FILE *f = fopen(name_or_file, "rb");
  char *text = NULL;
  if (f) {
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    text = len >= 0 ? calloc((size_t)len + 1, 1) : NULL;
    if (text && fread(text, 1, (size_t)len, f) != (size_t)len) {
      free(text);
      text = NULL;
    }
    fclose(f);
  }
  dlcrt_status_t st = NULL;
  if (!text) {
    return dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT,
                             "--target=%s: not a built-in target (h100, a100) and not a readable file", name_or_file);
  }
  *out = dlc_h100;
  snprintf(out->name, sizeof(out->name), "custom");
  int line = 0;
  for (char *save = NULL, *l = strtok_r(text, "\n", &save); l && !st; l = strtok_r(NULL, "\n", &save)) {
    ++line;
    char *hash = strchr(l, '#');
    if (hash) *hash = 0;
    char *s = dlc_trim(l);
    if (!*s) continue;
    char *eq = strchr(s, '=');
    if (!eq) {
      st = dlcrt_make_status(DLCRT_STATUS_INVALID_ARGUMENT, "%s:%d: expected 'key = value', got '%s'", name_or_file, line, s);
      break;
    }
    *eq = 0;
    st = dlc_target_set(out, name_or_file, line, dlc_trim(s), dlc_trim(eq + 1));
  }
  free(text);
  return st;
}

static dlc_fusion_settings_t dlc_settings = {.explain = NULL};
static bool dlc_settings_ready = false;

const dlc_fusion_settings_t *dlc_fusion_settings(void) {
  if (!dlc_settings_ready) {
    dlc_settings.target = dlc_h100;
    dlc_settings_ready = true;
  }
  return &dlc_settings;
}

void dlc_fusion_set_target(const dlc_target_t *target) {
  (void)dlc_fusion_settings();
  dlc_settings.target = *target;
}

void dlc_fusion_set_fixed_parallelism(bool fixed) {
  (void)dlc_fusion_settings();
  dlc_settings.fixed_parallelism = fixed;
}

void dlc_fusion_set_explain(FILE *out) {
  (void)dlc_fusion_settings();
  dlc_settings.explain = out;
}
