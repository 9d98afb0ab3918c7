"""Runs every ONNX node test (libonnx-testdata) whose dlc-lower-to-gpu output is made only of generated
kernels (no dlc op and no library call left) on the SIMT model of gpu_kernel_sim.py, and compares with
the stored outputs (1e-4; f16 2e-3; integers exact). Ops or element types the model does not know are
skipped, with the reason. Needs numpy and the onnx Python package; not part of the test run (the machine
that runs the tests may lack them).

Usage: onnx_node_sim.py DLC_OPT [NODE_DIR]   e.g. onnx_node_sim.py build/bin/dlc-opt"""
import glob, os, subprocess, sys

DLC_OPT = sys.argv[1]
NODE_DIR = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/libonnx-testdata/data/node"
import numpy as np
import onnx
from onnx import numpy_helper
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gpu_kernel_sim as sim

ELEM = {np.float32: "f32", np.float16: "f16", np.float64: "f64", np.bool_: "i1", np.int32: "i32", np.int64: "i64"}
res = {"ok": [], "fail": [], "skip": []}
for d in sorted(glob.glob(os.path.join(NODE_DIR, "*/"))):
    name = os.path.basename(d.rstrip("/"))
    p = subprocess.run([DLC_OPT, d + "model.onnx", "--dlc-lower-to-gpu", "--mlir-print-op-generic"],
                       capture_output=True, text=True)
    if p.returncode != 0 or '"dlc.' in p.stdout or "__dlc_gpu_" not in p.stdout:
        continue
    if "func.call\"" in p.stdout and "dlcrt_" in p.stdout:
        continue  # library calls are not modelled
    ins = [numpy_helper.to_array(onnx.load_tensor(f)) for f in sorted(glob.glob(d + "test_data_set_0/input_*.pb"))]
    outs = [numpy_helper.to_array(onnx.load_tensor(f)) for f in sorted(glob.glob(d + "test_data_set_0/output_*.pb"))]
    if any(x.dtype.type not in ELEM for x in ins + outs):
        res["skip"].append(name + " (dtype)")
        continue
    try:
        m = sim.Machine(sim.parse(p.stdout))
        main = [k for k in m.funcs if not k.startswith("__dlc_gpu_")][0]
        got = m.call(main, [sim.Buf(x.shape, ELEM[x.dtype.type], x) for x in ins])
        for g, w in zip(got, outs):
            if not g.written.all():
                raise sim.Fail("unwritten output elements")
            gv = g.data.reshape(g.shape)
            tol = 2e-3 if w.dtype == np.float16 else 1e-4
            if gv.shape != w.shape:
                raise sim.Fail("shape %s vs %s" % (gv.shape, w.shape))
            if w.dtype.kind == "f":
                okv = np.allclose(gv.astype(np.float64), w.astype(np.float64), rtol=tol, atol=tol, equal_nan=True)
            else:
                okv = np.array_equal(gv, w)
            if not okv:
                raise sim.Fail("values differ")
        res["ok"].append(name)
    except sim.Fail as e:
        (res["skip"] if "not modelled" in str(e) else res["fail"]).append("%s: %s" % (name, e))
    except Exception as e:
        res["skip"].append("%s: %s %s" % (name, type(e).__name__, str(e)[:80]))
for k in ("fail", "skip"):
    for x in res[k]:
        print(k.upper(), x)
print("ok=%d fail=%d skip=%d" % (len(res["ok"]), len(res["fail"]), len(res["skip"])))
sys.exit(1 if res["fail"] else 0)
