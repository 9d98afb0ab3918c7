// dlc-gpu-host-memory: the host code keeps no data movement of its own. Host buffers become CUDA managed
// memory (gpu.alloc host_shared), frees an async gpu.dealloc between two gpu.wait (the form gpu-to-llvm
// lowers to mgpuMemFree), constants a call to the runtime's once-per-process device copy, contiguous
// memref.copy an async gpu.memcpy, strided memref.copy a call to a generated gpu.launch copy kernel, and
// every gpu.launch is preceded by the bytes it moves (for --profile). Device code is left alone.
// RUN: dlc-opt %s --dlc-gpu-host-memory | FileCheck %s

memref.global "private" constant @weights : memref<4xf32> = dense<[1.0, 2.0, 3.0, 4.0]>
memref.global "private" constant @table : memref<2x3xi64> = dense<[[1, 2, 3], [4, 5, 6]]>

// CHECK-LABEL: func.func @host(
func.func @host(%x: memref<4xf32>, %n: index) -> memref<?xf32> {
  // CHECK: %[[G:.*]] = memref.get_global @weights : memref<4xf32>
  // CHECK-NEXT: %[[GC:.*]] = memref.cast %[[G]] : memref<4xf32> to memref<?xf32>
  // CHECK-NEXT: %[[R:.*]] = arith.constant 1 : i64
  // CHECK-NEXT: %[[E:.*]] = arith.constant 4 : i64
  // CHECK-NEXT: %[[DW:.*]] = call @dlcrt_gpu_constant_f32_1(%[[GC]], %[[R]], %[[E]]) : (memref<?xf32>, i64, i64) -> memref<?xf32>
  // CHECK-NEXT: %[[W:.*]] = memref.cast %[[DW]] : memref<?xf32> to memref<4xf32>
  %w = memref.get_global @weights : memref<4xf32>
  // CHECK: %[[TB:.*]] = call @dlcrt_gpu_constant_i64_2({{.*}}) : (memref<?x?xi64>, i64, i64) -> memref<?x?xi64>
  %tb = memref.get_global @table : memref<2x3xi64>
  // CHECK: %[[T:.*]] = gpu.alloc  host_shared () : memref<4xf32>
  %t = memref.alloc() {alignment = 64 : i64} : memref<4xf32>
  // CHECK: %[[D:.*]] = gpu.alloc  host_shared (%{{.*}}) : memref<?xf32>
  %d = memref.alloc(%n) : memref<?xf32>
  // A contiguous copy (the constant's device copy into a buffer) is an async gpu.memcpy.
  // CHECK: %[[C0:.*]] = gpu.wait async
  // CHECK-NEXT: %[[C1:.*]] = gpu.memcpy async [%[[C0]]] %[[T]], %[[W]] : memref<4xf32>, memref<4xf32>
  // CHECK-NEXT: gpu.wait [%[[C1]]]
  memref.copy %w, %t : memref<4xf32> to memref<4xf32>
  // A strided copy calls a generated kernel.
  // CHECK: %[[S:.*]] = memref.subview
  %s = memref.subview %tb[0, 1] [2, 2] [1, 1] : memref<2x3xi64> to memref<2x2xi64, strided<[3, 1], offset: 1>>
  %u = memref.alloc() : memref<2x2xi64>
  // CHECK: call @dlc_strided_copy_0(%[[S]], %{{.*}}) : (memref<2x2xi64, strided<[3, 1], offset: 1>>, memref<2x2xi64>) -> ()
  memref.copy %s, %u : memref<2x2xi64, strided<[3, 1], offset: 1>> to memref<2x2xi64>
  // Shapes that differ only in being static or dynamic go through the kernel too (gpu.memcpy wants equal shapes).
  // CHECK: call @dlc_strided_copy_1(%[[W]], %[[D]]) : (memref<4xf32>, memref<?xf32>) -> ()
  memref.copy %w, %d : memref<4xf32> to memref<?xf32>
  // CHECK: %[[T0:.*]] = gpu.wait async
  // CHECK-NEXT: %[[T1:.*]] = gpu.dealloc async [%[[T0]]] %[[T]] : memref<4xf32>
  // CHECK-NEXT: gpu.wait [%[[T1]]]
  memref.dealloc %t : memref<4xf32>
  // Constants are not freed: the runtime owns their device copies.
  // CHECK-NOT: gpu.dealloc async [%{{.*}}] %[[W]]
  // CHECK: return %[[D]]
  return %d : memref<?xf32>
}
// CHECK-NOT: memref.copy
// CHECK-NOT: memref.alloc(

// Launches get their bytes: x (4 x f32, 16 bytes) and y (n x f32, from memref.dim).
// CHECK-LABEL: func.func @launch(
func.func @launch(%x: memref<4xf32>, %y: memref<?xf32>) {
  %c1 = arith.constant 1 : index
  // CHECK: %[[DIM:.*]] = memref.dim %{{.*}}, %{{.*}} : memref<?xf32>
  // CHECK: %[[YB:.*]] = arith.muli %[[DIM]], %{{.*}} : index
  // CHECK: %[[STATIC:.*]] = arith.constant 16 : i64
  // CHECK: %[[DYN:.*]] = arith.index_cast %[[YB]] : index to i64
  // CHECK: %[[TOTAL:.*]] = arith.addi %[[STATIC]], %[[DYN]] : i64
  // CHECK-NEXT: call @dlcrt_profile_next_launch_bytes(%[[TOTAL]]) : (i64) -> ()
  // CHECK-NEXT: gpu.launch
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1) threads(%tx, %ty, %tz) in (%sx = %c1, %sy = %c1, %sz = %c1) {
    // Device code keeps its memref ops.
    // CHECK: memref.load
    %v = memref.load %x[%tx] : memref<4xf32>
    memref.store %v, %y[%tx] : memref<?xf32>
    gpu.terminator
  }
  return
}

// CHECK: func.func private @dlcrt_gpu_constant_f32_1(memref<?xf32>, i64, i64) -> memref<?xf32> attributes {llvm.emit_c_interface}
// CHECK: func.func private @dlcrt_gpu_constant_i64_2(memref<?x?xi64>, i64, i64) -> memref<?x?xi64> attributes {llvm.emit_c_interface}
// The generated strided copy: one thread per element in 256-thread blocks, skipped when empty.
// CHECK-LABEL: func.func private @dlc_strided_copy_0(%{{.*}}: memref<2x2xi64, strided<[3, 1], offset: 1>>, %{{.*}}: memref<2x2xi64>)
// CHECK: scf.if
// CHECK: call @dlcrt_profile_next_launch_bytes
// CHECK: gpu.launch blocks
// CHECK: memref.load %{{.*}} : memref<2x2xi64, strided<[3, 1], offset: 1>>
// CHECK: memref.store %{{.*}} : memref<2x2xi64>
// CHECK: func.func private @dlcrt_profile_next_launch_bytes(i64)
