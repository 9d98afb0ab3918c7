// The declared result element type must be the operand's.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<2x3xf16>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.sigmoid' op result #0: expected tensor<2x3xf16> from the operands, got tensor<2x3xf32>
  %0 = "dlc.sigmoid"(%a) : (tensor<2x3xf16>) -> tensor<2x3xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}unary_result_element_type.mlir: 1 dlc op failed verification
