// DlcToLinalg of the elementwise ops added for ONNX: each is one linalg.generic whose body is
// floor/ceil -> math.floor/ceil, round -> math.roundeven (halves to even), sin/cos -> math.sin/cos,
// sign -> two compares and two selects (0, -0.0 and NaN pass through), softplus ->
// max(x, 0) + log1p(exp(-|x|)) (f16 computed in f32), not -> xori with true, and/or/xor -> andi/ori/
// xori, mod -> remsi (+ divisor when the signs differ, unless fmod) / remf.
// RUN: dlc-opt %s --dlc-lower-to-linalg | FileCheck %s
// RUN: dlc-opt %s --dlc-lower-to-linalg | dlc-opt | FileCheck %s

// CHECK-LABEL: func.func @f(
func.func @f(%x: tensor<4xf32>, %h: tensor<4xf16>, %b: tensor<4xi1>, %i: tensor<4xi32>, %c: tensor<3x1xi1>) {
  // CHECK: call @[[FLOOR:__dlc_floor_[0-9]+]](
  %0 = "dlc.floor"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  // CHECK: call @[[CEIL:__dlc_ceil_[0-9]+]](
  %1 = "dlc.ceil"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  // CHECK: call @[[ROUND:__dlc_round_[0-9]+]](
  %2 = "dlc.round"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  // CHECK: call @[[SIN:__dlc_sin_[0-9]+]](
  %3 = "dlc.sin"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  // CHECK: call @[[COS:__dlc_cos_[0-9]+]](
  %4 = "dlc.cos"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  // CHECK: call @[[SIGN:__dlc_sign_[0-9]+]](
  %5 = "dlc.sign"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  // CHECK: call @[[SOFTPLUS:__dlc_softplus_[0-9]+]](
  %6 = "dlc.softplus"(%h) : (tensor<4xf16>) -> tensor<4xf16>
  // CHECK: call @[[NOT:__dlc_not_[0-9]+]](
  %7 = "dlc.not"(%b) : (tensor<4xi1>) -> tensor<4xi1>
  // CHECK: call @[[AND:__dlc_and_[0-9]+]](%arg4, %arg2) : (tensor<3x1xi1>, tensor<4xi1>) -> tensor<3x4xi1>
  %8 = "dlc.and"(%c, %b) : (tensor<3x1xi1>, tensor<4xi1>) -> tensor<3x4xi1>
  // CHECK: call @[[OR:__dlc_or_[0-9]+]](
  %9 = "dlc.or"(%b, %b) : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  // CHECK: call @[[XOR:__dlc_xor_[0-9]+]](
  %10 = "dlc.xor"(%b, %b) : (tensor<4xi1>, tensor<4xi1>) -> tensor<4xi1>
  // CHECK: call @[[IMOD:__dlc_mod_[0-9]+]](
  %11 = "dlc.mod"(%i, %i) : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  // CHECK: call @[[IFMOD:__dlc_mod_[0-9]+]](
  %12 = "dlc.mod"(%i, %i) {fmod = true} : (tensor<4xi32>, tensor<4xi32>) -> tensor<4xi32>
  // CHECK: call @[[FFMOD:__dlc_mod_[0-9]+]](
  %13 = "dlc.mod"(%x, %x) {fmod = true} : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  // CHECK: call @[[FMOD:__dlc_mod_[0-9]+]](
  %14 = "dlc.mod"(%x, %x) : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  // CHECK: call @[[ISIGN:__dlc_sign_[0-9]+]](
  %15 = "dlc.sign"(%i) : (tensor<4xi32>) -> tensor<4xi32>
  return
}

// CHECK: func.func private @[[FLOOR]](
// CHECK: %[[R:.*]] = math.floor %{{.*}} : f32
// CHECK-NEXT: linalg.yield %[[R]] : f32
// CHECK: func.func private @[[CEIL]](
// CHECK: %[[R:.*]] = math.ceil %{{.*}} : f32
// CHECK-NEXT: linalg.yield %[[R]] : f32
// CHECK: func.func private @[[ROUND]](
// CHECK: %[[R:.*]] = math.roundeven %{{.*}} : f32
// CHECK-NEXT: linalg.yield %[[R]] : f32
// CHECK: func.func private @[[SIN]](
// CHECK: math.sin
// CHECK: func.func private @[[COS]](
// CHECK: math.cos

// CHECK: func.func private @[[SIGN]](
// CHECK: ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK: %[[GT:.*]] = arith.cmpf ogt, %[[IN]], %{{.*}} : f32
// CHECK-NEXT: %[[LT:.*]] = arith.cmpf olt, %[[IN]], %{{.*}} : f32
// CHECK-NEXT: %[[S1:.*]] = arith.select %[[LT]], %{{.*}}, %[[IN]] : f32
// CHECK-NEXT: %[[S:.*]] = arith.select %[[GT]], %{{.*}}, %[[S1]] : f32
// CHECK-NEXT: linalg.yield %[[S]] : f32

// CHECK: func.func private @[[SOFTPLUS]](
// CHECK: %[[W:.*]] = arith.extf %{{.*}} : f16 to f32
// CHECK-NEXT: %[[A:.*]] = math.absf %[[W]] : f32
// CHECK-NEXT: %[[N:.*]] = arith.negf %[[A]] : f32
// CHECK-NEXT: %[[E:.*]] = math.exp %[[N]] : f32
// CHECK-NEXT: %[[L:.*]] = math.log1p %[[E]] : f32
// CHECK: %[[M:.*]] = arith.maximumf %[[W]], %{{.*}} : f32
// CHECK-NEXT: %[[R:.*]] = arith.addf %[[M]], %[[L]] : f32
// CHECK-NEXT: %[[T:.*]] = arith.truncf %[[R]] : f32 to f16
// CHECK-NEXT: linalg.yield %[[T]] : f16

// CHECK: func.func private @[[NOT]](
// CHECK: %[[R:.*]] = arith.xori %{{.*}}, %true : i1
// CHECK: func.func private @[[AND]](
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %{{.*}} : tensor<3x1xi1>, tensor<4xi1>) outs(%{{.*}} : tensor<3x4xi1>)
// CHECK: arith.andi %{{.*}}, %{{.*}} : i1
// CHECK: func.func private @[[OR]](
// CHECK: arith.ori %{{.*}}, %{{.*}} : i1
// CHECK: func.func private @[[XOR]](
// CHECK: arith.xori %{{.*}}, %{{.*}} : i1

// Python %: the remainder takes the divisor's sign.
// CHECK: func.func private @[[IMOD]](
// CHECK: ^bb0(%[[A:.*]]: i32, %[[B:.*]]: i32, %{{.*}}: i32):
// CHECK: %[[R:.*]] = arith.remsi %[[A]], %[[B]] : i32
// CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK-NEXT: %[[NZ:.*]] = arith.cmpi ne, %[[R]], %[[ZERO]] : i32
// CHECK-NEXT: %[[RN:.*]] = arith.cmpi slt, %[[R]], %{{.*}} : i32
// CHECK-NEXT: %[[BN:.*]] = arith.cmpi slt, %[[B]], %{{.*}} : i32
// CHECK-NEXT: %[[DIFF:.*]] = arith.xori %[[RN]], %[[BN]] : i1
// CHECK-NEXT: %[[FIX:.*]] = arith.andi %[[NZ]], %[[DIFF]] : i1
// CHECK-NEXT: %[[SUM:.*]] = arith.addi %[[R]], %[[B]] : i32
// CHECK-NEXT: %[[M:.*]] = arith.select %[[FIX]], %[[SUM]], %[[R]] : i32
// CHECK-NEXT: linalg.yield %[[M]] : i32

// C fmod: the plain remainder.
// CHECK: func.func private @[[IFMOD]](
// CHECK: %[[R:.*]] = arith.remsi %{{.*}}, %{{.*}} : i32
// CHECK-NEXT: linalg.yield %[[R]] : i32
// CHECK: func.func private @[[FFMOD]](
// CHECK: %[[R:.*]] = arith.remf %{{.*}}, %{{.*}} : f32
// CHECK-NEXT: linalg.yield %[[R]] : f32
// CHECK: func.func private @[[FMOD]](
// CHECK: arith.remf
// CHECK: arith.cmpf one
// CHECK: arith.addf
// CHECK: arith.select

// CHECK: func.func private @[[ISIGN]](
// CHECK: arith.cmpi sgt
// CHECK: arith.cmpi slt
