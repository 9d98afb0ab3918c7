// --dlc-fuse-elementwise: producer-consumer chains of elementwise ops, with broadcasts and unit-dim
// reshapes between them, become one "loop" group; what must not fuse: a consumer that reads the whole
// tensor in another iteration space (transpose, matmul), a broadcast producer also used outside, and a
// merge that would make the group depend on itself (a cycle through an op outside it).
// RUN: dlc-opt %s --dlc-fuse-elementwise --dlc-explain 2>%t.explain | FileCheck %s
// RUN: FileCheck %s --check-prefix=EXPLAIN < %t.explain

// CHECK-LABEL: func.func @chain(
// CHECK: %[[G:.*]] = call @chain_loop_0(%arg0, %arg1)
// CHECK-NEXT: %[[T:.*]] = "dlc.transpose"(%[[G]])
// CHECK-NEXT: return %[[T]]
// CHECK-LABEL: func.func private @chain_loop_0(%arg0: tensor<64x32xf32>, %arg1: tensor<32xf32>) -> tensor<64x32xf32>
// CHECK-SAME: attributes {dlc.fusion = {kind = "loop"}}
// CHECK-NEXT: "dlc.constant"() {value = dense<5.000000e-01> : tensor<f32>}
// CHECK-NEXT: "dlc.add"(%arg0, %arg1)
// CHECK-NEXT: "dlc.relu"
// CHECK-NEXT: "dlc.reshape"
// CHECK-NEXT: "dlc.reshape"
// CHECK-NEXT: "dlc.mul"
// CHECK-NEXT: return
// EXPLAIN: fuse-elementwise: fused dlc.add@Add -> dlc.relu@Relu: saves 16.0 KiB
// EXPLAIN: fuse-elementwise: fused dlc.relu@Relu -> dlc.mul@Mul: saves
// EXPLAIN: fuse-elementwise: not fused dlc.mul@Mul -> dlc.transpose@T: the consumer reads the whole tensor in another iteration space
// EXPLAIN: fuse-elementwise: formed @chain_loop_0 (loop, 5 ops, dlc.add@Add .. dlc.mul@Mul)
func.func @chain(%x: tensor<64x32xf32>, %b: tensor<32xf32>) -> tensor<32x64xf32> {
  %half = "dlc.constant"() {value = dense<0.5> : tensor<f32>} : () -> tensor<f32>
  %0 = "dlc.add"(%x, %b) : (tensor<64x32xf32>, tensor<32xf32>) -> tensor<64x32xf32> loc("Add")
  %1 = "dlc.relu"(%0) : (tensor<64x32xf32>) -> tensor<64x32xf32> loc("Relu")
  %2 = "dlc.reshape"(%1) : (tensor<64x32xf32>) -> tensor<1x64x32xf32>
  %3 = "dlc.reshape"(%2) : (tensor<1x64x32xf32>) -> tensor<64x32xf32>
  %4 = "dlc.mul"(%3, %half) : (tensor<64x32xf32>, tensor<f32>) -> tensor<64x32xf32> loc("Mul")
  %5 = "dlc.transpose"(%4) {perm = array<i64: 1, 0>} : (tensor<64x32xf32>) -> tensor<32x64xf32> loc("T")
  return %5 : tensor<32x64xf32>
}

// Several outputs: the intermediate %0 is also returned, so the group returns it too.
// CHECK-LABEL: func.func @two_outputs(
// CHECK-NEXT: %[[R:.*]]:2 = call @two_outputs_loop_0(%arg0)
// CHECK-NEXT: return %[[R]]#1, %[[R]]#0
func.func @two_outputs(%x: tensor<1024xf32>) -> (tensor<1024xf32>, tensor<1024xf32>) {
  %0 = "dlc.exp"(%x) : (tensor<1024xf32>) -> tensor<1024xf32>
  %1 = "dlc.neg"(%0) : (tensor<1024xf32>) -> tensor<1024xf32>
  return %1, %0 : tensor<1024xf32>, tensor<1024xf32>
}

// %s (16 elements) is broadcast into the 16x16 add and also returned: not fused into it.
// CHECK-LABEL: func.func @broadcast_used_outside(
// CHECK: "dlc.sigmoid"(%arg1)
// CHECK: call @broadcast_used_outside_loop_0
// EXPLAIN: fuse-elementwise: not fused dlc.sigmoid@Sig -> dlc.add@Bcast: the producer is broadcast into a larger iteration space and also used outside
func.func @broadcast_used_outside(%x: tensor<16x16xf32>, %v: tensor<16xf32>) -> (tensor<16x16xf32>, tensor<16xf32>) {
  %s = "dlc.sigmoid"(%v) : (tensor<16xf32>) -> tensor<16xf32> loc("Sig")
  %e = "dlc.exp"(%x) : (tensor<16x16xf32>) -> tensor<16x16xf32>
  %a = "dlc.add"(%e, %s) : (tensor<16x16xf32>, tensor<16xf32>) -> tensor<16x16xf32> loc("Bcast")
  return %a, %s : tensor<16x16xf32>, tensor<16xf32>
}

// %a -> transpose -> transpose -> %c and %a -> %c: fusing %a into %c's group would need the
// transposes' result inside the group while they need the group's: a cycle.
// CHECK-LABEL: func.func @cycle(
// CHECK-NOT: call
// CHECK: return
// EXPLAIN: fuse-elementwise: not fused dlc.exp@A -> dlc.add@C: the group would depend on itself through an op outside it (cycle)
func.func @cycle(%x: tensor<8x8xf32>) -> tensor<8x8xf32> {
  %a = "dlc.exp"(%x) : (tensor<8x8xf32>) -> tensor<8x8xf32> loc("A")
  %t = "dlc.transpose"(%a) {perm = array<i64: 1, 0>} : (tensor<8x8xf32>) -> tensor<8x8xf32>
  %u = "dlc.transpose"(%t) {perm = array<i64: 1, 0>} : (tensor<8x8xf32>) -> tensor<8x8xf32>
  %c = "dlc.add"(%a, %u) : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x8xf32> loc("C")
  return %c : tensor<8x8xf32>
}

// An outside op between the group's members that uses an early member moves after the call.
// CHECK-LABEL: func.func @reorder(
// CHECK-NEXT: %[[G:.*]]:2 = call @reorder_loop_0(%arg0, %arg1)
// CHECK-NEXT: "dlc.transpose"(%[[G]]#0)
func.func @reorder(%x: tensor<8x8xf32>, %y: tensor<8x8xf32>) -> (tensor<8x8xf32>, tensor<8x8xf32>) {
  %a = "dlc.exp"(%x) : (tensor<8x8xf32>) -> tensor<8x8xf32>
  %t = "dlc.transpose"(%a) {perm = array<i64: 1, 0>} : (tensor<8x8xf32>) -> tensor<8x8xf32>
  %c = "dlc.add"(%a, %y) : (tensor<8x8xf32>, tensor<8x8xf32>) -> tensor<8x8xf32>
  return %c, %t : tensor<8x8xf32>, tensor<8x8xf32>
}
