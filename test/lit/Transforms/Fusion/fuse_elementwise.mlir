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


// A member smaller than the group's iteration space may not be a group result: %a (16) is returned, so
// the 16-element chain is not fused into the 16x16 add.
// CHECK-LABEL: func.func @small_output(
// CHECK: call @small_output_loop_0(%arg0)
// CHECK-NEXT: "dlc.add"
// EXPLAIN: fuse-elementwise: not fused dlc.neg@B -> dlc.add@C: dlc.exp@A would be a group result smaller than the group's iteration space
func.func @small_output(%v: tensor<16xf32>, %x: tensor<16x16xf32>) -> (tensor<16x16xf32>, tensor<16xf32>) {
  %a = "dlc.exp"(%v) : (tensor<16xf32>) -> tensor<16xf32> loc("A")
  %b = "dlc.neg"(%a) : (tensor<16xf32>) -> tensor<16xf32> loc("B")
  %c = "dlc.add"(%x, %b) : (tensor<16x16xf32>, tensor<16xf32>) -> tensor<16x16xf32> loc("C")
  return %c, %a : tensor<16x16xf32>, tensor<16xf32>
}

// 62 chained ops: the group stops where its register estimate (16 + 4 per op) would pass 255 per thread.
// EXPLAIN: fuse-elementwise: not fused dlc.neg@Op58 -> dlc.abs@Op59: 60 ops need ~256 registers per thread (limit 255)
// EXPLAIN: formed @long_chain_loop_0 (loop, 59 ops, dlc.neg@Op0 .. dlc.neg@Op58)
// EXPLAIN: formed @long_chain_loop_1 (loop, 3 ops, dlc.abs@Op59 .. dlc.abs@Op61)
func.func @long_chain(%x: tensor<1024xf32>) -> tensor<1024xf32> {
  %0 = "dlc.neg"(%x) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op0")
  %1 = "dlc.abs"(%0) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op1")
  %2 = "dlc.neg"(%1) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op2")
  %3 = "dlc.abs"(%2) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op3")
  %4 = "dlc.neg"(%3) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op4")
  %5 = "dlc.abs"(%4) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op5")
  %6 = "dlc.neg"(%5) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op6")
  %7 = "dlc.abs"(%6) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op7")
  %8 = "dlc.neg"(%7) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op8")
  %9 = "dlc.abs"(%8) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op9")
  %10 = "dlc.neg"(%9) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op10")
  %11 = "dlc.abs"(%10) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op11")
  %12 = "dlc.neg"(%11) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op12")
  %13 = "dlc.abs"(%12) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op13")
  %14 = "dlc.neg"(%13) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op14")
  %15 = "dlc.abs"(%14) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op15")
  %16 = "dlc.neg"(%15) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op16")
  %17 = "dlc.abs"(%16) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op17")
  %18 = "dlc.neg"(%17) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op18")
  %19 = "dlc.abs"(%18) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op19")
  %20 = "dlc.neg"(%19) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op20")
  %21 = "dlc.abs"(%20) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op21")
  %22 = "dlc.neg"(%21) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op22")
  %23 = "dlc.abs"(%22) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op23")
  %24 = "dlc.neg"(%23) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op24")
  %25 = "dlc.abs"(%24) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op25")
  %26 = "dlc.neg"(%25) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op26")
  %27 = "dlc.abs"(%26) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op27")
  %28 = "dlc.neg"(%27) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op28")
  %29 = "dlc.abs"(%28) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op29")
  %30 = "dlc.neg"(%29) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op30")
  %31 = "dlc.abs"(%30) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op31")
  %32 = "dlc.neg"(%31) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op32")
  %33 = "dlc.abs"(%32) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op33")
  %34 = "dlc.neg"(%33) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op34")
  %35 = "dlc.abs"(%34) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op35")
  %36 = "dlc.neg"(%35) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op36")
  %37 = "dlc.abs"(%36) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op37")
  %38 = "dlc.neg"(%37) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op38")
  %39 = "dlc.abs"(%38) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op39")
  %40 = "dlc.neg"(%39) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op40")
  %41 = "dlc.abs"(%40) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op41")
  %42 = "dlc.neg"(%41) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op42")
  %43 = "dlc.abs"(%42) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op43")
  %44 = "dlc.neg"(%43) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op44")
  %45 = "dlc.abs"(%44) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op45")
  %46 = "dlc.neg"(%45) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op46")
  %47 = "dlc.abs"(%46) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op47")
  %48 = "dlc.neg"(%47) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op48")
  %49 = "dlc.abs"(%48) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op49")
  %50 = "dlc.neg"(%49) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op50")
  %51 = "dlc.abs"(%50) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op51")
  %52 = "dlc.neg"(%51) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op52")
  %53 = "dlc.abs"(%52) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op53")
  %54 = "dlc.neg"(%53) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op54")
  %55 = "dlc.abs"(%54) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op55")
  %56 = "dlc.neg"(%55) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op56")
  %57 = "dlc.abs"(%56) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op57")
  %58 = "dlc.neg"(%57) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op58")
  %59 = "dlc.abs"(%58) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op59")
  %60 = "dlc.neg"(%59) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op60")
  %61 = "dlc.abs"(%60) : (tensor<1024xf32>) -> tensor<1024xf32> loc("Op61")
  return %61 : tensor<1024xf32>
}
