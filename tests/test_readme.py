"""README.md runs as written: every ```python block (as a script of its own) and every
shell command of its indented blocks, in the README's order, in one scratch folder.

The fixture, so that the commands find what a reader would have and touch nothing of
the checkout's:
- the working folder is a fresh one with `.venv` linking to the checkout's, and
  `.venv/bin` first on PATH (`source .venv/bin/activate` and `.venv/bin/shaderbank` work);
- HOME is a fresh folder holding `~/shaders` (four programs of the importer's test
  corpus, in three dialects, for `import`) and `~/photos` (a tiny ImageFolder tree,
  for `eval --dataset ~/photos`); caches go under it;
- SHADERBANK_BANK points at a copy of shaders/, so `validate` writes no index of ours;
- `my.yaml` is the README's ```yaml block and `my-shader.glsl` its ```glsl block.

TINY lists every change made to a command before it runs: only sizes, counts and steps
shrink. SLOW names the commands that run in the slow tier only (`-m slow`), each with
its reason, and those that depend on them; the slow test runs every command. NEVER
names what no test can run, and why.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
# What a README command starts with; an indented line starting otherwise is prose laid
# out as code (the layout tree).
PROGRAMS = ("shaderbank", "pretrain", "torchrun", "source")
PATHS = ("./run.sh", ".venv/bin/")

TINY = {
    "--frames 60": "--frames 4",
    "synth:1000 diversity": "synth:6 diversity",
    "render --sample 64": "render --sample 8",
    "stream.batches(start=0, count=100)": "stream.batches(start=0, count=2)",
    "[bank.root], bank.ids, ": "[bank.root], bank.ids[:8], ",
    "batch_size=256": "batch_size=32",
    "if step == 9:": "if step == 1:",
    "steps: 10000": "steps: 2",
    "checkpoint_every: 500": "checkpoint_every: 2",
    "knn_every: 1000": "knn_every: 0",
    "warmup_steps: 100": "warmup_steps: 1",
    "batch_size: 128": "batch_size: 16",
    "backbone: resnet18 ": "backbone: resnet18_small ",
    "train.steps=20000": "train.steps=4",
    "train.steps=100": "train.steps=2",
    "--images 38400 --seeds 3": (
        "--images 64 --seeds 1 --set data.batch_size=16 --train-limit 200 --test-limit 100"
    ),
    "name=photo-anchor": "name=photo-anchor --set data.batch_size=4 --set train.steps=2",
}
SLOW = {
    "./run.sh demo": "installs packages and trains the demo (minutes)",
    "shaderbank render  ": "draws every program of the bank",
    "pretrain run demo-cpu": "trains the demo (minutes)",
    "torchrun": "two training processes and their render workers",
    "pretrain eval": "probes pretrained and random backbones (minutes; Fashion-MNIST)",
    "shaderbank diversity --out diversity ": "measures every program",
    "--by feature_diversity": "needs the full diversity study",
    "--results diversity/diversity.csv": "needs the full diversity study",
    "diversity-compare": "needs the full diversity study",
    "pretrain scaling": "trains and probes many runs",
    "pretrain variants": "trains and probes many runs",
    "pretrain usefulness": "trains and probes many runs; needs the full diversity study",
    "load_config(": "trains 100 steps and evaluates on Fashion-MNIST",
}
NEVER = {
    "--window": "opens a window that runs until Esc is pressed",
    "./run.sh test": "runs this test suite itself",
}
IMPORTED = (
    "shadertoy/plain.glsl",
    "shadertoy/mouse.glsl",
    "bookofshaders/gradient.frag",
    "bare/es100.frag",
)
FASHION = (
    "fashion-mnist",
    "pretrain eval runs/my-run  ",
    "--backbone resnet18_small",
    "pretrain scaling",
    "load_config(",
    "pretrain eval backbone.safetensors",
)


@dataclass(frozen=True)
class Snippet:
    line: int
    kind: str  # "shell" or "python"
    text: str

    def matches(self, table: dict[str, str]) -> str | None:
        padded = self.text + "  "  # so "shaderbank render  " means that command alone
        return next((reason for key, reason in table.items() if key in padded), None)

    def tiny(self) -> str:
        return shrink(self.text)


def shrink(text: str) -> str:
    for old, new in TINY.items():
        text = text.replace(old, new)
    return text


def fenced(text: str, language: str) -> Iterator[tuple[int, str]]:
    for match in re.finditer(rf"^```{language}\n(.*?)^```", text, re.M | re.S):
        yield text.count("\n", 0, match.start()) + 2, match.group(1)


def snippets(text: str) -> list[Snippet]:
    """The README's python blocks and shell commands, in order."""
    found = [Snippet(line, "python", code) for line, code in fenced(text, "python")]
    lines = text.splitlines()
    inside_fence = False
    pending: tuple[int, str] | None = None
    for number, raw in enumerate(lines, start=1):
        if raw.startswith("```"):
            inside_fence = not inside_fence
            continue
        if inside_fence or not raw.startswith("    "):
            continue
        line = raw[4:]
        if pending is not None:
            start, head = pending
            line = head + " " + line.strip()
            number = start
            pending = None
        elif line.split(" ", 1)[0] not in PROGRAMS and not line.startswith(PATHS):
            continue
        command = re.split(r"\s+# ", line, maxsplit=1)[0].rstrip()
        if command.endswith("\\"):
            pending = (number, command[:-1].rstrip())
            continue
        found.append(Snippet(number, "shell", command))
    return sorted(found, key=lambda snippet: snippet.line)


def test_the_readme_has_what_this_test_runs() -> None:
    found = snippets(README.read_text())
    kinds = [snippet.kind for snippet in found]
    assert kinds.count("python") >= 5 and kinds.count("shell") >= 30
    texts = "\n".join(snippet.text for snippet in found)
    for needed in (
        "DataLoader(stream",
        "shaderbank export",
        "--format imagefolder",
        "ImageFolder(",
        "wds.WebDataset",
    ):
        assert needed in texts, needed
    assert "transform:" in next(code for _, code in fenced(README.read_text(), "yaml"))
    # Every entry of the tables still names a README command.
    for table in (TINY, SLOW, NEVER):
        for key in table:
            assert any(key in s.text + "  " or key in shrink(s.text) for s in found) or any(
                key in code for _, code in fenced(README.read_text(), "yaml")
            ), key


def fashion_mnist_installed() -> bool:
    from pretrain.eval.datasets import fashion_mnist_dir

    return fashion_mnist_dir().is_dir()


def make_scratch(base: Path) -> dict[str, str]:
    """The folders and files of the fixture; returns the environment of the commands."""
    text = README.read_text()
    work, home = base / "work", base / "home"
    work.mkdir(parents=True)
    (work / ".venv").symlink_to(ROOT / ".venv")
    shutil.copytree(ROOT / "shaders", base / "bank")
    shaders = home / "shaders"
    shaders.mkdir(parents=True)
    corpus = ROOT / "tests" / "shaderbank" / "curate" / "import_corpus"
    for relative in IMPORTED:
        shutil.copy(corpus / relative, shaders / relative.replace("/", "-"))
    rng = np.random.default_rng(0)
    for label in ("dots", "stripes"):
        folder = home / "photos" / label
        folder.mkdir(parents=True)
        for k in range(6):
            pixels = rng.integers(0, 256, (40, 40, 3), dtype=np.uint8)
            if label == "stripes":
                pixels[::4] = 0
            Image.fromarray(pixels).save(folder / f"{k}.png")
    (work / "my.yaml").write_text(shrink(next(code for _, code in fenced(text, "yaml"))))
    (work / "my-shader.glsl").write_text(next(code for _, code in fenced(text, "glsl")))
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SHADERBANK_CACHE", "XDG_CACHE_HOME", "VIRTUAL_ENV")
    }
    env.update(
        HOME=str(home),
        SHADERBANK_BANK=str(base / "bank"),
        PATH=f"{ROOT / '.venv' / 'bin'}{os.pathsep}{env.get('PATH', '')}",
        PYTHONPATH=str(ROOT),
        LP_NUM_THREADS="1",
        OMP_NUM_THREADS="1",
    )
    return env


def run_snippet(snippet: Snippet, work: Path, env: dict[str, str]) -> None:
    code = snippet.tiny()
    if snippet.kind == "python":
        script = work / f"readme_{snippet.line}.py"
        script.write_text(code)
        argv = [sys.executable, str(script)]
    else:
        argv = ["bash", "-c", code]
    done = subprocess.run(argv, cwd=work, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, (
        f"README line {snippet.line}: {code}\nexit {done.returncode}\n"
        f"{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    )


def run_readme(base: Path, *, slow: bool) -> list[str]:
    """Run the README's snippets (all with `slow`, else those not in SLOW); returns
    those left out for want of Fashion-MNIST."""
    env = make_scratch(base)
    fashion = fashion_mnist_installed()
    left_out = []
    for snippet in snippets(README.read_text()):
        if snippet.matches(NEVER) or (not slow and snippet.matches(SLOW)):
            continue
        if not fashion and any(key in snippet.text + "  " for key in FASHION):
            left_out.append(f"line {snippet.line}")
            continue
        run_snippet(snippet, base / "work", env)
    return left_out


def test_the_readme_runs_as_written(tmp_path: Path) -> None:
    assert run_readme(tmp_path, slow=False) == []
    work = tmp_path / "work"
    # What the new parts of the tour made: a run with the transform, the exports.
    assert (work / "runs" / "my-run" / "checkpoints" / "last.pt").is_file()
    assert "RandomGrayscale" in (work / "runs" / "my-run" / "config.yaml").read_text()
    assert (work / "export" / "wds" / "shard-000000.tar").is_file()
    half = json.loads((work / "export" / "half" / "manifest-1-of-2.json").read_text())
    assert half["done"] and all(int(shard) % 2 == 1 for shard in half["done"])


@pytest.mark.slow
def test_every_readme_command_runs_as_written(tmp_path: Path) -> None:
    left_out = run_readme(tmp_path, slow=True)
    if left_out:
        pytest.skip(f"Fashion-MNIST is not installed: left out {', '.join(left_out)}")
