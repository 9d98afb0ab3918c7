// Multi-GEMM gemm_chain groups (MLP blocks) for gemm_chain_sim.test: each public function calls one
// group that --dlc-lower-to-gpu turns into one gpu.launch (emit_gemm_chain_kernel.c).
// mlp_relu: 3 layers (64 -> 128 -> 128 -> 8), M = 1, weights [N, K] (transpose_b), bias + relu.
func.func @mlp_relu(%x: tensor<1x64xf32>, %w0: tensor<128x64xf32>, %b0: tensor<128xf32>, %w1: tensor<128x128xf32>, %b1: tensor<128xf32>, %w2: tensor<8x128xf32>, %b2: tensor<8xf32>) -> tensor<1x8xf32> {
  %0 = call @mlp_relu_chain(%x, %w0, %b0, %w1, %b1, %w2, %b2) : (tensor<1x64xf32>, tensor<128x64xf32>, tensor<128xf32>, tensor<128x128xf32>, tensor<128xf32>, tensor<8x128xf32>, tensor<8xf32>) -> tensor<1x8xf32>
  return %0 : tensor<1x8xf32>
}
func.func private @mlp_relu_chain(%x: tensor<1x64xf32>, %w0: tensor<128x64xf32>, %b0: tensor<128xf32>, %w1: tensor<128x128xf32>, %b1: tensor<128xf32>, %w2: tensor<8x128xf32>, %b2: tensor<8xf32>) -> tensor<1x8xf32> attributes {dlc.fusion = {kind = "gemm_chain"}} {
  %0 = "dlc.matmul"(%x, %w0) {transpose_a = false, transpose_b = true} : (tensor<1x64xf32>, tensor<128x64xf32>) -> tensor<1x128xf32>
  %1 = "dlc.add"(%0, %b0) : (tensor<1x128xf32>, tensor<128xf32>) -> tensor<1x128xf32>
  %2 = "dlc.relu"(%1) : (tensor<1x128xf32>) -> tensor<1x128xf32>
  %3 = "dlc.matmul"(%2, %w1) {transpose_a = false, transpose_b = true} : (tensor<1x128xf32>, tensor<128x128xf32>) -> tensor<1x128xf32>
  %4 = "dlc.add"(%3, %b1) : (tensor<1x128xf32>, tensor<128xf32>) -> tensor<1x128xf32>
  %5 = "dlc.relu"(%4) : (tensor<1x128xf32>) -> tensor<1x128xf32>
  %6 = "dlc.matmul"(%5, %w2) {transpose_a = false, transpose_b = true} : (tensor<1x128xf32>, tensor<8x128xf32>) -> tensor<1x8xf32>
  %7 = "dlc.add"(%6, %b2) : (tensor<1x8xf32>, tensor<8xf32>) -> tensor<1x8xf32>
  return %7 : tensor<1x8xf32>
}
// mlp_gelu_dyn: dynamic M (rows over several blocks, a partial last block), weights [K, N], erf gelu
// written out as ops with rank-0 constants, 2 layers 30 -> 40 -> 24 (N not a multiple of 32; K = 30:
// the scalar k-loop, K = 40: four k per iteration with vector loads).
func.func @mlp_gelu_dyn(%x: tensor<?x30xf32>, %w0: tensor<30x40xf32>, %b0: tensor<40xf32>, %s2: tensor<f32>, %one: tensor<f32>, %half: tensor<f32>, %w1: tensor<40x24xf32>, %b1: tensor<1x24xf32>) -> tensor<?x24xf32> {
  %0 = call @mlp_gelu_chain(%x, %w0, %b0, %s2, %one, %half, %w1, %b1) : (tensor<?x30xf32>, tensor<30x40xf32>, tensor<40xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<40x24xf32>, tensor<1x24xf32>) -> tensor<?x24xf32>
  return %0 : tensor<?x24xf32>
}
func.func private @mlp_gelu_chain(%x: tensor<?x30xf32>, %w0: tensor<30x40xf32>, %b0: tensor<40xf32>, %s2: tensor<f32>, %one: tensor<f32>, %half: tensor<f32>, %w1: tensor<40x24xf32>, %b1: tensor<1x24xf32>) -> tensor<?x24xf32> attributes {dlc.fusion = {kind = "gemm_chain"}} {
  %0 = "dlc.matmul"(%x, %w0) : (tensor<?x30xf32>, tensor<30x40xf32>) -> tensor<?x40xf32>
  %1 = "dlc.add"(%0, %b0) : (tensor<?x40xf32>, tensor<40xf32>) -> tensor<?x40xf32>
  %2 = "dlc.div"(%1, %s2) : (tensor<?x40xf32>, tensor<f32>) -> tensor<?x40xf32>
  %3 = "dlc.erf"(%2) : (tensor<?x40xf32>) -> tensor<?x40xf32>
  %4 = "dlc.add"(%3, %one) : (tensor<?x40xf32>, tensor<f32>) -> tensor<?x40xf32>
  %5 = "dlc.mul"(%1, %4) : (tensor<?x40xf32>, tensor<?x40xf32>) -> tensor<?x40xf32>
  %6 = "dlc.mul"(%5, %half) : (tensor<?x40xf32>, tensor<f32>) -> tensor<?x40xf32>
  %7 = "dlc.matmul"(%6, %w1) : (tensor<?x40xf32>, tensor<40x24xf32>) -> tensor<?x24xf32>
  %8 = "dlc.add"(%7, %b1) : (tensor<?x24xf32>, tensor<1x24xf32>) -> tensor<?x24xf32>
  return %8 : tensor<?x24xf32>
}
// mlp_residual: M = 20 static (two blocks of 16 rows), an epilogue operand per row ([M, N] residual),
// a trailing activation after the last GEMM, 3 layers 32 -> 64 -> 64 -> 16.
func.func @mlp_residual(%x: tensor<20x32xf32>, %w0: tensor<32x64xf32>, %r: tensor<20x64xf32>, %w1: tensor<64x64xf32>, %w2: tensor<64x16xf32>) -> tensor<20x16xf32> {
  %0 = call @mlp_residual_chain(%x, %w0, %r, %w1, %w2) : (tensor<20x32xf32>, tensor<32x64xf32>, tensor<20x64xf32>, tensor<64x64xf32>, tensor<64x16xf32>) -> tensor<20x16xf32>
  return %0 : tensor<20x16xf32>
}
func.func private @mlp_residual_chain(%x: tensor<20x32xf32>, %w0: tensor<32x64xf32>, %r: tensor<20x64xf32>, %w1: tensor<64x64xf32>, %w2: tensor<64x16xf32>) -> tensor<20x16xf32> attributes {dlc.fusion = {kind = "gemm_chain"}} {
  %0 = "dlc.matmul"(%x, %w0) : (tensor<20x32xf32>, tensor<32x64xf32>) -> tensor<20x64xf32>
  %1 = "dlc.add"(%0, %r) : (tensor<20x64xf32>, tensor<20x64xf32>) -> tensor<20x64xf32>
  %2 = "dlc.tanh"(%1) : (tensor<20x64xf32>) -> tensor<20x64xf32>
  %3 = "dlc.matmul"(%2, %w1) : (tensor<20x64xf32>, tensor<64x64xf32>) -> tensor<20x64xf32>
  %4 = "dlc.relu"(%3) : (tensor<20x64xf32>) -> tensor<20x64xf32>
  %5 = "dlc.matmul"(%4, %w2) : (tensor<20x64xf32>, tensor<64x16xf32>) -> tensor<20x16xf32>
  %6 = "dlc.relu"(%5) : (tensor<20x16xf32>) -> tensor<20x16xf32>
  return %6 : tensor<20x16xf32>
}
// tb_mixed: dynamic M (16 rows per block: 16 partial sums per lane), transposed weights with K = 100
// (16-byte loads, K not a multiple of 128: lanes 25..31 idle) and K = 256 (two k steps per lane), a
// layer of N = 10 (< 32 columns), erf gelu written out, relu, then a layer with weights [K, N] (K = 10:
// scalar k-loop, one thread per column) and a per-row residual operand.
func.func @tb_mixed(%x: tensor<?x100xf32>, %w0: tensor<256x100xf32>, %b0: tensor<256xf32>, %s2: tensor<f32>, %one: tensor<f32>, %half: tensor<f32>, %w1: tensor<10x256xf32>, %b1: tensor<10xf32>, %w2: tensor<10x24xf32>, %r: tensor<?x24xf32>) -> tensor<?x24xf32> {
  %0 = call @tb_mixed_chain(%x, %w0, %b0, %s2, %one, %half, %w1, %b1, %w2, %r) : (tensor<?x100xf32>, tensor<256x100xf32>, tensor<256xf32>, tensor<f32>, tensor<f32>, tensor<f32>, tensor<10x256xf32>, tensor<10xf32>, tensor<10x24xf32>, tensor<?x24xf32>) -> tensor<?x24xf32>
  return %0 : tensor<?x24xf32>
}
func.func private @tb_mixed_chain(%x: tensor<?x100xf32>, %w0: tensor<256x100xf32>, %b0: tensor<256xf32>, %s2: tensor<f32>, %one: tensor<f32>, %half: tensor<f32>, %w1: tensor<10x256xf32>, %b1: tensor<10xf32>, %w2: tensor<10x24xf32>, %r: tensor<?x24xf32>) -> tensor<?x24xf32> attributes {dlc.fusion = {kind = "gemm_chain"}} {
  %0 = "dlc.matmul"(%x, %w0) {transpose_a = false, transpose_b = true} : (tensor<?x100xf32>, tensor<256x100xf32>) -> tensor<?x256xf32>
  %1 = "dlc.add"(%0, %b0) : (tensor<?x256xf32>, tensor<256xf32>) -> tensor<?x256xf32>
  %2 = "dlc.div"(%1, %s2) : (tensor<?x256xf32>, tensor<f32>) -> tensor<?x256xf32>
  %3 = "dlc.erf"(%2) : (tensor<?x256xf32>) -> tensor<?x256xf32>
  %4 = "dlc.add"(%3, %one) : (tensor<?x256xf32>, tensor<f32>) -> tensor<?x256xf32>
  %5 = "dlc.mul"(%1, %4) : (tensor<?x256xf32>, tensor<?x256xf32>) -> tensor<?x256xf32>
  %6 = "dlc.mul"(%5, %half) : (tensor<?x256xf32>, tensor<f32>) -> tensor<?x256xf32>
  %7 = "dlc.matmul"(%6, %w1) {transpose_a = false, transpose_b = true} : (tensor<?x256xf32>, tensor<10x256xf32>) -> tensor<?x10xf32>
  %8 = "dlc.add"(%7, %b1) : (tensor<?x10xf32>, tensor<10xf32>) -> tensor<?x10xf32>
  %9 = "dlc.relu"(%8) : (tensor<?x10xf32>) -> tensor<?x10xf32>
  %10 = "dlc.matmul"(%9, %w2) : (tensor<?x10xf32>, tensor<10x24xf32>) -> tensor<?x24xf32>
  %11 = "dlc.add"(%10, %r) : (tensor<?x24xf32>, tensor<?x24xf32>) -> tensor<?x24xf32>
  return %11 : tensor<?x24xf32>
}
// tb_rows3: M = 3 static (3 rows per block), transposed weights throughout: K = 30 (K % 4 != 0:
// scalar loads, lanes k = l, l + 32), K = 40, K = 64; N = 40 (3 columns per warp: 9 values, an odd
// count: no halving step), N = 64 (4 columns: 12 values, two halving steps), N = 10; a bias of shape
// [1, N], tanh, a per-row residual in the middle layer, relu.
func.func @tb_rows3(%x: tensor<3x30xf32>, %w0: tensor<40x30xf32>, %b0: tensor<1x40xf32>, %w1: tensor<64x40xf32>, %r: tensor<3x64xf32>, %w2: tensor<10x64xf32>) -> tensor<3x10xf32> {
  %0 = call @tb_rows3_chain(%x, %w0, %b0, %w1, %r, %w2) : (tensor<3x30xf32>, tensor<40x30xf32>, tensor<1x40xf32>, tensor<64x40xf32>, tensor<3x64xf32>, tensor<10x64xf32>) -> tensor<3x10xf32>
  return %0 : tensor<3x10xf32>
}
func.func private @tb_rows3_chain(%x: tensor<3x30xf32>, %w0: tensor<40x30xf32>, %b0: tensor<1x40xf32>, %w1: tensor<64x40xf32>, %r: tensor<3x64xf32>, %w2: tensor<10x64xf32>) -> tensor<3x10xf32> attributes {dlc.fusion = {kind = "gemm_chain"}} {
  %0 = "dlc.matmul"(%x, %w0) {transpose_a = false, transpose_b = true} : (tensor<3x30xf32>, tensor<40x30xf32>) -> tensor<3x40xf32>
  %1 = "dlc.add"(%0, %b0) : (tensor<3x40xf32>, tensor<1x40xf32>) -> tensor<3x40xf32>
  %2 = "dlc.tanh"(%1) : (tensor<3x40xf32>) -> tensor<3x40xf32>
  %3 = "dlc.matmul"(%2, %w1) {transpose_a = false, transpose_b = true} : (tensor<3x40xf32>, tensor<64x40xf32>) -> tensor<3x64xf32>
  %4 = "dlc.add"(%3, %r) : (tensor<3x64xf32>, tensor<3x64xf32>) -> tensor<3x64xf32>
  %5 = "dlc.matmul"(%4, %w2) {transpose_a = false, transpose_b = true} : (tensor<3x64xf32>, tensor<10x64xf32>) -> tensor<3x10xf32>
  %6 = "dlc.relu"(%5) : (tensor<3x10xf32>) -> tensor<3x10xf32>
  return %6 : tensor<3x10xf32>
}
// tb_rows5 / tb_rows8: M = 5 and 8 static (2 columns per warp: 10 and 16 values per lane), K = 64 and
// 128, N = 128 and N = 8, bias + relu.
func.func @tb_rows5(%x: tensor<5x64xf32>, %w0: tensor<128x64xf32>, %b0: tensor<128xf32>, %w1: tensor<8x128xf32>) -> tensor<5x8xf32> {
  %0 = call @tb_rows5_chain(%x, %w0, %b0, %w1) : (tensor<5x64xf32>, tensor<128x64xf32>, tensor<128xf32>, tensor<8x128xf32>) -> tensor<5x8xf32>
  return %0 : tensor<5x8xf32>
}
func.func private @tb_rows5_chain(%x: tensor<5x64xf32>, %w0: tensor<128x64xf32>, %b0: tensor<128xf32>, %w1: tensor<8x128xf32>) -> tensor<5x8xf32> attributes {dlc.fusion = {kind = "gemm_chain"}} {
  %0 = "dlc.matmul"(%x, %w0) {transpose_a = false, transpose_b = true} : (tensor<5x64xf32>, tensor<128x64xf32>) -> tensor<5x128xf32>
  %1 = "dlc.add"(%0, %b0) : (tensor<5x128xf32>, tensor<128xf32>) -> tensor<5x128xf32>
  %2 = "dlc.relu"(%1) : (tensor<5x128xf32>) -> tensor<5x128xf32>
  %3 = "dlc.matmul"(%2, %w1) {transpose_a = false, transpose_b = true} : (tensor<5x128xf32>, tensor<8x128xf32>) -> tensor<5x8xf32>
  return %3 : tensor<5x8xf32>
}
func.func @tb_rows8(%x: tensor<8x64xf32>, %w0: tensor<128x64xf32>, %b0: tensor<128xf32>, %w1: tensor<8x128xf32>) -> tensor<8x8xf32> {
  %0 = call @tb_rows8_chain(%x, %w0, %b0, %w1) : (tensor<8x64xf32>, tensor<128x64xf32>, tensor<128xf32>, tensor<8x128xf32>) -> tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}
func.func private @tb_rows8_chain(%x: tensor<8x64xf32>, %w0: tensor<128x64xf32>, %b0: tensor<128xf32>, %w1: tensor<8x128xf32>) -> tensor<8x8xf32> attributes {dlc.fusion = {kind = "gemm_chain"}} {
  %0 = "dlc.matmul"(%x, %w0) {transpose_a = false, transpose_b = true} : (tensor<8x64xf32>, tensor<128x64xf32>) -> tensor<8x128xf32>
  %1 = "dlc.add"(%0, %b0) : (tensor<8x128xf32>, tensor<128xf32>) -> tensor<8x128xf32>
  %2 = "dlc.relu"(%1) : (tensor<8x128xf32>) -> tensor<8x128xf32>
  %3 = "dlc.matmul"(%2, %w1) {transpose_a = false, transpose_b = true} : (tensor<8x128xf32>, tensor<8x128xf32>) -> tensor<8x8xf32>
  return %3 : tensor<8x8xf32>
}
// nt_rows2: M = 2 static, weights [K, N] with K = 40 (eight k per iteration: two 16-byte vectors per
// row), then transposed weights [36, 24], then [K, N] with K = 36 (36 % 8 != 0: four k per iteration).
func.func @nt_rows2(%x: tensor<2x40xf32>, %w0: tensor<40x24xf32>, %b0: tensor<24xf32>, %w1: tensor<36x24xf32>, %w2: tensor<36x12xf32>) -> tensor<2x12xf32> {
  %0 = call @nt_rows2_chain(%x, %w0, %b0, %w1, %w2) : (tensor<2x40xf32>, tensor<40x24xf32>, tensor<24xf32>, tensor<36x24xf32>, tensor<36x12xf32>) -> tensor<2x12xf32>
  return %0 : tensor<2x12xf32>
}
func.func private @nt_rows2_chain(%x: tensor<2x40xf32>, %w0: tensor<40x24xf32>, %b0: tensor<24xf32>, %w1: tensor<36x24xf32>, %w2: tensor<36x12xf32>) -> tensor<2x12xf32> attributes {dlc.fusion = {kind = "gemm_chain"}} {
  %0 = "dlc.matmul"(%x, %w0) : (tensor<2x40xf32>, tensor<40x24xf32>) -> tensor<2x24xf32>
  %1 = "dlc.add"(%0, %b0) : (tensor<2x24xf32>, tensor<24xf32>) -> tensor<2x24xf32>
  %2 = "dlc.relu"(%1) : (tensor<2x24xf32>) -> tensor<2x24xf32>
  %3 = "dlc.matmul"(%2, %w1) {transpose_a = false, transpose_b = true} : (tensor<2x24xf32>, tensor<36x24xf32>) -> tensor<2x36xf32>
  %4 = "dlc.tanh"(%3) : (tensor<2x36xf32>) -> tensor<2x36xf32>
  %5 = "dlc.matmul"(%4, %w2) : (tensor<2x36xf32>, tensor<36x12xf32>) -> tensor<2x12xf32>
  return %5 : tensor<2x12xf32>
}
