// dlc-run numerics of dlc.tile and dlc.pad (ONNX semantics): tile along both dims and along one,
// pad in constant mode (value 1.5, a negative pad crops), reflect and edge mode, and integer
// constant padding (value converted to i64), all over an input with a dynamic dim.
// Inputs and numpy references come from Inputs/make_onnx_ops.py.
// RUN: dlc-run %s --input=@%S/Inputs/onnx_ops_pad_tile_x.npy --input=@%S/Inputs/onnx_ops_pad_tile_i.npy --output=@%t.tile.npy --output=@%t.tile_row.npy --output=@%t.constant.npy --output=@%t.reflect.npy --output=@%t.edge.npy --output=@%t.constant_i.npy
// RUN: %python %S/../Utils/allclose.py %t.tile.npy %S/Inputs/onnx_ops_pad_tile_tile.npy
// RUN: %python %S/../Utils/allclose.py %t.tile_row.npy %S/Inputs/onnx_ops_pad_tile_tile_row.npy
// RUN: %python %S/../Utils/allclose.py %t.constant.npy %S/Inputs/onnx_ops_pad_tile_constant.npy
// RUN: %python %S/../Utils/allclose.py %t.reflect.npy %S/Inputs/onnx_ops_pad_tile_reflect.npy
// RUN: %python %S/../Utils/allclose.py %t.edge.npy %S/Inputs/onnx_ops_pad_tile_edge.npy
// RUN: %python %S/../Utils/allclose.py %t.constant_i.npy %S/Inputs/onnx_ops_pad_tile_constant_i.npy
func.func @main(%x: tensor<?x4xf32>, %i: tensor<2x3xi64>)
    -> (tensor<?x12xf32>, tensor<?x8xf32>, tensor<?x6xf32>, tensor<?x9xf32>, tensor<?x5xf32>, tensor<3x5xi64>) {
  %0 = "dlc.tile"(%x) {repeats = array<i64: 2, 3>} : (tensor<?x4xf32>) -> tensor<?x12xf32>
  %1 = "dlc.tile"(%x) {repeats = array<i64: 1, 2>} : (tensor<?x4xf32>) -> tensor<?x8xf32>
  %2 = "dlc.pad"(%x) {pads = array<i64: 1, -1, 2, 3>, mode = "constant", value = 1.5 : f32} : (tensor<?x4xf32>) -> tensor<?x6xf32>
  %3 = "dlc.pad"(%x) {pads = array<i64: 2, 3, 1, 2>, mode = "reflect"} : (tensor<?x4xf32>) -> tensor<?x9xf32>
  %4 = "dlc.pad"(%x) {pads = array<i64: 0, 2, 3, -1>, mode = "edge"} : (tensor<?x4xf32>) -> tensor<?x5xf32>
  %5 = "dlc.pad"(%i) {pads = array<i64: 1, 0, 0, 2>, value = -2.0 : f32} : (tensor<2x3xi64>) -> tensor<3x5xi64>
  return %0, %1, %2, %3, %4, %5 : tensor<?x12xf32>, tensor<?x8xf32>, tensor<?x6xf32>, tensor<?x9xf32>, tensor<?x5xf32>,
      tensor<3x5xi64>
}
