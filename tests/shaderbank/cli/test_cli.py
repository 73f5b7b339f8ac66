from __future__ import annotations

import subprocess
import sys
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


def test_unknown_program_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "no-such-program"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("shaderbank: error: no program matches")
    assert "\n" not in err


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
    assert main(["render", "fbm", "--window"]) == 1
    err = capsys.readouterr().err
    assert "no display" in err and "--gif" in err


def test_bad_grid_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "fbm", "--grid", "1x1"]) == 1
    assert "enlarge --grid" in capsys.readouterr().err


def test_list_shows_the_bank(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--family", "fbm"]) == 0
    out = capsys.readouterr().out
    assert "fbm/" in out and "plasma/" not in out


def test_console_scripts_are_installed() -> None:
    bin_dir = Path(sys.executable).parent
    for script, expected in (("shaderbank", "shaderbank 0.1.0"), ("pretrain", "pretrain 0.1.0")):
        result = subprocess.run(
            [str(bin_dir / script), "--version"], capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == expected


def _tiny_bank(root: Path) -> Path:
    (root / "fam").mkdir(parents=True)
    for k in range(3):
        (root / "fam" / f"p{k}.glsl").write_text(
            "// tags: demo\n"
            "void mainImage(out vec4 c, in vec2 f)\n"
            f"{{ vec2 uv = f / iResolution.xy; c = vec4(fract(uv.x * {k + 2}.0 + iTime * 0.3),"
            f" uv.y, sin(iTime * {k + 1}.0) * 0.5 + 0.5, 1.0); }}\n"
        )
    (root / "fam" / "flat.glsl").write_text(
        "void mainImage(out vec4 c, in vec2 f) { c = vec4(0.5); }\n"
    )
    return root


def test_validate_then_list_select_and_info(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = _tiny_bank(tmp_path / "bank")
    base = ["--no-builtin", "--bank", str(bank)]
    assert main([*base, "validate", "--workers", "1"]) == 0
    out = capsys.readouterr()
    assert "ok" in out.out and "fam/flat: constant image" in out.err
    assert (bank / "index.json").exists()

    assert main([*base, "validate"]) == 0
    assert "nothing to validate" in capsys.readouterr().out

    assert main([*base, "list", "--status", "quarantined"]) == 0
    listed = capsys.readouterr().out
    assert "fam/flat" in listed and "fam/p0" not in listed

    selection = tmp_path / "programs.txt"
    assert main([*base, "select", "--count", "2", "--seed", "1", "--out", str(selection)]) == 0
    ids = [line for line in selection.read_text().splitlines() if not line.startswith("#")]
    assert len(ids) == 2 and "fam/flat" not in ids
    assert (
        main([*base, "select", "--count", "2", "--seed", "1", "--out", str(tmp_path / "b.txt")])
        == 0
    )
    assert (tmp_path / "b.txt").read_text() == selection.read_text()

    sheet = tmp_path / "info.png"
    assert main([*base, "info", "fam/p1", "--out", str(sheet), "--device", "cpu"]) == 0
    info = capsys.readouterr().out
    assert "fam/p1" in info and "mainImage" in info and "at 256 px" in info
    assert Image.open(sheet).width > 128


def test_select_more_than_there_are_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank = _tiny_bank(tmp_path / "bank")
    args = ["--no-builtin", "--bank", str(bank), "select", "--include-new", "--count", "99"]
    assert main(args) == 1
    assert "only 4 match" in capsys.readouterr().err
