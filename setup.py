"""The one build step pyproject.toml cannot declare: the built-in bank lives in the
top-level shaders/ folder (the product's layout), outside any package, so building a wheel
copies it into the package as shaderbank/shaders/, where shaderbank.paths finds it through
importlib.resources. An editable install skips the copy: there shaderbank.paths finds
shaders/ beside the package, and edits to the bank show without reinstalling."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

BANK = Path(__file__).resolve().parent / "shaders"
PACKAGED_BANK = ("shaderbank", "shaders")


class BuildPyWithBank(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        if not (BANK / "index.json").is_file():
            raise RuntimeError(f"{BANK.resolve()}: the built-in bank is missing; cannot build")
        target = Path(self.build_lib, *PACKAGED_BANK)
        shutil.rmtree(target, ignore_errors=True)  # a bank from an earlier build
        shutil.copytree(BANK, target, ignore=shutil.ignore_patterns("__pycache__", ".*"))


setup(cmdclass={"build_py": BuildPyWithBank})
