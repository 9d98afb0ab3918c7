# CMake generated Testfile for 
# Source directory: /work/main/dialect
# Build directory: /work/main/build/dialect
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
