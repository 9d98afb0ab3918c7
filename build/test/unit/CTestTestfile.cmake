# CMake generated Testfile for 
# Source directory: /work/main/test/unit
# Build directory: /work/main/build/test/unit
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test([=[unit.status]=] "/work/main/build/bin/dlc_unit_status")
set_tests_properties([=[unit.status]=] PROPERTIES  LABELS "unit" _BACKTRACE_TRIPLES "/work/main/test/unit/CMakeLists.txt;5;add_test;/work/main/test/unit/CMakeLists.txt;0;")
add_test([=[unit.tensor]=] "/work/main/build/bin/dlc_unit_tensor")
set_tests_properties([=[unit.tensor]=] PROPERTIES  LABELS "unit" _BACKTRACE_TRIPLES "/work/main/test/unit/CMakeLists.txt;5;add_test;/work/main/test/unit/CMakeLists.txt;0;")
add_test([=[unit.npy]=] "/work/main/build/bin/dlc_unit_npy")
set_tests_properties([=[unit.npy]=] PROPERTIES  LABELS "unit" _BACKTRACE_TRIPLES "/work/main/test/unit/CMakeLists.txt;5;add_test;/work/main/test/unit/CMakeLists.txt;0;")
