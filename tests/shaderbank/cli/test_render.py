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


@pytest.mark.parametrize(
    ("options", "message"),
    [
        # Issue 23 items 9 and 10: refused before any work, in one line (exit 2).
        (["--size", "100000"], "expected at most 4096 px"),
        (["--times", "nan"], "times must be finite"),
        (["--gif", "--fps", "0"], "expected a positive number"),
    ],
)
def test_bad_numbers_are_refused_when_parsed(
    options: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["render", "fbm", *options])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_an_out_that_cannot_be_written_is_refused_before_drawing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import shaderbank.cli.render as render

    def no_drawing(*_: object, **__: object) -> None:
        raise AssertionError("drew before checking --out")

    monkeypatch.setattr(render, "load_programs", no_drawing)
    assert main(["render", "fbm", "--out", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert main(["render", "fbm", "--out", str(tmp_path / "x.xyz")]) == 2
    assert "cannot write .xyz" in capsys.readouterr().err
    assert main(["render", "fbm", "--gif", "--out", str(tmp_path / "x.jpg")]) == 2


def test_a_file_is_drawn_in_a_watched_worker_with_a_timeout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Issue 23 item 8: an untrusted file ran in the CLI's own process with no limit.
    from tests.helpers import HEAVY_SOURCE

    heavy = tmp_path / "heavy.glsl"
    heavy.write_text(HEAVY_SOURCE)
    args = ["render", str(heavy), "--size", "64", "--device", "cpu", "--timeout", "1"]
    assert main([*args, "--out", str(tmp_path / "s.png")]) == 2
    assert "drawing stopped (timeout" in capsys.readouterr().err


def test_files_are_accepted_whatever_their_names(tmp_path: Path) -> None:
    # Issue 23 item 11: "my shader.glsl" and "café.glsl" were refused for their names.
    source = (Path(__file__).parents[3] / "shaders" / "fbm").glob("*.glsl")
    text = next(iter(source)).read_text()
    files = [tmp_path / "my shader.glsl", tmp_path / "café.glsl"]
    for file in files:
        file.write_text(text)
    out = tmp_path / "names.png"
    assert main(["render", *map(str, files), "--size", "16", "--out", str(out)]) == 0
