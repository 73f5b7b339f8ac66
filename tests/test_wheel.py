"""An installed wheel works on its own: it is built from a copy of the checkout,
installed into a fresh venv, and its commands run from a folder outside the checkout.

The fresh venv borrows this venv's site-packages (torch and the rest) through a .pth
file, so nothing is downloaded. A .pth line only appends its folder to sys.path, so the
checkout's editable install (a finder that another .pth file there installs) does not
come along: `shaderbank` is the wheel's."""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
# What a build of the checkout must not pick up: caches, outputs, the venv, old builds.
NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "out",
    "runs",
    "__pycache__",
    "*.egg-info",
    ".pytest_cache",
    ".ruff_cache",
)


def _run(command: list[str | Path], cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, f"{command}: {result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """(bin folder of a venv holding only the wheel, environment to run it in)."""
    work = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SHADERBANK_BANK")}
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    build = [*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", work]
    _run([*build, source], work, env)
    (wheel,) = work.glob("shaderbank-*.whl")

    venv = work / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], work, env)
    target = venv / "bin" / "python"
    # Installed before the .pth below exists: this pip then sees an empty venv, not the
    # checkout's editable shaderbank, and has nothing to replace.
    _run([*pip, "--python", target, "install", "--no-deps", "--no-index", wheel], work, env)
    (site_packages,) = (venv / "lib").glob("python3*/site-packages")
    borrowed = "\n".join(site.getsitepackages())
    (site_packages / "borrowed-test-venv.pth").write_text(borrowed + "\n", encoding="utf-8")
    return venv / "bin", env


def test_the_wheel_ships_the_bank_and_the_configs(
    installed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    bin_dir, env = installed
    # pretrain.config itself imports torch (slow); the configs are read the same way.
    code = (
        "import json, shaderbank; from importlib import resources as r; from shaderbank.paths "
        "import builtin_bank_dir as b; print(json.dumps([shaderbank.__file__, str(b()), "
        "sorted(p.name for p in (r.files('pretrain') / 'configs').iterdir())]))"
    )
    module, bank, configs = json.loads(_run([bin_dir / "python", "-c", code], tmp_path, env))
    venv = bin_dir.parent.resolve()
    assert Path(module).resolve().is_relative_to(venv), module
    # The bank inside the installed package, not a shaders/ beside it or the checkout's.
    assert Path(bank).parent == Path(module).parent and (Path(bank) / "index.json").is_file()
    assert configs == sorted(p.name for p in (ROOT / "pretrain" / "configs").glob("*.yaml"))


def test_installed_commands_run_outside_the_checkout(
    installed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    bin_dir, env = installed
    listed = _run([bin_dir / "shaderbank", "list"], tmp_path, env).splitlines()
    index = json.loads((ROOT / "shaders" / "index.json").read_text(encoding="utf-8"))
    assert len(listed) == index["count"]
    assert all(line.split("\t")[0] in index["columns"]["id"] for line in listed)

    out = tmp_path / "sample.png"
    rendered = _run(
        [bin_dir / "shaderbank", "render", "--sample", "4", "--size", "32", "--out", out],
        tmp_path,
        env,
    )
    assert "4 programs" in rendered and "0 failed" in rendered
    assert Image.open(out).width >= 2 * 32

    # Building the parser lists the packaged configs (`run`'s help names them): it crashed
    # with a FileNotFoundError when the wheel lacked them.
    helped = _run([bin_dir / "pretrain", "--help"], tmp_path, env)
    assert "usage: pretrain" in helped and "export" in helped
