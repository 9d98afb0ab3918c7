// All dims operands of reshape/fill/expand share one type (an IRDL variadic): mixing tensor<i64>
// and tensor<i32> is rejected by IRDL before the C verifier.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s

func.func @f(%x: tensor<?x?xf32>, %a: tensor<i64>, %b: tensor<i32>) {
  // CHECK: [[@LINE+1]]:{{[0-9]+}}: error: expected 'tensor<i64>' but got 'tensor<i32>'
  %0 = "dlc.reshape"(%x, %a, %b) : (tensor<?x?xf32>, tensor<i64>, tensor<i32>) -> tensor<?x?xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}onnx_ops_irdl_dims_one_type.mlir: failed to parse MLIR
