// The result element type is the value's.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f() {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.constant' op result #0: expected tensor<3xi32> from the operands, got tensor<3xf32>
  %0 = "dlc.constant"() {value = dense<1> : tensor<3xi32>} : () -> tensor<3xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}constant_element_mismatch.mlir: 1 dlc op failed verification
