// dlc-run numerics of the runtime-shape ops, all with dynamic dims: dlc.dim; dlc.reshape with two
// runtime dims computed from dlc.dim; dlc.fill whose dims come from dlc.dim; dlc.expand with runtime
// dims and a dynamic input dim that is 1 at run time (broadcast); dlc.range with a runtime limit
// (f32, and i64 counting down), and an empty range. (The rank-0 dim is returned as tensor<1xi64>:
// Utils/allclose.py cannot compare rank-0 arrays yet.)
// Inputs and numpy references come from Inputs/make_onnx_ops.py.
// RUN: dlc-run %s --input=@%S/Inputs/onnx_ops_shape_x.npy --input=@%S/Inputs/onnx_ops_shape_r.npy --input=@%S/Inputs/onnx_ops_shape_limit.npy --input=@%S/Inputs/onnx_ops_shape_n.npy --output=@%t.dim.npy --output=@%t.reshape.npy --output=@%t.fill.npy --output=@%t.expand.npy --output=@%t.expand_dyn.npy --output=@%t.range_f.npy --output=@%t.range_i.npy --output=@%t.range_empty.npy
// RUN: %python %S/../Utils/allclose.py %t.dim.npy %S/Inputs/onnx_ops_shape_dim.npy
// RUN: %python %S/../Utils/allclose.py %t.reshape.npy %S/Inputs/onnx_ops_shape_reshape.npy
// RUN: %python %S/../Utils/allclose.py %t.fill.npy %S/Inputs/onnx_ops_shape_fill.npy
// RUN: %python %S/../Utils/allclose.py %t.expand.npy %S/Inputs/onnx_ops_shape_expand.npy
// RUN: %python %S/../Utils/allclose.py %t.expand_dyn.npy %S/Inputs/onnx_ops_shape_expand_dyn.npy
// RUN: %python %S/../Utils/allclose.py %t.range_f.npy %S/Inputs/onnx_ops_shape_range_f.npy
// RUN: %python %S/../Utils/allclose.py %t.range_i.npy %S/Inputs/onnx_ops_shape_range_i.npy
// RUN: %python %S/../Utils/allclose.py %t.range_empty.npy %S/Inputs/onnx_ops_shape_range_empty.npy
func.func @main(%x: tensor<2x?x?xf32>, %r: tensor<?x3xf32>, %limit: tensor<f32>, %n: tensor<i64>)
    -> (tensor<1xi64>, tensor<?x?xf32>, tensor<?x?xi64>, tensor<5x2x?x?xf32>, tensor<?x3xf32>, tensor<?xf32>,
        tensor<?xi64>, tensor<?xi64>) {
  // x is 2x3x4: dims d1 = 3, d2 = 4
  %d1 = "dlc.dim"(%x) {axis = 1 : i64} : (tensor<2x?x?xf32>) -> tensor<i64>
  %d2 = "dlc.dim"(%x) {axis = -1 : i64} : (tensor<2x?x?xf32>) -> tensor<i64>
  // reshape to (d2, 2 * d1) = 4x6
  %two = "dlc.constant"() {value = dense<2> : tensor<i64>} : () -> tensor<i64>
  %cols = "dlc.mul"(%d1, %two) : (tensor<i64>, tensor<i64>) -> tensor<i64>
  %reshaped = "dlc.reshape"(%x, %d2, %cols) : (tensor<2x?x?xf32>, tensor<i64>, tensor<i64>) -> tensor<?x?xf32>
  // fill a (d1, d2) = 3x4 tensor with 7
  %filled = "dlc.fill"(%d1, %d2) {value = dense<7> : tensor<i64>} : (tensor<i64>, tensor<i64>) -> tensor<?x?xi64>
  // expand x[:, :1, :] (2x1x4) to 5x2x3x4
  %x0 = "dlc.slice"(%x) {starts = array<i64: 0, 0, 0>, ends = array<i64: 2, 1, 9223372036854775807>} : (tensor<2x?x?xf32>) -> tensor<2x?x?xf32>
  %expanded = "dlc.expand"(%x0, %d1, %d2) : (tensor<2x?x?xf32>, tensor<i64>, tensor<i64>) -> tensor<5x2x?x?xf32>
  // r is 1x3 at run time: its dynamic dim broadcasts to d2 = 4
  %expanded_dyn = "dlc.expand"(%r, %d2) : (tensor<?x3xf32>, tensor<i64>) -> tensor<?x3xf32>
  // arange(-1.5, limit, 0.7) and arange(n, -1, -3)
  %start = "dlc.constant"() {value = dense<-1.5> : tensor<f32>} : () -> tensor<f32>
  %delta = "dlc.constant"() {value = dense<0.7> : tensor<f32>} : () -> tensor<f32>
  %range_f = "dlc.range"(%start, %limit, %delta) : (tensor<f32>, tensor<f32>, tensor<f32>) -> tensor<?xf32>
  %m1 = "dlc.constant"() {value = dense<-1> : tensor<i64>} : () -> tensor<i64>
  %m3 = "dlc.constant"() {value = dense<-3> : tensor<i64>} : () -> tensor<i64>
  %range_i = "dlc.range"(%n, %m1, %m3) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  // arange(0, n, -1) is empty
  %zero = "dlc.constant"() {value = dense<0> : tensor<i64>} : () -> tensor<i64>
  %range_empty = "dlc.range"(%zero, %n, %m1) : (tensor<i64>, tensor<i64>, tensor<i64>) -> tensor<?xi64>
  %d1v = "dlc.reshape"(%d1) : (tensor<i64>) -> tensor<1xi64>
  return %d1v, %reshaped, %filled, %expanded, %expanded_dyn, %range_f, %range_i, %range_empty
      : tensor<1xi64>, tensor<?x?xf32>, tensor<?x?xi64>, tensor<5x2x?x?xf32>, tensor<?x3xf32>, tensor<?xf32>,
        tensor<?xi64>, tensor<?xi64>
}
