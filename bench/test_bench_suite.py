"""Tests of bench_suite.py that need neither a GPU nor PyTorch (numpy only):

    /usr/bin/python3 -m unittest discover -s bench -p 'test_*.py' -v

They cover argument parsing, dlc-run output parsing (with bench/fake_dlc_run.py, and with the real
build/bin/dlc-run on the CPU where it and ../shared/models exist), output comparison, the markdown section
update, and whole dry runs in which the torch.compile workers hang, crash or fail and the time budget runs out.
"""
import json
import os
import stat
import subprocess
import sys
import tempfile
import unittest

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import bench_suite as bs  # noqa: E402

FAKE = os.path.join(HERE, "fake_dlc_run.py")
REAL = os.path.join(ROOT, "build", "bin", "dlc-run")
SHARED = os.path.join(ROOT, "..", "shared", "models")


def read(path):
    with open(path) as f:
        return f.read()


class Parsing(unittest.TestCase):
    def test_dlc_output(self):
        text = ("output #0: ...\ncompile: 631.2 ms (parse, lower, JIT)\n"
                "run: 100 iterations after 10 warm-up: median 0.4120 ms, p90 0.4500 ms, min 0.4000 ms (cuda, host clock)\n")
        r = bs.parse_dlc_output(text)
        self.assertEqual((r["iterations"], r["warmup"], r["device"], r["clock"]), (100, 10, "cuda", "host clock"))
        self.assertAlmostEqual(r["median_ms"], 0.412)
        self.assertAlmostEqual(r["p90_ms"], 0.45)
        self.assertAlmostEqual(r["min_ms"], 0.4)
        self.assertAlmostEqual(r["compile_ms"], 631.2)
        with self.assertRaises(ValueError):
            bs.parse_dlc_output("compile: 3 ms\n")

    def test_summarize_matches_dlc_run(self):
        t = list(range(100, 0, -1))  # 1..100, shuffled order
        s = bs.summarize(t)
        self.assertEqual(s["median_ms"], 51)  # sorted[100 // 2]
        self.assertEqual(s["p90_ms"], 90)     # sorted[(size_t)(99 * 0.9 + 0.5)] = sorted[89]
        self.assertEqual(s["min_ms"], 1)

    def test_args(self):
        a = bs.parse_args(["--models", "llama_tiny_s32,mlp_relu_b1", "--skip-max-autotune", "--dlc-args", "-O3 --gpu-arch=sm_90a"])
        self.assertEqual(a.model_names, ["mlp_relu_b1", "llama_tiny_s32"])  # the suite's order
        self.assertEqual(a.modes, ["compile"])
        self.assertEqual(a.dlc_extra, ["-O3", "--gpu-arch=sm_90a"])
        self.assertTrue(a.output.endswith(os.path.join("docs", "performance.md")))
        self.assertEqual(bs.parse_args(["--skip-compile"]).modes, [])
        self.assertIsNone(bs.parse_args(["--dry-run"]).output)
        self.assertIsNone(bs.parse_args(["--output", "-"]).output)
        with open(os.devnull, "w") as devnull:
            old, sys.stderr = sys.stderr, devnull
            try:
                with self.assertRaises(SystemExit):
                    bs.parse_args(["--models", "nope"])
            finally:
                sys.stderr = old

    def test_one_line(self):
        self.assertEqual(bs.one_line("Traceback ...\n  File x\nRuntimeError: boom  \n\n"), "RuntimeError: boom")
        self.assertEqual(bs.md_cell("a|b\nc"), "a\\|b c")


class Compare(unittest.TestCase):
    def test_cases(self):
        ref = np.array([[1.0, -2.0], [3.0, 4.0]], np.float32)
        self.assertTrue(bs.compare(ref + 1e-5, ref)["ok"])
        r = bs.compare(ref + 0.1, ref)
        self.assertFalse(r["ok"])
        self.assertAlmostEqual(r["max_abs"], 0.1, places=5)
        self.assertIn("differs", r["text"])
        self.assertFalse(bs.compare(ref[:1], ref)["ok"])
        bad = ref.copy()
        bad[0, 0] = np.nan
        self.assertIn("non-finite", bs.compare(bad, ref)["text"])


class Markdown(unittest.TestCase):
    def test_create_append_replace(self):
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "docs", "performance.md")
            s1 = "<!-- BEGIN bench_suite: GPU A -->\none\n<!-- END bench_suite: GPU A -->\n"
            bs.update_markdown(p, "GPU A", s1)
            text = read(p)
            self.assertTrue(text.startswith("# Performance"))
            self.assertIn("one", text)
            with open(p, "a") as f:
                f.write("\nHand-written notes stay.\n")
            s2 = "<!-- BEGIN bench_suite: GPU B -->\nb\n<!-- END bench_suite: GPU B -->\n"
            bs.update_markdown(p, "GPU B", s2)
            s1b = "<!-- BEGIN bench_suite: GPU A -->\ntwo\n<!-- END bench_suite: GPU A -->\n"
            bs.update_markdown(p, "GPU A", s1b)
            text = read(p)
            self.assertNotIn("one", text)
            self.assertEqual(text.count("BEGIN bench_suite: GPU A"), 1)
            self.assertIn("two", text)
            self.assertIn("Hand-written notes stay.", text)
            self.assertIn("\nb\n", text)
            self.assertLess(text.index("GPU A"), text.index("Hand-written"))  # replaced in place
            self.assertLess(text.index("Hand-written"), text.index("GPU B"))


class DlcRun(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.d = self.tmp.name
        self.model = os.path.join(self.d, "llama_tiny_s32", "model.onnx")
        os.makedirs(os.path.dirname(self.model))
        open(self.model, "w").close()
        self.x = os.path.join(self.d, "x.npy")
        np.save(self.x, np.arange(6, dtype=np.float32).reshape(2, 3))
        self.y = os.path.join(self.d, "y.npy")

    def tearDown(self):
        self.tmp.cleanup()

    def test_fake_ok_fail_garble(self):
        r = bs.run_dlc(FAKE, self.model, self.x, self.y, 100, 60)
        self.assertTrue(r["ok"], r)
        self.assertAlmostEqual(r["median_ms"], 0.25)
        self.assertEqual(np.load(self.y).tolist(), np.load(self.x).tolist())
        os.environ["FAKE_DLC_FAIL"] = "llama"
        try:
            r = bs.run_dlc(FAKE, self.model, self.x, self.y, 100, 60)
        finally:
            del os.environ["FAKE_DLC_FAIL"]
        self.assertFalse(r["ok"])
        self.assertIn("dlc-run exited 1: dlc-run: error: model.onnx:1:1", r["error"])
        os.environ["FAKE_DLC_GARBLE"] = "llama"
        try:
            r = bs.run_dlc(FAKE, self.model, self.x, self.y, 100, 60)
        finally:
            del os.environ["FAKE_DLC_GARBLE"]
        self.assertFalse(r["ok"])
        self.assertIn("no 'run:", r["error"])

    def test_timeout_and_preflight(self):
        slow = os.path.join(self.d, "slow.sh")
        with open(slow, "w") as f:
            f.write("#!/bin/sh\nsleep 30\n")
        os.chmod(slow, os.stat(slow).st_mode | stat.S_IXUSR)
        r = bs.run_dlc(slow, self.model, self.x, self.y, 100, 1)
        self.assertFalse(r["ok"])
        self.assertIn("timed out after 1 s", r["error"])
        self.assertIn("no dlc-run at", bs.dlc_preflight(os.path.join(self.d, "missing"), None))
        self.assertIsNone(bs.dlc_preflight(FAKE, None))

    @unittest.skipUnless(os.path.exists(REAL), "build/bin/dlc-run not built")
    def test_real_dlc_run_cuda_without_gpu_fails_cleanly(self):
        if bs.dlc_preflight(REAL, None):
            self.skipTest("dlc-run does not start here")
        r = bs.run_dlc(REAL, self.model, self.x, self.y, 100, 120)
        self.assertFalse(r["ok"])  # an empty model file, or no CUDA device: either way one line saying why
        self.assertTrue(r["error"].startswith("dlc-run exited"), r["error"])

    @unittest.skipUnless(os.path.exists(REAL) and os.path.isdir(SHARED), "needs build/bin/dlc-run and ../shared/models")
    def test_real_dlc_run_on_cpu_parses_and_agrees(self):
        if bs.dlc_preflight(REAL, None):
            self.skipTest("dlc-run does not start here")
        for name in ("mlp_relu_b1", "resnet_tiny_b4"):
            m = os.path.join(SHARED, name)
            r = bs.run_dlc(REAL, os.path.join(m, "model.onnx"), os.path.join(m, "input_0.npy"), self.y, 3, 300,
                           device="cpu")
            self.assertTrue(r["ok"], r)
            self.assertEqual(r["iterations"], 3)
            self.assertEqual(r["device"], "cpu")
            self.assertGreater(r["median_ms"], 0)
            self.assertIsNotNone(r["compile_ms"])
            self.assertTrue(bs.compare(np.load(self.y), np.load(os.path.join(m, "output_0.npy")))["ok"])


def dry_run(extra, env=None):
    """A whole dry run in a subprocess; returns (returncode, stdout, the JSON, the markdown)."""
    with tempfile.TemporaryDirectory() as d:
        out, js = os.path.join(d, "perf.md"), os.path.join(d, "perf.json")
        cmd = [sys.executable, os.path.join(HERE, "bench_suite.py"), "--dry-run", "--output", out, "--json", js] + extra
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=dict(os.environ, **(env or {})))
        data = md = None
        if os.path.exists(js):
            with open(js) as f:
                data = json.load(f)
        if os.path.exists(out):
            with open(out) as f:
                md = f.read()
        return p.returncode, p.stdout + p.stderr, data, md


class DryRun(unittest.TestCase):
    def rows(self, data):
        return {r["name"]: r for r in data["rows"]}

    def test_all_paths(self):
        rc, log, data, md = dry_run(
            ["--dlc-run", FAKE, "--compile-timeout", "4", "--skip-max-autotune", "--time-budget", "0"],
            env={"DLC_BENCH_FAKE": "hang=bert_tiny_s128;crash=gpt_small_block_s64;error=resnet_tiny_b4",
                 "FAKE_DLC_FAIL": "asr_conv", "FAKE_DLC_WRONG": "mlp_relu"})
        self.assertEqual(rc, 0, log)
        rows = self.rows(data)
        self.assertTrue(data["final"])
        self.assertIn("timed out after 4 s", rows["bert_tiny_s128"]["compile"]["error"])
        self.assertIn("worker died (exit 3) in this model: fake crash in gpt_small_block_s64",
                      rows["gpt_small_block_s64"]["compile"]["error"])
        self.assertIn("fake compile error", rows["resnet_tiny_b4"]["compile"]["error"])
        for n in ("mlp_gelu_b16", "mlp_relu_b1", "asr_conv_transformer", "llama_tiny_s32"):  # before and after
            self.assertTrue(rows[n]["compile"]["ok"], (n, rows[n]["compile"]))
        self.assertIsNone(rows["llama_tiny_s32"]["max-autotune"])
        self.assertFalse(rows["asr_conv_transformer"]["dlc"]["ok"])
        self.assertFalse(rows["mlp_relu_b1"]["agreement"]["ok"])
        self.assertTrue(rows["mlp_gelu_b16"]["agreement"]["ok"])
        self.assertIn("| asr_conv_transformer | 1×200×80 f32 | fail¹ |", md)
        self.assertIn("- asr_conv_transformer, DLC: dlc-run exited 1", md)
        self.assertIn("wrong output", md)
        self.assertIn("| skipped |", md)
        self.assertIn("DRY RUN", md)
        self.assertEqual(md.count("<!-- BEGIN bench_suite: dry run (no GPU) -->"), 1)

    def test_budget_and_real_dlc_on_placeholder(self):
        dlc = REAL if os.path.exists(REAL) else os.path.join(HERE, "missing-dlc-run")
        rc, log, data, md = dry_run(["--dlc-run", dlc, "--models", "mlp_relu_b1,llama_tiny_s32", "--time-budget", "20"])
        self.assertEqual(rc, 0, log)
        rows = self.rows(data)
        for r in rows.values():
            self.assertFalse(r["dlc"]["ok"])  # a placeholder is no ONNX model (or there is no dlc-run)
            self.assertTrue(r["eager"]["ok"])
            # 45% of under 20 s is under MIN_START_S: the default mode is not started; max-autotune is
            self.assertIn("time budget", r["compile"]["error"])
            self.assertTrue(r["max-autotune"]["ok"])
        self.assertIn("n/a", md)

    def test_worker_that_cannot_start(self):
        # not a dry run worker: PyTorch is missing (or there is no GPU) here, so the worker fails at once
        with tempfile.TemporaryDirectory() as d:
            p = subprocess.run([sys.executable, os.path.join(HERE, "bench_suite.py"), "--worker", "compile",
                                "--workdir", d, "--models", "mlp_relu_b1"], capture_output=True, text=True, timeout=120)
            self.assertIn('@@bench {"event": "hello"', p.stdout)
            # no PyTorch or no GPU: it exits non-zero; with both: it reports the missing input as a failure
            self.assertTrue(p.returncode != 0 or '"ok": false' in p.stdout, p.stdout + p.stderr)


if __name__ == "__main__":
    unittest.main()
