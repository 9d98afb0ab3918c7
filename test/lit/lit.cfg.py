# -*- Python -*-  lit configuration for DLC (see test/lit/README.md).
# Loaded by the site config that CMake writes into the build tree: run `lit -sv BUILD/test/lit`.
import os
import subprocess

import lit.formats

config.name = "DLC"
if not hasattr(config, "dlc_obj_root"):
    lit_config.fatal("run lit on the build tree (BUILD/test/lit), whose lit.site.cfg.py CMake configures")

# lit's internal shell: pipes, `not`, redirections; no loops (use a %python script for those).
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".mlir", ".test"]
# Inputs/ holds files that tests read; they are not tests themselves.
config.excludes = ["Inputs", "CMakeLists.txt", "README.md", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(os.path.abspath(__file__))
config.test_exec_root = os.path.join(config.dlc_obj_root, "test", "lit")

# The tools are found on PATH: the build's bin dir first, then LLVM's (FileCheck, not, split-file).
config.environment["PATH"] = os.pathsep.join(
    [config.dlc_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])
# CUDA_HOME / CUDA_ROOT / CUDA_PATH: where gpu-module-to-binary finds libdevice (__nv_expf, ...).
for var in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "HOME", "TMPDIR", "CUDA_HOME", "CUDA_ROOT", "CUDA_PATH"):
    if var in os.environ:
        config.environment[var] = os.environ[var]

config.substitutions.append(("%python", config.python_executable))

# Features that tests can REQUIRE / UNSUPPORTED / XFAIL on.
if config.dlc_sanitize:
    config.available_features.add("sanitizer")
if os.path.exists(os.path.join(config.dlc_tools_dir, "dlc-run")):
    config.available_features.add("dlc-run")
try:
    subprocess.run([config.python_executable, "-c", "import numpy"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    config.available_features.add("numpy")
except (OSError, subprocess.CalledProcessError):
    pass

# ptxas (the CUDA toolkit) assembles the PTX that the cuda pipeline emits.
_ptxas = os.environ.get("PTXAS", "/usr/local/cuda/bin/ptxas")
if os.access(_ptxas, os.X_OK):
    config.available_features.add("ptxas")
    config.substitutions.append(("%ptxas", _ptxas))
