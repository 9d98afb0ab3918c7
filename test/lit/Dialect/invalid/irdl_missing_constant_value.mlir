// IRDL: a constant needs its value.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f() {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.constant' op attribute "value" is expected but not provided
  %0 = "dlc.constant"() : () -> tensor<2xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}irdl_missing_constant_value.mlir: failed to parse MLIR
