// IRDL: slice needs starts and ends.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%a: tensor<4xf32>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.slice' op attribute "ends" is expected but not provided
  %0 = "dlc.slice"(%a) {starts = array<i64: 0>} : (tensor<4xf32>) -> tensor<4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}irdl_missing_slice_ends.mlir: failed to parse MLIR
