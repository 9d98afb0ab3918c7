# Finds Debian's LLVM/MLIR 22 and defines dlc::mlir_capi: the MLIR C API linked in one copy.
# libMLIR.so does not contain the C API and Debian ships no libMLIR-C.so, so the libMLIRCAPI*.a
# archives are linked by file inside one link group, followed by the MLIR and LLVM shared libraries.
# Linking the CAPI *targets* would pull static MLIR code and libMLIR.so into one process (two copies).
find_package(MLIR REQUIRED CONFIG PATHS /usr/lib/llvm-22/lib/cmake/mlir NO_DEFAULT_PATH)
if(NOT MLIR_VERSION_MAJOR EQUAL 22 AND NOT LLVM_VERSION_MAJOR EQUAL 22)
  message(FATAL_ERROR "DLC needs LLVM/MLIR 22, found ${LLVM_PACKAGE_VERSION}")
endif()
message(STATUS "MLIR ${MLIR_VERSION} from ${MLIR_DIR}; LLVM tools in ${LLVM_TOOLS_BINARY_DIR}")

file(GLOB DLC_MLIR_CAPI_ARCHIVES "${LLVM_LIBRARY_DIR}/libMLIRCAPI*.a")
if(NOT DLC_MLIR_CAPI_ARCHIVES)
  message(FATAL_ERROR "no libMLIRCAPI*.a under ${LLVM_LIBRARY_DIR}: install libmlir-22-dev")
endif()

add_library(dlc_mlir_capi INTERFACE)
target_include_directories(dlc_mlir_capi SYSTEM INTERFACE ${MLIR_INCLUDE_DIRS} ${LLVM_INCLUDE_DIRS})
target_link_libraries(dlc_mlir_capi INTERFACE
  -Wl,--start-group ${DLC_MLIR_CAPI_ARCHIVES} -Wl,--end-group
  ${LLVM_LIBRARY_DIR}/libMLIR.so ${LLVM_LIBRARY_DIR}/libLLVM.so stdc++ m)
add_library(dlc::mlir_capi ALIAS dlc_mlir_capi)

set(DLC_LLVM_TOOLS_DIR "${LLVM_TOOLS_BINARY_DIR}" CACHE PATH "where lit, FileCheck and not live")
