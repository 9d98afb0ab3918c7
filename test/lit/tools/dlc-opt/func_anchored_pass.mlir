// A pass anchored on func.func (affine-scalrep) given plainly must be nested under func.func for the
// user, as --help promises ("func.func passes are nested for you").
//
// RUN: dlc-opt %s --affine-scalrep | FileCheck %s
// RUN: dlc-opt %s '--pass-pipeline=builtin.module(func.func(affine-scalrep))' | FileCheck %s

// The load of the value just stored is forwarded.
// CHECK-LABEL: func.func @forward(
// CHECK-NEXT: affine.store %arg1, %arg0[0] : memref<4xf32>
// CHECK-NEXT: return %arg1 : f32
func.func @forward(%m: memref<4xf32>, %v: f32) -> f32 {
  affine.store %v, %m[0] : memref<4xf32>
  %0 = affine.load %m[0] : memref<4xf32>
  return %0 : f32
}
