// DlcToLinalg of dlc.cast: float widths use extf/truncf (f16 <-> bf16 through f32), float -> int
// fptosi, int -> float sitofp (uitofp for i1), int widths extsi/trunci (extui for i1), and casts to i1
// compare with zero (cmpf une / cmpi ne). A cast to the same type yields its input.
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s
// RUN: dlc-opt %s --dlc-lower-to-linalg | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @cast_f32_to_f16(
// CHECK: call @__dlc_cast_{{[0-9]+}}(%arg0) : (tensor<4x2xf32>) -> tensor<4x2xf16>
func.func @cast_f32_to_f16(%x: tensor<4x2xf32>) -> tensor<4x2xf16> {
  %0 = "dlc.cast"(%x) : (tensor<4x2xf32>) -> tensor<4x2xf16>
  return %0 : tensor<4x2xf16>
}

// CHECK-LABEL: func.func @cast_f16_to_f32(
// CHECK: call @__dlc_cast_{{[0-9]+}}(%arg0) : (tensor<4x2xf16>) -> tensor<4x2xf32>
func.func @cast_f16_to_f32(%x: tensor<4x2xf16>) -> tensor<4x2xf32> {
  %0 = "dlc.cast"(%x) : (tensor<4x2xf16>) -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

// CHECK-LABEL: func.func @cast_f64_to_f32(
// CHECK: call @__dlc_cast_{{[0-9]+}}(%arg0) : (tensor<4x2xf64>) -> tensor<4x2xf32>
func.func @cast_f64_to_f32(%x: tensor<4x2xf64>) -> tensor<4x2xf32> {
  %0 = "dlc.cast"(%x) : (tensor<4x2xf64>) -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

// CHECK-LABEL: func.func @cast_f16_to_bf16(
// CHECK: call @__dlc_cast_{{[0-9]+}}(%arg0) : (tensor<4x2xf16>) -> tensor<4x2xbf16>
func.func @cast_f16_to_bf16(%x: tensor<4x2xf16>) -> tensor<4x2xbf16> {
  %0 = "dlc.cast"(%x) : (tensor<4x2xf16>) -> tensor<4x2xbf16>
  return %0 : tensor<4x2xbf16>
}

// CHECK-LABEL: func.func @cast_bf16_to_f16(
// CHECK: call @__dlc_cast_{{[0-9]+}}(%arg0) : (tensor<4x2xbf16>) -> tensor<4x2xf16>
func.func @cast_bf16_to_f16(%x: tensor<4x2xbf16>) -> tensor<4x2xf16> {
  %0 = "dlc.cast"(%x) : (tensor<4x2xbf16>) -> tensor<4x2xf16>
  return %0 : tensor<4x2xf16>
}

// CHECK-LABEL: func.func @cast_f32_to_i32(
// CHECK: call @__dlc_cast_{{[0-9]+}}(%arg0) : (tensor<4x2xf32>) -> tensor<4x2xi32>
func.func @cast_f32_to_i32(%x: tensor<4x2xf32>) -> tensor<4x2xi32> {
  %0 = "dlc.cast"(%x) : (tensor<4x2xf32>) -> tensor<4x2xi32>
  return %0 : tensor<4x2xi32>
}

// CHECK-LABEL: func.func @cast_i32_to_f64(
// CHECK: call @__dlc_cast_{{[0-9]+}}(%arg0) : (tensor<4x2xi32>) -> tensor<4x2xf64>
func.func @cast_i32_to_f64(%x: tensor<4x2xi32>) -> tensor<4x2xf64> {
  %0 = "dlc.cast"(%x) : (tensor<4x2xi32>) -> tensor<4x2xf64>
  return %0 : tensor<4x2xf64>
}

// CHECK-LABEL: func.func @cast_i32_to_i64(
// CHECK: call @__dlc_cast_{{[0-9]+}}(%arg0) : (tensor<4x2xi32>) -> tensor<4x2xi64>
func.func @cast_i32_to_i64(%x: tensor<4x2xi32>) -> tensor<4x2xi64> {
  %0 = "dlc.cast"(%x) : (tensor<4x2xi32>) -> tensor<4x2xi64>
  return %0 : tensor<4x2xi64>
}

// CHECK-LABEL: func.func @cast_i32_to_i8(
// CHECK: call @__dlc_cast_{{[0-9]+}}(%arg0) : (tensor<4x2xi32>) -> tensor<4x2xi8>
func.func @cast_i32_to_i8(%x: tensor<4x2xi32>) -> tensor<4x2xi8> {
  %0 = "dlc.cast"(%x) : (tensor<4x2xi32>) -> tensor<4x2xi8>
  return %0 : tensor<4x2xi8>
}

// CHECK-LABEL: func.func @cast_i1_to_f32(
// CHECK: call @__dlc_cast_{{[0-9]+}}(%arg0) : (tensor<4x2xi1>) -> tensor<4x2xf32>
func.func @cast_i1_to_f32(%x: tensor<4x2xi1>) -> tensor<4x2xf32> {
  %0 = "dlc.cast"(%x) : (tensor<4x2xi1>) -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

// CHECK-LABEL: func.func @cast_i1_to_i32(
// CHECK: call @__dlc_cast_{{[0-9]+}}(%arg0) : (tensor<4x2xi1>) -> tensor<4x2xi32>
func.func @cast_i1_to_i32(%x: tensor<4x2xi1>) -> tensor<4x2xi32> {
  %0 = "dlc.cast"(%x) : (tensor<4x2xi1>) -> tensor<4x2xi32>
  return %0 : tensor<4x2xi32>
}

// CHECK-LABEL: func.func @cast_f32_to_i1(
// CHECK: call @__dlc_cast_{{[0-9]+}}(%arg0) : (tensor<4x2xf32>) -> tensor<4x2xi1>
func.func @cast_f32_to_i1(%x: tensor<4x2xf32>) -> tensor<4x2xi1> {
  %0 = "dlc.cast"(%x) : (tensor<4x2xf32>) -> tensor<4x2xi1>
  return %0 : tensor<4x2xi1>
}

// CHECK-LABEL: func.func @cast_i32_to_i1(
// CHECK: call @__dlc_cast_{{[0-9]+}}(%arg0) : (tensor<4x2xi32>) -> tensor<4x2xi1>
func.func @cast_i32_to_i1(%x: tensor<4x2xi32>) -> tensor<4x2xi1> {
  %0 = "dlc.cast"(%x) : (tensor<4x2xi32>) -> tensor<4x2xi1>
  return %0 : tensor<4x2xi1>
}

// CHECK-LABEL: func.func @cast_identity(
func.func @cast_identity(%x: tensor<4x2xf32>) -> tensor<4x2xf32> {
  %0 = "dlc.cast"(%x) : (tensor<4x2xf32>) -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

// CHECK-LABEL: func.func @cast_dynamic(
func.func @cast_dynamic(%x: tensor<?x?xf32>) -> tensor<?x?xi64> {
  %0 = "dlc.cast"(%x) : (tensor<?x?xf32>) -> tensor<?x?xi64>
  return %0 : tensor<?x?xi64>
}

// The helpers, in the order of the functions above.
// CHECK: func.func private @__dlc_cast_{{[0-9]+}}(%{{.*}}: tensor<4x2xf32>) -> tensor<4x2xf16>
// CHECK: ^bb0(%[[X:[^:]+]]: f32, %{{[^:]+}}: f16):
// CHECK-NEXT: %[[V:.*]] = arith.truncf %[[X]] : f32 to f16
// CHECK-NEXT: linalg.yield %[[V]] : f16

// CHECK: func.func private @__dlc_cast_{{[0-9]+}}(%{{.*}}: tensor<4x2xf16>) -> tensor<4x2xf32>
// CHECK: ^bb0(%[[X:[^:]+]]: f16, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[V:.*]] = arith.extf %[[X]] : f16 to f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @__dlc_cast_{{[0-9]+}}(%{{.*}}: tensor<4x2xf64>) -> tensor<4x2xf32>
// CHECK: ^bb0(%[[X:[^:]+]]: f64, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[V:.*]] = arith.truncf %[[X]] : f64 to f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @__dlc_cast_{{[0-9]+}}(%{{.*}}: tensor<4x2xf16>) -> tensor<4x2xbf16>
// CHECK: ^bb0(%[[X:[^:]+]]: f16, %{{[^:]+}}: bf16):
// CHECK-NEXT: %[[M:.*]] = arith.extf %[[X]] : f16 to f32
// CHECK-NEXT: %[[V:.*]] = arith.truncf %[[M]] : f32 to bf16
// CHECK-NEXT: linalg.yield %[[V]] : bf16

// CHECK: func.func private @__dlc_cast_{{[0-9]+}}(%{{.*}}: tensor<4x2xbf16>) -> tensor<4x2xf16>
// CHECK: ^bb0(%[[X:[^:]+]]: bf16, %{{[^:]+}}: f16):
// CHECK-NEXT: %[[M:.*]] = arith.extf %[[X]] : bf16 to f32
// CHECK-NEXT: %[[V:.*]] = arith.truncf %[[M]] : f32 to f16
// CHECK-NEXT: linalg.yield %[[V]] : f16

// CHECK: func.func private @__dlc_cast_{{[0-9]+}}(%{{.*}}: tensor<4x2xf32>) -> tensor<4x2xi32>
// CHECK: ^bb0(%[[X:[^:]+]]: f32, %{{[^:]+}}: i32):
// CHECK-NEXT: %[[V:.*]] = arith.fptosi %[[X]] : f32 to i32
// CHECK-NEXT: linalg.yield %[[V]] : i32

// CHECK: func.func private @__dlc_cast_{{[0-9]+}}(%{{.*}}: tensor<4x2xi32>) -> tensor<4x2xf64>
// CHECK: ^bb0(%[[X:[^:]+]]: i32, %{{[^:]+}}: f64):
// CHECK-NEXT: %[[V:.*]] = arith.sitofp %[[X]] : i32 to f64
// CHECK-NEXT: linalg.yield %[[V]] : f64

// CHECK: func.func private @__dlc_cast_{{[0-9]+}}(%{{.*}}: tensor<4x2xi32>) -> tensor<4x2xi64>
// CHECK: ^bb0(%[[X:[^:]+]]: i32, %{{[^:]+}}: i64):
// CHECK-NEXT: %[[V:.*]] = arith.extsi %[[X]] : i32 to i64
// CHECK-NEXT: linalg.yield %[[V]] : i64

// CHECK: func.func private @__dlc_cast_{{[0-9]+}}(%{{.*}}: tensor<4x2xi32>) -> tensor<4x2xi8>
// CHECK: ^bb0(%[[X:[^:]+]]: i32, %{{[^:]+}}: i8):
// CHECK-NEXT: %[[V:.*]] = arith.trunci %[[X]] : i32 to i8
// CHECK-NEXT: linalg.yield %[[V]] : i8

// CHECK: func.func private @__dlc_cast_{{[0-9]+}}(%{{.*}}: tensor<4x2xi1>) -> tensor<4x2xf32>
// CHECK: ^bb0(%[[X:[^:]+]]: i1, %{{[^:]+}}: f32):
// CHECK-NEXT: %[[V:.*]] = arith.uitofp %[[X]] : i1 to f32
// CHECK-NEXT: linalg.yield %[[V]] : f32

// CHECK: func.func private @__dlc_cast_{{[0-9]+}}(%{{.*}}: tensor<4x2xi1>) -> tensor<4x2xi32>
// CHECK: ^bb0(%[[X:[^:]+]]: i1, %{{[^:]+}}: i32):
// CHECK-NEXT: %[[V:.*]] = arith.extui %[[X]] : i1 to i32
// CHECK-NEXT: linalg.yield %[[V]] : i32

// CHECK: func.func private @__dlc_cast_{{[0-9]+}}(%{{.*}}: tensor<4x2xf32>) -> tensor<4x2xi1>
// CHECK: ^bb0(%[[X:[^:]+]]: f32, %{{[^:]+}}: i1):
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: %[[V:.*]] = arith.cmpf une, %[[X]], %[[Z]] : f32
// CHECK-NEXT: linalg.yield %[[V]] : i1

// CHECK: func.func private @__dlc_cast_{{[0-9]+}}(%{{.*}}: tensor<4x2xi32>) -> tensor<4x2xi1>
// CHECK: ^bb0(%[[X:[^:]+]]: i32, %{{[^:]+}}: i1):
// CHECK-NEXT: %[[Z:.*]] = arith.constant 0 : i32
// CHECK-NEXT: %[[V:.*]] = arith.cmpi ne, %[[X]], %[[Z]] : i32
// CHECK-NEXT: linalg.yield %[[V]] : i1

// CHECK: func.func private @__dlc_cast_{{[0-9]+}}(%{{.*}}: tensor<4x2xf32>) -> tensor<4x2xf32>
// CHECK: ^bb0(%[[X:[^:]+]]: f32, %{{[^:]+}}: f32):
// CHECK-NEXT: linalg.yield %[[X]] : f32

// CHECK: func.func private @__dlc_cast_{{[0-9]+}}(%[[A:.*]]: tensor<?x?xf32>) -> tensor<?x?xi64>
// CHECK: %[[D0:.*]] = tensor.dim %[[A]], %{{.*}} : tensor<?x?xf32>
// CHECK: %[[D1:.*]] = tensor.dim %[[A]], %{{.*}} : tensor<?x?xf32>
// CHECK: tensor.empty(%[[D0]], %[[D1]]) : tensor<?x?xi64>
// CHECK: arith.fptosi %{{.*}} : f32 to i64
