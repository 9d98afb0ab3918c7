// IRDL: conv2d needs input and filter (bias is optional).
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<1x3x8x8xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: op expects at least 2 operands, but got 1
  %0 = "dlc.conv2d"(%a) : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}irdl_conv_too_few_operands.mlir: failed to parse MLIR
