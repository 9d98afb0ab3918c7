// With keepdims the reduced dims stay as 1.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<2x3xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.reduce' op result #0: expected tensor<2x1xf32> from the operands, got tensor<2xf32>
  %0 = "dlc.reduce"(%x) {axes = array<i64: 1>, keepdims = true, kind = "sum"} : (tensor<2x3xf32>) -> tensor<2xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}reduce_result_keepdims.mlir: 1 dlc op failed verification
