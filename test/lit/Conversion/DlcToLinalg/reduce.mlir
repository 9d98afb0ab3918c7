// DlcToLinalg lowers dlc.reduce to a linalg.fill of each kind's neutral value plus a linalg.generic with reduction iterators on the reduced axes and the kind's combiner; mean divides by the count, keepdims uses tensor.expand_shape.
// RUN: dlc-opt %s --dlc-lower-to-linalg -o %t
// RUN: FileCheck %s --check-prefix=SUM < %t
// RUN: FileCheck %s --check-prefix=MEAN < %t
// RUN: FileCheck %s --check-prefix=MEANDYN < %t
// RUN: FileCheck %s --check-prefix=MAX < %t
// RUN: FileCheck %s --check-prefix=MIN < %t
// RUN: FileCheck %s --check-prefix=PROD < %t
// RUN: FileCheck %s --check-prefix=KEEPMID < %t
// RUN: FileCheck %s --check-prefix=INT < %t
// RUN: FileCheck %s --check-prefix=BOOL < %t
// RUN: FileCheck %s --check-prefix=F16 < %t
// The lowered module is valid input for dlc-opt again.
// RUN: dlc-opt %t | FileCheck %s --check-prefix=SUM
// The cpu pipeline lowers every case to the LLVM dialect.
// RUN: dlc-opt %s --dlc-pipeline=cpu | FileCheck %s --check-prefix=CPU --implicit-check-not='"dlc.' --implicit-check-not=linalg. --implicit-check-not=tensor. --implicit-check-not=bufferization. --implicit-check-not=memref. --implicit-check-not=affine. --implicit-check-not=scf. --implicit-check-not=unrealized_conversion_cast

// sum: fill 0.0, addf; the output map keeps the non-reduced dims.
// SUM-DAG: #[[ID:map[0-9]*]] = affine_map<(d0, d1) -> (d0, d1)>
// SUM-DAG: #[[ROWS:map[0-9]*]] = affine_map<(d0, d1) -> (d0)>
// SUM-LABEL: func.func @sum(
// SUM: call @[[F:__dlc_reduce_[0-9]+]](%arg0) : (tensor<4x8xf32>) -> tensor<4xf32>
// SUM: func.func private @[[F]](%[[X:.*]]: tensor<4x8xf32>) -> tensor<4xf32>
// SUM-NEXT: %[[E:.*]] = tensor.empty() : tensor<4xf32>
// SUM-NEXT: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// SUM-NEXT: %[[FILL:.*]] = linalg.fill ins(%[[Z]] : f32) outs(%[[E]] : tensor<4xf32>)
// SUM-NEXT: %[[R:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROWS]]], iterator_types = ["parallel", "reduction"]} ins(%[[X]] : tensor<4x8xf32>) outs(%[[FILL]] : tensor<4xf32>)
// SUM-NEXT: ^bb0(%[[V:.*]]: f32, %[[ACC:.*]]: f32):
// SUM-NEXT: %[[S:.*]] = arith.addf %[[V]], %[[ACC]] : f32
// SUM-NEXT: linalg.yield %[[S]] : f32
// SUM-NEXT: } -> tensor<4xf32>
// SUM-NEXT: return %[[R]] : tensor<4xf32>
func.func @sum(%x: tensor<4x8xf32>) -> tensor<4xf32> {
  %0 = "dlc.reduce"(%x) {kind = "sum", axes = array<i64: 1>} : (tensor<4x8xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// mean over a static axis: the sum is divided by the constant count in a second generic.
// MEAN-LABEL: func.func @mean(
// MEAN: func.func private @__dlc_reduce_{{[0-9]+}}(%{{.*}}: tensor<5x6xf32>) -> tensor<5xf32>
// MEAN: %[[TOT:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%{{.*}} : tensor<5x6xf32>)
// MEAN-NEXT: ^bb0
// MEAN-NEXT: arith.addf
// MEAN-NEXT: linalg.yield
// MEAN-NEXT: }
// MEAN-NEXT: %[[N:.*]] = arith.constant 6.000000e+00 : f32
// MEAN-NEXT: %[[E:.*]] = tensor.empty() : tensor<5xf32>
// MEAN-NEXT: %[[R:.*]] = linalg.generic {{.*}} iterator_types = ["parallel"]} ins(%[[TOT]] : tensor<5xf32>) outs(%[[E]] : tensor<5xf32>)
// MEAN-NEXT: ^bb0(%[[V:.*]]: f32, %{{.*}}: f32):
// MEAN-NEXT: %[[Q:.*]] = arith.divf %[[V]], %[[N]] : f32
// MEAN-NEXT: linalg.yield %[[Q]] : f32
// MEAN: return %[[R]] : tensor<5xf32>
func.func @mean(%x: tensor<5x6xf32>) -> tensor<5xf32> {
  %0 = "dlc.reduce"(%x) {kind = "mean", axes = array<i64: 1>} : (tensor<5x6xf32>) -> tensor<5xf32>
  return %0 : tensor<5xf32>
}

// mean with keepdims over a dynamic and a static axis: the count dim * 6 is computed at run time
// and converted to f32; keepdims re-inserts the reduced dims into the group of the kept dim 0.
// MEANDYN-DAG: #[[IN:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// MEANDYN-DAG: #[[OUT:map[0-9]*]] = affine_map<(d0, d1, d2) -> (d0)>
// MEANDYN-LABEL: func.func @mean_keepdims_dynamic(
// MEANDYN: func.func private @__dlc_reduce_{{[0-9]+}}(%[[X:.*]]: tensor<2x?x6xf32>) -> tensor<2x1x1xf32>
// MEANDYN-NEXT: %[[C1:.*]] = arith.constant 1 : index
// MEANDYN-NEXT: %[[D1:.*]] = tensor.dim %[[X]], %[[C1]] : tensor<2x?x6xf32>
// MEANDYN-NEXT: tensor.empty() : tensor<2xf32>
// MEANDYN-NEXT: arith.constant 0.000000e+00 : f32
// MEANDYN-NEXT: linalg.fill
// MEANDYN-NEXT: %[[TOT:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[OUT]]], iterator_types = ["parallel", "reduction", "reduction"]} ins(%[[X]] : tensor<2x?x6xf32>) outs(%{{.*}} : tensor<2xf32>)
// MEANDYN: %[[C6:.*]] = arith.constant 6 : index
// MEANDYN-NEXT: %[[CNT:.*]] = arith.muli %[[D1]], %[[C6]] : index
// MEANDYN-NEXT: %[[CNT64:.*]] = arith.index_cast %[[CNT]] : index to i64
// MEANDYN-NEXT: %[[CNTF:.*]] = arith.uitofp %[[CNT64]] : i64 to f32
// MEANDYN-NEXT: tensor.empty() : tensor<2xf32>
// MEANDYN-NEXT: %[[AVG:.*]] = linalg.generic {{.*}} ins(%[[TOT]] : tensor<2xf32>)
// MEANDYN-NEXT: ^bb0(%[[V:.*]]: f32, %{{.*}}: f32):
// MEANDYN-NEXT: arith.divf %[[V]], %[[CNTF]] : f32
// MEANDYN: %[[R:.*]] = tensor.expand_shape %[[AVG]] {{\[\[}}0, 1, 2]] output_shape [2, 1, 1] : tensor<2xf32> into tensor<2x1x1xf32>
// MEANDYN-NEXT: return %[[R]] : tensor<2x1x1xf32>
func.func @mean_keepdims_dynamic(%x: tensor<2x?x6xf32>) -> tensor<2x1x1xf32> {
  %0 = "dlc.reduce"(%x) {kind = "mean", axes = array<i64: 1, 2>, keepdims = true} : (tensor<2x?x6xf32>) -> tensor<2x1x1xf32>
  return %0 : tensor<2x1x1xf32>
}

// max over axis 0: fill -inf, arith.maximumf (NaN-propagating); the reduced dim leads.
// MAX-DAG: #[[COLS:map[0-9]*]] = affine_map<(d0, d1) -> (d1)>
// MAX-LABEL: func.func @max(
// MAX: func.func private @__dlc_reduce_{{[0-9]+}}(%{{.*}}: tensor<3x7xf32>) -> tensor<7xf32>
// MAX-NEXT: tensor.empty() : tensor<7xf32>
// MAX-NEXT: %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// MAX-NEXT: linalg.fill ins(%[[NINF]] : f32)
// MAX-NEXT: linalg.generic {indexing_maps = [#{{.*}}, #[[COLS]]], iterator_types = ["reduction", "parallel"]}
// MAX-NEXT: ^bb0(%[[V:.*]]: f32, %[[ACC:.*]]: f32):
// MAX-NEXT: arith.maximumf %[[V]], %[[ACC]] : f32
func.func @max(%x: tensor<3x7xf32>) -> tensor<7xf32> {
  %0 = "dlc.reduce"(%x) {kind = "max", axes = array<i64: 0>} : (tensor<3x7xf32>) -> tensor<7xf32>
  return %0 : tensor<7xf32>
}

// min over axis -1: fill +inf, arith.minimumf.
// MIN-LABEL: func.func @min(
// MIN: func.func private @__dlc_reduce_{{[0-9]+}}(%{{.*}}: tensor<3x9xf32>) -> tensor<3xf32>
// MIN-NEXT: tensor.empty() : tensor<3xf32>
// MIN-NEXT: %[[PINF:.*]] = arith.constant 0x7F800000 : f32
// MIN-NEXT: linalg.fill ins(%[[PINF]] : f32)
// MIN-NEXT: linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]}
// MIN-NEXT: ^bb0(%[[V:.*]]: f32, %[[ACC:.*]]: f32):
// MIN-NEXT: arith.minimumf %[[V]], %[[ACC]] : f32
func.func @min(%x: tensor<3x9xf32>) -> tensor<3xf32> {
  %0 = "dlc.reduce"(%x) {kind = "min", axes = array<i64: -1>} : (tensor<3x9xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// prod over every axis: fill 1.0, mulf, into a rank-0 tensor (all iterators reduce).
// PROD-DAG: #[[SCALAR:map[0-9]*]] = affine_map<(d0, d1) -> ()>
// PROD-LABEL: func.func @prod_all(
// PROD: func.func private @__dlc_reduce_{{[0-9]+}}(%{{.*}}: tensor<2x5xf32>) -> tensor<f32>
// PROD-NEXT: tensor.empty() : tensor<f32>
// PROD-NEXT: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// PROD-NEXT: linalg.fill ins(%[[ONE]] : f32)
// PROD-NEXT: linalg.generic {indexing_maps = [#{{.*}}, #[[SCALAR]]], iterator_types = ["reduction", "reduction"]}
// PROD-NEXT: ^bb0(%[[V:.*]]: f32, %[[ACC:.*]]: f32):
// PROD-NEXT: arith.mulf %[[V]], %[[ACC]] : f32
func.func @prod_all(%x: tensor<2x5xf32>) -> tensor<f32> {
  %0 = "dlc.reduce"(%x) {kind = "prod", axes = array<i64: 0, 1>} : (tensor<2x5xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// keepdims on a middle axis: the size-1 dim joins the group of the kept dim before it.
// KEEPMID-LABEL: func.func @keepdims_middle(
// KEEPMID: func.func private @__dlc_reduce_{{[0-9]+}}(%{{.*}}: tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
// KEEPMID: %[[R:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction", "parallel"]} {{.*}} outs(%{{.*}} : tensor<2x4xf32>)
// KEEPMID: tensor.expand_shape %[[R]] {{\[\[}}0, 1], [2]] output_shape [2, 1, 4] : tensor<2x4xf32> into tensor<2x1x4xf32>
func.func @keepdims_middle(%x: tensor<2x3x4xf32>) -> tensor<2x1x4xf32> {
  %0 = "dlc.reduce"(%x) {kind = "sum", axes = array<i64: 1>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
  return %0 : tensor<2x1x4xf32>
}

// Signless integers: max fills INT_MIN and uses maxsi, min fills INT_MAX and uses minsi, sum 0/addi,
// prod 1/muli.
// INT-LABEL: func.func @integers(
// INT: func.func private @__dlc_reduce_{{[0-9]+}}(%{{.*}}: tensor<4x8xi32>) -> tensor<4xi32>
// INT: %[[LO:.*]] = arith.constant -2147483648 : i32
// INT-NEXT: linalg.fill ins(%[[LO]] : i32)
// INT-NEXT: linalg.generic
// INT-NEXT: ^bb0
// INT-NEXT: arith.maxsi %{{.*}}, %{{.*}} : i32
// INT: func.func private @__dlc_reduce_{{[0-9]+}}(%{{.*}}: tensor<4x8xi32>) -> tensor<4xi32>
// INT: %[[HI:.*]] = arith.constant 2147483647 : i32
// INT-NEXT: linalg.fill ins(%[[HI]] : i32)
// INT-NEXT: linalg.generic
// INT-NEXT: ^bb0
// INT-NEXT: arith.minsi %{{.*}}, %{{.*}} : i32
// INT: func.func private @__dlc_reduce_{{[0-9]+}}(%{{.*}}: tensor<4x8xi64>) -> tensor<4xi64>
// INT: %[[Z:.*]] = arith.constant 0 : i64
// INT-NEXT: linalg.fill ins(%[[Z]] : i64)
// INT-NEXT: linalg.generic
// INT-NEXT: ^bb0
// INT-NEXT: arith.addi %{{.*}}, %{{.*}} : i64
// INT: func.func private @__dlc_reduce_{{[0-9]+}}(%{{.*}}: tensor<4x8xi64>) -> tensor<4xi64>
// INT: %[[ONE:.*]] = arith.constant 1 : i64
// INT-NEXT: linalg.fill ins(%[[ONE]] : i64)
// INT-NEXT: linalg.generic
// INT-NEXT: ^bb0
// INT-NEXT: arith.muli %{{.*}}, %{{.*}} : i64
func.func @integers(%a: tensor<4x8xi32>, %b: tensor<4x8xi64>) -> (tensor<4xi32>, tensor<4xi32>, tensor<4xi64>, tensor<4xi64>) {
  %0 = "dlc.reduce"(%a) {kind = "max", axes = array<i64: 1>} : (tensor<4x8xi32>) -> tensor<4xi32>
  %1 = "dlc.reduce"(%a) {kind = "min", axes = array<i64: 1>} : (tensor<4x8xi32>) -> tensor<4xi32>
  %2 = "dlc.reduce"(%b) {kind = "sum", axes = array<i64: 1>} : (tensor<4x8xi64>) -> tensor<4xi64>
  %3 = "dlc.reduce"(%b) {kind = "prod", axes = array<i64: 1>} : (tensor<4x8xi64>) -> tensor<4xi64>
  return %0, %1, %2, %3 : tensor<4xi32>, tensor<4xi32>, tensor<4xi64>, tensor<4xi64>
}

// i1 is treated as unsigned: max is "any" (fill false, maxui), min is "all" (fill true, minui).
// BOOL-LABEL: func.func @booleans(
// BOOL: func.func private @__dlc_reduce_{{[0-9]+}}(%{{.*}}: tensor<4x8xi1>) -> tensor<4xi1>
// BOOL: %[[F:.*]] = arith.constant false
// BOOL-NEXT: linalg.fill ins(%[[F]] : i1)
// BOOL-NEXT: linalg.generic
// BOOL-NEXT: ^bb0
// BOOL-NEXT: arith.maxui %{{.*}}, %{{.*}} : i1
// BOOL: func.func private @__dlc_reduce_{{[0-9]+}}(%{{.*}}: tensor<4x8xi1>) -> tensor<4x1xi1>
// BOOL: %[[T:.*]] = arith.constant true
// BOOL-NEXT: linalg.fill ins(%[[T]] : i1)
// BOOL-NEXT: linalg.generic
// BOOL-NEXT: ^bb0
// BOOL-NEXT: arith.minui %{{.*}}, %{{.*}} : i1
// BOOL: tensor.expand_shape %{{.*}} {{\[\[}}0, 1]] output_shape [4, 1] : tensor<4xi1> into tensor<4x1xi1>
func.func @booleans(%a: tensor<4x8xi1>) -> (tensor<4xi1>, tensor<4x1xi1>) {
  %0 = "dlc.reduce"(%a) {kind = "max", axes = array<i64: 1>} : (tensor<4x8xi1>) -> tensor<4xi1>
  %1 = "dlc.reduce"(%a) {kind = "min", axes = array<i64: 1>, keepdims = true} : (tensor<4x8xi1>) -> tensor<4x1xi1>
  return %0, %1 : tensor<4xi1>, tensor<4x1xi1>
}

// f16 is widened to f32 by an elementwise generic, reduced in f32 and rounded once.
// F16-LABEL: func.func @half(
// F16: func.func private @__dlc_reduce_{{[0-9]+}}(%[[X:.*]]: tensor<4x8xf16>) -> tensor<4xf16>
// F16-NEXT: tensor.empty() : tensor<4x8xf32>
// F16-NEXT: %[[W:.*]] = linalg.generic {{.*}} ins(%[[X]] : tensor<4x8xf16>) outs(%{{.*}} : tensor<4x8xf32>)
// F16-NEXT: ^bb0(%[[V:.*]]: f16, %{{.*}}: f32):
// F16-NEXT: arith.extf %[[V]] : f16 to f32
// F16: %[[S:.*]] = linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%[[W]] : tensor<4x8xf32>) outs(%{{.*}} : tensor<4xf32>)
// F16-NEXT: ^bb0
// F16-NEXT: arith.addf %{{.*}}, %{{.*}} : f32
// F16: linalg.generic {{.*}} ins(%[[S]] : tensor<4xf32>) outs(%{{.*}} : tensor<4xf16>)
// F16-NEXT: ^bb0(%[[A:.*]]: f32, %{{.*}}: f16):
// F16-NEXT: arith.truncf %[[A]] : f32 to f16
func.func @half(%x: tensor<4x8xf16>) -> tensor<4xf16> {
  %0 = "dlc.reduce"(%x) {kind = "sum", axes = array<i64: 1>} : (tensor<4x8xf16>) -> tensor<4xf16>
  return %0 : tensor<4xf16>
}

// CPU-LABEL: llvm.func @sum(
// CPU-LABEL: llvm.func @mean(
// CPU: llvm.fdiv
// CPU-LABEL: llvm.func @mean_keepdims_dynamic(
// CPU: llvm.uitofp
// CPU: llvm.fdiv
// CPU-LABEL: llvm.func @max(
// CPU: llvm.intr.maximum
// CPU-LABEL: llvm.func @min(
// CPU: llvm.intr.minimum
// CPU-LABEL: llvm.func @prod_all(
// CPU: llvm.fmul
// CPU-LABEL: llvm.func @keepdims_middle(
// CPU-LABEL: llvm.func @integers(
// CPU: llvm.intr.smax
// CPU: llvm.intr.smin
// CPU-LABEL: llvm.func @booleans(
// CPU: llvm.intr.umax
// CPU: llvm.intr.umin
// CPU-LABEL: llvm.func @half(
// CPU: llvm.fptrunc
