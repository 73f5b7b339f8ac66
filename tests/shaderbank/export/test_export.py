"""`shaderbank export`: what it writes reads back with webdataset and torchvision's
ImageFolder as the images a renderer draws for the recorded parameters; a killed export
resumes without losing or repeating a sample; parts of --shard i/n add up to the whole."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from shaderbank.bank.bank import Bank
from shaderbank.errors import ShaderbankError
from shaderbank.export import ExportSettings, Part, run_export
from shaderbank.program.params import Params
from shaderbank.render.renderer import Renderer

ROOT = Path(__file__).resolve().parents[3]
GOOD = """void mainImage(out vec4 c, in vec2 f)
{{
    vec2 uv = f / iResolution.xy;
    c = vec4(fract(uv.x * {k}.0 + iTime * 0.3), uv.y + iMouse.x / iResolution.x,
             0.5 + 0.5 * sin(iTime * {k}.0 + uv.y * 3.0), 1.0);
}}
"""
BROKEN = "void mainImage(out vec4 c, in vec2 f) { c = vec4(nope); }\n"
# Slow enough per image (a few tens of ms at 32 px on llvmpipe) that an export of a few
# shards can be killed in the middle.
LOOPS = 40
SLOW = """void mainImage(out vec4 c, in vec2 f)
{{
    float x = iTime + f.x * 0.013 + f.y * 0.007 + {k}.0;
    for (int i = 0; i < {loops}; i++) {{
        for (int j = 0; j < 100; j++) {{
            x = fract(sin(x * 12.9898 + float(j)) * 43758.5453);
        }}
    }}
    c = vec4(x, fract(x * 7.0), fract(iTime * 0.1), 1.0);
}}
"""


def make_bank(root: Path, sources: dict[str, str]) -> tuple[Bank, list[str]]:
    root.mkdir(parents=True, exist_ok=True)
    for name, source in sources.items():
        (root / f"{name}.glsl").write_text(source)
    bank = Bank.load(root)
    return bank, bank.ids


def good_bank(root: Path, count: int = 3) -> tuple[Bank, list[str]]:
    return make_bank(root, {f"good{k}": GOOD.format(k=k + 2) for k in range(count)})


def read_tar(path: Path) -> dict[str, bytes]:
    with tarfile.open(path) as tar:
        return {
            member.name: tar.extractfile(member).read()  # type: ignore[union-attr]
            for member in tar.getmembers()
        }


def decode(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def test_webdataset_shards_read_back_as_the_rendered_images(
    tmp_path: Path, renderer: Renderer
) -> None:
    import webdataset as wds

    bank, ids = good_bank(tmp_path / "bank")
    settings = ExportSettings(images_per_program=3, size=16, seed=5, shard_size=4)
    report = run_export(bank, ids, tmp_path / "out", settings, workers=1)
    assert report.written == 9 and report.shards == 3 and not report.failed
    shards = sorted((tmp_path / "out").glob("shard-*.tar"))
    assert [path.name for path in shards] == [f"shard-00000{k}.tar" for k in range(3)]
    assert report.data.endswith("shard-{000000..000002}.tar")

    dataset = wds.WebDataset([str(path) for path in shards], shardshuffle=False)
    samples = list(dataset.decode("rgb8"))
    keys = [sample["__key__"] for sample in samples]
    assert len(keys) == len(set(keys)) == 9
    seen = set()
    for sample in samples:
        meta = sample["json"]
        assert int(sample["cls"]) == meta["label"] == ids.index(meta["program"])
        seen.add((meta["program"], meta["index"]))
        point = Params(time=meta["time"], mouse=tuple(meta["mouse"]))
        image = renderer.render(bank.program(meta["program"]), [point], 16)[0]
        np.testing.assert_array_equal(sample["png"], image)
    assert seen == {(i, k) for i in ids for k in range(3)}
    # Each program's images were drawn at different parameters.
    times = {(s["json"]["program"], s["json"]["time"]) for s in samples}
    assert len(times) == 9


def test_an_imagefolder_tree_reads_back_with_torchvision_in_label_order(tmp_path: Path) -> None:
    from torchvision.datasets import ImageFolder

    bank, ids = good_bank(tmp_path / "bank")
    tar = ExportSettings(images_per_program=2, size=16, seed=1, shard_size=4)
    run_export(bank, ids, tmp_path / "tar", tar, workers=1)
    tree = ExportSettings(**{**tar.__dict__, "format": "imagefolder"})
    report = run_export(bank, ids, tmp_path / "tree", tree, workers=1)
    assert report.written == 6

    folder = ImageFolder(str(tmp_path / "tree"))
    assert len(folder) == 6 and len(folder.classes) == 3
    members = {}
    for path in sorted((tmp_path / "tar").glob("shard-*.tar")):
        members.update(read_tar(path))
    for path, target in folder.samples:
        meta = json.loads(Path(path).with_suffix(".json").read_text())
        assert target == meta["label"] == ids.index(meta["program"])
        # The same sample, byte for byte, in both formats.
        assert Path(path).read_bytes() == members[Path(path).name]


def test_parts_add_up_to_the_whole_and_other_settings_are_refused(tmp_path: Path) -> None:
    bank, ids = good_bank(tmp_path / "bank", count=4)
    settings = ExportSettings(images_per_program=3, size=8, seed=2, shard_size=5)
    run_export(bank, ids, tmp_path / "whole", settings, workers=1)
    for index in range(2):
        report = run_export(bank, ids, tmp_path / "parts", settings, part=Part(index, 2), workers=1)
        assert report.shards == (2 if index == 0 else 1)
    whole = sorted(p.name for p in (tmp_path / "whole").glob("shard-*.tar"))
    assert whole == sorted(p.name for p in (tmp_path / "parts").glob("shard-*.tar"))
    for name in whole:
        assert (tmp_path / "whole" / name).read_bytes() == (tmp_path / "parts" / name).read_bytes()
    assert (tmp_path / "parts" / "manifest-1-of-2.json").is_file()

    again = run_export(bank, ids, tmp_path / "whole", settings, workers=1)
    assert again.written == 0 and again.skipped == 12
    other = ExportSettings(**{**settings.__dict__, "size": 16})
    with pytest.raises(ShaderbankError, match="other settings"):
        run_export(bank, ids, tmp_path / "whole", other, workers=1)
    with pytest.raises(ShaderbankError, match="i/n"):
        Part.parse("2/2")


def test_under_torchrun_each_rank_takes_its_part(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RANK", raising=False)
    monkeypatch.delenv("WORLD_SIZE", raising=False)
    assert Part.from_env() == Part(0, 1)
    monkeypatch.setenv("RANK", "2")
    monkeypatch.setenv("WORLD_SIZE", "3")
    assert Part.from_env() == Part(2, 3) == Part.parse("2/3")


def test_a_program_that_does_not_compile_is_left_out_and_named(tmp_path: Path) -> None:
    bank, ids = make_bank(tmp_path / "bank", {"good": GOOD.format(k=3), "broken": BROKEN})
    settings = ExportSettings(images_per_program=2, size=8, seed=0, shard_size=3)
    report = run_export(bank, ids, tmp_path / "out", settings, workers=1)
    assert set(report.failed) == {"broken"} and "compile" in report.failed["broken"]
    assert report.written == 2
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    named = [entry["failed"] for entry in manifest["done"].values() if entry["failed"]]
    assert named and all(set(failed) == {"broken"} for failed in named)


def finished_shards(out: Path) -> dict[str, object]:
    """The shards the manifest records (written atomically: whole or absent)."""
    path = out / "manifest.json"
    return json.loads(path.read_text())["done"] if path.is_file() else {}


def export_command(bank: Path, out: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "shaderbank.cli.main",
        "--bank",
        str(bank),
        "--no-builtin",
        "export",
        "--out",
        str(out),
        "--images-per-program",
        "2",
        "--size",
        "32",
        "--shard-size",
        "2",
        "--workers",
        "1",
        *extra,
    ]


def test_a_killed_export_resumes_without_lost_or_repeated_samples(tmp_path: Path) -> None:
    sources = {f"slow{k}": SLOW.format(k=k, loops=LOOPS) for k in range(8)}
    bank, ids = make_bank(tmp_path / "bank", sources)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        export_command(tmp_path / "bank", out),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 240
    while not finished_shards(out) and process.poll() is None:
        assert time.monotonic() < deadline, "no shard within 240 s"
        time.sleep(0.01)
    assert process.poll() is None, "the export ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    manifest = json.loads((out / "manifest.json").read_text())
    assert 1 <= len(manifest["done"]) < 8

    # Run again with output piped: it finishes the rest and says how it goes.
    resumed = subprocess.run(
        export_command(tmp_path / "bank", out),
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=ROOT,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert "exporting: " in resumed.stderr and "images/s" in resumed.stderr
    assert "done before" in resumed.stdout
    assert not list(out.glob(".*.tmp"))

    whole = tmp_path / "whole"
    settings = ExportSettings(images_per_program=2, size=32, seed=0, shard_size=2)
    run_export(bank, ids, whole, settings, workers=1)
    names = sorted(p.name for p in whole.glob("shard-*.tar"))
    assert names == sorted(p.name for p in out.glob("shard-*.tar")) and len(names) == 8
    keys: list[str] = []
    for name in names:
        assert (out / name).read_bytes() == (whole / name).read_bytes(), name
        keys += [member for member in read_tar(out / name) if member.endswith(".png")]
    assert len(keys) == len(set(keys)) == 16


def test_a_program_list_from_select_names_what_is_exported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from shaderbank.bank.selection import write_selection
    from shaderbank.cli.main import main

    bank, ids = good_bank(tmp_path / "bank")
    monkeypatch.setenv("SHADERBANK_BANK", str(tmp_path / "bank"))  # the built-in bank here
    listed = tmp_path / "programs.txt"
    write_selection(listed, bank, ids[:2])  # names its bank: the built-in one, loaded anyway
    out = tmp_path / "out"
    argv = ["export", str(listed), "--out", str(out), "--size", "8"]
    argv += ["--images-per-program", "2", "--workers", "1"]
    assert main(argv) == 0
    assert "wrote 4 images" in capsys.readouterr().out
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["programs"] == ids[:2]
