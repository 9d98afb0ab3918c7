// The value's type is a ranked tensor.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f() {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.constant' op attribute 'value': expected a ranked tensor type
  %0 = "dlc.constant"() {value = dense<1.0> : vector<4xf32>} : () -> tensor<4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}constant_vector_value.mlir: 1 dlc op failed verification
