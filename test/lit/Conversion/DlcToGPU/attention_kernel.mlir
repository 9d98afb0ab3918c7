// An "attention" fusion group (formed by --dlc-fuse-gemm-chain) becomes ONE gpu.launch: no cuBLASLt
// call, no transpose kernel (the transposes of Q, K, V and of the output are read/written as strides),
// the loop over key tiles (32 keys: K and V rows stored by the block into dynamic shared memory from
// registers loaded one tile ahead, the warps' query rows there too) carries the online-softmax state
// (max, per-lane sum, accumulators) and the prefetched values: lane l scores key l of the tile (dot
// product unrolled), the warp combines the max with xor shuffles, p of each key is broadcast with
// shuffle idx for the unrolled P.V accumulation; the mask is read from its i1 tensor. What is not
// formed stays library GEMMs + kernels.
// RUN: dlc-opt %s --dlc-fuse-gemm-chain --dlc-dce --dlc-lower-to-gpu --dlc-explain 2>%t.explain | FileCheck %s
// RUN: FileCheck %s --check-prefix=EXPLAIN < %t.explain

// CHECK-LABEL: func.func @bert_like(
// CHECK-NEXT: call @bert_like_attention_0(%arg0, %arg2, %arg1)
// CHECK-NEXT: return
// CHECK-LABEL: func.func private @bert_like_attention_0(
// CHECK-SAME: kind = "attention"
// CHECK-SAME: dlc.gpu_kernel
// CHECK-NOT: "dlc.
// CHECK-NOT: call
// Two warps per query row (key splits): 256 threads, two 32-key tiles of K [64][68] (pitch 4 mod 8:
// aligned conflict-free vector<4> reads) and V [64][64], the query rows [4][64] and the merge area
// [4][66]: 8968 floats (35 KiB).
// CHECK: gpu.launch {{.*}} threads({{.*}}) in (%{{.*}} = %c256{{.*}} dynamic_shared_memory_size %c35872_i32
// CHECK: memref.view {{.*}} to memref<8968xf32, #gpu.address_space<workgroup>>
// CHECK: memref.store {{.*}} #gpu.address_space<workgroup>
// The first tile's K and V values (16 + 16 per thread), unless there are no keys.
// CHECK: scf.if {{.*}} -> (f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32) {
// CHECK-COUNT-32: memref.load {{.*}} : memref<?xf32>
// CHECK: } else {
// The key loop (64 keys a step: a 32-key tile per split) carries max, the lane's sum, 2 accumulators
// and the 32 prefetched values; its
// body has no inner loop: stores of this tile, barrier, the next tile's 32 loads, the unrolled dot
// product (64 FMAs), the tile max (5 xor shuffles), 2 exps, the unrolled P.V (32 shuffle idx, 64 FMAs).
// CHECK: scf.for {{.*}} step %c64{{.*}} iter_args({{.*}}) -> (f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32) {
// CHECK-NOT: scf.for
// CHECK-COUNT-32: memref.store {{.*}} #gpu.address_space<workgroup>
// CHECK-NOT: scf.for
// CHECK: "bar.sync 0;"
// CHECK-NOT: scf.for
// CHECK-COUNT-32: memref.load {{.*}} : memref<?xf32>
// CHECK-NOT: scf.for
// CHECK: vector.load %view[{{.*}}] {alignment = 16 : i64} : memref<8968xf32, #gpu.address_space<workgroup>>, vector<4xf32>
// CHECK-COUNT-64: math.fma
// CHECK-NOT: scf.for
// CHECK-COUNT-5: gpu.shuffle  xor
// CHECK-NOT: gpu.shuffle  xor
// CHECK: math.exp
// CHECK: math.exp
// CHECK-NOT: gpu.shuffle  xor
// CHECK-COUNT-32: gpu.shuffle  idx
// CHECK-NOT: scf.for
// CHECK: "bar.sync 0;"
// CHECK-NEXT: scf.yield
// The sum of the lanes' parts once, after the loop; split 1 leaves (m, l, acc) in shared memory,
// split 0 merges them (2 exps) and stores O = acc / l.
// CHECK-COUNT-5: gpu.shuffle  xor
// CHECK: scf.if
// CHECK: memref.store {{.*}} #gpu.address_space<workgroup>
// CHECK: "bar.sync 0;"
// CHECK: memref.load {{.*}} #gpu.address_space<workgroup>
// CHECK: math.exp
// CHECK: math.exp
// CHECK: arith.divf
// CHECK: memref.store
// CHECK: arith.divf
// CHECK: memref.store
// CHECK-NOT: gpu.launch
// CHECK-NOT: "dlc.
// CHECK: return
// The estimate is bound by the serial key steps of a warp: 128 keys = 2 steps of 0.6 us, + 4 us launch.
// EXPLAIN: fuse-gemm-chain: attention dlc.matmul@BertQK -> dlc.matmul@BertPV: formed (8 ops, 4 transposes absorbed; 5.20 us fused
func.func @bert_like(%q: tensor<1x128x2x64xf32>, %k: tensor<1x128x2x64xf32>, %v: tensor<1x128x2x64xf32>) -> tensor<1x128x2x64xf32> {
  %qt = "dlc.transpose"(%q) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x128x2x64xf32>) -> tensor<1x2x128x64xf32>
  %vt = "dlc.transpose"(%v) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x128x2x64xf32>) -> tensor<1x2x128x64xf32>
  %kt = "dlc.transpose"(%k) {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x128x2x64xf32>) -> tensor<1x2x64x128xf32>
  %s = "dlc.matmul"(%qt, %kt) : (tensor<1x2x128x64xf32>, tensor<1x2x64x128xf32>) -> tensor<1x2x128x128xf32> loc("BertQK")
  %c = "dlc.constant"() {value = dense<8.0> : tensor<f32>} : () -> tensor<f32>
  %d = "dlc.div"(%s, %c) : (tensor<1x2x128x128xf32>, tensor<f32>) -> tensor<1x2x128x128xf32>
  %p = "dlc.softmax"(%d) {axis = 3 : i64} : (tensor<1x2x128x128xf32>) -> tensor<1x2x128x128xf32>
  %o = "dlc.matmul"(%p, %vt) : (tensor<1x2x128x128xf32>, tensor<1x2x128x64xf32>) -> tensor<1x2x128x64xf32> loc("BertPV")
  %ot = "dlc.transpose"(%o) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x2x128x64xf32>) -> tensor<1x128x2x64xf32>
  return %ot : tensor<1x128x2x64xf32>
}

// Causal gpt-like block with a dynamic sequence: the mask is an input (i1 loads), sizes from memref.dim.
// CHECK-LABEL: func.func @gpt_like(
// CHECK-NEXT: call @gpt_like_attention_0(
// CHECK-NEXT: return
// CHECK-LABEL: func.func private @gpt_like_attention_0(
// CHECK-NOT: "dlc.
// CHECK: memref.dim
// CHECK: gpu.launch
// CHECK: scf.for
// CHECK: memref.load {{.*}} : memref<?xi1>
// CHECK: arith.select
// CHECK: scf.yield
// CHECK-NOT: gpu.launch
// CHECK-NOT: "dlc.
// CHECK: return
// EXPLAIN: fuse-gemm-chain: attention dlc.matmul@GptQK -> dlc.matmul@GptPV: formed (9 ops, 4 transposes absorbed;
func.func @gpt_like(%q: tensor<1x?x4x64xf32>, %k: tensor<1x?x4x64xf32>, %v: tensor<1x?x4x64xf32>, %m: tensor<?x?xi1>) -> tensor<1x?x4x64xf32> {
  %qt = "dlc.transpose"(%q) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x?x4x64xf32>) -> tensor<1x4x?x64xf32>
  %vt = "dlc.transpose"(%v) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x?x4x64xf32>) -> tensor<1x4x?x64xf32>
  %kt = "dlc.transpose"(%k) {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x?x4x64xf32>) -> tensor<1x4x64x?xf32>
  %s = "dlc.matmul"(%qt, %kt) : (tensor<1x4x?x64xf32>, tensor<1x4x64x?xf32>) -> tensor<1x4x?x?xf32> loc("GptQK")
  %c = "dlc.constant"() {value = dense<8.0> : tensor<f32>} : () -> tensor<f32>
  %d = "dlc.div"(%s, %c) : (tensor<1x4x?x?xf32>, tensor<f32>) -> tensor<1x4x?x?xf32>
  %f = "dlc.constant"() {value = dense<-1.0e4> : tensor<f32>} : () -> tensor<f32>
  %w = "dlc.where"(%m, %f, %d) : (tensor<?x?xi1>, tensor<f32>, tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32>
  %p = "dlc.softmax"(%w) {axis = 3 : i64} : (tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32>
  %o = "dlc.matmul"(%p, %vt) : (tensor<1x4x?x?xf32>, tensor<1x4x?x64xf32>) -> tensor<1x4x?x64xf32> loc("GptPV")
  %ot = "dlc.transpose"(%o) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x4x?x64xf32>) -> tensor<1x?x4x64xf32>
  return %ot : tensor<1x?x4x64xf32>
}

// Head dim 512: the per-row accumulator would not fit registers: not formed, the GEMMs stay library calls.
// CHECK-LABEL: func.func @head_dim_512(
// CHECK-NOT: attention
// CHECK: call @__dlc_gpu_matmul_
// CHECK: call @__dlc_gpu_matmul_
// CHECK: return
// EXPLAIN: fuse-gemm-chain: attention dlc.matmul@WideQK -> dlc.matmul@WidePV: not formed: head dims 512/512 are dynamic or above 128
func.func @head_dim_512(%q: tensor<1x2x16x512xf32>, %k: tensor<1x2x512x16xf32>, %v: tensor<1x2x16x512xf32>) -> tensor<1x2x16x512xf32> {
  %s = "dlc.matmul"(%q, %k) : (tensor<1x2x16x512xf32>, tensor<1x2x512x16xf32>) -> tensor<1x2x16x16xf32> loc("WideQK")
  %p = "dlc.softmax"(%s) {axis = 3 : i64} : (tensor<1x2x16x16xf32>) -> tensor<1x2x16x16xf32>
  %o = "dlc.matmul"(%p, %v) : (tensor<1x2x16x16xf32>, tensor<1x2x16x512xf32>) -> tensor<1x2x16x512xf32> loc("WidePV")
  return %o : tensor<1x2x16x512xf32>
}

// A softmax over a non-last axis is no attention row: not formed.
// CHECK-LABEL: func.func @softmax_axis2(
// CHECK-NOT: attention
// CHECK: call @__dlc_gpu_matmul_
// CHECK: return
// EXPLAIN: fuse-gemm-chain: attention dlc.matmul@Axis2QK: not formed: the softmax is not over the last axis
func.func @softmax_axis2(%q: tensor<1x2x16x32xf32>, %k: tensor<1x2x32x16xf32>, %v: tensor<1x2x16x32xf32>) -> tensor<1x2x16x32xf32> {
  %s = "dlc.matmul"(%q, %k) : (tensor<1x2x16x32xf32>, tensor<1x2x32x16xf32>) -> tensor<1x2x16x16xf32> loc("Axis2QK")
  %p = "dlc.softmax"(%s) {axis = 2 : i64} : (tensor<1x2x16x16xf32>) -> tensor<1x2x16x16xf32>
  %o = "dlc.matmul"(%p, %v) : (tensor<1x2x16x16xf32>, tensor<1x2x16x32xf32>) -> tensor<1x2x16x32xf32>
  return %o : tensor<1x2x16x32xf32>
}
