// dlc-gpu-host-memory: host buffers become CUDA managed memory (gpu.alloc host_shared), frees become an
// async gpu.dealloc between two gpu.wait (the form gpu-to-llvm lowers to mgpuMemFree), and constants are
// copied into a managed buffer that is freed before returning. Device code is left alone.
// RUN: dlc-opt %s --dlc-gpu-host-memory | FileCheck %s

memref.global "private" constant @weights : memref<4xf32> = dense<[1.0, 2.0, 3.0, 4.0]>

// CHECK-LABEL: func.func @host(
func.func @host(%x: memref<4xf32>, %n: index) -> memref<?xf32> {
  // CHECK: %[[G:.*]] = memref.get_global @weights : memref<4xf32>
  // CHECK-NEXT: %[[W:.*]] = gpu.alloc  host_shared () : memref<4xf32>
  // CHECK-NEXT: memref.copy %[[G]], %[[W]] : memref<4xf32> to memref<4xf32>
  %w = memref.get_global @weights : memref<4xf32>
  // CHECK: %[[T:.*]] = gpu.alloc  host_shared () : memref<4xf32>
  %t = memref.alloc() {alignment = 64 : i64} : memref<4xf32>
  // CHECK: %[[D:.*]] = gpu.alloc  host_shared (%{{.*}}) : memref<?xf32>
  %d = memref.alloc(%n) : memref<?xf32>
  // CHECK: memref.copy %[[W]], %[[T]]
  memref.copy %w, %t : memref<4xf32> to memref<4xf32>
  // CHECK: %[[T0:.*]] = gpu.wait async
  // CHECK-NEXT: %[[T1:.*]] = gpu.dealloc async [%[[T0]]] %[[T]] : memref<4xf32>
  // CHECK-NEXT: gpu.wait [%[[T1]]]
  memref.dealloc %t : memref<4xf32>
  // The constant's managed copy is freed last, before the return.
  // CHECK: %[[T2:.*]] = gpu.wait async
  // CHECK-NEXT: %[[T3:.*]] = gpu.dealloc async [%[[T2]]] %[[W]] : memref<4xf32>
  // CHECK-NEXT: gpu.wait [%[[T3]]]
  // CHECK-NEXT: return %[[D]]
  // CHECK-NOT: memref.alloc
  return %d : memref<?xf32>
}
