// dlc-gpu-host-memory fails, naming the global's op, when the runtime has no device-constant entry for
// a global's element type (complex numbers here): no host-side copy is ever left behind instead.
// RUN: not dlc-opt %s --dlc-gpu-host-memory 2>&1 | FileCheck %s

memref.global "private" constant @c : memref<2xcomplex<f32>> = dense<[(1.0, 2.0), (3.0, 4.0)]>

func.func @host() -> memref<2xcomplex<f32>> {
  // CHECK: error: dlc-gpu-host-memory: no device constant entry for a global of this type
  %g = memref.get_global @c : memref<2xcomplex<f32>>
  return %g : memref<2xcomplex<f32>>
}
// CHECK-NOT: memref.copy
