# Generates the protobuf-c code for ONNX at build time from Debian's onnx.proto (libonnx-dev) with
# protoc-c (protobuf-c-compiler) and defines dlc_onnx_proto. Nothing is hand-written or vendored.
find_program(DLC_PROTOC_C protoc-c REQUIRED)
find_file(DLC_ONNX_PROTO onnx.proto PATHS /usr/include/onnx NO_DEFAULT_PATH REQUIRED)
find_library(DLC_PROTOBUF_C protobuf-c REQUIRED)
set(DLC_ONNX_GEN_DIR ${CMAKE_BINARY_DIR}/generated/onnx)
get_filename_component(DLC_ONNX_PROTO_DIR ${DLC_ONNX_PROTO} DIRECTORY)
add_custom_command(
  OUTPUT ${DLC_ONNX_GEN_DIR}/onnx.pb-c.c ${DLC_ONNX_GEN_DIR}/onnx.pb-c.h
  COMMAND ${CMAKE_COMMAND} -E make_directory ${DLC_ONNX_GEN_DIR}
  COMMAND ${DLC_PROTOC_C} --proto_path=${DLC_ONNX_PROTO_DIR} --c_out=${DLC_ONNX_GEN_DIR} ${DLC_ONNX_PROTO}
  DEPENDS ${DLC_ONNX_PROTO}
  COMMENT "protoc-c: generating ONNX protobuf code from ${DLC_ONNX_PROTO}")
add_library(dlc_onnx_proto STATIC ${DLC_ONNX_GEN_DIR}/onnx.pb-c.c)
target_include_directories(dlc_onnx_proto SYSTEM PUBLIC ${CMAKE_BINARY_DIR}/generated)
target_link_libraries(dlc_onnx_proto PUBLIC ${DLC_PROTOBUF_C})
# Generated code: keep our warnings from failing on it.
target_compile_options(dlc_onnx_proto PRIVATE -w)
