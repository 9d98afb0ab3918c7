/* DlcToGPU transpose kernels: a dlc.transpose whose permutation moves the innermost dim (the output's
 * innermost dim q comes from another input dim, and the input's innermost dim lands at output dim b)
 * goes through shared memory so that both the reads and the writes are coalesced: a block of 32 x 8
 * threads moves one 32 x 32 tile of the (b, q) plane; it reads the tile with consecutive threads on
 * consecutive input-innermost elements into a 32 x 33 tile of (dynamic) shared memory (the pad column
 * keeps the column accesses free of bank conflicts), a block barrier, then writes it with consecutive threads on consecutive
 * output-innermost elements; each thread moves 4 elements per phase. grid.x tiles q, grid.y tiles b,
 * grid.z walks the other (batch) output dims, flattened, with a grid-stride loop when there are more
 * than 65535 of them. Sizes of dynamic dims come from memref.dim of the input. Permutations that keep
 * the innermost dim (row copies) and i1 tensors fall through to the generic path. */
#include <stdlib.h>
#include <string.h>

#include "dlc/op_params.h"
#include "gpu_emit.h"
#include "mlir-c/BuiltinTypes.h"

#define DLC_TILE 32
#define DLC_TILE_ROWS 8 /* threads along y; each moves DLC_TILE / DLC_TILE_ROWS elements */
#define DLC_MAX_GRID_Z 65535

typedef struct dlc_tr_t {
  dlc_strbuf_t *b;
  int next;
} dlc_tr_t;

static const char *dlc_fresh(dlc_tr_t *k, char *buf) {
  snprintf(buf, 16, "%%t%d", k->next++);
  return buf;
}

static const char *dlc_const(dlc_tr_t *k, int64_t v, char *buf) {
  dlc_fresh(k, buf);
  dlc_strbuf_appendf(k->b, "  %s = arith.constant %lld : index\n", buf, (long long)v);
  return buf;
}

static const char *dlc_binop(dlc_tr_t *k, const char *indent, const char *op, const char *a, const char *x, char *buf) {
  dlc_fresh(k, buf);
  dlc_strbuf_appendf(k->b, "%s%s = %s %s, %s : index\n", indent, buf, op, a, x);
  return buf;
}

/* Bytes of an element type of 1, 2, 4 or 8 bytes; else 0 (i1, index, complex ...). */
static int dlc_elem_bytes(MlirType t) {
  unsigned w = 0;
  if (mlirTypeIsAInteger(t)) w = mlirIntegerTypeGetWidth(t);
  else if (mlirTypeIsAF16(t) || mlirTypeIsABF16(t)) w = 16;
  else if (mlirTypeIsAF32(t)) w = 32;
  else if (mlirTypeIsAF64(t)) w = 64;
  return w == 8 || w == 16 || w == 32 || w == 64 ? (int)(w / 8) : 0;
}

/* Appends "[i0, ...]" of the input element at output coordinates `o` (input dim perm[d] is o[d]). */
static void dlc_input_indices(dlc_tr_t *k, int32_t R, const int64_t *perm, char o[][16]) {
  dlc_strbuf_append(k->b, "[");
  for (int32_t in_d = 0; in_d < R; ++in_d)
    for (int32_t d = 0; d < R; ++d)
      if (perm[d] == in_d) dlc_strbuf_appendf(k->b, "%s%s", in_d ? ", " : "", o[d]);
  dlc_strbuf_append(k->b, "]");
}

static void dlc_output_indices(dlc_tr_t *k, int32_t R, char o[][16]) {
  dlc_strbuf_append(k->b, "[");
  for (int32_t d = 0; d < R; ++d) dlc_strbuf_appendf(k->b, "%s%s", d ? ", " : "", o[d]);
  dlc_strbuf_append(k->b, "]");
}

dlcrt_status_t dlc_gpu_emit_transpose_kernel(dlc_gpu_unit_t *unit, const char *func_name, dlc_strbuf_t *out, bool *handled) {
  *handled = false;
  if (!mlirOperationIsNull(unit->group) || unit->num_ops != 1 || !dlc_op_is(unit->ops[0], DLC_TRANSPOSE) ||
      unit->num_inputs != 1 || unit->num_outputs != 1)
    return NULL;
  dlc_shape_t in, o;
  if (!dlc_gpu_input_shape(unit, 0, &in) || !dlc_gpu_output_shape(unit, 0, &o) || in.rank < 2 || in.rank != o.rank ||
      dlc_elem_bytes(in.elem) == 0)
    return NULL;
  int32_t R = o.rank;
  int64_t perm[DLCRT_MAX_RANK];
  dlcrt_status_t pst = dlc_transpose_perm(unit->ops[0], R, perm);
  if (pst) { /* the verifier reports it; the generic path will too */
    dlcrt_status_free(pst);
    return NULL;
  }
  int32_t q = R - 1, bdim = -1;
  for (int32_t d = 0; d < R; ++d)
    if (perm[d] == R - 1) bdim = d;
  if (perm[q] == R - 1 || bdim < 0) return NULL; /* keeps the innermost dim */

  dlc_strbuf_t text;
  dlc_strbuf_init(&text);
  dlc_tr_t k = {.b = &text};
  if (!dlc_gpu_append_prologue(unit, func_name, &text)) {
    dlc_strbuf_free(&text);
    return NULL;
  }
  char et[32];
  {
    dlc_strbuf_t t;
    dlc_strbuf_init(&t);
    dlc_strbuf_append_type(&t, in.elem);
    snprintf(et, sizeof(et), "%s", dlc_strbuf_cstr(&t));
    dlc_strbuf_free(&t);
  }
  dlc_strbuf_append(&text, "  %c0 = arith.constant 0 : index\n  %c1 = arith.constant 1 : index\n");
  /* output dims */
  char dims[DLCRT_MAX_RANK][16];
  for (int32_t d = 0; d < R; ++d) {
    if (o.dims[d] != DLC_DYN) {
      dlc_const(&k, o.dims[d], dims[d]);
      continue;
    }
    char c[16];
    dlc_const(&k, perm[d], c);
    dlc_fresh(&k, dims[d]);
    dlc_strbuf_appendf(&text, "  %s = memref.dim %%in0, %s : ", dims[d], c);
    dlc_gpu_append_memref_type(&text, &in);
    dlc_strbuf_append(&text, "\n");
  }
  char tile[16], rows[16], gx[16], gy[16], gz[16], batch[16], tmp[16];
  dlc_const(&k, DLC_TILE, tile);
  dlc_const(&k, DLC_TILE_ROWS, rows);
  dlc_strbuf_appendf(&text, "  %s = arith.ceildivui %s, %s : index\n", dlc_fresh(&k, gx), dims[q], tile);
  dlc_strbuf_appendf(&text, "  %s = arith.ceildivui %s, %s : index\n", dlc_fresh(&k, gy), dims[bdim], tile);
  /* batch = product of the other output dims; grid.z = min(batch, 65535), at least 1 */
  snprintf(batch, sizeof(batch), "%%c1");
  for (int32_t d = 0; d < R; ++d) {
    if (d == q || d == bdim) continue;
    dlc_binop(&k, "  ", "arith.muli", batch, dims[d], tmp);
    memcpy(batch, tmp, sizeof(tmp));
  }
  char zmax[16];
  dlc_const(&k, DLC_MAX_GRID_Z, zmax);
  dlc_binop(&k, "  ", "arith.minui", batch, zmax, tmp);
  dlc_binop(&k, "  ", "arith.maxui", tmp, "%c1", gz);
  dlc_strbuf_append(&text, "  %out0 = memref.alloc(");
  bool first = true;
  for (int32_t d = 0; d < R; ++d)
    if (o.dims[d] == DLC_DYN) {
      dlc_strbuf_appendf(&text, "%s%s", first ? "" : ", ", dims[d]);
      first = false;
    }
  dlc_strbuf_append(&text, ") : ");
  dlc_gpu_append_memref_type(&text, &o);
  dlc_strbuf_append(&text, "\n");
  char tile_type[96];
  snprintf(tile_type, sizeof(tile_type), "memref<%dx%dx%s, #gpu.address_space<workgroup>>", DLC_TILE, DLC_TILE + 1, et);
  dlc_strbuf_appendf(&text, "  %%smem = arith.constant %d : i32\n", DLC_TILE * (DLC_TILE + 1) * dlc_elem_bytes(in.elem));
  dlc_strbuf_appendf(&text,
                     "  gpu.launch blocks(%%bx, %%by, %%bz) in (%%gx = %s, %%gy = %s, %%gz = %s) "
                     "threads(%%tx, %%ty, %%tz) in (%%sx = %s, %%sy = %s, %%sz = %%c1) dynamic_shared_memory_size %%smem {\n",
                     gx, gy, gz, tile, rows);
  dlc_strbuf_appendf(&text,
                     "    %%raw = gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<workgroup>>\n"
                     "    %%tile = memref.view %%raw[%%c0][] : memref<?xi8, #gpu.address_space<workgroup>> to %s\n",
                     tile_type);
  dlc_strbuf_append(&text,
                    "    %bidx = gpu.block_id x\n    %bidy = gpu.block_id y\n    %bidz = gpu.block_id z\n"
                    "    %tidx = gpu.thread_id x\n    %tidy = gpu.thread_id y\n    %gridz = gpu.grid_dim z\n");
  char qbase[16], bbase[16];
  dlc_binop(&k, "    ", "arith.muli", "%bidx", tile, qbase);
  dlc_binop(&k, "    ", "arith.muli", "%bidy", tile, bbase);
  dlc_strbuf_appendf(&text, "    scf.for %%z = %%bidz to %s step %%gridz {\n", batch);
  /* batch coordinates of %z, innermost batch dim first */
  char oc[DLCRT_MAX_RANK][16];
  char rest[16];
  snprintf(rest, sizeof(rest), "%%z");
  for (int32_t d = R - 1; d >= 0; --d) {
    if (d == q || d == bdim) continue;
    dlc_binop(&k, "      ", "arith.remui", rest, dims[d], oc[d]);
    dlc_binop(&k, "      ", "arith.divui", rest, dims[d], tmp);
    memcpy(rest, tmp, sizeof(tmp));
  }
  int per_thread = DLC_TILE / DLC_TILE_ROWS;
  /* read phase: tile[ty + 8j][tx] = in at (q = qbase + ty + 8j, b = bbase + tx) */
  for (int j = 0; j < per_thread; ++j) {
    char off[16], row[16], ok1[16], ok2[16], ok[16];
    dlc_fresh(&k, off);
    dlc_strbuf_appendf(&text, "      %s = arith.constant %d : index\n", off, j * DLC_TILE_ROWS);
    dlc_binop(&k, "      ", "arith.addi", "%tidy", off, row);
    dlc_binop(&k, "      ", "arith.addi", qbase, row, oc[q]);
    dlc_binop(&k, "      ", "arith.addi", bbase, "%tidx", oc[bdim]);
    dlc_strbuf_appendf(&text, "      %s = arith.cmpi ult, %s, %s : index\n", dlc_fresh(&k, ok1), oc[q], dims[q]);
    dlc_strbuf_appendf(&text, "      %s = arith.cmpi ult, %s, %s : index\n", dlc_fresh(&k, ok2), oc[bdim], dims[bdim]);
    dlc_strbuf_appendf(&text, "      %s = arith.andi %s, %s : i1\n      scf.if %s {\n", dlc_fresh(&k, ok), ok1, ok2, ok);
    char v[16];
    dlc_fresh(&k, v);
    dlc_strbuf_appendf(&text, "        %s = memref.load %%in0", v);
    dlc_input_indices(&k, R, perm, oc);
    dlc_strbuf_append(&text, " : ");
    dlc_gpu_append_memref_type(&text, &in);
    dlc_strbuf_appendf(&text, "\n        memref.store %s, %%tile[%s, %%tidx] : %s\n      }\n", v, row, tile_type);
  }
  dlc_strbuf_appendf(&text, "      %s\n", DLC_GPU_BARRIER);
  /* write phase: out at (q = qbase + tx, b = bbase + ty + 8j) = tile[tx][ty + 8j] */
  for (int j = 0; j < per_thread; ++j) {
    char off[16], row[16], ok1[16], ok2[16], ok[16];
    dlc_fresh(&k, off);
    dlc_strbuf_appendf(&text, "      %s = arith.constant %d : index\n", off, j * DLC_TILE_ROWS);
    dlc_binop(&k, "      ", "arith.addi", "%tidy", off, row);
    dlc_binop(&k, "      ", "arith.addi", qbase, "%tidx", oc[q]);
    dlc_binop(&k, "      ", "arith.addi", bbase, row, oc[bdim]);
    dlc_strbuf_appendf(&text, "      %s = arith.cmpi ult, %s, %s : index\n", dlc_fresh(&k, ok1), oc[q], dims[q]);
    dlc_strbuf_appendf(&text, "      %s = arith.cmpi ult, %s, %s : index\n", dlc_fresh(&k, ok2), oc[bdim], dims[bdim]);
    dlc_strbuf_appendf(&text, "      %s = arith.andi %s, %s : i1\n      scf.if %s {\n", dlc_fresh(&k, ok), ok1, ok2, ok);
    char v[16];
    dlc_fresh(&k, v);
    dlc_strbuf_appendf(&text, "        %s = memref.load %%tile[%%tidx, %s] : %s\n        memref.store %s, %%out0", v, row,
                       tile_type, v);
    dlc_output_indices(&k, R, oc);
    dlc_strbuf_append(&text, " : ");
    dlc_gpu_append_memref_type(&text, &o);
    dlc_strbuf_append(&text, "\n      }\n");
  }
  /* the next batch slice reuses the tile: everyone must be done reading it */
  dlc_strbuf_appendf(&text, "      %s\n    }\n    gpu.terminator\n  }\n", DLC_GPU_BARRIER);
  dlcrt_status_t st = dlc_gpu_finish_function(unit, &text, out, handled);
  dlc_strbuf_free(&text);
  return st;
}
