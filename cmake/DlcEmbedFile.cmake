# dlc_embed_file(OUT_C SYMBOL INPUT): turns a text file into a C source defining
#   const char SYMBOL[]; const unsigned long SYMBOL_size;
# so the dialect definition travels inside the binaries (no install path to find at run time).
function(dlc_embed_file out_c symbol input)
  add_custom_command(
    OUTPUT ${out_c}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${out_c} -DSYMBOL=${symbol}
            -P ${CMAKE_SOURCE_DIR}/cmake/DlcEmbedFileScript.cmake
    DEPENDS ${input} ${CMAKE_SOURCE_DIR}/cmake/DlcEmbedFileScript.cmake
    COMMENT "Embedding ${input}")
endfunction()
