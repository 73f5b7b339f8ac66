"""Importing the corpus: every dialect and variant is added and renders the image its
source promises; bad input gets one reason each and never harms the bank."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from shaderbank.bank.bank import Bank
from shaderbank.bank.index import STATUS_OK
from shaderbank.cli.main import main
from shaderbank.curate.import_report import ImportReport
from shaderbank.curate.importer import import_paths
from shaderbank.program.licences import CLASSES, classes_of
from shaderbank.program.params import Params
from shaderbank.render.renderer import Renderer

CORPUS = Path(__file__).parent / "import_corpus"
GOOD_FOLDERS = ("shadertoy", "shadertoy-json", "twigl", "glslsandbox", "bookofshaders", "bare")

# Bad inputs and the words their one-line reason must hold.
BAD = {
    "bad/syntax_error.glsl": ("rejected", "line 4: syntax error"),
    "bad/undefined_identifier.glsl": ("rejected", "notDeclaredAnywhere"),
    "bad/endless_loop.glsl": ("quarantined", "timeout"),
    "bad/nan_output.glsl": ("quarantined", "non-finite"),
    "bad/constant_output.glsl": ("quarantined", "constant"),
    "bad/empty.glsl": ("rejected", "empty file"),
    "bad/garbage.bin": ("rejected", "binary"),
    "bad/latin1_code.glsl": ("rejected", "not UTF-8"),
    "bad/not_a_shader.txt": ("rejected", "not a shader"),
    "bad/no_output.frag": ("rejected", "writes no colour"),
    "bad/json_missing_code.json": ("rejected", "missing field 'code'"),
    "bad/json_wrong_types.json": ("rejected", "expected str, got int"),
    "bad/json_inputs_wrong.json": ("rejected", "channel must be 0..3"),
    "bad/json_truncated.json": ("rejected", "invalid JSON"),
    "bad/json_no_image.json": ("rejected", "no image pass"),
    "bad/json_not_shader.json": ("rejected", "without shader code"),
}


def _gradient(image: np.ndarray) -> bool:
    """Red grows left to right and green bottom to top: the corpus' uv = fragCoord/res."""
    red, green = image[..., 0], image[..., 1]
    return bool(
        red[:, -6:].mean() - red[:, :6].mean() > 0.5 and green[:6].mean() - green[-6:].mean() > 0.5
    )


def _trail(image: np.ndarray) -> bool:
    """A moving dot drawn over its own fading previous frames: far more lit pixels than
    one dot (radius 0.07 covers 1.5% of the image)."""
    return bool((image.max(axis=-1) > 0.2).mean() > 0.04)


def _varied(image: np.ndarray) -> bool:
    return bool(image.reshape(-1, 3).std(axis=0).max() > 0.1)


# Programs that do not draw the uv gradient, and what their image must show instead.
CHECKS: dict[str, Callable[[np.ndarray], bool]] = {
    "shadertoy/raymarch.glsl": _varied,
    "glslsandbox/sandbox_style_fractal.frag": _varied,
    "twigl/geekest-helpers.twigl": _varied,
    "shadertoy-json/multipass_feedback.json": _trail,
    "glslsandbox/backbuffer.frag": _trail,
    "twigl/classic-backbuffer.glsl": _trail,
}


def _good_files() -> list[str]:
    return sorted(
        path.relative_to(CORPUS).as_posix()
        for folder in GOOD_FOLDERS
        for path in (CORPUS / folder).iterdir()
    )


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[ImportReport, Path]:
    folder = tmp_path_factory.mktemp("imported")
    # The corpus draws one gradient in every dialect on purpose (it tests conversion);
    # near-duplicates at import have their own test (test_import_authors.py).
    report = import_paths([CORPUS], folder, timeout=4.0, near_duplicates=False)
    return report, folder


def _items(report: ImportReport, relative: str) -> list:
    origin = str(CORPUS / relative)
    return [i for i in report.items if i.origin == origin or i.origin.startswith(origin + "#")]


def test_the_corpus_has_sixty_programs_across_every_dialect() -> None:
    good = _good_files()
    assert len(good) + len(BAD) >= 60
    assert {name.split("/")[0] for name in good} == set(GOOD_FOLDERS)


@pytest.mark.parametrize("relative", _good_files())
def test_every_good_program_is_added_and_draws_what_it_promises(
    imported: tuple[ImportReport, Path], relative: str, renderer: Renderer
) -> None:
    report, folder = imported
    items = _items(report, relative)
    assert items, f"{relative} was not reported"
    bank = Bank.load(folder)
    check = CHECKS.get(relative, _gradient)
    for item in items:
        assert item.status == "added", f"{relative}: {item.status}: {item.reason}"
        assert bank.entry(item.program_id).status == STATUS_OK
        program = bank.program(item.program_id)
        params = [Params(time=2.0, mouse=(0.37, 0.61, 0.0, 0.0))]
        image = renderer.render(program, params, 48, pixel_type="float32")[0]
        assert np.isfinite(image).all()
        assert check(np.clip(image, 0.0, 1.0)), f"{relative}: unexpected image"


@pytest.mark.parametrize("relative", sorted(BAD))
def test_each_bad_input_gets_one_line_with_its_reason(
    imported: tuple[ImportReport, Path], relative: str
) -> None:
    report, _ = imported
    items = _items(report, relative)
    status, words = BAD[relative]
    assert len(items) == 1
    assert items[0].status == status
    assert words in items[0].reason
    assert "\n" not in items[0].reason


def test_provenance_is_in_the_header_and_the_index(imported: tuple[ImportReport, Path]) -> None:
    report, folder = imported
    bank = Bank.load(folder)
    (item,) = _items(report, "shadertoy-json/common.json")
    entry = bank.entry(item.program_id)
    assert entry.author == "corpus-author"
    assert (entry.licence, entry.licence_basis) == ("CC-BY-NC-SA-3.0", "inferred")
    assert "Shadertoy default" in entry.licence_note
    assert entry.dialect == "shadertoy-json:single"
    assert entry.provenance.startswith("import:shadertoy-json:single:")
    text = (folder / entry.path).read_text()
    assert "// source: " in text and "common.json" in text
    (latin,) = _items(report, "shadertoy/latin1_comment.glsl")
    assert "CC0" in bank.entry(latin.program_id).licence
    assert (bank.entry(latin.program_id).licence_basis) == "stated"
    (described,) = _items(report, "shadertoy-json/licence_in_description.json")
    assert bank.entry(described.program_id).origin == "https://www.shadertoy.com/view/Lc4Byd"


# Licences in the corpus: what these files state; every other Shadertoy JSON export states
# none and gets Shadertoy's default, inferred; every other file's licence is unknown.
STATED = {
    "shadertoy/latin1_comment.glsl": "CC0-1.0",
    "shadertoy/licence_spdx_mit.glsl": "MIT",
    "shadertoy-json/licence_in_description.json": "CC-BY-4.0",
}


def _expected_licence(relative: str) -> tuple[str, str]:
    if relative in STATED:
        return STATED[relative], "stated"
    if relative.startswith("shadertoy-json/"):
        return "CC-BY-NC-SA-3.0", "inferred"
    return "unknown", "none"


def test_licences_reports_the_expected_classes(
    imported: tuple[ImportReport, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    report, folder = imported
    bank = Bank.load(folder)
    checked: Counter[str] = Counter()
    for relative in _good_files():
        licence, basis = _expected_licence(relative)
        for item in _items(report, relative):
            if item.status != "added":  # a duplicate's licence is its twin's
                continue
            entry = bank.entry(item.program_id)
            assert (entry.licence, entry.licence_basis) == (licence, basis), relative
            checked[basis] += 1
    assert checked["inferred"] and checked["none"]
    assert main(["--no-builtin", "--bank", str(folder), "licences"]) == 0
    out = capsys.readouterr().out
    # Every program of the bank, should the corpus grow beyond the folders above.
    counts = Counter(name for e in bank.entries for name in classes_of(e.licence))
    for name in CLASSES:
        # The class table's row: the class, a rule, its count, a rule.
        assert re.search(rf"{name}\s*[│┃|]\s*{counts[name]}\s*[│┃|]", out), name


def test_the_bank_holds_exactly_the_added_programs(imported: tuple[ImportReport, Path]) -> None:
    report, folder = imported
    bank = Bank.load(folder, scan=True)
    added = {item.program_id for item in report.items if item.status == "added"}
    assert set(bank.ids) == added
    assert not bank.problems
    summary = report.summary()
    assert sum(row["found"] for row in summary.values()) == len(report.items)
    assert summary["twigl"]["added"] == summary["twigl"]["found"]


def test_importing_again_reports_duplicates_and_adds_nothing(
    imported: tuple[ImportReport, Path],
) -> None:
    report, folder = imported
    again = import_paths([CORPUS / "twigl", CORPUS / "bookofshaders"], folder)
    assert again.items and all(item.status == "duplicate" for item in again.items)
    assert len(Bank.load(folder)) == report.added


def test_duplicates_within_one_run_differ_only_in_comments(tmp_path: Path) -> None:
    source = (CORPUS / "shadertoy/plain.glsl").read_text()
    (tmp_path / "in").mkdir()
    (tmp_path / "in/a.glsl").write_text(source)
    (tmp_path / "in/b.glsl").write_text("// a copy\n" + source.replace("    ", "  "))
    report = import_paths([tmp_path / "in"], tmp_path / "bank")
    statuses = {Path(item.origin).name: item.status for item in report.items}
    assert statuses == {"a.glsl": "added", "b.glsl": "duplicate"}


def test_fine_patterns_with_equal_fingerprints_are_both_imported(tmp_path: Path) -> None:
    # The checkerboard and the stripes share their 8x8 fingerprints; validate keeps both
    # after a second look at finer thumbnails, and so must import. A copy of the stripes
    # written otherwise (another normalised source) is still a near-duplicate.
    from tests.shaderbank.curate.test_validation import FINE

    (tmp_path / "in").mkdir()
    (tmp_path / "in/checker.glsl").write_text(FINE.format(pattern="cell.x + cell.y"))
    (tmp_path / "in/stripes.glsl").write_text(FINE.format(pattern="cell.x"))
    (tmp_path / "later").mkdir()
    (tmp_path / "later/stripes2.glsl").write_text(FINE.format(pattern="cell.x + 0.0"))
    folder = tmp_path / "bank"
    first = import_paths([tmp_path / "in"], folder, workers=1)
    assert sorted(item.status for item in first.items) == ["added", "added"]
    bank = Bank.load(folder)
    checker, stripes = sorted(bank.ids)
    assert (bank.fingerprint(checker) == bank.fingerprint(stripes)).all()
    (copy,) = import_paths([tmp_path / "later"], folder, workers=1).items
    assert copy.status == "duplicate"
    assert copy.reason == f"near-duplicate of {stripes} (looks the same)"
    assert len(Bank.load(folder)) == 2


def test_a_five_megabyte_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    big = tmp_path / "big.glsl"
    line = "// " + "x" * 96 + "\n"
    big.write_text("void mainImage(out vec4 c, in vec2 f){c=vec4(1);}\n" + line * 52_000)
    assert big.stat().st_size > 5_000_000
    report = import_paths([big], tmp_path / "bank")
    (item,) = report.items
    assert item.status == "rejected" and "too large" in item.reason


def test_add_prints_one_line_and_writes_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "bank"
    code = main(["add", str(CORPUS / "glslsandbox/surface.frag"), "--into", str(folder)])
    out = capsys.readouterr().out
    assert code == 0
    lines = [line for line in out.splitlines() if line.startswith("added")]
    assert len(lines) == 1 and "glslsandbox:surface" in lines[0]
    report = json.loads((folder / "import-report.json").read_text())
    assert report["summary"]["glslsandbox"]["added"] == 1
    assert main(["add", str(CORPUS / "bad/empty.glsl"), "--into", str(folder)]) == 1
    assert "empty file" in capsys.readouterr().out


def test_import_cli_rejects_an_unknown_dialect_in_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["import", str(CORPUS / "twigl"), "--dialect", "webgpu"]) == 2
    err = capsys.readouterr().err.strip()
    assert "unknown --dialect 'webgpu'" in err and "\n" not in err


def test_a_pinned_dialect_is_used(tmp_path: Path) -> None:
    report = import_paths(
        [CORPUS / "twigl/geeker-webgl1.glsl"], tmp_path / "bank", dialect="twigl:geeker-webgl1"
    )
    (item,) = report.items
    assert item.status == "added" and item.dialect == "twigl:geeker-webgl1"


@pytest.mark.parametrize("command", ["import", "add"])
def test_into_a_file_is_one_line_that_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("mine\n")
    assert main([command, str(CORPUS / "glslsandbox/surface.frag"), "--into", str(target)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(target) in err and "not a folder" in err, err
    assert target.read_text() == "mine\n"
