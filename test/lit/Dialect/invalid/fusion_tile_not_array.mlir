// Fusion groups are private func.func ops carrying a `dlc.fusion` schedule dictionary
// (dialect/verify_fusion.c). tile is array<i64: ...>.
// RUN: not dlc-opt %s 2>&1 | FileCheck %s
// RUN: rm -f %t.out
// RUN: not dlc-opt %s -o %t.out
// RUN: test ! -e %t.out

// CHECK: :[[@LINE+1]]:1: error: fusion group @group: 'tile' must be array<i64: ...>
func.func private @group(%a: tensor<4xf32>) -> tensor<4xf32> attributes {dlc.fusion = {kind = "loop", tile = [2, 2]}} {
  %0 = "dlc.relu"(%a) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

func.func @main(%a: tensor<4xf32>) -> tensor<4xf32> {
  %0 = call @group(%a) : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
// CHECK: dlc-opt: error: {{.*}}fusion_tile_not_array.mlir: 1 dlc op failed verification
