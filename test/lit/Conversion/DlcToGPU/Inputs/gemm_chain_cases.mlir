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
