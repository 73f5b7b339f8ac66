"""Imports as real processes into one bank folder: two at once keep each other's programs
and never overwrite a file, and a killed import's re-run adds no copies (issue 23)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from shaderbank.bank.index import STATUS_OK

ROOT = Path(__file__).resolve().parents[3]
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}

# Programs that no fingerprint mistakes for one another: stripes of their own direction,
# frequency and colour.
PROGRAM = """void mainImage(out vec4 fragColor, in vec2 fragCoord)
{{
    vec2 uv = fragCoord / iResolution.xy;
    float s = 0.5 + 0.5 * sin(dot(uv, vec2({dx}, {dy})) * {f}.0 + iTime);
    fragColor = vec4(s * {r}, (1.0 - s) * {g}, fract(uv.x * {k}.0), 1.0);
}}
"""


def write_programs(folder: Path, numbers: range, stem: str | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in numbers:
        text = PROGRAM.format(
            dx=1 + n % 3, dy=(n * 7) % 5 - 2, f=3 + 2 * n, r=0.3 + 0.07 * n,
            g=1.0 - 0.05 * n, k=1 + n % 4,
        )  # fmt: skip
        path = folder / f"{stem or f'p{n}'}.glsl"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def import_command(command: str, paths: list[Path], bank: Path) -> list[str]:
    report = bank.parent / f"report-{os.urandom(4).hex()}.json"  # one per process
    return [
        sys.executable, "-m", "shaderbank.cli.main", command, *map(str, paths),
        "--into", str(bank), "--workers", "1", "--report", str(report),
    ]  # fmt: skip


def run_together(commands: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    processes = [
        subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
        for c in commands
    ]
    done = []
    for process, command in zip(processes, commands, strict=True):
        out, err = process.communicate(timeout=300)
        done.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    return done


def lines(out: str, status: str) -> int:
    return sum(line.startswith(f"{status} ") for line in out.splitlines())


def indexed(bank: Path) -> dict[str, str]:
    """Program id -> status, from index.json itself."""
    columns = json.loads((bank / "index.json").read_text())["columns"]
    return dict(zip(columns["id"], columns["status"], strict=True))


def test_two_imports_into_one_folder_at_once_keep_all_programs(tmp_path: Path) -> None:
    first = write_programs(tmp_path / "a", range(0, 4))
    second = write_programs(tmp_path / "c", range(4, 8))
    bank = tmp_path / "bank"
    results = run_together(
        [import_command("import", first, bank), import_command("import", second, bank)]
    )
    for result in results:
        assert result.returncode == 0, result.stderr
        assert lines(result.stdout, "added") == 4, result.stdout
    index = indexed(bank)
    assert len(index) == 8 and set(index.values()) == {STATUS_OK}, index
    assert len(list(bank.rglob("*.glsl"))) == 8


def test_two_adds_of_one_file_name_keep_both_files(tmp_path: Path) -> None:
    # Same stem, different programs: the second must get its own name, not the first's.
    one = write_programs(tmp_path / "one", range(0, 1), stem="wave")
    two = write_programs(tmp_path / "two", range(5, 6), stem="wave")
    bank = tmp_path / "bank"
    results = run_together([import_command("add", one, bank), import_command("add", two, bank)])
    for result in results:
        assert result.returncode == 0, result.stderr
        assert lines(result.stdout, "added") == 1, result.stdout
    files = sorted(bank.rglob("*.glsl"))
    assert len(files) == 2, files
    bodies = {path.read_text().split("*/", 1)[-1].strip() for path in files}
    assert len(bodies) == 2  # neither overwrote the other
    assert len(indexed(bank)) == 2


def test_a_killed_import_run_again_adds_no_copies(tmp_path: Path) -> None:
    count = 10
    paths = write_programs(tmp_path / "in", range(count))
    bank = tmp_path / "bank"
    process = subprocess.Popen(
        import_command("import", [tmp_path / "in"], bank),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=ENV,
        start_new_session=True,
    )
    assert process.stdout is not None
    added = 0
    deadline = time.monotonic() + 240
    for line in process.stdout:
        added += line.startswith("added ")
        if added == 4:
            break
        assert time.monotonic() < deadline
    assert added == 4, "the import ended before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)  # the import and its render workers
    process.wait()

    again = subprocess.run(
        import_command("import", [tmp_path / "in"], bank),
        capture_output=True, text=True, timeout=300, env=ENV,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert lines(again.stdout, "duplicate") >= 4, again.stdout
    index = indexed(bank)
    assert len(index) == len(paths), sorted(index)
    assert not [i for i in index if i.endswith("-2")]
    assert set(index.values()) == {STATUS_OK}
    assert len(list(bank.rglob("*.glsl"))) == len(paths)
