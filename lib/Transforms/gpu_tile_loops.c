/* --dlc-gpu-tile-loops: chooses the thread-block shape of every function's parallel loops and tiles
 * them for the upstream GPU mapping (gpu-map-parallel-loops + convert-parallel-loops-to-gpu): the
 * innermost (contiguous) loop dim gets DLC_GPU_BLOCK threads, outer dims one each, so consecutive
 * threads touch consecutive elements. Runs where each DlcToLinalg helper function still holds one
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
