"""The model suite, as PyTorch modules, for bench/bench_suite.py.

A clean copy of the architectures, shapes, seeds and export settings of the suite's generator,
../shared/models/make_models.py (the project's model suite, outside this repository; the bench must not
depend on it). Keep the two in step: the same module structure and parameter shapes, created in the same
order from the same seed, so that the weights and inputs are the same and torch.onnx.export (opset 14,
the same input names and dynamic axes) writes the same graphs.

One deliberate difference, which changes neither the weights nor the exported graph: the causal mask is
made on the input's device (make_models.py made it on the CPU), so the modules also run on a GPU.

Needs PyTorch. SPECS (plain data, below) does not, so dry runs and tests can use it without PyTorch.
"""
import math
from collections import namedtuple

# name, input shape, input dtype (numpy name), input name, dynamic axes (as given to torch.onnx.export),
# and what make_models.py recorded for the model (parameter count, ONNX node count, output shape, the sum
# of the input and of |output| in float64) so that a run can tell when its copy has drifted.
ModelSpec = namedtuple("ModelSpec", "name shape dtype input_name dynamic_axes params nodes out_shape in_sum out_abs_sum")

SPECS = [
    ModelSpec("mlp_gelu_b16", (16, 256), "float32", "x", None, 662026, 28, (16, 10), -17.8276367, 4.24645060),
    ModelSpec("mlp_relu_b1", (1, 64), "float32", "x", None, 25864, 5, (1, 8), 4.07973532, 0.610323789),
    ModelSpec("bert_tiny_s128", (1, 128), "int64", "ids", {"ids": {1: "seq"}}, 557696, 209, (1, 128),
              68400.0, 52.1847667),
    ModelSpec("gpt_small_block_s64", (1, 64, 256), "float32", "x", {"x": {1: "seq"}}, 1580032, 224, (1, 64, 256),
              -92.1891853, 13083.5690),
    ModelSpec("asr_conv_transformer", (1, 200, 80), "float32", "x", {"x": {1: "time"}}, 1137200, 415, (1, 49, 256),
              211.950049, 70687.3212),
    ModelSpec("resnet_tiny_b4", (4, 3, 32, 32), "float32", "x", None, 14762, 19, (4, 10), -84.4162827, 12.2043674),
    ModelSpec("llama_tiny_s32", (1, 32, 256), "float32", "x", {"x": {1: "seq"}}, 1584384, 203, (1, 32, 256),
              41.5076361, 6549.86487),
]

OPSET = 14
SEED = 0
OUTPUT_NAMES = ["y"]

try:
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except ImportError:  # SPECS above stays usable; building the models needs PyTorch
    torch = None

if torch is not None:

    class MLP(nn.Module):
        def __init__(self, d_in, hidden, d_out, layers, act="gelu"):
            super().__init__()
            dims = [d_in] + [hidden] * (layers - 1) + [d_out]
            self.lins = nn.ModuleList(nn.Linear(a, b) for a, b in zip(dims[:-1], dims[1:]))
            self.act = nn.GELU() if act == "gelu" else nn.ReLU()

        def forward(self, x):
            last = len(self.lins) - 1
            for i, lin in enumerate(self.lins):
                x = lin(x)
                if i < last:
                    x = self.act(x)
            return x

    class Attention(nn.Module):
        def __init__(self, d, heads, causal=False):
            super().__init__()
            self.h, self.dk, self.causal = heads, d // heads, causal
            self.qkv = nn.Linear(d, 3 * d)
            self.o = nn.Linear(d, d)

        def forward(self, x):
            b, s, d = x.shape
            q, k, v = self.qkv(x).split(d, dim=-1)
            q = q.reshape(b, s, self.h, self.dk).transpose(1, 2)
            k = k.reshape(b, s, self.h, self.dk).transpose(1, 2)
            v = v.reshape(b, s, self.h, self.dk).transpose(1, 2)
            att = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(self.dk)
            if self.causal:
                mask = torch.triu(torch.ones(s, s, dtype=torch.bool, device=x.device), diagonal=1)
                att = att.masked_fill(mask, -1e4)
            att = torch.softmax(att, dim=-1)
            y = torch.matmul(att, v).transpose(1, 2).reshape(b, s, d)
            return self.o(y)

    class EncoderLayer(nn.Module):
        def __init__(self, d, heads, ffn, causal=False, pre_norm=False):
            super().__init__()
            self.att = Attention(d, heads, causal)
            self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
            self.ff1, self.ff2 = nn.Linear(d, ffn), nn.Linear(ffn, d)
            self.pre = pre_norm

        def forward(self, x):
            if self.pre:
                x = x + self.att(self.ln1(x))
                return x + self.ff2(F.gelu(self.ff1(self.ln2(x))))
            x = self.ln1(x + self.att(x))
            return self.ln2(x + self.ff2(F.gelu(self.ff1(x))))

    class BertLike(nn.Module):
        def __init__(self, vocab, d, heads, ffn, layers, seq):
            super().__init__()
            self.emb = nn.Embedding(vocab, d)
            self.pos = nn.Parameter(torch.randn(1, seq, d) * 0.02)
            self.ln = nn.LayerNorm(d)
            self.layers = nn.ModuleList(EncoderLayer(d, heads, ffn) for _ in range(layers))
            self.pool = nn.Linear(d, d)

        def forward(self, ids):
            x = self.ln(self.emb(ids) + self.pos)
            for layer in self.layers:
                x = layer(x)
            return torch.tanh(self.pool(x[:, 0]))

    class GPTLike(nn.Module):
        def __init__(self, d, heads, ffn, layers):
            super().__init__()
            self.layers = nn.ModuleList(EncoderLayer(d, heads, ffn, causal=True, pre_norm=True) for _ in range(layers))
            self.ln = nn.LayerNorm(d)

        def forward(self, x):
            for layer in self.layers:
                x = layer(x)
            return self.ln(x)

    class ConvSubsample(nn.Module):
        """ASR front end: two stride-2 convs over (time, mel), then a projection."""

        def __init__(self, mels, d):
            super().__init__()
            self.c1 = nn.Conv2d(1, 32, 3, stride=2)
            self.c2 = nn.Conv2d(32, 32, 3, stride=2)
            f = ((mels - 1) // 2 - 1) // 2
            self.proj = nn.Linear(32 * f, d)

        def forward(self, x):  # x: (b, t, mels)
            x = F.relu(self.c1(x.unsqueeze(1)))
            x = F.relu(self.c2(x))
            b, c, t, f = x.shape
            return self.proj(x.transpose(1, 2).reshape(b, t, c * f))

    class ASRLike(nn.Module):
        def __init__(self, mels, d, heads, ffn, layers, vocab):
            super().__init__()
            self.sub = ConvSubsample(mels, d)
            self.layers = nn.ModuleList(EncoderLayer(d, heads, ffn, pre_norm=True) for _ in range(layers))
            self.out = nn.Linear(d, vocab)

        def forward(self, x):
            x = self.sub(x)
            for layer in self.layers:
                x = layer(x)
            return torch.log_softmax(self.out(x), dim=-1)

    class TinyResNet(nn.Module):
        def __init__(self, c=16, blocks=3, classes=10):
            super().__init__()
            self.stem = nn.Sequential(nn.Conv2d(3, c, 3, padding=1), nn.BatchNorm2d(c), nn.ReLU())
            self.blocks = nn.ModuleList(
                nn.Sequential(nn.Conv2d(c, c, 3, padding=1), nn.BatchNorm2d(c), nn.ReLU(),
                              nn.Conv2d(c, c, 3, padding=1), nn.BatchNorm2d(c)) for _ in range(blocks))
            self.fc = nn.Linear(c, classes)

        def forward(self, x):
            x = self.stem(x)
            for block in self.blocks:
                x = F.relu(x + block(x))
            return self.fc(x.mean(dim=(2, 3)))

    class RMSNorm(nn.Module):
        def __init__(self, d):
            super().__init__()
            self.w = nn.Parameter(torch.ones(d))

        def forward(self, x):
            return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-6) * self.w

    class LlamaLayer(nn.Module):
        def __init__(self, d, heads, ffn):
            super().__init__()
            self.n1, self.n2 = RMSNorm(d), RMSNorm(d)
            self.att = Attention(d, heads, causal=True)
            self.gate = nn.Linear(d, ffn, bias=False)
            self.up = nn.Linear(d, ffn, bias=False)
            self.down = nn.Linear(ffn, d, bias=False)

        def forward(self, x):
            x = x + self.att(self.n1(x))
            h = self.n2(x)
            return x + self.down(F.silu(self.gate(h)) * self.up(h))

    class LlamaLike(nn.Module):
        def __init__(self, d, heads, ffn, layers):
            super().__init__()
            self.layers = nn.ModuleList(LlamaLayer(d, heads, ffn) for _ in range(layers))
            self.norm = RMSNorm(d)

        def forward(self, x):
            for layer in self.layers:
                x = layer(x)
            return self.norm(x)


def suite():
    """The suite in make_models.py's order: (name, model, [inputs], dynamic_axes). Models and inputs are
    drawn from the global RNG in this order, so call build_suite() (which seeds it) rather than this."""
    return [
        ("mlp_gelu_b16", MLP(256, 512, 10, 4), [torch.randn(16, 256)], None),
        ("mlp_relu_b1", MLP(64, 128, 8, 3, act="relu"), [torch.randn(1, 64)], None),
        ("bert_tiny_s128", BertLike(1000, 128, 2, 512, 2, 128), [torch.randint(0, 1000, (1, 128))],
         {"ids": {1: "seq"}}),
        ("gpt_small_block_s64", GPTLike(256, 4, 1024, 2), [torch.randn(1, 64, 256)], {"x": {1: "seq"}}),
        ("asr_conv_transformer", ASRLike(80, 144, 4, 576, 4, 256), [torch.randn(1, 200, 80)], {"x": {1: "time"}}),
        ("resnet_tiny_b4", TinyResNet(), [torch.randn(4, 3, 32, 32)], None),
        ("llama_tiny_s32", LlamaLike(256, 4, 688, 2), [torch.randn(1, 32, 256)], {"x": {1: "seq"}}),
    ]


def build_suite():
    """Seeds the global RNG, builds every model of the suite (always all of them, in order, so that each
    model's weights do not depend on which models a run selects), puts them in eval mode and gives
    TinyResNet's BatchNorm layers make_models.py's non-trivial running statistics. Returns suite()'s list."""
    if torch is None:
        raise RuntimeError("building the suite's models needs PyTorch")
    torch.manual_seed(SEED)
    models = suite()
    for _, model, _, _ in models:
        model.eval()
        if isinstance(model, TinyResNet):
            for m in model.modules():
                if isinstance(m, nn.BatchNorm2d):
                    m.running_mean.uniform_(-0.5, 0.5)
                    m.running_var.uniform_(0.5, 2.0)
    return models


def input_names(model):
    return ["ids"] if isinstance(model, BertLike) else ["x"]


def export_onnx(model, inputs, path, dynamic_axes):
    """Exports as make_models.py does: opset 14, TorchScript-based exporter, constant folding, the same
    input/output names and dynamic axes. Where this PyTorch no longer has the TorchScript-based exporter
    (dynamo=False), falls back to the dynamo-based one. Returns the exporter used ('torchscript' or
    'dynamo'); the dynamo exporter writes a different graph, which the caller should report."""
    import warnings
    kwargs = dict(opset_version=OPSET, input_names=input_names(model), output_names=OUTPUT_NAMES,
                  dynamic_axes=dynamic_axes, do_constant_folding=True)
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            torch.onnx.export(model, tuple(inputs), path, dynamo=False, **kwargs)
            return "torchscript"
        except TypeError as e:  # a PyTorch without the dynamo argument (older than 2.5): the same exporter
            if "dynamo" not in str(e):
                raise
            torch.onnx.export(model, tuple(inputs), path, **kwargs)
            return "torchscript"
        except Exception as first:  # the TorchScript-based exporter is gone or failed: try the dynamo one
            try:
                torch.onnx.export(model, tuple(inputs), path, dynamo=True, **kwargs)
            except Exception:
                raise first
            return "dynamo"
