// Attention snippets for attention_kernel_simt.test: --dlc-fuse-gemm-chain forms one "attention"
// group in each, dlc-lower-to-gpu emits the kernel, Inputs/attention_simt.py runs it against numpy.

// bert-like: [1,16,2,64] heads split by transposes, K^T by perm (0,2,3,1), scale 1/8, no mask.
func.func @bert_static(%q: tensor<1x16x2x64xf32>, %k: tensor<1x16x2x64xf32>, %v: tensor<1x16x2x64xf32>) -> tensor<1x16x2x64xf32> {
  %qt = "dlc.transpose"(%q) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x16x2x64xf32>) -> tensor<1x2x16x64xf32>
  %vt = "dlc.transpose"(%v) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x16x2x64xf32>) -> tensor<1x2x16x64xf32>
  %kt = "dlc.transpose"(%k) {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x16x2x64xf32>) -> tensor<1x2x64x16xf32>
  %s = "dlc.matmul"(%qt, %kt) : (tensor<1x2x16x64xf32>, tensor<1x2x64x16xf32>) -> tensor<1x2x16x16xf32>
  %c = "dlc.constant"() {value = dense<8.0> : tensor<f32>} : () -> tensor<f32>
  %d = "dlc.div"(%s, %c) : (tensor<1x2x16x16xf32>, tensor<f32>) -> tensor<1x2x16x16xf32>
  %p = "dlc.softmax"(%d) {axis = 3 : i64} : (tensor<1x2x16x16xf32>) -> tensor<1x2x16x16xf32>
  %o = "dlc.matmul"(%p, %vt) : (tensor<1x2x16x16xf32>, tensor<1x2x16x64xf32>) -> tensor<1x2x16x64xf32>
  %ot = "dlc.transpose"(%o) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x2x16x64xf32>) -> tensor<1x16x2x64xf32>
  return %ot : tensor<1x16x2x64xf32>
}

// gpt-like: dynamic sequence, causal mask read from an i1 tensor (where -1e4).
func.func @gpt_causal_dyn(%q: tensor<1x?x4x64xf32>, %k: tensor<1x?x4x64xf32>, %v: tensor<1x?x4x64xf32>, %m: tensor<?x?xi1>) -> tensor<1x?x4x64xf32> {
  %qt = "dlc.transpose"(%q) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x?x4x64xf32>) -> tensor<1x4x?x64xf32>
  %vt = "dlc.transpose"(%v) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x?x4x64xf32>) -> tensor<1x4x?x64xf32>
  %kt = "dlc.transpose"(%k) {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x?x4x64xf32>) -> tensor<1x4x64x?xf32>
  %s = "dlc.matmul"(%qt, %kt) : (tensor<1x4x?x64xf32>, tensor<1x4x64x?xf32>) -> tensor<1x4x?x?xf32>
  %c = "dlc.constant"() {value = dense<8.0> : tensor<f32>} : () -> tensor<f32>
  %d = "dlc.div"(%s, %c) : (tensor<1x4x?x?xf32>, tensor<f32>) -> tensor<1x4x?x?xf32>
  %f = "dlc.constant"() {value = dense<-1.0e4> : tensor<f32>} : () -> tensor<f32>
  %w = "dlc.where"(%m, %f, %d) : (tensor<?x?xi1>, tensor<f32>, tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32>
  %p = "dlc.softmax"(%w) {axis = 3 : i64} : (tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32>
  %o = "dlc.matmul"(%p, %vt) : (tensor<1x4x?x?xf32>, tensor<1x4x?x64xf32>) -> tensor<1x4x?x64xf32>
  %ot = "dlc.transpose"(%o) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x4x?x64xf32>) -> tensor<1x?x4x64xf32>
  return %ot : tensor<1x?x4x64xf32>
}

// asr-like: dynamic sequence, head dim 36 (partial lanes), no mask.
func.func @asr_dyn_d36(%q: tensor<1x?x4x36xf32>, %k: tensor<1x?x4x36xf32>, %v: tensor<1x?x4x36xf32>) -> tensor<1x?x4x36xf32> {
  %qt = "dlc.transpose"(%q) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x?x4x36xf32>) -> tensor<1x4x?x36xf32>
  %vt = "dlc.transpose"(%v) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x?x4x36xf32>) -> tensor<1x4x?x36xf32>
  %kt = "dlc.transpose"(%k) {perm = array<i64: 0, 2, 3, 1>} : (tensor<1x?x4x36xf32>) -> tensor<1x4x36x?xf32>
  %s = "dlc.matmul"(%qt, %kt) : (tensor<1x4x?x36xf32>, tensor<1x4x36x?xf32>) -> tensor<1x4x?x?xf32>
  %c = "dlc.constant"() {value = dense<6.0> : tensor<f32>} : () -> tensor<f32>
  %d = "dlc.div"(%s, %c) : (tensor<1x4x?x?xf32>, tensor<f32>) -> tensor<1x4x?x?xf32>
  %p = "dlc.softmax"(%d) {axis = 3 : i64} : (tensor<1x4x?x?xf32>) -> tensor<1x4x?x?xf32>
  %o = "dlc.matmul"(%p, %vt) : (tensor<1x4x?x?xf32>, tensor<1x4x?x36xf32>) -> tensor<1x4x?x36xf32>
  %ot = "dlc.transpose"(%o) {perm = array<i64: 0, 2, 1, 3>} : (tensor<1x4x?x36xf32>) -> tensor<1x?x4x36xf32>
  return %ot : tensor<1x?x4x36xf32>
}

// Head-major inputs (no transposes), scale by mul, additive f32 mask broadcast over heads, Sq = 10
// (not a multiple of the 4 rows per block), Sk = 40, Dv = 100 (4 registers, the last partial).
func.func @additive_mask(%q: tensor<2x3x10x16xf32>, %k: tensor<2x3x16x40xf32>, %v: tensor<2x3x40x100xf32>, %m: tensor<2x1x10x40xf32>) -> tensor<2x3x10x100xf32> {
  %s = "dlc.matmul"(%q, %k) : (tensor<2x3x10x16xf32>, tensor<2x3x16x40xf32>) -> tensor<2x3x10x40xf32>
  %c = "dlc.constant"() {value = dense<0.25> : tensor<f32>} : () -> tensor<f32>
  %d = "dlc.mul"(%c, %s) : (tensor<f32>, tensor<2x3x10x40xf32>) -> tensor<2x3x10x40xf32>
  %a = "dlc.add"(%d, %m) : (tensor<2x3x10x40xf32>, tensor<2x1x10x40xf32>) -> tensor<2x3x10x40xf32>
  %p = "dlc.softmax"(%a) {axis = -1 : i64} : (tensor<2x3x10x40xf32>) -> tensor<2x3x10x40xf32>
  %o = "dlc.matmul"(%p, %v) : (tensor<2x3x10x40xf32>, tensor<2x3x40x100xf32>) -> tensor<2x3x10x100xf32>
  return %o : tensor<2x3x10x100xf32>
}

// K given untransposed with transpose_b, no scale, no mask, 9 query rows.
func.func @transpose_b(%q: tensor<1x2x9x32xf32>, %k: tensor<1x2x9x32xf32>, %v: tensor<1x2x9x32xf32>) -> tensor<1x2x9x32xf32> {
  %s = "dlc.matmul"(%q, %k) {transpose_b = true} : (tensor<1x2x9x32xf32>, tensor<1x2x9x32xf32>) -> tensor<1x2x9x9xf32>
  %p = "dlc.softmax"(%s) {axis = 3 : i64} : (tensor<1x2x9x9xf32>) -> tensor<1x2x9x9xf32>
  %o = "dlc.matmul"(%p, %v) : (tensor<1x2x9x9xf32>, tensor<1x2x9x32xf32>) -> tensor<1x2x9x32xf32>
  return %o : tensor<1x2x9x32xf32>
}

// Head dim 128 (the widest: 32 tile values per thread and operand), 70 keys (3 tiles, the last
// partial), scale by mul, K untransposed with transpose_b.
func.func @wide_d128(%q: tensor<1x2x6x128xf32>, %k: tensor<1x2x70x128xf32>, %v: tensor<1x2x70x128xf32>) -> tensor<1x2x6x128xf32> {
  %s = "dlc.matmul"(%q, %k) {transpose_b = true} : (tensor<1x2x6x128xf32>, tensor<1x2x70x128xf32>) -> tensor<1x2x6x70xf32>
  %c = "dlc.constant"() {value = dense<0.0884> : tensor<f32>} : () -> tensor<f32>
  %d = "dlc.mul"(%s, %c) : (tensor<1x2x6x70xf32>, tensor<f32>) -> tensor<1x2x6x70xf32>
  %p = "dlc.softmax"(%d) {axis = 3 : i64} : (tensor<1x2x6x70xf32>) -> tensor<1x2x6x70xf32>
  %o = "dlc.matmul"(%p, %v) : (tensor<1x2x6x70xf32>, tensor<1x2x70x128xf32>) -> tensor<1x2x6x128xf32>
  return %o : tensor<1x2x6x128xf32>
}

// Tiny head dims D = 3, Dv = 5 (the tile loads' threads past the head dim store nothing), a dynamic
// key length, Sq = 5.
func.func @tiny_dims_dyn(%q: tensor<1x1x5x3xf32>, %k: tensor<1x1x3x?xf32>, %v: tensor<1x1x?x5xf32>) -> tensor<1x1x5x5xf32> {
  %s = "dlc.matmul"(%q, %k) : (tensor<1x1x5x3xf32>, tensor<1x1x3x?xf32>) -> tensor<1x1x5x?xf32>
  %p = "dlc.softmax"(%s) {axis = 3 : i64} : (tensor<1x1x5x?xf32>) -> tensor<1x1x5x?xf32>
  %o = "dlc.matmul"(%p, %v) : (tensor<1x1x5x?xf32>, tensor<1x1x?x5xf32>) -> tensor<1x1x5x5xf32>
  return %o : tensor<1x1x5x5xf32>
}

// A static key length that is a multiple of the 64 keys per step: the tile loads without per-key
// clamps (the last step's prefetch reloads step 0); 2 steps, Dv = 24.
func.func @full_tiles(%q: tensor<1x1x8x16xf32>, %k: tensor<1x1x16x128xf32>, %v: tensor<1x1x128x24xf32>) -> tensor<1x1x8x24xf32> {
  %s = "dlc.matmul"(%q, %k) : (tensor<1x1x8x16xf32>, tensor<1x1x16x128xf32>) -> tensor<1x1x8x128xf32>
  %c = "dlc.constant"() {value = dense<0.25> : tensor<f32>} : () -> tensor<f32>
  %d = "dlc.mul"(%s, %c) : (tensor<1x1x8x128xf32>, tensor<f32>) -> tensor<1x1x8x128xf32>
  %p = "dlc.softmax"(%d) {axis = 3 : i64} : (tensor<1x1x8x128xf32>) -> tensor<1x1x8x128xf32>
  %o = "dlc.matmul"(%p, %v) : (tensor<1x1x8x128xf32>, tensor<1x1x128x24xf32>) -> tensor<1x1x8x24xf32>
  return %o : tensor<1x1x8x24xf32>
}

// The same with K untransposed (transpose_b: the key length is K's dim 2), 64 keys: one step.
func.func @full_tiles_tb(%q: tensor<1x2x5x32xf32>, %k: tensor<1x2x64x32xf32>, %v: tensor<1x2x64x32xf32>) -> tensor<1x2x5x32xf32> {
  %s = "dlc.matmul"(%q, %k) {transpose_b = true} : (tensor<1x2x5x32xf32>, tensor<1x2x64x32xf32>) -> tensor<1x2x5x64xf32>
  %p = "dlc.softmax"(%s) {axis = 3 : i64} : (tensor<1x2x5x64xf32>) -> tensor<1x2x5x64xf32>
  %o = "dlc.matmul"(%p, %v) : (tensor<1x2x5x64xf32>, tensor<1x2x64x32xf32>) -> tensor<1x2x5x32xf32>
  return %o : tensor<1x2x5x32xf32>
}
