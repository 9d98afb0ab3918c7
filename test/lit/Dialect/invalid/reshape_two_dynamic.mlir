// At most one result dim can be inferred.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<2x3x4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.reshape' op result #0: at most one dynamic dim can be inferred, got tensor<?x?xf32>
  %0 = "dlc.reshape"(%x) : (tensor<2x3x4xf32>) -> tensor<?x?xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}reshape_two_dynamic.mlir: 1 dlc op failed verification
