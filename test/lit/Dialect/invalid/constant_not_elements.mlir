// The value is a dense or dense_resource elements attribute.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f() {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.constant' op attribute 'value': expected dense or dense_resource elements
  %0 = "dlc.constant"() {value = 1.0 : f32} : () -> tensor<f32>
  return
}
// CHECK: dlc-opt: error: {{.*}}constant_not_elements.mlir: 1 dlc op failed verification
