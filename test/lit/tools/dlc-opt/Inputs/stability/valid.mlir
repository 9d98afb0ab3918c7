// A small valid module of elementwise dlc ops, read by several dlc-opt tests.
func.func @elementwise(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %0 = "dlc.add"(%a, %b) : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %1 = "dlc.relu"(%0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  %2 = "dlc.exp"(%0) : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %1 : tensor<2x3xf32>
}
