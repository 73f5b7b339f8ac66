"""`shaderbank render`: sheets, GIFs, and the failures a user meets, each in one line."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from shaderbank.cli.main import main


def test_render_writes_a_labelled_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sheet.png"
    code = main(["render", "fbm", "--size", "32", "--times", "1,5", "--out", str(out)])
    assert code == 0
    image = Image.open(out)
    assert image.width >= 2 * 32 and image.height >= 32
    assert np.asarray(image).std() > 10
    assert "wrote" in capsys.readouterr().out


def test_render_gif(tmp_path: Path) -> None:
    out = tmp_path / "anim.gif"
    assert (
        main(["render", "fbm/*", "--size", "24", "--gif", "--frames", "3", "--out", str(out)]) == 0
    )
    assert Image.open(out).n_frames == 3


def test_broken_file_is_reported_with_its_line_and_the_rest_drawn(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.glsl"
    broken.write_text("void mainImage(out vec4 c, in vec2 f)\n{\n  c = vec4(oops);\n}\n")
    out = tmp_path / "sheet.png"
    assert main(["render", "fbm", str(broken), "--size", "24", "--out", str(out)]) == 1
    assert out.exists()
    assert f"{broken}:3" in capsys.readouterr().err


def test_window_without_display_says_how_to_preview(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert main(["render", "fbm", "--window"]) == 2
    err = capsys.readouterr().err
    assert "no display" in err and "--gif" in err


def test_bad_grid_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "fbm", "--grid", "1x1"]) == 2
    assert "enlarge --grid" in capsys.readouterr().err
