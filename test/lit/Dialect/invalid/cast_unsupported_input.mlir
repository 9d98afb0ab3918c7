// cast sources are DLC's dtypes only.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

func.func @f(%x: tensor<4xi4>) {
  // CHECK: :[[@LINE+1]]:{{[0-9]+}}: error: 'dlc.cast' op cannot cast tensor<4xi4> to f32: supported element types are f64, f32, f16, bf16, i64, i32, i16, i8, i1
  %0 = "dlc.cast"(%x) : (tensor<4xi4>) -> tensor<4xf32>
  return
}
// CHECK: dlc-opt: error: {{.*}}cast_unsupported_input.mlir: 1 dlc op failed verification
