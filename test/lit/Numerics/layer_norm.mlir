// dlc-run numerics: residual add + layer norm with a dynamic sequence length.
// Inputs, weights and references come from Inputs/make_numerics.py (numpy, independent of DLC).
// REQUIRES: dlc-run, numpy
// RUN: dlc-run %s --input=@%S/Inputs/layer_norm_x.npy --input=@%S/Inputs/layer_norm_r.npy --output=@%t.npy
// RUN: %python %S/../Utils/allclose.py %t.npy %S/Inputs/layer_norm_ref.npy
func.func @main(%x: tensor<2x?x16xf32>, %r: tensor<2x?x16xf32>) -> tensor<2x?x16xf32> {
  %gamma = "dlc.constant"() {value = dense<[8.62836540e-01, 1.02991199e+00, 9.68026638e-01, 9.94018734e-01, 1.05687773e+00, 1.17562401e+00, 1.01947069e+00, 1.01243591e+00, 9.02663231e-01, 1.05833399e+00, 9.75392759e-01, 1.08320069e+00, 9.95629370e-01, 1.17408562e+00, 8.01708341e-01, 9.70340073e-01]> : tensor<16xf32>} : () -> tensor<16xf32>
  %beta = "dlc.constant"() {value = dense<[8.81481618e-02, -3.50692198e-02, -7.92173073e-02, -2.65880600e-02, -1.37992874e-01, 1.18953772e-02, 2.44046181e-01, 1.14503153e-01, -1.10900909e-01, -8.73341113e-02, -4.04727794e-02, 1.00441612e-01, -8.21487010e-02, -6.90231398e-02, 8.84749442e-02, 8.64652544e-02]> : tensor<16xf32>} : () -> tensor<16xf32>
  %h = "dlc.add"(%x, %r) : (tensor<2x?x16xf32>, tensor<2x?x16xf32>) -> tensor<2x?x16xf32>
  %y = "dlc.layer_norm"(%h, %gamma, %beta) {axis = -1 : i64, epsilon = 1.0e-05 : f32} : (tensor<2x?x16xf32>, tensor<16xf32>, tensor<16xf32>) -> tensor<2x?x16xf32>
  return %y : tensor<2x?x16xf32>
}
