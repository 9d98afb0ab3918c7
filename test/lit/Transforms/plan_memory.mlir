// --dlc-plan-memory: static intermediate buffers go into one arena; buffers whose live ranges (alloc to
// last use, views included) are disjoint share bytes, overlapping ones never do; returned and dynamic
// buffers stay separate allocations; the buffers' deallocs are replaced by one of the arena.
// RUN: dlc-opt %s --dlc-plan-memory | FileCheck %s

// CHECK-LABEL: func.func @chain(
// CHECK-SAME: dlc.memory_plan = {arena_bytes = 8192 : i64, buffers = 3 : i64, unshared_bytes = 12288 : i64}
// a (offset 0) and c are never live together, so c reuses a's bytes; b sits beside them.
// CHECK: %[[ARENA:.*]] = memref.alloc() {alignment = 64 : i64} : memref<8192xi8>
// CHECK-NEXT: %[[OA:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[A:.*]] = memref.view %[[ARENA]][%[[OA]]][] : memref<8192xi8> to memref<1024xf32>
// CHECK-NEXT: %[[OB:.*]] = arith.constant 4096 : index
// CHECK-NEXT: %[[B:.*]] = memref.view %[[ARENA]][%[[OB]]][] : memref<8192xi8> to memref<1024xf32>
// CHECK-NEXT: %[[OC:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[C:.*]] = memref.view %[[ARENA]][%[[OC]]][] : memref<8192xi8> to memref<1024xf32>
// CHECK-NEXT: memref.copy %arg0, %[[A]]
// CHECK-NEXT: memref.copy %[[A]], %[[B]]
// CHECK-NEXT: memref.copy %[[B]], %[[C]]
// CHECK-NEXT: %[[OUT:.*]] = memref.alloc() : memref<1024xf32>
// CHECK-NOT: memref.dealloc %{{.*}} : memref<1024xf32>
// CHECK: memref.dealloc %[[ARENA]] : memref<8192xi8>
// CHECK-NEXT: return %[[OUT]]
func.func @chain(%x: memref<1024xf32>) -> memref<1024xf32> {
  %a = memref.alloc() : memref<1024xf32>
  memref.copy %x, %a : memref<1024xf32> to memref<1024xf32>
  %b = memref.alloc() : memref<1024xf32>
  memref.copy %a, %b : memref<1024xf32> to memref<1024xf32>
  %c = memref.alloc() : memref<1024xf32>
  memref.copy %b, %c : memref<1024xf32> to memref<1024xf32>
  %out = memref.alloc() : memref<1024xf32>
  memref.copy %c, %out : memref<1024xf32> to memref<1024xf32>
  memref.dealloc %a : memref<1024xf32>
  memref.dealloc %b : memref<1024xf32>
  memref.dealloc %c : memref<1024xf32>
  return %out : memref<1024xf32>
}

// A view keeps its buffer alive: %a is used (through %va) after %b is allocated, so they cannot share.
// CHECK-LABEL: func.func @view_extends_life(
// CHECK-SAME: arena_bytes = 8192 : i64, buffers = 2 : i64
func.func @view_extends_life(%x: memref<1024xf32>, %y: memref<4x256xf32>) {
  %a = memref.alloc() : memref<1024xf32>
  %va = memref.expand_shape %a [[0, 1]] output_shape [4, 256] : memref<1024xf32> into memref<4x256xf32>
  %b = memref.alloc() : memref<1024xf32>
  memref.copy %x, %b : memref<1024xf32> to memref<1024xf32>
  memref.copy %va, %y : memref<4x256xf32> to memref<4x256xf32>
  memref.dealloc %a : memref<1024xf32>
  memref.dealloc %b : memref<1024xf32>
  return
}

// Dynamic shapes are not planned; a function with nothing to plan is left alone.
// CHECK-LABEL: func.func @dynamic(
// CHECK-NOT: dlc.memory_plan
// CHECK: memref.alloc(%{{.*}}) : memref<?xf32>
func.func @dynamic(%x: memref<?xf32>) {
  %c0 = arith.constant 0 : index
  %n = memref.dim %x, %c0 : memref<?xf32>
  %a = memref.alloc(%n) : memref<?xf32>
  memref.copy %x, %a : memref<?xf32> to memref<?xf32>
  memref.dealloc %a : memref<?xf32>
  return
}

// A buffer whose base is taken (ownership-based deallocation frees extract_strided_metadata's base
// buffer) is not planned: for a view that base would be the whole arena.
// CHECK-LABEL: func.func @base_taken(
// CHECK-NOT: dlc.memory_plan
// CHECK: memref.alloc() : memref<1024xf32>
func.func @base_taken(%x: memref<1024xf32>, %own: i1) {
  %a = memref.alloc() : memref<1024xf32>
  memref.copy %x, %a : memref<1024xf32> to memref<1024xf32>
  %base, %offset, %size, %stride = memref.extract_strided_metadata %a : memref<1024xf32> -> memref<f32>, index, index, index
  scf.if %own {
    memref.dealloc %base : memref<f32>
  }
  return
}
