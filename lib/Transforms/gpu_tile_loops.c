/* --dlc-gpu-tile-loops: chooses the thread-block shape of every function's parallel loops and tiles
 * them for convert-parallel-loops-to-gpu: the innermost (contiguous) loop dim gets DLC_GPU_BLOCK
 * threads, outer dims one each, so consecutive threads touch consecutive elements. It also writes the
 * processor mapping itself (upstream gpu-map-parallel-loops assigns x, y, z in loop order, which puts
 * the 256 threads on z, over CUDA's limit of 64, and leaves dims past the third to single threads):
 * innermost dim -> block_x / thread_x, the next two outer dims -> block_y, block_z, the rest sequential. Runs where each DlcToLinalg helper function still holds one
 * op's loops (one rank per function). The choice is recorded on the function as
 * `dlc.gpu_tile = array<i64: ...>` so dlc-opt shows it. A generic schedule: tuned kernels per op
 * family (vectorized elementwise, warp reductions, library GEMMs) replace it op by op. */
#include <stdio.h>

#include "dlc/mlir_util.h"
#include "dlc/passes.h"
#include "dlc/strbuf.h"
#include "mlir-c/BuiltinAttributes.h"
#include "mlir-c/Diagnostics.h"

#define DLC_GPU_BLOCK 256

static MlirWalkResult dlc_max_parallel_rank(MlirOperation op, void *user_data) {
  int *rank = user_data;
  if (dlc_sref_eq(mlirIdentifierStr(mlirOperationGetName(op)), "scf.parallel")) {
    MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0));
    int r = (int)mlirBlockGetNumArguments(body);
    if (r > *rank) *rank = r;
    return MlirWalkResultSkip; /* nested loops are inside this one's threads */
  }
  return MlirWalkResultAdvance;
}

/* The mapping attribute for a loop of `rank` dims: block (outer) or thread (tile) processors. */
static MlirAttribute dlc_mapping(MlirContext ctx, int rank, bool threads) {
  static const char *const blocks[] = {"block_x", "block_y", "block_z"};
  dlc_strbuf_t text;
  dlc_strbuf_init(&text);
  dlc_strbuf_append(&text, "[");
  for (int d = 0; d < rank; ++d) {
    int from_inner = rank - 1 - d;
    const char *proc = threads ? (from_inner == 0 ? "thread_x" : "sequential") : from_inner < 3 ? blocks[from_inner] : "sequential";
    dlc_strbuf_appendf(&text, "%s#gpu.loop_dim_map<processor = %s, map = (d0) -> (d0), bound = (d0) -> (d0)>", d ? ", " : "", proc);
  }
  dlc_strbuf_append(&text, "]");
  MlirAttribute attr = mlirAttributeParseGet(ctx, dlc_sref(dlc_strbuf_cstr(&text)));
  dlc_strbuf_free(&text);
  return attr;
}

/* Maps the tiled loops: depth 0 (the grid of tiles) to blocks, depth 1 (inside a tile) to threads,
 * anything deeper runs sequentially in the thread. */
static void dlc_map_loops(MlirOperation op, int depth) {
  for (intptr_t r = 0; r < mlirOperationGetNumRegions(op); ++r) {
    for (MlirBlock b = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, r)); !mlirBlockIsNull(b); b = mlirBlockGetNextInRegion(b)) {
      for (MlirOperation child = mlirBlockGetFirstOperation(b); !mlirOperationIsNull(child);
           child = mlirOperationGetNextInBlock(child)) {
        bool parallel = dlc_sref_eq(mlirIdentifierStr(mlirOperationGetName(child)), "scf.parallel");
        if (parallel) {
          int rank = (int)mlirBlockGetNumArguments(mlirRegionGetFirstBlock(mlirOperationGetRegion(child, 0)));
          MlirContext ctx = mlirOperationGetContext(child);
          MlirAttribute mapping = depth < 2 ? dlc_mapping(ctx, rank, depth == 1) : mlirAttributeGetNull();
          if (!mlirAttributeIsNull(mapping)) mlirOperationSetAttributeByName(child, dlc_sref("mapping"), mapping);
        }
        dlc_map_loops(child, parallel ? depth + 1 : depth);
      }
    }
  }
}

static bool dlc_tile_function(MlirOperation fn) {
  int rank = 0;
  mlirOperationWalk(fn, dlc_max_parallel_rank, &rank, MlirWalkPreOrder);
  if (rank == 0) return true;
  int64_t sizes[16];
  dlc_strbuf_t pipeline;
  dlc_strbuf_init(&pipeline);
  dlc_strbuf_append(&pipeline, "scf-parallel-loop-tiling{no-min-max-bounds=true parallel-loop-tile-sizes=");
  for (int d = 0; d < rank && d < 16; ++d) {
    sizes[d] = d == rank - 1 ? DLC_GPU_BLOCK : 1;
    dlc_strbuf_appendf(&pipeline, "%s%lld", d ? "," : "", (long long)sizes[d]);
  }
  dlc_strbuf_append(&pipeline, "}");
  MlirContext ctx = mlirOperationGetContext(fn);
  mlirOperationSetAttributeByName(fn, dlc_sref("dlc.gpu_tile"), mlirDenseI64ArrayGet(ctx, rank < 16 ? rank : 16, sizes));
  MlirPassManager pm = mlirPassManagerCreateOnOperation(ctx, dlc_sref("func.func"));
  bool ok = mlirLogicalResultIsSuccess(mlirOpPassManagerAddPipeline(mlirPassManagerGetAsOpPassManager(pm),
                                                                    dlc_sref(dlc_strbuf_cstr(&pipeline)), NULL, NULL)) &&
            mlirLogicalResultIsSuccess(mlirPassManagerRunOnOp(pm, fn));
  mlirPassManagerDestroy(pm);
  dlc_strbuf_free(&pipeline);
  if (ok) dlc_map_loops(fn, 0);
  return ok;
}

bool dlc_run_gpu_tile_loops(MlirOperation module) {
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(module, 0));
  for (MlirOperation op = mlirBlockGetFirstOperation(body); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op))
    if (dlc_sref_eq(mlirIdentifierStr(mlirOperationGetName(op)), "func.func") && !dlc_tile_function(op)) {
      mlirEmitError(mlirOperationGetLocation(op), "dlc-gpu-tile-loops: tiling the parallel loops failed");
      return false;
    }
  return true;
}
