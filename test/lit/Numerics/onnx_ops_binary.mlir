// dlc-run numerics of and, or, xor (i1, numpy broadcasting) and mod: integers with fmod = false
// (sign of the divisor, Python %) and true (C fmod), floats with both, over every sign combination.
// Inputs and numpy references come from Inputs/make_onnx_ops.py.
// RUN: dlc-run %s --input=@%S/Inputs/onnx_ops_binary_a.npy --input=@%S/Inputs/onnx_ops_binary_b.npy --input=@%S/Inputs/onnx_ops_binary_ia.npy --input=@%S/Inputs/onnx_ops_binary_ib.npy --input=@%S/Inputs/onnx_ops_binary_fa.npy --input=@%S/Inputs/onnx_ops_binary_fb.npy --output=@%t.and.npy --output=@%t.or.npy --output=@%t.xor.npy --output=@%t.imod.npy --output=@%t.ifmod.npy --output=@%t.ffmod.npy --output=@%t.fmod.npy
// RUN: %python %S/../Utils/allclose.py %t.and.npy %S/Inputs/onnx_ops_binary_and.npy
// RUN: %python %S/../Utils/allclose.py %t.or.npy %S/Inputs/onnx_ops_binary_or.npy
// RUN: %python %S/../Utils/allclose.py %t.xor.npy %S/Inputs/onnx_ops_binary_xor.npy
// RUN: %python %S/../Utils/allclose.py %t.imod.npy %S/Inputs/onnx_ops_binary_imod.npy
// RUN: %python %S/../Utils/allclose.py %t.ifmod.npy %S/Inputs/onnx_ops_binary_ifmod.npy
// RUN: %python %S/../Utils/allclose.py %t.ffmod.npy %S/Inputs/onnx_ops_binary_ffmod.npy
// RUN: %python %S/../Utils/allclose.py %t.fmod.npy %S/Inputs/onnx_ops_binary_fmod.npy
func.func @main(%a: tensor<3x4xi1>, %b: tensor<4xi1>, %ia: tensor<?x6xi32>, %ib: tensor<6xi32>, %fa: tensor<2x6xf32>,
                %fb: tensor<6xf32>)
    -> (tensor<3x4xi1>, tensor<3x4xi1>, tensor<3x4xi1>, tensor<?x6xi32>, tensor<?x6xi32>, tensor<2x6xf32>,
        tensor<2x6xf32>) {
  %0 = "dlc.and"(%a, %b) : (tensor<3x4xi1>, tensor<4xi1>) -> tensor<3x4xi1>
  %1 = "dlc.or"(%a, %b) : (tensor<3x4xi1>, tensor<4xi1>) -> tensor<3x4xi1>
  %2 = "dlc.xor"(%a, %b) : (tensor<3x4xi1>, tensor<4xi1>) -> tensor<3x4xi1>
  %3 = "dlc.mod"(%ia, %ib) : (tensor<?x6xi32>, tensor<6xi32>) -> tensor<?x6xi32>
  %4 = "dlc.mod"(%ia, %ib) {fmod = true} : (tensor<?x6xi32>, tensor<6xi32>) -> tensor<?x6xi32>
  %5 = "dlc.mod"(%fa, %fb) {fmod = true} : (tensor<2x6xf32>, tensor<6xf32>) -> tensor<2x6xf32>
  %6 = "dlc.mod"(%fa, %fb) {fmod = false} : (tensor<2x6xf32>, tensor<6xf32>) -> tensor<2x6xf32>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<3x4xi1>, tensor<3x4xi1>, tensor<3x4xi1>, tensor<?x6xi32>, tensor<?x6xi32>,
      tensor<2x6xf32>, tensor<2x6xf32>
}
