#!/usr/bin/env python3
"""Writes the small ONNX models used by the importer's lit tests (test/lit/Import). Needs Debian's
python3-onnx and python3-numpy; run with /usr/bin/python3 make_models.py. The outputs are committed,
so the tests themselves need neither."""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

here = os.path.dirname(os.path.abspath(__file__))


def save(model, name, check=True):
    if check:
        onnx.checker.check_model(model)
    onnx.save(model, os.path.join(here, name))


def vi(name, elem, shape):
    return helper.make_tensor_value_info(name, elem, shape)


def model(nodes, inputs, outputs, inits=(), opset=14, name="g"):
    graph = helper.make_graph(nodes, name, inputs, outputs, initializer=list(inits))
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)], producer_name="dlc-tests")


rng = np.random.default_rng(3)

# A Gemm + Relu with a weight large enough to become a dense_resource blob.
w = numpy_helper.from_array(rng.standard_normal((8, 16)).astype(np.float32), "fc.weight")
b = numpy_helper.from_array(rng.standard_normal(8).astype(np.float32), "fc.bias")
save(model([helper.make_node("Gemm", ["x", "fc.weight", "fc.bias"], ["h"], transB=1, name="fc"),
            helper.make_node("Relu", ["h"], ["y"], name="act")],
           [vi("x", TensorProto.FLOAT, ["batch", 16])], [vi("y", TensorProto.FLOAT, ["batch", 8])], [w, b]),
     "gemm_relu_dynamic_batch.onnx")

# Reshape driven by a Shape -> Gather -> Concat subgraph on a dynamic dim: must stay symbolic.
nodes = [
    helper.make_node("Shape", ["x"], ["s"], name="shape"),
    helper.make_node("Constant", [], ["i1"], value=numpy_helper.from_array(np.array(1, np.int64)), name="c1"),
    helper.make_node("Gather", ["s", "i1"], ["seq"], axis=0, name="gather"),
    helper.make_node("Unsqueeze", ["seq", "ax0"], ["seq1"], name="unsq"),
    helper.make_node("Concat", ["seq1", "tail"], ["shape2"], axis=0, name="concat"),
    helper.make_node("Reshape", ["x", "shape2"], ["y"], name="reshape"),
]
inits = [numpy_helper.from_array(np.array([0], np.int64), "ax0"),
         numpy_helper.from_array(np.array([2, 4], np.int64), "tail")]
save(model(nodes, [vi("x", TensorProto.FLOAT, [1, "seq", 8])], [vi("y", TensorProto.FLOAT, ["seq", 2, 4])], inits),
     "shape_subgraph_dynamic.onnx")
# The same with a static input folds to a plain reshape.
save(model(nodes, [vi("x", TensorProto.FLOAT, [1, 6, 8])], [vi("y", TensorProto.FLOAT, [6, 2, 4])], inits),
     "shape_subgraph_static.onnx")

# External data: the weight lives in a file beside the model.
wx = numpy_helper.from_array(np.arange(32, dtype=np.float32).reshape(4, 8) / 8, "w")
wx_array = numpy_helper.to_array(wx)
m = model([helper.make_node("MatMul", ["x", "w"], ["y"], name="mm")],
          [vi("x", TensorProto.FLOAT, [2, 4])], [vi("y", TensorProto.FLOAT, [2, 8])], [wx])
onnx.checker.check_model(m)
onnx.save_model(m, os.path.join(here, "external_data.onnx"), save_as_external_data=True, all_tensors_to_one_file=True,
                location="external_weights.bin", size_threshold=0)

# ---- bad inputs ----
ok = model([helper.make_node("Relu", ["x"], ["y"], name="r")], [vi("x", TensorProto.FLOAT, [2, 3])],
           [vi("y", TensorProto.FLOAT, [2, 3])])
data = ok.SerializeToString()
with open(os.path.join(here, "bad_truncated.onnx"), "wb") as f:
    f.write(data[: len(data) // 2])
with open(os.path.join(here, "bad_not_protobuf.onnx"), "wb") as f:
    f.write(b"this is not an ONNX model, it is plain text\n")
save(model([helper.make_node("Add", ["x", "missing_bias"], ["y"], name="add_bias")],
           [vi("x", TensorProto.FLOAT, [2, 3])], [vi("y", TensorProto.FLOAT, [2, 3])]),
     "bad_missing_initializer.onnx", check=False)
save(model([helper.make_node("Identity", ["x"], ["y"], name="id")],
           [vi("x", TensorProto.STRING, [2])], [vi("y", TensorProto.STRING, [2])]), "bad_string_dtype.onnx")
save(model([helper.make_node("Relu", ["x"], ["y"], name="r")], [vi("x", TensorProto.FLOAT, [2, 3])],
           [vi("y", TensorProto.FLOAT, [2, 3])], opset=9), "bad_opset9.onnx", check=False)
save(model([helper.make_node("Relu", ["x"], ["y"], name="r")], [vi("x", TensorProto.FLOAT, [2, 3])],
           [vi("y", TensorProto.FLOAT, [2, 3])], opset=18), "bad_opset18.onnx", check=False)
save(model([helper.make_node("NonMaxSuppression", ["boxes", "scores"], ["sel"], name="nms")],
           [vi("boxes", TensorProto.FLOAT, [1, 4, 4]), vi("scores", TensorProto.FLOAT, [1, 1, 4])],
           [vi("sel", TensorProto.INT64, [3, 3])]), "bad_unsupported_op.onnx")
np.save(os.path.join(here, "x_2x3.npy"), np.arange(6, dtype=np.float32).reshape(2, 3) - 2)
np.save(os.path.join(here, "x_rank3.npy"), np.zeros((1, 2, 3), np.float32))

# ---- references for the numerics checks (numpy only) ----
W, B = numpy_helper.to_array(w), numpy_helper.to_array(b)
for n in (3, 5):
    x = rng.standard_normal((n, 16)).astype(np.float32)
    np.save(os.path.join(here, f"gemm_x_b{n}.npy"), x)
    np.save(os.path.join(here, f"gemm_ref_b{n}.npy"), np.maximum(x @ W.T + B, 0).astype(np.float32))
xe = rng.standard_normal((2, 4)).astype(np.float32)
np.save(os.path.join(here, "external_x.npy"), xe)
np.save(os.path.join(here, "external_ref.npy"), (xe @ wx_array).astype(np.float32))
